/*-------------------------------------------------------------------------
 *
 * rankcor.c
 *	  Rank correlation tests on paired values (pure C): Spearman's rho and
 *	  Kendall's tau-b with R's p-values, as cor.test(x, y, method =
 *	  "spearman" / "kendall") with its defaults (exact = NULL, continuity =
 *	  FALSE).
 *
 * Ranks and tau-b in O(n log n).  The pairs are sorted by (x, y) once.
 *	- Spearman's rho is the Pearson correlation of the midranks (R:
 *	  cor(rank(x), rank(y))).  With a_i = 2 rank(x_i) - (n + 1) and b_i
 *	  likewise (integers, also for midranks), Sab, Saa, Sbb and
 *	  D = sum (a_i - b_i)^2 are summed exactly in 128-bit integers; then
 *	  rho = Sab / sqrt(Saa Sbb) and
 *	  1 - rho = (D - (sqrt(Saa) - sqrt(Sbb))^2) / (2 sqrt(Saa Sbb)),
 *	  which keeps its digits when rho is near 1.  The statistic is
 *	  S = (n^3 - n) (1 - rho) / 6, which is sum d_i^2 = D / 4 exactly
 *	  when there are no ties (R forms it from the rounded rho).
 *	- Kendall's tau-b = (C - D) / sqrt((n0 - n1)(n0 - n2)) by Knight's
 *	  algorithm (W. R. Knight 1966, "A computer method for calculating
 *	  Kendall's tau with ungrouped data", JASA 61, 436-439): after the sort
 *	  by (x, y), n1 (pairs tied in x) and n3 (tied in both) are counted in
 *	  one pass, the discordant pairs are the exchanges of a merge sort of
 *	  the y sequence, and n2 (tied in y) is counted on the sorted y; then
 *	  C - D = n0 - n1 - n2 + n3 - 2 exchanges, n0 = n (n - 1) / 2, all in
 *	  64-bit integers.  Never O(n^2).
 *
 * p-values, as R 4.2's cor.test.default:
 *	- Spearman without ties and n <= 1290 (R's rule; the "exact" branch):
 *	  Algorithm AS 89 (D. J. Best & D. E. Roberts 1975, "The upper tail
 *	  probabilities of Spearman's rho", Applied Statistics 24, 377-379)
 *	  as R modifies it: for n <= 9 the exact distribution of S over the n!
 *	  permutations (counted here by a dynamic program over the subsets of
 *	  values placed so far rather than by enumeration), for n >= 10 the
 *	  Edgeworth series of AS 89 with its twelve published coefficients,
 *	  and R's lower-tail variant (P[S < is] with is = round(S) + 2, the
 *	  series term with the opposite sign).  Above n = 9 this is an
 *	  approximation, and it is R's.
 *	- Spearman with ties, or n > 1290: Student's t approximation,
 *	  t = rho / sqrt((1 - rho^2) / (n - 2)) with n - 2 degrees of freedom.
 *	- Kendall without ties and n < 50: the exact distribution of the
 *	  number of concordant pairs T (the Mahonian numbers: permutations of
 *	  n by their number of inversions, Kendall 1938), the statistic being
 *	  T; tails are summed directly (R computes the upper one as
 *	  1 - P[T <= q - 1], which loses its relative accuracy below ~1e-15).
 *	- Kendall otherwise: the normal approximation z = (C - D) / sd with
 *	  the tie-corrected variance of Kendall (1970), as R:
 *	  var = (v0 - vt - vu) / 18 + v1 / (2 n (n - 1))
 *	        + v2 / (9 n (n - 1)(n - 2)), the statistic being z.
 * Two-sided p-values double the smaller tail (at most 1), as R.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "dist.h"
#include "rankcor.h"
#include "sample.h"

/* R's limits of its exact branches. */
#define SPEARMAN_EXACT_MAX_N	1290	/* AS 89 at most (R: n <= 1290) */
#define SPEARMAN_ENUM_MAX_N		9		/* exact distribution at most */
#define KENDALL_EXACT_MAX_N		49		/* exact below 50 */

#define INTERRUPT_EVERY	(1 << 20)

/*
 * R's method texts; the result's method appends the p-value's branch and
 * the statistic's name, e.g. "Kendall's rank correlation tau (exact,
 * statistic T)", since R's single text leaves T and z apart only by the
 * statistic's label.
 */
