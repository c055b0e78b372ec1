/*-------------------------------------------------------------------------
 *
 * moments.h
 *	  One-pass, mergeable central moments of a sample (pure C, no fmgr).
 *
 *-------------------------------------------------------------------------
 */
#ifndef ABSTATS_MOMENTS_H
#define ABSTATS_MOMENTS_H

#include <stdbool.h>
#include <stdint.h>
#include <math.h>

/*
 * Sufficient statistics of one numeric sample: the count, the mean and the
 * sums of powers of deviations from the mean M2 = sum (x - mean)^2, M3, M4,
 * plus the extremes.  `have_higher` says M3/M4 are known (they are not for a
 * summary built from published n, mean and sd, nor once they overflowed);
 * `have_range` says min/max are known.
 */
typedef struct Moments
{
	int64_t		n;
	double		mean;
	double		mean_lo;		/* working only: mean + mean_lo is the mean to
								 * twice double precision (see moments_add) */
	double		m2;
	double		m3;
	double		m4;
	double		min;
	double		max;
	bool		have_higher;
	bool		have_range;
} Moments;

/* Outcome of an update: MOMENTS_OK, or the overflow of the mean/M2. */
typedef enum MomentsStatus
{
	MOMENTS_OK,
	MOMENTS_OVERFLOW
} MomentsStatus;

extern void moments_init(Moments *m);
extern void moments_drop_higher(Moments *m);
extern MomentsStatus moments_merge(Moments *a, const Moments *b);

/* Finalizers: return NAN where the statistic is undefined. */
extern double moments_var_samp(const Moments *m);
extern double moments_var_pop(const Moments *m);
extern double moments_skewness(const Moments *m);
extern double moments_kurtosis(const Moments *m);

/*
 * moments_add: fold one finite observation into m.
 *
 * Welford's (1962) update of the mean and M2, extended to M3 and M4 by
 * Pébay (2008), eq. (1.5)-(1.6) with a single new observation; see
 * moments.c for the discussion.  Inline because it is the per-row work of
 * stats_agg().  Returns MOMENTS_OVERFLOW when the mean or M2 became
 * infinite; drops the higher moments when only M3/M4 overflow.
 *
 * The running mean is kept as an unevaluated sum mean + mean_lo (a
 * "double-double", updated with Knuth's error-free TwoSum, TAOCP vol. 2,
 * 4.2.2): in plain Welford the rounding of the mean (half an ulp of |mean|)
 * enters every deviation delta = x - mean, which for data whose mean is
 * large relative to its spread (NIST StRD NumAcc3/4, or values near 1e9
 * with spread 1e-4) costs up to 1e-4 relative in M2.  With the
 * compensation, delta is accurate to a few ulps of the spread, as in an
 * exact two-pass computation.  mean itself always holds the correctly
 * rounded double of mean + mean_lo (TwoSum returns a normalized pair).
 */
static inline MomentsStatus
moments_add(Moments *m, double x)
{
	double		n1 = (double) m->n;
	double		n = n1 + 1.0;
	double		delta = (x - m->mean) - m->mean_lo;
	double		delta_n = delta / n;
	/*
	 * delta^2 (n - 1) / n, associated so that the first value (n1 = 0)
	 * gives 0 and not inf * 0 = NaN when |x| > ~1e154
	 */
	double		term1 = delta * (delta_n * n1);
	double		t = m->mean_lo + delta_n;
	double		s = m->mean + t;
	double		bb = s - m->mean;

	m->n++;
	m->mean_lo = (m->mean - (s - bb)) + (t - bb);	/* TwoSum error term */
	m->mean = s;
	if (m->have_higher)
	{
		double		delta_n2 = delta_n * delta_n;

		m->m4 += term1 * delta_n2 * (n * n - 3.0 * n + 3.0)
			+ 6.0 * delta_n2 * m->m2 - 4.0 * delta_n * m->m3;
		m->m3 += term1 * delta_n * (n - 2.0) - 3.0 * delta_n * m->m2;
		if (__builtin_expect(!isfinite(m->m4) || !isfinite(m->m3), 0))
			moments_drop_higher(m);
	}
	m->m2 += term1;
	if (x < m->min)
		m->min = x;
	if (x > m->max)
		m->max = x;

	if (__builtin_expect(!isfinite(m->m2) || !isfinite(m->mean), 0))
		return MOMENTS_OVERFLOW;
	return MOMENTS_OK;
}

#endif							/* ABSTATS_MOMENTS_H */
