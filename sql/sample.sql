-- stats_sample: the type, its text and binary forms and their validation,
-- comparison and hashing, sample_agg() and rollup() (serial, parallel,
-- partitionwise, window), and the accessors n, quantile, median and
-- stats_summary.
\set VERBOSITY default
\set SHOW_CONTEXT never

-- ---------------------------------------------------------------------
-- Basics
-- ---------------------------------------------------------------------
SELECT sample_agg(x) FROM (VALUES (3.0::float8), (1), (NULL), (2), (2), (-0.5)) v(x);
-- no rows, or only NULLs: NULL
SELECT sample_agg(x) IS NULL AS no_rows FROM generate_series(1, 0) x;
SELECT sample_agg(x) IS NULL AS only_nulls FROM (VALUES (NULL::float8), (NULL)) v(x);
-- NaN and infinities are rejected (22023), as stats_agg does
SELECT sample_agg(x) FROM (VALUES (1.0::float8), ('NaN')) v(x);
\echo :LAST_ERROR_SQLSTATE
SELECT sample_agg(x) FROM (VALUES (1.0::float8), ('-Infinity')) v(x);
\echo :LAST_ERROR_SQLSTATE
-- accessors
SELECT s, n(s), median(s), quantile(s, 0), quantile(s, 0.1), quantile(s, 0.25),
	quantile(s, 1), stats_summary(s)
FROM (SELECT 'v1 n=5 -0.5 1 2*2 3'::stats_sample AS s) q;
SELECT median(s), quantile(s, 0.3) FROM (SELECT 'v1 n=1 42'::stats_sample AS s) q;
SELECT median(s) FROM (SELECT 'v1 n=2 1 4'::stats_sample AS s) q;
-- q outside [0, 1] is 22023; accessors are STRICT
SELECT quantile('v1 n=2 1 2', 1.5);
\echo :LAST_ERROR_SQLSTATE
SELECT quantile('v1 n=2 1 2', -0.01);
\echo :LAST_ERROR_SQLSTATE
SELECT quantile('v1 n=2 1 2', 'NaN');
\echo :LAST_ERROR_SQLSTATE
-- 0.1.0 calls with untyped literals still mean stats_summary (the preferred
-- type of category U) now that n() and rollup() have stats_sample overloads
SELECT n('v1 n=3 mean=2 m2=2') AS n_summary, rollup('v1 n=3 mean=2 m2=2') AS rollup_summary,
	pg_typeof(rollup('v1 n=3 mean=2 m2=2')) AS rollup_type;
SELECT quantile(NULL, 0.5) IS NULL AS strict_quantile, median(NULL) IS NULL AS strict_median,
	n(NULL::stats_sample) IS NULL AS strict_n, stats_summary(NULL::stats_sample) IS NULL AS strict_summary;

-- stats_summary(s) equals stats_agg() over the same values (1e-12 relative)
CREATE FUNCTION pg_temp.close_to(a float8, b float8, tol float8) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE WHEN a IS NULL OR b IS NULL THEN a IS NULL AND b IS NULL
		ELSE abs(a - b) <= tol * greatest(abs(a), abs(b)) END
$$;
CREATE FUNCTION pg_temp.same_summary(a stats_summary, b stats_summary, tol float8 DEFAULT 1e-12)
RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
	SELECT n(a) = n(b)
		AND pg_temp.close_to(mean(a), mean(b), tol)
		AND pg_temp.close_to(variance(a), variance(b), tol)
		AND pg_temp.close_to(skewness(a), skewness(b), tol)
		AND pg_temp.close_to(kurtosis(a), kurtosis(b), tol)
		AND min_value(a) = min_value(b) AND max_value(a) = max_value(b)
$$;
SELECT setseed(0.125);
CREATE TABLE smp (i int, g int, x float8);
INSERT INTO smp
SELECT i, i % 5,
	CASE i % 5
		WHEN 0 THEN random()
		WHEN 1 THEN -ln(1 - random()) * 30
		WHEN 2 THEN floor(random() * 4)
		WHEN 3 THEN CASE WHEN random() < 0.9 THEN 0 ELSE round((40 * exp(random()))::numeric, 2) END
		ELSE 1e6 + random() END
