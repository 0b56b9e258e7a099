--
-- revert_sql(schema_change_id): the statement that undoes a recorded change,
-- worked out from the state read before the change ran
--
SET search_path = public, postmortem;
-- runs the revert statements of the changes after an id, newest first
CREATE FUNCTION pg_temp.run_reverts(after bigint, skip text DEFAULT NULL)
	RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	r record;
BEGIN
	FOR r IN SELECT id FROM postmortem.schema_change
			  WHERE id > after AND revert_statement IS NOT NULL
				AND (skip IS NULL OR statement NOT LIKE skip)
			  ORDER BY id DESC
	LOOP
		EXECUTE postmortem.revert_sql(r.id);
	END LOOP;
END
$$;
CREATE TABLE rev_t (id int PRIMARY KEY, qty int DEFAULT 1, "Label" text, obsolete text);
INSERT INTO rev_t VALUES (1, 5, 'a'), (2, 7, 'b');
CREATE INDEX rev_t_label_old ON rev_t USING hash ("Label");
SELECT coalesce(max(id), 0) AS start FROM postmortem.schema_change \gset

CREATE INDEX rev_t_qty_idx ON rev_t (qty);
CREATE UNIQUE INDEX "Rev_Label" ON rev_t ("Label") WHERE qty > 0;
ALTER TABLE rev_t ADD COLUMN note text;
ALTER TABLE rev_t ALTER COLUMN qty SET DEFAULT 10, ALTER COLUMN qty SET NOT NULL;
ALTER TABLE rev_t ALTER COLUMN qty TYPE bigint;
ALTER TABLE rev_t RENAME COLUMN note TO remark;
COMMENT ON TABLE rev_t IS 'stock';
CREATE VIEW rev_v AS SELECT id, qty FROM rev_t;
CREATE OR REPLACE VIEW rev_v AS SELECT id, qty, "Label" FROM rev_t;
DROP INDEX "Rev_Label";
DROP INDEX rev_t_label_old;
ALTER TABLE rev_t DROP COLUMN obsolete;

SELECT id - :start AS n, command_tag, object_identity, postmortem.revert_sql(id)
  FROM postmortem.schema_change
 WHERE id > :start AND revert_statement IS NOT NULL
 ORDER BY id;

-- run them for real, newest first, and the table is as it was
SELECT pg_temp.run_reverts(:start, '%DROP COLUMN%');
\d rev_t
SELECT obj_description('rev_t'::regclass, 'pg_class') AS comment,
	   to_regclass('rev_v') AS view, to_regclass('"Rev_Label"') AS created_then_dropped;

-- a trigger and a table's persistence go back to the state they had,
-- whichever it was (ENABLE REPLICA here; a SET LOGGED on a logged table)
CREATE FUNCTION rev_trg() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TABLE rev_s (a int);
CREATE TRIGGER rev_s_trg BEFORE INSERT ON rev_s FOR EACH ROW EXECUTE FUNCTION rev_trg();
ALTER TABLE rev_s ENABLE REPLICA TRIGGER rev_s_trg;
SELECT coalesce(max(id), 0) AS mid FROM postmortem.schema_change \gset
ALTER TABLE rev_s ENABLE ALWAYS TRIGGER rev_s_trg;
ALTER TABLE rev_s DISABLE TRIGGER rev_s_trg;
ALTER TABLE rev_s SET LOGGED;
SELECT id - :mid AS n, statement, postmortem.revert_sql(id)
  FROM postmortem.schema_change WHERE id > :mid AND revert_statement IS NOT NULL ORDER BY id;
SELECT pg_temp.run_reverts(:mid);
SELECT t.tgenabled, c.relpersistence
  FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE t.tgname = 'rev_s_trg';
DROP TABLE rev_s;
DROP FUNCTION rev_trg();

-- invalid input
-- a change no statement can undo: 0A000 (the message names the change's id)
DROP TABLE rev_t CASCADE;
\set VERBOSITY sqlstate
SELECT postmortem.revert_sql(id) FROM postmortem.schema_change
 WHERE id > :start AND statement = 'ALTER TABLE rev_t DROP COLUMN obsolete' AND object_type = 'table';
SELECT postmortem.revert_sql(id) FROM postmortem.schema_change
 WHERE id > :start AND statement = 'DROP TABLE rev_t CASCADE' AND object_type = 'table';
-- an id that was never recorded
SELECT postmortem.revert_sql(-1);
\set VERBOSITY default
SELECT postmortem.revert_sql(NULL) IS NULL AS strict;
