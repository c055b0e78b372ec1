-- ---------------------------------------------------------------------
-- joint_summary: stored, mergeable joint sufficient statistics of 2 to 4
-- metrics measured on the same units (n, means, co-moment matrix)
-- ---------------------------------------------------------------------

CREATE TYPE joint_summary;

CREATE FUNCTION joint_summary_in(cstring) RETURNS joint_summary
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION joint_summary_out(joint_summary) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION joint_summary_recv(internal) RETURNS joint_summary
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION joint_summary_send(joint_summary) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE joint_summary (
	INTERNALLENGTH = 128,
	INPUT = joint_summary_in,
	OUTPUT = joint_summary_out,
	RECEIVE = joint_summary_recv,
	SEND = joint_summary_send,
	ALIGNMENT = double,
	STORAGE = plain
);
COMMENT ON TYPE joint_summary IS
	'joint sufficient statistics of 2 to 4 metrics on the same units (n, the means, the co-moment matrix); metric 1 is the first argument of stats_agg; stored and merged with rollup()';

-- comparison: fields compared as float8 (-0 = 0) in the order k, n, means,
-- co-moments; the same rows merged in another order may differ in the last
-- bit and then are not equal
CREATE FUNCTION joint_summary_eq(joint_summary, joint_summary) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION joint_summary_ne(joint_summary, joint_summary) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION joint_summary_lt(joint_summary, joint_summary) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION joint_summary_le(joint_summary, joint_summary) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION joint_summary_gt(joint_summary, joint_summary) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION joint_summary_ge(joint_summary, joint_summary) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION joint_summary_cmp(joint_summary, joint_summary) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION joint_summary_hash(joint_summary) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION joint_summary_hash_extended(joint_summary, bigint) RETURNS bigint
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

