-- joint_summary: stats_agg(y, x [, z [, w]]), rollup(), the accessors, the
-- text form and its validation, comparison and hashing, the aggregate
-- states.  Numbers that depend on the last bit are compared with a
-- tolerance and printed as booleans.

-- close_to(a, b, tol, scale): |a - b| <= tol * scale (scale defaults to
-- the larger magnitude); NULL only where both are NULL.
CREATE FUNCTION pg_temp.close_to(a float8, b float8, tol float8, scale float8 DEFAULT NULL)
RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE WHEN a IS NULL OR b IS NULL THEN a IS NULL AND b IS NULL
		ELSE abs(a - b) <= tol * coalesce(scale, greatest(abs(a), abs(b))) END
$$;

-- Serial plans (sql/joint_parallel.sql tests the parallel ones): results
-- compared for equality below must merge rows in the same order.
SET max_parallel_workers_per_gather = 0;

-- 1. A small example, by hand: y = 1..4, x = 2, 4, 7, 7.
SELECT stats_agg(y, x) FROM (VALUES (1.0::float8, 2.0::float8), (2, 4), (3, 7), (4, 7)) v(y, x);
SELECT n(s), k(s), mean(s, 1), mean(s, 2), variance(s, 1), variance(s, 2),
	covariance(s, 1, 2), covariance(s, 2, 1), covariance(s, 2, 2), correlation(s, 1, 2),
	correlation(s, 1, 1), metric(s, 1), metric(s, 2)
FROM (SELECT stats_agg(y, x) AS s
	FROM (VALUES (1.0::float8, 2.0::float8), (2, 4), (3, 7), (4, 7)) v(y, x)) q;
-- PostgreSQL's own bivariate aggregates on the same rows
SELECT regr_count(y, x), avg(y), avg(x), var_samp(y), var_samp(x), covar_samp(y, x), corr(y, x)
FROM (VALUES (1.0::float8, 2.0::float8), (2, 4), (3, 7), (4, 7)) v(y, x);
-- three and four metrics: metric i is the i-th argument
SELECT stats_agg(y, x, y + x), stats_agg(y, x, y + x, y * x)
FROM (VALUES (1.0::float8, 2.0::float8), (2, 4), (3, 7), (4, 7)) v(y, x);

-- 2. Against PostgreSQL's aggregates on varied data: means, variances,
--    covariances and correlations of every pair to 1e-12 (covariances
--    relative to sqrt(Cxx Cyy)), for 2, 3 and 4 metrics.
SELECT setseed(0.5);
CREATE TABLE jd AS
SELECT i, i % 5 AS g,
	random() * 10 AS a,
	-ln(1 - random()) * 3 AS b,
	(random() < 0.3)::int::float8 AS c,
	1e6 + floor(-ln(1 - random()) * 1024) / 256 AS d
FROM generate_series(1, 8000) i;
UPDATE jd SET b = b + a * 0.5, d = d + c * 0.25;
CREATE TABLE jd_pairs AS
SELECT g, p.i, p.j,
	regr_count(p.u, p.v) AS n, avg(p.u) AS mu, avg(p.v) AS mv,
	var_samp(p.u) AS vu, var_samp(p.v) AS vv, covar_samp(p.u, p.v) AS cuv, corr(p.u, p.v) AS r
FROM jd, LATERAL (VALUES (1, 2, a, b), (1, 3, a, c), (1, 4, a, d), (2, 3, b, c),
	(2, 4, b, d), (3, 4, c, d)) p(i, j, u, v)
