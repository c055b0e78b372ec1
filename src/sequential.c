/*-------------------------------------------------------------------------
 *
 * sequential.c
 *	  Always-valid inference for A/B tests that are looked at every day:
 *	  the asymptotic confidence sequence of Waudby-Smith, Arbour, Sinha,
 *	  Kennedy & Ramdas, "Time-uniform central limit theory and asymptotic
 *	  confidence sequences", Annals of Statistics 52(6), 2024 (arXiv
 *	  2103.06476), with the parameterization and the one-sided boundary of
 *	  GrowthBook's gbstats, and the always-valid p-value of the same
 *	  normal mixture (Johari, Koomen, Pekelis & Walsh, "Always valid
 *	  inference: continuous monitoring of A/B tests", Operations Research
 *	  70(3), 2022; arXiv 1512.04922).
 *
 * The model.  After N = n_T + n_C units, the difference of means has an
 * estimate D with (Welch) standard error se.  Write sigma^2 = N se^2 for
 * the variance per unit and S = N D / sigma = sqrt(N) z, z = D / se, for
 * the standardized sum.  Mixing the Gaussian likelihood ratio
 * exp(lambda S - lambda^2 N / 2) over lambda ~ N(0, rho^2) gives the
 * normal-mixture e-value (the paper's eq. (9) construction; Robbins 1970)
 *
 *	E = integral exp(lambda S - lambda^2 N / 2) dN(0, rho^2)(lambda)
 *	  = exp(v z^2 / (2 (1 + v))) / sqrt(1 + v),		v = N rho^2,
 *
 * which (asymptotically, by the strong approximation of the paper) is a
 * nonnegative supermartingale under H0, so by Ville's inequality
 * P(exists N: E_N >= 1/alpha) <= alpha.  Inverting E < 1/alpha in D gives
 * the two-sided confidence sequence
 *
 *	D -/+ se sqrt((1 + 1/v) (log(1 + v) - 2 log alpha)),
 *
 * which is GrowthBook's sequential_interval_halfwidth written without the
 * N^2 rho^2 that cancels; p = min(1, 1/E).
 *
 * One side ('greater'; 'less' is its mirror image).  Mixing over
 * lambda >= 0 only (a half-normal) gives
 *	E+ = 2 exp(w) Phi(sqrt(2 w)) / sqrt(1 + v),	w = v z^2 / (2 (1 + v)),
 * for z >= 0, which needs root finding to invert.  GrowthBook (and we) use
 * the lower bound 1 - Phi(x) <= exp(-x^2/2) to replace it by
 *	E1 = 2 (exp(w) - 1) / sqrt(1 + v)  <=  E+		(z > 0; E1 = 0 for z <= 0),
 * which is still an e-process (dominated by one), and inverts in closed
 * form: the lower bound of the sequence is
 *	D - se sqrt(2 (1 + 1/v) log(1 + sqrt(1 + v) / (2 alpha))),
 * gbstats' sequential_interval_halfwidth_one_sided, which it attributes
 * to eq. (134) of arXiv 2103.06476v7.  gbstats finds the one-sided
 * p-value by bisection over alpha (to 1e-6); here it is the exact inverse
 * p = min(1, 1/E1) = min(1, sqrt(1 + v) / (2 expm1(w))).
 *
 * The tuning parameter.  rho is chosen so that the sequence is nearly
 * tightest at N = N* (`tuning`), as in gbstats:
 *	rho^2 N* = -2 log alpha + log(1 - 2 log alpha)
 * (one-sided: with 2 alpha for alpha, as gbstats).  The exact minimizer of
 * the two-sided width at N* is rho^2 N* = u - 1 where u solves
 * u - log u = 1 - 2 log alpha, i.e. u = -W_{-1}(-alpha^2 / e) (Lambert W);
 * gbstats' value is one fixed-point step u = 1 - 2 log alpha + log u from
 * u = 1 - 2 log alpha.  For alpha = 0.05 it gives rho^2 N* = 7.936 instead
 * of 8.212: the sequence is tightest at N = 1.035 N* instead of N*, and at
 * N* it is wider than the optimum by 0.003%.  The numbers match what
 * GrowthBook users see.
 *
 * The p-value uses the rho of the requested conf_level, so p < 1 -
 * conf_level exactly when the sequence at conf_level excludes 0 (both are
 * the event E >= 1/alpha); at other levels the p-value is still valid,
 * but it is not the smallest alpha whose own sequence excludes 0 (that
 * would change rho with alpha).
 *
 * Relative effect: D_rel = mean_T / mean_C - 1 with the delta-method
 * standard error of GrowthBook and of ab_test(relative_ci => 'delta'),
 *	se_rel^2 = s_T^2 / (n_T mean_C^2) + s_C^2 mean_T^2 / (n_C mean_C^4),
 * and the same multiplier (same N and rho) as the absolute sequence.
 * sequential_test and ab_test(relative_ci => 'delta') report the same
 * estimate, std_error, rel_estimate and rel_std_error; the ratio and
 * CUPED forms run the same on the unit-level values to which the effects
 * family (effects.c) reduces each arm.
 *
 * This file is the pure numerics; the SQL glue is sequential_sql.c.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <float.h>
#include <math.h>

#include "args.h"
#include "sequential.h"
#include "ttest.h"
#include "summary.h"

/*
 * seq_rho: rho = sqrt((-2 log alpha + log(1 - 2 log alpha)) / tuning),
 * gbstats' sequential_rho (see the file comment for how it relates to the
 * exact optimum of Waudby-Smith et al.).
 */
