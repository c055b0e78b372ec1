-- abstats is a trusted extension: a database owner without superuser can
-- install it, and its install script cannot be hijacked through search_path.
SELECT name, version, superuser, trusted, relocatable
FROM pg_available_extension_versions WHERE name = 'abstats';

SELECT current_database() AS regress_db, current_user AS regress_user \gset
CREATE ROLE regress_abstats_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;
CREATE ROLE regress_abstats_hostile LOGIN NOSUPERUSER;
CREATE DATABASE regress_abstats_trusted OWNER regress_abstats_owner;

-- Another user prepares traps: functions named like abstats' own, in a
-- schema that is first on the owner's search_path.
\c regress_abstats_trusted :regress_user
CREATE SCHEMA hostile AUTHORIZATION regress_abstats_hostile;
\c regress_abstats_trusted regress_abstats_hostile
GRANT USAGE ON SCHEMA hostile TO PUBLIC;
CREATE TABLE hostile.calls (what text);
GRANT INSERT, SELECT ON hostile.calls TO PUBLIC;
CREATE FUNCTION hostile.n(anyelement) RETURNS bigint LANGUAGE sql
	AS $$ INSERT INTO hostile.calls VALUES ('n') RETURNING 0::bigint $$;
CREATE FUNCTION hostile.mean(anyelement) RETURNS float8 LANGUAGE sql
	AS $$ INSERT INTO hostile.calls VALUES ('mean') RETURNING 0::float8 $$;
CREATE FUNCTION hostile.sqrt(float8) RETURNS float8 LANGUAGE sql
	AS $$ INSERT INTO hostile.calls VALUES ('sqrt') RETURNING 0::float8 $$;
CREATE FUNCTION hostile.float8(anyelement) RETURNS float8 LANGUAGE sql
	AS $$ INSERT INTO hostile.calls VALUES ('float8') RETURNING 0::float8 $$;

-- The database owner (not a superuser) installs abstats into a schema that
-- is not on its search_path, with the hostile schema first on the path.
\c regress_abstats_trusted regress_abstats_owner
SELECT rolsuper FROM pg_roles WHERE rolname = current_user;
CREATE SCHEMA abstats_ext;
SET search_path = hostile, public;
CREATE EXTENSION abstats SCHEMA abstats_ext;
SELECT extname, extnamespace::regnamespace, extowner::regrole
FROM pg_extension WHERE extname = 'abstats';

-- Every member object lives in abstats_ext (expect no rows), and the
-- aggregates' support functions are abstats' own (expect no rows).
CREATE TEMP VIEW members AS
	SELECT o.*, d.classid, d.objid
	FROM pg_depend d, pg_identify_object(d.classid, d.objid, d.objsubid) o
	WHERE d.refclassid = 'pg_extension'::regclass
		AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'abstats')
		AND d.deptype = 'e';
SELECT count(*) > 20 AS many_members FROM members;
SELECT type, identity FROM members WHERE schema IS DISTINCT FROM 'abstats_ext';
SELECT a.aggfnoid::regprocedure, f.oid::regprocedure AS support
FROM pg_aggregate a
CROSS JOIN LATERAL unnest(ARRAY[a.aggtransfn, a.aggfinalfn, a.aggcombinefn,
	a.aggserialfn, a.aggdeserialfn]) fn(oid)
JOIN pg_proc f ON f.oid = fn.oid
WHERE a.aggfnoid IN (SELECT objid FROM members WHERE classid = 'pg_proc'::regclass)
	AND f.pronamespace <> 'abstats_ext'::regnamespace;
-- No function resolves names through the caller's search_path at run time:
-- SQL or PL/pgSQL functions must have SET search_path or a BEGIN ATOMIC
-- body (expect no rows).
SELECT p.oid::regprocedure
FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
WHERE p.pronamespace = 'abstats_ext'::regnamespace
	AND l.lanname NOT IN ('c', 'internal')
	AND p.prosqlbody IS NULL
	AND NOT coalesce(p.proconfig::text LIKE '%search_path=%', false);

-- Used with qualified names, from the hostile search_path: nothing is
-- captured.
SELECT abstats_ext.n(s), abstats_ext.mean(s), abstats_ext.stddev(s),
	(abstats_ext.mean_ci(s)).*
FROM (SELECT abstats_ext.stats_agg(x) AS s FROM generate_series(1, 10) x) q;
SELECT abstats_ext.n(abstats_ext.rollup(s))
FROM (VALUES (abstats_ext.stats_summary(10, 1, 2)), ('v1 n=3 mean=2 m2=2')) v(s);
SELECT count(*) AS hostile_calls FROM hostile.calls;

-- The owner can drop it again.
DROP EXTENSION abstats;
RESET search_path;

\c :regress_db :regress_user
DROP DATABASE regress_abstats_trusted;
DROP ROLE regress_abstats_owner;
DROP ROLE regress_abstats_hostile;
