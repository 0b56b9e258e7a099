-- Revert flipr:users from pg

BEGIN;
-- postmortem: see the deploy template.
SET LOCAL postmortem.migration = 'flipr:users';

DROP TABLE flipr.users;

COMMIT;
