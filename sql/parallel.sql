-- Parallel, partitionwise and multi-level aggregation of stats_agg() and
-- rollup(): the plans are forced (EXPLAIN shows them) and every result is
-- compared with the serial one, field by field, to 1e-12 relative.  The
-- comparisons print booleans so this file does not depend on the last digit.

-- same_summary(a, b): n equal, and mean, variance, skewness, kurtosis, min
-- and max equal to `tol` relative (NULL only where both are NULL).
CREATE FUNCTION pg_temp.close_to(a float8, b float8, tol float8) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE WHEN a IS NULL OR b IS NULL THEN a IS NULL AND b IS NULL
		ELSE abs(a - b) <= tol * greatest(abs(a), abs(b)) END
$$;
CREATE FUNCTION pg_temp.same_summary(a stats_summary, b stats_summary, tol float8 DEFAULT 1e-12)
RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE WHEN a IS NULL OR b IS NULL THEN a IS NULL AND b IS NULL
		ELSE n(a) = n(b)
			AND pg_temp.close_to(mean(a), mean(b), tol)
			AND pg_temp.close_to(variance(a), variance(b), tol)
			AND pg_temp.close_to(skewness(a), skewness(b), tol)
			AND pg_temp.close_to(kurtosis(a), kurtosis(b), tol)
			AND pg_temp.close_to(min_value(a), min_value(b), tol)
			AND pg_temp.close_to(max_value(a), max_value(b), tol) END
$$;
-- Workers launched by a query (EXPLAIN ANALYZE), to show the plan really ran
-- in parallel.
CREATE FUNCTION pg_temp.workers_launched(query text) RETURNS int
LANGUAGE plpgsql AS $$
DECLARE
	total int := 0;
	line text;
BEGIN
	FOR line IN EXECUTE 'EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ' || query
	LOOP
		IF line ~ 'Workers Launched: ' THEN
			total := total + substring(line FROM 'Workers Launched: (\d+)')::int;
		END IF;
	END LOOP;
	RETURN total;
END
$$;

-- Data: groups 0..3 spread over the whole table with different shapes
-- (uniform, exponential, 0/1, exponential on a large offset); group 4 only
-- in the first 60 rows (the first heap page, so one worker sees it and the
-- other does not); group 5 all NULL.  v is a second grouping column.
SELECT setseed(0.25);
CREATE TABLE par_data (i int, g int, v int, x float8);
INSERT INTO par_data
SELECT i,
	CASE WHEN i <= 60 AND i % 3 = 0 THEN 4 WHEN i % 97 = 0 THEN 5 ELSE i % 4 END,
	i % 7 % 2,
	NULL
FROM generate_series(1, 60000) i;
UPDATE par_data SET x = CASE g
	WHEN 0 THEN random() * 10
	WHEN 1 THEN -ln(1 - random()) * 3
	WHEN 2 THEN (random() < 0.3)::int
	WHEN 3 THEN 1e6 + floor(-ln(1 - random()) * 1024) / 256
	WHEN 4 THEN random() * 100 - 50
	END;
VACUUM ANALYZE par_data;
SELECT g, count(*), count(x) FROM par_data GROUP BY g ORDER BY g;

-- Serial reference results.
SET max_parallel_workers_per_gather = 0;
CREATE TABLE par_serial AS
	SELECT g, stats_agg(x) AS s FROM par_data GROUP BY g;
CREATE TABLE par_serial_all AS
	SELECT stats_agg(x) AS s,
		stats_agg(x) FILTER (WHERE g = 4) AS s_rare,
		stats_agg(x) FILTER (WHERE g = 5) AS s_null
	FROM par_data;

-- Forced parallel plans.
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;

