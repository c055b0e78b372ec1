-- ---------------------------------------------------------------------
-- stats_agg_state: the transition state of stats_agg(value) and
-- rollup(stats_summary) (new in 0.2.0).  A real fixed-length type rather
-- than `internal`, so that a distributed engine (Citus) can push the
-- aggregates down to its workers and move partial states as text.
-- ---------------------------------------------------------------------

CREATE TYPE stats_agg_state;

CREATE FUNCTION stats_agg_state_in(cstring) RETURNS stats_agg_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION stats_agg_state_out(stats_agg_state) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION stats_agg_state_recv(internal) RETURNS stats_agg_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION stats_agg_state_send(stats_agg_state) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE stats_agg_state (
	INTERNALLENGTH = 64,
	INPUT = stats_agg_state_in,
	OUTPUT = stats_agg_state_out,
	RECEIVE = stats_agg_state_recv,
	SEND = stats_agg_state_send,
	ALIGNMENT = double,
	STORAGE = plain
);
COMMENT ON TYPE stats_agg_state IS
	'transition state of stats_agg(value) and rollup(stats_summary): n, the mean as a double-double, M2..M4, min, max (not a storage format: store stats_summary)';

CREATE FUNCTION stats_agg_state_transfn(stats_agg_state, float8) RETURNS stats_agg_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION stats_agg_state_rollup_transfn(stats_agg_state, stats_summary) RETURNS stats_agg_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION stats_agg_state_combine(stats_agg_state, stats_agg_state) RETURNS stats_agg_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION stats_agg_state_finalfn(stats_agg_state) RETURNS stats_summary
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION stats_agg_state_in(cstring) IS 'stats_agg_state text input (validates the v1 format and the state)';
COMMENT ON FUNCTION stats_agg_state_out(stats_agg_state) IS 'stats_agg_state text output (v1 format, bit-exact round trip)';
COMMENT ON FUNCTION stats_agg_state_recv(internal) IS 'stats_agg_state binary input (validates version and state)';
COMMENT ON FUNCTION stats_agg_state_send(stats_agg_state) IS 'stats_agg_state binary output';
COMMENT ON FUNCTION stats_agg_state_transfn(stats_agg_state, float8) IS 'stats_agg transition: one Welford/Pebay update';
COMMENT ON FUNCTION stats_agg_state_rollup_transfn(stats_agg_state, stats_summary) IS 'rollup transition: merge one stored summary';
COMMENT ON FUNCTION stats_agg_state_combine(stats_agg_state, stats_agg_state) IS 'combine two partial states (either may be empty)';
COMMENT ON FUNCTION stats_agg_state_finalfn(stats_agg_state) IS 'final function of stats_agg and rollup: NULL for no rows';
