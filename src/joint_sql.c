/*-------------------------------------------------------------------------
 *
 * joint_sql.c
 *	  The joint_summary type (text and binary I/O, comparison and hashing),
 *	  its aggregate states joint_pair_state and joint_state, the
 *	  aggregates stats_agg(y, x [, z [, w]]) and rollup(joint_summary),
 *	  the accessors, and cor_test() (numerics in cortest.c).
 *
 * A joint_summary holds the joint sufficient statistics of 2 to 4 metrics
 * measured on the same units: n, the means and the co-moment matrix (see
 * joint.c for the algorithms, joint.h for the layouts).  Like
 * stats_summary it is meant to be stored and rolled up.
 *
 * Stored formats, all versioned (JOINT_SUMMARY_VERSION) and validated on
 * input (joint_validate), so that a malformed (22P02 text, 22P03 binary) or
 * impossible (22023) summary is never accepted:
 *	- text:   v1 k=2 n=4 mean=[2.5,5] c=[[5,10],[20]]
 *			  the co-moment matrix as the rows of its upper triangle, floats
 *			  in the shortest form that reads back exactly;
 *	- binary: version byte, k byte, int8 n, the k means, the k(k+1)/2
 *			  co-moments (float8, packed upper triangle by rows); the
 *			  states' binary form adds the means' low parts after the means;
 *	- on disk: the fixed-length JointSummary struct (128 bytes).  Fixed
 *			  length, sized for k = 4, rather than a varlena: the struct on
 *			  disk is the struct in memory (no detoasting, no realignment of
 *			  short varlena headers, the same as stats_summary), and 128
 *			  bytes is small next to the rows it summarizes; the price is
 *			  56 unused bytes for k = 2.  A future format with more fields
 *			  would be a new type, which the version byte of the text and
 *			  binary forms lets a dump carry over.
 *
 * The aggregates keep real, fixed-length state types (not `internal`), so
 * that a distributed engine can push them down and move them as text:
 * joint_pair_state (64 bytes) for stats_agg(y, x), joint_state (160
 * bytes) for 3 or 4 metrics and for rollup().  Their text form is the one
 * above plus the low parts of the means (mean_lo=[..]), so a partial state
 * moved as text merges as exactly as one moved in memory.  Each aggregate's
 * INITCOND is the empty state, so PostgreSQL allocates one per group; the
 * transition and combine functions update their first argument in place
 * only inside an aggregate (AggCheckCallContext; otherwise they work on a
 * copy, as float8_accum does), never modify their second, and accept empty
 * states on either side; the final functions return NULL for no rows.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <ctype.h>
#include <math.h>

#include "common/hashfn.h"
#include "common/shortest_dec.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/float.h"

#include "args.h"
#include "cortest.h"
#include "joint_sql.h"
#include "summary_sql.h"

PG_FUNCTION_INFO_V1(joint_summary_in);
PG_FUNCTION_INFO_V1(joint_summary_out);
PG_FUNCTION_INFO_V1(joint_summary_recv);
PG_FUNCTION_INFO_V1(joint_summary_send);
PG_FUNCTION_INFO_V1(joint_summary_eq);
PG_FUNCTION_INFO_V1(joint_summary_ne);
PG_FUNCTION_INFO_V1(joint_summary_lt);
PG_FUNCTION_INFO_V1(joint_summary_le);
PG_FUNCTION_INFO_V1(joint_summary_gt);
PG_FUNCTION_INFO_V1(joint_summary_ge);
PG_FUNCTION_INFO_V1(joint_summary_cmp);
PG_FUNCTION_INFO_V1(joint_summary_hash);
PG_FUNCTION_INFO_V1(joint_summary_hash_extended);
PG_FUNCTION_INFO_V1(joint_pair_state_in);
PG_FUNCTION_INFO_V1(joint_pair_state_out);
PG_FUNCTION_INFO_V1(joint_state_in);
PG_FUNCTION_INFO_V1(joint_state_out);
PG_FUNCTION_INFO_V1(joint_pair_state_recv);
PG_FUNCTION_INFO_V1(joint_pair_state_send);
PG_FUNCTION_INFO_V1(joint_state_recv);
PG_FUNCTION_INFO_V1(joint_state_send);
PG_FUNCTION_INFO_V1(joint_pair_transfn);
PG_FUNCTION_INFO_V1(joint_pair_combine);
PG_FUNCTION_INFO_V1(joint_pair_finalfn);
PG_FUNCTION_INFO_V1(joint_transfn);
PG_FUNCTION_INFO_V1(joint_rollup_transfn);
PG_FUNCTION_INFO_V1(joint_state_combine);
PG_FUNCTION_INFO_V1(joint_state_finalfn);
PG_FUNCTION_INFO_V1(joint_n);
PG_FUNCTION_INFO_V1(joint_k);
PG_FUNCTION_INFO_V1(joint_mean);
PG_FUNCTION_INFO_V1(joint_variance);
PG_FUNCTION_INFO_V1(joint_covariance);
PG_FUNCTION_INFO_V1(joint_correlation);
PG_FUNCTION_INFO_V1(joint_metric);
PG_FUNCTION_INFO_V1(joint_cor_test);

/* The SQL types' INTERNALLENGTH (sql/install/70_joint.sql) is these sizes. */
StaticAssertDecl(sizeof(JointSummary) == 128, "joint_summary must stay 128 bytes");
StaticAssertDecl(sizeof(JointMoments) == 160, "joint_state must stay 160 bytes");
StaticAssertDecl(sizeof(JointPairState) == 64, "joint_pair_state must stay 64 bytes");

