/*-------------------------------------------------------------------------
 *
 * tables_sql.h
 *	  Glue shared by tables_sql.c and health.c.
 *
 *-------------------------------------------------------------------------
 */
#ifndef ABSTATS_TABLES_SQL_H
#define ABSTATS_TABLES_SQL_H

#include "postgres.h"

#include "utils/array.h"

#include "args.h"
#include "tables.h"

extern TablesSide tables_side(Alternative alt);
extern Datum tables_float8_datum(double v, bool *isnull);
extern void tables_chisq(ArrayType *observed, ArrayType *p,
						 const char *p_argname, bool correct,
						 bool vector_only, ChisqResult *r);

#endif							/* ABSTATS_TABLES_SQL_H */
