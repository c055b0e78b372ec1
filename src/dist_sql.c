/*-------------------------------------------------------------------------
 *
 * dist_sql.c
 *	  SQL glue for the distribution functions (pnorm ... dpois): R's names,
 *	  argument order and defaults; the numerics live in dist.c.
 *
 * Each function validates its arguments with the args.h helpers (22023
 * naming the argument), calls dist_*, and raises an error instead of
 * returning NaN should an iteration fail (it does not on the tested
 * ranges).  +-Infinity is a valid argument where R defines the result
 * (q = +-Infinity, x = +-Infinity) and a valid result (quantiles at p = 0
 * or 1, densities at a pole).
 *
 * The C symbols carry an abstats_ prefix: SQL names such as dt or df are
 * too short to be safe in the backend's global symbol namespace.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "fmgr.h"

#include "args.h"
#include "dist.h"

/*
 * Return v, or raise an error if the computation failed (NaN).
 */
static Datum
dist_result(double v, const char *fname)
{
	if (isnan(v))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("%s: the computation did not converge for these arguments",
						fname)));
	PG_RETURN_FLOAT8(v);
}

/* Shape checks shared by the families. */
static void
check_norm(double mean, double sd)
{
	arg_finite(mean, "mean");
	arg_positive(sd, "sd");
}

static void
check_binom(double size, double prob)
{
	arg_count(size, "size");
	arg_probability(prob, "prob");
}

/* ---- normal ---- */

PG_FUNCTION_INFO_V1(abstats_pnorm);
Datum
abstats_pnorm(PG_FUNCTION_ARGS)
{
	double		q = PG_GETARG_FLOAT8(0);
	double		mean = PG_GETARG_FLOAT8(1);
	double		sd = PG_GETARG_FLOAT8(2);

	arg_not_nan(q, "q");
	check_norm(mean, sd);
	return dist_result(dist_pnorm(q, mean, sd, PG_GETARG_BOOL(3)), "pnorm");
}

PG_FUNCTION_INFO_V1(abstats_qnorm);
Datum
abstats_qnorm(PG_FUNCTION_ARGS)
{
	double		p = PG_GETARG_FLOAT8(0);
	double		mean = PG_GETARG_FLOAT8(1);
	double		sd = PG_GETARG_FLOAT8(2);

	arg_probability(p, "p");
	check_norm(mean, sd);
	return dist_result(dist_qnorm(p, mean, sd, PG_GETARG_BOOL(3)), "qnorm");
}

PG_FUNCTION_INFO_V1(abstats_dnorm);
Datum
abstats_dnorm(PG_FUNCTION_ARGS)
{
	double		x = PG_GETARG_FLOAT8(0);
	double		mean = PG_GETARG_FLOAT8(1);
	double		sd = PG_GETARG_FLOAT8(2);

	arg_not_nan(x, "x");
	check_norm(mean, sd);
	return dist_result(dist_dnorm(x, mean, sd), "dnorm");
}

/* ---- Student's t ---- */

PG_FUNCTION_INFO_V1(abstats_pt);
Datum
abstats_pt(PG_FUNCTION_ARGS)
{
	double		q = PG_GETARG_FLOAT8(0);
	double		df = PG_GETARG_FLOAT8(1);

	arg_not_nan(q, "q");
	arg_positive(df, "df");
	return dist_result(dist_pt(q, df, PG_GETARG_BOOL(2)), "pt");
}

PG_FUNCTION_INFO_V1(abstats_qt);
Datum
abstats_qt(PG_FUNCTION_ARGS)
{
	double		p = PG_GETARG_FLOAT8(0);
	double		df = PG_GETARG_FLOAT8(1);

	arg_probability(p, "p");
	arg_positive(df, "df");
	return dist_result(dist_qt(p, df, PG_GETARG_BOOL(2)), "qt");
}

