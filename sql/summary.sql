-- stats_summary: the type, its text and binary forms, validation, stats_agg,
-- the constructor from published numbers, and where accessors are NULL.
\set VERBOSITY default
\set SHOW_CONTEXT never

-- ---------------------------------------------------------------------
-- Basics
-- ---------------------------------------------------------------------
SELECT stats_agg(x) FROM (VALUES (1.0::float8), (2), (3), (NULL)) v(x);
SELECT n(s), mean(s), variance(s), stddev(s), var_pop(s), stddev_pop(s), sem(s),
	skewness(s), kurtosis(s), min_value(s), max_value(s)
FROM (SELECT stats_agg(x) s FROM generate_series(1, 10) x) q;
SELECT (mean_ci(stats_agg(x))).* FROM generate_series(1, 10) x;
SELECT (mean_ci(stats_agg(x), conf_level => 0.99)).* FROM generate_series(1, 10) x;
-- no rows, or only NULLs: NULL
SELECT stats_agg(x) IS NULL AS no_rows FROM generate_series(1, 0) x;
SELECT stats_agg(x) IS NULL AS only_nulls FROM (VALUES (NULL::float8), (NULL)) v(x);
-- accessors are STRICT
SELECT mean(NULL::stats_summary) IS NULL AS strict_mean, mean_ci(NULL) IS NULL AS strict_ci;

-- ---------------------------------------------------------------------
-- Text form: v1 n=.. mean=.. m2=.. [m3=.. m4=..] [min=.. max=..]
-- ---------------------------------------------------------------------
SELECT 'v1 n=3 mean=2 m2=2 m3=0 m4=2 min=1 max=3'::stats_summary;
-- field order and white space are free; numbers in any strtod form
SELECT E'v1\tmax=3  min=1 m4=2 m3=0 m2=2e0 mean=2.0 n=3'::stats_summary;
-- optional parts: without higher moments, without range, with neither
SELECT 'v1 n=3 mean=2 m2=2 min=1 max=3'::stats_summary;
SELECT 'v1 n=3 mean=2 m2=2 m3=0 m4=2'::stats_summary;
SELECT 'v1 n=3 mean=2 m2=2'::stats_summary;
-- boundary cases that are consistent
SELECT 'v1 n=1 mean=-4.5 m2=0 m3=0 m4=0 min=-4.5 max=-4.5'::stats_summary;
SELECT 'v1 n=2 mean=0.5 m2=0.5 m3=0 m4=0.125 min=0 max=1'::stats_summary;

-- every reference sample (test/reference/data/samples.csv) round-trips
-- exactly through text: shortest exact float printing
\getenv abs_srcdir PG_ABS_SRCDIR
\getenv abs_builddir PG_ABS_BUILDDIR
\set csv :abs_srcdir '/test/reference/data/samples.csv'
CREATE TEMP TABLE ref_samples (sample_id text, value float8);
\set cmd '\\copy ref_samples FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd
CREATE TEMP TABLE ours AS
SELECT sample_id, stats_agg(value) AS s FROM ref_samples GROUP BY sample_id
UNION ALL SELECT 'published', stats_summary(1234, -0.1, 1e-3)
UNION ALL SELECT 'tiny', stats_agg(x * 1e-300) FROM generate_series(1, 5) x
UNION ALL SELECT 'huge', stats_agg(x * 1e100) FROM generate_series(1, 5) x;
SELECT count(*) AS summaries,
	count(*) FILTER (WHERE s::text::stats_summary::text = s::text) AS text_round_trips,
	count(*) FILTER (WHERE mean(s::text::stats_summary) = mean(s)
		AND variance(s::text::stats_summary) IS NOT DISTINCT FROM variance(s)
		AND kurtosis(s::text::stats_summary) IS NOT DISTINCT FROM kurtosis(s)) AS same_values
FROM ours;
SELECT sample_id, s::text FROM ours WHERE s::text::stats_summary::text <> s::text;

-- ... and through the binary form (COPY BINARY uses send/recv)
\set bin :abs_builddir '/results/summary_binary.dat'
\set cmd '\\copy ours TO ' :'bin' ' WITH (FORMAT binary)'
:cmd
CREATE TEMP TABLE ours_binary (LIKE ours);
\set cmd '\\copy ours_binary FROM ' :'bin' ' WITH (FORMAT binary)'
:cmd
SELECT count(*) AS binary_round_trips
FROM ours o JOIN ours_binary b USING (sample_id) WHERE o.s::text = b.s::text;

