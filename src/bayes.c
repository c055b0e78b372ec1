/*-------------------------------------------------------------------------
 *
 * bayes.c
 *	  Bayesian readouts: chance to win and expected loss.
 *
 * 1. bayes_test: GrowthBook's Gaussian model of the effect (gbstats,
 *	  EffectBayesianABTest).  The data give an estimate m with standard
 *	  error s (the difference of means, or the relative effect with its
 *	  delta-method standard error), read as the likelihood N(m, s^2); the
 *	  prior is N(mu0, tau^2) on the lift scale (GrowthBook's prior_type
 *	  'relative'), or flat (tau NULL).  On the absolute scale the prior is
 *	  rescaled to N(mu0 |c|, (tau |c|)^2), c the control mean, as gbstats
 *	  does.  The posterior is N(M, S^2) with, for k = s^2 / tau^2,
 *		M = (m + mu0 k) / (1 + k),	S = s / sqrt(1 + k)
 *	  (flat prior: M = m, S = s), and
 *		chance to win	P(effect > 0) = Q(-M / S),
 *		loss of choosing the treatment	E[max(-effect, 0)] = S L(M / S),
 *		loss of choosing the control	E[max(effect, 0)]  = S L(-M / S),
 *	  with L(z) = phi(z) - z Q(z) = E[max(W - z, 0)], W ~ N(0, 1) (the mean
 *	  of a truncated normal times its probability, as gbstats' get_risk),
 *	  and the credible interval M -/+ z_{1-(1-conf_level)/2} S.
 *	  Computed without cancellation in the tails: Q from its own tail (never
 *	  1 - Phi); L(z) = -z + L(-z) for z < 0 (a sum of positives); for
 *	  z >= 3, where phi(z) and z Q(z) cancel, from the continued fraction of
 *	  Mills' ratio Q(z)/phi(z) = 1/(z + c), c = 1/(z + 2/(z + 3/(z + ...)))
 *	  (Abramowitz & Stegun 26.2.14), which gives L(z) = phi(z) c / (z + c)
 *	  exactly, evaluated in logs so that it keeps its digits down to the
 *	  underflow threshold.
 *
 * 2. bayes_beta: two proportions with Beta posteriors, X1 ~ Beta(a1, b1)
 *	  (treatment) and X2 ~ Beta(a2, b2):
 *		P(X1 > X2) = integral f1(u) F2(u) du,
 *		E[max(X1 - X2, 0)] = integral P(X2 < u < X1) du = integral F2(u) S1(u) du
 *	  (max(x - y, 0) = integral of 1{y < u < x} du, and independence), and
 *	  symmetrically; f, F, S the densities, CDFs and upper tails.  Every
 *	  integrand is positive, so nothing cancels, and each is computed for
 *	  the smaller of the two complementary quantities: the other follows
 *	  without cancellation from P(X1 < X2) = 1 - P(X1 > X2) (the larger is
 *	  >= 1/2) and E[max(X1 - X2, 0)] - E[max(X2 - X1, 0)] = E[X1] - E[X2]
 *	  (the larger loss is the smaller plus |E[X1] - E[X2]|).
 *
 *	  Coordinates: u = 1 / (1 + e^-s).  In s a Beta density is log-concave
 *	  for every a, b > 0 (its log is a log u + b log(1 - u) plus a constant,
 *	  concave in s, with exponential tails of rates a and b), without the
 *	  endpoint singularities that shapes below 1 have in u, and so are the
 *	  CDF and the upper tail (Prekopa: CDFs of log-concave densities are
 *	  log-concave) and u (1 - u) = du/ds.  Each integrand, a product of
 *	  these, is therefore log-concave, hence unimodal: we find its mode
 *	  (hill-climbing from the mode of a normal approximation of the two
 *	  logit-Beta laws, whose means and variances are psi(a) - psi(b) and
 *	  psi'(a) + psi'(b), then GSL's Brent minimizer), walk out on each side
 *	  until the log-integrand has dropped by 46 (e^-46 = 1e-20; log-concave
 *	  tails beyond that are negligible), and integrate exp(log h - log h
 *	  at the mode) there with GSL's adaptive Gauss-Kronrod (QAG, 61
 *	  points, relative tolerance 1e-13) between breakpoints at the mode and
 *	  at the centre and +-1, 2, 4, 8 standard deviations of both logit-Beta
 *	  laws (a concentrated law's CDF is a narrow step that a quadrature
 *	  sized to a wide one would straddle), so the concentrated integrands
 *	  of counts up to 1e9 (a width of 1e-4 in s) and the wide ones of tiny
 *	  counts are handled alike.  u and 1 - u are both computed from s, and
 *	  the Beta functions are called on whichever of them is below 1/2
 *	  (I_u(a, b) = 1 - I_{1-u}(b, a)), so nothing is lost near u = 1.
 *	  dist.c's pbeta/dbeta (Loader's saddle-point prefactor, full relative
 *	  accuracy at shapes of 1e9) give the integrands.  An integrand whose
 *	  maximum is below e^-700 gives 0: such a probability or loss (below
 *	  about 1e-300) is not representable with any accuracy.
 *
 *	  Evan Miller's closed form ("Formulas for Bayesian A/B testing", 2014;
 *	  a sum of a2 Beta-function ratios, all positive),
 *		P(X2 > X1) = sum_{i=0}^{a2-1} B(a1 + i, b1 + b2)
 *					 / ((b2 + i) B(1 + i, b2) B(a1, b1)),
 *	  needs an integer a2 (or, by X -> 1 - X, an integer b1) and O(a2)
 *	  terms: a prior of 1/2 never gives integer shapes, and counts of 1e9
 *	  would take 1e9 terms.  We use it for the probability when the shape
 *	  it sums over is an integer of at most 1000 and no shape exceeds 1e5
 *	  (its first term, a ratio of Gamma functions, is computed with
 *	  lgammal, whose absolute error grows with the arguments: about 1e-13
 *	  relative there), the terms by their ratio
 *	  (a1 + i)(b2 + i) / ((a1 + b1 + b2 + i)(1 + i)); the integral
 *	  elsewhere, and always for the losses (Miller's closed form of the
 *	  loss is a difference of two such sums, which cancels when the loss is
 *	  small).
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <float.h>
#include <math.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_integration.h>
#include <gsl/gsl_min.h>
#include <gsl/gsl_sf_psi.h>

#include "bayes.h"
#include "dist.h"

void		(*bayes_interrupt_hook) (void) = NULL;

#define LN_SQRT_2PI		0.918938533204672741780329736405617639861

/* ---------------------------------------------------------------------
 * The Gaussian model
 * ---------------------------------------------------------------------
 */

