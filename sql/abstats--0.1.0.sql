-- abstats: statistics and A/B-test analysis inside PostgreSQL.
-- This file is assembled from sql/install/*.sql at build time.
-- Objects are created in the extension's schema; nothing names a schema.

\echo Use "CREATE EXTENSION abstats" to load this file. \quit
-- ---------------------------------------------------------------------
-- stats_summary: stored, mergeable sufficient statistics of a sample
-- ---------------------------------------------------------------------

CREATE TYPE stats_summary;

CREATE FUNCTION stats_summary_in(cstring) RETURNS stats_summary
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION stats_summary_out(stats_summary) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION stats_summary_recv(internal) RETURNS stats_summary
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION stats_summary_send(stats_summary) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE stats_summary (
	INTERNALLENGTH = 64,
	INPUT = stats_summary_in,
	OUTPUT = stats_summary_out,
	RECEIVE = stats_summary_recv,
	SEND = stats_summary_send,
	ALIGNMENT = double,
	STORAGE = plain
);
COMMENT ON TYPE stats_summary IS
	'sufficient statistics of a numeric sample (n, mean, central moments M2..M4, min, max); stored and merged with rollup()';

-- A two-sided interval, the result of mean_ci() and other interval functions.
CREATE TYPE confidence_interval AS (lower float8, upper float8);
COMMENT ON TYPE confidence_interval IS 'a confidence interval (lower, upper)';

CREATE FUNCTION stats_summary(n bigint, mean float8, sd float8) RETURNS stats_summary
	AS 'MODULE_PATHNAME', 'stats_summary_make' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION stats_summary(bigint, float8, float8) IS
	'a summary from published numbers (n, mean, sample sd); skewness, kurtosis, min and max are then unknown';

-- aggregate support
CREATE FUNCTION stats_agg_transfn(internal, float8) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION stats_summary_rollup_transfn(internal, stats_summary) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION stats_summary_combine(internal, internal) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION stats_summary_serialize(internal) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION stats_summary_deserialize(bytea, internal) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION stats_summary_finalfn(internal) RETURNS stats_summary
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE AGGREGATE stats_agg(value float8) (
	SFUNC = stats_agg_transfn,
	STYPE = internal,
	SSPACE = 72,
	FINALFUNC = stats_summary_finalfn,
	COMBINEFUNC = stats_summary_combine,
	SERIALFUNC = stats_summary_serialize,
	DESERIALFUNC = stats_summary_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE stats_agg(float8) IS
	'one-pass summary (n, mean, M2..M4, min, max) of the non-NULL values; NULL for no rows';

CREATE AGGREGATE rollup(summary stats_summary) (
	SFUNC = stats_summary_rollup_transfn,
	STYPE = internal,
	SSPACE = 72,
	FINALFUNC = stats_summary_finalfn,
	COMBINEFUNC = stats_summary_combine,
	SERIALFUNC = stats_summary_serialize,
	DESERIALFUNC = stats_summary_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE rollup(stats_summary) IS
	'merge stored summaries (e.g. daily rows of a materialized view) into one';

-- accessors
CREATE FUNCTION n(s stats_summary) RETURNS bigint
	AS 'MODULE_PATHNAME', 'stats_summary_n' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION n(stats_summary) IS 'number of values summarized';
CREATE FUNCTION mean(s stats_summary) RETURNS float8
	AS 'MODULE_PATHNAME', 'stats_summary_mean' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION mean(stats_summary) IS 'arithmetic mean';
CREATE FUNCTION variance(s stats_summary) RETURNS float8
	AS 'MODULE_PATHNAME', 'stats_summary_variance' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION variance(stats_summary) IS 'sample variance (denominator n - 1); NULL when n < 2';
CREATE FUNCTION stddev(s stats_summary) RETURNS float8
	AS 'MODULE_PATHNAME', 'stats_summary_stddev' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION stddev(stats_summary) IS 'sample standard deviation (denominator n - 1); NULL when n < 2';
CREATE FUNCTION var_pop(s stats_summary) RETURNS float8
	AS 'MODULE_PATHNAME', 'stats_summary_var_pop' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION var_pop(stats_summary) IS 'population variance (denominator n)';
CREATE FUNCTION stddev_pop(s stats_summary) RETURNS float8
	AS 'MODULE_PATHNAME', 'stats_summary_stddev_pop' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION stddev_pop(stats_summary) IS 'population standard deviation (denominator n)';
CREATE FUNCTION sem(s stats_summary) RETURNS float8
	AS 'MODULE_PATHNAME', 'stats_summary_sem' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION sem(stats_summary) IS 'standard error of the mean, stddev / sqrt(n); NULL when n < 2';
CREATE FUNCTION skewness(s stats_summary) RETURNS float8
	AS 'MODULE_PATHNAME', 'stats_summary_skewness' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION skewness(stats_summary) IS
	'adjusted Fisher-Pearson skewness G1 (scipy skew(bias=False)); NULL when n < 3, zero variance or unknown';
CREATE FUNCTION kurtosis(s stats_summary) RETURNS float8
	AS 'MODULE_PATHNAME', 'stats_summary_kurtosis' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kurtosis(stats_summary) IS
	'excess kurtosis G2 (scipy kurtosis(bias=False)); NULL when n < 4, zero variance or unknown';
CREATE FUNCTION min_value(s stats_summary) RETURNS float8
	AS 'MODULE_PATHNAME', 'stats_summary_min_value' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION min_value(stats_summary) IS 'smallest value; NULL when unknown';
CREATE FUNCTION max_value(s stats_summary) RETURNS float8
	AS 'MODULE_PATHNAME', 'stats_summary_max_value' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION max_value(stats_summary) IS 'largest value; NULL when unknown';
CREATE FUNCTION mean_ci(s stats_summary, conf_level float8 DEFAULT 0.95) RETURNS confidence_interval
	AS 'MODULE_PATHNAME', 'stats_summary_mean_ci' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION mean_ci(stats_summary, float8) IS
	't-based confidence interval for the mean (as R t.test(x)$conf.int); NULL bounds when n < 2';

-- support functions (called by PostgreSQL, not by users)
COMMENT ON FUNCTION stats_summary_in(cstring) IS 'stats_summary text input (validates the v1 format)';
COMMENT ON FUNCTION stats_summary_out(stats_summary) IS 'stats_summary text output (v1 format, exact round trip)';
COMMENT ON FUNCTION stats_summary_recv(internal) IS 'stats_summary binary input (validates version, flags and fields)';
COMMENT ON FUNCTION stats_summary_send(stats_summary) IS 'stats_summary binary output';
COMMENT ON FUNCTION stats_agg_transfn(internal, float8) IS 'stats_agg transition: one Welford/Pebay update';
COMMENT ON FUNCTION stats_summary_rollup_transfn(internal, stats_summary) IS 'rollup transition: merge one stored summary';
COMMENT ON FUNCTION stats_summary_combine(internal, internal) IS 'combine two partial states (either may be empty)';
COMMENT ON FUNCTION stats_summary_serialize(internal) IS 'serialize a partial state for parallel query';
COMMENT ON FUNCTION stats_summary_deserialize(bytea, internal) IS 'deserialize a partial state for parallel query';
COMMENT ON FUNCTION stats_summary_finalfn(internal) IS 'final function of stats_agg and rollup: NULL for no rows';
-- ---------------------------------------------------------------------
-- Distribution functions, as R's: p* (CDF, lower_tail => false for the
-- upper tail computed directly), q* (quantile), d* (density or mass).
-- Accurate to 1e-10 relative against R across the ranges tested in
-- sql/distributions.sql (see src/dist.c).
-- ---------------------------------------------------------------------

-- normal

CREATE FUNCTION pnorm(q float8, mean float8 DEFAULT 0, sd float8 DEFAULT 1, lower_tail boolean DEFAULT true) RETURNS float8
	AS 'MODULE_PATHNAME', 'abstats_pnorm' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION pnorm(float8, float8, float8, boolean) IS
	'normal distribution function P[X <= q] (upper tail P[X > q] with lower_tail => false), as R''s pnorm';

CREATE FUNCTION qnorm(p float8, mean float8 DEFAULT 0, sd float8 DEFAULT 1, lower_tail boolean DEFAULT true) RETURNS float8
	AS 'MODULE_PATHNAME', 'abstats_qnorm' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION qnorm(float8, float8, float8, boolean) IS
	'normal quantile function, as R''s qnorm';

CREATE FUNCTION dnorm(x float8, mean float8 DEFAULT 0, sd float8 DEFAULT 1) RETURNS float8
	AS 'MODULE_PATHNAME', 'abstats_dnorm' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dnorm(float8, float8, float8) IS
	'normal density, as R''s dnorm';

-- Student t

CREATE FUNCTION pt(q float8, df float8, lower_tail boolean DEFAULT true) RETURNS float8
	AS 'MODULE_PATHNAME', 'abstats_pt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION pt(float8, float8, boolean) IS
	'Student t distribution function P[X <= q] (upper tail P[X > q] with lower_tail => false), as R''s pt';

CREATE FUNCTION qt(p float8, df float8, lower_tail boolean DEFAULT true) RETURNS float8
	AS 'MODULE_PATHNAME', 'abstats_qt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION qt(float8, float8, boolean) IS
	'Student t quantile function, as R''s qt';

CREATE FUNCTION dt(x float8, df float8) RETURNS float8
	AS 'MODULE_PATHNAME', 'abstats_dt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dt(float8, float8) IS
	'Student t density, as R''s dt';

-- chi-squared

CREATE FUNCTION pchisq(q float8, df float8, lower_tail boolean DEFAULT true) RETURNS float8
	AS 'MODULE_PATHNAME', 'abstats_pchisq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION pchisq(float8, float8, boolean) IS
	'chi-squared distribution function P[X <= q] (upper tail P[X > q] with lower_tail => false), as R''s pchisq';

CREATE FUNCTION qchisq(p float8, df float8, lower_tail boolean DEFAULT true) RETURNS float8
	AS 'MODULE_PATHNAME', 'abstats_qchisq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION qchisq(float8, float8, boolean) IS
	'chi-squared quantile function, as R''s qchisq';

CREATE FUNCTION dchisq(x float8, df float8) RETURNS float8
	AS 'MODULE_PATHNAME', 'abstats_dchisq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dchisq(float8, float8) IS
	'chi-squared density, as R''s dchisq';

-- F

CREATE FUNCTION pf(q float8, df1 float8, df2 float8, lower_tail boolean DEFAULT true) RETURNS float8
	AS 'MODULE_PATHNAME', 'abstats_pf' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION pf(float8, float8, float8, boolean) IS
	'F distribution function P[X <= q] (upper tail P[X > q] with lower_tail => false), as R''s pf';

CREATE FUNCTION qf(p float8, df1 float8, df2 float8, lower_tail boolean DEFAULT true) RETURNS float8
	AS 'MODULE_PATHNAME', 'abstats_qf' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION qf(float8, float8, float8, boolean) IS
	'F quantile function, as R''s qf';

CREATE FUNCTION df(x float8, df1 float8, df2 float8) RETURNS float8
	AS 'MODULE_PATHNAME', 'abstats_df' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION df(float8, float8, float8) IS
	'F density, as R''s df';

-- beta

CREATE FUNCTION pbeta(q float8, shape1 float8, shape2 float8, lower_tail boolean DEFAULT true) RETURNS float8
	AS 'MODULE_PATHNAME', 'abstats_pbeta' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION pbeta(float8, float8, float8, boolean) IS
	'beta distribution function P[X <= q] (upper tail P[X > q] with lower_tail => false), as R''s pbeta';

CREATE FUNCTION qbeta(p float8, shape1 float8, shape2 float8, lower_tail boolean DEFAULT true) RETURNS float8
	AS 'MODULE_PATHNAME', 'abstats_qbeta' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION qbeta(float8, float8, float8, boolean) IS
	'beta quantile function, as R''s qbeta';

CREATE FUNCTION dbeta(x float8, shape1 float8, shape2 float8) RETURNS float8
	AS 'MODULE_PATHNAME', 'abstats_dbeta' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dbeta(float8, float8, float8) IS
	'beta density, as R''s dbeta';

-- binomial

CREATE FUNCTION pbinom(q float8, size float8, prob float8, lower_tail boolean DEFAULT true) RETURNS float8
	AS 'MODULE_PATHNAME', 'abstats_pbinom' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION pbinom(float8, float8, float8, boolean) IS
	'binomial distribution function P[X <= q] (upper tail P[X > q] with lower_tail => false), as R''s pbinom';

CREATE FUNCTION qbinom(p float8, size float8, prob float8, lower_tail boolean DEFAULT true) RETURNS float8
	AS 'MODULE_PATHNAME', 'abstats_qbinom' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION qbinom(float8, float8, float8, boolean) IS
	'binomial quantile function, as R''s qbinom';

CREATE FUNCTION dbinom(x float8, size float8, prob float8) RETURNS float8
	AS 'MODULE_PATHNAME', 'abstats_dbinom' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dbinom(float8, float8, float8) IS
	'binomial probability P[X = x] (0 unless x is a whole number), as R''s dbinom';

-- Poisson

CREATE FUNCTION ppois(q float8, lambda float8, lower_tail boolean DEFAULT true) RETURNS float8
	AS 'MODULE_PATHNAME', 'abstats_ppois' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ppois(float8, float8, boolean) IS
	'Poisson distribution function P[X <= q] (upper tail P[X > q] with lower_tail => false), as R''s ppois';

CREATE FUNCTION qpois(p float8, lambda float8, lower_tail boolean DEFAULT true) RETURNS float8
	AS 'MODULE_PATHNAME', 'abstats_qpois' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION qpois(float8, float8, boolean) IS
	'Poisson quantile function, as R''s qpois';

CREATE FUNCTION dpois(x float8, lambda float8) RETURNS float8
	AS 'MODULE_PATHNAME', 'abstats_dpois' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dpois(float8, float8) IS
	'Poisson probability P[X = x] (0 unless x is a whole number), as R''s dpois';
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
-- ---------------------------------------------------------------------
-- Power, sample size and minimum detectable effect (src/power*.c)
-- ---------------------------------------------------------------------

CREATE FUNCTION pt(q float8, df float8, ncp float8, lower_tail boolean DEFAULT true)
	RETURNS float8
	AS 'MODULE_PATHNAME', 'pt_noncentral' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION pt(float8, float8, float8, boolean) IS
	'noncentral t distribution function P[T <= q] (R pt(q, df, ncp, lower.tail)); Lenth''s AS 243';

CREATE TYPE power_t_test_result AS (
	n float8,
	n2 float8,
	delta float8,
	sd float8,
	sig_level float8,
	power float8
);
COMMENT ON TYPE power_t_test_result IS
	'result of power_t_test(): n per group (n2 = ratio * n for two-sample designs), delta, sd, sig_level, power';

CREATE FUNCTION power_t_test(n float8 DEFAULT NULL, delta float8 DEFAULT NULL,
							 sd float8 DEFAULT 1, sig_level float8 DEFAULT 0.05,
							 power float8 DEFAULT NULL, type text DEFAULT 'two.sample',
							 alternative text DEFAULT 'two-sided', strict boolean DEFAULT false,
							 ratio float8 DEFAULT 1)
	RETURNS power_t_test_result
	AS 'MODULE_PATHNAME', 'power_t_test' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION power_t_test(float8, float8, float8, float8, float8, text, text, boolean, float8) IS
	'power of a t test, or the n, delta, sd or sig_level reaching a given power (R power.t.test; ratio = n2/n1 as pwr.t2n.test); leave exactly one of n, delta, sd, sig_level, power NULL';

CREATE TYPE power_prop_test_result AS (
	n float8,
	n2 float8,
	p1 float8,
	p2 float8,
	sig_level float8,
	power float8
);
COMMENT ON TYPE power_prop_test_result IS
	'result of power_prop_test(): n per group (n2 = ratio * n), p1, p2, sig_level, power';

CREATE FUNCTION power_prop_test(n float8 DEFAULT NULL, p1 float8 DEFAULT NULL,
								p2 float8 DEFAULT NULL, sig_level float8 DEFAULT 0.05,
								power float8 DEFAULT NULL, alternative text DEFAULT 'two-sided',
								strict boolean DEFAULT false, ratio float8 DEFAULT 1)
	RETURNS power_prop_test_result
	AS 'MODULE_PATHNAME', 'power_prop_test' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION power_prop_test(float8, float8, float8, float8, float8, text, boolean, float8) IS
	'power of the two-proportion z test, or the n, p1, p2 or sig_level reaching a given power (R power.prop.test; ratio = n2/n1); leave exactly one of n, p1, p2, sig_level, power NULL';

CREATE FUNCTION power_curve(n float8 DEFAULT NULL, delta float8 DEFAULT NULL,
							sd float8 DEFAULT 1, sig_level float8 DEFAULT 0.05,
							type text DEFAULT 'two.sample', alternative text DEFAULT 'two-sided',
							strict boolean DEFAULT false, ratio float8 DEFAULT 1,
							delta_from float8 DEFAULT NULL, delta_to float8 DEFAULT NULL,
							n_from float8 DEFAULT NULL, n_to float8 DEFAULT NULL,
							steps integer DEFAULT 21)
	RETURNS TABLE (n float8, delta float8, power float8)
	AS 'MODULE_PATHNAME', 'power_curve' LANGUAGE C IMMUTABLE PARALLEL SAFE
	ROWS 21;
COMMENT ON FUNCTION power_curve(float8, float8, float8, float8, text, text, boolean, float8, float8, float8, float8, float8, integer) IS
	't test power (as power_t_test) at steps evenly spaced points: give n with delta_from/delta_to, or delta with n_from/n_to';

CREATE TYPE sample_size_check_result AS (
	n_treatment bigint,
	n_control bigint,
	n_required_treatment bigint,
	n_required_control bigint,
	enough boolean,
	power_at_current_n float8,
	mde_at_current_n float8
);
COMMENT ON TYPE sample_size_check_result IS
	'result of sample_size_check(): current and required sizes per arm, whether the current ones suffice, the power now and the effect detectable now';

CREATE FUNCTION sample_size_check(treatment stats_summary, control stats_summary, mde float8,
								  relative boolean DEFAULT false, sig_level float8 DEFAULT 0.05,
								  power float8 DEFAULT 0.8)
	RETURNS sample_size_check_result
	AS 'MODULE_PATHNAME', 'sample_size_check' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION sample_size_check(stats_summary, stats_summary, float8, boolean, float8, float8) IS
	'has the experiment enough data to detect mde (absolute, or relative to the control mean)? two-sided Welch test with the observed variances and allocation';
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
	ci_upper float8
);
COMMENT ON TYPE binom_test_result IS
	'result of binom_test: exact p-value, x / n and its Clopper-Pearson interval';

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
-- ---------------------------------------------------------------------
-- Count tables (chisq_test, fisher_test) and experiment health
-- (srm_test, interaction_test)
-- ---------------------------------------------------------------------

CREATE TYPE chisq_test_result AS (statistic float8, df float8, p_value float8);
COMMENT ON TYPE chisq_test_result IS 'result of chisq_test(): Pearson''s X-squared, its degrees of freedom and p-value';

CREATE FUNCTION chisq_test(observed bigint[], p float8[] DEFAULT NULL, correct boolean DEFAULT true)
	RETURNS chisq_test_result
	AS 'MODULE_PATHNAME', 'chisq_test' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION chisq_test(bigint[], float8[], boolean) IS
	'Pearson''s chi-squared test as R chisq.test: a 1-D array is goodness of fit against p (uniform when NULL, rescaled to sum 1); a 2-D array is a test of independence, with Yates'' correction for 2x2 tables when correct';

CREATE TYPE fisher_test_result AS (p_value float8, odds_ratio float8, ci_lower float8, ci_upper float8);
COMMENT ON TYPE fisher_test_result IS 'result of fisher_test(): p-value, conditional MLE of the odds ratio and its exact confidence interval';

CREATE FUNCTION fisher_test(a bigint, b bigint, c bigint, d bigint,
		alternative text DEFAULT 'two-sided', conf_level float8 DEFAULT 0.95)
	RETURNS fisher_test_result
	AS 'MODULE_PATHNAME', 'fisher_test' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION fisher_test(bigint, bigint, bigint, bigint, text, float8) IS
	'Fisher''s exact test for the 2x2 table [[a, b], [c, d]] as R fisher.test: p-value, conditional maximum-likelihood odds ratio and exact confidence interval';

CREATE TYPE srm_test_result AS (statistic float8, df float8, p_value float8, mismatch boolean);
COMMENT ON TYPE srm_test_result IS 'result of srm_test(): chi-squared goodness of fit of assignment counts, and mismatch = p_value < threshold';

CREATE FUNCTION srm_test(observed bigint[], weights float8[] DEFAULT NULL, threshold float8 DEFAULT 0.001)
	RETURNS srm_test_result
	AS 'MODULE_PATHNAME', 'srm_test' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION srm_test(bigint[], float8[], float8) IS
	'sample-ratio mismatch check: chi-squared test of assignment counts against the configured split weights (equal when NULL); mismatch = p_value < threshold';

CREATE TYPE interaction_test_result AS (estimate float8, std_error float8, statistic float8, df float8,
	p_value float8, ci_lower float8, ci_upper float8);
COMMENT ON TYPE interaction_test_result IS 'result of interaction_test(): difference in A''s effect between B''s arms, Welch t test';

CREATE FUNCTION interaction_test(a0b0 stats_summary, a0b1 stats_summary, a1b0 stats_summary, a1b1 stats_summary,
		alternative text DEFAULT 'two-sided', conf_level float8 DEFAULT 0.95)
	RETURNS interaction_test_result
	AS 'MODULE_PATHNAME', 'interaction_test' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION interaction_test(stats_summary, stats_summary, stats_summary, stats_summary, text, float8) IS
	'interaction of two overlapping experiments: (mean(a1b1) - mean(a0b1)) - (mean(a1b0) - mean(a0b0)), Welch t test with Satterthwaite degrees of freedom for four cells';
