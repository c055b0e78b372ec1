-- ab_test(): the dashboard row on stats_summary, against R's t.test and the
-- reference relative intervals of test/reference/gen_effects.R.
\getenv abs_srcdir PG_ABS_SRCDIR
\set csv :abs_srcdir '/test/reference/data/effects_units.csv'
CREATE TEMP TABLE ref_units (sample_id text, m1 float8, m2 float8, m3 float8, m4 float8);
\set cmd '\\copy ref_units FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd
\set csv :abs_srcdir '/test/reference/data/effects_ab.csv'
CREATE TEMP TABLE ref_ab (case_id int, t_id text, c_id text, alternative text,
	mu float8, equal_var boolean, conf_level float8, relative_ci text,
	statistic float8, df float8, p_value float8, estimate float8,
	ci_lower float8, ci_upper float8, std_error float8, rel_estimate float8,
	rel_ci_lower float8, rel_ci_upper float8, rel_std_error float8,
	rel_ci_kind text, treatment_mean float8, control_mean float8);
\set cmd '\\copy ref_ab FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd

CREATE TEMP TABLE arms AS
SELECT sample_id, stats_agg(m1) AS s FROM ref_units GROUP BY sample_id;

-- every case, called once per case (the function in FROM)
CREATE TEMP TABLE got_ab AS
SELECT r.case_id, g.*
FROM ref_ab r
JOIN arms t ON t.sample_id = r.t_id
JOIN arms c ON c.sample_id = r.c_id,
LATERAL ab_test(t.s, c.s, alternative => r.alternative, mu => r.mu,
				equal_var => r.equal_var, conf_level => r.conf_level,
				relative_ci => r.relative_ci) g;

-- rel_ok(ours, ref, tol): equal NULLs, equal values (infinite bounds), or
-- relative error <= tol (below the smallest normal double, relative to it)
CREATE FUNCTION pg_temp.rel_ok(a float8, b float8, tol float8) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE WHEN a IS NULL OR b IS NULL THEN a IS NULL AND b IS NULL
		WHEN a = b THEN true
		ELSE abs(a - b) <= tol * greatest(abs(b), 2.2250738585072014e-308) END $$;

CREATE TEMP VIEW cmp_ab AS
SELECT g.case_id, r.relative_ci, f.field, f.ours, f.ref
FROM got_ab g JOIN ref_ab r USING (case_id)
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
	('control_mean', g.control_mean, r.control_mean)) f(field, ours, ref);

-- cases per relative interval method and kind of set
SELECT r.relative_ci, coalesce(r.rel_ci_kind, '(null)') AS rel_ci_kind, count(*) AS cases,
	count(*) FILTER (WHERE g.rel_ci_kind IS NOT DISTINCT FROM r.rel_ci_kind) AS same_kind
FROM ref_ab r JOIN got_ab g USING (case_id)
GROUP BY 1, 2 ORDER BY 1, 2;
SELECT (SELECT count(*) FROM ref_ab) - (SELECT count(*) FROM got_ab) AS missing;

-- every field within 1e-10 relative of the reference (NULL exactly where it
-- is NULL); the failing cases are listed
SELECT field, count(*) AS checked,
	count(*) FILTER (WHERE NOT pg_temp.rel_ok(ours, ref, 1e-10)) AS failed
FROM cmp_ab GROUP BY field ORDER BY field;
SELECT case_id, relative_ci, field, ours, ref
FROM cmp_ab WHERE NOT pg_temp.rel_ok(ours, ref, 1e-10)
ORDER BY case_id, field LIMIT 20;

-- the absolute part is t_test() exactly, for every case
SELECT count(*) AS cases,
	count(*) FILTER (WHERE (g.statistic, g.df, g.p_value, g.estimate, g.ci_lower,
							g.ci_upper, g.std_error)
					 IS NOT DISTINCT FROM
					 (tt.statistic, tt.df, tt.p_value, tt.estimate, tt.ci_lower,
					  tt.ci_upper, tt.std_error)) AS equal_to_t_test,
	count(*) FILTER (WHERE g.method LIKE tt.method || '; relative interval: %') AS method_ok