/* The three SQL types sharing the text format. */
typedef enum JointKind
{
	JOINT_KIND_SUMMARY,			/* joint_summary */
	JOINT_KIND_PAIR_STATE,		/* joint_pair_state: k = 2 */
	JOINT_KIND_STATE			/* joint_state: k = 2..4, or 0 while empty */
} JointKind;

static const char *const joint_kind_name[] = {
	"joint_summary", "joint_pair_state", "joint_state"
};

static void
joint_overflow_error(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("value out of range: overflow in joint_summary")));
}

/* Raise the error of a failed merge (JOINT_OK does nothing). */
static void
merge_status_error(JointStatus status)
{
	switch (status)
	{
		case JOINT_OK:
			break;
		case JOINT_OVERFLOW:
			joint_overflow_error();
			break;
		case JOINT_COUNT_OVERFLOW:
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("value out of range: n of a joint_summary exceeds bigint")));
			break;
		case JOINT_K_MISMATCH:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("cannot merge joint summaries of different numbers of metrics"),
					 errhint("Roll up summaries of the same metrics only, e.g. GROUP BY the metric set.")));
			break;
	}
}

/*
 * Reject moments that no sample (or, for a state, no aggregation) could
 * produce: 22023, as README "Reading results" says for the contents of a
 * stored type (malformed text or bytes are 22P02 / 22P03).
 */
static void
validate_or_error(const JointMoments *m, JointKind kind)
{
	const char *what = joint_validate(m, kind != JOINT_KIND_SUMMARY);

	if (what == NULL && kind == JOINT_KIND_PAIR_STATE && m->k != 2)
		what = "a joint_pair_state has k = 2";
	if (what != NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid %s: %s", joint_kind_name[kind], what)));
}

/* Allocate a joint_summary Datum from working moments. */
static Datum
joint_get_datum(const JointMoments *m)
{
	JointSummary *s = palloc(sizeof(JointSummary));

	joint_summary_from_moments(s, m);
	return PointerGetDatum(s);
}

/* ---------------------------------------------------------------------
 * Text I/O (shared by joint_summary and the two state types)
 * ---------------------------------------------------------------------
 */

typedef struct TextCursor
{
	const char *input;			/* the whole input, for messages */
	const char *p;				/* current position */
	JointKind	kind;
} TextCursor;

static void
malformed(const TextCursor *t, const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type %s: \"%s\"",
					joint_kind_name[t->kind], t->input),
			 errdetail("%s", detail)));
}

static void
skip_space(TextCursor *t)
{
	while (isspace((unsigned char) *t->p))
		t->p++;
}

/* Consume the character c (after spaces), or fail. */
static void
expect_char(TextCursor *t, char c, const char *detail)
{
	skip_space(t);
	if (*t->p != c)
		malformed(t, detail);
	t->p++;
}

static int64
parse_int(TextCursor *t, const char *detail)
{
	char	   *end;
	long long	v;

	skip_space(t);
	errno = 0;
	v = strtoll(t->p, &end, 10);
	if (errno != 0 || end == t->p)
		malformed(t, detail);
	t->p = end;
	return (int64) v;
}

/* A float as strtod reads it (also Infinity and NaN: states may hold them). */
static double
parse_float(TextCursor *t)
{
	char	   *end;
	double		v;

	skip_space(t);
	v = strtod(t->p, &end);
	if (end == t->p)
		malformed(t, "Lists hold numbers separated by commas, e.g. [1.5,2].");
	t->p = end;
	return v;
}

