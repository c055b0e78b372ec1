-- sequential_test(): asymptotic confidence sequences and always-valid
-- p-values, against test/reference/gen_sequential.R (the published
-- formulas, checked there against a numerical integration of the mixture).
\getenv abs_srcdir PG_ABS_SRCDIR
\set csv :abs_srcdir '/test/reference/data/sequential.csv'
CREATE TEMP TABLE ref (case_id int, n_t bigint, mean_t float8, sd_t float8,
	n_c bigint, mean_c float8, sd_c float8, tuning float8, alternative text,
	conf_level float8, statistic float8, p_value float8, estimate float8,
	ci_lower float8, ci_upper float8, std_error float8, rel_estimate float8,
	rel_ci_lower float8, rel_ci_upper float8, rel_std_error float8,
	e_value float8);
\set cmd '\\copy ref FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd

CREATE TEMP TABLE got AS
SELECT r.case_id, s.*
FROM ref r,
	 LATERAL sequential_test(stats_summary(r.n_t, r.mean_t, r.sd_t),
							 stats_summary(r.n_c, r.mean_c, r.sd_c),
							 tuning => r.tuning, alternative => r.alternative,
							 conf_level => r.conf_level) s;

-- ok(ours, ref, tol, scale): equal NULLs, equal values (infinite bounds),
-- or |ours - ref| <= tol * max(|ref|, scale); scale is the standard error
-- for bounds (a bound near 0 is compared on the scale of its width), 0
-- otherwise.
CREATE FUNCTION pg_temp.ok(a float8, b float8, tol float8, scale float8)
RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE WHEN a IS NULL OR b IS NULL THEN a IS NULL AND b IS NULL
		WHEN a = b THEN true
		ELSE abs(a - b) <= tol * greatest(abs(b), scale, 2.2250738585072014e-308) END $$;

CREATE TEMP VIEW cmp AS
SELECT g.case_id, f.field, f.ours, f.ref,
	   pg_temp.ok(f.ours, f.ref, 1e-10, f.scale) AS ok
FROM got g JOIN ref r USING (case_id)
CROSS JOIN LATERAL (VALUES
	('statistic', g.statistic, r.statistic, 0),
	('p_value', g.p_value, r.p_value, 0),
	('estimate', g.estimate, r.estimate, r.std_error),
	('ci_lower', g.ci_lower, r.ci_lower, r.std_error),
	('ci_upper', g.ci_upper, r.ci_upper, r.std_error),
	('std_error', g.std_error, r.std_error, 0),
	('rel_estimate', g.rel_estimate, r.rel_estimate, r.rel_std_error),
	('rel_ci_lower', g.rel_ci_lower, r.rel_ci_lower, r.rel_std_error),
	('rel_ci_upper', g.rel_ci_upper, r.rel_ci_upper, r.rel_std_error),
	('rel_std_error', g.rel_std_error, r.rel_std_error, 0),
	('e_value', g.e_value, r.e_value, 0)) f(field, ours, ref, scale);

-- every case and field within 1e-10 (relative; bounds on the scale of the
-- standard error)
SELECT count(DISTINCT case_id) AS cases, count(*) AS fields,
	   count(*) FILTER (WHERE ours IS NULL) AS null_fields,
	   count(*) FILTER (WHERE ours IN ('Infinity', '-Infinity')) AS infinite,
	   count(*) FILTER (WHERE NOT ok) AS failures
FROM cmp;
-- the worst offenders, if any
SELECT case_id, field, ours, ref FROM cmp WHERE NOT ok ORDER BY case_id, field LIMIT 10;

-- p < 1 - conf_level exactly when the sequence at conf_level excludes 0,
-- on a grid of effects (z from -8 to 8 in steps of 0.01), total sample
-- sizes around and far from N* and four levels, for each alternative.
SELECT alt, count(*) AS looks,
	   count(*) FILTER (WHERE p_value < 1 - cl) AS rejections,
	   count(*) FILTER (WHERE (p_value < 1 - cl) <> (ci_lower > 0 OR ci_upper < 0)) AS disagreements
