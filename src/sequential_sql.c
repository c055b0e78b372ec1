/*-------------------------------------------------------------------------
 *
 * sequential_sql.c
 *	  SQL glue of the always-valid tests: sequential_test() on two
 *	  stats_summary values (numerics in sequential.c).
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "fmgr.h"
#include "utils/builtins.h"

#include "args.h"
#include "sequential.h"
#include "summary_sql.h"

PG_FUNCTION_INFO_V1(sequential_test_summary);

/*
 * seq_check_args: tuning must be a finite positive sample size; a
 * one-sided sequence takes rho at 2 alpha, so it needs conf_level > 0.5.
 */
static void
seq_check_args(double tuning, Alternative alt, double conf_level)
{
	arg_positive(tuning, "tuning");
	arg_conf_level(conf_level);
	if (alt != ALT_TWO_SIDED && !(conf_level > 0.5))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid value for argument \"conf_level\": %g", conf_level),
				 errdetail("A one-sided sequential test needs \"conf_level\" strictly between 0.5 and 1.")));
}

/*
 * seq_result_datum: the sequential_test_result row; NAN fields are NULL,
 * infinite bounds of one-sided sequences stay.
 */
static Datum
seq_result_datum(FunctionCallInfo fcinfo, const SeqResult *r)
{
	Datum		values[14];
	bool		nulls[14];
	const double fields[13] = {
		r->statistic, r->p_value, r->estimate, r->ci_lower, r->ci_upper,
		r->std_error, r->rel_estimate, r->rel_ci_lower, r->rel_ci_upper,
		r->rel_std_error, r->treatment_mean, r->control_mean, r->e_value
	};
	int			i;

	for (i = 0; i < 13; i++)
		values[i] = result_float8(fields[i], &nulls[i]);
	values[13] = CStringGetTextDatum(r->method);
	nulls[13] = false;
	return result_row(fcinfo, 14, values, nulls);
}

/*
 * sequential_test(treatment stats_summary, control stats_summary, tuning,
 * alternative, conf_level)
 */
Datum
sequential_test_summary(PG_FUNCTION_ARGS)
{
	StatsSummary *ts = PG_GETARG_STATS_SUMMARY_P(0);
	StatsSummary *cs = PG_GETARG_STATS_SUMMARY_P(1);
	double		tuning = PG_GETARG_FLOAT8(2);
	Alternative alt = arg_alternative(PG_GETARG_TEXT_PP(3));
	double		conf_level = PG_GETARG_FLOAT8(4);
	Moments		t,
				c;
	SeqResult	r;

	seq_check_args(tuning, alt, conf_level);
	summary_to_moments(ts, &t);
	summary_to_moments(cs, &c);
	seq_two_sample(&t, &c, tuning, alt, conf_level, &r);
	PG_RETURN_DATUM(seq_result_datum(fcinfo, &r));
}
