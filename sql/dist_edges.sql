-- The distribution functions over the whole double range of their
-- parameters (issue 8).
\getenv abs_srcdir PG_ABS_SRCDIR
\set VERBOSITY terse

-- 1. Every CDF value is a probability, and the two tails (each computed
-- directly) add up to 1: a deterministic sweep over arguments from the
-- smallest subnormal to DBL_MAX and the infinities (both tails of pnorm,
-- pt, pchisq, pf, pbeta, pbinom, ppois and the noncentral pt).  Rounding
-- used to carry sums and quadratures to 1.0000000000000002 (a
-- log-probability above 0): pt(-2, 3, -40), pbeta(1e-300, 0.5, 1e6,
-- lower_tail => false), power_t_test at n = 1e25.  The calls that fail are
-- listed.
CREATE TEMP TABLE sw_q (q float8);
INSERT INTO sw_q VALUES ('-Infinity'), (-1e300), (-1.5e154), (-1e20), (-40), (-2), (-0.3),
	(-1e-300), (0), (5e-324), (1e-300), (1e-10), (0.3), (1), (2), (7.5), (40), (1e10), (1e20),
	(1.5e154), (1e300), ('Infinity');
CREATE TEMP TABLE sw_par (v float8);	-- degrees of freedom, shapes
INSERT INTO sw_par VALUES (5e-324), (1e-300), (1e-10), (0.01), (0.5), (1), (3), (30), (1e3),
	(2e5), (1e8), (1e15), (1e22), (1e100), (1e308);
CREATE TEMP TABLE sw_u (u float8);	-- points of [0, 1] and just outside
INSERT INTO sw_u VALUES (-1e-300), (0), (5e-324), (1e-300), (1e-10), (0.01), (0.3), (0.5), (0.7),
	(0.99), (1 - 1e-10), (1 - 2^(-53)), (1), (1.5);
CREATE TEMP TABLE sw (fn text, args text, lo float8, up float8);
INSERT INTO sw SELECT 'pnorm', format('%s, 0, %s', q, sd), pnorm(q, 0, sd), pnorm(q, 0, sd, false)
	FROM sw_q, (VALUES (5e-324), (1e-300), (1), (1e300)) s(sd);
INSERT INTO sw SELECT 'pt', format('%s, %s', q, v), pt(q, v), pt(q, v, false) FROM sw_q, sw_par;
INSERT INTO sw SELECT 'pchisq', format('%s, %s', q, v), pchisq(q, v), pchisq(q, v, false)
	FROM sw_q, sw_par;
INSERT INTO sw SELECT 'pf', format('%s, %s, %s', q, a.v, b.v), pf(q, a.v, b.v), pf(q, a.v, b.v, false)
	FROM sw_q, sw_par a, sw_par b
	WHERE q >= 0 AND a.v IN (5e-324, 1e-10, 0.5, 3, 2e5, 1e15, 1e22, 1e308)
		AND b.v IN (5e-324, 1e-10, 0.5, 3, 2e5, 1e15, 1e22, 1e308);
INSERT INTO sw SELECT 'pbeta', format('%s, %s, %s', u, a, b), pbeta(u, a, b), pbeta(u, a, b, false)
	FROM sw_u, (VALUES (0), (5e-324), (1e-10), (0.5), (30), (2e5), (1e22), (1e308)) s1(a),
		(VALUES (0), (5e-324), (1e-10), (0.5), (30), (2e5), (1e22), (1e308)) s2(b);
INSERT INTO sw SELECT 'pbinom', format('%s, %s, %s', k, n, u), pbinom(k, n, u), pbinom(k, n, u, false)
	FROM (VALUES (0), (1), (2), (10), (1e6), (1e10), (2^53)) s(n), sw_u,
		LATERAL (VALUES (-1), (-2e-22), (0), (1), (n * u), (n * u + sqrt(n)), (n - 1), (n)) k(k)
	WHERE u BETWEEN 0 AND 1;
INSERT INTO sw SELECT 'ppois', format('%s, %s', k, l), ppois(k, l), ppois(k, l, false)
	FROM (SELECT v FROM sw_par WHERE v <= 1e300 UNION ALL SELECT 0) s(l),
		LATERAL (VALUES (-1), (-2e-22), (0), (1), (floor(l)), (floor(l + 5 * sqrt(l))),
			(floor(greatest(l - 5 * sqrt(l), 0))), (1e300)) k(k);