FROM (VALUES ('two-sided'), ('greater'), ('less')) a(alt),
	 unnest(ARRAY[0.8, 0.9, 0.95, 0.99]) cl,
	 unnest(ARRAY[50, 500, 2500, 25000, 500000]) n,
	 generate_series(-800, 800) k,
	 LATERAL sequential_test(stats_summary(n, k / 100.0 * sqrt(2.0 / n), 1),
							 stats_summary(n, 0, 1),
							 alternative => alt, conf_level => cl) s
GROUP BY alt ORDER BY alt;

-- The p-value is 1 / e_value (capped at 1); the relative sequence is the
-- absolute one's multiplier times the relative standard error.
SELECT bool_and(abs(g.p_value - least(1, 1 / g.e_value)) <= 1e-15 * g.p_value) AS p_is_inverse_e,
	   bool_and(abs((g.rel_ci_upper - g.rel_estimate) / g.rel_std_error
					- (g.ci_upper - g.estimate) / g.std_error) <= 1e-12) AS same_multiplier,
	   count(*) AS cases
FROM got g JOIN ref r USING (case_id)
WHERE r.alternative = 'two-sided' AND g.rel_std_error IS NOT NULL;

-- Undefined is NULL: one unit in an arm (only the estimates), constant
-- data (zero standard error), a zero control mean (no relative effect).
SELECT s.* FROM sequential_test(stats_summary(1, 3, 0), stats_summary(5, 2, 1)) s;
SELECT s.* FROM sequential_test(stats_summary(10, 3, 0), stats_summary(10, 3, 0)) s;
SELECT estimate, rel_estimate, rel_ci_lower, rel_ci_upper, rel_std_error
FROM sequential_test(stats_summary(100, 0.5, 1), stats_summary(100, 0, 1));
-- a NULL summary (an arm without rows yet) gives NULL
SELECT sequential_test(NULL, stats_summary(5, 2, 1)) IS NULL AS null_result;
-- overwhelming evidence: p = 0, e-value beyond float8
SELECT p_value, e_value FROM sequential_test(stats_summary(1000000, 1, 1),
											 stats_summary(1000000, 0, 1));
-- one-sided sequences have an infinite bound; the wrong side gives p = 1
SELECT alternative, ci_lower, ci_upper, p_value = 1 AS p_is_1, e_value
FROM unnest(ARRAY['greater', 'less']) alternative,
	 LATERAL sequential_test(stats_summary(1000, 0.2, 1), stats_summary(1000, 0, 1),
							 alternative => alternative) s
ORDER BY alternative;

-- Bad arguments: 22023 naming the argument.
\set VERBOSITY default
SELECT sequential_test(stats_summary(10, 1, 1), stats_summary(10, 0, 1), tuning => 0);
SELECT sequential_test(stats_summary(10, 1, 1), stats_summary(10, 0, 1), tuning => -5);
SELECT sequential_test(stats_summary(10, 1, 1), stats_summary(10, 0, 1), tuning => 'NaN');
SELECT sequential_test(stats_summary(10, 1, 1), stats_summary(10, 0, 1), tuning => 'Infinity');
SELECT sequential_test(stats_summary(10, 1, 1), stats_summary(10, 0, 1), conf_level => 1);
SELECT sequential_test(stats_summary(10, 1, 1), stats_summary(10, 0, 1), alternative => 'two_sided');
SELECT sequential_test(stats_summary(10, 1, 1), stats_summary(10, 0, 1),
					   alternative => 'greater', conf_level => 0.5);

-- ---------------------------------------------------------------------
-- Looking every day: the running minimum of the p-value and the running
-- intersection of the sequences, over a materialized view of daily
-- cumulative rollups (the query README "Peeking safely" documents).
-- ---------------------------------------------------------------------
-- 20 days, 150 users per arm and day; B is better by 0.35 sd on days 1-4
-- and no different afterwards, so the cumulative effect fades and the
-- sequence at a later look alone would include 0 again.
SELECT setseed(0.5);
CREATE TABLE visits AS
SELECT date '2026-01-01' + (i / 300) AS day,
	   CASE WHEN i % 2 = 0 THEN 'A' ELSE 'B' END AS variant,
	   CASE WHEN i % 2 = 1 AND i / 300 < 4 THEN 0.35 ELSE 0 END
		 + sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()) AS value
