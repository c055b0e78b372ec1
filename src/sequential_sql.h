/*-------------------------------------------------------------------------
 *
 * sequential_sql.h
 *	  Glue shared by the sequential and Bayesian forms of ratio_test()
 *	  and cuped_test(): two joint summaries reduced to unit-level arms.
 *
 *-------------------------------------------------------------------------
 */
#ifndef ABSTATS_SEQUENTIAL_SQL_H
#define ABSTATS_SEQUENTIAL_SQL_H

#include "postgres.h"

#include "utils/array.h"

#include "joint.h"
#include "summary.h"

/* Which effects-family form the joint summaries are read as. */
typedef enum JointArmsKind
{
	JOINT_ARMS_RATIO,			/* ratio_test: metric 1 / metric 2 (CUPED by 3 / 4) */
	JOINT_ARMS_CUPED			/* cuped_test: metric 1 adjusted by metrics 2..k */
} JointArmsKind;

/* The arms: adjusted (ta, ca) and unadjusted (tu, cu) unit-level values. */
typedef struct JointArms
{
	Moments		ta,
				ca,
				tu,
				cu;
	bool		defined;		/* false: a ratio with a zero denominator mean */
	bool		adjusted;		/* a regression adjustment was made */
	int			ntheta;			/* the coefficients used (0: none) */
	double		theta[3];
	char		what[128];		/* appended to the method */
} JointArms;

extern void seq_joint_arms(JointArmsKind kind, const char *fname,
						   const JointSummary *ts, const JointSummary *cs,
						   ArrayType *theta, JointArms *a);
extern double seq_variance_reduction(const JointArms *a);

/* theta as a float8[] Datum (*isnull when nothing was adjusted). */
extern Datum seq_theta_datum(int ntheta, const double *theta, bool *isnull);

#endif							/* ABSTATS_SEQUENTIAL_SQL_H */
