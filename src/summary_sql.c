/*-------------------------------------------------------------------------
 *
 * summary_sql.c
 *	  The stats_summary type: text and binary I/O, validation, the
 *	  constructor from published numbers, the accessors, and equality and
 *	  ordering.
 *
 * A stats_summary holds the sufficient statistics of one numeric sample
 * (n, mean, central moments M2..M4, min, max; see summary.c for the
 * algorithms).  It is meant to be stored: a daily materialized view of
 * summaries per variant rolls up to any period with rollup(), and per-shard
 * or per-worker partial results merge the same way.
 *
 * Stored formats, all versioned (STATS_SUMMARY_VERSION) and validated on
 * input so a malformed or inconsistent summary is never accepted:
 *	- text:   v1 n=3 mean=2 m2=2 m3=0 m4=2 min=1 max=3
 *			  (m3/m4 and min/max are omitted when unknown; floats are printed
 *			  in the shortest form that reads back exactly);
 *	- binary: version byte, flags byte, int8 n, then the float8 fields
 *			  present in flags (send/recv, and the aggregates' serial form);
 *	- on disk: the fixed-length StatsSummary struct.
 *
 * The aggregates stats_agg() and rollup() are in summary_agg_sql.c.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "common/hashfn.h"
#include "common/shortest_dec.h"
#include "fmgr.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/float.h"

#include "args.h"
#include "critical.h"
#include "summary_sql.h"

PG_FUNCTION_INFO_V1(stats_summary_in);
PG_FUNCTION_INFO_V1(stats_summary_out);
PG_FUNCTION_INFO_V1(stats_summary_recv);
PG_FUNCTION_INFO_V1(stats_summary_send);
PG_FUNCTION_INFO_V1(stats_summary_make);
PG_FUNCTION_INFO_V1(stats_summary_n);
PG_FUNCTION_INFO_V1(stats_summary_mean);
PG_FUNCTION_INFO_V1(stats_summary_variance);
PG_FUNCTION_INFO_V1(stats_summary_stddev);
PG_FUNCTION_INFO_V1(stats_summary_var_pop);
PG_FUNCTION_INFO_V1(stats_summary_stddev_pop);
PG_FUNCTION_INFO_V1(stats_summary_sem);
PG_FUNCTION_INFO_V1(stats_summary_skewness);
PG_FUNCTION_INFO_V1(stats_summary_kurtosis);
PG_FUNCTION_INFO_V1(stats_summary_min_value);
PG_FUNCTION_INFO_V1(stats_summary_max_value);
PG_FUNCTION_INFO_V1(stats_summary_mean_ci);

/* Relative slack allowed for rounding when checking consistency. */
#define SUMMARY_REL_TOL		1e-9

/* ---------------------------------------------------------------------
 * Conversion between the stored struct and the working Moments.
 * ---------------------------------------------------------------------
 */

void
summary_to_moments(const StatsSummary *s, Moments *m)
{
	m->n = s->n;
	m->mean = s->mean;
	m->mean_lo = 0.0;
	m->m2 = s->m2;
	m->m3 = (s->flags & SUMMARY_HAVE_HIGHER) ? s->m3 : NAN;
	m->m4 = (s->flags & SUMMARY_HAVE_HIGHER) ? s->m4 : NAN;
	m->min = (s->flags & SUMMARY_HAVE_RANGE) ? s->min : NAN;
	m->max = (s->flags & SUMMARY_HAVE_RANGE) ? s->max : NAN;
}

void
summary_from_moments(StatsSummary *s, const Moments *m)
{
	memset(s, 0, sizeof(StatsSummary));
	s->version = STATS_SUMMARY_VERSION;
	s->flags = (moments_have_higher(m) ? SUMMARY_HAVE_HIGHER : 0) |
		(moments_have_range(m) ? SUMMARY_HAVE_RANGE : 0);
	s->n = m->n;
	s->mean = m->mean;
	s->m2 = m->m2;
	if (moments_have_higher(m))
	{
		s->m3 = m->m3;
		s->m4 = m->m4;
	}
	if (moments_have_range(m))
	{
		s->min = m->min;
		s->max = m->max;
	}
}

/*
 * Raise the error for a summary whose fields contradict each other.
 */
static void
inconsistent(const char *what)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("invalid stats_summary: %s", what)));
}

/*
 * validate_moments: reject a summary that no sample could have produced.
 * Checks are exact where the aggregate computes exactly and carry a small
 * relative slack (SUMMARY_REL_TOL) where rounding may cross a bound.
 */
