/*-------------------------------------------------------------------------
 *
 * power.c
 *	  Power, sample size and minimum detectable effect: the numerics behind
 *	  power_t_test(), power_prop_test(), power_curve() and
 *	  sample_size_check() (see power_sql.c for the SQL glue).
 *
 * Power functions:
 *	- t tests follow R's stats::power.t.test (R 4.2.2): with nu degrees of
 *	  freedom, critical value c = qt(1 - sig_level / tside, nu) and
 *	  noncentrality ncp, power = P[T'(nu, ncp) > c], plus P[T' < -c] when
 *	  `strict` and two-sided.  One-sample/paired: nu = n - 1,
 *	  ncp = sqrt(n) delta / sd; two-sample: nu = 2 (n - 1),
 *	  ncp = sqrt(n / 2) delta / sd.  With unequal allocation n2 = ratio n1,
 *	  nu = n1 + n2 - 2 and ncp = delta / (sd sqrt(1/n1 + 1/n2)), the pooled
 *	  two-sample t test as in pwr::pwr.t2n.test (Champely, pwr 1.3; Cohen
 *	  1988, ch. 2).  The noncentral t is noncentral_t.c (a normal mixture
 *	  over the chi distribution, integrated numerically: relative accuracy
 *	  in both tails at any df and ncp, where R's pt() switches to a normal
 *	  approximation for |ncp| > 37.62 or df > 4e5).
 *	- two proportions follow R's stats::power.prop.test, the normal
 *	  approximation with the pooled variance under the null and the
 *	  unpooled one under the alternative.  For unequal allocation
 *	  n2 = r n1 we use the same approximation with the weighted pooled
 *	  proportion pbar = (p1 + r p2) / (1 + r) (Fleiss, Levin & Paik 2003,
 *	  "Statistical Methods for Rates and Proportions", 3rd ed., ch. 4, the
 *	  case of unequal sample sizes):
 *		power = Phi((sqrt(n1) |p1 - p2| - z sqrt(pbar qbar (1 + 1/r)))
 *					/ sqrt(p1 q1 + p2 q2 / r))
 *	  with z = qnorm(1 - sig_level / tside), plus the opposite tail when
 *	  `strict`; r = 1 gives R's formula exactly.
 *	- Welch (sample_size_check): standard error from the two observed
 *	  variances, Welch-Satterthwaite degrees of freedom, and the noncentral
 *	  t as above (two-sided, both tails).
 *
 * Solving for an unknown: every power function is monotone in the unknown
 * (n, effect, sig_level) on the domains we search, so we bracket the root
 * (expanding the bracket geometrically as R's uniroot(extendInt = ...)
 * does) and polish it with GSL's Brent-Dekker solver until the bracket is a
 * few ulps wide, i.e. to full double precision, where R's default
 * tolerance is only .Machine$double.eps^0.25 (~1.2e-4).  When no value in
 * the domain attains the requested power we return POWER_TOO_HIGH or
 * POWER_TOO_LOW, and the SQL layer raises an error instead of returning a
 * wrong number.
 *
 *-------------------------------------------------------------------------
 */
#include <float.h>
#include <math.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_integration.h>
#include <gsl/gsl_roots.h>
#include <gsl/gsl_sf_gamma.h>

#include "dist.h"
#include "noncentral_t.h"
#include "power.h"

#define ROOT_MAX_ITER	1000
#define ROOT_REL_TOL	(4.0 * DBL_EPSILON)

/* Bounds of the searches (R's are 1e7 for n and 1e-10 for sig_level). */
#define N_SEARCH_MAX	1e15
#define WELCH_N_SEARCH_MAX	1e19	/* above the largest bigint, 9.2e18 */
#define EFFECT_SEARCH_MAX 1e10
#define SIG_LEVEL_LO	1e-10
#define SIG_LEVEL_HI	(1.0 - 1e-10)

/* Context of the GSL callback: f(x) - target. */
typedef struct RootContext
{
	PowerFunction f;
	void	   *arg;
	double		target;
} RootContext;

/* The function GSL's solver sees: f(x) - target. */
static double
root_callback(double x, void *params)
{
	RootContext *ctx = (RootContext *) params;

	return ctx->f(x, ctx->arg) - ctx->target;
}

