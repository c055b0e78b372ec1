/*-------------------------------------------------------------------------
 *
 * summary_agg_sql.c
 *	  The aggregates stats_agg(value) and rollup(stats_summary) and their
 *	  transition-state type stats_agg_state.
 *
 * The state is a Moments struct (summary.h): exactly 64 bytes, the count,
 * the mean as a double-double (mean + mean_lo), M2..M4, min and max, with
 * NaN for unknown parts.  It is a real SQL type, not `internal`, because a
 * distributed engine can only push an aggregate down to its workers when
 * it can move the partial states between nodes: Citus 13 moves them
 * through the state type's text output and input, and ignores the
 * serial/deserial functions of `internal` states.  So:
 *	- the text form carries every bit, the mean's low part included
 *	  ("v1 n=2 mean=1.5 mean_lo=0 m2=0.5 m3=0 m4=0.125 min=1 max=2", floats
 *	  in the shortest form that reads back exactly, NaN and Infinity
 *	  spelled out), and the input accepts every state the transition
 *	  functions can produce, the empty state (n = 0) and overflowed states
 *	  included, and validates everything else: these functions can be
 *	  called by any user, with crafted states;
 *	- INITCOND is the empty state, so PostgreSQL allocates one state per
 *	  group in the aggregate's memory and the transition function, STRICT,
 *	  never sees NULL (NULL values are skipped before it is called);
 *	- the transition and combine functions update their first argument in
 *	  place only when AggCheckCallContext() says they run inside an
 *	  aggregate, and return a modified copy otherwise (the pattern of
 *	  float8_accum() in PostgreSQL's float.c); they never modify their
 *	  second argument, and the final function never modifies the state;
 *	- parallel query needs no serial/deserial functions: a fixed-length
 *	  state travels as it is.
 *
 * The per-row work is one Welford/Pébay update (moments_add); overflow is
 * detected once, in the final function (moments_check), as before.
 *
 * The struct is stored without a version of its own: it is a transition
 * state, not a storage format (store stats_summary values).  Its text and
 * binary forms are versioned.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "common/shortest_dec.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"

#include "summary.h"
#include "summary_sql.h"

PG_FUNCTION_INFO_V1(stats_agg_state_in);
PG_FUNCTION_INFO_V1(stats_agg_state_out);
PG_FUNCTION_INFO_V1(stats_agg_state_recv);
PG_FUNCTION_INFO_V1(stats_agg_state_send);
PG_FUNCTION_INFO_V1(stats_agg_state_transfn);
PG_FUNCTION_INFO_V1(stats_agg_state_rollup_transfn);
PG_FUNCTION_INFO_V1(stats_agg_state_combine);
PG_FUNCTION_INFO_V1(stats_agg_state_finalfn);
/* 0.1.0 */
PG_FUNCTION_INFO_V1(stats_agg_transfn);
PG_FUNCTION_INFO_V1(stats_summary_rollup_transfn);
PG_FUNCTION_INFO_V1(stats_summary_combine);
PG_FUNCTION_INFO_V1(stats_summary_serialize);
PG_FUNCTION_INFO_V1(stats_summary_deserialize);
PG_FUNCTION_INFO_V1(stats_summary_finalfn);

/* Version of the state's text and binary forms. */
#define STATS_AGG_STATE_VERSION 1

StaticAssertDecl(sizeof(Moments) == 64,
				 "stats_agg_state must stay 64 bytes (INTERNALLENGTH in the SQL)");

#define PG_GETARG_STATE_P(n)	((Moments *) PG_GETARG_POINTER(n))

static void state_canonical_nan(double *v);

/* Names of the text form's fields, in order. */
static const char *const state_keys[] = {
	"n", "mean", "mean_lo", "m2", "m3", "m4", "min", "max"
};

/* ---------------------------------------------------------------------
 * The state type: validation and I/O
 * ---------------------------------------------------------------------
 */

static void
invalid_state(const char *what)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid stats_agg_state: %s", what)));
}

/*
 * impossible_state: contents no sequence of rows could produce, whether
 * read from text or binary: 22023, as for stats_summary (a malformed text
 * form is 22P02, malformed binary data 22P03).
 */
static void
impossible_state(const char *what)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("invalid stats_agg_state: %s", what)));
}

/*
 * state_validate: accept exactly the states the transition functions can
 * produce.  The empty state is unique; a state whose mean or M2 overflowed
 * (not finite) is accepted as it is, since every later step keeps it
 * non-finite and the final function raises the overflow error; any other
 * state must be a valid summary (validate_moments) once non-finite M3/M4
 * are read as unknown, with its mean's low part within half an ulp of the
 * mean, as moments_add_mean() leaves it.
 */