GROUP BY g, p.i, p.j;
CREATE TABLE jd_s AS
SELECT g, stats_agg(a, b) AS s2, stats_agg(a, b, c) AS s3, stats_agg(a, b, c, d) AS s4
FROM jd GROUP BY g;
SELECT count(*) AS comparisons,
	bool_and(n(s) = p.n) AS n_ok,
	bool_and(pg_temp.close_to(mean(s, p.i), p.mu, 1e-12)
		AND pg_temp.close_to(mean(s, p.j), p.mv, 1e-12)) AS means_ok,
	bool_and(pg_temp.close_to(variance(s, p.i), p.vu, 1e-12)
		AND pg_temp.close_to(variance(s, p.j), p.vv, 1e-12)) AS variances_ok,
	bool_and(pg_temp.close_to(covariance(s, p.i, p.j), p.cuv, 1e-12, sqrt(p.vu * p.vv))
		AND covariance(s, p.i, p.j) = covariance(s, p.j, p.i)) AS covariances_ok,
	bool_and(pg_temp.close_to(correlation(s, p.i, p.j), p.r, 1e-12, 1)) AS correlations_ok
FROM jd_pairs p JOIN jd_s USING (g),
	LATERAL (VALUES (s2), (s3), (s4)) x(s)
WHERE p.j <= k(s);

-- Each metric's n, mean and M2 are those of stats_agg() on that metric
-- alone, bit for bit (the same operations in the same row order), so
-- metric(s, i) can stand in for stats_agg(column) in t_test() and every
-- other stats_summary function.
SELECT count(*) AS groups,
	bool_and(n(metric(s, i)) = n(m) AND mean(metric(s, i)) = mean(m)
		AND variance(metric(s, i)) = variance(m)) AS same_bits,
	bool_and(skewness(metric(s, i)) IS NULL AND min_value(metric(s, i)) IS NULL) AS higher_unknown
FROM jd_s JOIN (SELECT g, stats_agg(a) AS ma, stats_agg(b) AS mb, stats_agg(c) AS mc,
		stats_agg(d) AS md FROM jd GROUP BY g) m1 USING (g),
	LATERAL (VALUES (s2, 1, ma), (s2, 2, mb), (s3, 1, ma), (s3, 2, mb), (s3, 3, mc),
		(s4, 1, ma), (s4, 2, mb), (s4, 3, mc), (s4, 4, md)) x(s, i, m);
SELECT bool_and((t_test(metric(s4, 2), metric(s4, 1)))::text = (t_test(mb, ma))::text) AS t_test_same
FROM jd_s JOIN (SELECT g, stats_agg(a) AS ma, stats_agg(b) AS mb FROM jd GROUP BY g) m1 USING (g);

-- 3. NULLs: a row with any NULL argument is skipped (as regr_* do); no
--    rows give NULL.
SELECT n(stats_agg(y, x)) AS n_joint, regr_count(y, x) AS regr_count,
	n(stats_agg(y, x, z)) AS n3, n(stats_agg(y, x, z, y)) AS n4,
	mean(stats_agg(y, x), 1) AS mean_y, covariance(stats_agg(y, x), 1, 2) AS cov,
	covar_samp(y, x) AS covar_samp
FROM (VALUES (1.0::float8, 2.0::float8, 1.0::float8), (NULL, 4, 1), (3, NULL, 1),
	(4, 7, NULL), (5, 8, 2), (NULL, NULL, NULL)) v(y, x, z);
SELECT stats_agg(y, x) IS NULL AS no_rows, stats_agg(y, x, y) IS NULL AS no_rows3,
	stats_agg(y, x, y, x) IS NULL AS no_rows4
FROM (VALUES (1.0::float8, NULL::float8), (NULL, 2)) v(y, x);
SELECT stats_agg(y, x) FROM (SELECT 1.0::float8 AS y, 2.0::float8 AS x) v WHERE false;

-- 4. NaN and infinities are errors (22023), as for stats_agg(x).
\set VERBOSITY sqlstate
SELECT stats_agg(y, x) FROM (VALUES (1.0::float8, 'NaN'::float8)) v(y, x);
\set VERBOSITY default
SELECT stats_agg(y, x) FROM (VALUES (1.0::float8, 'NaN'::float8)) v(y, x);
SELECT stats_agg(y, x) FROM (VALUES ('-Infinity'::float8, 1.0::float8)) v(y, x);
SELECT stats_agg(y, x, z) FROM (VALUES (1.0::float8, 2.0::float8, 'Infinity'::float8)) v(y, x, z);
SELECT stats_agg(y, x, z, w) FROM (VALUES (1.0::float8, 2.0::float8, 3.0::float8, 'NaN'::float8)) v(y, x, z, w);

