-- p_adjust(): R's p.adjust for every method, as an array function and as
-- a window function, against R on many vectors (test/reference/
-- gen_p_adjust.R: lengths 1 to 10 000, ties, zeros, ones, NULLs).
\getenv abs_srcdir PG_ABS_SRCDIR
\set csv :abs_srcdir '/test/reference/data/p_adjust_input.csv'
CREATE TEMP TABLE pin (vector_id text, position int, p float8);
\set cmd '\\copy pin FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd
\set csv :abs_srcdir '/test/reference/data/p_adjust_expected.csv'
CREATE TEMP TABLE pexp (vector_id text, position int, holm float8, hochberg float8,
	hommel float8, bonferroni float8, bh float8, by float8);
\set cmd '\\copy pexp FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd
-- the 10 000 p-values from the integer formula of gen_p_adjust.R
INSERT INTO pin
SELECT 'formula_10000', i, CASE WHEN i % 10 = 0 THEN p * p * p * p ELSE p END
FROM (SELECT i, ((i::bigint * 7919) % 10007)::float8 / 10007 AS p FROM generate_series(1, 10000) i) q;

-- expected values, one row per vector, method and position
CREATE TEMP TABLE expected AS
SELECT e.vector_id, e.position, m.method, m.value
FROM pexp e CROSS JOIN LATERAL (VALUES ('holm', e.holm), ('hochberg', e.hochberg),
	('hommel', e.hommel), ('bonferroni', e.bonferroni), ('BH', e.bh), ('fdr', e.bh),
	('BY', e.by)) m(method, value)
UNION ALL
SELECT vector_id, position, 'none', p FROM pin;
SELECT count(DISTINCT vector_id) AS vectors, min(n) AS shortest, max(n) AS longest,
	sum(nulls) AS nulls, sum(zeros) AS zeros, sum(ones) AS ones
FROM (SELECT vector_id, count(*) AS n, count(*) - count(p) AS nulls,
	count(*) FILTER (WHERE p = 0) AS zeros, count(*) FILTER (WHERE p = 1) AS ones
	FROM pin GROUP BY vector_id) v;

CREATE FUNCTION pg_temp.rel_err(a float8, b float8) RETURNS float8
LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE WHEN a IS NULL AND b IS NULL THEN 0
		WHEN a IS NULL OR b IS NULL THEN 'Infinity'
		WHEN a = b THEN 0
		ELSE abs(a - b) / greatest(abs(b), 2.2250738585072014e-308) END $$;

-- 1. The array form on every vector and method: within 1e-14 of R.
--    (Hommel's method is O(n^2): the 10 000 values take about a second; a
--    hang is caught by the test server's own hang guard, which test/run
--    reports as one.)
CREATE TEMP TABLE got AS
SELECT v.vector_id, m.method, u.position::int AS position, u.value
FROM (SELECT vector_id, array_agg(p ORDER BY position) AS ps FROM pin GROUP BY vector_id) v
CROSS JOIN (VALUES ('holm'), ('hochberg'), ('hommel'), ('bonferroni'), ('BH'), ('fdr'),
	('BY'), ('none')) m(method)
CROSS JOIN LATERAL unnest(p_adjust(v.ps, m.method)) WITH ORDINALITY u(value, position);
ANALYZE got;
ANALYZE expected;
CREATE TEMP TABLE cmp AS
SELECT e.vector_id, e.method, e.position, g.value AS ours, e.value AS r,
	pg_temp.rel_err(g.value, e.value) AS err
FROM expected e LEFT JOIN got g USING (vector_id, method, position);
SELECT method, count(*) AS values, count(ours) AS non_null,
	count(*) FILTER (WHERE err > 1e-14) AS above_1e_14,
	count(*) FILTER (WHERE ours = r) AS bit_equal
FROM cmp GROUP BY method ORDER BY method;
-- worst offenders (listed when above 1e-14)
SELECT * FROM cmp WHERE err > 1e-14 ORDER BY err DESC LIMIT 10;
-- the default method is holm
SELECT bool_and(p_adjust(ps) = p_adjust(ps, 'holm')) AS default_is_holm
FROM (SELECT array_agg(p ORDER BY position) AS ps FROM pin GROUP BY vector_id) v;