/* "[x, y, ...]": at most `max` numbers into out; returns how many. */
static int
parse_list(TextCursor *t, double *out, int max)
{
	int			count = 0;

	expect_char(t, '[', "Lists are written in brackets, e.g. mean=[1.5,2].");
	for (;;)
	{
		double		v = parse_float(t);

		if (count == max)
			malformed(t, "A list is longer than the number of metrics allows (at most 4).");
		out[count++] = v;
		skip_space(t);
		if (*t->p == ',')
		{
			t->p++;
			continue;
		}
		expect_char(t, ']', "Lists hold numbers separated by commas, e.g. [1.5,2].");
		return count;
	}
}

/*
 * Parse "v1 k=K n=N mean=[..] c=[[..],[..],..] [mean_lo=[..]]" (fields in
 * any order; mean_lo only for the state types).  Fields that are absent
 * stay zero: an empty state is "v1 k=2 n=0", or "v1 n=0" for a rollup
 * state that has not seen a summary yet.  Only the syntax and the shape
 * are checked here; joint_validate() checks the values.
 */
static void
parse_joint_text(const char *input, JointKind kind, JointMoments *m)
{
	TextCursor	t;
	bool		seen_k = false,
				seen_n = false,
				seen_mean = false,
				seen_lo = false,
				seen_c = false;
	double		mean[JOINT_MAX_K],
				lo[JOINT_MAX_K],
				rows[JOINT_MAX_K][JOINT_MAX_K];
	int			nmean = 0,
				nlo = 0,
				nrows = 0,
				rowlen[JOINT_MAX_K];
	int			i,
				j,
				p;
	int64		k = 0;

	t.input = input;
	t.p = input;
	t.kind = kind;
	joint_init(m, 0);

	skip_space(&t);
	if (*t.p != 'v')
		malformed(&t, "A joint summary starts with its format version, e.g. \"v1\".");
	t.p++;
	if (strncmp(t.p, "1", 1) != 0 || !(isspace((unsigned char) t.p[1]) || t.p[1] == '\0'))
		malformed(&t, "Unsupported format version; this build reads \"v1\".");
	t.p++;

	for (;;)
	{
		const char *key;
		size_t		keylen;

		skip_space(&t);
		if (*t.p == '\0')
			break;
		key = t.p;
		while (isalnum((unsigned char) *t.p) || *t.p == '_')
			t.p++;
		keylen = t.p - key;
		if (keylen == 0 || *t.p != '=')
			malformed(&t, "Fields are written as key=value, separated by spaces.");
		t.p++;
#define KEY_IS(s) (keylen == strlen(s) && strncmp(key, s, keylen) == 0)
		if (KEY_IS("k"))
		{
			if (seen_k)
				malformed(&t, "A field appears twice.");
			seen_k = true;
			k = parse_int(&t, "k must be a whole number.");
			if (k < JOINT_MIN_K || k > JOINT_MAX_K)
				malformed(&t, "k (the number of metrics) must be between 2 and 4.");
		}
		else if (KEY_IS("n"))
		{
			if (seen_n)
				malformed(&t, "A field appears twice.");
			seen_n = true;
			m->n = parse_int(&t, "n must be a whole number.");
		}
		else if (KEY_IS("mean"))
		{
			if (seen_mean)
				malformed(&t, "A field appears twice.");
			seen_mean = true;
			nmean = parse_list(&t, mean, JOINT_MAX_K);
		}
		else if (KEY_IS("mean_lo") && kind != JOINT_KIND_SUMMARY)
		{
			if (seen_lo)
				malformed(&t, "A field appears twice.");
			seen_lo = true;
			nlo = parse_list(&t, lo, JOINT_MAX_K);
		}
		else if (KEY_IS("c"))
		{
			if (seen_c)
				malformed(&t, "A field appears twice.");
			seen_c = true;
			expect_char(&t, '[', "c is the upper triangle of the co-moment matrix by rows, e.g. c=[[2,1],[3]].");
			for (;;)
			{
				if (nrows == JOINT_MAX_K)
					malformed(&t, "c has more rows than the number of metrics allows (at most 4).");
				rowlen[nrows] = parse_list(&t, rows[nrows], JOINT_MAX_K);
				nrows++;
				skip_space(&t);
				if (*t.p == ',')
				{
					t.p++;
					continue;
				}
				expect_char(&t, ']', "c is the upper triangle of the co-moment matrix by rows, e.g. c=[[2,1],[3]].");
				break;
			}
		}
		else
			malformed(&t, kind == JOINT_KIND_SUMMARY ?
					  "Unknown field; the fields are k, n, mean and c." :
					  "Unknown field; the fields are k, n, mean, mean_lo and c.");
#undef KEY_IS
		if (*t.p != '\0' && !isspace((unsigned char) *t.p))
			malformed(&t, "Fields are separated by spaces.");
	}

	if (!seen_n)
		malformed(&t, "Field n is required.");
	if (!seen_k && !(kind == JOINT_KIND_STATE && m->n == 0))
		malformed(&t, "Field k (the number of metrics) is required.");
	if (m->n > 0 && (!seen_mean || !seen_c))
		malformed(&t, "Fields mean and c are required.");
	if (seen_mean && nmean != k)
		malformed(&t, "mean must list k numbers.");
	if (seen_lo && nlo != k)
		malformed(&t, "mean_lo must list k numbers.");
	if (seen_c)
	{
		if (nrows != k)
			malformed(&t, "c must have k rows (the upper triangle of the co-moment matrix).");
		for (i = 0; i < nrows; i++)
			if (rowlen[i] != k - i)
				malformed(&t, "Row i of c lists C[i,i..k], so rows have k, k - 1, ..., 1 numbers.");
	}

	m->k = (int32) k;
	for (i = 0; i < nmean; i++)
		m->mean[i] = mean[i];
	for (i = 0; i < nlo; i++)
		m->mean_lo[i] = lo[i];
	p = 0;
	for (i = 0; i < nrows; i++)
		for (j = 0; j < rowlen[i]; j++)
			m->c[p++] = rows[i][j];
}

