/*-------------------------------------------------------------------------
 *
 * sample_sql.h
 *	  The stats_sample type: every non-NULL value of a sample, sorted.
 *
 *-------------------------------------------------------------------------
 */
#ifndef ABSTATS_SAMPLE_SQL_H
#define ABSTATS_SAMPLE_SQL_H

#include "postgres.h"

#include "fmgr.h"

#include "sample.h"

/* Version of the stored format (text, binary and on-disk). */
#define STATS_SAMPLE_VERSION	1

/*
 * On-disk layout: a varlena (TOASTable, so large samples are compressed
 * and stored out of line) holding the format version, flags (0; reserved
 * for later versions) and the n >= 1 values in ascending order, every one
 * finite.  n is implied by the length.
 */
typedef struct StatsSample
{
	int32		vl_len_;		/* varlena header (do not touch directly) */
	uint8		version;
	uint8		flags;
	uint16		reserved;		/* 0 */
	double		values[FLEXIBLE_ARRAY_MEMBER];
} StatsSample;

#define STATS_SAMPLE_HDRSZ		offsetof(StatsSample, values)
#define STATS_SAMPLE_N(s) \
	((int64) ((VARSIZE(s) - STATS_SAMPLE_HDRSZ) / sizeof(double)))

#define DatumGetStatsSampleP(d)		((StatsSample *) PG_DETOAST_DATUM(d))
#define PG_GETARG_STATS_SAMPLE_P(n)	DatumGetStatsSampleP(PG_GETARG_DATUM(n))

/*
 * A growing collection of values: the transition state of sample_agg()
 * and rollup(stats_sample), and one arm of kruskal_test().  Values are
 * appended as they come; `sorted` says whether values[0..n) is still in
 * ascending order (then no sort is needed at the end).
 */
typedef struct SampleState
{
	int64		n;
	int64		capacity;
	bool		sorted;
	double	   *values;			/* in the context the state was made in */
} SampleState;

extern void sample_state_init(SampleState *st);
extern void sample_state_append(SampleState *st, const double *v, int64 n,
								bool sorted_run, MemoryContext cxt);
extern void sample_state_sort(SampleState *st);
extern void sample_state_merge(SampleState *a, SampleState *b,
							   MemoryContext cxt);
extern StatsSample *stats_sample_from_state(const SampleState *st);
extern void sample_install_interrupt_hook(void);

#endif							/* ABSTATS_SAMPLE_SQL_H */
