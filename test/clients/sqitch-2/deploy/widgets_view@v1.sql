-- Deploy widgets:widgets_view to pg
-- requires: widgets

BEGIN;
-- postmortem: Sqitch runs this file through psql and records the change from
-- another connection, so the recorder is told here which change this is
-- (after sqitch rework, the copy names the change with its tag).
SET LOCAL postmortem.migration = 'widgets:widgets_view@v1';

CREATE VIEW widgets.catalog AS SELECT id, name FROM widgets.widgets;

COMMIT;
