/*-------------------------------------------------------------------------
 *
 * sequential_sql.c
 *	  SQL glue of the always-valid tests: sequential_test() on two
 *	  stats_summary values, sequential_ratio_test() and
 *	  sequential_cuped_test() on two joint_summary values (numerics in
 *	  sequential.c; the arms of the ratio and CUPED forms are reduced by
 *	  the effects family's effects_ratio_arms / effects_cuped_arms).
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
#include "effects_sql.h"
#include "joint_sql.h"
#include "sequential.h"
#include "sequential_sql.h"
#include "summary_sql.h"

PG_FUNCTION_INFO_V1(sequential_test_summary);
PG_FUNCTION_INFO_V1(sequential_ratio_test);
PG_FUNCTION_INFO_V1(sequential_cuped_test);

#define SEQ_NFIELDS 16

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
	Datum		values[SEQ_NFIELDS];
	bool		nulls[SEQ_NFIELDS];
	const double fields[SEQ_NFIELDS - 3] = {
		r->statistic, r->p_value, r->estimate, r->ci_lower, r->ci_upper,
		r->std_error, r->rel_estimate, r->rel_ci_lower, r->rel_ci_upper,
		r->rel_std_error, r->treatment_mean, r->control_mean,
		r->variance_reduction
	};
	int			i;

	for (i = 0; i < SEQ_NFIELDS - 3; i++)
		values[i] = result_float8(fields[i], &nulls[i]);
	values[SEQ_NFIELDS - 3] = seq_theta_datum(r->ntheta, r->theta,
											  &nulls[SEQ_NFIELDS - 3]);
	values[SEQ_NFIELDS - 2] = result_float8(r->e_value, &nulls[SEQ_NFIELDS - 2]);
	values[SEQ_NFIELDS - 1] = CStringGetTextDatum(r->method);
	nulls[SEQ_NFIELDS - 1] = false;
	return result_row(fcinfo, SEQ_NFIELDS, values, nulls);
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

/*
 * seq_joint_arms: two joint summaries reduced to unit-level arms, as
 * ratio_test (kind JOINT_ARMS_RATIO: 2 metrics numerator, denominator, or
 * 4 with the pre-period numerator and denominator) or cuped_test
 * (JOINT_ARMS_CUPED: metric 1 adjusted by metrics 2..k, theta given or,
 * when NULL, by least squares on both arms) do it (effects.c).  fname
 * names the SQL function in error messages.
 */
void
seq_joint_arms(JointArmsKind kind, const char *fname, const JointSummary *ts,
			   const JointSummary *cs, ArrayType *theta_arr, JointArms *a)
{
	JointMoments t,
				c,
				total;
	double		given[EFFECTS_MAX_COVARIATES];
	double		theta[EFFECTS_MAX_COVARIATES];

	StaticAssertStmt(lengthof(a->theta) == EFFECTS_MAX_COVARIATES,
					 "JointArms.theta holds cuped_test's coefficients");
	a->defined = true;
	a->adjusted = false;
	a->ntheta = 0;
	if (kind == JOINT_ARMS_RATIO)
	{
		if (ts->k != 2 && ts->k != 4)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("invalid value for argument \"treatment\": a joint summary of %d metrics",
							ts->k),
					 errdetail("%s takes the joint summaries of 2 metrics (numerator, denominator) or of 4 (numerator, denominator, pre-period numerator, pre-period denominator).",
							   fname)));
		joint_arms(ts, cs, &t, &c, &total);
		a->adjusted = ts->k == 4;
		if (!effects_ratio_arms(&t, &c, &total, &a->ta, &a->ca, &a->tu, &a->cu,
								theta))
			a->defined = false;
		else
		{
			check_arms(&a->ta, &a->ca, &a->tu, &a->cu, "linearized ratio");
			if (a->adjusted)
			{
				a->ntheta = 1;
				a->theta[0] = theta[0];
			}
		}
		snprintf(a->what, sizeof(a->what), "ratio of means (delta method)%s",
				 a->adjusted ? ", CUPED-adjusted by the pre-period ratio" : "");
	}
	else
	{
		if (theta_arr != NULL)
			arg_theta(theta_arr, ts->k - 1, given);
		joint_arms(ts, cs, &t, &c, &total);
		effects_cuped_arms(&t, &c, &total, theta_arr != NULL ? given : NULL,
						   &a->ta, &a->ca, &a->tu, &a->cu, theta);
		check_arms(&a->ta, &a->ca, &a->tu, &a->cu, "adjusted metric");
		a->adjusted = true;
		a->ntheta = ts->k - 1;
		memcpy(a->theta, theta, sizeof(double) * a->ntheta);
		snprintf(a->what, sizeof(a->what),
				 "CUPED-adjusted by %d covariate%s (theta %s)", ts->k - 1,
				 ts->k == 2 ? "" : "s",
				 theta_arr != NULL ? "given" : "by least squares on both arms");
	}
}