-- 1. Partial HashAggregate in the workers (and the leader), Gather Merge,
--    Finalize GroupAggregate.
EXPLAIN (COSTS OFF) SELECT g, stats_agg(x) FROM par_data GROUP BY g;
SELECT pg_temp.workers_launched('SELECT g, stats_agg(x) FROM par_data GROUP BY g') > 0 AS ran_in_parallel;
SELECT g, pg_temp.same_summary(p.s, q.s) AS equal, p.s IS NULL AS is_null
FROM (SELECT g, stats_agg(x) AS s FROM par_data GROUP BY g) p
JOIN par_serial q USING (g) ORDER BY g;

-- 2. Sorted aggregation: Gather Merge, Finalize GroupAggregate.
SET enable_hashagg = off;
EXPLAIN (COSTS OFF) SELECT g, stats_agg(x) FROM par_data GROUP BY g;
SELECT g, pg_temp.same_summary(p.s, q.s) AS equal
FROM (SELECT g, stats_agg(x) AS s FROM par_data GROUP BY g) p
JOIN par_serial q USING (g) ORDER BY g;
RESET enable_hashagg;

-- 3. Without the leader: only the two workers aggregate.
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF) SELECT g, stats_agg(x) FROM par_data GROUP BY g;
SELECT g, pg_temp.same_summary(p.s, q.s) AS equal
FROM (SELECT g, stats_agg(x) AS s FROM par_data GROUP BY g) p
JOIN par_serial q USING (g) ORDER BY g;

-- 4. One group for the whole table, with FILTERs: a worker that sees no row
--    of group 4 hands over an empty (NULL) partial state, and group 5 is
--    NULL in every worker.
EXPLAIN (COSTS OFF) SELECT stats_agg(x), stats_agg(x) FILTER (WHERE g = 4),
	stats_agg(x) FILTER (WHERE g = 5) FROM par_data;
SELECT pg_temp.same_summary(p.s, q.s) AS all_rows,
	pg_temp.same_summary(p.s_rare, q.s_rare) AS rare_group,
	p.s_null IS NULL AND q.s_null IS NULL AS null_group
FROM (SELECT stats_agg(x) AS s,
		stats_agg(x) FILTER (WHERE g = 4) AS s_rare,
		stats_agg(x) FILTER (WHERE g = 5) AS s_null
	FROM par_data) p, par_serial_all q;
-- a WHERE clause that leaves only the first page: some worker gets no rows
SELECT pg_temp.same_summary(
	(SELECT stats_agg(x) FROM par_data WHERE g = 4), q.s_rare) AS rare_where
FROM par_serial_all q;
RESET parallel_leader_participation;

-- 4b. Data on a large offset (NIST StRD NumAcc4-like: 1e9 + 0.1 steps):
--    the partial states carry the low part of the compensated mean, so the
--    parallel result equals the serial one to 1e-12, not just to the
--    rounding of a 1e9 mean (~1e-7 relative to a spread of 0.1).
CREATE TABLE par_offset AS
	SELECT i, 1000000000.2::float8 + (i % 3 - 1) * 0.1::float8 + (i % 11) * 0.01::float8 AS x
	FROM generate_series(1, 30000) i;
VACUUM ANALYZE par_offset;
SET max_parallel_workers_per_gather = 0;
CREATE TABLE par_offset_serial AS SELECT stats_agg(x) AS s FROM par_offset;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT stats_agg(x) FROM par_offset;
SELECT pg_temp.same_summary((SELECT stats_agg(x) FROM par_offset), s) AS equal,
	pg_temp.close_to(stddev(s), (SELECT sqrt(sum((x - m) ^ 2) / (count(*) - 1))
		FROM par_offset, (SELECT avg(x) AS m FROM par_offset) a), 1e-10) AS sd_as_two_pass
FROM par_offset_serial;

-- 5. rollup() in parallel over a table of stored (daily) summaries.
SET max_parallel_workers_per_gather = 0;
CREATE TABLE par_daily AS
	SELECT g, i % 3000 AS day, stats_agg(x) AS s FROM par_data GROUP BY g, i % 3000;
