
-- suspects(): only the incident's databases (origins), and the origin of each
DROP FUNCTION postmortem.suspects(bigint, interval);
CREATE FUNCTION postmortem.suspects(incident_id bigint, lookback interval DEFAULT '24 hours')
	RETURNS TABLE (schema_change_id bigint, score double precision, reason text,
				   at timestamptz, command_tag text, object_identity text,
				   table_name text, statement text, revert_statement text,
				   migration text, role_name text, lock_mode text, origin text)
	AS 'MODULE_PATHNAME', 'postmortem_suspects' LANGUAGE C STABLE STRICT;
COMMENT ON FUNCTION postmortem.suspects(bigint, interval) IS
	'schema changes recorded in the lookback window before the incident started, in the databases it affects (incident.origins; none named: this one), best suspect first, with a score and a one-sentence reason';
