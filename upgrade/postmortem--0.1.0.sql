/* postmortem--0.1.0.sql — assembled by the Makefile from src/<module>.sql */

\echo Use "CREATE EXTENSION postmortem" to load this file. \quit

/*
 * severity — src/severity.c
 */
CREATE TYPE postmortem.severity;

CREATE FUNCTION postmortem.severity_in(cstring) RETURNS postmortem.severity
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION postmortem.severity_out(postmortem.severity) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION postmortem.severity_recv(internal) RETURNS postmortem.severity
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION postmortem.severity_send(postmortem.severity) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE postmortem.severity (
	INPUT = postmortem.severity_in,
	OUTPUT = postmortem.severity_out,
	RECEIVE = postmortem.severity_recv,
	SEND = postmortem.severity_send,
	INTERNALLENGTH = 2,
	PASSEDBYVALUE,
	ALIGNMENT = int2,
	STORAGE = plain
);
COMMENT ON TYPE postmortem.severity IS
	'Incident severity, SEV1 (the worst) to SEV5; accepts sev-2, Sev 2, P2, critical, major, minor, ...; sorts SEV1 first';
COMMENT ON FUNCTION postmortem.severity_in(cstring) IS 'severity input: SEV1..SEV5 and common spellings';
COMMENT ON FUNCTION postmortem.severity_out(postmortem.severity) IS 'severity output: canonical SEV1..SEV5';
COMMENT ON FUNCTION postmortem.severity_recv(internal) IS 'severity binary input: the level as int2';
COMMENT ON FUNCTION postmortem.severity_send(postmortem.severity) IS 'severity binary output: the level as int2';

CREATE FUNCTION postmortem.severity_level(postmortem.severity) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION postmortem.severity_level(postmortem.severity) IS 'the numeric level of a severity: 1 for SEV1';
CREATE FUNCTION postmortem.severity(integer) RETURNS postmortem.severity
	AS 'MODULE_PATHNAME', 'severity_from_level' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION postmortem.severity(integer) IS 'the severity of a numeric level 1-5';
CREATE CAST (postmortem.severity AS integer) WITH FUNCTION postmortem.severity_level(postmortem.severity);
COMMENT ON CAST (postmortem.severity AS integer) IS 'severity level, 1 for SEV1';
CREATE CAST (integer AS postmortem.severity) WITH FUNCTION postmortem.severity(integer);
COMMENT ON CAST (integer AS postmortem.severity) IS 'severity of a level 1-5';

CREATE FUNCTION postmortem.severity_lt(postmortem.severity, postmortem.severity) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION postmortem.severity_le(postmortem.severity, postmortem.severity) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION postmortem.severity_eq(postmortem.severity, postmortem.severity) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION postmortem.severity_ne(postmortem.severity, postmortem.severity) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION postmortem.severity_ge(postmortem.severity, postmortem.severity) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION postmortem.severity_gt(postmortem.severity, postmortem.severity) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION postmortem.severity_cmp(postmortem.severity, postmortem.severity) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION postmortem.severity_hash(postmortem.severity) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION postmortem.severity_hash_extended(postmortem.severity, bigint) RETURNS bigint
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION postmortem.severity_lt(postmortem.severity, postmortem.severity) IS 'implementation of < for severity (SEV1 < SEV2)';
COMMENT ON FUNCTION postmortem.severity_le(postmortem.severity, postmortem.severity) IS 'implementation of <= for severity';
COMMENT ON FUNCTION postmortem.severity_eq(postmortem.severity, postmortem.severity) IS 'implementation of = for severity';
COMMENT ON FUNCTION postmortem.severity_ne(postmortem.severity, postmortem.severity) IS 'implementation of <> for severity';
COMMENT ON FUNCTION postmortem.severity_ge(postmortem.severity, postmortem.severity) IS 'implementation of >= for severity';
COMMENT ON FUNCTION postmortem.severity_gt(postmortem.severity, postmortem.severity) IS 'implementation of > for severity';
COMMENT ON FUNCTION postmortem.severity_cmp(postmortem.severity, postmortem.severity) IS 'btree comparison for severity';
COMMENT ON FUNCTION postmortem.severity_hash(postmortem.severity) IS 'hash support for severity';
COMMENT ON FUNCTION postmortem.severity_hash_extended(postmortem.severity, bigint) IS 'extended hash support for severity';

/*
 * The comparison operators live in pg_catalog, which every search_path
 * includes, so that `severity < 'SEV3'` works for dashboards and psql sessions
 * whatever their search_path (as plpgsql and adminpack install into
 * pg_catalog).  They take only postmortem.severity, so they cannot clash with
 * another type's operators; the functions behind them stay in postmortem.
 */
CREATE OPERATOR pg_catalog.< (
	LEFTARG = postmortem.severity, RIGHTARG = postmortem.severity, PROCEDURE = postmortem.severity_lt,
	COMMUTATOR = OPERATOR(pg_catalog.>), NEGATOR = OPERATOR(pg_catalog.>=),
	RESTRICT = scalarltsel, JOIN = scalarltjoinsel);
CREATE OPERATOR pg_catalog.<= (
	LEFTARG = postmortem.severity, RIGHTARG = postmortem.severity, PROCEDURE = postmortem.severity_le,
	COMMUTATOR = OPERATOR(pg_catalog.>=), NEGATOR = OPERATOR(pg_catalog.>),
	RESTRICT = scalarlesel, JOIN = scalarlejoinsel);
CREATE OPERATOR pg_catalog.= (
	LEFTARG = postmortem.severity, RIGHTARG = postmortem.severity, PROCEDURE = postmortem.severity_eq,
	COMMUTATOR = OPERATOR(pg_catalog.=), NEGATOR = OPERATOR(pg_catalog.<>),
	RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES);
CREATE OPERATOR pg_catalog.<> (
	LEFTARG = postmortem.severity, RIGHTARG = postmortem.severity, PROCEDURE = postmortem.severity_ne,
	COMMUTATOR = OPERATOR(pg_catalog.<>), NEGATOR = OPERATOR(pg_catalog.=),
	RESTRICT = neqsel, JOIN = neqjoinsel);
CREATE OPERATOR pg_catalog.>= (
	LEFTARG = postmortem.severity, RIGHTARG = postmortem.severity, PROCEDURE = postmortem.severity_ge,
	COMMUTATOR = OPERATOR(pg_catalog.<=), NEGATOR = OPERATOR(pg_catalog.<),
	RESTRICT = scalargesel, JOIN = scalargejoinsel);
CREATE OPERATOR pg_catalog.> (
	LEFTARG = postmortem.severity, RIGHTARG = postmortem.severity, PROCEDURE = postmortem.severity_gt,
	COMMUTATOR = OPERATOR(pg_catalog.<), NEGATOR = OPERATOR(pg_catalog.<=),
	RESTRICT = scalargtsel, JOIN = scalargtjoinsel);

CREATE OPERATOR CLASS postmortem.severity_ops
	DEFAULT FOR TYPE postmortem.severity USING btree AS
		OPERATOR 1 pg_catalog.< (postmortem.severity, postmortem.severity),
		OPERATOR 2 pg_catalog.<= (postmortem.severity, postmortem.severity),
		OPERATOR 3 pg_catalog.= (postmortem.severity, postmortem.severity),
		OPERATOR 4 pg_catalog.>= (postmortem.severity, postmortem.severity),
		OPERATOR 5 pg_catalog.> (postmortem.severity, postmortem.severity),
		FUNCTION 1 postmortem.severity_cmp(postmortem.severity, postmortem.severity);
COMMENT ON OPERATOR CLASS postmortem.severity_ops USING btree IS 'btree ordering of severity, SEV1 first';

CREATE OPERATOR CLASS postmortem.severity_hash_ops
	DEFAULT FOR TYPE postmortem.severity USING hash AS
		OPERATOR 1 pg_catalog.= (postmortem.severity, postmortem.severity),
		FUNCTION 1 postmortem.severity_hash(postmortem.severity),
		FUNCTION 2 postmortem.severity_hash_extended(postmortem.severity, bigint);
COMMENT ON OPERATOR CLASS postmortem.severity_hash_ops USING hash IS 'hash equality of severity';
COMMENT ON OPERATOR pg_catalog.< (postmortem.severity, postmortem.severity) IS 'is worse than (SEV1 < SEV2)';
COMMENT ON OPERATOR pg_catalog.<= (postmortem.severity, postmortem.severity) IS 'is as bad as or worse than';
COMMENT ON OPERATOR pg_catalog.= (postmortem.severity, postmortem.severity) IS 'same severity';
COMMENT ON OPERATOR pg_catalog.<> (postmortem.severity, postmortem.severity) IS 'different severity';
COMMENT ON OPERATOR pg_catalog.>= (postmortem.severity, postmortem.severity) IS 'is as mild as or milder than';
COMMENT ON OPERATOR pg_catalog.> (postmortem.severity, postmortem.severity) IS 'is milder than (SEV3 > SEV1)';

/*
 * incident, timeline, task — the tables users write to.
 * Lifecycle trigger: src/lifecycle.c (declared in src/lifecycle.sql).
 */
CREATE TYPE postmortem.incident_status AS ENUM
	('investigating', 'identified', 'mitigated', 'resolved', 'closed');
