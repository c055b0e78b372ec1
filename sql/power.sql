-- power_t_test, power_prop_test, power_curve, sample_size_check
\getenv abs_srcdir PG_ABS_SRCDIR
SET extra_float_digits = 0;

-- ---------------------------------------------------------------------
-- Reference values from R (test/reference/gen_power.R):
-- power.t.test / pwr.t2n.test solved with tol = 1e-14.
-- Solved quantities must agree to 1e-9 relative, powers to 1e-10.
-- ---------------------------------------------------------------------
CREATE TEMP TABLE ref_power_t (
	type text, alternative text, strict boolean, ratio float8, unknown text,
	n float8, delta float8, sd float8, sig_level float8, power float8,
	e_n float8, e_delta float8, e_sd float8, e_sig_level float8, e_power float8);
\set csv :abs_srcdir '/test/reference/data/power_t.csv'
\set cmd '\\copy ref_power_t FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd

CREATE TEMP TABLE res_power_t AS
SELECT r.*, g.*
FROM ref_power_t r,
	 LATERAL power_t_test(n => r.n, delta => r.delta, sd => r.sd, sig_level => r.sig_level,
						  power => r.power, type => r.type, alternative => r.alternative,
						  strict => r.strict, ratio => r.ratio)
		AS g(n_1, n2_1, delta_1, sd_1, sig_level_1, power_1);
CREATE TEMP VIEW cmp_power_t AS
SELECT type, alternative, strict, ratio, unknown,
	   abs(n_1 / e_n - 1) AS err_n, abs(delta_1 / e_delta - 1) AS err_delta,
	   abs(sd_1 / e_sd - 1) AS err_sd, abs(sig_level_1 / e_sig_level - 1) AS err_sig_level,
	   abs(power_1 / e_power - 1) AS err_power
FROM res_power_t;
SELECT count(*) AS cases,
	   count(DISTINCT (type, alternative, strict, ratio <> 1)) AS designs,
	   count(DISTINCT unknown) AS unknowns
FROM cmp_power_t;
-- failing rows (none expected)
SELECT * FROM cmp_power_t
WHERE NOT (err_n <= 1e-9 AND err_delta <= 1e-9 AND err_sd <= 1e-9
		   AND err_sig_level <= 1e-9 AND err_power <= 1e-10);

-- the same for the two-proportion test (power.prop.test, tol = 1e-14)
CREATE TEMP TABLE ref_power_prop (
	alternative text, strict boolean, ratio float8, unknown text,
	n float8, p1 float8, p2 float8, sig_level float8, power float8,
	e_n float8, e_p1 float8, e_p2 float8, e_sig_level float8, e_power float8);
\set csv :abs_srcdir '/test/reference/data/power_prop.csv'
\set cmd '\\copy ref_power_prop FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd
CREATE TEMP TABLE res_power_prop AS
SELECT r.*, g.*
FROM ref_power_prop r,
	 LATERAL power_prop_test(n => r.n, p1 => r.p1, p2 => r.p2, sig_level => r.sig_level,
							 power => r.power, alternative => r.alternative,
							 strict => r.strict, ratio => r.ratio)
		AS g(n_1, n2_1, p1_1, p2_1, sig_level_1, power_1);
CREATE TEMP VIEW cmp_power_prop AS
SELECT alternative, strict, ratio, unknown,
	   abs(n_1 / e_n - 1) AS err_n, abs(p1_1 / e_p1 - 1) AS err_p1,
	   abs(p2_1 / e_p2 - 1) AS err_p2, abs(sig_level_1 / e_sig_level - 1) AS err_sig_level,
	   abs(power_1 / e_power - 1) AS err_power
FROM res_power_prop;
SELECT count(*) AS cases, count(DISTINCT unknown) AS unknowns FROM cmp_power_prop;
SELECT * FROM cmp_power_prop
WHERE NOT (err_n <= 1e-9 AND err_p1 <= 1e-9 AND err_p2 <= 1e-9
		   AND err_sig_level <= 1e-9 AND err_power <= 1e-10);

-- ---------------------------------------------------------------------
-- Round trips: the power at a solved n, delta, sd or sig_level is the
-- requested power to 1e-12.
-- ---------------------------------------------------------------------
SELECT unknown, count(*) AS cases,
	   count(*) FILTER (WHERE NOT abs(p.power / r.power - 1) <= 1e-12) AS failing
