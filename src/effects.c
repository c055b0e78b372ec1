/*-------------------------------------------------------------------------
 *
 * effects.c
 *	  The numbers an A/B dashboard leads with: the absolute effect and its
 *	  t-test, and the relative effect (treatment / control - 1) with its
 *	  confidence interval, for plain means (ab_test), ratio-of-means
 *	  metrics (ratio_test) and regression-adjusted metrics (cuped_test).
 *
 * Every test reduces each arm to the unit-level values whose mean is the
 * arm's estimate, summarized as (n, mean, M2): the metric itself for
 * ab_test, the delta-method linearization of a ratio for ratio_test, the
 * regression-adjusted metric for cuped_test.  The absolute part is then
 * exactly ttest_two_sample() (ttest.c) on those summaries, so ab_test()
 * equals t_test() field for field.  The relative part treats the two arm
 * means y1 (treatment) and y2 (control) as independent estimates with
 * variances v1 = s1^2 / n1 and v2 = s2^2 / n2 (Welch), or v_i = s_p^2 / n_i
 * with the pooled variance s_p^2 (Student, equal_var), and builds the
 * interval of rho - 1, rho = mu1 / mu2, by one of three methods:
 *
 * Fieller (Fieller 1954, "Some problems in interval estimation", JRSS B
 * 16, 175-185): the set of rho not rejected by the t-test of
 * H0: mu1 - rho mu2 = 0, T(rho) = (y1 - rho y2) / sqrt(v1 + rho^2 v2),
 * with the critical value q of the absolute test (its degrees of freedom,
 * Welch's or n1 + n2 - 2).  At rho = 1 this is the absolute test itself, so
 * the relative interval excludes 0 exactly when the absolute interval
 * excludes 0 (and the p-value is below 1 - conf_level).  Two-sided, in
 * delta = rho - 1 with e = y1 - y2:
 *	  A delta^2 - 2 B delta + C <= 0,  A = y2^2 - q^2 v2,
 *	  B = y2 e + q^2 v2,  C = e^2 - q^2 (v1 + v2),
 *	  B^2 - A C = q^2 (v2 y1^2 + v1 y2^2 - q^2 v1 v2).
 * A > 0 (the control mean is distinguishable from 0) gives an interval;
 * A < 0 gives the line minus an interval ('exclusive') or, when the
 * discriminant is negative, the whole line ('unbounded').  One-sided
 * alternatives invert the one-sided test, T(rho) <= q ('greater') or
 * T(rho) >= -q ('less'): the boundary points are the roots of the same
 * quadratic where T(rho) has the sign of the bound, and the set follows
 * from the limits of T at +-infinity, -+y2 / sqrt(v2).
 *
 * Delta method: rel = y1 / y2 - 1 with
 *	  se_rel^2 = v1 / y2^2 + y1^2 v2 / y2^4,
 * interval rel -/+ q se_rel with the absolute test's q (as GrowthBook's
 * frequentist engine).  se_rel is reported as rel_std_error whatever the
 * interval method.
 *
 * Log (as tea-tasting): log(y1 / y2) -/+ q_log se_log, exponentiated, with
 *	  se_log^2 = v1 / y1^2 + v2 / y2^2
 * and q_log from the Welch-Satterthwaite degrees of freedom of the two
 * relative variances s1^2 / y1^2 and s2^2 / y2^2 (Student: their pooled
 * value and n1 + n2 - 2).  Undefined when y1 / y2 <= 0.
 *
 * One-sided alternatives give one-sided intervals.  The direction of a
 * relative interval follows the absolute test's: with a negative control
 * mean, a larger treatment mean is a smaller ratio, so 'greater' gives an
 * upper bound for the relative effect (Fieller's inversion does this by
 * itself; the delta and log intervals are mirrored to match).
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>
#include <string.h>

#include "dist.h"
#include "effects.h"
#include "joint.h"
#include "power.h"

/* A confidence set of the relative effect; gap_* bound the excluded part. */
typedef struct RelSet
{
	RelCiKind	kind;
	double		lower;			/* REL_KIND_INTERVAL */
	double		upper;
	double		gap_lower;		/* REL_KIND_EXCLUSIVE: (gap_lower, gap_upper) */
	double		gap_upper;		/* is not in the set */
} RelSet;

/* The rel_ci_kind text of a set's shape (NULL: undefined). */
const char *
effects_kind_name(RelCiKind kind)
{
	switch (kind)
	{
		case REL_KIND_INTERVAL:
			return "interval";
		case REL_KIND_EXCLUSIVE:
			return "exclusive";
		case REL_KIND_UNBOUNDED:
			return "unbounded";
		case REL_KIND_EMPTY:
			return "empty";
		case REL_KIND_UNDEFINED:
		default:
			return NULL;
	}
}

