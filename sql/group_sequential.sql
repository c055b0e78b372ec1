-- gs_boundaries() and gs_test(): Lan-DeMets group-sequential boundaries,
-- against test/reference/gen_group_sequential.R (an independent R
-- implementation of the Armitage-McPherson-Rowe recursion, every design
-- checked there with mvtnorm::pmvnorm(algorithm = Miwa(steps = 4097)):
-- each look's crossing probability equals the alpha it spends to 1e-7).
\getenv abs_srcdir PG_ABS_SRCDIR
\set csv :abs_srcdir '/test/reference/data/group_sequential.csv'
CREATE TEMP TABLE ref (design_id int, looks int, alpha float8, spending text,
	rho float8, alternative text, info float8[], look int, information float8,
	z_boundary float8, nominal_p float8, cumulative_alpha_spent float8,
	miwa_no_crossing float8);
\set cmd '\\copy ref FROM ' :'csv' ' WITH (FORMAT csv, HEADER, FORCE_NULL (info, miwa_no_crossing))'
:cmd

CREATE TEMP TABLE got AS
SELECT d.design_id, b.*
FROM (SELECT DISTINCT design_id, looks, alpha, spending, rho, alternative, info
	  FROM ref) d,
	 LATERAL gs_boundaries(d.looks, d.alpha, d.spending, d.info::float8[],
						   d.alternative, d.rho) b;

-- boundaries within 1e-8 of R's (absolute, in z); nominal p-values and
-- spent alpha within 1e-10 relative; the same information fractions
SELECT count(DISTINCT r.design_id) AS designs, count(*) AS looks,
	   count(*) FILTER (WHERE abs(g.z_boundary - r.z_boundary) > 1e-8) AS z_failures,
	   count(*) FILTER (WHERE abs(g.nominal_p - r.nominal_p) > 1e-10 * r.nominal_p
							  + 1e-8 * abs(r.z_boundary) * r.nominal_p) AS p_failures,
	   count(*) FILTER (WHERE abs(g.cumulative_alpha_spent - r.cumulative_alpha_spent)
							  > 1e-10 * r.cumulative_alpha_spent) AS spent_failures,
	   bool_and(g.information = r.information) AS same_information
FROM ref r JOIN got g ON g.design_id = r.design_id AND g.look = r.look;
-- the worst offenders, if any
SELECT r.design_id, r.look, g.z_boundary AS ours, r.z_boundary AS r
FROM ref r JOIN got g ON g.design_id = r.design_id AND g.look = r.look
WHERE abs(g.z_boundary - r.z_boundary) > 1e-8
ORDER BY abs(g.z_boundary - r.z_boundary) DESC LIMIT 10;

-- An independent check of what the boundaries mean (first 6 looks of each
-- design): the probability of no crossing up to a look, computed by
-- mvtnorm's Miwa algorithm at R's boundaries, is 1 - the alpha ours have
-- spent by then, to 1e-7 (Miwa's own accuracy at steps = 4097)
SELECT count(*) AS looks_checked,
	   count(*) FILTER (WHERE abs((1 - g.cumulative_alpha_spent) - r.miwa_no_crossing) > 1e-7)
		   AS miwa_failures
FROM ref r JOIN got g ON g.design_id = r.design_id AND g.look = r.look
WHERE r.miwa_no_crossing IS NOT NULL;

-- The textbook example: 5 equally spaced looks at alpha 0.05, Lan-DeMets
-- O'Brien-Fleming type (4.877, 3.357, 2.680, 2.290, 2.031) and Pocock
-- type.
SELECT look, information, round(z_boundary::numeric, 3) AS z_boundary,
	   round(nominal_p::numeric, 6) AS nominal_p,
	   round(cumulative_alpha_spent::numeric, 6) AS cumulative_alpha_spent
FROM gs_boundaries(5);
SELECT look, round(z_boundary::numeric, 3) AS z_boundary
FROM gs_boundaries(5, spending => 'pocock');

-- A look with nothing to spend (O'Brien-Fleming at t = 0.001: 2e-1002
-- underflows) has no finite boundary.
SELECT look, z_boundary, nominal_p FROM gs_boundaries(2, info => '{0.001, 1}');

-- gs_test: the boundary of the current look depends on the information
-- of the looks so far, not on the ones to come, so looks at 2,000, 4,000
-- and 6,000 of 10,000 planned units have the boundaries of a design with
-- looks at 0.2, 0.4, 0.6 (and 1).
CREATE TEMP TABLE arms AS
SELECT stats_summary(3000, 10.12, 2) AS treatment, stats_summary(3000, 10, 2) AS control;
SELECT g.information, g.z_boundary = b.z_boundary AS same_boundary,
	   g.cumulative_alpha_spent = b.cumulative_alpha_spent AS same_spent,
	   round(g.statistic::numeric, 4) AS statistic, g.crossed,
	   g.ci_lower = g.estimate - g.z_boundary * g.std_error AS repeated_ci, g.method
FROM arms,
	 LATERAL gs_test(treatment, control, planned_n => 10000,
					 previous_n => '{2000, 4000}') g,
	 LATERAL gs_boundaries(4, info => '{0.2, 0.4, 0.6, 1}') b
WHERE b.look = 3;
SELECT s.* FROM arms, LATERAL gs_test(treatment, control, 10000, '{2000, 4000}') s;
-- one-sided, the first look, and a final look past the planned total
-- (information capped at 1: everything left is spent)
SELECT alternative, information, round(z_boundary::numeric, 4) AS z_boundary,
	   round(statistic::numeric, 4) AS statistic, crossed, ci_lower, ci_upper
FROM unnest(ARRAY['greater', 'less']) alternative, arms,
	 LATERAL gs_test(treatment, control, 10000, '{}', alternative => alternative) s
ORDER BY alternative;
SELECT information, cumulative_alpha_spent, round(z_boundary::numeric, 4) AS z_boundary, crossed
FROM arms, LATERAL gs_test(treatment, control, 5000, '{1000, 2000, 4000}') s;
-- an arm with one unit: boundaries, but no statistic
SELECT statistic, crossed, round(z_boundary::numeric, 4) AS z_boundary
FROM gs_test(stats_summary(1, 3, 0), stats_summary(5, 2, 1), 100);

-- Bad arguments: 22023 naming the argument (2202E for an array of the
-- wrong length).  gs_boundaries is not STRICT (info defaults to NULL):
-- NULL in another argument gives no rows.
SELECT count(*) AS no_rows FROM gs_boundaries(NULL);
SELECT count(*) AS no_rows FROM gs_boundaries(5, alpha => NULL);
SELECT * FROM gs_boundaries(0);
SELECT * FROM gs_boundaries(101);
SELECT * FROM gs_boundaries(3, alpha => 0);
SELECT * FROM gs_boundaries(3, alpha => 0.6);
SELECT * FROM gs_boundaries(3, spending => 'obf');
SELECT * FROM gs_boundaries(3, spending => 'power', rho => 0);
SELECT * FROM gs_boundaries(3, info => '{0.5, 0.4, 1}');
SELECT * FROM gs_boundaries(3, info => '{0.2, 0.4, 0.9}');
SELECT * FROM gs_boundaries(3, info => '{0.5, 1}');
SELECT * FROM gs_boundaries(3, info => '{0.2, NULL, 1}');
SELECT * FROM gs_boundaries(3, info => '{0, 0.5, 1}');
SELECT * FROM gs_boundaries(3, info => '{0.5, 0.50001, 1}');
SELECT * FROM gs_boundaries(3, alternative => 'both');
SELECT gs_test(treatment, control, 0) FROM arms;
SELECT gs_test(treatment, control, 10000, '{4000, 2000}') FROM arms;
SELECT gs_test(treatment, control, 10000, '{2000, 7000}') FROM arms;
SELECT gs_test(treatment, control, 10000, '{2000, NULL}') FROM arms;
