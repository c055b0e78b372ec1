/*-------------------------------------------------------------------------
 *
 * tables_sql.c
 *	  SQL glue for the count-table tests, chisq_test() and fisher_test(),
 *	  and the experiment health checks built on them: srm_test(), the
 *	  sample-ratio mismatch check of assignment counts, and
 *	  interaction_test(), the interaction of two experiments running on the
 *	  same users.  The numerics are in tables.c.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"

#include "args.h"
#include "summary_sql.h"
#include "tables.h"

PG_FUNCTION_INFO_V1(chisq_test);
PG_FUNCTION_INFO_V1(fisher_test);
PG_FUNCTION_INFO_V1(srm_test);
PG_FUNCTION_INFO_V1(interaction_test);

/* Let long exact computations be cancelled. */
static void
tables_check_interrupts(void)
{
	CHECK_FOR_INTERRUPTS();
}

/*
 * tables_side: map args.h's Alternative to tables.h's TablesSide.
 */
static TablesSide
tables_side(Alternative alt)
{
	switch (alt)
	{
		case ALT_LESS:
			return TABLES_LESS;
		case ALT_GREATER:
			return TABLES_GREATER;
		case ALT_TWO_SIDED:
			break;
	}
	return TABLES_TWO_SIDED;
}

/*
 * tables_counts: the counts of `observed` for tables_chisq(), with every
 * NULL element (an arm with no rows yet) replaced by 0 so that the shape
 * and the other elements are still validated; *has_null says whether
 * there was one.
 */
static ArrayType *
tables_counts(ArrayType *observed, bool *has_null)
{
	Datum	   *elems;
	bool	   *nulls;
	int			nelems;
	int			i;

	*has_null = array_contains_nulls(observed);
	if (!*has_null)
		return observed;
	if (ARR_ELEMTYPE(observed) != INT8OID)
		elog(ERROR, "argument \"observed\" must be bigint[]");
	deconstruct_array(observed, INT8OID, sizeof(int64), FLOAT8PASSBYVAL,
					  TYPALIGN_DOUBLE, &elems, &nulls, &nelems);
	for (i = 0; i < nelems; i++)
		if (nulls[i])
			elems[i] = Int64GetDatum(0);
	return construct_md_array(elems, NULL, ARR_NDIM(observed), ARR_DIMS(observed),
							  ARR_LBOUND(observed), INT8OID, sizeof(int64),
							  FLOAT8PASSBYVAL, TYPALIGN_DOUBLE);
}

/*
 * tables_chisq: the chi-square test of an observed bigint[] as R's
 * chisq.test: goodness of fit against p for a vector (and, like R, for a
 * table with a single row or column), independence for a 2-D table.  p
 * (may be NULL: uniform) applies to goodness of fit only.  Shared by
 * chisq_test() and srm_test(); p_argname names p in errors.  A NULL
 * element of observed (a count not known yet) leaves the statistic, df
 * and p-value undefined (NAN) after the same validation.
 */
static void
tables_chisq(ArrayType *observed, ArrayType *p, const char *p_argname,
			 bool correct, bool vector_only, ChisqResult *r)
{
	int			ndim;
	int			dims[2];
	bool		has_null;
	int64	   *x = arg_count_array(tables_counts(observed, &has_null),
									"observed", &ndim, dims);
	int			k = dims[0] * dims[1];

	if (vector_only && ndim != 1)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("argument \"observed\" must be a one-dimensional array")));

	if (ndim == 1 || dims[0] == 1 || dims[1] == 1)
	{
		double	   *pv = NULL;

		if (k < 2)
			ereport(ERROR,
					(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
					 errmsg("argument \"observed\" must have at least 2 elements")));
		if (p != NULL)
			pv = arg_weight_array(p, p_argname, k, "observed");
		chisq_gof(x, k, pv, r);
	}
	else
	{
		if (p != NULL)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("argument \"%s\" must be NULL for a two-dimensional table", p_argname),
					 errdetail("A two-dimensional \"observed\" is a test of independence; \"%s\" applies to goodness of fit.",
							   p_argname)));
		chisq_independence(x, dims[0], dims[1], correct,
						   palloc(sizeof(int64) * dims[0]),
						   palloc(sizeof(int64) * dims[1]), r);
		if (has_null)
			r->method = "Pearson's Chi-squared test";
	}
	if (has_null)
	{
		r->statistic = NAN;
		r->df = NAN;
		r->p_value = NAN;
	}
}