/*
 * power_find_root: x in [lo, hi] with f(x) = target, where f(lo) - target
 * and f(hi) - target have opposite signs (or one is zero).  Brent-Dekker
 * (gsl_root_fsolver_brent), iterated until the bracket is ROOT_REL_TOL
 * relative wide.  Every GSL status is checked.
 */
PowerStatus
power_find_root(PowerFunction f, void *arg, double target,
				double lo, double hi, double *root)
{
	/*
	 * One solver per process, allocated once and never freed: f may be
	 * interrupted (query cancellation longjmps out of the numerics, see
	 * dist.h), which must not leak a malloc'd solver.  The root finding is
	 * not reentrant (f never solves for a root itself).
	 */
	static gsl_root_fsolver *s = NULL;
	RootContext ctx = {f, arg, target};
	gsl_function F;
	double		flo = f(lo, arg) - target;
	double		fhi = f(hi, arg) - target;
	PowerStatus result = POWER_FAILED;
	int			iter;

	if (isnan(flo) || isnan(fhi))
		return POWER_FAILED;
	if (flo == 0.0)
	{
		*root = lo;
		return POWER_OK;
	}
	if (fhi == 0.0)
	{
		*root = hi;
		return POWER_OK;
	}
	if ((flo < 0.0) == (fhi < 0.0))
		return POWER_FAILED;

	F.function = root_callback;
	F.params = &ctx;
	if (s == NULL)
		s = gsl_root_fsolver_alloc(gsl_root_fsolver_brent);
	if (s == NULL)
		return POWER_FAILED;
	if (gsl_root_fsolver_set(s, &F, lo, hi) != GSL_SUCCESS)
		return POWER_FAILED;
	for (iter = 0; iter < ROOT_MAX_ITER; iter++)
	{
		double		x_lo,
					x_hi,
					x;

		DIST_CHECK_INTERRUPTS();
		if (gsl_root_fsolver_iterate(s) != GSL_SUCCESS)
			break;
		x = gsl_root_fsolver_root(s);
		x_lo = gsl_root_fsolver_x_lower(s);
		x_hi = gsl_root_fsolver_x_upper(s);
		if (x_hi - x_lo <= ROOT_REL_TOL * fabs(x) || root_callback(x, &ctx) == 0.0)
		{
			*root = x;
			result = POWER_OK;
			break;
		}
	}
	return result;
}

/* ---------------------------------------------------------------------
 * t tests
 * ---------------------------------------------------------------------
 */

/*
 * Power of a t test whose critical value c = qt(1 - alpha, nu) exceeds
 * DBL_MAX (nu below about 0.004, n within 0.002 of 1): P[T' > c], plus
 * P[T' < -c] when both_tails.  With T' = (Z + ncp)/S, S^2 ~ chi-square(nu)/nu,
 *	 P[T' > c] = E[P(nu/2, nu (Z + ncp)_+^2 / (2 c^2))]
 * (P the regularized lower incomplete gamma), and P(a, x) =
 * x^a/Gamma(a + 1) (1 + O(x)) with x below 1e-600 here, so
 *	 P[T' > c] = K c^-nu M(ncp),	M(d) = E[(Z + d)_+^nu],
 * with the same K c^-nu for the central t, whose tail is alpha:
 *	 P[T' > c] = alpha M(ncp) / M(0),	P[T' < -c] = alpha M(-ncp) / M(0),
 * exact to far below double precision and free of c.  M(0) =
 * 2^(nu/2) Gamma((nu + 1)/2) / (2 sqrt(pi)) (the half-normal moment);
 * M(d) = Phi(d) + int_0^inf (u^nu - 1) phi(u - d) du, the integral (of
 * order nu) by GSL's QAGS to 1e-13 relative (the endpoint u = 0 is an
 * integrable log singularity), over u within 40 of d (the rest is below
 * phi(40) = 1e-348 of it).  As nu -> 0 the power tends to 2 alpha Phi(ncp)
 * (+ 2 alpha Phi(-ncp)).  Checked against mpmath, which evaluates the
 * first expectation with the exact c (test/reference/gen_power_mp.py).
 * NAN if the integration fails.
 */
