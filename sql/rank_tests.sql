-- Rank tests on stats_sample: mann_whitney_test, signed_rank_test, ks_test,
-- kruskal_test, and quantile(), against R 4.2 (test/reference/gen_ranks.R,
-- which states the accuracy of each expected value), then the argument
-- checks, NULL rules, and kruskal_test in parallel plans.
\set VERBOSITY default
\set SHOW_CONTEXT never

-- close(a, b, rel, abs): equal to rel relative plus abs absolute (NULL only
-- where both are NULL; infinities must match)
CREATE FUNCTION pg_temp.close(a float8, b float8, rel float8, ab float8 DEFAULT 0) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE WHEN a IS NULL OR b IS NULL THEN a IS NULL AND b IS NULL
		WHEN a = b THEN true
		WHEN a IN ('Infinity', '-Infinity') OR b IN ('Infinity', '-Infinity') THEN false
		ELSE abs(a - b) <= rel * greatest(abs(a), abs(b)) + ab END
$$;
-- the relative difference, for the lists of worst cases
CREATE FUNCTION pg_temp.rel(a float8, b float8) RETURNS float8
LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE WHEN a = b THEN 0 WHEN a IS NULL OR b IS NULL THEN NULL
		ELSE abs(a - b) / greatest(abs(a), abs(b)) END
$$;

-- ---------------------------------------------------------------------
-- The samples: value = k / divisor, as in R
-- ---------------------------------------------------------------------
\getenv abs_srcdir PG_ABS_SRCDIR
CREATE TEMP TABLE rk_info (sid int, name text, divisor float8, n int);
CREATE TEMP TABLE rk_values (sid int, k float8);
\set csv :abs_srcdir '/test/reference/data/ranks_info.csv'
\set cmd '\\copy rk_info FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd
\set csv :abs_srcdir '/test/reference/data/ranks_samples.csv'
\set cmd '\\copy rk_values FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd
CREATE TEMP TABLE rk AS
SELECT sid, i.name, sample_agg(v.k / i.divisor) AS s
FROM rk_values v JOIN rk_info i USING (sid) GROUP BY sid, i.name;
SELECT count(*) AS samples, sum(n(s)) AS values,
	count(*) FILTER (WHERE n(s) = i.n) AS sizes_match
FROM rk JOIN rk_info i USING (sid);

-- ---------------------------------------------------------------------
-- quantile(s, q): R's quantile(x, q, type = 7), the same arithmetic, so
-- every value is bit-identical
-- ---------------------------------------------------------------------
CREATE TEMP TABLE rk_q (sid int, q float8, expected float8);
\set csv :abs_srcdir '/test/reference/data/ranks_quantile.csv'
\set cmd '\\copy rk_q FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd
SELECT count(*) AS quantiles,
	count(*) FILTER (WHERE quantile(s, q) = expected) AS identical,
	count(*) FILTER (WHERE median(s) = expected AND q = 0.5) AS medians_identical
FROM rk_q JOIN rk USING (sid);
SELECT name, q, quantile(s, q), expected FROM rk_q JOIN rk USING (sid)
WHERE quantile(s, q) <> expected;

-- ---------------------------------------------------------------------
-- mann_whitney_test: R's wilcox.test(x, y, conf.int = TRUE)
-- ---------------------------------------------------------------------
CREATE TEMP TABLE rk_mw (sid_x int, sid_y int, alternative text, mu float8, correct boolean,
	exact boolean, conf_level float8, statistic float8, p_value float8, estimate float8,
	ci_lower float8, ci_upper float8, est_lo float8, est_hi float8, r_error int, p_alt float8,
	method text);
