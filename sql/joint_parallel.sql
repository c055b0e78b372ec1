-- Parallel, partitionwise and multi-level aggregation of stats_agg(y, x
-- [, z [, w]]) and rollup(joint_summary): the plans are forced (EXPLAIN shows
-- them) and every result is compared with the serial one to 1e-12 of each
-- quantity's scale (means relative to themselves, co-moments relative to
-- sqrt(C_ii C_jj)), printing booleans.

CREATE FUNCTION pg_temp.close_to(a float8, b float8, tol float8, scale float8)
RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE WHEN a IS NULL OR b IS NULL THEN a IS NULL AND b IS NULL
		ELSE abs(a - b) <= tol * scale END
$$;
-- same_joint(a, b): same k and n; every mean within tol of its own size,
-- every co-moment C_ij within tol of sqrt(C_ii C_jj) (of b).
CREATE FUNCTION pg_temp.same_joint(a joint_summary, b joint_summary, tol float8 DEFAULT 1e-12)
RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE WHEN a IS NULL OR b IS NULL THEN a IS NULL AND b IS NULL
		ELSE k(a) = k(b) AND n(a) = n(b)
			AND (SELECT bool_and(pg_temp.close_to(mean(a, i), mean(b, i), tol, abs(mean(b, i)))
					AND (n(b) < 2 OR pg_temp.close_to(covariance(a, i, j), covariance(b, i, j), tol,
						sqrt(variance(b, i) * variance(b, j)))))
				FROM generate_series(1, k(b)) i, generate_series(1, k(b)) j) END
$$;
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

-- Data: groups 0..3 over the whole table with different shapes (uniform,
-- correlated exponential, 0/1, large offsets: means 2.5e5 and 1e5 times
-- the standard deviations); group 4 only in the first
-- 60 rows (one worker sees it, the other not); group 5 has a NULL in every
-- row (so stats_agg skips them all: a group with no rows).
SELECT setseed(0.75);
CREATE TABLE jp_data (i int, g int, v int, y float8, x float8, z float8, w float8);
INSERT INTO jp_data
SELECT i,
	CASE WHEN i <= 60 AND i % 3 = 0 THEN 4 WHEN i % 97 = 0 THEN 5 ELSE i % 4 END,
	i % 7 % 2, random(), random(), random(), random()
FROM generate_series(1, 60000) i;
UPDATE jp_data SET
	y = CASE g WHEN 0 THEN y * 10 WHEN 1 THEN -ln(1 - y) * 3 WHEN 2 THEN (y < 0.3)::int
		WHEN 3 THEN 1e6 + floor(-ln(1 - y) * 1024) / 256 WHEN 4 THEN y * 100 - 50 END,
	x = CASE g WHEN 0 THEN x + y WHEN 1 THEN -ln(1 - x) + y WHEN 2 THEN (x < 0.5)::int + y
		WHEN 3 THEN 1e5 + 3 * x + y WHEN 4 THEN x END,
	z = CASE WHEN g = 5 THEN NULL ELSE z * 2 - x END,
	w = CASE WHEN g = 5 THEN 1 ELSE w * 1e-3 + y * 1e-4 END;
VACUUM ANALYZE jp_data;
SELECT g, count(*), count(z) FROM jp_data GROUP BY g ORDER BY g;

-- Serial reference results.
SET max_parallel_workers_per_gather = 0;
CREATE TABLE jp_serial AS
	SELECT g, stats_agg(y, x) AS s2, stats_agg(y, x, z) AS s3, stats_agg(y, x, z, w) AS s4
	FROM jp_data GROUP BY g;
CREATE TABLE jp_serial_all AS
	SELECT stats_agg(y, x) AS s2, stats_agg(y, x, z, w) AS s4,
		stats_agg(y, x) FILTER (WHERE g = 4) AS s2_rare,
		stats_agg(y, x, z) FILTER (WHERE g = 4) AS s3_rare,
		stats_agg(y, z) FILTER (WHERE g = 5) AS s2_none,
		stats_agg(y, x, z, w) FILTER (WHERE g = 5) AS s4_none
	FROM jp_data;

-- Forced parallel plans.
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;

-- 1. Partial HashAggregate in the workers and the leader, Finalize.
EXPLAIN (COSTS OFF) SELECT g, stats_agg(y, x), stats_agg(y, x, z, w) FROM jp_data GROUP BY g;
SELECT pg_temp.workers_launched('SELECT g, stats_agg(y, x) FROM jp_data GROUP BY g') > 0 AS ran_in_parallel;
SELECT g, pg_temp.same_joint(p.s2, q.s2) AS equal2, pg_temp.same_joint(p.s3, q.s3) AS equal3,
	pg_temp.same_joint(p.s4, q.s4) AS equal4, p.s3 IS NULL AS no_rows
FROM (SELECT g, stats_agg(y, x) AS s2, stats_agg(y, x, z) AS s3, stats_agg(y, x, z, w) AS s4
	FROM jp_data GROUP BY g) p