INSERT INTO sw SELECT 'pt (noncentral)', format('%s, %s, %s', q, df, ncp), pt(q, df, ncp),
	pt(q, df, ncp, false)
	FROM sw_q, (VALUES (1e-300), (3), (1e22), (1e308)) s(df),
		(VALUES (-1e4), (-300), (-40), (-5), (-0.5), (5), (37.5), (40), (300), (1e4)) n(ncp);
SELECT fn, count(*) AS cases,
	count(*) FILTER (WHERE NOT (lo BETWEEN 0 AND 1 AND up BETWEEN 0 AND 1)) AS not_in_0_1,
	count(*) FILTER (WHERE NOT abs(lo + up - 1) <= 1e-14) AS tails_not_adding_to_1
FROM sw GROUP BY fn ORDER BY fn;
SELECT fn, args, lo, up, lo + up - 1 AS excess FROM sw
WHERE NOT (lo BETWEEN 0 AND 1 AND up BETWEEN 0 AND 1) OR NOT abs(lo + up - 1) <= 1e-14
ORDER BY fn, args;
-- and where they reach power_t_test and power_curve: a power is a probability
SELECT power <= 1 AS power_le_1 FROM power_t_test(n => 1e25, delta => 1e-10);
SELECT count(*) AS powers, count(*) FILTER (WHERE NOT power BETWEEN 0 AND 1) AS not_in_0_1
FROM power_curve(delta => 1e-10, n_from => 1e20, n_to => 1e30);

-- 2. pnorm and qnorm within 1 ulp of the exact value: the result is one of
-- the two doubles around it (lo, hi; equal when the exact value is a
-- double), from 50-digit mpmath (test/reference/gen_dist_edges.py,
-- data/normal_ulp.csv): z every 0.05 from -38.5 to 9, |z| from 1e-298 to
-- 0.1 on a log scale, the subnormal results of pnorm down to z = -38.47
-- (never flushed to 0), a seeded random sample; p = 10^-k and 5 10^-k down
-- to 5e-324, random p, p near 1; both tails.
CREATE TEMP TABLE ref_ulp (fn text, x float8, lower_tail boolean, lo float8, hi float8,
	nearest float8);
\set csv :abs_srcdir '/test/reference/data/normal_ulp.csv'
\set cmd '\\copy ref_ulp FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd
CREATE TEMP TABLE res_ulp AS
SELECT r.*, CASE fn WHEN 'pnorm' THEN pnorm(x, lower_tail => lower_tail)
	ELSE qnorm(x, lower_tail => lower_tail) END AS got
FROM ref_ulp r;
SELECT fn, count(*) AS cases,
	count(*) FILTER (WHERE fn = 'pnorm' AND hi > 0 AND hi < 2.2250738585072014e-308) AS subnormal,
	count(*) FILTER (WHERE NOT (got = lo OR got = hi)) AS beyond_1_ulp
FROM res_ulp GROUP BY fn ORDER BY fn;
SELECT fn, x, lower_tail, lo, hi, got FROM res_ulp
WHERE NOT (got = lo OR got = hi) ORDER BY fn, x, lower_tail LIMIT 20;
-- never a representable result flushed to 0: wherever the correctly
-- rounded pnorm is a (subnormal) double, ours is not 0
SELECT min(x) AS lowest_z, count(*) AS nonzero_cases, bool_and(got > 0) AS all_nonzero
FROM res_ulp WHERE fn = 'pnorm' AND lower_tail AND nearest > 0;

-- 3. Every other function against mpmath (45+ digits, rounded once;
-- test/reference/gen_dist_edges.py, data/dist_edges.csv): p/q/d functions
-- of every family with parameters from 1e-300 to 1e308, points from the
-- far tails to the centre, both tails.  Each function has a relative
-- error bound (measured worst in the README and src/dist.c); expected
-- values below 1e-300 are compared absolutely (1e-305).
CREATE TEMP TABLE ref_edges (fn text, x float8, a float8, b float8, lower_tail boolean,
	expected float8);