/* Append "[x,y,...]" with the shortest exactly-round-tripping floats. */
static void
append_list(StringInfo buf, const double *v, int count)
{
	char		num[DOUBLE_SHORTEST_DECIMAL_LEN];
	int			i;

	appendStringInfoChar(buf, '[');
	for (i = 0; i < count; i++)
	{
		double_to_shortest_decimal_buf(v[i], num);
		if (i > 0)
			appendStringInfoChar(buf, ',');
		appendStringInfoString(buf, num);
	}
	appendStringInfoChar(buf, ']');
}

/* The text form of m; `state` adds the means' low parts when not zero. */
static char *
joint_text(const JointMoments *m, bool state)
{
	StringInfoData buf;
	int			k = m->k;
	int			i,
				p;
	bool		any_lo = false;

	initStringInfo(&buf);
	appendStringInfo(&buf, "v%d", JOINT_SUMMARY_VERSION);
	if (k != 0)
		appendStringInfo(&buf, " k=%d", k);
	appendStringInfo(&buf, " n=" INT64_FORMAT, m->n);
	if (m->n == 0)
		return buf.data;
	appendStringInfoString(&buf, " mean=");
	append_list(&buf, m->mean, k);
	appendStringInfoString(&buf, " c=[");
	p = 0;
	for (i = 0; i < k; i++)
	{
		if (i > 0)
			appendStringInfoChar(&buf, ',');
		append_list(&buf, &m->c[p], k - i);
		p += k - i;
	}
	appendStringInfoChar(&buf, ']');
	for (i = 0; i < k; i++)
		any_lo |= (m->mean_lo[i] != 0.0);
	if (state && any_lo)
	{
		appendStringInfoString(&buf, " mean_lo=");
		append_list(&buf, m->mean_lo, k);
	}
	return buf.data;
}

Datum
joint_summary_in(PG_FUNCTION_ARGS)
{
	JointMoments m;

	parse_joint_text(PG_GETARG_CSTRING(0), JOINT_KIND_SUMMARY, &m);
	validate_or_error(&m, JOINT_KIND_SUMMARY);
	PG_RETURN_DATUM(joint_get_datum(&m));
}

Datum
joint_summary_out(PG_FUNCTION_ARGS)
{
	JointMoments m;

	joint_summary_to_moments(PG_GETARG_JOINT_SUMMARY_P(0), &m);
	PG_RETURN_CSTRING(joint_text(&m, false));
}

/* ---------------------------------------------------------------------
 * Binary I/O: version byte, k byte, int8 n, the k means, (states only:
 * the k low parts of the means,) the k(k+1)/2 co-moments, all float8
 * ---------------------------------------------------------------------
 */

static void
bad_binary(JointKind kind, const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			 errmsg("invalid %s binary data", joint_kind_name[kind]),
			 errdetail("%s", detail)));
}

/*
 * A NaN (an overflowed state) is sent as the one canonical NaN, so that a
 * value read back equals the value sent, bit for bit.
 */
static void
send_float8(StringInfo buf, double v)
{
	pq_sendfloat8(buf, isnan(v) ? NAN : v);
}

