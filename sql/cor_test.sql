-- cor_test() and the joint_summary accessors against R's cor.test, mean,
-- var, cov and cor on the same samples (test/reference/gen_joint.R writes
-- the samples and R's results, and the exact values from 256-bit
-- arithmetic on the same doubles).
\getenv abs_srcdir PG_ABS_SRCDIR
\set csv :abs_srcdir '/test/reference/data/joint_samples.csv'
CREATE TEMP TABLE ref_pairs (sample_id text, x float8, y float8);
\set cmd '\\copy ref_pairs FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd
\set csv :abs_srcdir '/test/reference/data/joint_expected.csv'
CREATE TEMP TABLE ref_moments (sample_id text, kind text, source text, n bigint,
	mean_x float8, mean_y float8, var_x float8, var_y float8, cov float8, cor float8);
\set cmd '\\copy ref_moments FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd
\set csv :abs_srcdir '/test/reference/data/cor_test.csv'
CREATE TEMP TABLE ref_cor (case_id int, sample_id text, kind text, alternative text,
	conf_level float8, source text, statistic float8, df float8, p_value float8,
	estimate float8, ci_lower float8, ci_upper float8, method text);
\set cmd '\\copy ref_cor FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd
-- the two samples of 100 000 pairs, from the integer formulas of gen_joint.R
INSERT INTO ref_pairs
SELECT 'formula_100000', x, x / 2 + ((i * 104729) % 9973)::float8 / 1000
FROM (SELECT i, ((i * 7919) % 10007)::float8 / 100 AS x FROM generate_series(1::bigint, 100000) i) q;
INSERT INTO ref_pairs
SELECT 'formula_offset_100000', x + 1e6, x / 2 + ((i * 104729) % 9973)::float8 / 1000 + 1e9
FROM (SELECT i, ((i * 7919) % 10007)::float8 / 100 AS x FROM generate_series(1::bigint, 100000) i) q;

-- one joint summary per sample: metric 1 = x, metric 2 = y
CREATE TEMP TABLE ours AS
SELECT sample_id, stats_agg(x, y) AS s FROM ref_pairs GROUP BY sample_id;
SELECT count(*) AS samples, count(*) FILTER (WHERE o.sample_id IS NULL) AS missing
FROM (SELECT DISTINCT sample_id FROM ref_moments) r LEFT JOIN ours o USING (sample_id);

-- rel_err(ours, ref): relative error; 0 for equal values (NULLs, infinite
-- bounds), Infinity when one is NULL and the other not; below the smallest
-- normal double relative to that double.
CREATE FUNCTION pg_temp.rel_err(a float8, b float8) RETURNS float8
LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE WHEN a IS NULL AND b IS NULL THEN 0
		WHEN a IS NULL OR b IS NULL THEN 'Infinity'
		WHEN a = b THEN 0
		ELSE abs(a - b) / greatest(abs(b), 2.2250738585072014e-308) END $$;

-- 1. Accessors: n, means, variances, covariance, correlation, field by
--    field against R and against the exact values.
CREATE TEMP VIEW acc AS
SELECT r.sample_id, r.kind, r.source, f.field, f.ours, f.ref, pg_temp.rel_err(f.ours, f.ref) AS err
FROM ref_moments r JOIN ours o USING (sample_id)
CROSS JOIN LATERAL (VALUES
	('n', n(o.s)::float8, r.n::float8),
	('mean_x', mean(o.s, 1), r.mean_x), ('mean_y', mean(o.s, 2), r.mean_y),
	('var_x', variance(o.s, 1), r.var_x), ('var_y', variance(o.s, 2), r.var_y),
	-- the covariance's error is measured against sqrt(var_x var_y), the
	-- scale of its rounding (a covariance near 0 has no relative accuracy)
	('cov', CASE WHEN r.var_x * r.var_y > 0 THEN covariance(o.s, 1, 2) / sqrt(r.var_x * r.var_y)
		ELSE covariance(o.s, 1, 2) END,
		CASE WHEN r.var_x * r.var_y > 0 THEN r.cov / sqrt(r.var_x * r.var_y) ELSE r.cov END),
	('cor', correlation(o.s, 1, 2), r.cor)) f(field, ours, ref);
