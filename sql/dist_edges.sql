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
