/*-------------------------------------------------------------------------
 *
 * summary.h
 *	  One-pass, mergeable central moments of a sample (pure C, no fmgr).
 *
 *-------------------------------------------------------------------------
 */
#ifndef ABSTATS_SUMMARY_H
#define ABSTATS_SUMMARY_H

#include <stdbool.h>
#include <stdint.h>
#include <math.h>

/*
 * Sufficient statistics of one numeric sample: the count, the mean and the
 * sums of powers of deviations from the mean M2 = sum (x - mean)^2, M3, M4,
 * plus the extremes.
 *
 * While accumulating, the mean is carried as an unevaluated sum
 * mean + mean_lo (|mean_lo| <= ulp(mean) / 2), so that its rounding errors
 * do not pile up when the mean is large relative to the spread; a stored
 * summary keeps `mean`, the correctly rounded value, and mean_lo = 0.
 *
 * Unknown parts are NaN: M3 and M4 are unknown (both NaN) for a summary
 * built from published n, mean and sd, or once they overflowed; min and
 * max are unknown (both NaN) for such a summary too.  NaN propagates
 * through every update and merge, so "unknown" needs no flag and the
 * struct is exactly 64 bytes: it is also the aggregates' transition state,
 * the SQL type stats_agg_state, updated in place once per row (a 64-byte
 * state takes a 64-byte allocator chunk; 72 bytes would take 128).  The
 * empty state (n = 0) has mean = M2..M4 = 0, min = +Inf, max = -Inf.
 * Build a Moments with moments_init() or summary_to_moments(), never field
 * by field.
 */
typedef struct Moments
{
	int64_t		n;
	double		mean;
	double		mean_lo;
	double		m2;
	double		m3;				/* NaN: unknown */
	double		m4;				/* NaN: unknown */
	double		min;			/* NaN: unknown */
	double		max;			/* NaN: unknown */
} Moments;

/* Outcome of an update: MOMENTS_OK, an overflow of the mean or M2, or of n. */
typedef enum MomentsStatus
{
	MOMENTS_OK,
	MOMENTS_OVERFLOW,
	MOMENTS_N_OVERFLOW
} MomentsStatus;

/* Whether M3/M4, and min/max, are known. */
static inline bool
moments_have_higher(const Moments *m)
{
	return !isnan(m->m3);
}

static inline bool
moments_have_range(const Moments *m)
{
	return !isnan(m->min);
}

extern void moments_init(Moments *m);
extern void moments_drop_higher(Moments *m);
extern void moments_drop_range(Moments *m);
extern MomentsStatus moments_merge(Moments *a, const Moments *b);
extern MomentsStatus moments_check(Moments *m);

/* Finalizers: return NAN where the statistic is undefined. */
extern double moments_var_samp(const Moments *m);
extern double moments_var_pop(const Moments *m);
extern double moments_skewness(const Moments *m);
extern double moments_kurtosis(const Moments *m);

/*
 * moments_add_mean: (mean, mean_lo) += d, exactly up to the final
 * renormalization: Knuth's TwoSum of mean and d, then Dekker's Fast2Sum to
 * keep |mean_lo| <= ulp(mean) / 2 (Shewchuk 1997, "Adaptive precision
 * floating-point arithmetic", Thm. 6-7).  Additions only, so neither the
 * compiler's FMA contraction nor reassociation (never enabled for
 * PostgreSQL: no -ffast-math) can change it.
 */
static inline void
moments_add_mean(double *mean, double *mean_lo, double d)
{
	double		s = *mean + d;
	double		bb = s - *mean;
	double		err = (*mean - (s - bb)) + (d - bb);
	double		lo = *mean_lo + err;
	double		hi = s + lo;

	*mean_lo = lo - (hi - s);
	*mean = hi;
}

/*
 * moments_add: fold one finite observation into m.
 *
 * Welford's (1962) update of the mean and M2, extended to M3 and M4 by
 * Pébay (2008), eq. (1.5)-(1.6) with a single new observation; see
 * summary.c for the discussion.  The deviation from the mean is taken
 * from the compensated mean (mean + mean_lo), which keeps the result as
 * accurate as R's two-pass var() when the mean is large relative to the
 * spread (NIST StRD NumAcc4: 1e9 + 0.1 steps).
 *
 * Inline because it is the per-row work of stats_agg(), so it does only
 * the arithmetic: it does not test for overflow, and it updates M3 and M4
 * even when they are unknown (NaN stays NaN; a branch would cost more).  An overflow leaves a
 * non-finite mean or M2..M4, and every later update keeps it non-finite
 * (inf and NaN propagate), so the caller runs moments_check() once before
 * using the result instead of testing every row; the outcome is the same,
 * the per-row cost is lower.
 */
static inline void
moments_add(Moments *m, double x)
{
	double		n1 = (double) m->n;
	double		n = n1 + 1.0;
	double		delta = (x - m->mean) - m->mean_lo;
	double		delta_n = delta / n;
	/*
	 * delta^2 (n - 1) / n; exactly 0 for the first value, where
	 * delta * delta_n would be inf (|x| > ~1e154) and inf * 0 = NaN
	 */
	double		term1 = m->n == 0 ? 0.0 : delta * delta_n * n1;

	double		delta_n2 = delta_n * delta_n;

	m->n++;
	moments_add_mean(&m->mean, &m->mean_lo, delta_n);
	m->m4 += term1 * delta_n2 * (n * n - 3.0 * n + 3.0)
		+ 6.0 * delta_n2 * m->m2 - 4.0 * delta_n * m->m3;
	m->m3 += term1 * delta_n * (n - 2.0) - 3.0 * delta_n * m->m2;
	m->m2 += term1;
	if (x < m->min)
		m->min = x;
	if (x > m->max)
		m->max = x;
}

#endif							/* ABSTATS_SUMMARY_H */
