-- Has the experiment collected enough data?  Planning before it starts,
-- and a live check on the summaries collected so far.

-- Planning a conversion test: users per variant to detect 10% -> 11%
-- (a 10% relative lift) with 80% power at the 5% level, two-sided
-- (R: power.prop.test(p1 = .10, p2 = .11, power = .8)).  n is fractional,
-- as in R: round it up.
SELECT ceil(n) AS users_per_variant, power
FROM power_prop_test(p1 => 0.10, p2 => 0.11, power => 0.8);

-- The same plan with an unequal split, 90% control / 10% treatment:
-- group 1 is the control (p1), group 2 the treatment, ratio = n2 / n1.
SELECT ceil(n) AS control_users, ceil(n2) AS treatment_users,
	   ceil(n) + ceil(n2) AS total_users
FROM power_prop_test(p1 => 0.10, p2 => 0.11, power => 0.8, ratio => 1.0 / 9);

-- Planning a revenue test with the spread observed in the control:
-- users per variant to detect +5% revenue per user (R's power.t.test,
-- which assumes one common sd).
SELECT ceil(p.n) AS users_per_variant, round(p.delta::numeric, 3) AS delta,
	   round(p.sd::numeric, 2) AS sd
FROM (SELECT mean(rollup(revenue)) AS m, stddev(rollup(revenue)) AS s
	  FROM daily_summary WHERE variant = 'A') a,
	 power_t_test(delta => 0.05 * a.m, sd => a.s, power => 0.8) p;

-- The power curve a dashboard plots: power to detect each absolute lift
-- in conversion rate with 100,000 users per variant (sd of a 0/1 metric
-- at 10% is sqrt(0.1 * 0.9) = 0.3).
SELECT round(delta::numeric, 4) AS lift, round(power::numeric, 3) AS power
FROM power_curve(n => 100000, sd => 0.3, delta_from => 0, delta_to => 0.006, steps => 7);

-- Live: can we stop yet?  sample_size_check uses each arm's observed
-- variance and the observed split (a two-sided Welch test): users needed
-- per arm to detect the effect, whether we have them, the power now, and
-- the smallest effect detectable now (here relative to the control mean).
SELECT s.metric, c.n_treatment, c.n_control, c.n_required_treatment,
	   c.n_required_control, c.enough,
	   round(c.power_at_current_n::numeric, 3) AS power_now,
	   round(c.mde_at_current_n::numeric, 3) AS relative_mde_now
FROM (SELECT 'revenue +5%' AS metric,
			 rollup(revenue) FILTER (WHERE variant = 'B') AS treatment,
			 rollup(revenue) FILTER (WHERE variant = 'A') AS control
	  FROM daily_summary
	  UNION ALL
	  SELECT 'conversion +5%',
			 rollup(converted) FILTER (WHERE variant = 'B'),
			 rollup(converted) FILTER (WHERE variant = 'A')
	  FROM daily_summary) s,
	 LATERAL sample_size_check(s.treatment, s.control, mde => 0.05, relative => true) c;

-- The conversion check week by week, on the data available at the time:
-- the first week where `enough` is true is when the test could have stopped.
SELECT w.through, c.n_treatment, c.n_control, c.n_required_control, c.enough,
	   round(c.power_at_current_n::numeric, 3) AS power_now,
	   round(c.mde_at_current_n::numeric, 3) AS relative_mde_now
FROM (VALUES (date '2026-10-07'), (date '2026-10-14'), (date '2026-10-21'),
			 (date '2026-10-28')) AS w(through),
	 LATERAL (SELECT rollup(converted) FILTER (WHERE variant = 'B') AS treatment,
					 rollup(converted) FILTER (WHERE variant = 'A') AS control
			  FROM daily_summary WHERE day <= w.through) AS s,
	 LATERAL sample_size_check(s.treatment, s.control, mde => 0.05, relative => true) AS c
ORDER BY w.through;
