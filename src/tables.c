/*-------------------------------------------------------------------------
 *
 * tables.c
 *	  Count tables and experiment-health numerics (pure C over GSL).
 *
 * Pearson's chi-square tests follow R's chisq.test (R Core, src/library/
 * stats/R/chisq.test.R); Fisher's exact test for a 2x2 table follows R's
 * fisher.test (stats/R/fisher.test.R), which conditions on the margins so
 * that the top-left count has Fisher's noncentral hypergeometric
 * distribution with the odds ratio as parameter; the interaction test is
 * Welch's unequal-variance t statistic for a contrast of four means with
 * Satterthwaite's (1946) approximate degrees of freedom.
 *
 * Counts are exact integers (the SQL layer keeps every total below 2^53,
 * so they are exact as doubles too); where a statistic involves differences
 * of large products it is computed in 128-bit integer arithmetic, so counts
 * near 10^12 lose nothing.
 *
 *-------------------------------------------------------------------------
 */
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stddef.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_roots.h>

#include "critical.h"
#include "dist.h"
#include "tables.h"

void		(*tables_interrupt_hook) (void) = NULL;

/* How often (in summation steps) the interrupt hook is called. */
#define INTERRUPT_EVERY		(1 << 16)

/* ---------------------------------------------------------------------
 * Pearson's chi-square tests
 * ---------------------------------------------------------------------
 */

/*
 * chisq_gof: Pearson's goodness-of-fit test of the counts x[0..k-1]
 * against the probabilities p (uniform when p is NULL), as R's
 * chisq.test(x, p = p, rescale.p = TRUE):
 *
 *		X^2 = sum (x_i - E_i)^2 / E_i,	E_i = n p_i,  df = k - 1,
 *
 * with p used as given when |sum(p) - 1| <= sqrt(DBL_EPSILON) and
 * rescaled to p / sum(p) otherwise, exactly R's rule (R's default p is
 * rep(1/k, k), used as given).
 *
 * When every count equals its expected count as R computes it (the double
 * n * p_i, with p_i rescaled in double as R does) X^2 is exactly 0, as in
 * R, instead of the rounding noise of the expected counts.  Otherwise the
 * deviations are computed as exactly as we can: for uniform p as
 * (k x_i - n) / k in 128-bit integers, X^2 = sum (k x_i - n)^2 / (k n);
 * for a given p in long double (as R's sum()), E_i = n p_i / sum(p), each
 * term as d (d / E_i), so that weights near the float8 limits (a sum
 * beyond DBL_MAX, a subnormal 5e-324) neither overflow nor lose their
 * digits: a count x_i > 0 whose expected count is below ~1e-308 gives a
 * statistic beyond DBL_MAX, i.e. Infinity with p-value 0, and a zero count
 * with a tiny expected count adds that tiny E_i.  n = 0 leaves X^2
 * undefined (R stops with an error; we return NAN, i.e. NULL fields).
 */
void
chisq_gof(const int64_t *x, int k, const double *p, ChisqResult *r)
{
	int64_t		n = 0;
	double		dn;
	bool		all_expected = true;
	double		stat = 0.0;
	int			i;

	for (i = 0; i < k; i++)
		n += x[i];
	dn = (double) n;

	r->method = "Chi-squared test for given probabilities";
	r->df = (double) (k - 1);
	if (n == 0)
	{
		r->statistic = NAN;
		r->p_value = NAN;
		return;
	}

	if (p == NULL)
	{
		double		share = 1.0 / (double) k;	/* R's p, used as given */

		for (i = 0; i < k; i++)
		{
			__int128	dev = (__int128) k * x[i] - n;
			double		ddev = (double) dev;

			stat += ddev * ddev;
			if ((double) x[i] != dn * share)
				all_expected = false;
		}
		stat /= (double) k * dn;
	}
	else
	{
		long double psum = 0.0L;
		long double lstat = 0.0L;
		double		dsum;
		bool		rescale;

		for (i = 0; i < k; i++)
			psum += p[i];
		dsum = (double) psum;	/* R's sum(p) */
		rescale = !(fabs(dsum - 1.0) <= sqrt(DBL_EPSILON));
		for (i = 0; i < k; i++)
		{
			double		share = rescale ? p[i] / dsum : p[i];
			long double e = rescale ? (long double) n * p[i] / psum
				: (long double) n * p[i];
			long double d = (long double) x[i] - e;

			if ((double) x[i] != dn * share)
				all_expected = false;
			if (e > 0.0L)
				lstat += d * (d / e);
			else if (x[i] > 0)
				lstat = INFINITY;	/* cannot happen: e >= 5e-324 / (k DBL_MAX) */
		}
		stat = (double) lstat;
	}
	r->statistic = all_expected ? 0.0 : stat;
	r->p_value = dist_pchisq(r->statistic, r->df, false);
}