\set csv :abs_srcdir '/test/reference/data/ranks_mw.csv'
\set cmd '\\copy rk_mw FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd
CREATE TEMP TABLE rk_mw_res AS
SELECT c.*,
	-- every observation tied: R's p-value is 1 (one-sided) or NaN; ours NULL
	(quantile(x.s, 0) - c.mu = quantile(x.s, 1) - c.mu AND quantile(x.s, 0) - c.mu = quantile(y.s, 0)
		AND quantile(y.s, 0) = quantile(y.s, 1)) AS all_tied,
	r.statistic AS o_statistic, r.p_value AS o_p, r.estimate AS o_estimate,
	r.ci_lower AS o_lower, r.ci_upper AS o_upper, r.method AS o_method,
	-- the expected estimate: R's root, or the midpoint where W is flat at 0
	coalesce((c.est_lo + c.est_hi) / 2, c.estimate) AS want_estimate
FROM rk_mw c JOIN rk x ON x.sid = c.sid_x JOIN rk y ON y.sid = c.sid_y,
	LATERAL mann_whitney_test(x.s, y.s, c.alternative, c.mu, c.correct, c.exact, c.conf_level) r;
SELECT count(*) AS cases,
	count(*) FILTER (WHERE method LIKE '%exact%') AS exact_cases,
	count(*) FILTER (WHERE est_lo IS NOT NULL) AS flat_estimates,
	count(*) FILTER (WHERE r_error = 1) AS r_stops,
	count(*) FILTER (WHERE all_tied) AS all_tied,
	count(*) FILTER (WHERE o_method <> method) AS method_differs,
	count(*) FILTER (WHERE NOT pg_temp.close(o_statistic, statistic, 1e-10)) AS statistic_differs,
	count(*) FILTER (WHERE NOT (pg_temp.close(o_p, p_value, 1e-10) OR (all_tied AND o_p IS NULL))) AS p_differs,
	count(*) FILTER (WHERE p_alt IS NOT NULL AND NOT pg_temp.close(o_p, p_alt, 1e-10)) AS p_differs_exactranktests,
	count(*) FILTER (WHERE r_error = 0 AND NOT (pg_temp.close(o_estimate, want_estimate, 1e-10, 1e-11)
		AND pg_temp.close(o_lower, ci_lower, 1e-10, 1e-11)
		AND pg_temp.close(o_upper, ci_upper, 1e-10, 1e-11))) AS interval_differs
FROM rk_mw_res;
-- the worst cases, if any
SELECT sid_x, sid_y, alternative, mu, correct, exact, conf_level, method,
	statistic, o_statistic, p_value, o_p, want_estimate, o_estimate, ci_lower, o_lower, ci_upper, o_upper
FROM rk_mw_res
WHERE o_method <> method OR NOT pg_temp.close(o_statistic, statistic, 1e-10)
	OR NOT (pg_temp.close(o_p, p_value, 1e-10) OR (all_tied AND o_p IS NULL))
	OR (r_error = 0 AND NOT (pg_temp.close(o_estimate, want_estimate, 1e-10, 1e-11)
		AND pg_temp.close(o_lower, ci_lower, 1e-10, 1e-11) AND pg_temp.close(o_upper, ci_upper, 1e-10, 1e-11)))
ORDER BY greatest(pg_temp.rel(o_p, p_value), pg_temp.rel(o_estimate, want_estimate),
	pg_temp.rel(o_lower, ci_lower), pg_temp.rel(o_upper, ci_upper)) DESC NULLS FIRST
LIMIT 10;
-- where R stops (every observation tied), the interval is NULL here
SELECT count(*) AS r_stops, count(*) FILTER (WHERE o_lower IS NULL OR o_upper IS NULL) AS null_interval
FROM rk_mw_res WHERE r_error = 1;

-- ---------------------------------------------------------------------
-- signed_rank_test: R's wilcox.test(x, mu = mu, conf.int = TRUE)
-- ---------------------------------------------------------------------
CREATE TEMP TABLE rk_sr (sid int, mu float8, alternative text, correct boolean, exact boolean,
	conf_level float8, statistic float8, p_value float8, estimate float8, ci_lower float8,
	ci_upper float8, est_lo float8, est_hi float8, r_error int, p_alt float8, method text);
