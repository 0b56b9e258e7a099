#!/usr/bin/env bash
# A bounded load test: several sessions run DDL transactions at once for
# LOAD_SECONDS (20 by default), some with a lock_timeout short enough to hit
# while the recorder waits for the chain at commit.  Every transaction whose
# COMMIT the client saw succeed is counted, client-side, and must have its
# rows; every one that failed must have left nothing (its DDL rolled back).
# (Before 0.2.0 a lock_timeout or a deadlock inside the recorder became a
# WARNING: the DDL committed and its rows were missing.)
set -uo pipefail
cd "$(dirname "$0")/../.."
db=postmortem_load_tap
seconds=${LOAD_SECONDS:-20}
clients=4
work=$(mktemp -d /tmp/postmortem-load.XXXXXX)
psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null 2>&1 \
	|| { echo "Bail out! cannot create $db"; exit 1; }
trap 'psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1; rm -rf "$work"' EXIT
psql -X -q -d "$db" -c 'CREATE EXTENSION postmortem' -c 'CREATE TABLE ld_shared (a int)' >/dev/null \
	|| { echo "Bail out! CREATE EXTENSION failed"; exit 1; }

q() { psql -X -q -A -t -d "$db" -c "$1" 2>&1; }
n=0
is() { # got, expected, description
	n=$((n + 1))
	if [ "$1" = "$2" ]; then echo "ok $n - $3"; else
		echo "not ok $n - $3"; echo "#   got:      '$1'"; echo "#   expected: '$2'"; fi
}
echo "1..4"

# One client, one session: transactions of four DDL statements on a table
# of its own and a COMMENT on a table all clients share (their locks meet
# there as well as at the chain), one after the other.  After each COMMIT
# the client asks whether its table exists, and writes the name down as
# committed or failed.
client() {
	local c=$1 opts=$2 i=0 end=$((SECONDS + seconds)) line
	coproc PSQL { PGOPTIONS="$opts" psql -X -q -A -t -d "$db" 2>>"$work/errors.$c"; }
	while [ $SECONDS -lt $end ]; do
		i=$((i + 1))
		local t="ld_${c}_$i"
		cat >&"${PSQL[1]}" <<SQL
BEGIN;
CREATE TABLE $t (a int PRIMARY KEY, b text);
CREATE INDEX ${t}_b ON $t (b);
ALTER TABLE $t ADD COLUMN c int DEFAULT 0;
COMMENT ON TABLE $t IS 'load';
COMMIT;
SELECT CASE WHEN to_regclass('$t') IS NULL THEN 'failed' ELSE 'committed' END;
SQL
		read -r line <&"${PSQL[0]}" || break
		echo "$t" >>"$work/$line"
	done
	exec {PSQL[1]}>&-
	wait
}
for c in $(seq 1 $clients); do
	# half the clients give up on a lock after 1 ms, the recorder's included
	if [ $((c % 2)) -eq 0 ]; then opts="-c lock_timeout=1ms"; else opts=""; fi
	client "$c" "$opts" &
done
wait
touch "$work/committed" "$work/failed"
committed=$(wc -l <"$work/committed")
failed=$(wc -l <"$work/failed")
echo "# $committed transactions committed, $failed failed ($(cat "$work"/errors.* | grep -c 'lock timeout') lock timeouts)"

# the tables of committed transactions and the CREATE TABLE rows, side by side
q "CREATE TABLE ld_client (name text)" >/dev/null
psql -X -q -d "$db" -c "\\copy ld_client FROM '$work/committed'" >/dev/null
[ -s "$work/failed" ] && { q "CREATE TABLE ld_failed (name text)" >/dev/null;
	psql -X -q -d "$db" -c "\\copy ld_failed FROM '$work/failed'" >/dev/null; }
[ -s "$work/failed" ] || q "CREATE TABLE ld_failed (name text)" >/dev/null

is "$([ "$committed" -gt 0 ] && echo yes)" "yes" "the load committed transactions ($committed)"
is "$(q "SELECT count(*) FROM ld_client c WHERE NOT EXISTS (SELECT FROM postmortem.schema_change s WHERE s.command_tag = 'CREATE TABLE' AND s.object_identity = 'public.' || c.name)")" \
	"0" "no committed DDL transaction is missing its row"
is "$(q "SELECT count(*) FROM ld_client c WHERE (SELECT count(DISTINCT statement) FROM postmortem.schema_change s WHERE s.xid = (SELECT xid FROM postmortem.schema_change s2 WHERE s2.object_identity = 'public.' || c.name AND s2.command_tag = 'CREATE TABLE')) <> 4")" \
	"0" "each committed transaction has the rows of its four statements"
is "$(q "SELECT count(*) FROM ld_failed f WHERE to_regclass(f.name) IS NOT NULL OR EXISTS (SELECT FROM postmortem.schema_change s WHERE s.object_identity = 'public.' || f.name)")" \
	"0" "a transaction whose COMMIT failed left neither its table nor a row"
