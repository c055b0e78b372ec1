/*-------------------------------------------------------------------------
 *
 * dist.c
 *	  Probability distributions: CDFs (both tails computed directly),
 *	  quantiles and densities over the whole double range of their
 *	  parameters.  ACCURACY below states what is guaranteed by construction
 *	  and what the regression tests measure.
 *
 * What comes from where:
 *
 *	- Normal: our own evaluation in long double (x87 extended precision
 *	  on x86-64, quad precision on aarch64).  P[Z > z] = exp(-z^2/2)
 *	  erfcx(z/sqrt 2)/2, with z^2 split exactly into two long doubles so
 *	  that exp(-z^2/2) carries no rounding of the argument (the classic
 *	  source of error: an error e in z^2 costs e relative), and
 *	  erfcx = exp(u^2) erfc(u) from glibc's erfcl (u < 26) or its
 *	  asymptotic series; the result, good to a few long double ulps, is
 *	  rounded once to double, subnormals included (GSL's Cody
 *	  approximation returns 0 below z = -37.5, where the result is still
 *	  representable down to z = -38.47).  The quantile starts from GSL's
 *	  AS 241 (Wichura 1988, as R) and is polished by Newton steps in long
 *	  double on log P, so it too is the correctly rounded inverse up to a
 *	  few long double ulps.
 *	- Incomplete beta and gamma functions are NOT taken from GSL
 *	  (gsl_sf_beta_inc_e, gsl_sf_gamma_inc_*_e, gsl_cdf_*): GSL computes
 *	  the prefactor x^a (1-x)^b / B(a,b) as exp(a log x + b log1p(-x) -
 *	  lnbeta), which loses about |a log x| DBL_EPSILON: 6e-10 relative for
 *	  I_0.4999(5e6, 5e6), 4.6e-6 for dbinom at size 1e9; its continued
 *	  fraction gives up at shapes 5e8; gsl_cdf_tdist_P uses a
 *	  Cornish-Fisher approximation for nu > 30 (3.6e-7 relative at
 *	  nu = 100).  Instead:
 *	    * moderate parameters: the classical series and continued
 *	      fractions (Abramowitz & Stegun 6.5.29, 6.5.31, 26.5.8) with the
 *	      prefactor from Catherine Loader's saddle-point formulation ("Fast
 *	      and Accurate Computation of Binomial Probabilities", 2000),
 *	      stirlerr() and bd0(), in long double; the same formulation gives
 *	      dbinom, dpois, dbeta, df, dchisq and dt (as R does);
 *	    * incomplete gamma with a >= TEMME_MIN_A (1e5): Temme's uniform
 *	      asymptotic expansion (N. M. Temme, "The asymptotic expansion of
 *	      the incomplete gamma functions", SIAM J. Math. Anal. 10 (1979);
 *	      the form of DiDonato & Morris, ACM TOMS 12 (1986)), four terms,
 *	      whose truncation error is below 1e-22 there; the series would
 *	      need O(sqrt a) terms (10^4 at a = 1e6) and rounds its ratios
 *	      away above 2^64;
 *	    * incomplete gamma with a < 1, upper tail: 1 - x^a/Gamma(a+1) plus
 *	      an alternating series (DiDonato & Morris's small-a form), which
 *	      keeps the relative accuracy of Q(a, x) ~ a E1(x) for tiny a;
 *	    * incomplete beta with a shape >= BETA_MIX_MIN (t with df >= 2e5,
 *	      F with a huge df, binomial with huge sizes): the beta as a
 *	      mixture, I_x(a, b) = E[P(a, b x/(1-x) S^2)] with
 *	      S^2 ~ chi-square(2b)/(2b) (X1/(X1+X2) with X1, X2 gamma), the
 *	      expectation integrated numerically over log S by
 *	      dist_chi_mixture() (adaptive Gauss-Kronrod, see there).  The
 *	      continued fraction loses ~1e-21 nu relative (8.7e-15 for pt at
 *	      df 1e6, 2.6e-8 at 1e12, garbage from 1e20: measured against
 *	      mpmath) and needs O(sqrt(min(a, b))) terms.
 *	- Quantiles of continuous distributions: Newton iterations on the log
 *	  of the CDF of the tail that holds the smaller probability, safeguarded
 *	  by bisection inside a bracket; this reaches the accuracy of the CDF
 *	  even for p = 1e-300, and returns 0 or Infinity where the quantile
 *	  underflows or overflows.  Starting points: GSL's inverse CDFs for
 *	  moderate parameters (a failed or poor start only costs steps), the
 *	  normal (t), Wilson-Hilferty (chi-squared) or normal-Beta
 *	  approximations for large ones (GSL's never return or return
 *	  garbage there).
 *	- Quantiles of discrete distributions follow R's definition exactly:
 *	  the smallest y with P[X <= y] >= p (lower tail) or P[X > y] < p
 *	  (upper tail), after R's "fuzz" p * (1 -+ 8 DBL_EPSILON) (R 4.2,
 *	  nmath/qDiscrete_search.h) so that qbinom(pbinom(k)) == k; the search
 *	  starts at the Cornish-Fisher approximation and is exponential then
 *	  binary over representable doubles (above 2^53 consecutive doubles
 *	  differ by more than 1), so its cost is logarithmic in the size.
 *
 * ACCURACY (relative error, measured by sql/dist_edges.sql and
 * sql/distributions.sql against 40-50 digit mpmath or R 4.2.2, see the
 * README for the per-function table): pnorm and qnorm are within 1 ulp of
 * the exact value (0.5 ulp plus a few long double ulps), subnormal results
 * included; the other functions are within about 1e-13 relative (the
 * discrete ones where their parameters stay below ~1e15) except where the
 * problem itself amplifies the rounding of its arguments (e.g. the beta at
 * shapes 1e30, whose CDF changes by a factor over one ulp of x).
 *
 * Portability: where long double is plain double the results stay within
 * 1e-10 of R on the whole reference grid (checked under valgrind, which
 * emulates x87 in 64 bits), but the 1-ulp normal and the discrete
 * quantiles' 8 DBL_EPSILON fuzz need the extended precision.
 *
 * Every loop is bounded, and every loop that can run long calls
 * DIST_CHECK_INTERRUPTS() (see dist.h).  Arguments are assumed valid
 * (dist_sql.c validates them); NAN is returned only when an iteration
 * fails to converge.
 *
 *-------------------------------------------------------------------------
 */
#include <float.h>
#include <math.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_integration.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_sf_gamma.h>

#include "dist.h"

void		(*dist_interrupt_hook) (void) = NULL;

long double
dist_working_eps(void)
{
	static long double eps = 0;

	if (eps == 0)
	{
		volatile long double e = 1.0L;
		volatile long double s;

		for (;;)
		{
			s = 1.0L + e / 2;
			if (s == 1.0L)
				break;
			e /= 2;
		}
		eps = e;
	}
	return eps;
}

/*
 * Iteration limits.  The series and continued fractions need
 * O(sqrt(shape)) terms; shapes beyond BETA_MIX_MIN and TEMME_MIN_A take
 * other routes, so the limit is never approached on valid input.
 */
#define MAX_SERIES_TERMS	2000000
#define MAX_ROOT_STEPS		2000
/* how often (in terms) long series check for interrupts */
#define INTERRUPT_MASK		0xFFF

/* Incomplete gamma: Temme's expansion from this shape on (see header). */
#define TEMME_MIN_A			1e5L
/* Incomplete beta: the chi mixture when a shape reaches this (see header). */
#define BETA_MIX_MIN		1e5L

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
#define SQRT1_2_L		0.707106781186547524400844362104849039284L
#define SQRT_PI_2_L		1.253314137315500251207882642405522626503L	/* sqrt(pi/2) */
#define INV_SQRT_PI_L	0.564189583547756286948079451560772585844L
#define INV_SQRT_2PI_L	0.398942280401432677939946059934381868476L
#define EULER_L			0.577215664901532860606512090082402431042L
#define LN2_L			0.693147180559945309417232121458176568076L

/* ----------------------------------------------------------------------
 * Elementary long double helpers
 * ----------------------------------------------------------------------
 */

/*
 * u^2 as *hi + *lo, with *hi exact and *lo carrying the rest to a
 * relative 2^-64 of itself (|lo| <= 2^-23 u^2): uh = u rounded to 24 bits
 * (float) squares exactly, and u^2 = uh^2 + (u - uh)(u + uh).  For
 * |u| < 1e30.
 */
static void
square_split(ldouble u, ldouble *hi, ldouble *lo)
{
	ldouble		uh = (ldouble) (float) u;
	ldouble		ul = u - uh;

	*hi = uh * uh;
	*lo = ul * (u + uh);
}

/*
 * log1pmx(x) = log(1 + x) - x for x > -1, without cancellation: for
 * |x| < 1/2, with v = x / (2 + x), log(1 + x) = 2 atanh v and x v =
 * 2 v^2 / (1 - v), so log1p(x) - x = -x v + 2 (v^3/3 + v^5/5 + ...),
 * v^2 <= 1/9 (the series of Loader's bd0).
 */