FROM generate_series(1, 20000) i;
-- group 5: only NULLs
INSERT INTO smp SELECT i, 5, NULL FROM generate_series(20001, 20100) i;
VACUUM ANALYZE smp;
SELECT g, n(stats_summary(s)) AS n, pg_temp.same_summary(stats_summary(s), a) AS summary_equal
FROM (SELECT g, sample_agg(x) AS s, stats_agg(x) AS a FROM smp WHERE g < 5 GROUP BY g) q
ORDER BY g;
-- an overflowing M2 is 22003, as for stats_agg
SELECT stats_summary('v1 n=2 -1e300 1e300'::stats_sample);
\echo :LAST_ERROR_SQLSTATE

-- ---------------------------------------------------------------------
-- Text form: v1 n=N values... in ascending order, value*k for k copies
-- ---------------------------------------------------------------------
SELECT 'v1 n=3 1 2 3'::stats_sample;
-- white space is free, numbers in any strtod form, runs may be written out
SELECT E'  v1\tn=6   -1e0 0x1p1 2.0*2 2 7.5  '::stats_sample;
SELECT 'v1 n=4 0*4'::stats_sample, 'v1 n=2 -0 0'::stats_sample;
-- the text form is exact: every double round-trips bit for bit
SELECT count(*) AS samples,
	count(*) FILTER (WHERE s::text::stats_sample::text = s::text) AS text_round_trips,
	count(*) FILTER (WHERE stats_sample_send(s::text::stats_sample) = stats_sample_send(s)) AS same_bytes
FROM (SELECT g, sample_agg(x) AS s FROM smp GROUP BY g
	UNION ALL SELECT -1, sample_agg(x * 1e-310) FROM generate_series(1, 50) x
	UNION ALL SELECT -2, sample_agg(x * 1.7e306) FROM generate_series(-100, 100) x
	UNION ALL SELECT -3, 'v1 n=3 -0 0 -0'::stats_sample) q
WHERE s IS NOT NULL;
-- malformed: 22P02 (the message quotes at most the first 60 characters)
SELECT ''::stats_sample;
\echo :LAST_ERROR_SQLSTATE
SELECT 'n=3 1 2 3'::stats_sample;
\echo :LAST_ERROR_SQLSTATE
SELECT 'v2 n=3 1 2 3'::stats_sample;
\echo :LAST_ERROR_SQLSTATE
SELECT 'v1 1 2 3'::stats_sample;
\echo :LAST_ERROR_SQLSTATE
SELECT 'v1 n=3.5 1 2 3'::stats_sample;
\echo :LAST_ERROR_SQLSTATE
SELECT 'v1 n=3 1 two 3'::stats_sample;
\echo :LAST_ERROR_SQLSTATE
SELECT 'v1 n=3 1 2,3'::stats_sample;
\echo :LAST_ERROR_SQLSTATE
SELECT 'v1 n=3 1 2 Infinity'::stats_sample;
\echo :LAST_ERROR_SQLSTATE
SELECT 'v1 n=3 1 2 NaN'::stats_sample;
\echo :LAST_ERROR_SQLSTATE
SELECT 'v1 n=3 1 2 1e400'::stats_sample;
\echo :LAST_ERROR_SQLSTATE
SELECT 'v1 n=3 1*0 2 3'::stats_sample;
\echo :LAST_ERROR_SQLSTATE
SELECT 'v1 n=3 1*x 2 3'::stats_sample;
\echo :LAST_ERROR_SQLSTATE
SELECT 'v1 n=30 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 x'::stats_sample;
\echo :LAST_ERROR_SQLSTATE
-- impossible: 22023
SELECT 'v1 n=0'::stats_sample;
\echo :LAST_ERROR_SQLSTATE
SELECT 'v1 n=3 1 3 2'::stats_sample;
\echo :LAST_ERROR_SQLSTATE
SELECT 'v1 n=3 1 2'::stats_sample;
\echo :LAST_ERROR_SQLSTATE
SELECT 'v1 n=3 1 2 3 4'::stats_sample;
\echo :LAST_ERROR_SQLSTATE
SELECT 'v1 n=3 1 2*3'::stats_sample;
\echo :LAST_ERROR_SQLSTATE
-- beyond the cap of 40 million values: 54000
SELECT 'v1 n=40000001 0*40000001'::stats_sample;
\echo :LAST_ERROR_SQLSTATE