/*
 * chisq_independence: Pearson's test of independence of the rows and
 * columns of the nrow x ncol table x (row-major), as R's chisq.test(x):
 *
 *		X^2 = sum (|x_ij - E_ij| - Y)^2 / E_ij,	E_ij = r_i c_j / n,
 *		df = (nrow - 1)(ncol - 1),
 *
 * with Yates' continuity correction Y = min(0.5, min |x_ij - E_ij|) for a
 * 2x2 table when `correct`, else Y = 0 (r->method names the correction
 * when Y > 0, as R's).  With D_ij = n x_ij - r_i c_j
 * (exact in 128-bit integers) each term is (|D_ij| - n Y)^2 / (n r_i c_j),
 * and n Y is either n / 2 or min |D_ij|, so the numerator is exact too.
 * A zero row or column total makes some E_ij zero and X^2 undefined (R
 * returns NaN); so does n = 0 (R stops): we return NAN.  rs and cs are
 * workspace for the nrow row and ncol column totals.
 */
void
chisq_independence(const int64_t *x, int nrow, int ncol, bool correct,
				   int64_t *rs, int64_t *cs, ChisqResult *r)
{
	int64_t		n = 0;
	bool		empty_margin = false;
	__int128	dmin = -1;
	bool		yates = correct && nrow == 2 && ncol == 2;
	bool		half = false;
	double		stat = 0.0;
	int			i,
				j;

	r->method = "Pearson's Chi-squared test";
	r->df = (double) (nrow - 1) * (double) (ncol - 1);
	for (i = 0; i < nrow; i++)
		rs[i] = 0;
	for (j = 0; j < ncol; j++)
		cs[j] = 0;
	for (i = 0; i < nrow; i++)
		for (j = 0; j < ncol; j++)
		{
			rs[i] += x[i * ncol + j];
			cs[j] += x[i * ncol + j];
			n += x[i * ncol + j];
		}
	for (i = 0; i < nrow; i++)
		if (rs[i] == 0)
			empty_margin = true;
	for (j = 0; j < ncol; j++)
		if (cs[j] == 0)
			empty_margin = true;
	if (empty_margin)
	{
		r->statistic = NAN;
		r->p_value = NAN;
		return;
	}

	if (yates)
	{
		/* Y = min(0.5, min |D| / n): is it 0.5, or min |D| / n? */
		for (i = 0; i < nrow; i++)
			for (j = 0; j < ncol; j++)
			{
				__int128	d = (__int128) n * x[i * ncol + j] - (__int128) rs[i] * cs[j];

				if (d < 0)
					d = -d;
				if (dmin < 0 || d < dmin)
					dmin = d;
			}
		half = 2 * dmin >= (__int128) n;
		/* R names the correction only when it is not 0 */
		if (half || dmin > 0)
			r->method = "Pearson's Chi-squared test with Yates' continuity correction";
	}

	for (i = 0; i < nrow; i++)
		for (j = 0; j < ncol; j++)
		{
			__int128	d = (__int128) n * x[i * ncol + j] - (__int128) rs[i] * cs[j];
			double		num;

			if (d < 0)
				d = -d;
			if (yates && half)
			{
				/* (|D| - n/2)^2 = (2|D| - n)^2 / 4 */
				double		t = (double) (2 * d - n);

				num = t * t / 4.0;
			}
			else if (yates)
			{
				double		t = (double) (d - dmin);

				num = t * t;
			}
			else
			{
				double		t = (double) d;

				num = t * t;
			}
			stat += num / ((double) n * (double) rs[i] * (double) cs[j]);
		}
	r->statistic = stat;
	r->p_value = dist_pchisq(stat, r->df, false);
}