static void
state_validate(const Moments *m)
{
	Moments		c = *m;
	double		ulp;

	if (m->n < 0)
		impossible_state("n must not be negative");
	if (m->n == 0)
	{
		Moments		empty;

		moments_init(&empty);
		if (memcmp(&empty, m, sizeof(Moments)) != 0)
			impossible_state("a state with n = 0 must be the empty state");
		return;
	}
	if (!isfinite(m->mean) || !isfinite(m->m2))
		return;					/* overflowed: the final function reports it */
	if (!isfinite(m->mean_lo))
		impossible_state("mean_lo must be finite");
	ulp = nextafter(fabs(m->mean), INFINITY) - fabs(m->mean);
	if (!(fabs(m->mean_lo) <= ulp / 2.0))
		impossible_state("mean_lo must be at most half an ulp of mean");
	c.mean_lo = 0.0;
	(void) moments_check(&c);
	validate_moments(&c);
}

/*
 * stats_agg_state_in: "v1 n=.. mean=.. mean_lo=.. m2=.. m3=.. m4=.. min=..
 * max=..", every field present, in this order.
 */
Datum
stats_agg_state_in(PG_FUNCTION_ARGS)
{
	char	   *input = PG_GETARG_CSTRING(0);
	char	   *copy = pstrdup(input);
	char	   *save = NULL;
	char	   *tok;
	double		v[8];
	Moments    *m;
	int			i;

	tok = strtok_r(copy, " ", &save);
	if (tok == NULL || strcmp(tok, "v1") != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type stats_agg_state: \"%s\"", input),
				 errdetail("A stats_agg_state starts with its format version \"v1\".")));
	m = palloc(sizeof(Moments));
	for (i = 0; i < (int) lengthof(state_keys); i++)
	{
		char	   *eq;
		char	   *end;
		size_t		klen = strlen(state_keys[i]);

		tok = strtok_r(NULL, " ", &save);
		if (tok == NULL || strncmp(tok, state_keys[i], klen) != 0 || tok[klen] != '=')
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type stats_agg_state: \"%s\"", input),
					 errdetail("Expected field \"%s\"; the fields are n, mean, mean_lo, m2, m3, m4, min, max, in this order.",
							   state_keys[i])));
		eq = tok + klen + 1;
		errno = 0;
		if (i == 0)
		{
			long long	n = strtoll(eq, &end, 10);

			if (errno != 0 || end == eq || *end != '\0')
				invalid_state("n must be a whole number in the bigint range");
			m->n = (int64) n;
		}
		else
		{
			v[i] = strtod(eq, &end);
			if (end == eq || *end != '\0')
				invalid_state("field values must be numbers, NaN or Infinity");
		}
	}
	if (strtok_r(NULL, " ", &save) != NULL)
		invalid_state("unexpected text after the last field");
	m->mean = v[1];
	m->mean_lo = v[2];
	m->m2 = v[3];
	m->m3 = v[4];
	m->m4 = v[5];
	m->min = v[6];
	m->max = v[7];
	state_validate(m);
	pfree(copy);
	PG_RETURN_POINTER(m);
}

Datum
stats_agg_state_out(PG_FUNCTION_ARGS)
{
	Moments    *m = PG_GETARG_STATE_P(0);
	double		v[8];
	StringInfoData buf;
	int			i;

	v[1] = m->mean;
	v[2] = m->mean_lo;
	v[3] = m->m2;
	v[4] = m->m3;
	v[5] = m->m4;
	v[6] = m->min;
	v[7] = m->max;
	state_canonical_nan(v);
	initStringInfo(&buf);
	appendStringInfo(&buf, "v%d n=" INT64_FORMAT, STATS_AGG_STATE_VERSION, m->n);
	for (i = 1; i < (int) lengthof(state_keys); i++)
	{
		char		num[DOUBLE_SHORTEST_DECIMAL_LEN];

		double_to_shortest_decimal_buf(v[i], num);
		appendStringInfo(&buf, " %s=%s", state_keys[i], num);
	}
	PG_RETURN_CSTRING(buf.data);
}

/*
 * NaN (unknown, or an overflow) is written as the one canonical NaN: an
 * overflow can leave a NaN of either sign, and a value read back must equal
 * the value written, bit for bit.  v[1..7] are the float8 fields.
 */
static void
state_canonical_nan(double *v)
{
	int			i;

	for (i = 1; i < 8; i++)
		if (isnan(v[i]))
			v[i] = NAN;
}

