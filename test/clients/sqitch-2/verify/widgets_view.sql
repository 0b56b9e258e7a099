-- Verify widgets:widgets_view on pg

BEGIN;

SELECT 1;

ROLLBACK;
