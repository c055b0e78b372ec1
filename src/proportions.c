/*-------------------------------------------------------------------------
 *
 * proportions.c
 *	  Tests and confidence intervals for binomial proportions (pure C).
 *
 *	- prop_test_two / prop_test_one: the score (chi-squared) test of R's
 *	  prop.test, optionally with Yates' continuity correction exactly as R
 *	  applies it; the interval for p1 - p2 is R's Wald interval, Newcombe's
 *	  hybrid score interval or Agresti & Caffo's "add one success and one
 *	  failure" interval; the one-sample interval is R's Wilson interval.
 *	- binom_test: R's binom.test (exact p-value, Clopper-Pearson interval),
 *	  computed in log space so that it stays exact and fast for counts up
 *	  to 2^53 (R loops over every outcome of the far tail).
 *	- prop_ci: the one-sample intervals of statsmodels' proportion_confint.
 *
 * References:
 *	R Core Team, src/library/stats/R/prop.test.R and binom.test.R.
 *	C. Loader (2000), "Fast and accurate computation of binomial
 *	  probabilities" (saddle-point form of the binomial pmf, as R's dbinom).
 *	R. G. Newcombe (1998), "Interval estimation for the difference between
 *	  independent proportions: comparison of eleven methods", Statistics in
 *	  Medicine 17:873-890, methods 10 (score) and 11 (score with continuity
 *	  correction).
 *	A. Agresti and B. Caffo (2000), "Simple and effective confidence
 *	  intervals for proportions and differences of proportions result from
 *	  adding two successes and two failures", The American Statistician
 *	  54:280-288.
 *	L. D. Brown, T. T. Cai and A. DasGupta (2001), "Interval estimation for
 *	  a binomial proportion", Statistical Science 16:101-133 (Wilson,
 *	  Agresti-Coull, Jeffreys); C. J. Clopper and E. S. Pearson (1934).
 *
 *-------------------------------------------------------------------------
 */
#include <float.h>
#include <math.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_sf_gamma.h>

#include "critical.h"
#include "dist.h"
#include "proportions.h"

/* R's relative tolerance in binom.test's two-sided rule: relErr = 1 + 1e-7. */
#define BINOM_REL_ERR	1e-7

/* Resynchronise the pmf recurrence with the exact pmf this often. */
#define BINOM_RESYNC	1024

/* Call prop_interrupt_hook every this many steps of a summation (2^20). */
#define PROP_HOOK_MASK	0xFFFFF

void		(*prop_interrupt_hook) (void) = NULL;

/*
 * z quantile of a two-sided or one-sided interval at conf_level, R's
 * prop.test's qnorm((1 + conf.level) / 2) or qnorm(conf.level), computed
 * without forming 1 - conf_level (critical.c), so it is exact at every
 * conf_level; one-sided, it is negative below conf_level = 1/2, as in R.
 */
static double
prop_z(PropSide side, double conf_level)
{
	return side == PROP_TWO_SIDED ? critical_norm_two_sided(conf_level)
		: critical_norm_one_sided(conf_level);
}

/*
 * stirlerr(n) = log(Gamma(n + 1)) - log(sqrt(2 pi n) (n / e)^n), the error
 * of Stirling's formula (Loader 2000), for real n > 0.  For n > 15 the
 * asymptotic series 1/(12n) - 1/(360n^3) + 1/(1260n^5) - 1/(1680n^7) +
 * 1/(1188n^9), truncated as accuracy allows; below, directly from GSL's
 * log-gamma (the cancellation costs at most ~1e-14 absolute there).
 */
static double
stirlerr(double n)
{
	const double s0 = 1.0 / 12.0,
				s1 = 1.0 / 360.0,
				s2 = 1.0 / 1260.0,
				s3 = 1.0 / 1680.0,
				s4 = 1.0 / 1188.0;
	double		nn;

	if (n <= 15.0)
	{
		gsl_sf_result lg;

		if (gsl_sf_lngamma_e(n + 1.0, &lg) != GSL_SUCCESS)
			return NAN;
		return lg.val - (n + 0.5) * log(n) + n - 0.5 * log(2.0 * M_PI);
	}
	nn = n * n;
	if (n > 500.0)
		return (s0 - s1 / nn) / n;
	if (n > 80.0)
		return (s0 - (s1 - s2 / nn) / nn) / n;
	if (n > 35.0)
		return (s0 - (s1 - (s2 - s3 / nn) / nn) / nn) / n;
	return (s0 - (s1 - (s2 - (s3 - s4 / nn) / nn) / nn) / nn) / n;
}

/*
 * bd0(x, np) = x log(x / np) + np - x, the deviance term of Loader (2000),
 * computed without cancellation when x is close to np by the series
 * 2 x sum_{j>=0} v^(2j+1) / (2j+1) - (x - np) v, v = (x - np) / (x + np).
 */
static double
bd0(double x, double np)
{
	double		v,
				s,
				ej,
				v2,
				s1;
	int			j;

	if (fabs(x - np) < 0.1 * (x + np))
	{
		v = (x - np) / (x + np);
		s = (x - np) * v;
		ej = 2.0 * x * v;
		v2 = v * v;
		for (j = 1; j < 1000; j++)
		{
			ej *= v2;
			s1 = s + ej / (2 * j + 1);
			if (s1 == s)
				return s1;
			s = s1;
		}
		return s;
	}
	return x * log(x / np) + np - x;
}

