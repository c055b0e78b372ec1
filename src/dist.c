/*-------------------------------------------------------------------------
 *
 * dist.c
 *	  Probability distributions: CDFs (both tails computed directly),
 *	  quantiles and densities, accurate to about 1e-14 relative and in any
 *	  case to 1e-10 relative against R across the ranges tested in
 *	  sql/distributions.sql (tails down to 1e-300, degrees of freedom 0.5
 *	  to 1e6, beta shapes 0.1 to 1e4, binomial sizes to 1e9, Poisson means
 *	  to 1e7).
 *
 * What comes from GSL, and where and why it is refined (the numbers are
 * measured against R 4.2 and mpmath on the grid of the regression test):
 *
 *	- Normal: GSL's CDF (Cody's rational Chebyshev approximations, full
 *	  relative accuracy in both tails) and quantile (Wichura's AS 241, the
 *	  algorithm R uses) and density are used as they are (no _e variants
 *	  exist; they cannot fail for the validated arguments).
 *	- GSL's inverse CDFs (gsl_cdf_*_Pinv/Qinv) give the starting points of
 *	  the quantile iterations (a failed or poor start only costs steps: it
 *	  is discarded unless inside the bracket); gsl_sf_lnbeta_e the far
 *	  t tail beyond |q| = 1e100.
 *	- Incomplete beta and gamma functions are NOT taken from GSL
 *	  (gsl_sf_beta_inc_e, gsl_sf_gamma_inc_*_e, gsl_cdf_*): GSL computes
 *	  the prefactor x^a (1-x)^b / B(a,b) as exp(a log x + b log1p(-x) -
 *	  lnbeta), which loses about |a log x| DBL_EPSILON: 6e-10 relative for
 *	  I_0.4999(5e6, 5e6), 4.6e-6 for dbinom at size 1e9; its continued
 *	  fraction gives up at shapes 5e8 (GSL_EMAXITER for I_0.5(5e8, 5e8));
 *	  gsl_cdf_tdist_P uses a Cornish-Fisher approximation for nu > 30
 *	  (3.6e-7 relative at nu = 100); gsl_sf_lnpoch_e(5e5, 1/2) is off by
 *	  4e-10; and the gsl_cdf_* functions report no status.  Instead we
 *	  evaluate the classical series and continued fractions (Abramowitz &
 *	  Stegun 6.5.29 and 6.5.31, 26.5.8) with the prefactor from Catherine
 *	  Loader's saddle-point formulation ("Fast and Accurate Computation of
 *	  Binomial Probabilities", 2000), stirlerr() and bd0(), in long double.
 *	  The same formulation gives dbinom, dpois, dbeta, df, dchisq and dt
 *	  (as R does), and pbinom/ppois sum the probabilities of the tail away
 *	  from the mean when the standard deviation is below 1e4.
 *	- Quantiles of continuous distributions: Newton iterations on the log
 *	  of the CDF of the tail that holds the smaller probability, safeguarded
 *	  by bisection inside a bracket; this reaches the accuracy of the CDF
 *	  even for p = 1e-300, and returns 0 or Infinity where the quantile
 *	  underflows or overflows.
 *	- Quantiles of discrete distributions follow R's definition exactly:
 *	  the smallest y with P[X <= y] >= p (lower tail) or P[X > y] < p
 *	  (upper tail), after R's "fuzz" p * (1 -+ 8 DBL_EPSILON) (R 4.2,
 *	  nmath/qDiscrete_search.h) so that qbinom(pbinom(k)) == k; the search
 *	  starts at the Cornish-Fisher approximation and is exponential then
 *	  binary, so its cost is logarithmic in the size.
 *
 * Portability: the extended precision is the x87 80-bit long double on
 * x86-64 (quad precision on aarch64).  Where long double is plain double
 * the results stay within 1e-10 of R on the whole reference grid (checked
 * under valgrind, which emulates x87 in 64 bits: worst 3.5e-11 for pbinom
 * and 3e-11 for pt instead of 1.4e-11 and 2e-13), but the discrete
 * quantiles' 8 DBL_EPSILON fuzz then no longer always absorbs the CDF's
 * rounding.
 *
 * Arguments are assumed valid (dist_sql.c validates them); NAN is
 * returned only when an iteration fails to converge.
 *
 *-------------------------------------------------------------------------
 */
#include <float.h>
#include <math.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_sf_gamma.h>

#include "dist.h"

/* Iteration limits: the series and continued fractions need O(sqrt(a)) terms. */
#define MAX_SERIES_TERMS	10000000
#define MAX_ROOT_STEPS		2000

/*
 * The saddle-point building blocks below run in long double (x87 extended
 * precision on x86-64, quad precision on aarch64): the exponent of a tail
 * probability of 1e-300 is about -690, and in double its rounding alone
 * would cost 690 * DBL_EPSILON = 1.5e-13 relative.  With the extra bits
 * the probabilities are good to a few DBL_EPSILON, which R's discrete
 * quantiles need (their "fuzz" is 8 DBL_EPSILON, see discrete_quantile).
 * lgammal is used instead of gsl_sf_lngamma_e for the same reason (GSL
 * has no extended-precision variant).
 */
typedef long double ldouble;

#define LN_SQRT_2PI_L	0.918938533204672741780329736405617639861L
#define LN_2PI_L		1.837877066409345483560659472811235279723L

