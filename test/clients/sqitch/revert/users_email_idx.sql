-- Revert flipr:users_email_idx from pg

BEGIN;
-- postmortem: see the deploy template.
SET LOCAL postmortem.migration = 'flipr:users_email_idx';

DROP INDEX flipr.users_email_idx;

COMMIT;