static void
joint_send(StringInfo buf, const JointMoments *m, bool state)
{
	int			i;

	pq_sendbyte(buf, JOINT_SUMMARY_VERSION);
	pq_sendbyte(buf, m->k);
	pq_sendint64(buf, m->n);
	for (i = 0; i < m->k; i++)
		send_float8(buf, m->mean[i]);
	if (state)
		for (i = 0; i < m->k; i++)
			send_float8(buf, m->mean_lo[i]);
	for (i = 0; i < JOINT_NC(m->k); i++)
		send_float8(buf, m->c[i]);
}

/* Read the binary form of `kind` into m, and validate it. */
static void
joint_recv(StringInfo buf, JointKind kind, JointMoments *m)
{
	bool		state = kind != JOINT_KIND_SUMMARY;
	int			version,
				k,
				expected,
				i;

	if (buf->len - buf->cursor < 2)
		bad_binary(kind, "It is shorter than its version and k bytes.");
	version = pq_getmsgbyte(buf);
	if (version != JOINT_SUMMARY_VERSION)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("unsupported %s binary format version %d", joint_kind_name[kind], version),
				 errdetail("This build reads version %d.", JOINT_SUMMARY_VERSION)));
	k = pq_getmsgbyte(buf);
	if (!(k >= JOINT_MIN_K && k <= JOINT_MAX_K) && !(kind == JOINT_KIND_STATE && k == 0))
		bad_binary(kind, "k (the number of metrics) must be between 2 and 4.");
	expected = 8 * (1 + (state ? 2 : 1) * k + JOINT_NC(k));
	if (buf->len - buf->cursor != expected)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid %s binary data: %d bytes after k, expected %d",
						joint_kind_name[kind], buf->len - buf->cursor, expected)));
	joint_init(m, k);
	m->n = pq_getmsgint64(buf);
	for (i = 0; i < k; i++)
		m->mean[i] = pq_getmsgfloat8(buf);
	if (state)
		for (i = 0; i < k; i++)
			m->mean_lo[i] = pq_getmsgfloat8(buf);
	for (i = 0; i < JOINT_NC(k); i++)
		m->c[i] = pq_getmsgfloat8(buf);
	validate_or_error(m, kind);
}

Datum
joint_summary_recv(PG_FUNCTION_ARGS)
{
	JointMoments m;

	joint_recv((StringInfo) PG_GETARG_POINTER(0), JOINT_KIND_SUMMARY, &m);
	PG_RETURN_DATUM(joint_get_datum(&m));
}

Datum
joint_summary_send(PG_FUNCTION_ARGS)
{
	JointMoments m;
	StringInfoData buf;

	joint_summary_to_moments(PG_GETARG_JOINT_SUMMARY_P(0), &m);
	pq_begintypsend(&buf);
	joint_send(&buf, &m, false);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ---------------------------------------------------------------------
 * Comparison and hashing: fields compared as float8 (so -0 = 0) in the
 * order k, n, means, co-moments; hashed with -0 as +0.
 * ---------------------------------------------------------------------
 */

static int
joint_summary_cmp_internal(const JointSummary *a, const JointSummary *b)
{
	int			i,
				r;

	if (a->k != b->k)
		return a->k < b->k ? -1 : 1;
	if (a->n != b->n)
		return a->n < b->n ? -1 : 1;
	for (i = 0; i < a->k; i++)
		if ((r = float8_cmp_internal(a->mean[i], b->mean[i])) != 0)
			return r;
	for (i = 0; i < JOINT_NC(a->k); i++)
		if ((r = float8_cmp_internal(a->c[i], b->c[i])) != 0)
			return r;
	return 0;
}

#define JOINT_CMP(a, b) \
	joint_summary_cmp_internal(PG_GETARG_JOINT_SUMMARY_P(a), PG_GETARG_JOINT_SUMMARY_P(b))

Datum
joint_summary_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(JOINT_CMP(0, 1) == 0);
}

Datum
joint_summary_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(JOINT_CMP(0, 1) != 0);
}

Datum
joint_summary_lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(JOINT_CMP(0, 1) < 0);
}

Datum
joint_summary_le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(JOINT_CMP(0, 1) <= 0);
}

Datum
joint_summary_gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(JOINT_CMP(0, 1) > 0);
}

Datum
joint_summary_ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(JOINT_CMP(0, 1) >= 0);
}

Datum
joint_summary_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(JOINT_CMP(0, 1));
}

/*
 * The bytes that are hashed: the used fields, with -0 written as +0, and
 * zeros everywhere else, so that summaries equal under = hash alike.
 */
