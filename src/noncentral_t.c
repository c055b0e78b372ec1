/*-------------------------------------------------------------------------
 *
 * noncentral_t.c
 *	  Distribution function of the noncentral t distribution.
 *
 * GSL has no noncentral t, so we implement Lenth's algorithm:
 *
 *	R. V. Lenth (1989), "Algorithm AS 243: Cumulative distribution function
 *	of the non-central t distribution", Applied Statistics 38(1), 185-189.
 *
 * with the refinements that R's stats::pt(q, df, ncp) makes to it (R 4.2.2,
 * src/nmath/pnt.c), so that our values agree with R's.  For t >= 0,
 * x = t^2 / (t^2 + df) and lambda = ncp^2,
 *
 *	P[T <= t] = Phi(-ncp) + 1/2 sum_{j>=0} [ p_j I_x(j + 1/2, df/2)
 *											+ q_j I_x(j + 1,   df/2) ]
 *
 * where p_j = exp(-lambda/2) (lambda/2)^j / j! are Poisson weights,
 * q_j = ncp exp(-lambda/2) (lambda/2)^j / (sqrt 2 Gamma(j + 3/2)) and I_x is
 * the regularized incomplete beta function.  Only the first two incomplete
 * beta values are computed; the others follow from the recurrence
 * I_x(a+1, b) = I_x(a, b) - x^a (1-x)^b / (a B(a, b)), whose terms (godd,
 * geven below) are themselves updated by a ratio.  Since I_x(a, b)
 * decreases in a, Lenth bounds the terms not yet added after term j by
 * 2 s I_x(j + 3/2, b) = 2 s (xodd - godd), where s = 1/2 - sum p_j is the
 * Poisson mass not yet used; we stop when the bound falls below 1e-12, like
 * R.  (In the code p_j and q_j include the factor 1/2.)  For t < 0 we use P[T <= t; ncp] = 1 - P[T <= -t; -ncp].
 *
 * R's refinements (reproduced from their description, not copied):
 *	- sums are accumulated in long double;
 *	- s = 1/2 - p_0 is computed with expm1() when it is tiny;
 *	- (1 - x)^b is computed from df / (t^2 + df) (we use log1p, which
 *	  keeps full precision for large df where R's pow(1 - x, b) does not);
 *	- log B(1/2, df/2) comes from GSL's lnbeta (R's lgamma difference
 *	  cancels for large df);
 *	- a rounding guard: when the remaining Poisson mass becomes negative
 *	  beyond 1e-10 the series is stopped (precision warning);
 *	- for df > 4e5 or ncp^2 > 2 log(2) (-DBL_MIN_EXP) (|ncp| > ~37.62,
 *	  where exp(-ncp^2/2) underflows) the normal approximation of
 *	  Abramowitz & Stegun 26.7.10 is used:
 *	  P[T <= t] ~ Phi((t (1 - 1/(4 df)) - ncp) / sqrt(1 + t^2 / (2 df))).
 *	- for t < 0 and ncp > 40 the lower tail is 0 (it is below Phi(-40)).
 *
 * The upper tail is 1 minus the lower one (as in R), so it has absolute,
 * not relative, accuracy of about 1e-12.
 *
 *-------------------------------------------------------------------------
 */
#include <float.h>
#include <math.h>
#include <stddef.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_sf_gamma.h>

#include "dist.h"
#include "noncentral_t.h"

#define NCT_ERRMAX		1e-12	/* Lenth's error bound target (R: errmax) */
#define NCT_ITRMAX		1000	/* iteration limit (R: itrmax) */

/* sqrt(2 / pi) */
#define SQRT_2_DIV_PI	0.797884560802865355879892119869

/*
 * nct_series: the AS 243 series for tt >= 0, i.e. P[T <= tt] - Phi(-del)
 * (the caller adds Phi(-del)).  Returns the sum, sets *status.
 */
