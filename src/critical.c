/*-------------------------------------------------------------------------
 *
 * critical.c
 *	  Critical values of confidence intervals at any confidence level
 *	  (see critical.h), for the t and the standard normal distributions.
 *
 * One-sided, the conf_level quantile is taken from the tail that keeps
 * its digits: the lower tail at c itself below 1/2, the upper tail at
 * 1 - c (exact in floating point for c >= 1/2) above.
 *
 * Two-sided, the (1 + c) / 2 quantile q is the half-width: P[|T| <= q] = c.
 *	- c >= 1/2: the upper tail at (1 - c) / 2, exact as above.
 *	- 1e-8 <= c < 1/2: q^2 is the c quantile of T^2 ~ F(1, df)
 *	  (chi-squared with 1 df for the normal), so q = sqrt(qf(c, 1, df)),
 *	  where (1 + c) / 2 would carry an absolute rounding error of 2^-54,
 *	  i.e. a relative error of about 1e-16 / c in q.
 *	- c < 1e-8: the series of the distribution function at 0,
 *	  F(q) = 1/2 + f(0) q + f''(0) q^3 / 6 + O(q^5), with
 *	  f''(0) = -f(0) (df + 1) / df for Student's t (the normal's -f(0) is
 *	  the limit): q = q0 (1 + (df + 1) q0^2 / (6 df)), q0 = c / (2 f(0)),
 *	  whose neglected terms are below 1e-30 relative there.
 * t with df above 1e20 differs from the normal by less than 1e-20 relative
 * and is computed as the normal.
 *
 *-------------------------------------------------------------------------
 */
#include <math.h>

#include "critical.h"
#include "dist.h"

/* Below this c the two-sided critical value comes from the series at 0. */
#define CRITICAL_SERIES_BELOW	1e-8

/* Above this df, Student's t is the normal to double precision. */
#define CRITICAL_NORMAL_DF		1e20

/* qt(c, df) or qnorm(c) (df = INFINITY), from the tail that keeps its digits. */
static double
one_sided(double c, double df)
{
	bool		normal = !(df <= CRITICAL_NORMAL_DF);

	if (c < 0.5)
		return normal ? dist_qnorm(c, 0.0, 1.0, true) : dist_qt(c, df, true);
	return normal ? dist_qnorm(1.0 - c, 0.0, 1.0, false) : dist_qt(1.0 - c, df, false);
}

/* qt((1 + c) / 2, df) or qnorm((1 + c) / 2) (df = INFINITY); see the header. */
static double
two_sided(double c, double df)
{
	bool		normal = !(df <= CRITICAL_NORMAL_DF);

	if (c >= 0.5)
		return normal ? dist_qnorm((1.0 - c) / 2.0, 0.0, 1.0, false)
			: dist_qt((1.0 - c) / 2.0, df, false);
	if (c >= CRITICAL_SERIES_BELOW)
		return sqrt(normal ? dist_qchisq(c, 1.0, true) : dist_qf(c, 1.0, df, true));
	else
	{
		double		f0 = normal ? 1.0 / sqrt(2.0 * M_PI) : dist_dt(0.0, df);
		double		q0 = c / (2.0 * f0);
		double		k = normal ? 1.0 : (df + 1.0) / df;

		return q0 * (1.0 + k * q0 * q0 / 6.0);
	}
}

/* qt(conf_level, df), for a one-sided t interval. */
double
critical_t_one_sided(double conf_level, double df)
{
	return one_sided(conf_level, df);
}

/* qnorm(conf_level), for a one-sided z interval. */
double
critical_norm_one_sided(double conf_level)
{
	return one_sided(conf_level, INFINITY);
}

/* qt((1 + conf_level) / 2, df), the half-width of a t interval in standard errors. */
double
critical_t_two_sided(double conf_level, double df)
{
	return two_sided(conf_level, df);
}

/* qnorm((1 + conf_level) / 2), the half-width of a z interval in standard errors. */
double
critical_norm_two_sided(double conf_level)
{
	return two_sided(conf_level, INFINITY);
}