/* The name of an interval method, as the result's `method` says it. */
const char *
effects_method_name(RelCiMethod method)
{
	switch (method)
	{
		case REL_CI_DELTA:
			return "delta method";
		case REL_CI_LOG:
			return "delta method on the log ratio";
		case REL_CI_FIELLER:
		default:
			return "Fieller";
	}
}

/*
 * quadratic_roots: the real roots of a x^2 - 2 b x + c = 0 given its
 * discriminant disc = b^2 - a c (computed by the caller in a form without
 * cancellation), in increasing order; returns how many (0, 1 or 2).  The
 * smaller-magnitude root comes from Vieta's c / (a r1), so a root near 0
 * keeps its relative accuracy and the exact sign of c.
 */
static int
quadratic_roots(double a, double b, double c, double disc, double *r)
{
	double		t;
	double		r1,
				r2;

	if (a == 0.0)
	{
		if (b == 0.0)
			return 0;
		r[0] = c / (2.0 * b);
		return 1;
	}
	if (disc < 0.0)
		return 0;
	t = b + copysign(sqrt(disc), b);
	if (t == 0.0)
	{
		/* b = 0 and disc = 0, so c = 0: a double root at 0 */
		r[0] = 0.0;
		return 1;
	}
	r1 = t / a;
	r2 = c / t;
	r[0] = fmin(r1, r2);
	r[1] = fmax(r1, r2);
	return r[0] == r[1] ? 1 : 2;
}

/*
 * fieller_set: Fieller's confidence set for delta = rho - 1 (see the file
 * comment), in coordinates scaled by sigma, the largest of the magnitudes
 * involved, so that no square overflows.  y1, y2: treatment and control
 * means, e = y1 - y2; sd1 = sqrt(v1), sd2 = sqrt(v2); qse = q * se, the
 * half-width of the absolute interval.  sides = 2: two-sided with q > 0;
 * sides = 1: {T(rho) <= q} with q of either sign (call it with -y1, -y2,
 * -e for {T(rho) >= -q}).
 */
static void
fieller_set(double y1, double y2, double e, double sd1, double sd2,
			double q, double qse, int sides, RelSet *s)
{
	double		aq = fabs(q);
	double		sigma;
	double		Y1,
				Y,
				Q1,
				Q2,
				A,
				B,
				C,
				disc;
	double		roots[2] = {0.0, 0.0};
	int			nroots;

	s->kind = REL_KIND_UNDEFINED;
	sigma = fmax(fmax(fabs(y1), fabs(y2)),
				 fmax(fabs(e), fmax(fabs(qse), fmax(aq * sd1, aq * sd2))));
	if (!(sigma > 0.0) || !isfinite(sigma))
		return;
	Y1 = y1 / sigma;
	Y = y2 / sigma;
	Q1 = aq * sd1 / sigma;
	Q2 = aq * sd2 / sigma;
	A = (fabs(Y) - Q2) * (fabs(Y) + Q2);
	B = Y * (e / sigma) + Q2 * Q2;
	/* the sign of C is exactly that of |e| - q se: 0 in the set or not */
	C = ((fabs(e) - fabs(qse)) / sigma) * ((fabs(e) + fabs(qse)) / sigma);
	disc = Q2 * Q2 * Y1 * Y1 + Q1 * Q1 * A;
	nroots = quadratic_roots(A, B, C, disc, roots);

	if (sides == 2)
	{
		if (A > 0.0)
		{
			s->kind = REL_KIND_INTERVAL;
			s->lower = roots[0];
			s->upper = nroots == 2 ? roots[1] : roots[0];
		}
		else if (A < 0.0)
		{
			if (nroots == 2)
			{
				s->kind = REL_KIND_EXCLUSIVE;
				s->gap_lower = roots[0];
				s->gap_upper = roots[1];
			}
			else
				s->kind = REL_KIND_UNBOUNDED;
		}
		else if (nroots == 1)
		{
			/* a half-line: -2 B delta + C <= 0 */
			s->kind = REL_KIND_INTERVAL;
			s->lower = B > 0.0 ? roots[0] : -INFINITY;
			s->upper = B > 0.0 ? INFINITY : roots[0];
		}
		else
			s->kind = C <= 0.0 ? REL_KIND_UNBOUNDED : REL_KIND_EMPTY;
	}
	else
	{
		/*
		 * {delta: e' - q s(delta) <= 0} with e' = (e - delta y2) / sigma,
		 * s(delta) = sqrt(Q1^2 + (1 + delta)^2 Q2^2); its boundary points
		 * are the roots where e' has the sign of q.  As delta -> +inf the
		 * left side behaves as -delta (Y + q sd2 / sigma), as delta -> -inf
		 * as |delta| (Y - q sd2 / sigma).
		 */
		double		Qs2 = q * sd2 / sigma;
		bool		in_plus = Y + Qs2 > 0.0;
		bool		in_minus = Y - Qs2 < 0.0;
		double		valid[2];
		int			nvalid = 0;
		int			i;

		for (i = 0; i < nroots; i++)
		{
			double		ep = e / sigma - roots[i] * Y;

			if (q >= 0.0 ? ep >= 0.0 : ep <= 0.0)
				valid[nvalid++] = roots[i];
		}
		if (in_plus && !in_minus)
		{
			s->kind = REL_KIND_INTERVAL;
			s->lower = nvalid > 0 ? valid[nvalid - 1] : -INFINITY;
			s->upper = INFINITY;
		}
		else if (in_minus && !in_plus)
		{
			s->kind = REL_KIND_INTERVAL;
			s->lower = -INFINITY;
			s->upper = nvalid > 0 ? valid[0] : INFINITY;
		}
		else if (in_plus && in_minus)
		{
			if (nvalid == 2)
			{
				s->kind = REL_KIND_EXCLUSIVE;
				s->gap_lower = valid[0];
				s->gap_upper = valid[1];
			}
			else
				s->kind = REL_KIND_UNBOUNDED;
		}
		else
		{
			if (nvalid == 2)
			{
				s->kind = REL_KIND_INTERVAL;
				s->lower = valid[0];
				s->upper = valid[1];
			}
			else if (nvalid == 1)
			{
				s->kind = REL_KIND_INTERVAL;
				s->lower = s->upper = valid[0];
			}
			else
				s->kind = REL_KIND_EMPTY;
		}
	}
}

