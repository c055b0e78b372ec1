/*-------------------------------------------------------------------------
 *
 * ttest_sql.c
 *	  SQL glue of the t-tests: t_test() one- and two-sample on
 *	  stats_summary values (numerics in ttest.c).
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "fmgr.h"
#include "utils/builtins.h"

#include "args.h"
#include "summary_sql.h"
#include "ttest.h"

PG_FUNCTION_INFO_V1(t_test_one_sample);
PG_FUNCTION_INFO_V1(t_test_two_sample);

/*
 * Build the t_test_result row (result_row, so a 0.1.0 catalog's type
 * works too).  NAN fields become NULL; infinities stay: the open side of a
 * one-sided interval, or a statistic beyond DBL_MAX (p-value 0).  A
 * difference of means beyond DBL_MAX cannot be represented: 22003.
 */
static Datum
ttest_result_datum(FunctionCallInfo fcinfo, const TTestResult *r)
{
	Datum		values[8];
	bool		nulls[8];

	if (isinf(r->estimate))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("value out of range: overflow in t_test"),
				 errdetail("The difference of the means exceeds the float8 range.")));
	if (!isnan(r->statistic) && (isnan(r->p_value) || isnan(r->ci_lower) ||
								 isnan(r->ci_upper)))
		ereport(ERROR,
				(errcode(ERRCODE_INTERNAL_ERROR),
				 errmsg("t distribution computation failed (t = %g, df = %g)",
						r->statistic, r->df)));

	values[0] = result_float8(r->statistic, &nulls[0]);
	values[1] = result_float8(r->df, &nulls[1]);
	values[2] = result_float8(r->p_value, &nulls[2]);
	values[3] = result_float8(r->estimate, &nulls[3]);
	values[4] = result_float8(r->ci_lower, &nulls[4]);
	values[5] = result_float8(r->ci_upper, &nulls[5]);
	values[6] = result_float8(r->std_error, &nulls[6]);
	values[7] = CStringGetTextDatum(r->method);
	nulls[7] = false;
	return result_row(fcinfo, 8, values, nulls);
}

/*
 * t_test(x stats_summary, mu, alternative, conf_level): one-sample test.
 */
Datum
t_test_one_sample(PG_FUNCTION_ARGS)
{
	StatsSummary *xs = PG_GETARG_STATS_SUMMARY_P(0);
	double		mu = PG_GETARG_FLOAT8(1);
	Alternative alt = arg_alternative(PG_GETARG_TEXT_PP(2));
	double		conf_level = PG_GETARG_FLOAT8(3);
	Moments		x;
	TTestResult r;

	arg_finite(mu, "mu");
	arg_conf_level(conf_level);
	summary_to_moments(xs, &x);
	ttest_one_sample(&x, mu, alt, conf_level, &r);
	return ttest_result_datum(fcinfo, &r);
}

/*
 * t_test(x, y stats_summary, alternative, mu, equal_var, conf_level):
 * Welch's (default) or Student's two-sample test; estimate = mean(x) -
 * mean(y).
 */
Datum
t_test_two_sample(PG_FUNCTION_ARGS)
{
	StatsSummary *xs = PG_GETARG_STATS_SUMMARY_P(0);
	StatsSummary *ys = PG_GETARG_STATS_SUMMARY_P(1);
	Alternative alt = arg_alternative(PG_GETARG_TEXT_PP(2));
	double		mu = PG_GETARG_FLOAT8(3);
	bool		equal_var = PG_GETARG_BOOL(4);
	double		conf_level = PG_GETARG_FLOAT8(5);
	Moments		x,
				y;
	TTestResult r;

	arg_finite(mu, "mu");
	arg_conf_level(conf_level);
	summary_to_moments(xs, &x);
	summary_to_moments(ys, &y);
	ttest_two_sample(&x, &y, mu, equal_var, alt, conf_level, &r);
	return ttest_result_datum(fcinfo, &r);
}
