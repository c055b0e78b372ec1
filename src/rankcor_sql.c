/*-------------------------------------------------------------------------
 *
 * rankcor_sql.c
 *	  SQL glue of the rank correlation tests (numerics in rankcor.c): the
 *	  aggregates rank_cor_test(x, y), rank_cor_test(x, y, method) and
 *	  rank_cor_test(x, y, method, alternative), R's cor.test(x, y, method =
 *	  "spearman" / "kendall").
 *
 * The state is `internal`: every complete pair (16 bytes each), appended
 * as it comes and sorted once by the final function, so memory grows with
 * the rows (as sample_agg, outside work_mem) and is capped at
 * SAMPLE_MAX_VALUES pairs (54000 beyond).  Parallel plans move it through
 * serialize/deserialize and combine appends one partial state's pairs to
 * the other's.
 *
 * Rows with a NULL x or y are skipped (R's complete cases); NaN and
 * infinities are refused (22023), as sample_agg refuses them.  The options
 * method and alternative must be the same on every row (22023 otherwise,
 * compared by meaning: 'two.sided' equals 'two-sided'); each row's option
 * text is compared with the previous row's bytes first, so it is parsed
 * only when it changes.  A NULL option (on every row) gives a NULL result,
 * as a NULL argument does elsewhere; no complete pair gives NULL.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "fmgr.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"

#include "args.h"
#include "rankcor.h"
#include "sample_sql.h"

PG_FUNCTION_INFO_V1(rank_cor_test_transfn);
PG_FUNCTION_INFO_V1(rank_cor_test_combine);
PG_FUNCTION_INFO_V1(rank_cor_test_serialize);
PG_FUNCTION_INFO_V1(rank_cor_test_deserialize);
PG_FUNCTION_INFO_V1(rank_cor_test_finalfn);

/* An option not given (the shorter forms), or NULL on the rows. */
#define OPT_UNSET	(-1)
#define OPT_NULL	(-2)

/* One option: its meaning, and the bytes of the last row's text. */
typedef struct RankCorOption
{
	int			value;			/* OPT_UNSET, OPT_NULL or the keyword's value */
	char	   *raw;			/* in the aggregate context; NULL: none yet */
	int			rawlen;
} RankCorOption;

typedef struct RankCorState
{
	int64		n;
	int64		capacity;
	RankPair   *pairs;
	RankCorOption method;
	RankCorOption alternative;
} RankCorState;

static const ArgKeyword method_choices[] = {
	{"spearman", RANKCOR_SPEARMAN},
	{"kendall", RANKCOR_KENDALL},
	{NULL, 0}
};

/* An empty state in cxt, no option seen yet. */
static RankCorState *
rank_cor_new(MemoryContext cxt)
{
	RankCorState *st = MemoryContextAllocZero(cxt, sizeof(RankCorState));

	st->method.value = OPT_UNSET;
	st->alternative.value = OPT_UNSET;
	return st;
}

/* The option's value as text, for messages. */
static const char *
option_text(const char *argname, int value)
{
	const ArgKeyword *c;

	if (value == OPT_NULL)
		return "NULL";
	if (strcmp(argname, "method") == 0)
	{
		for (c = method_choices; c->name != NULL; c++)
			if (c->value == value)
				return c->name;
	}
	else
		return value == ALT_LESS ? "less" : value == ALT_GREATER ? "greater" : "two-sided";
	return "?";
}

/* Record an option's value (from a row or a partial state); 22023 if it differs. */
static void
option_set(RankCorOption *opt, int value, const char *argname)
{
	if (value == OPT_UNSET || opt->value == value)
		return;
	if (opt->value == OPT_UNSET)
	{
		opt->value = value;
		return;
	}
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("invalid value for argument \"%s\": %s", argname, option_text(argname, value)),
			 errdetail("The options of the aggregate rank_cor_test must be the same on every row; another row has %s.",
					   option_text(argname, opt->value))));
}