-- ---------------------------------------------------------------------
-- Malformed text: 22P02, one test per syntax error
-- ---------------------------------------------------------------------
SELECT ''::stats_summary;
\echo :LAST_ERROR_SQLSTATE
SELECT 'n=3 mean=2 m2=2'::stats_summary;
\echo :LAST_ERROR_SQLSTATE
SELECT 'v2 n=3 mean=2 m2=2'::stats_summary;
\echo :LAST_ERROR_SQLSTATE
SELECT 'v1 n=3 mean 2 m2=2'::stats_summary;
\echo :LAST_ERROR_SQLSTATE
SELECT 'v1 n=3 mean=2 m2=2 sd=1'::stats_summary;
\echo :LAST_ERROR_SQLSTATE
SELECT 'v1 n=3 mean=2 m2=2 mean=2'::stats_summary;
\echo :LAST_ERROR_SQLSTATE
SELECT 'v1 n=3.5 mean=2 m2=2'::stats_summary;
\echo :LAST_ERROR_SQLSTATE
SELECT 'v1 n= mean=2 m2=2'::stats_summary;
\echo :LAST_ERROR_SQLSTATE
SELECT 'v1 n=99999999999999999999 mean=2 m2=2'::stats_summary;
\echo :LAST_ERROR_SQLSTATE
SELECT 'v1 n=3 mean=two m2=2'::stats_summary;
\echo :LAST_ERROR_SQLSTATE
SELECT 'v1 n=3 mean= m2=2'::stats_summary;
\echo :LAST_ERROR_SQLSTATE
SELECT 'v1 n=3 mean=NaN m2=2'::stats_summary;
\echo :LAST_ERROR_SQLSTATE
SELECT 'v1 n=3 mean=2 m2=Infinity'::stats_summary;
\echo :LAST_ERROR_SQLSTATE
SELECT 'v1 n=3 mean=1e400 m2=2'::stats_summary;
\echo :LAST_ERROR_SQLSTATE
SELECT 'v1 n=3 mean=2 m2=2 min=-inf max=3'::stats_summary;
\echo :LAST_ERROR_SQLSTATE
SELECT 'v1 n=3 mean=2'::stats_summary;
\echo :LAST_ERROR_SQLSTATE
SELECT 'v1 mean=2 m2=2'::stats_summary;
\echo :LAST_ERROR_SQLSTATE
SELECT 'v1 n=3 mean=2 m2=2 m3=0'::stats_summary;
\echo :LAST_ERROR_SQLSTATE
SELECT 'v1 n=3 mean=2 m2=2 max=3'::stats_summary;
\echo :LAST_ERROR_SQLSTATE

-- ---------------------------------------------------------------------
-- Inconsistent summaries: 22023, one test per check of validate_moments
-- ---------------------------------------------------------------------
SELECT 'v1 n=0 mean=0 m2=0'::stats_summary;
\echo :LAST_ERROR_SQLSTATE
SELECT 'v1 n=-3 mean=0 m2=0'::stats_summary;
\echo :LAST_ERROR_SQLSTATE
SELECT 'v1 n=3 mean=2 m2=-1'::stats_summary;
\echo :LAST_ERROR_SQLSTATE
SELECT 'v1 n=1 mean=2 m2=1'::stats_summary;
\echo :LAST_ERROR_SQLSTATE
SELECT 'v1 n=3 mean=2 m2=2 m3=0 m4=-2'::stats_summary;
\echo :LAST_ERROR_SQLSTATE
SELECT 'v1 n=1 mean=2 m2=0 m3=1 m4=1'::stats_summary;
\echo :LAST_ERROR_SQLSTATE
-- Cauchy-Schwarz: M2^2 <= n M4 and M3^2 <= M2 M4
SELECT 'v1 n=3 mean=2 m2=2 m3=0 m4=1'::stats_summary;
\echo :LAST_ERROR_SQLSTATE
SELECT 'v1 n=3 mean=2 m2=2 m3=3 m4=2'::stats_summary;
\echo :LAST_ERROR_SQLSTATE
SELECT 'v1 n=3 mean=2 m2=2 min=3 max=1'::stats_summary;
\echo :LAST_ERROR_SQLSTATE
SELECT 'v1 n=3 mean=5 m2=2 min=1 max=3'::stats_summary;
\echo :LAST_ERROR_SQLSTATE
SELECT 'v1 n=1 mean=2 m2=0 min=1 max=3'::stats_summary;
\echo :LAST_ERROR_SQLSTATE
-- Popoviciu: M2 <= n (max - min)^2 / 4
SELECT 'v1 n=3 mean=2 m2=4 min=1 max=3'::stats_summary;
\echo :LAST_ERROR_SQLSTATE

