-- Proportion tests and intervals: prop_test, binom_test, prop_ci.
-- Reference values: test/reference/gen_proportions.R (R prop.test,
-- binom.test; Newcombe and Agresti-Caffo intervals from their published
-- formulas) and test/reference/gen_prop_ci.py (statsmodels
-- proportion_confint).  Agreement required: 1e-9 relative; interval
-- bounds may instead be within 1e-15 absolute (bounds at 0), and the
-- signed z within 1e-9 absolute: where Yates' correction cancels the
-- deviation exactly (|x1 n2 - x2 n1| / (n1 + n2) <= 1/2, e.g. 999999 of 1e6
-- vs 1e6 of 1e6), ours is exactly 0 while R's is rounding noise of
-- x - n p (z = -8e-11 in that case).
\set VERBOSITY terse

-- relative closeness; NULL matches NULL
CREATE FUNCTION pg_temp.close(a float8, b float8, tol float8 DEFAULT 1e-9, abs_tol float8 DEFAULT 0)
RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE WHEN a IS NULL OR b IS NULL THEN a IS NULL AND b IS NULL
		ELSE a = b OR abs(a - b) <= greatest(tol * greatest(abs(a), abs(b)), abs_tol) END
$$;

-- ---------------------------------------------------------------------
-- Examples
-- ---------------------------------------------------------------------
-- conversions: 120 of 1000 in treatment, 95 of 1000 in control
SELECT (prop_test(120, 1000, 95, 1000)).*;
SELECT (prop_test(120, 1000, 95, 1000, correct => true, ci_method => 'wald')).*;
SELECT (prop_test(120, 1000, 95, 1000, alternative => 'greater', ci_method => 'agresti-caffo')).*;
-- one sample (R: prop.test(15, 50))
SELECT (prop_test(15, 50)).*;
SELECT (prop_test(15, 50, p => 0.4, alternative => 'less', correct => true)).*;
-- zero cells: the pooled proportion is 0, the test is undefined (NULL)
SELECT (prop_test(0, 10, 0, 12)).*;
SELECT (binom_test(7, 20)).*;
SELECT (binom_test(0, 20, 0.1, alternative => 'greater')).*;
SELECT m, (prop_ci(0, 10, method => m)).*, (prop_ci(10, 10, method => m)).*
FROM unnest(ARRAY['wilson', 'wald', 'agresti-coull', 'clopper-pearson', 'jeffreys']) m;

-- ---------------------------------------------------------------------
-- Two-sample prop_test against R
-- ---------------------------------------------------------------------
\getenv abs_srcdir PG_ABS_SRCDIR
\set csv :abs_srcdir '/test/reference/data/prop_test2.csv'
CREATE TEMP TABLE ref_prop_test2 (x1 bigint, n1 bigint, x2 bigint, n2 bigint,
	alternative text, conf_level float8, correct boolean, ci_method text,
	statistic float8, p_value float8, estimate1 float8, estimate2 float8,
	ci_lower float8, ci_upper float8);
\set cmd '\\copy ref_prop_test2 FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd
SELECT count(*) AS prop_test2_cases FROM ref_prop_test2;
SELECT x1, n1, x2, n2, alternative, conf_level, correct, ci_method
FROM (SELECT r.*, prop_test(x1, n1, x2, n2, alternative, conf_level, correct, ci_method) AS g
	  FROM ref_prop_test2 r) q
WHERE NOT (pg_temp.close((g).statistic, statistic, 1e-9, 1e-9)
	AND pg_temp.close((g).p_value, p_value)
	AND pg_temp.close((g).estimate1, estimate1)
	AND pg_temp.close((g).estimate2, estimate2)
	AND pg_temp.close((g).estimate, estimate1 - estimate2, 1e-9, 1e-15)
	AND pg_temp.close((g).ci_lower, ci_lower, 1e-9, 1e-15)
	AND pg_temp.close((g).ci_upper, ci_upper, 1e-9, 1e-15));

