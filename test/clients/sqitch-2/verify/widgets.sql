-- Verify widgets:widgets on pg

BEGIN;

SELECT 1;

ROLLBACK;
