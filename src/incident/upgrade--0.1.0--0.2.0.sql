
-- incident: the databases of a fleet an incident affects (docs/fleet.md)
ALTER TABLE postmortem.incident ADD COLUMN origins text[] NOT NULL DEFAULT '{}';
COMMENT ON COLUMN postmortem.incident.origins IS 'The databases the incident affects, as schema_change.origin names them (<system identifier>/<database>); empty: the database it is declared in';
