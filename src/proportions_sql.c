/*-------------------------------------------------------------------------
 *
 * proportions_sql.c
 *	  SQL glue for the proportion tests and intervals (numerics in
 *	  proportions.c): argument validation and composite results.
 *
 *	prop_test(x1, n1, x2, n2, alternative, conf_level, correct, ci_method)
 *	prop_test(x, n, p, alternative, conf_level, correct)
 *		-> prop_test_result
 *	binom_test(x, n, p, alternative, conf_level) -> binom_test_result
 *
 * Results are built with result_row() (args.h), so a database still on
 * the 0.1.0 script, whose binom_test_result has no `method`, gets the
 * fields its type has.
 *	prop_ci(x, n, conf_level, method) -> confidence_interval
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"

#include "args.h"
#include "proportions.h"

PG_FUNCTION_INFO_V1(prop_test_two_sample);
PG_FUNCTION_INFO_V1(prop_test_one_sample);
PG_FUNCTION_INFO_V1(binom_test);
PG_FUNCTION_INFO_V1(prop_ci);

/* Let long summations in proportions.c be cancelled (statement_timeout). */
static void
check_interrupts(void)
{
	CHECK_FOR_INTERRUPTS();
}

/*
 * Validate x successes out of n trials: 0 <= x <= n, 1 <= n <= 2^53.
 */
static void
check_counts(int64 x, const char *xname, int64 n, const char *nname)
{
	arg_count_at_least(n, nname, 1, PROP_MAX_COUNT);
	arg_count_at_least(x, xname, 0, PROP_MAX_COUNT);
	arg_count_at_most(x, xname, n, nname);
}

/* args.h's Alternative as the numerics' PropSide. */
static PropSide
side_of(text *alternative)
{
	switch (arg_alternative(alternative))
	{
		case ALT_LESS:
			return PROP_LESS;
		case ALT_GREATER:
			return PROP_GREATER;
		case ALT_TWO_SIDED:
		default:
			return PROP_TWO_SIDED;
	}
}

/* Form a prop_test_result row; NaN (undefined) fields become NULL. */
static Datum
prop_test_datum(FunctionCallInfo fcinfo, const PropTestResult *r,
				const char *method)
{
	Datum		values[8];
	bool		nulls[8];

	values[0] = result_float8(r->statistic, &nulls[0]);
	values[1] = result_float8(r->p_value, &nulls[1]);
	values[2] = result_float8(r->estimate1, &nulls[2]);
	values[3] = result_float8(r->estimate2, &nulls[3]);
	values[4] = result_float8(r->estimate, &nulls[4]);
	values[5] = result_float8(r->ci_lower, &nulls[5]);
	values[6] = result_float8(r->ci_upper, &nulls[6]);
	values[7] = CStringGetTextDatum(method);
	nulls[7] = false;
	return result_row(fcinfo, 8, values, nulls);
}

/*
 * prop_test(x1, n1, x2, n2, alternative, conf_level, correct, ci_method):
 * R's prop.test(c(x1, x2), c(n1, n2)) with the chosen interval for p1 - p2.
 */
Datum
prop_test_two_sample(PG_FUNCTION_ARGS)
{
	static const ArgKeyword ci_methods[] = {
		{"newcombe", DIFF_CI_NEWCOMBE},
		{"wald", DIFF_CI_WALD},
		{"agresti-caffo", DIFF_CI_AGRESTI_CAFFO},
		{NULL, 0}
	};
	static const char *const ci_names[] = {
		[DIFF_CI_WALD] = "Wald interval",
		[DIFF_CI_NEWCOMBE] = "Newcombe hybrid score interval",
		[DIFF_CI_AGRESTI_CAFFO] = "Agresti-Caffo interval"
	};
	int64		x1 = PG_GETARG_INT64(0);
	int64		n1 = PG_GETARG_INT64(1);
	int64		x2 = PG_GETARG_INT64(2);
	int64		n2 = PG_GETARG_INT64(3);
	PropSide	side = side_of(PG_GETARG_TEXT_PP(4));
	double		conf_level = PG_GETARG_FLOAT8(5);
	bool		correct = PG_GETARG_BOOL(6);
	DiffCiMethod ci_method;
	PropTestResult r;
	char	   *method;

	check_counts(x1, "x1", n1, "n1");
	check_counts(x2, "x2", n2, "n2");
	arg_conf_level(conf_level);
	ci_method = (DiffCiMethod) arg_keyword(PG_GETARG_TEXT_PP(7), "ci_method", ci_methods);

	prop_test_two(x1, n1, x2, n2, side, conf_level, correct, ci_method, &r);
	method = psprintf("2-sample test for equality of proportions %s continuity correction, %s%s",
					  r.corrected ? "with" : "without", ci_names[ci_method],
					  ci_method == DIFF_CI_NEWCOMBE && correct ? " (continuity-corrected)" : "");
	PG_RETURN_DATUM(prop_test_datum(fcinfo, &r, method));
}

