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
PG_FUNCTION_INFO_V1(sample_size_check_relative);
PG_FUNCTION_INFO_V1(sample_size_check_ratio);
PG_FUNCTION_INFO_V1(sample_size_check_cuped);

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

/* The arguments the dashboard tests share, after the two arms (t_test's order). */
typedef struct TestArgs
{
	Alternative alt;
	double		mu;
	bool		equal_var;
	double		conf_level;
	RelCiMethod method;
} TestArgs;

/*
 * test_args: read and validate arguments 2 to 6: alternative, mu,
 * equal_var, conf_level, relative_ci (the caller has checked for NULLs).
 */
static void
test_args(FunctionCallInfo fcinfo, TestArgs *a)
{
	a->alt = arg_alternative(PG_GETARG_TEXT_PP(2));
	a->mu = PG_GETARG_FLOAT8(3);
	a->equal_var = PG_GETARG_BOOL(4);
	a->conf_level = PG_GETARG_FLOAT8(5);
	a->method = arg_relative_ci(PG_GETARG_TEXT_PP(6));
	arg_finite(a->mu, "mu");
	arg_conf_level(a->conf_level);
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
	TestArgs	a;
	Moments		t,
				c;
	EffectResult r;

	test_args(fcinfo, &a);
	summary_to_moments(ts, &t);
	summary_to_moments(cs, &c);
	effects_two_sample(&t, &c, a.mu, a.equal_var, a.alt, a.conf_level,
					   a.method, &r);
	PG_RETURN_DATUM(effects_result_datum(fcinfo, &r, r.test.method, a.method));
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
 * check_arms: 22003 when the unit-level values of an arm (a linearized
 * ratio, an adjusted metric) overflow float8, e.g. with a huge given theta.
 */
static void
check_arms(const Moments *ta, const Moments *ca, const Moments *tu,
		   const Moments *cu, const char *what)
{
	if (!isfinite(ta->mean) || !isfinite(ta->m2) || !isfinite(ca->mean) ||
		!isfinite(ca->m2) || !isfinite(tu->mean) || !isfinite(tu->m2) ||
		!isfinite(cu->mean) || !isfinite(cu->m2))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("value out of range: overflow in the %s", what)));
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
	TestArgs	a;
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

	test_args(fcinfo, &a);
	if (ts->k != 2 && ts->k != 4)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid value for argument \"treatment\": a joint summary of %d metrics",
						ts->k),
				 errdetail("ratio_test takes the joint summaries of 2 metrics (numerator, denominator) or of 4 (numerator, denominator, pre-period numerator, pre-period denominator).")));
	joint_arms(ts, cs, &t, &c, &total);
	if (!effects_ratio_arms(&t, &c, &total, &ta, &ca, &tu, &cu, &theta))
		effects_undefined(a.equal_var, &r);
	else
	{
		check_arms(&ta, &ca, &tu, &cu, "linearized ratio");
		if (adjusted)
		{
			effects_adjusted(&ta, &ca, &tu, &cu, a.mu, a.equal_var, a.alt,
							 a.conf_level, a.method, &r);
			r.ntheta = 1;
			r.theta[0] = theta;
		}
		else
			effects_two_sample(&ta, &ca, a.mu, a.equal_var, a.alt,
							   a.conf_level, a.method, &r);
	}
	PG_RETURN_DATUM(effects_result_datum(fcinfo, &r,
										 psprintf("%s of a ratio of means (delta method)%s",
												  r.test.method,
												  adjusted ? ", CUPED-adjusted by the pre-period ratio" : ""),
										 a.method));
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
	TestArgs	a;
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
	test_args(fcinfo, &a);
	if (have_theta)
		arg_theta(PG_GETARG_ARRAYTYPE_P(7), ts->k - 1, given);
	joint_arms(ts, cs, &t, &c, &total);
	effects_cuped_arms(&t, &c, &total, have_theta ? given : NULL,
					   &ta, &ca, &tu, &cu, theta);
	check_arms(&ta, &ca, &tu, &cu, "adjusted metric");
	effects_adjusted(&ta, &ca, &tu, &cu, a.mu, a.equal_var, a.alt,
					 a.conf_level, a.method, &r);
	r.ntheta = ts->k - 1;
	memcpy(r.theta, theta, sizeof(double) * r.ntheta);
	PG_RETURN_DATUM(effects_result_datum(fcinfo, &r,
										 psprintf("%s, CUPED-adjusted by %d covariate%s (theta %s)",
												  r.test.method, ts->k - 1,
												  ts->k == 2 ? "" : "s",
												  have_theta ? "given" : "by least squares on both arms"),
										 a.method));
}

