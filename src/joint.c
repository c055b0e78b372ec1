/*-------------------------------------------------------------------------
 *
 * joint.c
 *	  Accumulate, merge and validate the joint moments of 2 to 4 metrics
 *	  (pure C; GSL for the eigenvalue check).
 *
 * Accumulation is the multivariate form of Welford's (1962) one-pass
 * update ("Note on a method for calculating corrected sums of squares and
 * products", Technometrics 4): for a new observation x, with
 * d = x - mean (the old mean) and n the new count,
 *	 mean += d / n,	 C_ij += d_i (d_j / n) (n - 1),
 * which never subtracts two large, nearly equal sums (unlike the naive
 * sum of products minus n times the product of means), and is the
 * one-observation case of the pairwise merge below.  The means are
 * carried in double-double form (moments_add_mean in summary.h), so their
 * own rounding errors do not pile up when a mean is large relative to the
 * spread.  C_ii and the means are computed with exactly the operations
 * of moments_add(), so each metric's n, mean and M2 equal those of
 * stats_agg() on that metric alone.
 *
 * Merging two partial results A and B (n = n_A + n_B,
 * delta = mean_B - mean_A):
 *	 mean = mean_A + delta n_B / n,
 *	 C_ij = C^A_ij + C^B_ij + delta_i delta_j n_A n_B / n,
 * the pairwise formula of Chan, Golub and LeVeque (1979), "Updating
 * formulae and a pairwise algorithm for computing sample variances",
 * extended to co-moments by Pébay (2008), "Formulas for robust, one-pass
 * parallel computation of covariances and arbitrary-order statistical
 * moments", Sandia report SAND2008-6212, eq. (3.3)-(3.4).  It makes the
 * state combinable across parallel workers, partitions, Citus shards and
 * rolled-up stored summaries.
 *
 * Both updates add a rank-one positive semidefinite matrix (d d^T or
 * delta delta^T, whatever rounding did to d or delta) to C, so C stays
 * positive semidefinite up to the rounding of the products and sums;
 * joint_validate() relies on that (see there).
 *
 * Overflow: a mean or co-moment that becomes infinite although every
 * input was finite makes the caller raise an error, as covar_samp() does.
 * joint_add() does not test for it on every row: a non-finite field stays
 * non-finite under later updates, so joint_check() tests once at the end.
 *
 *-------------------------------------------------------------------------
 */
#include <float.h>
#include <math.h>
#include <string.h>

#include <gsl/gsl_eigen.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_vector.h>

#include "joint.h"

/* An empty state of k metrics (k = 0: not known yet). */
void
joint_init(JointMoments *m, int k)
{
	memset(m, 0, sizeof(JointMoments));
	m->k = k;
}

void
joint_summary_to_moments(const JointSummary *s, JointMoments *m)
{
	joint_init(m, s->k);
	m->n = s->n;
	memcpy(m->mean, s->mean, sizeof(m->mean));
	memcpy(m->c, s->c, sizeof(m->c));
}

/* The stored form keeps each mean correctly rounded, without its low part. */
void
joint_summary_from_moments(JointSummary *s, const JointMoments *m)
{
	int			i;

	memset(s, 0, sizeof(JointSummary));
	s->version = JOINT_SUMMARY_VERSION;
	s->k = (uint8_t) m->k;
	s->n = m->n;
	for (i = 0; i < m->k; i++)
		s->mean[i] = m->mean[i];
	for (i = 0; i < JOINT_NC(m->k); i++)
		s->c[i] = m->c[i];
}

void
joint_pair_to_moments(const JointPairState *p, JointMoments *m)
{
	joint_init(m, 2);
	m->n = p->n;
	m->mean[0] = p->mean[0];
	m->mean[1] = p->mean[1];
	m->mean_lo[0] = p->mean_lo[0];
	m->mean_lo[1] = p->mean_lo[1];
	m->c[0] = p->c[0];
	m->c[1] = p->c[1];
	m->c[2] = p->c[2];
}