/*
 * stirlerr(n) = log(n!) - log(sqrt(2 pi n) (n/e)^n), the error of Stirling's
 * formula, for real n > 0.  For n > 15 the asymptotic series
 * 1/(12n) - 1/(360n^3) + 1/(1260n^5) - 1/(1680n^7) + 1/(1188n^9)
 * (Abramowitz & Stegun 6.1.41; truncation error below 1e-16 with the
 * number of terms used); below, lnGamma(n+1) minus the Stirling terms.
 */
static ldouble
stirlerr(ldouble n)
{
	const ldouble S0 = 1.0L / 12,
				S1 = 1.0L / 360,
				S2 = 1.0L / 1260,
				S3 = 1.0L / 1680,
				S4 = 1.0L / 1188;
	ldouble		nn;

	if (n <= 15.0L)
		return lgammal(n + 1.0L) - (n + 0.5L) * logl(n) + n - LN_SQRT_2PI_L;
	nn = n * n;
	if (n > 500)
		return (S0 - S1 / nn) / n;
	if (n > 80)
		return (S0 - (S1 - S2 / nn) / nn) / n;
	if (n > 35)
		return (S0 - (S1 - (S2 - S3 / nn) / nn) / nn) / n;
	return (S0 - (S1 - (S2 - (S3 - S4 / nn) / nn) / nn) / nn) / n;
}

/*
 * bd0(x, m) = x log(x/m) + m - x, the deviance term of Loader (2000),
 * computed without cancellation when x is close to m by the series
 * (x-m) v + 2x (v^3/3 + v^5/5 + ...), v = (x-m)/(x+m).
 */
static ldouble
bd0(ldouble x, ldouble m)
{
	if (fabsl(x - m) < 0.1L * (x + m))
	{
		ldouble		v = (x - m) / (x + m);
		ldouble		s = (x - m) * v;
		ldouble		ej = 2 * x * v;
		ldouble		v2 = v * v;
		int			j;

		for (j = 1; j < 1000; j++)
		{
			ldouble		s1;

			ej *= v2;
			s1 = s + ej / (2 * j + 1);
			if (s1 == s)
				return s1;
			s = s1;
		}
	}
	return x * logl(x / m) + m - x;
}

/*
 * binom_core(k, l, p, q) = Gamma(k+l+1) / (Gamma(k+1) Gamma(l+1)) p^k q^l
 * for real k, l >= 0 and q = 1 - p (both given, so that whichever is
 * exact is used): the binomial probability of k successes in k + l trials
 * for integer k, l.  Loader's saddle-point form, full relative accuracy
 * for any size (the second argument is l, not n = k + l, so that beta
 * shapes of very different magnitudes are not rounded by the sum).
 */
static ldouble
binom_core(ldouble k, ldouble l, ldouble p, ldouble q)
{
	ldouble		n = k + l;
	ldouble		lc;

	if (k == 0 && l == 0)
		return 1.0L;
	if (p == 0)
		return k == 0 ? 1.0L : 0.0L;
	if (q == 0)
		return l == 0 ? 1.0L : 0.0L;
	if (k == 0)
		return p < 0.5L ? expl(l * log1pl(-p)) : powl(q, l);
	if (l == 0)
		return q < 0.5L ? expl(k * log1pl(-q)) : powl(p, k);
	lc = stirlerr(n) - stirlerr(k) - stirlerr(l)
		- bd0(k, n * p) - bd0(l, n * q);
	return expl(lc - 0.5L * (LN_2PI_L + logl(k) + logl(l / n)));
}

/*
 * pois_core(x, lambda) = lambda^x e^-lambda / Gamma(x+1) for real x >= 0
 * (Loader 2000): the Poisson probability for integer x.
 */
static ldouble
pois_core(ldouble x, ldouble lambda)
{
	if (lambda == 0)
		return x == 0 ? 1.0L : 0.0L;
	if (x == 0)
		return expl(-lambda);
	if (isinf((double) lambda))
		return 0.0L;
	return expl(-stirlerr(x) - bd0(x, lambda)) / sqrtl(2 * M_PI * x);
}

/*
 * Continued fraction of the incomplete beta function (A&S 26.5.8),
 * evaluated by the modified Lentz method:
 *   I_x(a,b) = x^a y^b / (a B(a,b)) * 1/(1+ d1/(1+ d2/(1+ ...)))
 * d_{2m+1} = -(a+m)(a+b+m) x / ((a+2m)(a+2m+1)),
 * d_{2m}   = m (b-m) x / ((a+2m-1)(a+2m)).
 * Converges quickly for x < (a+1)/(a+b+2); near that point in
 * O(sqrt(min(a,b))) terms.  Returns the fraction, or NAN.
 */
static ldouble
beta_cf(ldouble x, ldouble a, ldouble b)
{
	const ldouble tiny = 1e-300L;
	ldouble		c = 1.0L,
				d,
				f;
	long		m;

	/* NaN never meets the stopping test: don't run MAX_SERIES_TERMS terms */
	if (isnan(x) || isnan(a) || isnan(b))
		return NAN;
	d = 1.0 - (a + b) * x / (a + 1.0);
	if (fabsl(d) < tiny)
		d = tiny;
	d = 1.0 / d;
	f = d;
	for (m = 1; m < MAX_SERIES_TERMS; m++)
	{
		ldouble		m2 = 2.0L * m;
		ldouble		aa,
					del;

		aa = m * (b - m) * x / ((a + m2 - 1.0) * (a + m2));
		d = 1.0 + aa * d;
		if (fabsl(d) < tiny)
			d = tiny;
		c = 1.0 + aa / c;
		if (fabsl(c) < tiny)
			c = tiny;
		d = 1.0 / d;
		f *= d * c;

		aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1.0));
		d = 1.0 + aa * d;
		if (fabsl(d) < tiny)
			d = tiny;
		c = 1.0 + aa / c;
		if (fabsl(c) < tiny)
			c = tiny;
		d = 1.0 / d;
		del = d * c;
		f *= del;
		if (fabsl(del - 1.0L) <= LDBL_EPSILON)
			return f;
	}
	return NAN;
}