/*
 * log of Gamma(n + 1) / (Gamma(k + 1) Gamma(n - k + 1)) p^k (1 - p)^(n - k)
 * for real 0 <= k <= n and 0 < p < 1, by Loader's (2000) saddle-point
 * expansion (as R's dbinom_raw):
 *	stirlerr(n) - stirlerr(k) - stirlerr(n - k) - bd0(k, np) - bd0(n - k, nq)
 *	  - log(2 pi k (n - k) / n) / 2,
 * accurate to a few ulps of the pmf for n up to 2^53, where log-gamma
 * differences would lose up to log10(n) digits.
 */
static double
log_binom_density_pq(double k, double n, double p, double q)
{
	if (k == 0.0)
		return p < 0.1 ? -bd0(n, n * q) - n * p : n * log1p(-p);
	if (k == n)
		return q < 0.1 ? -bd0(n, n * p) - n * q : n * log(p);
	return stirlerr(n) - stirlerr(k) - stirlerr(n - k)
		- bd0(k, n * p) - bd0(n - k, n * q)
		- 0.5 * (log(2.0 * M_PI) + log(k) + log1p(-k / n));
}

/*
 * log_binom_density with q = 1 - p taken from the caller, who may know it
 * exactly where 1.0 - p would round: near p = 1, a rounding of 1 - p by
 * 2^-54 is a relative error of 2^-54 / (1 - p) in q, and the density
 * inherits it multiplied by about k - n p.
 */
static double
log_binom_density(double k, double n, double p)
{
	return log_binom_density_pq(k, n, p, 1.0 - p);
}

/*
 * binom_log_pmf: log P[X = k] for X ~ Binomial(n, p) (log_binom_density).
 */
double
binom_log_pmf(int64_t k, int64_t n, double p)
{
	if (k < 0 || k > n)
		return -INFINITY;
	if (p == 0.0)
		return k == 0 ? 0.0 : -INFINITY;
	if (p == 1.0)
		return k == n ? 0.0 : -INFINITY;
	return log_binom_density((double) k, (double) n, p);
}

/*
 * log I_x(a, b), the regularized incomplete beta function, for 0 < x < 1
 * and a, b > 0, by the hypergeometric series (DLMF 8.17.8)
 *	I_x(a, b) = x^a (1 - x)^b / (a B(a, b)) sum_{k>=0} (a+b)_k / (a+1)_k x^k,
 * whose prefactor is log_binom_density(a, a + b, x) + log(b / (a + b)), so
 * it keeps full precision for shapes up to 1e12 and more.  The term ratio
 * (a + b + k) x / (a + 1 + k) tends to x < 1 (decreasing for b >= 1,
 * increasing for b < 1), so once it is below 1 the rest after a term t is
 * below t r / (1 - r), r = the current ratio (for b < 1: x).  The series
 * is fast for x below the mean a / (a + b): about as many terms as
 * standard deviations of the matching binomial, up to ~1e7 for shapes near
 * 1e12.  It can be slow elsewhere (~1/(1 - ratio) terms where the ratio
 * hardly falls, as for the upper tail of Beta(13, 1e6)): past `budget`
 * terms it gives up (NAN) and the caller tries the continued fraction.
 * xc is 1 - x, exact (see log_binom_density_pq).
 * Above the mean the terms first grow: the sum is rescaled to stay finite.
 * GSL's gsl_sf_beta_inc cannot serve here: its continued fraction runs out
 * of iterations (NaN at a = 30, b = 1e7) or spins (a = b = 1e6).
 * *dlog_dx gets d log I / dx.
 */
static double
log_beta_lower_series(double x, double xc, double a, double b, double budget,
					  double *dlog_dx)
{
	double		lf = log_binom_density_pq(a, a + b, x, xc) + log(b / (a + b));
	double		sum = 1.0,
				t = 1.0,
				r;
	double		k;
	double		log_sum;

	for (k = 0.0;; k += 1.0)
	{
		r = (a + b + k) * x / (a + 1.0 + k);
		t *= r;
		sum += t;
		if (sum > 1e280)
		{
			sum *= 1e-280;
			t *= 1e-280;
			lf += 280.0 * M_LN10;
		}
		if (b < 1.0 && r < x)
			r = x;
		if (r < 1.0 && t * r / (1.0 - r) <= 1e-17 * sum)
			break;
		if (k > budget)
			return NAN;
		if (((int64_t) k & PROP_HOOK_MASK) == PROP_HOOK_MASK && prop_interrupt_hook)
			prop_interrupt_hook();
	}
	log_sum = lf + log(sum);
	/* d/dx I = x^(a-1) (1-x)^(b-1) / B(a, b): prefactor times a / (x (1-x)) */
	*dlog_dx = a / (x * (1.0 - x)) * exp(lf - log_sum);
	return log_sum;
}

