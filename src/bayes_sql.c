/*-------------------------------------------------------------------------
 *
 * bayes_sql.c
 *	  SQL glue of the Bayesian readouts: bayes_test() on two stats_summary
 *	  values, bayes_ratio_test() and bayes_cuped_test() on two
 *	  joint_summary values, bayes_prop_test() on two proportions (numerics
 *	  in bayes.c).
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "fmgr.h"
#include "miscadmin.h"
#include "utils/builtins.h"

#include "args.h"
#include "bayes.h"
#include "joint_sql.h"
#include "sequential.h"
#include "sequential_sql.h"
#include "summary_sql.h"

PG_FUNCTION_INFO_V1(bayes_test_summary);
PG_FUNCTION_INFO_V1(bayes_ratio_test);
PG_FUNCTION_INFO_V1(bayes_cuped_test);
PG_FUNCTION_INFO_V1(bayes_prop_test);

#define BAYES_NFIELDS	16
#define BAYES_MAX_COUNT	INT64CONST(1000000000)

static void
bayes_check_interrupts(void)
{
	CHECK_FOR_INTERRUPTS();
}

/* The prior and level: prior_mean finite, prior_sd NULL or > 0. */
typedef struct BayesArgs
{
	double		prior_mean;
	double		prior_sd;		/* NAN: flat */
	bool		relative;
	double		conf_level;
} BayesArgs;

/*
 * bayes_args: arguments first_arg .. first_arg + 3 (prior_mean, prior_sd,
 * relative, conf_level); false when one that may not be NULL is.
 */
static bool
bayes_args(FunctionCallInfo fcinfo, int first_arg, BayesArgs *a)
{
	if (PG_ARGISNULL(first_arg) || PG_ARGISNULL(first_arg + 2) ||
		PG_ARGISNULL(first_arg + 3))
		return false;
	a->prior_mean = PG_GETARG_FLOAT8(first_arg);
	a->prior_sd = PG_ARGISNULL(first_arg + 1) ? NAN : PG_GETARG_FLOAT8(first_arg + 1);
	a->relative = PG_GETARG_BOOL(first_arg + 2);
	a->conf_level = PG_GETARG_FLOAT8(first_arg + 3);
	arg_finite(a->prior_mean, "prior_mean");
	if (!PG_ARGISNULL(first_arg + 1))
		arg_positive(a->prior_sd, "prior_sd");
	arg_conf_level(a->conf_level);
	return true;
}

/* the bayes_test_result row; NAN fields are NULL */
static Datum
bayes_result_datum(FunctionCallInfo fcinfo, const BayesResult *r)
{
	Datum		values[BAYES_NFIELDS];
	bool		nulls[BAYES_NFIELDS];
	const double fields[BAYES_NFIELDS - 2] = {
		r->estimate, r->ci_lower, r->ci_upper, r->std_error,
		r->rel_estimate, r->rel_ci_lower, r->rel_ci_upper, r->rel_std_error,
		r->chance_to_win, r->loss_treatment, r->loss_control,
		r->treatment_mean, r->control_mean, r->variance_reduction
	};
	int			i;

	for (i = 0; i < BAYES_NFIELDS - 2; i++)
		values[i] = result_float8(fields[i], &nulls[i]);
	values[BAYES_NFIELDS - 2] = seq_theta_datum(r->ntheta, r->theta,
												&nulls[BAYES_NFIELDS - 2]);
	values[BAYES_NFIELDS - 1] = CStringGetTextDatum(r->method);
	nulls[BAYES_NFIELDS - 1] = false;
	return result_row(fcinfo, BAYES_NFIELDS, values, nulls);
}

/* The readout of two arms reduced to unit-level (n, mean, M2). */
static void
bayes_arms(const Moments *t, const Moments *c, const BayesArgs *a,
		   BayesResult *r)
{
	double		estimate,
				se,
				rel_estimate,
				rel_se;

	seq_arm_effects(t, c, &estimate, &se, &rel_estimate, &rel_se);
	bayes_gaussian(estimate, se, rel_estimate, rel_se, c->mean, a->prior_mean,
				   a->prior_sd, a->relative, a->conf_level, r);
	r->treatment_mean = t->mean;
	r->control_mean = c->mean;
}

/*
 * bayes_test(treatment, control stats_summary, prior_mean, prior_sd,
 * relative, conf_level).  Not STRICT (prior_sd defaults to NULL, the flat
 * prior): a NULL in any other argument gives NULL.
 */
Datum
bayes_test_summary(PG_FUNCTION_ARGS)
{
	BayesArgs	a;
	Moments		t,
				c;
	BayesResult r;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || !bayes_args(fcinfo, 2, &a))
		PG_RETURN_NULL();
	summary_to_moments(PG_GETARG_STATS_SUMMARY_P(0), &t);
	summary_to_moments(PG_GETARG_STATS_SUMMARY_P(1), &c);
	bayes_arms(&t, &c, &a, &r);
	PG_RETURN_DATUM(bayes_result_datum(fcinfo, &r));
}

