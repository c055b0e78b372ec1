/*-------------------------------------------------------------------------
 *
 * power_sql.c
 *	  SQL interface of the power family: pt() with a noncentrality,
 *	  power_t_test(), power_prop_test(), power_curve() and
 *	  sample_size_check().  The numerics are in power.c and noncentral_t.c;
 *	  this file validates arguments, picks the unknown and builds results.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "fmgr.h"
#include "funcapi.h"
#include "utils/builtins.h"

#include "args.h"
#include "noncentral_t.h"
#include "power.h"
#include "summary_sql.h"

PG_FUNCTION_INFO_V1(pt_noncentral);
PG_FUNCTION_INFO_V1(power_t_test);
PG_FUNCTION_INFO_V1(power_prop_test);
PG_FUNCTION_INFO_V1(power_curve);
PG_FUNCTION_INFO_V1(sample_size_check);

/* Largest number of rows power_curve() returns. */
#define POWER_CURVE_MAX_STEPS	100000

/*
 * pt(q, df, ncp, lower_tail): the noncentral t distribution function
 * (Lenth's AS 243 with R's refinements, see noncentral_t.c), R's
 * pt(q, df, ncp, lower.tail).
 */
Datum
pt_noncentral(PG_FUNCTION_ARGS)
{
	double		q = PG_GETARG_FLOAT8(0);
	double		df = PG_GETARG_FLOAT8(1);
	double		ncp = PG_GETARG_FLOAT8(2);
	bool		lower = PG_GETARG_BOOL(3);
	NctStatus	status;
	double		p;

	arg_not_nan(q, "q");
	arg_positive(df, "df");
	arg_finite(ncp, "ncp");

	p = noncentral_t_cdf(q, df, ncp, lower, &status);
	if (isnan(p))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("could not compute the noncentral t distribution at q = %g, df = %g, ncp = %g",
						q, df, ncp)));
	if (status == NCT_NOCONV)
		ereport(WARNING,
				(errmsg("noncentral t series did not converge: full precision may not have been achieved")));
	PG_RETURN_FLOAT8(p);
}

/* ---------------------------------------------------------------------
 * Shared argument handling
 * ---------------------------------------------------------------------
 */

/* 'two-sided' / 'one-sided' (R: alternative = c("two.sided", "one.sided")) */
static int
arg_power_sides(text *value)
{
	static const ArgKeyword choices[] = {
		{"two-sided", 2},
		{"two.sided", 2},
		{"one-sided", 1},
		{"one.sided", 1},
		{NULL, 0}
	};

	return arg_keyword(value, "alternative", choices);
}

/* 'two.sample' (2) or 'one.sample' / 'paired' (1), '-' accepted for '.' */
static int
arg_power_type(text *value)
{
	static const ArgKeyword choices[] = {
		{"two.sample", 2},
		{"two-sample", 2},
		{"one.sample", 1},
		{"one-sample", 1},
		{"paired", 1},
		{NULL, 0}
	};

	return arg_keyword(value, "type", choices);
}

/*
 * The unknown of a power calculation: exactly one of the five arguments
 * 0..4 (named in names[]) must be NULL.
 */
static PowerUnknown
power_unknown(FunctionCallInfo fcinfo, const char *const names[5])
{
	int			nnull = 0;
	int			unknown = 0;
	int			i;

	for (i = 0; i < 5; i++)
	{
		if (PG_ARGISNULL(i))
		{
			nnull++;
			unknown = i;
		}
	}
	if (nnull != 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("exactly one of \"%s\", \"%s\", \"%s\", \"%s\" and \"%s\" must be NULL",
						names[0], names[1], names[2], names[3], names[4]),
				 errdetail("%d of them are NULL.", nnull),
				 errhint("Leave NULL (or omit) the one argument to solve for.")));
	return (PowerUnknown) unknown;
}

/* ratio = n2 / n1: positive, finite, and leaving more than 1 unit in group 2 */
static void
check_ratio(double ratio, double n, bool have_n)
{
	arg_positive(ratio, "ratio");
	if (have_n && !(ratio * n > 1.0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid value for argument \"ratio\": %g", ratio),
				 errdetail("The second group would have ratio * n = %g units; it needs more than 1.",
						   ratio * n)));
}

/*
 * Raise the error for an unknown that no value in its domain can produce.
 */
