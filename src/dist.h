/*-------------------------------------------------------------------------
 *
 * dist.h
 *	  Probability distributions (pure C over GSL, no fmgr).
 *
 * Arguments are assumed valid (the SQL layer validates them, see
 * dist_sql.c): finite parameters, df > 0 (the t functions also take
 * df = Infinity, the normal limit), beta shapes >= 0 (0 is R's point
 * mass), whole sizes.  Results agree with R to 1e-10 relative (see
 * dist.c).  Functions return NAN only when the underlying computation
 * failed; callers turn that into an error or a NULL.
 * `lower` selects P[X <= q] (true) or P[X > q] (false), computed directly
 * so that far upper tails keep their relative accuracy.
 *
 *-------------------------------------------------------------------------
 */
#ifndef ABSTATS_DIST_H
#define ABSTATS_DIST_H

#include <stdbool.h>

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

#endif							/* ABSTATS_DIST_H */