/*
 * prop_test(x, n, p, alternative, conf_level, correct): R's
 * prop.test(x, n, p), score test and Wilson interval.
 */
Datum
prop_test_one_sample(PG_FUNCTION_ARGS)
{
	int64		x = PG_GETARG_INT64(0);
	int64		n = PG_GETARG_INT64(1);
	double		p = PG_GETARG_FLOAT8(2);
	PropSide	side = side_of(PG_GETARG_TEXT_PP(3));
	double		conf_level = PG_GETARG_FLOAT8(4);
	bool		correct = PG_GETARG_BOOL(5);
	PropTestResult r;

	check_counts(x, "x", n, "n");
	arg_open_probability(p, "p");
	arg_conf_level(conf_level);

	prop_test_one(x, n, p, side, conf_level, correct, &r);
	PG_RETURN_DATUM(prop_test_datum(fcinfo, &r,
									r.corrected
									? "1-sample proportions test with continuity correction"
									: "1-sample proportions test without continuity correction"));
}

/*
 * binom_test(x, n, p, alternative, conf_level): R's binom.test.
 */
Datum
binom_test(PG_FUNCTION_ARGS)
{
	int64		x = PG_GETARG_INT64(0);
	int64		n = PG_GETARG_INT64(1);
	double		p = PG_GETARG_FLOAT8(2);
	PropSide	side = side_of(PG_GETARG_TEXT_PP(3));
	double		conf_level = PG_GETARG_FLOAT8(4);
	BinomTestResult r;
	Datum		values[5];
	bool		nulls[5];

	check_counts(x, "x", n, "n");
	arg_probability(p, "p");
	arg_conf_level(conf_level);
	prop_interrupt_hook = check_interrupts;

	binom_exact_test(x, n, p, side, conf_level, &r);
	values[0] = result_float8(r.p_value, &nulls[0]);
	values[1] = result_float8(r.estimate, &nulls[1]);
	values[2] = result_float8(r.ci_lower, &nulls[2]);
	values[3] = result_float8(r.ci_upper, &nulls[3]);
	values[4] = CStringGetTextDatum("Exact binomial test");
	nulls[4] = false;
	PG_RETURN_DATUM(result_row(fcinfo, 5, values, nulls));
}

/*
 * prop_ci(x, n, conf_level, method): statsmodels' proportion_confint.
 */
Datum
prop_ci(PG_FUNCTION_ARGS)
{
	static const ArgKeyword methods[] = {
		{"wilson", PROP_CI_WILSON},
		{"wald", PROP_CI_WALD},
		{"agresti-coull", PROP_CI_AGRESTI_COULL},
		{"clopper-pearson", PROP_CI_CLOPPER_PEARSON},
		{"jeffreys", PROP_CI_JEFFREYS},
		{NULL, 0}
	};
	int64		x = PG_GETARG_INT64(0);
	int64		n = PG_GETARG_INT64(1);
	double		conf_level = PG_GETARG_FLOAT8(2);
	PropCiMethod method;
	double		lower,
				upper;
	Datum		values[2];
	bool		nulls[2];

	check_counts(x, "x", n, "n");
	arg_conf_level(conf_level);
	method = (PropCiMethod) arg_keyword(PG_GETARG_TEXT_PP(3), "method", methods);
	prop_interrupt_hook = check_interrupts;

	prop_interval(x, n, conf_level, method, &lower, &upper);
	values[0] = result_float8(lower, &nulls[0]);
	values[1] = result_float8(upper, &nulls[1]);
	PG_RETURN_DATUM(result_row(fcinfo, 2, values, nulls));
}