/* ---------------------------------------------------------------------
 * Enough data? sample_size_check for the dashboard's metrics
 * ---------------------------------------------------------------------
 */

/* Fields of sample_size_check_result. */
#define SIZE_CHECK_NFIELDS	7

/*
 * arg_relative_size_check: sample_size_check's arguments (args.c), and a
 * relative_ci that needs a relative mde, greater than -1 for the log ratio.
 */
static void
arg_relative_size_check(double mde, bool relative, RelCiMethod method,
						double sig_level, double power)
{
	arg_size_check(mde, sig_level, power);
	if (relative && method == REL_CI_LOG && !(mde > -1.0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid value for argument \"mde\": %g", mde),
				 errdetail("A relative \"mde\" must be greater than -1 (a drop of less than 100%%) for relative_ci 'log'.")));
	if (!relative && method != REL_CI_FIELLER)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid value for argument \"relative_ci\": \"%s\"",
						method == REL_CI_LOG ? "log" : "delta"),
				 errdetail("\"relative_ci\" applies to a relative \"mde\": set relative => true.")));
}

/*
 * size_check_datum: the sample_size_check_result row for two arms given
 * as the unit-level (n, mean, M2) of the metric the test uses.  An
 * absolute mde is a difference of means (Welch power, as
 * sample_size_check); a relative one is a fraction of the control mean
 * and the power is that of the relative interval of `method` to exclude 0
 * (effects.c; Fieller's is the Welch power of mde * |control mean|).
 * mde_at_current_n is the effect detectable now in the direction of mde
 * (signed, unlike sample_size_check's: the delta and log intervals' power
 * is not symmetric).  Undefined fields are NULL.
 */
static Datum
size_check_datum(FunctionCallInfo fcinfo, const Moments *t, const Moments *c,
				 bool defined, double mde, bool relative, RelCiMethod method,
				 double sig_level, double power)
{
	Datum		values[SIZE_CHECK_NFIELDS];
	bool		nulls[SIZE_CHECK_NFIELDS] = {false, false, true, true, true, true, true};
	double		n_t = (double) t->n;
	double		n_c = (double) c->n;
	double		var_t = moments_var_samp(t);
	double		var_c = moments_var_samp(c);
	double		mu_c = relative ? c->mean : 1.0;
	double		m,
				p_now,
				mde_now;
	PowerStatus st;

	values[0] = Int64GetDatum(t->n);
	values[1] = Int64GetDatum(c->n);
	if (defined && n_t >= 2.0 && n_c >= 2.0 && isfinite(var_t) && isfinite(var_c) &&
		var_t + var_c > 0.0 && mu_c != 0.0 && isfinite(mu_c))
	{
		st = effects_rel_n(method, n_t / n_c, var_t, var_c, mu_c, mde, sig_level,
						   power, &m);
		if (st == POWER_OK)
		{
			double		required_t = ceil(n_t / n_c * m);
			double		required_c = ceil(m);

			/* 2^63: no bigint holds these */
			if (!(required_t < 9223372036854775808.0 && required_c < 9223372036854775808.0))
				st = POWER_TOO_HIGH;
			else
			{
				values[2] = Int64GetDatum((int64) required_t);
				values[3] = Int64GetDatum((int64) required_c);
				nulls[2] = nulls[3] = false;
			}
		}
		if (st == POWER_TOO_HIGH)
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("value out of range: the required size exceeds bigint"),
					 errdetail("Detecting this effect would need more than %g units in an arm.",
							   9223372036854775807.0)));
		p_now = effects_rel_power(method, n_t, n_c, var_t, var_c, mu_c, mde,
								  sig_level);
		if (isfinite(p_now))
		{
			values[4] = BoolGetDatum(p_now >= power);
			values[5] = Float8GetDatum(p_now);
			nulls[4] = nulls[5] = false;
		}
		if (effects_rel_mde(method, n_t, n_c, var_t, var_c, mu_c,
							mde > 0.0 ? 1.0 : -1.0, sig_level, power,
							&mde_now) == POWER_OK)
			values[6] = FLOAT8_OR_NULL(mde_now, &nulls[6]);
	}
	return result_row(fcinfo, SIZE_CHECK_NFIELDS, values, nulls);
}