/* Most iterations of the continued fraction before giving up (NAN). */
#define BETA_CF_MAX_ITER	100000000

/*
 * log I_x(a, b) for 0 < x < 1, a, b > 0, by the continued fraction
 * (DLMF 8.17.22)
 *	I_x(a, b) = x^a (1 - x)^b / (a B(a, b)) / (1 + d_1 / (1 + d_2 / (1 + ...))),
 *	d_{2m+1} = -(a + m)(a + b + m) x / ((a + 2m)(a + 2m + 1)),
 *	d_{2m} = m (b - m) x / ((a + 2m - 1)(a + 2m)),
 * evaluated by the modified Lentz method (Press et al., Numerical Recipes,
 * 2nd ed., sec. 6.4 and 5.2), with the prefactor of
 * log_beta_lower_series.  For x below (a + 1) / (a + b + 2) it converges
 * in O(sqrt(max(a, b))) steps, also where the power series crawls (x just
 * below a mean near 1, as in the tail of Beta(1e6, 2) that a
 * Clopper-Pearson bound at conf_level = 1 - 2^-53 needs).  GSL's
 * gsl_sf_beta_inc evaluates the same fraction but stops after a fixed,
 * small number of steps.  xc and *dlog_dx as log_beta_lower_series; NAN
 * when it does not converge within BETA_CF_MAX_ITER steps.
 */
static double
log_beta_lower_cf(double x, double xc, double a, double b, double *dlog_dx)
{
	const double tiny = 1e-300;
	double		lf = log_binom_density_pq(a, a + b, x, xc) + log(b / (a + b));
	double		c = 1.0,
				d,
				h,
				aa,
				del,
				log_i;
	double		m;

	/* 1 - (a + b) x / (a + 1), without cancellation when x is near 1 */
	d = ((a + 1.0) * xc - (b - 1.0) * x) / (a + 1.0);
	if (fabs(d) < tiny)
		d = tiny;
	d = 1.0 / d;
	h = d;
	for (m = 1.0;; m += 1.0)
	{
		double		m2 = 2.0 * m;

		aa = m * (b - m) * x / ((a - 1.0 + m2) * (a + m2));
		d = 1.0 + aa * d;
		if (fabs(d) < tiny)
			d = tiny;
		c = 1.0 + aa / c;
		if (fabs(c) < tiny)
			c = tiny;
		d = 1.0 / d;
		h *= d * c;
		aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + 1.0 + m2));
		d = 1.0 + aa * d;
		if (fabs(d) < tiny)
			d = tiny;
		c = 1.0 + aa / c;
		if (fabs(c) < tiny)
			c = tiny;
		d = 1.0 / d;
		del = d * c;
		h *= del;
		if (fabs(del - 1.0) <= 1e-16)
			break;
		if (m > BETA_CF_MAX_ITER)
			return NAN;
		if (((int64_t) m & PROP_HOOK_MASK) == PROP_HOOK_MASK && prop_interrupt_hook)
			prop_interrupt_hook();
	}
	log_i = lf + log(h);
	*dlog_dx = a / (x * (1.0 - x)) * exp(lf - log_i);
	return log_i;
}

/*
 * log of both tails of the Beta(a, b) distribution at 0 < x < 1:
 * *log_lower = log I_x(a, b), *log_upper = log(1 - I_x(a, b)).  The tail
 * on x's side of (a + 1) / (a + b + 2), normally the smaller one, is
 * computed directly (I_x(a, b) = 1 - I_{1-x}(b, a) gives the upper one)
 * and the other is its complement.  The power series
 * (log_beta_lower_series) is tried first: it is fast below the mean,
 * about as many terms as standard deviations.  Where it would need more
 * than 50 sd + 1000 terms (a shape small beside the other, e.g. the upper
 * Clopper-Pearson bound at x = 12, n = 1e6, or Jeffreys' at x = n) the
 * other tail's series, fast there, is summed instead, and its complement
 * is used when that loses less than the continued fraction on x's side
 * (log_beta_lower_cf) would: the complement W = 1 - e^L carries a
 * relative error of about 2^-53 / W; the fraction about 1e-14, or, when it
 * runs in 1 - x < 1/2 (the upper tail at a small x), 2^-54 / x from the
 * rounding of 1 - x.  So a tiny x-side tail (a bound at a conf_level near
 * 1) keeps its relative precision, and a moderate one next to a huge
 * shape (Jeffreys at x = 1, n = 1e9) avoids the fraction's cancellation.
 * Only if both fail is the complement taken regardless.  *dlog_lower and
 * *dlog_upper get the derivatives of the two logs in x, each from the side
 * computed (so that a tail that rounds to 1 does not turn the other's
 * derivative into 0 * Inf).  Returns false when every attempt failed.
 */
