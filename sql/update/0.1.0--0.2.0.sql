-- abstats 0.1.0 -> 0.2.0.
-- This file is assembled from the files listed in sql/update/0.1.0--0.2.0.list
-- at build time: this one (changes to objects that 0.1.0 already had), then
-- the install fragments that are wholly new in 0.2.0.
--
-- Users' views and tables may depend on everything 0.1.0 created, so this
-- script only appends: it adds attributes at the end of result types
-- (ALTER TYPE ... ADD ATTRIBUTE), replaces aggregates in place (CREATE OR
-- REPLACE AGGREGATE keeps their identity), and never drops or renames
-- anything a user's object can depend on, and never uses CASCADE.

\echo Use "ALTER EXTENSION abstats UPDATE TO '0.2.0'" to load this file. \quit

-- stats_summary becomes the preferred type of its category, so that untyped
-- literals in 0.1.0 calls such as n('v1 n=1 mean=0 m2=0') keep resolving to
-- it once 0.2.0 adds overloads for other types (a fresh install says
-- PREFERRED = true in CREATE TYPE; ALTER TYPE cannot change it).
UPDATE pg_catalog.pg_type SET typispreferred = true
WHERE oid = 'stats_summary'::pg_catalog.regtype;
