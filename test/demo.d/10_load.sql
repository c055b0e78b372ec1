-- A synthetic A/B experiment: 200,000 users over four weeks, split at
-- random between A (control) and B (treatment).  B converts a little more
-- often (10.6% vs 10.0%) and its buyers spend a little more; revenue is
-- zero for the ~90% who do not convert and log-normal (skewed) for those
-- who do.  setseed() makes every run produce the same data (\gset keeps
-- its empty result off the screen).  Each user also has sessions and orders
-- during the experiment, and revenue, sessions and orders in the four weeks
-- before it (pre-experiment data: the same for both variants, correlated
-- with what the user does during the experiment).
SELECT setseed(0.2026) \gset

CREATE TABLE experiment_users (
	user_id bigint PRIMARY KEY,
	day date,			-- the day the user entered the experiment
	variant text,		-- 'A' control, 'B' treatment
	variant2 text,		-- 'X'/'Y': a second, overlapping experiment
	revenue float8,		-- skewed, many zeros
	converted int,		-- 0/1
	pre_revenue float8,	-- revenue in the four weeks before the experiment
	sessions int,		-- sessions during the experiment (at least 1)
	orders int,			-- orders during the experiment (0 unless converted)
	pre_sessions int,	-- sessions and orders in the four weeks before
	pre_orders int
);

-- A uniform number in (0, 1) from a hash of (id, k): 53 bits of
-- hashint8extended(), which is the same on every platform.
CREATE FUNCTION pg_temp.hash_uniform(id bigint, k int) RETURNS float8
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT (((hashint8extended(id, k) >> 11) & 9007199254740991)::float8 + 0.5)
			 / 9007199254740992 $$;

-- (JIT compilation of this one-off query would take longer than the query.)
SET jit = off;
INSERT INTO experiment_users
WITH draws AS MATERIALIZED (
	-- one row of uniform draws per user, taken in user_id order
	SELECT g AS user_id,
		   random() AS u_day, random() AS u_variant, random() AS u_variant2,
		   random() AS u_convert, random() AS u_1, random() AS u_2
	FROM generate_series(1, 200000) AS g
),
assigned AS (
	SELECT d.*,
		   CASE WHEN u_variant < 0.5 THEN 'A' ELSE 'B' END AS variant,
		   -- a standard normal draw (Box-Muller) for the order value
		   sqrt(-2 * ln(1 - u_1)) * cos(2 * pi() * u_2) AS z
	FROM draws d
)
SELECT user_id,
	   date '2026-10-01' + floor(u_day * 28)::int,
	   variant,
	   CASE WHEN u_variant2 < 0.5 THEN 'X' ELSE 'Y' END,
	   CASE WHEN u_convert < CASE variant WHEN 'A' THEN 0.100 ELSE 0.106 END
			THEN round((CASE variant WHEN 'A' THEN 30 ELSE 31 END * exp(1.1 * z))::numeric, 2)::float8
			ELSE 0 END,
	   (u_convert < CASE variant WHEN 'A' THEN 0.100 ELSE 0.106 END)::int,
	   -- pre-period revenue: the likely buyers (u_convert < 0.1 in either
	   -- variant) bought before too, for order values correlated with z
	   CASE WHEN h.pre_buy
			THEN round((30 * exp(1.1 * (0.9 * z + 0.44 * h.z2)))::numeric, 2)::float8
			ELSE 0 END,
	   h.sessions,
	   CASE WHEN u_convert < CASE variant WHEN 'A' THEN 0.100 ELSE 0.106 END
			THEN least(h.sessions, 1 + floor(-ln(u.u5) * 0.6)::int) ELSE 0 END,
	   h.pre_sessions,
	   CASE WHEN h.pre_buy
			THEN least(h.pre_sessions, 1 + floor(-ln(u.u7) * 0.6)::int) ELSE 0 END
FROM assigned,
	 -- the columns after `converted` (added with abstats 0.2.0) draw from a
	 -- second deterministic source, uniforms made from hashes of user_id, so
	 -- the random() draws above, and the columns made from them, are
	 -- exactly those of earlier versions of this demo
	 LATERAL (SELECT pg_temp.hash_uniform(user_id, 1) AS u1,
					 pg_temp.hash_uniform(user_id, 2) AS u2,
					 pg_temp.hash_uniform(user_id, 3) AS u3,
					 pg_temp.hash_uniform(user_id, 4) AS u4,
					 pg_temp.hash_uniform(user_id, 5) AS u5,
					 pg_temp.hash_uniform(user_id, 6) AS u6,
					 pg_temp.hash_uniform(user_id, 7) AS u7,
					 pg_temp.hash_uniform(user_id, 8) AS u8,
					 pg_temp.hash_uniform(user_id, 9) AS u9
			  OFFSET 0) AS u,
	 LATERAL (SELECT u.u6 < CASE WHEN u_convert < 0.1 THEN 0.7 ELSE 0.03 END AS pre_buy,
					 sqrt(-2 * ln(u.u8)) * cos(2 * pi() * u.u9) AS z2,
					 1 + floor(-ln(u.u3) * 2.5 * activity)::int AS sessions,
					 1 + floor(-ln(u.u4) * 2.5 * activity)::int AS pre_sessions
			  FROM (SELECT exp(0.6 * sqrt(-2 * ln(u.u1)) * cos(2 * pi() * u.u2)) AS activity
					OFFSET 0) AS a
			  OFFSET 0) AS h
ORDER BY user_id;
RESET jit;

-- Dashboards store one summary per day and variant and roll them up later.
CREATE MATERIALIZED VIEW daily_summary AS
SELECT day, variant,
	   stats_agg(revenue) AS revenue,
	   stats_agg(converted) AS converted
FROM experiment_users
GROUP BY day, variant;
CREATE UNIQUE INDEX ON daily_summary (day, variant);

VACUUM ANALYZE experiment_users;
ANALYZE daily_summary;

SELECT * FROM experiment_users ORDER BY user_id LIMIT 5;
