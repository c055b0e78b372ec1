-- ratio_test() and cuped_test(): the dashboard row on joint summaries,
-- against the references of test/reference/gen_effects.R (R's t.test on
-- brute-force unit-level values: delta-method linearizations for ratios,
-- lm() coefficients for CUPED).
\getenv abs_srcdir PG_ABS_SRCDIR
\set csv :abs_srcdir '/test/reference/data/effects_units.csv'
CREATE TEMP TABLE ref_units (sample_id text, m1 float8, m2 float8, m3 float8, m4 float8);
\set cmd '\\copy ref_units FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd
\set csv :abs_srcdir '/test/reference/data/effects_joint.csv'
CREATE TEMP TABLE ref_joint (case_id int, test text, t_id text, c_id text, k int,
	theta_given text, alternative text, mu float8, equal_var boolean,
	conf_level float8, relative_ci text, statistic float8, df float8,
	p_value float8, estimate float8, ci_lower float8, ci_upper float8,
	std_error float8, rel_estimate float8, rel_ci_lower float8,
	rel_ci_upper float8, rel_std_error float8, rel_ci_kind text,
	treatment_mean float8, control_mean float8, variance_reduction float8,
	theta1 float8, theta2 float8, theta3 float8);
\set cmd '\\copy ref_joint FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd

-- the joint summaries of the first 2, 3 and 4 metrics of every arm (NULL
-- where an arm has fewer)
CREATE TEMP TABLE jarms AS
SELECT sample_id, stats_agg(m1, m2) AS s2, stats_agg(m1, m2, m3) AS s3,
	stats_agg(m1, m2, m3, m4) AS s4
FROM ref_units GROUP BY sample_id;
CREATE TEMP VIEW cases AS
SELECT r.*, CASE r.k WHEN 2 THEN t.s2 WHEN 3 THEN t.s3 ELSE t.s4 END AS ts,
	CASE r.k WHEN 2 THEN c.s2 WHEN 3 THEN c.s3 ELSE c.s4 END AS cs
FROM ref_joint r JOIN jarms t ON t.sample_id = r.t_id JOIN jarms c ON c.sample_id = r.c_id;

CREATE TEMP TABLE got_joint AS
SELECT x.case_id, g.*
FROM cases x,
LATERAL ratio_test(x.ts, x.cs, alternative => x.alternative, mu => x.mu,
				   equal_var => x.equal_var, conf_level => x.conf_level,
				   relative_ci => x.relative_ci) g
WHERE x.test = 'ratio'
UNION ALL
SELECT x.case_id, g.*
FROM cases x,
LATERAL cuped_test(x.ts, x.cs, alternative => x.alternative, mu => x.mu,
				   equal_var => x.equal_var, conf_level => x.conf_level,
				   relative_ci => x.relative_ci,
				   theta => nullif(x.theta_given, '')::float8[]) g
WHERE x.test = 'cuped';

CREATE FUNCTION pg_temp.rel_ok(a float8, b float8, tol float8) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE WHEN a IS NULL OR b IS NULL THEN a IS NULL AND b IS NULL
		WHEN a = b THEN true
		ELSE abs(a - b) <= tol * greatest(abs(b), 2.2250738585072014e-308) END $$;

CREATE TEMP VIEW cmp_joint AS
SELECT g.case_id, r.test, r.k, r.relative_ci, f.field, f.ours, f.ref
FROM got_joint g JOIN ref_joint r USING (case_id)
CROSS JOIN LATERAL (VALUES
	('statistic', g.statistic, r.statistic), ('df', g.df, r.df),
	('p_value', g.p_value, r.p_value), ('estimate', g.estimate, r.estimate),
	('ci_lower', g.ci_lower, r.ci_lower), ('ci_upper', g.ci_upper, r.ci_upper),
	('std_error', g.std_error, r.std_error),
	('rel_estimate', g.rel_estimate, r.rel_estimate),
	('rel_ci_lower', g.rel_ci_lower, r.rel_ci_lower),
	('rel_ci_upper', g.rel_ci_upper, r.rel_ci_upper),
	('rel_std_error', g.rel_std_error, r.rel_std_error),
	('treatment_mean', g.treatment_mean, r.treatment_mean),
	('control_mean', g.control_mean, r.control_mean),
	('variance_reduction', g.variance_reduction, r.variance_reduction),
	('theta1', g.theta[1], r.theta1), ('theta2', g.theta[2], r.theta2),
	('theta3', g.theta[3], r.theta3)) f(field, ours, ref);

