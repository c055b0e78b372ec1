/*-------------------------------------------------------------------------
 *
 * cortest.c
 *	  Pearson's product-moment correlation test, as R's cor.test.default
 *	  with method = "pearson" (R sources, src/library/stats/R/cor.test.R).
 *
 * It needs only n and the sample correlation r, so it runs on joint
 * summaries: stats_agg(y, x) in one scan, or stored summaries rolled up.
 *
 *	 t = sqrt(n - 2) r / sqrt(1 - r^2), Student's t with n - 2 df under
 *	 H0: rho = 0 (p-value from the tail the alternative names);
 *	 interval: Fisher's z = atanh(r), normal with sd 1 / sqrt(n - 3),
 *	 two-sided tanh(z -/+ qnorm((1 + conf_level) / 2) / sqrt(n - 3)),
 *	 one-sided [-1, tanh(z + qnorm(conf_level) / sqrt(n - 3))] ("less") or
 *	 [tanh(z - qnorm(conf_level) / sqrt(n - 3)), 1] ("greater"), defined
 *	 for n > 3 (Fisher 1921, "On the probable error of a coefficient of
 *	 correlation deduced from a small sample", Metron 1).
 *
 * Differences from R, deliberate: where R stops with an error (n < 3) the
 * fields are NULL, and where R returns NA with a warning (a metric with
 * zero variance) so do we; the open side of a one-sided interval is the
 * bound of the correlation's range, -1 or 1, as R reports it (tanh of
 * -Inf or Inf).
 *
 * This file is the pure numerics; the SQL glue is in joint_sql.c.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "cortest.h"
#include "dist.h"

/*
 * cor_test_pearson: fill res for a sample of n pairs with correlation r
 * (NAN when undefined).
 */
void
cor_test_pearson(int64_t n, double r, Alternative alt, double conf_level,
				 CorTestResult *res)
{
	double		df = (double) n - 2.0;
	double		t,
				lower,
				upper;

	res->statistic = NAN;
	res->df = NAN;
	res->p_value = NAN;
	res->estimate = NAN;
	res->ci_lower = NAN;
	res->ci_upper = NAN;
	res->method = "Pearson's product-moment correlation";
	if (n < 3)
		return;
	res->df = df;
	if (isnan(r))
		return;
	res->estimate = r;

	/* |r| = 1 gives an infinite t and p = 0, as in R */
	t = sqrt(df) * r / sqrt(1.0 - r * r);
	res->statistic = t;
	/* each tail directly, so that tiny p-values keep their digits */
	lower = dist_pt(t, df, true);
	upper = dist_pt(t, df, false);
	switch (alt)
	{
		case ALT_LESS:
			res->p_value = lower;
			break;
		case ALT_GREATER:
			res->p_value = upper;
			break;
		case ALT_TWO_SIDED:
			res->p_value = fmin(1.0, 2.0 * fmin(lower, upper));
			break;
	}

	if (n > 3)
	{
		double		z = atanh(r);
		double		sigma = 1.0 / sqrt((double) n - 3.0);

		switch (alt)
		{
			case ALT_LESS:
				res->ci_lower = -1.0;
				res->ci_upper = tanh(z + sigma * dist_qnorm(conf_level, 0.0, 1.0, true));
				break;
			case ALT_GREATER:
				res->ci_lower = tanh(z - sigma * dist_qnorm(conf_level, 0.0, 1.0, true));
				res->ci_upper = 1.0;
				break;
			case ALT_TWO_SIDED:
				{
					double		h = sigma * dist_qnorm((1.0 + conf_level) / 2.0, 0.0, 1.0, true);

					res->ci_lower = tanh(z - h);
					res->ci_upper = tanh(z + h);
				}
				break;
		}
	}
}
