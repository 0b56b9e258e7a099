-- Deploy widgets:schema to pg

BEGIN;
-- postmortem: Sqitch runs this file through psql and records the change from
-- another connection, so the recorder is told here which change this is.
SET LOCAL postmortem.migration = 'widgets:schema';

CREATE SCHEMA widgets;

COMMIT;