/* relset_contains_zero: does the set contain 0? */
static bool
relset_contains_zero(const RelSet *s)
{
	switch (s->kind)
	{
		case REL_KIND_INTERVAL:
			return s->lower <= 0.0 && 0.0 <= s->upper;
		case REL_KIND_EXCLUSIVE:
			return !(s->gap_lower < 0.0 && 0.0 < s->gap_upper);
		case REL_KIND_UNBOUNDED:
			return true;
		default:
			return false;
	}
}

/*
 * relset_agree: make the set contain 0 exactly when the absolute test's
 * interval does.  Mathematically it always does (at delta = 0 Fieller's
 * inequality is the absolute interval's); in floating point a bound that
 * is within rounding of 0 could land on the wrong side, and then it is put
 * on the right side of 0.  Bounds farther than 1e-9 from 0 are never
 * moved.
 */
static void
relset_agree(RelSet *s, bool zero_in)
{
	double	   *near;

	if (relset_contains_zero(s) == zero_in)
		return;
	if (s->kind == REL_KIND_INTERVAL)
	{
		near = fabs(s->lower) <= fabs(s->upper) ? &s->lower : &s->upper;
		if (zero_in && fabs(*near) <= 1e-9)
			*near = 0.0;
		else if (!zero_in && fabs(*near) <= 1e-9)
			*near = nextafter(0.0, near == &s->lower ? 1.0 : -1.0);
	}
	else if (s->kind == REL_KIND_EXCLUSIVE)
	{
		near = fabs(s->gap_lower) <= fabs(s->gap_upper) ? &s->gap_lower : &s->gap_upper;
		if (zero_in && fabs(*near) <= 1e-9)
			*near = 0.0;
		else if (!zero_in && fabs(*near) <= 1e-9)
			*near = nextafter(0.0, near == &s->gap_lower ? -1.0 : 1.0);
	}
}

/*
 * welch_df_of: Welch-Satterthwaite degrees of freedom of a + b, a and b
 * the variances of two independent means of n1 and n2 units, evaluated on
 * a and b divided by their maximum as ttest.c does.
 */
static double
welch_df_of(double a, double n1, double b, double n2)
{
	double		scale = fmax(a, b);
	double		ra,
				rb;

	if (!(scale > 0.0) || !isfinite(scale))
		return NAN;
	ra = a / scale;
	rb = b / scale;
	return (ra + rb) * (ra + rb) / (ra * ra / (n1 - 1.0) + rb * rb / (n2 - 1.0));
}

/*
 * interval_bounds: the interval of a symmetric method around est with
 * half-width hw: two-sided [est - hw, est + hw]; one-sided, a lower bound
 * for 'greater' and an upper bound for 'less', mirrored when `flip` (a
 * negative control mean, where the relative effect falls as the absolute
 * one rises).
 */
static void
interval_bounds(Alternative alt, bool flip, double est, double hw,
				double *lower, double *upper)
{
	bool		lower_bound_only;

	if (alt == ALT_TWO_SIDED)
	{
		*lower = est - hw;
		*upper = est + hw;
		return;
	}
	lower_bound_only = (alt == ALT_GREATER) != flip;
	*lower = lower_bound_only ? est - hw : -INFINITY;
	*upper = lower_bound_only ? INFINITY : est + hw;
}