/* the readout of joint arms, with the method naming the form */
static Datum
bayes_joint_result(FunctionCallInfo fcinfo, const JointArms *arms,
				   const BayesArgs *a)
{
	BayesResult r;
	char		method[sizeof(r.method)];

	if (arms->defined)
		bayes_arms(&arms->ta, &arms->ca, a, &r);
	else
	{
		bayes_gaussian(NAN, NAN, NAN, NAN, NAN, a->prior_mean, a->prior_sd,
					   a->relative, a->conf_level, &r);
		r.treatment_mean = r.control_mean = NAN;
	}
	if (!(a->relative ? isnan(r.rel_estimate) : isnan(r.estimate)))
		r.variance_reduction = seq_variance_reduction(arms);
	r.ntheta = arms->ntheta;
	memcpy(r.theta, arms->theta, sizeof(r.theta));
	snprintf(method, sizeof(method), "%s, %s", r.method, arms->what);
	memcpy(r.method, method, sizeof(r.method));
	return bayes_result_datum(fcinfo, &r);
}

/*
 * bayes_ratio_test(treatment, control joint_summary, prior_mean, prior_sd,
 * relative, conf_level): the readout of ratio_test's ratio metric.
 */
Datum
bayes_ratio_test(PG_FUNCTION_ARGS)
{
	BayesArgs	a;
	JointArms	arms;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || !bayes_args(fcinfo, 2, &a))
		PG_RETURN_NULL();
	seq_joint_arms(JOINT_ARMS_RATIO, "bayes_ratio_test",
				   PG_GETARG_JOINT_SUMMARY_P(0), PG_GETARG_JOINT_SUMMARY_P(1),
				   NULL, &arms);
	PG_RETURN_DATUM(bayes_joint_result(fcinfo, &arms, &a));
}

/*
 * bayes_cuped_test(treatment, control joint_summary, prior_mean, prior_sd,
 * relative, conf_level, theta): the readout of cuped_test's adjusted
 * metric (theta NULL: least squares on both arms).
 */
Datum
bayes_cuped_test(PG_FUNCTION_ARGS)
{
	BayesArgs	a;
	JointArms	arms;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || !bayes_args(fcinfo, 2, &a))
		PG_RETURN_NULL();
	seq_joint_arms(JOINT_ARMS_CUPED, "bayes_cuped_test",
				   PG_GETARG_JOINT_SUMMARY_P(0), PG_GETARG_JOINT_SUMMARY_P(1),
				   PG_ARGISNULL(6) ? NULL : PG_GETARG_ARRAYTYPE_P(6), &arms);
	PG_RETURN_DATUM(bayes_joint_result(fcinfo, &arms, &a));
}

/*
 * bayes_prop_test(x1, n1, x2, n2, prior_alpha, prior_beta): arm 1 is the
 * treatment; posteriors Beta(x + prior_alpha, n - x + prior_beta).
 */
Datum
bayes_prop_test(PG_FUNCTION_ARGS)
{
	int64		x1 = PG_GETARG_INT64(0);
	int64		n1 = PG_GETARG_INT64(1);
	int64		x2 = PG_GETARG_INT64(2);
	int64		n2 = PG_GETARG_INT64(3);
	double		alpha = PG_GETARG_FLOAT8(4);
	double		beta = PG_GETARG_FLOAT8(5);
	BetaResult	r;
	Datum		values[8];
	bool		nulls[8];
	const double *fields[7] = {
		&r.estimate, &r.std_error, &r.chance_to_win, &r.loss_treatment,
		&r.loss_control, &r.treatment_mean, &r.control_mean
	};
	int			i;

	arg_count_at_least(n1, "n1", 0, BAYES_MAX_COUNT);
	arg_count_at_least(x1, "x1", 0, BAYES_MAX_COUNT);
	arg_count_at_most(x1, "x1", n1, "n1");
	arg_count_at_least(n2, "n2", 0, BAYES_MAX_COUNT);
	arg_count_at_least(x2, "x2", 0, BAYES_MAX_COUNT);
	arg_count_at_most(x2, "x2", n2, "n2");
	arg_positive(alpha, "prior_alpha");
	arg_positive(beta, "prior_beta");

	bayes_interrupt_hook = bayes_check_interrupts;
	if (!bayes_beta((double) x1 + alpha, (double) (n1 - x1) + beta,
					(double) x2 + alpha, (double) (n2 - x2) + beta, &r))
		elog(ERROR, "bayes_prop_test: numerical integration failed");
	for (i = 0; i < 7; i++)
		values[i] = result_float8(*fields[i], &nulls[i]);
	values[7] = CStringGetTextDatum(r.method);
	nulls[7] = false;
	PG_RETURN_DATUM(result_row(fcinfo, 8, values, nulls));
}
