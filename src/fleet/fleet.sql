
/*
 * Fleets — docs/fleet.md
 *
 * Many databases' schema changes in one central postmortem database, by
 * PostgreSQL's own logical replication: each origin database publishes its
 * postmortem.schema_change (fleet_publish), the centre subscribes to each
 * (fleet_subscribe) and sees every origin's rows beside its own, identified
 * by (origin, id).  fleet_status() says, per origin, what arrived, how late,
 * and whether its chain verifies.
 *
 * CREATE SUBSCRIPTION cannot run inside a function (it creates the
 * replication slot on the origin outside any transaction), so
 * fleet_subscribe() checks everything, registers the origin and returns the
 * statement to run: psql's \gexec runs it.  No connection string is kept in
 * the extension's tables.
 */
CREATE TABLE postmortem.fleet_origin (
	origin			text COLLATE "C" PRIMARY KEY
					CONSTRAINT fleet_origin_format CHECK (origin ~ '^[0-9]+/.+$'),
	subscription	name NOT NULL CONSTRAINT fleet_origin_subscription_key UNIQUE,
	added_at		timestamptz NOT NULL DEFAULT now(),
	added_by		text NOT NULL DEFAULT current_user
);
COMMENT ON TABLE postmortem.fleet_origin IS
	'At a centre: the origin databases it subscribes to, one row per origin (fleet_subscribe); never a connection string';
COMMENT ON COLUMN postmortem.fleet_origin.origin IS 'The origin as its rows name it: <system identifier>/<database> (what fleet_publish() returned there)';
COMMENT ON COLUMN postmortem.fleet_origin.subscription IS 'The subscription that brings its rows';
COMMENT ON COLUMN postmortem.fleet_origin.added_at IS 'When it was added';
COMMENT ON COLUMN postmortem.fleet_origin.added_by IS 'Who added it';
COMMENT ON CONSTRAINT fleet_origin_format ON postmortem.fleet_origin IS 'an origin is <system identifier>/<database>';
COMMENT ON CONSTRAINT fleet_origin_subscription_key ON postmortem.fleet_origin IS 'one subscription per origin';
SELECT pg_catalog.pg_extension_config_dump('postmortem.fleet_origin', '');
REVOKE ALL ON postmortem.fleet_origin FROM PUBLIC;

CREATE TABLE postmortem.fleet_progress (
	origin			text COLLATE "C" PRIMARY KEY,
	last_id			bigint NOT NULL,
	received_at		timestamptz NOT NULL,
	transactions	bigint NOT NULL
);
COMMENT ON TABLE postmortem.fleet_progress IS
	'At a centre: per origin, the newest chain head a subscription applied and when (written by the fleet_received trigger)';
COMMENT ON COLUMN postmortem.fleet_progress.origin IS 'The origin';
COMMENT ON COLUMN postmortem.fleet_progress.last_id IS 'The id of the newest change its chain head announced';
COMMENT ON COLUMN postmortem.fleet_progress.received_at IS 'When that chain head was applied here';
COMMENT ON COLUMN postmortem.fleet_progress.transactions IS 'Recorded transactions (chain head writes) applied by replication so far, the initial copy counting as one';
SELECT pg_catalog.pg_extension_config_dump('postmortem.fleet_progress', '');
REVOKE ALL ON postmortem.fleet_progress FROM PUBLIC;

/*
 * Fires for the chain heads a subscription's apply worker writes (it runs
 * with session_replication_role = replica, hence ENABLE ALWAYS): once per
 * recorded transaction of an origin, not once per row.  The recorder's own
 * head row is written straight into the heap, without triggers, and
 * ordinary roles cannot write the table.
 */
