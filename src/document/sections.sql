/*
 * Retrospective sections people write beside the template's four parts
 * (Lessons learned, What went well, What went wrong, Contributing factors,
 * Five whys, ...): import_markdown keeps them, report() renders them.
 * The same statement is this part's step of the 0.1.0 → 0.2.0 upgrade.
 */
ALTER TABLE postmortem.incident
	ADD COLUMN sections jsonb NOT NULL DEFAULT '[]'
	CONSTRAINT incident_sections_array CHECK (pg_catalog.jsonb_typeof(sections) OPERATOR(pg_catalog.=) 'array');
COMMENT ON COLUMN postmortem.incident.sections IS
	'Retrospective sections of the postmortem beyond the template (Lessons learned, What went well, Contributing factors, Five whys, ...), in document order: a JSON array of {"heading": text, "body": Markdown text}';