double
seq_rho(double alpha, double tuning)
{
	double		l = -2.0 * log(alpha);

	return sqrt((l + log1p(l)) / tuning);
}

/*
 * seq_v: v = N rho^2 and the level alpha = 1 - conf_level (of both sides
 * together, or of the one side); a one-sided sequence takes rho at
 * 2 alpha (gbstats), which needs conf_level > 0.5 (checked by the caller).
 */
static double
seq_v(double n_total, double tuning, Alternative alt, double conf_level,
	  double *alpha)
{
	double		rho;

	*alpha = 1.0 - conf_level;
	rho = seq_rho(alt == ALT_TWO_SIDED ? *alpha : 2.0 * *alpha, tuning);
	return n_total * rho * rho;
}

/*
 * seq_multiplier: the half-width of the sequence in standard errors,
 *	two-sided  sqrt((1 + 1/v) (log(1 + v) - 2 log alpha)),
 *	one-sided  sqrt(2 (1 + 1/v) log(1 + sqrt(1 + v) / (2 alpha))).
 */
static double
seq_multiplier(double v, Alternative alt, double alpha)
{
	if (alt == ALT_TWO_SIDED)
		return sqrt((1.0 + 1.0 / v) * (log1p(v) - 2.0 * log(alpha)));
	return sqrt(2.0 * (1.0 + 1.0 / v) * log1p(sqrt(1.0 + v) / (2.0 * alpha)));
}

/*
 * seq_bounds: the confidence sequence D -/+ se * multiplier; one-sided
 * sequences have an infinite bound.
 */
void
seq_bounds(double estimate, double se, double n_total, double tuning,
		   Alternative alt, double conf_level, double *lower, double *upper)
{
	double		alpha;
	double		v = seq_v(n_total, tuning, alt, conf_level, &alpha);
	double		h = se * seq_multiplier(v, alt, alpha);

	*lower = alt == ALT_LESS ? -INFINITY : estimate - h;
	*upper = alt == ALT_GREATER ? INFINITY : estimate + h;
}

/*
 * seq_log_evalue: log of the e-value at z = estimate / se, in logs so that
 * neither it nor the p-value overflows:
 *	two-sided	log E  = w - log(1 + v) / 2,	w = v z^2 / (2 (1 + v)),
 *	one-sided	log E1 = log 2 + log(expm1(w)) - log(1 + v) / 2 on the side
 *				of the alternative, -Infinity (E1 = 0) on the other.
 */
double
seq_log_evalue(double z, double n_total, double tuning, Alternative alt,
			   double conf_level)
{
	double		alpha;
	double		v = seq_v(n_total, tuning, alt, conf_level, &alpha);
	double		w = v / (1.0 + v) * (z * z / 2.0);
	double		half_log_u = 0.5 * log1p(v);
	double		log_expm1;

	if (isnan(z))
		return NAN;
	if (alt == ALT_TWO_SIDED)
		return w - half_log_u;
	if ((alt == ALT_GREATER && !(z > 0.0)) || (alt == ALT_LESS && !(z < 0.0)))
		return -INFINITY;
	/* log(expm1(w)) = w + log1p(-exp(-w)), accurate for large w too */
	log_expm1 = w > 1.0 ? w + log1p(-exp(-w)) : log(expm1(w));
	return M_LN2 + log_expm1 - half_log_u;
}

/*
 * seq_effect: fill the result from an absolute effect (estimate, se) and
 * a relative one (rel_estimate, rel_se; NAN when undefined), with
 * n_total units in both arms.  An undefined or zero standard error leaves
 * everything but the estimates undefined.  flip_rel (a negative control
 * mean: the relative effect falls as the absolute one rises) mirrors the
 * one-sided relative sequence, as ab_test's relative intervals.
 */
