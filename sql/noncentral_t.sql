-- pt(q, df, ncp, lower_tail): the noncentral t distribution function
\getenv abs_srcdir PG_ABS_SRCDIR
SET extra_float_digits = 0;

-- Against R's pt(q, df, ncp, lower.tail) (test/reference/gen_power.R, R
-- 4.2.2) where R is a usable reference: |ncp| <= 37, df <= 1000.  R is the
-- imprecise one: its AS 243 series stops at an absolute error bound of
-- 1e-12 and computes upper tails as 1 minus the lower one, so the
-- tolerance is 1e-9 relative with an absolute floor of 1e-12 (measured:
-- worst absolute difference 9.3e-13, all of it R's, as the mpmath check
-- below shows).
CREATE TEMP TABLE ref_nct (q float8, df float8, ncp float8, lower_tail boolean, p float8);
\set csv :abs_srcdir '/test/reference/data/noncentral_t.csv'
\set cmd '\\copy ref_nct FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd
CREATE TEMP TABLE res_nct AS
SELECT r.*, pt(r.q, r.df, r.ncp, r.lower_tail) AS got FROM ref_nct r;
SELECT count(*) AS cases FROM res_nct;
SELECT q, df, ncp, lower_tail, p, got, abs(got - p) / nullif(abs(p), 0) AS rel_err
FROM res_nct
WHERE NOT (got = p OR abs(got - p) <= 1e-9 * abs(p) + 1e-12);

-- Everywhere, against 45-digit mpmath quadrature of E[Phi(q S - ncp)]
-- (test/reference/gen_noncentral_t_mp.py): df from 1e-3 to 1e12, ncp from
-- -1e4 to 1e4 (R switches to a normal approximation beyond 37.62 and for
-- df > 4e5), q at half, once and twice ncp and at -ncp, |q| where q^2
-- overflows, both tails, each computed directly.  Tolerance 1e-13 relative
-- (values below 1e-300: 1e-305 absolute); no absolute floor otherwise.
CREATE TEMP TABLE ref_nct_mp (q float8, df float8, ncp float8, lower_tail boolean, p float8);
\set csv :abs_srcdir '/test/reference/data/noncentral_t_mp.csv'
\set cmd '\\copy ref_nct_mp FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd
CREATE TEMP TABLE res_nct_mp AS
SELECT r.*, pt(q, df, ncp, lower_tail) AS got FROM ref_nct_mp r;
SELECT count(*) AS cases, count(DISTINCT df) AS dfs, count(DISTINCT ncp) AS ncps,
	min(df) AS min_df, max(df) AS max_df, max(abs(ncp)) AS max_abs_ncp,
	count(*) FILTER (WHERE p < 1e-100) AS below_1e_100
FROM res_nct_mp;
SELECT q, df, ncp, lower_tail, p, got, abs(got - p) / nullif(p, 0) AS rel_err
FROM res_nct_mp
WHERE NOT (got = p OR (p >= 1e-300 AND abs(got - p) <= 1e-13 * p)
		   OR (p < 1e-300 AND abs(got - p) <= 1e-305));

-- power_t_test where R's power.t.test is not a reference (noncentrality
-- beyond 37.62 with df below 1, df beyond 4e5, df near 1e25): solved and
-- evaluated with mpmath (test/reference/gen_power_mp.py), not R.  Powers
-- and solved quantities to 1e-12 relative.  Also df below 0.004 (n within
-- 0.004 of 1), where qt(1 - sig_level / 2, df) exceeds DBL_MAX but the power
-- exists (power_t_tiny_df_mp.csv; it used to raise "could not solve for power").
CREATE TEMP TABLE ref_power_mp (
	type text, alternative text, strict boolean, ratio float8, unknown text,
	n float8, delta float8, sd float8, sig_level float8, power float8,
	e_n float8, e_delta float8, e_sd float8, e_sig_level float8, e_power float8);
\set csv :abs_srcdir '/test/reference/data/power_t_mp.csv'
\set cmd '\\copy ref_power_mp FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd
\set csv :abs_srcdir '/test/reference/data/power_t_tiny_df_mp.csv'
\set cmd '\\copy ref_power_mp FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd
CREATE TEMP TABLE res_power_mp AS
SELECT r.*, g.*
FROM ref_power_mp r,
	 LATERAL power_t_test(n => r.n, delta => r.delta, sd => r.sd, sig_level => r.sig_level,
						  power => r.power, type => r.type, alternative => r.alternative,
						  strict => r.strict, ratio => r.ratio)
		AS g(n_1, n2_1, delta_1, sd_1, sig_level_1, power_1);
SELECT count(*) AS cases, count(*) FILTER (WHERE unknown = 'power') AS powers,
	count(*) FILTER (WHERE unknown <> 'power') AS solved,
	count(*) FILTER (WHERE e_n < 2) AS df_below_1,
	count(*) FILTER (WHERE qt(e_sig_level / CASE alternative WHEN 'two.sided' THEN 2 ELSE 1 END,
								CASE type WHEN 'one.sample' THEN e_n - 1 ELSE 2 * (e_n - 1) END,
								false) = 'Infinity') AS qt_beyond_dbl_max
FROM res_power_mp;
SELECT type, alternative, strict, unknown, n, delta, e_n, n_1, e_delta, delta_1, e_power, power_1
FROM res_power_mp
WHERE NOT (abs(n_1 / e_n - 1) <= 1e-12 AND abs(delta_1 / e_delta - 1) <= 1e-12
		   AND abs(power_1 - e_power) <= 1e-12 * e_power);

-- examples (R 4.2.2 prints 0.669516848215277 and 0.158135643556791; the
-- exact values, by mpmath, are 0.66951684821535476 and 0.15813564355691811)
SELECT pt(1.5, 10, 1) AS p, pt(1.5, 10, 1, false) AS q, pt(1.5, 10, 1) + pt(1.5, 10, 1, false) AS total;
SELECT pt(q => -1, df => 5, ncp => -2, lower_tail => false);
SELECT pt('Infinity', 3, 1), pt('-Infinity', 3, 1), pt(2, 3, 0) AS central;
-- the central pt(q, df, lower_tail) and this pt(q, df, ncp, lower_tail)
-- resolve unambiguously: a boolean third argument is lower_tail, a number
-- is ncp
SELECT pt(1.5, 10) = pt(1.5, 10, 0) AS central_2_args,
	   pt(1.5, 10, false) = pt(1.5, 10, 0, false) AS central_3_args,
	   pt(1.5, 10, 1.0) = pt(1.5, 10, 1.0, true) AS noncentral_3_args,
	   pt(1.5, 10, 1) AS noncentral_integer_ncp,
	   pt(q => 1.5, df => 10, lower_tail => false) = pt(1.5, 10, false) AS named_central;

-- bad input
\set ON_ERROR_STOP 0
SELECT pt(1, 0, 1);
\echo :LAST_ERROR_SQLSTATE
SELECT pt(1, -2, 1);
\echo :LAST_ERROR_SQLSTATE
SELECT pt(1, 10, 'Infinity');
\echo :LAST_ERROR_SQLSTATE
SELECT pt('NaN', 10, 1);
\echo :LAST_ERROR_SQLSTATE
\set VERBOSITY sqlstate
SELECT pt(1, 0, 1);
