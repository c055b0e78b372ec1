/*-------------------------------------------------------------------------
 *
 * noncentral_t.h
 *	  The noncentral t distribution function (pure C, no fmgr).
 *
 *-------------------------------------------------------------------------
 */
#ifndef ABSTATS_NONCENTRAL_T_H
#define ABSTATS_NONCENTRAL_T_H

#include <stdbool.h>

/* How the series of noncentral_t_cdf() ended. */
typedef enum NctStatus
{
	NCT_OK,						/* converged within the error bound */
	NCT_PRECISION,				/* rounding limits the accuracy (as R warns) */
	NCT_NOCONV					/* iteration limit reached */
} NctStatus;

/*
 * P[T <= q] (lower) or P[T > q] (!lower) for T noncentral t with df > 0
 * degrees of freedom and noncentrality ncp (both finite; the caller
 * validates).  *status (may be NULL) reports precision problems.
 */
extern double noncentral_t_cdf(double q, double df, double ncp, bool lower,
							   NctStatus *status);

#endif							/* ABSTATS_NONCENTRAL_T_H */
