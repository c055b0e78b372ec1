-- Peeking safely: the experiment read every day, as a dashboard does.
-- Daily cumulative summaries (rolled up from daily_summary) give each
-- day's look; sequential_test's always-valid p-value and confidence
-- sequence may be read at every look, t_test's may not.  Then the planned
-- alternative (weekly interim analyses with Lan-DeMets boundaries) and the
-- Bayesian readout (chance to win, expected loss).
-- daily_summary(day, variant, revenue, converted) is created by 10_load.sql.


-- == The looks: one row per day with the summaries of everything so far
CREATE MATERIALIZED VIEW cumulative_revenue AS
SELECT day,
	   rollup(rollup(revenue) FILTER (WHERE variant = 'B')) OVER (ORDER BY day) AS b,
	   rollup(rollup(revenue) FILTER (WHERE variant = 'A')) OVER (ORDER BY day) AS a
FROM daily_summary
GROUP BY day;


-- == Revenue, looked at daily.  t_test's p-value is valid only at a look
--    fixed in advance; sequential_test's (N* = 5000 users by default) at
--    every look.  The running minimum of the p-value and the running
--    intersection of the sequences (running_lower, running_upper) are what
--    to act on: they never go back, and they agree with each other.
SELECT c.day, n(c.b) + n(c.a) AS users,
	   round(t.p_value::numeric, 4) AS t_test_p,
	   round(s.p_value::numeric, 4) AS sequential_p,
	   round(min(s.p_value) OVER w::numeric, 4) AS running_p,
	   round(s.ci_lower::numeric, 3) AS lower, round(s.ci_upper::numeric, 3) AS upper,
	   round(max(s.ci_lower) OVER w::numeric, 3) AS running_lower,
	   round(min(s.ci_upper) OVER w::numeric, 3) AS running_upper
FROM cumulative_revenue c,
	 LATERAL t_test(c.b, c.a) t,
	 LATERAL sequential_test(c.b, c.a) s
WINDOW w AS (ORDER BY c.day)
ORDER BY c.day;


-- == The first day each would have declared B the winner at 5%
SELECT min(c.day) FILTER (WHERE t.p_value < 0.05) AS t_test_first,
	   min(c.day) FILTER (WHERE s.p_value < 0.05) AS sequential_first
FROM cumulative_revenue c,
	 LATERAL t_test(c.b, c.a) t,
	 LATERAL sequential_test(c.b, c.a) s;


-- == The plan instead of daily looks: four weekly analyses of 200,000
--    planned users, Lan-DeMets O'Brien-Fleming-type boundaries
SELECT look, information, round(z_boundary::numeric, 3) AS z_boundary,
	   round(nominal_p::numeric, 5) AS nominal_p,
	   round(cumulative_alpha_spent::numeric, 5) AS alpha_spent
FROM gs_boundaries(4);


-- == ... applied with the information actually reached at each week
--    (the boundaries depend on it): crossed says whether to stop
WITH weekly AS (
	SELECT day, b, a, n(b) + n(a) AS users
	FROM cumulative_revenue
	WHERE day IN ('2026-10-07', '2026-10-14', '2026-10-21', '2026-10-28')
)
SELECT w.day, w.users, round(g.information::numeric, 3) AS information,
	   round(g.statistic::numeric, 3) AS z, round(g.z_boundary::numeric, 3) AS z_boundary,
	   g.crossed, round(g.ci_lower::numeric, 3) AS rci_lower,
	   round(g.ci_upper::numeric, 3) AS rci_upper
FROM weekly w,
	 LATERAL gs_test(w.b, w.a, planned_n => 200000,
					 previous_n => coalesce((SELECT array_agg(e.users ORDER BY e.day)
											 FROM weekly e WHERE e.day < w.day), '{}')) g
ORDER BY w.day;


-- == The Bayesian readout of the whole experiment: revenue (GrowthBook's
--    Gaussian model of the relative lift, flat prior and a N(0, 0.3^2)
--    prior on the lift) and conversion (Beta posteriors)
SELECT p.prior, round(b.rel_estimate::numeric, 4) AS lift,
	   round(b.rel_ci_lower::numeric, 4) AS lower, round(b.rel_ci_upper::numeric, 4) AS upper,
	   b.chance_to_win, b.loss_treatment, b.loss_control
FROM (SELECT rollup(revenue) FILTER (WHERE variant = 'B') AS b,
			 rollup(revenue) FILTER (WHERE variant = 'A') AS a
	  FROM daily_summary) s,
	 (VALUES ('flat', NULL::float8), ('N(0, 0.3^2)', 0.3)) p(prior, sd),
	 LATERAL bayes_test(s.b, s.a, prior_sd => p.sd) b;

SELECT x_b, n_b, x_a, n_a, r.chance_to_win, r.loss_treatment, r.loss_control
FROM (SELECT round(sum(n(converted) * mean(converted)) FILTER (WHERE variant = 'B'))::bigint AS x_b,
			 sum(n(converted)) FILTER (WHERE variant = 'B')::bigint AS n_b,
			 round(sum(n(converted) * mean(converted)) FILTER (WHERE variant = 'A'))::bigint AS x_a,
			 sum(n(converted)) FILTER (WHERE variant = 'A')::bigint AS n_a
	  FROM daily_summary) c,
	 LATERAL bayes_prop_test(c.x_b, c.n_b, c.x_a, c.n_a) r;