static bool
beta_log_tails(double x, double a, double b, double *log_lower, double *log_upper,
			   double *dlog_lower, double *dlog_upper)
{
	double		budget = 50.0 * sqrt(a * b / (a + b)) + 1000.0;
	bool		x_side_lower = x < (a + 1.0) / (a + b + 2.0);
	double		cf_err = (x_side_lower || x >= 0.5) ? 1e-14
		: fmax(1e-14, 0.5 * DBL_EPSILON / x);
	double		other_log = NAN,
				other_d = NAN;
	int			attempt;

	for (attempt = 0; attempt < 4; attempt++)
	{
		bool		lower_side = (attempt == 1 || attempt == 3) ? !x_side_lower : x_side_lower;
		double		d,
					lt;

		if (attempt == 0)
			lt = lower_side ? log_beta_lower_series(x, 1.0 - x, a, b, budget, &d)
				: log_beta_lower_series(1.0 - x, x, b, a, budget, &d);
		else if (attempt == 1)
		{
			lt = lower_side ? log_beta_lower_series(x, 1.0 - x, a, b, 1e10, &d)
				: log_beta_lower_series(1.0 - x, x, b, a, 1e10, &d);
			other_log = lt;
			other_d = d;
			/* its complement, the x-side tail, must keep enough digits */
			if (!(-expm1(lt) > 0.0 && DBL_EPSILON / -expm1(lt) <= cf_err))
				continue;
		}
		else if (attempt == 2)
			lt = lower_side ? log_beta_lower_cf(x, 1.0 - x, a, b, &d)
				: log_beta_lower_cf(1.0 - x, x, b, a, &d);
		else
		{
			lt = other_log;
			d = other_d;
		}
		if (isnan(lt))
			continue;
		if (lower_side)
		{
			*log_lower = lt;
			*log_upper = log1p(-exp(lt));
			*dlog_lower = d;
			/* d log(1 - L)/dx = -d L / U */
			*dlog_upper = -d * exp(*log_lower - *log_upper);
		}
		else
		{
			/* the series ran in 1 - x, whose complement x is exact */
			*log_upper = lt;
			*log_lower = log1p(-exp(lt));
			*dlog_upper = -d;
			*dlog_lower = d * exp(*log_upper - *log_lower);
		}
		return true;
	}
	return false;
}

/*
 * beta_quantile_raw: the x with P[B <= x] = alpha (lower) or
 * P[B > x] = alpha (!lower) for B ~ Beta(a, b), a, b >= 0.5, 0 < alpha < 1,
 * as R's qbeta(alpha, a, b, lower.tail).  Newton's method on the log of the
 * wanted tail (so small alpha keeps its relative precision), started from
 * the normal approximation and safeguarded by a bracket, bisected
 * (geometrically when it spans decades) whenever a step leaves it.
 * Converges to a few ulps of x; so it is accurate for x up to about 1/2,
 * but near 1 a few ulps of x are all of 1 - x (and the iteration may not
 * settle: NAN); beta_quantile() takes those from the mirror image.
 */
static double
beta_quantile_raw(double alpha, double a, double b, bool lower)
{
	double		target = log(alpha);
	double		mean = a / (a + b);
	double		sd = sqrt(a * b / ((a + b) * (a + b) * (a + b + 1.0)));
	double		lo = 0.0,
				hi = 1.0;
	double		x;
	int			iter;

	x = mean + dist_qnorm(alpha, 0.0, 1.0, lower) * sd;
	if (!(x > 0.0 && x < 1.0))
		x = lower ? fmin(mean, alpha) : fmax(mean, 1.0 - alpha);
	for (iter = 0; iter < 300; iter++)
	{
		double		ll = NAN,
					lu = NAN,
					dll = NAN,
					dlu = NAN,
					f,
					df,
					xn;

		if (!beta_log_tails(x, a, b, &ll, &lu, &dll, &dlu))
			return NAN;
		f = (lower ? ll : lu) - target;
		df = lower ? dll : dlu;
		if (!isfinite(f) || !isfinite(df))
			return NAN;
		if (fabs(f) <= 1e-15)
			return x;
		/* the wanted tail grows with x for lower, shrinks for upper */
		if ((f > 0.0) == lower)
			hi = x;
		else
			lo = x;
		xn = x - f / df;
		if (fabs(xn - x) <= 1e-15 * x)
			return xn;
		if (!(xn > lo && xn < hi))
		{
			if (lo > 0.0 && hi / lo > 16.0)
				xn = sqrt(lo * hi);
			else if (lo == 0.0)
				xn = hi / 16.0;
			else
				xn = 0.5 * (lo + hi);
		}
		if (xn == lo || xn == hi)
			return xn;
		x = xn;
	}
	return NAN;
}

/*
 * beta_quantile: beta_quantile_raw(alpha, a, b, lower), but a quantile
 * above 1/2 is taken as 1 - y from the mirror image, B ~ Beta(a, b) <=>
 * 1 - B ~ Beta(b, a): y = beta_quantile_raw(alpha, b, a, !lower) is then
 * below 1/2 and accurate to a few ulps of y, so 1 - y is correctly
 * rounded even where x is within 1e-16 of 1 (e.g. the upper
 * Clopper-Pearson bound at conf_level = 1 - 2^-53).
 */
static double
beta_quantile(double alpha, double a, double b, bool lower)
{
	double		x = beta_quantile_raw(alpha, a, b, lower);

	if (!(x <= 0.5))
	{
		double		y = beta_quantile_raw(alpha, b, a, !lower);

		if (y <= 0.5 || isnan(x))
			x = 1.0 - y;
	}
	return x;
}

