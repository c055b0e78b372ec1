/*-------------------------------------------------------------------------
 *
 * abstats.c
 *	  Module magic and load-time setup for the abstats extension.
 *
 * GSL's default error handler calls abort(), which would take the whole
 * backend down with it.  We switch it off at load time; every GSL call in
 * abstats checks its own status code instead (see dist.c).
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "fmgr.h"

#include <gsl/gsl_errno.h>

PG_MODULE_MAGIC;

void		_PG_init(void);

/*
 * _PG_init: called once when the shared library is loaded.
 */
void
_PG_init(void)
{
	gsl_set_error_handler_off();
}
