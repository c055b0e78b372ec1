-- Enough data for the dashboard's metrics: sample_size_check_relative()
-- (the power of ab_test's relative interval), sample_size_check_ratio()
-- and sample_size_check_cuped() (on joint summaries), against
-- test/reference/gen_effects.R.
\getenv abs_srcdir PG_ABS_SRCDIR
\set csv :abs_srcdir '/test/reference/data/effects_units.csv'
CREATE TEMP TABLE ref_units (sample_id text, m1 float8, m2 float8, m3 float8, m4 float8);
\set cmd '\\copy ref_units FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd
\set csv :abs_srcdir '/test/reference/data/effects_size.csv'
CREATE TEMP TABLE ref_size (case_id int, func text, t_id text, c_id text, k int,
	kind text, theta_given text, mde float8, relative boolean, relative_ci text,
	sig_level float8, power float8, e_m float8, e_n_required_treatment bigint,
	e_n_required_control bigint, e_power_now float8, e_mde_now float8);
\set cmd '\\copy ref_size FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd

CREATE TEMP TABLE arms AS
SELECT sample_id, stats_agg(m1) AS s, stats_agg(m1, m2) AS s2,
	stats_agg(m1, m2, m3) AS s3, stats_agg(m1, m2, m3, m4) AS s4
FROM ref_units GROUP BY sample_id;

CREATE TEMP TABLE got_size AS
SELECT r.case_id, g.*
FROM ref_size r JOIN arms t ON t.sample_id = r.t_id JOIN arms c ON c.sample_id = r.c_id,
LATERAL sample_size_check_relative(t.s, c.s, mde => r.mde, relative_ci => r.relative_ci,
								   sig_level => r.sig_level, power => r.power) g
WHERE r.func = 'relative'
UNION ALL
SELECT r.case_id, g.*
FROM ref_size r JOIN arms t ON t.sample_id = r.t_id JOIN arms c ON c.sample_id = r.c_id,
LATERAL sample_size_check_ratio(CASE r.k WHEN 2 THEN t.s2 ELSE t.s4 END,
								CASE r.k WHEN 2 THEN c.s2 ELSE c.s4 END,
								mde => r.mde, relative => r.relative,
								relative_ci => r.relative_ci, sig_level => r.sig_level,
								power => r.power) g
WHERE r.func = 'joint' AND r.kind = 'ratio'
UNION ALL
SELECT r.case_id, g.*
FROM ref_size r JOIN arms t ON t.sample_id = r.t_id JOIN arms c ON c.sample_id = r.c_id,
LATERAL sample_size_check_cuped(CASE r.k WHEN 2 THEN t.s2 WHEN 3 THEN t.s3 ELSE t.s4 END,
								CASE r.k WHEN 2 THEN c.s2 WHEN 3 THEN c.s3 ELSE c.s4 END,
								mde => r.mde, relative => r.relative,
								relative_ci => r.relative_ci, sig_level => r.sig_level,
								power => r.power,
								theta => nullif(r.theta_given, '')::float8[]) g
WHERE r.func = 'joint' AND r.kind = 'cuped';

-- cases; required sizes exactly as the reference (rounded up), power now
-- within 1e-10 and the detectable effect within 1e-9 relative (both
-- sides solve to full precision; R's noncentral pt limits the agreement),
-- NULL exactly where the reference has none
SELECT r.func, r.kind, r.relative_ci, count(*) AS cases,
	count(*) FILTER (WHERE r.e_mde_now IS NULL) AS no_mde,
	count(*) FILTER (WHERE g.enough) AS enough
FROM ref_size r JOIN got_size g USING (case_id)
GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;
SELECT (SELECT count(*) FROM ref_size) - (SELECT count(*) FROM got_size) AS missing;
SELECT r.case_id, r.func, r.kind, r.relative_ci, r.mde, r.e_m,
	g.n_required_treatment, r.e_n_required_treatment,
	g.n_required_control, r.e_n_required_control,
	g.power_at_current_n, r.e_power_now, g.mde_at_current_n, r.e_mde_now
FROM ref_size r JOIN got_size g USING (case_id)
WHERE NOT (g.n_required_treatment = r.e_n_required_treatment
		   AND g.n_required_control = r.e_n_required_control
		   AND abs(g.power_at_current_n / r.e_power_now - 1) <= 1e-10
		   AND (g.mde_at_current_n IS NULL) = (r.e_mde_now IS NULL)
		   AND coalesce(abs(g.mde_at_current_n / r.e_mde_now - 1) <= 1e-9, true)
		   AND g.enough = (r.e_power_now >= r.power))
ORDER BY 1;

-- ---------------------------------------------------------------------
-- Behaviour
-- ---------------------------------------------------------------------
SET extra_float_digits = -3;
\set VERBOSITY default
\set SHOW_CONTEXT never

-- Fieller's relative interval excludes 0 exactly when the absolute test
-- rejects: its check is sample_size_check(relative => true): the same
-- sizes, and power and mde to 1e-12 (sample_size_check computes in units
-- scaled by a power of two, which moves the last bits; mde_at_current_n
-- is signed here in the direction of mde)
SELECT count(*) AS cases,
	count(*) FILTER (WHERE (a.n_required_treatment, a.n_required_control, a.enough)
					 = (b.n_required_treatment, b.n_required_control, b.enough)
					 AND abs(a.power_at_current_n / b.power_at_current_n - 1) <= 1e-12
					 AND abs(a.mde_at_current_n / abs(b.mde_at_current_n) - 1) <= 1e-12) AS same
FROM arms t JOIN arms c ON (t.sample_id, c.sample_id) IN
	(('normal_500', 'normal_400'), ('revenue_3000_b', 'revenue_3000_a'),
	 ('binary_5000_b', 'binary_5000_a'), ('wide_30', 'narrow_2000')),
	unnest(ARRAY[0.01, 0.05, -0.1]) mde,
	LATERAL sample_size_check(t.s, c.s, mde, relative => true) a,
	LATERAL sample_size_check_relative(t.s, c.s, mde) b;

-- sample_size_check_cuped with theta {0} is the plain metric's check
SELECT sample_size_check_cuped(t.s2, c.s2, 0.5, theta => '{0}')::text
	 = sample_size_check(t.s, c.s, 0.5)::text AS cuped_theta_0_is_plain
FROM arms t, arms c WHERE t.sample_id = 'cuped_2000_b' AND c.sample_id = 'cuped_2000_a';

-- the adjusted variance sets the sample size: the same 3% lift of revenue
-- needs fewer users with its pre-period covariates
SELECT 'revenue' AS metric, n_required_control, round(power_at_current_n::numeric, 4) AS power_now,
	round(mde_at_current_n::numeric, 4) AS relative_mde_now
FROM arms t, arms c,
	 sample_size_check_relative(t.s, c.s, 0.03)
WHERE t.sample_id = 'cuped_2000_b' AND c.sample_id = 'cuped_2000_a'
UNION ALL
SELECT 'revenue, CUPED by ' || (k - 1) || ' covariate(s)', n_required_control,
	round(power_at_current_n::numeric, 4), round(mde_at_current_n::numeric, 4)
FROM arms t, arms c, (VALUES (2), (4)) v(k),
	 sample_size_check_cuped(CASE k WHEN 2 THEN t.s2 ELSE t.s4 END,
							 CASE k WHEN 2 THEN c.s2 ELSE c.s4 END,
							 0.03, relative => true)
WHERE t.sample_id = 'cuped_2000_b' AND c.sample_id = 'cuped_2000_a';

-- undefined fields are NULL: one unit, no variance, a zero control mean
-- (relative), a zero denominator mean (ratio); a NULL argument gives NULL
SELECT n_treatment, n_control, n_required_control, enough, mde_at_current_n
FROM sample_size_check_relative(stats_summary(1, 5, 0), stats_summary(10, 5, 1), 0.1);
SELECT n_treatment, n_control, n_required_control, enough, mde_at_current_n
FROM sample_size_check_relative(stats_summary(10, 5, 0), stats_summary(10, 5, 0), 0.1, 'log');
SELECT n_treatment, n_control, n_required_control, enough, mde_at_current_n
FROM sample_size_check_relative(stats_summary(10, 5, 1), stats_summary(10, 0, 1), 0.1, 'delta');
SELECT n_treatment, n_control, n_required_control, enough, mde_at_current_n
FROM (SELECT stats_agg(x, y) AS s FROM (VALUES (1.0::float8, -1.0::float8), (2, 1)) v(x, y)) q,
	 sample_size_check_ratio(q.s, q.s, 0.1);
SELECT sample_size_check_cuped(NULL, NULL, 0.1) IS NULL AS null_summary,
	sample_size_check_cuped(s, s, 0.1, relative_ci => NULL) IS NULL AS null_method,
	sample_size_check_ratio(s, s, NULL) IS NULL AS null_mde,
	sample_size_check_relative(NULL, stats_summary(10, 5, 1), 0.1) IS NULL AS null_relative
FROM (SELECT stats_agg(x, y) AS s FROM (VALUES (1.0::float8, 1.0::float8), (2, 3)) v(x, y)) q;

-- 0.1.0 calls with untyped literals are unaffected (the siblings have
-- other names)
SELECT n_required_control
FROM sample_size_check('v1 n=400 mean=10.2 m2=1596', 'v1 n=400 mean=10 m2=1596', 0.4);
SELECT n_required_control
FROM sample_size_check('v1 n=400 mean=10.2 m2=1596', 'v1 n=400 mean=10 m2=1596', 0.04, 'true');
SELECT n_required_control
FROM sample_size_check('v1 n=400 mean=10.2 m2=1596', 'v1 n=400 mean=10 m2=1596',
					   mde => 0.04, relative => 'true', power => '0.8');

-- bad arguments: 22023 naming the argument
SELECT sample_size_check_relative(stats_summary(10, 5, 1), stats_summary(10, 5, 1), 0.1, 'wald');
SELECT sample_size_check_relative(stats_summary(10, 5, 1), stats_summary(10, 5, 1), 0);
SELECT sample_size_check_relative(stats_summary(10, 5, 1), stats_summary(10, 5, 1), -1, 'log');
SELECT sample_size_check_relative(stats_summary(10, 5, 1), stats_summary(10, 5, 1), 0.1, sig_level => 1);
SELECT sample_size_check_relative(stats_summary(10, 5, 1), stats_summary(10, 5, 1), 0.1, power => 0.01);
SELECT sample_size_check_cuped(s, s, 0.1, relative_ci => 'log')
FROM (SELECT stats_agg(x, y) AS s FROM (VALUES (1.0::float8, 1.0::float8), (2, 3)) v(x, y)) q;
SELECT sample_size_check_cuped(s, s, 0.1, theta => '{1,2,3}')
FROM (SELECT stats_agg(x, y) AS s FROM (VALUES (1.0::float8, 1.0::float8), (2, 3)) v(x, y)) q;
SELECT sample_size_check_ratio(s, s, 0.1)
FROM (SELECT stats_agg(x, y, x) AS s FROM (VALUES (1.0::float8, 1.0::float8), (2, 3)) v(x, y)) q;
SELECT sample_size_check_ratio(s, s, 0.1, power => 1)
FROM (SELECT stats_agg(x, y) AS s FROM (VALUES (1.0::float8, 1.0::float8), (2, 3)) v(x, y)) q;
-- a required size no bigint holds: 22003
SELECT sample_size_check_relative(stats_summary(100, 5, 1e6), stats_summary(100, 5, 1e6), 1e-9);
