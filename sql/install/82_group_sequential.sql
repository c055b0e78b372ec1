-- ---------------------------------------------------------------------
-- Group-sequential designs: Lan-DeMets alpha spending
-- ---------------------------------------------------------------------

CREATE FUNCTION gs_boundaries(looks integer, alpha float8 DEFAULT 0.05,
							  spending text DEFAULT 'obrien-fleming',
							  info float8[] DEFAULT NULL,
							  alternative text DEFAULT 'two-sided',
							  rho float8 DEFAULT 1)
	RETURNS TABLE (look integer, information float8, z_boundary float8,
				   nominal_p float8, cumulative_alpha_spent float8)
	AS 'MODULE_PATHNAME', 'gs_boundaries_sql' LANGUAGE C IMMUTABLE PARALLEL SAFE
	ROWS 5;
COMMENT ON FUNCTION gs_boundaries(integer, float8, text, float8[], text, float8) IS
	'Lan-DeMets group-sequential boundaries, one row per look: O''Brien-Fleming type (default), Pocock type or power (alpha t^rho) spending, two-sided symmetric (alpha/2 per side) or one-sided, at equally spaced looks or the information fractions info (as R ldbounds / gsDesign)';

CREATE TYPE gs_test_result AS (
	statistic float8,
	p_value float8,
	estimate float8,
	ci_lower float8,
	ci_upper float8,
	std_error float8,
	information float8,
	z_boundary float8,
	nominal_p float8,
	cumulative_alpha_spent float8,
	crossed boolean,
	method text
);
COMMENT ON TYPE gs_test_result IS
	'result of gs_test(): z statistic and its nominal p-value, difference of means with its repeated confidence interval and standard error, information fraction, the boundary of this look and its nominal p, alpha spent so far, whether the boundary is crossed, method';

CREATE FUNCTION gs_test(treatment stats_summary, control stats_summary,
						planned_n bigint, previous_n bigint[] DEFAULT '{}',
						alpha float8 DEFAULT 0.05,
						spending text DEFAULT 'obrien-fleming',
						alternative text DEFAULT 'two-sided',
						rho float8 DEFAULT 1)
	RETURNS gs_test_result
	AS 'MODULE_PATHNAME', 'gs_test_summary' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION gs_test(stats_summary, stats_summary, bigint, bigint[], float8, text, text, float8) IS
	'the current look of a Lan-DeMets group-sequential test of mean(treatment) - mean(control): information = (n_treatment + n_control) / planned_n, earlier looks at the totals previous_n; is the boundary crossed?';