-- The non-finite checks cannot be reached through text (the parser
-- rejects non-finite numbers first): craft binary values with
-- int8send/float8send, write them with COPY BINARY as bytea and read them
-- back as stats_summary (recv).  Layout: version byte, flags byte
-- (1 = m3/m4, 2 = min/max), int8 n, float8 mean, m2 [, m3, m4] [, min, max].
CREATE TEMP TABLE crafted (id int, what text, b bytea);
INSERT INTO crafted VALUES
	(1, 'valid', '\x0103'::bytea || int8send(3) || float8send(2) || float8send(2)
		|| float8send(0) || float8send(2) || float8send(1) || float8send(3)),
	(2, 'mean NaN', '\x0100'::bytea || int8send(3) || float8send('NaN') || float8send(2)),
	(3, 'm2 infinite', '\x0100'::bytea || int8send(3) || float8send(2) || float8send('Infinity')),
	(4, 'm3 NaN', '\x0101'::bytea || int8send(3) || float8send(2) || float8send(2)
		|| float8send('NaN') || float8send(2)),
	(5, 'max infinite', '\x0102'::bytea || int8send(3) || float8send(2) || float8send(2)
		|| float8send(1) || float8send('Infinity')),
	(6, 'version 2', '\x0200'::bytea || int8send(3) || float8send(2) || float8send(2)),
	(7, 'unknown flag', '\x0104'::bytea || int8send(3) || float8send(2) || float8send(2)),
	(8, 'n = 0', '\x0100'::bytea || int8send(0) || float8send(0) || float8send(0)),
	(9, 'truncated', '\x0100'::bytea || int8send(3) || float8send(2)),
	(10, 'trailing bytes', '\x0100'::bytea || int8send(3) || float8send(2) || float8send(2) || '\x00'::bytea);