/* ---------------------------------------------------------------------
 * Fisher's exact test for a 2x2 table
 *
 * For the table [[a, b], [c, d]] with first-column total m = a + c,
 * second-column total n = b + d and first-row total k = a + b, the count a
 * given the margins has Fisher's noncentral hypergeometric distribution
 *
 *		P(X = u) = C(m, u) C(n, k - u) w^u / sum_v C(m, v) C(n, k - v) w^v,
 *		u = lo..hi,  lo = max(0, k - n),  hi = min(k, m),
 *
 * with w the odds ratio.  R's fisher.test evaluates every term of the
 * support with dhyper(); here the terms are generated from the mode outward
 * by the exact ratio of successive terms
 *
 *		t(u + 1) / t(u) = (m - u)(k - u) w / ((u + 1)(n - k + u + 1)),
 *
 * scaled so that the mode is 1 (no overflow, no lgamma of 10^12-sized
 * arguments whose rounding would swamp the differences), and the walk stops
 * once the rest of a tail is provably negligible: the distribution is
 * log-concave, so beyond the mode the ratios only decrease and the rest of
 * a tail is at most t q / (1 - q) for the current term t and ratio q.  Only
 * a window of some tens of standard deviations around the mode is visited,
 * so the cost grows like sqrt(n), not n.
 * ---------------------------------------------------------------------
 */

/* The margins of the table and the observed count. */
typedef struct NCHyper
{
	double		m;
	double		n;
	double		k;
	int64_t		lo;
	int64_t		hi;
	int64_t		x;
} NCHyper;

/* Sums over the support at one odds ratio, all relative to the mode. */
typedef struct NCHSums
{
	double		total;			/* sum of t(u) */
	double		below;			/* sum over u <= x (lt + at_x) */
	double		above;			/* sum over u >= x (gt + at_x) */
	double		lt;				/* sum over u < x */
	double		gt;				/* sum over u > x */
	double		at_x;			/* t(x), when the walk reached x */
	double		dev;			/* sum of (u - x) t(u) */
	double		twosided;		/* sum of t(u) <= thr */
} NCHSums;

/* Relative size below which the rest of a tail is dropped. */
#define NCH_NEGLIGIBLE	1e-18

/* R's tolerance for "no more likely than the observed table". */
#define FISHER_RELERR	(1.0 + 1e-7)

/* t(u + 1) / t(u) at odds ratio w. */
static inline double
nch_ratio(const NCHyper *h, int64_t u, double w)
{
	double		ud = (double) u;

	return (h->m - ud) * (h->k - ud) / ((ud + 1.0) * (h->n - h->k + ud + 1.0)) * w;
}

/*
 * nch_mode: the largest u in [lo, hi] with t(u) >= t(u - 1), found by
 * bisection on the ratio (decreasing in u by log-concavity).
 */
static int64_t
nch_mode(const NCHyper *h, double w)
{
	int64_t		a = h->lo,
				b = h->hi;

	/* invariant: mode in [a, b] */
	while (a < b)
	{
		int64_t		mid = a + (b - a + 1) / 2;

		if (nch_ratio(h, mid - 1, w) >= 1.0)
			a = mid;
		else
			b = mid - 1;
	}
	return a;
}

static inline void
nch_interrupt(int64_t step)
{
	if ((step & (INTERRUPT_EVERY - 1)) == 0 && tables_interrupt_hook)
		tables_interrupt_hook();
}

/*
 * nch_term_at_x: t(x) relative to the mode, by walking from the mode.
 */
static double
nch_term_at_x(const NCHyper *h, double w, int64_t mode)
{
	double		t = 1.0;
	int64_t		u;

	if (h->x > mode)
	{
		for (u = mode; u < h->x && t >= DBL_MIN; u++)
		{
			t *= nch_ratio(h, u, w);
			nch_interrupt(u);
		}
	}
	else
	{
		for (u = mode; u > h->x && t >= DBL_MIN; u--)
		{
			t /= nch_ratio(h, u - 1, w);
			nch_interrupt(u);
		}
	}
	return (t >= DBL_MIN) ? t : 0.0;
}