static ldouble
log1pmx_l(ldouble x)
{
	ldouble		v,
				v2,
				term,
				s;
	int			j;

	if (!(fabsl(x) < 0.5L))
		return log1pl(x) - x;
	v = x / (2.0L + x);
	v2 = v * v;
	term = 2.0L * v;
	s = 0.0L;
	for (j = 1; j < 60; j++)
	{
		ldouble		s1;

		term *= v2;
		s1 = s + term / (2 * j + 1);
		if (s1 == s)
			break;
		s = s1;
	}
	return s - x * v;
}

/* expm1mx(x) = exp(x) - 1 - x, without cancellation (Taylor for |x| < 1/2). */
static ldouble
expm1mx_l(ldouble x)
{
	ldouble		term,
				s;
	int			k;

	if (!(fabsl(x) < 0.5L))
		return expm1l(x) - x;
	term = x * x / 2.0L;
	s = term;
	for (k = 3; k < 40; k++)
	{
		ldouble		s1;

		term *= x / k;
		s1 = s + term;
		if (s1 == s)
			break;
		s = s1;
	}
	return s;
}

/*
 * lgamma1p(a) = log Gamma(1 + a) for a >= 0, accurate for tiny a (where
 * 1 + a would round): for a < 0.01 the Taylor series
 * -gamma a + sum_{k>=2} (-1)^k zeta(k) a^k / k (A&S 6.1.33).
 */
static ldouble
lgamma1p_l(ldouble a)
{
	static const ldouble zeta[] = {
		1.644934066848226436472415166646025189L,	/* zeta(2) */
		1.202056903159594285399738161511449991L,
		1.082323233711138191516003696541167903L,
		1.036927755143369926331365486457034168L,
		1.017343061984449139714517929790920528L,
		1.008349277381922826839797549849796759L,
		1.004077356197944339378685238508652465L,
		1.002008392826082214417852769232412061L,
		1.000994575127818085337145958900319017L,	/* zeta(10) */
	};
	ldouble		s = -EULER_L * a;
	ldouble		ak = -a;		/* (-a)^k */
	int			k;

	if (a >= 0.01L)
		return lgammal(1.0L + a);
	for (k = 2; k <= 10; k++)
	{
		ak *= -a;
		s += zeta[k - 2] * ak / k;
	}
	return s;
}

/* log(exp(x) + exp(y)) without overflow */
static ldouble
logaddexp_l(ldouble x, ldouble y)
{
	if (x < y)
	{
		ldouble		t = x;

		x = y;
		y = t;
	}
	if (isinf(y) && y < 0)
		return x;
	return x + log1pl(expl(y - x));
}

/*
 * A log-probability is at most 0, a probability in [0, 1]: rounding can
 * push a sum of terms (a series, a quadrature, log P + log(sum)) a few
 * ulps beyond, which would show as 1.0000000000000002, or as NaN in
 * log(1 - e^v).  log_prob_l() and prob_l() put such a value back on the
 * bound (NaN passes through); log1mexp_l(v) is log(1 - e^v) for a
 * log-probability v.
 */
static ldouble
log_prob_l(ldouble v)
{
	return v > 0.0L ? 0.0L : v;
}

static double
prob_l(ldouble p)
{
	if (p > 1.0L)
		return 1.0;
	if (p < 0.0L)
		return 0.0;
	return (double) p;
}

static ldouble
log1mexp_l(ldouble v)
{
	return log1pl(-expl(log_prob_l(v)));
}

/* c[0] + c[1] x + ... + c[n-1] x^(n-1) by Horner's rule */
static ldouble
poly_l(const ldouble *c, int n, ldouble x)
{
	ldouble		s = 0.0L;

	while (n-- > 0)
		s = s * x + c[n];
	return s;
}

/* ----------------------------------------------------------------------
 * Normal
 * ----------------------------------------------------------------------
 */

/*
 * erfcx(u) = exp(u^2) erfc(u) for u >= 0.  Below 26, glibc's erfcl (a
 * few long double ulps) times exp(u^2) with u^2 split exactly, so that
 * the product is erfcx at u itself; from 26 on the asymptotic series
 * sqrt(pi) u erfcx(u) = sum_n (-1)^n (2n-1)!! / (2u^2)^n (A&S 7.1.23),
 * alternating with decreasing terms, whose 13th term is below 1e-25.
 */
static ldouble
erfcx_l(ldouble u)
{
	ldouble		hi,
				lo,
				s,
				term,
				r;
	int			n;

	if (u < 26.0L)
	{
		square_split(u, &hi, &lo);
		return erfcl(u) * expl(hi) * expl(lo);
	}
	r = 1.0L / (2.0L * u * u);
	s = 1.0L;
	term = 1.0L;
	for (n = 1; n <= 12; n++)
	{
		term *= -(2 * n - 1) * r;
		s += term;
	}
	return s * INV_SQRT_PI_L / u;
}

/*
 * P[Z > z] for z >= 0: exp(-z^2/2) erfcx(z/sqrt 2) / 2 with z^2 split
 * exactly (the relative error of erfcx at z/sqrt 2 rounded is only that
 * of the rounding, as d log erfcx / d log u is at most 1).  Zero beyond
 * z = 150, where the long double underflows (and so does every double).
 */
static ldouble
norm_upper_l(ldouble z)
{
	ldouble		hi,
				lo;

	if (z > 150.0L)
		return 0.0L;
	square_split(z, &hi, &lo);
	return expl(-0.5L * hi) * expl(-0.5L * lo) * 0.5L * erfcx_l(z * SQRT1_2_L);
}

/* log P[Z > z] for z >= 0, any size */
static ldouble
log_norm_upper_l(ldouble z)
{
	ldouble		hi,
				lo;

	if (z > 1e15L)
		return -0.5L * z * z - logl(z) - LN_SQRT_2PI_L;
	square_split(z, &hi, &lo);
	return -0.5L * hi - 0.5L * lo + logl(0.5L * erfcx_l(z * SQRT1_2_L));
}

/* log P[Z <= z] (lower) or log P[Z > z], any z. */
long double
dist_log_pnorm_l(long double z, bool lower)
{
	if (isnan(z))
		return NAN;
	if (lower)
		z = -z;
	/* now log P[Z > z] */
	if (isinf(z))
		return z > 0 ? -INFINITY : 0.0L;
	if (z >= 0)
		return log_norm_upper_l(z);
	return log1pl(-norm_upper_l(-z));
}

/*
 * P[X <= q] or P[X > q] for X ~ N(mean, sd^2): the standard normal at
 * z = (q - mean) / sd (rounded to double, as R does), correctly rounded
 * up to a few long double ulps, subnormals included.
 */
double
dist_pnorm(double q, double mean, double sd, bool lower)
{
	double		z = (q - mean) / sd;

	if (isinf(z))
		return (z > 0) == lower ? 1.0 : 0.0;
	if (lower)
		z = -z;
	/* P[Z > z] */
	if (z >= 0)
		return (double) norm_upper_l(z);
	return (double) (1.0L - norm_upper_l(-z));
}

/*
 * Normal quantile: mean + sd z with P[Z > z] = r for the tail holding the
 * smaller probability r = min(p, 1 - p) (1 - p is exact for p >= 1/2).
 * GSL's AS 241 (~1e-16) starts Newton's method in long double on
 * log P[Z > z] - log r, whose step is (log Q - log r) Q / phi and
 * Q / phi = sqrt(pi/2) erfcx(z / sqrt 2); each step squares the relative
 * error, so one step from AS 241's 1e-16 reaches the long double
 * resolution (more are taken if the start was poor).
 */
double
dist_qnorm(double p, double mean, double sd, bool lower)
{
	double		r;
	bool		negative;
	ldouble		z,
				logr;
	int			i;

	if (p == 0 || p == 1)
		return ((p == 1) == lower ? INFINITY : -INFINITY);
	if (p == 0.5)
		return mean;
	/* the quantile is below the mean iff the lower-tail probability < 1/2 */
	negative = (p < 0.5) == lower;
	r = p < 0.5 ? p : 1.0 - p;
	z = gsl_cdf_ugaussian_Qinv(r);
	if (!isfinite(z) || z < 0)
		z = sqrtl(-2.0L * logl(r));
	logr = logl(r);
	for (i = 0; i < 4; i++)
	{
		ldouble		step = (log_norm_upper_l(z) - logr) * SQRT_PI_2_L *
			erfcx_l(z * SQRT1_2_L);

		z += step;
		/* quadratic convergence: after a step below 1e-10 the next is nil */
		if (fabsl(step) <= 1e-10L * z)
			break;
	}
	return (double) (mean + (ldouble) sd * (negative ? -z : z));
}

/*
 * Normal density exp(-z^2/2) / (sd sqrt(2 pi)), z = (x - mean)/sd in long
 * double and z^2 split exactly: a few long double ulps, and a subnormal or
 * tiny sd gives the exact 0 or Infinity R gives instead of an error.
 */
double
dist_dnorm(double x, double mean, double sd)
{
	ldouble		z,
				hi,
				lo;

	if (isinf(x))
		return 0.0;
	z = fabsl(((ldouble) x - mean) / sd);
	if (z > 200.0L)
		return 0.0;
	square_split(z, &hi, &lo);
	return (double) (expl(-0.5L * hi) * expl(-0.5L * lo) * INV_SQRT_2PI_L / sd);
}

