-- Count tables: chisq_test() and fisher_test(), compared with R's
-- chisq.test and fisher.test (test/reference/gen_tables.R).
-- Print 12 significant digits, so that last-digit changes in the
-- distribution functions do not disturb the examples (the reference
-- comparisons are done in SQL, at full precision).
SET extra_float_digits = -3;

-- x and r agree to 1e-9 relative (or are both NULL, or equal infinities);
-- `floor` is an absolute tolerance for quantities that are 0 in exact
-- arithmetic but only ~1e-16 in R's floating point (a Yates-corrected X^2).
CREATE FUNCTION pg_temp.close(x float8, r float8, floor float8 DEFAULT 0)
RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
	SELECT (x IS NULL AND r IS NULL)
		OR x = r
		OR abs(x - r) <= 1e-9 * greatest(abs(x), abs(r))
		OR abs(x - r) <= floor
$$;

\getenv abs_srcdir PG_ABS_SRCDIR

-- ---------------------------------------------------------------- chisq_test
\set csv :abs_srcdir '/test/reference/data/chisq.csv'
CREATE TEMP TABLE ref_chisq (observed text, p text, correct boolean,
	statistic float8, df float8, p_value float8);
\set cmd '\\copy ref_chisq FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd

SELECT count(*) AS chisq_cases,
	count(*) FILTER (WHERE observed LIKE '{{%') AS two_dimensional,
	count(*) FILTER (WHERE statistic IS NULL) AS undefined
FROM ref_chisq;
-- failing rows only
SELECT r.observed, r.p, r.correct, r.statistic, t.statistic, r.p_value, t.p_value
FROM ref_chisq r, chisq_test(r.observed::bigint[], r.p::float8[], r.correct) t
WHERE NOT (pg_temp.close(t.statistic, r.statistic, 1e-12)
	AND t.df = r.df
	AND pg_temp.close(t.p_value, r.p_value));

-- examples
SELECT * FROM chisq_test('{{12, 5}, {7, 9}}');
SELECT * FROM chisq_test('{{12, 5}, {7, 9}}', correct => false);
SELECT * FROM chisq_test('{{10, 20, 30}, {20, 20, 20}, {30, 20, 10}}');
SELECT * FROM chisq_test('{30, 20, 50}', p => '{1, 1, 2}');
-- a table with one row is a vector (as in R)
SELECT * FROM chisq_test('{{30, 20, 50}}', p => '{1, 1, 2}');
-- undefined: a zero row (R: NaN) and no counts at all (R: an error)
SELECT * FROM chisq_test('{{0, 0}, {3, 4}}');
SELECT * FROM chisq_test('{0, 0, 0}');
SELECT * FROM chisq_test(NULL);

-- counts near 10^12: X^2 of the table k * x is exactly k times X^2 of x
-- (no Yates), so scaling by 10^9 must keep 1e-12 relative agreement
SELECT abs((chisq_test(array[[1000 * k, 1010 * k], [990 * k, 1003 * k]]::bigint[], correct => false)).statistic
		/ (k * (chisq_test('{{1000, 1010}, {990, 1003}}', correct => false)).statistic) - 1) < 1e-12 AS scales_2x2,
	abs((chisq_test(array[400000 * k + 1, 400000 * k - 1, 400000 * k]::bigint[])).statistic
		- 2.0 * 3 / (1200000 * k)) < 1e-12 * 2.0 * 3 / (1200000 * k) AS exact_near_uniform
FROM (VALUES (1000000::bigint)) v(k);
SELECT * FROM chisq_test('{{1000000000000, 1000000000100}, {1000000000000, 1000000000000}}', correct => false);

-- errors (message, then SQLSTATE): shape (2202E) and values (22023), each naming the argument
SELECT * FROM chisq_test('{{{1, 2}, {3, 4}}}');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM chisq_test('{}');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM chisq_test('{5}');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM chisq_test(ARRAY[ARRAY[1, 2], ARRAY[3]]::bigint[]);
\echo :LAST_ERROR_SQLSTATE
-- a NULL count is unknown data, not an error: NULL fields, after the
-- same validation of everything else
SELECT * FROM chisq_test('{1, NULL, 3}');
SELECT * FROM chisq_test('{{1, NULL}, {3, 4}}');
SELECT * FROM chisq_test('{1, NULL, -3}');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM chisq_test('{1, -2, 3}');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM chisq_test('{1, 2, 3}', p => '{1, 2}');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM chisq_test('{1, 2, 3}', p => '{{1, 2, 3}}');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM chisq_test('{1, 2, 3}', p => '{1, 0, 2}');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM chisq_test('{1, 2, 3}', p => '{1, NULL, 2}');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM chisq_test('{1, 2, 3}', p => '{1, Infinity, 2}');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM chisq_test('{{1, 2}, {3, 4}}', p => '{0.5, 0.5}');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM chisq_test('{4611686018427387904, 4611686018427387904, 4611686018427387904}');
\echo :LAST_ERROR_SQLSTATE

-- ---------------------------------------------------------------- fisher_test
\set csv :abs_srcdir '/test/reference/data/fisher.csv'
CREATE TEMP TABLE ref_fisher (a bigint, b bigint, c bigint, d bigint, alternative text,
	conf_level float8, p_value float8, odds_ratio float8, ci_lower float8, ci_upper float8,
	odds_ratio_r float8, ci_lower_r float8, ci_upper_r float8);