/*
 * nch_walk: add the terms on one side of the mode (dir = +1: mode + 1 .. hi,
 * dir = -1: mode - 1 .. lo) to s.  `thr` is the two-sided threshold (terms
 * <= thr count towards s->twosided; pass -1 when not needed).  The walk
 * ends at the edge of the support, on underflow, or once every cut point
 * on this side (the first term beyond x, x + dir, and the threshold
 * crossing) is passed and the rest of the tail is below NCH_NEGLIGIBLE of
 * the sum since the last cut point, so that each tail sum (u < x, u <= x,
 * u >= x, u > x) keeps its relative precision however small it is beside
 * the mode.
 */
static void
nch_walk(const NCHyper *h, double w, int64_t mode, int dir, double thr,
		 NCHSums *s)
{
	double		t = 1.0;
	double		since_cut = 1.0;	/* the mode itself */
	int64_t		cut = h->x + dir;	/* the first term strictly beyond x */
	bool		x_pending = (dir > 0) ? (cut > mode) : (cut < mode);
	bool		thr_pending = thr >= 0.0 && thr < 1.0;
	int64_t		u = mode;

	for (;;)
	{
		double		q;

		/* ratio from u to the next term outward */
		if (dir > 0)
		{
			if (u >= h->hi)
				break;
			q = nch_ratio(h, u, w);
		}
		else
		{
			if (u <= h->lo)
				break;
			q = 1.0 / nch_ratio(h, u - 1, w);
		}

		/* can we stop before the next term? */
		if (!x_pending && !thr_pending && q < 1.0 &&
			t * q / (1.0 - q) <= NCH_NEGLIGIBLE * since_cut)
			break;

		t *= q;
		u += dir;
		if (t < DBL_MIN)
			break;				/* underflow: the rest is below 1e-308 too
								 * (stopping at subnormals, where t *= q no
								 * longer shrinks t when q is near 1) */

		if (x_pending && u == cut)
		{
			x_pending = false;
			since_cut = 0.0;
		}
		if (thr_pending && t <= thr)
		{
			thr_pending = false;
			since_cut = 0.0;
		}
		since_cut += t;

		s->total += t;
		if (u < h->x)
			s->lt += t;
		else if (u > h->x)
			s->gt += t;
		else
			s->at_x = t;
		s->dev += (double) (u - h->x) * t;
		if (t <= thr)
			s->twosided += t;
		nch_interrupt(u);
	}
}

/*
 * nch_sums: all the sums at odds ratio w; the two-sided sum only when
 * want_two_sided (it needs an extra walk to find t(x) first).
 */
static void
nch_sums(const NCHyper *h, double w, bool want_two_sided, NCHSums *s)
{
	int64_t		mode = nch_mode(h, w);
	double		thr = -1.0;

	if (want_two_sided)
		thr = nch_term_at_x(h, w, mode) * FISHER_RELERR;

	s->total = 1.0;
	s->lt = (mode < h->x) ? 1.0 : 0.0;
	s->gt = (mode > h->x) ? 1.0 : 0.0;
	s->at_x = (mode == h->x) ? 1.0 : 0.0;
	s->dev = (double) (mode - h->x);
	s->twosided = (1.0 <= thr) ? 1.0 : 0.0;

	nch_walk(h, w, mode, +1, thr, s);
	nch_walk(h, w, mode, -1, thr, s);
	s->below = s->lt + s->at_x;
	s->above = s->gt + s->at_x;
}

/*
 * What a root search solves for, as a function of log(w).  The strict
 * tails serve the bounds at conf_level below 1/2, where 1 - conf_level
 * would round: P(X <= x) = 1 - c is solved as P(X > x) = c.
 */
typedef enum NCHTarget
{
	NCH_MEAN,					/* E[X] - x */
	NCH_LOWER_TAIL,				/* P(X <= x) - alpha */
	NCH_UPPER_TAIL,				/* P(X >= x) - alpha */
	NCH_STRICT_LOWER_TAIL,		/* P(X < x) - alpha */
	NCH_STRICT_UPPER_TAIL		/* P(X > x) - alpha */
} NCHTarget;

typedef struct NCHProblem
{
	const NCHyper *h;
	const NCHyper *mirror;		/* the table with its columns swapped */
	NCHTarget	target;
	double		alpha;
} NCHProblem;

