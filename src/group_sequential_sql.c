/*-------------------------------------------------------------------------
 *
 * group_sequential_sql.c
 *	  SQL glue of the group-sequential designs: gs_boundaries() (the
 *	  Lan-DeMets boundaries of a design) and gs_test() (is the boundary of
 *	  the current look crossed?); numerics in group_sequential.c.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"

#include "args.h"
#include "dist.h"
#include "group_sequential.h"
#include "sequential.h"
#include "summary_sql.h"

PG_FUNCTION_INFO_V1(gs_boundaries_sql);
PG_FUNCTION_INFO_V1(gs_test_summary);

static void
gs_check_interrupts(void)
{
	CHECK_FOR_INTERRUPTS();
}

/* spending => 'obrien-fleming' | 'pocock' | 'power' */
static GsSpending
arg_spending(text *value)
{
	static const ArgKeyword choices[] = {
		{"obrien-fleming", GS_OBRIEN_FLEMING},
		{"pocock", GS_POCOCK},
		{"power", GS_POWER},
		{NULL, 0}
	};

	return (GsSpending) arg_keyword(value, "spending", choices);
}

/*
 * gs_check_design: alpha in (0, 0.5], rho finite and > 0, and the
 * information fractions increasing by a factor of at least
 * 1 + GS_MIN_INFO_RATIO from look to look (argname names the argument
 * they come from).
 */
static void
gs_check_design(const GsDesign *d, const char *info_argname)
{
	int			k;

	if (!(d->alpha > 0.0 && d->alpha <= 0.5))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid value for argument \"alpha\": %g", d->alpha),
				 errdetail("\"alpha\" must be greater than 0 and at most 0.5.")));
	arg_positive(d->rho, "rho");
	for (k = 1; k < d->looks; k++)
		if (!(d->info[k] >= d->info[k - 1] * (1.0 + GS_MIN_INFO_RATIO)))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("invalid value for argument \"%s\": look %d does not follow look %d",
							info_argname, k + 1, k),
					 errdetail("The information must increase from look to look, by at least %g%% (look %d: %g, look %d: %g).",
							   100.0 * GS_MIN_INFO_RATIO, k, d->info[k - 1], k + 1, d->info[k])));
}

/* gs_compute: the boundaries, or an error. */
static double *
gs_compute(const GsDesign *d)
{
	double	   *z = palloc(sizeof(double) * d->looks);

	gs_interrupt_hook = gs_check_interrupts;
	if (gs_boundaries(d, z) != GS_OK)
		elog(ERROR, "group-sequential boundary computation failed");
	return z;
}

/* The state of gs_boundaries() across its rows. */
typedef struct GsRows
{
	GsDesign	d;
	double	   *info;
	double	   *z;
	Alternative alt;
} GsRows;

/*
 * gs_boundaries(looks, alpha, spending, info, alternative, rho): one row
 * per look (look, information, z_boundary, nominal_p,
 * cumulative_alpha_spent).  Not STRICT (info defaults to NULL, equally
 * spaced looks); a NULL in any other argument gives no rows.
 */