void
validate_moments(const Moments *m)
{
	double		n = (double) m->n;

	if (m->n < 1)
		inconsistent("n must be at least 1");
	if (!isfinite(m->mean))
		inconsistent("mean must be finite");
	if (!isfinite(m->m2) || m->m2 < 0.0)
		inconsistent("m2 must be finite and non-negative");
	if (m->n == 1 && m->m2 != 0.0)
		inconsistent("m2 must be 0 when n = 1");
	/* M3 and M4 are both unknown (NaN), or both known */
	if (!isnan(m->m3) || !isnan(m->m4))
	{
		if (!isfinite(m->m3) || !isfinite(m->m4) || m->m4 < 0.0)
			inconsistent("m3 must be finite and m4 finite and non-negative");
		if (m->n == 1 && (m->m3 != 0.0 || m->m4 != 0.0))
			inconsistent("m3 and m4 must be 0 when n = 1");

		/*
		 * Cauchy-Schwarz: M2^2 <= n M4 and M3^2 <= M2 M4, compared as
		 * square roots so that no side overflows (with M2 = 1e200 and
		 * M4 = 1e307 both squares are Infinity, and Infinity <= Infinity).
		 */
		if (m->m2 > sqrt(n) * sqrt(m->m4) * (1.0 + SUMMARY_REL_TOL))
			inconsistent("m4 is too small for m2");
		if (fabs(m->m3) > sqrt(m->m2) * sqrt(m->m4) * (1.0 + SUMMARY_REL_TOL))
			inconsistent("m3 is too large for m2 and m4");
	}
	/* min and max are both unknown (NaN), or both known */
	if (!isnan(m->min) || !isnan(m->max))
	{
		double		slack;

		if (!isfinite(m->min) || !isfinite(m->max) || m->min > m->max)
			inconsistent("min and max must be finite with min <= max");
		slack = SUMMARY_REL_TOL * (fabs(m->min) + fabs(m->max));
		if (m->mean < m->min - slack || m->mean > m->max + slack)
			inconsistent("mean must lie between min and max");
		if (m->n == 1 && (m->min != m->max || m->mean != m->min))
			inconsistent("min, max and mean must be equal when n = 1");
		/* Popoviciu: the population variance is at most (max - min)^2 / 4 */
		if (m->m2 > n * (m->max - m->min) * (m->max - m->min) / 4.0 * (1.0 + SUMMARY_REL_TOL))
			inconsistent("m2 is too large for the range min..max");
	}
}

/* Allocate a stats_summary Datum from working moments. */
Datum
moments_get_datum(const Moments *m)
{
	StatsSummary *s = palloc(sizeof(StatsSummary));

	summary_from_moments(s, m);
	return PointerGetDatum(s);
}

void
overflow_error(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("value out of range: overflow in stats_summary")));
}

/* Raise the error for a status other than MOMENTS_OK. */
void
moments_status_error(MomentsStatus status)
{
	if (status == MOMENTS_N_OVERFLOW)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("value out of range: the merged count n exceeds the bigint range")));
	if (status != MOMENTS_OK)
		overflow_error();
}

/* ---------------------------------------------------------------------
 * Text I/O
 * ---------------------------------------------------------------------
 */

static void
malformed(const char *input, const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type stats_summary: \"%s\"", input),
			 errdetail("%s", detail)));
}

/*
 * stats_summary_in: parse "v1 n=.. mean=.. m2=.. [m3=.. m4=..] [min=.. max=..]".
 */