/*
 * mills_c: c(z) = 1/(z + 2/(z + 3/(z + ...))) for z >= 3, by the modified
 * Lentz method (Q(z)/phi(z) = 1/(z + c(z))).  NAN if it does not converge
 * (it converges in under 200 terms at z = 3, fewer beyond).
 */
static double
mills_c(double z)
{
	const double tiny = 1e-300;
	double		f = tiny,
				c = tiny,
				d = 0.0;
	int			j;

	for (j = 1; j < 100000; j++)
	{
		double		delta;

		d = z + j * d;
		if (fabs(d) < tiny)
			d = tiny;
		c = z + j / c;
		if (fabs(c) < tiny)
			c = tiny;
		d = 1.0 / d;
		delta = c * d;
		f *= delta;
		if (fabs(delta - 1.0) <= DBL_EPSILON)
			return f;
	}
	return NAN;
}

/*
 * std_loss_log: log L(z), L(z) = phi(z) - z Q(z), for z >= 0: directly
 * below 3 (phi(z) and z Q(z) then cancel by at most a factor 12), from the
 * continued fraction above.
 */
static double
std_loss_log(double z)
{
	double		c;

	if (isinf(z))
		return -INFINITY;
	if (z < 3.0)
		return log(dist_dnorm(z, 0.0, 1.0) - z * dist_pnorm(z, 0.0, 1.0, false));
	c = mills_c(z);
	return -0.5 * z * z - LN_SQRT_2PI + log(c) - log(z + c);
}

/*
 * bayes_normal_loss: E[max(X, 0)] = sigma L(-mu / sigma) for
 * X ~ N(mu, sigma^2); for -mu / sigma < 0 it is mu + sigma L(mu / sigma).
 */
double
bayes_normal_loss(double mu, double sigma)
{
	double		z = -mu / sigma;

	if (isnan(z))
		return NAN;
	if (z <= 0.0)
		return mu + exp(log(sigma) + std_loss_log(-z));
	return exp(log(sigma) + std_loss_log(z));
}

