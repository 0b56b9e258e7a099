#!/usr/bin/env bash
# A second run of the real migration tools of test/recorder/clients.sh, with
# other projects and other kinds of migrations (several apps and branches,
# squashed and merged migrations, non-transactional ones, renamed history
# tables, offline SQL, --fake, redo), as a non-superuser app role, forward
# and back: every recorded row must name the right migration and direction,
# each step must leave the same schema as in a database without the
# extension, and a second session holding locks on the history tables must
# not make the recorder wait.
# The projects are in test/clients/<tool>-2/ (a steps.sh per tool, sourced
# here; not run.sh, so that clients.sh leaves them alone); the rows each step
# must write are in test/clients/<tool>-2/expected/.
# PM_CLIENTS_ACCEPT=1 rewrites those files from this run (look at the diff!).
# PM_CLIENTS=tool1,tool2 (e.g. alembic-2) runs only those.
set -uo pipefail
cd "$(dirname "$0")/../.."
top=$PWD
clients=$top/test/clients
export PM_NODE_MODULES=${PM_NODE_MODULES:-/var/cache/postmortem-test/node/node_modules}
work=$(mktemp -d /tmp/postmortem-clients-more.XXXXXX)
chmod 755 "$work"
app=pm_app2
dbs=()
holder=
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
	with=pm_more_${t}
	without=pm_more_${t}_plain
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
	pg_dump -s -O -x --no-comments -d "$1" -N postmortem -N tenant >"$work/dump" 2>&1 || { echo "pg_dump failed"; cat "$work/dump"; return; }
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

# hold DB SQL: a second session (superuser) runs SQL in an open transaction
# and keeps it open, its locks held, until unhold.  Returns once SQL ran.
hold() {
	rm -f "$work/held"
	mkfifo "$work/hold.in"
	psql -X -q -v ON_ERROR_STOP=1 -d "$1" <"$work/hold.in" >"$work/hold.out" 2>&1 &
	holder=$!
	exec 9>"$work/hold.in"
	printf 'BEGIN;\n%s\n\\o %s\nSELECT 1;\n\\o\n' "$2" "$work/held" >&9
	while [ ! -s "$work/held" ] && kill -0 "$holder" 2>/dev/null; do sleep 0.1; done
}
unhold() {
	# a subshell: if the holder has gone, SIGPIPE ends only that
	(printf 'ROLLBACK;\n\\q\n' >&9) 2>/dev/null
	exec 9>&-
	wait "$holder"
	holder=
	rm -f "$work/hold.in"
}

# held_step TABLE ROW TOOL NAME COMMAND...: step, while a second session
# holds SHARE UPDATE EXCLUSIVE (PM_HOLD_MODE) on the history table TABLE
# with an uncommitted row of its own (ROW: a VALUES list, or empty), and
# ACCESS EXCLUSIVE on
# another tenant's history table of the same name (tenant.TABLE, made here
# in both databases): the tool does not wait for these locks, and the
# recorder must neither wait (the step would fail on its lock_timeout) nor
# name the other session's row.
held_step() {
	local table=$1 row=$2; shift 2
	local t
	for t in $with $without; do
		q $t "CREATE SCHEMA IF NOT EXISTS tenant; CREATE TABLE IF NOT EXISTS tenant.${table#*.} (LIKE $table)" >/dev/null
	done
	hold $with "LOCK TABLE $table IN ${PM_HOLD_MODE:-SHARE UPDATE EXCLUSIVE} MODE;
	            ${row:+INSERT INTO $table $row;}
	            LOCK TABLE tenant.${table#*.} IN ACCESS EXCLUSIVE MODE;"
	if [ ! -s "$work/held" ]; then
		not_ok "$1 $2: a second session holds the history table's locks" "$(cat "$work/hold.out")"
		unhold
		return 1
	fi
	step "$@"
	unhold
}

only=${PM_CLIENTS:-}
for dir in "$clients"/*-2/; do
	tool=$(basename "$dir")
	[ -f "$dir/steps.sh" ] || continue
	if [ -n "$only" ] && [[ ",$only," != *",$tool,"* ]]; then continue; fi
	if ! tool_dbs "$tool"; then not_ok "$tool: databases"; continue; fi
	# shellcheck source=/dev/null
	. "$dir/steps.sh"
done
echo "1..$n"