static void
hash_image(const JointSummary *s, JointSummary *img)
{
	int			i;

	memset(img, 0, sizeof(JointSummary));
	img->k = s->k;
	img->n = s->n;
	for (i = 0; i < s->k; i++)
		img->mean[i] = s->mean[i] == 0.0 ? 0.0 : s->mean[i];
	for (i = 0; i < JOINT_NC(s->k); i++)
		img->c[i] = s->c[i] == 0.0 ? 0.0 : s->c[i];
}

Datum
joint_summary_hash(PG_FUNCTION_ARGS)
{
	JointSummary img;

	hash_image(PG_GETARG_JOINT_SUMMARY_P(0), &img);
	PG_RETURN_UINT32(hash_bytes((const unsigned char *) &img, sizeof(img)));
}

/* With seed 0 its low 32 bits equal joint_summary_hash, as hash opclasses need. */
Datum
joint_summary_hash_extended(PG_FUNCTION_ARGS)
{
	JointSummary img;

	hash_image(PG_GETARG_JOINT_SUMMARY_P(0), &img);
	PG_RETURN_UINT64(hash_bytes_extended((const unsigned char *) &img, sizeof(img),
										 PG_GETARG_INT64(1)));
}

/* ---------------------------------------------------------------------
 * The state types' text I/O (exact: the means' low parts included)
 * ---------------------------------------------------------------------
 */

Datum
joint_pair_state_in(PG_FUNCTION_ARGS)
{
	JointMoments m;
	JointPairState *p = palloc(sizeof(JointPairState));

	parse_joint_text(PG_GETARG_CSTRING(0), JOINT_KIND_PAIR_STATE, &m);
	validate_or_error(&m, JOINT_KIND_PAIR_STATE);
	joint_pair_from_moments(p, &m);
	PG_RETURN_POINTER(p);
}

Datum
joint_pair_state_out(PG_FUNCTION_ARGS)
{
	JointMoments m;

	joint_pair_to_moments((JointPairState *) PG_GETARG_POINTER(0), &m);
	PG_RETURN_CSTRING(joint_text(&m, true));
}

Datum
joint_state_in(PG_FUNCTION_ARGS)
{
	JointMoments *m = palloc(sizeof(JointMoments));

	parse_joint_text(PG_GETARG_CSTRING(0), JOINT_KIND_STATE, m);
	validate_or_error(m, JOINT_KIND_STATE);
	PG_RETURN_POINTER(m);
}

Datum
joint_state_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(joint_text((JointMoments *) PG_GETARG_POINTER(0), true));
}

Datum
joint_pair_state_recv(PG_FUNCTION_ARGS)
{
	JointMoments m;
	JointPairState *p = palloc(sizeof(JointPairState));

	joint_recv((StringInfo) PG_GETARG_POINTER(0), JOINT_KIND_PAIR_STATE, &m);
	joint_pair_from_moments(p, &m);
	PG_RETURN_POINTER(p);
}

Datum
joint_pair_state_send(PG_FUNCTION_ARGS)
{
	JointMoments m;
	StringInfoData buf;

	joint_pair_to_moments((JointPairState *) PG_GETARG_POINTER(0), &m);
	pq_begintypsend(&buf);
	joint_send(&buf, &m, true);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

Datum
joint_state_recv(PG_FUNCTION_ARGS)
{
	JointMoments *m = palloc(sizeof(JointMoments));

	joint_recv((StringInfo) PG_GETARG_POINTER(0), JOINT_KIND_STATE, m);
	PG_RETURN_POINTER(m);
}

Datum
joint_state_send(PG_FUNCTION_ARGS)
{
	StringInfoData buf;

	pq_begintypsend(&buf);
	joint_send(&buf, (JointMoments *) PG_GETARG_POINTER(0), true);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ---------------------------------------------------------------------
 * Aggregates
 * ---------------------------------------------------------------------
 */

/*
 * The state argument `argno` to update: itself inside an aggregate (the
 * group's own copy of INITCOND or of an earlier result), else a copy (a
 * direct call must not change its argument).
 */
static void *
state_to_update(FunctionCallInfo fcinfo, int argno, Size size)
{
	void	   *state = PG_GETARG_POINTER(argno);
	void	   *copy;

	if (AggCheckCallContext(fcinfo, NULL))
		return state;
	copy = palloc(size);
	memcpy(copy, state, size);
	return copy;
}

static void
nonfinite_error(double v, int metric)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("stats_agg cannot summarize %s", isnan(v) ? "NaN" : "an infinite value"),
			 errdetail("The value of metric %d (argument %d of stats_agg) is %s.",
					   metric, metric, isnan(v) ? "NaN" : "infinite"),
			 errhint("Filter out non-finite values, e.g. WHERE value <> 'NaN' AND value <> 'Infinity'.")));
}

