-- A synthetic A/B experiment: 200,000 users over four weeks, split at
-- random between A (control) and B (treatment).  B converts a little more
-- often (10.6% vs 10.0%) and its buyers spend a little more; revenue is
-- zero for the ~90% who do not convert and log-normal (skewed) for those
-- who do.  setseed() makes every run produce the same data (\gset keeps
-- its empty result off the screen).
SELECT setseed(0.2026) \gset

CREATE TABLE experiment_users (
	user_id bigint PRIMARY KEY,
	day date,			-- the day the user entered the experiment
	variant text,		-- 'A' control, 'B' treatment
	variant2 text,		-- 'X'/'Y': a second, overlapping experiment
	revenue float8,		-- skewed, many zeros
	converted int		-- 0/1
);

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
	   (u_convert < CASE variant WHEN 'A' THEN 0.100 ELSE 0.106 END)::int
FROM assigned
ORDER BY user_id;

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
