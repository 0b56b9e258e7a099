
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
-- the affected objects of an incident (70-affects.sql) and the overdue
-- notices of its tasks (60-history.sql) point at incident and task too
CREATE TRIGGER incident_object_restore_load_start BEFORE INSERT ON postmortem.incident_object
	FOR EACH STATEMENT EXECUTE FUNCTION postmortem.restore_load();
COMMENT ON TRIGGER incident_object_restore_load_start ON postmortem.incident_object IS
	'restoring a dump: load without foreign key checks (see postmortem.restore_load())';
CREATE TRIGGER incident_object_restore_load_end AFTER INSERT ON postmortem.incident_object
	FOR EACH STATEMENT EXECUTE FUNCTION postmortem.restore_load();
ALTER TABLE postmortem.incident_object ENABLE ALWAYS TRIGGER incident_object_restore_load_end;
COMMENT ON TRIGGER incident_object_restore_load_end ON postmortem.incident_object IS
	'restoring a dump: foreign key checks again after the statement';
CREATE TRIGGER task_overdue_notice_restore_load_start BEFORE INSERT ON postmortem.task_overdue_notice
	FOR EACH STATEMENT EXECUTE FUNCTION postmortem.restore_load();
COMMENT ON TRIGGER task_overdue_notice_restore_load_start ON postmortem.task_overdue_notice IS
	'restoring a dump: load without foreign key checks (see postmortem.restore_load())';
CREATE TRIGGER task_overdue_notice_restore_load_end AFTER INSERT ON postmortem.task_overdue_notice
	FOR EACH STATEMENT EXECUTE FUNCTION postmortem.restore_load();
ALTER TABLE postmortem.task_overdue_notice ENABLE ALWAYS TRIGGER task_overdue_notice_restore_load_end;
COMMENT ON TRIGGER task_overdue_notice_restore_load_end ON postmortem.task_overdue_notice IS
	'restoring a dump: foreign key checks again after the statement';

-- a private incident's affected objects are seen by those who see it
ALTER TABLE postmortem.incident_object ENABLE ROW LEVEL SECURITY;
CREATE POLICY incident_object_visible ON postmortem.incident_object
	USING (EXISTS (SELECT FROM postmortem.incident i WHERE i.id = incident_id));
COMMENT ON POLICY incident_object_visible ON postmortem.incident_object IS
	'an affected object is seen and written by those who see its incident';
