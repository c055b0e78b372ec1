-- stats_agg_state, the real-typed transition state of stats_agg(value) and
-- rollup(stats_summary) (0.2.0): its text and binary forms round-trip bit
-- for bit (a distributed engine moves partial states as text), its input
-- accepts every state the aggregates produce and rejects crafted ones, the
-- support functions never modify their inputs when called directly, and
-- the aggregates' catalog entries are what a pushdown needs.

-- The aggregates use the state type, with a combine function and no
-- serial/deserial functions (a fixed-length state travels as it is).
SELECT a.aggfnoid::regprocedure AS aggregate, a.aggtranstype::regtype AS state,
	a.agginitval, a.aggcombinefn, a.aggserialfn, a.aggdeserialfn, p.proparallel
FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
WHERE a.aggfnoid IN ('stats_agg(float8)'::regprocedure, 'rollup(stats_summary)'::regprocedure)
ORDER BY 1::text;

-- The state before the final function: the same aggregate without it.
CREATE AGGREGATE pg_temp.state_of(float8) (SFUNC = stats_agg_state_transfn,
	STYPE = stats_agg_state, COMBINEFUNC = stats_agg_state_combine,
	INITCOND = 'v1 n=0 mean=0 mean_lo=0 m2=0 m3=0 m4=0 min=Infinity max=-Infinity');
CREATE TEMP TABLE states AS
SELECT 1 AS id, pg_temp.state_of(x) AS st FROM generate_series(1, 10) x
UNION ALL SELECT 2, pg_temp.state_of(1e9 + x * 0.1) FROM generate_series(1, 1001) x
UNION ALL SELECT 3, pg_temp.state_of(x) FROM generate_series(1, 0) x	-- empty
UNION ALL SELECT 4, pg_temp.state_of(x) FROM (VALUES (1e200::float8), (-1e200)) v(x)	-- M2 overflows
UNION ALL SELECT 5, pg_temp.state_of(x) FROM (VALUES (1e100::float8), (-1e100), (3e99)) v(x)	-- M4 overflows
UNION ALL SELECT 6, pg_temp.state_of(x / 7.0) FROM generate_series(-500, 500) x
UNION ALL SELECT 7, pg_temp.state_of(-0.0::float8);
SELECT id, st FROM states ORDER BY id;

-- Text round trip, bit for bit (compared through the binary form; a NaN,
-- unknown or overflowed, is always written as the one canonical NaN).
SELECT count(*) AS states,
	count(*) FILTER (WHERE stats_agg_state_send(st::text::stats_agg_state)
					 = stats_agg_state_send(st)) AS same_bytes
FROM states;

-- Binary round trip through a binary COPY.
SELECT pg_backend_pid() AS pid \gset
\set f '/tmp/abstats_summary_state_' :pid '.bin'
\set cmd '\\copy states TO ' :'f' ' WITH (FORMAT binary)'
:cmd
CREATE TEMP TABLE states_back (LIKE states);
\set cmd '\\copy states_back FROM ' :'f' ' WITH (FORMAT binary)'
:cmd
SELECT count(*) AS rows,
	count(*) FILTER (WHERE stats_agg_state_send(a.st) = stats_agg_state_send(b.st)) AS same_bytes
FROM states a JOIN states_back b USING (id);

-- The final function: NULL for the empty state, 22003 for an overflowed
-- mean or M2, unknown skewness/kurtosis when only M3/M4 overflowed.
SELECT id, stats_agg_state_finalfn(st) FROM states WHERE id IN (1, 3, 5, 7) ORDER BY id;
\set VERBOSITY sqlstate
SELECT stats_agg_state_finalfn(st) FROM states WHERE id = 4;
\set VERBOSITY default

