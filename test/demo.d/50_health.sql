-- Experiment health: before reading any effect, check that the assignment
-- worked (sample-ratio mismatch), that the second experiment running on the
-- same users was assigned independently of the first, and whether the two
-- experiments interact.
-- experiment_users(user_id, day, variant 'A'/'B', variant2 'X'/'Y',
-- revenue, converted) is created by the earlier demo steps.


-- == Sample-ratio mismatch: assignment counts against the configured 50/50 split
--    (mismatch = p_value < 0.001; a mismatch means the assignment or the logging is broken)
SELECT users_a, users_b, s.*
FROM (SELECT count(*) FILTER (WHERE variant = 'A') AS users_a,
			 count(*) FILTER (WHERE variant = 'B') AS users_b
	  FROM experiment_users) c,
	 srm_test(ARRAY[users_a, users_b]) s;


-- == The same check day by day (a mismatch that starts on one day points at a deploy)
SELECT day, users_a, users_b, round(s.p_value::numeric, 6) AS p_value, s.mismatch
FROM (SELECT day,
			 count(*) FILTER (WHERE variant = 'A') AS users_a,
			 count(*) FILTER (WHERE variant = 'B') AS users_b
	  FROM experiment_users GROUP BY day) c,
	 srm_test(ARRAY[users_a, users_b]) s
ORDER BY day;


-- == Were the two experiments assigned independently? chisq_test on the 2x2 assignment counts
SELECT c.counts AS "[[A&X, A&Y], [B&X, B&Y]]", s.*
FROM (SELECT ARRAY[[count(*) FILTER (WHERE variant = 'A' AND variant2 = 'X'),
					count(*) FILTER (WHERE variant = 'A' AND variant2 = 'Y')],
				   [count(*) FILTER (WHERE variant = 'B' AND variant2 = 'X'),
					count(*) FILTER (WHERE variant = 'B' AND variant2 = 'Y')]] AS counts
	  FROM experiment_users) c,
	 chisq_test(c.counts) s;


-- == Does the effect of B on revenue depend on the second experiment's arm?
--    estimate = (B - A among Y users) - (B - A among X users), Welch-Satterthwaite t test
SELECT round(mean(a0b0)::numeric, 4) AS a_x, round(mean(a0b1)::numeric, 4) AS a_y,
	   round(mean(a1b0)::numeric, 4) AS b_x, round(mean(a1b1)::numeric, 4) AS b_y, i.*
FROM (SELECT stats_agg(revenue) FILTER (WHERE variant = 'A' AND variant2 = 'X') AS a0b0,
			 stats_agg(revenue) FILTER (WHERE variant = 'A' AND variant2 = 'Y') AS a0b1,
			 stats_agg(revenue) FILTER (WHERE variant = 'B' AND variant2 = 'X') AS a1b0,
			 stats_agg(revenue) FILTER (WHERE variant = 'B' AND variant2 = 'Y') AS a1b1
	  FROM experiment_users) c,
	 interaction_test(a0b0, a0b1, a1b0, a1b1) i;
