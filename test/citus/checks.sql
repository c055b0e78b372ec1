-- test/citus/checks.sql: abstats on a Citus cluster; run by test/citus/run on
-- the coordinator of a cluster with two workers.  Every result computed on
-- distributed tables is compared in SQL with the same query on a plain
-- (single-node) table holding the same rows; the comparisons print
-- "check NAME ... ok" or "... FAILED" (merge order varies between runs, so
-- no result is printed as a number to compare), and the measurements
-- (pushdown, rows and bytes shipped) print as information.
\set ON_ERROR_STOP 1
\pset footer off
SET client_min_messages = warning;
SET max_parallel_workers_per_gather = 0;	-- single-node results are one pass
SET citus.shard_count = 8;

-- The extension: created at 0.1.0 on the coordinator (Citus creates it on
-- every worker), then updated there to the installed default version, as
-- the README says (Citus runs the same ALTER EXTENSION on the workers in
-- the same distributed transaction).
CREATE EXTENSION abstats VERSION '0.1.0';
SELECT default_version FROM pg_available_extensions WHERE name = 'abstats' \gset
ALTER EXTENSION abstats UPDATE TO :'default_version';
\echo '-- abstats version on each node'
SELECT 'coordinator' AS node, extversion AS abstats FROM pg_extension WHERE extname = 'abstats'
UNION ALL
SELECT 'worker ' || nodeport, result FROM run_command_on_workers(
	$$SELECT extversion FROM pg_extension WHERE extname = 'abstats'$$)
ORDER BY 1;

-- Helpers, on the coordinator only (Citus warns that it does not create
-- temporary functions on the workers; that is intended).
SET client_min_messages = error;
-- check(name, ok): one line per check
CREATE FUNCTION pg_temp.check(name text, ok boolean) RETURNS text
LANGUAGE sql AS $$
	SELECT format('check %s ... %s', name, CASE WHEN ok THEN 'ok' ELSE 'FAILED' END)
$$;
-- close_to(a, b, scale): |a - b| <= 1e-12 * scale (NULL only where both are)
CREATE FUNCTION pg_temp.close_to(a float8, b float8, scale float8) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE WHEN a IS NULL OR b IS NULL THEN a IS NULL AND b IS NULL
		ELSE a = b OR abs(a - b) <= 1e-12 * abs(scale) END
$$;
-- rel_diff(a, b, scale): |a - b| / scale, for the report
CREATE FUNCTION pg_temp.rel_diff(a float8, b float8, scale float8) RETURNS float8
LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE WHEN a IS NULL OR b IS NULL THEN CASE WHEN a IS NULL AND b IS NULL THEN 0::float8 ELSE 'Infinity' END
		WHEN a = b THEN 0 WHEN scale = 0 THEN 'Infinity' ELSE abs(a - b) / abs(scale) END
$$;
-- same_summary(a, b): n, min and max equal; mean to 1e-12 of max(|mean|, sd);
-- variance to 1e-12 of itself; skewness and kurtosis to 1e-12 of
-- max(|value|, 1) (they are scale-free).  b is the single-node result.
CREATE FUNCTION pg_temp.same_summary(a stats_summary, b stats_summary) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE WHEN a IS NULL OR b IS NULL THEN a IS NULL AND b IS NULL
		ELSE n(a) = n(b)
			AND min_value(a) IS NOT DISTINCT FROM min_value(b)
			AND max_value(a) IS NOT DISTINCT FROM max_value(b)
			AND pg_temp.close_to(mean(a), mean(b), greatest(abs(mean(b)), coalesce(stddev(b), 0)))
			AND pg_temp.close_to(variance(a), variance(b), variance(b))
			AND pg_temp.close_to(skewness(a), skewness(b), greatest(abs(skewness(b)), 1))
			AND pg_temp.close_to(kurtosis(a), kurtosis(b), greatest(abs(kurtosis(b)), 1)) END
$$;
-- summary_diff(a, b): the largest of those relative differences
CREATE FUNCTION pg_temp.summary_diff(a stats_summary, b stats_summary) RETURNS float8
LANGUAGE sql IMMUTABLE AS $$
	SELECT greatest(
		pg_temp.rel_diff(mean(a), mean(b), greatest(abs(mean(b)), coalesce(stddev(b), 0))),
		pg_temp.rel_diff(variance(a), variance(b), variance(b)),
		pg_temp.rel_diff(skewness(a), skewness(b), greatest(abs(skewness(b)), 1)),
		pg_temp.rel_diff(kurtosis(a), kurtosis(b), greatest(abs(kurtosis(b)), 1)))
$$;
-- the largest relative difference seen, per check, for the report
CREATE TEMP TABLE worst (name text, diff float8);
SET client_min_messages = warning;

