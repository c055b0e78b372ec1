-- bayes_test() (GrowthBook's Gaussian model) and bayes_prop_test() (Beta
-- posteriors), against test/reference/gen_bayes.R (R's pnorm/qnorm
-- formulas, losses in Rmpfr; Beta integrals with R's pbeta at counts up to
-- 1e9) and test/reference/gen_bayes.py (mpmath at 40 digits: exact sums
-- and quadrature).
\getenv abs_srcdir PG_ABS_SRCDIR
\set csv :abs_srcdir '/test/reference/data/bayes_gauss.csv'
CREATE TEMP TABLE ref_gauss (case_id int, n_t bigint, mean_t float8, sd_t float8,
	n_c bigint, mean_c float8, sd_c float8, prior_mean float8, prior_sd float8,
	relative boolean, conf_level float8, posterior_mean float8, ci_lower float8,
	ci_upper float8, posterior_sd float8, chance_to_win float8,
	loss_treatment float8, loss_control float8);
\set cmd '\\copy ref_gauss FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd
\set csv :abs_srcdir '/test/reference/data/bayes_prop_mp.csv'
CREATE TEMP TABLE ref_prop (source text DEFAULT 'mpmath', case_id int, x1 bigint,
	n1 bigint, x2 bigint, n2 bigint, prior_alpha float8, prior_beta float8,
	method text, p_greater float8, p_less float8, loss_treatment float8,
	loss_control float8);
\set cmd '\\copy ref_prop (case_id, x1, n1, x2, n2, prior_alpha, prior_beta, method, p_greater, p_less, loss_treatment, loss_control) FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd
\set csv :abs_srcdir '/test/reference/data/bayes_prop_r.csv'
CREATE TEMP TABLE ref_prop_r (case_id int, x1 bigint, n1 bigint, x2 bigint,
	n2 bigint, prior_alpha float8, prior_beta float8, p_greater float8,
	p_less float8, loss_treatment float8, loss_control float8);
\set cmd '\\copy ref_prop_r FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd
INSERT INTO ref_prop (source, case_id, x1, n1, x2, n2, prior_alpha, prior_beta,
					  method, p_greater, p_less, loss_treatment, loss_control)
SELECT 'R', case_id, x1, n1, x2, n2, prior_alpha, prior_beta, 'integration',
	   p_greater, p_less, loss_treatment, loss_control
FROM ref_prop_r;

CREATE FUNCTION pg_temp.rel_ok(a float8, b float8, tol float8) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE WHEN a IS NULL OR b IS NULL THEN a IS NULL AND b IS NULL
		WHEN a = b THEN true
		ELSE abs(a - b) <= tol * greatest(abs(b), 2.2250738585072014e-308) END $$;

-- ---------------------------------------------------------------------
-- bayes_test: posterior mean, credible interval and sd on the requested
-- scale (the other scale NULL), chance to win and both losses, 1e-10
-- relative (interval bounds on the scale of the posterior sd)
-- ---------------------------------------------------------------------
CREATE TEMP TABLE got_gauss AS
SELECT r.case_id, b.*
FROM ref_gauss r,
	 LATERAL bayes_test(stats_summary(r.n_t, r.mean_t, r.sd_t),
						stats_summary(r.n_c, r.mean_c, r.sd_c),
						prior_mean => r.prior_mean, prior_sd => r.prior_sd,
						relative => r.relative, conf_level => r.conf_level) b;
CREATE TEMP VIEW cmp_gauss AS
SELECT r.case_id, f.field, f.ours, f.ref,
	   CASE WHEN f.field LIKE 'ci%' AND f.ours IS NOT NULL AND f.ref IS NOT NULL
			THEN abs(f.ours - f.ref) <= 1e-10 * greatest(abs(f.ref), r.posterior_sd)
			ELSE pg_temp.rel_ok(f.ours, f.ref, 1e-10) END AS ok
FROM ref_gauss r JOIN got_gauss g USING (case_id)
CROSS JOIN LATERAL (VALUES
	('posterior_mean', CASE WHEN r.relative THEN g.rel_estimate ELSE g.estimate END, r.posterior_mean),
	('ci_lower', CASE WHEN r.relative THEN g.rel_ci_lower ELSE g.ci_lower END, r.ci_lower),
	('ci_upper', CASE WHEN r.relative THEN g.rel_ci_upper ELSE g.ci_upper END, r.ci_upper),
	('posterior_sd', CASE WHEN r.relative THEN g.rel_std_error ELSE g.std_error END, r.posterior_sd),
	('other_scale_null', CASE WHEN r.relative THEN coalesce(g.estimate, g.ci_lower, g.ci_upper, g.std_error)
		ELSE coalesce(g.rel_estimate, g.rel_ci_lower, g.rel_ci_upper, g.rel_std_error) END, NULL),
	('chance_to_win', g.chance_to_win, r.chance_to_win),
	('loss_treatment', g.loss_treatment, r.loss_treatment),
	('loss_control', g.loss_control, r.loss_control)) f(field, ours, ref);
