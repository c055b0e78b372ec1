/*-------------------------------------------------------------------------
 *
 * sequential.h
 *	  Always-valid inference: asymptotic confidence sequences and
 *	  always-valid p-values for the difference of two means (pure C, no
 *	  fmgr).
 *
 *-------------------------------------------------------------------------
 */
#ifndef ABSTATS_SEQUENTIAL_H
#define ABSTATS_SEQUENTIAL_H

#include "args.h"
#include "summary.h"

/*
 * Result of sequential_test(), field for field the SQL type
 * sequential_test_result.  Undefined fields are NAN; a one-sided sequence
 * has one infinite bound.
 */
typedef struct SeqResult
{
	double		statistic;		/* z = estimate / std_error */
	double		p_value;		/* always-valid p-value, min(1, 1 / e_value) */
	double		estimate;		/* treatment mean - control mean */
	double		ci_lower;		/* the confidence sequence at this look */
	double		ci_upper;
	double		std_error;
	double		rel_estimate;	/* treatment mean / control mean - 1 */
	double		rel_ci_lower;
	double		rel_ci_upper;
	double		rel_std_error;
	double		treatment_mean;
	double		control_mean;
	double		variance_reduction; /* CUPED forms only */
	int			ntheta;			/* CUPED forms: the coefficients used */
	double		theta[3];
	double		e_value;		/* the normal-mixture e-value */
	char		method[96];
} SeqResult;

/* GrowthBook's mixture parameter rho for level alpha, tightest near N = tuning. */
extern double seq_rho(double alpha, double tuning);

/*
 * One look of the sequence for an effect `estimate` with standard error
 * `se` after `n_total` units (both arms): the bounds at level conf_level
 * and the always-valid p-value / e-value for H0: effect = 0.
 */
extern void seq_bounds(double estimate, double se, double n_total,
					   double tuning, Alternative alt, double conf_level,
					   double *lower, double *upper);
extern double seq_log_evalue(double z, double n_total, double tuning,
							 Alternative alt, double conf_level);

/*
 * The whole result from an absolute effect and, when rel_se is not NAN,
 * a relative one (means given for the treatment_mean/control_mean fields).
 */
extern void seq_effect(double estimate, double se, double rel_estimate,
					   double rel_se, bool flip_rel, double n_total,
					   double tuning, Alternative alt, double conf_level,
					   SeqResult *r);

/* The sequence of two arms reduced to unit-level (n, mean, M2). */
extern void seq_two_sample(const Moments *t, const Moments *c, double tuning,
						   Alternative alt, double conf_level, SeqResult *r);

/*
 * The effects family's estimates of two such arms: the difference with its
 * Welch standard error and the relative effect with its delta-method
 * standard error (NAN when undefined); shared with gs_test and bayes_test.
 */
extern void seq_arm_effects(const Moments *t, const Moments *c,
							double *estimate, double *se,
							double *rel_estimate, double *rel_se);

#endif							/* ABSTATS_SEQUENTIAL_H */