-- 5. Degenerate data: one row, a constant metric, collinear metrics.  Every
--    result reads back (text round trip) and undefined statistics are NULL.
CREATE TABLE jdeg AS
SELECT 'one row' AS what, stats_agg(y, x, z) AS s FROM (VALUES (1.5::float8, -2.0::float8, 1e300::float8)) v(y, x, z)
UNION ALL
SELECT 'constant y', stats_agg(5.0::float8, i::float8, i * 0.1) FROM generate_series(1, 100) i
UNION ALL
SELECT 'all constant', stats_agg(0.1::float8, 1e9::float8, -3.0::float8, 0.0::float8) FROM generate_series(1, 10) i
UNION ALL
SELECT 'y = 3x', stats_agg(3 * x, x) FROM (SELECT i * 0.1 + 0.05 AS x FROM generate_series(1, 1000) i) q
UNION ALL
SELECT 'y = -x/7 + 1e6', stats_agg(1e6 - x / 7, x, x * 2) FROM (SELECT sqrt(i::float8) AS x FROM generate_series(1, 10000) i) q
UNION ALL
SELECT 'z = y + x', stats_agg(y, x, y + x, y - x) FROM (SELECT sin(i) AS y, cos(i * 1.7) * 1e-3 AS x FROM generate_series(1, 5000) i) q
UNION ALL
SELECT 'tiny values', stats_agg(x * 1e-160, x * 2e-160) FROM (SELECT (i % 7)::float8 AS x FROM generate_series(1, 100) i) q
UNION ALL
SELECT 'huge values', stats_agg(x * 1e150, -x * 1e150) FROM (SELECT (i % 7)::float8 AS x FROM generate_series(1, 100) i) q;
SELECT what, k(s), n(s), s::text::joint_summary = s AS reads_back,
	s::text = s::text::joint_summary::text AS same_text,
	to_char(variance(s, 1), '9.9999EEEE') AS var1, to_char(correlation(s, 1, 2), '9.9999EEEE') AS r12,
	to_char(correlation(s, 2, k(s)), '9.9999EEEE') AS r2k
FROM jdeg ORDER BY what;