COMMENT ON TYPE postmortem.incident_status IS
	'Where an incident stands: investigating → identified → mitigated → resolved → closed';

CREATE TYPE postmortem.task_status AS ENUM
	('todo', 'in_progress', 'scheduled', 'blocked', 'done', 'wont_do');
COMMENT ON TYPE postmortem.task_status IS
	'Action item status; done and wont_do are closed, the others open';

CREATE TYPE postmortem.task_kind AS ENUM
	('corrective', 'preventative', 'investigation', 'process');
COMMENT ON TYPE postmortem.task_kind IS
	'What an action item is for: fix this incident''s cause (corrective), stop the next one (preventative), find out more, or change how the team works';

CREATE TYPE postmortem.timeline_kind AS ENUM
	('detection', 'escalation', 'misleading_path', 'action', 'mitigation',
	 'resolution', 'communication', 'status_change', 'schema_change',
	 'evidence', 'note');
COMMENT ON TYPE postmortem.timeline_kind IS 'What a timeline entry records';

CREATE TABLE postmortem.incident (
	id					bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
	title				text NOT NULL CONSTRAINT incident_title_not_empty CHECK (btrim(title) <> ''),
	summary				text,
	severity			postmortem.severity NOT NULL DEFAULT 'SEV3',
	status				postmortem.incident_status NOT NULL DEFAULT 'investigating',
	started_at			timestamptz,
	detected_at			timestamptz,
	acknowledged_at		timestamptz,
	mitigated_at		timestamptz,
	resolved_at			timestamptz,
	closed_at			timestamptz,
	time_zone			text,
	users_affected_pct	numeric CONSTRAINT incident_users_affected_pct_range
						CHECK (users_affected_pct BETWEEN 0 AND 100),
	users_affected		bigint CONSTRAINT incident_users_affected_nonnegative
						CHECK (users_affected >= 0),
	impact				text,
	root_cause			text,
	resolution			text,
	improvements		text[] NOT NULL DEFAULT '{}',
	import_notes		text[] NOT NULL DEFAULT '{}',
	created_at			timestamptz NOT NULL DEFAULT now(),
	updated_at			timestamptz NOT NULL DEFAULT now(),
	/*
	 * The known milestones must be in order.  greatest() skips NULLs, and a
	 * comparison with an unknown milestone is NULL, which a CHECK accepts.
	 */
	CONSTRAINT incident_detected_after_start
		CHECK (detected_at >= started_at),
	CONSTRAINT incident_acknowledged_after_detection
		CHECK (acknowledged_at >= greatest(started_at, detected_at)),
	CONSTRAINT incident_mitigated_after_acknowledgement
		CHECK (mitigated_at >= greatest(started_at, detected_at, acknowledged_at)),
	CONSTRAINT incident_resolved_after_mitigation
		CHECK (resolved_at >= greatest(started_at, detected_at, acknowledged_at, mitigated_at)),
	CONSTRAINT incident_closed_after_resolution
		CHECK (closed_at >= greatest(started_at, detected_at, acknowledged_at, mitigated_at, resolved_at))
);
COMMENT ON TABLE postmortem.incident IS
	'One row per incident: what happened, how bad, and its lifecycle milestones (started ≤ detected ≤ acknowledged ≤ mitigated ≤ resolved ≤ closed)';
COMMENT ON COLUMN postmortem.incident.id IS 'Incident number';
COMMENT ON COLUMN postmortem.incident.title IS 'One-line name of the incident';
COMMENT ON COLUMN postmortem.incident.summary IS 'Issue summary, as the postmortem tells it';
COMMENT ON COLUMN postmortem.incident.severity IS 'SEV1 (worst) to SEV5';
COMMENT ON COLUMN postmortem.incident.status IS 'Lifecycle status; changing it stamps the matching milestone and logs a status_change entry';
COMMENT ON COLUMN postmortem.incident.started_at IS 'When impact began; every duration is measured from here';
COMMENT ON COLUMN postmortem.incident.detected_at IS 'When the problem was noticed (alert, report)';
COMMENT ON COLUMN postmortem.incident.acknowledged_at IS 'When someone took it on';
COMMENT ON COLUMN postmortem.incident.mitigated_at IS 'When impact stopped growing / users were relieved';
COMMENT ON COLUMN postmortem.incident.resolved_at IS 'When impact ended';
COMMENT ON COLUMN postmortem.incident.closed_at IS 'When the incident (and its postmortem) was closed';
COMMENT ON COLUMN postmortem.incident.time_zone IS 'The time zone the team reported the incident in, used when rendering it';
COMMENT ON COLUMN postmortem.incident.users_affected_pct IS 'Share of users affected, 0-100';
COMMENT ON COLUMN postmortem.incident.users_affected IS 'Number of users affected, when counted';
COMMENT ON COLUMN postmortem.incident.impact IS 'What users saw';
COMMENT ON COLUMN postmortem.incident.root_cause IS 'Root cause, in words';
COMMENT ON COLUMN postmortem.incident.resolution IS 'How it was resolved, in words';
COMMENT ON COLUMN postmortem.incident.improvements IS 'Improvements named in the postmortem that are not tracked as tasks';
COMMENT ON COLUMN postmortem.incident.import_notes IS 'What import_markdown had to guess while reading the document';
COMMENT ON COLUMN postmortem.incident.created_at IS 'When the row was written';
COMMENT ON COLUMN postmortem.incident.updated_at IS 'When the row was last changed';
COMMENT ON CONSTRAINT incident_detected_after_start ON postmortem.incident IS 'detected_at cannot precede started_at';
COMMENT ON CONSTRAINT incident_acknowledged_after_detection ON postmortem.incident IS 'acknowledged_at cannot precede an earlier milestone';
COMMENT ON CONSTRAINT incident_mitigated_after_acknowledgement ON postmortem.incident IS 'mitigated_at cannot precede an earlier milestone';
COMMENT ON CONSTRAINT incident_resolved_after_mitigation ON postmortem.incident IS 'resolved_at cannot precede an earlier milestone';
COMMENT ON CONSTRAINT incident_closed_after_resolution ON postmortem.incident IS 'closed_at cannot precede an earlier milestone';
COMMENT ON CONSTRAINT incident_title_not_empty ON postmortem.incident IS 'an incident needs a title';
COMMENT ON CONSTRAINT incident_users_affected_pct_range ON postmortem.incident IS 'a share of users is 0-100';
COMMENT ON CONSTRAINT incident_users_affected_nonnegative ON postmortem.incident IS 'a count of users is not negative';

CREATE INDEX incident_started_at_idx ON postmortem.incident (started_at);
COMMENT ON INDEX postmortem.incident_started_at_idx IS 'time-range lookups and per-month dashboards';
CREATE INDEX incident_open_idx ON postmortem.incident (status) WHERE status < 'resolved';
COMMENT ON INDEX postmortem.incident_open_idx IS 'the few incidents still open';

