-- ---------------------------------------------------------------------
-- stats_summary: stored, mergeable sufficient statistics of a sample
-- ---------------------------------------------------------------------

CREATE TYPE stats_summary;

CREATE FUNCTION stats_summary_in(cstring) RETURNS stats_summary
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION stats_summary_out(stats_summary) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION stats_summary_recv(internal) RETURNS stats_summary
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION stats_summary_send(stats_summary) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE stats_summary (
	INTERNALLENGTH = 64,
	INPUT = stats_summary_in,
	OUTPUT = stats_summary_out,
	RECEIVE = stats_summary_recv,
	SEND = stats_summary_send,
	ALIGNMENT = double,
	STORAGE = plain,
	-- the preferred type of its category (U), so that an untyped literal
	-- such as n('v1 n=1 mean=0 m2=0') resolves to stats_summary among the
	-- overloads for joint_summary and stats_sample
	PREFERRED = true
);
COMMENT ON TYPE stats_summary IS
	'sufficient statistics of a numeric sample (n, mean, central moments M2..M4, min, max); stored and merged with rollup()';

-- A two-sided interval, the result of mean_ci() and other interval functions.
CREATE TYPE confidence_interval AS (lower float8, upper float8);
COMMENT ON TYPE confidence_interval IS 'a confidence interval (lower, upper)';

CREATE FUNCTION stats_summary(n bigint, mean float8, sd float8) RETURNS stats_summary
	AS 'MODULE_PATHNAME', 'stats_summary_make' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION stats_summary(bigint, float8, float8) IS
	'a summary from published numbers (n, mean, sample sd); skewness, kurtosis, min and max are then unknown';

-- accessors
CREATE FUNCTION n(s stats_summary) RETURNS bigint
	AS 'MODULE_PATHNAME', 'stats_summary_n' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION n(stats_summary) IS 'number of values summarized';
CREATE FUNCTION mean(s stats_summary) RETURNS float8
	AS 'MODULE_PATHNAME', 'stats_summary_mean' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION mean(stats_summary) IS 'arithmetic mean';
CREATE FUNCTION variance(s stats_summary) RETURNS float8
	AS 'MODULE_PATHNAME', 'stats_summary_variance' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION variance(stats_summary) IS 'sample variance (denominator n - 1); NULL when n < 2';
CREATE FUNCTION stddev(s stats_summary) RETURNS float8
	AS 'MODULE_PATHNAME', 'stats_summary_stddev' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION stddev(stats_summary) IS 'sample standard deviation (denominator n - 1); NULL when n < 2';
CREATE FUNCTION var_pop(s stats_summary) RETURNS float8
	AS 'MODULE_PATHNAME', 'stats_summary_var_pop' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION var_pop(stats_summary) IS 'population variance (denominator n)';
CREATE FUNCTION stddev_pop(s stats_summary) RETURNS float8
	AS 'MODULE_PATHNAME', 'stats_summary_stddev_pop' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION stddev_pop(stats_summary) IS 'population standard deviation (denominator n)';
CREATE FUNCTION sem(s stats_summary) RETURNS float8
	AS 'MODULE_PATHNAME', 'stats_summary_sem' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION sem(stats_summary) IS 'standard error of the mean, stddev / sqrt(n); NULL when n < 2';
CREATE FUNCTION skewness(s stats_summary) RETURNS float8
	AS 'MODULE_PATHNAME', 'stats_summary_skewness' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION skewness(stats_summary) IS
	'adjusted Fisher-Pearson skewness G1 (scipy skew(bias=False)); NULL when n < 3, zero variance or unknown';
CREATE FUNCTION kurtosis(s stats_summary) RETURNS float8
	AS 'MODULE_PATHNAME', 'stats_summary_kurtosis' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kurtosis(stats_summary) IS
	'excess kurtosis G2 (scipy kurtosis(bias=False)); NULL when n < 4, zero variance or unknown';
CREATE FUNCTION min_value(s stats_summary) RETURNS float8
	AS 'MODULE_PATHNAME', 'stats_summary_min_value' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION min_value(stats_summary) IS 'smallest value; NULL when unknown';
CREATE FUNCTION max_value(s stats_summary) RETURNS float8
	AS 'MODULE_PATHNAME', 'stats_summary_max_value' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION max_value(stats_summary) IS 'largest value; NULL when unknown';
CREATE FUNCTION mean_ci(s stats_summary, conf_level float8 DEFAULT 0.95) RETURNS confidence_interval
	AS 'MODULE_PATHNAME', 'stats_summary_mean_ci' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION mean_ci(stats_summary, float8) IS
	't-based confidence interval for the mean (as R t.test(x)$conf.int); NULL bounds when n < 2';

-- support functions (called by PostgreSQL, not by users)
COMMENT ON FUNCTION stats_summary_in(cstring) IS 'stats_summary text input (validates the v1 format)';
COMMENT ON FUNCTION stats_summary_out(stats_summary) IS 'stats_summary text output (v1 format, exact round trip)';
COMMENT ON FUNCTION stats_summary_recv(internal) IS 'stats_summary binary input (validates version, flags and fields)';
COMMENT ON FUNCTION stats_summary_send(stats_summary) IS 'stats_summary binary output';