-- 6. The text form: "v1 k=K n=N mean=[...] c=[[...],...]", c the rows of
--    the upper triangle of the co-moment matrix.  Fields in any order,
--    spaces allowed inside the brackets; the output is canonical.
SELECT 'v1 k=2 n=4 mean=[2.5,5] c=[[5,9],[18]]'::joint_summary;
SELECT '  v1   c=[ [5, 9] , [18] ]  mean=[ 2.5 , 5 ] n=4 k=2 '::joint_summary;
SELECT 'v1 k=3 n=2 mean=[0,-0,1e-300] c=[[0.5,-0.5,0],[0.5,0],[0]]'::joint_summary;
SELECT 'v1 k=4 n=1 mean=[1,2,3,4] c=[[0,0,0,0],[0,0,0],[0,0],[0]]'::joint_summary;
-- malformed (22P02)
\set VERBOSITY sqlstate
SELECT ''::joint_summary;
\set VERBOSITY default
SELECT ''::joint_summary;
SELECT 'v2 k=2 n=4 mean=[2.5,5] c=[[5,9],[18]]'::joint_summary;
SELECT 'v1 k=5 n=4 mean=[1,2,3,4,5] c=[[1]]'::joint_summary;
SELECT 'v1 k=1 n=4 mean=[1] c=[[1]]'::joint_summary;
SELECT 'v1 n=4 mean=[2.5,5] c=[[5,9],[18]]'::joint_summary;
SELECT 'v1 k=2 mean=[2.5,5] c=[[5,9],[18]]'::joint_summary;
SELECT 'v1 k=2 n=4 c=[[5,9],[18]]'::joint_summary;
SELECT 'v1 k=2 n=4 mean=[2.5,5]'::joint_summary;
SELECT 'v1 k=2 n=4 mean=[2.5] c=[[5,9],[18]]'::joint_summary;
SELECT 'v1 k=2 n=4 mean=[2.5,5] c=[[5,9,1],[18]]'::joint_summary;
SELECT 'v1 k=2 n=4 mean=[2.5,5] c=[[5,9],[18,1]]'::joint_summary;
SELECT 'v1 k=2 n=4 mean=[2.5,5] c=[[5,9]]'::joint_summary;
SELECT 'v1 k=2 n=4 mean=[2.5,5] c=[5,9,18]'::joint_summary;
SELECT 'v1 k=2 n=4 n=4 mean=[2.5,5] c=[[5,9],[18]]'::joint_summary;
SELECT 'v1 k=2 n=4 mean=[2.5,5] c=[[5,9],[18]] m3=[1]'::joint_summary;
SELECT 'v1 k=2 n=4 mean=[2.5,5] c=[[5,9],[18]] mean_lo=[0,0]'::joint_summary;
SELECT 'v1 k=2 n=4 mean=[2.5,x] c=[[5,9],[18]]'::joint_summary;
SELECT 'v1 k=2 n=4.5 mean=[2.5,5] c=[[5,9],[18]]'::joint_summary;
SELECT 'v1 k=2 n=99999999999999999999 mean=[2.5,5] c=[[5,9],[18]]'::joint_summary;
SELECT 'v1 k=2 n=4 mean=[2.5,5] c=[[5,9],[18]]x'::joint_summary;
SELECT 'v1 k=2 n=4 mean=[2.5,5]c=[[5,9],[18]]'::joint_summary;
-- impossible values (22023, "invalid joint_summary: ...")
\set VERBOSITY sqlstate
SELECT 'v1 k=2 n=0 mean=[0,0] c=[[0,0],[0]]'::joint_summary;
\set VERBOSITY default
SELECT 'v1 k=2 n=0 mean=[0,0] c=[[0,0],[0]]'::joint_summary;
SELECT 'v1 k=2 n=-3 mean=[0,0] c=[[0,0],[0]]'::joint_summary;
SELECT 'v1 k=2 n=4 mean=[NaN,5] c=[[5,9],[18]]'::joint_summary;
SELECT 'v1 k=2 n=4 mean=[2.5,Infinity] c=[[5,9],[18]]'::joint_summary;
SELECT 'v1 k=2 n=4 mean=[2.5,5] c=[[5,9],[inf]]'::joint_summary;
SELECT 'v1 k=2 n=4 mean=[2.5,5] c=[[-5,0],[18]]'::joint_summary;
SELECT 'v1 k=2 n=1 mean=[2.5,5] c=[[0,0],[1e-300]]'::joint_summary;
SELECT 'v1 k=2 n=1 mean=[2.5,5] c=[[0,-1e-300],[0]]'::joint_summary;
-- |C12| > sqrt(C11 C22): a correlation of 1.001, 1 + 1e-8; and a covariance
-- with a metric of zero variance
SELECT 'v1 k=2 n=4 mean=[2.5,5] c=[[1,1.001],[1]]'::joint_summary;
SELECT 'v1 k=2 n=4 mean=[2.5,5] c=[[1,1.00000001],[1]]'::joint_summary;
SELECT 'v1 k=2 n=4 mean=[2.5,5] c=[[0,1e-20],[1]]'::joint_summary;
-- pairwise fine, jointly impossible: r12 = r13 = 0.9, r23 = -0.9
SELECT 'v1 k=3 n=10 mean=[0,0,0] c=[[1,0.9,0.9],[1,-0.9],[1]]'::joint_summary;
-- ... while a correlation of exactly 1 (or 1 + 1e-14 of rounding) is fine
SELECT 'v1 k=2 n=4 mean=[2.5,5] c=[[1,1.00000000000001],[1]]'::joint_summary;
SELECT correlation('v1 k=2 n=4 mean=[2.5,5] c=[[1,1.00000000000001],[1]]'::joint_summary, 1, 2);
SELECT 'v1 k=3 n=10 mean=[0,0,0] c=[[1,0.5,-0.5],[1,-1],[1]]'::joint_summary;
-- a metric with a tiny variance is checked as strictly as a large one
SELECT 'v1 k=2 n=4 mean=[2.5,5] c=[[1e20,1e-2],[1e-25]]'::joint_summary;