CREATE TABLE postmortem.timeline (
	id				bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
	incident_id		bigint NOT NULL REFERENCES postmortem.incident (id) ON DELETE CASCADE,
	at				timestamptz NOT NULL,
	kind			postmortem.timeline_kind NOT NULL DEFAULT 'note',
	body			text NOT NULL CONSTRAINT timeline_body_not_empty CHECK (btrim(body) <> ''),
	author			text DEFAULT current_user,
	source			text NOT NULL DEFAULT 'manual',
	created_at		timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE postmortem.timeline IS 'One row per timeline entry of an incident';
COMMENT ON COLUMN postmortem.timeline.id IS 'Entry number';
COMMENT ON COLUMN postmortem.timeline.incident_id IS 'The incident; deleting it deletes its timeline';
COMMENT ON COLUMN postmortem.timeline.at IS 'When it happened';
COMMENT ON COLUMN postmortem.timeline.kind IS 'detection, escalation, misleading_path, action, mitigation, resolution, ...';
COMMENT ON COLUMN postmortem.timeline.body IS 'What happened';
COMMENT ON COLUMN postmortem.timeline.author IS 'Who wrote the entry';
COMMENT ON COLUMN postmortem.timeline.source IS 'Where the entry came from: manual, lifecycle, import, evidence, ...';
COMMENT ON COLUMN postmortem.timeline.created_at IS 'When the row was written';
COMMENT ON CONSTRAINT timeline_body_not_empty ON postmortem.timeline IS 'an entry says something';
CREATE INDEX timeline_incident_at_idx ON postmortem.timeline (incident_id, at);
COMMENT ON INDEX postmortem.timeline_incident_at_idx IS 'an incident''s timeline in time order';

CREATE TABLE postmortem.task (
	id				bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
	incident_id		bigint NOT NULL REFERENCES postmortem.incident (id) ON DELETE CASCADE,
	title			text NOT NULL CONSTRAINT task_title_not_empty CHECK (btrim(title) <> ''),
	kind			postmortem.task_kind NOT NULL DEFAULT 'corrective',
	status			postmortem.task_status NOT NULL DEFAULT 'todo',
	owner			text,
	due_at			timestamptz,
	completed_at	timestamptz,
	created_at		timestamptz NOT NULL DEFAULT now(),
	updated_at		timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE postmortem.task IS 'Action items of an incident (corrective and preventative measures)';
COMMENT ON COLUMN postmortem.task.id IS 'Task number';
COMMENT ON COLUMN postmortem.task.incident_id IS 'The incident; deleting it deletes its tasks';
COMMENT ON COLUMN postmortem.task.title IS 'What is to be done';
COMMENT ON COLUMN postmortem.task.kind IS 'corrective, preventative, investigation or process';
COMMENT ON COLUMN postmortem.task.status IS 'todo, in_progress, scheduled, blocked, done, wont_do';
COMMENT ON COLUMN postmortem.task.owner IS 'Who owns it';
COMMENT ON COLUMN postmortem.task.due_at IS 'When it is due';
COMMENT ON COLUMN postmortem.task.completed_at IS 'When it was done (stamped when status becomes done or wont_do)';
COMMENT ON COLUMN postmortem.task.created_at IS 'When the row was written';
COMMENT ON COLUMN postmortem.task.updated_at IS 'When the row was last changed';
COMMENT ON CONSTRAINT task_title_not_empty ON postmortem.task IS 'a task needs a title';
CREATE INDEX task_incident_idx ON postmortem.task (incident_id);
COMMENT ON INDEX postmortem.task_incident_idx IS 'an incident''s tasks';
CREATE INDEX task_open_due_idx ON postmortem.task (due_at) WHERE status < 'done';
COMMENT ON INDEX postmortem.task_open_due_idx IS 'open tasks by due date (open_tasks, overdue_tasks)';

SELECT pg_catalog.pg_extension_config_dump('postmortem.incident', '');
SELECT pg_catalog.pg_extension_config_dump('postmortem.incident_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('postmortem.timeline', '');
SELECT pg_catalog.pg_extension_config_dump('postmortem.timeline_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('postmortem.task', '');
SELECT pg_catalog.pg_extension_config_dump('postmortem.task_id_seq', '');
COMMENT ON SEQUENCE postmortem.incident_id_seq IS 'incident numbers';
COMMENT ON SEQUENCE postmortem.timeline_id_seq IS 'timeline entry numbers';
COMMENT ON SEQUENCE postmortem.task_id_seq IS 'task numbers';

/*
 * lifecycle — src/lifecycle.c
 *
 * Triggers keeping status and milestones consistent, and the two functions
 * an on-call engineer types during an incident: open_incident() and log().
 */
CREATE FUNCTION postmortem.incident_lifecycle_stamp() RETURNS trigger
	AS 'MODULE_PATHNAME' LANGUAGE C;
COMMENT ON FUNCTION postmortem.incident_lifecycle_stamp() IS
	'trigger: on a status change stamp the milestone if unset (identified → acknowledged_at, mitigated → mitigated_at, resolved → resolved_at, closed → closed_at), and updated_at on update';

CREATE FUNCTION postmortem.incident_lifecycle_log() RETURNS trigger
	AS 'MODULE_PATHNAME' LANGUAGE C;
COMMENT ON FUNCTION postmortem.incident_lifecycle_log() IS
	'trigger: append one status_change timeline entry per status change ("status changed from A to B by role")';

CREATE FUNCTION postmortem.task_lifecycle_stamp() RETURNS trigger
	AS 'MODULE_PATHNAME' LANGUAGE C;
COMMENT ON FUNCTION postmortem.task_lifecycle_stamp() IS
	'trigger: stamp completed_at when a task becomes done or wont_do, clear it when reopened, and updated_at on update';

CREATE TRIGGER incident_lifecycle_stamp
	BEFORE INSERT OR UPDATE ON postmortem.incident
	FOR EACH ROW EXECUTE FUNCTION postmortem.incident_lifecycle_stamp();
COMMENT ON TRIGGER incident_lifecycle_stamp ON postmortem.incident IS
	'stamps the milestone of a new status and updated_at';

CREATE TRIGGER incident_lifecycle_log
	AFTER UPDATE OF status ON postmortem.incident
	FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
	EXECUTE FUNCTION postmortem.incident_lifecycle_log();
COMMENT ON TRIGGER incident_lifecycle_log ON postmortem.incident IS
	'logs each status change as a status_change timeline entry';

CREATE TRIGGER task_lifecycle_stamp
	BEFORE INSERT OR UPDATE ON postmortem.task
	FOR EACH ROW EXECUTE FUNCTION postmortem.task_lifecycle_stamp();
COMMENT ON TRIGGER task_lifecycle_stamp ON postmortem.task IS
	'keeps completed_at in step with the task status, and updated_at';

CREATE FUNCTION postmortem.open_incident(
	title text,
	severity postmortem.severity DEFAULT 'SEV3',
	started_at timestamptz DEFAULT now(),
	summary text DEFAULT NULL)
RETURNS bigint
LANGUAGE sql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
	INSERT INTO postmortem.incident
		(title, severity, status, started_at, detected_at, summary)
	VALUES ($1, $2, 'investigating', $3,
			CASE WHEN $3 <= now() THEN now() END, $4)
	RETURNING id
$$;
COMMENT ON FUNCTION postmortem.open_incident(text, postmortem.severity, timestamptz, text) IS
	'open an incident now: status investigating, detected_at = now() (unless started_at is in the future); returns its id';

CREATE FUNCTION postmortem.log(
	incident_id bigint,
	body text,
	kind postmortem.timeline_kind DEFAULT 'note',
	at timestamptz DEFAULT now())
RETURNS bigint
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	entry_id bigint;
BEGIN
	/*
	 * A clearer error than the foreign key's.  No FOR KEY SHARE here: that
	 * would demand UPDATE on postmortem.incident of everyone who logs, and the
	 * foreign key check takes the same lock anyway (an incident deleted in
	 * between still fails with 23503).
	 */
	PERFORM FROM postmortem.incident i WHERE i.id = log.incident_id;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'incident % does not exist', log.incident_id
			USING ERRCODE = 'foreign_key_violation',
				  HINT = 'Open it first with postmortem.open_incident(), or check the id in postmortem.incident.';
	END IF;
	INSERT INTO postmortem.timeline (incident_id, at, kind, body)
	VALUES (log.incident_id, log.at, log.kind, log.body)
	RETURNING id INTO entry_id;
	RETURN entry_id;
END
$$;
COMMENT ON FUNCTION postmortem.log(bigint, text, postmortem.timeline_kind, timestamptz) IS
	'add a timeline entry (default kind note, at now()) to an incident; returns its id; an unknown incident is error 23503';

/*
 * durations — src/durations.c
 *
 * Durations of an incident, all taking the incident row so that
 * `SELECT i.time_to_resolve FROM postmortem.incident i` works; NULL when a
 * milestone is unknown.  On a table's row the planner support function turns
 * them into the column arithmetic they stand for.  The six duration
 * functions share one C function, incident_interval, which finds the
 * milestones to subtract by the SQL function's name.
 */
CREATE FUNCTION postmortem.incident_row_support(internal) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION postmortem.incident_row_support(internal) IS
	'planner support: time_to_resolve(i) and impact_minutes(i) on a table row become the column arithmetic they stand for';

CREATE FUNCTION postmortem.time_to_detect(postmortem.incident) RETURNS interval
	AS 'MODULE_PATHNAME', 'incident_interval'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	SUPPORT postmortem.incident_row_support;
COMMENT ON FUNCTION postmortem.time_to_detect(postmortem.incident) IS
	'detected_at - started_at: how long the impact went unnoticed; NULL if either is unknown';

CREATE FUNCTION postmortem.time_to_acknowledge(postmortem.incident) RETURNS interval
	AS 'MODULE_PATHNAME', 'incident_interval'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	SUPPORT postmortem.incident_row_support;
COMMENT ON FUNCTION postmortem.time_to_acknowledge(postmortem.incident) IS
	'acknowledged_at - started_at; NULL if either is unknown';

CREATE FUNCTION postmortem.time_to_mitigate(postmortem.incident) RETURNS interval
	AS 'MODULE_PATHNAME', 'incident_interval'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	SUPPORT postmortem.incident_row_support;
COMMENT ON FUNCTION postmortem.time_to_mitigate(postmortem.incident) IS
	'mitigated_at - started_at; NULL if either is unknown';

CREATE FUNCTION postmortem.time_to_resolve(postmortem.incident) RETURNS interval
	AS 'MODULE_PATHNAME', 'incident_interval'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	SUPPORT postmortem.incident_row_support;
COMMENT ON FUNCTION postmortem.time_to_resolve(postmortem.incident) IS
	'resolved_at - started_at; NULL if either is unknown';

CREATE FUNCTION postmortem.time_to_repair(postmortem.incident) RETURNS interval
	AS 'MODULE_PATHNAME', 'incident_interval'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	SUPPORT postmortem.incident_row_support;
COMMENT ON FUNCTION postmortem.time_to_repair(postmortem.incident) IS
	'resolved_at - detected_at: from noticing to fixing; NULL if either is unknown';

CREATE FUNCTION postmortem.duration(postmortem.incident) RETURNS interval
	AS 'MODULE_PATHNAME', 'incident_interval'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	SUPPORT postmortem.incident_row_support;
COMMENT ON FUNCTION postmortem.duration(postmortem.incident) IS
	'resolved_at - started_at: how long users were affected; NULL if either is unknown';

CREATE FUNCTION postmortem.impact_minutes(postmortem.incident) RETURNS double precision
	AS 'MODULE_PATHNAME', 'incident_impact_minutes'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	SUPPORT postmortem.incident_row_support;
COMMENT ON FUNCTION postmortem.impact_minutes(postmortem.incident) IS
	'minutes of full outage the incident was worth: duration in minutes × users_affected_pct / 100; NULL when the duration or users_affected_pct is unknown';

/*
 * Attribute notation: `i.time_to_resolve` looks the function up through
 * search_path, so a session without postmortem on it would get "column
 * i.time_to_resolve does not exist".  The same C functions are therefore
 * also declared in pg_catalog, which every search_path includes (as plpgsql
 * and adminpack install there); they take only postmortem.incident, so they
 * cannot clash with anything.  postmortem.time_to_resolve(i) stays the
 * documented name.
 */
CREATE FUNCTION pg_catalog.time_to_detect(postmortem.incident) RETURNS interval
	AS 'MODULE_PATHNAME', 'incident_interval'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	SUPPORT postmortem.incident_row_support;
COMMENT ON FUNCTION pg_catalog.time_to_detect(postmortem.incident) IS
	'postmortem.time_to_detect(incident), visible whatever the search_path so that i.time_to_detect works';
CREATE FUNCTION pg_catalog.time_to_acknowledge(postmortem.incident) RETURNS interval
	AS 'MODULE_PATHNAME', 'incident_interval'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	SUPPORT postmortem.incident_row_support;
COMMENT ON FUNCTION pg_catalog.time_to_acknowledge(postmortem.incident) IS
	'postmortem.time_to_acknowledge(incident), visible whatever the search_path so that i.time_to_acknowledge works';
CREATE FUNCTION pg_catalog.time_to_mitigate(postmortem.incident) RETURNS interval
	AS 'MODULE_PATHNAME', 'incident_interval'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	SUPPORT postmortem.incident_row_support;
COMMENT ON FUNCTION pg_catalog.time_to_mitigate(postmortem.incident) IS
	'postmortem.time_to_mitigate(incident), visible whatever the search_path so that i.time_to_mitigate works';
CREATE FUNCTION pg_catalog.time_to_resolve(postmortem.incident) RETURNS interval
	AS 'MODULE_PATHNAME', 'incident_interval'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	SUPPORT postmortem.incident_row_support;
COMMENT ON FUNCTION pg_catalog.time_to_resolve(postmortem.incident) IS
	'postmortem.time_to_resolve(incident), visible whatever the search_path so that i.time_to_resolve works';
CREATE FUNCTION pg_catalog.time_to_repair(postmortem.incident) RETURNS interval
	AS 'MODULE_PATHNAME', 'incident_interval'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	SUPPORT postmortem.incident_row_support;
COMMENT ON FUNCTION pg_catalog.time_to_repair(postmortem.incident) IS
	'postmortem.time_to_repair(incident), visible whatever the search_path so that i.time_to_repair works';
CREATE FUNCTION pg_catalog.duration(postmortem.incident) RETURNS interval
	AS 'MODULE_PATHNAME', 'incident_interval'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	SUPPORT postmortem.incident_row_support;
COMMENT ON FUNCTION pg_catalog.duration(postmortem.incident) IS
	'postmortem.duration(incident), visible whatever the search_path so that i.duration works';
CREATE FUNCTION pg_catalog.impact_minutes(postmortem.incident) RETURNS double precision
	AS 'MODULE_PATHNAME', 'incident_impact_minutes'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	SUPPORT postmortem.incident_row_support;
COMMENT ON FUNCTION pg_catalog.impact_minutes(postmortem.incident) IS
	'postmortem.impact_minutes(incident), visible whatever the search_path so that i.impact_minutes works';

CREATE FUNCTION postmortem.error_budget_burn(postmortem.incident, slo double precision,
											 period interval)
	RETURNS double precision
	AS 'MODULE_PATHNAME', 'incident_error_budget_burn'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION postmortem.error_budget_burn(postmortem.incident, double precision, interval) IS
	'impact_minutes ÷ the minutes an SLO (0 < slo < 1) allows in a period: 0.999 over 30 days allows 43.2; 1 = the whole budget';

/*
 * downtime(tstzrange): the length of the union of the ranges.
 */
CREATE FUNCTION postmortem.downtime_transfn(internal, tstzrange) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION postmortem.downtime_transfn(internal, tstzrange) IS
	'downtime aggregate: collect a range';
CREATE FUNCTION postmortem.downtime_combinefn(internal, internal) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION postmortem.downtime_combinefn(internal, internal) IS
	'downtime aggregate: combine two partial states';
CREATE FUNCTION postmortem.downtime_serialfn(internal) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION postmortem.downtime_serialfn(internal) IS
	'downtime aggregate: merge and serialize a partial state';
CREATE FUNCTION postmortem.downtime_deserialfn(bytea, internal) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION postmortem.downtime_deserialfn(bytea, internal) IS
	'downtime aggregate: deserialize a partial state';
CREATE FUNCTION postmortem.downtime_finalfn(internal) RETURNS interval
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION postmortem.downtime_finalfn(internal) IS
	'downtime aggregate: sort, merge and measure';

CREATE AGGREGATE postmortem.downtime(tstzrange) (
	SFUNC = postmortem.downtime_transfn,
	STYPE = internal,
	FINALFUNC = postmortem.downtime_finalfn,
	COMBINEFUNC = postmortem.downtime_combinefn,
	SERIALFUNC = postmortem.downtime_serialfn,
	DESERIALFUNC = postmortem.downtime_deserialfn,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE postmortem.downtime(tstzrange) IS
	'length of the union of the ranges: overlapping incidents count once; NULL and empty ranges are ignored, an unbounded range is an error';

/*
 * views — dashboards (Grafana, Metabase, Superset) read these.
 *
 * Columns are named for dashboards: a timestamp column per row, numbers as
 * numbers, every duration both as an interval and as *_seconds.  Medians and
 * p90s rather than means: incident durations are heavily skewed.
 */
CREATE VIEW postmortem.incident_metrics AS
SELECT i.id,
	   i.title,
	   i.severity,
	   i.status,
	   i.started_at,
	   i.detected_at,
	   i.acknowledged_at,
	   i.mitigated_at,
	   i.resolved_at,
	   i.closed_at,
	   postmortem.time_to_detect(i) AS time_to_detect,
	   postmortem.time_to_acknowledge(i) AS time_to_acknowledge,
	   postmortem.time_to_mitigate(i) AS time_to_mitigate,
	   postmortem.time_to_resolve(i) AS time_to_resolve,
	   postmortem.time_to_repair(i) AS time_to_repair,
	   postmortem.duration(i) AS duration,
	   pg_catalog.date_part('epoch', postmortem.time_to_detect(i)) AS time_to_detect_seconds,
	   pg_catalog.date_part('epoch', postmortem.time_to_acknowledge(i)) AS time_to_acknowledge_seconds,
	   pg_catalog.date_part('epoch', postmortem.time_to_mitigate(i)) AS time_to_mitigate_seconds,
	   pg_catalog.date_part('epoch', postmortem.time_to_resolve(i)) AS time_to_resolve_seconds,
	   pg_catalog.date_part('epoch', postmortem.time_to_repair(i)) AS time_to_repair_seconds,
	   pg_catalog.date_part('epoch', postmortem.duration(i)) AS duration_seconds,
	   i.users_affected_pct::double precision AS users_affected_pct,
	   i.users_affected,
	   postmortem.impact_minutes(i) AS impact_minutes,
	   i.status < 'resolved'::postmortem.incident_status AS is_open
  FROM postmortem.incident i;
COMMENT ON VIEW postmortem.incident_metrics IS
	'One row per incident with every duration (as interval and as seconds) and impact figure; started_at is its time column';
COMMENT ON COLUMN postmortem.incident_metrics.id IS 'Incident number';
COMMENT ON COLUMN postmortem.incident_metrics.title IS 'One-line name of the incident';
COMMENT ON COLUMN postmortem.incident_metrics.severity IS 'SEV1 (worst) to SEV5';
COMMENT ON COLUMN postmortem.incident_metrics.status IS 'Lifecycle status';
COMMENT ON COLUMN postmortem.incident_metrics.started_at IS 'When impact began: the time column for dashboards';
COMMENT ON COLUMN postmortem.incident_metrics.detected_at IS 'When the problem was noticed';
COMMENT ON COLUMN postmortem.incident_metrics.acknowledged_at IS 'When someone took it on';
COMMENT ON COLUMN postmortem.incident_metrics.mitigated_at IS 'When impact stopped growing';
COMMENT ON COLUMN postmortem.incident_metrics.resolved_at IS 'When impact ended';
COMMENT ON COLUMN postmortem.incident_metrics.closed_at IS 'When the incident was closed';
COMMENT ON COLUMN postmortem.incident_metrics.time_to_detect IS 'started → detected';
COMMENT ON COLUMN postmortem.incident_metrics.time_to_acknowledge IS 'started → acknowledged';
COMMENT ON COLUMN postmortem.incident_metrics.time_to_mitigate IS 'started → mitigated';
COMMENT ON COLUMN postmortem.incident_metrics.time_to_resolve IS 'started → resolved';
COMMENT ON COLUMN postmortem.incident_metrics.time_to_repair IS 'detected → resolved';
COMMENT ON COLUMN postmortem.incident_metrics.duration IS 'started → resolved: how long users were affected';
COMMENT ON COLUMN postmortem.incident_metrics.time_to_detect_seconds IS 'time_to_detect in seconds';
COMMENT ON COLUMN postmortem.incident_metrics.time_to_acknowledge_seconds IS 'time_to_acknowledge in seconds';
COMMENT ON COLUMN postmortem.incident_metrics.time_to_mitigate_seconds IS 'time_to_mitigate in seconds';
COMMENT ON COLUMN postmortem.incident_metrics.time_to_resolve_seconds IS 'time_to_resolve in seconds';
COMMENT ON COLUMN postmortem.incident_metrics.time_to_repair_seconds IS 'time_to_repair in seconds';
COMMENT ON COLUMN postmortem.incident_metrics.duration_seconds IS 'duration in seconds';
COMMENT ON COLUMN postmortem.incident_metrics.users_affected_pct IS 'Share of users affected, 0-100';
COMMENT ON COLUMN postmortem.incident_metrics.users_affected IS 'Number of users affected, when counted';
COMMENT ON COLUMN postmortem.incident_metrics.impact_minutes IS 'duration in minutes × users_affected_pct / 100 (NULL when either is unknown)';
COMMENT ON COLUMN postmortem.incident_metrics.is_open IS 'true while the incident is investigating, identified or mitigated';

CREATE VIEW postmortem.monthly_metrics AS
SELECT pg_catalog.date_trunc('month', i.started_at) AS month,
	   i.severity,
	   pg_catalog.count(*) AS incidents,
	   (pg_catalog.percentile_cont(ARRAY[0.5, 0.9]::double precision[]) WITHIN GROUP
		(ORDER BY pg_catalog.date_part('epoch', postmortem.time_to_detect(i))))[1]
		AS median_time_to_detect_seconds,
	   (pg_catalog.percentile_cont(ARRAY[0.5, 0.9]::double precision[]) WITHIN GROUP
		(ORDER BY pg_catalog.date_part('epoch', postmortem.time_to_detect(i))))[2]
		AS p90_time_to_detect_seconds,
	   (pg_catalog.percentile_cont(ARRAY[0.5, 0.9]::double precision[]) WITHIN GROUP
		(ORDER BY pg_catalog.date_part('epoch', postmortem.time_to_resolve(i))))[1]
		AS median_time_to_resolve_seconds,
	   (pg_catalog.percentile_cont(ARRAY[0.5, 0.9]::double precision[]) WITHIN GROUP
		(ORDER BY pg_catalog.date_part('epoch', postmortem.time_to_resolve(i))))[2]
		AS p90_time_to_resolve_seconds,
	   pg_catalog.sum(postmortem.impact_minutes(i)) AS impact_minutes,
	   pg_catalog.percentile_cont(0.5::double precision) WITHIN GROUP
		(ORDER BY postmortem.impact_minutes(i)) AS median_impact_minutes
  FROM postmortem.incident i
 WHERE i.started_at IS NOT NULL
 GROUP BY 1, 2;
COMMENT ON VIEW postmortem.monthly_metrics IS
	'Per month (in the session time zone) and severity: incident count, median and p90 time to detect and to resolve in seconds, impact minutes; month is its time column';
COMMENT ON COLUMN postmortem.monthly_metrics.month IS 'Start of the month the incidents started in, in the session time zone';
COMMENT ON COLUMN postmortem.monthly_metrics.severity IS 'SEV1 (worst) to SEV5';
COMMENT ON COLUMN postmortem.monthly_metrics.incidents IS 'Incidents that started that month';
COMMENT ON COLUMN postmortem.monthly_metrics.median_time_to_detect_seconds IS 'Median time to detect, seconds (over incidents where it is known)';
COMMENT ON COLUMN postmortem.monthly_metrics.p90_time_to_detect_seconds IS '90th percentile time to detect, seconds';
COMMENT ON COLUMN postmortem.monthly_metrics.median_time_to_resolve_seconds IS 'Median time to resolve, seconds (over resolved incidents)';
COMMENT ON COLUMN postmortem.monthly_metrics.p90_time_to_resolve_seconds IS '90th percentile time to resolve, seconds';
COMMENT ON COLUMN postmortem.monthly_metrics.impact_minutes IS 'Sum of impact_minutes (over incidents where it is known)';
COMMENT ON COLUMN postmortem.monthly_metrics.median_impact_minutes IS 'Median impact_minutes';

CREATE VIEW postmortem.open_tasks AS
SELECT t.id,
	   t.incident_id,
	   i.title AS incident_title,
	   i.severity AS incident_severity,
	   t.title,
	   t.kind,
	   t.status,
	   t.owner,
	   t.due_at,
	   t.created_at,
	   pg_catalog.now() - t.created_at AS age,
	   pg_catalog.date_part('epoch', pg_catalog.now() - t.created_at) AS age_seconds,
	   t.due_at < pg_catalog.now() AS overdue
  FROM postmortem.task t
  JOIN postmortem.incident i ON i.id = t.incident_id
 WHERE t.status < 'done'::postmortem.task_status;
COMMENT ON VIEW postmortem.open_tasks IS
	'Action items not yet done or dropped (status todo, in_progress, scheduled, blocked), with their incident; created_at is the time column';
COMMENT ON COLUMN postmortem.open_tasks.id IS 'Task number';
COMMENT ON COLUMN postmortem.open_tasks.incident_id IS 'The incident';
COMMENT ON COLUMN postmortem.open_tasks.incident_title IS 'The incident''s title';
COMMENT ON COLUMN postmortem.open_tasks.incident_severity IS 'The incident''s severity';
COMMENT ON COLUMN postmortem.open_tasks.title IS 'What is to be done';
COMMENT ON COLUMN postmortem.open_tasks.kind IS 'corrective, preventative, investigation or process';
COMMENT ON COLUMN postmortem.open_tasks.status IS 'todo, in_progress, scheduled or blocked';
COMMENT ON COLUMN postmortem.open_tasks.owner IS 'Who owns it';
COMMENT ON COLUMN postmortem.open_tasks.due_at IS 'When it is due';
COMMENT ON COLUMN postmortem.open_tasks.created_at IS 'When it was written down';
COMMENT ON COLUMN postmortem.open_tasks.age IS 'How long it has been open';
COMMENT ON COLUMN postmortem.open_tasks.age_seconds IS 'age in seconds';
COMMENT ON COLUMN postmortem.open_tasks.overdue IS 'true when due_at has passed';

CREATE VIEW postmortem.overdue_tasks AS
SELECT o.id,
	   o.incident_id,
	   o.incident_title,
	   o.incident_severity,
	   o.title,
	   o.kind,
	   o.status,
	   o.owner,
	   o.due_at,
	   o.created_at,
	   pg_catalog.now() - o.due_at AS overdue_by,
	   pg_catalog.date_part('epoch', pg_catalog.now() - o.due_at) AS overdue_by_seconds
  FROM postmortem.open_tasks o
 WHERE o.due_at < pg_catalog.now();
COMMENT ON VIEW postmortem.overdue_tasks IS
	'Open action items whose due date has passed, with their incident; due_at is the time column';
COMMENT ON COLUMN postmortem.overdue_tasks.id IS 'Task number';
COMMENT ON COLUMN postmortem.overdue_tasks.incident_id IS 'The incident';
COMMENT ON COLUMN postmortem.overdue_tasks.incident_title IS 'The incident''s title';
COMMENT ON COLUMN postmortem.overdue_tasks.incident_severity IS 'The incident''s severity';
COMMENT ON COLUMN postmortem.overdue_tasks.title IS 'What is to be done';
COMMENT ON COLUMN postmortem.overdue_tasks.kind IS 'corrective, preventative, investigation or process';
COMMENT ON COLUMN postmortem.overdue_tasks.status IS 'todo, in_progress, scheduled or blocked';
COMMENT ON COLUMN postmortem.overdue_tasks.owner IS 'Who owns it';
COMMENT ON COLUMN postmortem.overdue_tasks.due_at IS 'When it was due';
COMMENT ON COLUMN postmortem.overdue_tasks.created_at IS 'When it was written down';
COMMENT ON COLUMN postmortem.overdue_tasks.overdue_by IS 'How long past due';
COMMENT ON COLUMN postmortem.overdue_tasks.overdue_by_seconds IS 'overdue_by in seconds';

/*
 * schema-change recorder — src/recorder.c (event triggers, buffering, the
 * write at commit), src/ddl_facts.c (statement text, lock modes,
 * definitions), src/revert.c (revert statements), src/audit_chain.c (hash
 * chain), src/recorder_hook.c (ProcessUtility hook in preload mode).
 *
 * The recorder writes rows itself, as the extension, at commit: ordinary
 * roles have no privilege on these tables at all, and each row is chained to
 * the previous one by a SHA-256 hash.
 */
CREATE SEQUENCE postmortem.schema_change_id_seq AS bigint;
COMMENT ON SEQUENCE postmortem.schema_change_id_seq IS
	'Identifiers of recorded schema changes, in the order they were chained';

CREATE TABLE postmortem.schema_change (
	id					bigint NOT NULL DEFAULT nextval('postmortem.schema_change_id_seq') PRIMARY KEY,
	at					timestamptz NOT NULL,
	finished_at			timestamptz,
	duration			interval GENERATED ALWAYS AS (finished_at - at) STORED,
	xid					xid8,
	command_tag			text NOT NULL,
	object_type			text,
	object_identity		text,
	schema_name			text,
	table_name			text,
	table_oid			oid,
	statement			text,
	role_name			text NOT NULL DEFAULT current_user,
	application_name	text,
	client_addr			inet,
	backend_pid			integer,
	database_name		text NOT NULL DEFAULT current_database(),
	migration			text,
	lock_mode			text,
	blocks_writes		boolean,
	blocks_reads		boolean,
	rewrote_table		boolean NOT NULL DEFAULT false,
	rewrite_reason		text,
	definition_before	text,
	definition_after	text,
	revert_statement	text,
	index_invalid		boolean NOT NULL DEFAULT false,
	failed				boolean NOT NULL DEFAULT false,
	table_rows			bigint,
	table_seq_scan		bigint,
	table_idx_scan		bigint,
	origin				text,
	prev_hash			bytea,
	row_hash			bytea
);
ALTER SEQUENCE postmortem.schema_change_id_seq OWNED BY postmortem.schema_change.id;
CREATE INDEX schema_change_at_idx ON postmortem.schema_change (at);
CREATE INDEX schema_change_table_at_idx ON postmortem.schema_change (table_oid, at);
SELECT pg_catalog.pg_extension_config_dump('postmortem.schema_change', '');
SELECT pg_catalog.pg_extension_config_dump('postmortem.schema_change_id_seq', '');
REVOKE ALL ON postmortem.schema_change FROM PUBLIC;
REVOKE ALL ON SEQUENCE postmortem.schema_change_id_seq FROM PUBLIC;

COMMENT ON TABLE postmortem.schema_change IS
	'Every schema change, one row per object a DDL command touched; written by the recorder at commit, append-only, hash-chained';
COMMENT ON COLUMN postmortem.schema_change.id IS 'Increasing identifier; also the order of the hash chain';
COMMENT ON COLUMN postmortem.schema_change.at IS 'When the command started (ddl_command_start)';
COMMENT ON COLUMN postmortem.schema_change.finished_at IS 'When the command finished (ddl_command_end)';
COMMENT ON COLUMN postmortem.schema_change.duration IS 'finished_at - at: how long the command ran, lock waits included';
COMMENT ON COLUMN postmortem.schema_change.xid IS 'Top-level transaction id of the command';
COMMENT ON COLUMN postmortem.schema_change.command_tag IS 'Command tag for this object, e.g. CREATE INDEX';
COMMENT ON COLUMN postmortem.schema_change.object_type IS 'Object type as pg_event_trigger_ddl_commands() names it';
COMMENT ON COLUMN postmortem.schema_change.object_identity IS 'Object identity, quoted as PostgreSQL quotes it';
COMMENT ON COLUMN postmortem.schema_change.schema_name IS 'Schema of the object';
COMMENT ON COLUMN postmortem.schema_change.table_name IS 'Qualified name of the table the object belongs to (the table itself, an index''s table, ...)';
COMMENT ON COLUMN postmortem.schema_change.table_oid IS 'OID of that table at the time of the change';
COMMENT ON COLUMN postmortem.schema_change.statement IS 'The exact statement, also when it was sent in a string of several';
COMMENT ON COLUMN postmortem.schema_change.role_name IS 'Role that ran the command (current_user)';
COMMENT ON COLUMN postmortem.schema_change.application_name IS 'application_name of the session';
COMMENT ON COLUMN postmortem.schema_change.client_addr IS 'Client address; NULL over a Unix socket';
COMMENT ON COLUMN postmortem.schema_change.backend_pid IS 'Backend process id';
COMMENT ON COLUMN postmortem.schema_change.database_name IS 'Database the command ran in';
COMMENT ON COLUMN postmortem.schema_change.migration IS 'Migration: postmortem.migration, or the history row (Flyway, Django, Rails, Alembic, Sqitch) written in the same transaction';
COMMENT ON COLUMN postmortem.schema_change.lock_mode IS 'Lock the command takes on its table, e.g. SHARE, SHARE UPDATE EXCLUSIVE, ACCESS EXCLUSIVE';
COMMENT ON COLUMN postmortem.schema_change.blocks_writes IS 'Whether that lock blocks INSERT/UPDATE/DELETE';
COMMENT ON COLUMN postmortem.schema_change.blocks_reads IS 'Whether that lock blocks SELECT';
COMMENT ON COLUMN postmortem.schema_change.rewrote_table IS 'Whether the command rewrote the table (table_rewrite event)';
COMMENT ON COLUMN postmortem.schema_change.rewrite_reason IS 'Why it was rewritten';
COMMENT ON COLUMN postmortem.schema_change.definition_before IS 'Definition before the change (pg_get_indexdef for an index, columns for a table, the query for a view)';
COMMENT ON COLUMN postmortem.schema_change.definition_after IS 'Definition after the change';
COMMENT ON COLUMN postmortem.schema_change.revert_statement IS 'Statement that undoes the change; NULL when none can (see postmortem.revert_sql)';
COMMENT ON COLUMN postmortem.schema_change.index_invalid IS 'The index was left invalid (a failed CREATE INDEX CONCURRENTLY)';
COMMENT ON COLUMN postmortem.schema_change.failed IS 'The command failed after part of it had committed (concurrent index builds)';
COMMENT ON COLUMN postmortem.schema_change.table_rows IS 'reltuples of the table when the change ran';
COMMENT ON COLUMN postmortem.schema_change.table_seq_scan IS 'Sequential scans of the table so far (pg_stat_user_tables.seq_scan) when the change ran';
COMMENT ON COLUMN postmortem.schema_change.table_idx_scan IS 'Index scans of the table so far (pg_stat_user_tables.idx_scan) when the change ran';
COMMENT ON COLUMN postmortem.schema_change.origin IS 'Where the row was recorded: system identifier and database, unique across a fleet';
COMMENT ON COLUMN postmortem.schema_change.prev_hash IS 'row_hash of the previous row (NULL for the first)';
COMMENT ON COLUMN postmortem.schema_change.row_hash IS 'SHA-256 over prev_hash and every other column of the row';

CREATE FUNCTION postmortem.schema_change_hash(postmortem.schema_change)
	RETURNS bytea
	AS 'MODULE_PATHNAME', 'pm_schema_change_hash'
	LANGUAGE C STRICT STABLE PARALLEL SAFE;
COMMENT ON FUNCTION postmortem.schema_change_hash(postmortem.schema_change) IS
	'SHA-256 of a schema_change row as the recorder chained it: prev_hash followed by every other column in a canonical binary form';

CREATE FUNCTION postmortem.verify_audit()
	RETURNS TABLE (schema_change_id bigint, problem text, expected bytea, found bytea)
	LANGUAGE sql STABLE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
AS $$
	WITH c AS (
		SELECT s.id, s.prev_hash, s.row_hash,
			   lag(s.row_hash) OVER (ORDER BY s.id) AS expected_prev,
			   postmortem.schema_change_hash(s) AS computed
		  FROM postmortem.schema_change s
	), problems AS (
		SELECT c.id, 1 AS ord, 'row changed after it was recorded: its hash does not match its contents' AS problem,
			   c.computed AS expected, c.row_hash AS found
		  FROM c WHERE c.row_hash IS DISTINCT FROM c.computed
		UNION ALL
		SELECT c.id, 2, CASE WHEN c.expected_prev IS NULL
							 THEN 'rows missing before the first row'
							 ELSE 'chain broken before this row: a row was deleted or inserted' END,
			   c.expected_prev, c.prev_hash
		  FROM c WHERE c.prev_hash IS DISTINCT FROM c.expected_prev
		UNION ALL
		SELECT q.last_value, 3, 'rows missing at the end of the chain: the newest recorded rows are gone',
			   NULL, NULL
		  FROM postmortem.schema_change_id_seq q
		 WHERE q.is_called
		   AND q.last_value > coalesce((SELECT max(s.id) FROM postmortem.schema_change s), 0)
	)
	SELECT p.id, p.problem, p.expected, p.found FROM problems p ORDER BY p.id NULLS LAST, p.ord
$$;
COMMENT ON FUNCTION postmortem.verify_audit() IS
	'Checks the schema_change hash chain: one row per broken link (a row edited, deleted or inserted behind the recorder''s back), none when intact';

/* Event triggers: C functions in src/recorder.c. */
CREATE FUNCTION postmortem.recorder_ddl_start() RETURNS event_trigger
	AS 'MODULE_PATHNAME', 'pm_recorder_ddl_start' LANGUAGE C;
COMMENT ON FUNCTION postmortem.recorder_ddl_start() IS
	'ddl_command_start: notes the start time, the statement, the lock it will take and the definitions about to change';
CREATE FUNCTION postmortem.recorder_sql_drop() RETURNS event_trigger
	AS 'MODULE_PATHNAME', 'pm_recorder_sql_drop' LANGUAGE C;
COMMENT ON FUNCTION postmortem.recorder_sql_drop() IS
	'sql_drop: notes every object the command dropped, with the definition read before it was gone';
CREATE FUNCTION postmortem.recorder_table_rewrite() RETURNS event_trigger
	AS 'MODULE_PATHNAME', 'pm_recorder_table_rewrite' LANGUAGE C;
COMMENT ON FUNCTION postmortem.recorder_table_rewrite() IS
	'table_rewrite: notes that the command rewrites a table, and why';
CREATE FUNCTION postmortem.recorder_ddl_end() RETURNS event_trigger
	AS 'MODULE_PATHNAME', 'pm_recorder_ddl_end' LANGUAGE C;
COMMENT ON FUNCTION postmortem.recorder_ddl_end() IS
	'ddl_command_end: builds one row per object the command touched; rows are written at commit';

CREATE EVENT TRIGGER postmortem_recorder_start ON ddl_command_start
	EXECUTE FUNCTION postmortem.recorder_ddl_start();
CREATE EVENT TRIGGER postmortem_recorder_drop ON sql_drop
	EXECUTE FUNCTION postmortem.recorder_sql_drop();
CREATE EVENT TRIGGER postmortem_recorder_rewrite ON table_rewrite
	EXECUTE FUNCTION postmortem.recorder_table_rewrite();
CREATE EVENT TRIGGER postmortem_recorder_end ON ddl_command_end
	EXECUTE FUNCTION postmortem.recorder_ddl_end();
ALTER EVENT TRIGGER postmortem_recorder_start ENABLE ALWAYS;
ALTER EVENT TRIGGER postmortem_recorder_drop ENABLE ALWAYS;
ALTER EVENT TRIGGER postmortem_recorder_rewrite ENABLE ALWAYS;
ALTER EVENT TRIGGER postmortem_recorder_end ENABLE ALWAYS;

CREATE FUNCTION postmortem.revert_sql(schema_change_id bigint)
	RETURNS text
	AS 'MODULE_PATHNAME', 'pm_revert_sql'
	LANGUAGE C STRICT STABLE
	SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION postmortem.revert_sql(bigint) IS
	'The statement that undoes a recorded schema change; SQLSTATE 0A000 when no statement can';

CREATE FUNCTION postmortem.recorder_status(
		OUT item text, OUT recorded boolean, OUT detail text)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'pm_recorder_status'
	LANGUAGE C STABLE;
COMMENT ON FUNCTION postmortem.recorder_status() IS
	'What the recorder sees in this session, and what it misses without shared_preload_libraries = ''postmortem''';

CREATE FUNCTION postmortem.record_failed_builds()
	RETURNS integer
	AS 'MODULE_PATHNAME', 'pm_record_failed_builds'
	LANGUAGE C VOLATILE;
COMMENT ON FUNCTION postmortem.record_failed_builds() IS
	'Writes the concurrent index builds of this session that failed and left an invalid index (done on its own at the next schema change and when the session ends); returns how many';
COMMENT ON EVENT TRIGGER postmortem_recorder_start IS
	'postmortem recorder: notes the command''s start time and reads what a DROP is about to remove (index definitions)';
COMMENT ON EVENT TRIGGER postmortem_recorder_drop IS
	'postmortem recorder: one row per object a DROP removed';
COMMENT ON EVENT TRIGGER postmortem_recorder_rewrite IS
	'postmortem recorder: notes that a command rewrote its table, and why';
COMMENT ON EVENT TRIGGER postmortem_recorder_end IS
	'postmortem recorder: one row per object a command created or altered, with its facts';

/*
 * Citing the culprit — src/culprit.c
 *
 * suspects() ranks the schema changes recorded before an incident began;
 * cite() stores the verdict in postmortem.citation; incident_timeline()
 * merges human entries, cited changes, the changes made during the incident
 * on the tables involved, status changes and task events into one timeline;
 * change_failure_rate is DORA's change failure rate for migrations.
 */
CREATE TYPE postmortem.citation_role AS ENUM
	('trigger', 'root_cause', 'contributing', 'remediation');
COMMENT ON TYPE postmortem.citation_role IS
	'What a cited schema change did in an incident: set it off (trigger), caused it (root_cause), made it worse (contributing) or fixed it (remediation)';

CREATE TABLE postmortem.citation (
	id					bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
	incident_id			bigint NOT NULL REFERENCES postmortem.incident (id) ON DELETE CASCADE,
	schema_change_id	bigint NOT NULL REFERENCES postmortem.schema_change (id),
	role				postmortem.citation_role NOT NULL DEFAULT 'root_cause',
	note				text,
	cited_at			timestamptz NOT NULL DEFAULT now(),
	cited_by			text NOT NULL DEFAULT current_user,
	CONSTRAINT citation_incident_change_key UNIQUE (incident_id, schema_change_id)
);
COMMENT ON TABLE postmortem.citation IS
	'Schema changes cited in an incident''s postmortem, with the part each played';
COMMENT ON COLUMN postmortem.citation.id IS 'Citation number';
COMMENT ON COLUMN postmortem.citation.incident_id IS 'The incident; deleting it deletes its citations';
COMMENT ON COLUMN postmortem.citation.schema_change_id IS 'The recorded schema change (postmortem.schema_change.id)';
COMMENT ON COLUMN postmortem.citation.role IS 'trigger, root_cause, contributing or remediation';
COMMENT ON COLUMN postmortem.citation.note IS 'Why it is cited, in words';
COMMENT ON COLUMN postmortem.citation.cited_at IS 'When it was cited';
COMMENT ON COLUMN postmortem.citation.cited_by IS 'Who cited it';
COMMENT ON CONSTRAINT citation_incident_change_key ON postmortem.citation IS
	'a change is cited at most once per incident';
CREATE INDEX citation_schema_change_idx ON postmortem.citation (schema_change_id);
COMMENT ON INDEX postmortem.citation_schema_change_idx IS
	'the incidents a change is cited in (change failure rate, foreign key checks)';
SELECT pg_catalog.pg_extension_config_dump('postmortem.citation', '');
SELECT pg_catalog.pg_extension_config_dump('postmortem.citation_id_seq', '');
COMMENT ON SEQUENCE postmortem.citation_id_seq IS 'citation numbers';

CREATE FUNCTION postmortem.mentions(document text, name text) RETURNS boolean
	AS 'MODULE_PATHNAME', 'postmortem_mentions' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION postmortem.mentions(text, text) IS
	'true when the document names the identifier as a whole word, ignoring case and a plural s (orders matches "Order page", not "big_orders"); used to find the tables an incident is about';

CREATE FUNCTION postmortem.incident_document(incident postmortem.incident) RETURNS text
	LANGUAGE sql STABLE PARALLEL SAFE AS
$$
	SELECT pg_catalog.concat_ws(' ', $1.title, $1.summary, $1.impact, $1.root_cause,
			(SELECT pg_catalog.string_agg(t.body, ' ')
			   FROM postmortem.timeline t
			  WHERE t.incident_id OPERATOR(pg_catalog.=) $1.id
				AND t.source OPERATOR(pg_catalog.<>) 'evidence'
				AND t.kind::text NOT IN ('status_change', 'schema_change', 'evidence', 'misleading_path')))
$$;
COMMENT ON FUNCTION postmortem.incident_document(postmortem.incident) IS
	'what people wrote about an incident (title, summary, impact, root cause, human timeline entries except misleading paths): the text suspects() and incident_timeline() search for the tables it names';

CREATE FUNCTION postmortem.suspects(incident_id bigint, lookback interval DEFAULT '24 hours')
	RETURNS TABLE (schema_change_id bigint, score double precision, reason text,
				   at timestamptz, command_tag text, object_identity text,
				   table_name text, statement text, revert_statement text,
				   migration text, role_name text, lock_mode text)
	AS 'MODULE_PATHNAME', 'postmortem_suspects' LANGUAGE C STABLE STRICT;
COMMENT ON FUNCTION postmortem.suspects(bigint, interval) IS
	'schema changes recorded in the lookback window before the incident started, best suspect first, with a score and a one-sentence reason';

CREATE FUNCTION postmortem.cite(incident_id bigint, schema_change_id bigint,
								role postmortem.citation_role DEFAULT 'root_cause',
								note text DEFAULT NULL)
	RETURNS bigint LANGUAGE plpgsql VOLATILE AS
$$
DECLARE
	citation_id bigint;
	cited_as	postmortem.citation_role;
BEGIN
	IF cite.incident_id IS NULL OR cite.schema_change_id IS NULL THEN
		RAISE EXCEPTION 'incident and schema change must not be null'
			USING ERRCODE = 'null_value_not_allowed';
	END IF;
	IF NOT EXISTS (SELECT FROM postmortem.incident i WHERE i.id = cite.incident_id) THEN
		RAISE EXCEPTION 'incident % does not exist', cite.incident_id
			USING ERRCODE = 'no_data_found';
	END IF;
	IF NOT EXISTS (SELECT FROM postmortem.schema_change s WHERE s.id = cite.schema_change_id) THEN
		RAISE EXCEPTION 'schema change % does not exist', cite.schema_change_id
			USING ERRCODE = 'foreign_key_violation',
				  HINT = 'postmortem.suspects(incident_id) lists the recorded changes before an incident.';
	END IF;
	INSERT INTO postmortem.citation AS c (incident_id, schema_change_id, role, note)
	VALUES (cite.incident_id, cite.schema_change_id, cite.role, cite.note)
	ON CONFLICT ON CONSTRAINT citation_incident_change_key DO NOTHING
	RETURNING c.id INTO citation_id;
	IF citation_id IS NULL THEN
		SELECT c.role INTO cited_as FROM postmortem.citation c
		 WHERE c.incident_id = cite.incident_id AND c.schema_change_id = cite.schema_change_id;
		RAISE EXCEPTION 'schema change % is already cited in incident %',
			cite.schema_change_id, cite.incident_id
			USING ERRCODE = 'unique_violation',
				  DETAIL = format('It is cited as %s.', cited_as),
				  HINT = 'Update postmortem.citation to change its role or note.';
	END IF;
	RETURN citation_id;
END
$$;
COMMENT ON FUNCTION postmortem.cite(bigint, bigint, postmortem.citation_role, text) IS
	'cite a recorded schema change in an incident (role trigger, root_cause, contributing or remediation); returns the citation id';

CREATE FUNCTION postmortem.incident_timeline(incident_id bigint)
	RETURNS TABLE (at timestamptz, kind text, body text, source text, ref bigint)
	LANGUAGE plpgsql STABLE AS
$$
DECLARE
	inc			postmortem.incident;
	t_from		timestamptz;
	t_to		timestamptz;
	document	text;
BEGIN
	SELECT * INTO inc FROM postmortem.incident i WHERE i.id = incident_timeline.incident_id;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'incident % does not exist', incident_timeline.incident_id
			USING ERRCODE = 'no_data_found';
	END IF;
	t_from := coalesce(inc.started_at, inc.detected_at, inc.created_at);
	t_to := coalesce(inc.resolved_at, inc.closed_at, now());
	/* what the people wrote: it names the tables the incident is about */
	document := postmortem.incident_document(inc);

	RETURN QUERY
	WITH cited AS (
		SELECT c.schema_change_id, c.role, c.note, s.at, s.command_tag,
			   s.object_identity, s.table_oid, s.revert_statement
		  FROM postmortem.citation c
		  JOIN postmortem.schema_change s ON s.id = c.schema_change_id
		 WHERE c.incident_id = inc.id
	), entries AS (
		SELECT t.at, t.kind::text AS kind, t.body, t.source, t.id AS ref, 1 AS ord
		  FROM postmortem.timeline t
		 WHERE t.incident_id = inc.id
		UNION ALL
		SELECT c.at, 'schema_change',
			   format('%s %s (cited as %s)%s%s', c.command_tag,
					  coalesce(c.object_identity, '?'), c.role,
					  ': ' || c.note, '; revert: ' || c.revert_statement),
			   'citation', c.schema_change_id, 2
		  FROM cited c
		UNION ALL
		SELECT s.at, 'schema_change',
			   format('%s %s%s%s', s.command_tag, coalesce(s.object_identity, '?'),
					  ' (migration ' || s.migration || ')',
					  CASE WHEN s.blocks_reads OR s.blocks_writes
						   THEN format('; %s lock held %s', s.lock_mode,
									   coalesce(round(extract(epoch FROM coalesce(s.duration, s.finished_at - s.at)) * 1000) || ' ms',
												'for an unknown time'))
					  END),
			   'recorder', s.id, 3
		  FROM postmortem.schema_change s
		 WHERE s.at >= t_from AND s.at <= t_to
		   AND NOT EXISTS (SELECT FROM cited c WHERE c.schema_change_id = s.id)
		   AND (s.table_oid IN (SELECT c.table_oid FROM cited c)
				OR postmortem.mentions(document, s.table_name))
		UNION ALL
		SELECT k.created_at, 'task_created',
			   format('Task created: %s (%s%s%s)', k.title, k.kind,
					  ', owner ' || k.owner,
					  ', due ' || to_char(k.due_at, 'YYYY-MM-DD')),
			   'task', k.id, 4
		  FROM postmortem.task k
		 WHERE k.incident_id = inc.id
		UNION ALL
		SELECT k.completed_at, 'task_completed',
			   format('Task %s: %s',
					  CASE k.status WHEN 'wont_do' THEN 'dropped' ELSE 'done' END, k.title),
			   'task', k.id, 5
		  FROM postmortem.task k
		 WHERE k.incident_id = inc.id AND k.completed_at IS NOT NULL
	)
	SELECT e.at, e.kind, e.body, e.source, e.ref
	  FROM entries e
	 ORDER BY e.at, e.ord, e.ref;
END
$$;
COMMENT ON FUNCTION postmortem.incident_timeline(bigint) IS
	'one timeline in time order: human entries, status changes, cited schema changes, every change made between start and resolution on the tables involved, and task events';

/*
 * Counted month by month over the index on "at" (an index-only range count
 * per month, no per-row time-zone arithmetic over the whole table); the few
 * cited changes are grouped by month once.
 */
CREATE VIEW postmortem.change_failure_rate AS
WITH failed AS (
	SELECT pg_catalog.date_trunc('month', s.at) AS month,
		   count(DISTINCT s.id) AS failed_changes
	  FROM postmortem.citation c
	  JOIN postmortem.schema_change s ON s.id = c.schema_change_id
	 WHERE c.role IN ('trigger', 'root_cause')
	 GROUP BY 1
)
SELECT m.month,
	   n.changes,
	   COALESCE(f.failed_changes, 0) AS failed_changes,
	   round(COALESCE(f.failed_changes, 0)::numeric / n.changes, 4) AS change_failure_rate
  FROM (SELECT min(s.at) AS first_at, max(s.at) AS last_at
		  FROM postmortem.schema_change s) r
 CROSS JOIN LATERAL pg_catalog.generate_series(pg_catalog.date_trunc('month', r.first_at),
											   r.last_at, interval '1 month') AS m(month)
 CROSS JOIN LATERAL (SELECT count(*) AS changes
					   FROM postmortem.schema_change s
					  WHERE s.at >= m.month AND s.at < m.month + interval '1 month') n
  LEFT JOIN failed f ON f.month = m.month
 WHERE n.changes > 0;
COMMENT ON VIEW postmortem.change_failure_rate IS
	'DORA change failure rate for migrations, by month: recorded schema changes, those cited as an incident''s trigger or root cause, and their share (0-1)';
COMMENT ON COLUMN postmortem.change_failure_rate.month IS 'First instant of the month (session time zone)';
COMMENT ON COLUMN postmortem.change_failure_rate.changes IS 'Schema changes recorded that month (one per object a DDL command touched)';
COMMENT ON COLUMN postmortem.change_failure_rate.failed_changes IS 'Of those, the ones cited as trigger or root_cause of an incident';
COMMENT ON COLUMN postmortem.change_failure_rate.change_failure_rate IS 'failed_changes / changes, 0-1';

/*
 * Evidence at declaration — src/evidence.c
 *
 * GUCs: postmortem.capture_evidence (on), postmortem.evidence_window (1h),
 * postmortem.evidence_long_query (30s), postmortem.evidence_seq_scan_growth (20).
 */
CREATE FUNCTION postmortem.capture_evidence(incident_id bigint) RETURNS integer
	AS 'MODULE_PATHNAME', 'postmortem_capture_evidence' LANGUAGE C VOLATILE STRICT;
COMMENT ON FUNCTION postmortem.capture_evidence(bigint) IS
	'write the database''s state now (lock waits and blockers, long-running statements, INVALID indexes, tables whose sequential scans jumped since their last schema change) as evidence timeline entries of the incident; returns how many were written';

CREATE FUNCTION postmortem.incident_evidence() RETURNS trigger
	AS 'MODULE_PATHNAME', 'postmortem_incident_evidence' LANGUAGE C;
COMMENT ON FUNCTION postmortem.incident_evidence() IS
	'trigger: capture evidence when a live incident is declared (postmortem.capture_evidence on, not resolved, started within postmortem.evidence_window); a failure is a WARNING';

CREATE TRIGGER incident_evidence AFTER INSERT ON postmortem.incident
	FOR EACH ROW EXECUTE FUNCTION postmortem.incident_evidence();
COMMENT ON TRIGGER incident_evidence ON postmortem.incident IS
	'evidence at declaration: see postmortem.capture_evidence(bigint)';

/*
 * Postmortems as documents: reading them — src/markdown_import.c (loader),
 * src/markdown_parse.c (the parser).
 */
CREATE FUNCTION postmortem.import_markdown(document text, time_zone text DEFAULT NULL,
										   on_date date DEFAULT NULL)
RETURNS bigint
AS 'MODULE_PATHNAME', 'import_markdown'
LANGUAGE C VOLATILE PARALLEL UNSAFE;
COMMENT ON FUNCTION postmortem.import_markdown(text, text, date) IS
	'Read a postmortem in the usual template (Markdown or plain text) into a new incident with its timeline and tasks; returns the incident id. time_zone and on_date are used only where the document names none. What had to be guessed is kept in incident.import_notes.';

CREATE FUNCTION postmortem.parse_markdown(document text, time_zone text DEFAULT NULL,
										  on_date date DEFAULT NULL)
RETURNS jsonb
AS 'MODULE_PATHNAME', 'parse_markdown'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION postmortem.parse_markdown(text, text, date) IS
	'Dry run of import_markdown: what it would read from the document (times, timeline, tasks, import notes), as jsonb; writes nothing';

/*
 * Postmortems as documents: rendering them — src/markdown_report.c
 */
CREATE FUNCTION postmortem.report(incident_id bigint)
RETURNS text
AS 'MODULE_PATHNAME', 'report'
LANGUAGE C VOLATILE STRICT PARALLEL RESTRICTED;
COMMENT ON FUNCTION postmortem.report(bigint) IS
	'The incident as a Markdown postmortem: summary, timeline with a Mermaid diagram, root cause and resolution, cited schema changes with their revert statements, and tasks with statuses and owners. import_markdown reads it back.';
