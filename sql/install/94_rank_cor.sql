-- ---------------------------------------------------------------------
-- Rank correlation tests over paired rows (R's cor.test with method =
-- "spearman" / "kendall"; added in 0.2.0)
-- ---------------------------------------------------------------------

CREATE TYPE rank_cor_test_result AS (
	statistic float8,
	p_value float8,
	estimate float8,
	n bigint,
	method text
);
COMMENT ON TYPE rank_cor_test_result IS
	'result of rank_cor_test(): S (Spearman), T or z (Kendall; method says which), p-value, rho or tau-b, complete pairs, method';

CREATE FUNCTION rank_cor_test_transfn(internal, float8, float8) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION rank_cor_test_transfn(internal, float8, float8, text) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION rank_cor_test_transfn(internal, float8, float8, text, text) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION rank_cor_test_combine(internal, internal) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION rank_cor_test_serialize(internal) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION rank_cor_test_deserialize(bytea, internal) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION rank_cor_test_finalfn(internal) RETURNS rank_cor_test_result
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE AGGREGATE rank_cor_test(x float8, y float8) (
	SFUNC = rank_cor_test_transfn,
	STYPE = internal,
	SSPACE = 160000,
	FINALFUNC = rank_cor_test_finalfn,
	COMBINEFUNC = rank_cor_test_combine,
	SERIALFUNC = rank_cor_test_serialize,
	DESERIALFUNC = rank_cor_test_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE rank_cor_test(float8, float8) IS
	'Spearman''s rank correlation test over paired rows (R cor.test(x, y, method = "spearman")); rows with a NULL are skipped';

CREATE AGGREGATE rank_cor_test(x float8, y float8, method text) (
	SFUNC = rank_cor_test_transfn,
	STYPE = internal,
	SSPACE = 160000,
	FINALFUNC = rank_cor_test_finalfn,
	COMBINEFUNC = rank_cor_test_combine,
	SERIALFUNC = rank_cor_test_serialize,
	DESERIALFUNC = rank_cor_test_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE rank_cor_test(float8, float8, text) IS
	'rank correlation test over paired rows, method ''spearman'' or ''kendall'' (the same on every row): R cor.test(x, y, method =)';

CREATE AGGREGATE rank_cor_test(x float8, y float8, method text, alternative text) (
	SFUNC = rank_cor_test_transfn,
	STYPE = internal,
	SSPACE = 160000,
	FINALFUNC = rank_cor_test_finalfn,
	COMBINEFUNC = rank_cor_test_combine,
	SERIALFUNC = rank_cor_test_serialize,
	DESERIALFUNC = rank_cor_test_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE rank_cor_test(float8, float8, text, text) IS
	'rank correlation test over paired rows, method ''spearman'' or ''kendall'', alternative ''two-sided'', ''less'' or ''greater'' (the same on every row): R cor.test(x, y, method =, alternative =)';

COMMENT ON FUNCTION rank_cor_test_transfn(internal, float8, float8) IS 'rank_cor_test transition: collect one complete pair';
COMMENT ON FUNCTION rank_cor_test_transfn(internal, float8, float8, text) IS 'rank_cor_test transition: collect one complete pair, check method';
COMMENT ON FUNCTION rank_cor_test_transfn(internal, float8, float8, text, text) IS 'rank_cor_test transition: collect one complete pair, check method and alternative';
COMMENT ON FUNCTION rank_cor_test_combine(internal, internal) IS 'combine two partial rank_cor_test states';
COMMENT ON FUNCTION rank_cor_test_serialize(internal) IS 'serialize a partial rank_cor_test state for parallel query';
COMMENT ON FUNCTION rank_cor_test_deserialize(bytea, internal) IS 'deserialize a partial rank_cor_test state for parallel query';
COMMENT ON FUNCTION rank_cor_test_finalfn(internal) IS 'final function of rank_cor_test: the test on the collected pairs';
