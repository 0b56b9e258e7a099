-- Deploy widgets:widgets to pg
-- requires: schema

BEGIN;
-- postmortem: Sqitch runs this file through psql and records the change from
-- another connection, so the recorder is told here which change this is.
SET LOCAL postmortem.migration = 'widgets:widgets';

CREATE TABLE widgets.widgets (id serial PRIMARY KEY, name text NOT NULL, price numeric(10,2));

COMMIT;
