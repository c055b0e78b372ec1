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
 * growing list of arms (any number), found by a hash of their labels,
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

#include "common/hashfn.h"
#include "common/int.h"
#include "fmgr.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"

#include "anova.h"
#include "args.h"
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

typedef struct AnovaArm
{
	char	   *label;
	int			len;
	uint32		hash;
	Moments		m;				/* n = 0: no data (only NULL summaries) */
} AnovaArm;

typedef struct AnovaState
{
	int			narms;
	int			capacity;
	AnovaArm   *arms;
	int		   *slots;			/* open addressing: arm index + 1, 0 empty */
	int			nslots;			/* a power of 2, > 2 * narms */
	int			option;			/* OPT_* */
} AnovaState;

static MemoryContext
anova_context(FunctionCallInfo fcinfo)
{
	MemoryContext aggcontext;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
		elog(ERROR, "anova_test called in non-aggregate context");
	return aggcontext;
}

static AnovaState *
anova_new(MemoryContext cxt)
{
	return MemoryContextAllocZero(cxt, sizeof(AnovaState));
}

/* Rebuild the hash slots for at least `want` arms. */
static void
anova_rehash(AnovaState *st, int want, MemoryContext cxt)
{
	int			nslots = 16;
	int			i;

	while (nslots <= 2 * want)
		nslots *= 2;
	if (st->slots)
		pfree(st->slots);
	st->slots = MemoryContextAllocZero(cxt, sizeof(int) * nslots);
	st->nslots = nslots;
	for (i = 0; i < st->narms; i++)
	{
		int			s = st->arms[i].hash & (nslots - 1);

		while (st->slots[s] != 0)
			s = (s + 1) & (nslots - 1);
		st->slots[s] = i + 1;
	}
}

/* The arm with this label, created (without data) if new. */
static AnovaArm *
anova_arm(AnovaState *st, const char *label, int len, MemoryContext cxt)
{
	uint32		h = hash_bytes((const unsigned char *) label, len);
	int			s;
	AnovaArm   *arm;

	if (st->slots != NULL)
	{
		for (s = h & (st->nslots - 1); st->slots[s] != 0; s = (s + 1) & (st->nslots - 1))
		{
			arm = &st->arms[st->slots[s] - 1];
			if (arm->hash == h && arm->len == len && memcmp(arm->label, label, len) == 0)
				return arm;
		}
	}
	if (st->narms == st->capacity)
	{
		int			cap = Max(8, st->capacity * 2);

		if (st->arms == NULL)
			st->arms = MemoryContextAlloc(cxt, sizeof(AnovaArm) * cap);
		else
			st->arms = repalloc(st->arms, sizeof(AnovaArm) * cap);
		st->capacity = cap;
	}
	arm = &st->arms[st->narms++];
	arm->label = MemoryContextAlloc(cxt, Max(len, 1));
	memcpy(arm->label, label, len);
	arm->len = len;
	arm->hash = h;
	moments_init(&arm->m);
	moments_drop_higher(&arm->m);
	moments_drop_range(&arm->m);
	if (st->slots == NULL || st->narms * 2 >= st->nslots)
		anova_rehash(st, st->narms, cxt);
	else
	{
		for (s = h & (st->nslots - 1); st->slots[s] != 0; s = (s + 1) & (st->nslots - 1))
			;
		st->slots[s] = st->narms;
	}
	return arm;
}