\set csv :abs_srcdir '/test/reference/data/ranks_sr.csv'
\set cmd '\\copy rk_sr FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd
CREATE TEMP TABLE rk_sr_res AS
SELECT c.*,
	-- every value equal to mu: R's p-value is 1 (one-sided) or NaN; ours NULL
	(quantile(x.s, 0) = c.mu AND quantile(x.s, 1) = c.mu) AS all_tied,
	r.statistic AS o_statistic, r.p_value AS o_p, r.estimate AS o_estimate,
	r.ci_lower AS o_lower, r.ci_upper AS o_upper, r.method AS o_method,
	coalesce((c.est_lo + c.est_hi) / 2, c.estimate) AS want_estimate
FROM rk_sr c JOIN rk x USING (sid),
	LATERAL signed_rank_test(x.s, c.mu, c.alternative, c.correct, c.exact, c.conf_level) r;
SELECT count(*) AS cases,
	count(*) FILTER (WHERE method LIKE '%exact%') AS exact_cases,
	count(*) FILTER (WHERE est_lo IS NOT NULL) AS flat_estimates,
	count(*) FILTER (WHERE r_error = 1) AS r_stops,
	count(*) FILTER (WHERE all_tied) AS all_tied,
	count(*) FILTER (WHERE o_method <> method) AS method_differs,
	count(*) FILTER (WHERE NOT pg_temp.close(o_statistic, statistic, 1e-10)) AS statistic_differs,
	count(*) FILTER (WHERE NOT (pg_temp.close(o_p, p_value, 1e-10) OR (all_tied AND o_p IS NULL))) AS p_differs,
	count(*) FILTER (WHERE p_alt IS NOT NULL AND NOT pg_temp.close(o_p, p_alt, 1e-10)) AS p_differs_exactranktests,
	count(*) FILTER (WHERE r_error = 0 AND NOT (pg_temp.close(o_estimate, want_estimate, 1e-10, 1e-11)
		AND pg_temp.close(o_lower, ci_lower, 1e-10, 1e-11)
		AND pg_temp.close(o_upper, ci_upper, 1e-10, 1e-11))) AS interval_differs
FROM rk_sr_res;
SELECT sid, mu, alternative, correct, exact, conf_level, method,
	statistic, o_statistic, p_value, o_p, want_estimate, o_estimate, ci_lower, o_lower, ci_upper, o_upper
FROM rk_sr_res
WHERE o_method <> method OR NOT pg_temp.close(o_statistic, statistic, 1e-10)
	OR NOT (pg_temp.close(o_p, p_value, 1e-10) OR (all_tied AND o_p IS NULL))
	OR (r_error = 0 AND NOT (pg_temp.close(o_estimate, want_estimate, 1e-10, 1e-11)
		AND pg_temp.close(o_lower, ci_lower, 1e-10, 1e-11) AND pg_temp.close(o_upper, ci_upper, 1e-10, 1e-11)))
ORDER BY greatest(pg_temp.rel(o_p, p_value), pg_temp.rel(o_estimate, want_estimate),
	pg_temp.rel(o_lower, ci_lower), pg_temp.rel(o_upper, ci_upper)) DESC NULLS FIRST
LIMIT 10;

-- ---------------------------------------------------------------------
-- ks_test: R 4.2.2's ks.test(x, y).  R's statistic is a running sum of
-- 1/n's (1e-14 absolute).  Exact p-values are compared with the exact
-- fractions counted in big integers (gen_ranks_ks.R) at 1e-10 relative,
-- and with R's 1 - P at 1e-12 absolute (its accuracy); asymptotic two-sided
-- ones with the series summed at 128 bits at 1e-10 (R's own is within 1e-4
-- of it, and 0 where it is below 1e-16: R computes 1 - P)
-- ---------------------------------------------------------------------
CREATE TEMP TABLE rk_ks (sid_x int, sid_y int, alternative text, exact boolean,
	statistic float8, p_value float8, p_accurate float8, method text);