PG_FUNCTION_INFO_V1(abstats_dt);
Datum
abstats_dt(PG_FUNCTION_ARGS)
{
	double		x = PG_GETARG_FLOAT8(0);
	double		df = PG_GETARG_FLOAT8(1);

	arg_not_nan(x, "x");
	arg_positive(df, "df");
	return dist_result(dist_dt(x, df), "dt");
}

/* ---- chi-squared ---- */

PG_FUNCTION_INFO_V1(abstats_pchisq);
Datum
abstats_pchisq(PG_FUNCTION_ARGS)
{
	double		q = PG_GETARG_FLOAT8(0);
	double		df = PG_GETARG_FLOAT8(1);

	arg_not_nan(q, "q");
	arg_positive(df, "df");
	return dist_result(dist_pchisq(q, df, PG_GETARG_BOOL(2)), "pchisq");
}

PG_FUNCTION_INFO_V1(abstats_qchisq);
Datum
abstats_qchisq(PG_FUNCTION_ARGS)
{
	double		p = PG_GETARG_FLOAT8(0);
	double		df = PG_GETARG_FLOAT8(1);

	arg_probability(p, "p");
	arg_positive(df, "df");
	return dist_result(dist_qchisq(p, df, PG_GETARG_BOOL(2)), "qchisq");
}

PG_FUNCTION_INFO_V1(abstats_dchisq);
Datum
abstats_dchisq(PG_FUNCTION_ARGS)
{
	double		x = PG_GETARG_FLOAT8(0);
	double		df = PG_GETARG_FLOAT8(1);

	arg_not_nan(x, "x");
	arg_positive(df, "df");
	return dist_result(dist_dchisq(x, df), "dchisq");
}

/* ---- F ---- */

PG_FUNCTION_INFO_V1(abstats_pf);
Datum
abstats_pf(PG_FUNCTION_ARGS)
{
	double		q = PG_GETARG_FLOAT8(0);
	double		df1 = PG_GETARG_FLOAT8(1);
	double		df2 = PG_GETARG_FLOAT8(2);

	arg_not_nan(q, "q");
	arg_positive(df1, "df1");
	arg_positive(df2, "df2");
	return dist_result(dist_pf(q, df1, df2, PG_GETARG_BOOL(3)), "pf");
}

PG_FUNCTION_INFO_V1(abstats_qf);
Datum
abstats_qf(PG_FUNCTION_ARGS)
{
	double		p = PG_GETARG_FLOAT8(0);
	double		df1 = PG_GETARG_FLOAT8(1);
	double		df2 = PG_GETARG_FLOAT8(2);

	arg_probability(p, "p");
	arg_positive(df1, "df1");
	arg_positive(df2, "df2");
	return dist_result(dist_qf(p, df1, df2, PG_GETARG_BOOL(3)), "qf");
}

PG_FUNCTION_INFO_V1(abstats_df);
Datum
abstats_df(PG_FUNCTION_ARGS)
{
	double		x = PG_GETARG_FLOAT8(0);
	double		df1 = PG_GETARG_FLOAT8(1);
	double		df2 = PG_GETARG_FLOAT8(2);

	arg_not_nan(x, "x");
	arg_positive(df1, "df1");
	arg_positive(df2, "df2");
	return dist_result(dist_df(x, df1, df2), "df");
}

/* ---- beta ---- */

PG_FUNCTION_INFO_V1(abstats_pbeta);
Datum
abstats_pbeta(PG_FUNCTION_ARGS)
{
	double		q = PG_GETARG_FLOAT8(0);
	double		a = PG_GETARG_FLOAT8(1);
	double		b = PG_GETARG_FLOAT8(2);

	arg_not_nan(q, "q");
	arg_nonnegative(a, "shape1");
	arg_nonnegative(b, "shape2");
	return dist_result(dist_pbeta(q, a, b, PG_GETARG_BOOL(3)), "pbeta");
}

