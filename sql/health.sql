-- Experiment health: srm_test() and interaction_test(), compared with R
-- (test/reference/gen_tables.R).
-- Print 12 significant digits, so that last-digit changes in the
-- distribution functions do not disturb the examples (the reference
-- comparisons are done in SQL, at full precision).
SET extra_float_digits = -3;

CREATE FUNCTION pg_temp.close(x float8, r float8, rel float8 DEFAULT 1e-9)
RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
	SELECT (x IS NULL AND r IS NULL)
		OR x = r
		OR abs(x - r) <= rel * greatest(abs(x), abs(r))
$$;

\getenv abs_srcdir PG_ABS_SRCDIR

-- ---------------------------------------------------------------- srm_test
\set csv :abs_srcdir '/test/reference/data/srm.csv'
CREATE TEMP TABLE ref_srm (observed text, weights text, threshold float8,
	statistic float8, df float8, p_value float8, mismatch boolean);
\set cmd '\\copy ref_srm FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd

SELECT count(*) AS srm_cases, count(*) FILTER (WHERE mismatch) AS mismatches FROM ref_srm;
-- failing rows only
SELECT r.*, t.*
FROM ref_srm r, srm_test(r.observed::bigint[], r.weights::float8[], r.threshold) t
WHERE NOT (pg_temp.close(t.statistic, r.statistic) AND t.df = r.df
	AND pg_temp.close(t.p_value, r.p_value) AND t.mismatch = r.mismatch);

-- examples
SELECT * FROM srm_test('{50123, 49877}');
SELECT * FROM srm_test('{50500, 49500}');
SELECT * FROM srm_test('{90210, 9790}', weights => '{90, 10}');
SELECT * FROM srm_test('{3400, 3300, 3300}', threshold => 0.05);
SELECT * FROM srm_test('{0, 0}');
SELECT * FROM srm_test(NULL);
-- a NULL count (an arm with no rows yet) gives NULL fields, not an error;
-- the check should count such an arm as 0, the strongest mismatch
SELECT * FROM srm_test('{100, NULL}');
SELECT * FROM srm_test(ARRAY[100, coalesce(NULL, 0)]);
-- one query over an assignments table
CREATE TEMP TABLE assignments AS
	SELECT u AS user_id, CASE WHEN u % 100 < 51 THEN 'B' ELSE 'A' END AS variant
	FROM generate_series(1, 20000) u;
SELECT (srm_test(array[count(*) FILTER (WHERE variant = 'A'),
					   count(*) FILTER (WHERE variant = 'B')])).*
FROM assignments;

-- errors (message, then SQLSTATE)
SELECT * FROM srm_test('{100, 90}', weights => '{1, 1, 1}');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM srm_test('{100, 90}', weights => '{1, 0}');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM srm_test('{100, 90}', weights => '{1, -1}');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM srm_test('{100, -90}');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM srm_test('{100, NULL}', weights => '{1, 1, 1}');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM srm_test('{-100, NULL}');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM srm_test('{{100, 90}, {80, 70}}');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM srm_test('{100}');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM srm_test('{100, 90}', threshold => 0);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM srm_test('{100, 90}', threshold => 1.5);
\echo :LAST_ERROR_SQLSTATE

-- ---------------------------------------------------------------- interaction_test
\set csv :abs_srcdir '/test/reference/data/interaction_samples.csv'
CREATE TEMP TABLE ref_samples (case_id int, cell int, value float8);
\set cmd '\\copy ref_samples FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd
\set csv :abs_srcdir '/test/reference/data/interaction.csv'
CREATE TEMP TABLE ref_interaction (case_id int, alternative text, conf_level float8,
	estimate float8, std_error float8, statistic float8, df float8, p_value float8,
	ci_lower float8, ci_upper float8);
\set cmd '\\copy ref_interaction FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd

CREATE TEMP TABLE cells AS
	SELECT case_id,
		stats_agg(value) FILTER (WHERE cell = 0) AS a0b0,
		stats_agg(value) FILTER (WHERE cell = 1) AS a0b1,
		stats_agg(value) FILTER (WHERE cell = 2) AS a1b0,
		stats_agg(value) FILTER (WHERE cell = 3) AS a1b1
	FROM ref_samples GROUP BY case_id;
-- Samples around 10^6 with unit spread ("offset") carry only about 1e-10
-- absolute precision in each mean (one ulp of 10^6 is 1.2e-10), in R as
-- here, so their estimate of order 1 agrees only to ~1e-9 and p-values,
-- which amplify it by t^2, to ~1e-7: they are compared at 1e-6 relative,
-- every other case at 1e-9.
ALTER TABLE cells ADD COLUMN tol float8;
UPDATE cells SET tol = CASE WHEN mean(a0b0) > 1e5 THEN 1e-6 ELSE 1e-9 END;
SELECT count(*) AS interaction_cases, count(DISTINCT r.case_id) AS samples,
	min(n(a0b0)) AS smallest_cell, max(n(a0b0)) AS largest_cell,
	count(*) FILTER (WHERE tol = 1e-9) AS at_1e_9, count(*) FILTER (WHERE tol = 1e-6) AS offset_at_1e_6
FROM ref_interaction r JOIN cells c USING (case_id);
-- failing rows only
SELECT r.*, t.*
FROM ref_interaction r JOIN cells c USING (case_id),
	interaction_test(c.a0b0, c.a0b1, c.a1b0, c.a1b1, r.alternative, r.conf_level) t
WHERE NOT (pg_temp.close(t.estimate, r.estimate, tol) AND pg_temp.close(t.std_error, r.std_error, tol)
	AND pg_temp.close(t.statistic, r.statistic, tol) AND pg_temp.close(t.df, r.df, tol)
	AND pg_temp.close(t.p_value, r.p_value, tol) AND pg_temp.close(t.ci_lower, r.ci_lower, tol)
	AND pg_temp.close(t.ci_upper, r.ci_upper, tol));

-- examples: from published numbers; one-sided; undefined cases
SELECT * FROM interaction_test(stats_summary(5000, 10.0, 4.0), stats_summary(5000, 10.1, 4.0),
	stats_summary(5000, 10.5, 4.2), stats_summary(5000, 11.2, 4.3));
SELECT * FROM interaction_test(stats_summary(5000, 10.0, 4.0), stats_summary(5000, 10.1, 4.0),
	stats_summary(5000, 10.5, 4.2), stats_summary(5000, 11.2, 4.3), alternative => 'greater');
-- a one-user cell: only the estimate is defined
SELECT * FROM interaction_test(stats_summary(1, 10.0, 0), stats_summary(50, 10.1, 4.0),
	stats_summary(50, 10.5, 4.2), stats_summary(50, 11.2, 4.3));
-- four constant cells: no variance, only the estimate
SELECT * FROM interaction_test(stats_summary(10, 1, 0), stats_summary(10, 1, 0),
	stats_summary(10, 2, 0), stats_summary(10, 3, 0));
-- two equal-sized, equal-variance cells dominate: df approaches theirs
SELECT round(df::numeric, 6) AS df FROM interaction_test(stats_summary(10, 0, 1), stats_summary(10, 0, 1),
	stats_summary(1000000, 0, 1e-6), stats_summary(1000000, 0, 1e-6));
SELECT * FROM interaction_test(NULL, stats_summary(10, 0, 1), stats_summary(10, 0, 1), stats_summary(10, 0, 1));

-- errors (message, then SQLSTATE)
SELECT * FROM interaction_test(stats_summary(10, 0, 1), stats_summary(10, 0, 1),
	stats_summary(10, 0, 1), stats_summary(10, 0, 1), alternative => 'both');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM interaction_test(stats_summary(10, 0, 1), stats_summary(10, 0, 1),
	stats_summary(10, 0, 1), stats_summary(10, 0, 1), conf_level => 0);
\echo :LAST_ERROR_SQLSTATE
