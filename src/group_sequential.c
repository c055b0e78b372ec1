/*-------------------------------------------------------------------------
 *
 * group_sequential.c
 *	  Group-sequential boundaries by Lan-DeMets alpha spending: Lan &
 *	  DeMets, "Discrete sequential boundaries for clinical trials",
 *	  Biometrika 70, 1983, computed by the recursive numerical integration
 *	  of Armitage, McPherson & Rowe, "Repeated significance tests on
 *	  accumulating data", JRSS A 132, 1969, as in Jennison & Turnbull,
 *	  "Group Sequential Methods with Applications to Clinical Trials",
 *	  2000, ch. 19.  The results match R's ldbounds::ldBounds and gsDesign
 *	  with sfLDOF / sfLDPocock / sfPower (two-sided symmetric designs spend
 *	  alpha/2 on each side, as both do).
 *
 * Spending functions, per side, with a = alpha/2 (two-sided) or alpha
 * (one-sided) and t the information fraction:
 *	O'Brien-Fleming type	a(t) = 2 - 2 Phi(z_{1-a/2} / sqrt(t))
 *	Pocock type				a(t) = a log(1 + (e - 1) t)
 *	power family			a(t) = a t^rho
 *
 * The recursion.  Under H0 the z statistics at the looks form a Gaussian
 * process with Z_k = s Z_{k-1} + sigma eps, s = sqrt(t_{k-1} / t_k),
 * sigma = sqrt(1 - t_{k-1} / t_k), eps ~ N(0, 1) independent of the past.
 * Let f_k be the sub-density of Z_k on the paths that crossed no boundary
 * up to look k (f_1 = phi on the continuation region C_1).  The
 * probability of crossing the upper boundary b at look k is
 *	U_k(b) = integral over C_{k-1} of f_{k-1}(z) Q((b - s z) / sigma) dz,
 * Q the upper normal tail, and b_k solves U_k(b_k) = a(t_k) - a(t_{k-1})
 * (by symmetry the lower boundary of a two-sided design spends the same);
 * then f_k(y) = integral over C_{k-1} of f_{k-1}(z) phi((y - s z)/sigma)
 * / sigma dz on C_k = (-b_k, b_k) (two-sided) or (-inf, b_k).
 *
 * Quadrature.  Instead of Jennison & Turnbull's Simpson grid we use
 * composite 12-point Gauss-Legendre on panels no wider than the scale on
 * which the integrands vary: the kernel's width sigma / s in z and f's
 * own smoothness scale (the width sigma of the kernel that produced it),
 * at most 1.  Both integrands are analytic on the closed region (f_k is a
 * Gaussian mixture), so the rule converges geometrically; halving the
 * panels changes no boundary by more than 1e-12 on the designs of the
 * regression test.  Regions are cut at |z| = 38 (the density underflows
 * there) and, below a one-sided boundary, at z = -12 (mass below 2e-33).
 * Each f_k(y) sums only the terms within a factor 1e-20 of its largest:
 * f_{k-1} is log-concave (phi, truncation and Gaussian convolution keep
 * log-concavity, Prekopa 1973) and so is z -> f_{k-1}(z) phi((y - s z) /
 * sigma), so the terms are unimodal and the rest is negligible.  U_k is a
 * full O(m) sum of Q values (GSL's Cody approximation, full relative
 * accuracy in the tail), and b_k is found by Brent's method (GSL) on
 * log U_k(b) - log(target), bracketed in unit steps, to 1e-13 in z.
 *
 * A look whose spending increment is below 1e-250 (e.g. an O'Brien-Fleming
 * look at t < 0.005) gets the boundary +Infinity: nothing to spend there.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <float.h>
#include <math.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_integration.h>
#include <gsl/gsl_roots.h>

#include "dist.h"
#include "group_sequential.h"

void		(*gs_interrupt_hook) (void) = NULL;

#define GS_GL_POINTS	12		/* Gauss-Legendre points per panel */
#define GS_ZMAX			38.0	/* |z| beyond which densities underflow */
#define GS_ZLOW			12.0	/* lower cut of a one-sided region */
#define GS_TINY			1e-250	/* spending increments below this: none */
#define GS_TERM_CUT		1e-20	/* relative size of the terms dropped */
#define GS_ROOT_TOL		1e-13

/* Gauss-Legendre nodes and weights on [-1, 1], computed once. */
static double gl_x[GS_GL_POINTS];
static double gl_w[GS_GL_POINTS];
static bool gl_ready = false;

/*
 * gl_init: the 12-point Gauss-Legendre rule, from GSL's fixed tables.
 */
static bool
gl_init(void)
{
	gsl_integration_glfixed_table *t;
	int			i;

	if (gl_ready)
		return true;
	t = gsl_integration_glfixed_table_alloc(GS_GL_POINTS);
	if (t == NULL)
		return false;
	for (i = 0; i < GS_GL_POINTS; i++)
	{
		if (gsl_integration_glfixed_point(-1.0, 1.0, i, &gl_x[i], &gl_w[i], t)
			!= GSL_SUCCESS)
		{
			gsl_integration_glfixed_table_free(t);
			return false;
		}
	}
	gsl_integration_glfixed_table_free(t);
	gl_ready = true;
	return true;
}

