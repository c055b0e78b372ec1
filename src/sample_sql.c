/*-------------------------------------------------------------------------
 *
 * sample_sql.c
 *	  The stats_sample type: text and binary I/O, comparison and hashing,
 *	  the sample_agg() and rollup(stats_sample) aggregates, and the
 *	  accessors n(), quantile(), median() and stats_summary().
 *
 * A stats_sample holds every non-NULL value of a sample, sorted, so that
 * rank and quantile methods (mann_whitney_test(), ks_test(), ...) can run
 * on it the way t_test() runs on a stats_summary.  It costs 8 bytes per
 * value (plus TOAST compression on disk), and at most SAMPLE_MAX_VALUES
 * (40 million) values, so that its text form always fits in the 1 GB
 * that pg_dump's text COPY allows a field.
 *
 * Stored formats, all versioned (STATS_SAMPLE_VERSION) and validated on
 * input (sorted, finite, as many values as announced):
 *	- text:   v1 n=5 1 2*2 3 5.5
 *			  (the values in ascending order, shortest exact float form, a run
 *			  of k equal values written value*k);
 *	- binary: version byte, flags byte (0), int8 n, n float8 values;
 *	- on disk: the StatsSample varlena (sample_sql.h).
 *
 * The aggregates keep an `internal` state (a SampleState: a growing array
 * in the aggregate context) because the state grows with every row: a
 * real-typed state would be copied on every update.  Values are appended
 * as they come and sorted once, by the serial or final function; the
 * combine function merges two sorted partial states.  The state ignores
 * work_mem and cannot spill to disk.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <ctype.h>
#include <math.h>

#include "access/detoast.h"
#include "common/hashfn.h"
#include "common/shortest_dec.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "port/pg_bswap.h"
#include "utils/builtins.h"

#include "args.h"
#include "sample_sql.h"
#include "summary_sql.h"

PG_FUNCTION_INFO_V1(stats_sample_in);
PG_FUNCTION_INFO_V1(stats_sample_out);
PG_FUNCTION_INFO_V1(stats_sample_recv);
PG_FUNCTION_INFO_V1(stats_sample_send);
PG_FUNCTION_INFO_V1(stats_sample_eq);
PG_FUNCTION_INFO_V1(stats_sample_ne);
PG_FUNCTION_INFO_V1(stats_sample_lt);
PG_FUNCTION_INFO_V1(stats_sample_le);
PG_FUNCTION_INFO_V1(stats_sample_gt);
PG_FUNCTION_INFO_V1(stats_sample_ge);
PG_FUNCTION_INFO_V1(stats_sample_cmp);
PG_FUNCTION_INFO_V1(stats_sample_hash);
PG_FUNCTION_INFO_V1(stats_sample_hash_extended);
PG_FUNCTION_INFO_V1(sample_agg_transfn);
PG_FUNCTION_INFO_V1(stats_sample_rollup_transfn);
PG_FUNCTION_INFO_V1(stats_sample_combine);
PG_FUNCTION_INFO_V1(stats_sample_serialize);
PG_FUNCTION_INFO_V1(stats_sample_deserialize);
PG_FUNCTION_INFO_V1(stats_sample_finalfn);
PG_FUNCTION_INFO_V1(stats_sample_n);
PG_FUNCTION_INFO_V1(stats_sample_quantile);
PG_FUNCTION_INFO_V1(stats_sample_median);
PG_FUNCTION_INFO_V1(stats_sample_summary);

/* At most this much of a malformed input is quoted in an error message. */
#define QUOTE_MAX	60

/* How often (in values) the I/O loops check for interrupts. */
#define IO_INTERRUPT_EVERY	(1 << 20)

static void
check_interrupts_hook(void)
{
	CHECK_FOR_INTERRUPTS();
}

/* Let the numerics (sample.c, ranktests.c) honour query cancellation. */
void
sample_install_interrupt_hook(void)
{
	sample_interrupt_hook = check_interrupts_hook;
}