-- ---------------------------------------------------------------------
-- Binary form: version byte, flags byte, int8 n, n float8 (send/recv)
-- ---------------------------------------------------------------------
SELECT stats_sample_send('v1 n=3 -1 0.5*2');
\getenv abs_builddir PG_ABS_BUILDDIR
\set bin :abs_builddir '/results/sample_binary.dat'
CREATE TABLE smp_bin (id int, s stats_sample);
INSERT INTO smp_bin SELECT g, sample_agg(x) FROM smp GROUP BY g;
INSERT INTO smp_bin VALUES (10, 'v1 n=2 -0 0'), (11, 'v1 n=1 5e-324'), (12, NULL);
\set cmd '\\copy smp_bin TO ' :'bin' ' WITH (FORMAT binary)'
:cmd
CREATE TABLE smp_bin2 (LIKE smp_bin);
\set cmd '\\copy smp_bin2 FROM ' :'bin' ' WITH (FORMAT binary)'
:cmd
SELECT count(*) AS rows,
	count(*) FILTER (WHERE stats_sample_send(a.s) = stats_sample_send(b.s)) AS same_bytes,
	count(*) FILTER (WHERE a.s IS NULL AND b.s IS NULL) AS both_null
FROM smp_bin a JOIN smp_bin2 b USING (id);
-- bad binary input: each bytea is written as the raw bytes of a binary COPY
-- field and read back as a stats_sample (through stats_sample_recv); each
-- rejected input shows its SQLSTATE, then its message
CREATE TABLE smp_bad (id int, why text, b bytea);
INSERT INTO smp_bad VALUES
	(1, 'valid', '\x0100'::bytea || int8send(2) || float8send(1) || float8send(2)),
	(2, 'version 2', '\x0200'::bytea || int8send(2) || float8send(1) || float8send(2)),
	(3, 'flags 1', '\x0101'::bytea || int8send(2) || float8send(1) || float8send(2)),
	(4, 'too short', '\x0100'::bytea),
	(5, 'a value missing', '\x0100'::bytea || int8send(2) || float8send(1)),
	(6, 'trailing bytes', '\x0100'::bytea || int8send(1) || float8send(1) || '\x00'::bytea),
	(7, 'n = 0', '\x0100'::bytea || int8send(0)),
	(8, 'n beyond the cap', '\x0100'::bytea || int8send(40000001)),
	(9, 'unsorted', '\x0100'::bytea || int8send(2) || float8send(2) || float8send(1)),
	(10, 'NaN', '\x0100'::bytea || int8send(2) || float8send(1) || float8send('NaN')),
	(11, 'Infinity', '\x0100'::bytea || int8send(2) || float8send(1) || float8send('Infinity'));
CREATE TABLE smp_one (id int, b bytea);
CREATE TABLE smp_in (id int, s stats_sample);
\set write '\\copy smp_one (id, b) TO ' :'bin' ' WITH (FORMAT binary)'
\set read '\\copy smp_in (id, s) FROM ' :'bin' ' WITH (FORMAT binary)'
SELECT id, why FROM smp_bad ORDER BY id;
TRUNCATE smp_one; INSERT INTO smp_one SELECT id, b FROM smp_bad WHERE id = 1;
:write
:read
TRUNCATE smp_one; INSERT INTO smp_one SELECT id, b FROM smp_bad WHERE id = 2;
:write
\set VERBOSITY sqlstate
:read
\set VERBOSITY default
:read
TRUNCATE smp_one; INSERT INTO smp_one SELECT id, b FROM smp_bad WHERE id = 3;
:write
\set VERBOSITY sqlstate
:read
\set VERBOSITY default
:read
TRUNCATE smp_one; INSERT INTO smp_one SELECT id, b FROM smp_bad WHERE id = 4;
:write
\set VERBOSITY sqlstate
:read
\set VERBOSITY default
:read
TRUNCATE smp_one; INSERT INTO smp_one SELECT id, b FROM smp_bad WHERE id = 5;
:write
\set VERBOSITY sqlstate
:read
\set VERBOSITY default
:read
TRUNCATE smp_one; INSERT INTO smp_one SELECT id, b FROM smp_bad WHERE id = 6;
:write
\set VERBOSITY sqlstate
:read
\set VERBOSITY default
:read
TRUNCATE smp_one; INSERT INTO smp_one SELECT id, b FROM smp_bad WHERE id = 7;
:write
\set VERBOSITY sqlstate
:read
\set VERBOSITY default
:read
TRUNCATE smp_one; INSERT INTO smp_one SELECT id, b FROM smp_bad WHERE id = 8;
:write
\set VERBOSITY sqlstate
:read
\set VERBOSITY default
:read
TRUNCATE smp_one; INSERT INTO smp_one SELECT id, b FROM smp_bad WHERE id = 9;
:write
\set VERBOSITY sqlstate
:read
\set VERBOSITY default
:read
TRUNCATE smp_one; INSERT INTO smp_one SELECT id, b FROM smp_bad WHERE id = 10;
:write
\set VERBOSITY sqlstate
:read
\set VERBOSITY default
:read
TRUNCATE smp_one; INSERT INTO smp_one SELECT id, b FROM smp_bad WHERE id = 11;
:write
\set VERBOSITY sqlstate
:read
\set VERBOSITY default
:read
-- only the valid one got in
SELECT id, s FROM smp_in ORDER BY id;

