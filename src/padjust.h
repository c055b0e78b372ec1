/*-------------------------------------------------------------------------
 *
 * padjust.h
 *	  Multiple-testing adjustment of p-values, as R's p.adjust (pure C,
 *	  no fmgr).
 *
 *-------------------------------------------------------------------------
 */
#ifndef ABSTATS_PADJUST_H
#define ABSTATS_PADJUST_H

#include <stddef.h>

/* R's p.adjust.methods ("fdr" is an alias of "BH"). */
typedef enum PAdjustMethod
{
	PADJUST_HOLM,
	PADJUST_HOCHBERG,
	PADJUST_HOMMEL,
	PADJUST_BONFERRONI,
	PADJUST_BH,
	PADJUST_BY,
	PADJUST_NONE
} PAdjustMethod;

/* Bytes of workspace p_adjust() needs for n p-values. */
extern size_t p_adjust_work_size(int n);

/*
 * Adjust the n p-values p[0..n-1] (each in [0, 1]; NULLs already left out:
 * n is R's n) into out[0..n-1].  `work` has p_adjust_work_size(n) bytes
 * (aligned for a double); `interrupt`, if not NULL, is called now and then
 * during Hommel's O(n^2) method.
 */
extern void p_adjust(const double *p, int n, PAdjustMethod method,
					 double *out, void *work, void (*interrupt) (void));

#endif							/* ABSTATS_PADJUST_H */