CREATE FUNCTION postmortem.fleet_received() RETURNS trigger
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF current_setting('session_replication_role') = 'replica' THEN
		INSERT INTO postmortem.fleet_progress AS p (origin, last_id, received_at, transactions)
		VALUES (NEW.origin, NEW.last_id, clock_timestamp(), 1)
		ON CONFLICT (origin) DO UPDATE
		   SET last_id = EXCLUDED.last_id,
			   received_at = EXCLUDED.received_at,
			   transactions = p.transactions + 1;
	END IF;
	RETURN NULL;
END
$$;
COMMENT ON FUNCTION postmortem.fleet_received() IS
	'Trigger: notes in fleet_progress each chain head a subscription applies (replica role only)';
CREATE TRIGGER fleet_received AFTER INSERT OR UPDATE ON postmortem.schema_change_head
	FOR EACH ROW EXECUTE FUNCTION postmortem.fleet_received();
ALTER TABLE postmortem.schema_change_head ENABLE ALWAYS TRIGGER fleet_received;
COMMENT ON TRIGGER fleet_received ON postmortem.schema_change_head IS
	'At a centre: notes when each origin''s replicated chain head arrived (fleet_progress)';

/*
 * What an origin may send.  An origin database's owner controls what its
 * publication publishes: rows claiming another origin's name, updates and
 * deletes of another origin's rows or chain head, a TRUNCATE of the whole
 * table, rows for the centre's fleet_origin.  The apply worker applies
 * whatever its publisher sends, so the centre checks each row against the
 * subscription it arrived through: a subscription brings the rows of the
 * origin fleet_subscribe() registered it for (fleet_origin), nothing else.
 * A row that claims another origin is not applied: it is kept in
 * fleet_quarantine, with a WARNING in the centre's log.  A write of any
 * other table of the extension, or a TRUNCATE, is refused.
 */
CREATE TABLE postmortem.fleet_quarantine (
	id				bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	received_at		timestamptz NOT NULL DEFAULT clock_timestamp(),
	subscription	name NOT NULL,
	origin			text,
	relation		text NOT NULL,
	operation		text NOT NULL,
	row_data		jsonb
);
COMMENT ON TABLE postmortem.fleet_quarantine IS
	'At a centre: rows a subscription brought that claim an origin it was not registered for (fleet_subscribe), kept here instead of being applied';
COMMENT ON COLUMN postmortem.fleet_quarantine.id IS 'Quarantine entry number';
COMMENT ON COLUMN postmortem.fleet_quarantine.received_at IS 'When it arrived';
COMMENT ON COLUMN postmortem.fleet_quarantine.subscription IS 'The subscription it arrived through';
COMMENT ON COLUMN postmortem.fleet_quarantine.origin IS 'The origin the row claimed';
COMMENT ON COLUMN postmortem.fleet_quarantine.relation IS 'The table it was for';
COMMENT ON COLUMN postmortem.fleet_quarantine.operation IS 'INSERT, UPDATE or DELETE';
COMMENT ON COLUMN postmortem.fleet_quarantine.row_data IS 'The row as sent (for UPDATE and DELETE, the row it would have changed, and the new one)';
SELECT pg_catalog.pg_extension_config_dump('postmortem.fleet_quarantine', '');
SELECT pg_catalog.pg_extension_config_dump('postmortem.fleet_quarantine_id_seq', '');
COMMENT ON SEQUENCE postmortem.fleet_quarantine_id_seq IS 'quarantine entry numbers';
REVOKE ALL ON postmortem.fleet_quarantine FROM PUBLIC;

/* The subscription whose apply or table sync worker this backend is; NULL for any other. */
CREATE FUNCTION postmortem.fleet_applying_subscription() RETURNS name
	LANGUAGE sql STABLE PARALLEL RESTRICTED
	SET search_path = pg_catalog, pg_temp
AS $$
	SELECT s.subname FROM pg_catalog.pg_stat_subscription s
	 WHERE s.pid OPERATOR(pg_catalog.=) pg_catalog.pg_backend_pid()
	 LIMIT 1
