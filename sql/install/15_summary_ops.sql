-- ---------------------------------------------------------------------
-- stats_summary as a value: =, <>, ordering, hashing (new in 0.2.0), so
-- that GROUP BY, DISTINCT, UNION, hash joins and count(DISTINCT ...) work
-- on summary columns.  Fields compare as float8 (-0 = 0); the order is a
-- documented total order (n, mean, m2, m3, m4, min, max), not a ranking.
-- ---------------------------------------------------------------------

CREATE FUNCTION stats_summary_eq(stats_summary, stats_summary) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION stats_summary_ne(stats_summary, stats_summary) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION stats_summary_lt(stats_summary, stats_summary) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION stats_summary_le(stats_summary, stats_summary) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION stats_summary_gt(stats_summary, stats_summary) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION stats_summary_ge(stats_summary, stats_summary) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION stats_summary_cmp(stats_summary, stats_summary) RETURNS int4
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION stats_summary_hash(stats_summary) RETURNS int4
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION stats_summary_hash_extended(stats_summary, int8) RETURNS int8
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

CREATE OPERATOR = (
	LEFTARG = stats_summary, RIGHTARG = stats_summary, FUNCTION = stats_summary_eq,
	COMMUTATOR = =, NEGATOR = <>, RESTRICT = eqsel, JOIN = eqjoinsel,
	HASHES, MERGES
);
CREATE OPERATOR <> (
	LEFTARG = stats_summary, RIGHTARG = stats_summary, FUNCTION = stats_summary_ne,
	COMMUTATOR = <>, NEGATOR = =, RESTRICT = neqsel, JOIN = neqjoinsel
);
CREATE OPERATOR < (
	LEFTARG = stats_summary, RIGHTARG = stats_summary, FUNCTION = stats_summary_lt,
	COMMUTATOR = >, NEGATOR = >=, RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
CREATE OPERATOR <= (
	LEFTARG = stats_summary, RIGHTARG = stats_summary, FUNCTION = stats_summary_le,
	COMMUTATOR = >=, NEGATOR = >, RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
CREATE OPERATOR > (
	LEFTARG = stats_summary, RIGHTARG = stats_summary, FUNCTION = stats_summary_gt,
	COMMUTATOR = <, NEGATOR = <=, RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
CREATE OPERATOR >= (
	LEFTARG = stats_summary, RIGHTARG = stats_summary, FUNCTION = stats_summary_ge,
	COMMUTATOR = <=, NEGATOR = <, RESTRICT = scalargesel, JOIN = scalargejoinsel
);

CREATE OPERATOR CLASS stats_summary_ops DEFAULT FOR TYPE stats_summary USING btree AS
	OPERATOR 1 <, OPERATOR 2 <=, OPERATOR 3 =, OPERATOR 4 >=, OPERATOR 5 >,
	FUNCTION 1 stats_summary_cmp(stats_summary, stats_summary);
CREATE OPERATOR CLASS stats_summary_hash_ops DEFAULT FOR TYPE stats_summary USING hash AS
	OPERATOR 1 =,
	FUNCTION 1 stats_summary_hash(stats_summary),
	FUNCTION 2 stats_summary_hash_extended(stats_summary, int8);

COMMENT ON FUNCTION stats_summary_eq(stats_summary, stats_summary) IS 'equal: every field equal as float8 (-0 = 0), the same parts known';
COMMENT ON FUNCTION stats_summary_ne(stats_summary, stats_summary) IS 'not equal';
COMMENT ON FUNCTION stats_summary_lt(stats_summary, stats_summary) IS 'before, in the total order on (n, mean, m2, m3, m4, min, max)';
COMMENT ON FUNCTION stats_summary_le(stats_summary, stats_summary) IS 'before or equal, in the total order on (n, mean, m2, m3, m4, min, max)';
COMMENT ON FUNCTION stats_summary_gt(stats_summary, stats_summary) IS 'after, in the total order on (n, mean, m2, m3, m4, min, max)';
COMMENT ON FUNCTION stats_summary_ge(stats_summary, stats_summary) IS 'after or equal, in the total order on (n, mean, m2, m3, m4, min, max)';
COMMENT ON FUNCTION stats_summary_cmp(stats_summary, stats_summary) IS 'btree comparison: the total order on (n, mean, m2, m3, m4, min, max)';
COMMENT ON FUNCTION stats_summary_hash(stats_summary) IS 'hash consistent with = (-0 hashes as 0)';
COMMENT ON FUNCTION stats_summary_hash_extended(stats_summary, int8) IS 'seeded 64-bit hash consistent with =';
COMMENT ON OPERATOR =(stats_summary, stats_summary) IS 'equal summaries';
COMMENT ON OPERATOR <>(stats_summary, stats_summary) IS 'different summaries';
COMMENT ON OPERATOR <(stats_summary, stats_summary) IS 'before, in the total order';
COMMENT ON OPERATOR <=(stats_summary, stats_summary) IS 'before or equal, in the total order';
COMMENT ON OPERATOR >(stats_summary, stats_summary) IS 'after, in the total order';
COMMENT ON OPERATOR >=(stats_summary, stats_summary) IS 'after or equal, in the total order';