static void
count_overflow_error(void)
{
	merge_status_error(JOINT_COUNT_OVERFLOW);
}

/*
 * stats_agg(y, x) transition (STRICT: rows with a NULL are skipped, as
 * regr_* do): reject NaN and infinities, one joint_pair_add().  This is
 * the per-row cost of stats_agg(y, x), so it does nothing else: overflow
 * is detected once, by the final function.
 */
Datum
joint_pair_transfn(PG_FUNCTION_ARGS)
{
	JointPairState *state;
	double		y = PG_GETARG_FLOAT8(1);
	double		x = PG_GETARG_FLOAT8(2);

	if (unlikely(!isfinite(y)))
		nonfinite_error(y, 1);
	if (unlikely(!isfinite(x)))
		nonfinite_error(x, 2);
	state = state_to_update(fcinfo, 0, sizeof(JointPairState));
	if (unlikely(state->n == PG_INT64_MAX))
		count_overflow_error();
	joint_pair_add(state, y, x);
	PG_RETURN_POINTER(state);
}

/* Combine two stats_agg(y, x) states; either may be empty. */
Datum
joint_pair_combine(PG_FUNCTION_ARGS)
{
	JointPairState *b = (JointPairState *) PG_GETARG_POINTER(1);
	JointPairState *a;
	JointMoments ma,
				mb;

	if (b->n == 0)
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	a = state_to_update(fcinfo, 0, sizeof(JointPairState));
	joint_pair_to_moments(a, &ma);
	joint_pair_to_moments(b, &mb);
	merge_status_error(joint_merge(&ma, &mb));
	joint_pair_from_moments(a, &ma);
	PG_RETURN_POINTER(a);
}

/* The joint_summary of a state: NULL for no rows, 22003 on overflow. */
static Datum
final_summary(FunctionCallInfo fcinfo, const JointMoments *m)
{
	if (m->n == 0)
		PG_RETURN_NULL();
	merge_status_error(joint_check(m));
	return joint_get_datum(m);
}

Datum
joint_pair_finalfn(PG_FUNCTION_ARGS)
{
	JointMoments m;

	joint_pair_to_moments((JointPairState *) PG_GETARG_POINTER(0), &m);
	return final_summary(fcinfo, &m);
}

/*
 * stats_agg(y, x, z [, w]) transition (STRICT): the state's k (from
 * INITCOND) is the number of metrics.
 */
Datum
joint_transfn(PG_FUNCTION_ARGS)
{
	JointMoments *state;
	int			k = PG_NARGS() - 1;
	double		x[JOINT_MAX_K];
	int			i;

	if (k < JOINT_MIN_K || k > JOINT_MAX_K)
		elog(ERROR, "joint_transfn called with %d arguments", PG_NARGS());
	for (i = 0; i < k; i++)
	{
		x[i] = PG_GETARG_FLOAT8(i + 1);
		if (unlikely(!isfinite(x[i])))
			nonfinite_error(x[i], i + 1);
	}
	state = state_to_update(fcinfo, 0, sizeof(JointMoments));
	if (state->k != k)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("a joint_state of k = %d cannot take %d metrics", state->k, k)));
	if (unlikely(state->n == PG_INT64_MAX))
		count_overflow_error();
	joint_add(state, x);
	PG_RETURN_POINTER(state);
}

/* rollup(joint_summary) transition (STRICT): merge one stored summary. */
Datum
joint_rollup_transfn(PG_FUNCTION_ARGS)
{
	JointMoments *state;
	JointMoments m;

	joint_summary_to_moments(PG_GETARG_JOINT_SUMMARY_P(1), &m);
	state = state_to_update(fcinfo, 0, sizeof(JointMoments));
	merge_status_error(joint_merge(state, &m));
	PG_RETURN_POINTER(state);
}

/* Combine two joint_state values; either may be empty. */
Datum
joint_state_combine(PG_FUNCTION_ARGS)
{
	JointMoments *b = (JointMoments *) PG_GETARG_POINTER(1);
	JointMoments *a = (JointMoments *) PG_GETARG_POINTER(0);

	if (b->n == 0 && (b->k == 0 || a->k == b->k))
		PG_RETURN_POINTER(a);
	a = state_to_update(fcinfo, 0, sizeof(JointMoments));
	merge_status_error(joint_merge(a, b));
	PG_RETURN_POINTER(a);
}

Datum
joint_state_finalfn(PG_FUNCTION_ARGS)
{
	return final_summary(fcinfo, (JointMoments *) PG_GETARG_POINTER(0));
}

