/*-------------------------------------------------------------------------
 *
 * padjust_sql.c
 *	  SQL glue of p_adjust (numerics in padjust.c): the array form
 *	  p_adjust(p float8[], method), the same for an array literal given as
 *	  text, and the window function p_adjust(p float8, method) OVER (...).
 *
 * Why a text form: with both p_adjust(float8[]) and p_adjust(float8), a
 * call with an untyped literal, p_adjust('{0.01,0.04}', 'BH'), would be
 * ambiguous (PostgreSQL cannot choose between an array and a number for
 * an unknown literal); for unknown literals it prefers the string
 * category, so p_adjust(text, text) takes them, and every literal call
 * resolves.  (PostGIS uses the same device for its geometry functions.)
 *
 * NULL p-values stay NULL and do not count: R's n is the number of
 * non-NULL values (p.adjust on a vector with NAs).  The window function
 * adjusts over the whole partition, whatever the frame and the ORDER BY,
 * computing once per partition.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/fmgroids.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "windowapi.h"

#include "args.h"
#include "padjust.h"

PG_FUNCTION_INFO_V1(p_adjust_array);
PG_FUNCTION_INFO_V1(p_adjust_text);
PG_FUNCTION_INFO_V1(p_adjust_window);

/* R's names (case-sensitive, like R's match.arg). */
static PAdjustMethod
arg_padjust_method(text *method)
{
	static const ArgKeyword choices[] = {
		{"holm", PADJUST_HOLM},
		{"hochberg", PADJUST_HOCHBERG},
		{"hommel", PADJUST_HOMMEL},
		{"bonferroni", PADJUST_BONFERRONI},
		{"BH", PADJUST_BH},
		{"fdr", PADJUST_BH},
		{"BY", PADJUST_BY},
		{"none", PADJUST_NONE},
		{NULL, 0}
	};

	return (PAdjustMethod) arg_keyword(method, "method", choices);
}

/*
 * A p-value must lie in [0, 1] (22023 naming "p" and where it is: an
 * array element, or a row of a window partition).
 */
static void
check_p(double p, bool in_partition, int64 position)
{
	if (!(p >= 0.0 && p <= 1.0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid value for argument \"p\": %g", p),
				 in_partition ?
				 errdetail("\"p\" must be between 0 and 1 (row " INT64_FORMAT " of the partition).", position) :
				 errdetail("\"p\" must be between 0 and 1 (element " INT64_FORMAT ").", position)));
}

/* Byte-wise equality of two texts (the method names are ASCII keywords). */
static bool
same_text(text *a, text *b)
{
	return VARSIZE_ANY_EXHDR(a) == VARSIZE_ANY_EXHDR(b) &&
		memcmp(VARDATA_ANY(a), VARDATA_ANY(b), VARSIZE_ANY_EXHDR(a)) == 0;
}

static void
padjust_interrupt(void)
{
	CHECK_FOR_INTERRUPTS();
}

/*
 * Adjust the non-NULL values of p[0..n-1] in place (nulls[i] marks a
 * NULL).
 */
static void
adjust_with_nulls(double *p, const bool *nulls, int n, PAdjustMethod method)
{
	double	   *vals = palloc(sizeof(double) * (n > 0 ? n : 1));
	double	   *adj = palloc(sizeof(double) * (n > 0 ? n : 1));
	void	   *work;
	int			m = 0,
				i;

	for (i = 0; i < n; i++)
		if (!nulls[i])
			vals[m++] = p[i];
	work = palloc(p_adjust_work_size(m));
	p_adjust(vals, m, method, adj, work, padjust_interrupt);
	m = 0;
	for (i = 0; i < n; i++)
		if (!nulls[i])
			p[i] = adj[m++];
	pfree(work);
	pfree(adj);
	pfree(vals);
}

/*
 * R's p.adjust(p, method) on a float8[]; the result has p's bounds, NULLs
 * where p has them.
 */
static ArrayType *
adjust_array(ArrayType *arr, PAdjustMethod method)
{
	Datum	   *elems;
	bool	   *nulls;
	double	   *p;
	int			n,
				i;
	int			lbound;

	if (ARR_NDIM(arr) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("invalid value for argument \"p\": an array of %d dimensions", ARR_NDIM(arr)),
				 errdetail("\"p\" must be a one-dimensional array of p-values.")));
	if (ARR_NDIM(arr) == 0)
		return construct_empty_array(FLOAT8OID);
	lbound = ARR_LBOUND(arr)[0];
	deconstruct_array(arr, FLOAT8OID, sizeof(float8), FLOAT8PASSBYVAL, TYPALIGN_DOUBLE,
					  &elems, &nulls, &n);
	p = palloc(sizeof(double) * n);
	for (i = 0; i < n; i++)
	{
		if (nulls[i])
			continue;
		p[i] = DatumGetFloat8(elems[i]);
		check_p(p[i], false, (int64) i + lbound);
	}
	adjust_with_nulls(p, nulls, n, method);
	for (i = 0; i < n; i++)
		elems[i] = nulls[i] ? (Datum) 0 : Float8GetDatum(p[i]);
	return construct_md_array(elems, nulls, 1, &n, &lbound, FLOAT8OID, sizeof(float8),
							  FLOAT8PASSBYVAL, TYPALIGN_DOUBLE);
}