/*
 * seq_variance_reduction: 1 - se_adjusted^2 / se_unadjusted^2 of the
 * difference of means (cuped_test's variance_reduction), NAN when nothing
 * was adjusted or a standard error is undefined.
 */
double
seq_variance_reduction(const JointArms *a)
{
	double		est,
				se_adj,
				se_unadj,
				rel,
				rel_se;

	if (!a->defined || !a->adjusted)
		return NAN;
	seq_arm_effects(&a->ta, &a->ca, &est, &se_adj, &rel, &rel_se);
	seq_arm_effects(&a->tu, &a->cu, &est, &se_unadj, &rel, &rel_se);
	if (!(se_unadj > 0.0) || isnan(se_adj))
		return NAN;
	return 1.0 - (se_adj / se_unadj) * (se_adj / se_unadj);
}

/* seq_theta_datum: the coefficients as float8[], NULL when there are none */
Datum
seq_theta_datum(int ntheta, const double *theta, bool *isnull)
{
	Datum		elems[EFFECTS_MAX_COVARIATES];
	int			i;

	*isnull = ntheta == 0;
	if (ntheta == 0)
		return (Datum) 0;
	for (i = 0; i < ntheta; i++)
		elems[i] = Float8GetDatum(theta[i]);
	return PointerGetDatum(construct_array(elems, ntheta, FLOAT8OID, sizeof(float8),
										   FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
}

/* the sequential test of joint arms, with the method naming the form */
static Datum
seq_joint_result(FunctionCallInfo fcinfo, const JointArms *a, double tuning,
				 Alternative alt, double conf_level)
{
	SeqResult	r;
	char		method[sizeof(r.method)];

	if (a->defined)
		seq_two_sample(&a->ta, &a->ca, tuning, alt, conf_level, &r);
	else
	{
		seq_effect(NAN, NAN, NAN, NAN, false, 0.0, tuning, alt, conf_level, &r);
		r.treatment_mean = r.control_mean = NAN;
	}
	r.variance_reduction = seq_variance_reduction(a);
	r.ntheta = a->ntheta;
	memcpy(r.theta, a->theta, sizeof(r.theta));
	snprintf(method, sizeof(method), "%s, %s", r.method, a->what);
	memcpy(r.method, method, sizeof(r.method));
	return seq_result_datum(fcinfo, &r);
}

/*
 * sequential_ratio_test(treatment, control joint_summary, tuning,
 * alternative, conf_level): the sequence of ratio_test's ratio metric.
 */
Datum
sequential_ratio_test(PG_FUNCTION_ARGS)
{
	JointSummary *ts = PG_GETARG_JOINT_SUMMARY_P(0);
	JointSummary *cs = PG_GETARG_JOINT_SUMMARY_P(1);
	double		tuning = PG_GETARG_FLOAT8(2);
	Alternative alt = arg_alternative(PG_GETARG_TEXT_PP(3));
	double		conf_level = PG_GETARG_FLOAT8(4);
	JointArms	a;

	seq_check_args(tuning, alt, conf_level);
	seq_joint_arms(JOINT_ARMS_RATIO, "sequential_ratio_test", ts, cs, NULL, &a);
	PG_RETURN_DATUM(seq_joint_result(fcinfo, &a, tuning, alt, conf_level));
}

/*
 * sequential_cuped_test(treatment, control joint_summary, tuning,
 * alternative, conf_level, theta): the sequence of cuped_test's adjusted
 * metric.  Not STRICT (theta defaults to NULL, estimate it): a NULL in any
 * other argument gives NULL.
 */
Datum
sequential_cuped_test(PG_FUNCTION_ARGS)
{
	JointSummary *ts;
	JointSummary *cs;
	double		tuning;
	Alternative alt;
	double		conf_level;
	JointArms	a;
	int			i;

	for (i = 0; i < 5; i++)
		if (PG_ARGISNULL(i))
			PG_RETURN_NULL();
	ts = PG_GETARG_JOINT_SUMMARY_P(0);
	cs = PG_GETARG_JOINT_SUMMARY_P(1);
	tuning = PG_GETARG_FLOAT8(2);
	alt = arg_alternative(PG_GETARG_TEXT_PP(3));
	conf_level = PG_GETARG_FLOAT8(4);
	seq_check_args(tuning, alt, conf_level);
	seq_joint_arms(JOINT_ARMS_CUPED, "sequential_cuped_test", ts, cs,
				   PG_ARGISNULL(5) ? NULL : PG_GETARG_ARRAYTYPE_P(5), &a);
	PG_RETURN_DATUM(seq_joint_result(fcinfo, &a, tuning, alt, conf_level));
}
