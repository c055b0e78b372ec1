/*-------------------------------------------------------------------------
 *
 * effects.h
 *	  The dashboard row of an A/B test: the absolute effect with its
 *	  t-test, the relative effect (treatment / control - 1) with its
 *	  interval, for plain means, ratio-of-means metrics and regression
 *	  (CUPED) adjusted metrics (pure C, no fmgr).
 *
 *-------------------------------------------------------------------------
 */
#ifndef ABSTATS_EFFECTS_H
#define ABSTATS_EFFECTS_H

#include "args.h"
#include "joint.h"
#include "power.h"
#include "summary.h"
#include "ttest.h"

/* How the interval of the relative effect is built. */
typedef enum RelCiMethod
{
	REL_CI_FIELLER,				/* Fieller (1954), inverts the t-test */
	REL_CI_DELTA,				/* symmetric delta-method interval */
	REL_CI_LOG					/* delta method on log(treatment / control) */
} RelCiMethod;

/* The shape of the confidence set of the relative effect. */
typedef enum RelCiKind
{
	REL_KIND_UNDEFINED,			/* no interval (NULL fields) */
	REL_KIND_INTERVAL,			/* [lower, upper], a bound may be infinite */
	REL_KIND_EXCLUSIVE,			/* the line minus an interval: two rays */
	REL_KIND_UNBOUNDED,			/* the whole line */
	REL_KIND_EMPTY				/* no value (one-sided, conf_level < 0.5) */
} RelCiKind;

/* Most covariates cuped_test accepts (a joint summary holds 4 metrics). */
#define EFFECTS_MAX_COVARIATES	3

/*
 * The dashboard row, field for field the SQL type ab_test_result.  NAN is
 * an undefined field (NULL); infinite interval bounds are real bounds.
 * theta[0..ntheta-1] are the regression coefficients used (ntheta = 0
 * when nothing is adjusted).
 */
typedef struct EffectResult
{
	TTestResult test;			/* statistic .. std_error, the absolute test */
	double		rel_estimate;
	double		rel_ci_lower;
	double		rel_ci_upper;
	double		rel_std_error;
	RelCiKind	rel_ci_kind;
	double		treatment_mean;
	double		control_mean;
	double		variance_reduction;
	int			ntheta;
	double		theta[EFFECTS_MAX_COVARIATES];
} EffectResult;

extern const char *effects_kind_name(RelCiKind kind);
extern const char *effects_method_name(RelCiMethod method);

/*
 * effects_two_sample: the row for two arms reduced to (n, mean, M2) of the
 * unit-level values whose mean is the arm's estimate: the absolute part is
 * ttest_two_sample() on them, the relative part treats the two arm means
 * as independent with variances M2 / (n - 1) / n (or the pooled one).
 */
extern void effects_two_sample(const Moments *treatment, const Moments *control,
							   double mu, bool equal_var, Alternative alt,
							   double conf_level, RelCiMethod method,
							   EffectResult *r);

/*
 * Joint summaries (ratio_test, cuped_test): each arm reduced to the
 * unit-level (n, mean, M2) of the adjusted metric (ta, ca) and of the
 * unadjusted one (tu, cu); `total` is both arms merged.
 * effects_ratio_arms: metric 0 / metric 1, adjusted by metric 2 / metric 3
 * when k = 4 (*theta set); false when a denominator mean is 0.
 * effects_cuped_arms: metric 0 adjusted by metrics 1..k-1 with `given`
 * coefficients, or least squares on the total sample when NULL (theta[]
 * receives the coefficients used).
 */
extern bool effects_ratio_arms(const JointMoments *t, const JointMoments *c,
							   const JointMoments *total, Moments *ta, Moments *ca,
							   Moments *tu, Moments *cu, double *theta);
extern void effects_cuped_arms(const JointMoments *t, const JointMoments *c,
							   const JointMoments *total, const double *given,
							   Moments *ta, Moments *ca, Moments *tu, Moments *cu,
							   double *theta);

/* The row from adjusted arms, with the variance reduction against tu, cu. */
extern void effects_adjusted(const Moments *ta, const Moments *ca,
							 const Moments *tu, const Moments *cu, double mu,
							 bool equal_var, Alternative alt, double conf_level,
							 RelCiMethod method, EffectResult *r);

/* Every field NULL but the method (undefined estimates). */
extern void effects_undefined(bool equal_var, EffectResult *r);

/*
 * Enough data?  Power of the relative interval of `method` to exclude 0
 * when the true relative effect is m, from unit-level variances; the
 * control size that reaches a power; the relative effect detectable now.
 */
extern double effects_rel_power(RelCiMethod method, double n_t, double n_c,
								double var_t, double var_c, double mu_c,
								double m, double sig_level);
extern PowerStatus effects_rel_n(RelCiMethod method, double k, double var_t,
								 double var_c, double mu_c, double m,
								 double sig_level, double power, double *n_c);
extern PowerStatus effects_rel_mde(RelCiMethod method, double n_t, double n_c,
								   double var_t, double var_c, double mu_c,
								   double sign, double sig_level, double power,
								   double *m);

#endif							/* ABSTATS_EFFECTS_H */
