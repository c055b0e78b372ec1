/*-------------------------------------------------------------------------
 *
 * args.c
 *	  Validation of the arguments shared by abstats functions.
 *
 * Every invalid argument raises ERRCODE_INVALID_PARAMETER_VALUE (22023)
 * with a message naming the argument and a detail giving the allowed
 * range, so users see the same wording whichever function they called.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "utils/builtins.h"

#include "args.h"

static void invalid_argument(const char *argname, double value,
							 const char *rule) pg_attribute_noreturn();

/*
 * Raise the standard "invalid value for argument" error.
 */
static void
invalid_argument(const char *argname, double value, const char *rule)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("invalid value for argument \"%s\": %g", argname, value),
			 errdetail("\"%s\" must be %s.", argname, rule)));
}

/*
 * arg_keyword: look a text argument up in a keyword table.
 */
int
arg_keyword(text *value, const char *argname, const ArgKeyword *choices)
{
	char	   *s = text_to_cstring(value);
	StringInfoData allowed;
	const ArgKeyword *c;

	for (c = choices; c->name != NULL; c++)
	{
		if (strcmp(s, c->name) == 0)
		{
			pfree(s);
			return c->value;
		}
	}

	initStringInfo(&allowed);
	for (c = choices; c->name != NULL; c++)
		appendStringInfo(&allowed, "%s'%s'", c == choices ? "" : ", ", c->name);
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("invalid value for argument \"%s\": \"%s\"", argname, s),
			 errdetail("\"%s\" must be one of %s.", argname, allowed.data)));
	pg_unreachable();
}

/*
 * arg_alternative: R's `alternative`, accepting both 'two-sided' and
 * R's own spelling 'two.sided'.
 */
Alternative
arg_alternative(text *value)
{
	static const ArgKeyword choices[] = {
		{"two-sided", ALT_TWO_SIDED},
		{"two.sided", ALT_TWO_SIDED},
		{"less", ALT_LESS},
		{"greater", ALT_GREATER},
		{NULL, 0}
	};

	return (Alternative) arg_keyword(value, "alternative", choices);
}

/* conf_level must lie strictly between 0 and 1. */
void
arg_conf_level(double conf_level)
{
	if (!(conf_level > 0.0 && conf_level < 1.0))
		invalid_argument("conf_level", conf_level, "strictly between 0 and 1");
}

void
arg_finite(double value, const char *argname)
{
	if (!isfinite(value))
		invalid_argument(argname, value, "a finite number");
}

void
arg_positive(double value, const char *argname)
{
	if (!(value > 0.0) || isinf(value))
		invalid_argument(argname, value, "a finite number greater than 0");
}

void
arg_nonnegative(double value, const char *argname)
{
	if (!(value >= 0.0) || isinf(value))
		invalid_argument(argname, value, "a finite number greater than or equal to 0");
}

/* A probability in the closed interval [0, 1]. */
void
arg_probability(double value, const char *argname)
{
	if (!(value >= 0.0 && value <= 1.0))
		invalid_argument(argname, value, "between 0 and 1");
}

/* A probability in the open interval (0, 1). */
void
arg_open_probability(double value, const char *argname)
{
	if (!(value > 0.0 && value < 1.0))
		invalid_argument(argname, value, "strictly between 0 and 1");
}

void
arg_integer_valued(double value, const char *argname)
{
	if (!isfinite(value) || value != floor(value))
		invalid_argument(argname, value, "a whole number");
}

/* Anything but NaN: the distribution functions accept +-Infinity as R does. */
void
arg_not_nan(double value, const char *argname)
{
	if (isnan(value))
		invalid_argument(argname, value, "a number (not NaN)");
}

/*
 * A count carried in a float8: a whole number from 0 to 2^53, the range in
 * which every whole number is exactly representable.
 */
void
arg_count(double value, const char *argname)
{
	if (!(value >= 0.0 && value <= 9007199254740992.0) || value != floor(value))
		invalid_argument(argname, value, "a whole number between 0 and 2^53");
}

/* ---------------------------------------------------------------------
 * Arrays of counts and weights (appended by the tables family)
 * ---------------------------------------------------------------------
 */

/* Largest total of counts accepted: every count and sum is then exact. */
#define ARG_MAX_EXACT_TOTAL	(INT64CONST(1) << 53)

/*
 * arg_count_array: validate a bigint[] of counts (1-D or 2-D, no NULLs,
 * no negatives, total at most 2^53) and return its elements, row-major.
 */
int64 *
arg_count_array(ArrayType *arr, const char *argname, int *ndim, int *dims)
{
	int			nd = ARR_NDIM(arr);
	Datum	   *elems;
	bool	   *nulls;
	int			nelems;
	int64	   *counts;
	int64		total = 0;
	int			i;

	if (nd < 1 || nd > 2)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("argument \"%s\" must be a one- or two-dimensional array, not %s",
						argname, nd == 0 ? "an empty array" : psprintf("%d-dimensional", nd))));
	if (ARR_ELEMTYPE(arr) != INT8OID)
		elog(ERROR, "argument \"%s\" must be bigint[]", argname);

	deconstruct_array(arr, INT8OID, sizeof(int64), FLOAT8PASSBYVAL,
					  TYPALIGN_DOUBLE, &elems, &nulls, &nelems);
	counts = palloc(sizeof(int64) * nelems);
	for (i = 0; i < nelems; i++)
	{
		if (nulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("argument \"%s\" must not contain NULL elements", argname)));
		counts[i] = DatumGetInt64(elems[i]);
		if (counts[i] < 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("invalid value for argument \"%s\": " INT64_FORMAT, argname, counts[i]),
					 errdetail("The counts in \"%s\" must be greater than or equal to 0.", argname)));
		total += Min(counts[i], ARG_MAX_EXACT_TOTAL + 1);
		if (total > ARG_MAX_EXACT_TOTAL)
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("the counts in argument \"%s\" sum to more than 2^53", argname)));
	}
	*ndim = nd;
	dims[0] = ARR_DIMS(arr)[0];
	dims[1] = (nd == 2) ? ARR_DIMS(arr)[1] : 1;
	return counts;
}