$$;
COMMENT ON FUNCTION postmortem.fleet_applying_subscription() IS
	'The subscription whose logical replication worker this backend is (pg_stat_subscription), NULL in any other backend';

CREATE FUNCTION postmortem.fleet_guard() RETURNS trigger
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	sub name;
	claimed text;
BEGIN
	IF current_setting('session_replication_role') <> 'replica' THEN
		RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
	END IF;
	sub := postmortem.fleet_applying_subscription();
	IF sub IS NULL THEN
		-- a superuser's own session in replica mode: not a subscription's row
		RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
	END IF;
	IF TG_TABLE_NAME NOT IN ('schema_change', 'schema_change_head') AND pg_trigger_depth() > 1 THEN
		-- written by the extension's own trigger in the worker (fleet_progress)
		RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
	END IF;
	IF TG_LEVEL = 'STATEMENT' OR TG_TABLE_NAME NOT IN ('schema_change', 'schema_change_head') THEN
		RAISE EXCEPTION 'subscription % may not % postmortem.%', sub, lower(TG_OP), TG_TABLE_NAME
			USING ERRCODE = 'insufficient_privilege',
				  DETAIL = 'A fleet subscription brings schema_change inserts and chain heads of its own origin only.',
				  HINT = 'The origin''s publication publishes more than fleet_publish() does: check it there.';
	END IF;
	IF TG_OP <> 'INSERT' AND NOT EXISTS (SELECT FROM postmortem.fleet_origin f
										  WHERE f.origin = OLD.origin AND f.subscription = sub) THEN
		claimed := OLD.origin;
	ELSIF TG_OP <> 'DELETE' AND NOT EXISTS (SELECT FROM postmortem.fleet_origin f
											 WHERE f.origin = NEW.origin AND f.subscription = sub) THEN
		claimed := NEW.origin;
	ELSE
		RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
	END IF;
	INSERT INTO postmortem.fleet_quarantine (subscription, origin, relation, operation, row_data)
	VALUES (sub, claimed, TG_TABLE_NAME, TG_OP,
			CASE TG_OP WHEN 'INSERT' THEN to_jsonb(NEW)
					   WHEN 'DELETE' THEN to_jsonb(OLD)
					   ELSE jsonb_build_object('old', to_jsonb(OLD), 'new', to_jsonb(NEW)) END);
	RAISE WARNING 'postmortem: subscription % sent a row of origin %, which it was not registered for: quarantined', sub, claimed
		USING DETAIL = format('%s on postmortem.%s; see postmortem.fleet_quarantine.', TG_OP, TG_TABLE_NAME),
			  HINT = 'A subscription brings the rows of the origin fleet_subscribe() registered it for.';
	RETURN NULL;
END
$$;
COMMENT ON FUNCTION postmortem.fleet_guard() IS
	'Trigger at a centre: a subscription''s worker may write only the rows of the origin its subscription was registered for (fleet_origin); others go to fleet_quarantine, a TRUNCATE or a write of any other table of the extension is refused';
CREATE TRIGGER fleet_guard BEFORE INSERT OR UPDATE OR DELETE ON postmortem.schema_change
	FOR EACH ROW EXECUTE FUNCTION postmortem.fleet_guard();
ALTER TABLE postmortem.schema_change ENABLE ALWAYS TRIGGER fleet_guard;
COMMENT ON TRIGGER fleet_guard ON postmortem.schema_change IS
	'At a centre: a subscription applies only its own origin''s rows (fleet_guard)';
CREATE TRIGGER fleet_guard_truncate BEFORE TRUNCATE ON postmortem.schema_change
	FOR EACH STATEMENT EXECUTE FUNCTION postmortem.fleet_guard();
ALTER TABLE postmortem.schema_change ENABLE ALWAYS TRIGGER fleet_guard_truncate;
COMMENT ON TRIGGER fleet_guard_truncate ON postmortem.schema_change IS
	'At a centre: a subscription never truncates the audit (fleet_guard)';
