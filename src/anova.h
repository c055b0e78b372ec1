/*-------------------------------------------------------------------------
 *
 * anova.h
 *	  One-way analysis of means over per-arm summaries: Welch's test and
 *	  the classic F test, as R's oneway.test (pure C, no fmgr).
 *
 *-------------------------------------------------------------------------
 */
#ifndef ABSTATS_ANOVA_H
#define ABSTATS_ANOVA_H

#include "summary.h"

/*
 * Result of the one-way test, field for field the SQL type
 * anova_test_result.  Undefined fields (too few arms or observations,
 * zero variances) are NAN.
 */
typedef struct AnovaResult
{
	double		statistic;		/* F */
	double		df1;
	double		df2;
	double		p_value;
	int			n_arms;
	int64_t		n;				/* observations over all arms */
	const char *method;
} AnovaResult;

/*
 * anova_oneway: the test over k arms given by their (n, mean, mean_lo, M2)
 * (higher moments and the range are not used); every arm must have
 * n >= 1.  equal_var selects the classic F test (R's var.equal = TRUE).
 */
extern void anova_oneway(const Moments *arms, int k, bool equal_var,
						 AnovaResult *r);

/* The method text, without computing anything (for undefined results). */
extern const char *anova_method(bool equal_var);

#endif							/* ABSTATS_ANOVA_H */