/*
 * effects_two_sample: see effects.h and the file comment.
 */
void
effects_two_sample(const Moments *t, const Moments *c, double mu,
				   bool equal_var, Alternative alt, double conf_level,
				   RelCiMethod method, EffectResult *r)
{
	double		n1 = (double) t->n;
	double		n2 = (double) c->n;
	double		y1 = t->mean;
	double		y2 = c->mean;
	double		e;
	double		v1 = NAN,
				v2 = NAN;
	double		alpha = 1.0 - conf_level;
	double		q;
	bool		tested;

	ttest_two_sample(t, c, mu, equal_var, alt, conf_level, &r->test);
	e = r->test.estimate;
	r->treatment_mean = y1;
	r->control_mean = y2;
	r->variance_reduction = NAN;
	r->ntheta = 0;
	r->rel_estimate = y2 != 0.0 ? e / y2 : NAN;
	r->rel_ci_lower = NAN;
	r->rel_ci_upper = NAN;
	r->rel_std_error = NAN;
	r->rel_ci_kind = REL_KIND_UNDEFINED;

	/* the variances of the arm means, as the absolute test uses them */
	if (equal_var && t->n + c->n >= 3)
	{
		double		df = n1 + n2 - 2.0;
		double		pooled = t->m2 / df + c->m2 / df;

		v1 = pooled / n1;
		v2 = pooled / n2;
	}
	else if (!equal_var && t->n >= 2 && c->n >= 2)
	{
		v1 = t->m2 / (n1 - 1.0) / n1;
		v2 = c->m2 / (n2 - 1.0) / n2;
	}
	if (y2 != 0.0 && !isnan(v1))
		r->rel_std_error = hypot(sqrt(v1), fabs(y1 / y2) * sqrt(v2)) / fabs(y2);

	/* an interval only where the absolute test is defined */
	tested = !isnan(r->test.statistic);
	if (!tested)
		return;
	q = dist_qt(alt == ALT_TWO_SIDED ? alpha / 2.0 : alpha, r->test.df, false);
	if (isnan(q))
		return;

	switch (method)
	{
		case REL_CI_FIELLER:
			{
				RelSet		s;
				double		qse = q * r->test.std_error;
				bool		zero_in;

				if (alt == ALT_LESS)
				{
					fieller_set(-y1, -y2, -e, sqrt(v1), sqrt(v2), q, qse, 1, &s);
					zero_in = !(r->test.ci_upper < 0.0);
				}
				else
				{
					fieller_set(y1, y2, e, sqrt(v1), sqrt(v2), q, qse,
								alt == ALT_TWO_SIDED ? 2 : 1, &s);
					zero_in = !(r->test.ci_lower > 0.0 ||
								(alt == ALT_TWO_SIDED && r->test.ci_upper < 0.0));
				}
				relset_agree(&s, zero_in);
				r->rel_ci_kind = s.kind;
				switch (s.kind)
				{
					case REL_KIND_INTERVAL:
						r->rel_ci_lower = s.lower;
						r->rel_ci_upper = s.upper;
						break;
					case REL_KIND_EXCLUSIVE:
					case REL_KIND_UNBOUNDED:
						r->rel_ci_lower = -INFINITY;
						r->rel_ci_upper = INFINITY;
						break;
					default:
						break;
				}
				break;
			}
		case REL_CI_DELTA:
			if (isnan(r->rel_std_error))
				break;
			interval_bounds(alt, y2 < 0.0, r->rel_estimate, q * r->rel_std_error,
							&r->rel_ci_lower, &r->rel_ci_upper);
			r->rel_ci_kind = REL_KIND_INTERVAL;
			break;
		case REL_CI_LOG:
			{
				double		se_log,
							df_log,
							q_log,
							lr,
							lo,
							hi;

				if (!(y2 != 0.0 && y1 / y2 > 0.0))
					break;
				if (equal_var)
				{
					double		df = n1 + n2 - 2.0;
					double		pooled = (t->m2 / y1 / y1 + c->m2 / y2 / y2) / df;

					se_log = sqrt(pooled) * sqrt(1.0 / n1 + 1.0 / n2);
					df_log = df;
				}
				else
				{
					double		a = v1 / y1 / y1;
					double		b = v2 / y2 / y2;

					se_log = hypot(sqrt(v1) / fabs(y1), sqrt(v2) / fabs(y2));
					df_log = welch_df_of(a, n1, b, n2);
				}
				if (!(se_log > 0.0) || !isfinite(se_log) || isnan(df_log))
					break;
				q_log = dist_qt(alt == ALT_TWO_SIDED ? alpha / 2.0 : alpha, df_log, false);
				if (isnan(q_log))
					break;
				lr = log1p(r->rel_estimate);
				interval_bounds(alt, y2 < 0.0, lr, q_log * se_log, &lo, &hi);
				/* the open side of a one-sided interval stays infinite */
				r->rel_ci_lower = isinf(lo) ? lo : expm1(lo);
				r->rel_ci_upper = isinf(hi) ? hi : expm1(hi);
				r->rel_ci_kind = REL_KIND_INTERVAL;
				break;
			}
	}
}

