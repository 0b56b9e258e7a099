-- Deploy widgets:widgets_view to pg
-- requires: widgets

BEGIN;
-- postmortem: Sqitch runs this file through psql and records the change from
-- another connection, so the recorder is told here which change this is.
SET LOCAL postmortem.migration = 'widgets:widgets_view';

DROP VIEW widgets.catalog;
CREATE VIEW widgets.catalog AS SELECT id, name FROM widgets.widgets;

COMMIT;
