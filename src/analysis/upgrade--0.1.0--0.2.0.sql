
-- analysis: a citation names its change by (origin, id), as a fleet's centre
-- holds the same id from several databases (docs/fleet.md).  The recorder's
-- step has already dropped the foreign key on id alone.
ALTER TABLE postmortem.citation ADD COLUMN schema_change_origin text COLLATE "C";
UPDATE postmortem.citation c
   SET schema_change_origin = (SELECT s.origin FROM postmortem.schema_change s
								WHERE s.id = c.schema_change_id ORDER BY s.origin LIMIT 1);
ALTER TABLE postmortem.citation ALTER COLUMN schema_change_origin SET NOT NULL,
	ALTER COLUMN schema_change_origin SET DEFAULT postmortem.local_origin();
COMMENT ON COLUMN postmortem.citation.schema_change_origin IS 'The database it was recorded in (postmortem.schema_change.origin); by default this one';
ALTER TABLE postmortem.citation DROP CONSTRAINT IF EXISTS citation_schema_change_id_fkey;
ALTER TABLE postmortem.citation
	ADD CONSTRAINT citation_schema_change_fkey FOREIGN KEY (schema_change_origin, schema_change_id)
		REFERENCES postmortem.schema_change (origin, id);
COMMENT ON CONSTRAINT citation_schema_change_fkey ON postmortem.citation IS
	'a citation names a recorded change, by (origin, id)';
ALTER TABLE postmortem.citation DROP CONSTRAINT citation_incident_change_key;
ALTER TABLE postmortem.citation
	ADD CONSTRAINT citation_incident_change_key UNIQUE (incident_id, schema_change_origin, schema_change_id);
COMMENT ON CONSTRAINT citation_incident_change_key ON postmortem.citation IS
	'a change is cited at most once per incident';
DROP INDEX postmortem.citation_schema_change_idx;
CREATE INDEX citation_schema_change_idx ON postmortem.citation (schema_change_origin, schema_change_id);
COMMENT ON INDEX postmortem.citation_schema_change_idx IS
	'the incidents a change is cited in (change failure rate, foreign key checks)';

-- analysis: change events (events.sql), query regressions (regression.sql)
\ir events.sql
\ir regression.sql


-- citations of change events
ALTER TABLE postmortem.citation ALTER COLUMN schema_change_id DROP NOT NULL,
	ADD COLUMN change_event_id bigint REFERENCES postmortem.change_event (id),
	ADD CONSTRAINT citation_incident_event_key UNIQUE (incident_id, change_event_id),
	ADD CONSTRAINT citation_one_change CHECK (num_nonnulls(schema_change_id, change_event_id) = 1);
COMMENT ON COLUMN postmortem.citation.change_event_id IS 'Or the change event (postmortem.change_event.id): a deploy, a flag, a configuration change';
COMMENT ON CONSTRAINT citation_incident_event_key ON postmortem.citation IS
	'a change event is cited at most once per incident';
COMMENT ON CONSTRAINT citation_one_change ON postmortem.citation IS
	'a citation is of one schema change or one change event';
CREATE INDEX citation_change_event_idx ON postmortem.citation (change_event_id)
	WHERE change_event_id IS NOT NULL;
COMMENT ON INDEX postmortem.citation_change_event_idx IS
	'the incidents a change event is cited in (change failure rate by kind, foreign key checks)';

-- the objects an incident affects count as named in it
CREATE OR REPLACE FUNCTION postmortem.incident_document(incident postmortem.incident) RETURNS text
	LANGUAGE plpgsql STABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
	RETURN pg_catalog.concat_ws(' ', $1.title, $1.summary, $1.impact, $1.root_cause,
			(SELECT pg_catalog.string_agg(t.body, ' ')
			   FROM postmortem.timeline t
			  WHERE t.incident_id OPERATOR(pg_catalog.=) $1.id
				AND t.source OPERATOR(pg_catalog.<>) 'evidence'
				AND t.kind::text NOT IN ('status_change', 'schema_change', 'evidence', 'misleading_path',
										 'field_change')),
			(SELECT pg_catalog.string_agg(o.name, ' ')
			   FROM postmortem.incident_object o
			  WHERE o.incident_id OPERATOR(pg_catalog.=) $1.id));
