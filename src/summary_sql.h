/*-------------------------------------------------------------------------
 *
 * summary_sql.h
 *	  The stats_summary type: stored, mergeable sufficient statistics.
 *
 *-------------------------------------------------------------------------
 */
#ifndef ABSTATS_SUMMARY_SQL_H
#define ABSTATS_SUMMARY_SQL_H

#include "postgres.h"

#include "fmgr.h"

#include "summary.h"

/* Version of the stored format (text, binary and on-disk). */
#define STATS_SUMMARY_VERSION	1

/* flags */
#define SUMMARY_HAVE_HIGHER		0x01	/* m3, m4 are known */
#define SUMMARY_HAVE_RANGE		0x02	/* min, max are known */
#define SUMMARY_KNOWN_FLAGS		(SUMMARY_HAVE_HIGHER | SUMMARY_HAVE_RANGE)
/* serial form of the aggregate state only, never in a stored summary: */
#define SUMMARY_STATE_MEAN_LO	0x80	/* the mean's low part follows */

/*
 * On-disk layout: fixed length (64 bytes), double aligned, no varlena
 * header.  Fields not covered by `flags` are stored as zero.
 */
typedef struct StatsSummary
{
	uint8		version;
	uint8		flags;
	uint8		reserved[6];
	int64		n;
	double		mean;
	double		m2;
	double		m3;
	double		m4;
	double		min;
	double		max;
} StatsSummary;

#define DatumGetStatsSummaryP(d)		((StatsSummary *) DatumGetPointer(d))
#define PG_GETARG_STATS_SUMMARY_P(n)	DatumGetStatsSummaryP(PG_GETARG_DATUM(n))

extern void summary_to_moments(const StatsSummary *s, Moments *m);
extern void summary_from_moments(StatsSummary *s, const Moments *m);
extern double summary_var_samp(const StatsSummary *s);

/*
 * Shared with summary_agg_sql.c (the aggregates): validation of moments
 * read from outside, the stats_summary Datum of working moments, the
 * binary form (`state`: the aggregate's serial form, with the mean's low
 * part), and the errors for overflowing moments.
 */
#include "lib/stringinfo.h"

extern void validate_moments(const Moments *m);
extern Datum moments_get_datum(const Moments *m);
extern void moments_send(StringInfo buf, const Moments *m, bool state);
extern void moments_recv(StringInfo buf, Moments *m, bool state);
extern void overflow_error(void) pg_attribute_noreturn();
extern void moments_status_error(MomentsStatus status);

#endif							/* ABSTATS_SUMMARY_SQL_H */
