/*-------------------------------------------------------------------------
 *
 * quantile.c
 *	  Two-sample comparison of q-quantiles with confidence intervals from
 *	  order statistics (pure C): quantile_test().
 *
 * The method is the one GrowthBook documents for its quantile metrics
 * (docs.growthbook.io/statistics/quantile), which follows A. Deng,
 * U. Knoblich & J. Lu (2018), "Applying the Delta Method in Metric
 * Analytics: A Practical Guide with Novel Ideas", KDD 2018, section on
 * quantile metrics, and Algorithm 1 of Yao, Li & Lu (2024) without its
 * cluster adjustment (each value here is one independent unit).  Its core
 * is Woodruff's (1952) idea ("Confidence intervals for medians and other
 * position measures", JASA 47, 635-646): the distribution-free interval
 * for a quantile is bounded by order statistics, and its width divided by
 * 2 z estimates the quantile's standard error without estimating the
 * density; Price & Bonett (2001, "Estimating the variance of the sample
 * median", J. Statist. Comput. Simul. 68, 295-305) use the same estimate
 * for the median.
 *
 * For each arm of n values x(1) <= ... <= x(n), at level q and with
 * z = qnorm(1 - (1 - conf_level) / 2):
 *	- the estimate is the sample quantile, R's quantile(x, q) (type 7, as
 *	  abstats' quantile(s, q));
 *	- the interval [x(r_L), x(r_U)] has the ranks of the normal
 *	  approximation to the binomial count of values below the quantile,
 *	  r = n q -/+ z sqrt(n q (1 - q)), with order statistics at fractional
 *	  ranks interpolated linearly between neighbours (x(r) = the type-7
 *	  quantile at level (r - 1) / (n - 1)); it is defined when
 *	  1 <= r_L and r_U <= n, i.e. when n is large enough for q (about
 *	  n > 4 q / (1 - q) and n > 4 (1 - q) / q at 95%, GrowthBook's
 *	  limits), and undefined (NULL) otherwise;
 *	- the standard error is (x(r_U) - x(r_L)) / (2 z).
 * The arms are independent, so the difference treatment - control has the
 * standard error sqrt(se_t^2 + se_c^2), the statistic z = (difference -
 * mu) / se, its normal p-value for the alternative, and the interval
 * difference -/+ z' se with z' the two-sided or one-sided normal quantile:
 * the p-value is below 1 - conf_level exactly when the interval excludes
 * mu.  The relative difference treatment / control - 1 has the delta-
 * method standard error sqrt(se_t^2 / c^2 + t^2 se_c^2 / c^4) (t, c the
 * arms' quantiles) and the interval rel -/+ z' se_rel, as GrowthBook's
 * lift (its one-sided side mirrored when c < 0, as ab_test does);
 * undefined when the control quantile is 0.
 *
 * What it assumes: independent values, a continuous distribution with a
 * positive density at each arm's quantile (then the sample quantile is
 * asymptotically normal with variance q (1 - q) / (n f(x_q)^2), which the
 * width of the order-statistic interval estimates), and samples large
 * enough for the normal approximations.  Ties at the quantile break it:
 * when x(r_L) = x(r_U) (a median of 0 among mostly-zero revenue) the
 * standard error is 0, and the statistic, p-value and intervals are left
 * undefined, as t_test leaves them for constant data.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "dist.h"
#include "quantile.h"
#include "sample.h"

#define METHOD	"Two-sample quantile test (order-statistic standard errors)"

/*
 * One arm: the estimate, and the order-statistic interval and standard
 * error (NAN when the ranks fall outside 1..n).
 */
static void
quantile_arm(const double *v, int64 n, double q, double z, QuantileArm *a)
{
	double		nn = (double) n;
	double		half = z * sqrt(nn * q * (1.0 - q));
	double		r_lo = nn * q - half;
	double		r_hi = nn * q + half;

	a->quantile = sample_quantile(v, n, q);
	a->ci_lower = a->ci_upper = a->std_error = NAN;
	if (n < 2 || !(r_lo >= 1.0) || !(r_hi <= nn))
		return;
	a->ci_lower = sample_quantile(v, n, (r_lo - 1.0) / (nn - 1.0));
	a->ci_upper = sample_quantile(v, n, (r_hi - 1.0) / (nn - 1.0));
	a->std_error = (a->ci_upper - a->ci_lower) / (2.0 * z);
}

