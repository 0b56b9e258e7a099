-- Baseline: a PL/pgSQL logger over pg_event_trigger_ddl_commands(), the
-- usual hand-written audit trigger.
CREATE TABLE ddl_log (at timestamptz DEFAULT now(), tag text, object_type text,
	identity text, statement text, role_name text DEFAULT current_user);
CREATE FUNCTION ddl_log_end() RETURNS event_trigger LANGUAGE plpgsql AS $$
DECLARE
	r record;
BEGIN
	FOR r IN SELECT * FROM pg_event_trigger_ddl_commands() LOOP
		INSERT INTO ddl_log (tag, object_type, identity, statement)
		VALUES (r.command_tag, r.object_type, r.object_identity, current_query());
	END LOOP;
END
$$;
CREATE EVENT TRIGGER ddl_log_end ON ddl_command_end EXECUTE FUNCTION ddl_log_end();