FROM got_ab g JOIN ref_ab r USING (case_id)
JOIN arms t ON t.sample_id = r.t_id JOIN arms c ON c.sample_id = r.c_id,
LATERAL t_test(t.s, c.s, r.alternative, r.mu, r.equal_var, r.conf_level) tt;

-- Fieller's set holds 0 exactly when the absolute interval does, and so
-- when p >= 1 - conf_level (for mu = 0).  (For 'exclusive' sets, whose
-- reported bounds are infinite, the generator checks the same against the
-- excluded gap.)
CREATE TEMP VIEW fieller_zero AS
SELECT g.case_id, r.alternative, r.conf_level, g.p_value,
	CASE g.rel_ci_kind
		WHEN 'interval' THEN g.rel_ci_lower <= 0 AND 0 <= g.rel_ci_upper
		WHEN 'unbounded' THEN true
		WHEN 'empty' THEN false END AS zero_in_rel,
	g.ci_lower <= 0 AND 0 <= g.ci_upper AS zero_in_abs
FROM got_ab g JOIN ref_ab r USING (case_id)
WHERE r.relative_ci = 'fieller' AND r.mu = 0 AND g.rel_ci_kind <> 'exclusive';
SELECT count(*) AS cases,
	count(*) FILTER (WHERE zero_in_rel = zero_in_abs) AS agree_with_interval,
	count(*) FILTER (WHERE zero_in_rel = (p_value >= 1 - conf_level)) AS agree_with_p_value
FROM fieller_zero;
-- ---------------------------------------------------------------------
-- Behaviour.  Printed with 12 significant digits (extra_float_digits = -3).
-- ---------------------------------------------------------------------
SET extra_float_digits = -3;
\set VERBOSITY default
\set SHOW_CONTEXT never

-- the canonical A/B query in the call-once form: summaries in a subquery,
-- the test in FROM; treatment (B) first so that estimates are B - A and B / A - 1
CREATE TEMP TABLE experiment_users AS
SELECT i AS user_id, (date '2026-01-01' + i % 14) AS day,
	CASE WHEN i % 2 = 0 THEN 'A' ELSE 'B' END AS variant,
	CASE WHEN (i * 37) % 100 < 8 + i % 2
		 THEN ((i * 7919) % 9973) / 100.0 + 10 * (i % 2) ELSE 0 END::float8 AS revenue
FROM generate_series(1, 20000) i;
\x on
SELECT r.*
FROM (SELECT stats_agg(revenue) FILTER (WHERE variant = 'B') AS b,
			 stats_agg(revenue) FILTER (WHERE variant = 'A') AS a
	  FROM experiment_users) s,
	 LATERAL ab_test(s.b, s.a) r;
\x off

-- rolled-up stored summaries give the same row as the one-scan query
CREATE TEMP TABLE daily AS
SELECT day, variant, stats_agg(revenue) AS revenue FROM experiment_users GROUP BY 1, 2;
SELECT (SELECT ab_test(rollup(revenue) FILTER (WHERE variant = 'B'),
					   rollup(revenue) FILTER (WHERE variant = 'A'), relative_ci => m)
		FROM daily)::text
	 = (SELECT ab_test(stats_agg(revenue) FILTER (WHERE variant = 'B'),
					   stats_agg(revenue) FILTER (WHERE variant = 'A'), relative_ci => m)
		FROM experiment_users)::text AS rollup_equals_one_pass
FROM unnest(ARRAY['fieller', 'delta', 'log']) m;

-- the three interval methods side by side, and one-sided intervals
SELECT m AS relative_ci, alt AS alternative, r.rel_estimate, r.rel_ci_lower,
	r.rel_ci_upper, r.rel_ci_kind
FROM (SELECT stats_agg(revenue) FILTER (WHERE variant = 'B') AS b,
			 stats_agg(revenue) FILTER (WHERE variant = 'A') AS a
	  FROM experiment_users) s,
	 unnest(ARRAY['fieller', 'delta', 'log']) m,
	 unnest(ARRAY['two-sided', 'greater', 'less']) alt,
	 LATERAL ab_test(s.b, s.a, alternative => alt, relative_ci => m) r
ORDER BY 1, 2;