CREATE OPERATOR = (
	LEFTARG = joint_summary, RIGHTARG = joint_summary, PROCEDURE = joint_summary_eq,
	COMMUTATOR = =, NEGATOR = <>, RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES
);
CREATE OPERATOR <> (
	LEFTARG = joint_summary, RIGHTARG = joint_summary, PROCEDURE = joint_summary_ne,
	COMMUTATOR = <>, NEGATOR = =, RESTRICT = neqsel, JOIN = neqjoinsel
);
CREATE OPERATOR < (
	LEFTARG = joint_summary, RIGHTARG = joint_summary, PROCEDURE = joint_summary_lt,
	COMMUTATOR = >, NEGATOR = >=, RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
CREATE OPERATOR <= (
	LEFTARG = joint_summary, RIGHTARG = joint_summary, PROCEDURE = joint_summary_le,
	COMMUTATOR = >=, NEGATOR = >, RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
CREATE OPERATOR > (
	LEFTARG = joint_summary, RIGHTARG = joint_summary, PROCEDURE = joint_summary_gt,
	COMMUTATOR = <, NEGATOR = <=, RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
CREATE OPERATOR >= (
	LEFTARG = joint_summary, RIGHTARG = joint_summary, PROCEDURE = joint_summary_ge,
	COMMUTATOR = <=, NEGATOR = <, RESTRICT = scalargesel, JOIN = scalargejoinsel
);

COMMENT ON OPERATOR =(joint_summary, joint_summary) IS 'equal joint summaries (k, n, means, co-moments equal as float8)';
COMMENT ON OPERATOR <>(joint_summary, joint_summary) IS 'different joint summaries';
COMMENT ON OPERATOR <(joint_summary, joint_summary) IS 'before, in the total order on (k, n, means, co-moments)';
COMMENT ON OPERATOR <=(joint_summary, joint_summary) IS 'before or equal, in the total order on (k, n, means, co-moments)';
COMMENT ON OPERATOR >(joint_summary, joint_summary) IS 'after, in the total order on (k, n, means, co-moments)';
COMMENT ON OPERATOR >=(joint_summary, joint_summary) IS 'after or equal, in the total order on (k, n, means, co-moments)';

CREATE OPERATOR CLASS joint_summary_ops DEFAULT FOR TYPE joint_summary USING btree AS
	OPERATOR 1 <,
	OPERATOR 2 <=,
	OPERATOR 3 =,
	OPERATOR 4 >=,
	OPERATOR 5 >,
	FUNCTION 1 joint_summary_cmp(joint_summary, joint_summary);
CREATE OPERATOR CLASS joint_summary_hash_ops DEFAULT FOR TYPE joint_summary USING hash AS
	OPERATOR 1 =,
	FUNCTION 1 joint_summary_hash(joint_summary),
	FUNCTION 2 joint_summary_hash_extended(joint_summary, bigint);

-- aggregate states: real fixed-length types (not internal), so that a
-- distributed engine can push the aggregates down and move states as text
CREATE TYPE joint_pair_state;
CREATE FUNCTION joint_pair_state_in(cstring) RETURNS joint_pair_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION joint_pair_state_out(joint_pair_state) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION joint_pair_state_recv(internal) RETURNS joint_pair_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION joint_pair_state_send(joint_pair_state) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE joint_pair_state (
	INTERNALLENGTH = 64,
	INPUT = joint_pair_state_in,
	OUTPUT = joint_pair_state_out,
	RECEIVE = joint_pair_state_recv,
	SEND = joint_pair_state_send,
	ALIGNMENT = double,
	STORAGE = plain
);
COMMENT ON TYPE joint_pair_state IS
	'transition state of stats_agg(y, x): n, the two means with their low-order parts, the co-moments (not a storage format: store joint_summary)';

CREATE TYPE joint_state;
CREATE FUNCTION joint_state_in(cstring) RETURNS joint_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION joint_state_out(joint_state) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION joint_state_recv(internal) RETURNS joint_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION joint_state_send(joint_state) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE joint_state (
	INTERNALLENGTH = 160,
	INPUT = joint_state_in,
	OUTPUT = joint_state_out,
	RECEIVE = joint_state_recv,
	SEND = joint_state_send,
	ALIGNMENT = double,
	STORAGE = plain
);
COMMENT ON TYPE joint_state IS
	'transition state of stats_agg(y, x, z [, w]) and rollup(joint_summary): k, n, the means with their low-order parts, the co-moments (not a storage format: store joint_summary)';

CREATE FUNCTION joint_pair_transfn(joint_pair_state, float8, float8) RETURNS joint_pair_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION joint_pair_combine(joint_pair_state, joint_pair_state) RETURNS joint_pair_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION joint_pair_finalfn(joint_pair_state) RETURNS joint_summary
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION joint_transfn(joint_state, float8, float8, float8) RETURNS joint_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION joint_transfn(joint_state, float8, float8, float8, float8) RETURNS joint_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION joint_rollup_transfn(joint_state, joint_summary) RETURNS joint_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION joint_state_combine(joint_state, joint_state) RETURNS joint_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION joint_state_finalfn(joint_state) RETURNS joint_summary
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE AGGREGATE stats_agg(y float8, x float8) (
	SFUNC = joint_pair_transfn,
	STYPE = joint_pair_state,
	INITCOND = 'v1 k=2 n=0',
	FINALFUNC = joint_pair_finalfn,
	COMBINEFUNC = joint_pair_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE stats_agg(float8, float8) IS
	'joint summary of two metrics (metric 1 = y, metric 2 = x): n, means, co-moments; rows with a NULL are skipped; NULL for no rows';

CREATE AGGREGATE stats_agg(y float8, x float8, z float8) (
	SFUNC = joint_transfn,
	STYPE = joint_state,
	INITCOND = 'v1 k=3 n=0',
	FINALFUNC = joint_state_finalfn,
	COMBINEFUNC = joint_state_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE stats_agg(float8, float8, float8) IS
	'joint summary of three metrics (metrics 1, 2, 3 = y, x, z): n, means, co-moments; rows with a NULL are skipped; NULL for no rows';

CREATE AGGREGATE stats_agg(y float8, x float8, z float8, w float8) (
	SFUNC = joint_transfn,
	STYPE = joint_state,
	INITCOND = 'v1 k=4 n=0',
	FINALFUNC = joint_state_finalfn,
	COMBINEFUNC = joint_state_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE stats_agg(float8, float8, float8, float8) IS
	'joint summary of four metrics (metrics 1..4 = y, x, z, w): n, means, co-moments; rows with a NULL are skipped; NULL for no rows';

CREATE AGGREGATE rollup(summary joint_summary) (
	SFUNC = joint_rollup_transfn,
	STYPE = joint_state,
	INITCOND = 'v1 n=0',
	FINALFUNC = joint_state_finalfn,
	COMBINEFUNC = joint_state_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE rollup(joint_summary) IS
	'merge stored joint summaries of the same metrics into one (Chan-Golub-LeVeque / Pebay); NULL inputs are skipped';

-- accessors (metric i = the i-th argument of stats_agg, from 1)
CREATE FUNCTION n(s joint_summary) RETURNS bigint
	AS 'MODULE_PATHNAME', 'joint_n' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION n(joint_summary) IS 'number of units (rows without NULLs) summarized';
CREATE FUNCTION k(s joint_summary) RETURNS integer
	AS 'MODULE_PATHNAME', 'joint_k' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION k(joint_summary) IS 'number of metrics (2 to 4)';
CREATE FUNCTION mean(s joint_summary, i integer) RETURNS float8
	AS 'MODULE_PATHNAME', 'joint_mean' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION mean(joint_summary, integer) IS
	'mean of metric i (1 = the first argument of stats_agg)';
CREATE FUNCTION variance(s joint_summary, i integer) RETURNS float8
	AS 'MODULE_PATHNAME', 'joint_variance' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION variance(joint_summary, integer) IS
	'sample variance of metric i (1 = the first argument of stats_agg; denominator n - 1); NULL when n < 2';
CREATE FUNCTION covariance(s joint_summary, i integer, j integer) RETURNS float8
	AS 'MODULE_PATHNAME', 'joint_covariance' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION covariance(joint_summary, integer, integer) IS
	'sample covariance of metrics i and j (1 = the first argument of stats_agg; denominator n - 1, as covar_samp and R cov); NULL when n < 2';
CREATE FUNCTION correlation(s joint_summary, i integer, j integer) RETURNS float8
	AS 'MODULE_PATHNAME', 'joint_correlation' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION correlation(joint_summary, integer, integer) IS
	'Pearson correlation of metrics i and j (1 = the first argument of stats_agg; as corr and R cor); NULL when n < 2 or a variance is 0';
CREATE FUNCTION metric(s joint_summary, i integer) RETURNS stats_summary
	AS 'MODULE_PATHNAME', 'joint_metric' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION metric(joint_summary, integer) IS
	'metric i (1 = the first argument of stats_agg) as a stats_summary (n, mean, M2; skewness, kurtosis and range unknown), for t_test and the other stats_summary functions';

-- Pearson's correlation test (R's cor.test)
CREATE TYPE cor_test_result AS (
	statistic float8,
	df float8,
	p_value float8,
	estimate float8,
	ci_lower float8,
	ci_upper float8,
	method text
);
COMMENT ON TYPE cor_test_result IS
	'result of cor_test(): t statistic, degrees of freedom (n - 2), p-value, estimate (Pearson''s r), Fisher-z confidence interval, method';

CREATE FUNCTION cor_test(s joint_summary, i integer DEFAULT 1, j integer DEFAULT 2,
						 alternative text DEFAULT 'two-sided',
						 conf_level float8 DEFAULT 0.95)
	RETURNS cor_test_result
	AS 'MODULE_PATHNAME', 'joint_cor_test' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cor_test(joint_summary, integer, integer, text, float8) IS
	'Pearson''s correlation test of metrics i and j (1 = the first argument of stats_agg): t with n - 2 df, Fisher-z interval (R cor.test(x, y))';

-- support functions (called by PostgreSQL, not by users)
COMMENT ON FUNCTION joint_summary_in(cstring) IS 'joint_summary text input (validates the v1 format)';
COMMENT ON FUNCTION joint_summary_out(joint_summary) IS 'joint_summary text output (v1 format, exact round trip)';
COMMENT ON FUNCTION joint_summary_recv(internal) IS 'joint_summary binary input (validates version, k and fields)';
COMMENT ON FUNCTION joint_summary_send(joint_summary) IS 'joint_summary binary output';
COMMENT ON FUNCTION joint_summary_eq(joint_summary, joint_summary) IS 'implementation of = for joint_summary';
COMMENT ON FUNCTION joint_summary_ne(joint_summary, joint_summary) IS 'implementation of <> for joint_summary';
COMMENT ON FUNCTION joint_summary_lt(joint_summary, joint_summary) IS 'implementation of < for joint_summary';
COMMENT ON FUNCTION joint_summary_le(joint_summary, joint_summary) IS 'implementation of <= for joint_summary';
COMMENT ON FUNCTION joint_summary_gt(joint_summary, joint_summary) IS 'implementation of > for joint_summary';
COMMENT ON FUNCTION joint_summary_ge(joint_summary, joint_summary) IS 'implementation of >= for joint_summary';
COMMENT ON FUNCTION joint_summary_cmp(joint_summary, joint_summary) IS 'btree comparison for joint_summary';
COMMENT ON FUNCTION joint_summary_hash(joint_summary) IS 'hash of a joint_summary (-0 hashed as 0)';
COMMENT ON FUNCTION joint_summary_hash_extended(joint_summary, bigint) IS 'seeded 64-bit hash of a joint_summary';
COMMENT ON FUNCTION joint_pair_state_in(cstring) IS 'joint_pair_state text input (validates; accepts empty and overflowed states)';
COMMENT ON FUNCTION joint_pair_state_out(joint_pair_state) IS 'joint_pair_state text output (exact, with the means'' low-order parts)';
COMMENT ON FUNCTION joint_state_in(cstring) IS 'joint_state text input (validates; accepts empty and overflowed states)';
COMMENT ON FUNCTION joint_state_out(joint_state) IS 'joint_state text output (exact, with the means'' low-order parts)';
COMMENT ON FUNCTION joint_pair_state_recv(internal) IS 'joint_pair_state binary input (validates; accepts empty and overflowed states)';
COMMENT ON FUNCTION joint_pair_state_send(joint_pair_state) IS 'joint_pair_state binary output';
COMMENT ON FUNCTION joint_state_recv(internal) IS 'joint_state binary input (validates; accepts empty and overflowed states)';
COMMENT ON FUNCTION joint_state_send(joint_state) IS 'joint_state binary output';
COMMENT ON FUNCTION joint_pair_transfn(joint_pair_state, float8, float8) IS 'stats_agg(y, x) transition: one multivariate Welford update';
COMMENT ON FUNCTION joint_pair_combine(joint_pair_state, joint_pair_state) IS 'combine two stats_agg(y, x) states (either may be empty)';
COMMENT ON FUNCTION joint_pair_finalfn(joint_pair_state) IS 'final function of stats_agg(y, x): NULL for no rows';
COMMENT ON FUNCTION joint_transfn(joint_state, float8, float8, float8) IS 'stats_agg(y, x, z) transition: one multivariate Welford update';
COMMENT ON FUNCTION joint_transfn(joint_state, float8, float8, float8, float8) IS 'stats_agg(y, x, z, w) transition: one multivariate Welford update';
COMMENT ON FUNCTION joint_rollup_transfn(joint_state, joint_summary) IS 'rollup(joint_summary) transition: merge one stored summary';
COMMENT ON FUNCTION joint_state_combine(joint_state, joint_state) IS 'combine two joint_state values (either may be empty)';
COMMENT ON FUNCTION joint_state_finalfn(joint_state) IS 'final function of stats_agg(y, x, z [, w]) and rollup(joint_summary): NULL for no rows';
