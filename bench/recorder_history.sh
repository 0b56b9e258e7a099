#!/usr/bin/env bash
# The cost of reading migration history at commit, as a ratio against the
# same server and database with no tool known (migration_source empty: no
# history read at all), measured in the same run, interleaved.
#
#   PM_PG_ROOT=... bash bench/recorder_history.sh [transactions]
#
# Two workloads, pgbench, one client:
#   ddl:     BEGIN; CREATE TABLE; DROP TABLE; COMMIT   (no history written:
#            the common commit, which must look the tools' tables up)
#   migrate: the same plus an INSERT into schema_migrations (a Rails-style
#            migration: the table is read for the rows this transaction wrote)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-2000}
. test/support/private-pg.sh
[ -n "${PM_PG_ROOT:-}" ] && pm_private_pg "$PM_PG_ROOT"
. test/support/server.sh
dir=$(mktemp -d /tmp/pm-bench-history.XXXXXX)
chmod 755 "$dir"
trap 'pm_server_stop $dir/srv; rm -rf $dir' EXIT
pm_server_start "$dir/srv" >/dev/null
pgbench=$PM_PGBIN/pgbench
psql -X -q -d postgres -c "CREATE DATABASE bench" >/dev/null
psql -X -q -d bench >/dev/null <<'SQL'
CREATE EXTENSION postmortem;
CREATE TABLE schema_migrations (version text PRIMARY KEY);
CREATE TABLE saved_sources AS SELECT * FROM postmortem.migration_source;
SQL
cat >"$dir/ddl.sql" <<'SQL'
BEGIN;
CREATE TABLE bench_t (a int);
DROP TABLE bench_t;
COMMIT;
SQL
cat >"$dir/migrate.sql" <<'SQL'
\set v random(1, 1000000000)
BEGIN;
CREATE TABLE bench_t (a int);
DROP TABLE bench_t;
INSERT INTO schema_migrations VALUES (:v) ON CONFLICT DO NOTHING;
COMMIT;
SQL
tps() { "$pgbench" -n -f "$dir/$1.sql" -t "$n" bench 2>/dev/null | awk '/^tps/ {print $3}'; }
sources() {
	if [ "$1" = on ]; then
		psql -X -q -d bench -c "INSERT INTO postmortem.migration_source SELECT * FROM saved_sources ON CONFLICT DO NOTHING" >/dev/null
	else
		psql -X -q -d bench -c "DELETE FROM postmortem.migration_source" >/dev/null
	fi
}
for w in ddl migrate; do
	on=(); off=()
	for i in 1 2 3; do
		sources off; off+=("$(tps $w)")
		sources on; on+=("$(tps $w)")
	done
	med() { printf '%s\n' "$@" | sort -g | sed -n 2p; }
	m_on=$(med "${on[@]}"); m_off=$(med "${off[@]}")
	printf '%-8s tps with the 11 shipped sources %8.1f, with none %8.1f: time ratio %.3f\n' \
		"$w" "$m_on" "$m_off" "$(echo "$m_off / $m_on" | bc -l)"
done
