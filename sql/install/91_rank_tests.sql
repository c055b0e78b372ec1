-- ---------------------------------------------------------------------
-- Rank tests on stats_sample (R's wilcox.test, ks.test, kruskal.test;
-- added in 0.2.0)
-- ---------------------------------------------------------------------

CREATE TYPE mann_whitney_test_result AS (
	statistic float8,
	p_value float8,
	estimate float8,
	ci_lower float8,
	ci_upper float8,
	method text
);
COMMENT ON TYPE mann_whitney_test_result IS
	'result of mann_whitney_test(): W (pairs with treatment - mu > control, ties 1/2), p-value, Hodges-Lehmann shift estimate and its confidence interval, method';

CREATE TYPE signed_rank_test_result AS (
	statistic float8,
	p_value float8,
	estimate float8,
	ci_lower float8,
	ci_upper float8,
	method text
);
COMMENT ON TYPE signed_rank_test_result IS
	'result of signed_rank_test(): V (sum of the ranks of |x - mu| over x > mu), p-value, pseudo-median estimate and its confidence interval, method';

CREATE TYPE ks_test_result AS (
	statistic float8,
	p_value float8,
	method text
);
COMMENT ON TYPE ks_test_result IS
	'result of ks_test(): D (or D^+, D^-), p-value, method';

CREATE TYPE kruskal_test_result AS (
	statistic float8,
	df float8,
	p_value float8,
	method text
);
COMMENT ON TYPE kruskal_test_result IS
	'result of kruskal_test(): Kruskal-Wallis chi-squared, degrees of freedom, p-value, method';

-- exact DEFAULT NULL (decide by the sample sizes, as R): not STRICT; a NULL
-- in any other argument gives NULL
CREATE FUNCTION mann_whitney_test(treatment stats_sample, control stats_sample,
								  alternative text DEFAULT 'two-sided',
								  mu float8 DEFAULT 0,
								  correct boolean DEFAULT true,
								  exact boolean DEFAULT NULL,
								  conf_level float8 DEFAULT 0.95)
	RETURNS mann_whitney_test_result
	AS 'MODULE_PATHNAME', 'mann_whitney_test_sql' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION mann_whitney_test(stats_sample, stats_sample, text, float8, boolean, boolean, float8) IS
	'Wilcoxon-Mann-Whitney rank sum test of a location shift mu, with the Hodges-Lehmann estimate and interval (R wilcox.test(treatment, control, conf.int = TRUE))';

CREATE FUNCTION signed_rank_test(x stats_sample,
								 mu float8 DEFAULT 0,
								 alternative text DEFAULT 'two-sided',
								 correct boolean DEFAULT true,
								 exact boolean DEFAULT NULL,
								 conf_level float8 DEFAULT 0.95)
	RETURNS signed_rank_test_result
	AS 'MODULE_PATHNAME', 'signed_rank_test_sql' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION signed_rank_test(stats_sample, float8, text, boolean, boolean, float8) IS
	'Wilcoxon signed rank test of location mu, with the pseudo-median and its interval (R wilcox.test(x, mu =, conf.int = TRUE)); paired: signed_rank_test(sample_agg(after - before))';

CREATE FUNCTION ks_test(treatment stats_sample, control stats_sample,
						alternative text DEFAULT 'two-sided',
						exact boolean DEFAULT NULL)
	RETURNS ks_test_result
	AS 'MODULE_PATHNAME', 'ks_test_sql' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION ks_test(stats_sample, stats_sample, text, boolean) IS
	'two-sample Kolmogorov-Smirnov test (R 4.2 ks.test(treatment, control)), exact when n1 * n2 < 10000';

-- kruskal_test(arm, sample): an aggregate over labelled per-arm samples
CREATE FUNCTION kruskal_test_transfn(internal, text, stats_sample) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION kruskal_test_combine(internal, internal) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION kruskal_test_serialize(internal) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION kruskal_test_deserialize(bytea, internal) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION kruskal_test_finalfn(internal) RETURNS kruskal_test_result
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE AGGREGATE kruskal_test(arm text, sample stats_sample) (
	SFUNC = kruskal_test_transfn,
	STYPE = internal,
	SSPACE = 800000,
	FINALFUNC = kruskal_test_finalfn,
	COMBINEFUNC = kruskal_test_combine,
	SERIALFUNC = kruskal_test_serialize,
	DESERIALFUNC = kruskal_test_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE kruskal_test(text, stats_sample) IS
	'Kruskal-Wallis rank sum test over per-arm samples, rows of one arm merged (R kruskal.test); NULL fields when an arm has no values';

COMMENT ON FUNCTION kruskal_test_transfn(internal, text, stats_sample) IS 'kruskal_test transition: add one labelled sample to its arm';
COMMENT ON FUNCTION kruskal_test_combine(internal, internal) IS 'combine two partial kruskal_test states (arms merged by label)';
COMMENT ON FUNCTION kruskal_test_serialize(internal) IS 'serialize a partial kruskal_test state for parallel query';
COMMENT ON FUNCTION kruskal_test_deserialize(bytea, internal) IS 'deserialize a partial kruskal_test state for parallel query';
COMMENT ON FUNCTION kruskal_test_finalfn(internal) IS 'final function of kruskal_test: the test over the arms';