#define METHOD_SPEARMAN	"Spearman's rank correlation rho"
#define METHOD_KENDALL	"Kendall's rank correlation tau"

/* qsort comparator: by x, then y. */
static int
pair_cmp(const void *a, const void *b)
{
	const RankPair *p = (const RankPair *) a;
	const RankPair *q = (const RankPair *) b;

	if (p->x != q->x)
		return p->x < q->x ? -1 : 1;
	return (p->y > q->y) - (p->y < q->y);
}

/* qsort comparator: by y only. */
static int
pair_cmp_y(const void *a, const void *b)
{
	const RankPair *p = (const RankPair *) a;
	const RankPair *q = (const RankPair *) b;

	return (p->y > q->y) - (p->y < q->y);
}

/*
 * Merge sort of v[0..n) (ascending) counting the exchanges, i.e. the pairs
 * i < j with v[i] > v[j] (equal values are not exchanged).  tmp has n
 * elements.  Bottom-up, so no recursion.
 */
static int64
merge_count(double *v, double *tmp, int64 n)
{
	int64		swaps = 0;
	int64		width;
	int64		steps = 0;

	for (width = 1; width < n; width *= 2)
	{
		int64		lo;

		for (lo = 0; lo < n; lo += 2 * width)
		{
			int64		mid = Min(lo + width, n);
			int64		hi = Min(lo + 2 * width, n);
			int64		i = lo,
						j = mid,
						k = lo;

			while (i < mid && j < hi)
			{
				if (v[j] < v[i])
				{
					swaps += mid - i;
					tmp[k++] = v[j++];
				}
				else
					tmp[k++] = v[i++];
			}
			while (i < mid)
				tmp[k++] = v[i++];
			while (j < hi)
				tmp[k++] = v[j++];
			steps += hi - lo;
			if (steps >= INTERRUPT_EVERY)
			{
				sample_check_interrupts();
				steps = 0;
			}
		}
		memcpy(v, tmp, sizeof(double) * n);
	}
	return swaps;
}

/*
 * Tie statistics of a sorted sequence: the groups of equal values, with
 * t its size, sum t (t - 1) / 2 (tied pairs), sum t (t - 1) (2t + 5),
 * sum t (t - 1), sum t (t - 1)(t - 2) (Kendall's variance terms).
 */
typedef struct TieSums
{
	int64		pairs;
	double		t_2t5;
	double		t_t1;
	double		t_t1_t2;
	bool		any;
} TieSums;

/* The tie sums of the sorted v[0..n). */
static void
tie_sums(const double *v, int64 n, TieSums *s)
{
	int64		i = 0;

	memset(s, 0, sizeof(TieSums));
	while (i < n)
	{
		int64		j = i + 1;

		while (j < n && v[j] == v[i])
			j++;
		if (j - i > 1)
		{
			double		t = (double) (j - i);

			s->any = true;
			s->pairs += (j - i) * (j - i - 1) / 2;
			s->t_2t5 += t * (t - 1.0) * (2.0 * t + 5.0);
			s->t_t1 += t * (t - 1.0);
			s->t_t1_t2 += t * (t - 1.0) * (t - 2.0);
		}
		i = j;
	}
}

/* ---------------------------------------------------------------------
 * Spearman
 * ---------------------------------------------------------------------
 */

/*
 * AS 89 exact part: P[S >= is] (upper) or P[S < is] (lower) for
 * n <= SPEARMAN_ENUM_MAX_N, from the counts of S = sum (i - p_i)^2 over
 * the n! permutations p.  count[mask][s]: the ways to place the values in
 * `mask` at positions 1..popcount(mask) with partial sum s.
 */
static double
spearman_exact(int n, double is, bool lower)
{
	int			smax = n * (n * n - 1) / 3;
	int			nmask = 1 << n;
	int64	   *count = palloc0(sizeof(int64) * nmask * (smax + 1));
	int64		nfac = 1;
	int64		upper = 0;
	int			mask,
				s,
				v,
				i;

	for (i = 2; i <= n; i++)
		nfac *= i;
	count[0] = 1;
	for (mask = 0; mask < nmask - 1; mask++)
	{
		int			pos = 0;

		for (v = mask; v; v &= v - 1)
			pos++;
		pos++;					/* the next position, 1-based */
		for (s = 0; s <= smax; s++)
		{
			int64		c = count[mask * (smax + 1) + s];

			if (c == 0)
				continue;
			for (v = 0; v < n; v++)
			{
				int			d = pos - (v + 1);

				if (mask & (1 << v))
					continue;
				count[(mask | (1 << v)) * (smax + 1) + s + d * d] += c;
			}
		}
	}
	for (s = 0; s <= smax; s++)
		if ((double) s >= is)
			upper += count[(nmask - 1) * (smax + 1) + s];
	pfree(count);
	return (double) (lower ? nfac - upper : upper) / (double) nfac;
}