/*
 * The interval est -/+ crit * se for the alternative (one-sided: an
 * infinite bound).
 */
static void
normal_interval(double est, double se, double conf_level, Alternative alt,
				double *lower, double *upper)
{
	double		alpha = 1.0 - conf_level;

	switch (alt)
	{
		case ALT_LESS:
			*lower = -INFINITY;
			*upper = est + dist_qnorm(alpha, 0.0, 1.0, false) * se;
			break;
		case ALT_GREATER:
			*lower = est - dist_qnorm(alpha, 0.0, 1.0, false) * se;
			*upper = INFINITY;
			break;
		default:
			*lower = est - dist_qnorm(alpha / 2.0, 0.0, 1.0, false) * se;
			*upper = est + dist_qnorm(alpha / 2.0, 0.0, 1.0, false) * se;
			break;
	}
}

/*
 * quantile_test: the test of the file comment on sorted samples t[0..nt),
 * c[0..nc); undefined fields NAN.
 */
void
quantile_test(const double *t, int64 nt, const double *c, int64 nc,
			  double q, double conf_level, Alternative alt, double mu,
			  QuantileTestResult *r)
{
	double		z = dist_qnorm((1.0 - conf_level) / 2.0, 0.0, 1.0, false);
	QuantileArm *ta = &r->treatment;
	QuantileArm *ca = &r->control;

	r->method = METHOD;
	quantile_arm(t, nt, q, z, ta);
	quantile_arm(c, nc, q, z, ca);

	r->estimate = ta->quantile - ca->quantile;
	r->std_error = sqrt(ta->std_error * ta->std_error + ca->std_error * ca->std_error);
	r->statistic = r->p_value = r->ci_lower = r->ci_upper = NAN;
	if (r->std_error > 0.0)
	{
		r->statistic = (r->estimate - mu) / r->std_error;
		switch (alt)
		{
			case ALT_LESS:
				r->p_value = dist_pnorm(r->statistic, 0.0, 1.0, true);
				break;
			case ALT_GREATER:
				r->p_value = dist_pnorm(r->statistic, 0.0, 1.0, false);
				break;
			default:
				r->p_value = Min(1.0, 2.0 * dist_pnorm(-fabs(r->statistic), 0.0, 1.0, true));
				break;
		}
		normal_interval(r->estimate, r->std_error, conf_level, alt,
						&r->ci_lower, &r->ci_upper);
	}

	/*
	 * relative: treatment / control - 1, delta method, written with ratios
	 * so that no power of a small control quantile underflows.  With a
	 * negative control quantile a larger treatment is a smaller ratio, so a
	 * one-sided interval takes the other side.
	 */
	r->rel_estimate = r->rel_ci_lower = r->rel_ci_upper = r->rel_std_error = NAN;
	r->rel_ci_kind = NULL;
	if (ca->quantile != 0.0)
	{
		double		cq = ca->quantile;
		double		ratio = ta->quantile / cq;
		double		a = ta->std_error / cq;
		double		b = ratio * ca->std_error / cq;
		Alternative rel_alt = alt;

		if (cq < 0.0 && alt != ALT_TWO_SIDED)
			rel_alt = alt == ALT_LESS ? ALT_GREATER : ALT_LESS;
		r->rel_estimate = ratio - 1.0;
		r->rel_std_error = sqrt(a * a + b * b);
		if (r->rel_std_error > 0.0)
		{
			normal_interval(r->rel_estimate, r->rel_std_error, conf_level, rel_alt,
							&r->rel_ci_lower, &r->rel_ci_upper);
			r->rel_ci_kind = "interval";
		}
	}
}