/*
 * chisq_test(observed bigint[], p float8[] DEFAULT NULL,
 *			  correct boolean DEFAULT true)
 *	 -> (statistic, df, p_value, method)
 *
 * Not STRICT because p defaults to NULL; NULL observed or correct give a
 * NULL result, a NULL element of observed NULL fields.
 */
Datum
chisq_test(PG_FUNCTION_ARGS)
{
	ChisqResult r;
	Datum		values[4];
	bool		nulls[4];

	if (PG_ARGISNULL(0) || PG_ARGISNULL(2))
		PG_RETURN_NULL();
	tables_chisq(PG_GETARG_ARRAYTYPE_P(0),
				 PG_ARGISNULL(1) ? NULL : PG_GETARG_ARRAYTYPE_P(1), "p",
				 PG_GETARG_BOOL(2), false, &r);

	values[0] = result_float8(r.statistic, &nulls[0]);
	values[1] = result_float8(r.df, &nulls[1]);
	values[2] = result_float8(r.p_value, &nulls[2]);
	values[3] = CStringGetTextDatum(r.method);
	nulls[3] = false;
	PG_RETURN_DATUM(result_row(fcinfo, 4, values, nulls));
}

/* A cell count of fisher_test(): non-negative. */
static int64
fisher_count(int64 v, const char *argname)
{
	if (v < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid value for argument \"%s\": " INT64_FORMAT, argname, v),
				 errdetail("\"%s\" must be a count greater than or equal to 0.", argname)));
	return v;
}

/*
 * fisher_test(a, b, c, d bigint, alternative text DEFAULT 'two-sided',
 *			   conf_level float8 DEFAULT 0.95)
 *	 -> (p_value, odds_ratio, ci_lower, ci_upper, method)
 *
 * R's fisher.test(matrix(c(a, c, b, d), 2), alternative, conf.level) for
 * the table [[a, b], [c, d]]; see fisher_2x2().
 */
Datum
fisher_test(PG_FUNCTION_ARGS)
{
	int64		a = fisher_count(PG_GETARG_INT64(0), "a");
	int64		b = fisher_count(PG_GETARG_INT64(1), "b");
	int64		c = fisher_count(PG_GETARG_INT64(2), "c");
	int64		d = fisher_count(PG_GETARG_INT64(3), "d");
	Alternative alt = arg_alternative(PG_GETARG_TEXT_PP(4));
	double		conf_level = PG_GETARG_FLOAT8(5);
	FisherResult r;
	Datum		values[5];
	bool		nulls[5];
	bool		ok;

	arg_conf_level(conf_level);
	/* each count is <= 2^62 here, so the sum cannot overflow */
	if (Min(a, INT64CONST(1) << 60) + Min(b, INT64CONST(1) << 60) +
		Min(c, INT64CONST(1) << 60) + Min(d, INT64CONST(1) << 60) > (INT64CONST(1) << 53))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("the counts a, b, c, d sum to more than 2^53")));

	tables_interrupt_hook = tables_check_interrupts;
	ok = fisher_2x2(a, b, c, d, tables_side(alt), conf_level, &r);
	if (!ok)
		ereport(ERROR,
				(errcode(ERRCODE_INTERNAL_ERROR),
				 errmsg("fisher_test: the root search for the odds ratio failed")));

	values[0] = result_float8(r.p_value, &nulls[0]);
	values[1] = result_float8(r.odds_ratio, &nulls[1]);
	values[2] = result_float8(r.ci_lower, &nulls[2]);
	values[3] = result_float8(r.ci_upper, &nulls[3]);
	values[4] = CStringGetTextDatum("Fisher's Exact Test for Count Data");
	nulls[4] = false;
	PG_RETURN_DATUM(result_row(fcinfo, 5, values, nulls));
}