/*
 * AS 89 as R's prho(): P[S >= is], or P[S < is] when lower, for the
 * Spearman statistic of n pairs without ties.
 */
static double
spearman_as89(int n, double is, bool lower)
{
	/* the Edgeworth coefficients of AS 89 */
	static const double c1 = 0.2274,
				c2 = 0.2531,
				c3 = 0.1745,
				c4 = 0.0758,
				c5 = 0.1033,
				c6 = 0.3932,
				c7 = 0.0879,
				c8 = 0.0151,
				c9 = 0.0072,
				c10 = 0.0831,
				c11 = 0.0131,
				c12 = 4.6e-4;
	double		nn = (double) n;
	double		smax = nn * (nn * nn - 1.0) / 3.0;
	double		b,
				x,
				y,
				u,
				p;

	if (is <= 0.0)
		return lower ? 0.0 : 1.0;
	if (is > smax)
		return lower ? 1.0 : 0.0;
	if (n <= SPEARMAN_ENUM_MAX_N)
		return spearman_exact(n, is, lower);

	b = 1.0 / nn;
	/* rho * sqrt(n - 1), about standard normal */
	x = (6.0 * (is - 1.0) * b / (nn * nn - 1.0) - 1.0) * sqrt(nn - 1.0);
	y = x * x;
	u = x * b * (c1 + b * (c2 + c3 * b) +
				 y * (-c4 + b * (c5 + c6 * b) -
					  y * b * (c7 + c8 * b -
							   y * (c9 - c10 * b + y * b * (c11 - c12 * y)))));
	y = u / exp(y / 2.0);
	p = (lower ? -y : y) + dist_pnorm(x, 0.0, 1.0, lower);
	if (p < 0.0)
		p = 0.0;
	if (p > 1.0)
		p = 1.0;
	return p;
}

/*
 * R's pspearman(q, n, lower.tail): P[S <= q] (lower) or P[S >= q], by
 * AS 89 when exact, else by the t approximation.  `one_minus_rho` is the
 * accurate 1 - rho of the data (the t approximation's r is 1 - q / den,
 * i.e. rho itself).
 */
static double
spearman_tail(int64 n, double q, double one_minus_rho, bool exact, bool lower)
{
	double		nn = (double) n;
	double		rho,
				t;

	if (exact)
		return spearman_as89((int) n, round(q) + (lower ? 2.0 : 0.0), lower);
	if (n <= 2)
		return NAN;
	rho = 1.0 - one_minus_rho;
	/* 1 - rho^2 = (1 - rho)(1 + rho), without cancellation near rho = 1 */
	t = rho / sqrt(one_minus_rho * (2.0 - one_minus_rho) / (nn - 2.0));
	return dist_pt(t, nn - 2.0, !lower);
}

/*
 * Spearman's test on pairs sorted by (x, y): see the header comment.
 */
