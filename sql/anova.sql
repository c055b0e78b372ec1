-- anova_test(arm, s [, equal_var]): the one-way analysis of means over
-- labelled per-arm summaries, against R 4.2's oneway.test
-- (test/reference/gen_anova.R), then NULLs, edge cases, options, and
-- forced-parallel and partitionwise plans.
\set VERBOSITY default
\set SHOW_CONTEXT never

-- close(a, b, rel): equal to rel relative (NULL only where both are NULL;
-- infinities must match)
CREATE FUNCTION pg_temp.close(a float8, b float8, rel float8) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE WHEN a IS NULL OR b IS NULL THEN a IS NULL AND b IS NULL
		WHEN a = b THEN true
		WHEN a IN ('Infinity', '-Infinity') OR b IN ('Infinity', '-Infinity') THEN false
		ELSE abs(a - b) <= rel * greatest(abs(a), abs(b)) END
$$;
CREATE FUNCTION pg_temp.rel(a float8, b float8) RETURNS float8
LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE WHEN a = b THEN 0 WHEN a IS NULL OR b IS NULL THEN NULL
		ELSE abs(a - b) / greatest(abs(a), abs(b)) END
$$;

-- ---------------------------------------------------------------------
-- The references: value = k / divisor, as in R
-- ---------------------------------------------------------------------
\getenv abs_srcdir PG_ABS_SRCDIR
CREATE TEMP TABLE av_values (cid int, arm text, k float8);
CREATE TEMP TABLE av_cases (cid int, name text, divisor float8, equal_var boolean,
	ill_conditioned boolean, statistic float8, df1 float8, df2 float8, p_value float8,
	r_statistic float8, r_df2 float8, r_p_value float8, n_arms int, n bigint, method text);
\set csv :abs_srcdir '/test/reference/data/anova_values.csv'
\set cmd '\\copy av_values FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd
\set csv :abs_srcdir '/test/reference/data/anova_cases.csv'
\set cmd '\\copy av_cases FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd
CREATE TEMP TABLE av_x AS
SELECT v.cid, v.arm, v.k / c.divisor AS x, row_number() OVER () AS rn
FROM av_values v JOIN (SELECT DISTINCT cid, divisor FROM av_cases) c USING (cid);
CREATE INDEX ON av_x (cid);
ANALYZE av_x;
SELECT count(DISTINCT cid) AS cases, count(*) AS values FROM av_x;