CREATE TABLE par_rollup_serial AS
	SELECT g, rollup(s) AS s FROM par_daily GROUP BY g;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT g, rollup(s) FROM par_daily GROUP BY g;
SELECT g, pg_temp.same_summary(p.s, q.s) AS rollup_equal_serial,
	pg_temp.same_summary(p.s, r.s) AS rollup_equal_one_pass
FROM (SELECT g, rollup(s) AS s FROM par_daily GROUP BY g) p
JOIN par_rollup_serial q USING (g)
JOIN par_serial r USING (g) ORDER BY g;

-- Partitionwise aggregation over a partitioned table with an empty
-- partition.
RESET max_parallel_workers_per_gather;
SET max_parallel_workers_per_gather = 0;
CREATE TABLE par_part (i int, g int, v int, x float8) PARTITION BY LIST (g);
CREATE TABLE par_part_a PARTITION OF par_part FOR VALUES IN (0, 1);
CREATE TABLE par_part_b PARTITION OF par_part FOR VALUES IN (2, 3, 4);
CREATE TABLE par_part_empty PARTITION OF par_part FOR VALUES IN (6, 7);
CREATE TABLE par_part_rest PARTITION OF par_part DEFAULT;
INSERT INTO par_part SELECT * FROM par_data;
VACUUM ANALYZE par_part;
SELECT tableoid::regclass AS partition, count(*) FROM par_part GROUP BY 1 ORDER BY 1;
SET enable_partitionwise_aggregate = on;

-- 6. Grouping by the partition key: each partition is aggregated on its own.
EXPLAIN (COSTS OFF) SELECT g, stats_agg(x) FROM par_part GROUP BY g;
SELECT g, pg_temp.same_summary(p.s, q.s) AS equal
FROM (SELECT g, stats_agg(x) AS s FROM par_part GROUP BY g) p
JOIN par_serial q USING (g) ORDER BY g;

-- 7. Grouping by something else: a Partial HashAggregate per partition
--    (also on the empty one), then one Finalize aggregate.
CREATE TABLE par_serial_v AS
	SELECT v, stats_agg(x) AS s FROM par_data GROUP BY v;
EXPLAIN (COSTS OFF) SELECT v, stats_agg(x) FROM par_part GROUP BY v;
SELECT v, pg_temp.same_summary(p.s, q.s) AS equal
FROM (SELECT v, stats_agg(x) AS s FROM par_part GROUP BY v) p
JOIN par_serial_v q USING (v) ORDER BY v;
-- no GROUP BY at all: one partial state per partition, NULL for the empty one
EXPLAIN (COSTS OFF) SELECT stats_agg(x) FROM par_part;
SELECT pg_temp.same_summary((SELECT stats_agg(x) FROM par_part), s) AS equal
FROM par_serial_all;

-- 8. Partitionwise and parallel together.
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT v, stats_agg(x) FROM par_part GROUP BY v;
SELECT v, pg_temp.same_summary(p.s, q.s) AS equal
FROM (SELECT v, stats_agg(x) AS s FROM par_part GROUP BY v) p
JOIN par_serial_v q USING (v) ORDER BY v;
RESET enable_partitionwise_aggregate;
RESET max_parallel_workers_per_gather;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;

-- Merging 200 partial summaries equals the one-pass summary (1e-12
-- relative), for each shape of data, including the large offset (group 3,
-- 1e6 + an exponential of sd 4) and the 0/1 metric.
SELECT g, pg_temp.same_summary(m.s, q.s) AS merged_equal_one_pass
FROM (SELECT g, rollup(s) AS s
	FROM (SELECT g, stats_agg(x) AS s FROM par_data GROUP BY g, i % 200) parts
	GROUP BY g) m
JOIN par_serial q USING (g) ORDER BY g;
-- merging in a different order (largest partial first, then by key) too
SELECT g, pg_temp.same_summary(m.s, q.s) AS merged_any_order
FROM (SELECT g, rollup(s ORDER BY n(s) DESC, k) AS s
	FROM (SELECT g, i % 200 AS k, stats_agg(x) AS s FROM par_data GROUP BY g, i % 200) parts
	GROUP BY g) m