-- Partial states merge to the one-pass state: combine each half, in both
-- orders and with empty states on either side.
WITH h AS (
	SELECT pg_temp.state_of(x) FILTER (WHERE x <= 400) AS a,
		   pg_temp.state_of(x) FILTER (WHERE x > 400) AS b,
		   pg_temp.state_of(x) AS whole,
		   pg_temp.state_of(x) FILTER (WHERE false) AS e
	FROM (SELECT 1e9 + g * 0.1 AS x FROM generate_series(1, 1001) g) d)
SELECT stats_agg_state_finalfn(stats_agg_state_combine(a, b)) = stats_agg_state_finalfn(whole) AS ab,
	stats_agg_state_finalfn(stats_agg_state_combine(b, a)) = stats_agg_state_finalfn(whole) AS ba,
	stats_agg_state_combine(e, whole)::text = whole::text AS empty_first,
	stats_agg_state_combine(whole, e)::text = whole::text AS empty_second,
	stats_agg_state_combine(e, e)::text = e::text AS both_empty
FROM h;

-- Called directly (outside an aggregate), the support functions return a
-- new state and leave their arguments as they were.
WITH s AS (SELECT st FROM states WHERE id = 1),
	 t AS (SELECT st FROM states WHERE id = 6)
SELECT s.st::text = s0 AS transfn_input_unchanged,
	   c.st::text = c0 AS combine_first_unchanged,
	   t.st::text = t0 AS combine_second_unchanged,
	   r.st::text = r0 AS rollup_input_unchanged
FROM s, t, states c, states r,
	 LATERAL (SELECT s.st::text AS s0, c.st::text AS c0, t.st::text AS t0, r.st::text AS r0) before,
	 LATERAL (SELECT stats_agg_state_transfn(s.st, 42),
					 stats_agg_state_combine(c.st, t.st),
					 stats_agg_state_rollup_transfn(r.st, 'v1 n=2 mean=0 m2=2')) calls
WHERE c.id = 2 AND r.id = 6;

-- Crafted states are rejected: malformed text with 22P02, contents no sample
-- could produce with 22023 (as for stats_summary).
\set VERBOSITY sqlstate
SELECT 'v2 n=0 mean=0 mean_lo=0 m2=0 m3=0 m4=0 min=Infinity max=-Infinity'::stats_agg_state;
SELECT 'v1 n=-1 mean=0 mean_lo=0 m2=0 m3=0 m4=0 min=Infinity max=-Infinity'::stats_agg_state;
SELECT 'v1 n=0 mean=1 mean_lo=0 m2=0 m3=0 m4=0 min=Infinity max=-Infinity'::stats_agg_state;
SELECT 'v1 n=2 mean=1 mean_lo=0.5 m2=0 m3=0 m4=0 min=1 max=1'::stats_agg_state;
SELECT 'v1 n=2 mean=1 mean_lo=0 m2=-1 m3=0 m4=0 min=1 max=1'::stats_agg_state;
SELECT 'v1 n=2 mean=5 mean_lo=0 m2=0 m3=0 m4=0 min=1 max=1'::stats_agg_state;
SELECT 'v1 n=2 mean=1 mean_lo=0 m2=8 m3=0 m4=0 min=0 max=2'::stats_agg_state;
SELECT 'v1 n=2 mean=1 mean_lo=0 m2=0 m4=0 m3=0 min=1 max=1'::stats_agg_state;
SELECT 'v1 n=2 mean=1 mean_lo=0 m2=0 m3=0 m4=0 min=1 max=1 extra=1'::stats_agg_state;
SELECT 'v1 n=99999999999999999999 mean=1 mean_lo=0 m2=0 m3=0 m4=0 min=1 max=1'::stats_agg_state;
\set VERBOSITY default
SELECT 'v1 n=2 mean=1 mean_lo=0 m2=0 m3=0 m4=0 min=1 max=1'::stats_agg_state AS accepted;

-- A merged count beyond the bigint range raises 22003, from rollup() and
-- from the combine function (issue: it used to wrap to a negative n).
\set VERBOSITY sqlstate
SELECT rollup(s) FROM (VALUES ('v1 n=9223372036854775000 mean=0 m2=0'::stats_summary),
							  ('v1 n=1000 mean=0 m2=0')) v(s);
