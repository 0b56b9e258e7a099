-- Revert flipr:appschema from pg

BEGIN;
-- postmortem: see the deploy template.
SET LOCAL postmortem.migration = 'flipr:appschema';

DROP SCHEMA flipr;

COMMIT;