/* The error for a sample beyond SAMPLE_MAX_VALUES. */
static void
too_many_values(int64 n)
{
	ereport(ERROR,
			(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
			 errmsg("a stats_sample holds at most " INT64_FORMAT " values", SAMPLE_MAX_VALUES),
			 errdetail("The sample would have " INT64_FORMAT " values.", n),
			 errhint("Its text form must fit in 1 GB for pg_dump; sample a subset, e.g. WHERE random() < 0.5.")));
}

/* Allocate a stats_sample of n values (the values are left to the caller). */
static StatsSample *
stats_sample_alloc(int64 n)
{
	Size		size = STATS_SAMPLE_HDRSZ + sizeof(double) * (Size) n;
	StatsSample *s = palloc(size);

	SET_VARSIZE(s, size);
	s->version = STATS_SAMPLE_VERSION;
	s->flags = 0;
	s->reserved = 0;
	return s;
}

/* ---------------------------------------------------------------------
 * The growing collection (aggregate state)
 * ---------------------------------------------------------------------
 */

void
sample_state_init(SampleState *st)
{
	st->n = 0;
	st->capacity = 0;
	st->sorted = true;
	st->values = NULL;
}

/* Make room for `more` values, doubling the array (in cxt). */
static void
sample_state_reserve(SampleState *st, int64 more, MemoryContext cxt)
{
	int64		need = st->n + more;
	int64		cap;

	if (need <= st->capacity)
		return;
	if (need > SAMPLE_MAX_VALUES)
		too_many_values(need);
	cap = Max(st->capacity, 8);
	while (cap < need)
		cap *= 2;
	cap = Min(cap, SAMPLE_MAX_VALUES);
	if (st->values == NULL)
		st->values = MemoryContextAlloc(cxt, sizeof(double) * cap);
	else
		st->values = repalloc(st->values, sizeof(double) * cap);
	st->capacity = cap;
}

/*
 * sample_state_append: add v[0..n) (in ascending order when sorted_run).
 */
void
sample_state_append(SampleState *st, const double *v, int64 n, bool sorted_run,
					MemoryContext cxt)
{
	if (n <= 0)
		return;
	sample_state_reserve(st, n, cxt);
	if ((!sorted_run && n > 1) || (st->n > 0 && v[0] < st->values[st->n - 1]))
		st->sorted = false;
	memcpy(st->values + st->n, v, sizeof(double) * n);
	st->n += n;
}

/* Sort the state's values in place (once). */
void
sample_state_sort(SampleState *st)
{
	if (!st->sorted && st->n > 0)
	{
		sample_install_interrupt_hook();
		sample_sort(st->values, st->n);
		st->sorted = true;
	}
}

/*
 * sample_state_merge: a = a + b, sorted, in a new array allocated in cxt.
 * b is not modified (an unsorted b is sorted into a scratch copy).
 */
void
sample_state_merge(SampleState *a, SampleState *b, MemoryContext cxt)
{
	const double *bv = b->values;
	double	   *scratch = NULL;
	double	   *merged;
	int64		n;

	if (b->n == 0)
		return;
	if (b->n > SAMPLE_MAX_VALUES - a->n)
		too_many_values(a->n + b->n);
	sample_install_interrupt_hook();
	if (!b->sorted)
	{
		scratch = palloc(sizeof(double) * b->n);
		sample_sort_copy(b->values, scratch, b->n);
		bv = scratch;
	}
	sample_state_sort(a);
	n = a->n + b->n;
	merged = MemoryContextAlloc(cxt, sizeof(double) * n);
	sample_merge(a->values, a->n, bv, b->n, merged);
	if (a->values)
		pfree(a->values);
	if (scratch)
		pfree(scratch);
	a->values = merged;
	a->n = n;
	a->capacity = n;
	a->sorted = true;
}

/*
 * stats_sample_from_state: the sorted stats_sample of a non-empty state;
 * the state itself is not modified.
 */
