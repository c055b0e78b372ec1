-- t_test(): one- and two-sample t-tests on stats_summary, against R's t.test
-- (test/reference/gen_samples.R writes the cases and R's results).
\getenv abs_srcdir PG_ABS_SRCDIR
\set csv :abs_srcdir '/test/reference/data/samples.csv'
CREATE TEMP TABLE ref_samples (sample_id text, value float8);
\set cmd '\\copy ref_samples FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd
\set csv :abs_srcdir '/test/reference/data/ttest_one.csv'
CREATE TEMP TABLE ref_one (case_id int, sample_id text, kind text, mu float8,
	alternative text, conf_level float8, source text, statistic float8, df float8,
	p_value float8, estimate float8, ci_lower float8, ci_upper float8,
	std_error float8, method text);
\set cmd '\\copy ref_one FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd
\set csv :abs_srcdir '/test/reference/data/ttest_two.csv'
CREATE TEMP TABLE ref_two (case_id int, x_id text, y_id text, kind text,
	equal_var boolean, mu float8, alternative text, conf_level float8, source text,
	statistic float8, df float8, p_value float8, estimate float8, ci_lower float8,
	ci_upper float8, std_error float8, method text);
\set cmd '\\copy ref_two FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd

CREATE TEMP TABLE ours AS
SELECT sample_id, stats_agg(value) AS s FROM ref_samples GROUP BY sample_id;

CREATE TEMP TABLE got_one AS
SELECT r.case_id, (t_test(o.s, r.mu, r.alternative, r.conf_level)).*
FROM ref_one r JOIN ours o USING (sample_id) WHERE r.source = 'R';
CREATE TEMP TABLE got_two AS
SELECT r.case_id, (t_test(x.s, y.s, alternative => r.alternative, mu => r.mu,
						  equal_var => r.equal_var, conf_level => r.conf_level)).*
FROM ref_two r JOIN ours x ON x.sample_id = r.x_id JOIN ours y ON y.sample_id = r.y_id
WHERE r.source = 'R';

-- rel_ok(ours, ref, tol): equal NULLs, equal values (infinite bounds), or
-- relative error <= tol; below the smallest normal double (p-values such
-- as 7e-322, which carry only a few significant bits) the error is
-- measured relative to that double instead.
CREATE FUNCTION pg_temp.rel_ok(a float8, b float8, tol float8) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE WHEN a IS NULL OR b IS NULL THEN a IS NULL AND b IS NULL
		WHEN a = b THEN true
		ELSE abs(a - b) <= tol * greatest(abs(b), 2.2250738585072014e-308) END $$;

-- field by field: ours, R's and the exact value of the same case
CREATE TEMP VIEW cmp AS
SELECT 'one' AS test, g.case_id, r.kind, f.field, f.ours, f.r, f.exact,
	g.method = r.method AS method_ok
FROM got_one g
JOIN ref_one r ON r.case_id = g.case_id AND r.source = 'R'
JOIN ref_one x ON x.case_id = g.case_id AND x.source = 'exact'
CROSS JOIN LATERAL (VALUES
	('statistic', g.statistic, r.statistic, x.statistic),
	('df', g.df, r.df, x.df),
	('p_value', g.p_value, r.p_value, x.p_value),
	('estimate', g.estimate, r.estimate, x.estimate),
	('ci_lower', g.ci_lower, r.ci_lower, x.ci_lower),
	('ci_upper', g.ci_upper, r.ci_upper, x.ci_upper),
	('std_error', g.std_error, r.std_error, x.std_error)) f(field, ours, r, exact)
UNION ALL
SELECT 'two', g.case_id, r.kind, f.field, f.ours, f.r, f.exact,
	g.method = r.method
FROM got_two g
JOIN ref_two r ON r.case_id = g.case_id AND r.source = 'R'
JOIN ref_two x ON x.case_id = g.case_id AND x.source = 'exact'
CROSS JOIN LATERAL (VALUES
	('statistic', g.statistic, r.statistic, x.statistic),
	('df', g.df, r.df, x.df),
	('p_value', g.p_value, r.p_value, x.p_value),
	('estimate', g.estimate, r.estimate, x.estimate),
	('ci_lower', g.ci_lower, r.ci_lower, x.ci_lower),
	('ci_upper', g.ci_upper, r.ci_upper, x.ci_upper),
	('std_error', g.std_error, r.std_error, x.std_error)) f(field, ours, r, exact);

-- cases run (every case of the files, each with 7 fields)
SELECT test, count(DISTINCT case_id) AS cases, count(*) AS fields,
	count(*) FILTER (WHERE ours IS NULL) AS null_fields,
	count(*) FILTER (WHERE ours = 'Infinity' OR ours = '-Infinity') AS infinite_bounds,
	bool_and(method_ok) AS methods_ok
FROM cmp GROUP BY test ORDER BY test;
SELECT (SELECT count(*) FROM ref_one WHERE source = 'R') - (SELECT count(*) FROM got_one) AS one_missing,
	(SELECT count(*) FROM ref_two WHERE source = 'R') - (SELECT count(*) FROM got_two) AS two_missing;

-- well-conditioned and degenerate samples: every field within 1e-10
-- relative of R's t.test (NULL exactly where R stops)
SELECT test, case_id, kind, field, ours, r
FROM cmp
WHERE kind <> 'offset' AND NOT pg_temp.rel_ok(ours, r, 1e-10)
ORDER BY 1, 2, 4;

-- large offsets (mean 1e6..1e9, tiny spread): both we and R round the mean
-- to a double, which limits the statistic (mean - mu) / std_error to about
-- 1e-4 relative on these samples; our error against the exact value must
-- not exceed R's by more than 1e-10 relative (the tolerance of the
-- well-conditioned cases, applied to the error instead of the value)
SELECT test, field, count(*) AS checked,
	bool_and(ours = exact OR abs(ours - exact) <= abs(r - exact) + 1e-10 * abs(exact)) AS no_worse_than_r
