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
#include "funcapi.h"
#include "utils/builtins.h"

#include "args.h"
#include "summary_sql.h"
#include "ttest.h"

PG_FUNCTION_INFO_V1(t_test_one_sample);
PG_FUNCTION_INFO_V1(t_test_two_sample);

/*
 * Build the t_test_result row.  NAN fields become NULL; an infinite
 * interval bound stays (it is the bound of a one-sided interval); any
 * other non-finite value would mean a failed distribution computation.
 */
static Datum
ttest_result_datum(FunctionCallInfo fcinfo, const TTestResult *r)
{
	TupleDesc	tupdesc;
	Datum		values[8];
	bool		nulls[8];
	double		fields[7];
	int			i;

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	tupdesc = BlessTupleDesc(tupdesc);

	if (!isnan(r->statistic) && (isnan(r->p_value) || isnan(r->ci_lower) ||
								 isnan(r->ci_upper)))
		ereport(ERROR,
				(errcode(ERRCODE_INTERNAL_ERROR),
				 errmsg("t distribution computation failed (t = %g, df = %g)",
						r->statistic, r->df)));

	fields[0] = r->statistic;
	fields[1] = r->df;
	fields[2] = r->p_value;
	fields[3] = r->estimate;
	fields[4] = r->ci_lower;
	fields[5] = r->ci_upper;
	fields[6] = r->std_error;
	for (i = 0; i < 7; i++)
	{
		bool		is_bound = (i == 4 || i == 5);

		nulls[i] = is_bound ? isnan(fields[i]) : !isfinite(fields[i]);
		values[i] = nulls[i] ? (Datum) 0 : Float8GetDatum(fields[i]);
	}
	nulls[7] = false;
	values[7] = CStringGetTextDatum(r->method);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
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