FROM res_power_t r,
	 LATERAL power_t_test(n => r.n_1, delta => r.delta_1, sd => r.sd_1,
						  sig_level => r.sig_level_1, type => r.type,
						  alternative => r.alternative, strict => r.strict,
						  ratio => r.ratio) p
WHERE r.unknown <> 'power'
GROUP BY unknown ORDER BY unknown;
SELECT unknown, count(*) AS cases,
	   count(*) FILTER (WHERE NOT abs(p.power / r.power - 1) <= 1e-12) AS failing
FROM res_power_prop r,
	 LATERAL power_prop_test(n => r.n_1, p1 => r.p1_1, p2 => r.p2_1,
							 sig_level => r.sig_level_1, alternative => r.alternative,
							 strict => r.strict, ratio => r.ratio) p
WHERE r.unknown <> 'power'
GROUP BY unknown ORDER BY unknown;

-- ---------------------------------------------------------------------
-- Examples (R: power.t.test(n = 20, delta = 1); power.t.test(power = .90, delta = 1))
-- ---------------------------------------------------------------------
SELECT * FROM power_t_test(n => 20, delta => 1);
SELECT * FROM power_t_test(delta => 1, power => 0.9);
SELECT * FROM power_t_test(delta => 1, power => 0.9, alternative => 'one.sided');
SELECT * FROM power_t_test(delta => 1, power => 0.9, type => 'paired');
SELECT * FROM power_t_test(delta => 1, power => 0.9, type => 'one-sample', strict => true);
-- a 90/10 split: group 1 has n, group 2 has n2 = n / 9
SELECT * FROM power_t_test(delta => 0.1, power => 0.8, ratio => 1.0 / 9);
SELECT * FROM power_t_test(n => 1000, power => 0.8);
SELECT * FROM power_t_test(n => 1000, delta => 0.2, power => 0.8, sd => NULL);
SELECT * FROM power_t_test(n => 1000, delta => 0.1, sig_level => NULL, power => 0.8);
SELECT * FROM power_prop_test(p1 => 0.10, p2 => 0.12, power => 0.8);
SELECT * FROM power_prop_test(p1 => 0.10, p2 => 0.12, power => 0.8, ratio => 0.25);
SELECT * FROM power_prop_test(n => 5000, p1 => 0.10, power => 0.8);
SELECT * FROM power_prop_test(n => 5000, p2 => 0.10, power => 0.8);
-- rounding the planned n up keeps the power above target
SELECT ceil(n) AS n, (power_t_test(n => ceil(n), delta => 0.5)).power >= 0.8 AS enough
FROM power_t_test(delta => 0.5, power => 0.8);
-- the power is symmetric in the sign of delta for two-sided designs
SELECT (power_t_test(n => 50, delta => -0.5)).power = (power_t_test(n => 50, delta => 0.5)).power AS symmetric;
-- a huge effect is detected with barely more than one unit per group
SELECT * FROM power_t_test(delta => 1e6, power => 0.5);
-- NULL design arguments give a NULL result
SELECT power_t_test(n => 20, delta => 1, type => NULL) IS NULL AS null_type;

-- ---------------------------------------------------------------------
-- power_curve
-- ---------------------------------------------------------------------
SELECT * FROM power_curve(n => 500, delta_from => 0, delta_to => 0.3, steps => 7);
SELECT * FROM power_curve(delta => 0.1, n_from => 500, n_to => 5000, steps => 4, ratio => 0.25);
-- each point equals power_t_test at that point
SELECT count(*) AS points,
	   count(*) FILTER (WHERE c.power <> (power_t_test(n => c.n, delta => c.delta, sd => 2,
								 alternative => 'one-sided')).power) AS differing
FROM power_curve(n => 80, delta_from => -1, delta_to => 2, sd => 2, alternative => 'one-sided', steps => 101) c;

-- ---------------------------------------------------------------------
-- sample_size_check
-- ---------------------------------------------------------------------
-- equal arms, equal variances: the Welch df is 2(n - 1), so the power is
-- power_t_test's with strict => true
SELECT abs(c.power_at_current_n / t.power - 1) < 1e-13 AS same_power, c.enough, t.power > 0.8 AS t_enough
FROM sample_size_check(stats_summary(400, 10.2, 2), stats_summary(400, 10, 2), mde => 0.4) c,
	 power_t_test(n => 400, delta => 0.4, sd => 2, strict => true) t;