static void
report_unsolvable(PowerStatus st, const char *unknown, double power)
{
	if (st == POWER_OK)
		return;
	if (st == POWER_FAILED)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("could not solve for \"%s\"", unknown),
				 errdetail("The power function could not be evaluated or the root finder did not converge.")));
	if (strcmp(unknown, "n") == 0)
	{
		if (st == POWER_TOO_HIGH)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("no sample size reaches power %g", power),
					 errdetail("The power stays below it for every n up to 1e15 (is the effect zero, or of the wrong sign for a one-sided test?).")));
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("power %g is exceeded even with the smallest sample size", power),
				 errdetail("Every n leaving more than one unit per group gives more power; compute the power instead.")));
	}
	if (strcmp(unknown, "sig_level") == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("no sig_level reaches power %g", power),
				 errdetail("The power for sig_level between 1e-10 and 1 - 1e-10 is %s the requested power.",
						   st == POWER_TOO_HIGH ? "always below" : "always above")));
	if (st == POWER_TOO_LOW)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("no value of \"%s\" gives power %g", unknown, power),
				 errdetail("Power must exceed its value when there is no effect (sig_level, or sig_level / 2 for a two-sided test that is not strict).")));
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("no value of \"%s\" gives power %g", unknown, power),
			 errdetail("The power stays below it over the whole range of \"%s\".", unknown)));
}

/*
 * Return a composite of six float8 fields (result_row); NaN/Inf become
 * NULL (a design quantity is never infinite).
 */
static Datum
power_result(FunctionCallInfo fcinfo, const double v[6], const bool null[6])
{
	Datum		values[6];
	bool		nulls[6];
	int			i;

	for (i = 0; i < 6; i++)
	{
		values[i] = FLOAT8_OR_NULL(v[i], &nulls[i]);
		nulls[i] = nulls[i] || null[i];
	}
	return result_row(fcinfo, 6, values, nulls);
}

/* ---------------------------------------------------------------------
 * power_t_test
 * ---------------------------------------------------------------------
 */

/*
 * power_t_test(n, delta, sd, sig_level, power, type, alternative, strict,
 * ratio): R's power.t.test, solved to full precision, extended with the
 * allocation ratio n2 / n1 (pwr.t2n.test).  Returns
 * (n, n2, delta, sd, sig_level, power).
 */
Datum
power_t_test(PG_FUNCTION_ARGS)
{
	static const char *const names[5] = {"n", "delta", "sd", "sig_level", "power"};
	double		n = PG_ARGISNULL(0) ? NAN : PG_GETARG_FLOAT8(0);
	double		delta = PG_ARGISNULL(1) ? NAN : PG_GETARG_FLOAT8(1);
	double		sd = PG_ARGISNULL(2) ? NAN : PG_GETARG_FLOAT8(2);
	double		sig_level = PG_ARGISNULL(3) ? NAN : PG_GETARG_FLOAT8(3);
	double		power = PG_ARGISNULL(4) ? NAN : PG_GETARG_FLOAT8(4);
	PowerUnknown unknown;
	TPowerDesign d;
	PowerStatus st;
	double		v[6];
	bool		null[6] = {false, false, false, false, false, false};
	int			i;

	for (i = 5; i < 9; i++)
		if (PG_ARGISNULL(i))
			PG_RETURN_NULL();
	unknown = power_unknown(fcinfo, names);

	d.tsample = arg_power_type(PG_GETARG_TEXT_PP(5));
	d.tside = arg_power_sides(PG_GETARG_TEXT_PP(6));
	d.strict = PG_GETARG_BOOL(7);
	d.ratio = PG_GETARG_FLOAT8(8);

	if (unknown != UNKNOWN_N)
		arg_greater_than(n, 1.0, "n");
	if (unknown != UNKNOWN_DELTA)
		arg_finite(delta, "delta");
	if (unknown != UNKNOWN_SD)
		arg_positive(sd, "sd");
	if (unknown != UNKNOWN_SIG_LEVEL)
		arg_open_probability(sig_level, "sig_level");
	if (unknown != UNKNOWN_POWER)
		arg_open_probability(power, "power");
	if (d.tsample == 1 && d.ratio != 1.0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid value for argument \"ratio\": %g", d.ratio),
				 errdetail("\"ratio\" applies to two-sample designs only; it must be 1 for one-sample and paired designs.")));
	check_ratio(d.ratio, n, d.tsample == 2 && unknown != UNKNOWN_N);
	if (unknown == UNKNOWN_N && delta == 0.0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid value for argument \"delta\": 0"),
				 errdetail("\"delta\" must be nonzero when solving for \"n\".")));
	if (unknown == UNKNOWN_SD && delta == 0.0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid value for argument \"delta\": 0"),
				 errdetail("\"delta\" must be nonzero when solving for \"sd\".")));

	st = power_t_solve(&d, unknown, &n, &delta, &sd, &sig_level, &power);
	report_unsolvable(st, names[unknown], power);

	v[0] = n;
	v[1] = d.ratio * n;
	null[1] = (d.tsample == 1);
	v[2] = delta;
	v[3] = sd;
	v[4] = sig_level;
	v[5] = power;
	return power_result(fcinfo, v, null);
}

