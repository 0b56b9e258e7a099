-- Verify widgets:widgets_price_idx on pg

BEGIN;

SELECT 1;

ROLLBACK;
