/*-------------------------------------------------------------------------
 *
 * ranktests_sql.c
 *	  SQL glue of the rank tests on stats_sample values (numerics in
 *	  ranktests.c): mann_whitney_test(), signed_rank_test(), ks_test(),
 *	  and the aggregate kruskal_test(arm, sample).
 *
 * The test functions take an `exact` argument whose default is NULL
 * (R's exact = NULL: decide by the sample sizes), so they are not STRICT:
 * a NULL in any other argument gives a NULL result here.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "fmgr.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"

#include "args.h"
#include "arms.h"
#include "ranktests.h"
#include "sample_sql.h"

PG_FUNCTION_INFO_V1(mann_whitney_test_sql);
PG_FUNCTION_INFO_V1(signed_rank_test_sql);
PG_FUNCTION_INFO_V1(ks_test_sql);
PG_FUNCTION_INFO_V1(kruskal_test_transfn);
PG_FUNCTION_INFO_V1(kruskal_test_combine);
PG_FUNCTION_INFO_V1(kruskal_test_serialize);
PG_FUNCTION_INFO_V1(kruskal_test_deserialize);
PG_FUNCTION_INFO_V1(kruskal_test_finalfn);

/* NULL for any NULL argument among the first nargs but `skip`. */
static bool
any_null_but(FunctionCallInfo fcinfo, int nargs, int skip)
{
	int			i;

	for (i = 0; i < nargs; i++)
		if (i != skip && PG_ARGISNULL(i))
			return true;
	return false;
}

static ExactMode
exact_arg(FunctionCallInfo fcinfo, int argno)
{
	if (PG_ARGISNULL(argno))
		return EXACT_AUTO;
	return PG_GETARG_BOOL(argno) ? EXACT_YES : EXACT_NO;
}

/* The 22023 error for exact => true beyond the exact distribution's limit. */
static void
exact_unavailable(const char *limit)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("invalid value for argument \"exact\": true"),
			 errdetail("The exact distribution is computed for %s.", limit),
			 errhint("Use exact => NULL (the default) or false for the normal approximation.")));
}

/*
 * The result row: statistic, [df,] p_value, [estimate, ci_lower,
 * ci_upper,] method.  NAN fields are NULL; infinite interval bounds stay.
 */
static Datum
rank_result(FunctionCallInfo fcinfo, const RankTestResult *r, bool with_df,
			bool with_estimate)
{
	Datum		values[7];
	bool		nulls[7];
	int			k = 0;

	values[k] = result_float8(r->statistic, &nulls[k]);
	k++;
	if (with_df)
	{
		values[k] = result_float8(r->df, &nulls[k]);
		k++;
	}
	values[k] = result_float8(r->p_value, &nulls[k]);
	k++;
	if (with_estimate)
	{
		values[k] = result_float8(r->estimate, &nulls[k]);
		k++;
		values[k] = result_float8(r->ci_lower, &nulls[k]);
		k++;
		values[k] = result_float8(r->ci_upper, &nulls[k]);
		k++;
	}
	values[k] = CStringGetTextDatum(r->method);
	nulls[k] = false;
	k++;
	return result_row(fcinfo, k, values, nulls);
}

/*
 * mann_whitney_test(treatment, control, alternative, mu, correct, exact,
 * conf_level): R's wilcox.test(treatment, control, conf.int = TRUE).
 */
Datum
mann_whitney_test_sql(PG_FUNCTION_ARGS)
{
	StatsSample *x;
	StatsSample *y;
	Alternative alt;
	double		mu;
	double		conf_level;
	RankTestResult r;

	if (any_null_but(fcinfo, 7, 5))
		PG_RETURN_NULL();
	x = PG_GETARG_STATS_SAMPLE_P(0);
	y = PG_GETARG_STATS_SAMPLE_P(1);
	alt = arg_alternative(PG_GETARG_TEXT_PP(2));
	mu = PG_GETARG_FLOAT8(3);
	conf_level = PG_GETARG_FLOAT8(6);
	arg_finite(mu, "mu");
	arg_conf_level(conf_level);
	sample_install_interrupt_hook();
	mann_whitney_test(x->values, STATS_SAMPLE_N(x), y->values, STATS_SAMPLE_N(y),
					  alt, mu, PG_GETARG_BOOL(4), exact_arg(fcinfo, 5),
					  conf_level, &r);
	if (r.method == NULL)
		exact_unavailable("samples whose sizes have n1 * n2 <= 10000");
	PG_RETURN_DATUM(rank_result(fcinfo, &r, false, true));
}

/*
 * signed_rank_test(x, mu, alternative, correct, exact, conf_level): R's
 * wilcox.test(x, mu = mu, conf.int = TRUE); the paired test is
 * signed_rank_test(sample_agg(after - before)).
 */