static double
t_moment_pos(double nu, double d, gsl_integration_workspace *ws, bool *failed);

typedef struct TMomentArg
{
	double		nu;
	double		d;
} TMomentArg;

static double
t_moment_integrand(double u, void *p)
{
	const TMomentArg *a = (const TMomentArg *) p;

	return expm1(a->nu * log(u)) * dist_dnorm(u, a->d, 1.0);
}

/* M(d) = E[(Z + d)_+^nu] (see above) */
static double
t_moment_pos(double nu, double d, gsl_integration_workspace *ws, bool *failed)
{
	TMomentArg	arg;
	gsl_function F;
	double		lo = fmax(0.0, d - 40.0),
				hi = fmax(d, 0.0) + 40.0,
				result,
				abserr;
	int			st;

	arg.nu = nu;
	arg.d = d;
	F.function = t_moment_integrand;
	F.params = &arg;
	st = gsl_integration_qags(&F, lo, hi, 0.0, 1e-13, 64, ws, &result, &abserr);
	if (st != GSL_SUCCESS && !(st == GSL_EROUND && abserr <= 1e-12 * fabs(result)))
		*failed = true;
	return dist_pnorm(d, 0.0, 1.0, true) + result;
}

static double
t_power_beyond_dbl_max(double nu, double ncp, double alpha, bool both_tails)
{
	gsl_integration_workspace *ws = gsl_integration_workspace_alloc(64);
	gsl_sf_result lg;
	bool		failed = false;
	double		m0,
				power;

	if (ws == NULL)
		return NAN;
	if (gsl_sf_lngamma_e((nu + 1.0) / 2.0, &lg) != GSL_SUCCESS)
	{
		gsl_integration_workspace_free(ws);
		return NAN;
	}
	m0 = exp(nu / 2.0 * M_LN2 + lg.val) / (2.0 * sqrt(M_PI));
	power = alpha * (t_moment_pos(nu, ncp, ws, &failed) / m0);
	if (both_tails)
		power += alpha * (t_moment_pos(nu, -ncp, ws, &failed) / m0);
	gsl_integration_workspace_free(ws);
	return failed ? NAN : fmin(power, 1.0);
}

/*
 * power_t_power: power of the t test of design d with n (group 1) units,
 * standardized effect delta / sd and level sig_level (see the file header;
 * R's power.t.test p.body, and pwr.t2n.test for ratio != 1).
 */
double
power_t_power(const TPowerDesign *d, double n, double effect, double sig_level)
{
	double		nu,
				ncp,
				qu,
				power;

	if (d->tsample == 1)
	{
		nu = n - 1.0;
		ncp = sqrt(n) * effect;
	}
	else if (d->ratio == 1.0)
	{
		nu = (n - 1.0) * 2.0;
		ncp = sqrt(n / 2.0) * effect;
	}
	else
	{
		double		n2 = d->ratio * n;

		nu = n + n2 - 2.0;
		ncp = effect / sqrt(1.0 / n + 1.0 / n2);
	}
	if (!(nu > 0.0))
		return NAN;
	if (d->tside == 2)
		ncp = fabs(ncp);

	/*
	 * Below df ~ 0.004 (n within 0.002 of 1) the critical value exceeds
	 * DBL_MAX; P[T' > Infinity] = 0 would be wrong (the power tends to
	 * 2 (sig_level / tside) Phi(ncp) there): the power without c, above.
	 */
	qu = dist_qt(sig_level / d->tside, nu, false);
	if (isinf(qu))
		return t_power_beyond_dbl_max(nu, ncp, sig_level / d->tside,
									  d->strict && d->tside == 2);
	if (isnan(qu))
		return NAN;
	power = noncentral_t_cdf(qu, nu, ncp, false, NULL);
	if (d->strict && d->tside == 2)
		power += noncentral_t_cdf(-qu, nu, ncp, true, NULL);
	return power;
}

/* Arguments of the t power function seen as a function of one unknown. */
typedef struct TPowerArgs
{
	const TPowerDesign *d;
	double		n;
	double		effect;
	double		sig_level;
} TPowerArgs;

