-- ---------------------------------------------------------------------
-- t-tests on summaries (R's t.test)
-- ---------------------------------------------------------------------

CREATE TYPE t_test_result AS (
	statistic float8,
	df float8,
	p_value float8,
	estimate float8,
	ci_lower float8,
	ci_upper float8,
	std_error float8,
	method text
);
COMMENT ON TYPE t_test_result IS
	'result of t_test(): t statistic, degrees of freedom, p-value, estimate (mean, or difference of means), confidence interval, standard error, method';

CREATE FUNCTION t_test(x stats_summary, mu float8 DEFAULT 0,
					   alternative text DEFAULT 'two-sided',
					   conf_level float8 DEFAULT 0.95)
	RETURNS t_test_result
	AS 'MODULE_PATHNAME', 't_test_one_sample' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION t_test(stats_summary, float8, text, float8) IS
	'one-sample t-test of mean = mu (R t.test(x, mu=)); paired test: t_test(stats_agg(after - before))';

CREATE FUNCTION t_test(x stats_summary, y stats_summary,
					   alternative text DEFAULT 'two-sided',
					   mu float8 DEFAULT 0,
					   equal_var boolean DEFAULT false,
					   conf_level float8 DEFAULT 0.95)
	RETURNS t_test_result
	AS 'MODULE_PATHNAME', 't_test_two_sample' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION t_test(stats_summary, stats_summary, text, float8, boolean, float8) IS
	'two-sample t-test of mean(x) - mean(y) = mu: Welch (default) or Student pooled with equal_var => true (R t.test(x, y, var.equal=))';