\set csv :abs_srcdir '/test/reference/data/ranks_ks.csv'
\set cmd '\\copy rk_ks FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd
CREATE TEMP TABLE rk_ks_exact (sid_x int, sid_y int, alternative text, p_exact float8);
\set csv :abs_srcdir '/test/reference/data/ranks_ks_exact.csv'
\set cmd '\\copy rk_ks_exact FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd
CREATE TEMP TABLE rk_ks_res AS
SELECT c.*, CASE WHEN c.method LIKE 'Exact%' THEN e.p_exact ELSE c.p_accurate END AS want_p,
	r.statistic AS o_statistic, r.p_value AS o_p, r.method AS o_method
FROM rk_ks c JOIN rk x ON x.sid = c.sid_x JOIN rk y ON y.sid = c.sid_y
	LEFT JOIN rk_ks_exact e USING (sid_x, sid_y, alternative),
	LATERAL ks_test(x.s, y.s, c.alternative, c.exact) r;
SELECT count(*) AS cases,
	count(*) FILTER (WHERE method LIKE 'Exact%') AS exact_cases,
	count(*) FILTER (WHERE o_method <> method) AS method_differs,
	count(*) FILTER (WHERE NOT pg_temp.close(o_statistic, statistic, 1e-10, 1e-14)) AS statistic_differs,
	count(*) FILTER (WHERE NOT pg_temp.close(o_p, want_p, 1e-10)) AS p_differs,
	count(*) FILTER (WHERE method LIKE 'Exact%' AND NOT pg_temp.close(o_p, p_value, 0, 1e-12)) AS p_differs_from_r_exact,
	count(*) FILTER (WHERE method LIKE 'Asym%' AND NOT pg_temp.close(o_p, p_value, 1e-4, 1e-14)) AS p_differs_from_r_asymptotic
FROM rk_ks_res;
SELECT sid_x, sid_y, alternative, exact, method, statistic, o_statistic, want_p, p_value, o_p
FROM rk_ks_res
WHERE o_method <> method OR NOT pg_temp.close(o_statistic, statistic, 1e-10, 1e-14)
	OR NOT pg_temp.close(o_p, want_p, 1e-10)
ORDER BY pg_temp.rel(o_p, want_p) DESC NULLS FIRST LIMIT 10;

-- ---------------------------------------------------------------------
-- kruskal_test: R's kruskal.test(list(...)), each arm split over several
-- rows (rows of one arm are merged first)
-- ---------------------------------------------------------------------
CREATE TEMP TABLE rk_kw (sids text, statistic float8, df float8, p_value float8);
\set csv :abs_srcdir '/test/reference/data/ranks_kw.csv'
\set cmd '\\copy rk_kw FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd
CREATE TEMP TABLE rk_values_rn AS SELECT sid, k, row_number() OVER () AS rn FROM rk_values;
CREATE INDEX ON rk_values_rn (sid);
ANALYZE rk_values_rn;
CREATE TEMP TABLE rk_kw_res AS
SELECT c.*, (SELECT kruskal_test(p.name, p.s)
		FROM (SELECT i.name, sample_agg(v.k / i.divisor) AS s
			FROM unnest(string_to_array(c.sids, ';')::int[]) a_sid
			JOIN rk_info i ON i.sid = a_sid JOIN rk_values_rn v ON v.sid = a_sid
			GROUP BY i.name, v.rn % 3) p) AS r
FROM rk_kw c;
SELECT count(*) AS cases,
	count(*) FILTER (WHERE NOT pg_temp.close((r).statistic, statistic, 1e-10)) AS statistic_differs,
	count(*) FILTER (WHERE NOT pg_temp.close((r).df, df, 0)) AS df_differs,
	count(*) FILTER (WHERE NOT pg_temp.close((r).p_value, p_value, 1e-10)) AS p_differs
FROM rk_kw_res;
SELECT sids, statistic, (r).statistic, df, (r).df, p_value, (r).p_value FROM rk_kw_res
WHERE NOT pg_temp.close((r).statistic, statistic, 1e-10) OR NOT pg_temp.close((r).p_value, p_value, 1e-10);