/* Merge moments into an arm; an overflow raises 22003 as stats_agg does. */
static void
anova_arm_add(AnovaArm *arm, const Moments *m)
{
	Moments		one = *m;

	moments_drop_higher(&one);
	moments_drop_range(&one);
	moments_status_error(moments_merge(&arm->m, &one));
}

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
	MemoryContext cxt = anova_context(fcinfo);
	AnovaState *st = PG_ARGISNULL(0) ? NULL : (AnovaState *) PG_GETARG_POINTER(0);
	text	   *label;
	AnovaArm   *arm;

	if (st == NULL)
		st = anova_new(cxt);
	if (PG_NARGS() > 3)
		anova_option(st, PG_ARGISNULL(3) ? OPT_NULL :
					 PG_GETARG_BOOL(3) ? OPT_TRUE : OPT_FALSE);
	if (PG_ARGISNULL(1))
		PG_RETURN_POINTER(st);
	label = PG_GETARG_TEXT_PP(1);
	arm = anova_arm(st, VARDATA_ANY(label), VARSIZE_ANY_EXHDR(label), cxt);
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
	MemoryContext cxt = anova_context(fcinfo);
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
	for (i = 0; i < b->narms; i++)
	{
		AnovaArm   *from = &b->arms[i];

		anova_arm_add(anova_arm(a, from->label, from->len, cxt), &from->m);
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
	pq_sendint32(&buf, st->narms);
	pq_sendbyte(&buf, st->option);
	for (i = 0; i < st->narms; i++)
	{
		AnovaArm   *arm = &st->arms[i];

		pq_sendint32(&buf, arm->len);
		pq_sendbytes(&buf, arm->label, arm->len);
		pq_sendint64(&buf, arm->m.n);
		pq_sendfloat8(&buf, arm->m.mean);
		pq_sendfloat8(&buf, arm->m.mean_lo);
		pq_sendfloat8(&buf, arm->m.m2);
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

static void
bad_state(void)
{
	elog(ERROR, "invalid anova_test partial state");
}

/*
 * Deserialize into the current (per-tuple) context; combine copies what
 * it keeps into the aggregate context.  The arms are looked up only by
 * combine, so no hash slots are built here.
 */
Datum
anova_test_deserialize(PG_FUNCTION_ARGS)
{
	bytea	   *data = PG_GETARG_BYTEA_PP(0);
	StringInfoData buf;
	AnovaState *st = palloc0(sizeof(AnovaState));
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
	st->narms = narms;
	st->capacity = narms;
	st->arms = palloc(sizeof(AnovaArm) * Max(narms, 1));
	for (i = 0; i < narms; i++)
	{
		AnovaArm   *arm = &st->arms[i];
		int			len = pq_getmsgint(&buf, 4);

		if (len < 0 || len > buf.len - buf.cursor)
			bad_state();
		arm->label = palloc(Max(len, 1));
		pq_copymsgbytes(&buf, arm->label, len);
		arm->len = len;
		arm->hash = hash_bytes((const unsigned char *) arm->label, len);
		moments_init(&arm->m);
		moments_drop_higher(&arm->m);
		moments_drop_range(&arm->m);
		arm->m.n = pq_getmsgint64(&buf);
		arm->m.mean = pq_getmsgfloat8(&buf);
		arm->m.mean_lo = pq_getmsgfloat8(&buf);
		arm->m.m2 = pq_getmsgfloat8(&buf);
		if (arm->m.n < 0 || !isfinite(arm->m.mean) || !isfinite(arm->m.mean_lo) ||
			!(arm->m.m2 >= 0.0) || isinf(arm->m.m2))
			bad_state();
	}
	pq_getmsgend(&buf);
	PG_RETURN_POINTER(st);
}

/* Arms in the order of their labels (bytewise), for a result that does not depend on the plan's order. */
static int
arm_cmp(const void *a, const void *b)
{
	const AnovaArm *x = *(const AnovaArm *const *) a;
	const AnovaArm *y = *(const AnovaArm *const *) b;
	int			c = memcmp(x->label, y->label, Min(x->len, y->len));

	if (c != 0)
		return c;
	return (x->len > y->len) - (x->len < y->len);
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
	AnovaArm  **order;
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
	if (st->narms == 0 || st->option == OPT_NULL)
		PG_RETURN_NULL();

	order = palloc(sizeof(AnovaArm *) * st->narms);
	arms = palloc(sizeof(Moments) * st->narms);
	for (i = 0; i < st->narms; i++)
		order[i] = &st->arms[i];
	qsort(order, st->narms, sizeof(AnovaArm *), arm_cmp);
	for (i = 0; i < st->narms; i++)
	{
		arms[i] = order[i]->m;
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
		r.n_arms = st->narms;
		r.n = total;
		r.method = anova_method(st->option == OPT_TRUE);
	}
	else
		anova_oneway(arms, st->narms, st->option == OPT_TRUE, &r);

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