SELECT count(DISTINCT case_id) AS cases, count(*) AS fields,
	   count(*) FILTER (WHERE ours IS NULL) AS null_fields,
	   count(*) FILTER (WHERE field LIKE 'loss%' AND ref < 1e-100) AS far_tail_losses,
	   count(*) FILTER (WHERE NOT ok) AS failures
FROM cmp_gauss;
SELECT case_id, field, ours, ref FROM cmp_gauss WHERE NOT ok ORDER BY case_id, field LIMIT 10;

-- ---------------------------------------------------------------------
-- bayes_prop_test: chance to win with min(P, 1 - P) to 1e-10 relative
-- against the reference's smaller probability, computed directly there
-- too (when P > 1/2 the reported P is 1 - that, so its own rounding, half
-- an ulp of 1, adds to the error), losses to 1e-10 relative
-- ---------------------------------------------------------------------
CREATE TEMP TABLE got_prop AS
SELECT r.source, r.case_id, b.*
FROM ref_prop r,
	 LATERAL bayes_prop_test(r.x1, r.n1, r.x2, r.n2, r.prior_alpha, r.prior_beta) b;
CREATE TEMP VIEW cmp_prop AS
SELECT r.source, r.case_id, r.method AS ref_method, g.method,
	   CASE WHEN r.p_greater <= r.p_less
			THEN abs(g.chance_to_win - r.p_greater) <= 1e-10 * r.p_greater
			ELSE abs((1 - g.chance_to_win) - r.p_less) <= 1e-10 * r.p_less + 1.2e-16
	   END AS chance_ok,
	   pg_temp.rel_ok(g.loss_treatment, r.loss_treatment, 1e-10) AS loss_t_ok,
	   pg_temp.rel_ok(g.loss_control, r.loss_control, 1e-10) AS loss_c_ok,
	   g.chance_to_win, r.p_greater, r.p_less, g.loss_treatment,
	   r.loss_treatment AS ref_loss_t, g.loss_control, r.loss_control AS ref_loss_c
FROM ref_prop r JOIN got_prop g USING (source, case_id);
SELECT source, ref_method, count(*) AS cases,
	   count(*) FILTER (WHERE method LIKE '%Miller%') AS by_miller_sum,
	   count(*) FILTER (WHERE least(p_greater, p_less) < 1e-6) AS p_below_1e_6,
	   count(*) FILTER (WHERE NOT chance_ok) AS chance_failures,
	   count(*) FILTER (WHERE NOT (loss_t_ok AND loss_c_ok)) AS loss_failures
FROM cmp_prop GROUP BY source, ref_method ORDER BY source, ref_method;
SELECT source, case_id, chance_to_win, p_greater, loss_treatment, ref_loss_t,
	   loss_control, ref_loss_c
FROM cmp_prop WHERE NOT (chance_ok AND loss_t_ok AND loss_c_ok)
ORDER BY source, case_id LIMIT 10;

-- the posterior means and the sd of p1 - p2 are the Beta moments; the
-- losses differ by E[p1] - E[p2]
SELECT bool_and(g.treatment_mean = (r.x1 + r.prior_alpha) / (r.n1 + r.prior_alpha + r.prior_beta)
				AND g.control_mean = (r.x2 + r.prior_alpha) / (r.n2 + r.prior_alpha + r.prior_beta)) AS means,
	   bool_and(abs(g.estimate - (g.treatment_mean - g.control_mean)) <= 1e-15) AS estimate,
	   bool_and(abs((g.loss_control - g.loss_treatment) - g.estimate)
				<= 1e-14 * greatest(g.loss_control, g.loss_treatment)) AS loss_identity
FROM ref_prop r JOIN got_prop g USING (source, case_id);

-- ---------------------------------------------------------------------
-- Behaviour
-- ---------------------------------------------------------------------
-- With a flat prior the posterior is the data: bayes_test's relative
-- posterior is ab_test's delta-method relative effect, and the absolute
-- one t_test's estimate with its (normal, not t) standard error.
SELECT b.rel_estimate = a.rel_estimate AS rel_same,
	   b.rel_std_error = a.rel_std_error AS rel_se_same,
	   d.estimate = a.estimate AND d.std_error = a.std_error AS abs_same,
	   b.chance_to_win = pnorm(0, b.rel_estimate, b.rel_std_error, false) AS chance
