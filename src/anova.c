/*-------------------------------------------------------------------------
 *
 * anova.c
 *	  One-way analysis of means from per-arm summaries (pure C): Welch's
 *	  heteroscedastic F test and the classic (equal-variance) F test, as
 *	  R's oneway.test(y ~ arm, var.equal = FALSE / TRUE).
 *
 * Both tests need only n, the mean and M2 of each arm, so they run on
 * stats_summary values: one per arm from a GROUP BY, or many per arm (the
 * daily rows of a materialized view), merged first by the SQL aggregate
 * (anova_sql.c).
 *
 * Welch (1951), "On the comparison of several mean values: an alternative
 * approach", Biometrika 38, 330-336.  With arm sizes n_i, means y_i,
 * sample variances s_i^2, weights w_i = n_i / s_i^2, W = sum w_i and the
 * weighted mean m = sum w_i y_i / W:
 *
 *	A   = sum w_i (y_i - m)^2 / (k - 1)
 *	tmp = sum (1 - w_i / W)^2 / (n_i - 1) / (k^2 - 1)
 *	F   = A / (1 + 2 (k - 2) tmp),  df = (k - 1, 1 / (3 tmp))
 *
 * (R: oneway.test's default; for k = 2 F is the square of Welch's t and
 * df2 its Welch-Satterthwaite degrees of freedom.)  Every arm needs
 * n_i >= 2 and s_i^2 > 0, else the fields are undefined.
 *
 * The classic F test (Fisher; R: oneway.test(var.equal = TRUE), or
 * anova(lm(y ~ arm))) with N = sum n_i and the grand mean g:
 *
 *	F = (sum n_i (y_i - g)^2 / (k - 1)) / (sum M2_i / (N - k)),
 *	df = (k - 1, N - k)
 *
 * defined when N > k; arms of one observation are allowed (they add
 * nothing within arms; R's oneway.test refuses them, anova(lm) does not).
 * No variation within arms but some between them gives F = Infinity and
 * p = 0; no variation at all leaves F undefined.
 *
 * Accuracy: deviations between means are taken from the compensated means
 * (mean + mean_lo, see summary.h), and the Welch weights are scaled by the
 * smallest squared standard error, so that neither a large common offset
 * nor tiny or huge variances cost digits or overflow; 1 - w_i / W is
 * computed as (W - w_i) / W, or as the sum of the other weights when w_i
 * dominates, so it never cancels.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "anova.h"
#include "dist.h"

#define METHOD_WELCH	"One-way analysis of means (not assuming equal variances)"
#define METHOD_CLASSIC	"One-way analysis of means"

/* R's method text for the test chosen by equal_var. */
const char *
anova_method(bool equal_var)
{
	return equal_var ? METHOD_CLASSIC : METHOD_WELCH;
}

/* The compensated difference of two arms' means, (a - b). */
static inline double
mean_diff(const Moments *a, double b_mean, double b_lo)
{
	return (a->mean - b_mean) + (a->mean_lo - b_lo);
}

/* Undefined statistic, degrees of freedom and p-value. */
static void
anova_undefined(AnovaResult *r)
{
	r->statistic = NAN;
	r->df1 = NAN;
	r->df2 = NAN;
	r->p_value = NAN;
}

/*
 * Welch's test: see the header comment.  The weights are computed as
 * u_i = se2_min / se2_i in (0, 1] with se2_i = s_i^2 / n_i, so w_i =
 * u_i / se2_min; m and tmp do not change under this scaling and A is
 * divided by se2_min at the end.
 */
static void
anova_welch(const Moments *arms, int k, AnovaResult *r)
{
	double	   *u = palloc(sizeof(double) * k);
	double	   *d = palloc(sizeof(double) * k);
	double		se2_min = INFINITY;
	double		wsum = 0.0;
	double		m = 0.0;
	double		a = 0.0;
	double		tmp = 0.0;
	int			i;

	for (i = 0; i < k; i++)
	{
		double		se2;

		if (arms[i].n < 2 || !(arms[i].m2 > 0.0))
		{
			anova_undefined(r);
			return;
		}
		se2 = arms[i].m2 / (double) (arms[i].n - 1) / (double) arms[i].n;
		if (!(se2 > 0.0))
		{
			anova_undefined(r);
			return;
		}
		u[i] = se2;
		if (se2 < se2_min)
			se2_min = se2;
	}
	for (i = 0; i < k; i++)
	{
		u[i] = se2_min / u[i];
		wsum += u[i];
		/* deviation from arm 0's mean, compensated */
		d[i] = mean_diff(&arms[i], arms[0].mean, arms[0].mean_lo);
		m += u[i] * d[i];
	}
	m /= wsum;
	for (i = 0; i < k; i++)
	{
		double		dev = d[i] - m;
		double		rest;

		a += u[i] * dev * dev;
		/* W - w_i without cancellation */
		if (u[i] <= 0.5 * wsum)
			rest = wsum - u[i];
		else
		{
			int			j;

			rest = 0.0;
			for (j = 0; j < k; j++)
				if (j != i)
					rest += u[j];
		}
		rest /= wsum;
		tmp += rest * rest / (double) (arms[i].n - 1);
	}
	a = a / se2_min / (double) (k - 1);
	tmp /= (double) k * (double) k - 1.0;

	r->df1 = (double) (k - 1);
	r->df2 = 1.0 / (3.0 * tmp);
	r->statistic = a / (1.0 + 2.0 * (double) (k - 2) * tmp);
	r->p_value = isnan(r->statistic) ? NAN :
		dist_pf(r->statistic, r->df1, r->df2, false);
}

/* The classic F test: see the header comment. */
static void
anova_classic(const Moments *arms, int k, AnovaResult *r)
{
	Moments		total;
	double		ssb = 0.0;
	double		ssw = 0.0;
	int			i;

	moments_init(&total);
	for (i = 0; i < k; i++)
	{
		Moments		one = arms[i];

		/*
		 * only n, the mean and M2 matter here; the caller made sure that
		 * the total n fits in an int64
		 */
		moments_drop_higher(&one);
		moments_drop_range(&one);
		(void) moments_merge(&total, &one);
	}
	if (total.n <= k)
	{
		anova_undefined(r);
		return;
	}
	for (i = 0; i < k; i++)
	{
		double		dev = mean_diff(&arms[i], total.mean, total.mean_lo);

		ssb += (double) arms[i].n * dev * dev;
		ssw += arms[i].m2;
	}
	r->df1 = (double) (k - 1);
	r->df2 = (double) (total.n - k);
	if (ssw == 0.0)
	{
		if (ssb > 0.0)
		{
			r->statistic = INFINITY;
			r->p_value = 0.0;
		}
		else
		{
			r->statistic = NAN;
			r->p_value = NAN;
		}
		return;
	}
	r->statistic = (ssb / r->df1) / (ssw / r->df2);
	r->p_value = isnan(r->statistic) ? NAN :
		dist_pf(r->statistic, r->df1, r->df2, false);
}

/*
 * anova_oneway: the one-way test over k arms (each with n >= 1).  Fewer
 * than two arms leave the statistic undefined.
 */
void
anova_oneway(const Moments *arms, int k, bool equal_var, AnovaResult *r)
{
	int			i;

	r->method = anova_method(equal_var);
	r->n_arms = k;
	r->n = 0;
	for (i = 0; i < k; i++)
		r->n += arms[i].n;
	if (k < 2)
	{
		anova_undefined(r);
		return;
	}
	if (equal_var)
		anova_classic(arms, k, r);
	else
		anova_welch(arms, k, r);
}
