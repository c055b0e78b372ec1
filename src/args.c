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