void
seq_effect(double estimate, double se, double rel_estimate, double rel_se,
		   bool flip_rel, double n_total, double tuning, Alternative alt,
		   double conf_level, SeqResult *r)
{
	double		log_e;

	r->estimate = estimate;
	r->std_error = se;
	r->rel_estimate = rel_estimate;
	r->rel_std_error = rel_se;
	r->statistic = NAN;
	r->p_value = NAN;
	r->e_value = NAN;
	r->ci_lower = NAN;
	r->ci_upper = NAN;
	r->rel_ci_lower = NAN;
	r->rel_ci_upper = NAN;
	r->variance_reduction = NAN;
	r->ntheta = 0;
	snprintf(r->method, sizeof(r->method),
			 "Asymptotic confidence sequence (Waudby-Smith et al. 2024), N* = %g",
			 tuning);

	if (!(se > 0.0) || !isfinite(se))
	{
		r->rel_std_error = NAN;
		return;
	}
	r->statistic = estimate / se;
	seq_bounds(estimate, se, n_total, tuning, alt, conf_level,
			   &r->ci_lower, &r->ci_upper);
	log_e = seq_log_evalue(r->statistic, n_total, tuning, alt, conf_level);
	r->e_value = exp(log_e);
	r->p_value = exp(fmin(0.0, -log_e));

	if (rel_se > 0.0 && isfinite(rel_se) && isfinite(rel_estimate))
	{
		/* a negative control mean mirrors a one-sided relative sequence */
		Alternative rel_alt = alt;

		if (flip_rel && alt != ALT_TWO_SIDED)
			rel_alt = alt == ALT_GREATER ? ALT_LESS : ALT_GREATER;
		seq_bounds(rel_estimate, rel_se, n_total, tuning, rel_alt, conf_level,
				   &r->rel_ci_lower, &r->rel_ci_upper);
	}
	else
		r->rel_std_error = NAN;
}

/*
 * seq_arm_effects: the estimates of two arms reduced to unit-level
 * (n, mean, M2), bit for bit those of ab_test (effects.c) and t_test
 * (ttest.c), which sql/sequential.sql checks: D = mean_T - mean_C with
 * t_test's Welch standard error (ttest_welch; NAN, as t_test's statistic,
 * when n < 2 in an arm or the standard error is below the rounding noise
 * of the means: R's "data are essentially constant"), and D_rel =
 * D / mean_C with ab_test's delta-method standard error
 * hypot(sqrt(a), |mean_T / mean_C| sqrt(b)) / |mean_C|, a = M2_T /
 * (n_T - 1) / n_T, b likewise (NAN when mean_C = 0).  Not called through
 * effects_two_sample(), which also computes the t test's quantiles (a
 * tenth of a millisecond per call that nothing here uses).
 */
void
seq_arm_effects(const Moments *t, const Moments *c, double *estimate,
				double *se, double *rel_estimate, double *rel_se)
{
	double		y1 = t->mean;
	double		y2 = c->mean;

	*estimate = y1 - y2;
	*rel_estimate = y2 != 0.0 ? *estimate / y2 : NAN;
	*se = NAN;
	*rel_se = NAN;
	if (t->n >= 2 && c->n >= 2)
	{
		double		a = t->m2 / ((double) t->n - 1.0) / (double) t->n;
		double		b = c->m2 / ((double) c->n - 1.0) / (double) c->n;
		double		s,
					df;

		ttest_welch(t, c, &s, &df);
		if (ttest_essentially_constant(s, fmax(fabs(y1), fabs(y2))))
			return;
		*se = s;
		if (y2 != 0.0)
			*rel_se = hypot(sqrt(a), fabs(y1 / y2) * sqrt(b)) / fabs(y2);
	}
}

/*
 * seq_two_sample: the sequence of two arms reduced to unit-level
 * (n, mean, M2): sequential_test() on two summaries, and on the adjusted
 * arms of the ratio and CUPED forms.
 */
void
seq_two_sample(const Moments *t, const Moments *c, double tuning,
			   Alternative alt, double conf_level, SeqResult *r)
{
	double		estimate,
				se,
				rel_estimate,
				rel_se;

	seq_arm_effects(t, c, &estimate, &se, &rel_estimate, &rel_se);
	seq_effect(estimate, se, rel_estimate, rel_se, c->mean < 0.0,
			   (double) t->n + (double) c->n, tuning, alt, conf_level, r);
	r->treatment_mean = t->mean;
	r->control_mean = c->mean;
	r->variance_reduction = NAN;
}
