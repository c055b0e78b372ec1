/*-------------------------------------------------------------------------
 *
 * ttest.c
 *	  One- and two-sample t-tests on stats_summary values, as R's
 *	  t.test.default (R sources, src/library/stats/R/t.test.R).
 *
 * A t-test needs only n, the mean and M2 of each sample, so it runs on
 * summaries: stats_agg() per variant in one scan, a stored summary rolled
 * up from a materialized view, or a summary built from published numbers.
 * A paired test is the one-sample test of the differences,
 * t_test(stats_agg(after - before)).
 *
 * This file is the pure numerics (no fmgr); the SQL glue is ttest_sql.c.
 *
 * Differences from R, all deliberate:
 *	- estimate is mean(x) - mean(y) for two samples (R returns both means);
 *	- where R stops with an error (too few observations, "data are
 *	  essentially constant") the undefined fields are NULL instead, so a
 *	  dashboard with a one-user variant keeps working;
 *	- the interval is estimate -/+ q * std_error rather than R's
 *	  mu + (statistic -/+ q) * std_error: the same number mathematically,
 *	  without the rounding of the round trip through the statistic;
 *	- R 4.2 names Student's test " Two Sample t-test" (with a leading
 *	  space, an artefact of paste(NULL, ...)); we drop the space.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <float.h>
#include <math.h>

#include "args.h"
#include "critical.h"
#include "dist.h"
#include "summary.h"
#include "ttest.h"

/*
 * ttest_essentially_constant: R's test for a standard error that is zero
 * or below the rounding noise of the means,
 * stderr < 10 * .Machine$double.eps * max(|mean|).  R stops with "data are
 * essentially constant"; we leave the statistic undefined.  The se == 0
 * case is tested explicitly because R's strict comparison misses it when
 * the mean is 0.
 */
static bool
ttest_essentially_constant(double se, double scale)
{
	return se == 0.0 || se < 10.0 * DBL_EPSILON * scale;
}

/*
 * ttest_scale: an even binary exponent e with 2^-e max(m2a, m2b) in
 * [1/4, 1) (0 when both are 0).  Standard errors are computed on the M2s
 * times 2^-e and multiplied back by 2^(e/2), both exact, so that M2s up to
 * DBL_MAX do not overflow and subnormal ones, divided by counts up to
 * 2^63, do not underflow to a zero standard error.
 */
static int
ttest_scale(double m2a, double m2b)
{
	int			e;

	if (!(fmax(m2a, m2b) > 0.0))
		return 0;
	(void) frexp(fmax(m2a, m2b), &e);
	return e - (e & 1);
}

/*
 * ttest_finish: from r->estimate, r->std_error and r->df (NAN when
 * undefined), compute the statistic t = (estimate - mu) / std_error, its
 * p-value under Student's t with df degrees of freedom, and the
 * conf_level interval for the estimate, as R's t.test.default.
 *
 * p-values use the tail they need directly, never 1 - p, so that a
 * p-value of 1e-300 keeps its digits: two-sided 2 P[T > |t|], less
 * P[T <= t], greater P[T > t].  The critical value of the interval comes
 * from critical.c, exact at every conf_level (a conf_level below 1.1e-16
 * would make 1 - conf_level exactly 1); one-sided intervals have an
 * infinite bound.  A statistic beyond DBL_MAX (|estimate - mu| overflows,
 * or a standard error far below the difference) is +-Infinity with
 * p-value 0, as the README's convention says.
 */
static void
ttest_finish(TTestResult *r, double mu, Alternative alt, double conf_level,
			 bool constant)
{
	double		q;

	r->statistic = NAN;
	r->p_value = NAN;
	r->ci_lower = NAN;
	r->ci_upper = NAN;
	if (isnan(r->df) || isnan(r->std_error) || constant)
		return;

	r->statistic = (r->estimate - mu) / r->std_error;
	switch (alt)
	{
		case ALT_LESS:
			r->p_value = dist_pt(r->statistic, r->df, true);
			q = critical_t_one_sided(conf_level, r->df);
			r->ci_lower = -INFINITY;
			r->ci_upper = r->estimate + q * r->std_error;
			break;
		case ALT_GREATER:
			r->p_value = dist_pt(r->statistic, r->df, false);
			q = critical_t_one_sided(conf_level, r->df);
			r->ci_lower = r->estimate - q * r->std_error;
			r->ci_upper = INFINITY;
			break;
		case ALT_TWO_SIDED:
		default:
			r->p_value = 2.0 * dist_pt(fabs(r->statistic), r->df, false);
			if (r->p_value > 1.0)
				r->p_value = 1.0;
			q = critical_t_two_sided(conf_level, r->df);
			r->ci_lower = r->estimate - q * r->std_error;
			r->ci_upper = r->estimate + q * r->std_error;
			break;
	}
}

