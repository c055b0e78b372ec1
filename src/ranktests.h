/*-------------------------------------------------------------------------
 *
 * ranktests.h
 *	  Rank tests on sorted samples (numerics, no fmgr): the Wilcoxon-
 *	  Mann-Whitney rank sum test and the Wilcoxon signed rank test with
 *	  their Hodges-Lehmann estimates and intervals, the two-sample
 *	  Kolmogorov-Smirnov test and the Kruskal-Wallis test, as R's
 *	  wilcox.test, ks.test and kruskal.test compute them.
 *
 * Inputs are the sorted, finite values of stats_sample (sample.h);
 * arguments are assumed valid (the SQL layer checks them, see
 * ranktests_sql.c).  Undefined results are NAN (NULL in SQL); a one-sided
 * interval has an infinite bound.
 *
 *-------------------------------------------------------------------------
 */
#ifndef ABSTATS_RANKTESTS_H
#define ABSTATS_RANKTESTS_H

#include "postgres.h"

#include "args.h"

/* R's `exact` argument: NULL (decide by R's rule), TRUE or FALSE. */
typedef enum ExactMode
{
	EXACT_AUTO,
	EXACT_YES,
	EXACT_NO
} ExactMode;

/* A test result, field for field the SQL result types (df only for some). */
typedef struct RankTestResult
{
	double		statistic;
	double		df;
	double		p_value;
	double		estimate;
	double		ci_lower;
	double		ci_upper;
	const char *method;
} RankTestResult;

extern void mann_whitney_test(const double *x, int64 nx, const double *y, int64 ny,
							  Alternative alt, double mu, bool correct,
							  ExactMode exact, double conf_level,
							  RankTestResult *r);
extern void signed_rank_test(const double *x, int64 n, double mu,
							 Alternative alt, bool correct, ExactMode exact,
							 double conf_level, RankTestResult *r);
extern void ks_test(const double *x, int64 nx, const double *y, int64 ny,
					Alternative alt, ExactMode exact, RankTestResult *r);
extern void kruskal_test(const double *const *arms, const int64 *n, int k,
						 RankTestResult *r);

/*
 * The exact distributions have limits (see ranktests.c): when the exact
 * branch is chosen beyond them (only with exact => true), the test sets
 * method to NULL and computes nothing else.
 */
extern bool mann_whitney_exact_possible(int64 nx, int64 ny);
extern bool signed_rank_exact_possible(int64 n);

#endif							/* ABSTATS_RANKTESTS_H */