-- Data: :rows users (200,000 unless test/citus/run is given
-- ABSTATS_CITUS_ROWS).  A and B: revenue-like (90% zeros, a skewed tail, 2%
-- NULL); C: values on a large offset (1e6 + an exponential of sd 4); E: on a
-- larger one (1e9 + steps of 0.1 and 0.01, sd 0.09: the partial states must
-- carry the low-order part of the mean, or the variance is off by ~1e-9
-- relative); D: four users (most shards have none); N: users whose value is
-- always NULL.  x, z, w: further metrics (a covariate correlated with value,
-- and two others).
\echo '-- loading' :rows 'rows into a plain table and a distributed one'
SELECT setseed(0.31) AS seed \gset
CREATE TABLE t_single (user_id bigint, day int, variant text,
	value float8, x float8, z float8, w float8);
INSERT INTO t_single
SELECT i, i % 28,
	CASE WHEN i % 997 = 0 THEN 'N' WHEN i % 50000 = 7 THEN 'D'
		WHEN i % 20 = 0 THEN 'C' WHEN i % 20 = 10 THEN 'E' WHEN random() < 0.5 THEN 'A' ELSE 'B' END,
	NULL, random() * 10, random() - 0.5, -ln(1 - random())
FROM generate_series(1, :rows) i;
UPDATE t_single SET value = CASE variant
	WHEN 'A' THEN CASE WHEN random() < 0.02 THEN NULL
		WHEN random() < 0.1 THEN round((20 * exp(2 * random()))::numeric, 2)::float8 ELSE 0 END
	WHEN 'B' THEN CASE WHEN random() < 0.02 THEN NULL
		WHEN random() < 0.11 THEN round((21 * exp(2 * random()))::numeric, 2)::float8 ELSE 0 END
	WHEN 'C' THEN 1e6 + floor(-ln(1 - random()) * 1024) / 256
	WHEN 'D' THEN random() * 100 - 50
	WHEN 'E' THEN 1000000000.2::float8 + (user_id % 3 - 1) * 0.1::float8 + (user_id % 11) * 0.01::float8
	END;
UPDATE t_single SET x = x + coalesce(value, 0) * 0.5 WHERE variant IN ('A', 'B');
VACUUM ANALYZE t_single;

-- the same rows, distributed by user (8 shards over the two workers)
CREATE TABLE t (LIKE t_single);
SELECT create_distributed_table('t', 'user_id') \gset
INSERT INTO t SELECT * FROM t_single;

-- Stored daily summaries (one per day, user segment and variant), computed
-- once on the plain table and stored in both a plain table and a table
-- distributed by day, so both sides merge identical summaries.
CREATE TABLE daily_single AS
	SELECT day, (user_id / 28 % 8)::int AS segment, variant, stats_agg(value) AS s
	FROM t_single GROUP BY 1, 2, 3;
CREATE TABLE daily (LIKE daily_single);
SELECT create_distributed_table('daily', 'day') \gset
INSERT INTO daily SELECT * FROM daily_single;

\echo '-- the data: rows per variant (plain table) and placement'
SELECT variant, count(*) AS users, count(value) AS with_value FROM t_single GROUP BY 1 ORDER BY 1;
SELECT logicalrelid AS distributed_table, count(*) AS shards,
	count(DISTINCT nodeport) AS nodes
FROM pg_dist_shard JOIN pg_dist_placement USING (shardid) JOIN pg_dist_node USING (groupid)
GROUP BY 1 ORDER BY 1;

\pset tuples_only on
\pset format unaligned
SELECT pg_temp.check('ALTER EXTENSION abstats UPDATE on the coordinator updated every worker',
	(SELECT bool_and(success AND result = :'default_version') AND count(*) = 2
	 FROM run_command_on_workers($$SELECT extversion FROM pg_extension WHERE extname = 'abstats'$$)));
-- identical rows on both sides
SELECT pg_temp.check('rows distributed',
	(SELECT count(*) FROM t) = (SELECT count(*) FROM t_single)
	AND (SELECT count(value) FROM t) = (SELECT count(value) FROM t_single)
	AND (SELECT sum(value::numeric) FROM t) = (SELECT sum(value::numeric) FROM t_single));
CREATE TEMP TABLE daily_back AS SELECT * FROM daily;
SELECT pg_temp.check('stored summaries read back identical from the workers',
	(SELECT count(*) FROM daily_back) = (SELECT count(*) FROM daily_single)
	AND NOT EXISTS (SELECT 1 FROM daily_single s LEFT JOIN daily_back b USING (day, segment, variant)
		WHERE b.s::text IS DISTINCT FROM s.s::text));

-- compare(name, query[, stored, same, diff]): runs `query` formatted with
-- the distributed tables (%1$s = t, %2$s = stored, default daily) and with
-- the plain ones (t_single, stored || '_single'); each returns rows
-- (k text, s <some type>); every k must give the same s by the function
-- named `same` (default pg_temp.same_summary); `diff` (default
-- pg_temp.summary_diff) gives the relative difference for the report.
SET client_min_messages = error;
CREATE FUNCTION pg_temp.compare(name text, query text, stored text DEFAULT 'daily',
	same text DEFAULT 'pg_temp.same_summary', diff text DEFAULT 'pg_temp.summary_diff')
RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	ok boolean;
	worst_diff float8;
	offenders text;
BEGIN
	DROP TABLE IF EXISTS pg_temp.res_dist, pg_temp.res_single;
	EXECUTE 'CREATE TEMP TABLE res_dist AS ' || format(query, 't', stored);
	EXECUTE 'CREATE TEMP TABLE res_single AS ' || format(query, 't_single', stored || '_single');
	EXECUTE format('SELECT coalesce(bool_and(%1$s(d.s, s.s)), false), max(%2$s(d.s, s.s))
		FROM res_dist d FULL JOIN res_single s USING (k)', same, diff)
	INTO ok, worst_diff;
	INSERT INTO worst VALUES (name, worst_diff);
	IF NOT ok THEN	-- list the offenders
		EXECUTE format($q$SELECT string_agg(format(E'\n    %%s: citus %%s\n    %%s  single %%s',
				k, left(d.s::text, 300), repeat(' ', length(k)), left(s.s::text, 300)), '' ORDER BY k)
			FROM res_dist d FULL JOIN res_single s USING (k)
			WHERE NOT coalesce(%1$s(d.s, s.s), false)$q$, same)
		INTO offenders;
		RETURN pg_temp.check(name, ok) || coalesce(offenders, '');
	END IF;
	RETURN pg_temp.check(name, ok);
END
$$;
SET client_min_messages = warning;

-- stats_agg on raw rows distributed by user, grouped by something else
SELECT pg_temp.compare('stats_agg(value) GROUP BY variant',
	'SELECT variant AS k, stats_agg(value) AS s FROM %s GROUP BY variant');
SELECT pg_temp.compare('stats_agg(value) GROUP BY variant, day',
	'SELECT variant || '' '' || day AS k, stats_agg(value) AS s FROM %s GROUP BY variant, day');
SELECT pg_temp.compare('stats_agg of other columns and of an expression',
	'SELECT variant || '' x'' AS k, stats_agg(x) AS s FROM %1$s GROUP BY variant
	 UNION ALL SELECT variant || '' z'', stats_agg(z) FROM %1$s GROUP BY variant
	 UNION ALL SELECT variant || '' w'', stats_agg(w - 2 * z) FROM %1$s GROUP BY variant');
-- one group for the whole table, with FILTERs: shards without a row of D,
-- or with none at all (N, false), hand over empty partial states
SELECT pg_temp.compare('stats_agg(value) FILTER (...) without GROUP BY',
	'SELECT k, s FROM (SELECT stats_agg(value) AS s_all,
		stats_agg(value) FILTER (WHERE variant = ''B'') AS s_b,
		stats_agg(value) FILTER (WHERE variant = ''C'') AS s_c,
		stats_agg(value) FILTER (WHERE variant = ''D'') AS s_d,
		stats_agg(value) FILTER (WHERE variant = ''N'') AS s_n,
		stats_agg(value) FILTER (WHERE false) AS s_none FROM %s) q,
	 LATERAL (VALUES (''all'', s_all), (''B'', s_b), (''C'', s_c), (''D'', s_d),
		(''N'', s_n), (''none'', s_none)) v(k, s)');
SELECT pg_temp.compare('stats_agg(value) WHERE variant = ''D'' (rows on few shards)',
	'SELECT ''D'' AS k, stats_agg(value) AS s FROM %s WHERE variant = ''D''');

-- rollup of stored summaries distributed by day, grouped by variant
SELECT pg_temp.compare('rollup(s) GROUP BY variant',
	'SELECT variant AS k, rollup(s) AS s FROM %2$s GROUP BY variant');
SELECT pg_temp.compare('rollup(s) GROUP BY variant, segment',
	'SELECT variant || '' '' || segment AS k, rollup(s) AS s FROM %2$s GROUP BY variant, segment');
SELECT pg_temp.compare('rollup(s) FILTER (...) without GROUP BY',
	'SELECT k, s FROM (SELECT rollup(s) AS s_all,
		rollup(s) FILTER (WHERE variant = ''D'') AS s_d,
		rollup(s) FILTER (WHERE variant = ''N'') AS s_n,
		rollup(s) FILTER (WHERE day < 7) AS s_week FROM %2$s) q,
	 LATERAL (VALUES (''all'', s_all), (''D'', s_d), (''N'', s_n), (''week'', s_week)) v(k, s)');

-- The canonical t-test query in its two forms, against single-node t_test.
-- (f(...)).* in a select list expands into one call of f per field (and
-- Citus ships the aggregates' input once per field); FROM / LATERAL calls
-- it once.
\set ttest_star 'SELECT (t_test(stats_agg(value) FILTER (WHERE variant = ''B''), stats_agg(value) FILTER (WHERE variant = ''A''))).* FROM %s'
\set ttest_lateral 'SELECT r.* FROM (SELECT stats_agg(value) FILTER (WHERE variant = ''B'') AS b, stats_agg(value) FILTER (WHERE variant = ''A'') AS a FROM %s) s, LATERAL t_test(s.b, s.a) r'
SET client_min_messages = error;
CREATE FUNCTION pg_temp.compare_ttest(name text, query text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	d t_test_result;
	s t_test_result;
	ok boolean;
BEGIN
	EXECUTE format(query, 't', 'daily') INTO d;
	EXECUTE format(query, 't_single', 'daily_single') INTO s;
	-- statistic to 1e-12 of max(|t|, 1); p-value to 1e-12 absolute (a tail
	-- probability multiplies the relative rounding of t by about t^2, so it
	-- is compared on its own scale, 0..1); the rest as summaries
	ok := pg_temp.close_to(d.statistic, s.statistic, greatest(abs(s.statistic), 1))
		AND pg_temp.close_to(d.df, s.df, s.df)
		AND pg_temp.close_to(d.p_value, s.p_value, 1)
		AND pg_temp.close_to(d.estimate, s.estimate, greatest(abs(s.estimate), s.std_error))
		AND pg_temp.close_to(d.ci_lower, s.ci_lower, greatest(abs(s.ci_lower), s.std_error))
		AND pg_temp.close_to(d.ci_upper, s.ci_upper, greatest(abs(s.ci_upper), s.std_error))
		AND pg_temp.close_to(d.std_error, s.std_error, s.std_error)
		AND d.method = s.method;
	INSERT INTO worst VALUES (name, greatest(
		pg_temp.rel_diff(d.statistic, s.statistic, greatest(abs(s.statistic), 1)),
		pg_temp.rel_diff(d.df, s.df, s.df),
		pg_temp.rel_diff(d.p_value, s.p_value, 1),
		pg_temp.rel_diff(d.estimate, s.estimate, greatest(abs(s.estimate), s.std_error)),
		pg_temp.rel_diff(d.ci_lower, s.ci_lower, greatest(abs(s.ci_lower), s.std_error)),
		pg_temp.rel_diff(d.ci_upper, s.ci_upper, greatest(abs(s.ci_upper), s.std_error)),
		pg_temp.rel_diff(d.std_error, s.std_error, s.std_error)));
	IF NOT coalesce(ok, false) THEN
		RETURN pg_temp.check(name, false) || format(E'\n    citus  %s\n    single %s', d, s);
	END IF;
	RETURN pg_temp.check(name, true);
END
$$;
SET client_min_messages = warning;
SELECT pg_temp.compare_ttest('t_test, (t_test(...)).* form', :'ttest_star');
SELECT pg_temp.compare_ttest('t_test, LATERAL form', :'ttest_lateral');
SELECT pg_temp.compare_ttest('t_test on rolled-up stored summaries',
	'SELECT r.* FROM (SELECT rollup(s) FILTER (WHERE variant = ''B'') AS b,
		rollup(s) FILTER (WHERE variant = ''A'') AS a FROM %2$s) s, LATERAL t_test(s.b, s.a) r');

-- Joint aggregates (stats_agg(y, x[, z[, w]]) and rollup(joint_summary)),
-- when this abstats has them: the same comparisons, with means to 1e-12 of
-- max(|mean|, sd), variances to 1e-12 of themselves, covariances to 1e-12
-- of sd_i sd_j, correlations to 1e-12 absolute; n and k exact.
SELECT to_regtype('joint_summary') IS NOT NULL AS has_joint \gset
\if :has_joint
SET client_min_messages = error;
CREATE FUNCTION pg_temp.joint_diffs(a joint_summary, b joint_summary) RETURNS SETOF float8
LANGUAGE sql IMMUTABLE AS $$
	SELECT pg_temp.rel_diff(mean(a, i), mean(b, i), greatest(abs(mean(b, i)), coalesce(sqrt(variance(b, i)), 0)))
	FROM generate_series(1, k(b)) i
	UNION ALL
	SELECT pg_temp.rel_diff(variance(a, i), variance(b, i), variance(b, i))
	FROM generate_series(1, k(b)) i
	UNION ALL
	SELECT pg_temp.rel_diff(covariance(a, i, j), covariance(b, i, j), sqrt(variance(b, i) * variance(b, j)))
	FROM generate_series(1, k(b)) i, generate_series(i + 1, k(b)) j
	UNION ALL
	SELECT pg_temp.rel_diff(correlation(a, i, j), correlation(b, i, j), 1)
	FROM generate_series(1, k(b)) i, generate_series(i + 1, k(b)) j
$$;
CREATE FUNCTION pg_temp.same_joint(a joint_summary, b joint_summary) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE WHEN a IS NULL OR b IS NULL THEN a IS NULL AND b IS NULL
		ELSE n(a) = n(b) AND k(a) = k(b)
			AND (SELECT bool_and(d <= 1e-12) FROM pg_temp.joint_diffs(a, b) d) END
$$;
CREATE FUNCTION pg_temp.joint_diff(a joint_summary, b joint_summary) RETURNS float8
LANGUAGE sql IMMUTABLE AS $$
	SELECT max(d) FROM pg_temp.joint_diffs(a, b) d
$$;
SET client_min_messages = warning;
-- stored daily joint summaries, as for stats_summary
CREATE TABLE daily_joint_single AS
	SELECT day, (user_id / 28 % 8)::int AS segment, variant, stats_agg(value, x, z) AS j
	FROM t_single GROUP BY 1, 2, 3;
CREATE TABLE daily_joint (LIKE daily_joint_single);
SELECT create_distributed_table('daily_joint', 'day') \gset
INSERT INTO daily_joint SELECT * FROM daily_joint_single;

SELECT pg_temp.compare('stats_agg(value, x) GROUP BY variant',
	'SELECT variant AS k, stats_agg(value, x) AS s FROM %s GROUP BY variant',
	'daily_joint', 'pg_temp.same_joint', 'pg_temp.joint_diff');
SELECT pg_temp.compare('stats_agg(value, x, z) GROUP BY variant',
	'SELECT variant AS k, stats_agg(value, x, z) AS s FROM %s GROUP BY variant',
	'daily_joint', 'pg_temp.same_joint', 'pg_temp.joint_diff');
SELECT pg_temp.compare('stats_agg(value, x, z, w) GROUP BY variant, day',
	'SELECT variant || '' '' || day AS k, stats_agg(value, x, z, w) AS s FROM %s GROUP BY variant, day',
	'daily_joint', 'pg_temp.same_joint', 'pg_temp.joint_diff');
SELECT pg_temp.compare('stats_agg(value, x) FILTER (...) without GROUP BY',
	'SELECT k, s FROM (SELECT stats_agg(value, x) AS s_all,
		stats_agg(value, x) FILTER (WHERE variant = ''E'') AS s_e,
		stats_agg(value, x) FILTER (WHERE variant = ''D'') AS s_d,
		stats_agg(value, x) FILTER (WHERE variant = ''N'') AS s_n,
		stats_agg(value, x) FILTER (WHERE false) AS s_none FROM %s) q,
	 LATERAL (VALUES (''all'', s_all), (''E'', s_e), (''D'', s_d), (''N'', s_n), (''none'', s_none)) v(k, s)',
	'daily_joint', 'pg_temp.same_joint', 'pg_temp.joint_diff');
SELECT pg_temp.compare('rollup(j) GROUP BY variant',
	'SELECT variant AS k, rollup(j) AS s FROM %2$s GROUP BY variant',
	'daily_joint', 'pg_temp.same_joint', 'pg_temp.joint_diff');
SELECT pg_temp.compare('rollup(j) FILTER (...) without GROUP BY',
	'SELECT k, s FROM (SELECT rollup(j) AS s_all,
		rollup(j) FILTER (WHERE variant = ''D'') AS s_d,
		rollup(j) FILTER (WHERE variant = ''N'') AS s_n FROM %2$s) q,
	 LATERAL (VALUES (''all'', s_all), (''D'', s_d), (''N'', s_n)) v(k, s)',
	'daily_joint', 'pg_temp.same_joint', 'pg_temp.joint_diff');
SELECT EXISTS (SELECT 1 FROM pg_operator WHERE oprname = '='
	AND oprleft = 'joint_summary'::regtype AND oprright = 'joint_summary'::regtype) AS has_joint_eq \gset
\if :has_joint_eq
SELECT pg_temp.check('count(DISTINCT j) and GROUP BY j on Citus',
	(SELECT count(DISTINCT j) FROM daily_joint) = (SELECT count(DISTINCT j) FROM daily_joint_single)
	AND (SELECT count(*) FROM (SELECT j FROM daily_joint GROUP BY j) q)
		= (SELECT count(*) FROM (SELECT j FROM daily_joint_single GROUP BY j) q));
\endif
\else
\echo '-- not run: this abstats has no joint aggregates (stats_agg(y, x), rollup(joint_summary))'
\endif

-- Collecting aggregates (sample_agg(value) and rollup(stats_sample)), when
-- this abstats has them: their state is `internal` (a growing sorted
-- sample), so Citus ships the rows and aggregates on the coordinator; the
-- result is the sorted sample itself and must equal the single-node one
-- exactly (same values, n exact).
SELECT to_regtype('stats_sample') IS NOT NULL AS has_sample \gset
\if :has_sample
SET client_min_messages = error;
CREATE FUNCTION pg_temp.same_sample(a stats_sample, b stats_sample) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
	SELECT a::text IS NOT DISTINCT FROM b::text
$$;
CREATE FUNCTION pg_temp.sample_diff(a stats_sample, b stats_sample) RETURNS float8
LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE WHEN a::text IS NOT DISTINCT FROM b::text THEN 0 ELSE 'Infinity'::float8 END
$$;
SET client_min_messages = warning;
CREATE TABLE daily_sample_single AS
	SELECT day, variant, sample_agg(value) AS m FROM t_single GROUP BY 1, 2;
CREATE TABLE daily_sample (LIKE daily_sample_single);
SELECT create_distributed_table('daily_sample', 'day') \gset
INSERT INTO daily_sample SELECT * FROM daily_sample_single;
SELECT pg_temp.compare('sample_agg(value) GROUP BY variant',
	'SELECT variant AS k, sample_agg(value) AS s FROM %s GROUP BY variant',
	'daily_sample', 'pg_temp.same_sample', 'pg_temp.sample_diff');
SELECT pg_temp.compare('sample_agg(value) FILTER (...) without GROUP BY',
	'SELECT k, s FROM (SELECT sample_agg(value) FILTER (WHERE variant = ''D'') AS s_d,
		sample_agg(value) FILTER (WHERE variant = ''N'') AS s_n,
		sample_agg(value) FILTER (WHERE variant = ''C'') AS s_c FROM %s) q,
	 LATERAL (VALUES (''D'', s_d), (''N'', s_n), (''C'', s_c)) v(k, s)',
	'daily_sample', 'pg_temp.same_sample', 'pg_temp.sample_diff');
SELECT pg_temp.compare('rollup(m) of stored samples GROUP BY variant',
	'SELECT variant AS k, rollup(m) AS s FROM %2$s GROUP BY variant',
	'daily_sample', 'pg_temp.same_sample', 'pg_temp.sample_diff');
\else
\echo '-- not run: this abstats has no collecting aggregates (sample_agg, rollup(stats_sample))'
\endif

-- Which aggregates Citus pushes down.  For every aggregate of the
-- extension, EXPLAIN (VERBOSE) of "SELECT variant, agg(cols) FROM tbl GROUP
-- BY variant" on a distributed table that has columns of its argument
-- types (float8 arguments take value, x, z, w in that order): pushed down
-- when the workers run worker_partial_agg (Citus moves the partial state as
-- its type's text), not when they return the raw column values for the
-- coordinator to aggregate.
SET client_min_messages = error;
CREATE FUNCTION pg_temp.explain(query text, with_analyze boolean DEFAULT false) RETURNS SETOF text
LANGUAGE plpgsql AS $$
DECLARE
	line text;
BEGIN
	FOR line IN EXECUTE 'EXPLAIN (VERBOSE' || CASE WHEN with_analyze THEN ', ANALYZE' ELSE '' END
		|| ') ' || query
	LOOP
		RETURN NEXT line;
	END LOOP;
END
$$;
CREATE TEMP TABLE pushdown (agg regprocedure, state regtype, query text, pushed_down boolean, worker_query text);
DO $$
DECLARE
	a record;
	tbl regclass;
	cols text[];
	col text;
	used text[];
	q text;
	argtype oid;
BEGIN
	FOR a IN
		SELECT p.oid::regprocedure AS agg, p.proname, g.aggtranstype::regtype AS state,
			p.proargtypes::oid[] AS argtypes
		FROM pg_proc p
		JOIN pg_aggregate g ON g.aggfnoid = p.oid
		JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
		JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'abstats'
		ORDER BY p.oid::regprocedure::text
	LOOP
		q := NULL;
		-- the first distributed table with a variant column and a column
		-- of each argument type
		FOR tbl IN SELECT logicalrelid FROM pg_dist_partition ORDER BY logicalrelid::text DESC LOOP
			cols := '{}';
			used := '{}';
			FOREACH argtype IN ARRAY a.argtypes LOOP
				SELECT attname INTO col FROM pg_attribute
				WHERE attrelid = tbl AND atttypid = argtype AND attnum > 0 AND NOT attisdropped
					AND attname <> ALL (used)
				ORDER BY attnum LIMIT 1;
				EXIT WHEN col IS NULL;
				used := used || col::text;
				cols := cols || quote_ident(col);
			END LOOP;
			IF cardinality(cols) = cardinality(a.argtypes) AND EXISTS (SELECT 1 FROM pg_attribute
				WHERE attrelid = tbl AND attname = 'variant') THEN
				q := format('SELECT variant, %I(%s) FROM %s GROUP BY variant',
					a.proname, array_to_string(cols, ', '), tbl);
				EXIT;
			END IF;
		END LOOP;
		IF q IS NULL THEN
			INSERT INTO pushdown VALUES (a.agg, a.state, NULL, NULL, 'no distributed table with columns of its argument types');
		ELSE
			INSERT INTO pushdown
			SELECT a.agg, a.state, q, bool_or(l ~ 'worker_partial_agg'),
				min(substring(l FROM 'Query: (.*)'))
			FROM pg_temp.explain(q) l;
		END IF;
	END LOOP;
END
$$;
SET client_min_messages = warning;
\pset tuples_only off
\pset format aligned
\echo '-- abstats aggregates on Citus: pushed down to the workers (worker_partial_agg) or raw rows shipped'
SELECT agg AS aggregate, state, CASE WHEN pushed_down THEN 'pushed down'
	WHEN NOT pushed_down THEN 'rows shipped' ELSE 'not tried' END AS on_citus,
	worker_query AS "worker query (one of the tasks)"
FROM pushdown ORDER BY agg::text;
\pset tuples_only on
\pset format unaligned
SELECT pg_temp.check('every aggregate with a real-typed state and a combine function is pushed down',
	NOT EXISTS (SELECT 1 FROM pushdown p JOIN pg_aggregate g ON g.aggfnoid = p.agg
		WHERE p.state <> 'internal'::regtype AND g.aggcombinefn <> 0 AND p.pushed_down IS NOT TRUE));
-- issue 7: stats_agg and rollup are computed on the workers
SELECT pg_temp.check('stats_agg(float8) and rollup(stats_summary) are pushed down',
	(SELECT count(*) FROM pushdown WHERE pushed_down
		AND agg IN ('stats_agg(float8)'::regprocedure, 'rollup(stats_summary)'::regprocedure)) = 2);
\echo '-- EXPLAIN (VERBOSE) SELECT variant, stats_agg(value) FROM t GROUP BY variant'
SELECT * FROM pg_temp.explain('SELECT variant, stats_agg(value) FROM t GROUP BY variant');

-- Summaries as values on Citus: count(DISTINCT s), GROUP BY s, DISTINCT and
-- UNION over summaries spread across shards.  daily_dup holds every stored
-- summary twice (days 0-27 and 28-55, so the copies are mostly on other
-- shards) and the summaries of 0 and of -0 (equal as float8, so one value:
-- they must hash alike on every node).
SELECT EXISTS (SELECT 1 FROM pg_operator WHERE oprname = '='
	AND oprleft = 'stats_summary'::regtype AND oprright = 'stats_summary'::regtype) AS has_eq \gset
\if :has_eq
CREATE TABLE daily_dup_single AS
	SELECT day, variant, s FROM daily_single
	UNION ALL SELECT day + 28, variant, s FROM daily_single
	UNION ALL SELECT 60, 'Z', stats_agg(0::float8)
	UNION ALL SELECT 61, 'Z', stats_agg('-0'::float8);
CREATE TABLE daily_dup (LIKE daily_dup_single);
SELECT create_distributed_table('daily_dup', 'day') \gset
INSERT INTO daily_dup SELECT * FROM daily_dup_single;
SET client_min_messages = error;
CREATE FUNCTION pg_temp.same_rows(name text, query text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	ok boolean;
BEGIN
	DROP TABLE IF EXISTS pg_temp.res_dist, pg_temp.res_single;
	EXECUTE 'CREATE TEMP TABLE res_dist AS ' || format(query, 'daily_dup');
	EXECUTE 'CREATE TEMP TABLE res_single AS ' || format(query, 'daily_dup_single');
	-- the same multiset of rows, summaries compared with their own =
	SELECT (SELECT count(*) FROM res_dist) = (SELECT count(*) FROM res_single)
		AND NOT EXISTS (SELECT * FROM res_dist EXCEPT ALL SELECT * FROM res_single)
	INTO ok;
	RETURN pg_temp.check(name, ok);
END
$$;
SET client_min_messages = warning;
SELECT pg_temp.same_rows('count(DISTINCT s) on Citus', 'SELECT count(DISTINCT s) AS c FROM %s');
SELECT pg_temp.same_rows('count(DISTINCT s) GROUP BY variant on Citus',
	'SELECT variant, count(DISTINCT s) AS c FROM %s GROUP BY variant');
SELECT pg_temp.same_rows('GROUP BY s on Citus', 'SELECT s, count(*) AS c FROM %s GROUP BY s');
SELECT pg_temp.same_rows('SELECT DISTINCT s on Citus', 'SELECT DISTINCT s FROM %s');
SELECT pg_temp.same_rows('UNION of summaries on Citus',
	'SELECT s FROM %1$s WHERE day < 28 UNION SELECT s FROM %1$s WHERE day >= 28');
SELECT pg_temp.check('the summaries of 0 and -0 are one value on Citus',
	(SELECT count(DISTINCT s) FROM daily_dup WHERE variant = 'Z') = 1);
\pset tuples_only off
\pset format aligned
\echo '-- EXPLAIN (VERBOSE) SELECT count(DISTINCT s) FROM daily_dup: the task'
SELECT l AS "worker query (one of the tasks)" FROM pg_temp.explain('SELECT count(DISTINCT s) FROM daily_dup') l
WHERE l ~ 'Query: ';
\pset tuples_only on
\pset format unaligned
\else
\echo '-- not run: stats_summary has no = operator in this abstats (count(DISTINCT s), GROUP BY s)'
\endif

-- What a query ships from the workers to the coordinator (information only:
-- nothing here is compared with a number).
--   rows_received: rows the workers' tasks return, all tasks (each task
--     query of the plan run again on every shard);
--   payload_bytes: the text length of their fields, the same way;
--   citus_bytes: Citus' own "Tuple data received from nodes" (EXPLAIN
--     ANALYZE, rounded by Citus; what it received, binary where it can).
--     NULL where Citus 13 cannot EXPLAIN ANALYZE the query: it fails on
--     every pushed-down custom aggregate (worker_partial_agg returns
--     cstring; citusdata/citus#4043);
--   ms: median of three runs of the query (this machine, shared).
SET client_min_messages = error;
CREATE FUNCTION pg_temp.shipped(query text, OUT rows_received bigint, OUT payload_bytes bigint,
	OUT citus_bytes bigint, OUT ms numeric)
LANGUAGE plpgsql AS $$
DECLARE
	line text;
	ncols int;
	task text;
	rel text;
	cols text;
	sizes text;
	r record;
	t0 timestamptz;
	times numeric[] := '{}';
BEGIN
	rows_received := 0;
	payload_bytes := 0;
	FOR line IN SELECT * FROM pg_temp.explain(query) LOOP
		IF line ~ 'Custom Scan \(Citus' THEN
			ncols := NULL;
		ELSIF line ~ '^\s*Output: remote_scan\.' AND ncols IS NULL THEN
			ncols := (length(line) - length(replace(line, 'remote_scan.', ''))) / length('remote_scan.');
		ELSIF line ~ '^\s*Query: ' THEN
			task := substring(line FROM 'Query: (.*)$');
			rel := substring(task FROM 'FROM public\.([a-z_]+)_\d+ ');
			CONTINUE WHEN rel IS NULL;	-- a task on the coordinator
			SELECT string_agg('c' || i, ', '),
				string_agg(format('coalesce(octet_length(c%s::text), 0)', i), ' + ')
			INTO cols, sizes FROM generate_series(1, ncols) i;
			task := regexp_replace(replace(task, '%', '%%'), 'public\.' || rel || '_\d+', '%s');
			FOR r IN SELECT result FROM run_command_on_shards(rel::regclass,
				format('SELECT count(*) || '' '' || coalesce(sum(%s), 0) FROM (%s) q(%s)',
					sizes, task, cols))
			LOOP
				rows_received := rows_received + split_part(r.result, ' ', 1)::bigint;
				payload_bytes := payload_bytes + split_part(r.result, ' ', 2)::bigint;
			END LOOP;
		END IF;
	END LOOP;
	BEGIN
		FOR line IN SELECT * FROM pg_temp.explain(query, true) LOOP
			IF line ~ 'Tuple data received from nodes: ' THEN
				citus_bytes := coalesce(citus_bytes, 0)
					+ pg_size_bytes(substring(line FROM 'Tuple data received from nodes: (.*)$'));
			END IF;
		END LOOP;
	EXCEPTION WHEN OTHERS THEN
		citus_bytes := NULL;
	END;
	FOR i IN 1..3 LOOP
		t0 := clock_timestamp();
		EXECUTE query;
		times := times || (extract(epoch FROM clock_timestamp() - t0) * 1000)::numeric;
	END LOOP;
	ms := round((SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY x) FROM unnest(times) x));
END
$$;
-- the same for a query on a plain table: its median time
CREATE FUNCTION pg_temp.ms(query text) RETURNS numeric
LANGUAGE plpgsql AS $$
DECLARE
	t0 timestamptz;
	times numeric[] := '{}';
BEGIN
	FOR i IN 1..3 LOOP
		t0 := clock_timestamp();
		EXECUTE query;
		times := times || (extract(epoch FROM clock_timestamp() - t0) * 1000)::numeric;
	END LOOP;
	RETURN round((SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY x) FROM unnest(times) x));