/*
 * nch_mirror: the table with its columns swapped, [[b, a], [d, c]]: its
 * top-left count is k - X, with odds ratio 1/w.
 */
static void
nch_mirror(const NCHyper *h, NCHyper *m)
{
	m->m = h->n;
	m->n = h->m;
	m->k = h->k;
	m->lo = (int64_t) h->k - h->hi;
	m->hi = (int64_t) h->k - h->lo;
	m->x = (int64_t) h->k - h->x;
}

/* Above this log(w) the objective is evaluated on the mirrored table. */
#define NCH_MIRROR_ABOVE	300.0

/*
 * nch_objective: the target at w = exp(theta).  Far above w = 1 it is
 * evaluated on the mirrored table at 1/w (P_w(X <= x) = P'_{1/w}(X' >= x'),
 * E_w[X] - x = -(E'[X'] - x')), so the term ratios, up to 2^106 w, never
 * overflow however far the search goes (w up to e^745).
 */
static double
nch_objective(double theta, void *arg)
{
	NCHProblem *pr = (NCHProblem *) arg;
	NCHSums		s;
	bool		mirrored = theta > NCH_MIRROR_ABOVE;

	nch_sums(mirrored ? pr->mirror : pr->h, exp(mirrored ? -theta : theta), false, &s);
	switch (pr->target)
	{
		case NCH_MEAN:
			return (mirrored ? -s.dev : s.dev) / s.total;
		case NCH_LOWER_TAIL:
			return (mirrored ? s.above : s.below) / s.total - pr->alpha;
		case NCH_UPPER_TAIL:
			return (mirrored ? s.below : s.above) / s.total - pr->alpha;
		case NCH_STRICT_LOWER_TAIL:
			return (mirrored ? s.gt : s.lt) / s.total - pr->alpha;
		case NCH_STRICT_UPPER_TAIL:
			return (mirrored ? s.lt : s.gt) / s.total - pr->alpha;
	}
	return NAN;
}

/*
 * Largest |log w| searched: exp(-745) underflows to 0 (and 1/w, by the
 * mirror, never overflows).
 */
#define NCH_THETA_MAX	745.0

/*
 * nch_guess: a starting point for the root search in log(w): the empirical
 * log odds ratio with Haldane's 1/2 added to every cell, shifted by z
 * standard errors (Woolf's sqrt(sum 1 / (cell + 1/2))) for an interval
 * bound; *scale is that standard error, the first step of the bracket
 * search.  Starting near the root instead of at w = 1 matters for large
 * tables, where each evaluation far from the root walks a long way.
 */
static double
nch_guess(const NCHyper *h, double z, double *scale)
{
	double		a = (double) h->x + 0.5;
	double		b = h->k - (double) h->x + 0.5;
	double		c = h->m - (double) h->x + 0.5;
	double		d = h->n - (h->k - (double) h->x) + 0.5;
	double		se = sqrt(1.0 / a + 1.0 / b + 1.0 / c + 1.0 / d);

	*scale = se;
	return log(a) + log(d) - log(b) - log(c) + z * se;
}

/*
 * nch_solve: the root in theta = log(w) of the objective, known to lie
 * below 0 (negative = true) or above 0, where the objective is f0.  A
 * bracket is searched for from `guess` (moved to the right side of 0 if
 * needed) in doubling steps starting at `step`, then the root is polished
 * with Brent's method (GSL's gsl_root_fsolver_brent) to an absolute
 * tolerance of 1e-13 in log(w), i.e. 1e-13 relative in w.  This is R's
 * uniroot() search on the same function, but to full precision (uniroot's
 * default tolerance in fisher.test is only about 1.2e-4).  Returns w;
 * 0 or +Inf if the root lies beyond NCH_THETA_MAX; NAN if GSL failed.
 */
