/*-------------------------------------------------------------------------
 *
 * dist.c
 *	  Probability distributions over GSL.
 *
 * PROVISIONAL: straight GSL calls, no accuracy refinements yet (see
 * dist.h for the contract).  The refined version replaces this file.
 *
 *-------------------------------------------------------------------------
 */
#include <math.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>

#include "dist.h"

double
dist_pnorm(double q, double mean, double sd, bool lower)
{
	double		z = (q - mean) / sd;

	return lower ? gsl_cdf_ugaussian_P(z) : gsl_cdf_ugaussian_Q(z);
}

double
dist_qnorm(double p, double mean, double sd, bool lower)
{
	return mean + sd * (lower ? gsl_cdf_ugaussian_Pinv(p) : gsl_cdf_ugaussian_Qinv(p));
}

double
dist_dnorm(double x, double mean, double sd)
{
	return gsl_ran_gaussian_pdf(x - mean, sd);
}

double
dist_pt(double q, double df, bool lower)
{
	return lower ? gsl_cdf_tdist_P(q, df) : gsl_cdf_tdist_Q(q, df);
}

double
dist_qt(double p, double df, bool lower)
{
	return lower ? gsl_cdf_tdist_Pinv(p, df) : gsl_cdf_tdist_Qinv(p, df);
}

double
dist_dt(double x, double df)
{
	return gsl_ran_tdist_pdf(x, df);
}

double
dist_pchisq(double q, double df, bool lower)
{
	return lower ? gsl_cdf_chisq_P(q, df) : gsl_cdf_chisq_Q(q, df);
}

double
dist_qchisq(double p, double df, bool lower)
{
	return lower ? gsl_cdf_chisq_Pinv(p, df) : gsl_cdf_chisq_Qinv(p, df);
}

double
dist_dchisq(double x, double df)
{
	return gsl_ran_chisq_pdf(x, df);
}

double
dist_pf(double q, double df1, double df2, bool lower)
{
	return lower ? gsl_cdf_fdist_P(q, df1, df2) : gsl_cdf_fdist_Q(q, df1, df2);
}

double
dist_qf(double p, double df1, double df2, bool lower)
{
	return lower ? gsl_cdf_fdist_Pinv(p, df1, df2) : gsl_cdf_fdist_Qinv(p, df1, df2);
}

double
dist_df(double x, double df1, double df2)
{
	return gsl_ran_fdist_pdf(x, df1, df2);
}

double
dist_pbeta(double q, double a, double b, bool lower)
{
	return lower ? gsl_cdf_beta_P(q, a, b) : gsl_cdf_beta_Q(q, a, b);
}

double
dist_qbeta(double p, double a, double b, bool lower)
{
	return lower ? gsl_cdf_beta_Pinv(p, a, b) : gsl_cdf_beta_Qinv(p, a, b);
}

double
dist_dbeta(double x, double a, double b)
{
	return gsl_ran_beta_pdf(x, a, b);
}

double
dist_pbinom(double q, double size, double prob, bool lower)
{
	unsigned int k = (unsigned int) floor(q);

	if (q < 0)
		return lower ? 0.0 : 1.0;
	return lower ? gsl_cdf_binomial_P(k, prob, (unsigned int) size)
		: gsl_cdf_binomial_Q(k, prob, (unsigned int) size);
}

double
dist_qbinom(double p, double size, double prob, bool lower)
{
	double		k;

	for (k = 0; k < size; k++)
		if (lower ? dist_pbinom(k, size, prob, true) >= p
			: dist_pbinom(k, size, prob, false) <= p)
			return k;
	return size;
}

double
dist_dbinom(double x, double size, double prob)
{
	return gsl_ran_binomial_pdf((unsigned int) x, prob, (unsigned int) size);
}

double
dist_ppois(double q, double lambda, bool lower)
{
	if (q < 0)
		return lower ? 0.0 : 1.0;
	return lower ? gsl_cdf_poisson_P((unsigned int) floor(q), lambda)
		: gsl_cdf_poisson_Q((unsigned int) floor(q), lambda);
}

double
dist_qpois(double p, double lambda, bool lower)
{
	double		k;

	for (k = 0;; k++)
		if (lower ? dist_ppois(k, lambda, true) >= p
			: dist_ppois(k, lambda, false) <= p)
			return k;
}

double
dist_dpois(double x, double lambda)
{
	return gsl_ran_poisson_pdf((unsigned int) x, lambda);
}