-- ---------------------------------------------------------------------
-- Selection against brute force: the median of all pairwise differences
-- and of all Walsh averages, formed in SQL, on tie-heavy samples
-- ---------------------------------------------------------------------
CREATE TEMP TABLE rk_bx AS SELECT (i % 17) * 0.25 + (i % 5) AS x FROM generate_series(1, 300) i;
CREATE TEMP TABLE rk_by AS SELECT (i % 13) * 0.3 - (i % 3) AS y FROM generate_series(1, 200) i;
SELECT (SELECT estimate FROM mann_whitney_test((SELECT sample_agg(x) FROM rk_bx), (SELECT sample_agg(y) FROM rk_by)))
	= (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x - y) FROM rk_bx, rk_by) AS hl_shift_equal,
	(SELECT estimate FROM signed_rank_test((SELECT sample_agg(x) FROM rk_bx), mu => 2))
	= (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY (a.x + b.x) / 2)
		FROM (SELECT x, row_number() OVER () AS i FROM rk_bx WHERE x <> 2) a,
			(SELECT x, row_number() OVER () AS i FROM rk_bx WHERE x <> 2) b WHERE a.i <= b.i) AS pseudo_median_equal;

-- ---------------------------------------------------------------------
-- Arguments, NULLs and limits
-- ---------------------------------------------------------------------
-- the paired test: the signed rank test of the differences (R:
-- wilcox.test(after, before, paired = TRUE))
CREATE TEMP TABLE rk_paired (subject int, before float8, after float8);
INSERT INTO rk_paired VALUES (1, 200.1, 190.5), (2, 180.3, 178.2), (3, 210.0, 199.9),
	(4, 195.5, 196.0), (5, 188.8, 180.1), (6, 201.2, 195.3), (7, 190.0, 185.5);
SELECT * FROM signed_rank_test((SELECT sample_agg(after - before) FROM rk_paired));
-- untyped literals are stats_sample (the only overload)
SELECT statistic, p_value, method FROM mann_whitney_test('v1 n=3 1 2 3', 'v1 n=2 1.5 4');
SELECT statistic, p_value, method FROM ks_test('v1 n=3 1 2 3', 'v1 n=2 1.5 4');
-- the functions are not STRICT (exact defaults to NULL): a NULL in any other
-- argument gives NULL, exact => NULL means R's rule
SELECT proname, proisstrict FROM pg_proc
WHERE proname IN ('mann_whitney_test', 'signed_rank_test', 'ks_test') ORDER BY proname;
SELECT mann_whitney_test(NULL, 'v1 n=1 1') IS NULL AS null_treatment,
	mann_whitney_test('v1 n=1 1', 'v1 n=1 2', alternative => NULL) IS NULL AS null_alternative,
	mann_whitney_test('v1 n=1 1', 'v1 n=1 2', mu => NULL) IS NULL AS null_mu,
	mann_whitney_test('v1 n=1 1', 'v1 n=1 2', correct => NULL) IS NULL AS null_correct,
	mann_whitney_test('v1 n=1 1', 'v1 n=1 2', conf_level => NULL) IS NULL AS null_conf_level,
	(mann_whitney_test('v1 n=1 1', 'v1 n=1 2', exact => NULL)).method AS null_exact,
	signed_rank_test(NULL) IS NULL AS sr_null_x,
	signed_rank_test('v1 n=1 1', mu => NULL) IS NULL AS sr_null_mu,
	ks_test('v1 n=1 1', NULL) IS NULL AS ks_null_control,
	ks_test('v1 n=1 1', 'v1 n=1 2', alternative => NULL) IS NULL AS ks_null_alternative;
-- undefined results are NULL: every observation tied
SELECT * FROM mann_whitney_test('v1 n=3 5*3', 'v1 n=2 5*2');
SELECT * FROM signed_rank_test('v1 n=3 5*3', mu => 5);
SELECT * FROM mann_whitney_test('v1 n=3 5*3', 'v1 n=2 5*2', alternative => 'greater');
-- invalid arguments: 22023, naming the argument
SELECT * FROM mann_whitney_test('v1 n=2 1 2', 'v1 n=2 3 4', alternative => 'bigger');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM mann_whitney_test('v1 n=2 1 2', 'v1 n=2 3 4', conf_level => 1);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM mann_whitney_test('v1 n=2 1 2', 'v1 n=2 3 4', mu => 'Infinity');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM signed_rank_test('v1 n=2 1 2', conf_level => 'NaN');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM signed_rank_test('v1 n=2 1 2', mu => 'NaN');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM ks_test('v1 n=2 1 2', 'v1 n=2 3 4', alternative => 'two_sided');
\echo :LAST_ERROR_SQLSTATE
-- exact => true within and beyond the exact distributions' limits
SELECT method, p_value < 1e-20 AS tiny_p
FROM mann_whitney_test((SELECT sample_agg(x) FROM generate_series(1, 100) x),
	(SELECT sample_agg(x + 80.5) FROM generate_series(1, 100) x), exact => true);
