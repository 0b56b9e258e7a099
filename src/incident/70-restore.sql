
/*
 * restore — src/incident/restore.c
 *
 * pg_restore -j loads the extension's tables in parallel, in any order:
 * while a dump is restored (by a superuser), the tables whose foreign keys
 * point at another of the extension's tables load without those checks.
 */
CREATE FUNCTION postmortem.restore_load() RETURNS trigger
	AS 'MODULE_PATHNAME', 'postmortem_restore_load' LANGUAGE C;
COMMENT ON FUNCTION postmortem.restore_load() IS
	'statement trigger: while a superuser restores a dump (check_function_bodies and row_security off, search_path empty), load the statement''s rows with session_replication_role = replica, so pg_restore -j may load a table before the one its foreign key points at';
-- incident has no foreign key to load around, but its row triggers must not
-- fire for restored rows either: evidence taken now, with ids from the
-- not yet restored sequence, would collide with the dumped timeline's
CREATE TRIGGER incident_restore_load_start BEFORE INSERT ON postmortem.incident
	FOR EACH STATEMENT EXECUTE FUNCTION postmortem.restore_load();
COMMENT ON TRIGGER incident_restore_load_start ON postmortem.incident IS
	'restoring a dump: load the rows as dumped, without evidence or lifecycle stamps (see postmortem.restore_load())';
CREATE TRIGGER incident_restore_load_end AFTER INSERT ON postmortem.incident
	FOR EACH STATEMENT EXECUTE FUNCTION postmortem.restore_load();
ALTER TABLE postmortem.incident ENABLE ALWAYS TRIGGER incident_restore_load_end;
COMMENT ON TRIGGER incident_restore_load_end ON postmortem.incident IS
	'restoring a dump: triggers again after the statement';
CREATE TRIGGER timeline_restore_load_start BEFORE INSERT ON postmortem.timeline
	FOR EACH STATEMENT EXECUTE FUNCTION postmortem.restore_load();
COMMENT ON TRIGGER timeline_restore_load_start ON postmortem.timeline IS
	'restoring a dump: load without foreign key checks (see postmortem.restore_load())';
CREATE TRIGGER timeline_restore_load_end AFTER INSERT ON postmortem.timeline
	FOR EACH STATEMENT EXECUTE FUNCTION postmortem.restore_load();
ALTER TABLE postmortem.timeline ENABLE ALWAYS TRIGGER timeline_restore_load_end;
COMMENT ON TRIGGER timeline_restore_load_end ON postmortem.timeline IS
	'restoring a dump: foreign key checks again after the statement';
CREATE TRIGGER task_restore_load_start BEFORE INSERT ON postmortem.task
	FOR EACH STATEMENT EXECUTE FUNCTION postmortem.restore_load();
COMMENT ON TRIGGER task_restore_load_start ON postmortem.task IS
	'restoring a dump: load without foreign key checks (see postmortem.restore_load())';
CREATE TRIGGER task_restore_load_end AFTER INSERT ON postmortem.task
	FOR EACH STATEMENT EXECUTE FUNCTION postmortem.restore_load();
ALTER TABLE postmortem.task ENABLE ALWAYS TRIGGER task_restore_load_end;
COMMENT ON TRIGGER task_restore_load_end ON postmortem.task IS
	'restoring a dump: foreign key checks again after the statement';
CREATE TRIGGER incident_member_restore_load_start BEFORE INSERT ON postmortem.incident_member
	FOR EACH STATEMENT EXECUTE FUNCTION postmortem.restore_load();
COMMENT ON TRIGGER incident_member_restore_load_start ON postmortem.incident_member IS
	'restoring a dump: load without foreign key checks (see postmortem.restore_load())';
CREATE TRIGGER incident_member_restore_load_end AFTER INSERT ON postmortem.incident_member
	FOR EACH STATEMENT EXECUTE FUNCTION postmortem.restore_load();
ALTER TABLE postmortem.incident_member ENABLE ALWAYS TRIGGER incident_member_restore_load_end;
COMMENT ON TRIGGER incident_member_restore_load_end ON postmortem.incident_member IS
	'restoring a dump: foreign key checks again after the statement';
