-- ---------------------------------------------------------------------
-- stats_sample: every value of a sample, sorted, for rank and quantile
-- methods (added in 0.2.0)
-- ---------------------------------------------------------------------

CREATE TYPE stats_sample;

CREATE FUNCTION stats_sample_in(cstring) RETURNS stats_sample
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION stats_sample_out(stats_sample) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION stats_sample_recv(internal) RETURNS stats_sample
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION stats_sample_send(stats_sample) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE stats_sample (
	INTERNALLENGTH = VARIABLE,
	INPUT = stats_sample_in,
	OUTPUT = stats_sample_out,
	RECEIVE = stats_sample_recv,
	SEND = stats_sample_send,
	ALIGNMENT = double,
	STORAGE = extended
);
COMMENT ON TYPE stats_sample IS
	'every value of a numeric sample, sorted (at most 40 million); built by sample_agg(), merged with rollup(), tested with mann_whitney_test(), ks_test(), ...';

-- comparison: by n, then the values in turn (as float8, so -0 = 0)
CREATE FUNCTION stats_sample_eq(stats_sample, stats_sample) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION stats_sample_ne(stats_sample, stats_sample) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION stats_sample_lt(stats_sample, stats_sample) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION stats_sample_le(stats_sample, stats_sample) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION stats_sample_gt(stats_sample, stats_sample) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION stats_sample_ge(stats_sample, stats_sample) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION stats_sample_cmp(stats_sample, stats_sample) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION stats_sample_hash(stats_sample) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION stats_sample_hash_extended(stats_sample, bigint) RETURNS bigint
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