SELECT * FROM mann_whitney_test((SELECT sample_agg(x) FROM generate_series(1, 101) x),
	(SELECT sample_agg(x + 0.5) FROM generate_series(1, 100) x), exact => true);
\echo :LAST_ERROR_SQLSTATE
SELECT method FROM signed_rank_test((SELECT sample_agg(x) FROM generate_series(1, 1000) x), exact => true);
SELECT * FROM signed_rank_test((SELECT sample_agg(x) FROM generate_series(1, 1001) x), exact => true);
\echo :LAST_ERROR_SQLSTATE
-- with ties exact => true falls back to the normal approximation, as in R
SELECT method FROM mann_whitney_test('v1 n=3 1 2*2', 'v1 n=2 2 5', exact => true);

-- ---------------------------------------------------------------------
-- kruskal_test: NULLs, empty arms, parallel plans
-- ---------------------------------------------------------------------
-- rows with a NULL arm are skipped; an arm whose samples are all NULL (no
-- data yet) makes the result undefined; fewer than two arms too; no rows:
-- NULL
SELECT (kruskal_test(a, s)).* FROM (VALUES ('x', 'v1 n=3 1 2 3'::stats_sample), ('y', 'v1 n=2 4 5'),
	(NULL, 'v1 n=1 100')) v(a, s);
SELECT (kruskal_test(a, s)).* FROM (VALUES ('x', 'v1 n=3 1 2 3'::stats_sample), ('y', 'v1 n=2 4 5'),
	('z', NULL)) v(a, s);
SELECT (kruskal_test(a, s)).* FROM (VALUES ('x', 'v1 n=3 1 2 3'::stats_sample), ('x', 'v1 n=2 4 5')) v(a, s);
SELECT kruskal_test(a, s) IS NULL AS no_rows FROM (VALUES ('x', 'v1 n=1 1'::stats_sample)) v(a, s) WHERE false;
SELECT (kruskal_test(a, s)).* FROM (VALUES ('x', 'v1 n=2 3*2'::stats_sample), ('y', 'v1 n=1 3')) v(a, s);
-- the usual shape: one sample per arm from a GROUP BY, and the same over
-- raw rows split into many samples per arm, serial and forced parallel
CREATE TEMP TABLE rk_arms AS
SELECT i, chr(65 + i % 4) AS arm, (i % 4) * 0.1 + (i * 7919 % 1000) / 100.0 AS x
FROM generate_series(1, 40000) i;
ANALYZE rk_arms;
SET max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE rk_kw_serial AS
SELECT (kruskal_test(arm, s)).* FROM (SELECT arm, sample_agg(x) AS s FROM rk_arms GROUP BY arm) q;
SELECT * FROM rk_kw_serial;
CREATE TABLE rk_arm_days AS SELECT arm, i % 50 AS day, sample_agg(x) AS s FROM rk_arms GROUP BY 1, 2;
ALTER TABLE rk_arm_days SET (parallel_workers = 2);
ANALYZE rk_arm_days;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT kruskal_test(arm, s) FROM rk_arm_days;
SELECT k.statistic = s.statistic AS statistic_equal, k.p_value = s.p_value AS p_equal
FROM (SELECT (kruskal_test(arm, s)).* FROM rk_arm_days) k, rk_kw_serial s;
RESET max_parallel_workers_per_gather;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
DROP TABLE rk_arm_days;