/* t power as a function of n (the other arguments fixed in *arg) */
static double
t_power_of_n(double n, void *arg)
{
	TPowerArgs *a = (TPowerArgs *) arg;

	return power_t_power(a->d, n, a->effect, a->sig_level);
}

/* t power as a function of the standardized effect delta / sd */
static double
t_power_of_effect(double effect, void *arg)
{
	TPowerArgs *a = (TPowerArgs *) arg;

	return power_t_power(a->d, a->n, effect, a->sig_level);
}

/* t power as a function of sig_level */
static double
t_power_of_sig_level(double sig_level, void *arg)
{
	TPowerArgs *a = (TPowerArgs *) arg;

	return power_t_power(a->d, a->n, a->effect, sig_level);
}

/*
 * solve_increasing_from: root of an increasing f = target over x > xmin,
 * x <= xmax.  The lower end starts at xmin + 1 and moves towards xmin
 * while f is already above target there; the upper end starts at hi0 and
 * grows tenfold.  POWER_TOO_LOW when even x just above xmin exceeds the
 * target, POWER_TOO_HIGH when f stays below it up to xmax.
 */
static PowerStatus
solve_increasing_from(PowerFunction f, void *arg, double target,
					  double xmin, double hi0, double xmax, double *root)
{
	double		step = 1.0;
	double		lo = xmin + step;
	double		hi = fmax(hi0, 2.0 * lo);
	double		v;

	for (;;)
	{
		v = f(lo, arg);
		if (isnan(v))
		{
			/* too close to zero degrees of freedom to evaluate */
			return step < 1.0 ? POWER_TOO_LOW : POWER_FAILED;
		}
		if (v < target)
			break;
		if (step < 1e-6)
			return POWER_TOO_LOW;
		step /= 8.0;
		lo = xmin + step;
	}
	for (;;)
	{
		v = f(hi, arg);
		if (isnan(v))
			return POWER_FAILED;
		if (v >= target)
			break;
		if (hi >= xmax)
			return POWER_TOO_HIGH;
		lo = hi;
		hi *= 10.0;
	}
	return power_find_root(f, arg, target, lo, hi, root);
}

/*
 * solve_increasing_on: root of an increasing f = target on [lo, hi]
 * (fixed ends): POWER_TOO_LOW / POWER_TOO_HIGH when target is outside
 * [f(lo), f(hi)].
 */
static PowerStatus
solve_increasing_on(PowerFunction f, void *arg, double target,
					double lo, double hi, double *root)
{
	double		flo = f(lo, arg);
	double		fhi = f(hi, arg);

	if (isnan(flo) || isnan(fhi))
		return POWER_FAILED;
	if (target < flo)
		return POWER_TOO_LOW;
	if (target > fhi)
		return POWER_TOO_HIGH;
	return power_find_root(f, arg, target, lo, hi, root);
}

/*
 * solve_effect: the standardized effect e >= 0 with power(e) = target,
 * for an increasing power function whose value at e = 0 is the level.
 */
static PowerStatus
solve_effect(PowerFunction f, void *arg, double target, double *root)
{
	double		f0 = f(0.0, arg);
	double		hi = 10.0;
	double		lo = 0.0;
	double		v;

	if (isnan(f0))
		return POWER_FAILED;
	if (target <= f0)
		return POWER_TOO_LOW;
	for (;;)
	{
		v = f(hi, arg);
		if (isnan(v))
			return POWER_FAILED;
		if (v >= target)
			break;
		if (hi >= EFFECT_SEARCH_MAX)
			return POWER_TOO_HIGH;
		lo = hi;
		hi *= 10.0;
	}
	return power_find_root(f, arg, target, lo, hi, root);
}

/*
 * power_t_solve: compute the unknown of a t test power calculation from
 * the others (in place), as R's power.t.test does with uniroot, but to
 * full precision.  For two-sided designs delta is replaced by |delta| as
 * in R.  The smallest n searched is the one leaving more than one unit in
 * every group.
 */