/* ----------------------------------------------------------------------
 * Loader's saddle-point building blocks
 * ----------------------------------------------------------------------
 */

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
		return lgamma1p_l(n) - (n + 0.5L) * logl(n) + n - LN_SQRT_2PI_L;
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
 * (x-m) v + 2x (v^3/3 + v^5/5 + ...), v = (x-m)/(x+m).  bd0_2 takes
 * m = mh + ml as an unevaluated sum (see binom_core): near x the series
 * then sees x - m exactly.
 */
static ldouble
bd0_2(ldouble x, ldouble mh, ldouble ml)
{
	ldouble		m = mh + ml;

	if (fabsl(x - m) < 0.1L * (x + m))
	{
		ldouble		d = (x - mh) - ml;
		ldouble		v = d / (x + m);
		ldouble		s = d * v;
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

static ldouble
bd0(ldouble x, ldouble m)
{
	return bd0_2(x, m, 0.0L);
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
	ldouble		lc,
				np,
				nq;

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
	/*
	 * n p and n q as exact two-term sums (a fused multiply-add gives the
	 * rounding error): a relative error e in n p shifts bd0 by
	 * (k - n p) e, 1e-12 at n = 1e12 in the far tails otherwise
	 */
	np = n * p;
	nq = n * q;
	lc = stirlerr(n) - stirlerr(k) - stirlerr(l)
		- bd0_2(k, np, fmal(n, p, -np)) - bd0_2(l, nq, fmal(n, q, -nq));
	return expl(lc - 0.5L * (LN_2PI_L + logl(k) + logl(l / n)));
}

/*
 * log of pois_core(x, lambda) = lambda^x e^-lambda / Gamma(x+1), real
 * x >= 0 (Loader 2000): the log Poisson probability for integer x.
 */
static ldouble
log_pois_core(ldouble x, ldouble lambda)
{
	if (lambda == 0)
		return x == 0 ? 0.0L : -INFINITY;
	if (x == 0)
		return -lambda;
	if (isinf(lambda))
		return -INFINITY;
	return -stirlerr(x) - bd0(x, lambda) - 0.5L * (LN_2PI_L + logl(x));
}

static ldouble
pois_core(ldouble x, ldouble lambda)
{
	return expl(log_pois_core(x, lambda));
}

/* ----------------------------------------------------------------------
 * Incomplete gamma
 * ----------------------------------------------------------------------
 */

/*
 * Temme's uniform expansion for a >= TEMME_MIN_A (see the file header),
 * at x = a (1 + mu): mu is passed rather than x because a relative error e
 * in x shifts the result by e sqrt(a) standard deviations (callers form mu
 * without that rounding).  With eta = sign(mu) sqrt(-2 log1pmx(mu)),
 *	 Q(a, x) = erfc(eta sqrt(a/2))/2 + R,  P = erfc(-eta sqrt(a/2))/2 - R,
 *	 R = exp(-a eta^2/2) / sqrt(2 pi a) (C0(eta) + C1(eta)/a + C2/a^2 + ...),
 *	 C0 = 1/mu - 1/eta,  C1 = 1/eta^3 - 1/mu^3 - 1/mu^2 - 1/(12 mu).
 * For |eta| < 0.3 C0..C3 from their Taylor series (exact rational
 * coefficients from test/reference/gen_temme_coefficients.py; the closed
 * forms cancel near 0; series truncation below 1e-19, expansion
 * truncation C4/a^4 < 1e-22 for a >= 1e5).  Beyond, C0 and C1 in closed
 * form: the dropped C2/a^2 is then below 1e-17 relative for a >= 1e7, and
 * for smaller a the small tail is below exp(-a 0.3^2/2) < e^-4500 (a
 * long double underflow, and nothing next to the other tail).  The factor
 * exp(-a eta^2/2) = exp(a log1pmx(mu)) is taken out of both terms, so the
 * small tail is returned as a log without underflow.
 */
static ldouble
pgamma_temme_log(ldouble mu, ldouble a, bool lower)
{
	static const ldouble d0[] = {
		-1.0L / 3.0L,
		1.0L / 12.0L,
		-2.0L / 135.0L,
		1.0L / 864.0L,
		1.0L / 2835.0L,
		-139.0L / 777600.0L,
		1.0L / 25515.0L,
		-571.0L / 261273600.0L,
		-281.0L / 151559100.0L,
		163879.0L / 197522841600.0L,
		-5221.0L / 29554024500.0L,
		5246819.0L / 782190452736000.0L,
		5459.0L / 531972441000.0L,
		-534703531.0L / 122021710626816000.0L,
		91207079.0L / 99704934754425000.0L,
		-4483131259.0L / 175711263302615040000.0L,
		-2650986803.0L / 45465450248017800000.0L,
		432261921612371.0L / 17743323368298066739200000.0L,
		-6171801683.0L / 1227567156696480600000.0L,
		6232523202521089.0L / 56636688191607429031526400000.0L,
		4283933145517.0L / 12705320071808574210000000.0L,
		-25834629665134204969.0L / 185541790515705937507280486400000.0L
	};
	static const ldouble d1[] = {
		-1.0L / 540.0L,
		-1.0L / 288.0L,
		1.0L / 378.0L,
		-77.0L / 77760.0L,
		1.0L / 4860.0L,
		-1.0L / 2488320.0L,
		-2743.0L / 151559100.0L,
		41969.0L / 5486745600.0L,
		-11.0L / 6823440.0L,
		47207.0L / 10158317568000.0L,
		3761.0L / 27280638000.0L,
		-3599669.0L / 62575236218880.0L,
		61903187.0L / 5179477130100000.0L,
		-4193939.0L / 239062943268864000.0L,
		-2570401.0L / 2547084047508000.0L,
		54310133948197.0L / 130465613002191667200000.0L
	};
	static const ldouble d2[] = {
		25.0L / 6048.0L,
		-139.0L / 51840.0L,
		1.0L / 1296.0L,
		1.0L / 497664.0L,
		-6199.0L / 57736800.0L,
		5531.0L / 104509440.0L,
		-1219.0L / 95528160.0L,
		19321.0L / 564350976000.0L,
		121.0L / 88179840.0L,
		-5118973.0L / 8126654054400.0L,
		834489499.0L / 5843512659600000.0L,
		-12301049.0L / 60072226770124800.0L
	};
	static const ldouble d3[] = {
		101.0L / 155520.0L,
		571.0L / 2488320.0L,
		-54179.0L / 115473600.0L,
		41969.0L / 156764160.0L,
		-20639.0L / 272937600.0L,
		-19321.0L / 80621568000.0L,
		14659.0L / 1322697600.0L,
		-19215991.0L / 3386105856000.0L
	};
	ldouble		lpm = log1pmx_l(mu);
	ldouble		eta = sqrtl(-2.0L * lpm);
	ldouble		c,
				bterm,
				u,
				lt;

	if (mu < 0)
		eta = -eta;
	if (fabsl(eta) < 0.3L)
	{
		ldouble		ai = 1.0L / a;

		c = poly_l(d3, sizeof(d3) / sizeof(d3[0]), eta);
		c = c * ai + poly_l(d2, sizeof(d2) / sizeof(d2[0]), eta);
		c = c * ai + poly_l(d1, sizeof(d1) / sizeof(d1[0]), eta);
		c = c * ai + poly_l(d0, sizeof(d0) / sizeof(d0[0]), eta);
	}
	else
		c = 1.0L / mu - 1.0L / eta
			+ (1.0L / (eta * eta * eta) - 1.0L / (mu * mu * mu) - 1.0L / (mu * mu)
			   - 1.0L / (12.0L * mu)) / a;
	bterm = c * INV_SQRT_2PI_L / sqrtl(a);
	u = fabsl(eta) * sqrtl(0.5L * a);
	if (mu >= 0)
	{
		/* the upper tail is the small one */
		lt = a * lpm + logl(0.5L * erfcx_l(u) + bterm);
		return lower ? log1mexp_l(lt) : log_prob_l(lt);
	}
	lt = a * lpm + logl(0.5L * erfcx_l(u) - bterm);
	return lower ? log_prob_l(lt) : log1mexp_l(lt);
}

/*
 * log P(a,x) (lower) or log Q(a,x) (upper), the regularized incomplete
 * gamma functions, x >= 0, a > 0, in long double and as logs (no
 * underflow).  For x < a + 1 the series (A&S 6.5.29)
 *   P(a,x) = x^a e^-x / Gamma(a+1) * sum_n x^n / ((a+1)...(a+n)),
 * otherwise Legendre's continued fraction (A&S 6.5.31)
 *   Q(a,x) = x^a e^-x / Gamma(a) * 1/(x+1-a- 1(1-a)/(x+3-a- 2(2-a)/...)),
 * by modified Lentz; prefactors by Loader's pois_core().  The tail not
 * computed directly is 1 minus the other, which is then above ~0.2,
 * except for a < 1 (where Q(a, x) ~ a E1(x) can be tiny): there
 * Q = 1 - x^a/Gamma(a+1) + x^a/Gamma(a+1) a sum_{n>=1} (-1)^(n+1) x^n /
 * (n! (a+n)), the first term as -expm1(a log x - lgamma1p(a)).  Large a:
 * Temme for a/2 < x < 2a; outside, the series (x <= a/2) or the
 * asymptotic series of Q (x >= 2a), both with ratios below 1/2 (Temme's
 * terms cancel there).  NAN if an iteration fails.
 */
static ldouble
pgamma_log_core(ldouble x, ldouble a, bool lower)
{
	long		n;

	if (isnan(x) || isnan(a))
		return NAN;
	if (x <= 0)
		return lower ? -INFINITY : 0.0L;
	if (isinf(x))
		return lower ? 0.0L : -INFINITY;
	if (a >= TEMME_MIN_A)
	{
		if (x >= 2.0L * a)
		{
			/*
			 * far upper tail, where Temme's two terms cancel to their
			 * 1/mu remainder: Q(a, x) = pois_core(a, x) (a/x) (1 + (a-1)/x
			 * + (a-1)(a-2)/x^2 + ...), ratios below 1/2 (A&S 6.5.32)
			 */
			ldouble		t = 1.0L,
						sum = 1.0L,
						logQ;

			for (n = 1; n < 200; n++)
			{
				t *= (a - n) / x;
				if (t <= sum * dist_working_eps() / 4)
					break;
				sum += t;
			}
			logQ = log_pois_core(a, x) + logl(a / x) + logl(sum);
			return lower ? log1mexp_l(logQ) : logQ;
		}
		if (x > 0.5L * a)
			return pgamma_temme_log((x - a) / a, a, lower);
		/* x <= a/2: the series below converges with ratios below 1/2 */
	}
	if (x < a + 1.0L)
	{
		ldouble		lpre,
					sum = 1.0L,
					term = 1.0L,
					ap = a,
					logP;

		if (!lower && a < 1.0L)
		{
			/* small-a upper tail (see above); x < 2 here */
			ldouble		lxa = a * logl(x) - lgamma1p_l(a);
			ldouble		s = 0.0L,
						t = 1.0L;

			for (n = 1; n < 200; n++)
			{
				ldouble		s1;

				t *= -x / n;
				s1 = s - t / (a + n);
				if (s1 == s)
					break;
				s = s1;
			}
			return logl(-expm1l(lxa) + expl(lxa) * a * s);
		}
		lpre = log_pois_core(a, x);
		if (isinf(lpre))
			return lower ? -INFINITY : 0.0L;
		for (n = 1; n < MAX_SERIES_TERMS; n++)
		{
			ap += 1.0L;
			term *= x / ap;
			sum += term;
			if (term <= sum * (dist_working_eps() / 4))
				break;
			if ((n & INTERRUPT_MASK) == 0)
				DIST_CHECK_INTERRUPTS();
		}
		if (n == MAX_SERIES_TERMS)
			return NAN;
		logP = lpre + logl(sum);
		return lower ? logP : log1mexp_l(logP);
	}
	else
	{
		const ldouble tiny = 1e-300L;
		ldouble		lpre = logl(a) + log_pois_core(a, x);
		ldouble		bb = x + 1.0L - a,
					c = 1.0L / tiny,
					d = 1.0L / bb,
					h = d,
					logQ;

		if (isinf(lpre))
			return lower ? 0.0L : -INFINITY;
		for (n = 1; n < MAX_SERIES_TERMS; n++)
		{
			ldouble		an = -n * (n - a),
						del;

			bb += 2.0L;
			d = an * d + bb;
			if (fabsl(d) < tiny)
				d = tiny;
			c = bb + an / c;
			if (fabsl(c) < tiny)
				c = tiny;
			d = 1.0L / d;
			del = d * c;
			h *= del;
			if (fabsl(del - 1.0L) <= dist_working_eps())
				break;
			if ((n & INTERRUPT_MASK) == 0)
				DIST_CHECK_INTERRUPTS();
		}
		if (n == MAX_SERIES_TERMS)
			return NAN;
		logQ = lpre + logl(h);
		return lower ? log1mexp_l(logQ) : logQ;
	}
}

/* pgamma_log_core() as a log-probability (see log_prob_l) */
static ldouble
pgamma_log(ldouble x, ldouble a, bool lower)
{
	return log_prob_l(pgamma_log_core(x, a, lower));
}

/* P(a, x) or Q(a, x) as a double */
static double
pgamma_raw(ldouble x, ldouble a, bool lower)
{
	return (double) expl(pgamma_log(x, a, lower));
}

/* ----------------------------------------------------------------------
 * Mixtures over the chi distribution, by adaptive Gauss-Kronrod
 * ----------------------------------------------------------------------
 */

/*
 * dist_chi_mixture (see dist.h) computes E[exp(inner(Y))] for Y = log S,
 * S^2 = V / nu, V ~ chi-square(nu).  The density of Y is
 *	 f(y) = 2 m^m / Gamma(m) exp(2 m y - m e^(2y)),	m = nu/2,
 *	 log f(y) = K - m expm1mx(2y),	K = log 2 + m log m - m - lgamma(m)
 *			  = log(nu/pi)/2 - stirlerr(m) (Loader's form, exact for large m),
 * computed without cancellation for any nu (the width of Y is
 * 1/sqrt(2 nu), 1e-154 at nu = 1e308, so y itself is the variable and
 * never 1 + y).  The integrand g(y) = exp(inner(y) + log f(y)) is
 * unimodal (callers guarantee it: log g is concave in e^y for the
 * noncentral t, and in y for the beta/F mixtures, whose inner is the log
 * of a gamma CDF in log-argument, a log-concave function).
 *
 * The integral:
 *	1. the maximum of log g is bracketed by steps doubling from the mode of
 *	   f (width 1/sqrt(2 nu)) and located by golden-section search until the
 *	   bracket's ends are within 1/4 of the maximum H (so the bracket is
 *	   about the width of the peak);
 *	2. on each side, w = the distance (doubling from half that bracket) at
 *	   which log g has dropped by 1/2 (one standard deviation of a
 *	   Gaussian peak); breakpoints at y* +- 2w 2^k until log g has dropped
 *	   by T = 45 + log(extent / w) below H, or reached y_left.
 *	   Beyond a cut the integrand is below e^-T times its maximum and
 *	   decreasing (unimodality), and on the open right side decays at least
 *	   like exp(-T (e^(y - y_cut) - 1)) (concavity in e^y), so the mass left
 *	   out is below e^-45 of the total;
 *	3. each panel is integrated with GSL's 21-point Gauss-Kronrod rule
 *	   (gsl_integration_qk21, no allocation) of exp(log g - H), and the
 *	   panel with the largest error estimate is bisected until the summed
 *	   estimate is below MIX_REL_TOL of the total (QUADPACK's estimate is
 *	   pessimistic for smooth integrands, and never below 50 DBL_EPSILON
 *	   of a panel; the actual error is then near DBL_EPSILON);
 *	4. below y_left, inner is log_left (to 2^-60), and that part is
 *	   exp(log_left) P[V <= nu e^(2 y_left)] exactly;
 *	5. the caller also gives where inner() turns from 0 towards -Infinity
 *	   (y_step) and over what width (w_step): an integrand that is a
 *	   plateau ending in a cliff has its maximum away from the cliff, and
 *	   breakpoints at y_step + w_step {0, +-1, +-2, ..., +-32} keep every
 *	   panel smooth (without them a 21-point rule can straddle the cliff
 *	   and misjudge its own error: 2e-5 relative for the noncentral t at
 *	   df 0.3, q 6582, ncp 6868).
 * The whole costs some 300 to 1000 evaluations of inner.
 */
#define MIX_MAX_PANELS	400
#define MIX_REL_TOL		4e-14
#define MIX_DROP		45.0L

typedef struct MixState
{
	ldouble		m;				/* nu / 2 */
	ldouble		K;				/* log f(0) */
	DistLogInner inner;
	const void *arg;
	ldouble		H;				/* log g at the maximum */
	bool		failed;
	bool		nan_seen;		/* inner() returned NaN */
} MixState;

/* log g(y) = inner(y) + log f(y) */
static ldouble
mix_log_g(MixState *s, ldouble y)
{
	ldouble		v = s->inner(y, s->arg);

	if (isnan(v))
	{
		s->failed = s->nan_seen = true;
		return -INFINITY;
	}
	return v + s->K - s->m * expm1mx_l(2.0L * y);
}

/* the integrand GSL sees: exp(log g(y) - H) */
static double
mix_integrand(double y, void *p)
{
	MixState   *s = (MixState *) p;

	return (double) expl(mix_log_g(s, y) - s->H);
}

typedef struct MixPanel
{
	double		a,
				b,
				result,
				err;
} MixPanel;

static void
mix_panel(MixState *s, MixPanel *p)
{
	gsl_function F;
	double		resabs,
				resasc;

	F.function = mix_integrand;
	F.params = s;
	gsl_integration_qk21(&F, p->a, p->b, &p->result, &p->err, &resabs, &resasc);
	if (!isfinite(p->result) || !isfinite(p->err))
		s->failed = true;
}

/*
 * Step from y* by s0 2^k (dir = +1 or -1) until log g falls T below H or
 * the limit is passed; append the points to pts (n, at most max).
 */
static int
mix_cuts(MixState *s, ldouble ystar, ldouble s0, int dir, ldouble T,
		 ldouble limit, double *pts, int n, int max)
{
	ldouble		step = s0;
	int			k;

	for (k = 0; k < 200 && n < max; k++)
	{
		ldouble		y = ystar + dir * step;

		if ((dir < 0 && y <= limit) || (dir > 0 && y >= limit))
		{
			pts[n++] = (double) limit;
			return n;
		}
		pts[n++] = (double) y;
		if (mix_log_g(s, y) < s->H - T)
			return n;
		step *= 2;
	}
	s->failed = true;
	return n;
}

/*
 * The distance from y* (doubling from s0, in direction dir, not beyond
 * limit) at which log g has dropped by 1/2: about one standard deviation
 * of a Gaussian-shaped peak.
 */
static ldouble
mix_half_width(MixState *s, ldouble ystar, ldouble s0, int dir, ldouble limit)
{
	ldouble		w = s0;
	int			k;

	for (k = 0; k < 60; k++)
	{
		ldouble		y = ystar + dir * w;

		if ((dir < 0 && y <= limit) || (dir > 0 && y >= limit))
			return fabsl(limit - ystar) / 2;
		if (mix_log_g(s, y) < s->H - 0.5L)
			return w;
		w *= 2;
	}
	return w;
}

long double
dist_chi_mixture(long double nu, DistLogInner inner, const void *arg,
				 long double y_left, long double log_left,
				 long double y_step, long double w_step, bool *failed)
{
	MixState	s;
	ldouble		lo = isfinite(y_left) ? y_left : -INFINITY;
	ldouble		sigma0,
				ya,
				yb,
				yc,
				ha,
				hb,
				hc,
				ystar,
				s0,
				wl,
				wr,
				logA = -INFINITY,
				total,
				err,
				tol;
	double		left[210],
				right[210],
				pts[445];
	MixPanel	panels[MIX_MAX_PANELS];
	int			nl,
				nr,
				npts,
				npanels,
				i,
				it;
	const ldouble gr = 0.381966011250105151795413165634361883L;	/* 2 - phi */

	*failed = false;
	s.m = nu / 2.0L;
	s.K = s.m < 1.0L
		? logl(2.0L) + s.m * logl(s.m) - s.m - lgammal(s.m)
		: 0.5L * logl(nu / M_PI) - stirlerr(s.m);
	s.inner = inner;
	s.arg = arg;
	s.H = 0.0L;
	s.failed = false;
	s.nan_seen = false;

	/* 4. the part below y_left */
	if (isfinite(y_left) && !(isinf(log_left) && log_left < 0))
		logA = log_left + pgamma_log(s.m * expl(2.0L * y_left), s.m, true);

	/* 1. bracket the maximum, starting at the mode of f (or lo) */
	sigma0 = fminl(1.0L, 1.0L / sqrtl(2.0L * nu));
	yb = fmaxl(0.0L, lo);
	hb = mix_log_g(&s, yb);
	if (isinf(hb) || s.failed)
	{
		/* no mass where S is near its mode: only the left part is left */
		*failed = s.failed || isinf(logA);
		return logA;
	}
	yc = yb + sigma0 / 4;
	hc = mix_log_g(&s, yc);
	ya = fmaxl(yb - sigma0 / 4, lo);
	ha = (ya == yb) ? hb : mix_log_g(&s, ya);
	if (hc > hb)
	{
		/* uphill to the right: (ya, yb, yc) moves right until hc <= hb */
		ldouble		step = sigma0 / 4;

		for (it = 0; hc > hb; it++)
		{
			if (it > 400)
			{
				*failed = true;
				return NAN;
			}
			ya = yb;
			ha = hb;
			yb = yc;
			hb = hc;
			step *= 2;
			yc = yb + step;
			hc = mix_log_g(&s, yc);
		}
	}
	else if (ha > hb)
	{
		ldouble		step = sigma0 / 4;

		for (it = 0; ha > hb && ya > lo; it++)
		{
			if (it > 400)
			{
				*failed = true;
				return NAN;
			}
			yc = yb;
			hc = hb;
			yb = ya;
			hb = ha;
			step *= 2;
			ya = fmaxl(yb - step, lo);
			ha = mix_log_g(&s, ya);
		}
		if (ha > hb)
		{
			/* the maximum is at the left end: search [lo, yb] */
			yc = yb;
			hc = hb;
			yb = ya;
			hb = ha;
		}
	}
	/* golden-section search in [ya, yc] around yb */
	for (it = 0; it < 300 && yc > ya && !(ha >= hb - 0.25L && hc >= hb - 0.25L); it++)
	{
		ldouble		y,
					h;
		bool		right_side = (yc - yb) > (yb - ya);

		y = right_side ? yb + gr * (yc - yb) : yb - gr * (yb - ya);
		if (y == yb || y == ya || y == yc)
			break;
		h = mix_log_g(&s, y);
		if (h > hb)
		{
			if (right_side)
			{
				ya = yb;
				ha = hb;
			}
			else
			{
				yc = yb;
				hc = hb;
			}
			yb = y;
			hb = h;
		}
		else if (right_side)
		{
			yc = y;
			hc = h;
		}
		else
		{
			ya = y;
			ha = h;
		}
		DIST_CHECK_INTERRUPTS();
	}
	ystar = yb;
	s.H = hb;
	s0 = (yc - ya) / 2;
	if (!(s0 > 0))
		s0 = sigma0 / 64;
	s0 = fmaxl(s0, fabsl(ystar) * 4 * dist_working_eps() + LDBL_MIN);

	/* 2. breakpoints */
	wr = mix_half_width(&s, ystar, s0, +1, INFINITY);
	nr = mix_cuts(&s, ystar, 2 * wr, +1, MIX_DROP, INFINITY, right, 0, 205);
	if (ystar > lo)
	{
		wl = mix_half_width(&s, ystar, s0, -1, lo);
		nl = mix_cuts(&s, ystar, 2 * wl, -1,
					  MIX_DROP + (isfinite(lo) ? logl(fmaxl(1.0L, (ystar - lo) / wl)) : 0.0L),
					  lo, left, 0, 205);
	}
	else
		nl = 0;
	npts = 0;
	for (i = nl - 1; i >= 0; i--)
		pts[npts++] = left[i];
	pts[npts++] = (double) ystar;
	for (i = 0; i < nr; i++)
		pts[npts++] = right[i];
	if (isfinite(y_step) && w_step > 0)
	{
		/*
		 * the inner probability's own transition (its cliff): breakpoints
		 * at its scale inside the range, so that no panel straddles it (a
		 * plateau ending in a cliff has its maximum elsewhere)
		 */
		static const int mult[] = {0, -1, 1, -2, 2, -4, 4, -8, 8, -16, 16, -32, 32};
		double		first = pts[0],
					last = pts[npts - 1];
		int			k,
					n0 = npts;

		for (k = 0; k < (int) (sizeof(mult) / sizeof(mult[0])); k++)
		{
			double		y = (double) (y_step + mult[k] * w_step);

			if (y > first && y < last)
				pts[npts++] = y;
		}
		/* insertion sort of the new points into place */
		for (i = n0; i < npts; i++)
		{
			double		v = pts[i];
			int			j = i - 1;

			while (j >= 0 && pts[j] > v)
			{
				pts[j + 1] = pts[j];
				j--;
			}
			pts[j + 1] = v;
		}
	}

	/*
	 * 3. adaptive Gauss-Kronrod, to MIX_REL_TOL or, when log g is a
	 * difference of huge terms (an underflowing result, e^-1e8), to the
	 * rounding noise of log g itself
	 */
	tol = fmaxl(MIX_REL_TOL, 64 * (fabsl(s.H) + fabsl(s.K)) * dist_working_eps());
	npanels = 0;
	for (i = 0; i + 1 < npts; i++)
	{
		if (!(pts[i + 1] > pts[i]))
			continue;
		panels[npanels].a = pts[i];
		panels[npanels].b = pts[i + 1];
		mix_panel(&s, &panels[npanels]);
		npanels++;
	}
	for (;;)
	{
		int			worst = 0;
		double		mid;

		total = 0.0L;
		err = 0.0L;
		for (i = 0; i < npanels; i++)
		{
			total += panels[i].result;
			err += panels[i].err;
			if (panels[i].err > panels[worst].err)
				worst = i;
		}
		if (s.failed || err <= tol * total)
			break;
		if (npanels >= MIX_MAX_PANELS)
		{
			s.failed = true;
			break;
		}
		mid = 0.5 * (panels[worst].a + panels[worst].b);
		if (!(mid > panels[worst].a && mid < panels[worst].b))
		{
			s.failed = true;
			break;
		}
		panels[npanels].a = mid;
		panels[npanels].b = panels[worst].b;
		panels[worst].b = mid;
		mix_panel(&s, &panels[worst]);
		mix_panel(&s, &panels[npanels]);
		npanels++;
		DIST_CHECK_INTERRUPTS();
	}
	/*
	 * A tolerance not reached is no failure when the result is far below
	 * the long double range anyway (the noise of e^-1e8 against itself).
	 */
	*failed = s.failed && (s.nan_seen || s.H + logl(fmaxl(total, LDBL_MIN)) > -11000.0L
						   || logA > -11000.0L);
	/* inner() is a log-probability, so is the expectation */
	if (!(total > 0))
		return log_prob_l(logA);
	return log_prob_l(logaddexp_l(logA, s.H + logl(total)));
}

/* ----------------------------------------------------------------------
 * The t family as a normal mixture over the chi distribution
 * ----------------------------------------------------------------------
 */

/*
 * dist_t_mixture: P[T <= q] (lower) or P[T > q] for T = (Z + delta) / S,
 * Z standard normal, S^2 ~ chi-square(nu)/nu independent: the central
 * (delta = 0) and noncentral t distributions.  Conditionally on S = e^y,
 *	 P[T <= q | y] = Phi(q e^y - delta),  P[T > q | y] = Phi(delta - q e^y),
 * so with s = +-1 (the tail), a = s q and c = -s delta, the probability is
 * E[Phi(c + a e^y)], computed by dist_chi_mixture() with
 * inner(y) = log Phi(c + a e^y) (t_mix_log_pnorm; the argument in long
 * double, near y = 0 as (a + c) + a expm1(y), exact where it cancels).  The
 * integrand is unimodal: as a function of S it is Phi(a S + c) (log-concave
 * in S) times the chi density S^(nu-1) e^(-nu S^2/2) (log-concave in S
 * once the Jacobian of y = log S is included: nu log S - nu S^2/2), so
 * its log is concave in e^y.  Every term is positive, so both tails have
 * the relative accuracy of the quadrature (no 1 - P anywhere), at any
 * delta, nu and q (|q| up to DBL_MAX: no q^2 is formed).
 *
 * Where |a| e^y (|c| + 2) < 2^-64, Phi(c + a e^y) is Phi(c) to 2^-64
 * relative (the Mills ratio bounds d log Phi/dw by |w| + 1), so below
 * y_left = log(2^-64 / (|a| (|c| + 2))) the integral is
 * Phi(c) P[S <= e^y_left] (small df put most of S's mass there: for
 * nu = 1e-3 S is below e^-500 with probability 1/2).
 */
/*
 * erfcx(u) = exp(u^2) erfc(u), u >= 0, in double: glibc's erfc (about 1
 * ulp) times exp(u^2) with u^2 split exactly by a fused multiply-add, or
 * from 26 on the asymptotic series of erfcx_l; a few ulps.
 */
static double
erfcx_d(double u)
{
	double		hi,
				lo,
				r,
				s,
				term;
	int			n;

	if (u < 26.0)
	{
		hi = u * u;
		lo = fma(u, u, -hi);
		return erfc(u) * exp(hi) * (1.0 + lo);
	}
	r = 1.0 / (2.0 * u * u);
	s = 1.0;
	term = 1.0;
	for (n = 1; n <= 12; n++)
	{
		term *= -(2 * n - 1) * r;
		s += term;
	}
	return s * (double) INV_SQRT_PI_L / u;
}

/*
 * log Phi(w) for the integrand of the t mixture: a few double ulps, ten
 * times faster than dist_log_pnorm_l (glibc's long double erfcl is slow),
 * which is all a quadrature node needs.  Phi is evaluated at w rounded to
 * double as exp(-z^2/2) erfcx(z/sqrt 2)/2 (z^2 split exactly, so only the
 * insensitive erfcx sees the rounded z/sqrt 2), and the rounding of w is
 * put back to first order: d log Phi/dw = phi/Phi.
 */
static ldouble
t_mix_log_pnorm(ldouble w)
{
	double		wd = (double) w;
	double		dw = (double) (w - wd);
	double		z = fabs(wd),
				hi,
				lo,
				ex,
				q;

	if (isinf(wd))
		return wd > 0 ? 0.0L : -INFINITY;
	if (z > 1e150)
		return wd > 0 ? 0.0L : -0.5L * w * w;
	hi = z * z;
	lo = fma(z, z, -hi);
	ex = erfcx_d(z * M_SQRT1_2);
	if (wd < 0)
	{
		/* log Q(z) = -z^2/2 + log(erfcx/2); phi/Phi = 1/(sqrt(pi/2) erfcx) */
		return -0.5 * hi - 0.5 * lo + log(0.5 * ex) + dw / ((double) SQRT_PI_2_L * ex);
	}
	q = exp(-0.5 * hi) * (1.0 - 0.5 * lo) * 0.5 * ex;
	return log1p(-q) + dw * exp(-0.5 * hi) * (double) INV_SQRT_2PI_L / (1.0 - q);
}

typedef struct TMixArg
{
	ldouble		a;				/* s q */
	ldouble		c;				/* -s delta */
	ldouble		apc;			/* a + c = s (q - delta) */
} TMixArg;

static ldouble
t_mix_inner(ldouble y, const void *p)
{
	const TMixArg *t = (const TMixArg *) p;

	/*
	 * c + a e^y; near y = 0 as (a + c) + a expm1(y), exact when a and c
	 * nearly cancel (q close to delta); elsewhere directly (a expm1(y)
	 * would cancel against a + c instead).
	 */
	if (fabsl(y) < 0.5L)
		return t_mix_log_pnorm(t->apc + t->a * expm1l(y));
	return t_mix_log_pnorm(t->c + t->a * expl(y));
}

long double
dist_t_mixture(double q, long double nu, double delta, bool lower, bool *failed)
{
	TMixArg		arg;
	ldouble		c,
				y_left;

	*failed = false;
	if (isinf(q))
		return (q > 0) == lower ? 0.0L : -INFINITY;
	if (q == 0)
		return dist_log_pnorm_l(-delta, lower);
	arg.a = lower ? q : -q;
	c = lower ? -delta : delta;
	/*
	 * Phi(c + a e^y) <= Phi(c) when a <= 0, and >= Phi(c) when a >= 0:
	 * beyond |c| = 40 that bound is the double result (0 or 1; Phi(-40)
	 * is 3.6e-350), where the integrand would be e^(-c^2/2) against its
	 * own rounding noise.
	 */
	if (arg.a <= 0 && c < -40)
		return -INFINITY;
	if (arg.a >= 0 && c > 40)
		return 0.0L;
	/*
	 * Likewise with S >= 1/2, which fails with probability below
	 * (e^0.75 / 4)^(nu/2) < e^-3000 for nu >= 1e4 (Chernoff): then
	 * Phi(c + a e^y) is below (or above) Phi(c + a/2).
	 */
	if (nu >= 1e4L && arg.a < 0 && c + arg.a / 2 < -40)
		return -INFINITY;
	if (nu >= 1e4L && arg.a > 0 && c + arg.a / 2 > 40)
		return 0.0L;
	arg.c = c;
	arg.apc = lower ? (ldouble) q - delta : (ldouble) delta - q;
	y_left = logl(0x1p-64L / (fabsl(arg.a) * (fabsl(c) + 2.0L)));
	/* Phi(c + a e^y) turns at y = log(-c/a), over 1/|c| */
	return dist_chi_mixture(nu, t_mix_inner, &arg, y_left,
							dist_log_pnorm_l(c, true),
							(c * arg.a < 0) ? logl(-c / arg.a) : NAN,
							(c * arg.a < 0) ? 1.0L / fabsl(c) : NAN, failed);
}

/* ----------------------------------------------------------------------
 * Incomplete beta
 * ----------------------------------------------------------------------
 */

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
	d = 1.0L - (a + b) * x / (a + 1.0L);
	if (fabsl(d) < tiny)
		d = tiny;
	d = 1.0L / d;
	f = d;
	for (m = 1; m < MAX_SERIES_TERMS; m++)
	{
		ldouble		m2 = 2.0L * m;
		ldouble		aa,
					del;

		aa = m * (b - m) * x / ((a + m2 - 1.0L) * (a + m2));
		d = 1.0L + aa * d;
		if (fabsl(d) < tiny)
			d = tiny;
		c = 1.0L + aa / c;
		if (fabsl(c) < tiny)
			c = tiny;
		d = 1.0L / d;
		f *= d * c;

		aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1.0L));
		d = 1.0L + aa * d;
		if (fabsl(d) < tiny)
			d = tiny;
		c = 1.0L + aa / c;
		if (fabsl(c) < tiny)
			c = tiny;
		d = 1.0L / d;
		del = d * c;
		f *= del;
		if (fabsl(del - 1.0L) <= dist_working_eps())
			return f;
		if ((m & INTERRUPT_MASK) == 0)
			DIST_CHECK_INTERRUPTS();
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
 * The inner function of the beta mixture: log P(a, x) or log Q(a, x) at
 * x = a rho e^(2y) = a (1 + mu), mu = dev0 + rho expm1(2y) with
 * dev0 = rho - 1 given accurately by the caller (Temme needs mu, see
 * pgamma_temme_log; below TEMME_MIN_A the product form is exact enough).
 */
typedef struct BetaMixArg
{
	ldouble		shape;
	ldouble		rho;
	ldouble		dev0;
	bool		lower;
} BetaMixArg;

static ldouble
beta_mix_inner(ldouble y, const void *p)
{
	const BetaMixArg *a = (const BetaMixArg *) p;

	if (a->shape >= TEMME_MIN_A)
		return pgamma_temme_log(a->dev0 + a->rho * expm1l(2.0L * y), a->shape,
								a->lower);
	return pgamma_log(a->shape * a->rho * expl(2.0L * y), a->shape, a->lower);
}

/*
 * log I_x(a, b) (lower) or log(1 - I_x(a, b)) for large shapes, as a
 * mixture: with X1 ~ Gamma(a), X2 ~ Gamma(b), P[X1/(X1+X2) <= x] =
 * P[X1 <= (x/y) X2].  The larger shape is integrated over as a chi
 * distribution (X2 = b S^2, S^2 ~ chi-square(2b)/(2b)), the smaller one
 * enters through its incomplete gamma.  The caller gives
 * t = b x / (a y) (the odds relative to their mean) and dev = t - 1
 * formed without cancellation:
 *	 b >= a:  I = E[P(a, a t S^2)],	 1 - I = E[Q(a, a t S^2)];
 *	 a > b:	  I = E[Q(b, b S^2 / t)],  1 - I = E[P(b, b S^2 / t)].
 */
static ldouble
pbeta_mix_log(ldouble t, ldouble dev, ldouble a, ldouble b, bool lower,
			  bool *failed)
{
	BetaMixArg	arg;
	ldouble		den = b + t * a;
	ldouble		E = bd0(a, (a + b) * (t * a / den)) + bd0(b, (a + b) * (b / den));

	*failed = false;
	if (E > 800.0L)
	{
		/*
		 * Chernoff's bound: the tail on the side of x away from the mean
		 * (lower iff t < 1) is below exp(-E), E = n KL(x, a/n) =
		 * bd0(a, n x) + bd0(b, n y); beyond e^-800 it is 0 in double, and
		 * the other tail 1 (the integrand would be e^-1e300 against its
		 * own rounding noise at shapes like 1e308).
		 */
		return ((dev < 0) == lower) ? -INFINITY : 0.0L;
	}
	if (b >= a)
	{
		arg.shape = a;
		arg.rho = t;
		arg.dev0 = dev;
		arg.lower = lower;
		/* the gamma CDF turns where a rho e^(2y) = a, over 1/(2 sqrt a) */
		return dist_chi_mixture(2.0L * b, beta_mix_inner, &arg, -INFINITY,
								-INFINITY, -0.5L * logl(arg.rho),
								0.5L / sqrtl(a), failed);
	}
	arg.shape = b;
	arg.rho = 1.0L / t;
	arg.dev0 = -dev / t;
	arg.lower = !lower;
	return dist_chi_mixture(2.0L * a, beta_mix_inner, &arg, -INFINITY,
							-INFINITY, -0.5L * logl(arg.rho), 0.5L / sqrtl(b),
							failed);
}

/*
 * t - 1 for t = b x / (a y), y = 1 - x: ((a + b) x - a) / (a y), the
 * numerator by a fused multiply-add (exact but for the rounding of a + b).
 */
static ldouble
beta_mix_dev(ldouble x, ldouble y, ldouble a, ldouble b)
{
	return fmal(a + b, x, -a) / (a * y);
}

/*
 * pbeta_raw: regularized incomplete beta I_x(a,b) (lower) or 1 - I_x(a,b)
 * (upper), x in [0,1], y = 1 - x given by the caller (so both can be
 * exact), a, b > 0 finite.  A shape of BETA_MIX_MIN or more: the mixture
 * above.  Otherwise the tail whose continued fraction converges quickly,
 * x below (a+1)/(a+b+2), is computed directly; the other by the symmetry
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
	if (a >= BETA_MIX_MIN || b >= BETA_MIX_MIN)
	{
		bool		failed;
		ldouble		v = pbeta_mix_log(b * x / (a * y), beta_mix_dev(x, y, a, b),
									  a, b, lower, &failed);

		return failed ? NAN : (double) expl(v);
	}
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
	if (isnan((double) w))
		return NAN;
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
 * dist_pbeta_xy: I_x(a, b) (lower) or 1 - I_x(a, b) with x and y = 1 - x
 * both given in long double (so that whichever is small is exact); a, b
 * positive and finite.  For noncentral_t.c.
 */
double
dist_pbeta_xy(long double x, long double y, double a, double b, bool lower)
{
	return pbeta_raw(x, y, a, b, lower);
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
 * bracket spans orders of magnitude, down into the subnormals).  x0 is a
 * starting guess (ignored unless inside the bracket).  Stops when the
 * step is below 1e-15 x or the bracket holds no double strictly inside.
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

		DIST_CHECK_INTERRUPTS();
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
			if (fabs(xnew - x) <= 1e-15 * fabs(x) && xnew >= lo && xnew <= hi)
				return xnew;
		}
		if (!(xnew > lo && xnew < hi))
		{
			/*
			 * bisect; the root may lie beyond DBL_MAX or below DBL_MIN.  An
			 * open end is approached by squaring (the exponent doubles, so
			 * 1e308 or 1e-308 is reached in ten steps), then the bracket is
			 * halved geometrically while it spans orders of magnitude.
			 */
			if (isinf(hi))
			{
				if (x >= DBL_MAX)
					return INFINITY;
				xnew = x >= 2.0 ? fmin(x * x, DBL_MAX) : (x > 0 ? 4.0 * x : 1.0);
			}
			else if (lo > 0 && hi / lo > 4.0)
				xnew = sqrt(lo) * sqrt(hi);
			else if (lo == 0 && hi > 0.5)
				xnew = hi / 16.0;
			else if (lo == 0 && hi > DBL_MIN)
				xnew = fmax(hi * hi, DBL_TRUE_MIN);
			else
				xnew = lo + 0.5 * (hi - lo);
			if (xnew <= lo || xnew >= hi)
			{
				/*
				 * no double strictly inside: the bracket's upper end, but 0
				 * for a root below the smallest subnormal (R's answer; the
				 * exact root, e.g. 2^-2e300 for qchisq(0.5, 1e-300), is
				 * nearer 0)
				 */
				if (lo == 0 && hi <= DBL_TRUE_MIN)
					return 0.0;
				return too_low ? hi : x;
			}
		}
		x = xnew;
	}
	return NAN;
}