StatsSample *
stats_sample_from_state(const SampleState *st)
{
	StatsSample *s = stats_sample_alloc(st->n);

	if (st->sorted)
		memcpy(s->values, st->values, sizeof(double) * st->n);
	else
	{
		sample_install_interrupt_hook();
		sample_sort_copy(st->values, s->values, st->n);
	}
	return s;
}

/* ---------------------------------------------------------------------
 * Text I/O
 * ---------------------------------------------------------------------
 */

/* Quote the start of a (possibly huge) input for an error message. */
static char *
quote_input(const char *input)
{
	size_t		len = strlen(input);

	if (len <= QUOTE_MAX)
		return pstrdup(input);
	return psprintf("%.*s...", pg_mbcliplen(input, len, QUOTE_MAX), input);
}

static void
malformed(const char *input, const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type stats_sample: \"%s\"", quote_input(input)),
			 errdetail("%s", detail)));
}

static void
inconsistent(const char *what)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("invalid stats_sample: %s", what)));
}

static const char *
skip_space(const char *p)
{
	while (*p && isspace((unsigned char) *p))
		p++;
	return p;
}

/*
 * stats_sample_in: parse "v1 n=N v1 v2*k ...": N >= 1 finite values in
 * ascending order, a run of k equal values optionally written value*k.
 */
Datum
stats_sample_in(PG_FUNCTION_ARGS)
{
	char	   *input = PG_GETARG_CSTRING(0);
	const char *p = skip_space(input);
	char	   *end;
	long long	nn;
	int64		n;
	int64		count = 0;
	int64		tokens = 0;
	StatsSample *s;

	if (*p != 'v')
		malformed(input, "A stats_sample starts with its format version, e.g. \"v1\".");
	if (strncmp(p, "v1", 2) != 0 || (p[2] != '\0' && !isspace((unsigned char) p[2])))
		malformed(input, "Unsupported stats_sample format version; this build reads \"v1\".");
	p = skip_space(p + 2);
	if (strncmp(p, "n=", 2) != 0)
		malformed(input, "The version is followed by the number of values, e.g. \"n=3\".");
	errno = 0;
	nn = strtoll(p + 2, &end, 10);
	if (errno != 0 || end == p + 2 || (*end != '\0' && !isspace((unsigned char) *end)))
		malformed(input, "n must be a whole number.");
	n = (int64) nn;
	if (n < 1)
		inconsistent("n must be at least 1");
	if (n > SAMPLE_MAX_VALUES)
		too_many_values(n);

	s = stats_sample_alloc(n);
	p = end;
	for (;;)
	{
		double		x;
		long long	k = 1;

		p = skip_space(p);
		if (*p == '\0')
			break;
		x = strtod(p, &end);
		if (end == p)
			malformed(input, "The values are numbers, optionally written value*count.");
		if (!isfinite(x))
			malformed(input, "The values must be finite numbers.");
		if (*end == '*')
		{
			char	   *cend;

			errno = 0;
			k = strtoll(end + 1, &cend, 10);
			if (errno != 0 || cend == end + 1 || k < 1)
				malformed(input, "A repeat count (value*count) must be a whole number of at least 1.");
			end = cend;
		}
		if (*end != '\0' && !isspace((unsigned char) *end))
			malformed(input, "The values are numbers, optionally written value*count.");
		if (count > 0 && x < s->values[count - 1])
			inconsistent("the values must be in ascending order");
		if (k > n - count)
			inconsistent("there are more values than n says");
		while (k-- > 0)
			s->values[count++] = x;
		if ((++tokens & (IO_INTERRUPT_EVERY - 1)) == 0)
			CHECK_FOR_INTERRUPTS();
		p = end;
	}
	if (count != n)
		inconsistent("there are fewer values than n says");
	PG_RETURN_POINTER(s);
}

/*
 * stats_sample_out: "v1 n=N" and the values, each in the shortest form
 * that reads back to the same double; a run of k bit-identical values is
 * written value*k.  The value is already sorted: nothing is modified.
 */
