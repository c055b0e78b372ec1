-- quantile_test(treatment, control, q, conf_level, alternative, mu): the
-- difference of two samples' quantiles with order-statistic intervals,
-- against a reference written in R from the published formulas
-- (test/reference/gen_quantile.R), each arm's interval against the exact
-- binomial interval, then NULLs, edge cases and errors.
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

\getenv abs_srcdir PG_ABS_SRCDIR
CREATE TEMP TABLE qt_info (sid int, name text, divisor float8, n int);
CREATE TEMP TABLE qt_values (sid int, k float8);
CREATE TEMP TABLE qt_cases (sid_t int, sid_c int, q float8, conf_level float8, alternative text,
	mu float8, statistic float8, p_value float8, estimate float8, ci_lower float8, ci_upper float8,
	std_error float8, rel_estimate float8, rel_ci_lower float8, rel_ci_upper float8,
	rel_std_error float8, rel_ci_kind text, treatment_quantile float8, control_quantile float8,
	treatment_ci_lower float8, treatment_ci_upper float8, control_ci_lower float8,
	control_ci_upper float8, t_exact_lo float8, t_exact_hi float8, t_exact_lo_m float8,
	t_exact_lo_p float8, t_exact_hi_m float8, t_exact_hi_p float8, c_exact_lo float8,
	c_exact_hi float8, c_exact_lo_m float8, c_exact_lo_p float8, c_exact_hi_m float8,
	c_exact_hi_p float8);
\set csv :abs_srcdir '/test/reference/data/quantile_info.csv'
\set cmd '\\copy qt_info FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd
\set csv :abs_srcdir '/test/reference/data/quantile_samples.csv'
\set cmd '\\copy qt_values FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd
\set csv :abs_srcdir '/test/reference/data/quantile_cases.csv'
\set cmd '\\copy qt_cases FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd
CREATE TEMP TABLE qt AS
SELECT sid, i.name, sample_agg(v.k / i.divisor) AS s
FROM qt_values v JOIN qt_info i USING (sid) GROUP BY sid, i.name;
SELECT count(*) AS samples, sum(n(s)) AS values FROM qt;

CREATE TEMP TABLE qt_res AS
SELECT c.*, r, greatest(max_value(stats_summary(t.s)) - min_value(stats_summary(t.s)),
		max_value(stats_summary(k.s)) - min_value(stats_summary(k.s))) AS range
FROM qt_cases c JOIN qt t ON t.sid = c.sid_t JOIN qt k ON k.sid = c.sid_c,
	LATERAL quantile_test(t.s, k.s, c.q, c.conf_level, c.alternative, c.mu) r;
-- every field at 1e-10 relative plus 1e-12 of the samples' range
CREATE FUNCTION pg_temp.ok(a float8, b float8, range float8) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$ SELECT pg_temp.close(a, b, 1e-10, 1e-12 * range) $$;
SELECT count(*) AS cases, count((r).p_value) AS with_p_value,
	count(*) FILTER (WHERE NOT (pg_temp.ok((r).statistic, statistic, 0) AND pg_temp.ok((r).p_value, p_value, 0)
		AND pg_temp.ok((r).estimate, estimate, range) AND pg_temp.ok((r).ci_lower, ci_lower, range)
		AND pg_temp.ok((r).ci_upper, ci_upper, range) AND pg_temp.ok((r).std_error, std_error, range))) AS absolute_differs,
	count(*) FILTER (WHERE NOT (pg_temp.ok((r).rel_estimate, rel_estimate, 0) AND pg_temp.ok((r).rel_ci_lower, rel_ci_lower, 0)
		AND pg_temp.ok((r).rel_ci_upper, rel_ci_upper, 0) AND pg_temp.ok((r).rel_std_error, rel_std_error, 0)
		AND (r).rel_ci_kind IS NOT DISTINCT FROM rel_ci_kind)) AS relative_differs,
	count(*) FILTER (WHERE NOT (pg_temp.ok((r).treatment_quantile, treatment_quantile, range)
		AND pg_temp.ok((r).control_quantile, control_quantile, range)
		AND pg_temp.ok((r).treatment_ci_lower, treatment_ci_lower, range)
		AND pg_temp.ok((r).treatment_ci_upper, treatment_ci_upper, range)
		AND pg_temp.ok((r).control_ci_lower, control_ci_lower, range)
		AND pg_temp.ok((r).control_ci_upper, control_ci_upper, range))) AS arms_differ
FROM qt_res;
SELECT sid_t, sid_c, q, conf_level, alternative, mu, (r).statistic, statistic, (r).estimate, estimate,
	(r).ci_lower, ci_lower, (r).rel_ci_lower, rel_ci_lower
FROM qt_res
WHERE NOT (pg_temp.ok((r).statistic, statistic, 0) AND pg_temp.ok((r).p_value, p_value, 0)
	AND pg_temp.ok((r).estimate, estimate, range) AND pg_temp.ok((r).ci_lower, ci_lower, range)
	AND pg_temp.ok((r).ci_upper, ci_upper, range) AND pg_temp.ok((r).std_error, std_error, range)
	AND pg_temp.ok((r).rel_estimate, rel_estimate, 0) AND pg_temp.ok((r).rel_ci_lower, rel_ci_lower, 0)
	AND pg_temp.ok((r).rel_ci_upper, rel_ci_upper, 0) AND pg_temp.ok((r).rel_std_error, rel_std_error, 0)
	AND (r).rel_ci_kind IS NOT DISTINCT FROM rel_ci_kind
	AND pg_temp.ok((r).treatment_quantile, treatment_quantile, range)
	AND pg_temp.ok((r).control_quantile, control_quantile, range)
	AND pg_temp.ok((r).treatment_ci_lower, treatment_ci_lower, range)
	AND pg_temp.ok((r).treatment_ci_upper, treatment_ci_upper, range)
	AND pg_temp.ok((r).control_ci_lower, control_ci_lower, range)
	AND pg_temp.ok((r).control_ci_upper, control_ci_upper, range))
