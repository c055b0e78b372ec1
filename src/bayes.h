/*-------------------------------------------------------------------------
 *
 * bayes.h
 *	  Bayesian readouts of an A/B test: chance to win and expected loss,
 *	  under GrowthBook's Gaussian model of the effect and under Beta
 *	  posteriors of two proportions (pure C, no fmgr).
 *
 *-------------------------------------------------------------------------
 */
#ifndef ABSTATS_BAYES_H
#define ABSTATS_BAYES_H

#include <stdbool.h>

/*
 * Result of bayes_test(), field for field the SQL type bayes_test_result.
 * The posterior is on one scale: estimate .. std_error for the difference
 * of means (relative => false), rel_* for the relative effect; the other
 * scale's fields are NAN (NULL), as are all of them where undefined.
 */
typedef struct BayesResult
{
	double		estimate;		/* posterior mean */
	double		ci_lower;		/* equal-tailed credible interval */
	double		ci_upper;
	double		std_error;		/* posterior standard deviation */
	double		rel_estimate;
	double		rel_ci_lower;
	double		rel_ci_upper;
	double		rel_std_error;
	double		chance_to_win;	/* P(effect > 0) */
	double		loss_treatment; /* E[max(-effect, 0)] */
	double		loss_control;	/* E[max(effect, 0)] */
	double		treatment_mean;
	double		control_mean;
	double		variance_reduction;
	int			ntheta;			/* CUPED forms: the coefficients used */
	double		theta[3];
	char		method[160];
} BayesResult;

/* E[max(X, 0)] for X ~ N(mu, sigma^2), accurate in both tails. */
extern double bayes_normal_loss(double mu, double sigma);

/*
 * GrowthBook's Gaussian model: the data's estimate and standard error on
 * both scales (NAN when undefined), the control mean (to rescale the
 * prior for the absolute scale), the prior N(prior_mean, prior_sd^2) on
 * the lift scale (prior_sd NAN: flat).
 */
extern void bayes_gaussian(double estimate, double se, double rel_estimate,
						   double rel_se, double control_mean,
						   double prior_mean, double prior_sd, bool relative,
						   double conf_level, BayesResult *r);

/* Result of bayes_prop_test(), field for field bayes_prop_test_result. */
typedef struct BetaResult
{
	double		estimate;		/* E[p1] - E[p2] */
	double		std_error;		/* sd of p1 - p2 */
	double		chance_to_win;	/* P(p1 > p2) */
	double		loss_treatment; /* E[max(p2 - p1, 0)] */
	double		loss_control;	/* E[max(p1 - p2, 0)] */
	double		treatment_mean; /* E[p1] */
	double		control_mean;	/* E[p2] */
	const char *method;
} BetaResult;

/*
 * Two Beta posteriors Beta(a1, b1) (treatment) and Beta(a2, b2), shapes
 * > 0.  Returns false when a numerical method failed (cannot happen).
 */
extern bool bayes_beta(double a1, double b1, double a2, double b2,
					   BetaResult *r);

/* Called now and then during long computations (CHECK_FOR_INTERRUPTS). */
extern void (*bayes_interrupt_hook) (void);

#endif							/* ABSTATS_BAYES_H */