-- cases by test, number of metrics and kind of relative set
SELECT r.test, r.k, r.theta_given <> '' AS theta_given,
	coalesce(r.rel_ci_kind, '(null)') AS rel_ci_kind, count(*) AS cases,
	count(*) FILTER (WHERE g.rel_ci_kind IS NOT DISTINCT FROM r.rel_ci_kind) AS same_kind
FROM ref_joint r JOIN got_joint g USING (case_id)
GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4;
SELECT (SELECT count(*) FROM ref_joint) - (SELECT count(*) FROM got_joint) AS missing;

-- every field within 1e-10 relative of the reference (NULL exactly where it
-- is NULL); the failing cases are listed
SELECT test, field, count(*) AS checked,
	count(*) FILTER (WHERE NOT pg_temp.rel_ok(ours, ref, 1e-10)) AS failed
FROM cmp_joint GROUP BY 1, 2 ORDER BY 1, 2;
SELECT case_id, test, k, relative_ci, field, ours, ref
FROM cmp_joint WHERE NOT pg_temp.rel_ok(ours, ref, 1e-10)
ORDER BY case_id, field LIMIT 20;

-- the method names the test
SELECT r.test, r.k, r.theta_given <> '' AS theta_given, g.method, count(*)
FROM ref_joint r JOIN got_joint g USING (case_id)
WHERE r.relative_ci = 'fieller' AND NOT r.equal_var
GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4;

-- with theta => '{0}' cuped_test is ab_test on metric 1, field for field
-- (metric 1 of a joint summary has the n, mean and M2 of stats_agg() of
-- that metric alone over the same rows in the same order, bit for bit);
-- the adjustment then reduces nothing
CREATE TEMP TABLE pairs AS
SELECT sample_id, stats_agg(m1) AS s, stats_agg(m1, m2) AS j
FROM ref_units WHERE sample_id ~ '^(cuped|collinear)' GROUP BY 1;
SELECT count(*) AS cases,
	count(*) FILTER (WHERE (g.statistic, g.df, g.p_value, g.estimate, g.ci_lower,
							g.ci_upper, g.std_error, g.rel_estimate, g.rel_ci_lower,
							g.rel_ci_upper, g.rel_std_error, g.rel_ci_kind,
							g.treatment_mean, g.control_mean)
					 IS NOT DISTINCT FROM
					 (a.statistic, a.df, a.p_value, a.estimate, a.ci_lower,
					  a.ci_upper, a.std_error, a.rel_estimate, a.rel_ci_lower,
					  a.rel_ci_upper, a.rel_std_error, a.rel_ci_kind,
					  a.treatment_mean, a.control_mean)) AS equal_to_ab_test,
	count(*) FILTER (WHERE g.variance_reduction = 0) AS no_reduction
FROM pairs t JOIN pairs c
	ON (t.sample_id, c.sample_id) IN (('cuped_2000_b', 'cuped_2000_a'),
									  ('cuped_30_b', 'cuped_25_a'),
									  ('collinear_300_b', 'collinear_300_a')),
	unnest(ARRAY['two-sided', 'less', 'greater']) alt,
	unnest(ARRAY[false, true]) eqv,
	unnest(ARRAY['fieller', 'delta', 'log']) m,
	LATERAL cuped_test(t.j, c.j, alt, 0.1, eqv, 0.9, m, theta => '{0}') g,
	LATERAL ab_test(t.s, c.s, alt, 0.1, eqv, 0.9, m) a;
-- and with two or three covariates
SELECT (cuped_test(s4, s4, theta => '{0,0,0}')).p_value
	 = (ab_test(metric(s4, 1), metric(s4, 1))).p_value AS three_covariates_zero
FROM jarms WHERE sample_id = 'cuped_2000_a';

-- ---------------------------------------------------------------------
-- Behaviour.  Printed with 12 significant digits (extra_float_digits = -3).
-- ---------------------------------------------------------------------
SET extra_float_digits = -3;
\set VERBOSITY default
\set SHOW_CONTEXT never

