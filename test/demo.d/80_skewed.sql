-- Revenue is heavily skewed: about 90% of users buy nothing and a few buyers
-- spend a lot (kurtosis above 1000), so a t-test on it is driven by a
-- handful of large orders.  A rank test asks instead whether B's users
-- tend to bring more revenue than A's.  sample_agg() collects every value
-- of a variant (sorted) into a stats_sample; mann_whitney_test(treatment,
-- control) is R's wilcox.test(B, A, conf.int = TRUE): W counts the pairs
-- (B user, A user) where B's revenue is higher, ties counting 1/2.
\x on
SELECT r.*
FROM (SELECT sample_agg(revenue) FILTER (WHERE variant = 'B') AS b,
			 sample_agg(revenue) FILTER (WHERE variant = 'A') AS a
	  FROM experiment_users) s,
	 LATERAL mann_whitney_test(s.b, s.a) r;
\x off
-- R gives the same p-value, 3.566707e-06.  The estimate (the Hodges-Lehmann
-- shift, the median of all B - A differences) is 0: most users of both arms
-- bring nothing, so the typical difference is 0; the effect is in how many
-- buy, and in how much the buyers spend.

-- Among buyers: the order value's median and quartiles (R's quantile(),
-- type 7) per variant.
SELECT variant, n(s) AS buyers, median(s), quantile(s, 0.25) AS q25,
	   quantile(s, 0.75) AS q75, quantile(s, 0.9) AS q90
FROM (SELECT variant, sample_agg(revenue) AS s
	  FROM experiment_users WHERE revenue > 0 GROUP BY variant) q
ORDER BY variant;

-- Did the order value shift?  The shift of B's buyers over A's, with its 95%
-- confidence interval, and whether the two distributions differ at all
-- (two-sample Kolmogorov-Smirnov, R's ks.test).
SELECT 'mann_whitney_test' AS test, r.statistic, r.p_value, r.estimate, r.ci_lower, r.ci_upper
FROM (SELECT sample_agg(revenue) FILTER (WHERE variant = 'B') AS b,
			 sample_agg(revenue) FILTER (WHERE variant = 'A') AS a
	  FROM experiment_users WHERE revenue > 0) s,
	 LATERAL mann_whitney_test(s.b, s.a) r
UNION ALL
SELECT 'ks_test', r.statistic, r.p_value, NULL, NULL, NULL
FROM (SELECT sample_agg(revenue) FILTER (WHERE variant = 'B') AS b,
			 sample_agg(revenue) FILTER (WHERE variant = 'A') AS a
	  FROM experiment_users WHERE revenue > 0) s,
	 LATERAL ks_test(s.b, s.a) r;

-- Four arms: the cells of the two overlapping experiments (variant x
-- variant2).  kruskal_test(arm, sample) is an aggregate over one sample per
-- arm (rows of the same arm are merged first): R's kruskal.test.
SELECT (kruskal_test(variant || '/' || variant2, s)).*
FROM (SELECT variant, variant2, sample_agg(revenue) AS s
	  FROM experiment_users GROUP BY variant, variant2) cells;

-- Samples can be stored like summaries: one per day and variant, rolled up
-- for any period with rollup().  The first week, tested from the stored
-- samples alone:
CREATE MATERIALIZED VIEW daily_sample AS
SELECT day, variant, sample_agg(revenue) AS revenue
FROM experiment_users GROUP BY day, variant;
SELECT r.statistic, r.p_value, r.estimate
FROM mann_whitney_test((SELECT rollup(revenue) FROM daily_sample
						WHERE variant = 'B' AND day < date '2026-10-08'),
					   (SELECT rollup(revenue) FROM daily_sample
						WHERE variant = 'A' AND day < date '2026-10-08')) r;