JOIN par_serial q USING (g) ORDER BY g;

-- rollup over summaries built from published numbers: n and mean are exact
-- (pooled), the variance is the pooled one, skewness, kurtosis and the range
-- are unknown (NULL).
SELECT n(r), mean(r), variance(r), skewness(r), kurtosis(r), min_value(r), max_value(r)
FROM (SELECT rollup(s) AS r FROM (VALUES (stats_summary(10, 1, 2)),
	(stats_summary(30, 3, 1)), (stats_summary(1, 5, 0))) v(s)) q;
-- the same as rolling up the equivalent raw data's summaries
SELECT pg_temp.close_to(variance(rollup(stats_summary(n(s), mean(s), stddev(s)))),
		variance(rollup(s)), 1e-12) AS variance_equal,
	pg_temp.close_to(mean(rollup(stats_summary(n(s), mean(s), stddev(s)))),
		mean(rollup(s)), 1e-12) AS mean_equal
FROM par_daily WHERE g = 1;
-- a mix of full summaries and published ones: the unknown parts stay unknown
SELECT n(r) = 60, skewness(r) IS NULL AS skewness_unknown, min_value(r) IS NULL AS range_unknown,
	pg_temp.close_to(variance(r), variance(f), 1e-12) AS variance_equal
FROM (SELECT rollup(CASE WHEN x < 30 THEN s ELSE stats_summary(n(s), mean(s), coalesce(stddev(s), 0)) END) AS r,
		rollup(s) AS f
	FROM (SELECT x, stats_agg(x::float8) OVER (PARTITION BY x) AS s
		FROM generate_series(1, 60) x) q) z;

-- NULL handling: NULL inputs are skipped, no rows give NULL.
SELECT rollup(s) FROM (VALUES (NULL::stats_summary), (NULL)) v(s);
SELECT rollup(s) FROM par_daily WHERE false;
SELECT rollup(s) FROM (VALUES ('v1 n=1 mean=2 m2=0 m3=0 m4=0 min=2 max=2'::stats_summary), (NULL)) v(s);
SELECT stats_agg(x) FROM (VALUES (NULL::float8), (NULL)) v(x);
SELECT g, stats_agg(x) FROM par_data WHERE g = 5 GROUP BY g;

-- Window use: a running summary equals the aggregate of the prefix, and a
-- sliding frame (the aggregate restarts for each row) equals its window.
SELECT bool_and(pg_temp.same_summary(w.s,
		(SELECT stats_agg(x) FROM par_data d WHERE d.i <= w.i))) AS running_ok,
	count(*)
FROM (SELECT i, stats_agg(x) OVER (ORDER BY i) AS s FROM par_data WHERE i <= 100) w;
SELECT bool_and(pg_temp.same_summary(w.s,
		(SELECT stats_agg(x) FROM par_data d WHERE d.i BETWEEN w.i - 4 AND w.i))) AS sliding_ok,
	count(*)
FROM (SELECT i, stats_agg(x) OVER (ORDER BY i ROWS 4 PRECEDING) AS s FROM par_data WHERE i <= 100) w;
SELECT i, x, n(s), mean(s), min_value(s), max_value(s)
FROM (SELECT i, x, stats_agg(x) OVER (ORDER BY i) AS s
	FROM (VALUES (1, 4.0::float8), (2, NULL), (3, 2.0), (4, 6.0)) v(i, x)) w
ORDER BY i;
SELECT g, n(rollup(s) OVER (PARTITION BY g)) FROM par_daily WHERE day = 0 ORDER BY g;

DROP TABLE par_offset, par_offset_serial, par_data, par_serial, par_serial_all, par_daily, par_rollup_serial,
	par_part, par_serial_v;
