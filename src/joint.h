/*-------------------------------------------------------------------------
 *
 * joint.h
 *	  Joint sufficient statistics of 2 to 4 metrics measured on the same
 *	  units: one-pass updates, pairwise merges, validation (pure C, no
 *	  fmgr).
 *
 * Metrics are numbered from 0 here (metric 0 is the first argument of
 * stats_agg(y, x, ...)); SQL numbers them from 1.
 *
 * The co-moment matrix C_ij = sum (x_i - mean_i)(x_j - mean_j) is
 * symmetric; only its upper triangle is kept, packed by rows:
 *	 k = 2: C00 C01 C11
 *	 k = 3: C00 C01 C02 C11 C12 C22
 *	 k = 4: C00 C01 C02 C03 C11 C12 C13 C22 C23 C33
 * joint_cidx(k, i, j) gives the position of C_ij (in either order).
 * C_ii is metric i's M2 (as in stats_summary), C_ij / (n - 1) the sample
 * covariance.
 *
 * Three layouts, all fixed length:
 *	- JointSummary: the stored joint_summary (128 bytes, sized for k = 4,
 *	  unused entries zero);
 *	- JointMoments: the working form, also the stored aggregate state of
 *	  3 and 4 metrics and of rollup() (SQL type joint_state, 160 bytes):
 *	  each mean carried as the unevaluated sum mean + mean_lo, as in
 *	  summary.h;
 *	- JointPairState: the aggregate state of stats_agg(y, x) (SQL type
 *	  joint_pair_state, 64 bytes, so the allocator does not round it up).
 *
 *-------------------------------------------------------------------------
 */
#ifndef ABSTATS_JOINT_H
#define ABSTATS_JOINT_H

#include <stdbool.h>
#include <stdint.h>
#include <math.h>

#include "summary.h"

#define JOINT_MIN_K		2
#define JOINT_MAX_K		4
/* number of entries of the packed upper triangle of a k x k matrix */
#define JOINT_NC(k)		((k) * ((k) + 1) / 2)
#define JOINT_MAX_NC	JOINT_NC(JOINT_MAX_K)

/* Version of the stored format (text, binary and on-disk). */
#define JOINT_SUMMARY_VERSION	1

/*
 * The stored joint_summary: fixed length (128 bytes), double aligned, no
 * varlena header.  Entries beyond k (means) and beyond JOINT_NC(k)
 * (co-moments) are zero.  Build one with joint_summary_from_moments(),
 * never field by field.
 */
typedef struct JointSummary
{
	uint8_t		version;
	uint8_t		k;
	uint8_t		reserved[6];
	int64_t		n;
	double		mean[JOINT_MAX_K];
	double		c[JOINT_MAX_NC];
} JointSummary;

/*
 * Working moments of k metrics (k = 0 only in an empty rollup state that
 * has not seen a summary yet).  Build one with joint_init(), never field
 * by field.  mean[i] + mean_lo[i] is metric i's mean (|mean_lo| <=
 * ulp(mean) / 2 after every update).
 */
typedef struct JointMoments
{
	int32_t		k;
	int32_t		reserved;
	int64_t		n;
	double		mean[JOINT_MAX_K];
	double		mean_lo[JOINT_MAX_K];
	double		c[JOINT_MAX_NC];
} JointMoments;

/* The state of stats_agg(y, x): the JointMoments of k = 2, packed. */
typedef struct JointPairState
{
	int64_t		n;
	double		mean[2];
	double		mean_lo[2];
	double		c[3];
} JointPairState;

/* Outcome of a merge or of the final check. */
typedef enum JointStatus
{
	JOINT_OK,
	JOINT_OVERFLOW,				/* a mean or co-moment is not finite */
	JOINT_COUNT_OVERFLOW,		/* n beyond int64 */
	JOINT_K_MISMATCH			/* merging different numbers of metrics */
} JointStatus;

/* Position of C_ij (0-based, i and j in either order) in the packed triangle. */
static inline int
joint_cidx(int k, int i, int j)
{
	if (i > j)
	{
		int			t = i;

		i = j;
		j = t;
	}
	return i * k - i * (i - 1) / 2 + (j - i);
}