-- 7. Comparison: = compares the fields as float8 (so -0 = 0), with DEFAULT
--    btree and hash operator classes: DISTINCT, GROUP BY, UNION, joins
--    (hash and merge) and indexes work, and equal summaries hash alike.
SELECT 'v1 k=2 n=2 mean=[0,1] c=[[0.5,0],[0]]'::joint_summary
	= 'v1 k=2 n=2 mean=[-0,1] c=[[0.5,-0],[0]]'::joint_summary AS minus_zero_equal,
	joint_summary_hash('v1 k=2 n=2 mean=[0,1] c=[[0.5,0],[0]]')
	= joint_summary_hash('v1 k=2 n=2 mean=[-0,1] c=[[0.5,-0],[0]]') AS same_hash,
	joint_summary_hash_extended('v1 k=2 n=2 mean=[0,1] c=[[0.5,0],[0]]', 7)
	= joint_summary_hash_extended('v1 k=2 n=2 mean=[-0,1] c=[[0.5,-0],[0]]', 7) AS same_hash_extended,
	joint_summary_hash_extended('v1 k=2 n=2 mean=[0,1] c=[[0.5,0],[0]]', 0) & 4294967295
	= joint_summary_hash('v1 k=2 n=2 mean=[0,1] c=[[0.5,0],[0]]')::bigint & 4294967295 AS seed0_low_bits;
-- lexicographic order on k, n, the means, the co-moments
SELECT s FROM (VALUES ('v1 k=3 n=1 mean=[0,0,0] c=[[0,0,0],[0,0],[0]]'::joint_summary),
	('v1 k=2 n=3 mean=[1,1] c=[[2,0],[2]]'), ('v1 k=2 n=3 mean=[1,1] c=[[2,-1],[2]]'),
	('v1 k=2 n=3 mean=[0,5] c=[[2,0],[2]]'), ('v1 k=2 n=2 mean=[9,9] c=[[0,0],[0]]'),
	('v1 k=2 n=3 mean=[1,0.5] c=[[2,0],[2]]')) v(s)
ORDER BY s;
SELECT count(*) AS rows, count(DISTINCT s) AS distinct_summaries FROM (
	SELECT stats_agg(a, b) AS s FROM jd GROUP BY g
	UNION ALL SELECT stats_agg(a, b) FROM jd GROUP BY g
	UNION ALL SELECT stats_agg(a, c) FROM jd GROUP BY g) q;
SET enable_sort = off;
EXPLAIN (COSTS OFF) SELECT s, count(*) FROM (SELECT stats_agg(a, b) AS s FROM jd GROUP BY g
	UNION ALL SELECT stats_agg(a, b) FROM jd GROUP BY g) q GROUP BY s;
SELECT count(*) AS groups, bool_and(c = 2) AS each_twice FROM (
	SELECT s, count(*) AS c FROM (SELECT stats_agg(a, b) AS s FROM jd GROUP BY g
	UNION ALL SELECT stats_agg(a, b) FROM jd GROUP BY g) q GROUP BY s) z;
RESET enable_sort;
SET enable_hashagg = off;
SELECT count(*) AS groups, bool_and(c = 2) AS each_twice FROM (
	SELECT s, count(*) AS c FROM (SELECT stats_agg(a, b) AS s FROM jd GROUP BY g
	UNION ALL SELECT stats_agg(a, b) FROM jd GROUP BY g) q GROUP BY s) z;