CREATE OPERATOR = (
	LEFTARG = stats_sample, RIGHTARG = stats_sample, FUNCTION = stats_sample_eq,
	COMMUTATOR = =, NEGATOR = <>, RESTRICT = eqsel, JOIN = eqjoinsel,
	HASHES, MERGES
);
CREATE OPERATOR <> (
	LEFTARG = stats_sample, RIGHTARG = stats_sample, FUNCTION = stats_sample_ne,
	COMMUTATOR = <>, NEGATOR = =, RESTRICT = neqsel, JOIN = neqjoinsel
);
CREATE OPERATOR < (
	LEFTARG = stats_sample, RIGHTARG = stats_sample, FUNCTION = stats_sample_lt,
	COMMUTATOR = >, NEGATOR = >=, RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
CREATE OPERATOR <= (
	LEFTARG = stats_sample, RIGHTARG = stats_sample, FUNCTION = stats_sample_le,
	COMMUTATOR = >=, NEGATOR = >, RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
CREATE OPERATOR > (
	LEFTARG = stats_sample, RIGHTARG = stats_sample, FUNCTION = stats_sample_gt,
	COMMUTATOR = <, NEGATOR = <=, RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
CREATE OPERATOR >= (
	LEFTARG = stats_sample, RIGHTARG = stats_sample, FUNCTION = stats_sample_ge,
	COMMUTATOR = <=, NEGATOR = <, RESTRICT = scalargesel, JOIN = scalargejoinsel
);

CREATE OPERATOR CLASS stats_sample_ops
	DEFAULT FOR TYPE stats_sample USING btree AS
		OPERATOR 1 <,
		OPERATOR 2 <=,
		OPERATOR 3 =,
		OPERATOR 4 >=,
		OPERATOR 5 >,
		FUNCTION 1 stats_sample_cmp(stats_sample, stats_sample);
CREATE OPERATOR CLASS stats_sample_hash_ops
	DEFAULT FOR TYPE stats_sample USING hash AS
		OPERATOR 1 =,
		FUNCTION 1 stats_sample_hash(stats_sample),
		FUNCTION 2 stats_sample_hash_extended(stats_sample, bigint);
COMMENT ON OPERATOR =(stats_sample, stats_sample) IS 'equal samples: the same values (as float8, -0 = 0)';
COMMENT ON OPERATOR <>(stats_sample, stats_sample) IS 'different samples';
COMMENT ON OPERATOR <(stats_sample, stats_sample) IS 'before, in the total order (n, then the values in turn)';
COMMENT ON OPERATOR <=(stats_sample, stats_sample) IS 'before or equal, in the total order';
COMMENT ON OPERATOR >(stats_sample, stats_sample) IS 'after, in the total order';
COMMENT ON OPERATOR >=(stats_sample, stats_sample) IS 'after or equal, in the total order';

-- aggregate support
CREATE FUNCTION sample_agg_transfn(internal, float8) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION stats_sample_rollup_transfn(internal, stats_sample) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION stats_sample_combine(internal, internal) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION stats_sample_serialize(internal) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION stats_sample_deserialize(bytea, internal) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION stats_sample_finalfn(internal) RETURNS stats_sample
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;

-- SSPACE: the state grows by 8 bytes per value and is not bounded by
-- work_mem; 800 kB (100,000 values) steers the planner away from hashing
-- many groups at once.
CREATE AGGREGATE sample_agg(value float8) (
	SFUNC = sample_agg_transfn,
	STYPE = internal,
	SSPACE = 800000,
	FINALFUNC = stats_sample_finalfn,
	COMBINEFUNC = stats_sample_combine,
	SERIALFUNC = stats_sample_serialize,
	DESERIALFUNC = stats_sample_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE sample_agg(float8) IS
	'every non-NULL value, sorted, as a stats_sample (8 bytes per value, at most 40 million values); NULL for no rows';

CREATE AGGREGATE rollup(sample stats_sample) (
	SFUNC = stats_sample_rollup_transfn,
	STYPE = internal,
	SSPACE = 800000,
	FINALFUNC = stats_sample_finalfn,
	COMBINEFUNC = stats_sample_combine,
	SERIALFUNC = stats_sample_serialize,
	DESERIALFUNC = stats_sample_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE rollup(stats_sample) IS
	'merge stored samples (e.g. daily rows of a materialized view) into one';

-- accessors
CREATE FUNCTION n(s stats_sample) RETURNS bigint
	AS 'MODULE_PATHNAME', 'stats_sample_n' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION n(stats_sample) IS 'number of values in the sample';
CREATE FUNCTION quantile(s stats_sample, q float8) RETURNS float8
	AS 'MODULE_PATHNAME', 'stats_sample_quantile' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION quantile(stats_sample, float8) IS
	'the q-quantile, 0 <= q <= 1, by linear interpolation between order statistics (R quantile(x, q), default type 7)';
CREATE FUNCTION median(s stats_sample) RETURNS float8
	AS 'MODULE_PATHNAME', 'stats_sample_median' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION median(stats_sample) IS 'the median (R median(x)), quantile(s, 0.5)';
CREATE FUNCTION stats_summary(s stats_sample) RETURNS stats_summary
	AS 'MODULE_PATHNAME', 'stats_sample_summary' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION stats_summary(stats_sample) IS
	'the moments of the sample (n, mean, M2..M4, min, max), as stats_agg() over the same values';

-- support functions (called by PostgreSQL, not by users)
COMMENT ON FUNCTION stats_sample_in(cstring) IS 'stats_sample text input (validates the v1 format: sorted, finite, n values)';
COMMENT ON FUNCTION stats_sample_out(stats_sample) IS 'stats_sample text output (v1 format, exact round trip)';
COMMENT ON FUNCTION stats_sample_recv(internal) IS 'stats_sample binary input (validates version, flags, length and values)';
COMMENT ON FUNCTION stats_sample_send(stats_sample) IS 'stats_sample binary output';
COMMENT ON FUNCTION stats_sample_eq(stats_sample, stats_sample) IS 'implementation of = for stats_sample';
COMMENT ON FUNCTION stats_sample_ne(stats_sample, stats_sample) IS 'implementation of <> for stats_sample';
COMMENT ON FUNCTION stats_sample_lt(stats_sample, stats_sample) IS 'implementation of < for stats_sample (by n, then the values)';
COMMENT ON FUNCTION stats_sample_le(stats_sample, stats_sample) IS 'implementation of <= for stats_sample';
COMMENT ON FUNCTION stats_sample_gt(stats_sample, stats_sample) IS 'implementation of > for stats_sample';
COMMENT ON FUNCTION stats_sample_ge(stats_sample, stats_sample) IS 'implementation of >= for stats_sample';
COMMENT ON FUNCTION stats_sample_cmp(stats_sample, stats_sample) IS 'btree comparison of stats_sample (by n, then the values as float8)';
COMMENT ON FUNCTION stats_sample_hash(stats_sample) IS 'hash of a stats_sample (-0 hashed as 0)';
COMMENT ON FUNCTION stats_sample_hash_extended(stats_sample, bigint) IS 'seeded hash of a stats_sample (-0 hashed as 0)';
COMMENT ON FUNCTION sample_agg_transfn(internal, float8) IS 'sample_agg transition: append one value';
COMMENT ON FUNCTION stats_sample_rollup_transfn(internal, stats_sample) IS 'rollup transition: append one stored sample';
COMMENT ON FUNCTION stats_sample_combine(internal, internal) IS 'combine two partial samples (either may be empty) by merging them';
COMMENT ON FUNCTION stats_sample_serialize(internal) IS 'serialize a partial sample for parallel query';
COMMENT ON FUNCTION stats_sample_deserialize(bytea, internal) IS 'deserialize a partial sample for parallel query';
COMMENT ON FUNCTION stats_sample_finalfn(internal) IS 'final function of sample_agg and rollup: the sorted sample, NULL for no rows';