FROM cmp WHERE kind = 'offset'
GROUP BY 1, 2 ORDER BY 1, 2;
SELECT test, case_id, field, ours, r, exact
FROM cmp
WHERE kind = 'offset'
	AND ((ours IS NULL) <> (r IS NULL)
		 OR NOT (ours = exact OR abs(ours - exact) <= abs(r - exact) + 1e-10 * abs(exact)))
ORDER BY 1, 2, 3;

-- ---------------------------------------------------------------------
-- Behaviour.  Printed with 12 significant digits (extra_float_digits = -3)
-- so the expected output does not hang on the last bit of a p-value.
-- ---------------------------------------------------------------------
SET extra_float_digits = -3;
\set VERBOSITY default
\set SHOW_CONTEXT never

-- the canonical A/B query: per-variant summaries in one scan, treatment
-- (B) first so that estimate is the lift B - A
CREATE TEMP TABLE experiment_users AS
SELECT i AS user_id,
	CASE WHEN i % 2 = 0 THEN 'A' ELSE 'B' END AS variant,
	CASE WHEN (i * 37) % 100 < 8 + i % 2
		 THEN ((i * 7919) % 9973) / 100.0 + 10 * (i % 2) ELSE 0 END::float8 AS revenue
FROM generate_series(1, 20000) i;
SELECT (t_test(stats_agg(revenue) FILTER (WHERE variant = 'B'),
			   stats_agg(revenue) FILTER (WHERE variant = 'A'))).*
FROM experiment_users;
-- the same as Student's test, and one-sided
SELECT (t_test(stats_agg(revenue) FILTER (WHERE variant = 'B'),
			   stats_agg(revenue) FILTER (WHERE variant = 'A'),
			   alternative => 'greater', equal_var => true)).*
FROM experiment_users;

-- one-sample, defaults and named arguments; R's spelling 'two.sided'
SELECT (t_test(stats_agg(x))).* FROM generate_series(1, 10) x;
SELECT (t_test(stats_agg(x), mu => 5, alternative => 'less', conf_level => 0.9)).*
FROM generate_series(1, 10) x;
SELECT t_test(stats_agg(x), 5, 'two.sided') = t_test(stats_agg(x), 5, 'two-sided') AS same
FROM generate_series(1, 10) x;

-- a paired test is the one-sample test of the differences (R: t.test(after,
-- before, paired = TRUE) gives the same statistic, df and p-value)
CREATE TEMP TABLE paired (subject int, before float8, after float8);
INSERT INTO paired VALUES (1, 200.1, 190.5), (2, 180.3, 178.2), (3, 210.0, 199.9),
	(4, 195.5, 196.0), (5, 188.8, 180.1), (6, 201.2, 195.3);