-- ---------------------------------------------------------------------
-- Comparison and hashing: by n, then the values as float8 (-0 = 0)
-- ---------------------------------------------------------------------
SELECT 'v1 n=2 -0 1'::stats_sample = 'v1 n=2 0 1' AS zeros_equal,
	stats_sample_hash('v1 n=2 -0 1') = stats_sample_hash('v1 n=2 0 1') AS zeros_hash_alike,
	stats_sample_hash_extended('v1 n=2 -0 1', 7) = stats_sample_hash_extended('v1 n=2 0 1', 7) AS zeros_hash_ext,
	'v1 n=2 1 2'::stats_sample <> 'v1 n=2 1 3' AS differ,
	'v1 n=3 9 9 9'::stats_sample > 'v1 n=2 1 2' AS longer_is_greater,
	'v1 n=2 1 2'::stats_sample < 'v1 n=2 1 3' AS by_values;
CREATE TABLE smp_cmp (s stats_sample);
INSERT INTO smp_cmp VALUES ('v1 n=2 1 3'), ('v1 n=1 5'), ('v1 n=2 1 2'), ('v1 n=2 -0 2'),
	('v1 n=2 0 2'), ('v1 n=3 0 0 0'), ('v1 n=1 -7');
SELECT s FROM smp_cmp ORDER BY s, s::text;
SET enable_hashagg = off;
SELECT s, count(*) FROM smp_cmp GROUP BY s ORDER BY s;
RESET enable_hashagg;
SET enable_sort = off;
SELECT count(*) AS hashed_groups FROM (SELECT s FROM smp_cmp GROUP BY s) g;
RESET enable_sort;
CREATE UNIQUE INDEX ON smp_cmp (s);
\echo :LAST_ERROR_SQLSTATE
CREATE INDEX smp_cmp_btree ON smp_cmp (s);
CREATE INDEX smp_cmp_hash ON smp_cmp USING hash (s);
SET enable_seqscan = off;
SELECT count(*) FROM smp_cmp WHERE s = 'v1 n=2 0 2';
RESET enable_seqscan;

-- ---------------------------------------------------------------------
-- Aggregation: serial, parallel, partitionwise; rollup of stored samples;
-- window use.  Every result equals the serial one exactly (=).
-- ---------------------------------------------------------------------
SET max_parallel_workers_per_gather = 0;
CREATE TABLE smp_serial AS SELECT g, sample_agg(x) AS s FROM smp GROUP BY g;
CREATE TABLE smp_serial_all AS
	SELECT sample_agg(x) AS s, sample_agg(x) FILTER (WHERE g = 5) AS s_null,
		sample_agg(x) FILTER (WHERE i <= 30) AS s_first
	FROM smp;
SELECT g, n(s), s IS NULL AS is_null FROM smp_serial ORDER BY g;

SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT g, sample_agg(x) FROM smp GROUP BY g;
SELECT g, p.s = q.s AS equal, p.s IS NULL AND q.s IS NULL AS both_null
FROM (SELECT g, sample_agg(x) AS s FROM smp GROUP BY g) p JOIN smp_serial q USING (g) ORDER BY g;
SET enable_hashagg = off;
EXPLAIN (COSTS OFF) SELECT g, sample_agg(x) FROM smp GROUP BY g;
SELECT g, p.s = q.s AS equal
FROM (SELECT g, sample_agg(x) AS s FROM smp GROUP BY g) p JOIN smp_serial q USING (g) ORDER BY g;
RESET enable_hashagg;
-- one group, FILTERs: a worker whose rows all fail the filter hands over an
-- empty partial state; the rows of s_first are on the first page only
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF) SELECT sample_agg(x), sample_agg(x) FILTER (WHERE g = 5) FROM smp;
SELECT p.s = q.s AS all_rows, p.s_null IS NULL AND q.s_null IS NULL AS null_group,
	p.s_first = q.s_first AS first_page