/* ---------------------------------------------------------------------
 * power_prop_test
 * ---------------------------------------------------------------------
 */

/*
 * power_prop_test(n, p1, p2, sig_level, power, alternative, strict,
 * ratio): R's power.prop.test, solved to full precision, extended with
 * the allocation ratio (see power.c).  Returns (n, n2, p1, p2, sig_level,
 * power).  p1 and p2 may be 0 or 1 wherever the power is defined (R's own
 * example power.prop.test(p1 = .90, p2 = 1, power = .80)); p1 = p2 = 0 or
 * 1, where every outcome is certain, is rejected.
 */
Datum
power_prop_test(PG_FUNCTION_ARGS)
{
	static const char *const names[5] = {"n", "p1", "p2", "sig_level", "power"};
	double		n = PG_ARGISNULL(0) ? NAN : PG_GETARG_FLOAT8(0);
	double		p1 = PG_ARGISNULL(1) ? NAN : PG_GETARG_FLOAT8(1);
	double		p2 = PG_ARGISNULL(2) ? NAN : PG_GETARG_FLOAT8(2);
	double		sig_level = PG_ARGISNULL(3) ? NAN : PG_GETARG_FLOAT8(3);
	double		power = PG_ARGISNULL(4) ? NAN : PG_GETARG_FLOAT8(4);
	PowerUnknown unknown;
	PropPowerDesign d;
	PowerStatus st;
	double		v[6];
	bool		null[6] = {false, false, false, false, false, false};
	int			i;

	for (i = 5; i < 8; i++)
		if (PG_ARGISNULL(i))
			PG_RETURN_NULL();
	unknown = power_unknown(fcinfo, names);

	d.tside = arg_power_sides(PG_GETARG_TEXT_PP(5));
	d.strict = PG_GETARG_BOOL(6);
	d.ratio = PG_GETARG_FLOAT8(7);

	if (unknown != UNKNOWN_N)
		arg_greater_than(n, 1.0, "n");
	if (unknown != UNKNOWN_DELTA)
		arg_probability(p1, "p1");
	if (unknown != UNKNOWN_SD)
		arg_probability(p2, "p2");
	if (unknown != UNKNOWN_SIG_LEVEL)
		arg_open_probability(sig_level, "sig_level");
	if (unknown != UNKNOWN_POWER)
		arg_open_probability(power, "power");
	check_ratio(d.ratio, n, unknown != UNKNOWN_N);
	if (unknown == UNKNOWN_N && p1 == p2)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid value for argument \"p2\": %g", p2),
				 errdetail("\"p1\" and \"p2\" must differ when solving for \"n\".")));
	/* p1 = p2 = 0 or 1: every outcome is certain, the z test undefined */
	if (unknown != UNKNOWN_DELTA && unknown != UNKNOWN_SD && p1 == p2 &&
		(p1 == 0.0 || p1 == 1.0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid value for argument \"p2\": %g", p2),
				 errdetail("With \"p1\" and \"p2\" both %g every outcome is certain: the test, and so its power, is undefined.",
						   p1)));
	/* an unknown p1 is searched below p2, an unknown p2 above p1 (R) */
	if (unknown == UNKNOWN_DELTA && p2 == 0.0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid value for argument \"p2\": 0"),
				 errdetail("\"p1\" is searched below \"p2\", so \"p2\" must be greater than 0 when solving for \"p1\".")));
	if (unknown == UNKNOWN_SD && p1 == 1.0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid value for argument \"p1\": 1"),
				 errdetail("\"p2\" is searched above \"p1\", so \"p1\" must be less than 1 when solving for \"p2\".")));

	st = power_prop_solve(&d, unknown, &n, &p1, &p2, &sig_level, &power);
	report_unsolvable(st, names[unknown], power);

	v[0] = n;
	v[1] = d.ratio * n;
	v[2] = p1;
	v[3] = p2;
	v[4] = sig_level;
	v[5] = power;
	return power_result(fcinfo, v, null);
}