SELECT source, kind, count(DISTINCT sample_id) AS samples, count(*) AS fields,
	count(*) FILTER (WHERE err > 1e-10) AS above_1e_10,
	count(*) FILTER (WHERE ours IS NULL) AS null_fields
FROM acc GROUP BY source, kind ORDER BY source, kind;
-- against the exact values every field is within 1e-12
SELECT count(*) AS fields, count(*) FILTER (WHERE err > 1e-12) AS above_1e_12
FROM acc WHERE source = 'exact';
-- worst offenders against R (listed when above 1e-10)
SELECT sample_id, field, ours, ref, err FROM acc
WHERE source = 'R' AND err > 1e-10 ORDER BY err DESC LIMIT 10;

-- 2. cor_test against R's cor.test and the exact values, to 1e-10
--    relative; except on the near-collinear samples, where any double
--    computation of 1 - r^2 from co-moments a few ulps off is off by
--    ~eps / (1 - r^2) relative (1 - r^2 is 1e-6 and 2.5e-13 there: R's own
--    t is off by 7e-11 and 2e-4 against the exact value); there the bound is
--    18 eps / (1 - r^2) for the statistic and the interval, times df for
--    the p-value (t^-df in the tail).
CREATE TEMP TABLE got AS
SELECT r.case_id, t.*
FROM (SELECT DISTINCT case_id, sample_id, alternative, conf_level FROM ref_cor) r
JOIN ours o USING (sample_id),
	LATERAL cor_test(o.s, 1, 2, r.alternative, r.conf_level) t;
CREATE TEMP VIEW cmp AS
SELECT g.case_id, r.sample_id, r.kind, r.source, f.field, f.ours, f.ref,
	pg_temp.rel_err(f.ours, f.ref) AS err,
	CASE WHEN r.kind = 'near1' THEN 4e-15 / (1 - x.estimate ^ 2)
		* CASE WHEN f.field = 'p_value' THEN x.df ELSE 1 END
		ELSE 1e-10 END AS tol,
	g.method = r.method AS method_ok
FROM got g JOIN ref_cor r USING (case_id)
JOIN ref_cor x ON x.case_id = g.case_id AND x.source = 'exact'
CROSS JOIN LATERAL (VALUES
	('statistic', g.statistic, r.statistic), ('df', g.df, r.df),
	('p_value', g.p_value, r.p_value), ('estimate', g.estimate, r.estimate),
	('ci_lower', g.ci_lower, r.ci_lower), ('ci_upper', g.ci_upper, r.ci_upper)) f(field, ours, ref);
SELECT source, kind, count(DISTINCT case_id) AS cases, count(*) AS fields,
	count(*) FILTER (WHERE err > tol) AS above_tolerance,
	count(*) FILTER (WHERE err > 1e-10) AS above_1e_10,
	count(*) FILTER (WHERE ours IS NULL) AS null_fields,
	count(*) FILTER (WHERE ours IN (-1, 1) AND field LIKE 'ci%') AS one_sided_ends,
	bool_and(method_ok) AS methods_ok
FROM cmp GROUP BY source, kind ORDER BY source, kind;
-- cases and alternatives covered; sample sizes from 3 to 100 000
SELECT count(DISTINCT case_id) AS cases, count(DISTINCT sample_id) AS samples,
	min(n(s)) AS smallest, max(n(s)) AS largest,
	count(DISTINCT r.alternative) AS alternatives, count(DISTINCT r.conf_level) AS conf_levels