SELECT c.n_required_control = ceil(t.n) AS same_n, c.n_required_control, ceil(t.n) AS t_n
FROM sample_size_check(stats_summary(400, 10.2, 2), stats_summary(400, 10, 2), mde => 0.2) c,
	 power_t_test(delta => 0.2, sd => 2, power => 0.8, strict => true) t;
-- the detectable effect at the current n has exactly the requested power
SELECT abs((sample_size_check(stats_summary(400, 10.2, 2), stats_summary(400, 10, 2),
							  mde => c.mde_at_current_n)).power_at_current_n - 0.8) < 1e-12 AS mde_round_trip
FROM sample_size_check(stats_summary(400, 10.2, 2), stats_summary(400, 10, 2), mde => 0.2) c;
-- Reference: the two-sided Welch power written in R with pt/qt and
-- solved with uniroot(tol = 1e-14) (gen_power.R): powers to 1e-10,
-- detectable effects to 1e-9, required sizes (rounded up) exactly.
CREATE TEMP TABLE ref_ssc (
	n_t bigint, mean_t float8, sd_t float8, n_c bigint, mean_c float8, sd_c float8,
	mde float8, relative boolean, sig_level float8, power float8, e_m float8,
	e_n_required_treatment bigint, e_n_required_control bigint,
	e_power_now float8, e_mde_now float8);
\set csv :abs_srcdir '/test/reference/data/sample_size_check.csv'
\set cmd '\\copy ref_ssc FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd
CREATE TEMP TABLE res_ssc AS
SELECT r.*, c.*
FROM ref_ssc r,
	 LATERAL sample_size_check(stats_summary(r.n_t, r.mean_t, r.sd_t),
							   stats_summary(r.n_c, r.mean_c, r.sd_c),
							   mde => r.mde, relative => r.relative,
							   sig_level => r.sig_level, power => r.power) c;
SELECT count(*) AS cases, count(*) FILTER (WHERE n_t <> n_c) AS unequal_arms,
	   count(*) FILTER (WHERE relative) AS relative_mde,
	   count(*) FILTER (WHERE enough) AS enough
FROM res_ssc;
SELECT n_t, n_c, sd_t, sd_c, mde, relative, e_m,
	   n_required_treatment, e_n_required_treatment, n_required_control, e_n_required_control,
	   power_at_current_n, e_power_now, mde_at_current_n, e_mde_now
FROM res_ssc
WHERE NOT (n_required_treatment = e_n_required_treatment
		   AND n_required_control = e_n_required_control
		   AND abs(power_at_current_n / e_power_now - 1) <= 1e-10
		   AND abs(mde_at_current_n / e_mde_now - 1) <= 1e-9
		   AND enough = (e_power_now >= power));

-- unequal variances and a 3:1 allocation; relative mde of 5% of the control mean
-- (displayed rounded: the last digits depend on the
-- summary arithmetic; the reference comparison above checks precision)
SELECT n_treatment, n_control, n_required_treatment, n_required_control, enough,
	   round(power_at_current_n::numeric, 12) AS power_at_current_n,
	   round(mde_at_current_n::numeric, 13) AS mde_at_current_n
FROM sample_size_check(stats_summary(3000, 10.4, 8), stats_summary(1000, 10, 3),
					   mde => 0.05, relative => true);
-- conversions: summaries of 0/1 values
CREATE TEMP TABLE conv AS
SELECT CASE WHEN i % 2 = 0 THEN 'B' ELSE 'A' END AS variant,
	   CASE WHEN (i * 7919) % 1000 < CASE WHEN i % 2 = 0 THEN 110 ELSE 100 END THEN 1 ELSE 0 END AS converted
FROM generate_series(1, 20000) i;
SELECT n_treatment, n_control, n_required_treatment, n_required_control, enough,
	   round(power_at_current_n::numeric, 12) AS power_at_current_n,
	   round(mde_at_current_n::numeric, 12) AS mde_at_current_n
FROM sample_size_check(
	(SELECT stats_agg(converted) FROM conv WHERE variant = 'B'),
	(SELECT stats_agg(converted) FROM conv WHERE variant = 'A'),
	mde => 0.01);