SELECT (t_test(stats_agg(after - before))).* FROM paired;

-- summaries from published numbers (n, mean, sd)
SELECT (t_test(stats_summary(1000, 5.2, 2.1), stats_summary(1200, 5.0, 1.9))).*;

-- NULL arguments give NULL; a variant without rows gives an all-NULL row
SELECT t_test(NULL::stats_summary) IS NULL AS null_x,
	t_test(stats_summary(10, 1, 1), mu => NULL) IS NULL AS null_mu,
	t_test(stats_summary(10, 1, 1), alternative => NULL) IS NULL AS null_alternative,
	t_test(stats_summary(10, 1, 1), NULL::stats_summary) IS NULL AS null_y,
	t_test(stats_summary(10, 1, 1), stats_summary(10, 1, 1), equal_var => NULL) IS NULL AS null_equal_var;
SELECT (t_test(stats_agg(revenue) FILTER (WHERE variant = 'C'),
			   stats_agg(revenue) FILTER (WHERE variant = 'A'))).*
FROM experiment_users;

-- too few observations: only the estimate (and what is defined) remains
SELECT (t_test(stats_agg(x))).* FROM (VALUES (4.5::float8)) v(x);
SELECT (t_test(stats_summary(1, 3, 0), stats_summary(5, 2, 1))).*;
SELECT (t_test(stats_summary(1, 3, 0), stats_summary(5, 2, 1), equal_var => true)).*;
SELECT (t_test(stats_summary(1, 3, 0), stats_summary(1, 2, 0), equal_var => true)).*;

-- zero variance: no statistic, p-value or interval; df and std_error stay
SELECT (t_test(stats_agg(x), mu => 1)).* FROM (VALUES (0::float8), (0), (0)) v(x);
SELECT (t_test(stats_summary(10, 3, 0), stats_summary(10, 3, 0))).*;
SELECT (t_test(stats_summary(10, 3, 0), stats_summary(10, 3, 0), equal_var => true)).*;
-- one side constant is fine (Welch df = n - 1 of the other side)
SELECT (t_test(stats_summary(10, 3, 0), stats_summary(8, 2, 1))).*;
-- spread below the rounding noise of the mean: R's "data are essentially
-- constant", here a NULL statistic
SELECT (t_test(stats_agg(x))).*
FROM (VALUES (1e9::float8), (1e9 + 2.384185791015625e-07), (1e9)) v(x);

-- errors: 22023 naming the argument
SELECT t_test(stats_summary(10, 1, 1), conf_level => 0);
\echo :LAST_ERROR_SQLSTATE
SELECT t_test(stats_summary(10, 1, 1), conf_level => 1);
\echo :LAST_ERROR_SQLSTATE
SELECT t_test(stats_summary(10, 1, 1), conf_level => 1.5);
\echo :LAST_ERROR_SQLSTATE
SELECT t_test(stats_summary(10, 1, 1), conf_level => 'NaN');
\echo :LAST_ERROR_SQLSTATE
SELECT t_test(stats_summary(10, 1, 1), stats_summary(10, 2, 1), conf_level => -0.95);
\echo :LAST_ERROR_SQLSTATE
SELECT t_test(stats_summary(10, 1, 1), alternative => 'two_sided');
\echo :LAST_ERROR_SQLSTATE
SELECT t_test(stats_summary(10, 1, 1), stats_summary(10, 2, 1), alternative => 'Greater');
\echo :LAST_ERROR_SQLSTATE
SELECT t_test(stats_summary(10, 1, 1), mu => 'Infinity');
\echo :LAST_ERROR_SQLSTATE
SELECT t_test(stats_summary(10, 1, 1), mu => 'NaN');
\echo :LAST_ERROR_SQLSTATE
SELECT t_test(stats_summary(10, 1, 1), stats_summary(10, 2, 1), mu => '-Infinity');
\echo :LAST_ERROR_SQLSTATE
-- arguments are checked even when the result would be undefined
SELECT t_test(stats_summary(1, 1, 0), conf_level => 2);
\echo :LAST_ERROR_SQLSTATE