FROM (SELECT stats_summary(2000, 10.4, 3) AS t, stats_summary(2000, 10, 3) AS c) s,
	 LATERAL bayes_test(s.t, s.c) b,
	 LATERAL bayes_test(s.t, s.c, relative => false) d,
	 LATERAL ab_test(s.t, s.c, relative_ci => 'delta') a;

-- A prior shrinks toward prior_mean; on the absolute scale it is the lift
-- prior times |control mean|, so a relative and an absolute readout with
-- the same prior agree when the means' ratio is the only uncertainty.
SELECT round(rel_estimate::numeric, 6) AS rel_estimate, round(rel_std_error::numeric, 6) AS sd,
	   round(chance_to_win::numeric, 6) AS chance_to_win, method
FROM (VALUES (NULL::float8), (0.3), (0.01)) p(sd),
	 LATERAL bayes_test(stats_summary(2000, 10.4, 3), stats_summary(2000, 10, 3),
						prior_sd => p.sd) b;

-- Far tails: the chance to win is 1 and the loss of choosing the
-- treatment underflows only where it truly is below the smallest double.
SELECT chance_to_win, loss_treatment, loss_control
FROM bayes_test(stats_summary(1000000, 10.08, 3), stats_summary(1000000, 10, 3),
				relative => false);

-- Undefined is NULL: one unit in an arm; constant data; a zero control
-- mean (no relative effect; and no absolute prior to rescale); NULL
-- arguments other than prior_sd (bayes_test is not STRICT: prior_sd NULL
-- is the flat prior).
SELECT estimate, rel_estimate, chance_to_win, treatment_mean, control_mean
FROM bayes_test(stats_summary(1, 3, 0), stats_summary(5, 2, 1));
SELECT rel_estimate, chance_to_win FROM bayes_test(stats_summary(10, 3, 0), stats_summary(10, 3, 0));
SELECT rel_estimate, chance_to_win FROM bayes_test(stats_summary(100, 0.5, 1), stats_summary(100, 0, 1));
SELECT estimate, chance_to_win FROM bayes_test(stats_summary(100, 0.5, 1), stats_summary(100, 0, 1),
											   prior_sd => 0.3, relative => false);
SELECT estimate, chance_to_win FROM bayes_test(stats_summary(100, 0.5, 1), stats_summary(100, 0, 1),
											   relative => false);
SELECT bayes_test(NULL, stats_summary(5, 2, 1)) IS NULL AS null_arm,
	   bayes_test(stats_summary(5, 2, 1), stats_summary(5, 2, 1), prior_mean => NULL) IS NULL AS null_prior_mean,
	   bayes_test(stats_summary(5, 2, 1), stats_summary(5, 2, 1), relative => NULL) IS NULL AS null_relative,
	   bayes_test(stats_summary(5, 2, 1), stats_summary(5, 2, 1), prior_sd => NULL) IS NULL AS null_prior_sd;

-- Ratio and CUPED forms: with a flat prior the posterior is ratio_test's
-- / cuped_test's delta-method relative effect, with their variance
-- reduction and theta (cases: the arms of test/reference/data/effects_units.csv).
\set csv :abs_srcdir '/test/reference/data/effects_units.csv'
CREATE TEMP TABLE units (sample_id text, m1 float8, m2 float8, m3 float8, m4 float8);
\set cmd '\\copy units FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd
CREATE TEMP TABLE jarms AS
SELECT sample_id, stats_agg(m1, m2) AS s2, stats_agg(m1, m2, m3, m4) AS s4
FROM units GROUP BY sample_id;
SELECT form, count(*) AS cases,
	   bool_and(b_rel IS NOT DISTINCT FROM e_rel AND b_se IS NOT DISTINCT FROM e_se
				AND b_vr IS NOT DISTINCT FROM e_vr AND b_th IS NOT DISTINCT FROM e_th) AS same_as_effects