/* ---------------------------------------------------------------------
 * Ratio metrics and regression adjustment (joint summaries)
 *
 * A joint_summary holds n, the means and the co-moments
 * C_ij = sum (x_i - mean_i)(x_j - mean_j) of 2 to 4 metrics measured on
 * the same units (joint.h).  Each test below reduces an arm to (n, mean,
 * M2) of unit-level values and hands them to effects_two_sample().
 *
 * Ratio of means (Deng, Knoblich & Lu 2018, "Applying the delta method in
 * metric analytics: a practical guide with novel ideas", KDD; the
 * linearization of their section 3): the arm's estimate is
 * R = mean_a / mean_b, whose first-order expansion is the mean of the
 * unit-level values l_i = (a_i - R b_i) / mean_b, so
 *	  M2(l) = (C_aa - 2 R C_ab + R^2 C_bb) / mean_b^2
 * and the co-moment of two linearized ratios a/b and c/d is
 *	  (C_ac - R_cd C_ad - R_ab C_bc + R_ab R_cd C_bd) / (mean_b mean_d).
 * Welch's t on these unit-level values is the delta-method test of
 * R_treatment - R_control.
 *
 * Regression adjustment (CUPED: Deng, Xu, Kohavi & Walker 2013, "Improving
 * the sensitivity of online controlled experiments by utilizing
 * pre-experiment data", WSDM): the metric y is replaced by
 * y - theta'(x - xbar), x the pre-experiment covariates and xbar their
 * mean over both arms.  theta is the least-squares coefficient vector of y
 * on x over the total sample of both arms (tea-tasting's choice; with one
 * covariate the slope of lm(y ~ x) on the pooled units; with several the
 * multivariate form of Spotify's and Statsig's write-ups), or a given
 * vector.  Per arm the adjusted mean and M2 are
 *	  mean_y - theta'(mean_x - xbar),
 *	  C_yy - 2 theta' C_xy + theta' C_xx theta,
 * treating theta and xbar as known (as tea-tasting and GrowthBook do).
 * For a ratio metric with a pre-period ratio (four metrics: numerator,
 * denominator, pre-period numerator, pre-period denominator) the same is
 * done on the linearized values, with theta from the total sample's
 * linearization (tea-tasting); GrowthBook instead sums the two arms'
 * within-arm covariances.  The relative effect of an adjusted metric is
 * adjusted treatment mean / adjusted control mean - 1 (tea-tasting);
 * GrowthBook divides the adjusted difference by the unadjusted control
 * mean.  Its interval treats the two adjusted means as independent; their
 * shared centring at xbar correlates them slightly, which is ignored, as
 * tea-tasting does.
 * ---------------------------------------------------------------------
 */

/* A covariate whose variance left after the earlier ones is below this
 * fraction of its own is dropped (theta = 0), as lm() drops aliased ones. */
#define CUPED_ALIAS_TOL		1e-10

/* (n, mean, M2) as a Moments, for ttest_two_sample() */
static void
arm_moments(Moments *m, int64_t n, double mean, double m2)
{
	moments_init(m);
	m->n = n;
	m->mean = mean;
	m->m2 = m2 > 0.0 ? m2 : 0.0;
	moments_drop_higher(m);
	moments_drop_range(m);
}

/* C_ij of a JointMoments */
static double
comoment(const JointMoments *m, int i, int j)
{
	return m->c[joint_cidx(m->k, i, j)];
}

/*
 * lin_comoment: the co-moment of the linearized ratios mean_a / mean_b and
 * mean_c / mean_d (M2 of one ratio when a = c and b = d); see above.
 */
static double
lin_comoment(const JointMoments *m, int a, int b, int c, int d)
{
	double		rab = m->mean[a] / m->mean[b];
	double		rcd = m->mean[c] / m->mean[d];

	return (comoment(m, a, c) - rcd * comoment(m, a, d)
			- rab * comoment(m, b, c) + rab * rcd * comoment(m, b, d))
		/ m->mean[b] / m->mean[d];
}

/*
 * least_squares: theta solving Sxx theta = Sxy for p covariates (Sxx p x p
 * row-major), by Gaussian elimination in covariate order (the Cholesky
 * factorization of the symmetric positive semidefinite Sxx); a pivot below
 * CUPED_ALIAS_TOL times the covariate's own variance (it is a linear
 * function of the earlier ones, or constant) gets theta = 0.
 */