CREATE TRIGGER fleet_guard BEFORE INSERT OR UPDATE OR DELETE ON postmortem.schema_change_head
	FOR EACH ROW EXECUTE FUNCTION postmortem.fleet_guard();
ALTER TABLE postmortem.schema_change_head ENABLE ALWAYS TRIGGER fleet_guard;
COMMENT ON TRIGGER fleet_guard ON postmortem.schema_change_head IS
	'At a centre: a subscription applies only its own origin''s chain head (fleet_guard)';
CREATE TRIGGER fleet_guard_truncate BEFORE TRUNCATE ON postmortem.schema_change_head
	FOR EACH STATEMENT EXECUTE FUNCTION postmortem.fleet_guard();
ALTER TABLE postmortem.schema_change_head ENABLE ALWAYS TRIGGER fleet_guard_truncate;
COMMENT ON TRIGGER fleet_guard_truncate ON postmortem.schema_change_head IS
	'At a centre: a subscription never truncates the chain heads (fleet_guard)';
CREATE TRIGGER fleet_guard BEFORE INSERT OR UPDATE OR DELETE ON postmortem.fleet_origin
	FOR EACH ROW EXECUTE FUNCTION postmortem.fleet_guard();
ALTER TABLE postmortem.fleet_origin ENABLE ALWAYS TRIGGER fleet_guard;
COMMENT ON TRIGGER fleet_guard ON postmortem.fleet_origin IS
	'At a centre: no subscription writes the registry of origins (fleet_guard)';
CREATE TRIGGER fleet_guard_truncate BEFORE TRUNCATE ON postmortem.fleet_origin
	FOR EACH STATEMENT EXECUTE FUNCTION postmortem.fleet_guard();
ALTER TABLE postmortem.fleet_origin ENABLE ALWAYS TRIGGER fleet_guard_truncate;
COMMENT ON TRIGGER fleet_guard_truncate ON postmortem.fleet_origin IS
	'At a centre: no subscription truncates the registry of origins (fleet_guard)';

/*
 * Every other table of the extension: a publication that includes one
 * (incidents, access_role's administrators, ...) would have the centre's
 * worker write it.  ENABLE REPLICA: these fire only with
 * session_replication_role = replica, as the workers run, and cost the
 * ordinary writes nothing.
 */
DO $$
DECLARE
	t name;
BEGIN
	FOR t IN
		SELECT c.relname FROM pg_catalog.pg_class c
		  JOIN pg_catalog.pg_depend d ON d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass
		   AND d.objid OPERATOR(pg_catalog.=) c.oid AND d.deptype OPERATOR(pg_catalog.=) 'e'
		  JOIN pg_catalog.pg_extension e ON e.oid OPERATOR(pg_catalog.=) d.refobjid
		   AND e.extname OPERATOR(pg_catalog.=) 'postmortem'
		 WHERE c.relkind OPERATOR(pg_catalog.=) 'r'
		   AND c.relname NOT IN ('schema_change', 'schema_change_head', 'fleet_origin')
		 ORDER BY c.relname
	LOOP
		EXECUTE pg_catalog.format('CREATE TRIGGER fleet_guard BEFORE INSERT OR UPDATE OR DELETE ON postmortem.%I FOR EACH ROW EXECUTE FUNCTION postmortem.fleet_guard()', t);
		EXECUTE pg_catalog.format('ALTER TABLE postmortem.%I ENABLE REPLICA TRIGGER fleet_guard', t);
		EXECUTE pg_catalog.format('COMMENT ON TRIGGER fleet_guard ON postmortem.%I IS %L', t,
								  'At a centre: no subscription writes this table (fleet_guard)');
		EXECUTE pg_catalog.format('CREATE TRIGGER fleet_guard_truncate BEFORE TRUNCATE ON postmortem.%I FOR EACH STATEMENT EXECUTE FUNCTION postmortem.fleet_guard()', t);
		EXECUTE pg_catalog.format('ALTER TABLE postmortem.%I ENABLE REPLICA TRIGGER fleet_guard_truncate', t);
		EXECUTE pg_catalog.format('COMMENT ON TRIGGER fleet_guard_truncate ON postmortem.%I IS %L', t,
								  'At a centre: no subscription truncates this table (fleet_guard)');
	END LOOP;