Datum
stats_summary_in(PG_FUNCTION_ARGS)
{
	char	   *input = PG_GETARG_CSTRING(0);
	char	   *copy = pstrdup(input);
	char	   *tok;
	char	   *save = NULL;
	static const char *const keys[] = {"n", "mean", "m2", "m3", "m4", "min", "max"};
	double		values[7];
	bool		seen[7] = {false};
	Moments		m;
	int			i;

	tok = strtok_r(copy, " \t\n\r", &save);
	if (tok == NULL || tok[0] != 'v')
		malformed(input, "A stats_summary starts with its format version, e.g. \"v1\".");
	if (strcmp(tok, "v1") != 0)
		malformed(input, "Unsupported stats_summary format version; this build reads \"v1\".");

	while ((tok = strtok_r(NULL, " \t\n\r", &save)) != NULL)
	{
		char	   *eq = strchr(tok, '=');
		char	   *end;
		int			k = -1;

		if (eq == NULL)
			malformed(input, "Fields are written as key=value.");
		*eq = '\0';
		for (i = 0; i < (int) lengthof(keys); i++)
			if (strcmp(tok, keys[i]) == 0)
				k = i;
		if (k < 0)
			malformed(input, "Unknown field; the fields are n, mean, m2, m3, m4, min, max.");
		if (seen[k])
			malformed(input, "A field appears twice.");
		seen[k] = true;
		errno = 0;
		if (k == 0)
		{
			long long	n = strtoll(eq + 1, &end, 10);

			if (errno != 0 || end == eq + 1 || *end != '\0')
				malformed(input, "n must be a whole number.");
			values[k] = (double) n;
			m.n = (int64) n;
		}
		else
		{
			values[k] = strtod(eq + 1, &end);
			if (end == eq + 1 || *end != '\0' || !isfinite(values[k]))
				malformed(input, "Field values must be finite numbers.");
		}
	}

	if (!seen[0] || !seen[1] || !seen[2])
		malformed(input, "Fields n, mean and m2 are required.");
	if (seen[3] != seen[4])
		malformed(input, "Fields m3 and m4 go together.");
	if (seen[5] != seen[6])
		malformed(input, "Fields min and max go together.");

	m.mean = values[1];
	m.mean_lo = 0.0;
	m.m2 = values[2];
	m.m3 = seen[3] ? values[3] : NAN;
	m.m4 = seen[4] ? values[4] : NAN;
	m.min = seen[5] ? values[5] : NAN;
	m.max = seen[6] ? values[6] : NAN;
	validate_moments(&m);

	pfree(copy);
	PG_RETURN_DATUM(moments_get_datum(&m));
}

/* Append " key=value" with the shortest exactly-round-tripping float. */
static void
append_field(StringInfo buf, const char *key, double value)
{
	char		num[DOUBLE_SHORTEST_DECIMAL_LEN];

	double_to_shortest_decimal_buf(value, num);
	appendStringInfo(buf, " %s=%s", key, num);
}

Datum
stats_summary_out(PG_FUNCTION_ARGS)
{
	StatsSummary *s = PG_GETARG_STATS_SUMMARY_P(0);
	StringInfoData buf;

	initStringInfo(&buf);
	appendStringInfo(&buf, "v%d n=" INT64_FORMAT, (int) s->version, s->n);
	append_field(&buf, "mean", s->mean);
	append_field(&buf, "m2", s->m2);
	if (s->flags & SUMMARY_HAVE_HIGHER)
	{
		append_field(&buf, "m3", s->m3);
		append_field(&buf, "m4", s->m4);
	}
	if (s->flags & SUMMARY_HAVE_RANGE)
	{
		append_field(&buf, "min", s->min);
		append_field(&buf, "max", s->max);
	}
	PG_RETURN_CSTRING(buf.data);
}

/* ---------------------------------------------------------------------
 * Binary I/O (also the serial form of the aggregate state)
 * ---------------------------------------------------------------------
 */

/*
 * moments_send: the binary form.  `state` is true for the aggregate's serial
 * form, which also carries the low part of the compensated mean (flag
 * SUMMARY_STATE_MEAN_LO), so that parallel aggregation is as accurate as a
 * serial one; a stored summary keeps only the rounded mean.
 */
void
moments_send(StringInfo buf, const Moments *m, bool state)
{
	bool		with_lo = state && m->mean_lo != 0.0;

	pq_sendbyte(buf, STATS_SUMMARY_VERSION);
	pq_sendbyte(buf, (moments_have_higher(m) ? SUMMARY_HAVE_HIGHER : 0) |
				(moments_have_range(m) ? SUMMARY_HAVE_RANGE : 0) |
				(with_lo ? SUMMARY_STATE_MEAN_LO : 0));
	pq_sendint64(buf, m->n);
	pq_sendfloat8(buf, m->mean);
	pq_sendfloat8(buf, m->m2);
	if (moments_have_higher(m))
	{
		pq_sendfloat8(buf, m->m3);
		pq_sendfloat8(buf, m->m4);
	}
	if (moments_have_range(m))
	{
		pq_sendfloat8(buf, m->min);
		pq_sendfloat8(buf, m->max);
	}
	if (with_lo)
		pq_sendfloat8(buf, m->mean_lo);
}

