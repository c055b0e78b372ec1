/*-------------------------------------------------------------------------
 *
 * power.h
 *	  Power, sample size and minimum detectable effect (pure C, no fmgr).
 *
 *-------------------------------------------------------------------------
 */
#ifndef ABSTATS_POWER_H
#define ABSTATS_POWER_H

#include <stdbool.h>

/* Outcome of a solve. */
typedef enum PowerStatus
{
	POWER_OK,
	POWER_TOO_HIGH,				/* target above anything attainable */
	POWER_TOO_LOW,				/* target below anything attainable */
	POWER_FAILED				/* numerical failure (NaN, no convergence) */
} PowerStatus;

/* Design of a t test power calculation (R's power.t.test, plus ratio). */
typedef struct TPowerDesign
{
	int			tsample;		/* 1: one-sample or paired, 2: two-sample */
	int			tside;			/* 1: one-sided, 2: two-sided */
	bool		strict;			/* two-sided: count both rejection tails */
	double		ratio;			/* n2 / n1 (two-sample only) */
} TPowerDesign;

/* Design of a two-proportion power calculation (R's power.prop.test). */
typedef struct PropPowerDesign
{
	int			tside;
	bool		strict;
	double		ratio;
} PropPowerDesign;

/* The unknowns, in the order of the SQL arguments. */
typedef enum PowerUnknown
{
	UNKNOWN_N,
	UNKNOWN_DELTA,				/* delta (t) or p1 (proportions) */
	UNKNOWN_SD,					/* sd (t) or p2 (proportions) */
	UNKNOWN_SIG_LEVEL,
	UNKNOWN_POWER
} PowerUnknown;

/* Root finding: f(x) = target for f monotone on [lo, hi]. */
typedef double (*PowerFunction) (double x, void *arg);
extern PowerStatus power_find_root(PowerFunction f, void *arg, double target,
								   double lo, double hi, double *root);

/* t tests */
extern double power_t_power(const TPowerDesign *d, double n, double effect,
							double sig_level);
extern PowerStatus power_t_solve(const TPowerDesign *d, PowerUnknown unknown,
								 double *n, double *delta, double *sd,
								 double *sig_level, double *power);

/* two proportions */
extern double power_prop_power(const PropPowerDesign *d, double n, double p1,
							   double p2, double sig_level);
extern PowerStatus power_prop_solve(const PropPowerDesign *d, PowerUnknown unknown,
									double *n, double *p1, double *p2,
									double *sig_level, double *power);

/* Welch two-sample power from observed variances (sample_size_check) */
extern double power_welch_power(double n_t, double n_c, double var_t, double var_c,
								double delta, double sig_level);
extern PowerStatus power_welch_n(double k, double var_t, double var_c, double delta,
								 double sig_level, double power, double *n_c);
extern PowerStatus power_welch_mde(double n_t, double n_c, double var_t, double var_c,
								   double sig_level, double power, double *delta);

/* Shared by other power calculations (effects.c). */
extern double power_two_sided_t(double df, double ncp, double sig_level);
extern PowerStatus power_solve_n(PowerFunction f, void *arg, double nmin,
								 double power, double *n);

#endif							/* ABSTATS_POWER_H */
