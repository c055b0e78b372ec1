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
	e_value float8,
	method text
);
COMMENT ON TYPE sequential_test_result IS
	'result of sequential_test(): z statistic, always-valid p-value, difference of means with its confidence sequence and standard error, relative effect (delta method) with its sequence, the two means, the normal-mixture e-value, method';

CREATE FUNCTION sequential_test(treatment stats_summary, control stats_summary,
								tuning float8 DEFAULT 5000,
								alternative text DEFAULT 'two-sided',
								conf_level float8 DEFAULT 0.95)
	RETURNS sequential_test_result
	AS 'MODULE_PATHNAME', 'sequential_test_summary' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION sequential_test(stats_summary, stats_summary, float8, text, float8) IS
	'always-valid test of mean(treatment) - mean(control): asymptotic confidence sequence (Waudby-Smith et al. 2024) tightest near tuning = N* units in both arms, normal-mixture p-value valid at every look';