END
$$;
COMMENT ON FUNCTION postmortem.incident_document(postmortem.incident) IS
	'what people wrote about an incident (title, summary, impact, root cause, human timeline entries except misleading paths) and the objects it affects (incident_object): the text suspects() and incident_timeline() search for the tables it names';

-- suspects(): only the incident's databases, the origin of each; change events too
DROP FUNCTION postmortem.suspects(bigint, interval);
CREATE FUNCTION postmortem.suspects(incident_id bigint, lookback interval DEFAULT '24 hours')
	RETURNS TABLE (schema_change_id bigint, score double precision, reason text,
				   at timestamptz, command_tag text, object_identity text,
				   table_name text, statement text, revert_statement text,
				   migration text, role_name text, lock_mode text, origin text,
				   kind text, change_event_id bigint)
	AS 'MODULE_PATHNAME', 'postmortem_suspects' LANGUAGE C STABLE STRICT;
COMMENT ON FUNCTION postmortem.suspects(bigint, interval) IS
	'schema changes recorded in the lookback window before the incident started, in the databases it affects (incident.origins; none named: this one), and change events (deploys, flags, configuration: kind, change_event_id), best suspect first, with a score and a one-sentence reason; with pg_stat_statements, the statements that got slower after a change raise it and are named';

-- cite(): the origin of the change, when the incident's databases share its id
DROP FUNCTION postmortem.cite(bigint, bigint, postmortem.citation_role, text);
CREATE FUNCTION postmortem.cite(incident_id bigint, schema_change_id bigint,
								role postmortem.citation_role DEFAULT 'root_cause',
								note text DEFAULT NULL, origin text DEFAULT NULL)
	RETURNS bigint LANGUAGE plpgsql VOLATILE
	SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
	citation_id bigint;
	cited_as	postmortem.citation_role;
	origins		text[];
	found_in	text[];
BEGIN
	IF cite.incident_id IS NULL OR cite.schema_change_id IS NULL THEN
		RAISE EXCEPTION 'incident and schema change must not be null'
			USING ERRCODE = 'null_value_not_allowed';
	END IF;
	SELECT i.origins INTO origins FROM postmortem.incident i WHERE i.id = cite.incident_id;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'incident % does not exist', cite.incident_id
			USING ERRCODE = 'no_data_found';
	END IF;
	/* no origin given: the change of that id in the incident's databases */
	IF cite.origin IS NULL AND pg_catalog.cardinality(origins) = 0 THEN
		origins := ARRAY[postmortem.local_origin()];
	ELSIF cite.origin IS NOT NULL THEN
		origins := ARRAY[cite.origin];
	END IF;
	SELECT pg_catalog.array_agg(s.origin ORDER BY s.origin) INTO found_in
	  FROM postmortem.schema_change s
	 WHERE s.id = cite.schema_change_id AND s.origin = ANY (origins);
	IF found_in IS NULL THEN
		RAISE EXCEPTION 'schema change % does not exist', cite.schema_change_id
			USING ERRCODE = 'foreign_key_violation',
				  DETAIL = format('Looked for in %s.', pg_catalog.array_to_string(origins, ', ')),
				  HINT = 'postmortem.suspects(incident_id) lists the recorded changes before an incident, with their origin.';
	ELSIF pg_catalog.cardinality(found_in) > 1 THEN
		RAISE EXCEPTION 'schema change % is ambiguous: the incident''s databases each have one', cite.schema_change_id
			USING ERRCODE = 'invalid_parameter_value',
				  DETAIL = format('It exists in %s.', pg_catalog.array_to_string(found_in, ', ')),
				  HINT = 'Pass its origin: postmortem.cite(incident_id, schema_change_id, origin => ''...'').';
	END IF;
	INSERT INTO postmortem.citation AS c (incident_id, schema_change_id, schema_change_origin, role, note)
	VALUES (cite.incident_id, cite.schema_change_id, found_in[1], cite.role, cite.note)
	ON CONFLICT ON CONSTRAINT citation_incident_change_key DO NOTHING
	RETURNING c.id INTO citation_id;
	IF citation_id IS NULL THEN
		SELECT c.role INTO cited_as FROM postmortem.citation c
		 WHERE c.incident_id = cite.incident_id AND c.schema_change_id = cite.schema_change_id
		   AND c.schema_change_origin = found_in[1];
		RAISE EXCEPTION 'schema change % is already cited in incident %',
			cite.schema_change_id, cite.incident_id
			USING ERRCODE = 'unique_violation',
				  DETAIL = format('It is cited as %s.', cited_as),
				  HINT = 'Update postmortem.citation to change its role or note.';
	END IF;
	RETURN citation_id;