/*
 * Sum of the pmf over a tail running away from the mode, starting at k and
 * stepping by dir (-1: k, k-1, ..., 0; +1: k, k+1, ..., n).  The caller
 * guarantees the terms decrease from k on (k below the mean for dir = -1,
 * above it for dir = +1).  Terms come from the ratio recurrence
 * f(i-1)/f(i) = i q / ((n-i+1) p), scaled by f(k) so nothing underflows,
 * and are resynchronised with the exact pmf every BINOM_RESYNC steps to
 * bound the accumulated rounding.  The pmf is log-concave, so after a
 * term t whose step ratio was r < 1 the rest of the tail is below
 * t r / (1 - r); summation stops once that is below 1e-17 of the sum.
 * Needs at most about 9 standard deviations of steps: 4.5e6 at n = 1e12.
 * Returns the log of the tail probability.
 */
static double
binom_log_tail_sum(int64_t k, int64_t n, double p, int dir)
{
	double		q = 1.0 - p;
	double		dn = (double) n;
	double		lf0 = binom_log_pmf(k, n, p);
	double		sum = 1.0,
				t = 1.0,
				r;
	int64_t		i = k;
	int64_t		steps = 0;

	if (!isfinite(lf0))
		return lf0;
	for (;;)
	{
		if (dir < 0)
		{
			if (i <= 0)
				break;
			r = ((double) i * q) / ((dn - (double) i + 1.0) * p);
		}
		else
		{
			if (i >= n)
				break;
			r = ((dn - (double) i) * p) / (((double) i + 1.0) * q);
		}
		i += dir;
		steps++;
		if (steps % BINOM_RESYNC == 0)
		{
			t = exp(binom_log_pmf(i, n, p) - lf0);
			if ((steps & PROP_HOOK_MASK) == 0 && prop_interrupt_hook)
				prop_interrupt_hook();
		}
		else
			t *= r;
		sum += t;
		if (r < 1.0 && t * r / (1.0 - r) <= 1e-17 * sum)
			break;
	}
	return lf0 + log(sum);
}

/*
 * binom_cdf: P[X <= k] (lower) or P[X > k] (!lower) for X ~ Binomial(n, p),
 * as R's pbinom(k, n, p, lower.tail).  The tail on the far side of the
 * mean from k is never summed: the smaller tail is summed in log space
 * (binom_log_tail_sum) and the other one is its complement, so both keep
 * full relative accuracy where they are small.  (GSL's binomial CDF takes
 * an unsigned int size and a log-gamma pmf; neither serves n near 1e12.)
 */
double
binom_cdf(int64_t k, int64_t n, double p, bool lower)
{
	double		tail;

	if (k < 0)
		return lower ? 0.0 : 1.0;
	if (k >= n)
		return lower ? 1.0 : 0.0;
	if (p == 0.0)
		return lower ? 1.0 : 0.0;
	if (p == 1.0)
		return lower ? 0.0 : 1.0;
	if ((double) k < (double) n * p)
	{
		tail = exp(binom_log_tail_sum(k, n, p, -1));	/* P[X <= k] */
		return lower ? tail : 1.0 - tail;
	}
	tail = exp(binom_log_tail_sum(k + 1, n, p, +1));	/* P[X > k] */
	return lower ? 1.0 - tail : tail;
}

/*
 * Wilson score interval of R's prop.test for one proportion x / n, with
 * continuity correction `yates` (0 to 0.5) and normal quantile z:
 *	(p_c + z^2/2n -/+ z sqrt(p_c (1 - p_c) / n + z^2 / 4n^2)) / (1 + z^2/n),
 * p_c = x/n -/+ yates/n, the lower bound 0 when p_c <= 0 and the upper 1
 * when p_c >= 1 (so x = 0 and x = n give exact bounds).  With yates = 0.5
 * this is Newcombe's (1998) method 4; with 0, method 3 (Wilson 1927).
 */
static void
wilson_interval(int64_t x, int64_t n, double z, double yates,
				double *lower, double *upper)
{
	double		dn = (double) n;
	double		est = (double) x / dn;
	double		z22n = z * z / (2.0 * dn);
	double		pc;

	pc = est + yates / dn;
	if (pc >= 1.0)
		*upper = 1.0;
	else
		*upper = (pc + z22n + z * sqrt(pc * (1.0 - pc) / dn + z22n / (2.0 * dn)))
			/ (1.0 + 2.0 * z22n);
	pc = est - yates / dn;
	if (pc <= 0.0)
		*lower = 0.0;
	else
		*lower = (pc + z22n - z * sqrt(pc * (1.0 - pc) / dn + z22n / (2.0 * dn)))
			/ (1.0 + 2.0 * z22n);
	*lower = fmax(*lower, 0.0);
	*upper = fmin(*upper, 1.0);
}