-- one summary per arm (GROUP BY arm): 1e-10 relative from the 256-bit
-- values (the test on the summaries' doubles), and from R's oneway.test
-- (or anova(lm) where an arm has one observation) at 1e-10 except on
-- ill-conditioned data, where R itself is off by up to 3e-7 (1e-5 allowed)
CREATE TEMP TABLE av_arm AS SELECT cid, arm, stats_agg(x) AS s FROM av_x GROUP BY cid, arm;
CREATE TEMP TABLE av_res AS
SELECT c.*, (SELECT anova_test(a.arm, a.s, c.equal_var) FROM av_arm a WHERE a.cid = c.cid) AS r,
	(SELECT anova_test(a.arm, a.s) FROM av_arm a WHERE a.cid = c.cid) AS r2
FROM av_cases c;
SELECT count(*) AS cases,
	count(*) FILTER (WHERE NOT pg_temp.close((r).statistic, statistic, 1e-10)) AS statistic_differs,
	count(*) FILTER (WHERE NOT pg_temp.close((r).df1, df1, 0)) AS df1_differs,
	count(*) FILTER (WHERE NOT pg_temp.close((r).df2, df2, 1e-10)) AS df2_differs,
	count(*) FILTER (WHERE NOT pg_temp.close((r).p_value, p_value, 1e-10)) AS p_differs,
	count(*) FILTER (WHERE (r).n_arms <> n_arms OR (r).n <> n) AS sizes_differ,
	count(*) FILTER (WHERE (r).method IS DISTINCT FROM method) AS method_differs,
	count(*) FILTER (WHERE NOT equal_var AND r2 IS DISTINCT FROM r) AS welch_default_differs,
	count(*) FILTER (WHERE NOT pg_temp.close((r).statistic, r_statistic, CASE WHEN ill_conditioned THEN 1e-5 ELSE 1e-10 END)
		OR NOT pg_temp.close((r).df2, r_df2, CASE WHEN ill_conditioned THEN 1e-5 ELSE 1e-10 END)
		OR NOT pg_temp.close((r).p_value, r_p_value, CASE WHEN ill_conditioned THEN 1e-5 ELSE 1e-10 END)) AS r_differs
FROM av_res;
SELECT cid, name, equal_var, pg_temp.rel((r).statistic, statistic) AS rel_statistic,
	pg_temp.rel((r).df2, df2) AS rel_df2, pg_temp.rel((r).p_value, p_value) AS rel_p
FROM av_res
WHERE NOT pg_temp.close((r).statistic, statistic, 1e-10) OR NOT pg_temp.close((r).df2, df2, 1e-10)
	OR NOT pg_temp.close((r).p_value, p_value, 1e-10)
ORDER BY 4 DESC NULLS FIRST LIMIT 10;
SELECT cid, name, equal_var, (r).statistic, r_statistic, (r).p_value, r_p_value FROM av_res
WHERE NOT pg_temp.close((r).statistic, r_statistic, CASE WHEN ill_conditioned THEN 1e-5 ELSE 1e-10 END)
	OR NOT pg_temp.close((r).df2, r_df2, CASE WHEN ill_conditioned THEN 1e-5 ELSE 1e-10 END)
	OR NOT pg_temp.close((r).p_value, r_p_value, CASE WHEN ill_conditioned THEN 1e-5 ELSE 1e-10 END);
-- the worst relative differences seen, for the record
SELECT ill_conditioned, max(pg_temp.rel((r).statistic, statistic)) < 1e-12 AS statistic_below_1e12,
	max(pg_temp.rel((r).p_value, p_value)) < 1e-11 AS p_below_1e11
FROM av_res GROUP BY 1 ORDER BY 1;

-- each arm split over several rows (as the daily rows of a materialized
-- view), merged by the aggregate: the same 1e-10 on well-conditioned data;
-- on ill-conditioned data a merged mean is good to an ulp of the mean, not
-- to the last bit of the arm's exact mean (README, "How exact is a
-- rollup?"), so only 1e-3 is asked there, and the worst is listed
CREATE TEMP TABLE av_split_res AS
SELECT c.*, (SELECT anova_test(p.arm, p.s, c.equal_var)
		FROM (SELECT arm, stats_agg(x) AS s FROM av_x x WHERE x.cid = c.cid GROUP BY arm, rn % 3) p) AS r
FROM av_cases c;
SELECT count(*) AS cases,
	count(*) FILTER (WHERE NOT pg_temp.close((r).statistic, statistic, CASE WHEN ill_conditioned THEN 1e-3 ELSE 1e-10 END)
		OR NOT pg_temp.close((r).df2, df2, CASE WHEN ill_conditioned THEN 1e-3 ELSE 1e-10 END)
		OR NOT pg_temp.close((r).p_value, p_value, CASE WHEN ill_conditioned THEN 1e-3 ELSE 1e-10 END)) AS differs,
	count(*) FILTER (WHERE (r).n_arms <> n_arms OR (r).n <> n) AS sizes_differ
FROM av_split_res;
SELECT cid, name, equal_var, (r).statistic, statistic, (r).p_value, p_value FROM av_split_res
WHERE NOT pg_temp.close((r).statistic, statistic, CASE WHEN ill_conditioned THEN 1e-3 ELSE 1e-10 END)
	OR NOT pg_temp.close((r).df2, df2, CASE WHEN ill_conditioned THEN 1e-3 ELSE 1e-10 END)
	OR NOT pg_temp.close((r).p_value, p_value, CASE WHEN ill_conditioned THEN 1e-3 ELSE 1e-10 END);
-- for the record: the worst seen is 4e-4 (F of offset_1e9_equal: means 1e9
-- apart by 1e-4, an ulp of 1e9 is 1.2e-7)
SELECT ill_conditioned, max(pg_temp.rel((r).statistic, statistic)) < 1e-3 AS below_1e3,
	max(pg_temp.rel((r).statistic, statistic)) < 1e-12 AS below_1e12
FROM av_split_res GROUP BY 1 ORDER BY 1;

-- ---------------------------------------------------------------------
-- NULLs, small arms, options
-- ---------------------------------------------------------------------
CREATE TEMP TABLE av_small (arm text, s stats_summary);
INSERT INTO av_small VALUES ('a', 'v1 n=3 mean=1 m2=2'), ('b', 'v1 n=4 mean=2 m2=3'),
	('c', 'v1 n=2 mean=4 m2=0.5');
-- R on data with these summaries, y <- c(0, 1, 2, 1, 2 - sqrt(.5), 2 + sqrt(.5), 3,
-- 3.5, 4.5), g <- rep(c("a", "b", "c"), c(3, 4, 2)): oneway.test(y ~ g) gives
-- F = 6.96330275229358, df 2 and 3.31506849315068, p = 0.0650221612709681;
-- with var.equal = TRUE F = 5.93939393939394, p = 0.0377954513363099
SELECT * FROM (SELECT (anova_test(arm, s)).* FROM av_small) w;
SELECT * FROM (SELECT (anova_test(arm, s, true)).* FROM av_small) c;
-- rows of one arm are merged first: a split into two rows gives the same
SELECT (anova_test(arm, s)).statistic = (SELECT (anova_test(arm, s)).statistic FROM av_small) AS merged_equal
FROM (VALUES ('a', 'v1 n=1 mean=0 m2=0'::stats_summary), ('a', 'v1 n=2 mean=1.5 m2=0.5'),
	('b', 'v1 n=4 mean=2 m2=3'), ('c', 'v1 n=2 mean=4 m2=0.5')) v(arm, s);
-- a row with a NULL arm is skipped; a NULL summary adds nothing to its arm
SELECT (anova_test(arm, s)).* FROM (SELECT * FROM av_small UNION ALL
	VALUES (NULL, 'v1 n=5 mean=100 m2=1'::stats_summary), ('a', NULL)) v;
-- an arm with only NULL summaries (no data yet): NULL fields, the arms counted
SELECT (anova_test(arm, s)).* FROM (SELECT * FROM av_small UNION ALL VALUES ('d', NULL::stats_summary)) v;
-- one arm, or none with a label: NULL fields, or NULL
SELECT (anova_test(arm, s)).* FROM av_small WHERE arm = 'a';
SELECT anova_test(arm, s) IS NULL AS only_null_arms FROM (VALUES (NULL::text, 'v1 n=2 mean=0 m2=2'::stats_summary)) v(arm, s);
SELECT anova_test(arm, s) IS NULL AS no_rows FROM av_small WHERE false;
-- an arm of one observation: Welch's test needs its variance (NULL fields),
-- the classic F test does not (R: anova(lm(c(0, 1, 3, 2) ~ factor(c(1, 2, 2, 2))))
-- gives F = 3, df 1 and 2, p = 0.2254; gen_anova.R checks more such cases)
SELECT (anova_test(arm, s)).* FROM (VALUES ('a', 'v1 n=1 mean=0 m2=0'::stats_summary), ('b', 'v1 n=3 mean=2 m2=2')) v(arm, s);
SELECT (anova_test(arm, s, true)).* FROM (VALUES ('a', 'v1 n=1 mean=0 m2=0'::stats_summary), ('b', 'v1 n=3 mean=2 m2=2')) v(arm, s);
-- one observation in every arm: no degrees of freedom within arms
SELECT (anova_test(arm, s, true)).* FROM (VALUES ('a', 'v1 n=1 mean=0 m2=0'::stats_summary), ('b', 'v1 n=1 mean=2 m2=0')) v(arm, s);
-- no variation within arms: Welch undefined; classic F = Infinity, p = 0
-- when the means differ, undefined when they do not
SELECT (anova_test(arm, s)).* FROM (VALUES ('a', 'v1 n=2 mean=0 m2=0'::stats_summary), ('b', 'v1 n=3 mean=2 m2=0')) v(arm, s);
SELECT (anova_test(arm, s, true)).* FROM (VALUES ('a', 'v1 n=2 mean=0 m2=0'::stats_summary), ('b', 'v1 n=3 mean=2 m2=0')) v(arm, s);
SELECT (anova_test(arm, s, true)).* FROM (VALUES ('a', 'v1 n=2 mean=1 m2=0'::stats_summary), ('b', 'v1 n=3 mean=1 m2=0')) v(arm, s);
-- summaries from published numbers work (only n, mean and M2 are used);
-- two arms: Welch's F is the square of Welch's t, df2 its df
SELECT abs(a.statistic - t.statistic ^ 2) < 1e-12 * t.statistic ^ 2 AS f_is_t_squared,
	abs(a.df2 - t.df) < 1e-12 * t.df AS df_equal, abs(a.p_value - t.p_value) < 1e-12 * t.p_value AS p_equal
FROM (SELECT (anova_test(arm, s)).* FROM (VALUES ('B', stats_summary(1000, 5.2, 2.1)),
	('A', stats_summary(1200, 5.0, 1.9))) v(arm, s)) a,
	t_test(stats_summary(1000, 5.2, 2.1), stats_summary(1200, 5.0, 1.9)) t;
-- labels are compared as bytes: 'a' and 'A' are two arms, '' is an arm
SELECT n_arms FROM (SELECT (anova_test(arm, s)).* FROM (VALUES ('a', 'v1 n=2 mean=0 m2=2'::stats_summary),
	('A', 'v1 n=2 mean=1 m2=2'), ('', 'v1 n=2 mean=1 m2=2')) v(arm, s)) q;
-- equal_var must be the same on every row; NULL on every row gives NULL
SELECT (anova_test(arm, s, eq)).* FROM (VALUES ('a', 'v1 n=2 mean=0 m2=2'::stats_summary, true),
	('b', 'v1 n=2 mean=1 m2=2', false)) v(arm, s, eq);
SELECT (anova_test(arm, s, eq)).* FROM (VALUES ('a', 'v1 n=2 mean=0 m2=2'::stats_summary, true),
	(NULL, NULL, NULL)) v(arm, s, eq);
SELECT anova_test(arm, s, NULL) IS NULL AS null_option FROM av_small;
-- many arms (a hash of the labels): 5000 arms of 3 observations
SELECT n_arms, n, df1, df2, p_value > 0.01 AS no_difference
FROM (SELECT (anova_test(i::text, stats_summary(3, (i % 7) * 0.001, 1.0), true)).* FROM generate_series(1, 5000) i) q;

-- ---------------------------------------------------------------------
-- Forced parallel and partitionwise plans give the serial result
-- ---------------------------------------------------------------------
CREATE TABLE av_daily AS
SELECT c.cid, x.arm, x.rn % 20 AS day, stats_agg(x.x) AS s
FROM av_x x JOIN av_cases c ON c.cid = x.cid AND c.equal_var
WHERE NOT c.ill_conditioned GROUP BY 1, 2, 3;
ALTER TABLE av_daily SET (parallel_workers = 2);
ANALYZE av_daily;
SET max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE av_serial AS
SELECT cid, anova_test(arm, s) AS w, anova_test(arm, s, true) AS c FROM av_daily GROUP BY cid;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET enable_hashagg = off;
EXPLAIN (COSTS OFF) SELECT cid, anova_test(arm, s) FROM av_daily GROUP BY cid;
CREATE TEMP TABLE av_parallel AS
SELECT cid, anova_test(arm, s) AS w, anova_test(arm, s, true) AS c FROM av_daily GROUP BY cid;
-- the whole table as one test (a partial state per worker, merged)
EXPLAIN (COSTS OFF) SELECT anova_test(cid || '/' || arm, s) FROM av_daily;
SELECT (SELECT anova_test(cid || '/' || arm, s) FROM av_daily) AS parallel_all \gset
RESET enable_hashagg;
SET max_parallel_workers_per_gather = 0;
SELECT (SELECT anova_test(cid || '/' || arm, s) FROM av_daily) = :'parallel_all'::anova_test_result AS all_arms_equal;
SELECT count(*) AS groups,
	count(*) FILTER (WHERE NOT (pg_temp.close((p.w).statistic, (s.w).statistic, 1e-12)
		AND pg_temp.close((p.w).p_value, (s.w).p_value, 1e-12) AND pg_temp.close((p.w).df2, (s.w).df2, 1e-12)
		AND pg_temp.close((p.c).statistic, (s.c).statistic, 1e-12)
		AND pg_temp.close((p.c).p_value, (s.c).p_value, 1e-12)
		AND (p.w).n = (s.w).n AND (p.c).n_arms = (s.c).n_arms)) AS differ
FROM av_serial s JOIN av_parallel p USING (cid);
-- partitionwise, with an empty partition
CREATE TABLE av_part (cid int, arm text, day int, s stats_summary) PARTITION BY LIST (cid);
CREATE TABLE av_part_a PARTITION OF av_part FOR VALUES IN (1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
CREATE TABLE av_part_b PARTITION OF av_part FOR VALUES IN (99);
CREATE TABLE av_part_c PARTITION OF av_part DEFAULT;
INSERT INTO av_part SELECT * FROM av_daily;
ANALYZE av_part;
SET enable_partitionwise_aggregate = on;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT anova_test(cid || '/' || arm, s, true) FROM av_part;
SELECT (SELECT (anova_test(cid || '/' || arm, s, true)).statistic FROM av_part)
	= (SELECT (anova_test(cid || '/' || arm, s, true)).statistic FROM av_daily) AS partitionwise_equal;
RESET enable_partitionwise_aggregate;
RESET max_parallel_workers_per_gather;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
DROP TABLE av_part;
DROP TABLE av_daily;
