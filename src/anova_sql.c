/*-------------------------------------------------------------------------
 *
 * anova_sql.c
 *	  SQL glue of the one-way analysis of means (numerics in anova.c): the
 *	  aggregates anova_test(arm text, s stats_summary) (Welch) and
 *	  anova_test(arm text, s stats_summary, equal_var boolean).
 *
 * The aggregate reads labelled per-arm summaries: rows with the same arm
 * are merged first (Chan-Golub-LeVeque, with the compensated mean of
 * summary.h), so one summary per arm from a GROUP BY and the daily rows of
 * a materialized view give the same test.  Its state is `internal`: a
 * table of arms (any number, arms.h), found by a hash of their labels,
 * each holding n, the mean (double-double) and M2.  Parallel plans move it
 * through serialize/deserialize and merge partial states arm by arm.
 *
 * NULLs: a row whose arm is NULL is skipped (as kruskal_test does, and as
 * any aggregate skips rows with a NULL input); a row whose summary is NULL
 * adds nothing, but its arm exists, so an arm that has only NULL summaries
 * (no data yet) makes the result's fields NULL rather than silently
 * testing the other arms.  No rows (or only rows with a NULL arm) give
 * NULL.  The option equal_var must be the same on every row (22023
 * otherwise); NULL counts as a value, and (on every row) gives a NULL
 * result, as a NULL argument does elsewhere.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "common/int.h"
#include "fmgr.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"

#include "anova.h"
#include "args.h"
#include "arms.h"
#include "summary_sql.h"

PG_FUNCTION_INFO_V1(anova_test_transfn);
PG_FUNCTION_INFO_V1(anova_test_combine);
PG_FUNCTION_INFO_V1(anova_test_serialize);
PG_FUNCTION_INFO_V1(anova_test_deserialize);
PG_FUNCTION_INFO_V1(anova_test_finalfn);

/* The option equal_var as seen so far. */
#define OPT_UNSET	0			/* no row seen (or the 2-argument form) */
#define OPT_FALSE	1
#define OPT_TRUE	2
#define OPT_NULL	3

/* The state: the arms (each with n, mean, mean_lo, M2 in a Moments) and the option. */
typedef struct AnovaState
{
	ArmTable	arms;			/* payload: Moments; n = 0: no data yet */
	int			option;			/* OPT_* */
} AnovaState;

/* An empty state in cxt. */
static AnovaState *
anova_new(MemoryContext cxt)
{
	AnovaState *st = MemoryContextAllocZero(cxt, sizeof(AnovaState));

	arm_table_init(&st->arms, sizeof(Moments), cxt);
	return st;
}

/* The moments of the arm with this label, created without data if new. */
static Moments *
anova_arm(AnovaState *st, const char *label, int len)
{
	bool		created;
	Moments    *m = arm_table_arm(&st->arms, label, len, &created);

	if (created)
	{
		moments_init(m);
		moments_drop_higher(m);
		moments_drop_range(m);
	}
	return m;
}

/* Merge moments into an arm; an overflow raises 22003 as stats_agg does. */
static void
anova_arm_add(Moments *arm, const Moments *m)
{
	Moments		one = *m;

	moments_drop_higher(&one);
	moments_drop_range(&one);
	moments_status_error(moments_merge(arm, &one));
}

/* An OPT_* value as the text of messages. */
static const char *
option_name(int option)
{
	switch (option)
	{
		case OPT_FALSE:
			return "false";
		case OPT_TRUE:
			return "true";
		case OPT_NULL:
			return "NULL";
	}
	return "unset";
}

/* Record a row's (or a partial state's) equal_var; 22023 if it differs. */
static void
anova_option(AnovaState *st, int option)
{
	if (option == OPT_UNSET || st->option == option)
		return;
	if (st->option == OPT_UNSET)
	{
		st->option = option;
		return;
	}
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("invalid value for argument \"equal_var\": %s", option_name(option)),
			 errdetail("The options of the aggregate anova_test must be the same on every row; another row has %s.",
					   option_name(st->option))));
}

/*
 * Transition: see the header comment for NULLs.  The 3-argument form
 * records equal_var.
 */
Datum
anova_test_transfn(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = agg_memory_context(fcinfo, "anova_test");
	AnovaState *st = PG_ARGISNULL(0) ? NULL : (AnovaState *) PG_GETARG_POINTER(0);
	text	   *label;
	Moments    *arm;

	if (st == NULL)
		st = anova_new(cxt);
	if (PG_NARGS() > 3)
		anova_option(st, PG_ARGISNULL(3) ? OPT_NULL :
					 PG_GETARG_BOOL(3) ? OPT_TRUE : OPT_FALSE);
	if (PG_ARGISNULL(1))
		PG_RETURN_POINTER(st);
	label = PG_GETARG_TEXT_PP(1);
	arm = anova_arm(st, VARDATA_ANY(label), VARSIZE_ANY_EXHDR(label));
	if (!PG_ARGISNULL(2))
	{
		Moments		m;

		summary_to_moments(PG_GETARG_STATS_SUMMARY_P(2), &m);
		anova_arm_add(arm, &m);
	}
	PG_RETURN_POINTER(st);
}