CREATE TEMP TABLE sink (s stats_summary);
-- recv_crafted(id): COPY the crafted bytes out as bytea and back in as a
-- stats_summary, server-side (so that the error's SQLSTATE is reported)
CREATE FUNCTION pg_temp.recv_crafted(case_id int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	f text := current_setting('data_directory') || '/abstats_crafted.dat';
BEGIN
	EXECUTE format('COPY (SELECT b FROM crafted WHERE id = %s) TO %L (FORMAT binary)', case_id, f);
	EXECUTE format('COPY sink FROM %L (FORMAT binary)', f);
END $$;
SELECT pg_temp.recv_crafted(1);
SELECT s FROM sink;
SELECT pg_temp.recv_crafted(2);
\echo :LAST_ERROR_SQLSTATE
SELECT pg_temp.recv_crafted(3);
\echo :LAST_ERROR_SQLSTATE
SELECT pg_temp.recv_crafted(4);
\echo :LAST_ERROR_SQLSTATE
SELECT pg_temp.recv_crafted(5);
\echo :LAST_ERROR_SQLSTATE
SELECT pg_temp.recv_crafted(6);
\echo :LAST_ERROR_SQLSTATE
SELECT pg_temp.recv_crafted(7);
\echo :LAST_ERROR_SQLSTATE
SELECT pg_temp.recv_crafted(8);
\echo :LAST_ERROR_SQLSTATE
SELECT pg_temp.recv_crafted(9);
\echo :LAST_ERROR_SQLSTATE
SELECT pg_temp.recv_crafted(10);
\echo :LAST_ERROR_SQLSTATE
SELECT count(*) AS accepted FROM sink;

-- ---------------------------------------------------------------------
-- stats_agg: non-finite input (class 22) and overflow (22003)
-- ---------------------------------------------------------------------
SELECT stats_agg(x) FROM (VALUES (1::float8), ('NaN')) v(x);
\echo :LAST_ERROR_SQLSTATE
SELECT stats_agg(x) FROM (VALUES (1::float8), ('Infinity')) v(x);
\echo :LAST_ERROR_SQLSTATE
SELECT stats_agg(x) FROM (VALUES ('-Infinity'::float8)) v(x);
\echo :LAST_ERROR_SQLSTATE
-- M2 overflows: like var_samp, an error
SELECT stats_agg(x) FROM (VALUES (1e200::float8), (-1e200)) v(x);
\echo :LAST_ERROR_SQLSTATE
SELECT var_samp(x) FROM (VALUES (1e200::float8), (-1e200)) v(x);
\echo :LAST_ERROR_SQLSTATE
-- the mean overflows
SELECT stats_agg(x) FROM (VALUES (1.7e308::float8), (-1.7e308)) v(x);
\echo :LAST_ERROR_SQLSTATE
-- merging overflows too
SELECT rollup(s) FROM (VALUES ('v1 n=1 mean=1e200 m2=0'::stats_summary),
	('v1 n=1 mean=-1e200 m2=0')) v(s);
\echo :LAST_ERROR_SQLSTATE
-- a single huge value is fine (its M3/M4 would overflow: unknown)
SELECT s, variance(s) IS NULL AS no_variance, s::text::stats_summary::text = s::text AS round_trips
FROM (SELECT stats_agg(x) s FROM (VALUES (-1e200::float8)) v(x)) q;
-- only M3/M4 overflow: variance is fine, skewness and kurtosis become unknown
SELECT variance(s), skewness(s) IS NULL AS no_skewness, kurtosis(s) IS NULL AS no_kurtosis, s
FROM (SELECT stats_agg(x) s FROM (VALUES (1e100::float8), (-1e100), (3e100), (0)) v(x)) q;

-- ---------------------------------------------------------------------
-- stats_summary(n, mean, sd): a summary from published numbers
-- ---------------------------------------------------------------------
SELECT s, n(s), mean(s), variance(s), stddev(s), sem(s),
	skewness(s), kurtosis(s), min_value(s), max_value(s)
FROM (SELECT stats_summary(100, 5, 2) s) q;
SELECT stats_summary(n => 1, mean => 3, sd => 0);
SELECT stats_summary(10, 3, 0);
-- equals stats_agg on n, mean and the sample sd
SELECT abs(stddev(stats_summary(n(s), mean(s), stddev(s))) / stddev(s) - 1) < 1e-15 AS same_sd
FROM (SELECT stats_agg(x) s FROM generate_series(1, 10) x) q;
-- rollup of published and aggregated summaries: higher moments and range unknown
SELECT rollup(s) FROM (VALUES (stats_summary(100, 5, 2)), ('v1 n=3 mean=2 m2=2 m3=0 m4=2 min=1 max=3')) v(s);
SELECT stats_summary(0, 5, 2);
\echo :LAST_ERROR_SQLSTATE
SELECT stats_summary(-1, 5, 2);
\echo :LAST_ERROR_SQLSTATE
SELECT stats_summary(10, 'NaN', 2);
\echo :LAST_ERROR_SQLSTATE
SELECT stats_summary(10, '-Infinity', 2);
\echo :LAST_ERROR_SQLSTATE
SELECT stats_summary(10, 5, -1);
\echo :LAST_ERROR_SQLSTATE
SELECT stats_summary(10, 5, 'NaN');
\echo :LAST_ERROR_SQLSTATE
SELECT stats_summary(10, 5, 'Infinity');
\echo :LAST_ERROR_SQLSTATE
SELECT stats_summary(10000000000, 5, 1e160);
\echo :LAST_ERROR_SQLSTATE
SELECT stats_summary(NULL, 5, 2) IS NULL AS strict;

-- ---------------------------------------------------------------------
-- Where accessors are NULL (undefined), never NaN
-- ---------------------------------------------------------------------
CREATE TEMP TABLE cases (label text, s stats_summary);
INSERT INTO cases
SELECT 'n=1', stats_agg(x) FROM (VALUES (7.5::float8)) v(x)
UNION ALL SELECT 'n=2', stats_agg(x) FROM (VALUES (1::float8), (2)) v(x)
UNION ALL SELECT 'n=3', stats_agg(x) FROM (VALUES (1::float8), (2), (4)) v(x)
UNION ALL SELECT 'n=4', stats_agg(x) FROM (VALUES (1::float8), (2), (4), (8)) v(x)
UNION ALL SELECT 'constant', stats_agg(x) FROM (VALUES (3::float8), (3), (3), (3), (3)) v(x)
UNION ALL SELECT 'published', stats_summary(50, 1, 0.5)
UNION ALL SELECT 'published n=1', stats_summary(1, 1, 0);
SELECT label, n(s), mean(s), variance(s), stddev(s), var_pop(s), stddev_pop(s), sem(s),
	skewness(s), kurtosis(s), min_value(s), max_value(s),
	(mean_ci(s)).lower AS ci_lower, (mean_ci(s)).upper AS ci_upper
FROM cases ORDER BY label;

-- mean_ci checks its conf_level
SELECT mean_ci(stats_summary(10, 1, 1), 0);
\echo :LAST_ERROR_SQLSTATE
SELECT mean_ci(stats_summary(10, 1, 1), 1);
\echo :LAST_ERROR_SQLSTATE
SELECT mean_ci(stats_summary(10, 1, 1), 'NaN');
\echo :LAST_ERROR_SQLSTATE

-- mean_ci at any conf_level equals t_test's interval (at conf_level 1e-300
-- the half-width is tiny, not 0: the critical value is computed from
-- conf_level itself, see src/critical.h)
SELECT c, (mean_ci(s, c)).lower = (t_test(s, conf_level => c)).ci_lower AS lower_same,
	(mean_ci(s, c)).upper = (t_test(s, conf_level => c)).ci_upper AS upper_same,
	(mean_ci(s, c)).upper > 0 AS positive_width
FROM (SELECT 'v1 n=10 mean=0 m2=9'::stats_summary AS s) q,
	unnest('{1e-300,1e-20,0.5,0.95,0.999999999999}'::float8[]) c ORDER BY c;
