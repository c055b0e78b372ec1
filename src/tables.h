/*-------------------------------------------------------------------------
 *
 * tables.h
 *	  Count tables and experiment-health numerics (pure C, no fmgr):
 *	  Pearson's chi-square tests, Fisher's exact test for 2x2 tables with
 *	  its conditional maximum-likelihood odds ratio and exact interval, and
 *	  the four-cell Welch-Satterthwaite interaction test.
 *
 * Arguments are assumed valid (the SQL layer validates them, see
 * tables_sql.c).  Undefined results are returned as NAN and
 * turned into NULL fields by the callers.
 *
 *-------------------------------------------------------------------------
 */
#ifndef ABSTATS_TABLES_H
#define ABSTATS_TABLES_H

#include <stdbool.h>
#include <stdint.h>

/* Direction of a test, mirroring args.h's Alternative (kept fmgr-free). */
typedef enum TablesSide
{
	TABLES_TWO_SIDED,
	TABLES_LESS,
	TABLES_GREATER
} TablesSide;

typedef struct ChisqResult
{
	double		statistic;		/* NAN when undefined (empty margins) */
	double		df;
	double		p_value;		/* NAN when the statistic is */
	const char *method;			/* as R's htest$method */
} ChisqResult;

typedef struct FisherResult
{
	double		p_value;
	double		odds_ratio;		/* conditional MLE; 0 or +Inf at the ends */
	double		ci_lower;
	double		ci_upper;
} FisherResult;

typedef struct InteractionResult
{
	double		estimate;
	double		std_error;
	double		statistic;
	double		df;
	double		p_value;
	double		ci_lower;
	double		ci_upper;
} InteractionResult;

/*
 * Called every few thousand steps of long computations so that the SQL
 * layer can honour query cancellation; may be NULL.
 */
extern void (*tables_interrupt_hook) (void);

extern void chisq_gof(const int64_t *x, int k, const double *p,
					  ChisqResult *r);
extern void chisq_independence(const int64_t *x, int nrow, int ncol,
							   bool correct, int64_t *rs, int64_t *cs,
							   ChisqResult *r);
extern bool fisher_2x2(int64_t a, int64_t b, int64_t c, int64_t d,
					   TablesSide side, double conf_level, FisherResult *r);
extern void interaction_welch(const double mean[4], const double m2[4],
							  const double n[4], TablesSide side,
							  double conf_level, InteractionResult *r);

#endif							/* ABSTATS_TABLES_H */