/* p_adjust(p float8[], method text DEFAULT 'holm') -> float8[] */
Datum
p_adjust_array(PG_FUNCTION_ARGS)
{
	ArrayType  *arr = PG_GETARG_ARRAYTYPE_P(0);
	PAdjustMethod method = arg_padjust_method(PG_GETARG_TEXT_PP(1));

	PG_RETURN_ARRAYTYPE_P(adjust_array(arr, method));
}

/*
 * p_adjust(p text, method text DEFAULT 'holm') -> float8[]: the same, for
 * an array literal ('{0.01,0.04}') that PostgreSQL would not otherwise
 * know to read as float8[].
 */
Datum
p_adjust_text(PG_FUNCTION_ARGS)
{
	char	   *literal = text_to_cstring(PG_GETARG_TEXT_PP(0));
	PAdjustMethod method = arg_padjust_method(PG_GETARG_TEXT_PP(1));
	Datum		arr;

	arr = OidInputFunctionCall(F_ARRAY_IN, literal, FLOAT8OID, -1);
	PG_RETURN_ARRAYTYPE_P(adjust_array(DatumGetArrayTypeP(arr), method));
}

/*
 * The window function's per-partition memory: the adjusted values of all
 * rows, computed at the partition's first row.
 */
typedef struct PAdjustPartition
{
	bool		computed;
	int64		nrows;
	/* then nrows doubles (the adjusted values) and nrows bools (NULL) */
} PAdjustPartition;

#define PARTITION_VALUES(st)	((double *) ((char *) (st) + MAXALIGN(sizeof(PAdjustPartition))))
#define PARTITION_NULLS(st)		((bool *) (PARTITION_VALUES(st) + (st)->nrows))

/*
 * p_adjust(p float8, method text) OVER (...): the row's p-value adjusted
 * with all the partition's p-values, as p_adjust(array_agg(p), method)
 * over the whole partition.  Not STRICT: NULL p-values stay NULL and do
 * not count; the method must be the same on every row (a NULL method on
 * every row gives NULLs).
 */
Datum
p_adjust_window(PG_FUNCTION_ARGS)
{
	WindowObject winobj = PG_WINDOW_OBJECT();
	int64		nrows = WinGetPartitionRowCount(winobj);
	PAdjustPartition *st;
	int64		pos;

	if (nrows > (int64) (MaxAllocSize / (sizeof(double) + sizeof(bool) + 3 * sizeof(double) + 16)))
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("p_adjust cannot adjust a partition of " INT64_FORMAT " rows", nrows)));
	st = (PAdjustPartition *)
		WinGetPartitionLocalMemory(winobj, MAXALIGN(sizeof(PAdjustPartition))
								   + nrows * (sizeof(double) + sizeof(bool)));
	if (!st->computed)
	{
		double	   *vals = PARTITION_VALUES(st);
		bool	   *nulls;
		text	   *method0 = NULL;
		bool		method0_null = false;
		int64		row;

		st->nrows = nrows;
		nulls = PARTITION_NULLS(st);
		for (row = 0; row < nrows; row++)
		{
			bool		isnull,
						isout;
			Datum		d;

			d = WinGetFuncArgInPartition(winobj, 1, row, WINDOW_SEEK_HEAD, false,
										 &isnull, &isout);
			if (row == 0)
			{
				method0_null = isnull;
				if (!isnull)
					method0 = DatumGetTextPCopy(d); /* the row's slot is reused */
			}
			else if (isnull != method0_null || (!isnull && !same_text(method0, DatumGetTextPP(d))))
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("invalid value for argument \"method\": it differs between rows of a partition"),
						 errdetail("p_adjust() OVER (...) adjusts the p-values of a partition together, so \"method\" must be the same on every row.")));

			d = WinGetFuncArgInPartition(winobj, 0, row, WINDOW_SEEK_HEAD, false,
										 &isnull, &isout);
			nulls[row] = isnull;
			if (!isnull)
			{
				vals[row] = DatumGetFloat8(d);
				check_p(vals[row], true, row + 1);
			}
			if ((row & 1023) == 0)
				CHECK_FOR_INTERRUPTS();
		}
		if (method0_null)
		{
			for (row = 0; row < nrows; row++)
				nulls[row] = true;
		}
		else
			adjust_with_nulls(vals, nulls, (int) nrows, arg_padjust_method(method0));
		st->computed = true;
	}

	pos = WinGetCurrentPosition(winobj);
	if (PARTITION_NULLS(st)[pos])
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(PARTITION_VALUES(st)[pos]);
}