/*
 * prop_test_two: R's prop.test(c(x1, x2), c(n1, n2), correct = correct).
 *
 * With the pooled proportion P = S / N (S = x1 + x2, F = N - S, N = n1 + n2)
 * the four cells deviate from their expectations by the same |d|,
 * d = x1 - n1 P = (x1 n2 - x2 n1) / N, so R's statistic
 * sum (|O - E| - Y)^2 / E equals (|d| - Y)^2 N^3 / (n1 n2 S F), with Yates'
 * Y = min(0.5, |d|) (R: min(0.5, |p1 - p2| / (1/n1 + 1/n2))) when
 * `correct`, else 0.  d is formed from exact 128-bit products, so counts
 * near 1e12 lose nothing.  statistic = sign(d) sqrt(X-squared) (R: the
 * sign of p1 - p2, the same but where that rounds to 0); the
 * two-sided p-value is pchisq(X-squared, 1, upper), the one-sided ones
 * pnorm(z), exactly as R.  S = 0 or F = 0 leaves the test undefined (NAN).
 *
 * Intervals for p1 - p2 (one-sided alternatives use z = qnorm(conf_level)
 * and the bound -1 or 1 on the open side, as R; below conf_level = 1/2 z
 * is negative and each formula is continued in z through 0, Newcombe's
 * by giving its square roots the sign of z):
 *	wald: R's d -/+ (z sqrt(p1 q1 / n1 + p2 q2 / n2) + Y (1/n1 + 1/n2)),
 *		  clipped to [-1, 1];
 *	newcombe: Newcombe (1998) hybrid score: with (l_i, u_i) the Wilson
 *		  interval of each proportion (method 10; with `correct`, the
 *		  continuity-corrected Wilson interval, method 11),
 *		  d - sqrt((p1 - l1)^2 + (u2 - p2)^2), d + sqrt((u1 - p1)^2 + (p2 - l2)^2);
 *	agresti-caffo: Agresti & Caffo (2000): the Wald interval after adding
 *		  one success and one failure to each sample, p~i = (xi + 1)/(ni + 2),
 *		  clipped to [-1, 1].
 */
void
prop_test_two(int64_t x1, int64_t n1, int64_t x2, int64_t n2,
			  PropSide side, double conf_level, bool correct,
			  DiffCiMethod ci_method, PropTestResult *r)
{
	double		dn1 = (double) n1,
				dn2 = (double) n2;
	double		p1 = (double) x1 / dn1,
				p2 = (double) x2 / dn2;
	double		delta = p1 - p2;
	int64_t		big_n = n1 + n2;
	int64_t		s = x1 + x2;
	int64_t		f = big_n - s;
	double		d,
				yates,
				z,
				lower,
				upper;

#ifdef __SIZEOF_INT128__
	d = (double) ((__int128) x1 * n2 - (__int128) x2 * n1) / (double) big_n;
#else
	d = ((long double) x1 * n2 - (long double) x2 * n1) / (double) big_n;
#endif
	yates = correct ? fmin(0.5, fabs(d)) : 0.0;

	r->estimate1 = p1;
	r->estimate2 = p2;
	r->estimate = delta;
	r->corrected = yates > 0.0;

	if (s == 0 || f == 0)
	{
		r->statistic = NAN;
		r->p_value = NAN;
	}
	else
	{
		double		dN = (double) big_n;
		double		a = fabs(d) - yates;
		double		x2stat = a * a * (dN / dn1) * (dN / dn2) * (dN / ((double) s * (double) f));
		double		zstat = sqrt(x2stat);

		/* the sign of the exact d: p1 - p2 may round to 0 at huge n */
		if (d < 0 && zstat > 0)
			zstat = -zstat;
		r->statistic = zstat;
		if (side == PROP_TWO_SIDED)
			r->p_value = dist_pchisq(x2stat, 1.0, false);
		else
			r->p_value = dist_pnorm(zstat, 0.0, 1.0, side == PROP_LESS);
	}

	z = prop_z(side, conf_level);
	switch (ci_method)
	{
		case DIFF_CI_WALD:
			{
				double		width = z * sqrt(p1 * (1.0 - p1) / dn1 + p2 * (1.0 - p2) / dn2)
					+ yates * (1.0 / dn1 + 1.0 / dn2);

				lower = fmax(delta - width, -1.0);
				upper = fmin(delta + width, 1.0);
				break;
			}
		case DIFF_CI_NEWCOMBE:
			{
				double		l1,
							u1,
							l2,
							u2;
				double		cc = correct ? 0.5 : 0.0;

				wilson_interval(x1, n1, z, cc, &l1, &u1);
				wilson_interval(x2, n2, z, cc, &l2, &u2);
				/* z < 0 (one-sided, conf_level < 1/2) swaps the sides */
				lower = delta - copysign(sqrt((p1 - l1) * (p1 - l1) + (u2 - p2) * (u2 - p2)), z);
				upper = delta + copysign(sqrt((u1 - p1) * (u1 - p1) + (p2 - l2) * (p2 - l2)), z);
				break;
			}
		case DIFF_CI_AGRESTI_CAFFO:
		default:
			{
				double		t1 = ((double) x1 + 1.0) / (dn1 + 2.0);
				double		t2 = ((double) x2 + 1.0) / (dn2 + 2.0);
				double		width = z * sqrt(t1 * (1.0 - t1) / (dn1 + 2.0)
											 + t2 * (1.0 - t2) / (dn2 + 2.0));

				lower = fmax(t1 - t2 - width, -1.0);
				upper = fmin(t1 - t2 + width, 1.0);
				break;
			}
	}
	r->ci_lower = side == PROP_LESS ? -1.0 : lower;
	r->ci_upper = side == PROP_GREATER ? 1.0 : upper;
}

