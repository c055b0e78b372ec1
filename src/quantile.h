/*-------------------------------------------------------------------------
 *
 * quantile.h
 *	  The difference of two samples' q-quantiles with confidence intervals
 *	  from order statistics (pure C, no fmgr): quantile_test().
 *
 *-------------------------------------------------------------------------
 */
#ifndef ABSTATS_QUANTILE_H
#define ABSTATS_QUANTILE_H

#include "postgres.h"

#include "args.h"

/* One arm: its q-quantile, the order-statistic interval and standard error. */
typedef struct QuantileArm
{
	double		quantile;
	double		ci_lower;
	double		ci_upper;
	double		std_error;
} QuantileArm;

/*
 * Result, field for field the SQL type quantile_test_result; undefined
 * fields are NAN, rel_ci_kind NULL when the relative interval is.
 */
typedef struct QuantileTestResult
{
	double		statistic;
	double		p_value;
	double		estimate;
	double		ci_lower;
	double		ci_upper;
	double		std_error;
	double		rel_estimate;
	double		rel_ci_lower;
	double		rel_ci_upper;
	double		rel_std_error;
	const char *rel_ci_kind;
	QuantileArm treatment;
	QuantileArm control;
	const char *method;
} QuantileTestResult;

/*
 * quantile_test: treatment and control are sorted samples of nt, nc >= 1
 * values; 0 < q < 1, 0 < conf_level < 1, mu finite.
 */
extern void quantile_test(const double *t, int64 nt, const double *c, int64 nc,
						  double q, double conf_level, Alternative alt,
						  double mu, QuantileTestResult *r);

#endif							/* ABSTATS_QUANTILE_H */
