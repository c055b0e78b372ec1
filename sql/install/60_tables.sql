-- ---------------------------------------------------------------------
-- Count tables (chisq_test, fisher_test) and experiment health
-- (srm_test, interaction_test)
-- ---------------------------------------------------------------------

CREATE TYPE chisq_test_result AS (statistic float8, df float8, p_value float8, method text);
COMMENT ON TYPE chisq_test_result IS 'result of chisq_test(): Pearson''s X-squared, its degrees of freedom and p-value, method';

CREATE FUNCTION chisq_test(observed bigint[], p float8[] DEFAULT NULL, correct boolean DEFAULT true)
	RETURNS chisq_test_result
	AS 'MODULE_PATHNAME', 'chisq_test' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION chisq_test(bigint[], float8[], boolean) IS
	'Pearson''s chi-squared test as R chisq.test: a 1-D array is goodness of fit against p (uniform when NULL, rescaled to sum 1); a 2-D array is a test of independence, with Yates'' correction for 2x2 tables when correct';

CREATE TYPE fisher_test_result AS (p_value float8, odds_ratio float8, ci_lower float8, ci_upper float8,
	method text);
COMMENT ON TYPE fisher_test_result IS 'result of fisher_test(): p-value, conditional MLE of the odds ratio and its exact confidence interval, method';

CREATE FUNCTION fisher_test(a bigint, b bigint, c bigint, d bigint,
		alternative text DEFAULT 'two-sided', conf_level float8 DEFAULT 0.95)
	RETURNS fisher_test_result
	AS 'MODULE_PATHNAME', 'fisher_test' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION fisher_test(bigint, bigint, bigint, bigint, text, float8) IS
	'Fisher''s exact test for the 2x2 table [[a, b], [c, d]] as R fisher.test: p-value, conditional maximum-likelihood odds ratio and exact confidence interval';

CREATE TYPE srm_test_result AS (statistic float8, df float8, p_value float8, mismatch boolean,
	method text);
COMMENT ON TYPE srm_test_result IS 'result of srm_test(): chi-squared goodness of fit of assignment counts, mismatch = p_value < threshold, method';

CREATE FUNCTION srm_test(observed bigint[], weights float8[] DEFAULT NULL, threshold float8 DEFAULT 0.001)
	RETURNS srm_test_result
	AS 'MODULE_PATHNAME', 'srm_test' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION srm_test(bigint[], float8[], float8) IS
	'sample-ratio mismatch check: chi-squared test of assignment counts against the configured split weights (equal when NULL); mismatch = p_value < threshold';

CREATE TYPE interaction_test_result AS (estimate float8, std_error float8, statistic float8, df float8,
	p_value float8, ci_lower float8, ci_upper float8, method text);
COMMENT ON TYPE interaction_test_result IS 'result of interaction_test(): difference in A''s effect between B''s arms, Welch t test, method';

CREATE FUNCTION interaction_test(a0b0 stats_summary, a0b1 stats_summary, a1b0 stats_summary, a1b1 stats_summary,
		alternative text DEFAULT 'two-sided', conf_level float8 DEFAULT 0.95)
	RETURNS interaction_test_result
	AS 'MODULE_PATHNAME', 'interaction_test' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION interaction_test(stats_summary, stats_summary, stats_summary, stats_summary, text, float8) IS
	'interaction of two overlapping experiments: (mean(a1b1) - mean(a0b1)) - (mean(a1b0) - mean(a0b0)), Welch t test with Satterthwaite degrees of freedom for four cells';
