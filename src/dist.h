/*-------------------------------------------------------------------------
 *
 * dist.h
 *	  Probability distributions (pure C over GSL, no fmgr).
 *
 * Arguments are assumed valid (the SQL layer validates them, see
 * dist_sql.c): finite parameters, df > 0 (the t functions also take
 * df = Infinity, the normal limit), beta shapes >= 0 (0 is R's point
 * mass), whole sizes.  The accuracy of each function is stated in dist.c
 * and measured by the regression tests.  Functions return NAN only when
 * the underlying computation failed; callers turn that into an error.
 * `lower` selects P[X <= q] (true) or P[X > q] (false), computed directly
 * so that far upper tails keep their relative accuracy.
 *
 *-------------------------------------------------------------------------
 */
#ifndef ABSTATS_DIST_H
#define ABSTATS_DIST_H

#include <stdbool.h>

/*
 * Called now and then by every loop of the numerics that can run long
 * (dist.c, noncentral_t.c, power.c), so that the SQL layer can honour
 * query cancellation and statement_timeout (abstats.c sets it to a
 * function calling CHECK_FOR_INTERRUPTS()); may be NULL.  The numerics
 * hold no malloc'd memory across a call, so the hook may longjmp.
 */
extern void (*dist_interrupt_hook) (void);

#define DIST_CHECK_INTERRUPTS() \
	do { if (dist_interrupt_hook) dist_interrupt_hook(); } while (0)

/*
 * The precision long double arithmetic really has, measured once at run
 * time: LDBL_EPSILON on x86-64 and aarch64, but DBL_EPSILON under valgrind,
 * which runs x87 arithmetic in double precision.  Stopping tests compare
 * with this, not with LDBL_EPSILON, so that a continued fraction whose
 * increments can never get closer to 1 than a double's epsilon still stops
 * (under valgrind each one ran to its iteration limit).
 */
extern long double dist_working_eps(void);

extern double dist_pnorm(double q, double mean, double sd, bool lower);
extern double dist_qnorm(double p, double mean, double sd, bool lower);
extern double dist_dnorm(double x, double mean, double sd);

extern double dist_pt(double q, double df, bool lower);
extern double dist_qt(double p, double df, bool lower);
extern double dist_dt(double x, double df);

extern double dist_pchisq(double q, double df, bool lower);
extern double dist_qchisq(double p, double df, bool lower);
extern double dist_dchisq(double x, double df);

extern double dist_pf(double q, double df1, double df2, bool lower);
extern double dist_qf(double p, double df1, double df2, bool lower);
extern double dist_df(double x, double df1, double df2);

extern double dist_pbeta(double q, double a, double b, bool lower);
extern double dist_qbeta(double p, double a, double b, bool lower);
extern double dist_dbeta(double x, double a, double b);

extern double dist_pbinom(double q, double size, double prob, bool lower);
extern double dist_qbinom(double p, double size, double prob, bool lower);
extern double dist_dbinom(double x, double size, double prob);

extern double dist_ppois(double q, double lambda, bool lower);
extern double dist_qpois(double p, double lambda, bool lower);
extern double dist_dpois(double x, double lambda);

/*
 * Building blocks shared with noncentral_t.c, in long double (see dist.c).
 *
 * dist_log_pnorm_l: log P[Z <= z] (lower) or log P[Z > z] for a standard
 * normal Z, any z, without underflow (relative error of the probability a
 * few long double ulps).
 *
 * dist_chi_mixture: E[exp(inner(Y))] for Y = log S, S^2 ~ chi-square(nu)/nu,
 * where inner(y) is the log of a probability that is monotone in y and
 * such that the integrand is unimodal in e^y (both hold for the uses in
 * dist.c and noncentral_t.c).  Below y_left, inner(y) must equal
 * log_left to within 2^-60 relative (the integral there is log_left plus
 * the chi-square CDF); pass -INFINITY for none.  y_step and w_step: where
 * and over what width inner() turns (NaN if unknown).  Returns the log of the
 * expectation; *failed is set when the integration did not reach its
 * tolerance or inner() returned NaN.
 */
typedef long double (*DistLogInner) (long double y, const void *arg);

/*
 * dist_t_mixture: log P[T <= q] (lower) or log P[T > q] for
 * T = (Z + delta) / S, S^2 ~ chi-square(nu)/nu: the central and noncentral
 * t distributions, relative accuracy in both tails (see dist.c).
 */
extern long double dist_t_mixture(double q, long double nu, double delta,
								  bool lower, bool *failed);

/* I_x(a, b) (lower) or 1 - I_x(a, b), x and y = 1 - x both given */
extern double dist_pbeta_xy(long double x, long double y, double a, double b,
							bool lower);
extern long double dist_log_pnorm_l(long double z, bool lower);
extern long double dist_chi_mixture(long double nu, DistLogInner inner, const void *arg,
									long double y_left, long double log_left,
									long double y_step, long double w_step,
									bool *failed);

#endif							/* ABSTATS_DIST_H */
