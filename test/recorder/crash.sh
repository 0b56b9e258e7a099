#!/usr/bin/env bash
# After a crash, the chain has no false alarm and no lost row: a prepared
# transaction that did DDL survives the crash without holding any lock of the
# recorder's (DDL goes on right after the restart), COMMIT PREPARED after the
# restart gets its rows chained, and a transaction cut off by the crash leaves
# no gap.  Runs its own server (it is crashed on purpose).
set -uo pipefail
cd "$(dirname "$0")/../.."
. test/support/server.sh
dir=$(mktemp -d /tmp/postmortem-crash.XXXXXX)
chmod 755 "$dir"
trap 'pm_server_stop "$dir"; rm -rf "$dir"' EXIT
pm_server_start "$dir" "max_prepared_transactions = 5" || { echo "Bail out! server did not start"; exit 1; }

q() { psql -X -q -A -t -d crash -c "$1" 2>&1; }
n=0
is() {
	n=$((n + 1))
	if [ "$1" = "$2" ]; then echo "ok $n - $3"; else
		echo "not ok $n - $3"; echo "#   got:      '$1'"; echo "#   expected: '$2'"; fi
}
echo "1..6"
psql -X -q -d postgres -c "CREATE DATABASE crash" >/dev/null
psql -X -q -v ON_ERROR_STOP=1 -d crash >/dev/null <<'SQL' || { echo "Bail out! setup failed"; exit 1; }
CREATE EXTENSION postmortem;
CREATE TABLE before_crash (a int);
BEGIN;
CREATE TABLE prepared_t (a int);
CREATE INDEX prepared_t_a ON prepared_t (a);
PREPARE TRANSACTION 'pm_crash';
SQL

# a session in the middle of a DDL transaction when the server goes down
psql -X -q -d crash -c "BEGIN; CREATE TABLE cut_off (a int); SELECT pg_sleep(600)" >/dev/null 2>&1 &
for _ in $(seq 1 100); do
	[ "$(q "SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%pg_sleep(600)%' AND pid <> pg_backend_pid()")" = 1 ] && break
	sleep 0.1
done
pm_as_postgres "$PM_PGBIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1
wait
pm_as_postgres "$PM_PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null ||
	{ echo "Bail out! no restart"; exit 1; }

is "$(q "SELECT count(*) FROM postmortem.verify_audit()")" "0" "after the crash the chain verifies: no rows missing at the end"
is "$(q "SET lock_timeout = '20s'; CREATE TABLE after_crash (a int)" | grep -c WARNING)" "0" \
	"DDL commits and is recorded while the prepared transaction waits"
q "COMMIT PREPARED 'pm_crash'" >/dev/null
q "CREATE TABLE after_commit_prepared (a int)" >/dev/null
is "$(q "SELECT string_agg(object_identity, ' ' ORDER BY id) FROM postmortem.schema_change WHERE object_type IN ('table', 'index')")" \
	"public.before_crash public.after_crash public.prepared_t public.prepared_t_a public.after_commit_prepared" \
	"the prepared transaction's rows are chained after COMMIT PREPARED, the cut-off one's are not there"
is "$(q "SELECT count(*) FROM postmortem.schema_change_pending")" "0" "nothing left waiting to be chained"
is "$(q "SELECT count(*) FROM postmortem.verify_audit()")" "0" "the chain verifies"
is "$(q "SELECT count(*) FROM (SELECT id - lag(id) OVER (ORDER BY id) AS step FROM postmortem.schema_change) s WHERE step <> 1")" \
	"0" "and its ids have no gap"