/* m must have k = 2. */
void
joint_pair_from_moments(JointPairState *p, const JointMoments *m)
{
	p->n = m->n;
	p->mean[0] = m->mean[0];
	p->mean[1] = m->mean[1];
	p->mean_lo[0] = m->mean_lo[0];
	p->mean_lo[1] = m->mean_lo[1];
	p->c[0] = m->c[0];
	p->c[1] = m->c[1];
	p->c[2] = m->c[2];
}

/*
 * joint_add: fold one observation x[0..k-1] (finite) into m, by the
 * update in the header comment (joint_pair_add is the same for k = 2).
 */
void
joint_add(JointMoments *m, const double *x)
{
	int			k = m->k;
	double		n1 = (double) m->n;
	double		n = n1 + 1.0;
	double		d[JOINT_MAX_K];
	double		dn[JOINT_MAX_K];
	int			i,
				j,
				p;

	for (i = 0; i < k; i++)
	{
		d[i] = (x[i] - m->mean[i]) - m->mean_lo[i];
		dn[i] = d[i] / n;
	}
	/* the first observation adds 0 (d * d_n may overflow: inf * 0 is NaN) */
	if (m->n != 0)
	{
		p = 0;
		for (i = 0; i < k; i++)
			for (j = i; j < k; j++)
				m->c[p++] += d[i] * dn[j] * n1;
	}
	m->n++;
	for (i = 0; i < k; i++)
		moments_add_mean(&m->mean[i], &m->mean_lo[i], dn[i]);
}

/*
 * joint_check: JOINT_OVERFLOW if a mean (or its low part) or a co-moment
 * is not finite, else JOINT_OK.
 */
JointStatus
joint_check(const JointMoments *m)
{
	int			i;

	for (i = 0; i < m->k; i++)
		if (!isfinite(m->mean[i]) || !isfinite(m->mean_lo[i]))
			return JOINT_OVERFLOW;
	for (i = 0; i < JOINT_NC(m->k); i++)
		if (!isfinite(m->c[i]))
			return JOINT_OVERFLOW;
	return JOINT_OK;
}

/*
 * joint_merge: a := a (+) b, the joint moments of the union of both
 * samples (Chan et al. 1979; Pébay 2008 eq. 3.3-3.4).  Either side may be
 * empty; an empty a with k = 0 takes b's k.  b is not modified.  The
 * means and the C_ii follow moments_merge() operation for operation.
 */
JointStatus
joint_merge(JointMoments *a, const JointMoments *b)
{
	int			k;
	double		na,
				nb,
				n,
				delta[JOINT_MAX_K],
				dn[JOINT_MAX_K];
	int			i,
				j,
				p;

	if (a->k != 0 && b->k != 0 && a->k != b->k)
		return JOINT_K_MISMATCH;
	if (b->n == 0)
	{
		if (a->k == 0)
			a->k = b->k;
		return JOINT_OK;
	}
	if (a->n == 0)
	{
		*a = *b;
		return joint_check(a);
	}
	if (a->n > INT64_MAX - b->n)
		return JOINT_COUNT_OVERFLOW;

	k = a->k;
	na = (double) a->n;
	nb = (double) b->n;
	n = na + nb;
	for (i = 0; i < k; i++)
	{
		/* the compensated means: (b - a) is exact when they are close */
		delta[i] = (b->mean[i] - a->mean[i]) + (b->mean_lo[i] - a->mean_lo[i]);
		dn[i] = delta[i] / n;
	}
	p = 0;
	for (i = 0; i < k; i++)
		for (j = i; j < k; j++, p++)
			a->c[p] = a->c[p] + b->c[p] + delta[i] * dn[j] * na * nb;
	/*
	 * Weighted means written as a correction of a's compensated mean, so
	 * that merging identical means returns that mean exactly.
	 */
	for (i = 0; i < k; i++)
		moments_add_mean(&a->mean[i], &a->mean_lo[i], nb * dn[i]);
	a->n += b->n;
	return joint_check(a);
}

