/*-------------------------------------------------------------------------
 *
 * summary.c
 *	  Accumulate, merge and finalize central moments (pure C).
 *
 * Accumulation is the one-pass update of Welford (1962), "Note on a method
 * for calculating corrected sums of squares and products", Technometrics 4,
 * extended to third and fourth central moments by Terriberry (2007) and
 * Pébay (2008), "Formulas for robust, one-pass parallel computation of
 * covariances and arbitrary-order statistical moments", Sandia report
 * SAND2008-6212, eq. (1.5)-(1.6) with a single new observation.  Unlike
 * the naive sum/sum-of-squares method it never subtracts two large,
 * nearly equal numbers, so it stays accurate when the mean is large
 * relative to the spread (NIST StRD NumAcc1-4).  The running mean itself
 * is carried in double-double form (moments_add_mean in summary.h), so its
 * own rounding errors do not accumulate either: NumAcc4 gives sd
 * 0.09999996423721318 (R: 0.0999999642372309) instead of 0.0999999655880057
 * with a plain double mean, and merged partial results agree with the
 * one-pass result to ~1e-13 instead of ~1e-11 on data with a large offset.
 *
 * Merging two partial results is the pairwise formula of Chan, Golub and
 * LeVeque (1979), "Updating formulae and a pairwise algorithm for computing
 * sample variances", for M2, and Pébay (2008) eq. (3.1) for M3 and M4.
 * It is what makes the aggregate state combinable across parallel workers,
 * partitions, Citus shards and rolled-up materialized views.
 *
 * Overflow: if the mean or M2 becomes infinite although every input was
 * finite, or a merged count exceeds the int64 range, the caller raises an
 * error as var_samp() does.  M3 and M4 grow
 * like |x|^3 and |x|^4 and overflow long before M2 does; when they do we
 * mark the higher moments unknown (skewness and kurtosis become NULL)
 * instead of refusing data that variance handles fine.  moments_add() does
 * not test for this on every row: moments_check() does it once, when the
 * accumulated result is used.
 *
 *-------------------------------------------------------------------------
 */
#include <math.h>

#include "summary.h"


void
moments_init(Moments *m)
{
	m->n = 0;
	m->mean = 0.0;
	m->mean_lo = 0.0;
	m->m2 = 0.0;
	m->m3 = 0.0;
	m->m4 = 0.0;
	m->min = INFINITY;
	m->max = -INFINITY;
}

/* Forget M3 and M4 (they overflowed, or one side never had them). */
void
moments_drop_higher(Moments *m)
{
	m->m3 = NAN;
	m->m4 = NAN;
}

/* Forget min and max (one side of a merge never had them). */
void
moments_drop_range(Moments *m)
{
	m->min = NAN;
	m->max = NAN;
}

/*
 * moments_check: the overflow rules above, applied once to moments built
 * by moments_add() (which leaves overflows in place as inf or NaN: once
 * non-finite, a field stays non-finite under later updates).  Drops M3 and
 * M4 if either is not finite; returns MOMENTS_OVERFLOW if the mean or M2
 * is not finite.
 */
MomentsStatus
moments_check(Moments *m)
{
	if (!(isfinite(m->m3) && isfinite(m->m4)))
		moments_drop_higher(m);
	if (!(isfinite(m->mean) && isfinite(m->m2)))
		return MOMENTS_OVERFLOW;
	return MOMENTS_OK;
}

/*
 * moments_merge: a := a (+) b, the moments of the union of both samples
 * (Chan et al. 1979 for M2; Pébay 2008 eq. 3.1 for M3 and M4).  Unknown
 * (NaN) higher moments or range on either side make them unknown in the
 * result.  Returns MOMENTS_N_OVERFLOW, leaving a unchanged, when the
 * merged count would exceed the int64 range.
 */