/* A row's option argument: parsed only when its bytes differ from the last row's. */
static void
option_row(FunctionCallInfo fcinfo, int argno, RankCorOption *opt,
		   const char *argname, MemoryContext cxt)
{
	text	   *t;
	const char *data;
	int			len;
	int			value;

	if (PG_ARGISNULL(argno))
	{
		option_set(opt, OPT_NULL, argname);
		return;
	}
	t = PG_GETARG_TEXT_PP(argno);
	data = VARDATA_ANY(t);
	len = VARSIZE_ANY_EXHDR(t);
	if (opt->raw != NULL && opt->rawlen == len && memcmp(opt->raw, data, len) == 0)
		return;
	if (strcmp(argname, "method") == 0)
		value = arg_keyword(t, "method", method_choices);
	else
		value = (int) arg_alternative(t);
	option_set(opt, value, argname);
	if (opt->raw != NULL)
		pfree(opt->raw);
	opt->raw = MemoryContextAlloc(cxt, Max(len, 1));
	memcpy(opt->raw, data, len);
	opt->rawlen = len;
}

/* The error beyond SAMPLE_MAX_VALUES pairs. */
static void
too_many_pairs(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
			 errmsg("rank_cor_test ranks at most " INT64_FORMAT " pairs", SAMPLE_MAX_VALUES),
			 errhint("Sample a subset, e.g. WHERE random() < 0.5.")));
}

/* Room for `more` pairs. */
static void
rank_cor_reserve(RankCorState *st, int64 more, MemoryContext cxt)
{
	int64		need = st->n + more;
	int64		cap;

	if (need <= st->capacity)
		return;
	if (need > SAMPLE_MAX_VALUES)
		too_many_pairs();
	cap = Max(st->capacity, 64);
	while (cap < need)
		cap *= 2;
	cap = Min(cap, SAMPLE_MAX_VALUES);
	if (st->pairs == NULL)
		st->pairs = MemoryContextAlloc(cxt, sizeof(RankPair) * cap);
	else
		st->pairs = repalloc(st->pairs, sizeof(RankPair) * cap);
	st->capacity = cap;
}

/*
 * Transition: record the options (every row, even one skipped), then the
 * pair if complete.
 */
Datum
rank_cor_test_transfn(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = agg_memory_context(fcinfo, "rank_cor_test");
	RankCorState *st = PG_ARGISNULL(0) ? NULL : (RankCorState *) PG_GETARG_POINTER(0);
	double		x,
				y;

	if (st == NULL)
		st = rank_cor_new(cxt);
	if (PG_NARGS() > 3)
		option_row(fcinfo, 3, &st->method, "method", cxt);
	if (PG_NARGS() > 4)
		option_row(fcinfo, 4, &st->alternative, "alternative", cxt);
	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
		PG_RETURN_POINTER(st);
	x = PG_GETARG_FLOAT8(1);
	y = PG_GETARG_FLOAT8(2);
	if (!isfinite(x))
		arg_data_not_finite(x, "rank_cor_test cannot rank");
	if (!isfinite(y))
		arg_data_not_finite(y, "rank_cor_test cannot rank");
	if (st->n == st->capacity)
		rank_cor_reserve(st, 1, cxt);
	st->pairs[st->n].x = x;
	st->pairs[st->n].y = y;
	st->n++;
	PG_RETURN_POINTER(st);
}