RESET enable_hashagg;
CREATE TABLE jstore (g int, s joint_summary);
INSERT INTO jstore SELECT g, stats_agg(a, b, c) FROM jd GROUP BY g;
CREATE INDEX ON jstore (s);
CREATE INDEX ON jstore USING hash (s);
SET enable_hashjoin = off;
SET enable_nestloop = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM jstore a JOIN jd_s b ON a.s = b.s3;
SELECT count(*) AS merge_joined FROM jstore a JOIN jd_s b ON a.s = b.s3 AND a.g = b.g;
RESET enable_nestloop;
SET enable_mergejoin = off;
SET enable_hashjoin = on;
EXPLAIN (COSTS OFF) SELECT count(*) FROM jstore a JOIN jd_s b ON a.s = b.s3;
SELECT count(*) AS hash_joined FROM jstore a JOIN jd_s b ON a.s = b.s3 AND a.g = b.g;
RESET enable_mergejoin;
RESET enable_hashjoin;
SET enable_seqscan = off;
SELECT g FROM jstore WHERE s = (SELECT s3 FROM jd_s WHERE g = 2);
RESET enable_seqscan;
-- the same rows merged in another order may differ in the last bit, and
-- are then not equal (compare accessors with a tolerance instead)
SELECT n(x) = n(y) AS same_n,
	pg_temp.close_to(variance(x, 1), variance(y, 1), 1e-13) AS close,
	x = y AS "equal (may be false)"
FROM (SELECT rollup(s ORDER BY g) AS x, rollup(s ORDER BY g DESC) AS y
	FROM (SELECT g, stats_agg(a, b) AS s FROM jd GROUP BY g) q) r;

-- 8. The aggregate states: joint_pair_state (stats_agg(y, x)) and
--    joint_state (3 or 4 metrics, rollup).  Their text form is exact,
--    with the means' low-order parts, and is validated.
SELECT joint_pair_transfn('v1 k=2 n=0', 1, 2) AS one_row,
	joint_pair_transfn(joint_pair_transfn('v1 k=2 n=0', 1e9 + 0.1, 2), 1e9 + 0.3, 5) AS with_low_parts;
SELECT joint_transfn('v1 k=3 n=0', 1, 2, 3), 'v1 n=0'::joint_state AS empty_rollup_state;
-- a direct call does not modify its argument
SELECT st, joint_pair_transfn(st, 10, 20) AS next, st AS unchanged
FROM (SELECT 'v1 k=2 n=1 mean=[1,2] c=[[0,0],[0]]'::joint_pair_state AS st) q;
SELECT a, joint_pair_combine(a, b) AS combined, a AS a_unchanged, b AS b_unchanged,
	joint_pair_finalfn(joint_pair_combine(a, b)) AS final
FROM (SELECT 'v1 k=2 n=1 mean=[1,2] c=[[0,0],[0]]'::joint_pair_state AS a,
	'v1 k=2 n=1 mean=[3,6] c=[[0,0],[0]]'::joint_pair_state AS b) q;
SELECT joint_pair_combine('v1 k=2 n=0', 'v1 k=2 n=0') AS empty_empty,
	joint_pair_combine('v1 k=2 n=0', 'v1 k=2 n=1 mean=[3,6] c=[[0,0],[0]]') AS empty_b,
	joint_pair_combine('v1 k=2 n=1 mean=[3,6] c=[[0,0],[0]]', 'v1 k=2 n=0') AS a_empty,
	joint_pair_finalfn('v1 k=2 n=0') IS NULL AS final_empty_is_null;
SELECT joint_state_combine('v1 n=0', 'v1 k=3 n=0') AS takes_k,
	joint_state_combine('v1 n=0', 'v1 n=0') AS empty,
	joint_state_finalfn('v1 k=4 n=0') IS NULL AS final_empty_is_null,
	joint_rollup_transfn('v1 n=0', 'v1 k=2 n=4 mean=[2.5,5] c=[[5,9],[18]]') AS rollup_one;
-- the states of a real aggregation read back exactly (Citus moves them as
-- text): the running states of aggregates that return their state
CREATE AGGREGATE pg_temp.pair_state(float8, float8) (
	SFUNC = joint_pair_transfn, STYPE = joint_pair_state, INITCOND = 'v1 k=2 n=0');
CREATE AGGREGATE pg_temp.state4(float8, float8, float8, float8) (
	SFUNC = joint_transfn, STYPE = joint_state, INITCOND = 'v1 k=4 n=0');
