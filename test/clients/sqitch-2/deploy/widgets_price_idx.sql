-- Deploy widgets:widgets_price_idx to pg
-- requires: widgets
-- requires: widgets_view

BEGIN;
-- postmortem: Sqitch runs this file through psql and records the change from
-- another connection, so the recorder is told here which change this is.
SET LOCAL postmortem.migration = 'widgets:widgets_price_idx';

CREATE INDEX widgets_price_idx ON widgets.widgets (price);
COMMENT ON INDEX widgets.widgets_price_idx IS 'for the catalog';

COMMIT;
