-- Did B (treatment) change revenue per user?  Welch's t-test, as R's
-- t.test(B, A), in a single scan: each FILTERed stats_agg() summarizes one
-- variant.  estimate = mean(B) - mean(A), the lift per user, with its 95%
-- confidence interval.  The subquery computes the two summaries; t_test()
-- in FROM is then called once (written as (t_test(...)).* in the select
-- list, PostgreSQL would call it once per result field).
\x on
SELECT t.*
FROM (SELECT stats_agg(revenue) FILTER (WHERE variant = 'B') AS treatment,
			 stats_agg(revenue) FILTER (WHERE variant = 'A') AS control
	  FROM experiment_users) s,
	 LATERAL t_test(s.treatment, s.control) t;

-- Conversion: the same test on the 0/1 metric compares conversion rates
-- (estimate = difference in conversion rate).
SELECT t.*
FROM (SELECT stats_agg(converted) FILTER (WHERE variant = 'B') AS treatment,
			 stats_agg(converted) FILTER (WHERE variant = 'A') AS control
	  FROM experiment_users) s,
	 LATERAL t_test(s.treatment, s.control) t;
\x off

-- A dashboard can test from the stored daily summaries instead of the raw
-- rows: rollup() per variant, then t_test().  Same result as above.
SELECT statistic, df, p_value, estimate, ci_lower, ci_upper
FROM t_test((SELECT rollup(revenue) FROM daily_summary WHERE variant = 'B'),
			(SELECT rollup(revenue) FROM daily_summary WHERE variant = 'A'));

-- The lift within each arm of the overlapping experiment (variant2): one
-- pair of summaries and one t_test() per arm.
SELECT s.variant2, t.estimate AS revenue_lift, t.ci_lower, t.ci_upper, t.p_value
FROM (SELECT variant2,
			 stats_agg(revenue) FILTER (WHERE variant = 'B') AS treatment,
			 stats_agg(revenue) FILTER (WHERE variant = 'A') AS control
	  FROM experiment_users GROUP BY variant2) s,
	 LATERAL t_test(s.treatment, s.control) t
ORDER BY s.variant2;