Datum
gs_boundaries_sql(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;
	GsRows	   *st;

	if (SRF_IS_FIRSTCALL())
	{
		MemoryContext oldcontext;
		TupleDesc	tupdesc;
		int			looks;
		int			k;

		funcctx = SRF_FIRSTCALL_INIT();
		if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_ARGISNULL(2) ||
			PG_ARGISNULL(4) || PG_ARGISNULL(5))
		{
			SRF_RETURN_DONE(funcctx);
		}
		oldcontext = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		st = palloc0(sizeof(GsRows));

		looks = PG_GETARG_INT32(0);
		if (looks < 1 || looks > GS_MAX_LOOKS)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("invalid value for argument \"looks\": %d", looks),
					 errdetail("\"looks\" must be between 1 and %d.", GS_MAX_LOOKS)));
		st->d.looks = looks;
		st->d.alpha = PG_GETARG_FLOAT8(1);
		st->d.spending = arg_spending(PG_GETARG_TEXT_PP(2));
		st->alt = arg_alternative(PG_GETARG_TEXT_PP(4));
		st->d.two_sided = st->alt == ALT_TWO_SIDED;
		st->d.rho = PG_GETARG_FLOAT8(5);

		if (PG_ARGISNULL(3))
		{
			st->info = palloc(sizeof(double) * looks);
			for (k = 0; k < looks; k++)
				st->info[k] = (double) (k + 1) / looks;
		}
		else
		{
			st->info = arg_weight_array(PG_GETARG_ARRAYTYPE_P(3), "info",
										looks, "looks");
			if (st->info[looks - 1] != 1.0)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("invalid value for argument \"info\": the last element is %g", st->info[looks - 1]),
						 errdetail("The information fractions of a design end at 1 (the planned total).")));
		}
		st->d.info = st->info;
		gs_check_design(&st->d, "info");
		st->z = gs_compute(&st->d);

		if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
			elog(ERROR, "return type must be a row type");
		funcctx->tuple_desc = BlessTupleDesc(tupdesc);
		funcctx->user_fctx = st;
		funcctx->max_calls = looks;
		MemoryContextSwitchTo(oldcontext);
	}

	funcctx = SRF_PERCALL_SETUP();
	st = (GsRows *) funcctx->user_fctx;
	if (funcctx->call_cntr < funcctx->max_calls)
	{
		int			k = (int) funcctx->call_cntr;
		double		b = st->z[k];
		Datum		values[5];
		bool		nulls[5] = {false, false, false, false, false};

		values[0] = Int32GetDatum(k + 1);
		values[1] = Float8GetDatum(st->info[k]);
		values[2] = Float8GetDatum(st->alt == ALT_LESS ? -b : b);
		values[3] = Float8GetDatum(st->d.two_sided ? 2.0 * dist_pnorm(b, 0.0, 1.0, false)
								   : dist_pnorm(b, 0.0, 1.0, false));
		values[4] = Float8GetDatum(gs_spent(&st->d, st->info[k]));
		SRF_RETURN_NEXT(funcctx,
						HeapTupleGetDatum(heap_form_tuple(funcctx->tuple_desc,
														  values, nulls)));
	}
	SRF_RETURN_DONE(funcctx);
}

/*
 * gs_test(treatment, control, planned_n, previous_n, alpha, spending,
 * alternative, rho): the current look of a group-sequential design.  The
 * information fraction of a look is its total units (both arms) over
 * planned_n, capped at 1 (a look at or beyond planned_n is the final one
 * and spends what is left); previous_n holds the totals of the earlier
 * looks, in order.  Returns the Welch z statistic, its nominal p-value,
 * the difference of means with its repeated confidence interval
 * (estimate -/+ boundary * se, Jennison & Turnbull ch. 9), the
 * information, the boundary and its nominal p, the alpha spent so far and
 * whether the boundary is crossed.
 */