/*
 * The smaller-side incomplete beta I_x(a,b), for x < (a+1)/(a+b+2), with
 * y = 1 - x: Loader's prefactor times the continued fraction.
 */
static ldouble
beta_inc_cf(ldouble x, ldouble y, ldouble a, ldouble b)
{
	ldouble		pre = binom_core(a, b, x, y) * (b / (a + b));

	if (pre == 0)
		return 0.0;
	return pre * beta_cf(x, a, b);
}

/*
 * pbeta_raw: regularized incomplete beta I_x(a,b) (lower) or 1 - I_x(a,b)
 * (upper), x in [0,1], y = 1 - x given by the caller (so both can be
 * exact).  The tail whose continued fraction converges quickly, x below
 * (a+1)/(a+b+2), is computed directly; the other by the symmetry
 * I_x(a,b) = 1 - I_y(b,a), accurate because the complemented value is
 * then not small.
 *
 * Refinement: close to that boundary (within 1% of a+1) the fraction
 * with a large first parameter is nearly singular (its value reaches
 * 1e5 at a = 5e5) and loses some 1e-11 relative when b is much
 * smaller than a; there the tail values are moderate, so when the
 * result lies in (0.01, 0.99), a > 100 b and the point is less than 1
 * (absolutely, y (a+b+2) < b + 2) beyond the other orientation's
 * boundary, we use that orientation, which is then well-conditioned
 * (checked with mpmath for pf(q, 1e6, 1); further beyond its boundary
 * the fraction is useless, e.g. pbinom at size 1e11).
 */
static double
pbeta_raw(ldouble x, ldouble y, ldouble a, ldouble b, bool lower)
{
	ldouble		t = a + b + 2.0L;
	ldouble		w;				/* the directly computed tail */
	bool		use_x;			/* w = I_x(a,b), else w = I_y(b,a) */
	ldouble		gap;

	if (x <= 0)
		return lower ? 0.0 : 1.0;
	if (y <= 0)
		return lower ? 1.0 : 0.0;
	use_x = x * t < a + 1.0L;
	if (use_x)
	{
		w = beta_inc_cf(x, y, a, b);
		gap = (a + 1.0L - x * t) / (a + 1.0L);
	}
	else
	{
		w = beta_inc_cf(y, x, b, a);
		gap = (b + 1.0L - y * t) / (b + 1.0L);
	}
	if (gap < 0.01L && w > 0.01L && w < 0.99L &&
		(use_x ? a > 100.0L * b && y * t - (b + 1.0L) < 1.0L
		 : b > 100.0L * a && x * t - (a + 1.0L) < 1.0L))
	{
		ldouble		w2 = use_x ? beta_inc_cf(y, x, b, a) : beta_inc_cf(x, y, a, b);

		if (!isnan((double) w2))
		{
			w = w2;
			use_x = !use_x;
		}
	}
	/*
	 * w may exceed 1 by rounding at extreme shapes (pf(1e-320, 1e308,
	 * 1e-320) gave -1e-19): keep the probability in [0, 1].
	 */
	if (w > 1.0L)
		w = 1.0L;
	if (use_x)
		return (double) (lower ? w : 1.0L - w);
	return (double) (lower ? 1.0L - w : w);
}

/*
 * pgamma_raw: regularized incomplete gamma P(a,x) (lower) or Q(a,x)
 * (upper).  For x < a + 1 the series (A&S 6.5.29)
 *   P(a,x) = x^a e^-x / Gamma(a+1) * sum_n x^n / ((a+1)...(a+n)),
 * otherwise Legendre's continued fraction (A&S 6.5.31)
 *   Q(a,x) = x^a e^-x / Gamma(a) * 1/(x+1-a- 1(1-a)/(x+3-a- 2(2-a)/...)),
 * by modified Lentz; prefactors by Loader's pois_core().
 */
static double
pgamma_raw(ldouble x, ldouble a, bool lower)
{
	long		n;

	if (x <= 0)
		return lower ? 0.0 : 1.0;
	if (isinf((double) x))
		return lower ? 1.0 : 0.0;
	if (x < a + 1.0)
	{
		ldouble		pre = pois_core(a, x);
		ldouble		sum = 1.0L,
					term = 1.0L,
					ap = a,
					P;

		if (pre == 0)
			return lower ? 0.0 : 1.0;
		for (n = 1; n < MAX_SERIES_TERMS; n++)
		{
			ap += 1.0;
			term *= x / ap;
			sum += term;
			if (term <= sum * (LDBL_EPSILON / 4))
				break;
		}
		if (n == MAX_SERIES_TERMS)
			return NAN;
		P = pre * sum;
		return (double) (lower ? P : 1.0L - P);
	}
	else
	{
		const ldouble tiny = 1e-300L;
		ldouble		pre = a * pois_core(a, x);
		ldouble		bb = x + 1.0L - a,
					c = 1.0 / tiny,
					d = 1.0 / bb,
					h = d,
					Q;

		if (pre == 0)
			return lower ? 1.0 : 0.0;
		for (n = 1; n < MAX_SERIES_TERMS; n++)
		{
			ldouble		an = -n * (n - a),
						del;

			bb += 2.0;
			d = an * d + bb;
			if (fabsl(d) < tiny)
				d = tiny;
			c = bb + an / c;
			if (fabsl(c) < tiny)
				c = tiny;
			d = 1.0 / d;
			del = d * c;
			h *= del;
			if (fabsl(del - 1.0L) <= LDBL_EPSILON)
				break;
		}
		if (n == MAX_SERIES_TERMS)
			return NAN;
		Q = pre * h;
		return (double) (lower ? 1.0L - Q : Q);
	}
}