/* ----------------------------------------------------------------------
 * Student's t
 * ----------------------------------------------------------------------
 */

/*
 * P[T <= q] or P[T > q]: with x = df/(df+q^2), y = q^2/(df+q^2) (both
 * computed directly), P[T < -|q|] = I_x(df/2, 1/2)/2 (A&S 26.7.1).
 * For df >= 2 BETA_MIX_MIN, where the continued fraction loses accuracy,
 * the normal mixture E[Phi(q S)] of dist_t_mixture(), exact for any df up
 * to 1e308 (the normal is its limit).  For
 * |q| beyond 1e100 (q^2 overflows) the leading asymptotic term
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
	if (df >= 2 * BETA_MIX_MIN)
	{
		bool		failed;
		double		v = (double) expl(dist_t_mixture(q, df, 0.0, lower, &failed));

		return failed ? NAN : v;
	}
	else if (fabs(q) > 1e100)
	{
		ldouble		lnorm;		/* log(df B(df/2, 1/2)) */

		if (df < 1)
		{
			/*
			 * (df/2) B(df/2, 1/2) = Gamma(1 + df/2) Gamma(1/2) /
			 * Gamma(df/2 + 1/2), near 1: GSL's lnbeta + log(df) cancels
			 * (5e-15 relative at df = 1e-19), returns Infinity for a
			 * subnormal shape, and df/2 underflows to 0 at df = 5e-324
			 */
			ldouble		a = (ldouble) df / 2.0L;

			lnorm = LN2_L + lgamma1p_l(a) + lgammal(0.5L) - lgammal(0.5L + a);
		}
		else
		{
			gsl_sf_result lb;

			if (gsl_sf_lnbeta_e(df / 2, 0.5, &lb) != GSL_SUCCESS)
				return NAN;
			lnorm = lb.val + logl(df);
		}
		/* in long double: the exponent reaches -700 (1e-16 of it is 7e-14) */
		tail = (double) expl(df * (0.5L * logl(df) - logl(fabs(q))) - lnorm);
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
 * safeguarded Newton iteration, started at GSL's inverse, or for large
 * df (where GSL's is inaccurate) at the Cornish-Fisher expansion
 * z + (z^3 + z) / (4 df) (A&S 26.7.5).
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
	if (df >= 1e4)
	{
		double		z = dist_qnorm(ps, 0.0, 1.0, false);

		x0 = z + (z * z * z + z) / (4.0 * df);
	}
	else
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

/*
 * Chi-squared quantile: Newton on the smaller tail, from GSL's inverse,
 * or for df >= 1e4 from Wilson & Hilferty's cube-root approximation
 * df (1 - 2/(9 df) + z sqrt(2/(9 df)))^3 (GSL's inverse returns DBL_MAX
 * or does not return for huge df).
 */
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
	if (df >= 1e4)
	{
		ldouble		z = dist_qnorm(p, 0.0, 1.0, lower);
		ldouble		c = 2.0L / (9.0L * df);
		ldouble		w = 1.0L - c + z * sqrtl(c);

		x0 = (double) fminl(df * w * w * w, DBL_MAX);
	}
	else
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
	ldouble		a = df / 2.0L;

	if (x < 0 || isinf(x))
		return 0.0;
	if (x == 0)
		return a < 1 ? INFINITY : (a == 1 ? 0.5 : 0.0);
	if (a >= 1)
		return pois_core(a - 1, x / 2.0L) / 2;
	return pois_core(a, x / 2.0L) * a / x;
}