/*
 * moments_recv: read the binary form.  `state` is true only for the
 * aggregate's own serial form (stats_summary_deserialize), whose partial
 * states are not validated and may carry the mean's low part; a
 * stats_summary from a client (recv) must have exactly the bytes its flags
 * announce and pass validate_moments().
 */
void
moments_recv(StringInfo buf, Moments *m, bool state)
{
	int			version;
	int			flags;
	int			known = SUMMARY_KNOWN_FLAGS | (state ? SUMMARY_STATE_MEAN_LO : 0);
	int			expected;

	if (buf->len - buf->cursor < 2)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid stats_summary binary data: too short")));
	version = pq_getmsgbyte(buf);
	if (version != STATS_SUMMARY_VERSION)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("unsupported stats_summary binary format version %d", version),
				 errdetail("This build reads version %d.", STATS_SUMMARY_VERSION)));
	flags = pq_getmsgbyte(buf);
	if (flags & ~known)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid stats_summary binary flags %d", flags)));
	expected = 8 * (3 + ((flags & SUMMARY_HAVE_HIGHER) ? 2 : 0) +
					((flags & SUMMARY_HAVE_RANGE) ? 2 : 0) +
					((flags & SUMMARY_STATE_MEAN_LO) ? 1 : 0));
	if (buf->len - buf->cursor != expected)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid stats_summary binary data: %d bytes after the flags, expected %d",
						buf->len - buf->cursor, expected)));
	moments_init(m);
	if (!(flags & SUMMARY_HAVE_HIGHER))
		moments_drop_higher(m);
	if (!(flags & SUMMARY_HAVE_RANGE))
		moments_drop_range(m);
	m->n = pq_getmsgint64(buf);
	m->mean = pq_getmsgfloat8(buf);
	m->m2 = pq_getmsgfloat8(buf);
	if (flags & SUMMARY_HAVE_HIGHER)
	{
		m->m3 = pq_getmsgfloat8(buf);
		m->m4 = pq_getmsgfloat8(buf);
	}
	if (flags & SUMMARY_HAVE_RANGE)
	{
		m->min = pq_getmsgfloat8(buf);
		m->max = pq_getmsgfloat8(buf);
	}
	if (flags & SUMMARY_STATE_MEAN_LO)
		m->mean_lo = pq_getmsgfloat8(buf);
	if (!state)
		validate_moments(m);
}

Datum
stats_summary_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	Moments		m;

	moments_recv(buf, &m, false);
	PG_RETURN_DATUM(moments_get_datum(&m));
}

Datum
stats_summary_send(PG_FUNCTION_ARGS)
{
	StatsSummary *s = PG_GETARG_STATS_SUMMARY_P(0);
	Moments		m;
	StringInfoData buf;

	summary_to_moments(s, &m);
	pq_begintypsend(&buf);
	moments_send(&buf, &m, false);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ---------------------------------------------------------------------
 * Constructor from published numbers
 * ---------------------------------------------------------------------
 */

/*
 * stats_summary(n, mean, sd): M2 = sd^2 (n - 1); higher moments and the
 * range are unknown, so their accessors return NULL.
 */
Datum
stats_summary_make(PG_FUNCTION_ARGS)
{
	int64		n = PG_GETARG_INT64(0);
	double		mean = PG_GETARG_FLOAT8(1);
	double		sd = PG_GETARG_FLOAT8(2);
	Moments		m;

	if (n < 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid value for argument \"n\": " INT64_FORMAT, n),
				 errdetail("\"n\" must be at least 1.")));
	arg_finite(mean, "mean");
	arg_nonnegative(sd, "sd");

	moments_init(&m);
	m.n = n;
	m.mean = mean;
	/* n = 1: no spread to record (sd * sd may overflow, and Inf * 0 is NaN) */
	m.m2 = n == 1 ? 0.0 : sd * sd * (double) (n - 1);
	if (isinf(m.m2))
		overflow_error();
	moments_drop_higher(&m);
	moments_drop_range(&m);
	PG_RETURN_DATUM(moments_get_datum(&m));
}

/* ---------------------------------------------------------------------
 * Accessors.  Undefined results are NULL, never NaN.
 * ---------------------------------------------------------------------
 */

Datum
stats_summary_n(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(PG_GETARG_STATS_SUMMARY_P(0)->n);
}

Datum
stats_summary_mean(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(PG_GETARG_STATS_SUMMARY_P(0)->mean);
}