FROM ref_cor r JOIN ours USING (sample_id);
-- worst offenders (listed when above their tolerance)
SELECT sample_id, source, field, ours, ref, err, tol FROM cmp
WHERE err > tol ORDER BY err / tol DESC LIMIT 10;

-- 3. Edge cases and arguments.
-- fewer than 3 pairs: everything but the method is NULL (R stops)
SELECT * FROM cor_test('v1 k=2 n=2 mean=[1,2] c=[[0.5,0.5],[0.5]]');
-- n = 3: the test, no interval (R's cor.test gives none for n <= 3)
SELECT statistic IS NOT NULL AS has_t, df, ci_lower, ci_upper
FROM cor_test((SELECT s FROM ours WHERE sample_id = 'three_points'));
-- a metric with zero variance: r undefined, df defined
SELECT * FROM cor_test('v1 k=2 n=5 mean=[1,2] c=[[2,0],[0]]');
-- |r| = 1: t infinite, p = 0, the interval is the point
SELECT * FROM cor_test('v1 k=2 n=5 mean=[1,2] c=[[2,-4],[8]]');
SELECT * FROM cor_test('v1 k=2 n=5 mean=[1,2] c=[[2,4],[8]]', alternative => 'greater');
-- one-sided intervals end at -1 or 1, as R reports them
SELECT alternative, ci_lower, ci_upper
FROM (VALUES ('less'), ('greater'), ('two-sided')) a(alternative),
	LATERAL cor_test('v1 k=2 n=20 mean=[1,2] c=[[2,1],[8]]', alternative => a.alternative);
-- metrics of a larger summary, in either order
SELECT i, j, round(estimate::numeric, 12) AS estimate, round(p_value::numeric, 12) AS p_value
FROM (VALUES (1, 2), (2, 1), (1, 3), (3, 2)) v(i, j),
	LATERAL cor_test('v1 k=3 n=20 mean=[1,2,3] c=[[2,1,-1],[8,0.5],[4]]', v.i, v.j);
-- errors (22023, naming the argument)
SELECT * FROM cor_test('v1 k=2 n=20 mean=[1,2] c=[[2,1],[8]]', 1, 3);
SELECT * FROM cor_test('v1 k=2 n=20 mean=[1,2] c=[[2,1],[8]]', 0, 2);
SELECT * FROM cor_test('v1 k=2 n=20 mean=[1,2] c=[[2,1],[8]]', 2, 2);
SELECT * FROM cor_test('v1 k=2 n=20 mean=[1,2] c=[[2,1],[8]]', alternative => 'two_sided');
SELECT * FROM cor_test('v1 k=2 n=20 mean=[1,2] c=[[2,1],[8]]', conf_level => 1);
SELECT * FROM cor_test('v1 k=2 n=20 mean=[1,2] c=[[2,1],[8]]', conf_level => 'NaN');
-- NULL in, NULL out
SELECT cor_test(NULL::joint_summary) IS NULL AS null_summary,
	cor_test('v1 k=2 n=20 mean=[1,2] c=[[2,1],[8]]', alternative => NULL) IS NULL AS null_alternative;
-- from a one-scan query and from rolled-up stored summaries alike
SELECT (SELECT p_value FROM cor_test(stats_agg(x, y))) = (SELECT p_value FROM cor_test(s)) AS same_p
FROM ref_pairs JOIN ours USING (sample_id) WHERE sample_id = 'revenue_sessions_1000'
GROUP BY s;
SELECT abs(t.p_value - u.p_value) <= 1e-12 * u.p_value AS rollup_same_p
FROM (SELECT rollup(s) AS s FROM (SELECT stats_agg(x, y) AS s FROM ref_pairs
		WHERE sample_id = 'orders_sessions_5000' GROUP BY x) parts) r,
	LATERAL cor_test(r.s) t,
	LATERAL cor_test((SELECT s FROM ours WHERE sample_id = 'orders_sessions_5000')) u;