PowerStatus
power_t_solve(const TPowerDesign *d, PowerUnknown unknown,
			  double *n, double *delta, double *sd,
			  double *sig_level, double *power)
{
	TPowerArgs	a;
	PowerStatus st;
	double		x;

	if (d->tside == 2 && unknown != UNKNOWN_DELTA)
		*delta = fabs(*delta);
	a.d = d;
	a.n = *n;
	a.sig_level = *sig_level;
	a.effect = (unknown == UNKNOWN_DELTA || unknown == UNKNOWN_SD) ? 0.0 : *delta / *sd;

	switch (unknown)
	{
		case UNKNOWN_POWER:
			*power = power_t_power(d, *n, a.effect, *sig_level);
			return isnan(*power) ? POWER_FAILED : POWER_OK;
		case UNKNOWN_N:
			{
				double		nmin = 1.0;

				if (d->tsample == 2 && d->ratio < 1.0)
					nmin = 1.0 / d->ratio;
				st = solve_increasing_from(t_power_of_n, &a, *power, nmin,
										   1e7, N_SEARCH_MAX, &x);
				if (st == POWER_OK)
					*n = x;
				return st;
			}
		case UNKNOWN_DELTA:
			st = solve_effect(t_power_of_effect, &a, *power, &x);
			if (st == POWER_OK)
				*delta = x * *sd;
			return st;
		case UNKNOWN_SD:
			if (*delta < 0.0)
				return POWER_TOO_HIGH;	/* one-sided, wrong direction */
			st = solve_effect(t_power_of_effect, &a, *power, &x);
			if (st == POWER_OK)
				*sd = *delta / x;
			return st;
		case UNKNOWN_SIG_LEVEL:
			st = solve_increasing_on(t_power_of_sig_level, &a, *power,
									 SIG_LEVEL_LO, SIG_LEVEL_HI, &x);
			if (st == POWER_OK)
				*sig_level = x;
			return st;
	}
	return POWER_FAILED;
}

/* ---------------------------------------------------------------------
 * Two proportions
 * ---------------------------------------------------------------------
 */

/*
 * power_prop_power: power of the two-proportion z test with n (group 1)
 * units, proportions p1, p2 in [0, 1] and level sig_level (R's
 * power.prop.test p.body; Fleiss, Levin & Paik's unequal-allocation form
 * when ratio != 1, see the file header).
 *
 * Edges: p1 = p2 is no effect, and the power is the level's share of one
 * tail, pnorm(-z) (twice when strict), the limit of the formula (whose
 * two standard deviations then agree); p1 = p2 = 0 or 1 is only that
 * limit, the test itself being undefined (every outcome certain), and the
 * SQL layer rejects it.  With p1, p2 = 0 and 1 the alternative's standard
 * deviation is 0: the formula is a step, power 1 when
 * sqrt(n) |p1 - p2| > z sd_null and 0 below (NAN exactly at the step),
 * as R's pnorm(+-Inf); power_prop_step_n() gives the step.
 */
double
power_prop_power(const PropPowerDesign *d, double n, double p1, double p2,
				 double sig_level)
{
	double		r = d->ratio;
	double		qu = dist_qnorm(sig_level / d->tside, 0.0, 1.0, false);
	double		diff = fabs(p1 - p2);
	double		pbar = (p1 + r * p2) / (1.0 + r);
	double		null_sd = sqrt(pbar * (1.0 - pbar) * (1.0 + 1.0 / r));
	double		alt_sd = sqrt(p1 * (1.0 - p1) + p2 * (1.0 - p2) / r);
	double		num,
				power;

	if (r == 1.0)
	{
		/* R's expression, term for term */
		null_sd = sqrt((p1 + p2) * (1.0 - (p1 + p2) / 2.0));
		alt_sd = sqrt(p1 * (1.0 - p1) + p2 * (1.0 - p2));
	}
	if (isnan(qu))
		return NAN;
	if (p1 == p2)
	{
		power = dist_pnorm(qu, 0.0, 1.0, false);
		return (d->strict && d->tside == 2) ? 2.0 * power : power;
	}
	num = sqrt(n) * diff - qu * null_sd;
	if (!(alt_sd > 0.0))
		return num > 0.0 ? 1.0 : (num < 0.0 ? 0.0 : NAN);
	power = dist_pnorm(num / alt_sd, 0.0, 1.0, true);
	if (d->strict && d->tside == 2)
		power += dist_pnorm((sqrt(n) * diff + qu * null_sd) / alt_sd, 0.0, 1.0, false);
	return power;
}