\set csv :abs_srcdir '/test/reference/data/dist_edges.csv'
\set cmd '\\copy ref_edges FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd
CREATE FUNCTION pg_temp.dist_call(fn text, x float8, a float8, b float8, lower_tail boolean)
RETURNS float8 LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE fn
		WHEN 'pt' THEN pt(x, a, lower_tail) WHEN 'qt' THEN qt(x, a, lower_tail) WHEN 'dt' THEN dt(x, a)
		WHEN 'pchisq' THEN pchisq(x, a, lower_tail) WHEN 'qchisq' THEN qchisq(x, a, lower_tail)
		WHEN 'dchisq' THEN dchisq(x, a)
		WHEN 'pf' THEN pf(x, a, b, lower_tail) WHEN 'qf' THEN qf(x, a, b, lower_tail)
		WHEN 'df' THEN df(x, a, b)
		WHEN 'pbeta' THEN pbeta(x, a, b, lower_tail) WHEN 'qbeta' THEN qbeta(x, a, b, lower_tail)
		WHEN 'dbeta' THEN dbeta(x, a, b)
		WHEN 'pbinom' THEN pbinom(x, a, b, lower_tail) WHEN 'qbinom' THEN qbinom(x, a, b, lower_tail)
		WHEN 'dbinom' THEN dbinom(x, a, b)
		WHEN 'ppois' THEN ppois(x, a, lower_tail) WHEN 'qpois' THEN qpois(x, a, lower_tail)
		WHEN 'dpois' THEN dpois(x, a)
		WHEN 'dnorm' THEN dnorm(x, a, b) END
$$;
CREATE TEMP TABLE bound (fn text PRIMARY KEY, rel float8);
INSERT INTO bound VALUES
	('pt', 1e-13), ('qt', 1e-13), ('dt', 1e-13), ('pchisq', 1e-13), ('qchisq', 1e-13),
	('dchisq', 1e-13), ('pf', 1e-13), ('qf', 1e-13), ('df', 1e-13), ('pbeta', 1e-13),
	('dbeta', 1e-13), ('pbinom', 1e-13), ('dbinom', 1e-13), ('ppois', 1e-13), ('dpois', 1e-13),
	('dnorm', 1e-13);
CREATE TEMP TABLE res_edges AS
SELECT r.*, pg_temp.dist_call(fn, x, a, b, lower_tail) AS got FROM ref_edges r;
CREATE TEMP VIEW cmp_edges AS
SELECT r.*, b.rel AS bound,
	CASE WHEN got = expected THEN 0
		 WHEN abs(expected) < 1e-300 THEN CASE WHEN abs(got - expected) <= 1e-305 THEN 0 ELSE 1 END
		 ELSE abs(got - expected) / abs(expected) / b.rel END AS err_over_bound
FROM res_edges r LEFT JOIN bound b USING (fn);
SELECT fn, count(*) AS cases, min(bound) AS rel_bound,
	count(*) FILTER (WHERE expected <> 0 AND abs(expected) < 1e-300) AS below_1e_300,
	count(*) FILTER (WHERE NOT err_over_bound <= 1) AS failures
FROM cmp_edges GROUP BY fn ORDER BY fn;
SELECT fn, x, a, b, lower_tail, expected, got, abs(got - expected) / abs(expected) AS rel_err
FROM cmp_edges WHERE NOT err_over_bound <= 1
ORDER BY err_over_bound DESC NULLS FIRST, fn LIMIT 30;

-- 4. R 4.2.2 where it is a reference (test/reference/gen_dist_edges.R,
-- data/dist_edges_r.csv): R's integer fuzz at every boundary of dbinom,
-- pbinom, dpois and ppois (arguments a little below 0 such as -2e-22 are
-- below the support before any rounding; within 1e-7 of a whole number
-- they count as it), and quantiles of the Poisson and binomial beyond 2^53.
-- p and d functions to 1e-14 relative; quantiles (doubles whose neighbours
-- differ by 2 or more) within one ulp of R's, and exactly the quantile by
-- our own CDF (R's ppois at lambda = 1e16 is off by 1e-8, so R's answer is
-- one ulp off at two points there).
CREATE TEMP TABLE ref_r (fn text, x float8, a float8, b float8, lower_tail boolean,
	expected float8);