/* ---------------------------------------------------------------------
 * power_curve
 * ---------------------------------------------------------------------
 */

typedef struct PowerCurveState
{
	TPowerDesign d;
	double		sd;
	double		sig_level;
	bool		over_n;			/* n varies (else delta varies) */
	double		fixed;			/* the fixed n or delta */
	double		from;
	double		to;
	int			steps;
} PowerCurveState;

/*
 * power_curve(n, delta, sd, sig_level, type, alternative, strict, ratio,
 * delta_from, delta_to, n_from, n_to, steps): the t test power of
 * power_t_test() at `steps` evenly spaced points of either delta (n
 * given) or n (delta given), as rows (n, delta, power) for plotting.  A
 * NULL design argument or steps gives no rows.
 */
Datum
power_curve(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;
	PowerCurveState *st;

	if (SRF_IS_FIRSTCALL())
	{
		MemoryContext oldcontext;
		TupleDesc	tupdesc;
		int			i;

		funcctx = SRF_FIRSTCALL_INIT();

		/*
		 * A NULL design argument (sd, sig_level, type, alternative,
		 * strict, ratio) or steps gives no rows, as a NULL argument gives
		 * a NULL result elsewhere; the NULLs of n, delta and the ranges
		 * are meaningful (they choose what varies).
		 */
		for (i = 2; i < 8; i++)
			if (PG_ARGISNULL(i))
				SRF_RETURN_DONE(funcctx);
		if (PG_ARGISNULL(12))
			SRF_RETURN_DONE(funcctx);

		oldcontext = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		st = palloc0(sizeof(PowerCurveState));

		st->sd = PG_GETARG_FLOAT8(2);
		st->sig_level = PG_GETARG_FLOAT8(3);
		st->d.tsample = arg_power_type(PG_GETARG_TEXT_PP(4));
		st->d.tside = arg_power_sides(PG_GETARG_TEXT_PP(5));
		st->d.strict = PG_GETARG_BOOL(6);
		st->d.ratio = PG_GETARG_FLOAT8(7);
		st->steps = PG_GETARG_INT32(12);
		arg_positive(st->sd, "sd");
		arg_open_probability(st->sig_level, "sig_level");
		arg_positive(st->d.ratio, "ratio");
		if (st->d.tsample == 1 && st->d.ratio != 1.0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("invalid value for argument \"ratio\": %g", st->d.ratio),
					 errdetail("\"ratio\" applies to two-sample designs only; it must be 1 for one-sample and paired designs.")));
		if (st->steps < 2 || st->steps > POWER_CURVE_MAX_STEPS)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("invalid value for argument \"steps\": %d", st->steps),
					 errdetail("\"steps\" must be between 2 and %d.", POWER_CURVE_MAX_STEPS)));

		/* either n with a delta range, or delta with an n range */
		if (!PG_ARGISNULL(0) && PG_ARGISNULL(1) &&
			!PG_ARGISNULL(8) && !PG_ARGISNULL(9) && PG_ARGISNULL(10) && PG_ARGISNULL(11))
		{
			st->over_n = false;
			st->fixed = PG_GETARG_FLOAT8(0);
			st->from = PG_GETARG_FLOAT8(8);
			st->to = PG_GETARG_FLOAT8(9);
			arg_greater_than(st->fixed, 1.0, "n");
			check_ratio(st->d.ratio, st->fixed, st->d.tsample == 2);
			arg_finite(st->from, "delta_from");
			arg_finite(st->to, "delta_to");
		}
		else if (PG_ARGISNULL(0) && !PG_ARGISNULL(1) &&
				 PG_ARGISNULL(8) && PG_ARGISNULL(9) && !PG_ARGISNULL(10) && !PG_ARGISNULL(11))
		{
			st->over_n = true;
			st->fixed = PG_GETARG_FLOAT8(1);
			st->from = PG_GETARG_FLOAT8(10);
			st->to = PG_GETARG_FLOAT8(11);
			arg_finite(st->fixed, "delta");
			arg_greater_than(st->from, 1.0, "n_from");
			arg_greater_than(st->to, 1.0, "n_to");
			check_ratio(st->d.ratio, fmin(st->from, st->to), st->d.tsample == 2);
		}
		else
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("power_curve needs either \"n\" with \"delta_from\" and \"delta_to\", or \"delta\" with \"n_from\" and \"n_to\"")));

		if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
			elog(ERROR, "return type must be a row type");
		funcctx->tuple_desc = BlessTupleDesc(tupdesc);
		funcctx->user_fctx = st;
		funcctx->max_calls = st->steps;
		MemoryContextSwitchTo(oldcontext);
	}

	funcctx = SRF_PERCALL_SETUP();
	st = (PowerCurveState *) funcctx->user_fctx;
	if (funcctx->call_cntr < funcctx->max_calls)
	{
		int			i = (int) funcctx->call_cntr;
		double		x;
		double		n,
					delta,
					power;
		Datum		values[3];
		bool		nulls[3];

		/*
		 * Evenly spaced, both ends exact.  Inner points are rounded to 15
		 * significant digits so that a range such as 0 to 0.2 in 5 steps
		 * gives 0.15 rather than 0.15000000000000002 (a change of at most
		 * 1e-15 relative; the power is computed at the rounded point).
		 */
		if (i == st->steps - 1)
			x = st->to;
		else
		{
			char		buf[32];
			double		t = (double) i / (st->steps - 1);

			/* interpolate without forming (to - from) * i, which can overflow */
			x = st->from * (1.0 - t) + st->to * t;
			snprintf(buf, sizeof(buf), "%.15g", x);
			x = strtod(buf, NULL);
		}
		n = st->over_n ? x : st->fixed;
		delta = st->over_n ? st->fixed : x;
		power = power_t_power(&st->d, n, delta / st->sd, st->sig_level);
		if (isnan(power))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("could not compute the power at n = %g, delta = %g", n, delta)));
		values[0] = Float8GetDatum(n);
		values[1] = Float8GetDatum(st->d.tside == 2 ? fabs(delta) : delta);
		values[2] = Float8GetDatum(power);
		nulls[0] = nulls[1] = nulls[2] = false;
		SRF_RETURN_NEXT(funcctx,
						HeapTupleGetDatum(heap_form_tuple(funcctx->tuple_desc, values, nulls)));
	}
	SRF_RETURN_DONE(funcctx);
}