END
$$;

/*
 * One origin's rows are a range of schema_change's primary key (origin, id)
 * (fleet_status, the skip scan of the origins); suspects() and the counts by
 * month read a time range through schema_change_at_idx and keep the
 * origins asked for.  No index of the fleet's own: every recorded row would
 * pay its insert.
 */

CREATE FUNCTION postmortem.fleet_publish(replication_role regrole DEFAULT NULL)
	RETURNS text
	LANGUAGE plpgsql VOLATILE
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF current_setting('wal_level') <> 'logical' THEN
		RAISE EXCEPTION 'wal_level is %, logical replication needs logical', current_setting('wal_level')
			USING ERRCODE = 'object_not_in_prerequisite_state',
				  HINT = 'ALTER SYSTEM SET wal_level = logical, then restart the server.';
	END IF;
	/*
	 * The rows: inserts only, so that a row edited or deleted here later is
	 * kept as it was at the centre.  The chain heads: every change, so that
	 * the centre tells the newest rows of a chain from deleted ones.
	 */
	IF NOT EXISTS (SELECT FROM pg_publication p WHERE p.pubname = 'postmortem_fleet') THEN
		CREATE PUBLICATION postmortem_fleet FOR TABLE postmortem.schema_change
			WITH (publish = 'insert');
	END IF;
	IF NOT EXISTS (SELECT FROM pg_publication p WHERE p.pubname = 'postmortem_fleet_head') THEN
		CREATE PUBLICATION postmortem_fleet_head FOR TABLE postmortem.schema_change_head
			WITH (publish = 'insert, update, delete');
	END IF;
	IF NOT EXISTS (SELECT FROM pg_publication_tables t
					WHERE t.pubname = 'postmortem_fleet'
					  AND t.schemaname = 'postmortem' AND t.tablename = 'schema_change') THEN
		ALTER PUBLICATION postmortem_fleet ADD TABLE postmortem.schema_change;
	END IF;
	IF NOT EXISTS (SELECT FROM pg_publication_tables t
					WHERE t.pubname = 'postmortem_fleet_head'
					  AND t.schemaname = 'postmortem' AND t.tablename = 'schema_change_head') THEN
		ALTER PUBLICATION postmortem_fleet_head ADD TABLE postmortem.schema_change_head;
	END IF;
	IF replication_role IS NOT NULL THEN
		EXECUTE format('GRANT USAGE ON SCHEMA postmortem TO %I', replication_role::text);
		EXECUTE format('GRANT SELECT ON postmortem.schema_change, postmortem.schema_change_head TO %I',
					   replication_role::text);
	END IF;
	RETURN postmortem.local_origin();
END
$$;
COMMENT ON FUNCTION postmortem.fleet_publish(regrole) IS
	'On an origin: publishes schema_change (inserts only) and its chain heads (publications postmortem_fleet and postmortem_fleet_head), grants the replication role what the centre''s initial copy reads, and returns this origin for fleet_subscribe() at the centre';

CREATE FUNCTION postmortem.fleet_subscription_name(origin text) RETURNS name
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
AS $$
	SELECT ('pm_fleet_'
			|| left(regexp_replace(lower(split_part(origin, '/', 2)), '[^a-z0-9_]', '_', 'g'), 30)
			|| '_' || left(md5(origin), 10))::name
$$;
COMMENT ON FUNCTION postmortem.fleet_subscription_name(text) IS
	'The subscription (and replication slot) name fleet_subscribe() gives an origin: pm_fleet_<database>_<hash of the origin>';

