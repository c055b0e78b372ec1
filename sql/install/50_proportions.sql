-- ---------------------------------------------------------------------
-- Proportions: prop_test, binom_test, prop_ci (src/proportions*.c)
-- ---------------------------------------------------------------------

CREATE TYPE prop_test_result AS (
	statistic float8,
	p_value float8,
	estimate1 float8,
	estimate2 float8,
	estimate float8,
	ci_lower float8,
	ci_upper float8,
	method text
);
COMMENT ON TYPE prop_test_result IS
	'result of prop_test: signed z (its square is R''s X-squared), p-value, the proportions, their difference (or the one proportion) with its confidence interval, and a description';

CREATE TYPE binom_test_result AS (
	p_value float8,
	estimate float8,
	ci_lower float8,
	ci_upper float8,
	method text
);
COMMENT ON TYPE binom_test_result IS
	'result of binom_test: exact p-value, x / n and its Clopper-Pearson interval, method';

CREATE FUNCTION prop_test(x1 bigint, n1 bigint, x2 bigint, n2 bigint,
						  alternative text DEFAULT 'two-sided',
						  conf_level float8 DEFAULT 0.95,
						  correct boolean DEFAULT false,
						  ci_method text DEFAULT 'newcombe')
	RETURNS prop_test_result
	AS 'MODULE_PATHNAME', 'prop_test_two_sample' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION prop_test(bigint, bigint, bigint, bigint, text, float8, boolean, text) IS
	'two-proportion score test as R prop.test(c(x1, x2), c(n1, n2), correct = correct); estimate = x1/n1 - x2/n2 with a ''newcombe'' (default), ''wald'' (R''s interval) or ''agresti-caffo'' interval';

CREATE FUNCTION prop_test(x bigint, n bigint, p float8 DEFAULT 0.5,
						  alternative text DEFAULT 'two-sided',
						  conf_level float8 DEFAULT 0.95,
						  correct boolean DEFAULT false)
	RETURNS prop_test_result
	AS 'MODULE_PATHNAME', 'prop_test_one_sample' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION prop_test(bigint, bigint, float8, text, float8, boolean) IS
	'one-proportion score test with Wilson interval, as R prop.test(x, n, p, correct = correct)';

CREATE FUNCTION binom_test(x bigint, n bigint, p float8 DEFAULT 0.5,
						   alternative text DEFAULT 'two-sided',
						   conf_level float8 DEFAULT 0.95)
	RETURNS binom_test_result
	AS 'MODULE_PATHNAME', 'binom_test' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION binom_test(bigint, bigint, float8, text, float8) IS
	'exact binomial test with Clopper-Pearson interval, as R binom.test(x, n, p)';

CREATE FUNCTION prop_ci(x bigint, n bigint, conf_level float8 DEFAULT 0.95,
						method text DEFAULT 'wilson')
	RETURNS confidence_interval
	AS 'MODULE_PATHNAME', 'prop_ci' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION prop_ci(bigint, bigint, float8, text) IS
	'confidence interval for x / n: ''wilson'' (default), ''wald'', ''agresti-coull'', ''clopper-pearson'' or ''jeffreys'', as statsmodels proportion_confint';