\set VERBOSITY default
SELECT n(rollup(s)) FROM (VALUES ('v1 n=9223372036854775000 mean=0 m2=0'::stats_summary),
								 ('v1 n=807 mean=0 m2=0')) v(s);

-- stats_summary is a value: =, <>, ordering and hashing.
CREATE TEMP TABLE sv (id int, s stats_summary);
INSERT INTO sv VALUES
	(1, 'v1 n=2 mean=0 m2=2 m3=0 m4=2 min=-1 max=1'),
	(2, 'v1 n=2 mean=-0 m2=2 m3=-0 m4=2 min=-1 max=1'),	-- -0 equals 0
	(3, 'v1 n=2 mean=0 m2=2'),							-- same n, mean, m2; less known
	(4, 'v1 n=2 mean=0 m2=2 m3=0 m4=2'),
	(5, 'v1 n=3 mean=0 m2=2'),
	(6, 'v1 n=2 mean=0.5 m2=2'),
	(7, NULL);
SELECT a.id, b.id, a.s = b.s AS eq, a.s <> b.s AS ne, a.s < b.s AS lt,
	stats_summary_cmp(a.s, b.s) AS cmp,
	stats_summary_hash(a.s) = stats_summary_hash(b.s) AS same_hash
FROM sv a JOIN sv b ON a.id < b.id WHERE a.id <= 2 ORDER BY 1, 2;
-- the order is total and consistent with the comparison function
SELECT array_agg(id ORDER BY s, id) AS sorted FROM sv;
SELECT count(DISTINCT s) AS distinct_summaries, count(s) AS summaries FROM sv;
SELECT s, count(*) FROM sv GROUP BY s ORDER BY s;
SELECT count(*) AS union_rows FROM (SELECT s FROM sv UNION SELECT s FROM sv) u;
SELECT stats_summary_hash_extended(a.s, 7) = stats_summary_hash_extended(b.s, 7) AS ext_hash_eq
FROM sv a, sv b WHERE a.id = 1 AND b.id = 2;
-- hash and merge joins find the same pairs (id 1 and 2 are equal)
SET enable_mergejoin = off; SET enable_nestloop = off;
EXPLAIN (COSTS OFF) SELECT a.id, b.id FROM sv a JOIN sv b ON a.s = b.s;
SELECT array_agg(a.id || '=' || b.id ORDER BY a.id, b.id) FROM sv a JOIN sv b ON a.s = b.s;
RESET enable_mergejoin; SET enable_hashjoin = off;
EXPLAIN (COSTS OFF) SELECT a.id, b.id FROM sv a JOIN sv b ON a.s = b.s;
SELECT array_agg(a.id || '=' || b.id ORDER BY a.id, b.id) FROM sv a JOIN sv b ON a.s = b.s;
RESET enable_hashjoin; RESET enable_nestloop;
-- the same rows summarized in another order may differ in the last bits of
-- a moment, and are then not equal (they agree to rounding)
SELECT a = b AS equal, abs(variance(a) / variance(b) - 1) < 1e-14 AS variances_agree FROM
	(SELECT stats_agg(x ORDER BY x) a, stats_agg(x ORDER BY x DESC) b
	 FROM (SELECT sqrt(g) / 3.0 AS x FROM generate_series(1, 1000) g) d) q;

-- 0.1.0 calls with untyped literals still resolve to stats_summary (it is
-- the preferred type of its category, ahead of 0.2.0's other types).
SELECT t.typname, t.typcategory, t.typispreferred FROM pg_type t
WHERE t.typname IN ('stats_summary', 'stats_agg_state') ORDER BY 1;
SELECT n('v1 n=3 mean=2 m2=2'), mean('v1 n=3 mean=2 m2=2'), sem('v1 n=3 mean=2 m2=2');
SELECT rollup('v1 n=3 mean=2 m2=2');