FROM generate_series(0, 20 * 300 - 1) i;

CREATE MATERIALIZED VIEW daily AS
SELECT day, variant, stats_agg(value) AS s FROM visits GROUP BY day, variant;

-- one row per day: the summaries of everything up to that day
CREATE MATERIALIZED VIEW cumulative AS
SELECT day,
	   rollup(rollup(s) FILTER (WHERE variant = 'B')) OVER (ORDER BY day) AS treatment,
	   rollup(rollup(s) FILTER (WHERE variant = 'A')) OVER (ORDER BY day) AS control
FROM daily
GROUP BY day;

CREATE TEMP TABLE looks AS
SELECT c.day, r.p_value, r.ci_lower, r.ci_upper,
	   min(r.p_value) OVER w AS running_p,
	   max(r.ci_lower) OVER w AS running_lower,
	   min(r.ci_upper) OVER w AS running_upper
FROM cumulative c,
	 LATERAL sequential_test(c.treatment, c.control) r
WINDOW w AS (ORDER BY c.day);

-- the cumulative rollups equal one pass over the raw rows up to each day
SELECT count(*) AS days,
	   bool_and(n(c.treatment) = n(o.t) AND n(c.control) = n(o.c)) AS same_n,
	   bool_and(abs(mean(c.treatment) - mean(o.t)) <= 1e-12 * stddev(o.t)
				AND abs(variance(c.control) / variance(o.c) - 1) <= 1e-12) AS same_moments
FROM cumulative c,
	 LATERAL (SELECT stats_agg(value) FILTER (WHERE variant = 'B') AS t,
					 stats_agg(value) FILTER (WHERE variant = 'A') AS c
			  FROM visits v WHERE v.day <= c.day) o;

-- running p never rises, the running interval never widens, and both say
-- the same thing at every look: running_p < 0.05 exactly when the running
-- intersection excludes 0
SELECT bool_and(running_p <= coalesce(prev_p, 1)) AS p_monotone,
	   bool_and(running_lower >= coalesce(prev_lower, '-Infinity')
				AND running_upper <= coalesce(prev_upper, 'Infinity')) AS interval_shrinks,
	   bool_and((running_p < 0.05) = (running_lower > 0 OR running_upper < 0)) AS agree
FROM (SELECT *, lag(running_p) OVER w AS prev_p, lag(running_lower) OVER w AS prev_lower,
			 lag(running_upper) OVER w AS prev_upper
	  FROM looks WINDOW w AS (ORDER BY day)) l;

-- what the running versions prevent: looks whose own p-value is above
-- 0.05 and whose own sequence includes 0 again, after an earlier look
-- rejected (the decision stands: the running versions keep it)
SELECT count(*) FILTER (WHERE running_p < 0.05) AS looks_rejected,
	   count(*) FILTER (WHERE running_p < 0.05 AND p_value >= 0.05) AS raw_p_back_above,
	   count(*) FILTER (WHERE running_p < 0.05 AND ci_lower <= 0 AND ci_upper >= 0) AS raw_ci_back_to_0,
	   bool_and((p_value < 0.05) = (ci_lower > 0 OR ci_upper < 0)) AS each_look_agrees
FROM looks;
-- Here B's advantage was real on days 1-4 only: the effect is not
-- constant over time, and the running intersection becomes empty
-- (running_lower > running_upper) from 2026-01-12 on.  An empty
-- intersection is that signal: look at the effect day by day.
SELECT min(day) FILTER (WHERE running_lower > running_upper) AS empty_from FROM looks;
SELECT day, round(p_value::numeric, 4) AS p_value, round(running_p::numeric, 4) AS running_p,
	   round(ci_lower::numeric, 4) AS ci_lower, round(running_lower::numeric, 4) AS running_lower,
	   round(ci_upper::numeric, 4) AS ci_upper, round(running_upper::numeric, 4) AS running_upper
FROM looks ORDER BY day;

DROP MATERIALIZED VIEW cumulative;
DROP MATERIALIZED VIEW daily;
DROP TABLE visits;