static long double
nct_series(double tt, double df, double del, NctStatus *status)
{
	double		x = tt * tt / (tt * tt + df);
	double		lambda = del * del;
	double		a = 0.5;
	double		b = 0.5 * df;
	gsl_sf_result lbeta;
	double		rxb;
	long double p,
				q,
				s,
				sum,
				xodd,
				xeven,
				godd,
				geven;
	int			j;

	*status = NCT_OK;
	if (!(x > 0.0))
		return 0.0L;

	/* j = 0: Poisson weights and the remaining mass s = 1/2 - p_0 */
	p = 0.5L * expl(-0.5L * lambda);
	q = SQRT_2_DIV_PI * p * del;
	s = 0.5L - p;
	if (s < 1e-7L)
		s = -0.5 * expm1(-0.5 * lambda);

	/* I_x(1/2, b) and I_x(1, b) = 1 - (1 - x)^b, and the recurrence terms */
	/*
	 * (1 - x)^b = (df / (t^2 + df))^(df/2), as exp(-b log1p(t^2 / df)):
	 * pow(1 - x, b) (R's form) rounds 1 - x first and loses up to
	 * b * DBL_EPSILON relative (~2e-11 at df = 4e5), which made the power
	 * jump by that much between neighbouring n.
	 */
	rxb = exp(-b * log1p(tt * tt / df));
	/*
	 * log B(1/2, b).  R computes it as log sqrt(pi) + lgamma(b) -
	 * lgamma(b + 1/2), which cancels badly for large b (an absolute error
	 * of ~1e-10 at df = 1e5); GSL's lnbeta is accurate there.
	 */
	if (gsl_sf_lnbeta_e(0.5, b, &lbeta) != GSL_SUCCESS)
	{
		*status = NCT_NOCONV;
		return NAN;
	}
	xodd = dist_pbeta(x, a, b, true);
	godd = 2.0L * rxb * expl(a * log(x) - lbeta.val);
	xeven = (b * x < DBL_EPSILON) ? b * x : 1.0 - rxb;
	geven = (long double) b * x * rxb;
	sum = p * xodd + q * xeven;

	for (j = 1; j <= NCT_ITRMAX; j++)
	{
		long double errbd;

		a += 1.0;
		xodd -= godd;
		xeven -= geven;
		godd *= x * (a + b - 1.0) / a;
		geven *= x * (a + b - 0.5) / (a + 0.5);
		p *= lambda / (2 * j);
		q *= lambda / (2 * j + 1);
		sum += p * xodd + q * xeven;
		s -= p;
		if (s < -1e-10L)
		{
			*status = NCT_PRECISION;
			return sum;
		}
		if (s <= 0 && j > 1)
			return sum;
		errbd = 2.0L * s * (xodd - godd);
		if (fabsl(errbd) < NCT_ERRMAX)
			return sum;
	}
	*status = NCT_NOCONV;
	return sum;
}

/*
 * noncentral_t_cdf: P[T <= q] or P[T > q], T ~ t(df, ncp).  See the file
 * header for the algorithm (Lenth 1989, AS 243, with R's refinements).
 */
double
noncentral_t_cdf(double q, double df, double ncp, bool lower, NctStatus *status)
{
	NctStatus	dummy;
	double		tt,
				del;
	bool		negdel;
	long double tnc;

	if (status == NULL)
		status = &dummy;
	*status = NCT_OK;

	if (isnan(q) || isnan(df) || isnan(ncp) || !(df > 0.0))
		return NAN;
	if (ncp == 0.0)
		return dist_pt(q, df, lower);
	if (isinf(q))
		return ((q < 0) == lower) ? 0.0 : 1.0;

	if (q >= 0.0)
	{
		negdel = false;
		tt = q;
		del = ncp;
	}
	else
	{
		/* P[T <= q] <= P[T <= 0] = Phi(-ncp) < 1e-300 */
		if (ncp > 40.0 && lower)
			return 0.0;
		if (ncp > 40.0)
			return 1.0;
		negdel = true;
		tt = -q;
		del = -ncp;
	}

	/* lower_tail of the reflected problem */
	if (negdel)
		lower = !lower;

	if (df > 4e5 || del * del > 2.0 * M_LN2 * (-(DBL_MIN_EXP)))
	{
		/* Abramowitz & Stegun 26.7.10, as R */
		double		s = 1.0 / (4.0 * df);

		return dist_pnorm(tt * (1.0 - s), del, sqrt(1.0 + tt * tt * 2.0 * s),
						  lower);
	}

	tnc = nct_series(tt, df, del, status);
	tnc += dist_pnorm(-del, 0.0, 1.0, true);

	if (tnc > 1.0L)
		tnc = 1.0L;
	if (tnc > 1.0L - 1e-10L && lower && *status == NCT_OK)
		*status = NCT_PRECISION;
	return lower ? (double) tnc : (double) (1.0L - tnc);
}