-- positional arguments mean what they mean for t_test
SELECT (ab_test(stats_summary(1000, 5.2, 2.1), stats_summary(1200, 5.0, 1.9),
				'greater', 0.1, true, 0.9)).statistic
	 = (t_test(stats_summary(1000, 5.2, 2.1), stats_summary(1200, 5.0, 1.9),
			   'greater', 0.1, true, 0.9)).statistic AS same_statistic;

-- the control mean cannot be told apart from 0: Fieller's set is the line
-- minus an interval, or the whole line, never a wrong finite interval
SELECT rel_estimate, rel_ci_lower, rel_ci_upper, rel_ci_kind, p_value
FROM ab_test(stats_summary(50, 1.0, 1.0), stats_summary(50, 0.1, 1.0));
SELECT rel_estimate, rel_ci_lower, rel_ci_upper, rel_ci_kind, p_value
FROM ab_test(stats_summary(50, 0.15, 1.0), stats_summary(50, 0.1, 1.0));
SELECT relative_ci, rel_ci_lower, rel_ci_upper, rel_ci_kind
FROM unnest(ARRAY['delta', 'log']) relative_ci,
	 ab_test(stats_summary(50, 1.0, 1.0), stats_summary(50, 0.1, 1.0),
			 relative_ci => relative_ci);

-- undefined is NULL: a zero control mean, too few units, zero variance; a
-- log ratio of means that is not positive; a NULL argument
SELECT rel_estimate, rel_std_error, rel_ci_lower, rel_ci_upper, rel_ci_kind
FROM ab_test(stats_summary(100, 1.0, 1.0), stats_summary(100, 0.0, 1.0));
SELECT rel_estimate, rel_ci_lower, rel_ci_kind
FROM ab_test(stats_summary(100, 1.0, 1.0), stats_summary(100, 0.0, 1.0), relative_ci => 'delta');
SELECT statistic, estimate, rel_estimate, rel_std_error, rel_ci_lower, rel_ci_kind
FROM ab_test(stats_summary(1, 3, 0), stats_summary(5, 2, 1));
SELECT statistic, std_error, rel_estimate, rel_std_error, rel_ci_lower, rel_ci_kind
FROM ab_test(stats_summary(10, 3, 0), stats_summary(10, 2, 0));
SELECT rel_estimate, rel_ci_lower, rel_ci_upper, rel_ci_kind
FROM ab_test(stats_summary(100, -1.0, 1.0), stats_summary(100, 2.0, 1.0), relative_ci => 'log');
SELECT ab_test(NULL, stats_summary(10, 1, 1)) IS NULL AS null_treatment,
	ab_test(stats_summary(10, 1, 1), stats_summary(10, 1, 1), relative_ci => NULL) IS NULL AS null_method;
-- an arm without rows yet (FILTER matches nothing): NULL summary, NULL row
SELECT r IS NULL AS no_row
FROM (SELECT stats_agg(revenue) FILTER (WHERE variant = 'C') AS c,
			 stats_agg(revenue) FILTER (WHERE variant = 'A') AS a
	  FROM experiment_users) s,
	 LATERAL ab_test(s.c, s.a) r;

-- a negative control mean: a larger treatment mean is a smaller ratio, so
-- 'greater' bounds the relative effect from above (every method)
SELECT relative_ci, rel_estimate, rel_ci_lower, rel_ci_upper
FROM unnest(ARRAY['fieller', 'delta', 'log']) relative_ci,
	 ab_test(stats_summary(200, -4.0, 1.5), stats_summary(200, -5.0, 1.5),
			 alternative => 'greater', relative_ci => relative_ci);

-- bad arguments: 22023 naming the argument
SELECT ab_test(stats_summary(10, 1, 1), stats_summary(10, 1, 1), relative_ci => 'wald');
SELECT ab_test(stats_summary(10, 1, 1), stats_summary(10, 1, 1), alternative => 'two_sided');
SELECT ab_test(stats_summary(10, 1, 1), stats_summary(10, 1, 1), conf_level => 1);
SELECT ab_test(stats_summary(10, 1, 1), stats_summary(10, 1, 1), mu => 'NaN');
