-- ---------------------------------------------------------------------
-- p_adjust: adjusted p-values for multiple comparisons (R's p.adjust)
-- ---------------------------------------------------------------------

CREATE FUNCTION p_adjust(p float8[], method text DEFAULT 'holm') RETURNS float8[]
	AS 'MODULE_PATHNAME', 'p_adjust_array' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION p_adjust(float8[], text) IS
	'adjusted p-values (R p.adjust): method holm (default), hochberg, hommel, bonferroni, BH (alias fdr), BY or none; NULLs stay in place and do not count';

-- An untyped literal, p_adjust('{0.01,0.04}', 'BH'), could be an array or a
-- number (the window form below); PostgreSQL prefers a text argument for it,
-- so this form takes such calls and reads the literal as float8[].
CREATE FUNCTION p_adjust(p text, method text DEFAULT 'holm') RETURNS float8[]
	AS 'MODULE_PATHNAME', 'p_adjust_text' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION p_adjust(text, text) IS
	'p_adjust(p::float8[], method) for an array literal such as ''{0.01,0.04}'' (so that untyped literals resolve)';

CREATE FUNCTION p_adjust(p float8, method text DEFAULT 'holm') RETURNS float8
	AS 'MODULE_PATHNAME', 'p_adjust_window' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION p_adjust(float8, text) IS
	'window function: the row''s p-value adjusted together with every p-value of its partition (whatever the frame or ORDER BY), e.g. p_adjust(p_value, ''BH'') OVER (PARTITION BY experiment); NULLs stay and do not count; method as for p_adjust(float8[]), the same on every row';