Datum
stats_sample_out(PG_FUNCTION_ARGS)
{
	StatsSample *s = PG_GETARG_STATS_SAMPLE_P(0);
	int64		n = STATS_SAMPLE_N(s);
	StringInfoData buf;
	int64		i = 0;

	initStringInfo(&buf);
	appendStringInfo(&buf, "v%d n=" INT64_FORMAT, (int) s->version, n);
	while (i < n)
	{
		char		num[DOUBLE_SHORTEST_DECIMAL_LEN];
		int64		j = i + 1;

		while (j < n && memcmp(&s->values[j], &s->values[i], sizeof(double)) == 0)
			j++;
		appendStringInfoChar(&buf, ' ');
		double_to_shortest_decimal_buf(s->values[i], num);
		appendStringInfoString(&buf, num);
		if (j - i > 1)
			appendStringInfo(&buf, "*" INT64_FORMAT, j - i);
		if ((i >> 20) != (j >> 20))
			CHECK_FOR_INTERRUPTS();
		i = j;
	}
	PG_RETURN_CSTRING(buf.data);
}

/* ---------------------------------------------------------------------
 * Binary I/O
 * ---------------------------------------------------------------------
 */

/* Append n float8 values in network byte order. */
static void
send_values(StringInfo buf, const double *v, int64 n)
{
	int64		i;
	char	   *out;

	enlargeStringInfo(buf, (int) (sizeof(double) * n));
	out = buf->data + buf->len;
	for (i = 0; i < n; i++)
	{
		uint64		u;

		memcpy(&u, &v[i], sizeof(u));
		u = pg_hton64(u);
		memcpy(out + 8 * i, &u, sizeof(u));
		if ((i & (IO_INTERRUPT_EVERY - 1)) == IO_INTERRUPT_EVERY - 1)
			CHECK_FOR_INTERRUPTS();
	}
	buf->len += (int) (sizeof(double) * n);
	buf->data[buf->len] = '\0';
}

/* Read n float8 values in network byte order from src into v. */
static void
recv_values(const char *src, double *v, int64 n)
{
	int64		i;

	for (i = 0; i < n; i++)
	{
		uint64		u;

		memcpy(&u, src + 8 * i, sizeof(u));
		u = pg_ntoh64(u);
		memcpy(&v[i], &u, sizeof(u));
		if ((i & (IO_INTERRUPT_EVERY - 1)) == IO_INTERRUPT_EVERY - 1)
			CHECK_FOR_INTERRUPTS();
	}
}

/*
 * Validate values read from a client or a partial state: finite and in
 * ascending order.  Returns NULL or what is wrong.
 */
static const char *
values_problem(const double *v, int64 n)
{
	int64		i;

	for (i = 0; i < n; i++)
	{
		if (!isfinite(v[i]))
			return "the values must be finite";
		if (i > 0 && v[i] < v[i - 1])
			return "the values must be in ascending order";
		if ((i & (IO_INTERRUPT_EVERY - 1)) == IO_INTERRUPT_EVERY - 1)
			CHECK_FOR_INTERRUPTS();
	}
	return NULL;
}

static void
bad_binary(const char *what)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			 errmsg("invalid stats_sample binary data: %s", what)));
}

/*
 * stats_sample_recv: version byte, flags byte, int8 n, n float8 values;
 * exactly as many bytes as n announces, finite values in ascending order.
 */
Datum
stats_sample_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			version;
	int			flags;
	int64		n;
	StatsSample *s;
	const char *problem;

	if (buf->len - buf->cursor < 10)
		bad_binary("too short");
	version = pq_getmsgbyte(buf);
	if (version != STATS_SAMPLE_VERSION)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("unsupported stats_sample binary format version %d", version),
				 errdetail("This build reads version %d.", STATS_SAMPLE_VERSION)));
	flags = pq_getmsgbyte(buf);
	if (flags != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid stats_sample binary flags %d", flags)));
	n = pq_getmsgint64(buf);
	if (n < 1)
		inconsistent("n must be at least 1");
	if (n > SAMPLE_MAX_VALUES)
		too_many_values(n);
	if ((int64) (buf->len - buf->cursor) != 8 * n)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid stats_sample binary data: %d bytes of values, expected " INT64_FORMAT,
						buf->len - buf->cursor, 8 * n)));
	s = stats_sample_alloc(n);
	recv_values(buf->data + buf->cursor, s->values, n);
	buf->cursor = buf->len;
	problem = values_problem(s->values, n);
	if (problem)
		inconsistent(problem);
	PG_RETURN_POINTER(s);
}

