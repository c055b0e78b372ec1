/*-------------------------------------------------------------------------
 *
 * ttest.h
 *	  Student's and Welch's t-tests on summaries (pure C, no fmgr).
 *
 *-------------------------------------------------------------------------
 */
#ifndef ABSTATS_TTEST_H
#define ABSTATS_TTEST_H

#include "args.h"
#include "summary.h"

/*
 * Result of a t-test, field for field the SQL type t_test_result.
 * A field that is undefined for the data (too few observations, zero
 * variance) is NAN; a one-sided interval has one infinite bound, which is
 * a real bound and not "undefined".
 */
typedef struct TTestResult
{
	double		statistic;
	double		df;
	double		p_value;
	double		estimate;
	double		ci_lower;
	double		ci_upper;
	double		std_error;
	const char *method;
} TTestResult;

extern void ttest_one_sample(const Moments *x, double mu, Alternative alt,
							 double conf_level, TTestResult *r);
extern void ttest_two_sample(const Moments *x, const Moments *y, double mu,
							 bool equal_var, Alternative alt,
							 double conf_level, TTestResult *r);

/*
 * The pieces other tests share: Welch's standard error and df of
 * mean(x) - mean(y) (n_x, n_y >= 2), and R's "data are essentially
 * constant" rule for a standard error against the means' scale.
 */
extern void ttest_welch(const Moments *x, const Moments *y,
						double *std_error, double *df);
extern bool ttest_essentially_constant(double se, double scale);

#endif							/* ABSTATS_TTEST_H */
