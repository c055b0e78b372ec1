/*-------------------------------------------------------------------------
 *
 * args.h
 *	  The shared argument vocabulary of abstats: every SQL function
 *	  validates and names its arguments through these helpers, so errors
 *	  read the same everywhere ("invalid value for argument \"conf_level\"").
 *
 *-------------------------------------------------------------------------
 */
#ifndef ABSTATS_ARGS_H
#define ABSTATS_ARGS_H

#include "postgres.h"

/* Direction of a hypothesis test, as R's `alternative`. */
typedef enum Alternative
{
	ALT_TWO_SIDED,
	ALT_LESS,
	ALT_GREATER
} Alternative;

/* One accepted spelling of a keyword argument and the value it stands for. */
typedef struct ArgKeyword
{
	const char *name;
	int			value;
} ArgKeyword;

/*
 * Match a text argument against a NULL-terminated list of keywords
 * (case-sensitive, like R); raise 22023 listing the accepted values.
 */
extern int	arg_keyword(text *value, const char *argname, const ArgKeyword *choices);

/* 'two-sided' (or R's 'two.sided'), 'less', 'greater'. */
extern Alternative arg_alternative(text *value);

/* Validation: each raises 22023 naming argname and the allowed range. */
extern void arg_conf_level(double conf_level);
extern void arg_finite(double value, const char *argname);
extern void arg_positive(double value, const char *argname);
extern void arg_nonnegative(double value, const char *argname);
extern void arg_probability(double value, const char *argname);
extern void arg_open_probability(double value, const char *argname);
extern void arg_integer_valued(double value, const char *argname);

/* Build a float8 result Datum, or NULL when the value is not finite. */
#define FLOAT8_OR_NULL(v, isnull) \
	(*(isnull) = !isfinite(v), Float8GetDatum(*(isnull) ? 0.0 : (v)))

/* A number that is not NaN (infinities allowed), e.g. a quantile argument. */
extern void arg_not_nan(double value, const char *argname);

/* A count given as float8 (e.g. a binomial size): a whole number in [0, 2^53]. */
extern void arg_count(double value, const char *argname);

/*
 * Arrays of counts and of positive weights (appended by the tables family).
 * arg_count_array: a 1-D or 2-D bigint[] of non-negative counts whose total
 * stays below 2^53 (so every count and sum is exact as a double); returns
 * the elements in row-major order and sets *ndim and dims[0..1] (dims[1] = 1
 * for a 1-D array).  arg_weight_array: a 1-D float8[] of finite positive
 * numbers of length `expected`.  Shape errors raise 2202E, bad elements
 * (NULL, negative, non-finite, non-positive) 22023, a total beyond 2^53
 * 22003; each names the argument.
 */
#include "utils/array.h"

extern int64 *arg_count_array(ArrayType *arr, const char *argname,
							  int *ndim, int *dims);
extern double *arg_weight_array(ArrayType *arr, const char *argname,
								int expected, const char *matched_argname);

/*
 * Counts (bigint): arg_count_at_least raises 22023 unless value >= min_value
 * (e.g. x >= 0, n >= 1) and value <= max_value; arg_count_at_most raises it
 * unless value <= bound, naming both arguments ("x" must not exceed "n").
 */
extern void arg_count_at_least(int64 value, const char *argname,
							   int64 min_value, int64 max_value);
extern void arg_count_at_most(int64 value, const char *argname,
							  int64 bound, const char *boundname);

/* A finite number strictly greater than bound (e.g. a sample size > 1). */
extern void arg_greater_than(double value, double bound, const char *argname);

/*
 * Result rows, as README "Reading results" says: result_row() forms the
 * calling function's composite result from its fields, using only as many
 * as the catalog's result type has (an older extension script may have a
 * shorter type); result_float8() makes NaN a NULL field and keeps
 * infinities.
 */
#include "fmgr.h"

extern Datum result_row(FunctionCallInfo fcinfo, int nfields,
						const Datum *values, const bool *nulls);
extern Datum result_float8(double value, bool *isnull);

/*
 * The arguments of a sample size check (appended by the effects family):
 * mde finite and nonzero, sig_level and power in (0, 1), power > sig_level.
 */
extern void arg_size_check(double mde, double sig_level, double power);

/*
 * Return a float8 from a SQL function, or NULL when it is not finite (an
 * accessor's "undefined": too few observations, zero variance).  Shared by
 * the stats_summary and joint_summary accessors.
 */
#define RETURN_FLOAT8_OR_NULL(v) \
	do { \
		double _v = (v); \
		if (!isfinite(_v)) \
			PG_RETURN_NULL(); \
		PG_RETURN_FLOAT8(_v); \
	} while (0)

#endif							/* ABSTATS_ARGS_H */
