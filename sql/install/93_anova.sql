-- ---------------------------------------------------------------------
-- One-way analysis of means over per-arm summaries (R's oneway.test;
-- added in 0.2.0)
-- ---------------------------------------------------------------------

CREATE TYPE anova_test_result AS (
	statistic float8,
	df1 float8,
	df2 float8,
	p_value float8,
	n_arms integer,
	n bigint,
	method text
);
COMMENT ON TYPE anova_test_result IS
	'result of anova_test(): F, its numerator and denominator degrees of freedom, p-value, number of arms, observations in all arms, method';

CREATE FUNCTION anova_test_transfn(internal, text, stats_summary) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION anova_test_transfn(internal, text, stats_summary, boolean) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION anova_test_combine(internal, internal) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION anova_test_serialize(internal) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION anova_test_deserialize(bytea, internal) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION anova_test_finalfn(internal) RETURNS anova_test_result
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;

-- anova_test(arm, s): Welch's test, R's oneway.test default
CREATE AGGREGATE anova_test(arm text, s stats_summary) (
	SFUNC = anova_test_transfn,
	STYPE = internal,
	SSPACE = 1024,
	FINALFUNC = anova_test_finalfn,
	COMBINEFUNC = anova_test_combine,
	SERIALFUNC = anova_test_serialize,
	DESERIALFUNC = anova_test_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE anova_test(text, stats_summary) IS
	'one-way analysis of means over per-arm summaries, rows of one arm merged: Welch''s test (R oneway.test(var.equal = FALSE))';

-- anova_test(arm, s, equal_var): the classic F test with equal_var = true
CREATE AGGREGATE anova_test(arm text, s stats_summary, equal_var boolean) (
	SFUNC = anova_test_transfn,
	STYPE = internal,
	SSPACE = 1024,
	FINALFUNC = anova_test_finalfn,
	COMBINEFUNC = anova_test_combine,
	SERIALFUNC = anova_test_serialize,
	DESERIALFUNC = anova_test_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE anova_test(text, stats_summary, boolean) IS
	'one-way analysis of means over per-arm summaries, rows of one arm merged: the classic F test when equal_var (R oneway.test(var.equal = TRUE), anova(lm)), Welch''s otherwise; equal_var must be the same on every row';

COMMENT ON FUNCTION anova_test_transfn(internal, text, stats_summary) IS 'anova_test transition: merge one labelled summary into its arm';
COMMENT ON FUNCTION anova_test_transfn(internal, text, stats_summary, boolean) IS 'anova_test transition: merge one labelled summary into its arm, check equal_var';
COMMENT ON FUNCTION anova_test_combine(internal, internal) IS 'combine two partial anova_test states (arms merged by label)';
COMMENT ON FUNCTION anova_test_serialize(internal) IS 'serialize a partial anova_test state for parallel query';
COMMENT ON FUNCTION anova_test_deserialize(bytea, internal) IS 'deserialize a partial anova_test state for parallel query';
COMMENT ON FUNCTION anova_test_finalfn(internal) IS 'final function of anova_test: the one-way test over the arms';
