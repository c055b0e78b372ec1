/*-------------------------------------------------------------------------
 *
 * proportions.h
 *	  Tests and confidence intervals for binomial proportions (pure C, no
 *	  fmgr): the score test of R's prop.test (one and two samples), the
 *	  exact test of R's binom.test, and the one-sample intervals of
 *	  statsmodels' proportion_confint.
 *
 * Counts are int64_t; every function assumes valid arguments (the SQL
 * layer, proportions_sql.c, validates them): 0 <= x <= n, n >= 1,
 * n <= PROP_MAX_COUNT, 0 < conf_level < 1.  Undefined results are NAN.
 *
 *-------------------------------------------------------------------------
 */
#ifndef ABSTATS_PROPORTIONS_H
#define ABSTATS_PROPORTIONS_H

#include <stdbool.h>
#include <stdint.h>

/*
 * Largest accepted count: 2^53, so that every count and every difference
 * of counts is exact in a double.
 */
#define PROP_MAX_COUNT	INT64_C(9007199254740992)

/* Direction of the test (mirrors args.h's Alternative, kept fmgr-free). */
typedef enum PropSide
{
	PROP_TWO_SIDED,
	PROP_LESS,
	PROP_GREATER
} PropSide;

/* Interval for the difference p1 - p2 of two proportions. */
typedef enum DiffCiMethod
{
	DIFF_CI_WALD,				/* R's prop.test interval */
	DIFF_CI_NEWCOMBE,			/* Newcombe (1998) hybrid score, method 10/11 */
	DIFF_CI_AGRESTI_CAFFO		/* Agresti & Caffo (2000), add 1 + 1 */
} DiffCiMethod;

/* Interval for one proportion, as statsmodels' proportion_confint. */
typedef enum PropCiMethod
{
	PROP_CI_WILSON,
	PROP_CI_WALD,
	PROP_CI_AGRESTI_COULL,
	PROP_CI_CLOPPER_PEARSON,
	PROP_CI_JEFFREYS
} PropCiMethod;

/* Result of prop_test (one or two samples). */
typedef struct PropTestResult
{
	double		statistic;		/* signed z; its square is R's X-squared */
	double		p_value;
	double		estimate1;
	double		estimate2;		/* NAN for one sample */
	double		estimate;		/* p1 - p2, or x / n for one sample */
	double		ci_lower;
	double		ci_upper;
	bool		corrected;		/* a continuity correction was applied */
} PropTestResult;

/* Result of binom_test. */
typedef struct BinomTestResult
{
	double		p_value;
	double		estimate;
	double		ci_lower;
	double		ci_upper;
} BinomTestResult;

extern void prop_test_two(int64_t x1, int64_t n1, int64_t x2, int64_t n2,
						  PropSide side, double conf_level, bool correct,
						  DiffCiMethod ci_method, PropTestResult *result);
extern void prop_test_one(int64_t x, int64_t n, double p, PropSide side,
						  double conf_level, bool correct,
						  PropTestResult *result);
extern void binom_exact_test(int64_t x, int64_t n, double p, PropSide side,
							 double conf_level, BinomTestResult *result);
extern void prop_interval(int64_t x, int64_t n, double conf_level,
						  PropCiMethod method, double *lower, double *upper);

/*
 * Called every ~1e6 steps of the long summations (n near 2^53 takes
 * seconds) when set; the SQL layer points it at CHECK_FOR_INTERRUPTS so a
 * query can be cancelled.  The loops hold no resources, so the hook may
 * longjmp out.
 */
extern void (*prop_interrupt_hook) (void);

/* Binomial building blocks, exposed for tests and other families. */
extern double binom_log_pmf(int64_t k, int64_t n, double p);
extern double binom_cdf(int64_t k, int64_t n, double p, bool lower);

#endif							/* ABSTATS_PROPORTIONS_H */