Datum
stats_sample_send(PG_FUNCTION_ARGS)
{
	StatsSample *s = PG_GETARG_STATS_SAMPLE_P(0);
	int64		n = STATS_SAMPLE_N(s);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, s->version);
	pq_sendbyte(&buf, s->flags);
	pq_sendint64(&buf, n);
	send_values(&buf, s->values, n);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ---------------------------------------------------------------------
 * Comparison and hashing
 *
 * The total order of the btree operator class: by n, then the values
 * compared in turn as float8 (so -0 = 0).  Equal samples hash alike:
 * -0 is hashed as +0, as hashfloat8 does.
 * ---------------------------------------------------------------------
 */

static int
sample_cmp(const StatsSample *a, const StatsSample *b)
{
	int64		na = STATS_SAMPLE_N(a);
	int64		nb = STATS_SAMPLE_N(b);
	int64		i;

	if (na != nb)
		return na < nb ? -1 : 1;
	for (i = 0; i < na; i++)
	{
		if (a->values[i] < b->values[i])
			return -1;
		if (a->values[i] > b->values[i])
			return 1;
	}
	return 0;
}

#define SAMPLE_CMP_FN(name, expr) \
Datum \
name(PG_FUNCTION_ARGS) \
{ \
	StatsSample *a = PG_GETARG_STATS_SAMPLE_P(0); \
	StatsSample *b = PG_GETARG_STATS_SAMPLE_P(1); \
	int			c = sample_cmp(a, b); \
\
	PG_FREE_IF_COPY(a, 0); \
	PG_FREE_IF_COPY(b, 1); \
	expr; \
}

SAMPLE_CMP_FN(stats_sample_eq, PG_RETURN_BOOL(c == 0))
SAMPLE_CMP_FN(stats_sample_ne, PG_RETURN_BOOL(c != 0))
SAMPLE_CMP_FN(stats_sample_lt, PG_RETURN_BOOL(c < 0))
SAMPLE_CMP_FN(stats_sample_le, PG_RETURN_BOOL(c <= 0))
SAMPLE_CMP_FN(stats_sample_gt, PG_RETURN_BOOL(c > 0))
SAMPLE_CMP_FN(stats_sample_ge, PG_RETURN_BOOL(c >= 0))
SAMPLE_CMP_FN(stats_sample_cmp, PG_RETURN_INT32(c))

/* Hash the values with -0 read as +0 (n is implied by the length). */
static Datum
sample_hash(const StatsSample *s, bool extended, uint64 seed)
{
	int64		n = STATS_SAMPLE_N(s);
	const double *v = s->values;
	double	   *copy = NULL;
	Datum		h;
	int64		i;

	for (i = 0; i < n; i++)
	{
		if (v[i] == 0.0 && signbit(v[i]))
		{
			if (copy == NULL)
			{
				copy = palloc(sizeof(double) * n);
				memcpy(copy, v, sizeof(double) * n);
			}
			copy[i] = 0.0;
		}
	}
	if (copy)
		v = copy;
	if (extended)
		h = hash_any_extended((const unsigned char *) v, (int) (sizeof(double) * n), seed);
	else
		h = hash_any((const unsigned char *) v, (int) (sizeof(double) * n));
	if (copy)
		pfree(copy);
	return h;
}

Datum
stats_sample_hash(PG_FUNCTION_ARGS)
{
	StatsSample *s = PG_GETARG_STATS_SAMPLE_P(0);
	Datum		h = sample_hash(s, false, 0);

	PG_FREE_IF_COPY(s, 0);
	return h;
}