-- ---------------------------------------------------------------------
-- One-sample prop_test against R
-- ---------------------------------------------------------------------
\set csv :abs_srcdir '/test/reference/data/prop_test1.csv'
CREATE TEMP TABLE ref_prop_test1 (x bigint, n bigint, p float8, alternative text,
	conf_level float8, correct boolean, statistic float8, p_value float8,
	estimate float8, ci_lower float8, ci_upper float8);
\set cmd '\\copy ref_prop_test1 FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd
SELECT count(*) AS prop_test1_cases FROM ref_prop_test1;
SELECT x, n, p, alternative, conf_level, correct
FROM (SELECT r.*, prop_test(x, n, p, alternative, conf_level, correct) AS g
	  FROM ref_prop_test1 r) q
WHERE NOT (pg_temp.close((g).statistic, statistic, 1e-9, 1e-9)
	AND pg_temp.close((g).p_value, p_value)
	AND pg_temp.close((g).estimate, estimate)
	AND (g).estimate1 = (g).estimate AND (g).estimate2 IS NULL
	AND pg_temp.close((g).ci_lower, ci_lower, 1e-9, 1e-15)
	AND pg_temp.close((g).ci_upper, ci_upper, 1e-9, 1e-15));

-- ---------------------------------------------------------------------
-- binom_test against R
-- ---------------------------------------------------------------------
\set csv :abs_srcdir '/test/reference/data/binom_test.csv'
CREATE TEMP TABLE ref_binom_test (x bigint, n bigint, p float8, alternative text,
	conf_level float8, p_value float8, estimate float8, ci_lower float8, ci_upper float8);
\set cmd '\\copy ref_binom_test FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd
SELECT count(*) AS binom_test_cases FROM ref_binom_test;
SELECT x, n, p, alternative, conf_level, p_value, (g).p_value AS got_p_value,
	ci_lower, (g).ci_lower AS got_lower, ci_upper, (g).ci_upper AS got_upper
FROM (SELECT r.*, binom_test(x, n, p, alternative, conf_level) AS g
	  FROM ref_binom_test r) q
WHERE NOT (pg_temp.close((g).p_value, p_value)
	AND pg_temp.close((g).estimate, estimate)
	AND pg_temp.close((g).ci_lower, ci_lower, 1e-9, 1e-15)
	AND pg_temp.close((g).ci_upper, ci_upper, 1e-9, 1e-15));

-- ---------------------------------------------------------------------
-- prop_ci against statsmodels
-- ---------------------------------------------------------------------
\set csv :abs_srcdir '/test/reference/data/prop_ci.csv'
CREATE TEMP TABLE ref_prop_ci (x bigint, n bigint, conf_level float8, method text,
	lower float8, upper float8);
\set cmd '\\copy ref_prop_ci FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd
SELECT count(*) AS prop_ci_cases FROM ref_prop_ci;
-- Jeffreys: Brown, Cai & DasGupta's interval has the lower bound 0 at
-- x = 0 and the upper bound 1 at x = n, where statsmodels keeps the Beta
-- quantile; every other bound is statsmodels'
SELECT count(*) FILTER (WHERE method = 'jeffreys' AND (x = 0 OR x = n)) AS jeffreys_bounds_set_by_bcd
FROM ref_prop_ci;
UPDATE ref_prop_ci SET lower = CASE WHEN x = 0 THEN 0 ELSE lower END,
	upper = CASE WHEN x = n THEN 1 ELSE upper END
WHERE method = 'jeffreys';
SELECT x, n, conf_level, method, lower, (g).lower AS got_lower, upper, (g).upper AS got_upper
FROM (SELECT r.*, prop_ci(x, n, conf_level, method) AS g FROM ref_prop_ci r) q
WHERE NOT (pg_temp.close((g).lower, lower, 1e-9, 1e-15)
	AND pg_temp.close((g).upper, upper, 1e-9, 1e-15));