/* Sample variance M2 / (n - 1) of a stored summary; NAN when n < 2. */
double
summary_var_samp(const StatsSummary *s)
{
	return s->n < 2 ? NAN : s->m2 / (double) (s->n - 1);
}

Datum
stats_summary_variance(PG_FUNCTION_ARGS)
{
	RETURN_FLOAT8_OR_NULL(summary_var_samp(PG_GETARG_STATS_SUMMARY_P(0)));
}

Datum
stats_summary_stddev(PG_FUNCTION_ARGS)
{
	RETURN_FLOAT8_OR_NULL(sqrt(summary_var_samp(PG_GETARG_STATS_SUMMARY_P(0))));
}

Datum
stats_summary_var_pop(PG_FUNCTION_ARGS)
{
	StatsSummary *s = PG_GETARG_STATS_SUMMARY_P(0);

	RETURN_FLOAT8_OR_NULL(s->m2 / (double) s->n);
}

Datum
stats_summary_stddev_pop(PG_FUNCTION_ARGS)
{
	StatsSummary *s = PG_GETARG_STATS_SUMMARY_P(0);

	RETURN_FLOAT8_OR_NULL(sqrt(s->m2 / (double) s->n));
}

/* Standard error of the mean, sqrt(var_samp / n). */
Datum
stats_summary_sem(PG_FUNCTION_ARGS)
{
	StatsSummary *s = PG_GETARG_STATS_SUMMARY_P(0);

	RETURN_FLOAT8_OR_NULL(sqrt(summary_var_samp(s) / (double) s->n));
}

Datum
stats_summary_skewness(PG_FUNCTION_ARGS)
{
	Moments		m;

	summary_to_moments(PG_GETARG_STATS_SUMMARY_P(0), &m);
	RETURN_FLOAT8_OR_NULL(moments_skewness(&m));
}

Datum
stats_summary_kurtosis(PG_FUNCTION_ARGS)
{
	Moments		m;

	summary_to_moments(PG_GETARG_STATS_SUMMARY_P(0), &m);
	RETURN_FLOAT8_OR_NULL(moments_kurtosis(&m));
}

Datum
stats_summary_min_value(PG_FUNCTION_ARGS)
{
	StatsSummary *s = PG_GETARG_STATS_SUMMARY_P(0);

	if (!(s->flags & SUMMARY_HAVE_RANGE))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(s->min);
}

Datum
stats_summary_max_value(PG_FUNCTION_ARGS)
{
	StatsSummary *s = PG_GETARG_STATS_SUMMARY_P(0);

	if (!(s->flags & SUMMARY_HAVE_RANGE))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(s->max);
}

/*
 * mean_ci(s, conf_level): the t interval mean -/+ qt(1 - alpha/2, n - 1) sem,
 * as R's t.test(x)$conf.int.  NULL bounds for n < 2.
 */
Datum
stats_summary_mean_ci(PG_FUNCTION_ARGS)
{
	StatsSummary *s = PG_GETARG_STATS_SUMMARY_P(0);
	double		conf_level = PG_GETARG_FLOAT8(1);
	TupleDesc	tupdesc;
	Datum		values[2];
	bool		nulls[2] = {true, true};

	arg_conf_level(conf_level);
	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	tupdesc = BlessTupleDesc(tupdesc);

	if (s->n >= 2)
	{
		double		sem = sqrt(summary_var_samp(s) / (double) s->n);
		double		q = critical_t_two_sided(conf_level, (double) (s->n - 1));
		double		half = q * sem;

		values[0] = FLOAT8_OR_NULL(s->mean - half, &nulls[0]);
		values[1] = FLOAT8_OR_NULL(s->mean + half, &nulls[1]);
	}
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}

/* ---------------------------------------------------------------------
 * Equality, ordering and hashing.
 *
 * Summaries are values: GROUP BY, DISTINCT, UNION, hash joins and
 * count(DISTINCT ...) (which Citus needs) work on them.  Two summaries are
 * equal when every field is equal as a float8 (so -0 = 0, as for float8;
 * stored summaries never hold NaN) and the same parts are known.  The
 * order is lexicographic on (n, mean, m2, whether m3/m4 are known, m3, m4,
 * whether min/max are known, min, max), unknown before known: a total
 * order, like pgvector's on vectors, useful for sorting and merge joins
 * rather than meaningful.  The same rows summarized in a different order
 * (a parallel plan, another rollup order) can differ in the last bit of a
 * moment and are then not equal.
 * ---------------------------------------------------------------------
 */