/*
 * bayes_gaussian: the posterior and its readouts (see the file comment).
 * Undefined (NAN everywhere but the means) when the data's standard error
 * is, or when a proper prior must be rescaled by a zero control mean.
 */
void
bayes_gaussian(double estimate, double se, double rel_estimate, double rel_se,
			   double control_mean, double prior_mean, double prior_sd,
			   bool relative, double conf_level, BayesResult *r)
{
	bool		proper = !isnan(prior_sd);
	double		m = relative ? rel_estimate : estimate;
	double		s = relative ? rel_se : se;
	double		pm = prior_mean;
	double		ps = prior_sd;
	double		post_mean,
				post_sd,
				q,
				lower,
				upper;

	r->estimate = r->ci_lower = r->ci_upper = r->std_error = NAN;
	r->rel_estimate = r->rel_ci_lower = r->rel_ci_upper = r->rel_std_error = NAN;
	r->chance_to_win = r->loss_treatment = r->loss_control = NAN;
	r->variance_reduction = NAN;
	r->ntheta = 0;
	if (proper)
	{
		char		prior[64];

		snprintf(prior, sizeof(prior), "N(%g, %g^2)", prior_mean, prior_sd);
		snprintf(r->method, sizeof(r->method),
				 "Bayesian Gaussian model of the %s, prior %s on the lift%s",
				 relative ? "relative effect" : "difference of means", prior,
				 relative ? "" : " scaled by |control mean|");
	}
	else
		snprintf(r->method, sizeof(r->method),
				 "Bayesian Gaussian model of the %s, flat prior",
				 relative ? "relative effect" : "difference of means");

	if (proper && !relative)
	{
		pm *= fabs(control_mean);
		ps *= fabs(control_mean);
	}
	if (isnan(m) || !(s > 0.0) || !isfinite(s) || (proper && !(ps > 0.0)))
		return;

	if (proper)
	{
		double		ratio = s / ps;
		double		k = ratio * ratio;	/* prior precision / data precision */

		if (isinf(k))
		{
			post_mean = pm;
			post_sd = ps;
		}
		else
		{
			post_mean = (m + pm * k) / (1.0 + k);
			post_sd = s / sqrt(1.0 + k);
		}
	}
	else
	{
		post_mean = m;
		post_sd = s;
	}

	q = dist_qnorm((1.0 - conf_level) / 2.0, 0.0, 1.0, false);
	lower = post_mean - q * post_sd;
	upper = post_mean + q * post_sd;
	if (relative)
	{
		r->rel_estimate = post_mean;
		r->rel_ci_lower = lower;
		r->rel_ci_upper = upper;
		r->rel_std_error = post_sd;
	}
	else
	{
		r->estimate = post_mean;
		r->ci_lower = lower;
		r->ci_upper = upper;
		r->std_error = post_sd;
	}
	r->chance_to_win = dist_pnorm(0.0, post_mean, post_sd, false);
	r->loss_treatment = bayes_normal_loss(-post_mean, post_sd);
	r->loss_control = bayes_normal_loss(post_mean, post_sd);
}

/* ---------------------------------------------------------------------
 * Two Beta posteriors
 * ---------------------------------------------------------------------
 */

/* The four integrands (see the file comment). */
typedef enum BetaIntegrand
{
	BI_P_GREATER,				/* f1 F2: P(X1 > X2) */
	BI_P_LESS,					/* f1 S2: P(X1 < X2) */
	BI_LOSS_TREATMENT,			/* F1 S2 u(1-u): E[max(X2 - X1, 0)] */
	BI_LOSS_CONTROL				/* F2 S1 u(1-u): E[max(X1 - X2, 0)] */
} BetaIntegrand;

typedef struct BetaProblem
{
	double		a1,
				b1,
				a2,
				b2;
	BetaIntegrand kind;
	double		shift;			/* log h at the mode, subtracted */
	long		evals;
	bool		failed;
} BetaProblem;

#define BETA_DROP		46.0	/* log-integrand drop that ends the range */
#define BETA_LOG_NEGLIGIBLE	(-700.0)	/* log h below this everywhere: 0 */
#define BETA_EPSREL		1e-13
#define BETA_LIMIT		500
#define MILLER_MAX_TERMS	1000
#define MILLER_MAX_SHAPE	1e5