PG_FUNCTION_INFO_V1(abstats_qbeta);
Datum
abstats_qbeta(PG_FUNCTION_ARGS)
{
	double		p = PG_GETARG_FLOAT8(0);
	double		a = PG_GETARG_FLOAT8(1);
	double		b = PG_GETARG_FLOAT8(2);

	arg_probability(p, "p");
	arg_nonnegative(a, "shape1");
	arg_nonnegative(b, "shape2");
	return dist_result(dist_qbeta(p, a, b, PG_GETARG_BOOL(3)), "qbeta");
}

PG_FUNCTION_INFO_V1(abstats_dbeta);
Datum
abstats_dbeta(PG_FUNCTION_ARGS)
{
	double		x = PG_GETARG_FLOAT8(0);
	double		a = PG_GETARG_FLOAT8(1);
	double		b = PG_GETARG_FLOAT8(2);

	arg_not_nan(x, "x");
	arg_nonnegative(a, "shape1");
	arg_nonnegative(b, "shape2");
	return dist_result(dist_dbeta(x, a, b), "dbeta");
}

/* ---- binomial ---- */

PG_FUNCTION_INFO_V1(abstats_pbinom);
Datum
abstats_pbinom(PG_FUNCTION_ARGS)
{
	double		q = PG_GETARG_FLOAT8(0);
	double		size = PG_GETARG_FLOAT8(1);
	double		prob = PG_GETARG_FLOAT8(2);

	arg_not_nan(q, "q");
	check_binom(size, prob);
	return dist_result(dist_pbinom(q, size, prob, PG_GETARG_BOOL(3)), "pbinom");
}

PG_FUNCTION_INFO_V1(abstats_qbinom);
Datum
abstats_qbinom(PG_FUNCTION_ARGS)
{
	double		p = PG_GETARG_FLOAT8(0);
	double		size = PG_GETARG_FLOAT8(1);
	double		prob = PG_GETARG_FLOAT8(2);

	arg_probability(p, "p");
	check_binom(size, prob);
	return dist_result(dist_qbinom(p, size, prob, PG_GETARG_BOOL(3)), "qbinom");
}

PG_FUNCTION_INFO_V1(abstats_dbinom);
Datum
abstats_dbinom(PG_FUNCTION_ARGS)
{
	double		x = PG_GETARG_FLOAT8(0);
	double		size = PG_GETARG_FLOAT8(1);
	double		prob = PG_GETARG_FLOAT8(2);

	arg_not_nan(x, "x");
	check_binom(size, prob);
	return dist_result(dist_dbinom(x, size, prob), "dbinom");
}

/* ---- Poisson ---- */

PG_FUNCTION_INFO_V1(abstats_ppois);
Datum
abstats_ppois(PG_FUNCTION_ARGS)
{
	double		q = PG_GETARG_FLOAT8(0);
	double		lambda = PG_GETARG_FLOAT8(1);

	arg_not_nan(q, "q");
	arg_nonnegative(lambda, "lambda");
	return dist_result(dist_ppois(q, lambda, PG_GETARG_BOOL(2)), "ppois");
}

PG_FUNCTION_INFO_V1(abstats_qpois);
Datum
abstats_qpois(PG_FUNCTION_ARGS)
{
	double		p = PG_GETARG_FLOAT8(0);
	double		lambda = PG_GETARG_FLOAT8(1);

	arg_probability(p, "p");
	arg_nonnegative(lambda, "lambda");
	return dist_result(dist_qpois(p, lambda, PG_GETARG_BOOL(2)), "qpois");
}

PG_FUNCTION_INFO_V1(abstats_dpois);
Datum
abstats_dpois(PG_FUNCTION_ARGS)
{
	double		x = PG_GETARG_FLOAT8(0);
	double		lambda = PG_GETARG_FLOAT8(1);

	arg_not_nan(x, "x");
	arg_nonnegative(lambda, "lambda");
	return dist_result(dist_dpois(x, lambda), "dpois");
}
