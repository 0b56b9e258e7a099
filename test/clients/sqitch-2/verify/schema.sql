-- Verify widgets:schema on pg

BEGIN;

SELECT 1;

ROLLBACK;