Datum
stats_sample_hash_extended(PG_FUNCTION_ARGS)
{
	StatsSample *s = PG_GETARG_STATS_SAMPLE_P(0);
	Datum		h = sample_hash(s, true, PG_GETARG_INT64(1));

	PG_FREE_IF_COPY(s, 0);
	return h;
}

/* ---------------------------------------------------------------------
 * Aggregates: sample_agg(value) and rollup(stats_sample)
 * ---------------------------------------------------------------------
 */

/* Allocate an empty state in the aggregate context (errors outside one). */
static SampleState *
new_state(FunctionCallInfo fcinfo, MemoryContext *aggcontext)
{
	SampleState *st;

	if (!AggCheckCallContext(fcinfo, aggcontext))
		elog(ERROR, "stats_sample aggregate function called in non-aggregate context");
	st = MemoryContextAlloc(*aggcontext, sizeof(SampleState));
	sample_state_init(st);
	return st;
}

/*
 * sample_agg(value) transition: skip NULLs, reject NaN and infinities (as
 * stats_agg does), append the value to the state in place.
 */
Datum
sample_agg_transfn(PG_FUNCTION_ARGS)
{
	SampleState *st;
	double		x;
	MemoryContext aggcontext = NULL;

	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	x = PG_GETARG_FLOAT8(1);
	if (unlikely(!isfinite(x)))
		arg_data_not_finite(x, "sample_agg cannot collect");
	if (unlikely(PG_ARGISNULL(0)))
		st = new_state(fcinfo, &aggcontext);
	else
		st = (SampleState *) PG_GETARG_POINTER(0);
	if (unlikely(st->n == st->capacity))
	{
		if (aggcontext == NULL)
			aggcontext = agg_memory_context(fcinfo, "stats_sample aggregate function");
		sample_state_reserve(st, 1, aggcontext);
	}
	if (st->n > 0 && x < st->values[st->n - 1])
		st->sorted = false;
	st->values[st->n++] = x;
	PG_RETURN_POINTER(st);
}

/*
 * rollup(stats_sample) transition: append a stored sample (a sorted run).
 */
