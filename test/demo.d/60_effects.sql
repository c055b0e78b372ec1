-- Reading the experiment like a dashboard: per metric the relative lift
-- B / A - 1 with its 95% interval, the absolute difference and the
-- p-value; the same with CUPED (pre-experiment data as covariates); the
-- p-values corrected for testing three metrics; and how many users the
-- adjusted metrics need.
-- experiment_users(user_id, day, variant, variant2, revenue, converted,
-- pre_revenue, sessions, orders, pre_sessions, pre_orders) is created by
-- 10_load.sql.


-- == The dashboard row of three metrics, in one scan: revenue per user,
--    conversion, and orders per session, a ratio of means (users are
--    randomized, sessions are not: ratio_test uses the delta method).
--    The relative interval is Fieller's: it excludes 0 exactly when p < 0.05.
SELECT r.metric, r.control_mean AS a, r.treatment_mean AS b,
	   format('%s%% [%s%%, %s%%]', round(100 * r.rel_estimate::numeric, 2),
			  round(100 * r.rel_ci_lower::numeric, 2),
			  round(100 * r.rel_ci_upper::numeric, 2)) AS "lift (95% CI)",
	   r.estimate AS difference, r.p_value
FROM (SELECT stats_agg(revenue) FILTER (WHERE variant = 'B') AS revenue_b,
			 stats_agg(revenue) FILTER (WHERE variant = 'A') AS revenue_a,
			 stats_agg(converted) FILTER (WHERE variant = 'B') AS converted_b,
			 stats_agg(converted) FILTER (WHERE variant = 'A') AS converted_a,
			 stats_agg(orders, sessions) FILTER (WHERE variant = 'B') AS ops_b,
			 stats_agg(orders, sessions) FILTER (WHERE variant = 'A') AS ops_a
	  FROM experiment_users) s,
	 LATERAL (SELECT 'revenue' AS metric, * FROM ab_test(s.revenue_b, s.revenue_a)
			  UNION ALL
			  SELECT 'conversion', * FROM ab_test(s.converted_b, s.converted_a)
			  UNION ALL
			  SELECT 'orders per session', * FROM ratio_test(s.ops_b, s.ops_a)) r;