LIMIT 10;
-- the arms' quantiles are quantile(s, q); the p-value is below 1 - conf_level
-- exactly when the interval excludes mu (but for rounding where mu is on a
-- bound: integer data, p = 0.05000000000000006 and mu = 0.5 at the bound
-- 0.49999999999999994)
SELECT count(*) FILTER (WHERE (r).treatment_quantile <> quantile(t.s, c.q)) AS quantile_differs,
	count(*) FILTER (WHERE ((r).p_value < 1 - c.conf_level) <> (c.mu < (r).ci_lower OR c.mu > (r).ci_upper)
		AND abs((r).p_value - (1 - c.conf_level)) > 1e-12) AS p_and_ci_disagree
FROM qt_res c JOIN qt t ON t.sid = c.sid_t WHERE (r).p_value IS NOT NULL;
-- each arm's interval against the exact binomial (distribution-free)
-- interval [x(l), x(u)]: the lower bound in [x(l - 2), x(l + 2)], the upper
-- in [x(u - 3), x(u + 1)] (gen_quantile.R checks the ranks)
SELECT count(*) AS arms_with_interval,
	count(*) FILTER (WHERE NOT (lo BETWEEN lo_m AND lo_p AND hi BETWEEN hi_m AND hi_p)) AS outside_exact
FROM (SELECT (r).treatment_ci_lower AS lo, (r).treatment_ci_upper AS hi, t_exact_lo_m AS lo_m, t_exact_lo_p AS lo_p,
		t_exact_hi_m AS hi_m, t_exact_hi_p AS hi_p FROM qt_res
	  UNION ALL
	  SELECT (r).control_ci_lower, (r).control_ci_upper, c_exact_lo_m, c_exact_lo_p, c_exact_hi_m, c_exact_hi_p FROM qt_res) a
WHERE lo IS NOT NULL;

-- ---------------------------------------------------------------------
-- A worked example, NULLs, edge cases, errors
-- ---------------------------------------------------------------------
CREATE TEMP TABLE qt_ex AS
SELECT sample_agg(x) FILTER (WHERE i % 2 = 0) AS t, sample_agg(x - 0.3) FILTER (WHERE i % 2 = 1) AS c
FROM (SELECT i, (i * 7919 % 1000) / 100.0 AS x FROM generate_series(1, 2000) i) d;
-- the median difference, its interval and the relative difference
SELECT r.* FROM qt_ex, quantile_test(t, c) r;
-- P90, one-sided, and named arguments
SELECT statistic, p_value, estimate, ci_lower, ci_upper, treatment_quantile, control_quantile
FROM qt_ex, quantile_test(t, c, q => 0.9, alternative => 'greater', conf_level => 0.9);
-- too few values for the requested quantile (ranks outside 1..n): the
-- quantiles and the difference, no interval
SELECT statistic, p_value, estimate, ci_lower, std_error, treatment_quantile, treatment_ci_lower, control_ci_lower
FROM quantile_test('v1 n=5 1 2 3 4 5', 'v1 n=5 2 3 4 5 6');
SELECT estimate, std_error, treatment_ci_lower IS NULL AS no_interval FROM qt_ex, quantile_test(t, c, q => 0.999);
-- a tie at the quantile: the standard error is 0 and the test undefined (as
-- t_test for constant data); a control quantile of 0: no relative difference
SELECT statistic, p_value, estimate, ci_lower, std_error, rel_estimate, rel_ci_kind, control_ci_lower, control_ci_upper
FROM quantile_test((SELECT sample_agg(CASE WHEN i % 10 = 0 THEN i ELSE 0 END) FROM generate_series(1, 500) i),
	(SELECT sample_agg(CASE WHEN i % 9 = 0 THEN i ELSE 0 END) FROM generate_series(1, 500) i));
-- a negative control quantile: a one-sided relative interval takes the other side
SELECT estimate > 0 AS treatment_higher, rel_estimate < 0 AS ratio_below_one, ci_lower > 0 AS above, ci_upper, rel_ci_lower, rel_ci_upper < 0 AS rel_below
FROM quantile_test('v1 n=50 -1*25 -0.5*25', 'v1 n=50 -2*20 -1.5*30', q => 0.5, alternative => 'greater', conf_level => 0.8);
-- STRICT: a NULL argument gives NULL
SELECT quantile_test(NULL, 'v1 n=2 1 2') IS NULL AS null_sample, quantile_test('v1 n=2 1 2', 'v1 n=2 1 2', NULL) IS NULL AS null_q;
-- errors
SELECT * FROM quantile_test('v1 n=2 1 2', 'v1 n=2 1 2', q => 0);
SELECT * FROM quantile_test('v1 n=2 1 2', 'v1 n=2 1 2', q => 1);
SELECT * FROM quantile_test('v1 n=2 1 2', 'v1 n=2 1 2', conf_level => 1);
SELECT * FROM quantile_test('v1 n=2 1 2', 'v1 n=2 1 2', alternative => 'bigger');
SELECT * FROM quantile_test('v1 n=2 1 2', 'v1 n=2 1 2', mu => 'Infinity');
