/*-------------------------------------------------------------------------
 *
 * noncentral_t.c
 *	  Distribution function of the noncentral t distribution.
 *
 * T = (Z + ncp) / S with Z standard normal and S^2 ~ chi-square(df)/df, so
 *
 *	P[T <= q] = E[Phi(q S - ncp)],	P[T > q] = E[Phi(ncp - q S)],
 *
 * an expectation over the chi distribution of S that dist_t_mixture()
 * (dist.c) integrates numerically in y = log S: adaptive Gauss-Kronrod
 * around the maximum of the (unimodal) integrand, to a relative error
 * estimate of 4e-14, with the part of the domain left out bounded by
 * e^-45 of the result, and the region where q S is negligible (below
 * 2^-64 relative) done exactly as Phi(-ncp) times a chi-square CDF.
 * Every term is positive, so each tail is computed directly with relative
 * accuracy: measured against 50-digit mpmath quadrature over df from
 * 1e-3 to 1e12 and |ncp| up to 1e4, both tails, values down to 1e-300
 * (sql/noncentral_t.sql, test/reference/gen_noncentral_t_mp.py), the
 * worst relative error is in the README; no absolute floor is kept.
 *
 * Why not R's algorithm (R 4.2.2 pt(q, df, ncp), Lenth's AS 243 series of
 * Poisson-weighted incomplete beta functions, as abstats 0.1.0 used):
 * its error bound is absolute (1e-12), its upper tail is 1 minus the lower
 * one, and for |ncp| > 37.62 (where exp(-ncp^2/2) underflows) or
 * df > 4e5 R switches to the normal approximation of Abramowitz & Stegun
 * 26.7.10, which is off by up to 1e-2 (at df < 1 not even monotone in the
 * sample size, so power_t_test's root moved by 7e-4), and for
 * |q| > 1.4e154 (q^2 overflows) returns Phi(-ncp) instead of 0 or 1.
 * Summing that series outward from its Poisson mode would fix the range
 * but not the cancellation of its upper tail when ncp < 0.
 *
 *-------------------------------------------------------------------------
 */
#include <math.h>
#include <stddef.h>

#include "dist.h"
#include "noncentral_t.h"

/*
 * noncentral_t_cdf: P[T <= q] or P[T > q], T ~ t(df, ncp).  See the file
 * header; q = +-Infinity and ncp = 0 (the central t) are exact cases.
 */
double
noncentral_t_cdf(double q, double df, double ncp, bool lower, NctStatus *status)
{
	NctStatus	dummy;
	bool		failed;
	long double v;

	if (status == NULL)
		status = &dummy;
	*status = NCT_OK;

	if (isnan(q) || isnan(df) || isnan(ncp) || !(df > 0.0))
		return NAN;
	if (ncp == 0.0)
		return dist_pt(q, df, lower);
	if (isinf(q))
		return ((q < 0) == lower) ? 0.0 : 1.0;

	v = dist_t_mixture(q, df, ncp, lower, &failed);
	if (failed || isnan(v))
	{
		*status = NCT_NOCONV;
		return NAN;
	}
	return (double) expl(v);
}
