-- Per-variant summaries of revenue per user, in one pass over the table.
-- Revenue is very skewed (most users buy nothing), hence the large
-- skewness and kurtosis; mean_ci is the 95% t interval of the mean.
SELECT variant,
	   n(revenue) AS users,
	   mean(revenue),
	   stddev(revenue),
	   skewness(revenue),
	   kurtosis(revenue),
	   max_value(revenue) AS max,
	   mean_ci(revenue)
FROM (SELECT variant, stats_agg(revenue) AS revenue
	  FROM experiment_users GROUP BY variant) s
ORDER BY variant;

-- Conversion is a 0/1 metric: its mean is the conversion rate.
SELECT variant,
	   n(converted) AS users,
	   mean(converted) AS conversion_rate,
	   sem(converted),
	   mean_ci(converted)
FROM (SELECT variant, stats_agg(converted) AS converted
	  FROM experiment_users GROUP BY variant) s
ORDER BY variant;

-- What a stored summary holds: count, mean, central moments M2..M4, min, max.
SELECT variant, revenue FROM daily_summary WHERE day = '2026-10-01' ORDER BY variant;

-- Weekly numbers from the daily summaries: rollup() merges them exactly,
-- without reading experiment_users again.  Weeks of the experiment: seven
-- days each from its first day, 2026-10-01.
SELECT first_day, last_day, variant, n(s) AS users, mean(s), stddev(s)
FROM (SELECT (day - date '2026-10-01') / 7 AS week, variant,
			 min(day) AS first_day, max(day) AS last_day, rollup(revenue) AS s
	  FROM daily_summary GROUP BY 1, 2) w
ORDER BY week, variant;

-- The whole experiment rolled up from the view agrees with one pass over
-- the raw rows (to rounding: relative differences around 1e-15).
SELECT v.variant, n(v.s) = n(r.s) AS same_n,
	   abs(mean(v.s) / mean(r.s) - 1) < 1e-12 AS same_mean,
	   abs(stddev(v.s) / stddev(r.s) - 1) < 1e-12 AS same_stddev
FROM (SELECT variant, rollup(revenue) AS s FROM daily_summary GROUP BY variant) v
JOIN (SELECT variant, stats_agg(revenue) AS s FROM experiment_users GROUP BY variant) r
  USING (variant)
ORDER BY variant;