/*
 * power_prop_step: for p1, p2 = 0 and 1 (a certain outcome in each group),
 * where the power is a step from 0 to 1, the value of the unknown at the
 * step: n = (z sd_null / |p1 - p2|)^2, or
 * sig_level = tside * pnorm(sqrt(n) |p1 - p2| / sd_null, upper).  The
 * smallest n, or sig_level, reaching any power in (0, 1), as R's
 * uniroot finds it.
 */
static double
power_prop_step(const PropPowerDesign *d, PowerUnknown unknown, double n,
				double p1, double p2, double sig_level)
{
	double		r = d->ratio;
	double		pbar = (p1 + r * p2) / (1.0 + r);
	double		null_sd = r == 1.0 ? sqrt((p1 + p2) * (1.0 - (p1 + p2) / 2.0))
		: sqrt(pbar * (1.0 - pbar) * (1.0 + 1.0 / r));
	double		diff = fabs(p1 - p2);

	if (unknown == UNKNOWN_N)
	{
		double		z = dist_qnorm(sig_level / d->tside, 0.0, 1.0, false) * null_sd / diff;

		return z * z;
	}
	return d->tside * dist_pnorm(sqrt(n) * diff / null_sd, 0.0, 1.0, false);
}

/* Arguments of the proportion power function seen as a function of one unknown. */
typedef struct PropPowerArgs
{
	const PropPowerDesign *d;
	double		n;
	double		p1;
	double		p2;
	double		sig_level;
} PropPowerArgs;

/* proportion power as a function of n */
static double
prop_power_of_n(double n, void *arg)
{
	PropPowerArgs *a = (PropPowerArgs *) arg;

	return power_prop_power(a->d, n, a->p1, a->p2, a->sig_level);
}

/* power as a function of the distance from p1 to p2 (p1 = p2 - x) */
static double
prop_power_of_p1_below(double x, void *arg)
{
	PropPowerArgs *a = (PropPowerArgs *) arg;

	return power_prop_power(a->d, a->n, a->p2 - x, a->p2, a->sig_level);
}

/* power as a function of p2 = p1 + x */
static double
prop_power_of_p2_above(double x, void *arg)
{
	PropPowerArgs *a = (PropPowerArgs *) arg;

	return power_prop_power(a->d, a->n, a->p1, a->p1 + x, a->sig_level);
}

/* proportion power as a function of sig_level */
static double
prop_power_of_sig_level(double sig_level, void *arg)
{
	PropPowerArgs *a = (PropPowerArgs *) arg;

	return power_prop_power(a->d, a->n, a->p1, a->p2, sig_level);
}

/*
 * power_prop_solve: compute the unknown of a two-proportion power
 * calculation from the others (in place).  As in R, an unknown p1 is
 * searched below p2 (in [0, p2)) and an unknown p2 above p1 (in (p1, 1]).
 * With p1, p2 = 0 and 1 an unknown n or sig_level is the step of the
 * power (power_prop_step), if it lies in the range searched.
 */