-- ---------------------------------------------------------------------
-- Ratio and CUPED forms on joint summaries: the sequence of sequential_test
-- on the unit-level values of ratio_test / cuped_test (effects.c), so the
-- estimates, standard errors, means, variance reduction and theta are exactly
-- those of ratio_test / cuped_test (relative_ci => 'delta'), and the
-- multiplier (ci_upper - estimate) / std_error that of sequential_test at
-- the same total n.  Cases: the arms of test/reference/data/effects_units.csv.
-- ---------------------------------------------------------------------
\set csv :abs_srcdir '/test/reference/data/effects_units.csv'
CREATE TEMP TABLE units (sample_id text, m1 float8, m2 float8, m3 float8, m4 float8);
\set cmd '\\copy units FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd
CREATE TEMP TABLE jarms AS
SELECT sample_id, stats_agg(m1, m2) AS s2, stats_agg(m1, m2, m3) AS s3,
	   stats_agg(m1, m2, m3, m4) AS s4
FROM units GROUP BY sample_id;
CREATE TEMP TABLE jcases AS
SELECT t.sample_id AS t_id, c.sample_id AS c_id, k.k, a.alt,
	   CASE k.k WHEN 2 THEN t.s2 WHEN 3 THEN t.s3 ELSE t.s4 END AS ts,
	   CASE k.k WHEN 2 THEN c.s2 WHEN 3 THEN c.s3 ELSE c.s4 END AS cs
FROM jarms t JOIN jarms c ON t.sample_id < c.sample_id,
	 (VALUES (2), (3), (4)) k(k), (VALUES ('two-sided'), ('greater'), ('less')) a(alt)
WHERE CASE k.k WHEN 2 THEN t.s2 WHEN 3 THEN t.s3 ELSE t.s4 END IS NOT NULL
  AND CASE k.k WHEN 2 THEN c.s2 WHEN 3 THEN c.s3 ELSE c.s4 END IS NOT NULL;

CREATE TEMP VIEW jcmp AS
SELECT 'ratio' AS form, x.*, s.estimate AS s_est, s.std_error AS s_se,
	   s.rel_estimate AS s_rel, s.rel_std_error AS s_rel_se,
	   s.treatment_mean AS s_tm, s.control_mean AS s_cm,
	   s.variance_reduction AS s_vr, s.theta AS s_theta, s.ci_lower, s.ci_upper, s.p_value,
	   e.estimate AS e_est, e.std_error AS e_se, e.rel_estimate AS e_rel,
	   e.rel_std_error AS e_rel_se, e.treatment_mean AS e_tm,
	   e.control_mean AS e_cm, e.variance_reduction AS e_vr, e.theta AS e_theta, s.method,
	   n(x.ts) + n(x.cs) AS n_total
FROM jcases x,
	 LATERAL sequential_ratio_test(x.ts, x.cs, alternative => x.alt) s,
	 LATERAL ratio_test(x.ts, x.cs, alternative => x.alt, relative_ci => 'delta') e
WHERE x.k IN (2, 4)
UNION ALL
SELECT 'cuped', x.*, s.estimate, s.std_error, s.rel_estimate, s.rel_std_error,
	   s.treatment_mean, s.control_mean, s.variance_reduction, s.theta, s.ci_lower,
	   s.ci_upper, s.p_value, e.estimate, e.std_error, e.rel_estimate,
	   e.rel_std_error, e.treatment_mean, e.control_mean, e.variance_reduction,
	   e.theta, s.method, n(x.ts) + n(x.cs)
FROM jcases x,
	 LATERAL sequential_cuped_test(x.ts, x.cs, alternative => x.alt) s,
	 LATERAL cuped_test(x.ts, x.cs, alternative => x.alt, relative_ci => 'delta') e;

-- the multiplier of sequential_test at total n, for each alternative
CREATE FUNCTION pg_temp.mult(n bigint, alt text) RETURNS float8 LANGUAGE sql AS $$
	SELECT CASE WHEN alt = 'less' THEN (ci_upper - estimate) / std_error
				ELSE (estimate - ci_lower) / std_error END
	FROM sequential_test(stats_summary(n / 2, 1, 1), stats_summary(n - n / 2, 0, 1),
						 alternative => alt) $$;