END
$$;
SET client_min_messages = warning;
\pset tuples_only off
\pset format aligned
\echo '-- what the coordinator receives from the workers (' :rows 'rows in t, 8 shards)'
SELECT q AS query, (pg_temp.shipped(sql)).*, pg_temp.ms(replace(replace(sql, ' FROM t ', ' FROM t_single '),
	' FROM daily ', ' FROM daily_single ')) AS single_node_ms
FROM (VALUES
	(1, 'stats_agg(value) GROUP BY variant', 'SELECT variant, stats_agg(value) FROM t GROUP BY variant'),
	(2, 'the same with ORDER BY in the aggregate (not pushed down)',
		'SELECT variant, stats_agg(value ORDER BY user_id) FROM t GROUP BY variant'),
	(3, 'var_samp(value) GROUP BY variant (built-in)', 'SELECT variant, var_samp(value) FROM t GROUP BY variant'),
	(4, 'rollup(s) GROUP BY variant', 'SELECT variant, rollup(s) FROM daily GROUP BY variant'),
	(5, 't-test, (t_test(...)).* form', format(:'ttest_star', 't ')),
	(6, 't-test, LATERAL form', format(:'ttest_lateral', 't '))) v(i, q, sql)
ORDER BY i;

\echo '-- largest relative difference from single node, per comparison (of each quantity''s scale)'
SELECT name AS comparison, diff AS max_rel_diff FROM worst ORDER BY name;
SELECT max(diff) AS overall_max_rel_diff FROM worst;