Datum
signed_rank_test_sql(PG_FUNCTION_ARGS)
{
	StatsSample *x;
	Alternative alt;
	double		mu;
	double		conf_level;
	RankTestResult r;

	if (any_null_but(fcinfo, 6, 4))
		PG_RETURN_NULL();
	x = PG_GETARG_STATS_SAMPLE_P(0);
	mu = PG_GETARG_FLOAT8(1);
	alt = arg_alternative(PG_GETARG_TEXT_PP(2));
	conf_level = PG_GETARG_FLOAT8(5);
	arg_finite(mu, "mu");
	arg_conf_level(conf_level);
	sample_install_interrupt_hook();
	signed_rank_test(x->values, STATS_SAMPLE_N(x), mu, alt, PG_GETARG_BOOL(3),
					 exact_arg(fcinfo, 4), conf_level, &r);
	if (r.method == NULL)
		exact_unavailable("at most 1000 values (other than mu)");
	PG_RETURN_DATUM(rank_result(fcinfo, &r, false, true));
}

/*
 * ks_test(treatment, control, alternative, exact): R 4.2.2's two-sample
 * ks.test(treatment, control).
 */
Datum
ks_test_sql(PG_FUNCTION_ARGS)
{
	StatsSample *x;
	StatsSample *y;
	Alternative alt;
	RankTestResult r;

	if (any_null_but(fcinfo, 4, 3))
		PG_RETURN_NULL();
	x = PG_GETARG_STATS_SAMPLE_P(0);
	y = PG_GETARG_STATS_SAMPLE_P(1);
	alt = arg_alternative(PG_GETARG_TEXT_PP(2));
	sample_install_interrupt_hook();
	ks_test(x->values, STATS_SAMPLE_N(x), y->values, STATS_SAMPLE_N(y), alt,
			exact_arg(fcinfo, 3), &r);
	PG_RETURN_DATUM(rank_result(fcinfo, &r, false, false));
}

/* ---------------------------------------------------------------------
 * kruskal_test(arm text, s stats_sample): an aggregate over labelled
 * per-arm samples; rows of one arm are merged first.
 * ---------------------------------------------------------------------
 */

/* One arm's data: its values, and whether a row of it had a NULL sample. */
typedef struct KruskalArm
{
	bool		had_null;
	SampleState values;
} KruskalArm;

typedef struct KruskalState
{
	ArmTable	arms;			/* payload: KruskalArm */
} KruskalState;

static KruskalState *
kruskal_new(MemoryContext cxt)
{
	KruskalState *st = MemoryContextAllocZero(cxt, sizeof(KruskalState));

	arm_table_init(&st->arms, sizeof(KruskalArm), cxt);
	return st;
}

/* The arm with this label, created (empty) if new. */
static KruskalArm *
kruskal_arm(KruskalState *st, const char *label, int len)
{
	bool		created;
	KruskalArm *arm = arm_table_arm(&st->arms, label, len, &created);

	if (created)
	{
		arm->had_null = false;
		sample_state_init(&arm->values);
	}
	return arm;
}

/*
 * Transition: a row with a NULL arm is skipped; a NULL sample marks its arm
 * as present but (so far) without data.
 */
Datum
kruskal_test_transfn(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = agg_memory_context(fcinfo, "kruskal_test");
	KruskalState *st = PG_ARGISNULL(0) ? NULL : (KruskalState *) PG_GETARG_POINTER(0);
	text	   *label;
	KruskalArm *arm;

	if (st == NULL)
		st = kruskal_new(cxt);
	if (PG_ARGISNULL(1))
		PG_RETURN_POINTER(st);
	label = PG_GETARG_TEXT_PP(1);
	arm = kruskal_arm(st, VARDATA_ANY(label), VARSIZE_ANY_EXHDR(label));
	if (PG_ARGISNULL(2))
		arm->had_null = true;
	else
	{
		StatsSample *s = PG_GETARG_STATS_SAMPLE_P(2);

		sample_state_append(&arm->values, s->values, STATS_SAMPLE_N(s), true, cxt);
		PG_FREE_IF_COPY(s, 2);
	}
	PG_RETURN_POINTER(st);
}