static void
least_squares(int p, const double *sxx, const double *sxy, double *theta)
{
	double		a[EFFECTS_MAX_COVARIATES][EFFECTS_MAX_COVARIATES + 1];
	bool		used[EFFECTS_MAX_COVARIATES];
	int			i,
				j,
				l;

	for (i = 0; i < p; i++)
	{
		for (j = 0; j < p; j++)
			a[i][j] = sxx[i * p + j];
		a[i][p] = sxy[i];
	}
	for (j = 0; j < p; j++)
	{
		double		pivot = a[j][j];

		used[j] = pivot > CUPED_ALIAS_TOL * sxx[j * p + j] && pivot > 0.0;
		if (!used[j])
			continue;
		for (i = j + 1; i < p; i++)
		{
			double		f = a[i][j] / pivot;

			for (l = j; l <= p; l++)
				a[i][l] -= f * a[j][l];
		}
	}
	for (j = p - 1; j >= 0; j--)
	{
		double		s;

		theta[j] = 0.0;
		if (!used[j])
			continue;
		s = a[j][p];
		for (l = j + 1; l < p; l++)
			s -= a[j][l] * theta[l];
		theta[j] = s / a[j][j];
	}
}

/*
 * effects_ratio_arms: the unit-level (n, mean, M2) of both arms for the
 * ratio mean_0 / mean_1, adjusted by the pre-period ratio mean_2 / mean_3
 * when k = 4 (theta from the total sample, returned in *theta), and the
 * unadjusted ones.  Returns false when a ratio is undefined (a zero
 * denominator mean); raises nothing.  total: both arms merged.
 */
bool
effects_ratio_arms(const JointMoments *t, const JointMoments *c,
				   const JointMoments *total, Moments *ta, Moments *ca,
				   Moments *tu, Moments *cu, double *theta)
{
	const JointMoments *arm[2] = {t, c};
	Moments    *adj[2] = {ta, ca};
	Moments    *unadj[2] = {tu, cu};
	double		th = 0.0;
	double		rx_total = 0.0;
	int			i;

	if (t->mean[1] == 0.0 || c->mean[1] == 0.0)
		return false;
	if (t->k == 4)
	{
		double		lxx;

		if (t->mean[3] == 0.0 || c->mean[3] == 0.0 || total->mean[1] == 0.0 ||
			total->mean[3] == 0.0)
			return false;
		lxx = lin_comoment(total, 2, 3, 2, 3);
		if (lxx > 0.0)
			th = lin_comoment(total, 0, 1, 2, 3) / lxx;
		rx_total = total->mean[2] / total->mean[3];
		*theta = th;
	}
	for (i = 0; i < 2; i++)
	{
		const JointMoments *m = arm[i];
		double		ry = m->mean[0] / m->mean[1];
		double		lyy = lin_comoment(m, 0, 1, 0, 1);

		arm_moments(unadj[i], m->n, ry, lyy);
		if (m->k == 4)
		{
			double		rx = m->mean[2] / m->mean[3];

			arm_moments(adj[i], m->n, ry - th * (rx - rx_total),
						lyy - 2.0 * th * lin_comoment(m, 0, 1, 2, 3)
						+ th * th * lin_comoment(m, 2, 3, 2, 3));
		}
		else
			*adj[i] = *unadj[i];
	}
	return true;
}

/*
 * effects_cuped_arms: the unit-level (n, mean, M2) of metric 0 adjusted by
 * metrics 1..k-1, with the given theta (NULL: least squares on the total
 * sample, returned in theta[0..k-2]), and the unadjusted ones.
 */
void
effects_cuped_arms(const JointMoments *t, const JointMoments *c,
				   const JointMoments *total, const double *given,
				   Moments *ta, Moments *ca, Moments *tu, Moments *cu,
				   double *theta)
{
	const JointMoments *arm[2] = {t, c};
	Moments    *adj[2] = {ta, ca};
	Moments    *unadj[2] = {tu, cu};
	int			p = t->k - 1;
	int			i,
				j,
				l;

	if (given != NULL)
		memcpy(theta, given, sizeof(double) * p);
	else
	{
		double		sxx[EFFECTS_MAX_COVARIATES * EFFECTS_MAX_COVARIATES];
		double		sxy[EFFECTS_MAX_COVARIATES];

		for (j = 0; j < p; j++)
		{
			sxy[j] = comoment(total, 0, j + 1);
			for (l = 0; l < p; l++)
				sxx[j * p + l] = comoment(total, j + 1, l + 1);
		}
		least_squares(p, sxx, sxy, theta);
	}
	for (i = 0; i < 2; i++)
	{
		const JointMoments *m = arm[i];
		double		mean = m->mean[0];
		double		m2 = comoment(m, 0, 0);

		arm_moments(unadj[i], m->n, mean, m2);
		for (j = 0; j < p; j++)
		{
			mean -= theta[j] * (m->mean[j + 1] - total->mean[j + 1]);
			m2 -= 2.0 * theta[j] * comoment(m, 0, j + 1);
			for (l = 0; l < p; l++)
				m2 += theta[j] * theta[l] * comoment(m, j + 1, l + 1);
		}
		arm_moments(adj[i], m->n, mean, m2);
	}
}