/*
 * arg_weight_array: validate a float8[] of weights or probabilities (1-D,
 * `expected` elements like the argument `matched_argname`, no NULLs, every
 * element finite and > 0) and return its elements.
 */
double *
arg_weight_array(ArrayType *arr, const char *argname, int expected,
				 const char *matched_argname)
{
	Datum	   *elems;
	bool	   *nulls;
	int			nelems;
	double	   *w;
	int			i;

	if (ARR_NDIM(arr) != 1)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("argument \"%s\" must be a one-dimensional array", argname)));
	if (ARR_ELEMTYPE(arr) != FLOAT8OID)
		elog(ERROR, "argument \"%s\" must be float8[]", argname);
	deconstruct_array(arr, FLOAT8OID, sizeof(float8), FLOAT8PASSBYVAL,
					  TYPALIGN_DOUBLE, &elems, &nulls, &nelems);
	if (nelems != expected)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("arguments \"%s\" and \"%s\" must have the same number of elements",
						argname, matched_argname),
				 errdetail("\"%s\" has %d elements, \"%s\" has %d.",
						   argname, nelems, matched_argname, expected)));
	w = palloc(sizeof(double) * nelems);
	for (i = 0; i < nelems; i++)
	{
		if (nulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("argument \"%s\" must not contain NULL elements", argname)));
		w[i] = DatumGetFloat8(elems[i]);
		if (!(w[i] > 0.0) || isinf(w[i]))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("invalid value for argument \"%s\": %g", argname, w[i]),
					 errdetail("The elements of \"%s\" must be finite numbers greater than 0.", argname)));
	}
	return w;
}

/*
 * arg_count_at_least: a bigint count within [min_value, max_value]; the
 * message prints it exactly (not through %g).
 */
void
arg_count_at_least(int64 value, const char *argname, int64 min_value,
				   int64 max_value)
{
	if (value < min_value || value > max_value)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid value for argument \"%s\": " INT64_FORMAT,
						argname, value),
				 errdetail("\"%s\" must be a count between " INT64_FORMAT
						   " and " INT64_FORMAT ".",
						   argname, min_value, max_value)));
}

/* arg_count_at_most: a count that must not exceed another argument. */
void
arg_count_at_most(int64 value, const char *argname, int64 bound,
				  const char *boundname)
{
	if (value > bound)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid value for argument \"%s\": " INT64_FORMAT,
						argname, value),
				 errdetail("\"%s\" must not exceed \"%s\" (" INT64_FORMAT ").",
						   argname, boundname, bound)));
}

/* A finite number strictly greater than bound (e.g. a sample size > 1). */
void
arg_greater_than(double value, double bound, const char *argname)
{
	char		rule[64];

	if (!(value > bound) || isinf(value))
	{
		snprintf(rule, sizeof(rule), "a finite number greater than %g", bound);
		invalid_argument(argname, value, rule);
	}
}

/* ---------------------------------------------------------------------
 * Result rows (the convention of README "Reading results")
 * ---------------------------------------------------------------------
 */

/*
 * result_row: the composite result of the calling function, built from
 * its fields in the order of the SQL result type.
 *
 * The row type is the one the catalog declares for the call
 * (get_call_result_type), which can have fewer attributes than the C code
 * fills: a database that still runs an older extension script with this
 * library has the older result type, and result types only ever grow by
 * appending attributes.  So only the first natts fields are used; a type
 * with more attributes than nfields is a bug.
 */
Datum
result_row(FunctionCallInfo fcinfo, int nfields, const Datum *values,
		   const bool *nulls)
{
	TupleDesc	tupdesc;

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	if (tupdesc->natts > nfields)
		elog(ERROR, "result type has %d attributes, expected at most %d",
			 tupdesc->natts, nfields);
	tupdesc = BlessTupleDesc(tupdesc);
	return HeapTupleGetDatum(heap_form_tuple(tupdesc, (Datum *) values,
											 (bool *) nulls));
}

/*
 * result_float8: a float8 field of a result.  NaN (undefined) is NULL;
 * infinities are kept (the open side of a one-sided interval, or a
 * statistic beyond the largest double).
 */
Datum
result_float8(double value, bool *isnull)
{
	*isnull = isnan(value);
	return *isnull ? (Datum) 0 : Float8GetDatum(value);
}

/* ---------------------------------------------------------------------
 * Sample size checks (appended by the effects family)
 * ---------------------------------------------------------------------
 */

/*
 * arg_size_check: the arguments of a "can we stop yet?" check
 * (sample_size_check and its siblings): a finite, nonzero mde, sig_level
 * and power strictly between 0 and 1, power above sig_level (the power
 * when there is no effect).
 */
void
arg_size_check(double mde, double sig_level, double power)
{
	arg_finite(mde, "mde");
	if (mde == 0.0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid value for argument \"mde\": 0"),
				 errdetail("\"mde\" must be a nonzero difference to detect.")));
	arg_open_probability(sig_level, "sig_level");
	arg_open_probability(power, "power");
	if (!(power > sig_level))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid value for argument \"power\": %g", power),
				 errdetail("\"power\" must exceed \"sig_level\" (%g), the power when there is no effect.",
						   sig_level)));
}