/*
 * beta_log_cdf: log P(X <= u) (upper = false) or log P(X > u), with
 * u = 1/(1 + e^-s) and 1 - u = 1/(1 + e^s) both from s, evaluated on the
 * one below 1/2.
 */
static double
beta_log_cdf(double s, double a, double b, bool upper)
{
	double		p;

	if (s <= 0.0)
		p = dist_pbeta(1.0 / (1.0 + exp(-s)), a, b, !upper);
	else
		p = dist_pbeta(1.0 / (1.0 + exp(s)), b, a, upper);
	return log(p);
}

/* log u (1 - u) = -log(1 + e^-s) - log(1 + e^s), without overflow */
static double
log_jacobian(double s)
{
	double		t = fabs(s);

	return -t - 2.0 * log1p(exp(-t));
}

/* log of the density of s = logit(X), X ~ Beta(a, b): f(u) u (1 - u) */
static double
beta_log_density_s(double s, double a, double b)
{
	double		d;

	if (s <= 0.0)
		d = dist_dbeta(1.0 / (1.0 + exp(-s)), a, b);
	else
		d = dist_dbeta(1.0 / (1.0 + exp(s)), b, a);
	return log(d) + log_jacobian(s);
}

/* log h(s) of the problem's integrand; -Infinity where it underflows */
static double
beta_log_h(double s, BetaProblem *p)
{
	double		v;

	if (++p->evals % 64 == 0 && bayes_interrupt_hook)
		bayes_interrupt_hook();
	switch (p->kind)
	{
		case BI_P_GREATER:
			v = beta_log_density_s(s, p->a1, p->b1) +
				beta_log_cdf(s, p->a2, p->b2, false);
			break;
		case BI_P_LESS:
			v = beta_log_density_s(s, p->a1, p->b1) +
				beta_log_cdf(s, p->a2, p->b2, true);
			break;
		case BI_LOSS_TREATMENT:
			v = beta_log_cdf(s, p->a1, p->b1, false) +
				beta_log_cdf(s, p->a2, p->b2, true) + log_jacobian(s);
			break;
		case BI_LOSS_CONTROL:
		default:
			v = beta_log_cdf(s, p->a2, p->b2, false) +
				beta_log_cdf(s, p->a1, p->b1, true) + log_jacobian(s);
			break;
	}
	if (isnan(v))
		p->failed = true;
	return v;
}

/* -log h, finite for GSL's minimizer (a huge value where h underflows) */
static double
beta_neg_log_h(double s, void *params)
{
	double		v = beta_log_h(s, (BetaProblem *) params);

	return isfinite(v) ? -v : 1e300;
}

/* exp(log h - shift), the function GSL integrates */
static double
beta_h(double s, void *params)
{
	BetaProblem *p = (BetaProblem *) params;

	return exp(beta_log_h(s, p) - p->shift);
}

/* logit-Beta mean psi(a) - psi(b) and sd sqrt(psi'(a) + psi'(b)) */
static bool
logit_beta_moments(double a, double b, double *mean, double *sd)
{
	gsl_sf_result pa,
				pb,
				ta,
				tb;

	if (gsl_sf_psi_e(a, &pa) != GSL_SUCCESS || gsl_sf_psi_e(b, &pb) != GSL_SUCCESS ||
		gsl_sf_psi_1_e(a, &ta) != GSL_SUCCESS || gsl_sf_psi_1_e(b, &tb) != GSL_SUCCESS)
		return false;
	*mean = pa.val - pb.val;
	*sd = sqrt(ta.val + tb.val);
	return true;
}

/* qsort comparator of doubles */
static int
cmp_double(const void *a, const void *b)
{
	double		x = *(const double *) a;
	double		y = *(const double *) b;

	return (x > y) - (x < y);
}

/*
 * beta_integral: the integral of h over s in [-inf, inf] (see the file
 * comment), as its log; -Infinity when h underflows everywhere we look
 * (the integral is then far below the smallest double), NAN on failure.
 */
