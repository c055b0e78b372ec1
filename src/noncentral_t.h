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

/* How the computation of noncentral_t_cdf() ended. */
typedef enum NctStatus
{
	NCT_OK,						/* within the stated accuracy */
	NCT_NOCONV					/* the quadrature did not reach its tolerance */
} NctStatus;

/*
 * P[T <= q] (lower) or P[T > q] (!lower) for T noncentral t with df > 0
 * degrees of freedom and noncentrality ncp (both finite; the caller
 * validates).  NAN, with *status (may be NULL) NCT_NOCONV, if the
 * computation failed.
 */
extern double noncentral_t_cdf(double q, double df, double ncp, bool lower,
							   NctStatus *status);

#endif							/* ABSTATS_NONCENTRAL_T_H */
