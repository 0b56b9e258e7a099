-- Revert widgets:widgets_view from pg

BEGIN;
-- postmortem: see the deploy template; after sqitch rework, the copy names
-- the change with its tag.
SET LOCAL postmortem.migration = 'widgets:widgets_view@v1';

DROP VIEW widgets.catalog;

COMMIT;
