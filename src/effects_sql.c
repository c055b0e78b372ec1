/*-------------------------------------------------------------------------
 *
 * effects_sql.c
 *	  SQL glue of the dashboard tests: ab_test() on stats_summary values,
 *	  ratio_test() and cuped_test() on joint_summary values (numerics in
 *	  effects.c).
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
#include "joint_sql.h"
#include "summary_sql.h"

PG_FUNCTION_INFO_V1(ab_test);
PG_FUNCTION_INFO_V1(ratio_test);
PG_FUNCTION_INFO_V1(cuped_test);

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

/*
 * joint_arms: the two arms' joint moments and their merge, after checking
 * that both have the same number of metrics (22023 naming "control").
 */
static void
joint_arms(const JointSummary *ts, const JointSummary *cs, JointMoments *t,
		   JointMoments *c, JointMoments *total)
{
	if (ts->k != cs->k)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid value for argument \"control\": a joint summary of %d metrics",
						cs->k),
				 errdetail("\"treatment\" and \"control\" must summarize the same metrics; \"treatment\" has %d.",
						   ts->k)));
	joint_summary_to_moments(ts, t);
	joint_summary_to_moments(cs, c);
	*total = *t;
	if (joint_merge(total, c) != JOINT_OK)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("value out of range: overflow merging the two arms' joint summaries")));
}

/*
 * ratio_test(treatment, control joint_summary, alternative, mu, equal_var,
 * conf_level, relative_ci): the ratio metric mean(metric 1) / mean(metric
 * 2) per arm, by the delta method; with four metrics adjusted by the
 * pre-period ratio metric 3 / metric 4.
 */
Datum
ratio_test(PG_FUNCTION_ARGS)
{
	JointSummary *ts = PG_GETARG_JOINT_SUMMARY_P(0);
	JointSummary *cs = PG_GETARG_JOINT_SUMMARY_P(1);
	Alternative alt = arg_alternative(PG_GETARG_TEXT_PP(2));
	double		mu = PG_GETARG_FLOAT8(3);
	bool		equal_var = PG_GETARG_BOOL(4);
	double		conf_level = PG_GETARG_FLOAT8(5);
	RelCiMethod method = arg_relative_ci(PG_GETARG_TEXT_PP(6));
	JointMoments t,
				c,
				total;
	Moments		ta,
				ca,
				tu,
				cu;
	EffectResult r;
	double		theta = 0.0;
	bool		adjusted = (ts->k == 4);

	arg_finite(mu, "mu");
	arg_conf_level(conf_level);
	if (ts->k != 2 && ts->k != 4)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid value for argument \"treatment\": a joint summary of %d metrics",
						ts->k),
				 errdetail("ratio_test takes the joint summaries of 2 metrics (numerator, denominator) or of 4 (numerator, denominator, pre-period numerator, pre-period denominator).")));
	joint_arms(ts, cs, &t, &c, &total);
	if (!effects_ratio_arms(&t, &c, &total, &ta, &ca, &tu, &cu, &theta))
		effects_undefined(equal_var, &r);
	else if (adjusted)
	{
		effects_adjusted(&ta, &ca, &tu, &cu, mu, equal_var, alt, conf_level,
						 method, &r);
		r.ntheta = 1;
		r.theta[0] = theta;
	}
	else
		effects_two_sample(&ta, &ca, mu, equal_var, alt, conf_level, method, &r);
	PG_RETURN_DATUM(effects_result_datum(fcinfo, &r,
										 psprintf("%s of a ratio of means (delta method)%s",
												  r.test.method,
												  adjusted ? ", CUPED-adjusted by the pre-period ratio" : ""),
										 method));
}

/*
 * arg_theta: the `theta` argument of cuped_test: a one-dimensional float8[]
 * of p finite coefficients (2202E for the shape, 22023 for an element).
 */
static void
arg_theta(ArrayType *arr, int p, double *theta)
{
	Datum	   *elems;
	bool	   *nulls;
	int			nelems;
	int			i;

	if (ARR_NDIM(arr) != 1 || ARR_DIMS(arr)[0] != p)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("argument \"theta\" must be a one-dimensional array of %d element%s, one per covariate",
						p, p == 1 ? "" : "s")));
	deconstruct_array(arr, FLOAT8OID, sizeof(float8), FLOAT8PASSBYVAL,
					  TYPALIGN_DOUBLE, &elems, &nulls, &nelems);
	for (i = 0; i < nelems; i++)
	{
		if (nulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("argument \"theta\" must not contain NULL elements")));
		theta[i] = DatumGetFloat8(elems[i]);
		arg_finite(theta[i], "theta");
	}
}

/*
 * cuped_test(treatment, control joint_summary, alternative, mu, equal_var,
 * conf_level, relative_ci, theta): metric 1 adjusted by metrics 2..k.
 * Not STRICT (theta defaults to NULL, meaning "estimate it"): a NULL in
 * any other argument gives NULL.
 */
Datum
cuped_test(PG_FUNCTION_ARGS)
{
	JointSummary *ts;
	JointSummary *cs;
	Alternative alt;
	double		mu;
	bool		equal_var;
	double		conf_level;
	RelCiMethod method;
	JointMoments t,
				c,
				total;
	Moments		ta,
				ca,
				tu,
				cu;
	EffectResult r;
	double		given[EFFECTS_MAX_COVARIATES];
	double		theta[EFFECTS_MAX_COVARIATES];
	bool		have_theta = !PG_ARGISNULL(7);
	int			i;

	for (i = 0; i < 7; i++)
		if (PG_ARGISNULL(i))
			PG_RETURN_NULL();
	ts = PG_GETARG_JOINT_SUMMARY_P(0);
	cs = PG_GETARG_JOINT_SUMMARY_P(1);
	alt = arg_alternative(PG_GETARG_TEXT_PP(2));
	mu = PG_GETARG_FLOAT8(3);
	equal_var = PG_GETARG_BOOL(4);
	conf_level = PG_GETARG_FLOAT8(5);
	method = arg_relative_ci(PG_GETARG_TEXT_PP(6));
	arg_finite(mu, "mu");
	arg_conf_level(conf_level);
	if (have_theta)
		arg_theta(PG_GETARG_ARRAYTYPE_P(7), ts->k - 1, given);
	joint_arms(ts, cs, &t, &c, &total);
	effects_cuped_arms(&t, &c, &total, have_theta ? given : NULL,
					   &ta, &ca, &tu, &cu, theta);
	effects_adjusted(&ta, &ca, &tu, &cu, mu, equal_var, alt, conf_level,
					 method, &r);
	r.ntheta = ts->k - 1;
	memcpy(r.theta, theta, sizeof(double) * r.ntheta);
	PG_RETURN_DATUM(effects_result_datum(fcinfo, &r,
										 psprintf("%s, CUPED-adjusted by %d covariate%s (theta %s)",
												  r.test.method, ts->k - 1,
												  ts->k == 2 ? "" : "s",
												  have_theta ? "given" : "by least squares on both arms"),
										 method));
}
