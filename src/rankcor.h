/*-------------------------------------------------------------------------
 *
 * rankcor.h
 *	  Rank correlation tests on paired values: Spearman's rho and Kendall's
 *	  tau-b, as R's cor.test(x, y, method = "spearman" / "kendall")
 *	  (pure C, no fmgr).
 *
 *-------------------------------------------------------------------------
 */
#ifndef ABSTATS_RANKCOR_H
#define ABSTATS_RANKCOR_H

#include "postgres.h"

#include "args.h"

typedef enum RankCorMethod
{
	RANKCOR_SPEARMAN,
	RANKCOR_KENDALL
} RankCorMethod;

/* One complete observation (x, y). */
typedef struct RankPair
{
	double		x;
	double		y;
} RankPair;

/*
 * Result, field for field the SQL type rank_cor_test_result; undefined
 * fields are NAN.
 */
typedef struct RankCorResult
{
	double		statistic;		/* S (Spearman), T (Kendall exact) or z */
	double		p_value;
	double		estimate;		/* rho or tau-b */
	int64		n;				/* complete pairs */
	const char *method;
} RankCorResult;

/*
 * rank_cor_test: the test on n pairs (all finite).  The pairs are
 * reordered (sorted) in place; long loops call sample_interrupt_hook.
 */
extern void rank_cor_test(RankPair *pairs, int64 n, RankCorMethod method,
						  Alternative alt, RankCorResult *r);

#endif							/* ABSTATS_RANKCOR_H */