/*
 * joint_summary_correlation: Pearson's r = C_ij / sqrt(C_ii C_jj), as R's
 * cor(); NAN for n < 2 or a metric with zero variance.  Clamped to
 * [-1, 1] (the rounding of C may put it a few ulps outside).
 */
double
joint_summary_correlation(const JointSummary *s, int i, int j)
{
	double		cii = joint_summary_comoment(s, i, i);
	double		cjj = joint_summary_comoment(s, j, j);
	double		r;

	if (s->n < 2 || !(cii > 0.0) || !(cjj > 0.0))
		return NAN;
	if (i == j)
		return 1.0;
	/* sqrt of each: cii * cjj may overflow or underflow */
	r = joint_summary_comoment(s, i, j) / (sqrt(cii) * sqrt(cjj));
	return fmax(-1.0, fmin(1.0, r));
}

/* ---------------------------------------------------------------------
 * Validation
 * ---------------------------------------------------------------------
 */

/*
 * joint_min_eigenvalue: the smallest eigenvalue of the symmetric matrix
 * whose packed upper triangle is c (GSL's symmetric QR eigensolver,
 * backward stable: the result is exact for a matrix within a few ulps of
 * the input).  false if GSL failed.
 */
bool
joint_min_eigenvalue(int k, const double *c, double *lambda_min)
{
	double		a[JOINT_MAX_K * JOINT_MAX_K];
	double		ev[JOINT_MAX_K];
	gsl_matrix_view av = gsl_matrix_view_array(a, k, k);
	gsl_vector_view evv = gsl_vector_view_array(ev, k);
	gsl_eigen_symm_workspace *w;
	int			status;
	int			i,
				j;

	for (i = 0; i < k; i++)
		for (j = 0; j < k; j++)
			a[i * k + j] = c[joint_cidx(k, i, j)];
	w = gsl_eigen_symm_alloc(k);
	if (w == NULL)
		return false;
	status = gsl_eigen_symm(&av.matrix, &evv.vector, w);
	gsl_eigen_symm_free(w);
	if (status != GSL_SUCCESS)
		return false;
	*lambda_min = ev[0];
	for (i = 1; i < k; i++)
		if (ev[i] < *lambda_min)
			*lambda_min = ev[i];
	return true;
}

/*
 * joint_eigen_tolerance: how far below 0 the smallest eigenvalue of a
 * co-moment matrix of n rows (scaled as in joint_validate) may be, as a
 * multiple of DBL_EPSILON times its trace:
 *	 c = 2^20 + 2 n.
 * The 2 n term is the worst case of rounding: C_ij is a sum of at most
 * n + (number of merges) < 2 n rounded rank-one terms whose magnitudes add
 * up to at most sqrt(C_ii C_jj) (Cauchy-Schwarz), so each entry of the
 * scaled matrix is off by at most ~2 n eps (Higham 2002, "Accuracy and
 * Stability of Numerical Algorithms", sec. 4.2, recursive summation), and
 * the perturbation moves an eigenvalue by at most its norm.  That bound is
 * loose (round-to-nearest errors grow like sqrt(n) in practice), and the
 * floor 2^20 (2.3e-10 of the trace) covers the eigensolver's own error and
 * any slip in this analysis with room to spare, so that nothing stats_agg()
 * or rollup() computes, collinear or constant metrics included, can be
 * rejected when read back (a dump that cannot be restored is far worse
 * than a co-moment matrix 1e-10 from the boundary).  What is rejected is a
 * matrix no data could give: a correlation of 1.001, say.
 */
double
joint_eigen_tolerance(int64_t n, double trace)
{
	return (1048576.0 + 2.0 * (double) n) * DBL_EPSILON * trace;
}