/*
 * effects_adjusted: the row from adjusted arms ta, ca, with the variance
 * reduction 1 - se_adj^2 / se_unadj^2 against the unadjusted tu, cu.
 */
void
effects_adjusted(const Moments *ta, const Moments *ca, const Moments *tu,
				 const Moments *cu, double mu, bool equal_var,
				 Alternative alt, double conf_level, RelCiMethod method,
				 EffectResult *r)
{
	TTestResult u;

	effects_two_sample(ta, ca, mu, equal_var, alt, conf_level, method, r);
	ttest_two_sample(tu, cu, mu, equal_var, alt, conf_level, &u);
	if (u.std_error > 0.0 && !isnan(r->test.std_error))
		r->variance_reduction = 1.0 - (r->test.std_error / u.std_error) *
			(r->test.std_error / u.std_error);
}

/*
 * effects_undefined: the row of a test whose estimates are undefined (a
 * ratio with a zero denominator mean): every field NULL but the method.
 */
void
effects_undefined(bool equal_var, EffectResult *r)
{
	r->test.statistic = r->test.df = r->test.p_value = NAN;
	r->test.estimate = r->test.ci_lower = r->test.ci_upper = NAN;
	r->test.std_error = NAN;
	r->test.method = equal_var ? "Two Sample t-test" : "Welch Two Sample t-test";
	r->rel_estimate = r->rel_ci_lower = r->rel_ci_upper = NAN;
	r->rel_std_error = NAN;
	r->rel_ci_kind = REL_KIND_UNDEFINED;
	r->treatment_mean = r->control_mean = NAN;
	r->variance_reduction = NAN;
	r->ntheta = 0;
}

/* ---------------------------------------------------------------------
 * Enough data?  The power of the relative interval to exclude 0.
 *
 * With the observed unit-level variances var_t, var_c (of the metric the
 * test uses: plain, ratio-linearized or adjusted), sizes n_t, n_c, the
 * control mean mu_c and a true relative effect m (treatment mean
 * (1 + m) mu_c), each interval method excludes 0 when its statistic
 * exceeds the two-sided critical value:
 *	- Fieller: exactly when the absolute t-test rejects, so its power is
 *	  the Welch power for the difference m mu_c (power.c);
 *	- delta: rel / se_rel, with
 *	  se_rel^2 = (v_t + (1 + m)^2 v_c) / mu_c^2, v = var / n,
 *	  and the Welch df of the difference;
 *	- log: log(1 + m) / se_log, with
 *	  se_log^2 = v_t / ((1 + m) mu_c)^2 + v_c / mu_c^2,
 *	  and the Welch df of those two relative variances.
 * The power is that of the noncentral t with those df and the statistic's
 * expected value as noncentrality, both tails, as power.c does for the
 * Welch test.
 * ---------------------------------------------------------------------
 */

/* The arguments of the relative power as a function of n_c or of m. */
typedef struct RelPowerArgs
{
	RelCiMethod method;
	double		k;				/* n_t / n_c when solving for n_c */
	double		n_t;
	double		n_c;
	double		var_t;
	double		var_c;
	double		mu_c;
	double		m;
	double		sign;			/* direction of m when solving for it */
	double		sig_level;
} RelPowerArgs;

/*
 * effects_rel_power: the power of the method's relative interval to
 * exclude 0 (two-sided, level sig_level) when the true relative effect is
 * m; NAN where undefined (an arm with one unit or fewer, no variance, a
 * zero control mean, 1 + m <= 0 for the log ratio).
 */
double
effects_rel_power(RelCiMethod method, double n_t, double n_c, double var_t,
				  double var_c, double mu_c, double m, double sig_level)
{
	double		vt = var_t / n_t;
	double		vc = var_c / n_c;
	double		se,
				df;

	if (!(n_t > 1.0) || !(n_c > 1.0) || !(vt + vc > 0.0) || mu_c == 0.0)
		return NAN;
	switch (method)
	{
		case REL_CI_DELTA:
			se = hypot(sqrt(vt), fabs(1.0 + m) * sqrt(vc)) / fabs(mu_c);
			df = welch_df_of(vt, n_t, vc, n_c);
			return power_two_sided_t(df, m / se, sig_level);
		case REL_CI_LOG:
			{
				double		a,
							b;

				if (!(1.0 + m > 0.0))
					return NAN;
				a = vt / ((1.0 + m) * mu_c) / ((1.0 + m) * mu_c);
				b = vc / mu_c / mu_c;
				se = sqrt(a + b);
				df = welch_df_of(a, n_t, b, n_c);
				return power_two_sided_t(df, log1p(m) / se, sig_level);
			}
		case REL_CI_FIELLER:
		default:
			return power_welch_power(n_t, n_c, var_t, var_c, fabs(m * mu_c),
									 sig_level);
	}
}