/*
 * gs_side_spent: alpha spent on one side by information fraction t, for
 * a per-side total a.  Q and its inverse from dist.c (full accuracy in
 * the tail, so the tiny early O'Brien-Fleming increments keep their
 * digits).
 */
static double
gs_side_spent(const GsDesign *d, double a, double t)
{
	if (t <= 0.0)
		return 0.0;
	if (t >= 1.0)
		return a;
	switch (d->spending)
	{
		case GS_OBRIEN_FLEMING:
			return 2.0 * dist_pnorm(dist_qnorm(a / 2.0, 0.0, 1.0, false) / sqrt(t),
									0.0, 1.0, false);
		case GS_POCOCK:
			return a * log1p((M_E - 1.0) * t);
		case GS_POWER:
		default:
			return a * pow(t, d->rho);
	}
}

static double
gs_side_alpha(const GsDesign *d)
{
	return d->two_sided ? d->alpha / 2.0 : d->alpha;
}

/* gs_spent: cumulative alpha spent by t, both sides together. */
double
gs_spent(const GsDesign *d, double t)
{
	double		side = gs_side_spent(d, gs_side_alpha(d), t);

	return d->two_sided ? 2.0 * side : side;
}

/* A quadrature grid on a continuation region and the density on it. */
typedef struct GsGrid
{
	int			m;
	double	   *z;				/* nodes, ascending */
	double	   *w;				/* weights */
	double	   *logf;			/* log f_k(z): no underflow in the tails */
} GsGrid;

/*
 * gs_grid: composite Gauss-Legendre nodes on [lo, hi] with panels of
 * width at most h.
 */
static void
gs_grid(GsGrid *g, double lo, double hi, double h)
{
	int			panels = (int) ceil((hi - lo) / h);
	double		width;
	int			p,
				i;

	if (panels < 1)
		panels = 1;
	width = (hi - lo) / panels;
	g->m = panels * GS_GL_POINTS;
	g->z = palloc(sizeof(double) * g->m);
	g->w = palloc(sizeof(double) * g->m);
	g->logf = palloc(sizeof(double) * g->m);
	for (p = 0; p < panels; p++)
	{
		double		mid = lo + (p + 0.5) * width;

		for (i = 0; i < GS_GL_POINTS; i++)
		{
			g->z[p * GS_GL_POINTS + i] = mid + 0.5 * width * gl_x[i];
			g->w[p * GS_GL_POINTS + i] = 0.5 * width * gl_w[i];
		}
	}
}

static void
gs_grid_free(GsGrid *g)
{
	pfree(g->z);
	pfree(g->w);
	pfree(g->logf);
}

/* The crossing probability U(b) of the next look, for the root finder. */
typedef struct GsCross
{
	const GsGrid *g;
	double		s;
	double		sigma;
	double		log_target;
} GsCross;

/* U(b) = sum_j w_j f(z_j) Q((b - s z_j) / sigma). */
static double
gs_upper(const GsCross *c, double b)
{
	const GsGrid *g = c->g;
	double		sum = 0.0;
	int			j;

	for (j = 0; j < g->m; j++)
		sum += g->w[j] * exp(g->logf[j]) *
			gsl_cdf_ugaussian_Q((b - c->s * g->z[j]) / c->sigma);
	return sum;
}

static double
gs_root_fn(double b, void *params)
{
	const GsCross *c = (const GsCross *) params;

	return log(gs_upper(c, b)) - c->log_target;
}

/*
 * gs_solve: the b with U(b) = target, bracketed by unit steps from lo (at
 * which U(lo) >= target; each step lowers U by a factor of at most
 * e^-(b+1), so no bracket end underflows), then Brent.  Returns +Infinity
 * when b would exceed GS_ZMAX, NAN when the solver fails.
 */
static double
gs_solve(const GsCross *c, double lo)
{
	gsl_function F;
	gsl_root_fsolver *solver;
	double		hi = lo + 1.0;
	double		b = NAN;
	int			status;
	int			iter;

	while (gs_root_fn(hi, (void *) c) > 0.0)
	{
		lo = hi;
		hi += 1.0;
		if (lo > GS_ZMAX)
			return INFINITY;
	}
	if (gs_root_fn(lo, (void *) c) < 0.0)
		return NAN;
	F.function = gs_root_fn;
	F.params = (void *) c;
	solver = gsl_root_fsolver_alloc(gsl_root_fsolver_brent);
	if (solver == NULL)
		return NAN;
	status = gsl_root_fsolver_set(solver, &F, lo, hi);
	for (iter = 0; status == GSL_SUCCESS && iter < 200; iter++)
	{
		status = gsl_root_fsolver_iterate(solver);
		if (status != GSL_SUCCESS)
			break;
		b = gsl_root_fsolver_root(solver);
		status = gsl_root_test_interval(gsl_root_fsolver_x_lower(solver),
										gsl_root_fsolver_x_upper(solver),
										GS_ROOT_TOL, 0.0);
		if (status == GSL_SUCCESS)
			break;
		if (status == GSL_CONTINUE)
			status = GSL_SUCCESS;
	}
	gsl_root_fsolver_free(solver);
	return status == GSL_SUCCESS && iter < 200 ? b : NAN;
}