PowerStatus
power_prop_solve(const PropPowerDesign *d, PowerUnknown unknown,
				 double *n, double *p1, double *p2,
				 double *sig_level, double *power)
{
	PropPowerArgs a;
	PowerStatus st;
	double		x;

	a.d = d;
	a.n = *n;
	a.p1 = *p1;
	a.p2 = *p2;
	a.sig_level = *sig_level;

	switch (unknown)
	{
		case UNKNOWN_POWER:
			*power = power_prop_power(d, *n, *p1, *p2, *sig_level);
			return isnan(*power) ? POWER_FAILED : POWER_OK;
		case UNKNOWN_N:
			{
				double		nmin = d->ratio < 1.0 ? 1.0 / d->ratio : 1.0;

				if (*p1 != *p2 && *p1 * (1.0 - *p1) + *p2 * (1.0 - *p2) == 0.0)
				{
					x = power_prop_step(d, UNKNOWN_N, *n, *p1, *p2, *sig_level);
					if (!(x > nmin))
						return POWER_TOO_LOW;
					if (!(x <= N_SEARCH_MAX))
						return POWER_TOO_HIGH;
					*n = x;
					return POWER_OK;
				}
				st = solve_increasing_from(prop_power_of_n, &a, *power, nmin,
										   1e7, N_SEARCH_MAX, &x);
				if (st == POWER_OK)
					*n = x;
				return st;
			}
		case UNKNOWN_DELTA:		/* p1 */
			st = solve_increasing_on(prop_power_of_p1_below, &a, *power,
									 0.0, *p2, &x);
			if (st == POWER_OK)
				*p1 = *p2 - x;
			return st;
		case UNKNOWN_SD:		/* p2 */
			st = solve_increasing_on(prop_power_of_p2_above, &a, *power,
									 0.0, 1.0 - *p1, &x);
			if (st == POWER_OK)
				*p2 = *p1 + x;
			return st;
		case UNKNOWN_SIG_LEVEL:
			if (*p1 != *p2 && *p1 * (1.0 - *p1) + *p2 * (1.0 - *p2) == 0.0)
			{
				x = power_prop_step(d, UNKNOWN_SIG_LEVEL, *n, *p1, *p2, *sig_level);
				if (!(x >= SIG_LEVEL_LO))
					return POWER_TOO_LOW;
				if (!(x <= SIG_LEVEL_HI))
					return POWER_TOO_HIGH;
				*sig_level = x;
				return POWER_OK;
			}
			st = solve_increasing_on(prop_power_of_sig_level, &a, *power,
									 SIG_LEVEL_LO, SIG_LEVEL_HI, &x);
			if (st == POWER_OK)
				*sig_level = x;
			return st;
	}
	return POWER_FAILED;
}

/* ---------------------------------------------------------------------
 * Welch two-sample power from observed variances
 * ---------------------------------------------------------------------
 */

/*
 * welch_df: Welch-Satterthwaite degrees of freedom of the difference of
 * two means with variance components a_t = var_t / n_t, a_c = var_c / n_c
 * (Welch 1947; Satterthwaite 1946), as in R's t.test(var.equal = FALSE),
 * evaluated on a_t and a_c divided by the larger, so that the fourth
 * powers can neither overflow nor underflow.
 */
static double
welch_df(double a_t, double n_t, double a_c, double n_c)
{
	double		scale = fmax(a_t, a_c);
	double		rt = a_t / scale;
	double		rc = a_c / scale;

	return (rt + rc) * (rt + rc) / (rt * rt / (n_t - 1.0) + rc * rc / (n_c - 1.0));
}

/*
 * power_two_sided_t: two-sided power of a t test with df degrees of
 * freedom and noncentrality ncp, both rejection tails; an infinite
 * noncentrality (a difference beyond DBL_MAX standard errors) has power 1.
 */
double
power_two_sided_t(double df, double ncp, double sig_level)
{
	double		qu = dist_qt(sig_level / 2.0, df, false);

	ncp = fabs(ncp);
	if (isinf(ncp))
		return 1.0;
	if (isinf(qu))
		return t_power_beyond_dbl_max(df, ncp, sig_level / 2.0, true);	/* see power_t_power */
	if (isnan(qu))
		return NAN;
	return noncentral_t_cdf(qu, df, ncp, false, NULL) +
		noncentral_t_cdf(-qu, df, ncp, true, NULL);
}

/*
 * The Welch functions depend on the variances and the difference only
 * through var_t / var_c and delta / sd: callers pass them divided by a
 * common scale (sample_size_check: the larger variance), so that moments
 * near the float8 limits neither overflow nor underflow here.
 *
 * power_welch_power: power of the two-sided Welch test to detect a
 * difference delta with n_t and n_c units and arm variances var_t, var_c:
 * both rejection tails of the noncentral t with Welch-Satterthwaite df and
 * ncp = delta / sqrt(var_t / n_t + var_c / n_c).  NAN when both variances
 * are zero or an arm has one unit or fewer.
 */