SELECT form, count(*) AS cases,
	   count(*) FILTER (WHERE s_se IS NULL) AS undefined,
	   bool_and(s_est IS NOT DISTINCT FROM e_est AND s_rel IS NOT DISTINCT FROM e_rel
				AND s_tm IS NOT DISTINCT FROM e_tm AND s_cm IS NOT DISTINCT FROM e_cm
				AND (s_se IS NULL OR s_se = e_se)
				AND (s_se IS NULL OR s_rel_se IS NOT DISTINCT FROM e_rel_se)
				AND (s_se IS NULL OR s_vr IS NOT DISTINCT FROM e_vr)
				AND s_theta IS NOT DISTINCT FROM e_theta) AS same_as_effects,
	   bool_and(s_se IS NULL OR abs(CASE WHEN alt = 'less' THEN (ci_upper - s_est)
										 ELSE (s_est - ci_lower) END / s_se
									- pg_temp.mult(n_total, alt)) <= 1e-12) AS same_multiplier,
	   bool_and(s_se IS NULL OR (p_value < 0.05) = (ci_lower > 0 OR ci_upper < 0)) AS p_agrees
FROM jcmp GROUP BY form ORDER BY form;
SELECT DISTINCT form, k, method FROM jcmp ORDER BY form, k;

-- a zero denominator mean: the ratio is undefined, every field NULL but
-- the method; NULL arguments give NULL (the CUPED form is not STRICT:
-- theta defaults to NULL); bad arguments as for sequential_test
SELECT r.estimate, r.std_error, r.p_value, r.method
FROM (SELECT stats_agg(x, 0 * x) AS s FROM generate_series(1, 3) x) j,
	 LATERAL sequential_ratio_test(j.s, j.s) r;
CREATE TEMP TABLE j4 AS SELECT s2, s3, s4 FROM jarms WHERE s4 IS NOT NULL LIMIT 1;
SELECT sequential_ratio_test(NULL, NULL) IS NULL AS null_ratio,
	   sequential_cuped_test(NULL, NULL) IS NULL AS null_cuped,
	   sequential_cuped_test(s2, s2, tuning => NULL) IS NULL AS null_tuning,
	   sequential_cuped_test(s2, s2, theta => NULL) IS NULL AS theta_null_is_estimated
FROM j4;
SELECT sequential_ratio_test(s3, s3) FROM j4;
SELECT sequential_ratio_test(s2, s4) FROM j4;
SELECT sequential_cuped_test(s2, s2, theta => '{1, 2}') FROM j4;
SELECT sequential_cuped_test(s2, s2, tuning => 0) FROM j4;

-- sequential_test and ab_test(relative_ci => 'delta') report the same
-- estimates and standard errors, bit for bit, NULL where t_test's
-- statistic is NULL (the reference cases and the undefined ones above)
SELECT count(*) AS cases,
	   bool_and(s.estimate IS NOT DISTINCT FROM a.estimate
				AND s.rel_estimate IS NOT DISTINCT FROM a.rel_estimate
				AND s.std_error IS NOT DISTINCT FROM
					CASE WHEN a.statistic IS NOT NULL THEN a.std_error END
				AND s.rel_std_error IS NOT DISTINCT FROM
					CASE WHEN a.statistic IS NOT NULL THEN a.rel_std_error END) AS same_as_ab_test
FROM (SELECT stats_summary(n_t, mean_t, sd_t) AS t, stats_summary(n_c, mean_c, sd_c) AS c
	  FROM ref
	  UNION ALL VALUES (stats_summary(1, 3, 0), stats_summary(5, 2, 1)),
					   (stats_summary(10, 3, 0), stats_summary(10, 3, 0)),
					   (stats_summary(100, 0.5, 1), stats_summary(100, 0, 1)),
					   (stats_summary(4, 1e9, 1e-7), stats_summary(4, 1e9, 1e-7))) x,
	 LATERAL sequential_test(x.t, x.c) s,
	 LATERAL ab_test(x.t, x.c, relative_ci => 'delta') a;