/* ----------------------------------------------------------------------
 * Continuous quantiles: safeguarded Newton on log CDF
 * ----------------------------------------------------------------------
 */

typedef double (*cdf_fn) (double x, const double *par, bool lower);
typedef double (*pdf_fn) (double x, const double *par);

/*
 * Solve cdf(x, lower) = p for x in (lo, hi) (lo >= 0 here; hi may be
 * +Infinity), p in (0, 1/2] in the given tail.  Newton's method on
 * log cdf(x) - log p, whose steps are (log cdf - log p) * cdf / pdf; a
 * step leaving the bracket is replaced by bisection (geometric when the
 * bracket spans orders of magnitude).  x0 is a starting guess (ignored
 * unless inside the bracket).  Stops when the step is below 1e-15 x.
 */
static double
solve_quantile(cdf_fn cdf, pdf_fn pdf, const double *par, double p,
			   bool lower, double lo, double hi, double x0)
{
	double		x = x0;
	double		logp = log(p);
	int			it;

	if (!(x > lo && x < hi))
		x = isinf(hi) ? lo + 1.0 : 0.5 * (lo + hi);

	for (it = 0; it < MAX_ROOT_STEPS; it++)
	{
		double		F = cdf(x, par, lower);
		double		f = pdf(x, par);
		double		xnew;
		bool		too_low;

		if (isnan(F))
			return NAN;
		if (F == p)
			return x;
		/* is x to the left of the root? */
		too_low = lower ? (F < p) : (F > p);
		if (too_low)
			lo = x;
		else
			hi = x;

		xnew = NAN;
		if (F > 0 && f > 0 && isfinite(f))
		{
			double		step = (log(F) - logp) * F / f;

			xnew = lower ? x - step : x + step;
			if (fabs(xnew - x) <= 1e-15 * fabs(x))
				return xnew;
		}
		if (!(xnew > lo && xnew < hi))
		{
			/* bisect; the root may lie beyond DBL_MAX or below DBL_MIN */
			if (isinf(hi))
			{
				if (x >= DBL_MAX)
					return INFINITY;
				xnew = x > 0 ? fmin(4.0 * x, DBL_MAX) : 1.0;
			}
			else if (lo == 0 && hi < DBL_MIN)
				return 0.0;
			else if (lo > 0 && hi / lo > 4.0)
				xnew = sqrt(lo) * sqrt(hi);
			else if (lo == 0 && hi > 1e-300)
				xnew = hi / 16.0;
			else
				xnew = 0.5 * (lo + hi);
			if (xnew <= lo || xnew >= hi)
				return x;		/* bracket exhausted at double resolution */
		}
		x = xnew;
	}
	return NAN;
}

/* ----------------------------------------------------------------------
 * Normal
 * ----------------------------------------------------------------------
 */

/* P[X <= q] or P[X > q]: GSL's Cody approximation, accurate in both tails. */
double
dist_pnorm(double q, double mean, double sd, bool lower)
{
	double		z = (q - mean) / sd;

	if (isinf(z))
		return (z > 0) == lower ? 1.0 : 0.0;
	return lower ? gsl_cdf_ugaussian_P(z) : gsl_cdf_ugaussian_Q(z);
}

/* Normal quantile: GSL's AS 241 (as R), +-Infinity at p = 0 or 1. */
double
dist_qnorm(double p, double mean, double sd, bool lower)
{
	double		z;

	if (p == 0 || p == 1)
		return ((p == 1) == lower ? INFINITY : -INFINITY);
	z = lower ? gsl_cdf_ugaussian_Pinv(p) : gsl_cdf_ugaussian_Qinv(p);
	return mean + sd * z;
}

/* Normal density (GSL; relative error below 1e-13 out to underflow). */
double
dist_dnorm(double x, double mean, double sd)
{
	if (isinf(x))
		return 0.0;
	return gsl_ran_gaussian_pdf(x - mean, sd);
}

/* ----------------------------------------------------------------------
 * Student's t
 * ----------------------------------------------------------------------
 */

/*
 * P[T <= q] or P[T > q]: with x = df/(df+q^2), y = q^2/(df+q^2) (both
 * computed directly), P[T < -|q|] = I_x(df/2, 1/2)/2 (A&S 26.7.1).
 * For |q| beyond 1e100 (q^2 overflows) the leading asymptotic term
 * (sqrt(df)/|q|)^df / (df B(df/2, 1/2)) is exact in double precision.
 */
