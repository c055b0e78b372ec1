/*-------------------------------------------------------------------------
 *
 * group_sequential.h
 *	  Group-sequential designs: Lan-DeMets alpha spending and the
 *	  boundaries it implies (pure C, no fmgr).
 *
 *-------------------------------------------------------------------------
 */
#ifndef ABSTATS_GROUP_SEQUENTIAL_H
#define ABSTATS_GROUP_SEQUENTIAL_H

#include <stdbool.h>

/* Alpha-spending function families. */
typedef enum GsSpending
{
	GS_OBRIEN_FLEMING,			/* Lan-DeMets O'Brien-Fleming type */
	GS_POCOCK,					/* Lan-DeMets Pocock type */
	GS_POWER					/* alpha t^rho (Kim-DeMets power family) */
} GsSpending;

/* A design: looks at information fractions info[0] < ... < info[looks-1]. */
typedef struct GsDesign
{
	int			looks;
	const double *info;
	double		alpha;			/* total type I error (both sides together) */
	GsSpending	spending;
	double		rho;			/* exponent of the power family */
	bool		two_sided;		/* symmetric, alpha/2 per side */
} GsDesign;

typedef enum GsStatus
{
	GS_OK,
	GS_FAILED					/* a GSL root finder failed (cannot happen) */
} GsStatus;

/* Limits of the numerical method (the SQL layer enforces them). */
#define GS_MAX_LOOKS		100
#define GS_MIN_INFO_RATIO	1e-4	/* info[k] / info[k-1] - 1 >= this */

/* Cumulative alpha spent by information fraction t (both sides together). */
extern double gs_spent(const GsDesign *d, double t);

/*
 * Boundaries z[0..looks-1] (> 0; reject when |Z| >= z two-sided, Z >= z
 * one-sided); +Infinity where the spending leaves nothing to spend.
 */
extern GsStatus gs_boundaries(const GsDesign *d, double *z);

/* Called now and then during long computations (CHECK_FOR_INTERRUPTS). */
extern void (*gs_interrupt_hook) (void);

#endif							/* ABSTATS_GROUP_SEQUENTIAL_H */