FROM (SELECT 'ratio' AS form, b.rel_estimate AS b_rel, b.rel_std_error AS b_se,
			 b.variance_reduction AS b_vr, b.theta AS b_th, e.theta AS e_th,
			 e.rel_estimate AS e_rel,
			 CASE WHEN e.statistic IS NOT NULL THEN e.rel_std_error END AS e_se,
			 CASE WHEN e.statistic IS NOT NULL THEN e.variance_reduction END AS e_vr
	  FROM jarms t JOIN jarms c ON t.sample_id < c.sample_id,
		   LATERAL bayes_ratio_test(t.s4, c.s4) b,
		   LATERAL ratio_test(t.s4, c.s4, relative_ci => 'delta') e
	  WHERE t.s4 IS NOT NULL AND c.s4 IS NOT NULL
	  UNION ALL
	  SELECT 'cuped', b.rel_estimate, b.rel_std_error, b.variance_reduction,
			 b.theta, e.theta, e.rel_estimate,
			 CASE WHEN e.statistic IS NOT NULL THEN e.rel_std_error END,
			 CASE WHEN e.statistic IS NOT NULL THEN e.variance_reduction END
	  FROM jarms t JOIN jarms c ON t.sample_id < c.sample_id,
		   LATERAL bayes_cuped_test(t.s2, c.s2) b,
		   LATERAL cuped_test(t.s2, c.s2, relative_ci => 'delta') e
	  WHERE t.s2 IS NOT NULL AND c.s2 IS NOT NULL) x
GROUP BY form ORDER BY form;
SELECT DISTINCT b.method
FROM (SELECT s2, s4 FROM jarms WHERE s4 IS NOT NULL LIMIT 1) j,
	 LATERAL (SELECT method FROM bayes_ratio_test(j.s2, j.s2)
			  UNION ALL SELECT method FROM bayes_ratio_test(j.s4, j.s4, prior_sd => 0.1)
			  UNION ALL SELECT method FROM bayes_cuped_test(j.s4, j.s4, relative => false)
			  UNION ALL SELECT method FROM bayes_cuped_test(j.s2, j.s2, theta => '{0.5}')) b
ORDER BY 1;

-- bayes_prop_test: no data gives the prior (chance 1/2); a sure win
SELECT estimate, round(std_error::numeric, 12) AS std_error, chance_to_win,
	   round(loss_treatment::numeric, 12) AS loss_treatment,
	   round(loss_control::numeric, 12) AS loss_control, treatment_mean, control_mean, method
FROM bayes_prop_test(0, 0, 0, 0);
SELECT chance_to_win, loss_treatment, loss_control
FROM bayes_prop_test(900, 1000, 100, 1000);

-- Bad arguments: 22023 naming the argument.
SELECT bayes_test(stats_summary(10, 1, 1), stats_summary(10, 0, 1), prior_sd => 0);
SELECT bayes_test(stats_summary(10, 1, 1), stats_summary(10, 0, 1), prior_sd => -1);
SELECT bayes_test(stats_summary(10, 1, 1), stats_summary(10, 0, 1), prior_mean => 'NaN');
SELECT bayes_test(stats_summary(10, 1, 1), stats_summary(10, 0, 1), conf_level => 0);
SELECT bayes_prop_test(11, 10, 1, 10);
SELECT bayes_prop_test(-1, 10, 1, 10);
SELECT bayes_prop_test(1, 10, 1, 1000000001);
SELECT bayes_prop_test(1, 10, 1, 10, prior_alpha => 0);
SELECT bayes_prop_test(1, 10, 1, 10, prior_beta => 'Infinity');

-- Robustness: 40 random designs (counts from 1 to 1e9 drawn on a log
-- scale, one arm often far wider than the other, priors from 0.1 to 20):
-- no failure, swapping the arms gives 1 - P within 1e-12 and swaps the
-- losses within 1e-12 relative.
SELECT setseed(0.3);
CREATE TEMP TABLE rnd AS
SELECT i, n1, (random() * n1)::bigint AS x1, n2, (random() * n2)::bigint AS x2, pa, pb
FROM (SELECT i, (10 ^ (random() * 9))::bigint AS n1, (10 ^ (random() * 9))::bigint AS n2,
			 (ARRAY[1, 0.5, 0.1, 3, 20])[1 + floor(random() * 5)::int] AS pa,
			 (ARRAY[1, 0.5, 0.1, 3, 20])[1 + floor(random() * 5)::int] AS pb
	  FROM generate_series(1, 40) i) s;
SELECT count(*) AS designs,
	   bool_and(abs(a.chance_to_win + b.chance_to_win - 1) <= 1e-12) AS chance_symmetric,
	   bool_and(pg_temp.rel_ok(a.loss_treatment, b.loss_control, 1e-12)
				AND pg_temp.rel_ok(a.loss_control, b.loss_treatment, 1e-12)) AS losses_symmetric
FROM rnd,
	 LATERAL bayes_prop_test(x1, n1, x2, n2, pa, pb) a,
	 LATERAL bayes_prop_test(x2, n2, x1, n1, pa, pb) b;
