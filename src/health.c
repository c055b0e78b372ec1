/*-------------------------------------------------------------------------
 *
 * health.c
 *	  Experiment health checks (SQL glue): srm_test(), the sample-ratio
 *	  mismatch check of assignment counts, and interaction_test(), the
 *	  interaction of two experiments running on the same users.  The
 *	  numerics are in tables.c.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "access/htup_details.h"
#include "fmgr.h"
#include "funcapi.h"
#include "utils/array.h"

#include "args.h"
#include "summary_sql.h"
#include "tables.h"
#include "tables_sql.h"

PG_FUNCTION_INFO_V1(srm_test);
PG_FUNCTION_INFO_V1(interaction_test);

/*
 * srm_test(observed bigint[], weights float8[] DEFAULT NULL,
 *			threshold float8 DEFAULT 0.001)
 *	 -> (statistic, df, p_value, mismatch)
 *
 * Pearson's goodness-of-fit test of the assignment counts against the
 * configured split (weights rescaled to sum 1, equal when NULL), as R's
 * chisq.test(observed, p = weights, rescale.p = TRUE); mismatch is
 * p_value < threshold (0.001, the industry default: with many checks run
 * every day a looser threshold raises false alarms).  All counts zero gives
 * NULL statistic, p_value and mismatch.  Not STRICT because weights
 * defaults to NULL; a NULL observed or threshold gives a NULL result.
 */
Datum
srm_test(PG_FUNCTION_ARGS)
{
	ChisqResult r;
	double		threshold;
	TupleDesc	tupdesc;
	Datum		values[4];
	bool		nulls[4];

	if (PG_ARGISNULL(0) || PG_ARGISNULL(2))
		PG_RETURN_NULL();
	threshold = PG_GETARG_FLOAT8(2);
	arg_open_probability(threshold, "threshold");
	tables_chisq(PG_GETARG_ARRAYTYPE_P(0),
				 PG_ARGISNULL(1) ? NULL : PG_GETARG_ARRAYTYPE_P(1), "weights",
				 false, true, &r);

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	tupdesc = BlessTupleDesc(tupdesc);
	values[0] = tables_float8_datum(r.statistic, &nulls[0]);
	values[1] = tables_float8_datum(r.df, &nulls[1]);
	values[2] = tables_float8_datum(r.p_value, &nulls[2]);
	nulls[3] = nulls[2];
	values[3] = BoolGetDatum(!nulls[2] && r.p_value < threshold);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}

/*
 * interaction_test(a0b0, a0b1, a1b0, a1b1 stats_summary,
 *					alternative text DEFAULT 'two-sided',
 *					conf_level float8 DEFAULT 0.95)
 *	 -> (estimate, std_error, statistic, df, p_value, ci_lower, ci_upper)
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
				var[4],
				n[4];
	Alternative alt = arg_alternative(PG_GETARG_TEXT_PP(4));
	double		conf_level = PG_GETARG_FLOAT8(5);
	InteractionResult r;
	TupleDesc	tupdesc;
	Datum		values[7];
	bool		nulls[7];
	int			i;

	arg_conf_level(conf_level);
	for (i = 0; i < 4; i++)
	{
		StatsSummary *s = PG_GETARG_STATS_SUMMARY_P(i);

		mean[i] = s->mean;
		n[i] = (double) s->n;
		var[i] = summary_var_samp(s);
	}
	interaction_welch(mean, var, n, tables_side(alt), conf_level, &r);
	if (isinf(r.estimate) || isinf(r.std_error))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("value out of range: overflow in interaction_test"),
				 errdetail("The difference of the cell means or its standard error exceeds the float8 range.")));

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	tupdesc = BlessTupleDesc(tupdesc);
	values[0] = tables_float8_datum(r.estimate, &nulls[0]);
	values[1] = tables_float8_datum(r.std_error, &nulls[1]);
	values[2] = tables_float8_datum(r.statistic, &nulls[2]);
	values[3] = tables_float8_datum(r.df, &nulls[3]);
	values[4] = tables_float8_datum(r.p_value, &nulls[4]);
	values[5] = tables_float8_datum(r.ci_lower, &nulls[5]);
	values[6] = tables_float8_datum(r.ci_upper, &nulls[6]);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}
