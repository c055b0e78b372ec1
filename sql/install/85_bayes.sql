-- ---------------------------------------------------------------------
-- Bayesian readouts: chance to win and expected loss
-- ---------------------------------------------------------------------

CREATE TYPE bayes_test_result AS (
	estimate float8,
	ci_lower float8,
	ci_upper float8,
	std_error float8,
	rel_estimate float8,
	rel_ci_lower float8,
	rel_ci_upper float8,
	rel_std_error float8,
	chance_to_win float8,
	loss_treatment float8,
	loss_control float8,
	treatment_mean float8,
	control_mean float8,
	variance_reduction float8,
	theta float8[],
	method text
);
COMMENT ON TYPE bayes_test_result IS
	'result of bayes_test(): the posterior of the difference of means (estimate, credible interval, posterior sd) or of the relative effect (rel_*), chance to win P(effect > 0), expected losses of choosing the treatment and the control, the two means, the variance reduction and coefficients of CUPED forms, method';

CREATE FUNCTION bayes_test(treatment stats_summary, control stats_summary,
						   prior_mean float8 DEFAULT 0,
						   prior_sd float8 DEFAULT NULL,
						   relative boolean DEFAULT true,
						   conf_level float8 DEFAULT 0.95)
	RETURNS bayes_test_result
	AS 'MODULE_PATHNAME', 'bayes_test_summary' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION bayes_test(stats_summary, stats_summary, float8, float8, boolean, float8) IS
	'Bayesian readout of mean(treatment) vs mean(control), GrowthBook''s Gaussian model of the relative effect (or of the difference with relative => false): chance to win, expected losses, posterior mean and credible interval; prior N(prior_mean, prior_sd^2) on the lift (NULL prior_sd: flat)';

CREATE FUNCTION bayes_ratio_test(treatment joint_summary, control joint_summary,
								 prior_mean float8 DEFAULT 0,
								 prior_sd float8 DEFAULT NULL,
								 relative boolean DEFAULT true,
								 conf_level float8 DEFAULT 0.95)
	RETURNS bayes_test_result
	AS 'MODULE_PATHNAME', 'bayes_ratio_test' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION bayes_ratio_test(joint_summary, joint_summary, float8, float8, boolean, float8) IS
	'Bayesian readout (as bayes_test) of a ratio-of-means metric, metric 1 / metric 2 by the delta method as ratio_test (with 4 metrics CUPED-adjusted by the pre-period ratio)';

CREATE FUNCTION bayes_cuped_test(treatment joint_summary, control joint_summary,
								 prior_mean float8 DEFAULT 0,
								 prior_sd float8 DEFAULT NULL,
								 relative boolean DEFAULT true,
								 conf_level float8 DEFAULT 0.95,
								 theta float8[] DEFAULT NULL)
	RETURNS bayes_test_result
	AS 'MODULE_PATHNAME', 'bayes_cuped_test' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION bayes_cuped_test(joint_summary, joint_summary, float8, float8, boolean, float8, float8[]) IS
	'Bayesian readout (as bayes_test) of metric 1 regression-adjusted (CUPED) by metrics 2..k as cuped_test (theta NULL: least squares on both arms)';

CREATE TYPE bayes_prop_test_result AS (
	estimate float8,
	std_error float8,
	chance_to_win float8,
	loss_treatment float8,
	loss_control float8,
	treatment_mean float8,
	control_mean float8,
	method text
);
COMMENT ON TYPE bayes_prop_test_result IS
	'result of bayes_prop_test(): posterior mean and sd of p1 - p2, chance to win P(p1 > p2), expected losses E[max(p2 - p1, 0)] and E[max(p1 - p2, 0)], the posterior means of p1 and p2, method';

CREATE FUNCTION bayes_prop_test(x1 bigint, n1 bigint, x2 bigint, n2 bigint,
								prior_alpha float8 DEFAULT 1,
								prior_beta float8 DEFAULT 1)
	RETURNS bayes_prop_test_result
	AS 'MODULE_PATHNAME', 'bayes_prop_test' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION bayes_prop_test(bigint, bigint, bigint, bigint, float8, float8) IS
	'Bayesian comparison of two proportions (arm 1 the treatment) with Beta(prior_alpha, prior_beta) priors: chance to win P(p1 > p2) and expected losses, to 1e-10 relative for counts up to 1e9';