-- 2. The window form equals the array form exactly, whatever the frame and
--    the ORDER BY of the window (it always adjusts over the whole
--    partition), with NULLs left in place (all vectors but the longest,
--    to keep this test fast: the code path does not depend on the length).
CREATE TEMP TABLE got_w AS
SELECT vector_id, position, m.method,
	p_adjust(p, m.method) OVER (PARTITION BY vector_id, m.method) AS w_plain,
	p_adjust(p, m.method) OVER (PARTITION BY vector_id, m.method ORDER BY p DESC, position) AS w_ordered,
	p_adjust(p, m.method) OVER (PARTITION BY m.method, vector_id ORDER BY position
		ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS w_sliding
FROM pin CROSS JOIN (VALUES ('holm'), ('hochberg'), ('hommel'), ('bonferroni'), ('BH'),
	('fdr'), ('BY'), ('none')) m(method)
WHERE vector_id <> 'formula_10000';
SELECT count(*) AS rows,
	count(*) FILTER (WHERE w.w_plain IS NOT DISTINCT FROM g.value) AS plain_equal,
	count(*) FILTER (WHERE w.w_ordered IS NOT DISTINCT FROM g.value) AS ordered_equal,
	count(*) FILTER (WHERE w.w_sliding IS NOT DISTINCT FROM g.value) AS sliding_equal
FROM got_w w JOIN got g USING (vector_id, method, position);
DROP TABLE got_w;
-- the method R uses by default, and the README's example: several
-- experiments, each adjusted on its own
SELECT experiment, metric, p_value,
	p_adjust(p_value) OVER w AS holm,
	p_adjust(p_value, 'BH') OVER w AS bh
FROM (VALUES ('checkout', 'revenue', 0.012::float8), ('checkout', 'conversion', 0.041),
	('checkout', 'orders_per_session', 0.27), ('search', 'revenue', 0.003),
	('search', 'conversion', NULL), ('search', 'clicks', 0.5)) v(experiment, metric, p_value)
WINDOW w AS (PARTITION BY experiment)
ORDER BY experiment, p_value;

-- 3. Calls with untyped literals and typed arrays all resolve: the text
--    form takes literals, the array form arrays, the window form numbers.
SELECT p_adjust('{0.01,0.04}') AS literal, p_adjust('{0.01,0.04}', 'BH') AS literal_bh,
	p_adjust(ARRAY[0.01, 0.04], 'BH') AS numeric_array,
	p_adjust('{0.01,0.04}'::float8[], method => 'bonferroni') AS typed_named,
	p_adjust('[0:2]={0.04,NULL,0.01}', 'hochberg') AS bounds_kept;
-- which function each call resolved to (a view keeps the calls as parsed)
CREATE TEMP VIEW calls AS
SELECT p_adjust('{0.01,0.04}') AS a, p_adjust('{0.01,0.04}', 'BH') AS b,
	p_adjust(ARRAY[0.01, 0.04]) AS c, p_adjust('{0.01}'::float8[], 'BY') AS d,
	p_adjust(p, 'BH') OVER () AS e, p_adjust(p) OVER () AS f
FROM (VALUES (0.01::float8)) v(p);
SELECT pg_get_viewdef('calls'::regclass);
SELECT a, b, c, d, e, f FROM calls;

-- 4. Edge cases: empty arrays, all NULL, one value, NULL arguments.
SELECT p_adjust('{}'::float8[]) AS empty, p_adjust('{NULL,NULL}'::float8[], 'BY') AS all_null,
	p_adjust('{0.3}'::float8[], 'bonferroni') AS one_value,
	p_adjust(NULL::float8[]) IS NULL AS null_array, p_adjust('{0.1}'::float8[], NULL) IS NULL AS null_method;
SELECT position, p, p_adjust(p, m) OVER (ORDER BY position) AS adjusted
FROM (VALUES (1, NULL::float8, NULL::text), (2, 0.2, NULL)) v(position, p, m) ORDER BY position;
SELECT p_adjust(p, 'holm') OVER () FROM (SELECT 0.5::float8 AS p) v WHERE false;

-- 5. Errors (22023, naming the argument; 2202E for a 2-D array).
SELECT p_adjust('{0.01,1.5}'::float8[]);
SELECT p_adjust('{0.01,-0.1}'::float8[]);
SELECT p_adjust('{0.01,NaN}'::float8[]);
SELECT p_adjust('[5:6]={0.01,Infinity}'::float8[]);
SELECT p_adjust('{{0.01,0.2}}'::float8[]);
SELECT p_adjust('{0.01}'::float8[], 'Holm');
SELECT p_adjust('{0.01}'::float8[], 'bh');
SELECT p_adjust('not an array');
SELECT p_adjust(p, 'BH') OVER () FROM (VALUES (0.01::float8), (2)) v(p);
SELECT p_adjust(p, m) OVER () FROM (VALUES (0.01::float8, 'BH'), (0.02, 'holm')) v(p, m);
SELECT p_adjust(p, m) OVER () FROM (VALUES (0.01::float8, 'BH'), (0.02, NULL)) v(p, m);
SELECT p_adjust(p, 'BH ') OVER () FROM (VALUES (0.01::float8)) v(p);
-- a window function needs OVER
SELECT p_adjust(0.5::float8, 'BH');
