-- ---------------------------------------------------------------------
-- Distribution functions, as R's: p* (CDF, lower_tail => false for the
-- upper tail computed directly), q* (quantile), d* (density or mass).
-- Accurate to 1e-10 relative against R across the ranges tested in
-- sql/distributions.sql (see src/dist.c).
-- ---------------------------------------------------------------------

-- normal

CREATE FUNCTION pnorm(q float8, mean float8 DEFAULT 0, sd float8 DEFAULT 1, lower_tail boolean DEFAULT true) RETURNS float8
	AS 'MODULE_PATHNAME', 'abstats_pnorm' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION pnorm(float8, float8, float8, boolean) IS
	'normal distribution function P[X <= q] (upper tail P[X > q] with lower_tail => false), as R''s pnorm';

CREATE FUNCTION qnorm(p float8, mean float8 DEFAULT 0, sd float8 DEFAULT 1, lower_tail boolean DEFAULT true) RETURNS float8
	AS 'MODULE_PATHNAME', 'abstats_qnorm' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION qnorm(float8, float8, float8, boolean) IS
	'normal quantile function, as R''s qnorm';

CREATE FUNCTION dnorm(x float8, mean float8 DEFAULT 0, sd float8 DEFAULT 1) RETURNS float8
	AS 'MODULE_PATHNAME', 'abstats_dnorm' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dnorm(float8, float8, float8) IS
	'normal density, as R''s dnorm';

-- Student t

CREATE FUNCTION pt(q float8, df float8, lower_tail boolean DEFAULT true) RETURNS float8
	AS 'MODULE_PATHNAME', 'abstats_pt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION pt(float8, float8, boolean) IS
	'Student t distribution function P[X <= q] (upper tail P[X > q] with lower_tail => false), as R''s pt';

CREATE FUNCTION qt(p float8, df float8, lower_tail boolean DEFAULT true) RETURNS float8
	AS 'MODULE_PATHNAME', 'abstats_qt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION qt(float8, float8, boolean) IS
	'Student t quantile function, as R''s qt';

CREATE FUNCTION dt(x float8, df float8) RETURNS float8
	AS 'MODULE_PATHNAME', 'abstats_dt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dt(float8, float8) IS
	'Student t density, as R''s dt';

-- chi-squared

CREATE FUNCTION pchisq(q float8, df float8, lower_tail boolean DEFAULT true) RETURNS float8
	AS 'MODULE_PATHNAME', 'abstats_pchisq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION pchisq(float8, float8, boolean) IS
	'chi-squared distribution function P[X <= q] (upper tail P[X > q] with lower_tail => false), as R''s pchisq';

CREATE FUNCTION qchisq(p float8, df float8, lower_tail boolean DEFAULT true) RETURNS float8
	AS 'MODULE_PATHNAME', 'abstats_qchisq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION qchisq(float8, float8, boolean) IS
	'chi-squared quantile function, as R''s qchisq';

CREATE FUNCTION dchisq(x float8, df float8) RETURNS float8
	AS 'MODULE_PATHNAME', 'abstats_dchisq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dchisq(float8, float8) IS
	'chi-squared density, as R''s dchisq';

-- F

CREATE FUNCTION pf(q float8, df1 float8, df2 float8, lower_tail boolean DEFAULT true) RETURNS float8
	AS 'MODULE_PATHNAME', 'abstats_pf' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION pf(float8, float8, float8, boolean) IS
	'F distribution function P[X <= q] (upper tail P[X > q] with lower_tail => false), as R''s pf';

CREATE FUNCTION qf(p float8, df1 float8, df2 float8, lower_tail boolean DEFAULT true) RETURNS float8
	AS 'MODULE_PATHNAME', 'abstats_qf' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION qf(float8, float8, float8, boolean) IS
	'F quantile function, as R''s qf';

CREATE FUNCTION df(x float8, df1 float8, df2 float8) RETURNS float8
	AS 'MODULE_PATHNAME', 'abstats_df' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION df(float8, float8, float8) IS
	'F density, as R''s df';

-- beta

CREATE FUNCTION pbeta(q float8, shape1 float8, shape2 float8, lower_tail boolean DEFAULT true) RETURNS float8
	AS 'MODULE_PATHNAME', 'abstats_pbeta' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION pbeta(float8, float8, float8, boolean) IS
	'beta distribution function P[X <= q] (upper tail P[X > q] with lower_tail => false), as R''s pbeta';

CREATE FUNCTION qbeta(p float8, shape1 float8, shape2 float8, lower_tail boolean DEFAULT true) RETURNS float8
	AS 'MODULE_PATHNAME', 'abstats_qbeta' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION qbeta(float8, float8, float8, boolean) IS
	'beta quantile function, as R''s qbeta';

CREATE FUNCTION dbeta(x float8, shape1 float8, shape2 float8) RETURNS float8
	AS 'MODULE_PATHNAME', 'abstats_dbeta' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dbeta(float8, float8, float8) IS
	'beta density, as R''s dbeta';

-- binomial

CREATE FUNCTION pbinom(q float8, size float8, prob float8, lower_tail boolean DEFAULT true) RETURNS float8
	AS 'MODULE_PATHNAME', 'abstats_pbinom' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION pbinom(float8, float8, float8, boolean) IS
	'binomial distribution function P[X <= q] (upper tail P[X > q] with lower_tail => false), as R''s pbinom';

CREATE FUNCTION qbinom(p float8, size float8, prob float8, lower_tail boolean DEFAULT true) RETURNS float8
	AS 'MODULE_PATHNAME', 'abstats_qbinom' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION qbinom(float8, float8, float8, boolean) IS
	'binomial quantile function, as R''s qbinom';

CREATE FUNCTION dbinom(x float8, size float8, prob float8) RETURNS float8
	AS 'MODULE_PATHNAME', 'abstats_dbinom' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dbinom(float8, float8, float8) IS
	'binomial probability P[X = x] (0 unless x is a whole number), as R''s dbinom';

-- Poisson

CREATE FUNCTION ppois(q float8, lambda float8, lower_tail boolean DEFAULT true) RETURNS float8
	AS 'MODULE_PATHNAME', 'abstats_ppois' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ppois(float8, float8, boolean) IS
	'Poisson distribution function P[X <= q] (upper tail P[X > q] with lower_tail => false), as R''s ppois';

CREATE FUNCTION qpois(p float8, lambda float8, lower_tail boolean DEFAULT true) RETURNS float8
	AS 'MODULE_PATHNAME', 'abstats_qpois' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION qpois(float8, float8, boolean) IS
	'Poisson quantile function, as R''s qpois';

CREATE FUNCTION dpois(x float8, lambda float8) RETURNS float8
	AS 'MODULE_PATHNAME', 'abstats_dpois' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dpois(float8, float8) IS
	'Poisson probability P[X = x] (0 unless x is a whole number), as R''s dpois';
