-- stats_agg: overflow and non-finite input, serial, windowed and parallel.
-- The transition function does not test for overflow on every row: the
-- final and serial functions do it once (moments_check); these cases pin
-- down that the outcome is the same as a per-row test.
\set VERBOSITY sqlstate

-- the mean or M2 overflows: 22003, like var_samp()
SELECT stats_agg(x) FROM (VALUES (1e300::float8), (-1e300), (1e300)) v(x);
SELECT var_samp(x) FROM (VALUES (1e300::float8), (-1e300), (1e300)) v(x);
-- only M3/M4 overflow: skewness and kurtosis become unknown (NULL)
SELECT n(s), stddev(s), skewness(s), kurtosis(s), min_value(s), max_value(s)
FROM (SELECT stats_agg(x) AS s FROM (VALUES (1e100::float8), (-1e100), (3e100)) v(x)) q;
SELECT stats_agg(x) FROM (VALUES (1e100::float8), (-1e100), (3e100)) v(x);
-- ... and later rows do not bring them back
SELECT stats_agg(x) FROM (VALUES (1e100::float8), (-1e100), (3e100), (1), (2)) v(x);
-- NaN and infinities are rejected at the row (22023)
SELECT stats_agg(x) FROM (VALUES (1.0::float8), ('NaN')) v(x);
SELECT stats_agg(x) FROM (VALUES (1.0::float8), ('Infinity')) v(x);
SELECT stats_agg(x) FROM (VALUES (1.0::float8), ('-Infinity')) v(x);
-- NULLs are skipped; only NULLs (or no rows) give NULL
SELECT stats_agg(x) FROM (VALUES (NULL::float8), (2), (NULL), (4)) v(x);
SELECT stats_agg(x) IS NULL AS is_null FROM (VALUES (NULL::float8), (NULL)) v(x);
-- as a window aggregate the final function runs after each row and must
-- leave the running state as it is
SELECT i, stats_agg(x) OVER (ORDER BY i)
FROM (VALUES (1, 1e100::float8), (2, -1e100), (3, 3e100), (4, 5)) v(i, x);
SELECT i, stats_agg(x) OVER (ORDER BY i)
FROM (VALUES (1, 1e300::float8), (2, -1e300), (3, 1e300)) v(i, x);

-- a partial state that overflowed in a parallel worker: the serial
-- function raises the error
CREATE TABLE overflow_t AS
SELECT g, CASE WHEN g = 5000 THEN 1e300 WHEN g = 5001 THEN -1e300 ELSE g END::float8 AS x
FROM generate_series(1, 20000) g;
ANALYZE overflow_t;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF) SELECT stats_agg(x) FROM overflow_t;
SELECT stats_agg(x) FROM overflow_t;
SELECT n(stats_agg(x)) FROM overflow_t WHERE abs(x) < 1e200;
RESET ALL;
DROP TABLE overflow_t;