SELECT n_treatment, n_control, n_required_treatment, n_required_control, enough,
	   round(power_at_current_n::numeric, 12) AS power_at_current_n,
	   round(mde_at_current_n::numeric, 12) AS mde_at_current_n
FROM sample_size_check(
	(SELECT stats_agg(converted) FROM conv WHERE variant = 'B'),
	(SELECT stats_agg(converted) FROM conv WHERE variant = 'A'),
	mde => 0.10, relative => true, power => 0.9);
-- undefined cases give NULL fields, not errors
SELECT * FROM sample_size_check(stats_summary(1, 3, 0), stats_summary(10, 2, 1), mde => 1);
SELECT (sample_size_check(stats_agg(0), stats_agg(0), mde => 0.01)).* FROM generate_series(1, 10);
SELECT * FROM sample_size_check(stats_summary(100, 1, 1), stats_summary(100, 0, 1), mde => 0.1, relative => true);

-- ---------------------------------------------------------------------
-- Bad input: 22023 naming the argument
-- ---------------------------------------------------------------------
-- (each error is followed by its SQLSTATE)
\set ON_ERROR_STOP 0
SELECT * FROM power_t_test(n => 20, delta => 1, power => 0.8);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM power_t_test(delta => 1);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM power_t_test(n => 1, delta => 1);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM power_t_test(n => 20, delta => 'Infinity');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM power_t_test(n => 20, delta => 1, sd => 0);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM power_t_test(n => 20, delta => 1, sig_level => 0);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM power_t_test(n => 20, delta => 1, sig_level => 1);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM power_t_test(delta => 1, power => 1);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM power_t_test(delta => 1, power => 'NaN');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM power_t_test(n => 20, delta => 1, ratio => 0);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM power_t_test(n => 20, delta => 1, ratio => 0.01);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM power_t_test(n => 20, delta => 1, type => 'paired', ratio => 2);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM power_t_test(n => 20, delta => 1, type => 'two.samples');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM power_t_test(n => 20, delta => 1, alternative => 'greater');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM power_t_test(delta => 0, power => 0.8);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM power_t_test(n => 20, delta => 0, sd => NULL, power => 0.8);
\echo :LAST_ERROR_SQLSTATE
-- unreachable targets
SELECT * FROM power_t_test(delta => -1, power => 0.8, alternative => 'one-sided');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM power_t_test(n => 20, power => 0.01);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM power_t_test(n => 20, power => 0.02, strict => true);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM power_t_test(n => 3, delta => 0.01, sig_level => NULL, power => 0.999999);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM power_t_test(n => 20, delta => -1, sd => NULL, power => 0.8, alternative => 'one-sided');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM power_prop_test(p1 => 0.1, p2 => 0.1, power => 0.8);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM power_prop_test(n => 100, p1 => 0, p2 => 0.1);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM power_prop_test(n => 100, p1 => 0.1, p2 => 1);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM power_prop_test(n => 100, p1 => 0.1, p2 => 0.2, power => 0.8, sig_level => NULL, alternative => 'less');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM power_prop_test(n => 100, p2 => 0.1, power => 0.99);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM power_prop_test(n => 100, p1 => 0.1, p2 => 0.2, ratio => -1);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM power_prop_test(n => 100, p1 => 0.1);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM power_curve(n => 100);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM power_curve(n => 100, delta_from => 0, delta_to => 1, steps => 1);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM power_curve(delta => 1, n_from => 1, n_to => 10);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM power_curve(n => 100, delta_from => 0, delta_to => 1, sd => NULL);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM sample_size_check(stats_summary(10, 1, 1), stats_summary(10, 1, 1), mde => 0);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM sample_size_check(stats_summary(10, 1, 1), stats_summary(10, 1, 1), mde => 1, power => 0.04);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM sample_size_check(stats_summary(10, 1, 1), stats_summary(10, 1, 1), mde => 1, sig_level => 1.5);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM sample_size_check(stats_summary(10, 1, 1), stats_summary(10, 1, 1), mde => 'NaN');
\echo :LAST_ERROR_SQLSTATE
\set VERBOSITY sqlstate
SELECT * FROM power_t_test(n => 1, delta => 1);
SELECT * FROM power_prop_test(p1 => 0.1, p2 => 0.1, power => 0.8);
SELECT * FROM sample_size_check(stats_summary(10, 1, 1), stats_summary(10, 1, 1), mde => 0);