/*
 * joint_validate: NULL if m could come from a sample (or, with `state`, be
 * an aggregate state: also empty, n = 0, or overflowed, with a non-finite
 * field, which the final function turns into an error), else a sentence
 * saying what is wrong.
 *
 * The co-moment matrix must be positive semidefinite up to rounding: its
 * diagonal >= 0 exactly, all of it 0 when n = 1, and the smallest
 * eigenvalue of the matrix scaled to unit diagonal (the correlation
 * matrix, C_ij / sqrt(C_ii C_jj)) at least -c eps trace with c from
 * joint_eigen_tolerance().  Scaling first makes the check as strict for a
 * metric with a small variance as for one with a large one, and matches
 * the error bound, which is relative to sqrt(C_ii C_jj).  A diagonal entry
 * is floored at n^2 times the smallest subnormal before scaling: products
 * that underflowed (data near 1e-160) may leave C_ii = 0 while C_ij is
 * not, and the floor bounds what underflow can have lost.
 */
const char *
joint_validate(const JointMoments *m, bool state)
{
	int			k = m->k;
	int			nc = JOINT_NC(k);
	double		scaled[JOINT_MAX_NC];
	double		s[JOINT_MAX_K];
	double		floor_c,
				trace,
				lambda;
	int			i,
				j,
				p;

	if (m->n < (state ? 0 : 1))
		return state ? "n must be at least 0" : "n must be at least 1";
	if (m->n == 0)
	{
		if (k != 0 && (k < JOINT_MIN_K || k > JOINT_MAX_K))
			return "k must be between 2 and 4";
		for (i = 0; i < JOINT_MAX_K; i++)
			if (m->mean[i] != 0.0 || m->mean_lo[i] != 0.0)
				return "an empty state has zero means";
		for (i = 0; i < JOINT_MAX_NC; i++)
			if (m->c[i] != 0.0)
				return "an empty state has zero co-moments";
		return NULL;
	}
	if (k < JOINT_MIN_K || k > JOINT_MAX_K)
		return "k must be between 2 and 4";
	for (i = k; i < JOINT_MAX_K; i++)
		if (m->mean[i] != 0.0 || m->mean_lo[i] != 0.0)
			return "means beyond k must be zero";
	for (i = nc; i < JOINT_MAX_NC; i++)
		if (m->c[i] != 0.0)
			return "co-moments beyond k must be zero";

	if (state && joint_check(m) != JOINT_OK)
		return NULL;			/* overflowed: the final function raises 22003 */
	for (i = 0; i < k; i++)
		if (!isfinite(m->mean[i]))
			return "means must be finite";
	for (i = 0; i < nc; i++)
		if (!isfinite(m->c[i]))
			return "co-moments must be finite";
	for (i = 0; i < k; i++)
	{
		/* |mean_lo| <= ulp(mean) / 2 after every update; allow 4 times that */
		if (!isfinite(m->mean_lo[i]) ||
			fabs(m->mean_lo[i]) > ldexp(fabs(m->mean[i]), -50))
			return "the low part of a mean must be below its last bit";
		if (m->c[joint_cidx(k, i, i)] < 0.0)
			return "the co-moment matrix must have a non-negative diagonal";
	}
	if (m->n == 1)
	{
		for (i = 0; i < nc; i++)
			if (m->c[i] != 0.0)
				return "co-moments must be 0 when n = 1";
		return NULL;
	}

	/* scale to unit diagonal, flooring the diagonal at what underflow loses */
	floor_c = ldexp((double) m->n * (double) m->n, -1074);
	for (i = 0; i < k; i++)
		s[i] = sqrt(m->c[joint_cidx(k, i, i)] + floor_c);
	p = 0;
	trace = 0.0;
	for (i = 0; i < k; i++)
		for (j = i; j < k; j++, p++)
		{
			/* divide one factor at a time: s[i] * s[j] may underflow */
			scaled[p] = m->c[p] / s[i] / s[j];
			if (i == j)
				trace += scaled[p];
		}
	for (p = 0; p < nc; p++)
		if (!isfinite(scaled[p]))
			return "the co-moment matrix is not positive semidefinite";
	if (!joint_min_eigenvalue(k, scaled, &lambda))
		return "the eigenvalues of the co-moment matrix could not be computed";
	if (lambda < -joint_eigen_tolerance(m->n, trace))
		return "the co-moment matrix is not positive semidefinite";
	return NULL;
}
