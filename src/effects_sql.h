/*-------------------------------------------------------------------------
 *
 * effects_sql.h
 *	  Glue of the effects family that the sequential and Bayesian forms
 *	  of ratio_test() and cuped_test() share (effects_sql.c).
 *
 *-------------------------------------------------------------------------
 */
#ifndef ABSTATS_EFFECTS_SQL_H
#define ABSTATS_EFFECTS_SQL_H

#include "postgres.h"

#include "utils/array.h"

#include "joint.h"
#include "summary.h"

/*
 * The two arms' joint moments and their merge; 22023 naming "control"
 * when the arms summarize different numbers of metrics.
 */
extern void joint_arms(const JointSummary *ts, const JointSummary *cs,
					   JointMoments *t, JointMoments *c, JointMoments *total);

/* 22003 when the unit-level values of an arm overflow float8. */
extern void check_arms(const Moments *ta, const Moments *ca,
					   const Moments *tu, const Moments *cu, const char *what);

/* cuped_test's `theta`: p finite coefficients (2202E shape, 22023 element). */
extern void arg_theta(ArrayType *arr, int p, double *theta);

#endif							/* ABSTATS_EFFECTS_SQL_H */