double
power_welch_power(double n_t, double n_c, double var_t, double var_c,
				  double delta, double sig_level)
{
	double		a_t = var_t / n_t;
	double		a_c = var_c / n_c;
	double		se2 = a_t + a_c;

	if (!(se2 > 0.0) || !(n_t > 1.0) || !(n_c > 1.0))
		return NAN;
	return power_two_sided_t(welch_df(a_t, n_t, a_c, n_c), delta / sqrt(se2),
							 sig_level);
}

/* Arguments of the Welch power seen as a function of n_control or of ncp. */
typedef struct WelchArgs
{
	double		k;				/* n_t / n_c */
	double		var_t;
	double		var_c;
	double		delta;
	double		sig_level;
	double		df;
} WelchArgs;

/* Welch power as a function of n_control, keeping n_treatment = k n_control */
static double
welch_power_of_n(double n_c, void *arg)
{
	WelchArgs  *a = (WelchArgs *) arg;

	return power_welch_power(a->k * n_c, n_c, a->var_t, a->var_c, a->delta,
							 a->sig_level);
}

/* two-sided power at the current Welch df as a function of the noncentrality */
static double
welch_power_of_ncp(double ncp, void *arg)
{
	WelchArgs  *a = (WelchArgs *) arg;

	return power_two_sided_t(a->df, ncp, a->sig_level);
}

/*
 * power_welch_n: the control size n_c (treatment size k n_c, keeping the
 * allocation ratio k) at which the Welch test reaches the requested power.
 * When even the smallest usable design (two units per arm) reaches it,
 * that design is returned.  The search goes up to WELCH_N_SEARCH_MAX, past
 * the largest bigint, so POWER_TOO_HIGH means a size that no count can
 * hold.
 */
PowerStatus
power_welch_n(double k, double var_t, double var_c, double delta,
			  double sig_level, double power, double *n_c)
{
	WelchArgs	a = {k, var_t, var_c, delta, sig_level, 0.0};

	return power_solve_n(welch_power_of_n, &a, fmax(2.0, 2.0 / k), power, n_c);
}

/*
 * power_solve_n: the size n >= nmin at which an increasing power function
 * f(n) reaches `power`; nmin itself when f(nmin) already does.  The
 * bracket starts at [nmin, max(1e7, 2 nmin)] and grows tenfold up to
 * WELCH_N_SEARCH_MAX, past the largest bigint (POWER_TOO_HIGH beyond).
 */
PowerStatus
power_solve_n(PowerFunction f, void *arg, double nmin, double power,
			  double *n)
{
	double		lo = nmin;
	double		hi = fmax(1e7, 2.0 * nmin);
	double		v;

	v = f(lo, arg);
	if (isnan(v))
		return POWER_FAILED;
	if (v >= power)
	{
		*n = nmin;
		return POWER_OK;
	}
	for (;;)
	{
		v = f(hi, arg);
		if (isnan(v))
			return POWER_FAILED;
		if (v >= power)
			break;
		if (hi >= WELCH_N_SEARCH_MAX)
			return POWER_TOO_HIGH;
		lo = hi;
		hi *= 10.0;
	}
	return power_find_root(f, arg, power, lo, hi, n);
}

/*
 * power_welch_mde: the smallest |difference| the two-sided Welch test
 * detects with the requested power at the current sizes: solve for the
 * noncentrality at the current Welch df, times the current standard error.
 */
PowerStatus
power_welch_mde(double n_t, double n_c, double var_t, double var_c,
				double sig_level, double power, double *delta)
{
	WelchArgs	a = {0.0, var_t, var_c, 0.0, sig_level, 0.0};
	double		a_t = var_t / n_t;
	double		a_c = var_c / n_c;
	double		se2 = a_t + a_c;
	double		ncp;
	PowerStatus st;

	if (!(se2 > 0.0) || !(n_t > 1.0) || !(n_c > 1.0))
		return POWER_FAILED;
	a.df = welch_df(a_t, n_t, a_c, n_c);
	st = solve_effect(welch_power_of_ncp, &a, power, &ncp);
	if (st == POWER_OK)
		*delta = ncp * sqrt(se2);
	return st;
}
