-- ---------------------------------------------------------------------
-- Power, sample size and minimum detectable effect (src/power*.c)
-- ---------------------------------------------------------------------

CREATE FUNCTION pt(q float8, df float8, ncp float8, lower_tail boolean DEFAULT true)
	RETURNS float8
	AS 'MODULE_PATHNAME', 'pt_noncentral' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION pt(float8, float8, float8, boolean) IS
	'noncentral t distribution function P[T <= q] (R pt(q, df, ncp, lower.tail)); Lenth''s AS 243';

CREATE TYPE power_t_test_result AS (
	n float8,
	n2 float8,
	delta float8,
	sd float8,
	sig_level float8,
	power float8
);
COMMENT ON TYPE power_t_test_result IS
	'result of power_t_test(): n per group (n2 = ratio * n for two-sample designs), delta, sd, sig_level, power';

CREATE FUNCTION power_t_test(n float8 DEFAULT NULL, delta float8 DEFAULT NULL,
							 sd float8 DEFAULT 1, sig_level float8 DEFAULT 0.05,
							 power float8 DEFAULT NULL, type text DEFAULT 'two.sample',
							 alternative text DEFAULT 'two-sided', strict boolean DEFAULT false,
							 ratio float8 DEFAULT 1)
	RETURNS power_t_test_result
	AS 'MODULE_PATHNAME', 'power_t_test' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION power_t_test(float8, float8, float8, float8, float8, text, text, boolean, float8) IS
	'power of a t test, or the n, delta, sd or sig_level reaching a given power (R power.t.test; ratio = n2/n1 as pwr.t2n.test); leave exactly one of n, delta, sd, sig_level, power NULL';

CREATE TYPE power_prop_test_result AS (
	n float8,
	n2 float8,
	p1 float8,
	p2 float8,
	sig_level float8,
	power float8
);
COMMENT ON TYPE power_prop_test_result IS
	'result of power_prop_test(): n per group (n2 = ratio * n), p1, p2, sig_level, power';

CREATE FUNCTION power_prop_test(n float8 DEFAULT NULL, p1 float8 DEFAULT NULL,
								p2 float8 DEFAULT NULL, sig_level float8 DEFAULT 0.05,
								power float8 DEFAULT NULL, alternative text DEFAULT 'two-sided',
								strict boolean DEFAULT false, ratio float8 DEFAULT 1)
	RETURNS power_prop_test_result
	AS 'MODULE_PATHNAME', 'power_prop_test' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION power_prop_test(float8, float8, float8, float8, float8, text, boolean, float8) IS
	'power of the two-proportion z test, or the n, p1, p2 or sig_level reaching a given power (R power.prop.test; ratio = n2/n1); leave exactly one of n, p1, p2, sig_level, power NULL';

CREATE FUNCTION power_curve(n float8 DEFAULT NULL, delta float8 DEFAULT NULL,
							sd float8 DEFAULT 1, sig_level float8 DEFAULT 0.05,
							type text DEFAULT 'two.sample', alternative text DEFAULT 'two-sided',
							strict boolean DEFAULT false, ratio float8 DEFAULT 1,
							delta_from float8 DEFAULT NULL, delta_to float8 DEFAULT NULL,
							n_from float8 DEFAULT NULL, n_to float8 DEFAULT NULL,
							steps integer DEFAULT 21)
	RETURNS TABLE (n float8, delta float8, power float8)
	AS 'MODULE_PATHNAME', 'power_curve' LANGUAGE C IMMUTABLE PARALLEL SAFE
	ROWS 21;
COMMENT ON FUNCTION power_curve(float8, float8, float8, float8, text, text, boolean, float8, float8, float8, float8, float8, integer) IS
	't test power (as power_t_test) at steps evenly spaced points: give n with delta_from/delta_to, or delta with n_from/n_to';

CREATE TYPE sample_size_check_result AS (
	n_treatment bigint,
	n_control bigint,
	n_required_treatment bigint,
	n_required_control bigint,
	enough boolean,
	power_at_current_n float8,
	mde_at_current_n float8
);
COMMENT ON TYPE sample_size_check_result IS
	'result of sample_size_check(): current and required sizes per arm, whether the current ones suffice, the power now and the effect detectable now';

CREATE FUNCTION sample_size_check(treatment stats_summary, control stats_summary, mde float8,
								  relative boolean DEFAULT false, sig_level float8 DEFAULT 0.05,
								  power float8 DEFAULT 0.8)
	RETURNS sample_size_check_result
	AS 'MODULE_PATHNAME', 'sample_size_check' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION sample_size_check(stats_summary, stats_summary, float8, boolean, float8, float8) IS
	'has the experiment enough data to detect mde (absolute, or relative to the control mean)? two-sided Welch test with the observed variances and allocation';