static double
beta_integral(BetaProblem *p)
{
	double		m1,
				s1,
				m2,
				s2,
				start,
				width,
				lo,
				mid,
				hi,
				g_lo,
				g_mid,
				g_hi,
				mode,
				g_mode,
				left,
				right,
				step,
				result,
				abserr,
				pts[24];
	size_t		npts;
	int			status;
	int			i;
	/*
	 * GSL objects allocated once per backend and kept: query cancellation
	 * longjmps out of the integrand (bayes_interrupt_hook), past any free,
	 * so a per-call allocation would leak at every cancel.  Every use
	 * re-initialises them.
	 */
	static gsl_min_fminimizer *min = NULL;
	gsl_function F;
	static gsl_integration_workspace *ws = NULL;

	if (!logit_beta_moments(p->a1, p->b1, &m1, &s1) ||
		!logit_beta_moments(p->a2, p->b2, &m2, &s2))
		return NAN;
	width = fmin(s1, s2);

	/*
	 * Start at the mode of the normal approximation: the density's mean for
	 * f1 F2 when X1 tends to lie above X2 (F2 is then near 1 there), else,
	 * and for the losses, where two normal tails meet.
	 */
	if ((p->kind == BI_P_GREATER && m1 >= m2) || (p->kind == BI_P_LESS && m1 <= m2))
		start = m1;
	else
		start = (m1 * s2 * s2 + m2 * s1 * s1) / (s1 * s1 + s2 * s2);

	/* hill-climb to a bracket lo < mid < hi with g(mid) above both ends */
	mid = start;
	g_mid = beta_log_h(mid, p);
	if (!isfinite(g_mid))
	{
		/* underflow at the start: scan both laws' ranges for a foothold */
		double		best = -INFINITY,
					best_s = start;

		for (i = -40; i <= 40; i++)
		{
			double		c[3] = {m1 + i * s1, m2 + i * s2,
			m1 + (m2 - m1) * (i + 40) / 80.0};
			int			j;

			for (j = 0; j < 3; j++)
			{
				double		g = beta_log_h(c[j], p);

				if (g > best)
				{
					best = g;
					best_s = c[j];
				}
			}
		}
		if (p->failed)
			return NAN;
		if (!isfinite(best))
			return -INFINITY;
		mid = best_s;
		g_mid = best;
	}
	step = width;
	lo = mid - step;
	hi = mid + step;
	g_lo = beta_log_h(lo, p);
	g_hi = beta_log_h(hi, p);
	for (i = 0; i < 200 && !(g_mid >= g_lo && g_mid >= g_hi); i++)
	{
		step *= 2.0;
		if (g_hi > g_mid)
		{
			lo = mid;
			g_lo = g_mid;
			mid = hi;
			g_mid = g_hi;
			hi = mid + step;
			g_hi = beta_log_h(hi, p);
		}
		else
		{
			hi = mid;
			g_hi = g_mid;
			mid = lo;
			g_mid = g_lo;
			lo = mid - step;
			g_lo = beta_log_h(lo, p);
		}
	}
	if (p->failed || i == 200)
		return NAN;

	/* refine the mode with Brent's method (it need not be exact) */
	mode = mid;
	g_mode = g_mid;
	if (g_mid > g_lo && g_mid > g_hi)
	{
		F.function = beta_neg_log_h;
		F.params = p;
		if (min == NULL)
			min = gsl_min_fminimizer_alloc(gsl_min_fminimizer_brent);
		if (min == NULL)
			return NAN;
		status = gsl_min_fminimizer_set_with_values(min, &F, mid, -g_mid, lo,
													isfinite(g_lo) ? -g_lo : 1e300,
													hi, isfinite(g_hi) ? -g_hi : 1e300);
		for (i = 0; status == GSL_SUCCESS && i < 100; i++)
		{
			status = gsl_min_fminimizer_iterate(min);
			if (status != GSL_SUCCESS)
				break;
			status = gsl_min_test_interval(gsl_min_fminimizer_x_lower(min),
										   gsl_min_fminimizer_x_upper(min),
										   1e-3 * width, 0.0);
			if (status == GSL_SUCCESS)
				break;
			if (status == GSL_CONTINUE)
				status = GSL_SUCCESS;
		}
		if (status == GSL_SUCCESS)
		{
			mode = gsl_min_fminimizer_x_minimum(min);
			g_mode = -gsl_min_fminimizer_f_minimum(min);
		}
		if (status != GSL_SUCCESS || !isfinite(g_mode))
			return NAN;
	}
	if (p->failed)
		return NAN;

	/*
	 * A maximum below e^-700 (1e-304) leaves the integral below the
	 * smallest normal double, where the integrand's factors lose their
	 * precision: report 0.
	 */
	if (g_mode < BETA_LOG_NEGLIGIBLE)
		return -INFINITY;

	/* the range: walk out until log h has dropped by BETA_DROP */
	step = width;
	for (left = mode - step, i = 0;
		 i < 200 && beta_log_h(left, p) > g_mode - BETA_DROP; i++)
	{
		left -= step;
		step *= 1.5;
	}
	step = width;
	for (right = mode + step, i = 0;
		 i < 200 && beta_log_h(right, p) > g_mode - BETA_DROP; i++)
	{
		right += step;
		step *= 1.5;
	}
	if (p->failed)
		return NAN;

	/* integrate exp(log h - log h(mode)) over [left, right] */
	p->shift = g_mode;
	F.function = beta_h;
	F.params = p;
	if (ws == NULL)
		ws = gsl_integration_workspace_alloc(BETA_LIMIT);
	if (ws == NULL)
		return NAN;
	/*
	 * Breakpoints: the mode, and the centre and +-1, 2, 4, 8 sd of each
	 * logit-Beta law inside the range, so that the quadrature sees the
	 * narrow step of a concentrated law's CDF next to a wide one
	 */
	npts = 0;
	pts[npts++] = left;
	pts[npts++] = mode;
	for (i = 0; i < 2; i++)
	{
		static const double ks[] = {-8, -4, -2, -1, 0, 1, 2, 4, 8};
		double		mu = i == 0 ? m1 : m2;
		double		sd = i == 0 ? s1 : s2;
		int			k;

		for (k = 0; k < (int) lengthof(ks); k++)
		{
			double		x = mu + ks[k] * sd;

			if (x > left && x < right)
				pts[npts++] = x;
		}
	}
	pts[npts++] = right;
	qsort(pts, npts, sizeof(double), cmp_double);

	/*
	 * Each piece by QAG (61-point Gauss-Kronrod): relative tolerance 1e-13,
	 * or an absolute one of 1e-19 for pieces far out in the tails (the
	 * scaled integrand is 1 at the mode and at least 3e-5 wide in s for
	 * shapes up to 1e9, so the whole is above 1e-6).  A piece that
	 * rounding stops short of its tolerance is accepted when the summed
	 * error estimates stay below 1e-11 of the total.
	 */
	result = 0.0;
	abserr = 0.0;
	status = GSL_SUCCESS;
	for (i = 0; i + 1 < (int) npts && !p->failed; i++)
	{
		double		piece,
					err;
		int			st;

		if (!(pts[i + 1] > pts[i]))
			continue;
		st = gsl_integration_qag(&F, pts[i], pts[i + 1], 1e-19, BETA_EPSREL,
								 BETA_LIMIT, GSL_INTEG_GAUSS61, ws, &piece, &err);
		if (st != GSL_SUCCESS && st != GSL_EROUND)
			status = st;
		result += piece;
		abserr += err;
	}
	if (p->failed || status != GSL_SUCCESS || !(result > 0.0) ||
		!(abserr <= 1e-11 * result))
		return NAN;
	return g_mode + log(result);
}