-- == The full row for revenue (psql's expanded display)
\x on
SELECT r.*
FROM (SELECT stats_agg(revenue) FILTER (WHERE variant = 'B') AS b,
			 stats_agg(revenue) FILTER (WHERE variant = 'A') AS a
	  FROM experiment_users) s,
	 LATERAL ab_test(s.b, s.a) r;
\x off


-- == The same with CUPED: each metric adjusted by its pre-experiment values
--    (revenue by pre-period revenue; conversion by pre-period conversion and
--    revenue; orders per session by the pre-period orders per session).
--    A narrower interval (and a somewhat different lift: the adjusted means
--    differ from the raw ones): variance_reduction is the
--    share of the squared standard error removed, width the interval's
--    width relative to the unadjusted one above.
SELECT r.metric,
	   format('%s%% [%s%%, %s%%]', round(100 * r.rel_estimate::numeric, 2),
			  round(100 * r.rel_ci_lower::numeric, 2),
			  round(100 * r.rel_ci_upper::numeric, 2)) AS "lift (95% CI), CUPED",
	   r.p_value, r.variance_reduction,
	   round((r.ci_upper - r.ci_lower)::numeric / (r.plain_upper - r.plain_lower)::numeric, 3) AS width
FROM (SELECT stats_agg(revenue) FILTER (WHERE variant = 'B') AS revenue_b,
			 stats_agg(revenue) FILTER (WHERE variant = 'A') AS revenue_a,
			 stats_agg(revenue, pre_revenue) FILTER (WHERE variant = 'B') AS revenue_pre_b,
			 stats_agg(revenue, pre_revenue) FILTER (WHERE variant = 'A') AS revenue_pre_a,
			 stats_agg(converted) FILTER (WHERE variant = 'B') AS converted_b,
			 stats_agg(converted) FILTER (WHERE variant = 'A') AS converted_a,
			 stats_agg(converted, (pre_orders > 0)::int, pre_revenue)
				 FILTER (WHERE variant = 'B') AS converted_pre_b,
			 stats_agg(converted, (pre_orders > 0)::int, pre_revenue)
				 FILTER (WHERE variant = 'A') AS converted_pre_a,
			 stats_agg(orders, sessions) FILTER (WHERE variant = 'B') AS ops_b,
			 stats_agg(orders, sessions) FILTER (WHERE variant = 'A') AS ops_a,
			 stats_agg(orders, sessions, pre_orders, pre_sessions)
				 FILTER (WHERE variant = 'B') AS ops_pre_b,
			 stats_agg(orders, sessions, pre_orders, pre_sessions)
				 FILTER (WHERE variant = 'A') AS ops_pre_a
	  FROM experiment_users) s,
	 LATERAL (SELECT 1 AS i, 'revenue' AS metric, c.*,
					 p.ci_lower AS plain_lower, p.ci_upper AS plain_upper
			  FROM cuped_test(s.revenue_pre_b, s.revenue_pre_a) c,
				   ab_test(s.revenue_b, s.revenue_a) p
			  UNION ALL
			  SELECT 2, 'conversion', c.*, p.ci_lower, p.ci_upper
			  FROM cuped_test(s.converted_pre_b, s.converted_pre_a) c,
				   ab_test(s.converted_b, s.converted_a) p
			  UNION ALL
			  SELECT 3, 'orders per session', c.*, p.ci_lower, p.ci_upper
			  FROM ratio_test(s.ops_pre_b, s.ops_pre_a) c,
				   ratio_test(s.ops_b, s.ops_a) p) r
ORDER BY r.i;


-- == Three metrics tested at once: p-values adjusted for multiple testing
--    (R's p.adjust), as a window function over the dashboard's rows.
--    Holm controls the chance of any false positive, BH the false discovery rate.
SELECT metric, p_value,
	   p_adjust(p_value, 'holm') OVER () AS holm,
	   p_adjust(p_value, 'BH') OVER () AS bh
FROM (SELECT stats_agg(revenue, pre_revenue) FILTER (WHERE variant = 'B') AS revenue_b,
			 stats_agg(revenue, pre_revenue) FILTER (WHERE variant = 'A') AS revenue_a,
			 stats_agg(converted, (pre_orders > 0)::int, pre_revenue)
				 FILTER (WHERE variant = 'B') AS converted_b,
			 stats_agg(converted, (pre_orders > 0)::int, pre_revenue)
				 FILTER (WHERE variant = 'A') AS converted_a,
			 stats_agg(orders, sessions, pre_orders, pre_sessions)
				 FILTER (WHERE variant = 'B') AS ops_b,
			 stats_agg(orders, sessions, pre_orders, pre_sessions)
				 FILTER (WHERE variant = 'A') AS ops_a
	  FROM experiment_users) s,
	 LATERAL (SELECT 1 AS i, 'revenue' AS metric, p_value FROM cuped_test(s.revenue_b, s.revenue_a)
			  UNION ALL
			  SELECT 2, 'conversion', p_value FROM cuped_test(s.converted_b, s.converted_a)
			  UNION ALL
			  SELECT 3, 'orders per session', p_value FROM ratio_test(s.ops_b, s.ops_a)) r
ORDER BY i;


-- == From stored summaries: a materialized view keeps one joint summary per
--    day and variant; any date range rolls up into the same dashboard row as
--    a scan of the raw rows (here the first two weeks).
CREATE MATERIALIZED VIEW daily_effects AS
SELECT day, variant,
	   stats_agg(revenue, pre_revenue) AS revenue,
	   stats_agg(orders, sessions, pre_orders, pre_sessions) AS orders_per_session
FROM experiment_users
GROUP BY day, variant;

SELECT r.metric, r.rel_estimate, r.rel_ci_lower, r.rel_ci_upper, r.p_value,
	   r.variance_reduction
FROM (SELECT rollup(revenue) FILTER (WHERE variant = 'B') AS revenue_b,
			 rollup(revenue) FILTER (WHERE variant = 'A') AS revenue_a,
			 rollup(orders_per_session) FILTER (WHERE variant = 'B') AS ops_b,
			 rollup(orders_per_session) FILTER (WHERE variant = 'A') AS ops_a
	  FROM daily_effects WHERE day < date '2026-10-15') s,
	 LATERAL (SELECT 'revenue' AS metric, * FROM cuped_test(s.revenue_b, s.revenue_a)
			  UNION ALL
			  SELECT 'orders per session', * FROM ratio_test(s.ops_b, s.ops_a)) r;


-- == Enough data?  The adjusted variance is what sets the sample size: users
--    per arm needed to detect a 10% lift in revenue per user (80% power, 5%
--    level, two-sided), without and with the pre-period covariate, and the
--    lift detectable with the users we have.
SELECT 'revenue' AS metric, c.n_control, c.n_required_control, c.enough,
	   c.power_at_current_n, c.mde_at_current_n
FROM (SELECT stats_agg(revenue) FILTER (WHERE variant = 'B') AS b,
			 stats_agg(revenue) FILTER (WHERE variant = 'A') AS a
	  FROM experiment_users WHERE day < date '2026-10-08') s,
	 LATERAL sample_size_check_relative(s.b, s.a, mde => 0.10) c
UNION ALL
SELECT 'revenue, CUPED', c.n_control, c.n_required_control, c.enough,
	   c.power_at_current_n, c.mde_at_current_n
FROM (SELECT stats_agg(revenue, pre_revenue) FILTER (WHERE variant = 'B') AS b,
			 stats_agg(revenue, pre_revenue) FILTER (WHERE variant = 'A') AS a
	  FROM experiment_users WHERE day < date '2026-10-08') s,
	 LATERAL sample_size_check_cuped(s.b, s.a, mde => 0.10, relative => true) c
UNION ALL
SELECT 'orders per session', c.n_control, c.n_required_control, c.enough,
	   c.power_at_current_n, c.mde_at_current_n
FROM (SELECT stats_agg(orders, sessions) FILTER (WHERE variant = 'B') AS b,
			 stats_agg(orders, sessions) FILTER (WHERE variant = 'A') AS a
	  FROM experiment_users WHERE day < date '2026-10-08') s,
	 LATERAL sample_size_check_ratio(s.b, s.a, mde => 0.10, relative => true) c
UNION ALL
SELECT 'orders per session, CUPED', c.n_control, c.n_required_control, c.enough,
	   c.power_at_current_n, c.mde_at_current_n
FROM (SELECT stats_agg(orders, sessions, pre_orders, pre_sessions) FILTER (WHERE variant = 'B') AS b,
			 stats_agg(orders, sessions, pre_orders, pre_sessions) FILTER (WHERE variant = 'A') AS a
	  FROM experiment_users WHERE day < date '2026-10-08') s,
	 LATERAL sample_size_check_ratio(s.b, s.a, mde => 0.10, relative => true) c;