/*
 * prop_test_one: R's prop.test(x, n, p, correct = correct): the score test
 * X-squared = (|x - n p| - Y)^2 / (n p (1 - p)), Y = min(0.5, |x - n p|)
 * when `correct` (as R), statistic = sign(x/n - p) sqrt(X-squared), and
 * R's Wilson interval with the same Y (wilson_interval).  0 < p < 1.
 */
void
prop_test_one(int64_t x, int64_t n, double p, PropSide side,
			  double conf_level, bool correct, PropTestResult *r)
{
	double		dn = (double) n;
	double		est = (double) x / dn;
	double		dev = (double) x - dn * p;
	double		yates = correct ? fmin(0.5, fabs(dev)) : 0.0;
	double		a = fabs(dev) - yates;
	double		x2stat = a * a / (dn * p * (1.0 - p));
	double		zstat = sqrt(x2stat);
	double		lower,
				upper;

	if (est < p && zstat > 0)
		zstat = -zstat;
	r->statistic = zstat;
	if (side == PROP_TWO_SIDED)
		r->p_value = dist_pchisq(x2stat, 1.0, false);
	else
		r->p_value = dist_pnorm(zstat, 0.0, 1.0, side == PROP_LESS);
	r->estimate1 = est;
	r->estimate2 = NAN;
	r->estimate = est;
	r->corrected = yates > 0.0;

	wilson_interval(x, n, prop_z(side, conf_level), yates, &lower, &upper);
	r->ci_lower = side == PROP_LESS ? 0.0 : lower;
	r->ci_upper = side == PROP_GREATER ? 1.0 : upper;
}

/*
 * Clopper-Pearson bounds as R's binom.test: for x > 0 the lower bound
 * solves P[X >= x] = alpha, i.e. qbeta(alpha, x, n - x + 1); for x < n the
 * upper bound solves P[X <= x] = alpha, i.e. qbeta(1 - alpha, x + 1, n - x),
 * both by beta_quantile, which unlike GSL's (and so dist_qbeta's) handles
 * shapes up to 1e12.  The caller passes alpha and its complement
 * calpha = 1 - alpha, each exact (1 - alpha rounds away a tiny alpha, and
 * alpha = 1 - conf_level a tiny conf_level), and the smaller of the two
 * is used as the tail probability, so every conf_level in (0, 1) keeps
 * its digits.  x = 0 gives the lower bound 0 and x = n the upper bound 1,
 * exactly.
 */
static double
clopper_pearson_lower(int64_t x, int64_t n, double alpha, double calpha)
{
	if (x == 0)
		return 0.0;
	if (alpha <= calpha)
		return beta_quantile(alpha, (double) x, (double) (n - x + 1), true);
	return beta_quantile(calpha, (double) x, (double) (n - x + 1), false);
}

static double
clopper_pearson_upper(int64_t x, int64_t n, double alpha, double calpha)
{
	if (x == n)
		return 1.0;
	if (alpha <= calpha)
		return beta_quantile(alpha, (double) (x + 1), (double) (n - x), false);
	return beta_quantile(calpha, (double) (x + 1), (double) (n - x), true);
}

/*
 * binom_exact_test: R's binom.test(x, n, p, alternative, conf.level).
 *
 * less: P[X <= x]; greater: P[X >= x]; two-sided: the total probability of
 * the outcomes no more likely than x, with R's relative tolerance
 * (dbinom(i) <= dbinom(x) (1 + 1e-7)), R's rule for which side to search
 * (m = n p: x == m gives 1; for x < m the outcomes i >= ceil(m) are
 * searched, for x > m those i <= floor(m)) and min(1, .).
 *
 * R counts the qualifying outcomes by evaluating the pmf at every one of
 * them.  The pmf is unimodal with its mode in [floor(m), ceil(m)], so on
 * the searched side it is monotone and the qualifying outcomes form one
 * tail: its boundary is found by bisection on the log pmf (about
 * log2(n) evaluations), and the two tail probabilities come from
 * binom_cdf.  The comparison is done in log space,
 * log f(i) <= log f(x) + log(1 + 1e-7), so it stays meaningful where f(x)
 * underflows a double (R's d = 0 there).
 */
