#!/usr/bin/env bash
# Preload mode: a second server with shared_preload_libraries = 'postmortem'
# records what event triggers never see, through the ProcessUtility hook.
set -uo pipefail
cd "$(dirname "$0")/../.."
. test/support/server.sh
dir=$(mktemp -d /tmp/postmortem-preload.XXXXXX)
chmod 755 "$dir"
trap 'pm_server_stop "$dir/standby"; pm_server_stop "$dir"; rm -rf "$dir"' EXIT
pm_server_start "$dir" "shared_preload_libraries = 'postmortem'" || { echo "Bail out! server did not start"; exit 1; }
db=postmortem_preload
psql -X -q -d postgres -c "CREATE DATABASE $db" >/dev/null && psql -X -q -d $db -c 'CREATE EXTENSION postmortem' >/dev/null \
	|| { echo "Bail out! setup failed"; exit 1; }

q() { psql -X -q -A -t -d $db -c "$1" 2>&1; }
n=0
is() {
	n=$((n + 1))
	if [ "$1" = "$2" ]; then echo "ok $n - $3"; else
		echo "not ok $n - $3"; echo "#   got:      '$1'"; echo "#   expected: '$2'"; fi
}
echo "1..15"

is "$(q "SELECT bool_and(recorded) FROM postmortem.recorder_status() WHERE item <> 'query regressions'")" "t" "recorder_status() reports everything seen"

psql -X -q -d $db >/dev/null 2>&1 <<'SQL'
ALTER SYSTEM SET work_mem = '8MB';
CREATE ROLE pre_user LOGIN PASSWORD 'secret-password';
ALTER ROLE pre_user SET statement_timeout = '5s';
CREATE DATABASE pre_db;
DROP DATABASE pre_db;
SET session_replication_role = replica;
RESET session_replication_role;
ALTER EVENT TRIGGER postmortem_recorder_end DISABLE;
ALTER EVENT TRIGGER postmortem_recorder_end ENABLE ALWAYS;
DROP ROLE pre_user;
SQL
is "$(q "SELECT string_agg(command_tag || ':' || coalesce(object_identity, ''), ',' ORDER BY id) FROM postmortem.schema_change WHERE object_type IS DISTINCT FROM 'table'")" \
	"ALTER SYSTEM:work_mem,CREATE ROLE:pre_user,ALTER ROLE:pre_user,CREATE DATABASE:pre_db,DROP DATABASE:pre_db,SET:session_replication_role,RESET:session_replication_role,ALTER EVENT TRIGGER:postmortem_recorder_end,ALTER EVENT TRIGGER:postmortem_recorder_end,DROP ROLE:pre_user" \
	"ALTER SYSTEM, roles, databases, event triggers and session_replication_role recorded"
is "$(q "SELECT statement FROM postmortem.schema_change WHERE command_tag = 'ALTER EVENT TRIGGER' ORDER BY id LIMIT 1")" \
	"ALTER EVENT TRIGGER postmortem_recorder_end DISABLE" "an attempt to switch the recorder off is recorded"
is "$(q "SELECT count(*) FROM postmortem.schema_change WHERE statement LIKE '%secret-password%'")" "0" "passwords are not recorded"
is "$(q "SELECT statement FROM postmortem.schema_change WHERE command_tag = 'ALTER SYSTEM'")" \
	"ALTER SYSTEM SET work_mem = '8MB'" "the exact ALTER SYSTEM statement"
# settings whose values may hold a secret: primary_conninfo's password, a
# custom setting named for a token
psql -X -q -d $db >/dev/null 2>&1 <<'SQL'
ALTER SYSTEM SET primary_conninfo = 'host=replica.example user=rep password=Pr1maryPw';
ALTER SYSTEM RESET primary_conninfo;
ALTER DATABASE postmortem_preload SET myapp.api_token = 'Tok3nValue';
ALTER ROLE postgres SET myapp.client_secret = 'S3cretValue';
ALTER DATABASE postmortem_preload RESET myapp.api_token;
ALTER ROLE postgres RESET myapp.client_secret;
SQL
is "$(q "SELECT count(*) FROM postmortem.schema_change WHERE statement ~ '(Pr1maryPw|Tok3nValue|S3cretValue)'") $(q "SELECT count(*) FROM postmortem.schema_change WHERE command_tag IN ('ALTER SYSTEM', 'ALTER DATABASE', 'ALTER ROLE') AND statement LIKE '%(statement not recorded: it sets a password or a setting that may hold one)'")" \
	"0 3" "ALTER SYSTEM, ALTER DATABASE and ALTER ROLE ... SET of a setting that may hold a secret: recorded without the value"