/*
 * miller_sum: P(Y2 > Y1), Y1 ~ Beta(a1, b1), Y2 ~ Beta(a2, b2), for an
 * integer a2 <= MILLER_MAX_TERMS and shapes <= MILLER_MAX_SHAPE (checked
 * by the caller): Evan Miller's sum, first term
 * B(a1, b1 + b2) / B(a1, b1) (in long double), the others by their ratio.
 */
static double
miller_sum(double a1, double b1, double a2, double b2)
{
	long double term = expl(lgammal((long double) a1 + b1) + lgammal((long double) b1 + b2)
							- lgammal((long double) b1)
							- lgammal((long double) a1 + b1 + b2));
	long double sum = 0.0L;
	long		i;
	long		n = (long) a2;

	for (i = 0; i < n; i++)
	{
		sum += term;
		term *= ((long double) a1 + i) * ((long double) b2 + i) /
			(((long double) a1 + b1 + b2 + i) * (1.0L + i));
	}
	return (double) sum;
}

static bool
miller_ok(double index_shape, double a1, double b1, double a2, double b2)
{
	return index_shape == floor(index_shape) && index_shape <= MILLER_MAX_TERMS &&
		fmax(fmax(a1, b1), fmax(a2, b2)) <= MILLER_MAX_SHAPE;
}

