/*-------------------------------------------------------------------------
 *
 * joint_sql.h
 *	  The joint_summary type as SQL functions see it (the layout and the
 *	  functions reading it are in joint.h).
 *
 *-------------------------------------------------------------------------
 */
#ifndef ABSTATS_JOINT_SQL_H
#define ABSTATS_JOINT_SQL_H

#include "postgres.h"

#include "fmgr.h"

#include "joint.h"

#define DatumGetJointSummaryP(d)		((JointSummary *) DatumGetPointer(d))
#define PG_GETARG_JOINT_SUMMARY_P(n)	DatumGetJointSummaryP(PG_GETARG_DATUM(n))

/*
 * A metric number given in SQL (from 1) as a 0-based index, or 22023
 * naming the argument when it is outside 1..k.
 */
extern int	joint_arg_metric(const JointSummary *s, int32 i, const char *argname);

#endif							/* ABSTATS_JOINT_SQL_H */