CREATE FUNCTION postmortem.fleet_subscribe(origin text, conninfo text)
	RETURNS text
	LANGUAGE plpgsql VOLATILE
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	sub name;
BEGIN
	IF origin IS NULL OR conninfo IS NULL THEN
		RAISE EXCEPTION 'origin and connection string must not be null'
			USING ERRCODE = 'null_value_not_allowed';
	END IF;
	IF origin !~ '^[0-9]+/.+$' THEN
		RAISE EXCEPTION 'invalid origin: "%"', origin
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'An origin is <system identifier>/<database>, as SELECT postmortem.fleet_publish() returns it on the origin.';
	END IF;
	IF origin = postmortem.local_origin() THEN
		RAISE EXCEPTION 'cannot subscribe to this database''s own origin'
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Its own schema changes are recorded here already.';
	END IF;
	sub := postmortem.fleet_subscription_name(origin);
	IF EXISTS (SELECT FROM pg_subscription s
				WHERE s.subname = sub AND s.subdbid = (SELECT d.oid FROM pg_database d WHERE d.datname = current_database())) THEN
		RAISE EXCEPTION 'origin % is subscribed already', origin
			USING ERRCODE = 'duplicate_object',
				  DETAIL = format('Subscription %s exists.', sub),
				  HINT = 'SELECT * FROM postmortem.fleet_status() shows it.';
	END IF;
	INSERT INTO postmortem.fleet_origin AS f (origin, subscription)
	VALUES (fleet_subscribe.origin, sub)
	ON CONFLICT ON CONSTRAINT fleet_origin_pkey DO UPDATE
	   SET subscription = EXCLUDED.subscription, added_at = now(), added_by = current_user;
	/*
	 * An origin in this very cluster: CREATE SUBSCRIPTION would wait for
	 * itself creating the slot, so the slot is made in the origin database.
	 */
	IF split_part(origin, '/', 1) = (SELECT c.system_identifier::text FROM pg_control_system() c) THEN
		RAISE NOTICE 'the origin is a database of this cluster: run this in database % first: %',
			substr(origin, strpos(origin, '/') + 1),
			format('SELECT pg_create_logical_replication_slot(%L, ''pgoutput'');', sub)
			USING HINT = 'Until the slot exists the subscription retries; the initial copy does not need it.';
		RETURN format('CREATE SUBSCRIPTION %I CONNECTION %L PUBLICATION postmortem_fleet, postmortem_fleet_head WITH (slot_name = %L, create_slot = false)',
					  sub, conninfo, sub);
	END IF;
	RETURN format('CREATE SUBSCRIPTION %I CONNECTION %L PUBLICATION postmortem_fleet, postmortem_fleet_head WITH (slot_name = %L)',
				  sub, conninfo, sub);
END
$$;
COMMENT ON FUNCTION postmortem.fleet_subscribe(text, text) IS
	'At the centre: registers an origin and returns the CREATE SUBSCRIPTION statement to run (psql: \gexec); the connection string is not kept by the extension';

CREATE FUNCTION postmortem.fleet_unsubscribe(origin text)
	RETURNS text
	LANGUAGE plpgsql VOLATILE
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	sub name;
BEGIN
	DELETE FROM postmortem.fleet_origin f WHERE f.origin = fleet_unsubscribe.origin
	RETURNING f.subscription INTO sub;
	IF sub IS NULL THEN
		RAISE EXCEPTION 'origin % is not subscribed', origin
			USING ERRCODE = 'undefined_object',
				  HINT = 'SELECT * FROM postmortem.fleet_status() lists the origins.';
	END IF;
	RETURN format('DROP SUBSCRIPTION IF EXISTS %I', sub);
END
$$;
COMMENT ON FUNCTION postmortem.fleet_unsubscribe(text) IS
	'At the centre: forgets an origin and returns the DROP SUBSCRIPTION statement to run (psql: \gexec); its rows stay';