/* the relative power as a function of the control size (treatment k n_c) */
static double
rel_power_of_n(double n_c, void *arg)
{
	RelPowerArgs *a = (RelPowerArgs *) arg;

	return effects_rel_power(a->method, a->k * n_c, n_c, a->var_t, a->var_c,
							 a->mu_c, a->m, a->sig_level);
}

/* the relative power as a function of |m|, m in the direction a->sign */
static double
rel_power_of_m(double u, void *arg)
{
	RelPowerArgs *a = (RelPowerArgs *) arg;

	return effects_rel_power(a->method, a->n_t, a->n_c, a->var_t, a->var_c,
							 a->mu_c, a->sign * u, a->sig_level);
}

/*
 * effects_rel_n: the control size n_c (treatment k n_c) at which the
 * relative interval excludes 0 with probability `power` when the true
 * relative effect is m.
 */
PowerStatus
effects_rel_n(RelCiMethod method, double k, double var_t, double var_c,
			  double mu_c, double m, double sig_level, double power,
			  double *n_c)
{
	RelPowerArgs a;

	if (method == REL_CI_FIELLER)
		return power_welch_n(k, var_t, var_c, fabs(m * mu_c), sig_level, power, n_c);
	memset(&a, 0, sizeof(a));
	a.method = method;
	a.k = k;
	a.var_t = var_t;
	a.var_c = var_c;
	a.mu_c = mu_c;
	a.m = m;
	a.sig_level = sig_level;
	return power_solve_n(rel_power_of_n, &a, fmax(2.0, 2.0 / k), power, n_c);
}

/*
 * effects_rel_mde: the smallest relative effect in the direction of `sign`
 * (+1: a lift, -1: a drop, which cannot go below -1) that the relative
 * interval detects with probability `power` at the current sizes.
 *
 * The power need not grow without bound: the delta method's standard
 * error grows with the treatment mean, so a lift's power tends to a limit
 * below 1, and on the log scale a drop towards -100% makes the treatment
 * arm's relative variance explode, so the power rises and falls again.
 * The search starts from the Fieller (absolute) answer and brackets the
 * first crossing, doubling a lift (up to 1e10) or halving the distance of
 * a drop to -1 (up to 1e-12); POWER_TOO_HIGH when there is none.
 */
PowerStatus
effects_rel_mde(RelCiMethod method, double n_t, double n_c, double var_t,
				double var_c, double mu_c, double sign, double sig_level,
				double power, double *m)
{
	RelPowerArgs a;
	double		lo,
				hi,
				v,
				u;
	PowerStatus st;

	st = power_welch_mde(n_t, n_c, var_t, var_c, sig_level, power, &u);
	if (st != POWER_OK)
		return st;
	u /= fabs(mu_c);
	if (method == REL_CI_FIELLER)
	{
		*m = sign * u;
		return POWER_OK;
	}
	memset(&a, 0, sizeof(a));
	a.method = method;
	a.n_t = n_t;
	a.n_c = n_c;
	a.var_t = var_t;
	a.var_c = var_c;
	a.mu_c = mu_c;
	a.sign = sign;
	a.sig_level = sig_level;
	if (sign < 0.0 && u >= 1.0)
		u = 0.5;
	v = rel_power_of_m(u, &a);
	if (isnan(v))
		return POWER_FAILED;
	if (v >= power)
	{
		/* halve until below the target */
		hi = u;
		lo = u / 2.0;
		while ((v = rel_power_of_m(lo, &a)) >= power)
		{
			hi = lo;
			lo /= 2.0;
			if (lo < 1e-300)
				return POWER_FAILED;
		}
	}
	else
	{
		lo = u;
		for (;;)
		{
			hi = sign < 0.0 ? (lo + 1.0) / 2.0 : 2.0 * lo;
			v = rel_power_of_m(hi, &a);
			if (isnan(v))
				return POWER_FAILED;
			if (v >= power)
				break;
			if ((sign < 0.0 && 1.0 - hi < 1e-12) || hi > 1e10)
				return POWER_TOO_HIGH;
			lo = hi;
		}
	}
	if (isnan(v))
		return POWER_FAILED;
	st = power_find_root(rel_power_of_m, &a, power, lo, hi, &u);
	if (st == POWER_OK)
		*m = sign * u;
	return st;
}
