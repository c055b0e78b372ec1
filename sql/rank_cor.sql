-- rank_cor_test(x, y [, method [, alternative]]): Spearman's and Kendall's
-- rank correlation tests over paired rows, against R 4.2's cor.test
-- (test/reference/gen_rank_cor.R, which states the accuracy of each
-- expected value), then NULLs, options, errors and parallel plans.
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
CREATE FUNCTION pg_temp.rel(a float8, b float8) RETURNS float8
LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE WHEN a = b THEN 0 WHEN a IS NULL OR b IS NULL THEN NULL
		ELSE abs(a - b) / greatest(abs(a), abs(b)) END
$$;

-- ---------------------------------------------------------------------
-- The references: x = kx / divisor, y = ky / divisor, as in R
-- ---------------------------------------------------------------------
\getenv abs_srcdir PG_ABS_SRCDIR
CREATE TEMP TABLE rc_pairs (cid int, kx float8, ky float8);
CREATE TEMP TABLE rc_cases (cid int, name text, divisor float8, n bigint, method text,
	alternative text, statistic float8, p_value float8, estimate float8, s_exact float8,
	p_exact float8, r_error boolean);
\set csv :abs_srcdir '/test/reference/data/rank_cor_pairs.csv'
\set cmd '\\copy rc_pairs FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd
\set csv :abs_srcdir '/test/reference/data/rank_cor_cases.csv'
\set cmd '\\copy rc_cases FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd
CREATE TEMP TABLE rc_xy AS
SELECT p.cid, p.kx / c.divisor AS x, p.ky / c.divisor AS y
FROM rc_pairs p JOIN (SELECT DISTINCT cid, divisor FROM rc_cases) c USING (cid);
CREATE INDEX ON rc_xy (cid);
ANALYZE rc_xy;
SELECT count(DISTINCT cid) AS samples, count(*) AS pairs, count(*) FILTER (WHERE r_error) AS r_errors
FROM rc_xy JOIN (SELECT DISTINCT cid, r_error FROM rc_cases) c USING (cid);

CREATE TEMP TABLE rc_res AS
SELECT c.*, (SELECT rank_cor_test(x, y, c.method, c.alternative) FROM rc_xy WHERE rc_xy.cid = c.cid) AS r
FROM rc_cases c;
-- estimate: 1e-10 relative; S against its 256-bit value at 1e-10, against
-- R's at 1e-10 plus 1e-15 (n^3 - n) / 6; the p-value against the accurate
-- value at 1e-10, against R's at 1e-10 plus 1e-14 (R's 1 - P); Kendall's
-- T and z at 1e-10 against R
SELECT method, count(*) AS cases,
	count(*) FILTER (WHERE NOT pg_temp.close((r).estimate, estimate, 1e-10)) AS estimate_differs,
	count(*) FILTER (WHERE method = 'spearman' AND NOT pg_temp.close((r).statistic, s_exact, 1e-10)) AS s_differs_exact,
	count(*) FILTER (WHERE NOT pg_temp.close((r).statistic, statistic, 1e-10,
		CASE WHEN method = 'spearman' THEN 1e-15 * (n ^ 3 - n) / 6 ELSE 0 END)) AS statistic_differs_r,
	count(*) FILTER (WHERE NOT pg_temp.close((r).p_value, p_exact, 1e-10)) AS p_differs_exact,
	count(*) FILTER (WHERE NOT pg_temp.close((r).p_value, p_value, 1e-10, 1e-14)) AS p_differs_r,
	count(*) FILTER (WHERE (r).n <> n) AS n_differs
FROM rc_res GROUP BY method ORDER BY method;
SELECT cid, name, method, alternative, (r).statistic, statistic, s_exact, (r).p_value, p_value, p_exact,
	(r).estimate, estimate
FROM rc_res
WHERE NOT pg_temp.close((r).estimate, estimate, 1e-10)
	OR (method = 'spearman' AND NOT pg_temp.close((r).statistic, s_exact, 1e-10))
	OR NOT pg_temp.close((r).statistic, statistic, 1e-10, CASE WHEN method = 'spearman' THEN 1e-15 * (n ^ 3 - n) / 6 ELSE 0 END)
	OR NOT pg_temp.close((r).p_value, p_exact, 1e-10)
	OR NOT pg_temp.close((r).p_value, p_value, 1e-10, 1e-14)
ORDER BY pg_temp.rel((r).p_value, p_exact) DESC NULLS FIRST LIMIT 20;
-- every branch of R's is exercised (the method says which)
SELECT (r).method, count(*) FROM rc_res GROUP BY 1 ORDER BY 1;
-- the worst relative differences from the accurate values, for the record
SELECT method, max(pg_temp.rel((r).p_value, p_exact)) < 1e-12 AS p_below_1e12,
	max(pg_temp.rel((r).estimate, estimate)) < 1e-14 AS estimate_below_1e14
FROM rc_res GROUP BY 1 ORDER BY 1;

