/*-------------------------------------------------------------------------
 *
 * sample.h
 *	  Sorted samples of float8 values (numerics, no fmgr): sorting, merging,
 *	  quantiles, moments, and the grouping of a sorted sample into distinct
 *	  values with their counts that the rank tests work on.
 *
 * Memory comes from palloc (the caller's memory context); long loops call
 * sample_interrupt_hook so that the SQL layer can honour query
 * cancellation.
 *
 *-------------------------------------------------------------------------
 */
#ifndef ABSTATS_SAMPLE_H
#define ABSTATS_SAMPLE_H

#include "postgres.h"

#include "summary.h"

/*
 * The largest number of values a stats_sample may hold.  pg_dump writes a
 * table with COPY in text form, and a text value (like any field of a COPY
 * line) must stay below 1 GB.  A value prints in at most 24 characters
 * ("-2.2250738585072014e-308") plus a separator, so 40 million values take
 * at most 1.0e9 bytes, leaving 70 MB for the other columns of the row.
 */
#define SAMPLE_MAX_VALUES	INT64CONST(40000000)

/* Called every few million steps of long loops; may be NULL. */
extern void (*sample_interrupt_hook) (void);

/* Call the interrupt hook (if any). */
static inline void
sample_check_interrupts(void)
{
	if (sample_interrupt_hook)
		sample_interrupt_hook();
}

extern int	sample_cmp_double(const void *a, const void *b);
extern bool sample_is_sorted(const double *v, int64 n);
extern void sample_sort(double *v, int64 n);
extern void sample_sort_copy(const double *src, double *dst, int64 n);
extern void sample_merge(const double *a, int64 na, const double *b, int64 nb,
						 double *out);

extern double sample_quantile(const double *v, int64 n, double q);
extern MomentsStatus sample_moments(const double *v, int64 n, Moments *m);

/*
 * A sorted sample grouped into its distinct values: value[i] (ascending)
 * occurs count[i] times, cum[i] = count[0] + ... + count[i - 1] values lie
 * below it (cum[ndistinct] = n).  When every value is distinct, count and
 * cum are NULL (count 1, cum[i] = i): large continuous samples then cost
 * no extra memory.  `ties` is sum(t^3 - t) over the groups, the tie term
 * of the rank tests' variances.  "Distinct" means unequal as float8, so
 * -0 and 0 form one group.
 */
typedef struct SampleGroups
{
	const double *value;
	const int64 *count;
	const int64 *cum;
	int64		ndistinct;
	int64		n;
	double		ties;
} SampleGroups;

extern void sample_groups(const double *v, int64 n, SampleGroups *g);

static inline int64
sample_group_count(const SampleGroups *g, int64 i)
{
	return g->count ? g->count[i] : 1;
}

static inline int64
sample_group_cum(const SampleGroups *g, int64 i)
{
	return g->cum ? g->cum[i] : i;
}

#endif							/* ABSTATS_SAMPLE_H */