/*
 * beta_prob: P(X1 > X2) (greater) or P(X1 < X2), by Miller's sum
 * where it applies, else by the integral; NAN on failure.
 */
static double
beta_prob(double a1, double b1, double a2, double b2, bool greater,
		  const char **how)
{
	BetaProblem p = {a1, b1, a2, b2, greater ? BI_P_GREATER : BI_P_LESS, 0.0, 0, false};
	double		logv;

	if (greater)
	{
		/* P(X1 > X2): sum over a1, or over b2 (X -> 1 - X) */
		if (miller_ok(a1, a1, b1, a2, b2))
		{
			*how = "Evan Miller's closed form";
			return miller_sum(a2, b2, a1, b1);
		}
		if (miller_ok(b2, a1, b1, a2, b2))
		{
			*how = "Evan Miller's closed form";
			return miller_sum(b1, a1, b2, a2);
		}
	}
	else
	{
		/* P(X2 > X1): sum over a2, or over b1 */
		if (miller_ok(a2, a1, b1, a2, b2))
		{
			*how = "Evan Miller's closed form";
			return miller_sum(a1, b1, a2, b2);
		}
		if (miller_ok(b1, a1, b1, a2, b2))
		{
			*how = "Evan Miller's closed form";
			return miller_sum(b2, a2, b1, a1);
		}
	}
	*how = "numerical integration";
	logv = beta_integral(&p);
	return isnan(logv) ? NAN : exp(logv);
}

/*
 * diff_of_products: a d - b c with one rounding (Kahan's algorithm with
 * fused multiply-adds), so E[X1] - E[X2] keeps its digits when the means
 * are close.
 */
static double
diff_of_products(double a, double d, double b, double c)
{
	double		w = b * c;
	double		e = fma(-b, c, w);
	double		f = fma(a, d, -w);

	return f + e;
}

/*
 * bayes_beta: chance to win and expected losses of two Beta posteriors
 * (see the file comment).
 */
bool
bayes_beta(double a1, double b1, double a2, double b2, BetaResult *r)
{
	double		n1 = a1 + b1;
	double		n2 = a2 + b2;
	double		small;
	bool		greater_is_small;
	const char *how = NULL;
	BetaProblem loss;
	double		log_loss;

	r->treatment_mean = a1 / n1;
	r->control_mean = a2 / n2;
	r->estimate = diff_of_products(a1, n2, a2, n1) / (n1 * n2);
	r->std_error = sqrt(a1 * b1 / (n1 * n1 * (n1 + 1.0)) + a2 * b2 / (n2 * n2 * (n2 + 1.0)));

	/* the chance to win: the smaller of P(X1 > X2), P(X1 < X2) directly */
	greater_is_small = r->estimate < 0.0;
	small = beta_prob(a1, b1, a2, b2, greater_is_small, &how);
	if (isnan(small))
		return false;
	if (small > 0.5)
	{
		greater_is_small = !greater_is_small;
		small = beta_prob(a1, b1, a2, b2, greater_is_small, &how);
		if (isnan(small))
			return false;
	}
	r->chance_to_win = greater_is_small ? small : 1.0 - small;

	/* the losses: the smaller by the integral, the larger from the means */
	loss.a1 = a1;
	loss.b1 = b1;
	loss.a2 = a2;
	loss.b2 = b2;
	loss.kind = r->estimate >= 0.0 ? BI_LOSS_TREATMENT : BI_LOSS_CONTROL;
	loss.shift = 0.0;
	loss.evals = 0;
	loss.failed = false;
	log_loss = beta_integral(&loss);
	if (isnan(log_loss))
		return false;
	if (loss.kind == BI_LOSS_TREATMENT)
	{
		r->loss_treatment = exp(log_loss);
		r->loss_control = r->loss_treatment + r->estimate;
	}
	else
	{
		r->loss_control = exp(log_loss);
		r->loss_treatment = r->loss_control - r->estimate;
	}
	r->method = strcmp(how, "numerical integration") == 0
		? "Bayesian Beta-binomial model, chance to win and losses by numerical integration"
		: "Bayesian Beta-binomial model, chance to win by Evan Miller's closed form, losses by numerical integration";
	return true;
}