-- users randomized, several sessions each: orders per session is a ratio
-- of means; pre-period revenue is a covariate of revenue
CREATE TEMP TABLE users AS
SELECT i AS user_id, date '2026-01-01' + i % 14 AS day,
	CASE WHEN i % 2 = 0 THEN 'A' ELSE 'B' END AS variant,
	1 + (i * 7) % 5 AS sessions,
	((i * 13) % 7 + (i % 2) * ((i * 3) % 2)) AS orders,
	((i * 37) % 101) / 4.0 AS pre_revenue,
	((i * 37) % 101) / 5.0 + ((i * 11) % 17) + (i % 2) * 1.5 AS revenue
FROM generate_series(1, 10000) i;
\x on
-- the call-once form: summaries in a subquery, the test in FROM
SELECT r.*
FROM (SELECT stats_agg(orders, sessions) FILTER (WHERE variant = 'B') AS b,
			 stats_agg(orders, sessions) FILTER (WHERE variant = 'A') AS a
	  FROM users) s,
	 LATERAL ratio_test(s.b, s.a) r;
SELECT r.*
FROM (SELECT stats_agg(revenue, pre_revenue) FILTER (WHERE variant = 'B') AS b,
			 stats_agg(revenue, pre_revenue) FILTER (WHERE variant = 'A') AS a
	  FROM users) s,
	 LATERAL cuped_test(s.b, s.a) r;
\x off

-- rolled-up stored joint summaries give the same rows as one scan
CREATE TEMP TABLE daily AS
SELECT day, variant, stats_agg(orders, sessions) AS orders_per_session,
	stats_agg(revenue, pre_revenue) AS revenue
FROM users GROUP BY 1, 2;
SELECT (SELECT ratio_test(rollup(orders_per_session) FILTER (WHERE variant = 'B'),
						  rollup(orders_per_session) FILTER (WHERE variant = 'A'))
		FROM daily)::text
	 = (SELECT ratio_test(stats_agg(orders, sessions) FILTER (WHERE variant = 'B'),
						  stats_agg(orders, sessions) FILTER (WHERE variant = 'A'))
		FROM users)::text AS ratio_rollup_equals_one_pass,
	(SELECT cuped_test(rollup(revenue) FILTER (WHERE variant = 'B'),
					   rollup(revenue) FILTER (WHERE variant = 'A'))
		FROM daily)::text
	 = (SELECT cuped_test(stats_agg(revenue, pre_revenue) FILTER (WHERE variant = 'B'),
						  stats_agg(revenue, pre_revenue) FILTER (WHERE variant = 'A'))
		FROM users)::text AS cuped_rollup_equals_one_pass;

-- a ratio with a denominator of 1 for every unit is the plain mean:
-- ratio_test equals ab_test on the numerator
SELECT (SELECT ratio_test(stats_agg(revenue, 1) FILTER (WHERE variant = 'B'),
						  stats_agg(revenue, 1) FILTER (WHERE variant = 'A'))
		FROM users)::text
	 = (SELECT replace(ab_test(stats_agg(revenue) FILTER (WHERE variant = 'B'),
							   stats_agg(revenue) FILTER (WHERE variant = 'A'))::text,
					   't-test;', 't-test of a ratio of means (delta method);')
		FROM users) AS unit_denominator_is_ab_test;

-- the pre-period metric makes the interval narrower: the variance
-- reduction is 1 - (std_error adjusted / unadjusted)^2
SELECT a.std_error AS unadjusted_se, c.std_error AS adjusted_se,
	c.variance_reduction, 1 - (c.std_error / a.std_error)^2 AS from_std_errors,
	(c.ci_upper - c.ci_lower) / (a.ci_upper - a.ci_lower) AS width_ratio, c.theta
FROM (SELECT stats_agg(revenue, pre_revenue) FILTER (WHERE variant = 'B') AS b,
			 stats_agg(revenue, pre_revenue) FILTER (WHERE variant = 'A') AS a,
			 stats_agg(revenue) FILTER (WHERE variant = 'B') AS b1,
			 stats_agg(revenue) FILTER (WHERE variant = 'A') AS a1
	  FROM users) s,
	 LATERAL cuped_test(s.b, s.a) c,
	 LATERAL ab_test(s.b1, s.a1) a;