JOIN jp_serial q USING (g) ORDER BY g;

-- 2. Sorted aggregation.
SET enable_hashagg = off;
EXPLAIN (COSTS OFF) SELECT g, stats_agg(y, x) FROM jp_data GROUP BY g;
SELECT g, pg_temp.same_joint(p.s2, q.s2) AS equal2, pg_temp.same_joint(p.s4, q.s4) AS equal4
FROM (SELECT g, stats_agg(y, x) AS s2, stats_agg(y, x, z, w) AS s4 FROM jp_data GROUP BY g) p
JOIN jp_serial q USING (g) ORDER BY g;
RESET enable_hashagg;

-- 3. One group for the whole table, with FILTERs: a worker that sees no
--    row of group 4 hands over an empty partial state; group 5 is empty
--    in every worker.
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF) SELECT stats_agg(y, x), stats_agg(y, x) FILTER (WHERE g = 4) FROM jp_data;
SELECT pg_temp.same_joint(p.s2, q.s2) AS all2, pg_temp.same_joint(p.s4, q.s4) AS all4,
	pg_temp.same_joint(p.s2_rare, q.s2_rare) AS rare2,
	pg_temp.same_joint(p.s3_rare, q.s3_rare) AS rare3,
	p.s2_none IS NULL AND p.s4_none IS NULL AS none_null
FROM (SELECT stats_agg(y, x) AS s2, stats_agg(y, x, z, w) AS s4,
		stats_agg(y, x) FILTER (WHERE g = 4) AS s2_rare,
		stats_agg(y, x, z) FILTER (WHERE g = 4) AS s3_rare,
		stats_agg(y, z) FILTER (WHERE g = 5) AS s2_none,
		stats_agg(y, x, z, w) FILTER (WHERE g = 5) AS s4_none
	FROM jp_data) p, jp_serial_all q;
SELECT pg_temp.same_joint((SELECT stats_agg(y, x) FROM jp_data WHERE g = 4), q.s2_rare) AS rare_where
FROM jp_serial_all q;
RESET parallel_leader_participation;

-- 4. rollup() in parallel over stored (daily) summaries.
SET max_parallel_workers_per_gather = 0;
CREATE TABLE jp_daily AS
	SELECT g, i % 3000 AS day, stats_agg(y, x) AS s2, stats_agg(y, x, z, w) AS s4
	FROM jp_data GROUP BY g, i % 3000;
CREATE TABLE jp_rollup_serial AS
	SELECT g, rollup(s2) AS s2, rollup(s4) AS s4 FROM jp_daily GROUP BY g;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT g, rollup(s2) FROM jp_daily GROUP BY g;
SELECT g, pg_temp.same_joint(p.s2, q.s2) AND pg_temp.same_joint(p.s4, q.s4) AS rollup_equal_serial,
	pg_temp.same_joint(p.s2, r.s2) AND pg_temp.same_joint(p.s4, r.s4) AS rollup_equal_one_pass
FROM (SELECT g, rollup(s2) AS s2, rollup(s4) AS s4 FROM jp_daily GROUP BY g) p
JOIN jp_rollup_serial q USING (g)
JOIN jp_serial r USING (g) ORDER BY g;

-- Partitionwise aggregation over a partitioned table with an empty
-- partition.
SET max_parallel_workers_per_gather = 0;
CREATE TABLE jp_part (LIKE jp_data) PARTITION BY LIST (g);
CREATE TABLE jp_part_a PARTITION OF jp_part FOR VALUES IN (0, 1);
CREATE TABLE jp_part_b PARTITION OF jp_part FOR VALUES IN (2, 3, 4);
CREATE TABLE jp_part_empty PARTITION OF jp_part FOR VALUES IN (6, 7);
CREATE TABLE jp_part_rest PARTITION OF jp_part DEFAULT;
INSERT INTO jp_part SELECT * FROM jp_data;
VACUUM ANALYZE jp_part;
SET enable_partitionwise_aggregate = on;

-- 5. Grouping by the partition key.
EXPLAIN (COSTS OFF) SELECT g, stats_agg(y, x) FROM jp_part GROUP BY g;
SELECT g, pg_temp.same_joint(p.s2, q.s2) AND pg_temp.same_joint(p.s4, q.s4) AS equal
FROM (SELECT g, stats_agg(y, x) AS s2, stats_agg(y, x, z, w) AS s4 FROM jp_part GROUP BY g) p
JOIN jp_serial q USING (g) ORDER BY g;

-- 6. Grouping by something else: a partial aggregate per partition (also
--    on the empty one), then one Finalize; and partitionwise + parallel.
CREATE TABLE jp_serial_v AS
	SELECT v, stats_agg(y, x) AS s2, stats_agg(y, x, z) AS s3 FROM jp_data GROUP BY v;