void
binom_exact_test(int64_t x, int64_t n, double p, PropSide side,
				 double conf_level, BinomTestResult *r)
{
	double		pval;
	double		alpha;

	r->estimate = (double) x / (double) n;

	switch (side)
	{
		case PROP_LESS:
			pval = binom_cdf(x, n, p, true);
			break;
		case PROP_GREATER:
			pval = binom_cdf(x - 1, n, p, false);
			break;
		case PROP_TWO_SIDED:
		default:
			if (p == 0.0)
				pval = x == 0 ? 1.0 : 0.0;
			else if (p == 1.0)
				pval = x == n ? 1.0 : 0.0;
			else
			{
				double		m = (double) n * p;
				double		thr = binom_log_pmf(x, n, p) + log1p(BINOM_REL_ERR);

				if ((double) x == m)
					pval = 1.0;
				else if ((double) x < m)
				{
					/* smallest j in [ceil(m), n + 1] with f(i) <= thr for all i >= j */
					int64_t		lo = (int64_t) ceil(m),
								hi = n + 1;

					while (lo < hi)
					{
						int64_t		mid = lo + (hi - lo) / 2;

						if (binom_log_pmf(mid, n, p) <= thr)
							hi = mid;
						else
							lo = mid + 1;
					}
					pval = binom_cdf(x, n, p, true) + binom_cdf(lo - 1, n, p, false);
				}
				else
				{
					/* largest j in [-1, floor(m)] with f(i) <= thr for all i <= j */
					int64_t		lo = -1,
								hi = (int64_t) floor(m);

					while (lo < hi)
					{
						int64_t		mid = hi - (hi - lo) / 2;

						if (binom_log_pmf(mid, n, p) <= thr)
							lo = mid;
						else
							hi = mid - 1;
					}
					pval = binom_cdf(lo, n, p, true) + binom_cdf(x - 1, n, p, false);
				}
			}
			break;
	}
	r->p_value = fmin(1.0, pval);

	alpha = 1.0 - conf_level;	/* exact for conf_level >= 1/2 */
	switch (side)
	{
		case PROP_LESS:
			r->ci_lower = 0.0;
			r->ci_upper = clopper_pearson_upper(x, n, alpha, conf_level);
			break;
		case PROP_GREATER:
			r->ci_lower = clopper_pearson_lower(x, n, alpha, conf_level);
			r->ci_upper = 1.0;
			break;
		case PROP_TWO_SIDED:
		default:
			/* alpha / 2 <= 1/2: its complement is never the smaller tail */
			r->ci_lower = clopper_pearson_lower(x, n, alpha / 2.0, 1.0);
			r->ci_upper = clopper_pearson_upper(x, n, alpha / 2.0, 1.0);
			break;
	}
}

/*
 * prop_interval: two-sided interval for one proportion, as statsmodels'
 * proportion_confint(x, n, alpha = 1 - conf_level, method), with
 * z = qnorm(alpha / 2, upper tail) and q = x / n:
 *	wilson: Wilson (1927) score interval (wilson_interval without
 *		correction; the bounds are exactly 0 at x = 0 and 1 at x = n);
 *	wald ('normal'): q -/+ z sqrt(q (1 - q) / n), clipped to [0, 1];
 *	agresti-coull: the Wald form at n~ = n + z^2, q~ = (x + z^2/2) / n~,
 *		clipped to [0, 1];
 *	clopper-pearson ('beta'): Beta quantiles, 0 at x = 0 and 1 at x = n;
 *	jeffreys: Brown, Cai & DasGupta's (2001, sec. 4.1.2) Jeffreys
 *		interval: the equal-tailed interval of the Beta(x + 1/2,
 *		n - x + 1/2) posterior, qbeta(alpha/2, x + 1/2, n - x + 1/2) and
 *		qbeta(1 - alpha/2, ...), except that the lower bound is 0 at x = 0
 *		and the upper bound 1 at x = n (as DescTools' BinomCI(method =
 *		"jeffreys"); statsmodels' proportion_confint does not make this
 *		modification, so it differs there and only there).
 * z comes from critical.c, exact at every conf_level.
 */
void
prop_interval(int64_t x, int64_t n, double conf_level, PropCiMethod method,
			  double *lower, double *upper)
{
	double		alpha = 1.0 - conf_level;
	double		dn = (double) n;
	double		est = (double) x / dn;
	double		z = critical_norm_two_sided(conf_level);

	switch (method)
	{
		case PROP_CI_WILSON:
			wilson_interval(x, n, z, 0.0, lower, upper);
			break;
		case PROP_CI_WALD:
			{
				double		half = z * sqrt(est * (1.0 - est) / dn);

				*lower = fmax(est - half, 0.0);
				*upper = fmin(est + half, 1.0);
				break;
			}
		case PROP_CI_AGRESTI_COULL:
			{
				double		nc = dn + z * z;
				double		qc = ((double) x + z * z / 2.0) / nc;
				double		half = z * sqrt(qc * (1.0 - qc) / nc);

				*lower = fmax(qc - half, 0.0);
				*upper = fmin(qc + half, 1.0);
				break;
			}
		case PROP_CI_CLOPPER_PEARSON:
			*lower = clopper_pearson_lower(x, n, alpha / 2.0, 1.0);
			*upper = clopper_pearson_upper(x, n, alpha / 2.0, 1.0);
			break;
		case PROP_CI_JEFFREYS:
		default:
			*lower = x == 0 ? 0.0
				: beta_quantile(alpha / 2.0, (double) x + 0.5, dn - (double) x + 0.5, true);
			*upper = x == n ? 1.0
				: beta_quantile(alpha / 2.0, (double) x + 0.5, dn - (double) x + 0.5, false);
			break;
	}
}
