
-- src/document: retrospective sections (src/document/sections.sql)
ALTER TABLE postmortem.incident
	ADD COLUMN sections jsonb NOT NULL DEFAULT '[]'
	CONSTRAINT incident_sections_array CHECK (pg_catalog.jsonb_typeof(sections) OPERATOR(pg_catalog.=) 'array');
COMMENT ON COLUMN postmortem.incident.sections IS
	'Retrospective sections of the postmortem beyond the template (Lessons learned, What went well, Contributing factors, Five whys, ...), in document order: a JSON array of {"heading": text, "body": Markdown text}';

-- src/document/report.sql: report() writes a gantt, response times, sections
COMMENT ON FUNCTION postmortem.report(bigint) IS
	'The incident as a Markdown postmortem: summary with the time to detect, acknowledge, mitigate and resolve; timeline with the cited schema changes and a Mermaid gantt (impact, response phases, cited changes, key entries); root cause and resolution; the retrospective sections; cited schema changes with their revert statements; tasks with statuses and owners. User text is escaped; import_markdown reads it back.';

/*
 * document: 0.1.0 → 0.2.0
 */

-- Immune to the caller's search_path (issue 9 item 1).
ALTER FUNCTION postmortem.import_markdown(text, text, date) SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION postmortem.report(bigint) SET search_path = pg_catalog, pg_temp;