EXPLAIN (COSTS OFF) SELECT v, stats_agg(y, x) FROM jp_part GROUP BY v;
SELECT v, pg_temp.same_joint(p.s2, q.s2) AND pg_temp.same_joint(p.s3, q.s3) AS equal
FROM (SELECT v, stats_agg(y, x) AS s2, stats_agg(y, x, z) AS s3 FROM jp_part GROUP BY v) p
JOIN jp_serial_v q USING (v) ORDER BY v;
EXPLAIN (COSTS OFF) SELECT stats_agg(y, x) FROM jp_part;
SELECT pg_temp.same_joint((SELECT stats_agg(y, x) FROM jp_part), s2) AS equal FROM jp_serial_all;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT v, stats_agg(y, x, z) FROM jp_part GROUP BY v;
SELECT v, pg_temp.same_joint(p.s2, q.s2) AND pg_temp.same_joint(p.s3, q.s3) AS equal
FROM (SELECT v, stats_agg(y, x) AS s2, stats_agg(y, x, z) AS s3 FROM jp_part GROUP BY v) p
JOIN jp_serial_v q USING (v) ORDER BY v;
RESET enable_partitionwise_aggregate;
RESET max_parallel_workers_per_gather;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;

-- 7. Merging 200 partial summaries equals the one-pass summary (1e-12 of
--    each quantity's scale), for each shape of data, in any order.
SET max_parallel_workers_per_gather = 0;
SELECT g, pg_temp.same_joint(m.s2, q.s2) AND pg_temp.same_joint(m.s3, q.s3)
		AND pg_temp.same_joint(m.s4, q.s4) AS merged_equal_one_pass,
	pg_temp.same_joint(m.s4_desc, q.s4) AS merged_any_order
FROM (SELECT g, rollup(s2) AS s2, rollup(s3) AS s3, rollup(s4) AS s4,
		rollup(s4 ORDER BY n(s4) DESC, k) AS s4_desc
	FROM (SELECT g, i % 200 AS k, stats_agg(y, x) AS s2, stats_agg(y, x, z) AS s3,
			stats_agg(y, x, z, w) AS s4
		FROM jp_data GROUP BY g, i % 200) parts
	GROUP BY g) m
JOIN jp_serial q USING (g) ORDER BY g;
-- and to the two-pass covariance itself (sum of products of deviations
-- from the exact means, in numeric)
SELECT g, pg_temp.close_to(covariance(s4, 2, 4), (SELECT (sum((x::numeric - mx) * (w::numeric - mw))
		/ (count(*) - 1))::float8
	FROM jp_data d, (SELECT avg(x::numeric) AS mx, avg(w::numeric) AS mw FROM jp_data WHERE g = q.g AND z IS NOT NULL) a
	WHERE d.g = q.g AND z IS NOT NULL), 1e-12, sqrt(variance(s4, 2) * variance(s4, 4))) AS cov_as_two_pass
FROM jp_serial q WHERE s4 IS NOT NULL ORDER BY g;

-- 8. Means 3e10 times the standard deviation (1e9 + spread 0.03): parallel
--    plans still equal the serial result to 1e-12, because partial states
--    carry the low-order parts of the means.  A stored joint_summary keeps
--    each mean rounded to float8, as stats_summary does, so a rollup of
--    stored summaries is off by up to about ulp(mean) / (sd sqrt(n_part))
--    relative (README, "How exact is a rollup?"): here ~1e-7 relative,
--    and within that bound.
CREATE TABLE jp_offset AS
	SELECT i, 1e9 + (i % 3 - 1) * 0.01 + (i % 11) * 0.001 AS y,
		1e9 + (i % 5) * 0.01 + (i % 3) * 0.003 AS x
	FROM generate_series(1, 30000) i;
VACUUM ANALYZE jp_offset;
SET max_parallel_workers_per_gather = 0;
CREATE TABLE jp_offset_serial AS SELECT stats_agg(y, x) AS s2 FROM jp_offset;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SELECT pg_temp.workers_launched('SELECT stats_agg(y, x) FROM jp_offset') > 0 AS ran_in_parallel,
	pg_temp.same_joint((SELECT stats_agg(y, x) FROM jp_offset), s2) AS parallel_equal_serial
FROM jp_offset_serial;
SET max_parallel_workers_per_gather = 0;
SELECT abs(covariance(r, 1, 2) - covariance(s2, 1, 2)) / sqrt(variance(s2, 1) * variance(s2, 2))
		< 2.2e-16 * 1e9 / sqrt(variance(s2, 2) * 150) AS stored_rollup_within_bound
FROM (SELECT rollup(s) AS r FROM (SELECT stats_agg(y, x) AS s FROM jp_offset GROUP BY i % 200) p) q,
	jp_offset_serial;
RESET max_parallel_workers_per_gather;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;

DROP TABLE jp_data, jp_serial, jp_serial_all, jp_daily, jp_rollup_serial, jp_part, jp_serial_v,
	jp_offset, jp_offset_serial;