-- exact bounds where the method defines them
SELECT m, (prop_ci(0, 1000000000000, method => m)).lower = 0 AS lower_is_0,
	(prop_ci(1000000000000, 1000000000000, method => m)).upper = 1 AS upper_is_1
FROM unnest(ARRAY['wilson', 'wald', 'agresti-coull', 'clopper-pearson', 'jeffreys']) m;

-- ---------------------------------------------------------------------
-- Large counts (bigint near 1e12): no overflow, no loss of precision
-- ---------------------------------------------------------------------
-- the statistic against the textbook z computed in exact numeric arithmetic
WITH c(x1, n1, x2, n2) AS (VALUES
	(500000600000::bigint, 1000000000000::bigint, 499999400000::bigint, 999999000000::bigint),
	(123456789012, 987654321098, 123456000000, 987650000000),
	(7, 1000000000000, 1, 1000000000000)),
z AS (SELECT c.*, (x1::numeric / n1 - x2::numeric / n2)
		/ sqrt(((x1 + x2)::numeric / (n1 + n2)) * (1 - (x1 + x2)::numeric / (n1 + n2))
			   * (1::numeric / n1 + 1::numeric / n2)) AS z_exact
	  FROM c)
SELECT x1, n1, x2, n2, pg_temp.close((prop_test(x1, n1, x2, n2)).statistic, z_exact::float8, 1e-12) AS statistic_ok
FROM z;
-- binom_test at n = 1e9 and 1e12: against symmetry (p = 0.5: two-sided =
-- 2 x one-sided), the exact middle (p-value 1) and the continuity-corrected
-- normal approximation, which for p = 0.5 is within O(1/n) of the exact test
SELECT n, x,
	pg_temp.close((binom_test(x, n)).p_value, 2 * (binom_test(x, n, alternative => 'less')).p_value, 1e-12) AS symmetric,
	pg_temp.close((binom_test(x, n)).p_value, (prop_test(x, n, correct => true)).p_value, 1e-6) AS near_normal,
	(binom_test(n / 2, n)).p_value AS p_at_middle
FROM (VALUES (1000000000::bigint, 499970000::bigint), (1000000000, 499990000),
			 (1000000000000, 499998000000), (1000000000000, 499999000000)) v(n, x);
-- R's relative tolerance (1 + 1e-7) at work: at n = 1e9 the mode is within
-- 1e-7 of the pmf at x = n/2 - 1, so every outcome counts and p = 1
-- (binom.test(19999999, 4e7) shows the same in R; it is a reference case)
SELECT (binom_test(499999999, 1000000000)).p_value AS p_within_tolerance;
-- a far tail at n = 1e12 (p-value ~ 1e-87): still a finite, positive number
SELECT (binom_test(499990000000, 1000000000000)).p_value BETWEEN 1e-90 AND 1e-80 AS far_tail;
-- one-sided tails at p = 0.3 overlap in P[X = x], which at n = 1e12 is the
-- normal density to ~1e-6 (local limit theorem; skewness term ~ 1e-6)
SELECT pg_temp.close((binom_test(x, n, 0.3, 'less')).p_value
	+ (binom_test(x, n, 0.3, 'greater')).p_value - 1,
	exp(-((x - 0.3 * n)^2) / (2 * 0.21 * n)) / sqrt(2 * pi() * 0.21 * n), 1e-5) AS tails_overlap_in_pmf
FROM (VALUES (300000100000::bigint, 1000000000000::bigint)) v(x, n);
-- the largest accepted count, 2^53
SELECT (prop_test(4503599627370496, 9007199254740992, 4503599627370495, 9007199254740992)).statistic > 0 AS max_count_ok;

