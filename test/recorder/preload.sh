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
echo "1..10"

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