CREATE FUNCTION postmortem.fleet_status(verify boolean DEFAULT true)
	RETURNS TABLE (origin text, database_name text, subscription name, state text,
				   changes bigint, last_id bigint, last_change_at timestamptz,
				   received_at timestamptz, lag interval, last_contact timestamptz,
				   broken_links bigint, chain text)
	LANGUAGE plpgsql STABLE
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	here text := postmortem.local_origin();
BEGIN
	RETURN QUERY
	WITH RECURSIVE seen(origin) AS (
		/* the origins that have rows: a skip scan of the primary key (origin, id) */
		(SELECT s.origin FROM postmortem.schema_change s ORDER BY s.origin LIMIT 1)
		UNION ALL
		SELECT (SELECT s.origin FROM postmortem.schema_change s
				 WHERE s.origin > seen.origin ORDER BY s.origin LIMIT 1)
		  FROM seen WHERE seen.origin IS NOT NULL
	), origins AS (
		SELECT seen.origin FROM seen WHERE seen.origin IS NOT NULL
		UNION
		SELECT h.origin FROM postmortem.schema_change_head h
		UNION
		SELECT f.origin FROM postmortem.fleet_origin f
		UNION
		SELECT here
	)
	SELECT o.origin::text,
		   substr(o.origin, strpos(o.origin, '/') + 1),
		   f.subscription,
		   CASE WHEN o.origin = here THEN 'local'
				WHEN f.origin IS NULL THEN 'not subscribed'
				WHEN sub.oid IS NULL THEN 'no subscription'
				WHEN NOT sub.subenabled THEN 'disabled'
				WHEN st.pid IS NULL THEN 'not connected'
				ELSE 'streaming' END,
		   n.changes, h.last_id, last_row.at,
		   p.received_at,
		   CASE WHEN p.last_id = h.last_id THEN p.received_at - coalesce(last_row.finished_at, last_row.at) END,
		   st.last_msg_receipt_time,
		   v.broken,
		   CASE WHEN n.changes = 0 AND h.origin IS NULL THEN 'no rows yet'
				WHEN v.broken IS NULL THEN 'not verified'
				WHEN v.broken = 0 THEN 'intact'
				ELSE format('%s broken link%s, the first at id %s: %s', v.broken,
							CASE WHEN v.broken > 1 THEN 's' ELSE '' END, v.first_id, v.first_problem) END
	  FROM origins o
	  LEFT JOIN postmortem.fleet_origin f ON f.origin = o.origin
	  LEFT JOIN pg_subscription sub ON sub.subname = f.subscription
			AND sub.subdbid = (SELECT d.oid FROM pg_database d WHERE d.datname = current_database())
	  LEFT JOIN pg_stat_subscription st ON st.subid = sub.oid AND st.relid IS NULL
	  LEFT JOIN postmortem.fleet_progress p ON p.origin = o.origin
	  LEFT JOIN postmortem.schema_change_head h ON h.origin = o.origin
	  LEFT JOIN postmortem.schema_change last_row ON last_row.origin = o.origin AND last_row.id = h.last_id
	 CROSS JOIN LATERAL (SELECT count(*) AS changes
						   FROM postmortem.schema_change s WHERE s.origin = o.origin) n
	  LEFT JOIN LATERAL (SELECT count(*) AS broken,
								(array_agg(a.schema_change_id ORDER BY a.schema_change_id NULLS LAST))[1] AS first_id,
								(array_agg(a.problem ORDER BY a.schema_change_id NULLS LAST))[1] AS first_problem
						   FROM postmortem.verify_audit(o.origin) a) v ON fleet_status.verify
	 ORDER BY o.origin <> here, o.origin;