FROM (SELECT sample_agg(x) AS s, sample_agg(x) FILTER (WHERE g = 5) AS s_null,
		sample_agg(x) FILTER (WHERE i <= 30) AS s_first FROM smp) p, smp_serial_all q;
RESET parallel_leader_participation;

-- rollup of stored samples, serial and in parallel, equals one pass
SET max_parallel_workers_per_gather = 0;
CREATE TABLE smp_daily AS SELECT g, i % 300 AS day, sample_agg(x) AS s FROM smp GROUP BY 1, 2;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT g, rollup(s) FROM smp_daily GROUP BY g;
SELECT g, r.s = q.s AS rollup_equal_one_pass
FROM (SELECT g, rollup(s) AS s FROM smp_daily GROUP BY g) r JOIN smp_serial q USING (g) ORDER BY g;
SET max_parallel_workers_per_gather = 0;
SELECT g, r.s = q.s AS rollup_serial_equal
FROM (SELECT g, rollup(s ORDER BY day DESC) AS s FROM smp_daily GROUP BY g) r
JOIN smp_serial q USING (g) ORDER BY g;
SELECT rollup(s) FROM (VALUES (NULL::stats_sample), (NULL)) v(s);
SELECT rollup(s) FROM (VALUES ('v1 n=2 1 3'::stats_sample), (NULL), ('v1 n=3 0 2 3')) v(s);

-- partitionwise aggregation with an empty partition
CREATE TABLE smp_part (i int, g int, x float8) PARTITION BY LIST (g);
CREATE TABLE smp_part_a PARTITION OF smp_part FOR VALUES IN (0, 1);
CREATE TABLE smp_part_b PARTITION OF smp_part FOR VALUES IN (2, 3, 4);
CREATE TABLE smp_part_empty PARTITION OF smp_part FOR VALUES IN (7, 8);
CREATE TABLE smp_part_rest PARTITION OF smp_part DEFAULT;
INSERT INTO smp_part SELECT * FROM smp;
VACUUM ANALYZE smp_part;
SET enable_partitionwise_aggregate = on;
SET max_parallel_workers_per_gather = 0;
EXPLAIN (COSTS OFF) SELECT sample_agg(x) FROM smp_part;
SELECT (SELECT sample_agg(x) FROM smp_part) = s AS partitionwise_equal FROM smp_serial_all;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT sample_agg(x) FROM smp_part;
SELECT (SELECT sample_agg(x) FROM smp_part) = s AS partitionwise_parallel_equal FROM smp_serial_all;
RESET enable_partitionwise_aggregate;
RESET max_parallel_workers_per_gather;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;

-- window use: a running sample, and a sliding frame (restarted per row)
SELECT i, x, sample_agg(x) OVER (ORDER BY i) AS running,
	sample_agg(x) OVER (ORDER BY i ROWS 1 PRECEDING) AS sliding
FROM (VALUES (1, 4.0::float8), (2, NULL), (3, 2.0), (4, 6.0), (5, 2.0)) v(i, x)
ORDER BY i;

-- ---------------------------------------------------------------------
-- A large sample through text COPY (the 40-million-value sample and
-- pg_dump are in test/checks/sample_dump)
-- ---------------------------------------------------------------------
\set txt :abs_builddir '/results/sample_text.dat'
CREATE TABLE smp_big AS SELECT sample_agg(-1e-300 * (1 + random())) AS s FROM generate_series(1, 200000);
SELECT n(s), length(s::text) AS text_length FROM smp_big;
\set cmd '\\copy smp_big TO ' :'txt'
:cmd
CREATE TABLE smp_big2 (LIKE smp_big);
\set cmd '\\copy smp_big2 FROM ' :'txt'
:cmd
SELECT a.s = b.s AS equal, stats_sample_send(a.s) = stats_sample_send(b.s) AS same_bytes
FROM smp_big a, smp_big2 b;

DROP TABLE smp, smp_bin, smp_bin2, smp_bad, smp_one, smp_in, smp_cmp, smp_serial, smp_serial_all,
	smp_daily, smp_part, smp_big, smp_big2;
