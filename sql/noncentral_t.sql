-- pt(q, df, ncp, lower_tail): the noncentral t distribution function
\getenv abs_srcdir PG_ABS_SRCDIR
SET extra_float_digits = 0;

-- Reference values from R's pt(q, df, ncp, lower.tail)
-- (test/reference/gen_power.R): 1e-9 relative for |ncp| <= 37, with an
-- absolute floor of 1e-12.  The floor is AS 243's own error bound: the
-- series stops when the remaining terms are below 1e-12, and far tails are
-- 1 minus a probability near 1 (in R as here), so R's values below ~1e-4
-- carry only ~1e-13 absolute accuracy (R even returns 0 for some of them).
-- Measured: worst relative difference 1.2e-10 for p >= 1e-3, 6e-12 for
-- p >= 1e-2; worst absolute difference 1.4e-13.
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

-- Where R is not accurate enough to be the reference (df from 5e4 to 4e5,
-- where R's pnt() loses up to ~7e-11 absolute, 1.5e-7 relative, to the
-- cancellation in lgamma(b) - lgamma(b + 1/2) and to pow(1 - x, b)), an
-- independent high-precision computation by quadrature with mpmath
-- (test/reference/gen_noncentral_t_mp.py), each tail computed directly.
-- Same tolerance; measured: worst absolute error 4.9e-13.
CREATE TEMP TABLE ref_nct_mp (q float8, df float8, ncp float8, lower_tail boolean, p float8);
\set csv :abs_srcdir '/test/reference/data/noncentral_t_mp.csv'
\set cmd '\\copy ref_nct_mp FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd
SELECT count(*) AS cases, count(DISTINCT df) AS dfs FROM ref_nct_mp;
SELECT q, df, ncp, lower_tail, p, pt(q, df, ncp, lower_tail) AS got
FROM ref_nct_mp
WHERE NOT (abs(pt(q, df, ncp, lower_tail) - p) <= 1e-9 * p + 1e-12);

-- examples (R 4.2.2: pt(1.5, 10, 1) prints 0.669516848215277, pt(-1, 5, -2, FALSE) 0.158135643556791)
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
