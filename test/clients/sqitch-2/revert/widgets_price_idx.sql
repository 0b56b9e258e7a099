-- Revert widgets:widgets_price_idx from pg

BEGIN;
-- postmortem: see the deploy template.
SET LOCAL postmortem.migration = 'widgets:widgets_price_idx';

DROP INDEX widgets.widgets_price_idx;

COMMIT;