PG_FUNCTION_INFO_V1(stats_summary_eq);
PG_FUNCTION_INFO_V1(stats_summary_ne);
PG_FUNCTION_INFO_V1(stats_summary_lt);
PG_FUNCTION_INFO_V1(stats_summary_le);
PG_FUNCTION_INFO_V1(stats_summary_gt);
PG_FUNCTION_INFO_V1(stats_summary_ge);
PG_FUNCTION_INFO_V1(stats_summary_cmp);
PG_FUNCTION_INFO_V1(stats_summary_hash);
PG_FUNCTION_INFO_V1(stats_summary_hash_extended);

#define CMP(a, b)	((a) < (b) ? -1 : (a) > (b) ? 1 : 0)

static int
summary_cmp(const StatsSummary *a, const StatsSummary *b)
{
	int			c;
	int			ah = (a->flags & SUMMARY_HAVE_HIGHER) != 0;
	int			bh = (b->flags & SUMMARY_HAVE_HIGHER) != 0;
	int			ar = (a->flags & SUMMARY_HAVE_RANGE) != 0;
	int			br = (b->flags & SUMMARY_HAVE_RANGE) != 0;

	if ((c = CMP(a->n, b->n)) != 0 ||
		(c = CMP(a->mean, b->mean)) != 0 ||
		(c = CMP(a->m2, b->m2)) != 0 ||
		(c = CMP(ah, bh)) != 0)
		return c;
	if (ah && ((c = CMP(a->m3, b->m3)) != 0 || (c = CMP(a->m4, b->m4)) != 0))
		return c;
	if ((c = CMP(ar, br)) != 0)
		return c;
	if (ar && ((c = CMP(a->min, b->min)) != 0 || (c = CMP(a->max, b->max)) != 0))
		return c;
	return 0;
}

#define SUMMARY_CMP_FN(name, expr) \
Datum \
name(PG_FUNCTION_ARGS) \
{ \
	int			c = summary_cmp(PG_GETARG_STATS_SUMMARY_P(0), \
								PG_GETARG_STATS_SUMMARY_P(1)); \
	PG_RETURN_BOOL(expr); \
}

SUMMARY_CMP_FN(stats_summary_eq, c == 0)
SUMMARY_CMP_FN(stats_summary_ne, c != 0)
SUMMARY_CMP_FN(stats_summary_lt, c < 0)
SUMMARY_CMP_FN(stats_summary_le, c <= 0)
SUMMARY_CMP_FN(stats_summary_gt, c > 0)
SUMMARY_CMP_FN(stats_summary_ge, c >= 0)

Datum
stats_summary_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(summary_cmp(PG_GETARG_STATS_SUMMARY_P(0),
								PG_GETARG_STATS_SUMMARY_P(1)));
}

/*
 * The bytes that equal summaries share: the fields that summary_cmp()
 * compares, with unknown fields zero and -0 read as +0 (as hashfloat8
 * does), so that a = b implies hash(a) = hash(b).
 */
static void
summary_hash_key(const StatsSummary *s, StatsSummary *key)
{
	memset(key, 0, sizeof(StatsSummary));
	key->version = s->version;
	key->flags = s->flags & SUMMARY_KNOWN_FLAGS;
	key->n = s->n;
	/* x + 0.0 turns -0 into +0 and leaves every other value unchanged */
	key->mean = s->mean + 0.0;
	key->m2 = s->m2 + 0.0;
	if (s->flags & SUMMARY_HAVE_HIGHER)
	{
		key->m3 = s->m3 + 0.0;
		key->m4 = s->m4 + 0.0;
	}
	if (s->flags & SUMMARY_HAVE_RANGE)
	{
		key->min = s->min + 0.0;
		key->max = s->max + 0.0;
	}
}

Datum
stats_summary_hash(PG_FUNCTION_ARGS)
{
	StatsSummary key;

	summary_hash_key(PG_GETARG_STATS_SUMMARY_P(0), &key);
	return hash_any((unsigned char *) &key, sizeof(key));
}

Datum
stats_summary_hash_extended(PG_FUNCTION_ARGS)
{
	StatsSummary key;

	summary_hash_key(PG_GETARG_STATS_SUMMARY_P(0), &key);
	return hash_any_extended((unsigned char *) &key, sizeof(key),
							 PG_GETARG_INT64(1));
}
