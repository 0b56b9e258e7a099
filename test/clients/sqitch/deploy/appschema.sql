-- Deploy flipr:appschema to pg

BEGIN;
-- postmortem: Sqitch runs this file through psql and records the change from
-- another connection, so the recorder is told here which change this is.
SET LOCAL postmortem.migration = 'flipr:appschema';

CREATE SCHEMA flipr;

COMMIT;