static double
nch_solve(const NCHyper *h, NCHTarget target, double alpha, bool negative,
		  double f0, double guess, double step)
{
	NCHyper		mirror;
	NCHProblem	pr = {h, &mirror, target, alpha};
	gsl_function F = {nch_objective, &pr};
	double		dir = negative ? -1.0 : 1.0;	/* away from 0 */
	double		near,
				f_near,
				far,
				f_far;
	/*
	 * Allocated once per backend and kept: query cancellation longjmps out
	 * of the objective (nch_interrupt), past any free, so a per-call
	 * solver would leak at every cancel.  gsl_root_fsolver_set
	 * re-initialises it.
	 */
	static gsl_root_fsolver *solver = NULL;
	double		root = NAN;
	int			iter;
	int			status;

	nch_mirror(h, &mirror);
	step = fmax(step, 1e-9);
	if (dir * guess <= 0.0)
		guess = dir * step;
	guess = fmax(-NCH_THETA_MAX, fmin(NCH_THETA_MAX, guess));
	far = guess;
	f_far = nch_objective(far, &pr);
	if (f_far == 0.0)
		return exp(far);
	if ((f_far > 0.0) == (f0 > 0.0))
	{
		/* the root is further from 0 than the guess */
		do
		{
			if (fabs(far) >= NCH_THETA_MAX)
				return negative ? 0.0 : INFINITY;
			near = far;
			f_near = f_far;
			far = fmax(-NCH_THETA_MAX, fmin(NCH_THETA_MAX, far + dir * step));
			step *= 2.0;
			f_far = nch_objective(far, &pr);
		} while ((f_far > 0.0) == (f0 > 0.0) && f_far != 0.0);
	}
	else
	{
		/* the root lies between 0 and the guess */
		near = far;
		f_near = f_far;
		do
		{
			far = near;
			f_far = f_near;
			near = far - dir * step;
			step *= 2.0;
			if (dir * near <= 0.0)
			{
				near = 0.0;
				f_near = f0;
				break;
			}
			f_near = nch_objective(near, &pr);
		} while ((f_near > 0.0) != (f0 > 0.0) && f_near != 0.0);
	}
	if (f_far == 0.0)
		return exp(far);
	if (f_near == 0.0)
		return exp(near);

	if (solver == NULL)
		solver = gsl_root_fsolver_alloc(gsl_root_fsolver_brent);
	if (solver == NULL)
		return NAN;
	status = gsl_root_fsolver_set(solver, &F, fmin(near, far), fmax(near, far));
	for (iter = 0; status == GSL_SUCCESS && iter < 200; iter++)
	{
		status = gsl_root_fsolver_iterate(solver);
		if (status != GSL_SUCCESS)
			break;
		root = gsl_root_fsolver_root(solver);
		status = gsl_root_test_interval(gsl_root_fsolver_x_lower(solver),
										gsl_root_fsolver_x_upper(solver),
										1e-13, 0.0);
		if (status == GSL_SUCCESS)
			break;
		if (status == GSL_CONTINUE)
			status = GSL_SUCCESS;
	}
	if (status != GSL_SUCCESS)
		return NAN;
	return exp(root);
}

/*
 * fisher_mle: R's conditional maximum-likelihood odds ratio, the w with
 * E_w[X] = x; 0 at x = lo, +Inf at x = hi (checked in that order, like R).
 */
static double
fisher_mle(const NCHyper *h)
{
	NCHSums		s;
	double		guess,
				step;

	if (h->x == h->lo)
		return 0.0;
	if (h->x == h->hi)
		return INFINITY;
	nch_sums(h, 1.0, false, &s);
	if (s.dev == 0.0)
		return 1.0;
	guess = nch_guess(h, 0.0, &step);
	return nch_solve(h, NCH_MEAN, 0.0, s.dev > 0.0, s.dev / s.total, guess, step);
}

/*
 * R's ncp.U: the w with P_w(X <= x) = alpha; +Inf at x = hi.  calpha is
 * 1 - alpha, exact (both come from conf_level); above alpha = 1/2 the
 * equivalent P_w(X > x) = calpha is solved instead, which keeps the
 * digits of a tiny calpha (a one-sided interval at a conf_level near 0).
 */
