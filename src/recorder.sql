
/*
 * schema-change recorder — src/recorder.c
 * (table drafted with the skeleton so that citing/suspects can build on it;
 * the recorder owns it.)
 */
CREATE TABLE postmortem.schema_change (
	id					bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
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
CREATE INDEX schema_change_at_idx ON postmortem.schema_change (at);
CREATE INDEX schema_change_table_at_idx ON postmortem.schema_change (table_oid, at);
SELECT pg_catalog.pg_extension_config_dump('postmortem.schema_change', '');