/* Combine: merge b's arms into a (b is not modified); NULL or empty sides. */
Datum
anova_test_combine(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = agg_memory_context(fcinfo, "anova_test");
	AnovaState *a = PG_ARGISNULL(0) ? NULL : (AnovaState *) PG_GETARG_POINTER(0);
	AnovaState *b = PG_ARGISNULL(1) ? NULL : (AnovaState *) PG_GETARG_POINTER(1);
	int			i;

	if (b == NULL)
	{
		if (a == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(a);
	}
	if (a == NULL)
		a = anova_new(cxt);
	anova_option(a, b->option);
	for (i = 0; i < b->arms.narms; i++)
	{
		const ArmLabel *l = &b->arms.labels[i];

		anova_arm_add(anova_arm(a, l->label, l->len),
					  (const Moments *) arm_table_payload(&b->arms, i));
	}
	PG_RETURN_POINTER(a);
}

/*
 * Serialize: int4 number of arms, int1 option; per arm int4 label length,
 * the label, int8 n, float8 mean, mean_lo, M2.
 */
Datum
anova_test_serialize(PG_FUNCTION_ARGS)
{
	AnovaState *st = (AnovaState *) PG_GETARG_POINTER(0);
	StringInfoData buf;
	int			i;

	pq_begintypsend(&buf);
	pq_sendint32(&buf, st->arms.narms);
	pq_sendbyte(&buf, st->option);
	for (i = 0; i < st->arms.narms; i++)
	{
		const ArmLabel *l = &st->arms.labels[i];
		const Moments *m = arm_table_payload(&st->arms, i);

		pq_sendint32(&buf, l->len);
		pq_sendbytes(&buf, l->label, l->len);
		pq_sendint64(&buf, m->n);
		pq_sendfloat8(&buf, m->mean);
		pq_sendfloat8(&buf, m->mean_lo);
		pq_sendfloat8(&buf, m->m2);
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* The cannot-happen error for a malformed serialized state. */
static void
bad_state(void)
{
	elog(ERROR, "invalid anova_test partial state");
}

/*
 * Deserialize into the current (per-tuple) context; combine copies what
 * it keeps into the aggregate context.
 */
Datum
anova_test_deserialize(PG_FUNCTION_ARGS)
{
	bytea	   *data = PG_GETARG_BYTEA_PP(0);
	StringInfoData buf;
	AnovaState *st = anova_new(CurrentMemoryContext);
	int			narms;
	int			i;

	buf.data = VARDATA_ANY(data);
	buf.len = VARSIZE_ANY_EXHDR(data);
	buf.maxlen = buf.len;
	buf.cursor = 0;
	narms = pq_getmsgint(&buf, 4);
	st->option = pq_getmsgbyte(&buf);
	if (narms < 0 || narms > buf.len / 36 || st->option < OPT_UNSET || st->option > OPT_NULL)
		bad_state();
	for (i = 0; i < narms; i++)
	{
		int			len = pq_getmsgint(&buf, 4);
		const char *label;
		Moments    *m;

		if (len < 0 || len > buf.len - buf.cursor)
			bad_state();
		label = pq_getmsgbytes(&buf, len);
		m = anova_arm(st, label, len);
		if (m->n != 0)
			bad_state();		/* a label twice */
		m->n = pq_getmsgint64(&buf);
		m->mean = pq_getmsgfloat8(&buf);
		m->mean_lo = pq_getmsgfloat8(&buf);
		m->m2 = pq_getmsgfloat8(&buf);
		if (m->n < 0 || !isfinite(m->mean) || !isfinite(m->mean_lo) ||
			!(m->m2 >= 0.0) || isinf(m->m2))
			bad_state();
	}
	pq_getmsgend(&buf);
	PG_RETURN_POINTER(st);
}

/*
 * Final function: NULL for no arms or a NULL equal_var; NULL fields
 * (n_arms, n and method kept) when an arm has no data; otherwise the test
 * (whose own rules leave fields NULL for fewer than two arms, too few
 * observations or zero variances).  The state is not modified.
 */
Datum
anova_test_finalfn(PG_FUNCTION_ARGS)
{
	AnovaState *st;
	int		   *order;
	Moments    *arms;
	AnovaResult r;
	bool		empty_arm = false;
	int64		total = 0;
	Datum		values[7];
	bool		nulls[7];
	int			i;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	st = (AnovaState *) PG_GETARG_POINTER(0);
	if (st->arms.narms == 0 || st->option == OPT_NULL)
		PG_RETURN_NULL();

	/* the arms in the order of their labels: a result independent of the plan */
	order = arm_table_order(&st->arms);
	arms = palloc(sizeof(Moments) * st->arms.narms);
	for (i = 0; i < st->arms.narms; i++)
	{
		arms[i] = *(const Moments *) arm_table_payload(&st->arms, order[i]);
		if (arms[i].n == 0)
			empty_arm = true;
		if (pg_add_s64_overflow(total, arms[i].n, &total))
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("anova_test: the arms hold more than 2^63 observations in all")));
	}
	if (empty_arm)
	{
		r.statistic = r.df1 = r.df2 = r.p_value = NAN;
		r.n_arms = st->arms.narms;
		r.n = total;
		r.method = anova_method(st->option == OPT_TRUE);
	}
	else
		anova_oneway(arms, st->arms.narms, st->option == OPT_TRUE, &r);

	values[0] = result_float8(r.statistic, &nulls[0]);
	values[1] = result_float8(r.df1, &nulls[1]);
	values[2] = result_float8(r.df2, &nulls[2]);
	values[3] = result_float8(r.p_value, &nulls[3]);
	values[4] = Int32GetDatum(r.n_arms);
	nulls[4] = false;
	values[5] = Int64GetDatum(r.n);
	nulls[5] = false;
	values[6] = CStringGetTextDatum(r.method);
	nulls[6] = false;
	PG_RETURN_DATUM(result_row(fcinfo, 7, values, nulls));
}
