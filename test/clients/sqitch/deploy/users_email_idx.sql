-- Deploy flipr:users_email_idx to pg

BEGIN;
-- postmortem: Sqitch runs this file through psql and records the change from
-- another connection, so the recorder is told here which change this is.
SET LOCAL postmortem.migration = 'flipr:users_email_idx';

CREATE INDEX users_email_idx ON flipr.users (email);

COMMIT;