/* ---------------------------------------------------------------------
 * sample_size_check
 * ---------------------------------------------------------------------
 */

/*
 * mul_div: a * b / c * 2^k for finite a, b >= 0 and c > 0, with no
 * intermediate overflow or underflow (the mantissas are combined, then the
 * exponents): Infinity or 0 only when the result itself is beyond the
 * float8 range.
 */
static double
mul_div(double a, double b, double c, int k)
{
	int			ea,
				eb,
				ec;
	double		ma = frexp(a, &ea);
	double		mb = frexp(b, &eb);
	double		mc = frexp(c, &ec);

	return ldexp(ma * mb / mc, ea + eb - ec + k);
}

/* A required size as a bigint; 22003 when no bigint can hold it. */
static int64
required_count(double n, const char *field)
{
	double		c = ceil(n);

	if (!(c < 9223372036854775808.0))	/* 2^63 */
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("value out of range: %s of sample_size_check exceeds bigint", field),
				 errdetail("Detecting this difference would need %g units in an arm.", c)));
	return (int64) c;
}

/*
 * sample_size_check(treatment, control, mde, relative, sig_level, power):
 * "can we stop yet?" on live summaries.  With the observed variances of
 * both arms and the observed allocation k = n_treatment / n_control, the
 * two-sided Welch test (noncentral t with Welch-Satterthwaite df, both
 * tails; power.c) needs n_control = m, n_treatment = k m units to detect
 * a difference of `mde` (absolute, or times |mean(control)| when
 * `relative`) with the requested power.  Returns (n_treatment, n_control,
 * n_required_treatment, n_required_control (rounded up), enough,
 * power_at_current_n, mde_at_current_n (in the units of `mde`)); the
 * fields that are undefined (an arm with fewer than 2 units, no variance
 * in either arm, a relative mde on a zero control mean) are NULL.
 *
 * The numerics run on the variances divided by the larger one and on the
 * difference in units of its square root (computed by mul_div), the
 * variances themselves formed from the M2s scaled by a power of 2, so
 * summaries with counts up to 2^63 - 1 and moments from subnormal to
 * DBL_MAX never overflow or underflow in between.  A required size beyond bigint (9.2e18), or a
 * detectable difference beyond float8, cannot be represented: 22003, as
 * README "Reading results" says; a difference beyond DBL_MAX standard
 * errors is detected with power 1.
 */