SELECT count(*) AS states,
	bool_and(st::text::joint_pair_state::text = st::text) AS pair_states_exact,
	bool_and(st4::text::joint_state::text = st4::text) AS states4_exact,
	count(*) FILTER (WHERE st::text LIKE '%mean_lo%') AS with_low_parts
FROM (SELECT pg_temp.pair_state(1e9 + a, d) OVER w AS st,
		pg_temp.state4(a, 1e9 + b, c, d) OVER w AS st4
	FROM jd WHERE i <= 1000 WINDOW w AS (ORDER BY i)) q;
-- empty and overflowed states are accepted (the final function then
-- raises 22003); crafted ones are rejected
SELECT 'v1 k=2 n=5 mean=[Infinity,1] c=[[NaN,NaN],[1]]'::joint_pair_state AS overflowed;
SELECT joint_pair_finalfn('v1 k=2 n=5 mean=[Infinity,1] c=[[NaN,NaN],[1]]');
SELECT 'v1 k=3 n=0'::joint_pair_state;
SELECT 'v1 n=0'::joint_pair_state;
SELECT 'v1 k=2 n=-1'::joint_pair_state;
SELECT 'v1 k=2 n=0 mean=[1,0] c=[[0,0],[0]]'::joint_pair_state;
SELECT 'v1 k=2 n=3 mean=[1,0] c=[[-1,0],[0]]'::joint_pair_state;
SELECT 'v1 k=2 n=3 mean=[1,0] c=[[1,2],[1]]'::joint_pair_state;
SELECT 'v1 k=2 n=3 mean=[1,0] c=[[1,0],[1]] mean_lo=[0.5,0]'::joint_pair_state;
SELECT 'v1 k=2 n=3 mean=[1,0] c=[[1,0],[1]] mean_lo=[0,1e-300]'::joint_pair_state;
SELECT 'v1 n=3 mean=[1,0] c=[[1,0],[1]]'::joint_state;
SELECT 'v1 k=4 n=0 mean=[0,0,0,0] c=[[0,0,0,0],[0,0,0],[0,0],[1]]'::joint_state;
-- a state of the wrong size for the transition
SELECT joint_transfn('v1 k=4 n=0', 1, 2, 3);
SELECT joint_state_combine('v1 k=3 n=2 mean=[1,2,3] c=[[1,0,0],[1,0],[1]]',
	'v1 k=4 n=1 mean=[1,2,3,4] c=[[0,0,0,0],[0,0,0],[0,0],[0]]');

-- 9. Overflow: co-moments beyond float8 raise 22003 at the end, as
--    covar_samp does; a mix of huge and small values that fits does not.
\set VERBOSITY sqlstate
SELECT stats_agg(y, x) FROM (VALUES (1e300::float8, 1.0::float8), (-1e300, 2)) v(y, x);
\set VERBOSITY default
SELECT stats_agg(y, x) FROM (VALUES (1e300::float8, 1.0::float8), (-1e300, 2)) v(y, x);
SELECT stats_agg(y, x, z) FROM (VALUES (1.0::float8, 1e300::float8, 1.0::float8), (2, -1e300, 2)) v(y, x, z);
SELECT covar_samp(y, x) FROM (VALUES (1e300::float8, 1.0::float8), (-1e300, 2)) v(y, x);
SELECT rollup(s) FROM (VALUES ('v1 k=2 n=1 mean=[1e300,0] c=[[0,0],[0]]'::joint_summary),
	('v1 k=2 n=1 mean=[-1e300,0] c=[[0,0],[0]]')) v(s);
SELECT rollup(s) FROM (VALUES ('v1 k=2 n=9000000000000000000 mean=[1,0] c=[[0,0],[0]]'::joint_summary),
	('v1 k=2 n=9000000000000000000 mean=[1,0] c=[[0,0],[0]]')) v(s);
SELECT stats_agg(y, x) FROM (VALUES (1e150::float8, 1e-150::float8), (-1e150, 3e-150)) v(y, x);