\set cmd '\\copy ref_fisher FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd

SELECT count(*) AS fisher_cases,
	count(DISTINCT alternative) AS alternatives,
	count(DISTINCT conf_level) AS conf_levels,
	count(*) FILTER (WHERE least(a, b, c, d) = 0) AS with_zero_cells,
	count(*) FILTER (WHERE a + b + c + d >= 1000000) AS in_the_millions
FROM ref_fisher;
-- against fisher.test's own code run to full precision: failing rows only
SELECT r.a, r.b, r.c, r.d, r.alternative, r.conf_level,
	r.p_value, t.p_value, r.odds_ratio, t.odds_ratio, r.ci_lower, t.ci_lower, r.ci_upper, t.ci_upper
FROM ref_fisher r, fisher_test(r.a, r.b, r.c, r.d, r.alternative, r.conf_level) t
WHERE NOT (pg_temp.close(t.p_value, r.p_value)
	AND pg_temp.close(t.odds_ratio, r.odds_ratio)
	AND pg_temp.close(t.ci_lower, r.ci_lower)
	AND pg_temp.close(t.ci_upper, r.ci_upper));
-- against fisher.test as shipped: its uniroot() stops at an absolute
-- tolerance of about 1.2e-4 on min(w, 1/w); failing rows only
CREATE FUNCTION pg_temp.unit(w float8) RETURNS float8 LANGUAGE sql IMMUTABLE AS
	$$ SELECT CASE WHEN w = 'Infinity' THEN 0 WHEN w > 1 THEN 1 / w ELSE w END $$;
SELECT r.a, r.b, r.c, r.d, r.alternative, r.conf_level, r.odds_ratio_r, t.odds_ratio
FROM ref_fisher r, fisher_test(r.a, r.b, r.c, r.d, r.alternative, r.conf_level) t
WHERE abs(pg_temp.unit(t.odds_ratio) - pg_temp.unit(r.odds_ratio_r)) > 2.5e-4
	OR abs(pg_temp.unit(t.ci_lower) - pg_temp.unit(r.ci_lower_r)) > 2.5e-4
	OR abs(pg_temp.unit(t.ci_upper) - pg_temp.unit(r.ci_upper_r)) > 2.5e-4;

-- examples
SELECT * FROM fisher_test(3, 1, 1, 3);
SELECT * FROM fisher_test(10, 20, 30, 5, alternative => 'less', conf_level => 0.99);
SELECT * FROM fisher_test(0, 5, 6, 7, 'greater');
SELECT * FROM fisher_test(7, 0, 2, 9);
SELECT * FROM fisher_test(0, 0, 0, 0);

-- counts near 10^12 (beyond R, whose fisher.test needs cells < 2^31):
-- symmetries that hold exactly.  A table with equal cells has p = 1 and
-- odds ratio 1 and an interval symmetric in log(w); swapping the rows
-- inverts the odds ratio and its interval and swaps 'less' and 'greater';
-- transposing changes nothing.
SELECT p_value = 1 AS p_is_1, abs(odds_ratio - 1) < 1e-12 AS or_is_1,
	abs(ci_lower * ci_upper - 1) < 1e-9 AS symmetric, ci_upper - ci_lower < 1e-4 AS narrow
FROM fisher_test(250000000000, 250000000000, 250000000000, 250000000000);
SELECT x.p_value, x.odds_ratio, x.ci_lower, x.ci_upper,
	pg_temp.close(x.odds_ratio, 1 / y.odds_ratio) AS inverted_or,
	pg_temp.close(x.ci_lower, 1 / y.ci_upper) AS inverted_lower,
	pg_temp.close(x.ci_upper, 1 / y.ci_lower) AS inverted_upper,
	pg_temp.close(x.p_value, y.p_value) AS same_p,
	pg_temp.close(x.p_value, z.p_value) AS transposed_p,
	pg_temp.close(x.odds_ratio, z.odds_ratio) AS transposed_or
FROM fisher_test(250000000000, 250000300000, 249999900000, 250000000000) x,
	fisher_test(249999900000, 250000000000, 250000000000, 250000300000) y,
	fisher_test(250000000000, 249999900000, 250000300000, 250000000000) z;
SELECT pg_temp.close(x.p_value, y.p_value) AS less_is_swapped_greater,
	pg_temp.close(x.ci_upper, 1 / y.ci_lower) AS one_sided_bound
FROM fisher_test(10000000000, 1000000, 999000, 10000000000, 'less') x,
	fisher_test(999000, 10000000000, 10000000000, 1000000, 'greater') y;

-- errors (message, then SQLSTATE)
SELECT * FROM fisher_test(-1, 2, 3, 4);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM fisher_test(1, 2, -3, 4);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM fisher_test(1, 2, 3, 4, 'bigger');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM fisher_test(1, 2, 3, 4, conf_level => 1);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM fisher_test(1, 2, 3, 4, conf_level => 'NaN');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM fisher_test(4611686018427387904, 4611686018427387904, 1, 1);
\echo :LAST_ERROR_SQLSTATE