\set csv :abs_srcdir '/test/reference/data/dist_edges_r.csv'
\set cmd '\\copy ref_r FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd
CREATE TEMP TABLE res_r AS
SELECT r.*, pg_temp.dist_call(fn, x, a, b, lower_tail) AS got FROM ref_r r;
SELECT fn, count(*) AS cases, count(*) FILTER (WHERE expected = 0) AS zeros,
	count(*) FILTER (WHERE NOT (got = expected
		OR abs(got - expected) <= CASE WHEN fn LIKE 'q%' THEN 2.3e-16 ELSE 1e-14 END * abs(expected)))
		AS failures
FROM res_r GROUP BY fn ORDER BY fn;
SELECT fn, x, a, b, lower_tail, expected, got FROM res_r
WHERE NOT (got = expected
	OR abs(got - expected) <= CASE WHEN fn LIKE 'q%' THEN 2.3e-16 ELSE 1e-14 END * abs(expected))
ORDER BY fn, x, a, b, lower_tail;
-- the quantile definition by our CDF: the smallest y with P[X <= y] >= p
-- (lower tail) or P[X > y] < p, y - ulp(y) failing it
SELECT count(*) AS quantiles, count(*) FILTER (WHERE NOT ok) AS failures FROM (
	SELECT CASE WHEN lower_tail THEN here >= x AND below < x ELSE here < x AND below >= x END AS ok
	FROM (SELECT x, lower_tail,
			pg_temp.dist_call('p' || substr(fn, 2), got, a, b, lower_tail) AS here,
			pg_temp.dist_call('p' || substr(fn, 2),
							  got - greatest(1, 2 ^ (floor(log(2, got::numeric))::float8 - 52)),
							  a, b, lower_tail) AS below
		  FROM res_r WHERE fn LIKE 'q%') s) t;

-- 5. The named cases of issue 8 (the references above, by their arguments)
-- beta with a zero shape is a point mass: P[X <= 0] includes the mass at 0,
-- half of it at each end when both shapes are 0 (R >= 4.3)
-- (closed form: P[X <= 0] is the mass at 0, 1, 1/2 or 0)
SELECT a, b, pbeta(0, a, b) AS p_at_0, pbeta(0, a, b, false) AS upper_at_0,
	pbeta(5e-324, a, b) AS p_just_above_0, pbeta(1, a, b) AS p_at_1
FROM (VALUES (0::float8, 2::float8), (0, 1e308), (0, 0), (2, 0), (1e308, 0)) s(a, b);
-- a little below 0 is below the support of the binomial and Poisson
SELECT fn, a, b, lower_tail, expected, got FROM res_r
WHERE x = -2e-22 AND a IN (10, 1) AND (b IS NULL OR b = 0.5) ORDER BY fn, a, lower_tail;
-- pt beyond |q| = 1.4e154 (q^2 overflows; R returns pnorm(-ncp) there)
SELECT count(*) AS cases, count(*) FILTER (WHERE NOT err_over_bound <= 1) AS failures
FROM cmp_edges WHERE fn = 'pt' AND abs(x) > 1.4e154;
SELECT pt(1e155, 3, 5) AS upper_q_lower_tail, pt(-1e155, 3, 5) AS lower_q_lower_tail,
	pt(1.5e154, 30, -2, false) AS upper_q_upper_tail;
-- a density with a subnormal sd (it used to raise "did not converge")
SELECT x, a AS mean, b AS sd, expected, got, err_over_bound <= 1 AS ok FROM cmp_edges
WHERE fn = 'dnorm' AND b < 1e-300 ORDER BY x, b;
-- qpois beyond 2^53 returns (0.1.0 never did, not even on cancel), and is
-- the quantile: P[X > y] < 0.95 <= P[X > y - ulp(y)]
SELECT ppois(y, 1e20, false) < 0.95 AS below_at_y, ppois(y - 16384, 1e20, false) >= 0.95 AS not_below_before
FROM qpois(0.95, 1e20, lower_tail => false) y;
-- degrees of freedom near the double limit
SELECT fn, x, a, b, lower_tail, err_over_bound <= 1 AS within_bound FROM cmp_edges
WHERE (fn = 'qt' AND x = 0.3 AND a = 1e22) OR (fn = 'pf' AND x = 2 AND a = 3 AND b = 1e22)
	OR (fn = 'qchisq' AND x = 0.3 AND a = 1e308)
ORDER BY fn, lower_tail;