double
dist_pt(double q, double df, bool lower)
{
	double		tail,
				body;

	if (isinf(q))
		return (q > 0) == lower ? 1.0 : 0.0;
	if (q == 0)
		return 0.5;
	if (isinf(df))
		return dist_pnorm(q, 0.0, 1.0, lower);	/* R's limit (C callers) */
	if (fabs(q) > 1e100)
	{
		gsl_sf_result lb;

		if (gsl_sf_lnbeta_e(df / 2, 0.5, &lb) != GSL_SUCCESS)
			return NAN;
		tail = exp(df * (0.5 * log(df) - log(fabs(q))) - lb.val - log(df));
		body = 1.0 - tail;
	}
	else
	{
		/* in long double: x near 1 enters the continued fraction */
		ldouble		q2 = (ldouble) q * q;
		ldouble		x = df / (df + q2);
		ldouble		y = q2 / (df + q2);

		tail = 0.5 * pbeta_raw(x, y, df / 2, 0.5, true);
		body = 0.5 + 0.5 * pbeta_raw(x, y, df / 2, 0.5, false);
	}
	if (isnan(tail) || isnan(body))
		return NAN;
	/* lower tail of a negative q, or upper tail of a positive one */
	return (q < 0) == lower ? tail : body;
}

/* Upper tail P[T > x] for x >= 0, and the density, in solver form. */
static double
t_upper(double x, const double *par, bool lower)
{
	return dist_pt(x, par[0], lower);
}

static double
t_pdf(double x, const double *par)
{
	return dist_dt(x, par[0]);
}

/*
 * t quantile: by symmetry, solve P[T > x] = min(p, 1-p) for x > 0 by the
 * safeguarded Newton iteration, started at GSL's inverse.
 */
double
dist_qt(double p, double df, bool lower)
{
	double		ps,
				x0,
				x;
	bool		negative;

	if (p == 0 || p == 1)
		return ((p == 1) == lower ? INFINITY : -INFINITY);
	if (p == 0.5)
		return 0.0;
	if (isinf(df))
		return dist_qnorm(p, 0.0, 1.0, lower);
	negative = (p < 0.5) == lower;
	ps = p < 0.5 ? p : 1.0 - p;
	x0 = gsl_cdf_tdist_Qinv(ps, df);
	x = solve_quantile(t_upper, t_pdf, &df, ps, false, 0.0, INFINITY, x0);
	return negative ? -x : x;
}

/*
 * t density Gamma(m+1/2) / (Gamma(m) sqrt(2 m pi)) (1+x^2/df)^-(m+1/2),
 * m = df/2.  The Gamma ratio through Stirling's formula with stirlerr():
 * log f(0) = m log1p(1/(2m)) - 1/2 + stirlerr(m+1/2) - stirlerr(m)
 *            - log(2 pi)/2,
 * which keeps full accuracy for large df (GSL's gsl_sf_lnpoch_e(m, 1/2)
 * is off by 4e-10 relative at df = 1e6); the power through log1p.
 */
double
dist_dt(double x, double df)
{
	ldouble		m = (ldouble) df / 2;
	ldouble		xl = x;
	ldouble		lc;

	if (isinf(x))
		return 0.0;
	if (isinf(df))
		return dist_dnorm(x, 0.0, 1.0);
	lc = m * log1pl(0.5L / m) - 0.5L + stirlerr(m + 0.5L) - stirlerr(m)
		- 0.5L * LN_2PI_L;
	/* log(1 + x^2/df), without overflowing x^2 where long double is double */
	if (fabs(x) > 1e100)
		return expl(lc - (m + 0.5L) * (2 * logl(fabsl(xl)) - logl(df)));
	return expl(lc - (m + 0.5L) * log1pl(xl * xl / df));
}

/* ----------------------------------------------------------------------
 * Chi-squared
 * ----------------------------------------------------------------------
 */

/* P[X <= q] or P[X > q] = P(df/2, q/2) or Q(df/2, q/2). */
double
dist_pchisq(double q, double df, bool lower)
{
	if (q <= 0)
		return lower ? 0.0 : 1.0;
	return pgamma_raw(q / 2.0L, df / 2.0L, lower);
}

static double
chisq_cdf(double x, const double *par, bool lower)
{
	return dist_pchisq(x, par[0], lower);
}

static double
chisq_pdf(double x, const double *par)
{
	return dist_dchisq(x, par[0]);
}

/* Chi-squared quantile: Newton on the smaller tail from GSL's inverse. */
double
dist_qchisq(double p, double df, bool lower)
{
	double		x0;

	if (p == 0 || p == 1)
		return (p == 1) == lower ? INFINITY : 0.0;
	if (p > 0.5)
	{
		p = 1.0 - p;
		lower = !lower;
	}
	x0 = lower ? gsl_cdf_chisq_Pinv(p, df) : gsl_cdf_chisq_Qinv(p, df);
	return solve_quantile(chisq_cdf, chisq_pdf, &df, p, lower, 0.0, INFINITY, x0);
}

/*
 * Chi-squared density, a Gamma(df/2, scale 2) density: with a = df/2,
 * f(x) = pois_core(a-1, x/2)/2 for a >= 1, and pois_core(a, x/2) a/x
 * for a < 1 (Loader's form, accurate for large df); at x = 0 it is
 * Infinity, 1/2 or 0 as df <, =, > 2 (as R).
 */
double
dist_dchisq(double x, double df)
{
	double		a = df / 2;

	if (x < 0 || isinf(x))
		return 0.0;
	if (x == 0)
		return a < 1 ? INFINITY : (a == 1 ? 0.5 : 0.0);
	if (a >= 1)
		return pois_core(a - 1, x / 2) / 2;
	return pois_core(a, x / 2) * a / x;
}

/* ----------------------------------------------------------------------
 * F
 * ----------------------------------------------------------------------
 */

/*
 * P[F <= q] = I_x(df1/2, df2/2) with x = df1 q/(df2 + df1 q) and
 * y = df2/(df2 + df1 q) both computed directly (A&S 26.6.2).
 */
