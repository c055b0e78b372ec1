/*-------------------------------------------------------------------------
 *
 * sample.c
 *	  Sorted samples of float8 values: sorting, merging, quantiles,
 *	  moments and grouping into distinct values (numerics, no fmgr).
 *
 * Sorting.  sample_agg() appends values as they come and sorts once, so
 * the sort is its main cost.  We use an LSD radix sort on the order-
 * preserving integer image of each double (flip every bit of a negative
 * number, only the sign bit of a positive one: Herf 2001, "Radix tricks"),
 * one byte per pass, with all eight histograms taken in one reading pass
 * and the passes skipped where every key has the same byte (the exponent
 * bytes of data in a narrow range).  That is O(n) with a scratch buffer of
 * n doubles, several times faster than a comparison sort for millions of
 * values.  Small inputs use qsort().  -0 sorts before +0; they are equal
 * as float8, and nothing downstream depends on their order.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "sample.h"

void		(*sample_interrupt_hook) (void) = NULL;

/* Below this many values, sort with qsort(). */
#define RADIX_MIN_N		512

/* How often (in elements) long loops call the interrupt hook. */
#define INTERRUPT_EVERY	(1 << 22)

#define SIGN_BIT	(UINT64CONST(1) << 63)

/* The order-preserving unsigned image of a (non-NaN) double, and back. */
static inline uint64
key_of(double x)
{
	uint64		u;

	memcpy(&u, &x, sizeof(u));
	return (u & SIGN_BIT) ? ~u : (u | SIGN_BIT);
}

static inline double
double_of(uint64 k)
{
	uint64		u = (k & SIGN_BIT) ? (k & ~SIGN_BIT) : ~k;
	double		x;

	memcpy(&x, &u, sizeof(x));
	return x;
}

/* qsort() comparator of doubles (NaN must not occur). */
int
sample_cmp_double(const void *a, const void *b)
{
	double		x = *(const double *) a;
	double		y = *(const double *) b;

	return (x > y) - (x < y);
}

/* True when v[0..n) is in non-decreasing order. */
bool
sample_is_sorted(const double *v, int64 n)
{
	int64		i;

	for (i = 1; i < n; i++)
	{
		if (v[i] < v[i - 1])
			return false;
		if ((i & (INTERRUPT_EVERY - 1)) == 0)
			sample_check_interrupts();
	}
	return true;
}

/*
 * radix_sort_keys: sort the keys in a[0..n) using b as scratch; hist holds
 * the eight byte histograms of the keys.  Returns the buffer (a or b) that
 * holds the sorted keys.
 */
static uint64 *
radix_sort_keys(uint64 *a, uint64 *b, int64 n, int64 (*hist)[256])
{
	int			pass;

	for (pass = 0; pass < 8; pass++)
	{
		int64	   *h = hist[pass];
		int			shift = pass * 8;
		int64		offset = 0;
		int			d;
		int64		i;
		uint64	   *t;

		/* every key has the same byte here: nothing to do */
		if (h[(a[0] >> shift) & 0xff] == n)
			continue;
		for (d = 0; d < 256; d++)
		{
			int64		c = h[d];

			h[d] = offset;
			offset += c;
		}
		for (i = 0; i < n; i++)
		{
			uint64		k = a[i];

			b[h[(k >> shift) & 0xff]++] = k;
		}
		t = a;
		a = b;
		b = t;
		sample_check_interrupts();
	}
	return a;
}

/*
 * radix_sort: write the keys of src[0..n) to keys (which may alias src)
 * while taking their histograms, radix-sort them, and write the sorted
 * doubles to dst (which may alias keys).
 */
static void
radix_sort(const double *src, uint64 *keys, double *dst, int64 n)
{
	int64		(*hist)[256] = palloc0(sizeof(int64) * 8 * 256);
	uint64	   *scratch = palloc(sizeof(uint64) * n);
	uint64	   *sorted;
	int64		i;

	for (i = 0; i < n; i++)
	{
		uint64		k = key_of(src[i]);
		int			pass;

		keys[i] = k;
		for (pass = 0; pass < 8; pass++)
			hist[pass][(k >> (pass * 8)) & 0xff]++;
	}
	sample_check_interrupts();
	sorted = radix_sort_keys(keys, scratch, n, hist);
	for (i = 0; i < n; i++)
		dst[i] = double_of(sorted[i]);
	pfree(scratch);
	pfree(hist);
}

/*
 * sample_sort: sort v[0..n) in place (NaN must not occur).
 */