-- 10. rollup(): merges summaries of the same metrics; NULLs are skipped.
SELECT rollup(s) FROM (VALUES ('v1 k=2 n=2 mean=[1,2] c=[[0.5,0.5],[0.5]]'::joint_summary),
	(NULL), ('v1 k=2 n=2 mean=[3,4] c=[[0.5,-0.5],[0.5]]')) v(s);
SELECT rollup(s) FROM (VALUES (NULL::joint_summary), (NULL)) v(s);
SELECT rollup(s) FROM jstore WHERE false;
SELECT rollup(s) FROM (VALUES ('v1 k=2 n=2 mean=[1,2] c=[[0.5,0.5],[0.5]]'::joint_summary),
	('v1 k=3 n=1 mean=[1,2,3] c=[[0,0,0],[0,0],[0]]')) v(s);
-- merging equals the one-pass summary (200 parts: sql/joint_parallel.sql)
SELECT bool_and(n(r) = n(o) AND pg_temp.close_to(mean(r, 4), mean(o, 4), 1e-15)
		AND pg_temp.close_to(covariance(r, 1, 4), covariance(o, 1, 4), 1e-12,
			sqrt(variance(o, 1) * variance(o, 4)))) AS rollup_equal_one_pass
FROM (SELECT g, rollup(s) AS r FROM (SELECT g, i % 7, stats_agg(a, b, c, d) AS s
	FROM jd GROUP BY 1, 2) p GROUP BY g) x JOIN jd_s USING (g), LATERAL (SELECT s4 AS o) y;

-- 11. As window aggregates: a running summary equals the aggregate of the
--     prefix, a sliding frame (restarting aggregation) its window.
CREATE TEMP TABLE jd50 AS SELECT * FROM jd WHERE i <= 50 ORDER BY i;
SELECT bool_and(w.s = (SELECT stats_agg(a, d) FROM jd50 x WHERE x.i <= w.i)) AS running_ok,
	bool_and(w.s4 = (SELECT stats_agg(a, b, c, d) FROM jd50 x WHERE x.i <= w.i)) AS running4_ok,
	count(*)
FROM (SELECT i, stats_agg(a, d) OVER (ORDER BY i) AS s,
	stats_agg(a, b, c, d) OVER (ORDER BY i) AS s4 FROM jd50) w;
SELECT bool_and(w.s = (SELECT stats_agg(a, d) FROM jd50 x WHERE x.i BETWEEN w.i - 4 AND w.i)) AS sliding_ok,
	count(*)
FROM (SELECT i, stats_agg(a, d) OVER (ORDER BY i ROWS 4 PRECEDING) AS s FROM jd50) w;
SELECT g, n(rollup(s) OVER (ORDER BY g)) FROM jstore ORDER BY g;

-- 12. Accessor arguments: metric numbers from 1 to k (22023 otherwise);
--     NULL where undefined.
SELECT mean(s, 0) FROM jstore WHERE g = 1;
SELECT variance(s, 4) FROM jstore WHERE g = 1;
SELECT covariance(s, 1, 4) FROM jstore WHERE g = 1;
SELECT correlation(s, -1, 2) FROM jstore WHERE g = 1;
SELECT metric(s, 5) FROM jstore WHERE g = 1;
SELECT n(s), mean(s, 1), variance(s, 1), covariance(s, 1, 2), correlation(s, 1, 2), metric(s, 2)
FROM (SELECT 'v1 k=2 n=1 mean=[1,2] c=[[0,0],[0]]'::joint_summary AS s) q;
SELECT variance(s, 1), covariance(s, 1, 2), correlation(s, 1, 2), correlation(s, 2, 2)
FROM (SELECT 'v1 k=2 n=3 mean=[1,2] c=[[0,0],[2]]'::joint_summary AS s) q;
SELECT mean(NULL::joint_summary, 1), n(NULL::joint_summary), covariance('v1 k=2 n=3 mean=[1,2] c=[[1,0],[2]]', 1, NULL);

DROP TABLE jd, jd_pairs, jd_s, jdeg, jstore;
