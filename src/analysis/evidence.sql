
/*
 * Evidence at declaration — src/analysis/evidence.c
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

CREATE FUNCTION postmortem.redact_secrets(text) RETURNS text
	AS 'MODULE_PATHNAME', 'pm_redact_secrets_sql' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION postmortem.redact_secrets(text) IS
	'the text with the value after each word naming a secret (password, passwd, passphrase, secret, token, api_key, apikey, access_key, or an identifier holding one) replaced by <redacted>: a quoted or dollar-quoted literal, or a connection string''s bare value; the evidence uses it on other sessions'' query texts, the recorder on every statement it keeps';