/*
 * gs_convolve: f_next(y) = sum_j w_j f(z_j) phi((y - s z_j)/sigma)/sigma
 * at the nodes y of `next`, in logs: with the log-terms
 * L_j = log f(z_j) - ((y - s z_j)/sigma)^2 / 2, which are unimodal in j
 * (see the file comment) and whose peak moves up with y, the sum starts
 * at the peak P and stops on each side once exp(L_j - L_P) falls below
 * GS_TERM_CUT; log f_next(y) = L_P + log(sum_j w_j exp(L_j - L_P))
 * - log(sigma sqrt(2 pi)).
 */
static void
gs_convolve(const GsGrid *prev, GsGrid *next, double s, double sigma)
{
	const double log_cut = log(GS_TERM_CUT);
	const double log_norm = log(sigma) + 0.5 * log(2.0 * M_PI);
	int			peak = 0;
	int			i;

	for (i = 0; i < next->m; i++)
	{
		double		y = next->z[i];
		double		top,
					sum;
		int			j;

#define GS_LOGTERM(j) (prev->logf[j] - 0.5 * ((y - s * prev->z[j]) / sigma) \
					   * ((y - s * prev->z[j]) / sigma))

		while (peak + 1 < prev->m && GS_LOGTERM(peak + 1) >= GS_LOGTERM(peak))
			peak++;
		while (peak > 0 && GS_LOGTERM(peak - 1) > GS_LOGTERM(peak))
			peak--;
		top = GS_LOGTERM(peak);
		sum = prev->w[peak];
		for (j = peak + 1; j < prev->m; j++)
		{
			double		rel = GS_LOGTERM(j) - top;

			sum += prev->w[j] * exp(rel);
			if (rel < log_cut)
				break;
		}
		for (j = peak - 1; j >= 0; j--)
		{
			double		rel = GS_LOGTERM(j) - top;

			sum += prev->w[j] * exp(rel);
			if (rel < log_cut)
				break;
		}
#undef GS_LOGTERM
		next->logf[i] = top + log(sum) - log_norm;
		if ((i & 255) == 255 && gs_interrupt_hook)
			gs_interrupt_hook();
	}
}

/*
 * gs_region: the continuation region of a look with boundary b (cut as
 * the file comment says).
 */
static void
gs_region(const GsDesign *d, double b, double *lo, double *hi)
{
	*hi = fmin(b, GS_ZMAX);
	*lo = d->two_sided ? -*hi : -GS_ZLOW;
}

/*
 * gs_boundaries: the boundary of every look (see the file comment).
 */
GsStatus
gs_boundaries(const GsDesign *d, double *z)
{
	double		a = gs_side_alpha(d);
	double		spent_before = 0.0;
	GsGrid		grid = {0};
	int			k;

	if (!gl_init())
		return GS_FAILED;

	for (k = 0; k < d->looks; k++)
	{
		double		spent = gs_side_spent(d, a, d->info[k]);
		double		delta = spent - spent_before;
		double		s = 0.0,
					sigma = 1.0;

		spent_before = spent;
		if (k > 0)
		{
			s = sqrt(d->info[k - 1] / d->info[k]);
			sigma = sqrt((d->info[k] - d->info[k - 1]) / d->info[k]);
		}

		/* the boundary */
		if (!(delta >= GS_TINY))
			z[k] = INFINITY;
		else if (k == 0)
			z[k] = dist_qnorm(delta, 0.0, 1.0, false);
		else
		{
			GsCross		c;
			double		lo;

			c.g = &grid;
			c.s = s;
			c.sigma = sigma;
			c.log_target = log(delta);
			lo = d->two_sided ? 0.0 : -GS_ZLOW;
			z[k] = gs_solve(&c, lo);
			if (isnan(z[k]))
			{
				gs_grid_free(&grid);
				return GS_FAILED;
			}
		}

		/* the density of the paths still running, for the next look */
		if (k + 1 < d->looks)
		{
			double		s_next = sqrt(d->info[k] / d->info[k + 1]);
			double		sigma_next = sqrt((d->info[k + 1] - d->info[k]) / d->info[k + 1]);
			double		h = fmin(1.0, fmin(k == 0 ? 1.0 : sigma, sigma_next / s_next));
			double		lo,
						hi;
			GsGrid		next;

			gs_region(d, z[k], &lo, &hi);
			gs_grid(&next, lo, hi, h);
			if (k == 0)
			{
				int			i;

				for (i = 0; i < next.m; i++)
					next.logf[i] = -0.5 * next.z[i] * next.z[i] - 0.5 * log(2.0 * M_PI);
			}
			else
			{
				gs_convolve(&grid, &next, s, sigma);
				gs_grid_free(&grid);
			}
			grid = next;
		}
		else if (k > 0)
			gs_grid_free(&grid);
	}
	return GS_OK;
}
