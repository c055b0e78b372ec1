/*-------------------------------------------------------------------------
 *
 * critical.h
 *	  Critical values of confidence intervals at any confidence level
 *	  (pure C over dist.h, no fmgr).
 *
 * An interval at conf_level c uses a quantile that the textbook writes as
 * qt(1 - alpha), alpha = 1 - c (one-sided) or qt(1 - alpha / 2)
 * (two-sided).  Formed that way, c below 1.1e-16 makes alpha exactly 1
 * (a one-sided bound of -Infinity where it is finite) and c near 0 rounds
 * 0.5 + c / 2 (a two-sided width of exactly 0 where it is c-sized).
 * These functions take c itself and pick, for each range of c, a form
 * that keeps full relative precision, for every c in (0, 1).
 *
 *-------------------------------------------------------------------------
 */
#ifndef ABSTATS_CRITICAL_H
#define ABSTATS_CRITICAL_H

/*
 * One-sided: the conf_level quantile of the distribution, qt(c, df) or
 * qnorm(c): positive above c = 0.5, negative below (a one-sided bound at a
 * level below 1/2 lies on the other side of the estimate, as in R).
 */
extern double critical_t_one_sided(double conf_level, double df);
extern double critical_norm_one_sided(double conf_level);

/*
 * Two-sided: the (1 + c) / 2 quantile, qt((1 + c) / 2, df) or
 * qnorm((1 + c) / 2), >= 0 (the half-width in standard errors).
 */
extern double critical_t_two_sided(double conf_level, double df);
extern double critical_norm_two_sided(double conf_level);

#endif							/* ABSTATS_CRITICAL_H */
