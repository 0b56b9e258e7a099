-- postmortem--0.1.0--0.2.0.sql: assembled by the Makefile from each part's
-- upgrade--0.1.0--0.2.0.sql, in the parts' order; edit those, not this file.
-- After it, a 0.1.0 database has exactly the objects of a fresh 0.2.0
-- install (test/upgrade/upgrade.sh compares the two catalogs).

\echo Use "ALTER EXTENSION postmortem UPDATE TO '0.2.0'" to load this file. \quit