/* Combine: merge b's arms into a (b is not modified). */
Datum
kruskal_test_combine(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = agg_memory_context(fcinfo, "kruskal_test");
	KruskalState *a = PG_ARGISNULL(0) ? NULL : (KruskalState *) PG_GETARG_POINTER(0);
	KruskalState *b = PG_ARGISNULL(1) ? NULL : (KruskalState *) PG_GETARG_POINTER(1);
	int			i;

	if (b == NULL || b->arms.narms == 0)
	{
		if (a == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(a);
	}
	if (a == NULL)
		a = kruskal_new(cxt);
	for (i = 0; i < b->arms.narms; i++)
	{
		const ArmLabel *l = &b->arms.labels[i];
		KruskalArm *to = kruskal_arm(a, l->label, l->len);
		KruskalArm *from = arm_table_payload(&b->arms, i);

		to->had_null |= from->had_null;
		sample_state_merge(&to->values, &from->values, cxt);
	}
	PG_RETURN_POINTER(a);
}

/*
 * Serialize: int4 number of arms; per arm int4 label length, the label,
 * a byte (1 = had a NULL sample), int8 n and the n values, sorted (in
 * place: the state is the aggregate's own).
 */
Datum
kruskal_test_serialize(PG_FUNCTION_ARGS)
{
	KruskalState *st = (KruskalState *) PG_GETARG_POINTER(0);
	StringInfoData buf;
	int			i;

	pq_begintypsend(&buf);
	pq_sendint32(&buf, st->arms.narms);
	for (i = 0; i < st->arms.narms; i++)
	{
		const ArmLabel *l = &st->arms.labels[i];
		KruskalArm *arm = arm_table_payload(&st->arms, i);
		int64		j;

		sample_state_sort(&arm->values);
		pq_sendint32(&buf, l->len);
		pq_sendbytes(&buf, l->label, l->len);
		pq_sendbyte(&buf, arm->had_null ? 1 : 0);
		pq_sendint64(&buf, arm->values.n);
		for (j = 0; j < arm->values.n; j++)
			pq_sendfloat8(&buf, arm->values.values[j]);
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/*
 * Deserialize into the current (per-tuple) context; combine copies what
 * it keeps into the aggregate context.
 */
Datum
kruskal_test_deserialize(PG_FUNCTION_ARGS)
{
	bytea	   *data = PG_GETARG_BYTEA_PP(0);
	StringInfoData buf;
	KruskalState *st = kruskal_new(CurrentMemoryContext);
	int			narms;
	int			i;

	buf.data = VARDATA_ANY(data);
	buf.len = VARSIZE_ANY_EXHDR(data);
	buf.maxlen = buf.len;
	buf.cursor = 0;
	narms = pq_getmsgint(&buf, 4);
	if (narms < 0)
		elog(ERROR, "invalid kruskal_test partial state");
	for (i = 0; i < narms; i++)
	{
		KruskalArm *arm;
		int			len = pq_getmsgint(&buf, 4);
		int64		n,
					j;

		if (len < 0 || len > buf.len - buf.cursor)
			elog(ERROR, "invalid kruskal_test partial state");
		arm = kruskal_arm(st, pq_getmsgbytes(&buf, len), len);
		arm->had_null = pq_getmsgbyte(&buf) != 0;
		n = pq_getmsgint64(&buf);
		if (n < 0 || n > (buf.len - buf.cursor) / 8)
			elog(ERROR, "invalid kruskal_test partial state");
		sample_state_init(&arm->values);
		if (n > 0)
		{
			arm->values.values = palloc(sizeof(double) * n);
			for (j = 0; j < n; j++)
			{
				arm->values.values[j] = pq_getmsgfloat8(&buf);
				if (!isfinite(arm->values.values[j]) ||
					(j > 0 && arm->values.values[j] < arm->values.values[j - 1]))
					elog(ERROR, "invalid kruskal_test partial state");
			}
		}
		arm->values.n = n;
		arm->values.capacity = n;
	}
	pq_getmsgend(&buf);
	PG_RETURN_POINTER(st);
}

/*
 * Final function: NULL for no rows; NULL fields (method kept) when an arm
 * has no values (only NULL samples so far) or fewer than two arms have
 * values.  The state is not modified: an arm still unsorted is sorted
 * into a copy.
 */
Datum
kruskal_test_finalfn(PG_FUNCTION_ARGS)
{
	KruskalState *st;
	const double **arms;
	int64	   *n;
	bool		empty_arm = false;
	RankTestResult r;
	int			i;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	st = (KruskalState *) PG_GETARG_POINTER(0);
	if (st->arms.narms == 0)
		PG_RETURN_NULL();
	arms = palloc(sizeof(double *) * st->arms.narms);
	n = palloc(sizeof(int64) * st->arms.narms);
	sample_install_interrupt_hook();
	for (i = 0; i < st->arms.narms; i++)
	{
		SampleState *v = &((KruskalArm *) arm_table_payload(&st->arms, i))->values;

		n[i] = v->n;
		if (v->n == 0)
			empty_arm = true;
		else if (v->sorted)
			arms[i] = v->values;
		else
		{
			double	   *copy = palloc(sizeof(double) * v->n);

			sample_sort_copy(v->values, copy, v->n);
			arms[i] = copy;
		}
	}
	if (empty_arm)
	{
		r.method = "Kruskal-Wallis rank sum test";
		r.statistic = r.df = r.p_value = NAN;
	}
	else
		kruskal_test(arms, n, st->arms.narms, &r);
	PG_RETURN_DATUM(rank_result(fcinfo, &r, true, false));
}
