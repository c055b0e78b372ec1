/*-------------------------------------------------------------------------
 *
 * dist.c
 *	  Probability distributions over GSL.
 *
 * PROVISIONAL: only the normal and t distributions, straight from GSL.
 * The full set with accuracy refinements is being written.
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
dist_pt(double q, double df, bool lower)
{
	return lower ? gsl_cdf_tdist_P(q, df) : gsl_cdf_tdist_Q(q, df);
}

double
dist_qt(double p, double df, bool lower)
{
	return lower ? gsl_cdf_tdist_Pinv(p, df) : gsl_cdf_tdist_Qinv(p, df);
}