/* Combine: append b's pairs to a (b is not modified); NULL or empty sides. */
Datum
rank_cor_test_combine(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = agg_memory_context(fcinfo, "rank_cor_test");
	RankCorState *a = PG_ARGISNULL(0) ? NULL : (RankCorState *) PG_GETARG_POINTER(0);
	RankCorState *b = PG_ARGISNULL(1) ? NULL : (RankCorState *) PG_GETARG_POINTER(1);

	if (b == NULL)
	{
		if (a == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(a);
	}
	if (a == NULL)
		a = rank_cor_new(cxt);
	option_set(&a->method, b->method.value, "method");
	option_set(&a->alternative, b->alternative.value, "alternative");
	if (b->n > 0)
	{
		rank_cor_reserve(a, b->n, cxt);
		memcpy(a->pairs + a->n, b->pairs, sizeof(RankPair) * b->n);
		a->n += b->n;
	}
	PG_RETURN_POINTER(a);
}

/*
 * Serialize: int8 n, int4 method, int4 alternative (OPT_* or the value),
 * then n pairs (x, y) as float8.
 */
Datum
rank_cor_test_serialize(PG_FUNCTION_ARGS)
{
	RankCorState *st = (RankCorState *) PG_GETARG_POINTER(0);
	StringInfoData buf;
	int64		i;

	pq_begintypsend(&buf);
	pq_sendint64(&buf, st->n);
	pq_sendint32(&buf, st->method.value);
	pq_sendint32(&buf, st->alternative.value);
	for (i = 0; i < st->n; i++)
	{
		pq_sendfloat8(&buf, st->pairs[i].x);
		pq_sendfloat8(&buf, st->pairs[i].y);
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* Deserialize into the current (per-tuple) context; combine copies. */
Datum
rank_cor_test_deserialize(PG_FUNCTION_ARGS)
{
	bytea	   *data = PG_GETARG_BYTEA_PP(0);
	StringInfoData buf;
	RankCorState *st = palloc0(sizeof(RankCorState));
	int64		n;
	int64		i;

	buf.data = VARDATA_ANY(data);
	buf.len = VARSIZE_ANY_EXHDR(data);
	buf.maxlen = buf.len;
	buf.cursor = 0;
	n = pq_getmsgint64(&buf);
	st->method.value = pq_getmsgint(&buf, 4);
	st->alternative.value = pq_getmsgint(&buf, 4);
	if (n < 0 || n > SAMPLE_MAX_VALUES || n != (buf.len - buf.cursor) / 16 ||
		st->method.value < OPT_NULL || st->method.value > RANKCOR_KENDALL ||
		st->alternative.value < OPT_NULL || st->alternative.value > ALT_GREATER)
		elog(ERROR, "invalid rank_cor_test partial state");
	st->n = n;
	st->capacity = n;
	st->pairs = palloc(sizeof(RankPair) * Max(n, 1));
	for (i = 0; i < n; i++)
	{
		st->pairs[i].x = pq_getmsgfloat8(&buf);
		st->pairs[i].y = pq_getmsgfloat8(&buf);
		if (!isfinite(st->pairs[i].x) || !isfinite(st->pairs[i].y))
			elog(ERROR, "invalid rank_cor_test partial state");
	}
	pq_getmsgend(&buf);
	PG_RETURN_POINTER(st);
}

/*
 * Final function: NULL for no complete pair or a NULL option; otherwise
 * the test on a sorted copy of the pairs (the state is not modified).
 */
Datum
rank_cor_test_finalfn(PG_FUNCTION_ARGS)
{
	RankCorState *st;
	RankPair   *pairs;
	RankCorResult r;
	Datum		values[5];
	bool		nulls[5];

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	st = (RankCorState *) PG_GETARG_POINTER(0);
	if (st->n == 0 || st->method.value == OPT_NULL || st->alternative.value == OPT_NULL)
		PG_RETURN_NULL();
	pairs = palloc(sizeof(RankPair) * st->n);
	memcpy(pairs, st->pairs, sizeof(RankPair) * st->n);
	sample_install_interrupt_hook();
	rank_cor_test(pairs, st->n,
				  st->method.value == OPT_UNSET ? RANKCOR_SPEARMAN : (RankCorMethod) st->method.value,
				  st->alternative.value == OPT_UNSET ? ALT_TWO_SIDED : (Alternative) st->alternative.value,
				  &r);
	pfree(pairs);

	values[0] = result_float8(r.statistic, &nulls[0]);
	values[1] = result_float8(r.p_value, &nulls[1]);
	values[2] = result_float8(r.estimate, &nulls[2]);
	values[3] = Int64GetDatum(r.n);
	nulls[3] = false;
	values[4] = CStringGetTextDatum(r.method);
	nulls[4] = false;
	PG_RETURN_DATUM(result_row(fcinfo, 5, values, nulls));
}