/* ----------------------------------------------------------------------
 * F
 * ----------------------------------------------------------------------
 */

/*
 * P[F <= q] = I_x(df1/2, df2/2) with x = df1 q/(df2 + df1 q) and
 * y = df2/(df2 + df1 q) both computed directly (A&S 26.6.2); for a df of
 * 2 BETA_MIX_MIN or more the beta mixture, where t = b x/(a y) is q.
 */
double
dist_pf(double q, double df1, double df2, bool lower)
{
	ldouble		s;

	if (q <= 0)
		return lower ? 0.0 : 1.0;
	if (isinf(q))
		return lower ? 1.0 : 0.0;
	if (df1 / 2.0L >= BETA_MIX_MIN || df2 / 2.0L >= BETA_MIX_MIN)
	{
		bool		failed;
		ldouble		v = pbeta_mix_log(q, q - 1.0L, df1 / 2.0L, df2 / 2.0L,
									  lower, &failed);

		return failed ? NAN : (double) expl(v);
	}
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

/*
 * F quantile: Newton on the smaller tail of pf itself (not via qbeta, whose
 * 1/y - 1 would lose the relative accuracy of small quantiles).  Start:
 * GSL's inverse where it is safe; for a large df its limit (chi-square
 * over its df: qchisq(p, df1)/df1 as df2 grows, df2/qchisq(1-p, df2) as
 * df1 grows, the log-normal exp(z sqrt(2/df1 + 2/df2)) when both do).
 */
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
	if (df1 >= 1e4 && df2 >= 1e4)
		x0 = exp(dist_qnorm(p, 0.0, 1.0, lower) * sqrt(2.0 / df1 + 2.0 / df2));
	else if (df2 >= 1e4)
		x0 = dist_qchisq(p, df1, lower) / df1;
	else if (df1 >= 1e4)
		x0 = df2 / dist_qchisq(p, df2, !lower);
	else if (!gsl_beta_pinv_safe(df1 / 2, df2 / 2))
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
	ldouble		a = df1 / 2.0L,
				b = df2 / 2.0L;
	ldouble		s;

	if (x < 0 || isinf(x))
		return 0.0;
	if (x == 0)
		return df1 < 2 ? INFINITY : (df1 == 2 ? 1.0 : 0.0);
	s = df2 + (ldouble) df1 * x;
	return binom_core(a, b, (ldouble) df1 * x / s, df2 / s)
		* (a * b / ((a + b) * x));
}