/* ---------------------------------------------------------------------
 * Reading a stored joint_summary (metrics numbered from 0; the caller
 * checks 0 <= i, j < s->k).
 * ---------------------------------------------------------------------
 */
static inline int
joint_summary_k(const JointSummary *s)
{
	return s->k;
}

static inline int64_t
joint_summary_n(const JointSummary *s)
{
	return s->n;
}

static inline double
joint_summary_mean(const JointSummary *s, int i)
{
	return s->mean[i];
}

/* The co-moment C_ij = sum (x_i - mean_i)(x_j - mean_j); C_ii is M2. */
static inline double
joint_summary_comoment(const JointSummary *s, int i, int j)
{
	return s->c[joint_cidx(s->k, i, j)];
}

/* Sample covariance C_ij / (n - 1) (variance when i = j); NAN for n < 2. */
static inline double
joint_summary_covariance(const JointSummary *s, int i, int j)
{
	return s->n < 2 ? NAN : joint_summary_comoment(s, i, j) / (double) (s->n - 1);
}

extern double joint_summary_correlation(const JointSummary *s, int i, int j);
extern void joint_summary_to_moments(const JointSummary *s, JointMoments *m);
extern void joint_summary_from_moments(JointSummary *s, const JointMoments *m);

/* ---------------------------------------------------------------------
 * Accumulation and merging
 * ---------------------------------------------------------------------
 */
extern void joint_init(JointMoments *m, int k);
extern void joint_add(JointMoments *m, const double *x);
extern JointStatus joint_merge(JointMoments *a, const JointMoments *b);
extern JointStatus joint_check(const JointMoments *m);
extern void joint_pair_to_moments(const JointPairState *p, JointMoments *m);
extern void joint_pair_from_moments(JointPairState *p, const JointMoments *m);

/*
 * Validation of co-moments read from outside (a stored summary, a state):
 * NULL if n, the means and C could come from a sample, else what is wrong.
 * `state` allows n = 0 (an empty state, everything zero).
 */
extern const char *joint_validate(const JointMoments *m, bool state);

/* Smallest eigenvalue of the co-moment matrix, and the tolerance used. */
extern bool joint_min_eigenvalue(int k, const double *c, double *lambda_min);
extern double joint_eigen_tolerance(int64_t n, double trace);

/*
 * joint_pair_add: fold one observation (y, x) of two metrics into p.
 *
 * The multivariate form of Welford's (1962) update: with the deviations
 * d = obs - mean taken before the mean moves and n the new count,
 *	 mean_i += d_i / n,	 C_ij += d_i (d_j / n) (n - 1).
 * The means are carried in double-double form (moments_add_mean), and
 * C_ii and the mean are computed with exactly the operations of
 * moments_add() in summary.h, so metric i of stats_agg(y, x) has the
 * same n, mean and M2, bit for bit, as stats_agg() of that metric alone
 * over the same rows.
 *
 * Inline because it is the per-row work of stats_agg(y, x): no overflow
 * test here (an overflow leaves a non-finite field that stays non-finite;
 * joint_check() finds it once, at the end, as moments_add() does).
 */
static inline void
joint_pair_add(JointPairState *p, double y, double x)
{
	double		n1 = (double) p->n;
	double		n = n1 + 1.0;
	double		dy = (y - p->mean[0]) - p->mean_lo[0];
	double		dx = (x - p->mean[1]) - p->mean_lo[1];
	double		dyn = dy / n;
	double		dxn = dx / n;

	/* the first observation adds 0 (d * d_n may overflow: inf * 0 is NaN) */
	if (p->n != 0)
	{
		p->c[0] += dy * dyn * n1;
		p->c[1] += dy * dxn * n1;
		p->c[2] += dx * dxn * n1;
	}
	p->n++;
	moments_add_mean(&p->mean[0], &p->mean_lo[0], dyn);
	moments_add_mean(&p->mean[1], &p->mean_lo[1], dxn);
}

#endif							/* ABSTATS_JOINT_H */
