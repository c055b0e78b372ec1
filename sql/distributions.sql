-- Distribution functions against R (test/reference/gen_distributions.R):
-- relative tolerance 1e-10 (values below 1e-300, i.e. underflowing in R's
-- neighbourhood, are compared absolutely at 1e-310); infinities must match
-- exactly.  Prints the number of cases checked per function, then only
-- the failing rows.
\getenv abs_srcdir PG_ABS_SRCDIR
\set csv :abs_srcdir '/test/reference/data/distributions.csv'
CREATE TEMP TABLE ref_distributions (
	fn text, x float8, a float8, b float8, lower_tail boolean, expected float8);
\set cmd '\\copy ref_distributions FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd

CREATE TEMP TABLE got_distributions AS
SELECT r.*,
	CASE fn
		WHEN 'pnorm' THEN pnorm(x, a, b, lower_tail)
		WHEN 'qnorm' THEN qnorm(x, a, b, lower_tail)
		WHEN 'dnorm' THEN dnorm(x, a, b)
		WHEN 'pt' THEN pt(x, a, lower_tail)
		WHEN 'qt' THEN qt(x, a, lower_tail)
		WHEN 'dt' THEN dt(x, a)
		WHEN 'pchisq' THEN pchisq(x, a, lower_tail)
		WHEN 'qchisq' THEN qchisq(x, a, lower_tail)
		WHEN 'dchisq' THEN dchisq(x, a)
		WHEN 'pf' THEN pf(x, a, b, lower_tail)
		WHEN 'qf' THEN qf(x, a, b, lower_tail)
		WHEN 'df' THEN df(x, a, b)
		WHEN 'pbeta' THEN pbeta(x, a, b, lower_tail)
		WHEN 'qbeta' THEN qbeta(x, a, b, lower_tail)
		WHEN 'dbeta' THEN dbeta(x, a, b)
		WHEN 'pbinom' THEN pbinom(x, a, b, lower_tail)
		WHEN 'qbinom' THEN qbinom(x, a, b, lower_tail)
		WHEN 'dbinom' THEN dbinom(x, a, b)
		WHEN 'ppois' THEN ppois(x, a, lower_tail)
		WHEN 'qpois' THEN qpois(x, a, lower_tail)
		WHEN 'dpois' THEN dpois(x, a)
	END AS got
FROM ref_distributions r;

CREATE TEMP VIEW err_distributions AS
SELECT *,
	CASE
		WHEN got = expected THEN 0
		WHEN got IS NULL OR got = 'NaN'
			OR abs(got) = 'Infinity' OR abs(expected) = 'Infinity' THEN 'Infinity'
		ELSE abs(got - expected) / greatest(abs(expected), 1e-300)
	END AS rel_err
FROM got_distributions;

-- cases checked per function
SELECT fn, count(*) AS checked FROM err_distributions GROUP BY fn ORDER BY fn;

-- failing rows (none expected)
SELECT fn, x, a, b, lower_tail, expected, got, rel_err
FROM err_distributions WHERE NOT rel_err <= 1e-10
ORDER BY fn, a, b, x;

-- named arguments and R's defaults
SELECT pnorm(1.96) AS pnorm, qnorm(0.975) AS qnorm, dnorm(0) AS dnorm,
	pnorm(q => 130, mean => 100, sd => 15, lower_tail => false) AS iq_above_130;
SELECT pt(2, df => 10, lower_tail => false) AS pt, qt(0.975, 10) AS qt,
	pchisq(3.84, 1, false) AS pchisq, qf(0.95, 2, 30) AS qf,
	qbeta(0.5, shape1 => 2, shape2 => 3) AS qbeta;
SELECT pbinom(3, size => 10, prob => 0.5) AS pbinom, qbinom(0.5, 10, 0.5) AS qbinom,
	dbinom(3, 10, 0.5) AS dbinom, ppois(2, lambda => 3) AS ppois, qpois(0.9, 3) AS qpois,
	dpois(2, 3) AS dpois;

-- R's edge values: infinite arguments, p = 0 or 1, non-integer counts
SELECT pnorm('-Infinity') AS p_minf, pnorm('Infinity', lower_tail => false) AS p_inf_upper,
	qnorm(0) AS q0, qnorm(1) AS q1, qt(1, 5, false) AS qt_upper_1,
	qchisq(1, 3) AS qchisq_1, qbeta(1, 2, 3) AS qbeta_1, qf(0, 2, 3) AS qf_0,
	dnorm('Infinity') AS dnorm_inf, dchisq(0, 1) AS dchisq_pole, dbeta(0, 1, 3) AS dbeta_0;
SELECT dbinom(2.5, 10, 0.5) AS dbinom_nonint, dpois(1.5, 2) AS dpois_nonint,
	dbinom(-1, 10, 0.5) AS dbinom_neg, pbinom(2.9999999999, 10, 0.5) = pbinom(3, 10, 0.5) AS r_fuzz,
	qbinom(0, 10, 0.3, false) AS qbinom_upper_0, qpois(1, 4) AS qpois_1, qpois(0, 4, false) AS qpois_upper_0,
	qbinom(0.5, 0, 0.3) AS size_0, qpois(0.5, 0) AS lambda_0;
