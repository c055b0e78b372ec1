-- abstats: statistics and A/B-test analysis inside PostgreSQL.
-- This file is assembled from sql/install/*.sql at build time.
-- Objects are created in the extension's schema; nothing names a schema.

\echo Use "CREATE EXTENSION abstats" to load this file. \quit