-- ---------------------------------------------------------------------
-- NULLs, options, errors
-- ---------------------------------------------------------------------
CREATE TEMP TABLE rc_small (x float8, y float8);
INSERT INTO rc_small VALUES (1, 2), (2, 1), (3, 4), (4, 3), (5, 6), (6, 5), (7, 8);
-- R: cor.test(x, y, method = "spearman"): S = 6, p-value = 0.0123, rho 0.8928571;
-- method = "kendall": T = 18, p-value = 0.03016, tau 0.7142857; alternative =
-- "less": p-value 0.994642857142857
SELECT * FROM (SELECT (rank_cor_test(x, y)).* FROM rc_small) s;
SELECT * FROM (SELECT (rank_cor_test(x, y, 'kendall')).* FROM rc_small) k;
SELECT * FROM (SELECT (rank_cor_test(x, y, 'kendall', 'less')).* FROM rc_small) k;
-- rows with a NULL x or y are skipped (R's complete cases)
SELECT (rank_cor_test(x, y)).* FROM (SELECT * FROM rc_small UNION ALL VALUES (NULL, 100), (100, NULL)) v;
-- fewer than two complete pairs: NULL fields; no complete pair: NULL
SELECT (rank_cor_test(x, y)).* FROM (VALUES (1.0::float8, 2.0::float8), (2, NULL)) v(x, y);
SELECT rank_cor_test(x, y) IS NULL AS no_pairs FROM (VALUES (NULL::float8, 1.0::float8)) v(x, y);
SELECT rank_cor_test(x, y) IS NULL AS no_rows FROM rc_small WHERE false;
-- every x tied: no correlation (NULL fields)
SELECT (rank_cor_test(1.0, y, 'kendall')).* FROM rc_small;
-- R's spelling 'two.sided' equals 'two-sided' (the same option on every row)
SELECT (rank_cor_test(x, y, 'spearman', CASE WHEN x < 4 THEN 'two.sided' ELSE 'two-sided' END)).p_value
	= (SELECT (rank_cor_test(x, y)).p_value FROM rc_small) AS same_alternative FROM rc_small;
-- options must be the same on every row; NULL on every row gives NULL
SELECT (rank_cor_test(x, y, CASE WHEN x < 4 THEN 'spearman' ELSE 'kendall' END)).* FROM rc_small;
SELECT (rank_cor_test(x, y, 'kendall', CASE WHEN x < 4 THEN 'less' ELSE NULL END)).* FROM rc_small;
SELECT rank_cor_test(x, y, NULL) IS NULL AS null_method, rank_cor_test(x, y, 'kendall', NULL) IS NULL AS null_alternative
FROM rc_small;
SELECT (rank_cor_test(x, y, 'pearson')).* FROM rc_small;
SELECT (rank_cor_test(x, y, 'kendall', 'two_sided')).* FROM rc_small;
-- NaN and infinities are refused, as sample_agg refuses them
SELECT (rank_cor_test(x, y)).* FROM (VALUES (1.0::float8, 'NaN'::float8), (2, 3)) v(x, y);
SELECT (rank_cor_test(x, y)).* FROM (VALUES ('-Infinity'::float8, 1.0::float8), (2, 3)) v(x, y);

-- ---------------------------------------------------------------------
-- Larger samples (O(n log n): 200,000 pairs), against ranks formed in SQL
-- ---------------------------------------------------------------------
CREATE TABLE rc_big AS
SELECT i, (i * 7919 % 10007)::float8 AS x, (i * 7919 % 10007 + i % 997)::float8 / 7 AS y
FROM generate_series(1, 200000) i;
ALTER TABLE rc_big SET (parallel_workers = 2);
ANALYZE rc_big;
SET max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE rc_big_serial AS
SELECT rank_cor_test(x, y) AS s, rank_cor_test(x, y, 'kendall') AS k FROM rc_big;
CREATE TEMP TABLE rc_groups_serial AS
SELECT i % 5 AS g, rank_cor_test(x, y, 'kendall') AS r FROM rc_big GROUP BY 1;
-- Spearman's rho is the correlation of the midranks (R: cor(rank(x), rank(y)))
SELECT pg_temp.close((s).estimate, (SELECT corr(rx, ry) FROM (SELECT rank() OVER (ORDER BY x) + (count(*) OVER (PARTITION BY x) - 1) / 2.0 AS rx,
		rank() OVER (ORDER BY y) + (count(*) OVER (PARTITION BY y) - 1) / 2.0 AS ry FROM rc_big) r), 1e-12) AS rho_equal,
	(s).method, (k).method, (s).n
FROM rc_big_serial;
-- Kendall's tau-b on a subset against the O(n^2) definition
SELECT pg_temp.close((SELECT (rank_cor_test(x, y, 'kendall')).estimate FROM rc_big WHERE i <= 1500),
	(SELECT sum(sign(a.x - b.x) * sign(a.y - b.y)) / sqrt((count(*) - sum(CASE WHEN a.x = b.x THEN 1 ELSE 0 END))::float8
		* (count(*) - sum(CASE WHEN a.y = b.y THEN 1 ELSE 0 END))::float8)
	 FROM rc_big a JOIN rc_big b ON a.i < b.i WHERE a.i <= 1500 AND b.i <= 1500), 1e-12) AS tau_b_equal;

-- forced parallel plans give the serial result (the same pairs, sorted)
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT rank_cor_test(x, y, 'kendall', 'greater') FROM rc_big;
SELECT p.s = s.s AS spearman_equal, p.k = s.k AS kendall_equal
FROM (SELECT rank_cor_test(x, y) AS s, rank_cor_test(x, y, 'kendall') AS k FROM rc_big) p, rc_big_serial s;
-- per group (here the planner sorts in the workers and aggregates above Gather Merge)
SET enable_hashagg = off;
EXPLAIN (COSTS OFF) SELECT i % 5 AS g, rank_cor_test(x, y, 'kendall') AS r FROM rc_big GROUP BY 1;
SELECT count(*) AS groups, count(*) FILTER (WHERE p.r IS DISTINCT FROM s.r) AS differ
FROM (SELECT i % 5 AS g, rank_cor_test(x, y, 'kendall') AS r FROM rc_big GROUP BY 1) p
JOIN rc_groups_serial s USING (g);
RESET enable_hashagg;
-- options that differ between rows are caught in parallel plans too
SELECT (rank_cor_test(x, y, CASE WHEN i > 100000 THEN 'kendall' ELSE 'spearman' END)).* FROM rc_big;
RESET max_parallel_workers_per_gather;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
DROP TABLE rc_big;
