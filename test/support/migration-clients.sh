# Shared by test/recorder/clients.sh and clients_more.sh (sourced, not run):
# the app role, a database with the extension and one without per tool, and
# step(), which runs a tool's command in both and checks every recorded row
# against test/clients/<tool>/expected/<step>.txt and the two schemas
# against each other.  The caller sets app (the role), db_prefix (the
# databases' names) and, optionally, dump_exclude (pg_dump options for
# objects the tools leave in one database only).
work=$(mktemp -d /tmp/postmortem-clients.XXXXXX)
chmod 755 "$work"
dbs=()
holder=				# a background session a step holds locks in (clients_more.sh)
cleanup() {
	[ -n "$holder" ] && kill "$holder" 2>/dev/null
	for d in "${dbs[@]}"; do
		psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $d WITH (FORCE)" >/dev/null 2>&1
	done
	rm -rf "$work"
}
trap cleanup EXIT

n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do echo "$l" | sed 's/^/#   /'; done; }
skip() { n=$((n + 1)); echo "ok $n # skip $1"; }
q() { psql -X -q -A -t -v ON_ERROR_STOP=1 -d "$1" -c "$2"; }

psql -X -q -d postgres -c "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$app') THEN CREATE ROLE $app LOGIN; END IF; END \$\$" ||
	{ echo "Bail out! cannot create role $app"; exit 1; }

# tool_dbs TOOL: a database with the extension and one without, owned by the app
tool_dbs() {
	local t=${1//-/_}
	with=${db_prefix}_${t}
	without=${db_prefix}_${t}_plain
	for d in $with $without; do
		psql -X -q -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $d WITH (FORCE)" -c "CREATE DATABASE $d OWNER $app" >/dev/null || return 1
		dbs+=("$d")
	done
	q $with "CREATE EXTENSION postmortem; GRANT SELECT ON postmortem.schema_change, postmortem.migration_attribution TO $app" >/dev/null
}

# The rows written since id $2, one line each: what, on which object, which
# migration (tool, id, direction).
rows_since() {
	q "$1" "SELECT s.command_tag || ' ' || coalesce(s.object_identity, '-') || ' | ' ||
	               coalesce(m.tool, '-') || ' ' || coalesce(m.migration, s.migration, '-') || ' ' || coalesce(m.direction, '-')
	          FROM postmortem.schema_change s
	          LEFT JOIN postmortem.migration_attribution m ON m.schema_change_id = s.id
	         WHERE s.id > $2 ORDER BY s.id"
}

schema_of() {
	pg_dump -s -O -x --no-comments -d "$1" -N postmortem ${dump_exclude:-} >"$work/dump" 2>&1 || { echo "pg_dump failed"; cat "$work/dump"; return; }
	grep -v -e '^--' -e '^$' -e 'EXTENSION' -e 'search_path' -e '^SET ' -e '^.restrict ' -e '^.unrestrict ' "$work/dump"
}

# Run COMMAND as the app role.  A lock the recorder waited for would fail it
# (lock_timeout) rather than hang the test; the tools' own statements never
# wait here.
as_app() { PGUSER=$app PGOPTIONS="${PGOPTIONS:-} -c lock_timeout=60s" "$@"; }

# step TOOL NAME COMMAND...: run COMMAND as the app role in both databases
# (with PM_STEP_FAILS=1, COMMAND must fail in both)
step() {
	local tool=$1 name=$2; shift 2
	local marker log=$work/$tool-$name rc
	local expected=$clients/$tool/expected/$name.txt
	marker=$(q $with "SELECT coalesce(max(id), 0) FROM postmortem.schema_change")
	PGDATABASE=$with as_app "$@" >"$log.out" 2>&1
	rc=$?
	if [ -n "${PM_STEP_FAILS:-}" ]; then
		if [ $rc -eq 0 ]; then
			not_ok "$tool $name failed as it must" "$(tail -n 20 "$log.out")"
			return 1
		fi
		PGDATABASE=$without as_app "$@" >"$log.plain.out" 2>&1 &&
			not_ok "$tool $name failed without the extension too" "$(tail -n 20 "$log.plain.out")"
	elif [ $rc -ne 0 ]; then
		not_ok "$tool $name ran" "$(tail -n 20 "$log.out")"
		return 1
	fi
	if grep -q 'WARNING:.*postmortem' "$log.out"; then
		not_ok "$tool $name ran as $app without a warning from the recorder" "$(grep -A2 WARNING "$log.out" | head -n 10)"
	else
		ok "$tool $name ran as $app"
	fi
	if [ -z "${PM_STEP_FAILS:-}" ] && ! PGDATABASE=$without as_app "$@" >"$log.plain.out" 2>&1; then
		not_ok "$tool $name ran without the extension" "$(tail -n 20 "$log.plain.out")"
	fi
	rows_since $with "$marker" >"$log.rows"
	if [ "${PM_CLIENTS_ACCEPT:-}" = 1 ]; then
		mkdir -p "$(dirname "$expected")"
		cp "$log.rows" "$expected"
	fi
	if diff -u "$expected" "$log.rows" >"$log.diff" 2>&1; then
		ok "$tool $name: every row names its migration ($(wc -l <"$log.rows") rows)"
	else
		not_ok "$tool $name: every row names its migration" "$(cat "$log.diff")"
	fi
	schema_of $without >"$log.schema.plain"
	schema_of $with >"$log.schema.with"
	if grep -q '^pg_dump failed' "$log.schema.plain"; then
		not_ok "$tool $name: the schema without the extension was dumped" "$(head -n 5 "$log.schema.plain")"
	elif diff -u "$log.schema.plain" "$log.schema.with" >"$log.schema.diff"; then
		ok "$tool $name: same schema as without the extension"
	else
		not_ok "$tool $name: same schema as without the extension" "$(head -n 40 "$log.schema.diff")"
	fi
}

# is DB SQL EXPECTED DESCRIPTION
is() {
	local got
	got=$(q "$1" "$2" 2>&1)
	if [ "$got" = "$3" ]; then ok "$4"; else not_ok "$4" "got:      $got" "expected: $3"; fi
}
