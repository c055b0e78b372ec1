/*-------------------------------------------------------------------------
 *
 * ranktests.c
 *	  Rank tests on sorted samples, as R 4.2's stats package computes
 *	  them (numerics, no fmgr; the SQL glue is ranktests_sql.c):
 *
 *	- mann_whitney_test: R's wilcox.test(x, y, conf.int = TRUE)
 *	  (src/library/stats/R/wilcox.test.R) with R's exact branch (pwilcox,
 *	  qwilcox) and its normal approximation with tie and continuity
 *	  corrections;
 *	- signed_rank_test: R's one-sample wilcox.test(x, mu = mu,
 *	  conf.int = TRUE) (psignrank, qsignrank);
 *	- ks_test: R 4.2.2's two-sample ks.test (ks.test.R, psmirnov), exact
 *	  also with ties;
 *	- kruskal_test: R's kruskal.test with the tie correction.
 *
 * Every input is a sorted array, so ranks, tie counts and the empirical
 * distribution functions come from one merge, O(n), never a sort.
 *
 * Estimates and intervals without the n1 * n2 differences.  R forms all
 * n1 n2 differences x[i] - y[j] (or the n (n + 1) / 2 Walsh averages
 * (x[i] + x[j]) / 2, i <= j) and sorts them, or, in its asymptotic branch,
 * finds where the normal statistic of the shifted samples crosses 0 and
 * the critical values with uniroot() at a tolerance of 1e-4.  Both need
 * only order statistics of the differences: between two consecutive
 * differences the ranks of x - d among y do not change, so the statistic
 * is a step function of d whose steps sit at the differences, and its
 * crossing of a level is the difference where the count of differences
 * above d passes a threshold that follows from the statistic's formula
 * (see crossing_root).  We compute that threshold exactly and select the order
 * statistic.  The selection works on the differences as a matrix whose
 * rows (x ascending) and columns (y descending) are sorted: the number of
 * differences <= t is counted by a staircase walk in O(n1 + n2) (Johnson &
 * Mizoguchi 1978, "Selecting the Kth element in X + Y and X1 + X2 + ... +
 * Xm", SIAM J. Comput. 7; Monahan 1984, "Algorithm 616: fast computation
 * of the Hodges-Lehmann location estimator", ACM TOMS 10), and the bracket
 * around the k-th difference is narrowed by pivots taken from a random
 * sample of the remaining differences around the target's expected rank
 * (Floyd & Rivest 1975, "Expected time bounds for selection", CACM 18),
 * until few enough remain to collect and select directly.  Memory is
 * O(n1 + n2), time O((n1 + n2) log(n1 n2)) expected.  Tied values are
 * grouped first (sample_groups), so a sample of 10^6 values with 10^3
 * distinct ones costs like one of 10^3.
 *
 * Where R's estimate is any point of an interval (the statistic is 0 on a
 * whole interval between two differences), we return its midpoint, which
 * is the median of the differences, R's exact-branch estimate.
 *
 * Other deliberate differences from R: where every observation is tied
 * (the normal statistic is 0/0, or +-1/2 divided by 0) the p-value is
 * undefined here (NULL) where R reports NaN or 1, and where R stops with an
 * error (an interval when all differences are equal) the interval is NULL;
 * the exact Kolmogorov-Smirnov p-value is summed directly rather than as
 * 1 - P, and its asymptotic p-value is the full series (see ks_exact_p and
 * kolmogorov_upper).
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <float.h>
#include <math.h>

#include "dist.h"
#include "ranktests.h"
#include "sample.h"

/*
 * Differences left in the bracket when they are collected and selected: a
 * few per row and column of the matrix, at least 2^16, at most 2^21 (32 MB).
 */
#define GATHER_MIN		(1 << 16)
#define GATHER_MAX		(1 << 21)
#define GATHER_PER_LINE	4
/* Size of the random sample that chooses the pivots. */
#define NSAMPLE			8192

/* How often (in steps) long loops call the interrupt hook. */
#define INTERRUPT_EVERY	(1 << 20)

/* Limits of the exact distributions (see the functions below). */
#define WILCOX_MAX_MN		INT64CONST(10000)
#define SIGNRANK_MAX_N		1000

/* ---------------------------------------------------------------------
 * Selection of order statistics of pairwise differences / Walsh averages
 * ---------------------------------------------------------------------
 */

/*
 * The sorted matrix.  Rows are the distinct values of a (ascending), with
 * weights (counts); for differences the columns are the distinct values
 * of b in descending order, entry (i, j) = a[i] - b[ncols - 1 - j]; for
 * Walsh averages b = a, the columns ascending, entry (i, j) = a[i]/2 +
 * a[j]/2 with j >= i only (the pair of one group with itself has weight
 * w(w + 1)/2: i <= j among its w copies).  Entries increase along rows
 * and down columns.
 */
typedef struct PairMatrix
{
	const SampleGroups *a;
	const SampleGroups *b;
	bool		walsh;
	int64		nrows;
	int64		ncols;
	int64		total;			/* weighted number of pairs */
} PairMatrix;

static inline double
pm_entry(const PairMatrix *m, int64 i, int64 j)
{
	if (m->walsh)
		return 0.5 * m->a->value[i] + 0.5 * m->a->value[j];
	return m->a->value[i] - m->b->value[m->ncols - 1 - j];
}

static inline int64
pm_rowstart(const PairMatrix *m, int64 i)
{
	return m->walsh ? i : 0;
}

/* Weighted number of pairs in row i, columns rowstart .. p - 1. */
static inline int64
pm_rowcount(const PairMatrix *m, int64 i, int64 p)
{
	int64		wi = sample_group_count(m->a, i);

	if (m->walsh)
	{
		if (p <= i)
			return 0;
		return wi * (wi + 1) / 2 +
			wi * (sample_group_cum(m->a, p) - sample_group_cum(m->a, i + 1));
	}
	return wi * (m->b->n - sample_group_cum(m->b, m->ncols - p));
}

/* Weight of the single cell (i, j). */
static inline int64
pm_cellweight(const PairMatrix *m, int64 i, int64 j)
{
	int64		wi = sample_group_count(m->a, i);

	if (m->walsh)
		return j == i ? wi * (wi + 1) / 2 : wi * sample_group_count(m->a, j);
	return wi * sample_group_count(m->b, m->ncols - 1 - j);
}

static void
pm_init_differences(PairMatrix *m, const SampleGroups *a, const SampleGroups *b)
{
	m->a = a;
	m->b = b;
	m->walsh = false;
	m->nrows = a->ndistinct;
	m->ncols = b->ndistinct;
	m->total = a->n * b->n;
}

static void
pm_init_walsh(PairMatrix *m, const SampleGroups *a)
{
	m->a = a;
	m->b = a;
	m->walsh = true;
	m->nrows = a->ndistinct;
	m->ncols = a->ndistinct;
	m->total = a->n * (a->n + 1) / 2;
}

/*
 * Selection state: the bracket of the k-th entry is described per row by
 * the columns [L[i], U[i]) still in play; c_lo pairs lie before the
 * bracket and c_hi pairs before its end (c_lo < k <= c_hi).  `rows` lists
 * the rows with L < U.
 */
