-- Revert widgets:widgets from pg

BEGIN;
-- postmortem: see the deploy template.
SET LOCAL postmortem.migration = 'widgets:widgets';

DROP TABLE widgets.widgets;

COMMIT;
