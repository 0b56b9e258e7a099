-- Deploy widgets:widgets_view to pg
-- requires: widgets

BEGIN;
-- postmortem: Sqitch runs this file through psql and records the change from
-- another connection, so the recorder is told here which change this is.
SET LOCAL postmortem.migration = 'widgets:widgets_view';

CREATE OR REPLACE VIEW widgets.catalog AS SELECT id, name, price FROM widgets.widgets;

COMMIT;
