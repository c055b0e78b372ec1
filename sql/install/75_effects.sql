-- ---------------------------------------------------------------------
-- The dashboard row: absolute and relative effect, ratio metrics, CUPED
-- (src/effects*.c)
-- ---------------------------------------------------------------------

CREATE TYPE ab_test_result AS (
	statistic float8,
	df float8,
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
	treatment_mean float8,
	control_mean float8,
	variance_reduction float8,
	theta float8[],
	method text
);
COMMENT ON TYPE ab_test_result IS
	'result of ab_test(), ratio_test(), cuped_test(): the absolute t-test (statistic .. std_error), the relative effect treatment / control - 1 with its interval (rel_*; rel_ci_kind interval, exclusive or unbounded), the arm means, the variance reduction and coefficients of an adjustment, method';

CREATE FUNCTION ab_test(treatment stats_summary, control stats_summary,
						alternative text DEFAULT 'two-sided',
						mu float8 DEFAULT 0,
						equal_var boolean DEFAULT false,
						conf_level float8 DEFAULT 0.95,
						relative_ci text DEFAULT 'fieller')
	RETURNS ab_test_result
	AS 'MODULE_PATHNAME', 'ab_test' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ab_test(stats_summary, stats_summary, text, float8, boolean, float8, text) IS
	'the dashboard row of an A/B test: t_test(treatment, control, ...) plus the relative effect treatment / control - 1 with a Fieller (default), delta-method or log-ratio interval';

CREATE FUNCTION ratio_test(treatment joint_summary, control joint_summary,
						   alternative text DEFAULT 'two-sided',
						   mu float8 DEFAULT 0,
						   equal_var boolean DEFAULT false,
						   conf_level float8 DEFAULT 0.95,
						   relative_ci text DEFAULT 'fieller')
	RETURNS ab_test_result
	AS 'MODULE_PATHNAME', 'ratio_test' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ratio_test(joint_summary, joint_summary, text, float8, boolean, float8, text) IS
	'the dashboard row of a ratio-of-means metric, mean(metric 1) / mean(metric 2) per arm (e.g. orders per session with users randomized): delta-method Welch t-test; with 4 metrics adjusted by the pre-period ratio metric 3 / metric 4 (CUPED)';

CREATE FUNCTION cuped_test(treatment joint_summary, control joint_summary,
						   alternative text DEFAULT 'two-sided',
						   mu float8 DEFAULT 0,
						   equal_var boolean DEFAULT false,
						   conf_level float8 DEFAULT 0.95,
						   relative_ci text DEFAULT 'fieller',
						   theta float8[] DEFAULT NULL)
	RETURNS ab_test_result
	AS 'MODULE_PATHNAME', 'cuped_test' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION cuped_test(joint_summary, joint_summary, text, float8, boolean, float8, text, float8[]) IS
	'the dashboard row of metric 1 regression-adjusted (CUPED) by the pre-experiment covariates metrics 2..k; theta NULL: least squares on both arms, else the given coefficients';

CREATE FUNCTION sample_size_check_relative(treatment stats_summary, control stats_summary,
										   mde float8, relative_ci text DEFAULT 'fieller',
										   sig_level float8 DEFAULT 0.05,
										   power float8 DEFAULT 0.8)
	RETURNS sample_size_check_result
	AS 'MODULE_PATHNAME', 'sample_size_check_relative' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION sample_size_check_relative(stats_summary, stats_summary, float8, text, float8, float8) IS
	'has the experiment enough data for ab_test''s relative interval (fieller, delta or log) to exclude 0 when the true relative effect is mde (0.05 = +5%)? observed variances and allocation';

CREATE FUNCTION sample_size_check_ratio(treatment joint_summary, control joint_summary,
										mde float8, relative boolean DEFAULT false,
										sig_level float8 DEFAULT 0.05,
										power float8 DEFAULT 0.8,
										relative_ci text DEFAULT 'fieller')
	RETURNS sample_size_check_result
	AS 'MODULE_PATHNAME', 'sample_size_check_ratio' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION sample_size_check_ratio(joint_summary, joint_summary, float8, boolean, float8, float8, text) IS
	'has the experiment enough data to detect mde on ratio_test''s ratio metric (metric 1 / metric 2, adjusted by metric 3 / metric 4 when given)? the delta-method variances set the size';

CREATE FUNCTION sample_size_check_cuped(treatment joint_summary, control joint_summary,
										mde float8, relative boolean DEFAULT false,
										sig_level float8 DEFAULT 0.05,
										power float8 DEFAULT 0.8,
										relative_ci text DEFAULT 'fieller',
										theta float8[] DEFAULT NULL)
	RETURNS sample_size_check_result
	AS 'MODULE_PATHNAME', 'sample_size_check_cuped' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION sample_size_check_cuped(joint_summary, joint_summary, float8, boolean, float8, float8, text, float8[]) IS
	'has the experiment enough data to detect mde on cuped_test''s adjusted metric (metric 1 adjusted by metrics 2..k)? the adjusted variance sets the size';