END
$$;
COMMENT ON FUNCTION postmortem.fleet_status(boolean) IS
	'At the centre, one row per origin (this database first): its subscription and whether it streams, the changes received, the newest and when it arrived, its lag, the last contact, and whether its hash chain verifies (verify => false skips that)';

/*
 * The change failure rate of each database of a fleet, by month: one range
 * count of schema_change_at_idx per origin and month, over the months of the
 * whole table (its first and last change: both ends of that index); the
 * months an origin has no change in are left out.
 */
CREATE VIEW postmortem.change_failure_rate_by_origin WITH (security_invoker = true) AS
WITH RECURSIVE origins(origin) AS (
	(SELECT s.origin FROM postmortem.schema_change s ORDER BY s.origin LIMIT 1)
	UNION ALL
	SELECT (SELECT s.origin FROM postmortem.schema_change s
			 WHERE s.origin OPERATOR(pg_catalog.>) o.origin ORDER BY s.origin LIMIT 1)
	  FROM origins o WHERE o.origin IS NOT NULL
), failed AS (
	SELECT s.origin, pg_catalog.date_trunc('month', s.at) AS month,
		   count(DISTINCT s.id) AS failed_changes
	  FROM postmortem.citation c
	  JOIN postmortem.schema_change s
		ON s.id OPERATOR(pg_catalog.=) c.schema_change_id
	   AND s.origin OPERATOR(pg_catalog.=) c.schema_change_origin
	 WHERE c.role IN ('trigger', 'root_cause')
	 GROUP BY 1, 2
)
SELECT m.month,
	   o.origin,
	   pg_catalog.substr(o.origin, pg_catalog.strpos(o.origin, '/') OPERATOR(pg_catalog.+) 1) AS database_name,
	   n.changes,
	   COALESCE(f.failed_changes, 0) AS failed_changes,
	   round(COALESCE(f.failed_changes, 0)::numeric OPERATOR(pg_catalog./) n.changes, 4) AS change_failure_rate
  FROM origins o
 CROSS JOIN (SELECT min(s.at) AS first_at, max(s.at) AS last_at
			   FROM postmortem.schema_change s) r
 CROSS JOIN LATERAL pg_catalog.generate_series(pg_catalog.date_trunc('month', r.first_at),
											   r.last_at, interval '1 month') AS m(month)
 CROSS JOIN LATERAL (SELECT count(*) AS changes
					   FROM postmortem.schema_change s
					  WHERE s.origin OPERATOR(pg_catalog.=) o.origin
						AND s.at OPERATOR(pg_catalog.>=) m.month
						AND s.at OPERATOR(pg_catalog.<) (m.month OPERATOR(pg_catalog.+) interval '1 month')) n
  LEFT JOIN failed f ON f.origin OPERATOR(pg_catalog.=) o.origin AND f.month OPERATOR(pg_catalog.=) m.month
 WHERE o.origin IS NOT NULL AND n.changes OPERATOR(pg_catalog.>) 0;
COMMENT ON VIEW postmortem.change_failure_rate_by_origin IS
	'change_failure_rate for each database of a fleet (at a centre), by month: its recorded schema changes, those cited as an incident''s trigger or root cause, and their share (0-1)';
COMMENT ON COLUMN postmortem.change_failure_rate_by_origin.month IS 'First instant of the month (session time zone)';
COMMENT ON COLUMN postmortem.change_failure_rate_by_origin.origin IS 'The database, as schema_change.origin names it';
COMMENT ON COLUMN postmortem.change_failure_rate_by_origin.database_name IS 'Its database name';
COMMENT ON COLUMN postmortem.change_failure_rate_by_origin.changes IS 'Schema changes it recorded that month';
COMMENT ON COLUMN postmortem.change_failure_rate_by_origin.failed_changes IS 'Of those, the ones cited as trigger or root_cause of an incident';
COMMENT ON COLUMN postmortem.change_failure_rate_by_origin.change_failure_rate IS 'failed_changes / changes, 0-1';