# what no event trigger fires for: event triggers, tablespaces, databases'
# owners, grants and comments, REASSIGN OWNED, REINDEX, CLUSTER, VACUUM FULL,
# and session_replication_role changed by a function call
mkdir -p "$dir/ts" && { [ "$(id -u)" -ne 0 ] || chown postgres: "$dir/ts"; }
mark=$(q "SELECT max(id) FROM postmortem.schema_change")
psql -X -q -d $db >/dev/null 2>&1 <<SQL
CREATE FUNCTION pre_noop() RETURNS event_trigger LANGUAGE plpgsql AS \$\$BEGIN END\$\$;
CREATE ROLE pre_owner SUPERUSER;
CREATE EVENT TRIGGER pre_evt ON ddl_command_start EXECUTE FUNCTION pre_noop();
ALTER EVENT TRIGGER pre_evt OWNER TO pre_owner;
DROP EVENT TRIGGER pre_evt;
CREATE TABLESPACE pre_ts LOCATION '$dir/ts';
ALTER TABLESPACE pre_ts SET (random_page_cost = 2);
COMMENT ON TABLESPACE pre_ts IS 'scratch';
DROP TABLESPACE pre_ts;
ALTER DATABASE $db OWNER TO pre_owner;
GRANT CONNECT ON DATABASE $db TO pre_owner;
REVOKE CONNECT ON DATABASE $db FROM pre_owner;
COMMENT ON DATABASE $db IS 'audited';
COMMENT ON ROLE pre_owner IS 'temporary';
REASSIGN OWNED BY pre_owner TO postgres;
CREATE TABLE pre_big (a int PRIMARY KEY);
REINDEX TABLE pre_big;
REINDEX TABLE CONCURRENTLY pre_big;
CLUSTER pre_big USING pre_big_pkey;
VACUUM FULL pre_big;
VACUUM pre_big;
SELECT set_config('session_replication_role', 'replica', false);
SELECT set_config('session_replication_role', 'origin', false);
CREATE FUNCTION pre_as_replica() RETURNS int LANGUAGE sql SET session_replication_role = replica AS 'SELECT 1';
SELECT pre_as_replica();
DROP ROLE pre_owner;
SQL
is "$(q "SELECT string_agg(command_tag || ':' || coalesce(object_identity, ''), ',' ORDER BY id) FROM postmortem.schema_change WHERE id > $mark AND object_type NOT IN ('table', 'index', 'function')")" \
	"CREATE ROLE:pre_owner,CREATE EVENT TRIGGER:pre_evt,ALTER EVENT TRIGGER:pre_evt,DROP EVENT TRIGGER:pre_evt,CREATE TABLESPACE:pre_ts,ALTER TABLESPACE:pre_ts,COMMENT:pre_ts,DROP TABLESPACE:pre_ts,ALTER DATABASE:$db,GRANT:$db,REVOKE:$db,COMMENT:$db,COMMENT:pre_owner,REASSIGN OWNED:pre_owner TO postgres,SET:session_replication_role = replica,SET:session_replication_role = origin,SET:session_replication_role = replica,SET:session_replication_role = origin,DROP ROLE:pre_owner" \
	"event triggers, tablespaces, database owner, grant and comment, role comment, REASSIGN OWNED, set_config and SET clauses of functions recorded"
is "$(q "SELECT string_agg(command_tag || ':' || coalesce(lock_mode, '-') || ':' || blocks_reads, ',' ORDER BY id) FROM postmortem.schema_change WHERE id > $mark AND command_tag IN ('REINDEX', 'CLUSTER', 'VACUUM')")" \
	"REINDEX:SHARE:false,REINDEX:SHARE UPDATE EXCLUSIVE:false,CLUSTER:ACCESS EXCLUSIVE:true,VACUUM:ACCESS EXCLUSIVE:true" \
	"REINDEX (CONCURRENTLY), CLUSTER and VACUUM FULL recorded with their locks; plain VACUUM not"