/* ----------------------------------------------------------------------
 * Beta
 * ----------------------------------------------------------------------
 */

/*
 * Beta CDF.  A zero shape is the limiting point mass, with R's (>= 4.3)
 * semantics: at 0 when shape1 = 0, at 1 when shape2 = 0, half at each
 * when both are 0, and P[X <= q] counts the mass at q, so
 * pbeta(0, 0, b) = 1 and pbeta(0, 0, 0) = 1/2 (R 4.2 gave 0: its test for
 * q <= 0 came first).  This keeps pbeta, qbeta (Clopper-Pearson bounds
 * qbeta(p, 0, n + 1) = 0) and dbeta (Infinity at the atoms) consistent.
 */
double
dist_pbeta(double q, double a, double b, bool lower)
{
	double		P;

	if (q < 0)
		return lower ? 0.0 : 1.0;
	if (q >= 1)
		return lower ? 1.0 : 0.0;
	if (a == 0 || b == 0)
	{
		/* 0 <= q < 1 */
		P = (a == 0 && b == 0) ? 0.5 : (a == 0 ? 1.0 : 0.0);
		return lower ? P : 1.0 - P;
	}
	if (q == 0)
		return lower ? 0.0 : 1.0;
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
		/*
		 * point masses (see dist_pbeta); pl = the lower-tail probability.
		 * Both shapes 0: any x in [0, 1) has P[X <= x] = 1/2, and R returns
		 * 1/2 for pl = 1/2.
		 */
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
 * I_prob(k + 1, size - k).  As in R, a negative q is below the support
 * before any rounding: pbinom(-2e-22, ...) is 0, not P[X = 0].  Sizes are
 * any whole double up to 2^53.
 */
double
dist_pbinom(double q, double size, double prob, bool lower)
{
	double		k,
				mu;

	if (isinf(q))
		return (q > 0) == lower ? 1.0 : 0.0;
	if (q < 0)
		return lower ? 0.0 : 1.0;
	k = floor(q + 1e-7);
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
		long		n = 0;

		if (k < mu)
		{
			/* P[X <= k], terms decreasing from k downwards */
			t = s = binom_core(k, size - k, prob, q);
			for (j = k; j > 0 && t > s * 1e-21L; j--)
			{
				t *= (ldouble) j * q / ((size - j + 1) * (ldouble) prob);
				s += t;
				if ((++n & INTERRUPT_MASK) == 0)
					DIST_CHECK_INTERRUPTS();
			}
			return lower ? prob_l(s) : prob_l(1.0L - s);
		}
		/* P[X > k], terms decreasing from k + 1 upwards */
		t = s = binom_core(k + 1, size - k - 1, prob, q);
		for (j = k + 1; j < size && t > s * 1e-21L; j++)
		{
			t *= (size - j) * (ldouble) prob / ((j + 1) * (ldouble) q);
			s += t;
			if ((++n & INTERRUPT_MASK) == 0)
				DIST_CHECK_INTERRUPTS();
		}
		return lower ? prob_l(1.0L - s) : prob_l(s);
	}
	if (k + 1 >= BETA_MIX_MIN || size - k >= BETA_MIX_MIN)
	{
		/* the beta mixture, t - 1 from the exact size + 1 (see pbeta_raw) */
		bool		failed;
		ldouble		y = 1.0L - prob;
		ldouble		a = k + 1.0L,
					b = size - k;
		ldouble		v = pbeta_mix_log(b * prob / (a * y),
									  fmal(size + 1.0L, prob, -a) / (a * y),
									  a, b, !lower, &failed);

		return failed ? NAN : (double) expl(v);
	}
	return pbeta_raw(prob, 1.0L - prob, k + 1, size - k, !lower);
}

