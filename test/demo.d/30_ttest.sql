-- Did B (treatment) change revenue per user?  Welch's t-test, as R's
-- t.test(B, A), in a single scan: each FILTERed stats_agg() summarizes one
-- variant.  estimate = mean(B) - mean(A), the lift per user, with its 95%
-- confidence interval.
\x on
SELECT (t_test(stats_agg(revenue) FILTER (WHERE variant = 'B'), stats_agg(revenue) FILTER (WHERE variant = 'A'))).* FROM experiment_users;

-- Conversion: the same test on the 0/1 metric compares conversion rates
-- (estimate = difference in conversion rate).
SELECT (t_test(stats_agg(converted) FILTER (WHERE variant = 'B'),
			   stats_agg(converted) FILTER (WHERE variant = 'A'))).*
FROM experiment_users;
\x off

-- A dashboard can test from the stored daily summaries instead of the raw
-- rows: rollup() per variant, then t_test().  Same result as above.
SELECT statistic, df, p_value, estimate, ci_lower, ci_upper
FROM t_test((SELECT rollup(revenue) FROM daily_summary WHERE variant = 'B'),
			(SELECT rollup(revenue) FROM daily_summary WHERE variant = 'A'));

-- The lift within each arm of the overlapping experiment (variant2).
SELECT variant2, (t).estimate AS revenue_lift, (t).ci_lower, (t).ci_upper, (t).p_value
FROM (SELECT variant2,
			 t_test(stats_agg(revenue) FILTER (WHERE variant = 'B'),
					stats_agg(revenue) FILTER (WHERE variant = 'A')) AS t
	  FROM experiment_users GROUP BY variant2) s
ORDER BY variant2;