/*
 * ttest_one_sample: Student's one-sample t-test of H0: mean = mu.
 *	std_error = sqrt(s^2 / n), s^2 = M2 / (n - 1), df = n - 1.
 * Needs n >= 2; with fewer only the estimate (the mean) is defined.
 */
void
ttest_one_sample(const Moments *x, double mu, Alternative alt,
				 double conf_level, TTestResult *r)
{
	bool		constant = false;

	r->method = "One Sample t-test";
	r->estimate = x->mean;
	r->df = NAN;
	r->std_error = NAN;
	if (x->n >= 2)
	{
		double		n = (double) x->n;

		int			e = ttest_scale(x->m2, 0.0);

		r->df = n - 1.0;
		r->std_error = ldexp(sqrt(ldexp(x->m2, -e) / (n - 1.0) / n), e / 2);
		constant = ttest_essentially_constant(r->std_error, fabs(x->mean));
	}
	ttest_finish(r, mu, alt, conf_level, constant);
}

/*
 * ttest_two_sample: two-sample t-test of H0: mean(x) - mean(y) = mu.
 *
 * Welch (equal_var false, the default as in R): Welch (1947), "The
 * generalization of 'Student's' problem when several different population
 * variances are involved", Biometrika 34, with the degrees of freedom of
 * Satterthwaite (1946), "An approximate distribution of estimates of
 * variance components", Biometrics Bulletin 2:
 *	a = s_x^2 / n_x,  b = s_y^2 / n_y,  std_error = sqrt(a + b),
 *	df = (a + b)^2 / (a^2 / (n_x - 1) + b^2 / (n_y - 1)).
 * Numerical care: a and b are formed from the M2s scaled by a power of 2
 * (ttest_scale), so std_error = sqrt(a + b) neither overflows nor
 * underflows, and df is evaluated on a and b divided by max(a, b), so the
 * fourth powers in R's stderr^4 / (stderrx^4 / (nx - 1) + ...) can neither
 * overflow nor underflow; for well-scaled data both agree to a few ulps.
 * Needs n_x, n_y >= 2.
 *
 * Student (equal_var true): the pooled variance
 *	s_p^2 = (M2_x + M2_y) / (n_x + n_y - 2),
 *	std_error = s_p sqrt(1/n_x + 1/n_y),  df = n_x + n_y - 2,
 * taken from the M2s directly (R rebuilds them as (n - 1) var), scaled as
 * for Welch so that two M2s near DBL_MAX do not overflow.  Needs
 * n_x + n_y >= 3 (counted in double: two counts near 2^63 would overflow
 * an int64).
 *
 * With too few observations only the estimate is defined.
 */
void
ttest_two_sample(const Moments *x, const Moments *y, double mu,
				 bool equal_var, Alternative alt, double conf_level,
				 TTestResult *r)
{
	double		nx = (double) x->n;
	double		ny = (double) y->n;
	bool		constant = false;

	r->estimate = x->mean - y->mean;
	r->df = NAN;
	r->std_error = NAN;

	if (equal_var)
	{
		r->method = "Two Sample t-test";
		if (nx + ny >= 3.0)		/* in double: n_x + n_y may exceed int64 */
		{
			double		df = nx + ny - 2.0;
			int			e = ttest_scale(x->m2, y->m2);

			r->df = df;
			r->std_error = ldexp(sqrt((ldexp(x->m2, -e) + ldexp(y->m2, -e)) / df) *
								 sqrt(1.0 / nx + 1.0 / ny), e / 2);
		}
	}
	else
	{
		r->method = "Welch Two Sample t-test";
		if (x->n >= 2 && y->n >= 2)
		{
			int			e = ttest_scale(x->m2, y->m2);
			double		a = ldexp(x->m2, -e) / (nx - 1.0) / nx;
			double		b = ldexp(y->m2, -e) / (ny - 1.0) / ny;
			double		scale = fmax(a, b);

			r->std_error = ldexp(sqrt(a + b), e / 2);
			if (scale > 0.0)
			{
				double		ra = a / scale;
				double		rb = b / scale;

				r->df = (ra + rb) * (ra + rb) /
					(ra * ra / (nx - 1.0) + rb * rb / (ny - 1.0));
			}
		}
	}
	if (!isnan(r->std_error))
		constant = ttest_essentially_constant(r->std_error,
											  fmax(fabs(x->mean), fabs(y->mean)));
	ttest_finish(r, mu, alt, conf_level, constant);
}
