/*-------------------------------------------------------------------------
 *
 * cortest.h
 *	  Pearson's correlation test from a correlation and a sample size
 *	  (pure C, no fmgr), as R's cor.test(method = "pearson").
 *
 *-------------------------------------------------------------------------
 */
#ifndef ABSTATS_CORTEST_H
#define ABSTATS_CORTEST_H

#include "args.h"

/*
 * Result of cor_test, field for field the SQL type cor_test_result.  An
 * undefined field (too few observations, a metric with zero variance) is
 * NAN; a one-sided interval has one bound at -1 or 1.
 */
typedef struct CorTestResult
{
	double		statistic;
	double		df;
	double		p_value;
	double		estimate;
	double		ci_lower;
	double		ci_upper;
	const char *method;
} CorTestResult;

extern void cor_test_pearson(int64_t n, double r, Alternative alt,
							 double conf_level, CorTestResult *res);

#endif							/* ABSTATS_CORTEST_H */