/*
 * srm_test(observed bigint[], weights float8[] DEFAULT NULL,
 *			threshold float8 DEFAULT 0.001)
 *	 -> (statistic, df, p_value, mismatch, method)
 *
 * Pearson's goodness-of-fit test of the assignment counts against the
 * configured split (weights rescaled to sum 1, equal when NULL), as R's
 * chisq.test(observed, p = weights, rescale.p = TRUE); mismatch is
 * p_value < threshold (0.001, the industry default: with many checks run
 * every day a looser threshold raises false alarms).  All counts zero gives
 * NULL statistic, p_value and mismatch; a NULL count (an arm with no rows
 * yet: users should pass coalesce(count, 0)) NULL statistic, df, p_value
 * and mismatch.  Not STRICT because weights defaults to NULL; a NULL
 * observed or threshold gives a NULL result.
 */
Datum
srm_test(PG_FUNCTION_ARGS)
{
	ChisqResult r;
	double		threshold;
	Datum		values[5];
	bool		nulls[5];

	if (PG_ARGISNULL(0) || PG_ARGISNULL(2))
		PG_RETURN_NULL();
	threshold = PG_GETARG_FLOAT8(2);
	arg_open_probability(threshold, "threshold");
	tables_chisq(PG_GETARG_ARRAYTYPE_P(0),
				 PG_ARGISNULL(1) ? NULL : PG_GETARG_ARRAYTYPE_P(1), "weights",
				 false, true, &r);

	values[0] = result_float8(r.statistic, &nulls[0]);
	values[1] = result_float8(r.df, &nulls[1]);
	values[2] = result_float8(r.p_value, &nulls[2]);
	nulls[3] = nulls[2];
	values[3] = BoolGetDatum(!nulls[2] && r.p_value < threshold);
	values[4] = CStringGetTextDatum("Sample ratio mismatch: chi-squared test for given probabilities");
	nulls[4] = false;
	PG_RETURN_DATUM(result_row(fcinfo, 5, values, nulls));
}

/*
 * interaction_test(a0b0, a0b1, a1b0, a1b1 stats_summary,
 *					alternative text DEFAULT 'two-sided',
 *					conf_level float8 DEFAULT 0.95)
 *	 -> (estimate, std_error, statistic, df, p_value, ci_lower, ci_upper,
 *		 method)
 *
 * The difference in experiment A's effect between experiment B's arms,
 * (mean(a1b1) - mean(a0b1)) - (mean(a1b0) - mean(a0b0)), with a Welch t
 * test using Satterthwaite's (1946) degrees of freedom for four cells; see
 * interaction_welch().  A cell with fewer than two observations, or four
 * constant cells, leave everything but the estimate NULL.
 */
Datum
interaction_test(PG_FUNCTION_ARGS)
{
	double		mean[4],
				m2[4],
				n[4];
	Alternative alt = arg_alternative(PG_GETARG_TEXT_PP(4));
	double		conf_level = PG_GETARG_FLOAT8(5);
	InteractionResult r;
	Datum		values[8];
	bool		nulls[8];
	int			i;

	arg_conf_level(conf_level);
	for (i = 0; i < 4; i++)
	{
		StatsSummary *s = PG_GETARG_STATS_SUMMARY_P(i);

		mean[i] = s->mean;
		n[i] = (double) s->n;
		m2[i] = s->m2;
	}
	interaction_welch(mean, m2, n, tables_side(alt), conf_level, &r);
	if (isinf(r.estimate) || isinf(r.std_error))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("value out of range: overflow in interaction_test"),
				 errdetail("The difference of the cell means or its standard error exceeds the float8 range.")));

	values[0] = result_float8(r.estimate, &nulls[0]);
	values[1] = result_float8(r.std_error, &nulls[1]);
	values[2] = result_float8(r.statistic, &nulls[2]);
	values[3] = result_float8(r.df, &nulls[3]);
	values[4] = result_float8(r.p_value, &nulls[4]);
	values[5] = result_float8(r.ci_lower, &nulls[5]);
	values[6] = result_float8(r.ci_upper, &nulls[6]);
	values[7] = CStringGetTextDatum("Interaction contrast (a1b1 - a0b1) - (a1b0 - a0b0): Welch t-test with Satterthwaite df");
	nulls[7] = false;
	PG_RETURN_DATUM(result_row(fcinfo, 8, values, nulls));
}
