/*-------------------------------------------------------------------------
 *
 * abstats.c
 *	  Module magic and load-time setup for the abstats extension.
 *
 * GSL's default error handler calls abort(), which would take the whole
 * backend down with it.  We switch it off at load time; every GSL call in
 * abstats checks its own status code instead (see dist.c).  The numerics'
 * long loops call dist_interrupt_hook, set here to CHECK_FOR_INTERRUPTS().
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "fmgr.h"
#include "miscadmin.h"

#include <gsl/gsl_errno.h>

#include "dist.h"

PG_MODULE_MAGIC;

void		_PG_init(void);

/* Let the long loops of the numerics be cancelled (see dist.h). */
static void
abstats_check_interrupts(void)
{
	CHECK_FOR_INTERRUPTS();
}

/*
 * _PG_init: called once when the shared library is loaded.
 */
void
_PG_init(void)
{
	gsl_set_error_handler_off();
	dist_interrupt_hook = abstats_check_interrupts;
}
