-- ---------------------------------------------------------------------
-- The difference of two samples' quantiles, with order-statistic
-- intervals (GrowthBook's quantile metrics, Deng, Knoblich & Lu 2018;
-- added in 0.2.0)
-- ---------------------------------------------------------------------

CREATE TYPE quantile_test_result AS (
	statistic float8,
	p_value float8,
	estimate float8,
	ci_lower float8,
	ci_upper float8,
	std_error float8,
	rel_estimate float8,
	rel_ci_lower float8,
	rel_ci_upper float8,
	rel_std_error float8,
	rel_ci_kind text,
	treatment_quantile float8,
	control_quantile float8,
	treatment_ci_lower float8,
	treatment_ci_upper float8,
	control_ci_lower float8,
	control_ci_upper float8,
	method text
);
COMMENT ON TYPE quantile_test_result IS
	'result of quantile_test(): z, p-value, the difference of the q-quantiles (treatment - control) with its interval and standard error, the relative difference (delta method), each arm''s quantile and order-statistic interval, method';

CREATE FUNCTION quantile_test(treatment stats_sample, control stats_sample,
							  q float8 DEFAULT 0.5,
							  conf_level float8 DEFAULT 0.95,
							  alternative text DEFAULT 'two-sided',
							  mu float8 DEFAULT 0)
	RETURNS quantile_test_result
	AS 'MODULE_PATHNAME', 'quantile_test_sql' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION quantile_test(stats_sample, stats_sample, float8, float8, text, float8) IS
	'difference of the q-quantiles of two samples (R quantile type 7) with standard errors from order-statistic intervals (Woodruff 1952; Deng, Knoblich & Lu 2018, as GrowthBook''s quantile metrics), normal test of H0: difference = mu, relative difference by the delta method';