typedef struct PairSelect
{
	const PairMatrix *m;
	int32	   *L;
	int32	   *U;
	int32	   *P;				/* the last walk: columns <= t */
	int32	   *Q;				/* the last walk: columns < t */
	int32	   *rows;
	int64		nactive;
	int64		c_lo;
	int64		c_hi;
	uint64		rng;
} PairSelect;

static void
ps_init(PairSelect *ps, const PairMatrix *m)
{
	ps->m = m;
	ps->L = palloc(sizeof(int32) * m->nrows);
	ps->U = palloc(sizeof(int32) * m->nrows);
	ps->P = palloc(sizeof(int32) * m->nrows);
	ps->Q = palloc(sizeof(int32) * m->nrows);
	ps->rows = palloc(sizeof(int32) * m->nrows);
	ps->rng = UINT64CONST(0x9e3779b97f4a7c15);
}

static void
ps_free(PairSelect *ps)
{
	pfree(ps->L);
	pfree(ps->U);
	pfree(ps->P);
	pfree(ps->Q);
	pfree(ps->rows);
}

/* splitmix64: a fixed-seed generator (results never depend on it). */
static uint64
ps_random(PairSelect *ps)
{
	uint64		z = (ps->rng += UINT64CONST(0x9e3779b97f4a7c15));

	z = (z ^ (z >> 30)) * UINT64CONST(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64CONST(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

/* Keep only the rows with something left in the bracket. */
static void
ps_compact(PairSelect *ps)
{
	int64		r,
				k = 0;

	for (r = 0; r < ps->nactive; r++)
	{
		int32		i = ps->rows[r];

		if (ps->L[i] < ps->U[i])
			ps->rows[k++] = i;
	}
	ps->nactive = k;
}

/* The whole matrix in the bracket. */
static void
ps_reset(PairSelect *ps)
{
	const PairMatrix *m = ps->m;
	int64		i;

	for (i = 0; i < m->nrows; i++)
	{
		ps->L[i] = (int32) pm_rowstart(m, i);
		ps->U[i] = (int32) m->ncols;
		ps->rows[i] = (int32) i;
	}
	ps->nactive = m->nrows;
	ps->c_lo = 0;
	ps->c_hi = m->total;
	ps_compact(ps);
}

/* True when every pair weighs 1: differences of two tie-free samples. */
static inline bool
pm_unit(const PairMatrix *m)
{
	return !m->walsh && m->a->count == NULL && m->b->count == NULL;
}

/*
 * ps_walk: for every active row, P[i] and Q[i] = the end of the columns
 * whose entry is <= t and < t, within [L[i], U[i]]; *le and *lt get the
 * weighted numbers of pairs <= t and < t.  t must lie within the bracket,
 * so that the staircase stays within the bounds; the column position only
 * decreases from one row to the next, so the walk costs O(rows + columns).
 */
static void
ps_walk(PairSelect *ps, double t, int64 *le, int64 *lt)
{
	const PairMatrix *m = ps->m;
	bool		unit = pm_unit(m);
	int64		p = m->ncols;
	int64		c_le = ps->c_lo;
	int64		c_lt = ps->c_lo;
	int64		r;

	for (r = 0; r < ps->nactive; r++)
	{
		int64		i = ps->rows[r];
		int64		lo = ps->L[i];
		int64		q;

		if (p > ps->U[i])
			p = ps->U[i];
		if (p < lo)
			p = lo;
		while (p > lo && pm_entry(m, i, p - 1) > t)
			p--;
		q = p;
		while (q > lo && pm_entry(m, i, q - 1) >= t)
			q--;
		ps->P[i] = (int32) p;
		ps->Q[i] = (int32) q;
		if (unit)
		{
			c_le += p - lo;
			c_lt += q - lo;
		}
		else
		{
			int64		base = pm_rowcount(m, i, lo);

			c_le += pm_rowcount(m, i, p) - base;
			c_lt += pm_rowcount(m, i, q) - base;
		}
		if ((r & (INTERRUPT_EVERY - 1)) == INTERRUPT_EVERY - 1)
			sample_check_interrupts();
	}
	*le = c_le;
	*lt = c_lt;
}

/* bound = the walk's staircase, then drop the rows left empty. */
static void
ps_set_bound(PairSelect *ps, int32 *bound, const int32 *staircase)
{
	int64		r,
				k = 0;

	for (r = 0; r < ps->nactive; r++)
	{
		int32		i = ps->rows[r];

		bound[i] = staircase[i];
		if (ps->L[i] < ps->U[i])
			ps->rows[k++] = i;
	}
	ps->nactive = k;
}

/*
 * ps_update: narrow the bracket of the k-th entry with the pivot t, an
 * entry in the bracket.  Returns 1 when t is the k-th entry, 0 when the
 * bracket now starts after t, -1 when it now ends before t.
 */
static int
ps_update(PairSelect *ps, double t, int64 k)
{
	int64		le,
				lt;

	ps_walk(ps, t, &le, &lt);
	if (le < k)
	{
		ps_set_bound(ps, ps->L, ps->P);
		ps->c_lo = le;
		return 0;
	}
	if (lt < k)
		return 1;
	ps_set_bound(ps, ps->U, ps->Q);
	ps->c_hi = lt;
	return -1;
}

static int
cmp_int64(const void *a, const void *b)
{
	int64		x = *(const int64 *) a;
	int64		y = *(const int64 *) b;

	return (x > y) - (x < y);
}

/*
 * ps_sample: s entries drawn at random from the bracket, each pair
 * equally likely (rows by their weight, then the column by binary search
 * on the row's cumulative weights); sorted.
 */
static void
ps_sample(PairSelect *ps, double *out, int s)
{
	const PairMatrix *m = ps->m;
	int64		width = ps->c_hi - ps->c_lo;
	bool		unit = pm_unit(m);
	int64	   *offsets = palloc(sizeof(int64) * s);
	int64		acc = 0;
	int			k = 0;
	int64		r;

	for (k = 0; k < s; k++)
		offsets[k] = (int64) (ps_random(ps) % (uint64) width);
	qsort(offsets, s, sizeof(int64), cmp_int64);
	k = 0;
	for (r = 0; r < ps->nactive && k < s; r++)
	{
		int64		i = ps->rows[r];
		int64		base = unit ? ps->L[i] : pm_rowcount(m, i, ps->L[i]);
		int64		weight = (unit ? ps->U[i] : pm_rowcount(m, i, ps->U[i])) - base;

		while (k < s && offsets[k] < acc + weight)
		{
			int64		o = offsets[k] - acc;
			int64		lo = ps->L[i] + 1;
			int64		hi = ps->U[i];

			if (unit)
				lo = ps->L[i] + o + 1;
			else
			{
				/* smallest p in [lo, hi] with rowcount(p) - base > o */
				while (lo < hi)
				{
					int64		mid = lo + (hi - lo) / 2;

					if (pm_rowcount(m, i, mid) - base > o)
						hi = mid;
					else
						lo = mid + 1;
				}
			}
			out[k++] = pm_entry(m, i, lo - 1);
		}
		acc += weight;
	}
	/* cannot happen: the offsets are below the total weight */
	if (k < s)
		elog(ERROR, "pairwise selection: sampling failed");
	pfree(offsets);
	qsort(out, s, sizeof(double), sample_cmp_double);
}

/*
 * weighted_select: the value of weighted rank r (1-based) among v[0..n)
 * with weights w: quickselect with a three-way partition (expected O(n)).
 * v and w are permuted.
 */
static double
weighted_select(double *v, int64 *w, int64 n, int64 r, PairSelect *ps)
{
	int64		lo = 0,
				hi = n;

	for (;;)
	{
		double		pivot = v[lo + (int64) (ps_random(ps) % (uint64) (hi - lo))];
		int64		lt = lo,
					i = lo,
					gt = hi;
		int64		w_less = 0,
					w_equal = 0;

		/* v[lo..lt) < pivot, v[lt..i) == pivot, v[gt..hi) > pivot */
		while (i < gt)
		{
			double		x = v[i];

			if (x < pivot)
			{
				double		tv = v[lt];
				int64		tw = w[lt];

				w_less += w[i];
				v[lt] = x;
				v[i] = tv;
				w[lt] = w[i];
				w[i] = tw;
				lt++;
				i++;
			}
			else if (x > pivot)
			{
				double		tv;
				int64		tw;

				gt--;
				tv = v[gt];
				tw = w[gt];
				v[gt] = x;
				v[i] = tv;
				w[gt] = w[i];
				w[i] = tw;
			}
			else
			{
				w_equal += w[i];
				i++;
			}
		}
		if (r <= w_less)
			hi = lt;
		else if (r <= w_less + w_equal)
			return pivot;
		else
		{
			r -= w_less + w_equal;
			lo = gt;
		}
		sample_check_interrupts();
	}
}

/* Collect the bracket's entries and select the k-th directly. */
static double
ps_gather_select(PairSelect *ps, int64 cells, int64 k)
{
	const PairMatrix *m = ps->m;
	double	   *v = palloc(sizeof(double) * Max(cells, 1));
	int64	   *w = palloc(sizeof(int64) * Max(cells, 1));
	int64		n = 0;
	int64		r;
	double		result;

	for (r = 0; r < ps->nactive; r++)
	{
		int64		i = ps->rows[r];
		int64		j;

		for (j = ps->L[i]; j < ps->U[i]; j++)
		{
			v[n] = pm_entry(m, i, j);
			w[n] = pm_cellweight(m, i, j);
			n++;
		}
	}
	result = weighted_select(v, w, n, k - ps->c_lo, ps);
	pfree(v);
	pfree(w);
	return result;
}

/*
 * ps_select: the k-th smallest entry (1 <= k <= total), by Floyd-Rivest
 * style sampling: two pivots from a sorted random sample of the bracket,
 * just below and above the target's expected position, cut the bracket to
 * a small multiple of its width over sqrt(NSAMPLE) per round; each pivot
 * costs one or two staircase walks.
 */
static double
ps_select(PairSelect *ps, int64 k)
{
	double	   *sample = palloc(sizeof(double) * NSAMPLE);
	int64		gather = GATHER_PER_LINE * (ps->m->nrows + ps->m->ncols);

	gather = Min(Max(gather, GATHER_MIN), GATHER_MAX);

	ps_reset(ps);
	for (;;)
	{
		int64		cells = 0;
		int64		r;
		double		f;
		double		delta;
		int			ilo,
					ihi;
		int			res;

		for (r = 0; r < ps->nactive; r++)
		{
			int32		i = ps->rows[r];

			cells += ps->U[i] - ps->L[i];
		}
		if (cells <= gather)
		{
			pfree(sample);
			return ps_gather_select(ps, cells, k);
		}
		ps_sample(ps, sample, NSAMPLE);
		f = (double) (k - ps->c_lo) / (double) (ps->c_hi - ps->c_lo);
		delta = 2.0 * sqrt(NSAMPLE * f * (1.0 - f)) + 2.0;
		ilo = (int) floor(f * NSAMPLE - delta);
		ihi = (int) ceil(f * NSAMPLE + delta);
		if (ilo >= 0 && ilo < NSAMPLE)
		{
			res = ps_update(ps, sample[ilo], k);
			if (res == 1)
			{
				double		v = sample[ilo];

				pfree(sample);
				return v;
			}
			/* the bracket now ends below the upper pivot */
			if (res < 0)
				ihi = NSAMPLE;
		}
		if (ihi >= 0 && ihi < NSAMPLE)
		{
			res = ps_update(ps, sample[ihi], k);
			if (res == 1)
			{
				double		v = sample[ihi];

				pfree(sample);
				return v;
			}
		}
	}
}

/*
 * ps_next: the (k+1)-th smallest entry, given v, the k-th (k < total).
 */
static double
ps_next(PairSelect *ps, double v, int64 k)
{
	const PairMatrix *m = ps->m;
	double		next = INFINITY;
	int64		r;

	int64		le,
				lt;

	ps_reset(ps);
	ps_walk(ps, v, &le, &lt);
	if (le >= k + 1)
		return v;
	for (r = 0; r < ps->nactive; r++)
	{
		int64		i = ps->rows[r];

		if (ps->P[i] < m->ncols)
			next = Min(next, pm_entry(m, i, ps->P[i]));
	}
	return next;
}

/* The median of the entries: the middle one, or the mean of the two. */
static double
ps_median(PairSelect *ps)
{
	int64		total = ps->m->total;
	double		a;

	if (total % 2 == 1)
		return ps_select(ps, (total + 1) / 2);
	a = ps_select(ps, total / 2);
	return 0.5 * a + 0.5 * ps_next(ps, a, total / 2);
}

/* ---------------------------------------------------------------------
 * Exact null distributions
 * ---------------------------------------------------------------------
 */

/*
 * The exact null distributions of W (Mann-Whitney) and V (signed rank) are
 * both symmetric on 0..top, so a SymDist keeps P(X = x) for the lower half
 * x <= top/2 only.
 */
typedef struct SymDist
{
	int64		top;
	int64		half;
	double	   *prob;			/* P(X = x), x <= half */
} SymDist;

/* P(X = x) */
static double
sym_density(const SymDist *d, int64 x)
{
	if (x < 0 || x > d->top)
		return 0.0;
	if (x > d->half)
		x = d->top - x;
	return d->prob[x];
}

/*
 * P(X <= x) (R's pwilcox, psignrank): summed from the lower tail for
 * x <= top/2, as 1 - P(X >= x + 1) otherwise, as R does; the p-values use
 * the near tail directly (sym_upper for the upper one).
 */
static double
sym_cdf(const SymDist *d, int64 x)
{
	double		s = 0.0;
	int64		v;

	if (x < 0)
		return 0.0;
	if (x >= d->top)
		return 1.0;
	if (2 * x <= d->top)
	{
		for (v = 0; v <= x; v++)
			s += d->prob[v];
		return s;
	}
	for (v = 0; v < d->top - x; v++)
		s += sym_density(d, v);
	return 1.0 - s;
}

/* P(X >= x) = P(X <= top - x), by symmetry */
static double
sym_upper(const SymDist *d, int64 x)
{
	return sym_cdf(d, d->top - x);
}

/*
 * R's qwilcox / qsignrank: the smallest q with P(X <= q) >= p, with R's
 * fuzz of 10 DBL_EPSILON and its two branches (for p > 1/2 it counts from
 * the upper tail), the probabilities accumulated term by term as R does.
 */
static int64
sym_quantile(const SymDist *d, double p)
{
	double		acc = 0.0;
	int64		q = 0;

	if (p <= 0.0)
		return 0;
	if (p >= 1.0)
		return d->top;
	if (p <= 0.5)
	{
		double		x = p - 10 * DBL_EPSILON;

		for (;;)
		{
			acc += sym_density(d, q);
			if (acc >= x)
				return q;
			q++;
		}
	}
	else
	{
		double		x = 1 - p + 10 * DBL_EPSILON;

		for (;;)
		{
			acc += sym_density(d, q);
			if (acc > x)
				return d->top - q;
			q++;
		}
	}
}

/*
 * The null distribution of the Mann-Whitney count U (0..mn, m = nx,
 * n = ny).  R's cwilcox counts arrangements by the recursion on the
 * largest of the m + n values, which is an x (adding n to U) or a y,
 *	 c(u; i, j) = c(u - j; i - 1, j) + c(u; i, j - 1)
 * (Mann & Whitney 1947, "On a test of whether one of two random variables
 * is stochastically larger than the other", Ann. Math. Statist. 18).  We
 * run the same recursion on probabilities, j = 1..n over the rows
 * i = 0..m,
 *	 P(u; i, j) = (i P(u - j; i - 1, j) + j P(u; i, j - 1)) / (i + j),
 * a convex combination of positive numbers: no overflow (R's counts reach
 * choose(m + n, m)) and a relative error below (m + n) DBL_EPSILON.  Time
 * O((mn)^2 / 4) at worst, memory (min(m, n) + 1)(mn/2 + 1) doubles, so
 * mn is limited to WILCOX_MAX_MN (10000: 4 MB, 0.1 s).  Most cases,
 * including all of R's rule for exact = NULL (n1, n2 < 50), take the exact
 * integer route of wilcox_exact_counts instead.
 */
bool
mann_whitney_exact_possible(int64 nx, int64 ny)
{
	return nx * ny <= WILCOX_MAX_MN;
}

#ifdef HAVE_INT128
/*
 * wilcox_exact_counts: when choose(m + n, m) < 2^125, the counts are
 * computed exactly in 128-bit integers, in O(m mn) instead of the
 * recursion's O((mn)^2): they are the coefficients of the Gaussian
 * binomial [m + n choose m](q) = prod_{i=1..m} (1 - q^(n+i)) / (1 - q^i),
 * multiplied out one factor at a time (Harding 1984, "An efficient,
 * minimal-storage procedure for calculating the Mann-Whitney U,
 * generalized U and similar distributions", Applied Statistics 33): after
 * step i they are the counts for (i, n), so no intermediate exceeds
 * choose(m + n, m).  This covers R's rule for exact = NULL (n1, n2 < 50).
 * Returns false (and computes nothing) when the counts could overflow.
 */
static bool
wilcox_exact_counts(SymDist *d, int64 m, int64 n)
{
	int64		half = d->half;
	int128	   *c;
	int128		total = 1;
	int64		i,
				k;

	if ((lgamma((double) (m + n + 1)) - lgamma((double) (m + 1)) -
		 lgamma((double) (n + 1))) / M_LN2 > 125.0)
		return false;
	c = palloc0(sizeof(int128) * (half + 1));
	c[0] = 1;
	for (i = 1; i <= m; i++)
	{
		for (k = half; k >= n + i; k--)
			c[k] -= c[k - n - i];
		for (k = i; k <= half; k++)
			c[k] += c[k - i];
		total = total * (n + i) / i;	/* choose(n + i, i), exactly */
		sample_check_interrupts();
	}
	d->prob = palloc(sizeof(double) * (half + 1));
	for (k = 0; k <= half; k++)
		d->prob[k] = (double) ((long double) c[k] / (long double) total);
	pfree(c);
	return true;
}
#endif

static void
wilcox_init(SymDist *d, int64 nx, int64 ny)
{
	int64		m = Min(nx, ny);
	int64		n = Max(nx, ny);
	int64		half = nx * ny / 2;
	double	   *p;
	int64		i,
				j,
				u;

	d->top = nx * ny;
	d->half = half;
#ifdef HAVE_INT128
	if (wilcox_exact_counts(d, m, n))
		return;
#endif
	p = palloc0(sizeof(double) * (m + 1) * (half + 1));
	for (i = 0; i <= m; i++)
		p[i * (half + 1)] = 1.0;
	for (j = 1; j <= n; j++)
	{
		for (i = 1; i <= m; i++)
		{
			double	   *row = p + i * (half + 1);
			double	   *prev = p + (i - 1) * (half + 1);
			int64		top = Min(i * j, half);
			double		wi = (double) i / (double) (i + j);
			double		wj = (double) j / (double) (i + j);

			for (u = top; u >= j; u--)
				row[u] = wj * row[u] + wi * prev[u - j];
			for (; u >= 0; u--)
				row[u] = wj * row[u];
		}
		sample_check_interrupts();
	}
	d->prob = palloc(sizeof(double) * (half + 1));
	memcpy(d->prob, p + m * (half + 1), sizeof(double) * (half + 1));
	pfree(p);
}

/*
 * The null distribution of the signed rank statistic V (0..n(n+1)/2):
 * the probabilities of the subset sums of {1..n}, built one element at a
 * time as R's csignrank does, halved at each step so that they stay
 * probabilities (exact dyadic numbers while the counts are below 2^53,
 * otherwise sums of positive terms, relative error below n DBL_EPSILON).
 * O(n^3 / 8) time, so n is limited to SIGNRANK_MAX_N.
 */
bool
signed_rank_exact_possible(int64 n)
{
	return n <= SIGNRANK_MAX_N;
}

static void
signrank_init(SymDist *d, int64 n)
{
	int64		top = n * (n + 1) / 2;
	int64		half = top / 2;
	double	   *c = palloc0(sizeof(double) * (half + 1));
	int64		i,
				v;

	c[0] = 1.0;
	for (i = 1; i <= n; i++)
	{
		int64		reach = Min(half, i * (i + 1) / 2);

		for (v = reach; v >= i; v--)
			c[v] = 0.5 * (c[v] + c[v - i]);
		for (v = Min(i - 1, reach); v >= 0; v--)
			c[v] *= 0.5;
		sample_check_interrupts();
	}
	d->top = top;
	d->half = half;
	d->prob = c;
}

/* ---------------------------------------------------------------------
 * Normal approximations (R's tie and continuity corrections)
 * ---------------------------------------------------------------------
 */

/* R's CORRECTION: sign(z)/2 two-sided, +1/2 greater, -1/2 less, 0 off. */
static double
continuity(double z, Alternative alt, bool correct)
{
	if (!correct)
		return 0.0;
	switch (alt)
	{
		case ALT_GREATER:
			return 0.5;
		case ALT_LESS:
			return -0.5;
		default:
			return z > 0 ? 0.5 : (z < 0 ? -0.5 : 0.0);
	}
}

/* p-value of a standard normal statistic, as R: 2 min(P(Z <= z), P(Z > z)). */
static double
normal_p(double z, Alternative alt)
{
	if (isnan(z))
		return NAN;
	switch (alt)
	{
		case ALT_LESS:
			return dist_pnorm(z, 0, 1, true);
		case ALT_GREATER:
			return dist_pnorm(z, 0, 1, false);
		default:
			return 2.0 * Min(dist_pnorm(z, 0, 1, true), dist_pnorm(z, 0, 1, false));
	}
}

/* ---------------------------------------------------------------------
 * Wilcoxon-Mann-Whitney rank sum test
 * ---------------------------------------------------------------------
 */

/*
 * two_sample_at: R's rank statistic of c(x - d, y): W = the sum of the
 * ranks of x - d minus nx (nx + 1) / 2, i.e. #(x[i] - d > y[j]) plus half
 * the ties, and the tie term sum(t^3 - t) of the combined sample; one
 * merge of x - d (computed in floating point, as R does) with y.
 */
static void
two_sample_at(const double *x, int64 nx, const double *y, int64 ny, double d,
			  double *W, double *ties)
{
	int64		i = 0,
				j = 0;
	double		w = 0.0;
	double		t3 = 0.0;

	while (i < nx || j < ny)
	{
		double		v;
		int64		cx = 0,
					cy = 0;
		double		t;

		if (j >= ny || (i < nx && x[i] - d <= y[j]))
			v = x[i] - d;
		else
			v = y[j];
		while (i < nx && x[i] - d == v)
		{
			i++;
			cx++;
		}
		/* y values below v all precede this group */
		w += (double) cx * (double) j;
		while (j < ny && y[j] == v)
		{
			j++;
			cy++;
		}
		w += 0.5 * (double) cx * (double) cy;
		t = (double) (cx + cy);
		t3 += t * t * t - t;
		if (((i + j) & (INTERRUPT_EVERY - 1)) == 0)
			sample_check_interrupts();
	}
	*W = w;
	*ties = t3;
}

/* R's SIGMA of the rank sum test with the tie term t3 */
static double
mw_sigma(double nx, double ny, double t3)
{
	return sqrt((nx * ny / 12) * ((nx + ny + 1) - t3 / ((nx + ny) * (nx + ny - 1))));
}

/* R's W(d) of the asymptotic interval: the corrected normal statistic. */
static double
mw_statistic_at(const double *x, int64 nx, const double *y, int64 ny, double d,
				Alternative alt, bool correct)
{
	double		W,
				t3,
				dz;

	two_sample_at(x, nx, y, ny, d, &W, &t3);
	dz = W - (double) nx * (double) ny / 2;
	return (dz - continuity(dz, alt, correct)) / mw_sigma(nx, ny, t3);
}

/*
 * Smallest count c in [0, total] of pairs above d at which the corrected
 * statistic (c - total/2 - correction) / sigma reaches zq (total + 1 when
 * it never does); the statistic is non-decreasing in c.
 */
static int64
crossing_count(int64 total, double sigma, double zq, Alternative alt, bool correct)
{
	int64		lo = 0,
				hi = total + 1;

	while (lo < hi)
	{
		int64		c = lo + (hi - lo) / 2;
		double		dz = (double) c - (double) total / 2;

		if ((dz - continuity(dz, alt, correct)) / sigma - zq >= 0)
			hi = c;
		else
			lo = c + 1;
	}
	return lo;
}

/*
 * The root R's uniroot() finds for W(d) = zq on [dmin, dmax], exactly: the
 * order statistic where the count of entries above d crosses the
 * threshold (see the file header).  w_dmin and w_dmax are the statistic at
 * the ends, as R evaluates it there (with the ties that d = dmin creates);
 * R returns dmin when W(dmin) <= zq and dmax when W(dmax) >= zq.
 */
static double
crossing_root(PairSelect *ps, double sigma, double zq, Alternative alt,
			  bool correct, double dmin, double dmax, double w_dmin, double w_dmax)
{
	int64		total = ps->m->total;
	int64		c,
				j;

	if (w_dmin - zq <= 0)
		return dmin;
	if (w_dmax - zq >= 0)
		return dmax;
	c = crossing_count(total, sigma, zq, alt, correct);
	j = total - c + 1;
	j = Max(j, 1);
	j = Min(j, total);
	return ps_select(ps, j);
}

/*
 * mann_whitney_test: R's wilcox.test(x, y, alternative, mu, exact,
 * correct, conf.int = TRUE, conf.level).  The statistic W counts the pairs
 * with x[i] - mu > y[j] (ties count 1/2): x is the treatment, the first
 * sample.
 */
void
mann_whitney_test(const double *x, int64 nx, const double *y, int64 ny,
				  Alternative alt, double mu, bool correct, ExactMode exact,
				  double conf_level, RankTestResult *r)
{
	double		W,
				t3;
	double		N = (double) nx * (double) ny;
	bool		use_exact;
	double		alpha = 1.0 - conf_level;
	SampleGroups gx,
				gy;
	PairMatrix	m;
	PairSelect	ps;

	two_sample_at(x, nx, y, ny, mu, &W, &t3);
	r->statistic = W;
	r->df = NAN;
	use_exact = exact == EXACT_AUTO ? (nx < 50 && ny < 50) : exact == EXACT_YES;

	sample_groups(x, nx, &gx);
	sample_groups(y, ny, &gy);
	pm_init_differences(&m, &gx, &gy);
	ps_init(&ps, &m);

	if (use_exact && t3 == 0.0)
	{
		SymDist		d;
		int64		w = (int64) W;
		int64		total = nx * ny;
		int64		qu,
					ql;

		if (!mann_whitney_exact_possible(nx, ny))
		{
			r->method = NULL;	/* the caller reports it */
			ps_free(&ps);
			return;
		}
		r->method = "Wilcoxon rank sum exact test";
		wilcox_init(&d, nx, ny);
		switch (alt)
		{
			case ALT_TWO_SIDED:
				{
					double		p = W > N / 2 ? sym_upper(&d, w) : sym_cdf(&d, w);

					r->p_value = Min(2 * p, 1.0);
					break;
				}
			case ALT_GREATER:
				r->p_value = sym_upper(&d, w);
				break;
			case ALT_LESS:
				r->p_value = sym_cdf(&d, w);
				break;
		}
		/* R: qu = qwilcox(alpha/2 or alpha); 0 becomes 1; ql = mn - qu */
		qu = sym_quantile(&d, alt == ALT_TWO_SIDED ? alpha / 2 : alpha);
		if (qu == 0)
			qu = 1;
		ql = total - qu;
		r->ci_lower = alt == ALT_LESS ? -INFINITY : ps_select(&ps, qu);
		r->ci_upper = alt == ALT_GREATER ? INFINITY : ps_select(&ps, ql + 1);
		r->estimate = ps_median(&ps);
		pfree(d.prob);
	}
	else
	{
		double		sigma = mw_sigma((double) nx, (double) ny, t3);
		double		dz = W - N / 2;
		double		dmin = x[0] - y[ny - 1];
		double		dmax = x[nx - 1] - y[0];

		r->method = correct ? "Wilcoxon rank sum test with continuity correction" :
			"Wilcoxon rank sum test";
		r->p_value = sigma > 0 ? normal_p((dz - continuity(dz, alt, correct)) / sigma, alt) : NAN;
		r->estimate = ps_median(&ps);
		if (dmin == dmax)
		{
			/* every difference is the same: R's statistic is 0/0 there */
			r->ci_lower = alt == ALT_LESS ? -INFINITY : NAN;
			r->ci_upper = alt == ALT_GREATER ? INFINITY : NAN;
		}
		else
		{
			/* between differences only the ties within x and within y count */
			double		sigma_open = mw_sigma((double) nx, (double) ny, gx.ties + gy.ties);
			double		w_dmin = mw_statistic_at(x, nx, y, ny, dmin, alt, correct);
			double		w_dmax = mw_statistic_at(x, nx, y, ny, dmax, alt, correct);

			r->ci_lower = -INFINITY;
			r->ci_upper = INFINITY;
			if (alt != ALT_LESS)
				r->ci_lower = crossing_root(&ps, sigma_open,
											dist_qnorm(alt == ALT_TWO_SIDED ? alpha / 2 : alpha, 0, 1, false),
											alt, correct, dmin, dmax, w_dmin, w_dmax);
			if (alt != ALT_GREATER)
				r->ci_upper = crossing_root(&ps, sigma_open,
											dist_qnorm(alt == ALT_TWO_SIDED ? alpha / 2 : alpha, 0, 1, true),
											alt, correct, dmin, dmax, w_dmin, w_dmax);
		}
	}
	ps_free(&ps);
}

/* ---------------------------------------------------------------------
 * Wilcoxon signed rank test
 * ---------------------------------------------------------------------
 */

/*
 * one_sample_at: R's signed rank statistic of x - d: the values equal to
 * d are dropped (*n_eff are left), the others ranked by |x - d| (average
 * ranks for ties) and V = the sum of the ranks of the positive ones; *ties
 * is sum(t^3 - t) over the groups of equal |x - d|.  One merge of the
 * negative side (read backwards) with the positive side.
 */
static void
one_sample_at(const double *x, int64 n, double d, double *V, int64 *n_eff,
			  double *ties)
{
	int64		neg = 0;		/* x[0 .. neg) < d */
	int64		pos;			/* x[pos .. n) > d */
	int64		i,
				j;
	double		rank = 0.0;		/* ranks used so far */
	double		v = 0.0;
	double		t3 = 0.0;

	while (neg < n && x[neg] - d < 0)
		neg++;
	pos = neg;
	while (pos < n && x[pos] - d == 0)
		pos++;
	*n_eff = neg + (n - pos);
	i = neg - 1;				/* next negative, walking down */
	j = pos;					/* next positive, walking up */
	while (i >= 0 || j < n)
	{
		double		a;
		int64		cn = 0,
					cp = 0;
		double		t;

		if (j >= n || (i >= 0 && -(x[i] - d) <= x[j] - d))
			a = -(x[i] - d);
		else
			a = x[j] - d;
		while (i >= 0 && -(x[i] - d) == a)
		{
			i--;
			cn++;
		}
		while (j < n && x[j] - d == a)
		{
			j++;
			cp++;
		}
		t = (double) (cn + cp);
		/* average rank of the group: rank + (t + 1) / 2 */
		v += (double) cp * (rank + (t + 1) / 2);
		rank += t;
		t3 += t * t * t - t;
		if ((((int64) rank) & (INTERRUPT_EVERY - 1)) == 0)
			sample_check_interrupts();
	}
	*V = v;
	*ties = t3;
}

/* R's SIGMA of the signed rank test (n values, tie term t3) */
static double
sr_sigma(double n, double t3)
{
	return sqrt(n * (n + 1) * (2 * n + 1) / 24 - t3 / 48);
}

/* R's W(d) of the asymptotic interval of the signed rank test */
static double
sr_statistic_at(const double *x, int64 n, double d, Alternative alt, bool correct)
{
	double		V,
				t3,
				zd;
	int64		ne;

	one_sample_at(x, n, d, &V, &ne, &t3);
	zd = V - (double) ne * (double) (ne + 1) / 4;
	return (zd - continuity(zd, alt, correct)) / sr_sigma((double) ne, t3);
}

/*
 * signed_rank_test: R's wilcox.test(x, mu = mu, alternative, exact,
 * correct, conf.int = TRUE, conf.level).  Values equal to mu are dropped
 * (as R does; then the exact test is not used), V is the sum of the ranks
 * of |x - mu| over the x above mu; the estimate is the median of the
 * Walsh averages of the remaining values (the Hodges-Lehmann pseudo-
 * median).
 */
void
signed_rank_test(const double *x, int64 n, double mu, Alternative alt,
				 bool correct, ExactMode exact, double conf_level,
				 RankTestResult *r)
{
	double		V,
				t3;
	int64		ne;
	bool		use_exact;
	double		alpha = 1.0 - conf_level;
	const double *xe = x;
	double	   *copy = NULL;
	double		M;
	SampleGroups g;
	PairMatrix	m;
	PairSelect	ps;

	one_sample_at(x, n, mu, &V, &ne, &t3);
	r->statistic = V;
	r->df = NAN;
	M = (double) ne * (double) (ne + 1) / 2;
	use_exact = exact == EXACT_AUTO ? ne < 50 : exact == EXACT_YES;

	if (ne < n)
	{
		/* the values other than mu, still sorted */
		int64		i,
					k = 0;

		copy = palloc(sizeof(double) * Max(ne, 1));
		for (i = 0; i < n; i++)
			if (x[i] - mu != 0)
				copy[k++] = x[i];
		xe = copy;
	}

	if (use_exact && t3 == 0.0 && ne == n)
	{
		SymDist		d;
		int64		v = (int64) V;
		int64		qu,
					ql;

		if (!signed_rank_exact_possible(ne))
		{
			r->method = NULL;	/* the caller reports it */
			return;
		}
		r->method = "Wilcoxon signed rank exact test";
		signrank_init(&d, ne);
		switch (alt)
		{
			case ALT_TWO_SIDED:
				{
					double		p = V > M / 2 ? sym_upper(&d, v) : sym_cdf(&d, v);

					r->p_value = Min(2 * p, 1.0);
					break;
				}
			case ALT_GREATER:
				r->p_value = sym_upper(&d, v);
				break;
			case ALT_LESS:
				r->p_value = sym_cdf(&d, v);
				break;
		}
		sample_groups(xe, ne, &g);
		pm_init_walsh(&m, &g);
		ps_init(&ps, &m);
		qu = sym_quantile(&d, alt == ALT_TWO_SIDED ? alpha / 2 : alpha);
		if (qu == 0)
			qu = 1;
		ql = d.top - qu;
		r->ci_lower = alt == ALT_LESS ? -INFINITY : ps_select(&ps, qu);
		r->ci_upper = alt == ALT_GREATER ? INFINITY : ps_select(&ps, ql + 1);
		r->estimate = ps_median(&ps);
		ps_free(&ps);
		pfree(d.prob);
	}
	else
	{
		double		sigma = sr_sigma((double) ne, t3);
		double		z = V - M / 2;

		r->method = correct ? "Wilcoxon signed rank test with continuity correction" :
			"Wilcoxon signed rank test";
		r->p_value = sigma > 0 ? normal_p((z - continuity(z, alt, correct)) / sigma, alt) : NAN;
		r->estimate = NAN;
		r->ci_lower = alt == ALT_LESS ? -INFINITY : NAN;
		r->ci_upper = alt == ALT_GREATER ? INFINITY : NAN;
		if (ne > 0)
		{
			double		dmin = xe[0];
			double		dmax = xe[ne - 1];
			double		w_dmin = sr_statistic_at(xe, ne, dmin, alt, correct);
			double		w_dmax = isfinite(w_dmin) ?
				sr_statistic_at(xe, ne, dmax, alt, correct) : NAN;

			if (!isfinite(w_dmax))
			{
				/* R: no interval, the estimate is the midrange */
				r->estimate = 0.5 * dmin + 0.5 * dmax;
				r->ci_lower = alt == ALT_LESS ? -INFINITY : NAN;
				r->ci_upper = alt == ALT_GREATER ? INFINITY : NAN;
			}
			else
			{
				double		sigma_open;
				double		median_x = sample_quantile(xe, ne, 0.5);

				sample_groups(xe, ne, &g);
				pm_init_walsh(&m, &g);
				ps_init(&ps, &m);
				sigma_open = sr_sigma((double) ne, g.ties);
				r->estimate = ps_median(&ps);
				r->ci_lower = -INFINITY;
				r->ci_upper = INFINITY;

				/*
				 * R lowers the level (doubles alpha) until the statistic at
				 * the ends of the data reaches the critical values, and
				 * returns median(x) for a bound once alpha >= 1.  Its check
				 * for 'less' uses alpha / 2, its root alpha: kept as is.
				 */
				if (alt == ALT_TWO_SIDED)
				{
					while (w_dmin - dist_qnorm(alpha / 2, 0, 1, false) < 0 ||
						   w_dmax - dist_qnorm(alpha / 2, 0, 1, true) > 0)
						alpha *= 2;
					if (alpha < 1)
					{
						r->ci_lower = crossing_root(&ps, sigma_open,
													dist_qnorm(alpha / 2, 0, 1, false),
													alt, correct, dmin, dmax, w_dmin, w_dmax);
						r->ci_upper = crossing_root(&ps, sigma_open,
													dist_qnorm(alpha / 2, 0, 1, true),
													alt, correct, dmin, dmax, w_dmin, w_dmax);
					}
					else
						r->ci_lower = r->ci_upper = median_x;
				}
				else if (alt == ALT_GREATER)
				{
					while (w_dmin - dist_qnorm(alpha, 0, 1, false) < 0)
						alpha *= 2;
					r->ci_lower = alpha < 1 ?
						crossing_root(&ps, sigma_open, dist_qnorm(alpha, 0, 1, false),
									  alt, correct, dmin, dmax, w_dmin, w_dmax) :
						median_x;
				}
				else
				{
					while (w_dmax - dist_qnorm(alpha / 2, 0, 1, true) > 0)
						alpha *= 2;
					r->ci_upper = alpha < 1 ?
						crossing_root(&ps, sigma_open, dist_qnorm(alpha, 0, 1, true),
									  alt, correct, dmin, dmax, w_dmin, w_dmax) :
						median_x;
				}
				ps_free(&ps);
			}
		}
	}
	if (copy)
		pfree(copy);
}

/* ---------------------------------------------------------------------
 * Two-sample Kolmogorov-Smirnov test (R 4.2.2's ks.test)
 * ---------------------------------------------------------------------
 */

/*
 * ks_statistic: max over the distinct values v of the combined sample of
 * nx ny (F_x(v) - F_y(v)) = ny #(x <= v) - nx #(y <= v) (the maximum of its
 * absolute value for two-sided, of minus it for "less"), as an exact
 * integer; R evaluates the same differences at the last of each run of
 * ties.
 */
static int64
ks_statistic(const double *x, int64 nx, const double *y, int64 ny, Alternative alt)
{
	int64		i = 0,
				j = 0;
	int64		best = 0;

	while (i < nx || j < ny)
	{
		double		v = (j >= ny || (i < nx && x[i] <= y[j])) ? x[i] : y[j];
		int64		diff;

		while (i < nx && x[i] == v)
			i++;
		while (j < ny && y[j] == v)
			j++;
		diff = i * ny - j * nx;
		if (alt == ALT_LESS)
			diff = -diff;
		else if (alt == ALT_TWO_SIDED && diff < 0)
			diff = -diff;
		best = Max(best, diff);
	}
	return best;
}

/*
 * ks_exact_p: P(D >= m / (nx ny)) under the null, conditional on the
 * pattern of ties, by the lattice-path count of R 4.2.2's psmirnov: the
 * paths from (0, 0) to (nx, ny), one step per value of the combined sorted
 * sample (u counts the x values), whose difference ny u - nx v reaches m
 * (in absolute value for two-sided) at the last value of some run of ties.
 * R counts the paths that never do and returns 1 minus their share, which
 * loses the relative accuracy of small p-values (R is good to about 1e-12
 * absolute there); we count both kinds, moving the paths that reach the
 * boundary into a second array that is carried along, so the p-value is
 * the ratio of two sums of positive terms.  Counts are rescaled together
 * when they grow large.  O(nx ny) time, O(min(nx, ny)) memory.
 */
static double
ks_exact_p(const double *x, int64 nx, const double *y, int64 ny, int64 m,
		   bool two_sided)
{
	/* index the paths by the smaller sample's count */
	bool		swap = nx > ny;
	int64		a = swap ? ny : nx;
	int64		b = swap ? nx : ny;
	double	   *alive = palloc0(sizeof(double) * (a + 1));
	double	   *hit = palloc0(sizeof(double) * (a + 1));
	int64		i = 0,
				j = 0,
				k = 0;
	int64		work = 0;
	double		result;

	alive[0] = 1.0;
	while (i < nx || j < ny)
	{
		double		v = (j >= ny || (i < nx && x[i] <= y[j])) ? x[i] : y[j];
		int64		g = 0;
		int64		u,
					lo,
					hi;
		double		biggest = 0.0;

		while (i < nx && x[i] == v)
		{
			i++;
			g++;
		}
		while (j < ny && y[j] == v)
		{
			j++;
			g++;
		}
		/* g steps without a check, then the check at the end of the run */
		while (g-- > 0)
		{
			k++;
			lo = Max(0, k - b);
			hi = Min(k, a);
			for (u = hi; u >= lo; u--)
			{
				if (u > 0)
				{
					alive[u] += alive[u - 1];
					hit[u] += hit[u - 1];
				}
			}
			if (lo > 0)
				alive[lo - 1] = hit[lo - 1] = 0.0;
			work += hi - lo + 1;
		}
		lo = Max(0, k - b);
		hi = Min(k, a);
		for (u = lo; u <= hi; u++)
		{
			int64		ux = swap ? k - u : u;	/* the number of x values */
			int64		d = ux * ny - (k - ux) * nx;

			if (two_sided ? (d >= m || -d >= m) : d >= m)
			{
				hit[u] += alive[u];
				alive[u] = 0.0;
			}
			biggest = Max(biggest, alive[u] + hit[u]);
		}
		if (biggest > 1e280)
		{
			for (u = lo; u <= hi; u++)
			{
				alive[u] *= 1e-280;
				hit[u] *= 1e-280;
			}
		}
		if (work > INTERRUPT_EVERY)
		{
			sample_check_interrupts();
			work = 0;
		}
	}
	result = hit[a] / (hit[a] + alive[a]);
	pfree(alive);
	pfree(hit);
	return result;
}

/*
 * The upper tail of the Kolmogorov distribution, P(K > t) = 2 sum_{k>=1}
 * (-1)^(k-1) exp(-2 k^2 t^2), summed directly for t >= 1 (no 1 - p), and
 * 1 - sqrt(2 pi)/t sum_{k odd} exp(-k^2 pi^2 / (8 t^2)) below (Kolmogorov
 * 1933; Marsaglia, Tsang & Wang 2003, "Evaluating Kolmogorov's
 * distribution", J. Stat. Software 8), both to full double accuracy.  R's
 * pkstwo with tol = 1e-6 keeps only the first term of the second series,
 * so R's p-values for t < 1 (p > 0.27) are off by up to 5e-5 relative.
 */
static double
kolmogorov_upper(double t)
{
	double		s = 0.0;
	int			k;

	if (t <= 0)
		return 1.0;
	if (t < 1)
	{
		double		z = -(M_PI * M_PI / 8) / (t * t);

		for (k = 1; k < 40; k += 2)
		{
			double		term = exp(k * k * z);

			s += term;
			if (term < 1e-17 * s)
				break;
		}
		return 1.0 - s * sqrt(2 * M_PI) / t;
	}
	for (k = 1; k < 100; k++)
	{
		double		term = exp(-2.0 * k * k * t * t);

		s += (k % 2 == 1) ? term : -term;
		if (term < 1e-17 * s)
			break;
	}
	return 2 * s;
}

/*
 * ks_test: R 4.2.2's ks.test(x, y, alternative, exact).  D = max |F_x -
 * F_y| (two-sided), D^+ = max(F_x - F_y) ("greater": the CDF of x lies
 * above that of y), D^- = max(F_y - F_x) ("less").  exact = NULL means
 * exact when nx ny < 10000, with or without ties (R 4.2 conditions on the
 * ties); the one-sided exact p-value counts paths by the signed
 * difference for both directions, as R does.  Asymptotic: Kolmogorov's
 * limit for two-sided, exp(-2 n D^2) one-sided, n = nx ny / (nx + ny).
 */
void
ks_test(const double *x, int64 nx, const double *y, int64 ny, Alternative alt,
		ExactMode exact, RankTestResult *r)
{
	int64		m = ks_statistic(x, nx, y, ny, alt);
	double		N = (double) nx * (double) ny;
	double		D = (double) m / N;
	bool		use_exact = exact == EXACT_AUTO ? N < 10000 : exact == EXACT_YES;
	double		p;

	r->statistic = D;
	r->df = NAN;
	r->estimate = r->ci_lower = r->ci_upper = NAN;
	if (use_exact)
	{
		r->method = "Exact two-sample Kolmogorov-Smirnov test";
		p = ks_exact_p(x, nx, y, ny, m, alt == ALT_TWO_SIDED);
	}
	else
	{
		double		n = N / ((double) nx + (double) ny);

		r->method = "Asymptotic two-sample Kolmogorov-Smirnov test";
		if (alt == ALT_TWO_SIDED)
			p = D < DBL_EPSILON ? 1.0 : kolmogorov_upper(sqrt(n) * D);
		else
			p = exp(-2 * n * D * D);
	}
	r->p_value = Min(1.0, Max(0.0, p));
}

/* ---------------------------------------------------------------------
 * Kruskal-Wallis rank sum test
 * ---------------------------------------------------------------------
 */

/*
 * kruskal_test: R's kruskal.test on k >= 1 sorted arms of n[g] >= 1
 * values: with R_g the rank sums in the combined sample (average ranks
 * for ties) and N values in all,
 *	 H = (12 / (N (N + 1)) sum R_g^2 / n_g - 3 (N + 1)) / (1 - sum(t^3 - t) / (N^3 - N)),
 * chi-squared with k - 1 degrees of freedom (Kruskal & Wallis 1952, "Use
 * of ranks in one-criterion variance analysis", JASA 47).  Undefined
 * (NAN) for fewer than two arms or two values, or when every value is
 * the same.
 */
void
kruskal_test(const double *const *arms, const int64 *n, int k, RankTestResult *r)
{
	int64		N = 0;
	double	   *all;
	SampleGroups g;
	double		S = 0.0;
	double		dN;
	int			a;
	int64		off = 0;

	r->method = "Kruskal-Wallis rank sum test";
	r->statistic = r->df = r->p_value = NAN;
	r->estimate = r->ci_lower = r->ci_upper = NAN;
	for (a = 0; a < k; a++)
		N += n[a];
	if (k < 2 || N < 2)
		return;
	r->df = k - 1;
	all = palloc(sizeof(double) * N);
	for (a = 0; a < k; a++)
	{
		memcpy(all + off, arms[a], sizeof(double) * n[a]);
		off += n[a];
	}
	sample_sort(all, N);
	sample_groups(all, N, &g);
	if (g.ndistinct < 2)
	{
		pfree(all);
		return;
	}
	for (a = 0; a < k; a++)
	{
		const double *v = arms[a];
		int64		d = 0;
		int64		i = 0;
		double		R = 0.0;

		while (i < n[a])
		{
			int64		run = 1;
			int64		lo,
						hi;

			while (i + run < n[a] && v[i + run] == v[i])
				run++;
			/* the group of v[i] among the distinct values, at or after d */
			lo = d;
			hi = g.ndistinct - 1;
			while (lo < hi)
			{
				int64		mid = lo + (hi - lo) / 2;

				if (g.value[mid] < v[i])
					lo = mid + 1;
				else
					hi = mid;
			}
			d = lo;
			R += (double) run *
				((double) sample_group_cum(&g, d) + ((double) sample_group_count(&g, d) + 1) / 2);
			i += run;
		}
		S += R * R / (double) n[a];
		sample_check_interrupts();
	}
	dN = (double) N;
	r->statistic = (12 * S / (dN * (dN + 1)) - 3 * (dN + 1)) /
		(1 - g.ties / (dN * dN * dN - dN));
	r->p_value = dist_pchisq(Max(r->statistic, 0.0), r->df, false);
	pfree(all);
}