-- undefined is NULL: a zero denominator mean, too few units, zero variance;
-- a NULL argument; theta => NULL means "estimate it"
SELECT statistic, estimate, rel_estimate, treatment_mean, method
FROM (SELECT stats_agg(x, y) AS s FROM (VALUES (1.0::float8, -1.0::float8), (2, 1)) v(x, y)) q,
	 ratio_test(q.s, q.s);
SELECT statistic, estimate, rel_estimate, std_error, theta
FROM (SELECT stats_agg(x, y) AS s FROM (VALUES (1.0::float8, 2.0::float8)) v(x, y)) q,
	 ratio_test(q.s, q.s);
SELECT statistic, std_error, variance_reduction, theta
FROM (SELECT stats_agg(x, y) AS s FROM (VALUES (1.0::float8, 2.0::float8), (1, 3), (1, 4)) v(x, y)) q,
	 cuped_test(q.s, q.s);
SELECT ratio_test(NULL, NULL) IS NULL AS null_ratio,
	cuped_test(NULL, NULL) IS NULL AS null_cuped,
	cuped_test(s, s, relative_ci => NULL) IS NULL AS null_method,
	cuped_test(s, s, theta => NULL) = cuped_test(s, s) AS null_theta_estimates
FROM (SELECT stats_agg(revenue, pre_revenue) AS s FROM users) q;
-- collinear covariates: the redundant one gets theta 0, as lm() drops it
SELECT theta, variance_reduction > 0 AS reduces
FROM (SELECT stats_agg(revenue, pre_revenue, 2 * pre_revenue) FILTER (WHERE variant = 'B') AS b,
			 stats_agg(revenue, pre_revenue, 2 * pre_revenue) FILTER (WHERE variant = 'A') AS a
	  FROM users) s,
	 cuped_test(s.b, s.a);

-- bad arguments: 22023 naming the argument (2202E for the shape of theta)
SELECT ratio_test(stats_agg(x, y, z), stats_agg(x, y, z))
FROM (VALUES (1.0::float8, 2.0::float8, 3.0::float8)) v(x, y, z);
SELECT ratio_test(stats_agg(x, y), stats_agg(x, y, x, y))
FROM (VALUES (1.0::float8, 2.0::float8)) v(x, y);
SELECT cuped_test(stats_agg(x, y), stats_agg(x, y, x))
FROM (VALUES (1.0::float8, 2.0::float8)) v(x, y);
SELECT cuped_test(stats_agg(x, y), stats_agg(x, y), theta => '{1,2}')
FROM (VALUES (1.0::float8, 2.0::float8)) v(x, y);
SELECT cuped_test(stats_agg(x, y), stats_agg(x, y), theta => '{{1}}')
FROM (VALUES (1.0::float8, 2.0::float8)) v(x, y);
SELECT cuped_test(stats_agg(x, y), stats_agg(x, y), theta => '{NULL}')
FROM (VALUES (1.0::float8, 2.0::float8)) v(x, y);
SELECT cuped_test(stats_agg(x, y), stats_agg(x, y), theta => '{Infinity}')
FROM (VALUES (1.0::float8, 2.0::float8)) v(x, y);
SELECT cuped_test(stats_agg(x, y), stats_agg(x, y), relative_ci => 'Fieller')
FROM (VALUES (1.0::float8, 2.0::float8)) v(x, y);
SELECT ratio_test(stats_agg(x, y), stats_agg(x, y), conf_level => 0)
FROM (VALUES (1.0::float8, 2.0::float8)) v(x, y);
SELECT ratio_test(stats_agg(x, y), stats_agg(x, y), alternative => 'bigger')
FROM (VALUES (1.0::float8, 2.0::float8)) v(x, y);
SELECT cuped_test(stats_agg(x, y), stats_agg(x, y), mu => '-Infinity')
FROM (VALUES (1.0::float8, 2.0::float8)) v(x, y);
-- unit-level values beyond float8 (a huge given theta): 22003
SELECT cuped_test(s, s, theta => '{1e300}')
FROM (SELECT stats_agg(x, y) AS s FROM (VALUES (1.0::float8, 1e10::float8), (2, -1e10), (3, 5)) v(x, y)) q;
