-- Did the median order value move?  quantile_test(treatment, control, q)
-- compares the q-quantiles of two samples: the difference with a
-- confidence interval from order statistics (the method GrowthBook
-- documents for quantile metrics), its p-value, and the relative
-- difference.  Among buyers, the median and the 90th percentile:
\x on
SELECT r.*
FROM (SELECT sample_agg(revenue) FILTER (WHERE variant = 'B') AS b,
			 sample_agg(revenue) FILTER (WHERE variant = 'A') AS a
	  FROM experiment_users WHERE revenue > 0) s,
	 LATERAL quantile_test(s.b, s.a) r;
\x off
SELECT q, r.estimate, r.ci_lower, r.ci_upper, r.p_value, r.rel_estimate,
	   r.treatment_quantile, r.control_quantile
FROM (SELECT sample_agg(revenue) FILTER (WHERE variant = 'B') AS b,
			 sample_agg(revenue) FILTER (WHERE variant = 'A') AS a
	  FROM experiment_users WHERE revenue > 0) s,
	 unnest(ARRAY[0.5, 0.9]) q,
	 LATERAL quantile_test(s.b, s.a, q) r;

-- Do the arms of a multi-arm test differ?  anova_test(arm, summary) is an
-- aggregate over labelled summaries, rows of one arm merged first: Welch's
-- one-way analysis of means (R's oneway.test).  The four cells of the two
-- overlapping experiments, on revenue per user:
SELECT (anova_test(variant || '/' || variant2, s)).*
FROM (SELECT variant, variant2, stats_agg(revenue) AS s
	  FROM experiment_users GROUP BY variant, variant2) cells;
-- (R: oneway.test(revenue ~ cell) gives F = 8.7663, num df = 3, denom df =
-- 110817, p-value = 8.269e-06.)
-- The same from the stored daily summaries (56 rows: one per day and
-- variant), here the two variants of the first experiment; with two arms
-- Welch's F is the square of Welch's t (t = 5.08294 in 30_ttest.sql).
SELECT (anova_test(variant, revenue)).* FROM daily_summary;

-- Does the order value drift with the day a buyer entered?  A rank
-- correlation over paired rows (R's cor.test, Spearman's rho by default,
-- 'kendall' for tau-b):
SELECT 'spearman' AS method, r.statistic, r.p_value, r.estimate, r.n
FROM (SELECT (rank_cor_test(day - date '2026-10-01', revenue)).* FROM experiment_users
	  WHERE revenue > 0) r
UNION ALL
SELECT 'kendall', r.statistic, r.p_value, r.estimate, r.n
FROM (SELECT (rank_cor_test(day - date '2026-10-01', revenue, 'kendall')).* FROM experiment_users
	  WHERE revenue > 0) r
ORDER BY method DESC;
-- (R: S = 1.4889e+12, p-value = 0.2287, rho -0.00836809; z = -1.2063,
-- p-value = 0.2277, tau -0.005690351.)  With ties (days, cents) Spearman's
-- p-value is R's t approximation and Kendall's statistic is z.