void
sample_sort(double *v, int64 n)
{
	if (n < RADIX_MIN_N)
	{
		qsort(v, n, sizeof(double), sample_cmp_double);
		return;
	}
	if (sample_is_sorted(v, n))
		return;
	/* the keys overwrite v: PostgreSQL compiles with -fno-strict-aliasing */
	radix_sort(v, (uint64 *) v, v, n);
}

/*
 * sample_sort_copy: dst[0..n) = src[0..n) sorted; src is not modified.
 */
void
sample_sort_copy(const double *src, double *dst, int64 n)
{
	if (n < RADIX_MIN_N || sample_is_sorted(src, n))
	{
		memcpy(dst, src, sizeof(double) * n);
		if (n < RADIX_MIN_N)
			qsort(dst, n, sizeof(double), sample_cmp_double);
		return;
	}
	radix_sort(src, (uint64 *) dst, dst, n);
}

/*
 * sample_merge: out[0..na + nb) = the merge of the sorted a and b.
 */
void
sample_merge(const double *a, int64 na, const double *b, int64 nb, double *out)
{
	int64		i = 0,
				j = 0,
				k = 0;

	while (i < na && j < nb)
	{
		out[k++] = (b[j] < a[i]) ? b[j++] : a[i++];
		if ((k & (INTERRUPT_EVERY - 1)) == 0)
			sample_check_interrupts();
	}
	if (i < na)
		memcpy(out + k, a + i, sizeof(double) * (na - i));
	if (j < nb)
		memcpy(out + k, b + j, sizeof(double) * (nb - j));
}

/*
 * sample_quantile: R's quantile(x, q, type = 7) of the sorted v[0..n),
 * n >= 1, 0 <= q <= 1: with h = 1 + (n - 1) q, lo = floor(h),
 * x[lo] + (h - lo) (x[lo + 1] - x[lo]) (1-based), computed as R does,
 * (1 - f) x[lo] + f x[hi], and only where x[hi] differs from x[lo]
 * (Hyndman & Fan 1996, "Sample quantiles in statistical packages", the
 * American Statistician 50, definition 7).
 */
double
sample_quantile(const double *v, int64 n, double q)
{
	double		index = 1.0 + (double) (n - 1) * q;
	double		lo = floor(index);
	double		hi = ceil(index);
	double		xlo = v[(int64) lo - 1];
	double		xhi = v[(int64) hi - 1];
	double		h;

	if (!(index > lo) || xhi == xlo)
		return xlo;
	h = index - lo;
	return (1.0 - h) * xlo + h * xhi;
}

/*
 * sample_moments: the stats_agg() summary of v[0..n), n >= 1 (the same
 * Welford/Pébay updates, in ascending order).  Returns MOMENTS_OVERFLOW
 * when M2 overflows, as stats_agg() reports it.
 */
MomentsStatus
sample_moments(const double *v, int64 n, Moments *m)
{
	int64		i;

	moments_init(m);
	for (i = 0; i < n; i++)
	{
		moments_add(m, v[i]);
		if ((i & (INTERRUPT_EVERY - 1)) == 0)
			sample_check_interrupts();
	}
	return moments_check(m);
}

/*
 * sample_groups: group the sorted v[0..n) into distinct values.  The
 * arrays are palloc'd unless every value is distinct (see sample.h).
 */
void
sample_groups(const double *v, int64 n, SampleGroups *g)
{
	int64		nd = n > 0 ? 1 : 0;
	int64		i;
	double	   *value;
	int64	   *count;
	int64	   *cum;
	int64		d;

	for (i = 1; i < n; i++)
		if (v[i] != v[i - 1])
			nd++;
	g->n = n;
	g->ndistinct = nd;
	g->ties = 0.0;
	if (nd == n)
	{
		g->value = v;
		g->count = NULL;
		g->cum = NULL;
		return;
	}
	value = palloc(sizeof(double) * nd);
	count = palloc(sizeof(int64) * nd);
	cum = palloc(sizeof(int64) * (nd + 1));
	d = -1;
	for (i = 0; i < n; i++)
	{
		if (i == 0 || v[i] != v[i - 1])
		{
			d++;
			value[d] = v[i];
			count[d] = 0;
			cum[d] = i;
		}
		count[d]++;
	}
	cum[nd] = n;
	for (d = 0; d < nd; d++)
	{
		double		t = (double) count[d];

		g->ties += t * t * t - t;
	}
	g->value = value;
	g->count = count;
	g->cum = cum;
}
