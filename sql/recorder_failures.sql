-- After the recorder fails on one statement (a WARNING naming it), it goes
-- on recording the statements after it in the same transaction, inside and
-- outside savepoints, and the chain verifies.  The failure is provoked by an
-- index whose collation is gone, so pg_get_indexdef fails while the recorder
-- reads it.  (PostgreSQL 17 refuses to reuse a resource owner it has
-- released: the recorder once lost every statement after its first failure
-- in a transaction, with "ResourceOwnerEnlarge called after release
-- started".)
CREATE TABLE rof_t (a text, b text);
CREATE INDEX rof_a ON rof_t (a);
BEGIN;
UPDATE pg_catalog.pg_index SET indcollation = '4000000000'::oidvector
 WHERE indexrelid = 'rof_a'::regclass;
ALTER INDEX rof_a SET (fillfactor = 70);
ALTER TABLE rof_t ADD COLUMN c int;
SAVEPOINT s1;
ALTER INDEX rof_a SET (fillfactor = 60);
CREATE INDEX rof_b ON rof_t (b);
RELEASE SAVEPOINT s1;
ALTER TABLE rof_t ADD COLUMN d int;
SAVEPOINT s2;
ALTER INDEX rof_a SET (fillfactor = 50);
ALTER TABLE rof_t ADD COLUMN rolled_back int;
ROLLBACK TO SAVEPOINT s2;
ALTER TABLE rof_t ADD COLUMN e int;
DROP INDEX rof_a;
ALTER TABLE rof_t ADD COLUMN f int;
COMMIT;
SELECT command_tag, object_identity, statement FROM postmortem.schema_change
 WHERE table_name = 'public.rof_t' ORDER BY id;
SELECT count(*) AS problems FROM postmortem.verify_audit();
