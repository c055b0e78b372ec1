/*-------------------------------------------------------------------------
 *
 * padjust.c
 *	  Adjusted p-values for multiple comparisons, as R's p.adjust (R
 *	  sources, src/library/stats/R/p.adjust.R), method by method:
 *
 *	- bonferroni: min(1, n p);
 *	- holm (Holm 1979, "A simple sequentially rejective multiple test
 *	  procedure", Scand. J. Statist. 6): with p_(1) <= ... <= p_(n),
 *	  p~_(i) = min(1, max_{j <= i} (n - j + 1) p_(j));
 *	- hochberg (Hochberg 1988, Biometrika 75):
 *	  p~_(i) = min(1, min_{j >= i} (n - j + 1) p_(j));
 *	- hommel (Hommel 1988, Biometrika 75; the algorithm of Wright 1992,
 *	  "Adjusted P-values for simultaneous inference", Biometrics 48, as R
 *	  computes it): O(n^2);
 *	- BH (Benjamini and Hochberg 1995, JRSS B 57), alias fdr:
 *	  p~_(i) = min(1, min_{j >= i} n / j p_(j));
 *	- BY (Benjamini and Yekutieli 2001, Ann. Statist. 29): BH times
 *	  q = sum_{k=1..n} 1 / k;
 *	- none: p.
 * With n <= 1 every method returns p, and Hommel with n = 2 is Hochberg,
 * as in R.  Each product and quotient is formed in R's order ((n / j) p
 * for BH, ((q n) / j) p for BY, (m p) / k in Hommel), so results match R's
 * to the last bit or so.  R sums BY's harmonic series in long double; we
 * sum it with Neumaier's compensated summation (Neumaier 1974), which is
 * as accurate.  Ties get equal adjusted values whatever their order.
 *
 *-------------------------------------------------------------------------
 */
#include <math.h>
#include <stdlib.h>

#include "padjust.h"

/* A p-value and its position, for sorting. */
typedef struct PItem
{
	double		p;
	int			index;
} PItem;

/* Ascending p, ties by position (a stable order, as R's order()). */
static int
pitem_cmp(const void *a, const void *b)
{
	const PItem *x = (const PItem *) a;
	const PItem *y = (const PItem *) b;

	if (x->p != y->p)
		return x->p < y->p ? -1 : 1;
	return x->index < y->index ? -1 : (x->index > y->index);
}

size_t
p_adjust_work_size(int n)
{
	size_t		items = sizeof(PItem) * (size_t) (n > 0 ? n : 1);

	/* PItem array, padded to a multiple of a double, then 3 n doubles */
	items = (items + sizeof(double) - 1) / sizeof(double) * sizeof(double);
	return items + 3 * sizeof(double) * (size_t) (n > 0 ? n : 1);
}

/* Sum of 1/k for k = 1..n (the doubles 1.0 / k), Neumaier's summation. */
static double
harmonic(int n)
{
	double		s = 0.0,
				c = 0.0;
	int			k;

	for (k = 1; k <= n; k++)
	{
		double		x = 1.0 / (double) k;
		double		t = s + x;

		if (fabs(s) >= fabs(x))
			c += (s - t) + x;
		else
			c += (x - t) + s;
		s = t;
	}
	return s + c;
}

/*
 * Hommel's adjusted p-values of the sorted ps[0..n-1] into adj[0..n-1]
 * (sorted order), with work arrays q and pa of n doubles.  In R's
 * notation, with 1-based i: q = pa = min_i n p_(i) / i; for m = n-1 down
 * to 2: q1 = min_{k=2..m} m p_(n-m+k) / k; q_i = min(m p_(i), q1) for
 * i <= n-m+1, q_i = q_(n-m+1) above; pa = max(pa, q); finally
 * max(pa, p).
 */