double
dist_pf(double q, double df1, double df2, bool lower)
{
	ldouble		s;

	if (q <= 0)
		return lower ? 0.0 : 1.0;
	if (isinf(q))
		return lower ? 1.0 : 0.0;
	s = df2 + (ldouble) df1 * q;
	return pbeta_raw((ldouble) df1 * q / s, df2 / s, df1 / 2.0L, df2 / 2.0L, lower);
}

static double
f_cdf(double x, const double *par, bool lower)
{
	return dist_pf(x, par[0], par[1], lower);
}

static double
f_pdf(double x, const double *par)
{
	return dist_df(x, par[0], par[1]);
}

/* Above this shape GSL's Beta (and F) inverse is not called: see below. */
#define GSL_BETA_PINV_MAX_SHAPE	1e4

/*
 * May GSL's gsl_cdf_beta_Pinv/Qinv (and so its F inverse) be called for
 * shapes a, b?  Besides both shapes above GSL_BETA_PINV_MAX_SHAPE, it never
 * returns (pure C, so uncancellable) when either shape is huge (measured:
 * any shape 1e308, every p) or subnormal with the other one >= 1e4
 * (measured: 1e-320 with 1e4).  Outside [1e-300, 1e100] it is therefore
 * not used; solve_quantile then starts from its bracket.
 */
static bool
gsl_beta_pinv_safe(double a, double b)
{
	return fmin(a, b) >= 1e-300 && fmax(a, b) <= 1e100 &&
		fmin(a, b) <= GSL_BETA_PINV_MAX_SHAPE;
}

static double beta_normal_start(double p, double a, double b, bool lower);

/* F quantile: Newton on the smaller tail of pf itself (not via qbeta, whose
 * 1/y - 1 would lose the relative accuracy of small quantiles). */
double
dist_qf(double p, double df1, double df2, bool lower)
{
	double		par[2] = {df1, df2};
	double		x0;

	if (p == 0 || p == 1)
		return (p == 1) == lower ? INFINITY : 0.0;
	if (p > 0.5)
	{
		p = 1.0 - p;
		lower = !lower;
	}
	if (!gsl_beta_pinv_safe(df1 / 2, df2 / 2))
	{
		/* GSL's F inverse goes through its Beta inverse: see beta_normal_start */
		double		u = beta_normal_start(p, df1 / 2, df2 / 2, lower);

		x0 = (u > 0 && u < 1) ? df2 / df1 * (u / (1.0 - u)) : 1.0;
	}
	else
		x0 = lower ? gsl_cdf_fdist_Pinv(p, df1, df2) : gsl_cdf_fdist_Qinv(p, df1, df2);
	return solve_quantile(f_cdf, f_pdf, par, p, lower, 0.0, INFINITY, x0);
}

/*
 * F density.  With a = df1/2, b = df2/2, u = df1 x/(df2 + df1 x), v = 1-u,
 * f(x) = binom_core(a, b, u, v) a b / ((a + b) x)  (Loader's form; derived
 * from the Beta(a,b) density of u times du/dx).  At x = 0: Infinity, 1 or
 * 0 as df1 <, =, > 2 (as R).
 */
double
dist_df(double x, double df1, double df2)
{
	double		a = df1 / 2,
				b = df2 / 2;
	ldouble		s;

	if (x < 0 || isinf(x))
		return 0.0;
	if (x == 0)
		return df1 < 2 ? INFINITY : (df1 == 2 ? 1.0 : 0.0);
	s = df2 + (ldouble) df1 * x;
	return binom_core(a, b, (ldouble) df1 * x / s, df2 / s)
		* ((ldouble) a * b / (((ldouble) a + b) * x));
}

/* ----------------------------------------------------------------------
 * Beta
 * ----------------------------------------------------------------------
 */

/*
 * Beta CDF.  A zero shape is R's limiting case, a point mass: at 0 when
 * shape1 = 0, at 1 when shape2 = 0, half at each when both are 0 (so
 * that Clopper-Pearson bounds qbeta(p, 0, n + 1) = 0 work as in R).
 */
double
dist_pbeta(double q, double a, double b, bool lower)
{
	double		P;

	if (q <= 0)
		return lower ? 0.0 : 1.0;
	if (q >= 1)
		return lower ? 1.0 : 0.0;
	if (a == 0 || b == 0)
	{
		P = (a == 0 && b == 0) ? 0.5 : (a == 0 ? 1.0 : 0.0);
		return lower ? P : 1.0 - P;
	}
	return pbeta_raw(q, 1.0L - q, a, b, lower);
}

static double
beta_cdf(double x, const double *par, bool lower)
{
	return dist_pbeta(x, par[0], par[1], lower);
}

static double
beta_pdf(double x, const double *par)
{
	return dist_dbeta(x, par[0], par[1]);
}

/*
 * Starting point for a Beta(a, b) quantile when both shapes are large:
 * the normal approximation mean + z sd (the Beta tends to the normal as
 * a, b grow).  GSL's gsl_cdf_beta_Pinv is not used there: with both shapes
 * above about 1e5 it does not return at all (measured: (0.5, 1e6, 1e6)
 * still running after 10 s), and being pure C it cannot be cancelled.
 * solve_quantile keeps its bracket, so a rough start only costs steps.
 */
static double
beta_normal_start(double p, double a, double b, bool lower)
{
	double		m = a / (a + b);
	double		sd = sqrt(a / (a + b) * (b / (a + b)) / (a + b + 1.0));

	return m + sd * dist_qnorm(p, 0.0, 1.0, lower);
}