/* x is not a whole number by R's tolerance (R_nonint in nmath.h). */
static bool
nonint(double x)
{
	return fabs(x - nearbyint(x)) > 1e-7 * fmax(1.0, fabs(x));
}

/*
 * Binomial probability (Loader 2000); 0 for x outside 0..size or not whole
 * (R's tolerance: 1e-7 relative), the sign tested before the rounding
 * (dbinom(-2e-22, ...) is 0, as in R).
 */
double
dist_dbinom(double x, double size, double prob)
{
	if (x < 0 || isinf(x) || nonint(x))
		return 0.0;
	x = nearbyint(x);
	if (x > size)
		return 0.0;
	return binom_core(x, size - x, prob, 1.0L - prob);
}

/*
 * R's discrete quantile: after the fuzz, the smallest whole y in [0, ymax]
 * with P[X <= y] >= p (lower) or P[X > y] < p (upper); y0 is the
 * Cornish-Fisher start.  The condition is monotone in y: search outwards
 * from y0 with doubling steps, then bisect the last step.  Above 2^53 the
 * whole numbers are the representable doubles, so steps smaller than the
 * spacing are skipped and the bisection stops when no double lies
 * strictly between the bounds: at most some 2100 CDF evaluations in all.
 */
typedef double (*dcdf_fn) (double y, const double *par, bool lower);

