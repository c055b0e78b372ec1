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
#include <float.h>
#include <math.h>
#include <stddef.h>

#include "dist.h"
#include "noncentral_t.h"

/* the series is used for df below this (its first incomplete beta is then
 * a continued fraction of dist.c) and |ncp| up to NCT_SERIES_MAX_NCP */
#define NCT_SERIES_MAX_DF	2e5
#define NCT_SERIES_MAX_NCP	37.0
#define NCT_SERIES_MAX_TERMS 100000

/*
 * nct_upper_series: P[T > t] for t > 0, 0 < delta <= NCT_SERIES_MAX_NCP,
 * by the Poisson series of incomplete beta functions (Guenther 1978;
 * Lenth's AS 243, R's pnt), in its complemented form, every term
 * positive.  With x = t^2/(t^2 + df) and y = 1 - x (both formed directly),
 * b = df/2, lambda = delta^2/2,
 *
 *	 P[T > t] = 1/2 sum_j [ P_j I_y(b, j + 1/2) + R_j I_y(b, j + 1) ],
 *	 P_j = e^-lambda lambda^j / j!,
 *	 R_j = (delta / sqrt 2) e^-lambda lambda^j / Gamma(j + 3/2),
 *
 * (from P[T <= t] = Phi(-delta) + 1/2 sum [P_j I_x(j+1/2, b) + R_j I_x(j+1, b)]
 * and sum P_j = 1, sum R_j = 1 - 2 Phi(-delta)).  I_y(b, a) = 1 - I_x(a, b)
 * grows with a: I_y(b, a + 1) = I_y(b, a) + G(a), G(a) = Gamma(a + b) /
 * (Gamma(a + 1) Gamma(b)) x^a y^b, G(a + 1) = G(a) x (a + b)/(a + 1), so
 * the recurrences only add positive terms (the uncomplemented AS 243
 * recurrence subtracts, which costs the relative accuracy of small lower
 * tails).  Starting values: I_y(b, 1/2) from dist.c, I_y(b, 1) = y^b,
 * G(1/2) = Gamma(b + 1/2)/(Gamma(b) Gamma(3/2)) x^(1/2) y^b (the Gamma
 * ratio from dt(0, df) = Gamma(b + 1/2)/(Gamma(b) sqrt(2 pi b)), Loader's
 * form), G(1) = b x y^b.  Beyond the Poisson mode the remaining terms are
 * bounded by the geometric tails P_(j+1) / (1 - lambda/(j+2)) and
 * R_(j+1) / (1 - lambda/(j+5/2)) (each I_y <= 1); the sum stops when that
 * bound is below LDBL_EPSILON of the sum, so the relative error is a few
 * long double ulps per term: some 1e-17 in all.  Returns NAN if the
 * incomplete beta failed.
 */
static double
nct_upper_series(double t, double df, double delta)
{
	long double t2 = (long double) t * t;
	long double x = t2 / (t2 + df);
	long double y = df / (t2 + df);
	long double b = df / 2.0L;
	long double lambda = (long double) delta * delta / 2.0L;
	long double yb = expl(-b * log1pl(t2 / df));
	long double ib = dist_pbeta_xy(x, y, 0.5, df / 2.0, false);	/* I_y(b, 1/2) */
	long double jb = yb;		/* I_y(b, 1) */
	long double ga = dist_dt(0.0, df) * 2.0L * sqrtl(2.0L * b) * sqrtl(x) * yb;	/* G(1/2) */
	long double gb = b * x * yb;	/* G(1) */
	long double p = expl(-lambda);
	long double r = p * delta * 0.797884560802865355879892119868763737L;	/* sqrt(2/pi) */
	long double sum = 0.0L;
	long j;

	if (isnan((double) ib))
		return NAN;
	for (j = 0; j < NCT_SERIES_MAX_TERMS; j++)
	{
		long double a = j + 0.5L;

		sum += p * ib + r * jb;
		if (j + 2 > lambda)
		{
			long double pn = p * lambda / (j + 1),
						rn = r * lambda / (j + 1.5L);
			long double bound = pn / (1.0L - lambda / (j + 2)) +
				rn / (1.0L - lambda / (j + 2.5L));

			if (bound <= dist_working_eps() * sum)
				break;
		}
		/* next j: I_y(b, a + 1) = I_y(b, a) + G(a) */
		ib += ga;
		jb += gb;
		ga *= x * (a + b) / (a + 1.0L);
		gb *= x * (a + 0.5L + b) / (a + 1.5L);
		p *= lambda / (j + 1);
		r *= lambda / (j + 1.5L);
		if ((j & 0xFFF) == 0xFFF)
			DIST_CHECK_INTERRUPTS();
	}
	if (j == NCT_SERIES_MAX_TERMS)
		return NAN;
	/* a probability: rounding must not carry the sum above 1 */
	return (double) fminl(0.5L * sum, 1.0L);
}

/*
 * noncentral_t_cdf: P[T <= q] or P[T > q], T ~ t(df, ncp).  See the file
 * header; q = +-Infinity and ncp = 0 (the central t) are exact cases.
 * Where q and ncp have the same sign, |ncp| <= 37 and df < 2e5, the
 * Poisson series above gives the tail away from the origin directly, and
 * the other one as its complement when that is at least 1e-3 (so that
 * its relative error stays below 1e-16); everything else is the mixture.
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

	if (q != 0 && (q > 0) == (ncp > 0) && fabs(ncp) <= NCT_SERIES_MAX_NCP &&
		df < NCT_SERIES_MAX_DF)
	{
		/* the tail away from the origin: P[T > q] (q > 0) or P[T < q] */
		double		far = nct_upper_series(fabs(q), df, fabs(ncp));
		bool		want_far = (q > 0) != lower;

		if (!isnan(far))
		{
			if (want_far)
				return far;
			if (far <= 0.999)
				return (double) (1.0L - far);
		}
	}

	v = dist_t_mixture(q, df, ncp, lower, &failed);
	if (failed || isnan(v))
	{
		*status = NCT_NOCONV;
		return NAN;
	}
	return (double) expl(v);
}