/* Beta quantile: Newton on the smaller tail, bracket (0, 1). */
double
dist_qbeta(double p, double a, double b, bool lower)
{
	double		par[2] = {a, b};
	double		x0;

	if (p == 0 || p == 1)
		return (p == 1) == lower ? 1.0 : 0.0;
	if (a == 0 || b == 0)
	{
		/* point masses (see dist_pbeta); pl = the lower-tail probability */
		double		pl = lower ? p : 1.0 - p;

		if (a == 0 && b == 0)
			return pl < 0.5 ? 0.0 : (pl > 0.5 ? 1.0 : 0.5);
		return a == 0 ? 0.0 : 1.0;
	}
	if (p > 0.5)
	{
		p = 1.0 - p;
		lower = !lower;
	}
	if (!gsl_beta_pinv_safe(a, b))
		x0 = beta_normal_start(p, a, b, lower);
	else
		x0 = lower ? gsl_cdf_beta_Pinv(p, a, b) : gsl_cdf_beta_Qinv(p, a, b);
	return solve_quantile(beta_cdf, beta_pdf, par, p, lower, 0.0, 1.0, x0);
}

/*
 * Beta density x^(a-1) (1-x)^(b-1) / B(a,b)
 *   = binom_core(a, b, x, 1-x) a b / ((a+b) x (1-x))  (Loader's form).
 * At the end points: Infinity, the finite limit, or 0 (as R); for a zero
 * shape, Infinity at the point mass and 0 elsewhere (as R).
 */
double
dist_dbeta(double x, double a, double b)
{
	if (x < 0 || x > 1)
		return 0.0;
	if (a == 0 || b == 0)
	{
		/* point masses (see dist_pbeta): infinite density at the atoms */
		if ((x == 0 && a == 0) || (x == 1 && b == 0))
			return INFINITY;
		return 0.0;
	}
	if (x == 0)
		return a < 1 ? INFINITY : (a == 1 ? b : 0.0);
	if (x == 1)
		return b < 1 ? INFINITY : (b == 1 ? a : 0.0);
	return binom_core(a, b, x, 1.0L - x)
		* ((ldouble) a * b / (((ldouble) a + b) * x * (1.0L - x)));
}

/* ----------------------------------------------------------------------
 * Binomial
 * ----------------------------------------------------------------------
 */

/*
 * P[X <= q] = I_{1-prob}(size - k, k + 1) with k = floor(q + 1e-7) (R's
 * tolerance for integer q), computed as the upper tail of
 * I_prob(k + 1, size - k).  Sizes are any whole double (the continued
 * fraction costs O(sqrt(size)) at worst).
 */
double
dist_pbinom(double q, double size, double prob, bool lower)
{
	double		k,
				mu;

	if (isinf(q))
		return (q > 0) == lower ? 1.0 : 0.0;
	k = floor(q + 1e-7);
	if (k < 0)
		return lower ? 0.0 : 1.0;
	if (k >= size)
		return lower ? 1.0 : 0.0;
	if (prob == 0)
		return lower ? 1.0 : 0.0;
	if (prob == 1)
		return lower ? 0.0 : 1.0;
	mu = size * prob;
	if (mu * (1.0 - prob) < 1e8)
	{
		/*
		 * Sum the probabilities of the tail away from the mean, starting
		 * next to k, in long double: for standard deviations below 1e4
		 * this takes at most some 1e5 terms, and it avoids the incomplete
		 * beta, whose continued fraction for huge sizes and small prob
		 * would run with 1 - prob, rounded, close to its convergence
		 * boundary (1e-9 relative errors at size 1e9, prob 1e-6).
		 */
		ldouble		q = 1.0L - prob;	/* exact in long double */
		double		j;
		ldouble		t,
					s;

		if (k < mu)
		{
			/* P[X <= k], terms decreasing from k downwards */
			t = s = binom_core(k, size - k, prob, q);
			for (j = k; j > 0 && t > s * 1e-21L; j--)
			{
				t *= (ldouble) j * q / ((size - j + 1) * (ldouble) prob);
				s += t;
			}
			return lower ? (double) s : (double) (1.0L - s);
		}
		/* P[X > k], terms decreasing from k + 1 upwards */
		t = s = binom_core(k + 1, size - k - 1, prob, q);
		for (j = k + 1; j < size && t > s * 1e-21L; j++)
		{
			t *= (size - j) * (ldouble) prob / ((j + 1) * (ldouble) q);
			s += t;
		}
		return lower ? (double) (1.0L - s) : (double) s;
	}
	return pbeta_raw(prob, 1.0L - prob, k + 1, size - k, !lower);
}

/* x is not a whole number by R's tolerance (R_nonint in nmath.h). */
static bool
nonint(double x)
{
	return fabs(x - nearbyint(x)) > 1e-7 * fmax(1.0, fabs(x));
}

/* Binomial probability (Loader 2000); 0 for x outside 0..size or not whole. */
double
dist_dbinom(double x, double size, double prob)
{
	if (isinf(x) || nonint(x))
		return 0.0;
	x = nearbyint(x);
	if (x < 0 || x > size)
		return 0.0;
	return binom_core(x, size - x, prob, 1.0L - prob);
}

/*
 * R's discrete quantile: after the fuzz, the smallest integer y in [0, ymax]
 * with P[X <= y] >= p (lower) or P[X > y] < p (upper); y0 is the
 * Cornish-Fisher start.  The condition is monotone in y: search outwards
 * from y0 with doubling steps, then bisect the last step.
 */
typedef double (*dcdf_fn) (double y, const double *par, bool lower);

