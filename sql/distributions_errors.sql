-- Every invalid argument of the distribution functions raises 22023
-- naming the argument; each statement's SQLSTATE and message.
CREATE FUNCTION pg_temp.try(stmt text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	detail text;
BEGIN
	EXECUTE stmt;
	RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS detail = PG_EXCEPTION_DETAIL;
	RETURN SQLSTATE || ': ' || SQLERRM || coalesce(' (' || nullif(detail, '') || ')', '');
END
$$;

SELECT stmt, pg_temp.try(stmt) AS result
FROM (VALUES
	-- probabilities outside [0, 1] (and NaN) in every quantile function
	('SELECT qnorm(1.5)'), ('SELECT qnorm(-0.1)'), ('SELECT qnorm(''NaN'')'),
	('SELECT qt(2, 5)'), ('SELECT qchisq(-1, 3)'), ('SELECT qf(1.1, 2, 3)'),
	('SELECT qbeta(-0.5, 2, 3)'), ('SELECT qbinom(1.01, 10, 0.5)'), ('SELECT qpois(-0.01, 3)'),
	-- NaN quantiles / points
	('SELECT pnorm(''NaN'')'), ('SELECT dnorm(''NaN'')'), ('SELECT pt(''NaN'', 3)'),
	('SELECT dt(''NaN'', 3)'), ('SELECT pchisq(''NaN'', 3)'), ('SELECT dchisq(''NaN'', 3)'),
	('SELECT pf(''NaN'', 2, 3)'), ('SELECT df(''NaN'', 2, 3)'), ('SELECT pbeta(''NaN'', 2, 3)'),
	('SELECT dbeta(''NaN'', 2, 3)'), ('SELECT pbinom(''NaN'', 10, 0.5)'),
	('SELECT dbinom(''NaN'', 10, 0.5)'), ('SELECT ppois(''NaN'', 3)'), ('SELECT dpois(''NaN'', 3)'),
	-- normal: sd <= 0, non-finite mean or sd
	('SELECT pnorm(1, 0, 0)'), ('SELECT qnorm(0.5, 0, -1)'), ('SELECT dnorm(0, 0, ''Infinity'')'),
	('SELECT pnorm(1, ''Infinity'', 1)'), ('SELECT dnorm(1, ''NaN'', 1)'),
	-- degrees of freedom <= 0 or not finite
	('SELECT pt(1, 0)'), ('SELECT qt(0.5, -2)'), ('SELECT dt(0, ''Infinity'')'),
	('SELECT pchisq(1, 0)'), ('SELECT qchisq(0.5, -1)'), ('SELECT dchisq(1, ''NaN'')'),
	('SELECT pf(1, 0, 3)'), ('SELECT qf(0.5, 2, 0)'), ('SELECT df(1, -1, 3)'), ('SELECT df(1, 2, ''Infinity'')'),
	-- beta shapes < 0 or not finite (0 is R's point mass)
	('SELECT pbeta(0.5, -0.1, 1)'), ('SELECT qbeta(0.5, 1, -1)'), ('SELECT dbeta(0.5, ''Infinity'', 1)'),
	-- binomial: size not a whole number in [0, 2^53], prob outside [0, 1]
	('SELECT pbinom(1, 10.5, 0.5)'), ('SELECT qbinom(0.5, -1, 0.5)'), ('SELECT dbinom(1, 1e16, 0.5)'),
	('SELECT dbinom(1, ''Infinity'', 0.5)'), ('SELECT pbinom(1, 10, 1.5)'), ('SELECT qbinom(0.5, 10, -0.1)'),
	('SELECT dbinom(1, 10, ''NaN'')'),
	-- Poisson: lambda < 0 or not finite
	('SELECT ppois(1, -1)'), ('SELECT qpois(0.5, ''Infinity'')'), ('SELECT dpois(1, ''NaN'')'),
	-- not an error any more (0.1.0 gave up after ~1e8 series terms): R's
	-- value, 0.99921729878599508, and sql/dist_edges.sql checks the range
	('SELECT ppois(1e15 + 1e8, 1e15)')
) v(stmt);

-- NULL arguments give NULL (STRICT)
SELECT pnorm(NULL) IS NULL AS pnorm_null, qbinom(0.5, NULL, 0.5) IS NULL AS qbinom_null,
	pt(1, 3, NULL) IS NULL AS lower_tail_null;