MomentsStatus
moments_merge(Moments *a, const Moments *b)
{
	double		na,
				nb,
				n,
				delta,
				delta_n,
				mean,
				mean_lo,
				m2,
				m3,
				m4,
				delta_n2;

	if (b->n == 0)
		return MOMENTS_OK;
	if (a->n == 0)
	{
		*a = *b;
		return MOMENTS_OK;
	}
	if (a->n > INT64_MAX - b->n)
		return MOMENTS_N_OVERFLOW;

	na = (double) a->n;
	nb = (double) b->n;
	n = na + nb;
	/* the compensated means: (b - a) is exact when they are close */
	delta = (b->mean - a->mean) + (b->mean_lo - a->mean_lo);
	delta_n = delta / n;

	/*
	 * Weighted mean written as a correction of a's compensated mean, so
	 * that merging identical means returns that mean exactly.
	 */
	mean = a->mean;
	mean_lo = a->mean_lo;
	moments_add_mean(&mean, &mean_lo, nb * delta_n);
	m2 = a->m2 + b->m2 + delta * delta_n * na * nb;

	delta_n2 = delta_n * delta_n;
	m3 = a->m3 + b->m3
		+ delta * delta_n2 * na * nb * (na - nb)
		+ 3.0 * delta_n * (na * b->m2 - nb * a->m2);
	m4 = a->m4 + b->m4
		+ delta * delta_n2 * delta_n * na * nb * (na * na - na * nb + nb * nb)
		+ 6.0 * delta_n2 * (na * na * b->m2 + nb * nb * a->m2)
		+ 4.0 * delta_n * (na * b->m3 - nb * a->m3);

	a->n += b->n;
	a->mean = mean;
	a->mean_lo = mean_lo;
	a->m2 = m2;
	a->m3 = m3;
	a->m4 = m4;
	if (!(isfinite(m3) && isfinite(m4)))
		moments_drop_higher(a);
	if (moments_have_range(a) && moments_have_range(b))
	{
		if (b->min < a->min)
			a->min = b->min;
		if (b->max > a->max)
			a->max = b->max;
	}
	else
		moments_drop_range(a);

	if (!isfinite(a->m2) || !isfinite(a->mean))
		return MOMENTS_OVERFLOW;
	return MOMENTS_OK;
}

/* Sample variance M2 / (n - 1); undefined for n < 2. */
double
moments_var_samp(const Moments *m)
{
	if (m->n < 2)
		return NAN;
	return m->m2 / (double) (m->n - 1);
}

/* Population variance M2 / n; undefined for n < 1. */
double
moments_var_pop(const Moments *m)
{
	if (m->n < 1)
		return NAN;
	return m->m2 / (double) m->n;
}

/*
 * Adjusted Fisher-Pearson skewness G1 = g1 * sqrt(n (n - 1)) / (n - 2),
 * with g1 = sqrt(n) M3 / M2^(3/2) (Joanes and Gill 1998; scipy
 * skew(bias=False), SAS, Excel SKEW).  Undefined for n < 3 or M2 = 0.
 */
double
moments_skewness(const Moments *m)
{
	double		n = (double) m->n;
	double		g1;

	if (!moments_have_higher(m) || m->n < 3 || !(m->m2 > 0.0))
		return NAN;
	g1 = sqrt(n) * m->m3 / (m->m2 * sqrt(m->m2));
	return g1 * sqrt(n * (n - 1.0)) / (n - 2.0);
}

/*
 * Excess kurtosis G2 = ((n + 1) g2 + 6) (n - 1) / ((n - 2)(n - 3)), with
 * g2 = n M4 / M2^2 - 3 (Joanes and Gill 1998; scipy kurtosis(bias=False),
 * SAS, Excel KURT).  Undefined for n < 4 or M2 = 0.
 */
double
moments_kurtosis(const Moments *m)
{
	double		n = (double) m->n;
	double		g2;

	if (!moments_have_higher(m) || m->n < 4 || !(m->m2 > 0.0))
		return NAN;
	g2 = n * m->m4 / (m->m2 * m->m2) - 3.0;
	return ((n + 1.0) * g2 + 6.0) * (n - 1.0) / ((n - 2.0) * (n - 3.0));
}
