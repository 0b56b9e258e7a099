-- Revert widgets:schema from pg

BEGIN;
-- postmortem: see the deploy template.
SET LOCAL postmortem.migration = 'widgets:schema';

DROP SCHEMA widgets;

COMMIT;
