-- measure_power.sql: worst differences of the power family from its
-- references (what the tests check against tolerances, as numbers).
--
--   PG_ABS_SRCDIR=$PWD psql -X -d DB -f test/reference/measure_power.sql 2>/dev/null
--
-- in a database where abstats is installed (e.g. the server of test/demo),
-- from the top of the checkout (stderr holds the error tests of
-- sql/power.sql).  Temporary tables only.
\o /dev/null
\i sql/power.sql
\o
\pset null ''
-- power_t_test vs R (power.t.test / pwr.t2n.test, tol = 1e-14), by unknown
-- and by degrees of freedom (R's pnt() itself loses ~1e-10 at df >= 5e4)
SELECT unknown,
	   CASE WHEN type <> 'two.sample' THEN n_1 - 1 ELSE n_1 * (1 + ratio) - 2 END >= 5e4 AS df_ge_5e4,
	   count(*) AS cases,
	   max(greatest(abs(n_1 / e_n - 1), abs(delta_1 / e_delta - 1), abs(sd_1 / e_sd - 1),
					abs(sig_level_1 / e_sig_level - 1), abs(power_1 / e_power - 1))) AS worst_rel
FROM res_power_t GROUP BY 1, 2 ORDER BY 1, 2;
-- power_prop_test vs R (power.prop.test, tol = 1e-14; formula for ratio != 1)
SELECT unknown, count(*) AS cases,
	   max(greatest(err_n, err_p1, err_p2, err_sig_level, err_power)) AS worst_rel
FROM cmp_power_prop GROUP BY 1 ORDER BY 1;
-- round trips: power at the solved value vs the requested power
SELECT 'power_t_test' AS function, max(abs(p.power / r.power - 1)) AS worst_rel
FROM res_power_t r,
	 LATERAL power_t_test(n => r.n_1, delta => r.delta_1, sd => r.sd_1, sig_level => r.sig_level_1,
						  type => r.type, alternative => r.alternative, strict => r.strict,
						  ratio => r.ratio) p
WHERE r.unknown <> 'power'
UNION ALL
SELECT 'power_prop_test', max(abs(p.power / r.power - 1))
FROM res_power_prop r,
	 LATERAL power_prop_test(n => r.n_1, p1 => r.p1_1, p2 => r.p2_1, sig_level => r.sig_level_1,
							 alternative => r.alternative, strict => r.strict, ratio => r.ratio) p
WHERE r.unknown <> 'power';
-- sample_size_check vs the Welch power written in R
SELECT count(*) AS cases,
	   max(abs(power_at_current_n / e_power_now - 1)) AS worst_rel_power,
	   max(abs(mde_at_current_n / e_mde_now - 1)) AS worst_rel_mde,
	   count(*) FILTER (WHERE n_required_control <> e_n_required_control
						OR n_required_treatment <> e_n_required_treatment) AS n_required_differing
FROM res_ssc;
