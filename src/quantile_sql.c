/*-------------------------------------------------------------------------
 *
 * quantile_sql.c
 *	  SQL glue of quantile_test() (numerics in quantile.c).
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "fmgr.h"
#include "utils/builtins.h"

#include "args.h"
#include "quantile.h"
#include "sample_sql.h"

PG_FUNCTION_INFO_V1(quantile_test_sql);

#define QUANTILE_TEST_NFIELDS	18

/*
 * quantile_test(treatment, control, q, conf_level, alternative, mu): the
 * difference of the q-quantiles with order-statistic intervals.  STRICT.
 */
Datum
quantile_test_sql(PG_FUNCTION_ARGS)
{
	StatsSample *t = PG_GETARG_STATS_SAMPLE_P(0);
	StatsSample *c = PG_GETARG_STATS_SAMPLE_P(1);
	double		q = PG_GETARG_FLOAT8(2);
	double		conf_level = PG_GETARG_FLOAT8(3);
	Alternative alt = arg_alternative(PG_GETARG_TEXT_PP(4));
	double		mu = PG_GETARG_FLOAT8(5);
	QuantileTestResult r;
	Datum		values[QUANTILE_TEST_NFIELDS];
	bool		nulls[QUANTILE_TEST_NFIELDS];
	const QuantileArm *arms[2];
	int			k = 0;
	int			i;

	arg_open_probability(q, "q");
	arg_conf_level(conf_level);
	arg_finite(mu, "mu");
	quantile_test(t->values, STATS_SAMPLE_N(t), c->values, STATS_SAMPLE_N(c),
				  q, conf_level, alt, mu, &r);

	values[k] = result_float8(r.statistic, &nulls[k]);
	k++;
	values[k] = result_float8(r.p_value, &nulls[k]);
	k++;
	values[k] = result_float8(r.estimate, &nulls[k]);
	k++;
	values[k] = result_float8(r.ci_lower, &nulls[k]);
	k++;
	values[k] = result_float8(r.ci_upper, &nulls[k]);
	k++;
	values[k] = result_float8(r.std_error, &nulls[k]);
	k++;
	values[k] = result_float8(r.rel_estimate, &nulls[k]);
	k++;
	values[k] = result_float8(r.rel_ci_lower, &nulls[k]);
	k++;
	values[k] = result_float8(r.rel_ci_upper, &nulls[k]);
	k++;
	values[k] = result_float8(r.rel_std_error, &nulls[k]);
	k++;
	nulls[k] = r.rel_ci_kind == NULL;
	values[k] = nulls[k] ? (Datum) 0 : CStringGetTextDatum(r.rel_ci_kind);
	k++;
	arms[0] = &r.treatment;
	arms[1] = &r.control;
	values[k] = result_float8(arms[0]->quantile, &nulls[k]);
	k++;
	values[k] = result_float8(arms[1]->quantile, &nulls[k]);
	k++;
	for (i = 0; i < 2; i++)
	{
		values[k] = result_float8(arms[i]->ci_lower, &nulls[k]);
		k++;
		values[k] = result_float8(arms[i]->ci_upper, &nulls[k]);
		k++;
	}
	values[k] = CStringGetTextDatum(r.method);
	nulls[k] = false;
	k++;
	Assert(k == QUANTILE_TEST_NFIELDS);
	PG_RETURN_DATUM(result_row(fcinfo, k, values, nulls));
}
