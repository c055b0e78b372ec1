-- sequential_test(): asymptotic confidence sequences and always-valid
-- p-values, against test/reference/gen_sequential.R (the published
-- formulas, checked there against a numerical integration of the mixture).
\getenv abs_srcdir PG_ABS_SRCDIR
\set csv :abs_srcdir '/test/reference/data/sequential.csv'
CREATE TEMP TABLE ref (case_id int, n_t bigint, mean_t float8, sd_t float8,
	n_c bigint, mean_c float8, sd_c float8, tuning float8, alternative text,
	conf_level float8, statistic float8, p_value float8, estimate float8,
	ci_lower float8, ci_upper float8, std_error float8, rel_estimate float8,
	rel_ci_lower float8, rel_ci_upper float8, rel_std_error float8,
	e_value float8);
\set cmd '\\copy ref FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd

CREATE TEMP TABLE got AS
SELECT r.case_id, s.*
FROM ref r,
	 LATERAL sequential_test(stats_summary(r.n_t, r.mean_t, r.sd_t),
							 stats_summary(r.n_c, r.mean_c, r.sd_c),
							 tuning => r.tuning, alternative => r.alternative,
							 conf_level => r.conf_level) s;

-- ok(ours, ref, tol, scale): equal NULLs, equal values (infinite bounds),
-- or |ours - ref| <= tol * max(|ref|, scale); scale is the standard error
-- for bounds (a bound near 0 is compared on the scale of its width), 0
-- otherwise.
CREATE FUNCTION pg_temp.ok(a float8, b float8, tol float8, scale float8)
RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE WHEN a IS NULL OR b IS NULL THEN a IS NULL AND b IS NULL
		WHEN a = b THEN true
		ELSE abs(a - b) <= tol * greatest(abs(b), scale, 2.2250738585072014e-308) END $$;

CREATE TEMP VIEW cmp AS
SELECT g.case_id, f.field, f.ours, f.ref,
	   pg_temp.ok(f.ours, f.ref, 1e-10, f.scale) AS ok
FROM got g JOIN ref r USING (case_id)
CROSS JOIN LATERAL (VALUES
	('statistic', g.statistic, r.statistic, 0),
	('p_value', g.p_value, r.p_value, 0),
	('estimate', g.estimate, r.estimate, r.std_error),
	('ci_lower', g.ci_lower, r.ci_lower, r.std_error),
	('ci_upper', g.ci_upper, r.ci_upper, r.std_error),
	('std_error', g.std_error, r.std_error, 0),
	('rel_estimate', g.rel_estimate, r.rel_estimate, r.rel_std_error),
	('rel_ci_lower', g.rel_ci_lower, r.rel_ci_lower, r.rel_std_error),
	('rel_ci_upper', g.rel_ci_upper, r.rel_ci_upper, r.rel_std_error),
	('rel_std_error', g.rel_std_error, r.rel_std_error, 0),
	('e_value', g.e_value, r.e_value, 0)) f(field, ours, ref, scale);

-- every case and field within 1e-10 (relative; bounds on the scale of the
-- standard error)
SELECT count(DISTINCT case_id) AS cases, count(*) AS fields,
	   count(*) FILTER (WHERE ours IS NULL) AS null_fields,
	   count(*) FILTER (WHERE ours IN ('Infinity', '-Infinity')) AS infinite,
	   count(*) FILTER (WHERE NOT ok) AS failures
FROM cmp;
-- the worst offenders, if any
SELECT case_id, field, ours, ref FROM cmp WHERE NOT ok ORDER BY case_id, field LIMIT 10;

-- p < 1 - conf_level exactly when the sequence at conf_level excludes 0,
-- on a grid of effects (z from -8 to 8 in steps of 0.01), total sample
-- sizes around and far from N* and four levels, for each alternative.
SELECT alt, count(*) AS looks,
	   count(*) FILTER (WHERE p_value < 1 - cl) AS rejections,
	   count(*) FILTER (WHERE (p_value < 1 - cl) <> (ci_lower > 0 OR ci_upper < 0)) AS disagreements
FROM (VALUES ('two-sided'), ('greater'), ('less')) a(alt),
	 unnest(ARRAY[0.8, 0.9, 0.95, 0.99]) cl,
	 unnest(ARRAY[50, 500, 2500, 25000, 500000]) n,
	 generate_series(-800, 800) k,
	 LATERAL sequential_test(stats_summary(n, k / 100.0 * sqrt(2.0 / n), 1),
							 stats_summary(n, 0, 1),
							 alternative => alt, conf_level => cl) s
GROUP BY alt ORDER BY alt;

-- The p-value is 1 / e_value (capped at 1); the relative sequence is the
-- absolute one's multiplier times the relative standard error.
SELECT bool_and(abs(g.p_value - least(1, 1 / g.e_value)) <= 1e-15 * g.p_value) AS p_is_inverse_e,
	   bool_and(abs((g.rel_ci_upper - g.rel_estimate) / g.rel_std_error
					- (g.ci_upper - g.estimate) / g.std_error) <= 1e-12) AS same_multiplier,
	   count(*) AS cases
FROM got g JOIN ref r USING (case_id)
WHERE r.alternative = 'two-sided' AND g.rel_std_error IS NOT NULL;

-- Undefined is NULL: one unit in an arm (only the estimates), constant
-- data (zero standard error), a zero control mean (no relative effect).
SELECT s.* FROM sequential_test(stats_summary(1, 3, 0), stats_summary(5, 2, 1)) s;
SELECT s.* FROM sequential_test(stats_summary(10, 3, 0), stats_summary(10, 3, 0)) s;
SELECT estimate, rel_estimate, rel_ci_lower, rel_ci_upper, rel_std_error
FROM sequential_test(stats_summary(100, 0.5, 1), stats_summary(100, 0, 1));
-- a NULL summary (an arm without rows yet) gives NULL
SELECT sequential_test(NULL, stats_summary(5, 2, 1)) IS NULL AS null_result;
-- overwhelming evidence: p = 0, e-value beyond float8
SELECT p_value, e_value FROM sequential_test(stats_summary(1000000, 1, 1),
											 stats_summary(1000000, 0, 1));
-- one-sided sequences have an infinite bound; the wrong side gives p = 1
SELECT alternative, ci_lower, ci_upper, p_value = 1 AS p_is_1, e_value
FROM unnest(ARRAY['greater', 'less']) alternative,
	 LATERAL sequential_test(stats_summary(1000, 0.2, 1), stats_summary(1000, 0, 1),
							 alternative => alternative) s
ORDER BY alternative;

-- Bad arguments: 22023 naming the argument.
\set VERBOSITY default
SELECT sequential_test(stats_summary(10, 1, 1), stats_summary(10, 0, 1), tuning => 0);
SELECT sequential_test(stats_summary(10, 1, 1), stats_summary(10, 0, 1), tuning => -5);
SELECT sequential_test(stats_summary(10, 1, 1), stats_summary(10, 0, 1), tuning => 'NaN');
SELECT sequential_test(stats_summary(10, 1, 1), stats_summary(10, 0, 1), tuning => 'Infinity');
SELECT sequential_test(stats_summary(10, 1, 1), stats_summary(10, 0, 1), conf_level => 1);
SELECT sequential_test(stats_summary(10, 1, 1), stats_summary(10, 0, 1), alternative => 'two_sided');
SELECT sequential_test(stats_summary(10, 1, 1), stats_summary(10, 0, 1),
					   alternative => 'greater', conf_level => 0.5);