-- ---------------------------------------------------------------------
-- Bad input: 22023 naming the argument
-- ---------------------------------------------------------------------
\set VERBOSITY sqlstate
SELECT prop_test(11, 10, 5, 10);
\echo :LAST_ERROR_MESSAGE
SELECT prop_test(1, 10, 5, 4);
\echo :LAST_ERROR_MESSAGE
SELECT prop_test(-1, 10, 5, 10);
\echo :LAST_ERROR_MESSAGE
SELECT prop_test(1, 10, -5, 10);
\echo :LAST_ERROR_MESSAGE
SELECT prop_test(0, 0, 5, 10);
\echo :LAST_ERROR_MESSAGE
SELECT prop_test(1, 10, 0, 0);
\echo :LAST_ERROR_MESSAGE
SELECT prop_test(1, -10, 5, 10);
\echo :LAST_ERROR_MESSAGE
SELECT prop_test(1, 9007199254740993, 5, 10);
\echo :LAST_ERROR_MESSAGE
SELECT prop_test(1, 10, 5, 10, alternative => 'two_sided');
\echo :LAST_ERROR_MESSAGE
SELECT prop_test(1, 10, 5, 10, conf_level => 1);
\echo :LAST_ERROR_MESSAGE
SELECT prop_test(1, 10, 5, 10, conf_level => 0);
\echo :LAST_ERROR_MESSAGE
SELECT prop_test(1, 10, 5, 10, ci_method => 'score');
\echo :LAST_ERROR_MESSAGE
SELECT prop_test(11, 10);
\echo :LAST_ERROR_MESSAGE
SELECT prop_test(1, 0);
\echo :LAST_ERROR_MESSAGE
SELECT prop_test(-1, 10);
\echo :LAST_ERROR_MESSAGE
SELECT prop_test(1, 10, p => 0);
\echo :LAST_ERROR_MESSAGE
SELECT prop_test(1, 10, p => 1.5);
\echo :LAST_ERROR_MESSAGE
SELECT prop_test(1, 10, p => 'NaN');
\echo :LAST_ERROR_MESSAGE
SELECT prop_test(1, 10, alternative => 'up');
\echo :LAST_ERROR_MESSAGE
SELECT prop_test(1, 10, conf_level => 1.5);
\echo :LAST_ERROR_MESSAGE
SELECT binom_test(11, 10);
\echo :LAST_ERROR_MESSAGE
SELECT binom_test(-1, 10);
\echo :LAST_ERROR_MESSAGE
SELECT binom_test(0, 0);
\echo :LAST_ERROR_MESSAGE
SELECT binom_test(1, 10, p => -0.1);
\echo :LAST_ERROR_MESSAGE
SELECT binom_test(1, 10, p => 1.1);
\echo :LAST_ERROR_MESSAGE
SELECT binom_test(1, 10, alternative => 'Less');
\echo :LAST_ERROR_MESSAGE
SELECT binom_test(1, 10, conf_level => -0.95);
\echo :LAST_ERROR_MESSAGE
SELECT prop_ci(11, 10);
\echo :LAST_ERROR_MESSAGE
SELECT prop_ci(-1, 10);
\echo :LAST_ERROR_MESSAGE
SELECT prop_ci(0, 0);
\echo :LAST_ERROR_MESSAGE
SELECT prop_ci(1, 10, conf_level => 'NaN');
\echo :LAST_ERROR_MESSAGE
SELECT prop_ci(1, 10, method => 'exact');
\echo :LAST_ERROR_MESSAGE
-- the largest counts take seconds, and can be cancelled
SET statement_timeout = '300ms';
SELECT binom_test(4503599600000000, 9007199254740992);
\echo :LAST_ERROR_MESSAGE
RESET statement_timeout;
\set VERBOSITY terse
-- NULL arguments give NULL (STRICT)
SELECT prop_test(NULL, 10, 1, 10) IS NULL AS null_in_null_out, binom_test(1, NULL) IS NULL AS b, prop_ci(1, 10, NULL) IS NULL AS c;