/* Does y satisfy the quantile condition?  1 yes, 0 no, -1 CDF failed. */
static int
dq_ok(dcdf_fn cdf, const double *par, double y, double p, bool lower)
{
	double		P = cdf(y, par, lower);

	if (isnan(P))
		return -1;
	return lower ? P >= p : P < p;
}

static double
discrete_quantile(dcdf_fn cdf, const double *par, double p, bool lower,
				  double y0, double ymax)
{
	const double e = 8 * DBL_EPSILON;
	double		good,			/* the condition holds here */
				bad,			/* and not here (-1: below the support) */
				step;
	int			ok;

	if (lower)
		p *= 1 - e;
	else if (1 - p > 4 * e)
		p *= 1 + e;

	y0 = fmin(fmax(y0, 0.0), ymax);
	if ((ok = dq_ok(cdf, par, y0, p, lower)) < 0)
		return NAN;
	if (ok)
	{
		good = y0;
		bad = -1;
		for (step = 1; good > 0; step *= 2)
		{
			double		y = fmax(good - step, 0.0);

			if ((ok = dq_ok(cdf, par, y, p, lower)) < 0)
				return NAN;
			if (ok)
				good = y;
			else
			{
				bad = y;
				break;
			}
		}
	}
	else
	{
		bad = y0;
		good = ymax;
		for (step = 1;; step *= 2)
		{
			double		y = bad + step;

			if (y >= ymax)
				break;
			if ((ok = dq_ok(cdf, par, y, p, lower)) < 0)
				return NAN;
			if (ok)
			{
				good = y;
				break;
			}
			bad = y;
		}
		if (isinf(good))
			return good;
	}
	while (good - bad > 1)
	{
		double		mid = floor(bad + (good - bad) / 2);

		if ((ok = dq_ok(cdf, par, mid, p, lower)) < 0)
			return NAN;
		if (ok)
			good = mid;
		else
			bad = mid;
	}
	return good;
}

static double
binom_cdf(double y, const double *par, bool lower)
{
	return dist_pbinom(y, par[0], par[1], lower);
}

/* Cornish-Fisher start mu + sigma (z + gamma (z^2 - 1)/6), rounded. */
static double
cornish_fisher(double p, bool lower, double mu, double sigma, double gamma)
{
	double		z = lower ? gsl_cdf_ugaussian_Pinv(p) : gsl_cdf_ugaussian_Qinv(p);

	if (!isfinite(z))
		z = (z > 0) ? 38.0 : -38.0;
	return nearbyint(mu + sigma * (z + gamma * (z * z - 1) / 6));
}

/* Binomial quantile by R's definition (see discrete_quantile). */
double
dist_qbinom(double p, double size, double prob, bool lower)
{
	double		par[2] = {size, prob};
	double		q = 1.0 - prob,
				mu,
				sigma;

	/* R's order: the p boundaries first, then the degenerate cases */
	if (p == 0)
		return lower ? 0.0 : size;
	if (p == 1)
		return lower ? size : 0.0;
	if (size == 0 || prob == 0)
		return 0.0;
	if (prob == 1)
		return size;
	mu = size * prob;
	sigma = sqrt(mu * q);
	return discrete_quantile(binom_cdf, par, p, lower,
							 cornish_fisher(p, lower, mu, sigma, (q - prob) / sigma),
							 size);
}

/* ----------------------------------------------------------------------
 * Poisson
 * ----------------------------------------------------------------------
 */

/* P[X <= q] = Q(k + 1, lambda), k = floor(q + 1e-7) (as R). */
double
dist_ppois(double q, double lambda, bool lower)
{
	double		k;

	if (isinf(q))
		return (q > 0) == lower ? 1.0 : 0.0;
	k = floor(q + 1e-7);
	if (k < 0)
		return lower ? 0.0 : 1.0;
	if (lambda == 0)
		return lower ? 1.0 : 0.0;
	if (lambda < 1e8)
	{
		/* Sum the tail away from the mean, as in dist_pbinom. */
		double		j;
		ldouble		t,
					s;

		if (k < lambda)
		{
			t = s = pois_core(k, lambda);
			for (j = k; j > 0 && t > s * 1e-21L; j--)
			{
				t *= j / (ldouble) lambda;
				s += t;
			}
			return lower ? (double) s : (double) (1.0L - s);
		}
		t = s = pois_core(k + 1, lambda);
		for (j = k + 1; t > s * 1e-21L; j++)
		{
			t *= lambda / (j + 1.0L);
			s += t;
		}
		return lower ? (double) (1.0L - s) : (double) s;
	}
	return pgamma_raw(lambda, k + 1, !lower);
}

/* Poisson probability (Loader 2000); 0 for x negative or not whole. */
double
dist_dpois(double x, double lambda)
{
	if (isinf(x) || nonint(x))
		return 0.0;
	x = nearbyint(x);
	if (x < 0)
		return 0.0;
	return pois_core(x, lambda);
}

static double
pois_cdf(double y, const double *par, bool lower)
{
	return dist_ppois(y, par[0], lower);
}

/* Poisson quantile by R's definition (see discrete_quantile). */
double
dist_qpois(double p, double lambda, bool lower)
{
	double		sigma;

	if (lambda == 0)
		return 0.0;
	if (p == 0)
		return lower ? 0.0 : INFINITY;
	if (p == 1)
		return lower ? INFINITY : 0.0;
	sigma = sqrt(lambda);
	return discrete_quantile(pois_cdf, &lambda, p, lower,
							 cornish_fisher(p, lower, lambda, sigma, 1.0 / sigma),
							 INFINITY);
}