Datum
sample_size_check(PG_FUNCTION_ARGS)
{
	StatsSummary *ts = PG_GETARG_STATS_SUMMARY_P(0);
	StatsSummary *cs = PG_GETARG_STATS_SUMMARY_P(1);
	double		mde = PG_GETARG_FLOAT8(2);
	bool		relative = PG_GETARG_BOOL(3);
	double		sig_level = PG_GETARG_FLOAT8(4);
	double		power = PG_GETARG_FLOAT8(5);
	Moments		t,
				c;
	double		n_t,
				n_c,
				scale;
	Datum		values[7];
	bool		nulls[7] = {false, false, true, true, true, true, true};

	arg_size_check(mde, sig_level, power);

	summary_to_moments(ts, &t);
	summary_to_moments(cs, &c);
	n_t = (double) t.n;
	n_c = (double) c.n;
	scale = relative ? fabs(c.mean) : 1.0;

	values[0] = Int64GetDatum(t.n);
	values[1] = Int64GetDatum(c.n);

	if (n_t >= 2.0 && n_c >= 2.0 && (t.m2 > 0.0 || c.m2 > 0.0) && scale > 0.0)
	{
		int			e;
		double		vs_t,
					vs_c,
					s,
					d,
					m,
					p_now,
					mde_now;
		PowerStatus st;

		/* the variances are (vs_t, vs_c) 2^e; s the larger of vs_t, vs_c */
		(void) frexp(fmax(t.m2, c.m2), &e);
		e -= e & 1;
		vs_t = ldexp(t.m2, -e) / (n_t - 1.0);
		vs_c = ldexp(c.m2, -e) / (n_c - 1.0);
		s = fmax(vs_t, vs_c);
		vs_t /= s;
		vs_c /= s;
		/* the difference in units of the larger sd, sqrt(s) 2^(e/2) */
		d = mul_div(fabs(mde), scale, sqrt(s), -e / 2);

		st = power_welch_n(n_t / n_c, vs_t, vs_c, d, sig_level, power, &m);
		if (st == POWER_TOO_HIGH)
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("value out of range: n_required_control of sample_size_check exceeds bigint"),
					 errdetail("Detecting this difference would need more than %g units in an arm.",
							   9223372036854775807.0)));
		if (st == POWER_OK)
		{
			values[2] = Int64GetDatum(required_count(n_t / n_c * m, "n_required_treatment"));
			values[3] = Int64GetDatum(required_count(m, "n_required_control"));
			nulls[2] = nulls[3] = false;
		}
		p_now = power_welch_power(n_t, n_c, vs_t, vs_c, d, sig_level);
		if (isfinite(p_now))
		{
			values[4] = BoolGetDatum(p_now >= power);
			values[5] = Float8GetDatum(p_now);
			nulls[4] = nulls[5] = false;
		}
		if (power_welch_mde(n_t, n_c, vs_t, vs_c, sig_level, power, &mde_now) == POWER_OK)
		{
			/* in units of the larger sd: back to those of mde */
			mde_now = mul_div(mde_now, sqrt(s), scale, e / 2);
			if (isinf(mde_now))
				ereport(ERROR,
						(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
						 errmsg("value out of range: mde_at_current_n of sample_size_check exceeds float8")));
			values[6] = Float8GetDatum(mde_now);
			nulls[6] = false;
		}
	}
	PG_RETURN_DATUM(result_row(fcinfo, 7, values, nulls));
}