static void
spearman_test(const RankPair *pairs, int64 n, Alternative alt, RankCorResult *r)
{
	RankPair   *by_y = palloc(sizeof(RankPair) * n);
	__int128	saa = 0,
				sbb = 0,
				sab = 0,
				dd = 0;
	bool		ties = false;
	double		sq_aa,
				sq_bb,
				e,
				one_minus_rho,
				nn = (double) n,
				den,
				q,
				p;
	bool		exact;
	int64		i;

	/*
	 * a = 2 midrank(x) - (n + 1): a group of equal x at the 1-based
	 * positions i + 1 .. j has 2 midrank = (i + 1) + j.  Kept in by_y[].x
	 * beside its y.
	 */
	i = 0;
	while (i < n)
	{
		int64		j = i + 1;
		int64		k;

		while (j < n && pairs[j].x == pairs[i].x)
			j++;
		if (j - i > 1)
			ties = true;
		for (k = i; k < j; k++)
		{
			by_y[k].x = (double) ((i + 1) + j - (n + 1));
			by_y[k].y = pairs[k].y;
		}
		i = j;
	}
	/* b = 2 midrank(y) - (n + 1), from the pairs sorted by y */
	qsort(by_y, n, sizeof(RankPair), pair_cmp_y);
	sample_check_interrupts();
	i = 0;
	while (i < n)
	{
		int64		j = i + 1;
		int64		b;
		int64		k;

		while (j < n && by_y[j].y == by_y[i].y)
			j++;
		if (j - i > 1)
			ties = true;
		b = (i + 1) + j - (n + 1);
		for (k = i; k < j; k++)
		{
			int64		a = (int64) by_y[k].x;

			saa += (__int128) a * a;
			sbb += (__int128) b * b;
			sab += (__int128) a * b;
			dd += (__int128) (a - b) * (a - b);
		}
		i = j;
	}
	pfree(by_y);

	if (saa == 0 || sbb == 0)
	{
		/* every x (or every y) tied: no correlation is defined */
		r->statistic = r->p_value = r->estimate = NAN;
		return;
	}
	sq_aa = sqrt((double) saa);
	sq_bb = sqrt((double) sbb);
	e = ((double) saa - (double) sbb) / (sq_aa + sq_bb);	/* sqrt(Saa) - sqrt(Sbb) */
	one_minus_rho = ((double) dd - e * e) / (2.0 * sq_aa * sq_bb);
	r->estimate = (double) ((long double) sab / sqrtl((long double) saa * (long double) sbb));
	den = nn * (nn * nn - 1.0) / 6.0;
	q = ties ? den * one_minus_rho : (double) dd / 4.0;
	r->statistic = q;

	exact = !ties && n <= SPEARMAN_EXACT_MAX_N;
	r->method = !exact ? METHOD_SPEARMAN " (t approximation, statistic S)" :
		n <= SPEARMAN_ENUM_MAX_N ? METHOD_SPEARMAN " (exact, statistic S)" :
		METHOD_SPEARMAN " (Edgeworth series, statistic S)";
	switch (alt)
	{
		case ALT_TWO_SIDED:
			/* the tail on the side of q, doubled (S > den: rho < 0) */
			p = spearman_tail(n, q, one_minus_rho, exact, !(q > den));
			p = Min(2.0 * p, 1.0);
			break;
		case ALT_GREATER:
			p = spearman_tail(n, q, one_minus_rho, exact, true);
			break;
		default:
			p = spearman_tail(n, q, one_minus_rho, exact, false);
			break;
	}
	r->p_value = p;
}

/* ---------------------------------------------------------------------
 * Kendall
 * ---------------------------------------------------------------------
 */

/*
 * P[T <= q] (lower) or P[T >= q] for T the number of concordant pairs of n
 * untied pairs under independence: T has the distribution of the number
 * of inversions of a random permutation, whose counts (the Mahonian
 * numbers) obey M(m, k) = sum_{j = 0}^{min(k, m - 1)} M(m - 1, k - j).
 * The sums are formed term by term (O(n^4 / 16), 360,000 additions at
 * n = 49) rather than as differences of prefix sums, which would cancel in
 * the tails; all terms are positive, so every count and both tails keep
 * ~1e-14 relative (the counts reach 49! ~ 6e62, fine in doubles).
 */
static double
kendall_exact(int n, double q, bool lower)
{
	int			nmax = n * (n - 1) / 2;
	double	   *row = palloc0(sizeof(double) * (nmax + 1));
	double	   *next = palloc0(sizeof(double) * (nmax + 1));
	double		total = 0.0,
				tail = 0.0;
	int			m,
				k,
				j;

	row[0] = 1.0;
	for (m = 2; m <= n; m++)
	{
		int			top = m * (m - 1) / 2;
		double	   *swap;

		for (k = 0; k <= top; k++)
		{
			double		sum = 0.0;

			for (j = Max(0, k - (m - 1) * (m - 2) / 2); j <= Min(k, m - 1); j++)
				sum += row[k - j];
			next[k] = sum;
		}
		swap = row;
		row = next;
		next = swap;
	}
	/* each tail summed from its far end, small terms first */
	for (k = nmax; k >= 0; k--)
	{
		total += row[k];
		if (!lower && (double) k >= q)
			tail += row[k];
	}
	if (lower)
		for (k = 0; k <= nmax && (double) k <= q; k++)
			tail += row[k];
	pfree(row);
	pfree(next);
	return tail / total;
}