static double
fisher_ncp_upper(const NCHyper *h, double alpha, double calpha)
{
	NCHSums		s;
	double		p,
				guess,
				step;

	if (h->x == h->hi)
		return INFINITY;
	nch_sums(h, 1.0, false, &s);
	if (alpha <= calpha)
	{
		p = s.below / s.total;
		if (p == alpha)
			return 1.0;
		guess = nch_guess(h, dist_qnorm(alpha, 0.0, 1.0, false), &step);
		return nch_solve(h, NCH_LOWER_TAIL, alpha, p < alpha, p - alpha, guess, step);
	}
	p = s.gt / s.total;
	if (p == calpha)
		return 1.0;
	guess = nch_guess(h, dist_qnorm(calpha, 0.0, 1.0, true), &step);
	return nch_solve(h, NCH_STRICT_UPPER_TAIL, calpha, p > calpha, p - calpha, guess, step);
}

/*
 * R's ncp.L: the w with P_w(X >= x) = alpha; 0 at x = lo.  Above
 * alpha = 1/2, P_w(X < x) = calpha instead (see fisher_ncp_upper).
 */
static double
fisher_ncp_lower(const NCHyper *h, double alpha, double calpha)
{
	NCHSums		s;
	double		p,
				guess,
				step;

	if (h->x == h->lo)
		return 0.0;
	nch_sums(h, 1.0, false, &s);
	if (alpha <= calpha)
	{
		p = s.above / s.total;
		if (p == alpha)
			return 1.0;
		guess = nch_guess(h, -dist_qnorm(alpha, 0.0, 1.0, false), &step);
		return nch_solve(h, NCH_UPPER_TAIL, alpha, p > alpha, p - alpha, guess, step);
	}
	p = s.lt / s.total;
	if (p == calpha)
		return 1.0;
	guess = nch_guess(h, -dist_qnorm(calpha, 0.0, 1.0, true), &step);
	return nch_solve(h, NCH_STRICT_LOWER_TAIL, calpha, p < calpha, p - calpha, guess, step);
}

/*
 * fisher_2x2: R's fisher.test(matrix(c(a, c, b, d), 2), alternative,
 * conf.level) for the table [[a, b], [c, d]]: the p-value under odds ratio
 * 1 (two-sided: the total probability of the tables no more likely than
 * the observed one, with R's relative tolerance 1e-7), the conditional MLE
 * of the odds ratio and the exact (Cornfield) confidence interval obtained
 * by inverting the two one-sided tests.  Returns false if a root search
 * failed (GSL status).
 */
bool
fisher_2x2(int64_t a, int64_t b, int64_t c, int64_t d, TablesSide side,
		   double conf_level, FisherResult *r)
{
	NCHyper		h;
	NCHSums		s;
	int64_t		m = a + c,
				n = b + d,
				k = a + b;

	h.m = (double) m;
	h.n = (double) n;
	h.k = (double) k;
	h.lo = (k - n > 0) ? k - n : 0;
	h.hi = (k < m) ? k : m;
	h.x = a;

	nch_sums(&h, 1.0, side == TABLES_TWO_SIDED, &s);
	switch (side)
	{
		case TABLES_LESS:
			r->p_value = s.below / s.total;
			r->ci_lower = 0.0;
			r->ci_upper = fisher_ncp_upper(&h, 1.0 - conf_level, conf_level);
			break;
		case TABLES_GREATER:
			r->p_value = s.above / s.total;
			r->ci_lower = fisher_ncp_lower(&h, 1.0 - conf_level, conf_level);
			r->ci_upper = INFINITY;
			break;
		case TABLES_TWO_SIDED:
			r->p_value = s.twosided / s.total;
			/* alpha / 2 <= 1/2: always the first form */
			r->ci_lower = fisher_ncp_lower(&h, (1.0 - conf_level) / 2.0,
										   (1.0 + conf_level) / 2.0);
			r->ci_upper = fisher_ncp_upper(&h, (1.0 - conf_level) / 2.0,
										   (1.0 + conf_level) / 2.0);
			break;
	}
	r->p_value = fmin(r->p_value, 1.0);
	r->odds_ratio = fisher_mle(&h);

	return !(isnan(r->odds_ratio) || isnan(r->ci_lower) || isnan(r->ci_upper));
}

/* ---------------------------------------------------------------------
 * Interaction of two overlapping experiments
 * ---------------------------------------------------------------------
 */

