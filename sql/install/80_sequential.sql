-- ---------------------------------------------------------------------
-- Always-valid (sequential) inference: asymptotic confidence sequences
-- ---------------------------------------------------------------------

CREATE TYPE sequential_test_result AS (
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
	treatment_mean float8,
	control_mean float8,
	variance_reduction float8,
	theta float8[],
	e_value float8,
	method text
);
COMMENT ON TYPE sequential_test_result IS
	'result of sequential_test(): z statistic, always-valid p-value, difference of means with its confidence sequence and standard error, relative effect (delta method) with its sequence, the two means, the variance reduction and coefficients of CUPED forms, the normal-mixture e-value, method';

CREATE FUNCTION sequential_test(treatment stats_summary, control stats_summary,
								tuning float8 DEFAULT 5000,
								alternative text DEFAULT 'two-sided',
								conf_level float8 DEFAULT 0.95)
	RETURNS sequential_test_result
	AS 'MODULE_PATHNAME', 'sequential_test_summary' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION sequential_test(stats_summary, stats_summary, float8, text, float8) IS
	'always-valid test of mean(treatment) - mean(control): asymptotic confidence sequence (Waudby-Smith et al. 2024) tightest near tuning = N* units in both arms, normal-mixture p-value valid at every look';

CREATE FUNCTION sequential_ratio_test(treatment joint_summary, control joint_summary,
									  tuning float8 DEFAULT 5000,
									  alternative text DEFAULT 'two-sided',
									  conf_level float8 DEFAULT 0.95)
	RETURNS sequential_test_result
	AS 'MODULE_PATHNAME', 'sequential_ratio_test' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION sequential_ratio_test(joint_summary, joint_summary, float8, text, float8) IS
	'always-valid test of a ratio-of-means metric (metric 1 / metric 2, delta method; with 4 metrics CUPED-adjusted by the pre-period ratio), as ratio_test: the confidence sequence of sequential_test on the linearized unit-level values';

CREATE FUNCTION sequential_cuped_test(treatment joint_summary, control joint_summary,
									  tuning float8 DEFAULT 5000,
									  alternative text DEFAULT 'two-sided',
									  conf_level float8 DEFAULT 0.95,
									  theta float8[] DEFAULT NULL)
	RETURNS sequential_test_result
	AS 'MODULE_PATHNAME', 'sequential_cuped_test' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION sequential_cuped_test(joint_summary, joint_summary, float8, text, float8, float8[]) IS
	'always-valid test of metric 1 regression-adjusted (CUPED) by metrics 2..k, as cuped_test (theta NULL: least squares on both arms): the confidence sequence of sequential_test on the adjusted unit-level values';