is "$(q "SELECT statement FROM postmortem.schema_change WHERE id > $mark AND object_identity = 'session_replication_role = replica' ORDER BY id LIMIT 1")" \
	"SELECT set_config('session_replication_role', 'replica', false)" "set_config of session_replication_role carries its statement"

# a session that looks like pg_restore's (superuser, check_function_bodies
# and row_security off, empty search_path) is not recorded -- except what
# could switch the recorder off or touches its own objects
mark=$(q "SELECT max(id) FROM postmortem.schema_change")
psql -X -q -d $db >/dev/null 2>&1 <<'SQL'
SET check_function_bodies = off;
SET row_security = off;
SET search_path = '';
CREATE TABLE public.pre_restored (a int);
ALTER EVENT TRIGGER postmortem_recorder_end DISABLE;
ALTER EVENT TRIGGER postmortem_recorder_end ENABLE ALWAYS;
CREATE FUNCTION U&"\0070ostmortem".pre_planted() RETURNS int LANGUAGE sql AS 'SELECT 1';
DROP FUNCTION postmortem.pre_planted();
ALTER TABLE postmortem.schema_change DISABLE TRIGGER ALL;
ALTER TABLE postmortem.schema_change ENABLE TRIGGER ALL;
SQL
is "$(q "SELECT string_agg(command_tag || ':' || coalesce(object_identity, ''), ',' ORDER BY id) FROM postmortem.schema_change WHERE id > $mark")" \
	"ALTER EVENT TRIGGER:postmortem_recorder_end,ALTER EVENT TRIGGER:postmortem_recorder_end,CREATE FUNCTION:postmortem.pre_planted(),DROP FUNCTION:postmortem.pre_planted(),ALTER TABLE:postmortem.schema_change,ALTER TABLE:postmortem.schema_change" \
	"a restore-like session still records what touches the recorder, not the restored table"

# the hook gives event-trigger rows their exact text without parsing again
psql -X -q -d $db -c "CREATE TABLE p1 (a int); CREATE INDEX p1_a ON p1 (a) ; COMMENT ON TABLE p1 IS 'a;b'" >/dev/null 2>&1
is "$(q "SELECT string_agg(statement, ' | ' ORDER BY id) FROM postmortem.schema_change WHERE table_name = 'public.p1'")" \
	"CREATE TABLE p1 (a int) | CREATE INDEX p1_a ON p1 (a) | COMMENT ON TABLE p1 IS 'a;b'" "multi-statement strings split by the hook"
psql -X -q -d $db -c "DO \$\$ BEGIN EXECUTE 'CREATE TABLE p2 (a int)'; END \$\$" >/dev/null 2>&1
is "$(q "SELECT statement FROM postmortem.schema_change WHERE object_identity = 'public.p2'")" \
	"CREATE TABLE p2 (a int)" "DDL run by PL/pgSQL carries its own statement"

# databases without the extension are unaffected
psql -X -q -d postgres -c "ALTER SYSTEM RESET work_mem" >/dev/null 2>&1
is "$?" "0" "commands in a database without the extension still run"
is "$(q "SELECT count(*) FROM postmortem.verify_audit()")" "0" "the chain verifies"

# a hot standby runs SET session_replication_role too: nothing to record
# there (no row can be written), and no WARNING saying so
mkdir -p "$dir/standby" && { [ "$(id -u)" -ne 0 ] || chown postgres: "$dir/standby"; }
pm_as_postgres "$PM_PGBIN/pg_basebackup" -h "$PGHOST" -p "$PGPORT" -U postgres -D "$dir/standby/data" -R -X stream >/dev/null 2>&1
sport=$(pm_free_port)
printf "port = %s\nunix_socket_directories = '%s'\n" "$sport" "$dir/standby" | pm_as_postgres tee -a "$dir/standby/data/postgresql.conf" >/dev/null
pm_as_postgres "$PM_PGBIN/pg_ctl" -D "$dir/standby/data" -l "$dir/standby/server.log" -w -t 60 start >/dev/null 2>&1
is "$(psql -X -q -A -t -h "$dir/standby" -p "$sport" -d $db -c "SET session_replication_role = replica" -c "SELECT pg_is_in_recovery()" 2>&1)" \
	"t" "SET session_replication_role on a standby: no WARNING"
