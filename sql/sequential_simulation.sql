-- Peeking, simulated: 2,000 A/A experiments (no true difference), each
-- looked at 20 times ("daily") as 500 new users per arm arrive per look,
-- so the looks see 1,000 to 20,000 users in both arms.  Stopping at the
-- first look with t_test's p < 0.05 rejects far more often than 5%;
-- stopping at the first look with sequential_test's always-valid
-- p < 0.05 (tuning N* = 5000) stays at or under 5%.  A demonstration,
-- not a timed test (about a second).
--
-- Users are N(0, 1).  Instead of 40 million rows, each look's new users
-- are generated as their summary, which is exact in distribution for
-- normal data: the mean of m = 500 users is N(0, 1/m) and, independently,
-- their sum of squared deviations is chi-squared with m - 1 degrees of
-- freedom, drawn by the Wilson-Hilferty transform
-- (m - 1) (1 - 2/(9(m - 1)) + z sqrt(2/(9(m - 1))))^3 (quantiles within
-- 1e-4 relative at 499 degrees of freedom: the only approximation).
-- stats_summary(n, mean, sd) builds the summary of each look's users and
-- rollup() OVER (ORDER BY look) accumulates them exactly, as a dashboard's
-- materialized view of daily summaries would.  Deterministic: setseed()
-- and a serial plan.
SET max_parallel_workers_per_gather = 0;
SELECT setseed(0.2026);

CREATE TEMP TABLE increments AS
SELECT e, look, arm,
	   -- two independent standard normals from one Box-Muller pair
	   sqrt(-2 * ln(1 - u1)) * cos(2 * pi() * u2) AS z_mean,
	   sqrt(-2 * ln(1 - u1)) * sin(2 * pi() * u2) AS z_chisq
FROM (SELECT e, look, arm, random() AS u1, random() AS u2
	  FROM generate_series(1, 2000) e,
		   generate_series(1, 20) look,
		   unnest(ARRAY['A', 'B']) arm) d;

CREATE TEMP TABLE cumulative AS
SELECT e, look, arm,
	   rollup(stats_summary(500, z_mean / sqrt(500),
							sqrt((1 - 2 / (9 * 499.0) + z_chisq * sqrt(2 / (9 * 499.0))) ^ 3)))
		 OVER (PARTITION BY e, arm ORDER BY look) AS s
FROM increments;

CREATE TEMP TABLE peeks AS
SELECT b.e, b.look,
	   (t_test(b.s, a.s)).p_value AS t_p,
	   (sequential_test(b.s, a.s)).p_value AS seq_p
FROM cumulative b JOIN cumulative a USING (e, look)
WHERE b.arm = 'B' AND a.arm = 'A';

CREATE TEMP TABLE rates AS
SELECT count(*) AS experiments,
	   avg((min_t < 0.05)::int) AS t_test_peeking,
	   avg((last_t < 0.05)::int) AS t_test_last_look_only,
	   avg((min_seq < 0.05)::int) AS sequential_peeking
FROM (SELECT e, min(t_p) AS min_t, min(seq_p) AS min_seq,
			 min(t_p) FILTER (WHERE look = 20) AS last_t
	  FROM peeks GROUP BY e) x;

-- false-positive rates with their Monte Carlo standard errors
-- sqrt(r (1 - r) / 2000)
SELECT experiments,
	   round(t_test_peeking, 4) AS t_test_peeking,
	   round(sqrt(t_test_peeking * (1 - t_test_peeking) / experiments), 4) AS se,
	   round(t_test_last_look_only, 4) AS t_test_last_look_only,
	   round(sqrt(t_test_last_look_only * (1 - t_test_last_look_only) / experiments), 4) AS se,
	   round(sequential_peeking, 4) AS sequential_peeking,
	   round(sqrt(sequential_peeking * (1 - sequential_peeking) / experiments), 4) AS se
FROM rates;

-- the claims: peeking at t_test rejects far more than 5% (over 10%);
-- sequential_test stays within 3 Monte Carlo standard errors of 5% or below
SELECT t_test_peeking > 0.10 AS peeking_inflates,
	   sequential_peeking <= 0.05 + 3 * sqrt(0.05 * 0.95 / experiments) AS sequential_holds
FROM rates;