Datum
gs_test_summary(PG_FUNCTION_ARGS)
{
	StatsSummary *ts = PG_GETARG_STATS_SUMMARY_P(0);
	StatsSummary *cs = PG_GETARG_STATS_SUMMARY_P(1);
	int64		planned = PG_GETARG_INT64(2);
	ArrayType  *prev_arr = PG_GETARG_ARRAYTYPE_P(3);
	GsDesign	d;
	Alternative alt;
	Moments		t,
				c;
	int64		n_now;
	int			nprev = 0;
	double	   *info;
	double	   *z;
	double		b,
				estimate,
				se,
				rel_estimate,
				rel_se,
				stat = NAN,
				p = NAN,
				lower = NAN,
				upper = NAN;
	Datum		values[12];
	bool		nulls[12];
	int			k;
	char		method[128];
	static const char *const spending_names[] = {
		"O'Brien-Fleming", "Pocock", "power"
	};

	d.alpha = PG_GETARG_FLOAT8(4);
	d.spending = arg_spending(PG_GETARG_TEXT_PP(5));
	alt = arg_alternative(PG_GETARG_TEXT_PP(6));
	d.two_sided = alt == ALT_TWO_SIDED;
	d.rho = PG_GETARG_FLOAT8(7);
	arg_count_at_least(planned, "planned_n", 1, PG_INT64_MAX);

	summary_to_moments(ts, &t);
	summary_to_moments(cs, &c);
	n_now = t.n + c.n;

	if (ARR_NDIM(prev_arr) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("argument \"previous_n\" must be a one-dimensional array")));
	if (ARR_NDIM(prev_arr) == 1)
		nprev = ARR_DIMS(prev_arr)[0];
	if (nprev + 1 > GS_MAX_LOOKS)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("argument \"previous_n\" has %d elements; at most %d looks are supported",
						nprev, GS_MAX_LOOKS - 1)));
	info = palloc(sizeof(double) * (nprev + 1));
	if (nprev > 0)
	{
		Datum	   *elems;
		bool	   *enulls;
		int			nelems;

		deconstruct_array(prev_arr, INT8OID, sizeof(int64), FLOAT8PASSBYVAL,
						  TYPALIGN_DOUBLE, &elems, &enulls, &nelems);
		for (k = 0; k < nelems; k++)
		{
			int64		nk;

			if (enulls[k])
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("argument \"previous_n\" must not contain NULL elements")));
			nk = DatumGetInt64(elems[k]);
			if (nk < 1 || nk >= planned || nk >= n_now)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("invalid value for argument \"previous_n\": " INT64_FORMAT, nk),
						 errdetail("The totals of earlier looks must be at least 1 and below both \"planned_n\" (" INT64_FORMAT ") and the current total (" INT64_FORMAT ").",
								   planned, n_now)));
			info[k] = (double) nk / (double) planned;
		}
	}
	if (n_now < 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("the current look has no units")));
	info[nprev] = fmin(1.0, (double) n_now / (double) planned);
	d.looks = nprev + 1;
	d.info = info;
	gs_check_design(&d, "previous_n");
	z = gs_compute(&d);
	b = z[nprev];

	seq_arm_effects(&t, &c, &estimate, &se, &rel_estimate, &rel_se);
	if (!isnan(se))
	{
		stat = estimate / se;
		switch (alt)
		{
			case ALT_LESS:
				p = dist_pnorm(stat, 0.0, 1.0, true);
				lower = -INFINITY;
				upper = estimate + b * se;
				break;
			case ALT_GREATER:
				p = dist_pnorm(stat, 0.0, 1.0, false);
				lower = estimate - b * se;
				upper = INFINITY;
				break;
			case ALT_TWO_SIDED:
			default:
				p = 2.0 * dist_pnorm(fabs(stat), 0.0, 1.0, false);
				lower = estimate - b * se;
				upper = estimate + b * se;
				break;
		}
	}

	values[0] = result_float8(stat, &nulls[0]);
	values[1] = result_float8(p, &nulls[1]);
	values[2] = result_float8(estimate, &nulls[2]);
	values[3] = result_float8(lower, &nulls[3]);
	values[4] = result_float8(upper, &nulls[4]);
	values[5] = result_float8(se, &nulls[5]);
	values[6] = result_float8(info[nprev], &nulls[6]);
	values[7] = result_float8(alt == ALT_LESS ? -b : b, &nulls[7]);
	values[8] = result_float8(d.two_sided ? 2.0 * dist_pnorm(b, 0.0, 1.0, false)
							  : dist_pnorm(b, 0.0, 1.0, false), &nulls[8]);
	values[9] = result_float8(gs_spent(&d, info[nprev]), &nulls[9]);
	nulls[10] = isnan(stat);
	values[10] = BoolGetDatum(alt == ALT_LESS ? stat <= -b
							  : alt == ALT_GREATER ? stat >= b
							  : fabs(stat) >= b);
	snprintf(method, sizeof(method),
			 "Group sequential z-test, Lan-DeMets %s-type spending, look %d",
			 spending_names[d.spending], nprev + 1);
	if (d.spending == GS_POWER)
		snprintf(method, sizeof(method),
				 "Group sequential z-test, power spending (rho = %g), look %d",
				 d.rho, nprev + 1);
	values[11] = CStringGetTextDatum(method);
	nulls[11] = false;
	PG_RETURN_DATUM(result_row(fcinfo, 12, values, nulls));
}