/* Binary form: version byte, int8 n, then the seven float8 fields in order. */
Datum
stats_agg_state_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	Moments    *m = palloc(sizeof(Moments));
	int			version;

	if (buf->len - buf->cursor != 1 + 8 * 8)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid stats_agg_state binary data: %d bytes, expected %d",
						buf->len - buf->cursor, 1 + 8 * 8)));
	version = pq_getmsgbyte(buf);
	if (version != STATS_AGG_STATE_VERSION)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("unsupported stats_agg_state binary format version %d", version)));
	m->n = pq_getmsgint64(buf);
	m->mean = pq_getmsgfloat8(buf);
	m->mean_lo = pq_getmsgfloat8(buf);
	m->m2 = pq_getmsgfloat8(buf);
	m->m3 = pq_getmsgfloat8(buf);
	m->m4 = pq_getmsgfloat8(buf);
	m->min = pq_getmsgfloat8(buf);
	m->max = pq_getmsgfloat8(buf);
	state_validate(m);
	PG_RETURN_POINTER(m);
}

Datum
stats_agg_state_send(PG_FUNCTION_ARGS)
{
	Moments    *m = PG_GETARG_STATE_P(0);
	double		v[8] = {0, m->mean, m->mean_lo, m->m2, m->m3, m->m4, m->min, m->max};
	StringInfoData buf;
	int			i;

	state_canonical_nan(v);
	pq_begintypsend(&buf);
	pq_sendbyte(&buf, STATS_AGG_STATE_VERSION);
	pq_sendint64(&buf, m->n);
	for (i = 1; i < 8; i++)
		pq_sendfloat8(&buf, v[i]);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ---------------------------------------------------------------------
 * The aggregates' support functions
 * ---------------------------------------------------------------------
 */

/*
 * The state to update: the first argument itself inside an aggregate,
 * else a copy of it (so a direct call never changes its input).
 */
static Moments *
state_for_update(FunctionCallInfo fcinfo)
{
	Moments    *m = PG_GETARG_STATE_P(0);
	Moments    *copy;

	if (AggCheckCallContext(fcinfo, NULL))
		return m;
	copy = palloc(sizeof(Moments));
	*copy = *m;
	return copy;
}

/*
 * stats_agg(value) transition: reject NaN and infinities, fold the value
 * in.  This is the per-row cost of stats_agg(), so it does nothing else.
 */
Datum
stats_agg_state_transfn(PG_FUNCTION_ARGS)
{
	double		x = PG_GETARG_FLOAT8(1);
	Moments    *m;

	if (unlikely(!isfinite(x)))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("stats_agg cannot summarize %s", isnan(x) ? "NaN" : "an infinite value"),
				 errhint("Filter out non-finite values, e.g. WHERE value <> 'NaN' AND value <> 'Infinity'.")));
	m = state_for_update(fcinfo);
	moments_add(m, x);
	PG_RETURN_POINTER(m);
}

/* rollup(summary) transition: merge a stored summary into the state. */
Datum
stats_agg_state_rollup_transfn(PG_FUNCTION_ARGS)
{
	Moments    *m = state_for_update(fcinfo);
	Moments		s;

	summary_to_moments(PG_GETARG_STATS_SUMMARY_P(1), &s);
	moments_status_error(moments_merge(m, &s));
	PG_RETURN_POINTER(m);
}

/*
 * Combine two partial states; either may be empty (a worker, partition or
 * shard that saw no rows).
 */
Datum
stats_agg_state_combine(PG_FUNCTION_ARGS)
{
	Moments    *b = PG_GETARG_STATE_P(1);
	Moments    *a;

	if (b->n == 0)
		PG_RETURN_POINTER(PG_GETARG_STATE_P(0));
	a = state_for_update(fcinfo);
	moments_status_error(moments_merge(a, b));
	PG_RETURN_POINTER(a);
}

/*
 * Final function of both aggregates: NULL for no rows, 22003 if the mean or
 * M2 overflowed; reads a copy, so the state is left as it is.
 */
Datum
stats_agg_state_finalfn(PG_FUNCTION_ARGS)
{
	Moments		m = *PG_GETARG_STATE_P(0);

	if (m.n == 0)
		PG_RETURN_NULL();
	moments_status_error(moments_check(&m));
	PG_RETURN_DATUM(moments_get_datum(&m));
}

/* ---------------------------------------------------------------------
 * The 0.1.0 aggregates, with an `internal` state.
 *
 * A database keeps running 0.1.0's SQL with this library until someone runs
 * ALTER EXTENSION abstats UPDATE, and that SQL names these functions: they
 * stay, with 0.1.0's behaviour.  0.2.0's SQL no longer uses them.
 * ---------------------------------------------------------------------
 */

