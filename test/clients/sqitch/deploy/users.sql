-- Deploy flipr:users to pg

BEGIN;
-- postmortem: Sqitch runs this file through psql and records the change from
-- another connection, so the recorder is told here which change this is.
SET LOCAL postmortem.migration = 'flipr:users';

CREATE TABLE flipr.users (nickname text PRIMARY KEY, email text NOT NULL);

COMMIT;