/*
 * interaction_welch: the difference in A's effect between B's arms from
 * the four cells 0 = a0b0, 1 = a0b1, 2 = a1b0, 3 = a1b1:
 *
 *		estimate = (mean_3 - mean_1) - (mean_2 - mean_0),
 *		se^2 = sum s_i^2 / n_i,
 *		t = estimate / se,
 *		df = se^4 / sum (s_i^2 / n_i)^2 / (n_i - 1),
 *
 * the Welch-Satterthwaite approximation for a linear combination of
 * independent sample variances (Satterthwaite, F. E. (1946). An approximate
 * distribution of estimates of variance components. Biometrics Bulletin 2,
 * 110-114; Welch 1947), which reduces to Welch's two-sample df for two
 * cells.  Intervals as R's t.test: estimate -/+ qt(1 - alpha/2, df) se, one
 * side infinite for one-sided alternatives (critical values from
 * critical.c, exact at every conf_level).  The cells are given by n and
 * M2 = (n - 1) s^2; a cell with fewer than two observations leaves
 * everything but the estimate NAN, and so do four constant cells (se = 0).
 *
 * Scaling: the terms a_i = s_i^2 / n_i = M2_i / (n_i - 1) / n_i are formed
 * as b_i 2^e, with 2^e the binary order of the largest M2, so that se^2
 * (up to 2 DBL_MAX) and se^4 in the df cannot overflow, nor subnormal M2s
 * divided by counts up to 2^63 underflow to a zero standard error;
 * se = sqrt(sum b_i) 2^(e/2).  A statistic beyond DBL_MAX
 * (a standard error far below the estimate) is then a true +-Infinity,
 * with p-value 0.  An estimate beyond DBL_MAX is left infinite for the
 * caller to reject (22003).
 */
void
interaction_welch(const double mean[4], const double m2[4], const double n[4],
				  TablesSide side, double conf_level, InteractionResult *r)
{
	double		b[4];
	double		bsum = 0.0,
				bmax = 0.0,
				den = 0.0,
				q;
	int			e = INT_MIN;
	int			i;

	r->estimate = (mean[3] - mean[1]) - (mean[2] - mean[0]);
	r->std_error = NAN;
	r->statistic = NAN;
	r->df = NAN;
	r->p_value = NAN;
	r->ci_lower = NAN;
	r->ci_upper = NAN;
	for (i = 0; i < 4; i++)
	{
		int			ei;

		if (!(m2[i] >= 0.0 && n[i] >= 2.0))
			return;				/* a cell with fewer than two observations */
		if (m2[i] > 0.0)
		{
			(void) frexp(m2[i], &ei);
			if (ei > e)
				e = ei;
		}
	}
	if (e == INT_MIN)
	{
		r->std_error = 0.0;		/* four constant cells */
		return;
	}
	e -= e & 1;					/* even, so that the square root is exact */
	for (i = 0; i < 4; i++)
	{
		b[i] = ldexp(m2[i], -e) / (n[i] - 1.0) / n[i];
		bsum += b[i];
		bmax = fmax(bmax, b[i]);
	}
	for (i = 0; i < 4; i++)
		den += (b[i] / bmax) * (b[i] / bmax) / (n[i] - 1.0);

	r->std_error = ldexp(sqrt(bsum), e / 2);
	r->df = (bsum / bmax) * (bsum / bmax) / den;
	r->statistic = r->estimate / r->std_error;
	switch (side)
	{
		case TABLES_TWO_SIDED:
			r->p_value = 2.0 * dist_pt(-fabs(r->statistic), r->df, true);
			if (r->p_value > 1.0)
				r->p_value = 1.0;
			q = critical_t_two_sided(conf_level, r->df);
			r->ci_lower = r->estimate - q * r->std_error;
			r->ci_upper = r->estimate + q * r->std_error;
			break;
		case TABLES_LESS:
			r->p_value = dist_pt(r->statistic, r->df, true);
			q = critical_t_one_sided(conf_level, r->df);
			r->ci_lower = -INFINITY;
			r->ci_upper = r->estimate + q * r->std_error;
			break;
		case TABLES_GREATER:
			r->p_value = dist_pt(r->statistic, r->df, false);
			q = critical_t_one_sided(conf_level, r->df);
			r->ci_lower = r->estimate - q * r->std_error;
			r->ci_upper = INFINITY;
			break;
	}
}