/* Allocate an empty state in the aggregate context (errors outside one). */
static Moments *
new_state(FunctionCallInfo fcinfo)
{
	MemoryContext aggcontext;
	Moments    *m;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
		elog(ERROR, "stats_summary aggregate function called in non-aggregate context");
	m = MemoryContextAlloc(aggcontext, sizeof(Moments));
	moments_init(m);
	return m;
}

/*
 * stats_agg(value) transition: skip NULLs, reject NaN and infinities,
 * update the state in place.  This is the per-row cost of stats_agg(), so
 * it does nothing else: overflow is detected once, by moments_check() in
 * the serial and final functions.
 */
Datum
stats_agg_transfn(PG_FUNCTION_ARGS)
{
	Moments    *state;
	double		x;

	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	x = PG_GETARG_FLOAT8(1);
	if (unlikely(!isfinite(x)))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("stats_agg cannot summarize %s", isnan(x) ? "NaN" : "an infinite value"),
				 errhint("Filter out non-finite values, e.g. WHERE value <> 'NaN' AND value <> 'Infinity'.")));
	if (unlikely(PG_ARGISNULL(0)))
		state = new_state(fcinfo);
	else
		state = (Moments *) PG_GETARG_POINTER(0);
	moments_add(state, x);
	PG_RETURN_POINTER(state);
}

/*
 * rollup(summary) transition: merge a stored summary into the state.
 */
Datum
stats_summary_rollup_transfn(PG_FUNCTION_ARGS)
{
	Moments    *state = PG_ARGISNULL(0) ? NULL : (Moments *) PG_GETARG_POINTER(0);
	Moments		m;

	if (PG_ARGISNULL(1))
	{
		if (state == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(state);
	}
	if (state == NULL)
		state = new_state(fcinfo);
	summary_to_moments(PG_GETARG_STATS_SUMMARY_P(1), &m);
	moments_status_error(moments_merge(state, &m));
	PG_RETURN_POINTER(state);
}

/*
 * Combine two partial states; either may be NULL (a worker or partition
 * that saw no rows).  The result lives in the aggregate context.
 */
Datum
stats_summary_combine(PG_FUNCTION_ARGS)
{
	Moments    *a = PG_ARGISNULL(0) ? NULL : (Moments *) PG_GETARG_POINTER(0);
	Moments    *b = PG_ARGISNULL(1) ? NULL : (Moments *) PG_GETARG_POINTER(1);

	if (b == NULL || b->n == 0)
	{
		if (a == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(a);
	}
	if (a == NULL)
		a = new_state(fcinfo);
	moments_status_error(moments_merge(a, b));
	PG_RETURN_POINTER(a);
}

/*
 * Serialize a partial state (checked for overflow first: see
 * stats_agg_transfn).
 */
Datum
stats_summary_serialize(PG_FUNCTION_ARGS)
{
	Moments		state = *(Moments *) PG_GETARG_POINTER(0);
	StringInfoData buf;

	if (moments_check(&state) != MOMENTS_OK)
		overflow_error();
	pq_begintypsend(&buf);
	moments_send(&buf, &state, true);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/*
 * Deserialize a partial state.  It is allocated in the current (per-tuple)
 * memory context, like the built-in aggregates' deserial functions: the
 * combine function copies it into the aggregate context when it starts a
 * group, so nothing piles up in the aggregate context per partial row.
 */
Datum
stats_summary_deserialize(PG_FUNCTION_ARGS)
{
	bytea	   *data = PG_GETARG_BYTEA_PP(0);
	StringInfoData buf;
	Moments    *state = palloc(sizeof(Moments));

	buf.data = VARDATA_ANY(data);
	buf.len = VARSIZE_ANY_EXHDR(data);
	buf.maxlen = buf.len;
	buf.cursor = 0;
	moments_recv(&buf, state, true);
	pq_getmsgend(&buf);
	PG_RETURN_POINTER(state);
}

/*
 * Final function of both aggregates: NULL for no rows.  Checks a copy of
 * the state for overflow (see stats_agg_transfn); the state itself is left
 * as it is, as a final function must.
 */
Datum
stats_summary_finalfn(PG_FUNCTION_ARGS)
{
	Moments		m;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	m = *(Moments *) PG_GETARG_POINTER(0);
	if (m.n == 0)
		PG_RETURN_NULL();
	if (moments_check(&m) != MOMENTS_OK)
		overflow_error();
	PG_RETURN_DATUM(moments_get_datum(&m));
}