-- a zero beta shape is a point mass, as in R: Clopper-Pearson bounds at x = 0 and x = n
SELECT qbeta(0.025, 0, 10 + 1) AS lower_at_0, qbeta(0.975, 10, 0) AS upper_at_n,
	pbeta(0.3, 0, 2) AS p_mass_at_0, dbeta(0, 0, 2) AS d_mass_at_0;

-- qbinom/qpois invert pbinom/ppois exactly (R's left-continuity fuzz)
SELECT count(*) AS round_trips,
	count(*) FILTER (WHERE qbinom(pbinom(k, n, pr), n, pr) <> k
		AND pbinom(k, n, pr) < 1) AS lower_mismatches,
	count(*) FILTER (WHERE qbinom(pbinom(k, n, pr, false), n, pr, false) <> k
		AND pbinom(k, n, pr, false) > 0) AS upper_mismatches
FROM (VALUES (10::float8, 0.3::float8), (1000, 0.01), (1e6, 0.5), (1e9, 1e-6)) s(n, pr),
	LATERAL generate_series(0, 60) g(i),
	LATERAL (SELECT floor(n * pr + (i - 30) * sqrt(n * pr * (1 - pr)) / 5) AS k) kk
WHERE k >= 0 AND k <= n;
SELECT count(*) AS round_trips,
	count(*) FILTER (WHERE qpois(ppois(k, l), l) <> k AND ppois(k, l) < 1) AS lower_mismatches,
	count(*) FILTER (WHERE qpois(ppois(k, l, false), l, false) <> k
		AND ppois(k, l, false) > 0) AS upper_mismatches
FROM (VALUES (0.5::float8), (30), (1e4), (1e7)) s(l),
	LATERAL generate_series(0, 60) g(i),
	LATERAL (SELECT floor(l + (i - 30) * sqrt(l) / 5) AS k) kk
WHERE k >= 0;

-- huge sizes: no linear search, exact whole-number sizes up to 2^53
SELECT qbinom(0.3, 1e15, 0.5) AS qbinom_1e15, pbinom(5e14, 1e15, 0.5) AS pbinom_half,
	dbinom(5e14, 1e15, 0.5) AS dbinom_mode, qpois(0.3, 1e12) AS qpois_1e12;

-- Densities and masses at large parameters against 50-digit mpmath values
-- (test/reference/gen_distributions_mpmath.py), where R 4.2 itself drifts
-- by up to 5e-9: same tolerance, counts, then failing rows only.
\set csv :abs_srcdir '/test/reference/data/distributions_mpmath.csv'
CREATE TEMP TABLE ref_mpmath (
	fn text, x float8, a float8, b float8, lower_tail boolean, expected float8);
\set cmd '\\copy ref_mpmath FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd
CREATE TEMP VIEW err_mpmath AS
SELECT fn, x, a, b, expected, got,
	abs(got - expected) / greatest(abs(expected), 1e-300) AS rel_err
FROM (SELECT r.*,
		CASE fn
			WHEN 'dt' THEN dt(x, a)
			WHEN 'dchisq' THEN dchisq(x, a)
			WHEN 'df' THEN df(x, a, b)
			WHEN 'dbeta' THEN dbeta(x, a, b)
			WHEN 'dbinom' THEN dbinom(x, a, b)
			WHEN 'dpois' THEN dpois(x, a)
		END AS got
	FROM ref_mpmath r) q;
SELECT fn, count(*) AS checked FROM err_mpmath GROUP BY fn ORDER BY fn;
SELECT * FROM err_mpmath WHERE NOT rel_err <= 1e-10 ORDER BY fn, a, b, x;

-- Large shapes (GSL's own Beta inverse never returns there): the quantile
-- inverts the CDF to 1e-12 relative, up to the CDF's change over 2 ulps of
-- the quantile (the problem's own condition: the density is ~1e5 there).
SELECT count(*) AS cases,
	count(*) FILTER (WHERE abs(pbeta(qbeta(p, a, b), a, b) - p)
		> 1e-12 * p + dbeta(qbeta(p, a, b), a, b) * qbeta(p, a, b) * 4.5e-16) AS beta_failures,
	count(*) FILTER (WHERE abs(pf(qf(p, 2 * a, 2 * b), 2 * a, 2 * b) - p)
		> 1e-12 * p + df(qf(p, 2 * a, 2 * b), 2 * a, 2 * b) * qf(p, 2 * a, 2 * b) * 4.5e-16) AS f_failures
FROM unnest(ARRAY[1e-300, 1e-10, 0.3, 0.5]::float8[]) p,
	unnest(ARRAY[2e4, 1e6, 1e9]::float8[]) a,
	unnest(ARRAY[3e4, 1e6, 1e9]::float8[]) b;