/* ---------------------------------------------------------------------
 * Accessors.  Metrics are numbered from 1 in SQL; undefined is NULL.
 * ---------------------------------------------------------------------
 */

int
joint_arg_metric(const JointSummary *s, int32 i, const char *argname)
{
	if (i < 1 || i > s->k)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid value for argument \"%s\": %d", argname, i),
				 errdetail("\"%s\" must be a metric number between 1 and %d (metric 1 is the first argument of stats_agg).",
						   argname, s->k)));
	return i - 1;
}

Datum
joint_n(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(joint_summary_n(PG_GETARG_JOINT_SUMMARY_P(0)));
}

Datum
joint_k(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(joint_summary_k(PG_GETARG_JOINT_SUMMARY_P(0)));
}

Datum
joint_mean(PG_FUNCTION_ARGS)
{
	JointSummary *s = PG_GETARG_JOINT_SUMMARY_P(0);
	int			i = joint_arg_metric(s, PG_GETARG_INT32(1), "i");

	PG_RETURN_FLOAT8(joint_summary_mean(s, i));
}

Datum
joint_variance(PG_FUNCTION_ARGS)
{
	JointSummary *s = PG_GETARG_JOINT_SUMMARY_P(0);
	int			i = joint_arg_metric(s, PG_GETARG_INT32(1), "i");

	RETURN_FLOAT8_OR_NULL(joint_summary_covariance(s, i, i));
}

Datum
joint_covariance(PG_FUNCTION_ARGS)
{
	JointSummary *s = PG_GETARG_JOINT_SUMMARY_P(0);
	int			i = joint_arg_metric(s, PG_GETARG_INT32(1), "i");
	int			j = joint_arg_metric(s, PG_GETARG_INT32(2), "j");

	RETURN_FLOAT8_OR_NULL(joint_summary_covariance(s, i, j));
}

Datum
joint_correlation(PG_FUNCTION_ARGS)
{
	JointSummary *s = PG_GETARG_JOINT_SUMMARY_P(0);
	int			i = joint_arg_metric(s, PG_GETARG_INT32(1), "i");
	int			j = joint_arg_metric(s, PG_GETARG_INT32(2), "j");

	RETURN_FLOAT8_OR_NULL(joint_summary_correlation(s, i, j));
}

/*
 * metric(s, i): metric i's own stats_summary (n, mean, M2 = C_ii); its
 * higher moments and range are unknown, as for stats_summary(n, mean, sd).
 */
Datum
joint_metric(PG_FUNCTION_ARGS)
{
	JointSummary *s = PG_GETARG_JOINT_SUMMARY_P(0);
	int			i = joint_arg_metric(s, PG_GETARG_INT32(1), "i");
	Moments		m;
	StatsSummary *out = palloc(sizeof(StatsSummary));

	moments_init(&m);
	m.n = s->n;
	m.mean = joint_summary_mean(s, i);
	m.m2 = joint_summary_comoment(s, i, i);
	moments_drop_higher(&m);
	moments_drop_range(&m);
	summary_from_moments(out, &m);
	PG_RETURN_POINTER(out);
}

/*
 * cor_test(s, i, j, alternative, conf_level): Pearson's correlation test
 * of metrics i and j (R's cor.test(x, y, method = "pearson")).
 */
Datum
joint_cor_test(PG_FUNCTION_ARGS)
{
	JointSummary *s = PG_GETARG_JOINT_SUMMARY_P(0);
	int			i = joint_arg_metric(s, PG_GETARG_INT32(1), "i");
	int			j = joint_arg_metric(s, PG_GETARG_INT32(2), "j");
	Alternative alt = arg_alternative(PG_GETARG_TEXT_PP(3));
	double		conf_level = PG_GETARG_FLOAT8(4);
	CorTestResult r;
	Datum		values[7];
	bool		nulls[7];

	if (i == j)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid value for argument \"j\": %d", j + 1),
				 errdetail("\"i\" and \"j\" must name two different metrics.")));
	arg_conf_level(conf_level);
	cor_test_pearson(s->n, joint_summary_correlation(s, i, j), alt, conf_level, &r);
	values[0] = result_float8(r.statistic, &nulls[0]);
	values[1] = result_float8(r.df, &nulls[1]);
	values[2] = result_float8(r.p_value, &nulls[2]);
	values[3] = result_float8(r.estimate, &nulls[3]);
	values[4] = result_float8(r.ci_lower, &nulls[4]);
	values[5] = result_float8(r.ci_upper, &nulls[5]);
	values[6] = CStringGetTextDatum(r.method);
	nulls[6] = false;
	return result_row(fcinfo, 7, values, nulls);
}