END
$$;
COMMENT ON FUNCTION postmortem.cite(bigint, bigint, postmortem.citation_role, text, text) IS
	'cite a recorded schema change in an incident (role trigger, root_cause, contributing or remediation); origin: the database it was recorded in, needed only when several of the incident''s databases have that id; returns the citation id';

-- incident_timeline(): citations on (origin, id), change events
CREATE OR REPLACE FUNCTION postmortem.incident_timeline(incident_id bigint)
	RETURNS TABLE (at timestamptz, kind text, body text, source text, ref bigint)
	LANGUAGE plpgsql STABLE
	SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
	inc			postmortem.incident;
	t_from		timestamptz;
	t_to		timestamptz;
	document	text;
	here		text := postmortem.local_origin();
	origins		text[];
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
	/* the databases it affects: none named, this one */
	origins := CASE WHEN pg_catalog.cardinality(inc.origins) = 0 THEN ARRAY[here] ELSE inc.origins END;

	RETURN QUERY
	WITH cited AS (
		SELECT c.schema_change_id, c.schema_change_origin, c.role, c.note, s.at, s.command_tag,
			   s.object_identity, s.table_name, s.revert_statement,
			   CASE WHEN s.origin <> here THEN ' in database ' || s.database_name END AS db
		  FROM postmortem.citation c
		  JOIN postmortem.schema_change s
			ON s.id = c.schema_change_id AND s.origin = c.schema_change_origin
		 WHERE c.incident_id = inc.id
	), entries AS (
		SELECT t.at, t.kind::text AS kind, t.body, t.source, t.id AS ref, 1 AS ord
		  FROM postmortem.timeline t
		 WHERE t.incident_id = inc.id
		UNION ALL
		SELECT c.at, 'schema_change',
			   format('%s %s%s (cited as %s)%s%s', c.command_tag,
					  coalesce(c.object_identity, '?'), c.db, c.role,
					  ': ' || c.note, '; revert: ' || c.revert_statement),
			   'citation', c.schema_change_id, 2
		  FROM cited c
		UNION ALL
		SELECT s.at, 'schema_change',
			   format('%s %s%s%s%s', s.command_tag, coalesce(s.object_identity, '?'),
					  CASE WHEN s.origin <> here THEN ' in database ' || s.database_name END,
					  ' (migration ' || s.migration || ')',
					  CASE WHEN s.blocks_reads OR s.blocks_writes
						   THEN format('; %s lock held %s', s.lock_mode,
									   coalesce(round(extract(epoch FROM coalesce(s.duration, s.finished_at - s.at)) * 1000) || ' ms',
												'for an unknown time'))
					  END),
			   'recorder', s.id, 3
		  FROM postmortem.schema_change s
		 WHERE s.at >= t_from AND s.at <= t_to
		   AND s.origin = ANY (origins)
		   AND NOT EXISTS (SELECT FROM cited c
							WHERE c.schema_change_id = s.id AND c.schema_change_origin = s.origin)
		   -- by name: a table_oid from before a dump and restore names
		   -- another table, or none, in this database
		   AND ((s.origin, s.table_name) IN (SELECT c.schema_change_origin, c.table_name FROM cited c)
				OR postmortem.mentions(document, s.table_name))
		UNION ALL
		SELECT e.at, 'change_event',
			   format('%s %s (cited as %s%s)', e.kind, e.name, c.role, ': ' || c.note),
			   'citation', e.id, 2
		  FROM postmortem.citation c
		  JOIN postmortem.change_event e ON e.id = c.change_event_id
		 WHERE c.incident_id = inc.id
		UNION ALL
		SELECT e.at, 'change_event', format('%s %s', e.kind, e.name), 'change_event', e.id, 3
		  FROM postmortem.change_event e
		 WHERE e.at >= t_from AND e.at <= t_to
		   AND NOT EXISTS (SELECT FROM postmortem.citation c
							WHERE c.change_event_id = e.id AND c.incident_id = inc.id)
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
	'one timeline in time order: human entries, status changes, cited schema changes and change events, every schema change made between start and resolution on the tables involved in the incident''s databases, every change event in that time, and task events; another database''s changes are named by it';

CREATE OR REPLACE VIEW postmortem.change_failure_rate AS
WITH failed AS (
	SELECT pg_catalog.date_trunc('month', s.at) AS month,
		   count(DISTINCT (s.origin, s.id)) AS failed_changes
	  FROM postmortem.citation c
	  JOIN postmortem.schema_change s
		ON s.id = c.schema_change_id AND s.origin = c.schema_change_origin
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
CREATE FUNCTION postmortem.cite_change(incident_id bigint, change_event_id bigint,
									   role postmortem.citation_role DEFAULT 'root_cause',
									   note text DEFAULT NULL)
	RETURNS bigint LANGUAGE plpgsql VOLATILE
	SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
	citation_id bigint;
BEGIN
	IF cite_change.incident_id IS NULL OR cite_change.change_event_id IS NULL THEN
		RAISE EXCEPTION 'incident and change event must not be null'
			USING ERRCODE = 'null_value_not_allowed';
	END IF;
	IF NOT EXISTS (SELECT FROM postmortem.incident i WHERE i.id = cite_change.incident_id) THEN
		RAISE EXCEPTION 'incident % does not exist', cite_change.incident_id
			USING ERRCODE = 'no_data_found';
	END IF;
	IF NOT EXISTS (SELECT FROM postmortem.change_event e WHERE e.id = cite_change.change_event_id) THEN
		RAISE EXCEPTION 'change event % does not exist', cite_change.change_event_id
			USING ERRCODE = 'foreign_key_violation',
				  HINT = 'postmortem.suspects(incident_id) lists the change events before an incident (change_event_id).';
	END IF;
	INSERT INTO postmortem.citation AS c (incident_id, change_event_id, role, note)
	VALUES (cite_change.incident_id, cite_change.change_event_id, cite_change.role, cite_change.note)
	ON CONFLICT ON CONSTRAINT citation_incident_event_key DO NOTHING
	RETURNING c.id INTO citation_id;
	IF citation_id IS NULL THEN
		RAISE EXCEPTION 'change event % is already cited in incident %',
			cite_change.change_event_id, cite_change.incident_id
			USING ERRCODE = 'unique_violation',
				  HINT = 'Update postmortem.citation to change its role or note.';
	END IF;
	RETURN citation_id;
END
$$;
COMMENT ON FUNCTION postmortem.cite_change(bigint, bigint, postmortem.citation_role, text) IS
	'cite a change event (a deploy, a flag, a configuration change: postmortem.change_event) in an incident, as cite() does a schema change; returns the citation id';

/*
 * Change failure rate by kind of change: schema changes (kind schema_change)
 * and each kind of change event, month by month.
 */
CREATE VIEW postmortem.change_failure_rate_by_kind WITH (security_invoker = true) AS
WITH changes AS (
	SELECT pg_catalog.date_trunc('month', s.at) AS month, 'schema_change'::text AS kind,
		   count(*) AS changes
	  FROM postmortem.schema_change s GROUP BY 1
	UNION ALL
	SELECT pg_catalog.date_trunc('month', e.at), e.kind, count(*)
	  FROM postmortem.change_event e GROUP BY 1, 2
), failed AS (
	SELECT pg_catalog.date_trunc('month', coalesce(s.at, e.at)) AS month,
		   coalesce(e.kind, 'schema_change') AS kind,
		   count(DISTINCT coalesce(s.origin || '/' || s.id, 'event/' || e.id)) AS failed_changes
	  FROM postmortem.citation c
	  LEFT JOIN postmortem.schema_change s
			 ON s.origin = c.schema_change_origin AND s.id = c.schema_change_id
	  LEFT JOIN postmortem.change_event e ON e.id = c.change_event_id
	 WHERE c.role IN ('trigger', 'root_cause')
	 GROUP BY 1, 2
)
SELECT c.month, c.kind, c.changes,
	   COALESCE(f.failed_changes, 0) AS failed_changes,
	   round(COALESCE(f.failed_changes, 0)::numeric / c.changes, 4) AS change_failure_rate
  FROM changes c
  LEFT JOIN failed f ON f.month = c.month AND f.kind = c.kind;
COMMENT ON VIEW postmortem.change_failure_rate_by_kind IS
	'DORA change failure rate by month and kind of change: schema changes (kind schema_change) and each kind of change event (deploy, flag, config, ...)';
COMMENT ON COLUMN postmortem.change_failure_rate_by_kind.month IS 'First instant of the month (session time zone)';
COMMENT ON COLUMN postmortem.change_failure_rate_by_kind.kind IS 'schema_change, or the kind of the change events';
COMMENT ON COLUMN postmortem.change_failure_rate_by_kind.changes IS 'Changes of that kind that month';
COMMENT ON COLUMN postmortem.change_failure_rate_by_kind.failed_changes IS 'Of those, the ones cited as trigger or root_cause of an incident';
COMMENT ON COLUMN postmortem.change_failure_rate_by_kind.change_failure_rate IS 'failed_changes / changes, 0-1';

CREATE FUNCTION postmortem.citation_affects() RETURNS trigger
	LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
	INSERT INTO postmortem.incident_object (incident_id, kind, name, source)
	SELECT NEW.incident_id, o.kind, o.name, 'citation'
	  FROM (SELECT 'table' AS kind, s.table_name AS name
			  FROM postmortem.schema_change s
			 WHERE s.origin = NEW.schema_change_origin AND s.id = NEW.schema_change_id
			UNION ALL
			SELECT 'service', e.details ->> 'service'
			  FROM postmortem.change_event e WHERE e.id = NEW.change_event_id
			UNION ALL
			SELECT 'table', e.details ->> 'table'
			  FROM postmortem.change_event e WHERE e.id = NEW.change_event_id) o
	 WHERE o.name IS NOT NULL AND btrim(o.name) <> ''
	ON CONFLICT DO NOTHING;
	RETURN NULL;
END
$$;
COMMENT ON FUNCTION postmortem.citation_affects() IS
	'trigger: a cited change''s table (or a change event''s service and table) becomes an object the incident affects';
CREATE TRIGGER citation_affects AFTER INSERT ON postmortem.citation
	FOR EACH ROW EXECUTE FUNCTION postmortem.citation_affects();
COMMENT ON TRIGGER citation_affects ON postmortem.citation IS
	'fills postmortem.incident_object from citations';

/*
 * analysis: 0.1.0 → 0.2.0
 */

-- Immune to the caller's search_path (issue 9 item 1).
ALTER FUNCTION postmortem.incident_document(postmortem.incident) SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION postmortem.suspects(bigint, interval) SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION postmortem.cite(bigint, bigint, postmortem.citation_role, text, text) SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION postmortem.incident_timeline(bigint) SET search_path = pg_catalog, pg_temp;
\ir drop_guard.sql

-- Access (issue 14): citations of a private incident, and the view as the caller.
ALTER TABLE postmortem.citation ENABLE ROW LEVEL SECURITY;
CREATE POLICY citation_visible ON postmortem.citation
	USING (EXISTS (SELECT FROM postmortem.incident i WHERE i.id = incident_id));
COMMENT ON POLICY citation_visible ON postmortem.citation IS
	'a citation is seen and written by those who see its incident';
ALTER VIEW postmortem.change_failure_rate SET (security_invoker = true);

-- pg_restore -j may load citation before incident or schema_change
-- (src/incident/restore.c)
CREATE TRIGGER citation_restore_load_start BEFORE INSERT ON postmortem.citation
	FOR EACH STATEMENT EXECUTE FUNCTION postmortem.restore_load();
COMMENT ON TRIGGER citation_restore_load_start ON postmortem.citation IS
	'restoring a dump: load without foreign key checks (see postmortem.restore_load())';
CREATE TRIGGER citation_restore_load_end AFTER INSERT ON postmortem.citation
	FOR EACH STATEMENT EXECUTE FUNCTION postmortem.restore_load();
ALTER TABLE postmortem.citation ENABLE ALWAYS TRIGGER citation_restore_load_end;
COMMENT ON TRIGGER citation_restore_load_end ON postmortem.citation IS
	'restoring a dump: foreign key checks again after the statement';

-- secrets out of the query texts evidence copies (src/secrets.c)
CREATE FUNCTION postmortem.redact_secrets(text) RETURNS text
	AS 'MODULE_PATHNAME', 'pm_redact_secrets_sql' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION postmortem.redact_secrets(text) IS
	'the text with the value after each word naming a secret (password, passwd, passphrase, secret, token, api_key, apikey, access_key, or an identifier holding one) replaced by <redacted>: a quoted or dollar-quoted literal, or a connection string''s bare value; the evidence uses it on other sessions'' query texts, the recorder on every statement it keeps';