Datum
stats_sample_rollup_transfn(PG_FUNCTION_ARGS)
{
	SampleState *st = PG_ARGISNULL(0) ? NULL : (SampleState *) PG_GETARG_POINTER(0);
	MemoryContext aggcontext;
	StatsSample *s;

	if (PG_ARGISNULL(1))
	{
		if (st == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(st);
	}
	if (st == NULL)
		st = new_state(fcinfo, &aggcontext);
	else
		aggcontext = agg_memory_context(fcinfo, "stats_sample aggregate function");
	s = PG_GETARG_STATS_SAMPLE_P(1);
	sample_state_append(st, s->values, STATS_SAMPLE_N(s), true, aggcontext);
	PG_FREE_IF_COPY(s, 1);
	PG_RETURN_POINTER(st);
}

/*
 * Combine two partial states; either may be NULL or empty (a worker or
 * partition that saw no rows).  The result lives in the aggregate context;
 * the second state is not modified.
 */
Datum
stats_sample_combine(PG_FUNCTION_ARGS)
{
	SampleState *a = PG_ARGISNULL(0) ? NULL : (SampleState *) PG_GETARG_POINTER(0);
	SampleState *b = PG_ARGISNULL(1) ? NULL : (SampleState *) PG_GETARG_POINTER(1);
	MemoryContext aggcontext;

	if (b == NULL || b->n == 0)
	{
		if (a == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(a);
	}
	if (a == NULL)
		a = new_state(fcinfo, &aggcontext);
	else
		aggcontext = agg_memory_context(fcinfo, "stats_sample aggregate function");
	sample_state_merge(a, b, aggcontext);
	PG_RETURN_POINTER(a);
}

/*
 * Serialize a partial state: int8 n and the sorted values (sorted in
 * place first; the state is the aggregate's own).
 */
Datum
stats_sample_serialize(PG_FUNCTION_ARGS)
{
	SampleState *st = (SampleState *) PG_GETARG_POINTER(0);
	StringInfoData buf;

	sample_state_sort(st);
	pq_begintypsend(&buf);
	pq_sendint64(&buf, st->n);
	send_values(&buf, st->values, st->n);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/*
 * Deserialize a partial state, allocated in the current (per-tuple)
 * context; the combine function copies it into the aggregate context.
 * Checked like client input, although only serialize produces it.
 */
Datum
stats_sample_deserialize(PG_FUNCTION_ARGS)
{
	bytea	   *data = PG_GETARG_BYTEA_PP(0);
	const char *p = VARDATA_ANY(data);
	int64		len = VARSIZE_ANY_EXHDR(data);
	SampleState *st = palloc(sizeof(SampleState));
	uint64		u;
	int64		n;

	if (len < 8)
		elog(ERROR, "invalid stats_sample partial state");
	memcpy(&u, p, sizeof(u));
	n = (int64) pg_ntoh64(u);
	if (n < 0 || n > SAMPLE_MAX_VALUES || len != 8 + 8 * n)
		elog(ERROR, "invalid stats_sample partial state");
	sample_state_init(st);
	if (n > 0)
	{
		st->values = palloc(sizeof(double) * n);
		recv_values(p + 8, st->values, n);
		if (values_problem(st->values, n))
			elog(ERROR, "invalid stats_sample partial state");
	}
	st->n = n;
	st->capacity = n;
	st->sorted = true;
	PG_RETURN_POINTER(st);
}

/*
 * Final function of both aggregates: the sorted sample, NULL for no rows.
 * The state is not modified (an unsorted state is sorted into the result).
 */
Datum
stats_sample_finalfn(PG_FUNCTION_ARGS)
{
	SampleState *st;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	st = (SampleState *) PG_GETARG_POINTER(0);
	if (st->n == 0)
		PG_RETURN_NULL();
	PG_RETURN_POINTER(stats_sample_from_state(st));
}

/* ---------------------------------------------------------------------
 * Accessors
 * ---------------------------------------------------------------------
 */

/* n(s): the number of values, from the length alone (no detoasting). */
Datum
stats_sample_n(PG_FUNCTION_ARGS)
{
	Size		raw = toast_raw_datum_size(PG_GETARG_DATUM(0));

	PG_RETURN_INT64((int64) ((raw - STATS_SAMPLE_HDRSZ) / sizeof(double)));
}

/* quantile(s, q): R's quantile(x, q, type = 7). */
Datum
stats_sample_quantile(PG_FUNCTION_ARGS)
{
	StatsSample *s = PG_GETARG_STATS_SAMPLE_P(0);
	double		q = PG_GETARG_FLOAT8(1);

	arg_probability(q, "q");
	PG_RETURN_FLOAT8(sample_quantile(s->values, STATS_SAMPLE_N(s), q));
}

/* median(s): quantile(s, 0.5), R's median(x). */
Datum
stats_sample_median(PG_FUNCTION_ARGS)
{
	StatsSample *s = PG_GETARG_STATS_SAMPLE_P(0);

	PG_RETURN_FLOAT8(sample_quantile(s->values, STATS_SAMPLE_N(s), 0.5));
}

/* stats_summary(s): the moments of the values, as stats_agg() gives them. */
Datum
stats_sample_summary(PG_FUNCTION_ARGS)
{
	StatsSample *s = PG_GETARG_STATS_SAMPLE_P(0);
	StatsSummary *result = palloc(sizeof(StatsSummary));
	Moments		m;

	sample_install_interrupt_hook();
	if (sample_moments(s->values, STATS_SAMPLE_N(s), &m) != MOMENTS_OK)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("value out of range: overflow in stats_summary")));
	summary_from_moments(result, &m);
	PG_RETURN_POINTER(result);
}