/*
 * sample_size_check_relative(treatment, control stats_summary, mde,
 * relative_ci, sig_level, power): "can we stop yet?" for ab_test's
 * relative interval: mde is a relative effect (0.05 = +5%).
 */
Datum
sample_size_check_relative(PG_FUNCTION_ARGS)
{
	StatsSummary *ts = PG_GETARG_STATS_SUMMARY_P(0);
	StatsSummary *cs = PG_GETARG_STATS_SUMMARY_P(1);
	double		mde = PG_GETARG_FLOAT8(2);
	RelCiMethod method = arg_relative_ci(PG_GETARG_TEXT_PP(3));
	double		sig_level = PG_GETARG_FLOAT8(4);
	double		power = PG_GETARG_FLOAT8(5);
	Moments		t,
				c;

	arg_relative_size_check(mde, true, method, sig_level, power);
	summary_to_moments(ts, &t);
	summary_to_moments(cs, &c);
	PG_RETURN_DATUM(size_check_datum(fcinfo, &t, &c, true, mde, true, method,
									 sig_level, power));
}

/*
 * size_check_joint: sample_size_check_ratio() and sample_size_check_cuped():
 * the check on the unit-level values of ratio_test or cuped_test (the
 * linearized or adjusted variances are what set the sample size).
 * Arguments: treatment, control, mde, relative, sig_level, power,
 * relative_ci, and theta (cuped only).  Not STRICT (theta defaults to
 * NULL): a NULL in another argument gives NULL.
 */
static Datum
size_check_joint(FunctionCallInfo fcinfo, bool cuped)
{
	JointSummary *ts;
	JointSummary *cs;
	double		mde;
	bool		relative;
	double		sig_level;
	double		power;
	RelCiMethod method;
	JointMoments t,
				c,
				total;
	Moments		ta,
				ca,
				tu,
				cu;
	double		given[EFFECTS_MAX_COVARIATES];
	double		theta[EFFECTS_MAX_COVARIATES];
	bool		have_theta = cuped && !PG_ARGISNULL(7);
	bool		defined = true;
	int			i;

	for (i = 0; i < 7; i++)
		if (PG_ARGISNULL(i))
			PG_RETURN_NULL();
	ts = PG_GETARG_JOINT_SUMMARY_P(0);
	cs = PG_GETARG_JOINT_SUMMARY_P(1);
	mde = PG_GETARG_FLOAT8(2);
	relative = PG_GETARG_BOOL(3);
	sig_level = PG_GETARG_FLOAT8(4);
	power = PG_GETARG_FLOAT8(5);
	method = arg_relative_ci(PG_GETARG_TEXT_PP(6));
	arg_relative_size_check(mde, relative, method, sig_level, power);
	if (!cuped && ts->k != 2 && ts->k != 4)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid value for argument \"treatment\": a joint summary of %d metrics",
						ts->k),
				 errdetail("sample_size_check_ratio takes the joint summaries of 2 metrics (numerator, denominator) or of 4 (numerator, denominator, pre-period numerator, pre-period denominator).")));
	if (have_theta)
		arg_theta(PG_GETARG_ARRAYTYPE_P(7), ts->k - 1, given);
	joint_arms(ts, cs, &t, &c, &total);
	if (cuped)
		effects_cuped_arms(&t, &c, &total, have_theta ? given : NULL,
						   &ta, &ca, &tu, &cu, theta);
	else
		defined = effects_ratio_arms(&t, &c, &total, &ta, &ca, &tu, &cu, theta);
	if (defined)
		check_arms(&ta, &ca, &tu, &cu, cuped ? "adjusted metric" : "linearized ratio");
	else
	{
		/* a zero denominator mean: only the sizes are known */
		moments_init(&ta);
		ta.n = t.n;
		moments_init(&ca);
		ca.n = c.n;
	}
	return size_check_datum(fcinfo, &ta, &ca, defined, mde, relative, method,
							sig_level, power);
}

/*
 * sample_size_check_ratio(treatment, control joint_summary, mde, relative,
 * sig_level, power, relative_ci): "can we stop yet?" for ratio_test's
 * metric (adjusted when the summaries hold the pre-period metrics).
 */
Datum
sample_size_check_ratio(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATUM(size_check_joint(fcinfo, false));
}

/*
 * sample_size_check_cuped(treatment, control joint_summary, mde, relative,
 * sig_level, power, relative_ci, theta): "can we stop yet?" for
 * cuped_test's adjusted metric.
 */
Datum
sample_size_check_cuped(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATUM(size_check_joint(fcinfo, true));
}