static void
hommel(const double *ps, int n, double *adj, double *q, double *pa,
	   void (*interrupt) (void))
{
	double		dn = (double) n;
	double		start = INFINITY;
	int			i,
				m,
				k;

	for (i = 0; i < n; i++)
	{
		double		v = dn * ps[i] / (double) (i + 1);

		if (v < start)
			start = v;
	}
	for (i = 0; i < n; i++)
		q[i] = pa[i] = start;

	for (m = n - 1; m >= 2; m--)
	{
		double		dm = (double) m;
		double		q1 = INFINITY;
		int			n1 = n - m + 1; /* i1 = 1..n1, i2 = n1+1..n */

		if (interrupt != NULL && (m & 63) == 0)
			interrupt();
		for (k = 2; k <= m; k++)
		{
			double		v = dm * ps[n - m + k - 1] / (double) k;

			if (v < q1)
				q1 = v;
		}
		for (i = 0; i < n1; i++)
		{
			double		v = dm * ps[i];

			q[i] = v < q1 ? v : q1;
		}
		for (i = n1; i < n; i++)
			q[i] = q[n1 - 1];
		for (i = 0; i < n; i++)
			if (q[i] > pa[i])
				pa[i] = q[i];
	}
	for (i = 0; i < n; i++)
		adj[i] = pa[i] > ps[i] ? pa[i] : ps[i];
}

void
p_adjust(const double *p, int n, PAdjustMethod method, double *out,
		 void *work, void (*interrupt) (void))
{
	PItem	   *items = (PItem *) work;
	size_t		off = (sizeof(PItem) * (size_t) (n > 0 ? n : 1) + sizeof(double) - 1)
		/ sizeof(double) * sizeof(double);
	double	   *sorted = (double *) ((char *) work + off);
	double	   *adj = sorted + n;
	double	   *extra = adj + n;
	double		dn = (double) n;
	int			i;

	if (n <= 1 || method == PADJUST_NONE)
	{
		for (i = 0; i < n; i++)
			out[i] = p[i];
		return;
	}
	if (method == PADJUST_BONFERRONI)
	{
		for (i = 0; i < n; i++)
		{
			double		v = dn * p[i];

			out[i] = v < 1.0 ? v : 1.0;
		}
		return;
	}
	if (method == PADJUST_HOMMEL && n == 2)
		method = PADJUST_HOCHBERG;

	for (i = 0; i < n; i++)
	{
		items[i].p = p[i];
		items[i].index = i;
	}
	qsort(items, n, sizeof(PItem), pitem_cmp);
	for (i = 0; i < n; i++)
		sorted[i] = items[i].p;

	switch (method)
	{
		case PADJUST_HOLM:
			{
				/* ascending: cumulative max of (n - i) p_(i), 0-based i */
				double		run = 0.0;

				for (i = 0; i < n; i++)
				{
					double		v = (dn - (double) i) * sorted[i];

					if (v > run)
						run = v;
					adj[i] = run < 1.0 ? run : 1.0;
				}
			}
			break;
		case PADJUST_HOCHBERG:
		case PADJUST_BH:
		case PADJUST_BY:
			{
				/*
				 * descending: cumulative min from the largest p down; R's
				 * i = n..1 is the rank j = i + 1 (0-based i) here
				 */
				double		q = method == PADJUST_BY ? harmonic(n) : 1.0;
				double		run = INFINITY;

				for (i = n - 1; i >= 0; i--)
				{
					double		j = (double) (i + 1);
					double		v;

					if (method == PADJUST_HOCHBERG)
						v = (dn + 1.0 - j) * sorted[i];
					else if (method == PADJUST_BH)
						v = dn / j * sorted[i];
					else
						v = q * dn / j * sorted[i];
					if (v < run)
						run = v;
					adj[i] = run < 1.0 ? run : 1.0;
				}
			}
			break;
		case PADJUST_HOMMEL:
			hommel(sorted, n, adj, extra, out, interrupt);
			break;
		case PADJUST_BONFERRONI:
		case PADJUST_NONE:
			break;				/* handled above */
	}
	for (i = 0; i < n; i++)
		out[items[i].index] = adj[i];
}
