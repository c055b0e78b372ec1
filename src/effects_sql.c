/*-------------------------------------------------------------------------
 *
 * effects_sql.c
 *	  SQL glue of the dashboard tests: ab_test() on stats_summary values
 *	  (numerics in effects.c).
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "utils/array.h"
#include "utils/builtins.h"

#include "args.h"
#include "effects.h"
#include "summary_sql.h"

PG_FUNCTION_INFO_V1(ab_test);

/* Fields of ab_test_result. */
#define AB_TEST_NFIELDS	17

/*
 * arg_relative_ci: the `relative_ci` keyword: 'fieller', 'delta', 'log'.
 */
static RelCiMethod
arg_relative_ci(text *value)
{
	static const ArgKeyword choices[] = {
		{"fieller", REL_CI_FIELLER},
		{"delta", REL_CI_DELTA},
		{"log", REL_CI_LOG},
		{NULL, 0}
	};

	return (RelCiMethod) arg_keyword(value, "relative_ci", choices);
}

/*
 * effects_result_datum: the ab_test_result row.  `test` names the
 * absolute test; method is "<test>; relative interval: <method>".  NaN
 * fields are NULL, infinite bounds stay; a defined statistic without a
 * p-value or interval means a failed distribution computation.
 */
static Datum
effects_result_datum(FunctionCallInfo fcinfo, const EffectResult *r,
					 const char *test, RelCiMethod method)
{
	Datum		values[AB_TEST_NFIELDS];
	bool		nulls[AB_TEST_NFIELDS];
	const char *kind = effects_kind_name(r->rel_ci_kind);

	if (!isnan(r->test.statistic) &&
		(isnan(r->test.p_value) || isnan(r->test.ci_lower) || isnan(r->test.ci_upper)))
		ereport(ERROR,
				(errcode(ERRCODE_INTERNAL_ERROR),
				 errmsg("t distribution computation failed (t = %g, df = %g)",
						r->test.statistic, r->test.df)));

	values[0] = result_float8(r->test.statistic, &nulls[0]);
	values[1] = result_float8(r->test.df, &nulls[1]);
	values[2] = result_float8(r->test.p_value, &nulls[2]);
	values[3] = result_float8(r->test.estimate, &nulls[3]);
	values[4] = result_float8(r->test.ci_lower, &nulls[4]);
	values[5] = result_float8(r->test.ci_upper, &nulls[5]);
	values[6] = result_float8(r->test.std_error, &nulls[6]);
	values[7] = result_float8(r->rel_estimate, &nulls[7]);
	values[8] = result_float8(r->rel_ci_lower, &nulls[8]);
	values[9] = result_float8(r->rel_ci_upper, &nulls[9]);
	values[10] = result_float8(r->rel_std_error, &nulls[10]);
	nulls[11] = (kind == NULL);
	values[11] = kind ? CStringGetTextDatum(kind) : (Datum) 0;
	values[12] = result_float8(r->treatment_mean, &nulls[12]);
	values[13] = result_float8(r->control_mean, &nulls[13]);
	values[14] = result_float8(r->variance_reduction, &nulls[14]);
	nulls[15] = (r->ntheta == 0);
	values[15] = (Datum) 0;
	if (r->ntheta > 0)
	{
		Datum		elems[EFFECTS_MAX_COVARIATES];
		int			i;

		for (i = 0; i < r->ntheta; i++)
			elems[i] = Float8GetDatum(r->theta[i]);
		values[15] = PointerGetDatum(construct_array(elems, r->ntheta, FLOAT8OID,
													 sizeof(float8), FLOAT8PASSBYVAL,
													 TYPALIGN_DOUBLE));
	}
	nulls[16] = false;
	values[16] = CStringGetTextDatum(psprintf("%s; relative interval: %s", test,
											  effects_method_name(method)));
	return result_row(fcinfo, AB_TEST_NFIELDS, values, nulls);
}

/*
 * ab_test(treatment, control stats_summary, alternative, mu, equal_var,
 * conf_level, relative_ci): t_test(treatment, control, ...) plus the
 * relative effect and its interval.
 */
Datum
ab_test(PG_FUNCTION_ARGS)
{
	StatsSummary *ts = PG_GETARG_STATS_SUMMARY_P(0);
	StatsSummary *cs = PG_GETARG_STATS_SUMMARY_P(1);
	Alternative alt = arg_alternative(PG_GETARG_TEXT_PP(2));
	double		mu = PG_GETARG_FLOAT8(3);
	bool		equal_var = PG_GETARG_BOOL(4);
	double		conf_level = PG_GETARG_FLOAT8(5);
	RelCiMethod method = arg_relative_ci(PG_GETARG_TEXT_PP(6));
	Moments		t,
				c;
	EffectResult r;

	arg_finite(mu, "mu");
	arg_conf_level(conf_level);
	summary_to_moments(ts, &t);
	summary_to_moments(cs, &c);
	effects_two_sample(&t, &c, mu, equal_var, alt, conf_level, method, &r);
	PG_RETURN_DATUM(effects_result_datum(fcinfo, &r, r.test.method, method));
}