/*
 * Kendall's test on pairs sorted by (x, y): see the header comment.
 */
static void
kendall_test(const RankPair *pairs, int64 n, Alternative alt, RankCorResult *r)
{
	double	   *v = palloc(sizeof(double) * n);
	double	   *tmp = palloc(sizeof(double) * n);
	double	   *xs = v;
	TieSums		tx,
				ty;
	int64		n0 = n * (n - 1) / 2;
	int64		n3 = 0;
	int64		swaps;
	int64		s;
	int64		i;
	double		nn = (double) n;
	double		z,
				p;

	/* x ties, and pairs tied in both x and y */
	for (i = 0; i < n; i++)
		xs[i] = pairs[i].x;
	tie_sums(xs, n, &tx);
	i = 0;
	while (i < n)
	{
		int64		j = i + 1;

		while (j < n && pairs[j].x == pairs[i].x && pairs[j].y == pairs[i].y)
			j++;
		n3 += (j - i) * (j - i - 1) / 2;
		i = j;
	}
	/* discordant pairs: exchanges sorting y; then y ties */
	for (i = 0; i < n; i++)
		v[i] = pairs[i].y;
	swaps = merge_count(v, tmp, n);
	tie_sums(v, n, &ty);
	pfree(v);
	pfree(tmp);

	if (n0 - tx.pairs == 0 || n0 - ty.pairs == 0)
	{
		r->statistic = r->p_value = r->estimate = NAN;
		return;
	}
	/* C - D */
	s = n0 - tx.pairs - ty.pairs + n3 - 2 * swaps;
	r->estimate = (double) s / sqrt((double) (n0 - tx.pairs) * (double) (n0 - ty.pairs));

	if (!tx.any && !ty.any && n <= KENDALL_EXACT_MAX_N)
	{
		/* T = C = (n0 + C - D) / 2 */
		double		t = (double) ((n0 + s) / 2);

		r->method = METHOD_KENDALL " (exact, statistic T)";
		r->statistic = t;
		switch (alt)
		{
			case ALT_TWO_SIDED:
				p = kendall_exact((int) n, t, !(t > (double) n0 / 2.0));
				p = Min(2.0 * p, 1.0);
				break;
			case ALT_GREATER:
				p = kendall_exact((int) n, t, false);
				break;
			default:
				p = kendall_exact((int) n, t, true);
				break;
		}
		r->p_value = p;
		return;
	}
	else
	{
		double		v0 = nn * (nn - 1.0) * (2.0 * nn + 5.0);
		double		var = (v0 - tx.t_2t5 - ty.t_2t5) / 18.0
			+ tx.t_t1 * ty.t_t1 / (2.0 * nn * (nn - 1.0))
			+ (n > 2 ? tx.t_t1_t2 * ty.t_t1_t2 / (9.0 * nn * (nn - 1.0) * (nn - 2.0)) : NAN);

		z = (double) s / sqrt(var);
		r->method = METHOD_KENDALL " (normal approximation, statistic z)";
		r->statistic = z;
		if (isnan(z))
			p = NAN;
		else if (alt == ALT_TWO_SIDED)
			p = Min(2.0 * dist_pnorm(-fabs(z), 0.0, 1.0, true), 1.0);
		else
			p = dist_pnorm(z, 0.0, 1.0, alt == ALT_LESS);
		r->p_value = p;
	}
}

/*
 * rank_cor_test: sort the pairs by (x, y), then Spearman's or Kendall's
 * test.  Fewer than two pairs leave every field undefined (R stops with
 * "not enough finite observations").
 */
void
rank_cor_test(RankPair *pairs, int64 n, RankCorMethod method, Alternative alt,
			  RankCorResult *r)
{
	r->n = n;
	r->method = method == RANKCOR_KENDALL ? METHOD_KENDALL : METHOD_SPEARMAN;
	if (n < 2)
	{
		r->statistic = r->p_value = r->estimate = NAN;
		return;
	}
	qsort(pairs, n, sizeof(RankPair), pair_cmp);
	sample_check_interrupts();
	if (method == RANKCOR_KENDALL)
		kendall_test(pairs, n, alt, r);
	else
		spearman_test(pairs, n, alt, r);
}