/* Does y satisfy the quantile condition?  1 yes, 0 no, -1 CDF failed. */
static int
dq_ok(dcdf_fn cdf, const double *par, double y, double p, bool lower)
{
	double		P = cdf(y, par, lower);

	DIST_CHECK_INTERRUPTS();
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

			if (y == good)
				continue;		/* below the spacing of doubles here */
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
			if (y == bad)
				continue;
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

		if (mid <= bad || mid >= good)
			break;				/* adjacent doubles */
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

/*
 * P[X <= q] = Q(k + 1, lambda), k = floor(q + 1e-7), a negative q below
 * the support before the rounding (as R).
 */
double
dist_ppois(double q, double lambda, bool lower)
{
	double		k;

	if (isinf(q))
		return (q > 0) == lower ? 1.0 : 0.0;
	if (q < 0)
		return lower ? 0.0 : 1.0;
	k = floor(q + 1e-7);
	if (lambda == 0)
		return lower ? 1.0 : 0.0;
	if (lambda < 1e8)
	{
		/* Sum the tail away from the mean, as in dist_pbinom. */
		double		j;
		ldouble		t,
					s;
		long		n = 0;

		if (k < lambda)
		{
			t = s = pois_core(k, lambda);
			for (j = k; j > 0 && t > s * 1e-21L; j--)
			{
				t *= j / (ldouble) lambda;
				s += t;
				if ((++n & INTERRUPT_MASK) == 0)
					DIST_CHECK_INTERRUPTS();
			}
			return lower ? prob_l(s) : prob_l(1.0L - s);
		}
		t = s = pois_core(k + 1, lambda);
		for (j = k + 1; t > s * 1e-21L; j++)
		{
			t *= lambda / (j + 1.0L);
			s += t;
			if ((++n & INTERRUPT_MASK) == 0)
				DIST_CHECK_INTERRUPTS();
		}
		return lower ? prob_l(1.0L - s) : prob_l(s);
	}
	return pgamma_raw(lambda, k + 1.0L, !lower);
}

/*
 * Poisson probability (Loader 2000); 0 for x negative or not whole (the
 * sign tested before the rounding, as in R).
 */
double
dist_dpois(double x, double lambda)
{
	if (x < 0 || isinf(x) || nonint(x))
		return 0.0;
	x = nearbyint(x);
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
