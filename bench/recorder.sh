#!/usr/bin/env bash
# What the schema-change recorder adds to a migration, in instructions.
#
# Runs PostgreSQL under `valgrind --tool=callgrind --trace-children=yes` and
# counts the instructions of the backend that ran a ~300-statement migration
# in one transaction (bench/recorder_migration.sh), in databases of the same
# server: without any audit (baseline), with CREATE EXTENSION postmortem, and
# with a PL/pgSQL event-trigger logger; on a second server with pgaudit
# preloaded, without and with pgaudit (CREATE EXTENSION pgaudit, so that its
# event triggers run, and pgaudit.log = 'ddl'); on a third with postmortem
# preloaded, without and with the extension.  Prints each ratio to its
# baseline, all from one run.  Wall time on shared machines is noisy;
# instruction counts are not.
#
# Every database is warmed the same way before it is measured: one
# connection after its setup builds its relcache init file (10.9 M
# instructions), which a CREATE EXTENSION invalidates; without it the
# baselines paid that build and the audited databases did not, which
# lowered every ratio.  The count is the migrating backend's own: one
# callgrind file per process, collected from the backend's entry into
# PostgresMain on.  A forked backend inherits the postmaster's counters, so
# a whole file also held the postmaster's start-up before the fork (38.7 M:
# the dynamic linker's relocations, shared memory, and a preloaded
# library's _PG_init), the same on both sides of every ratio, which lowered
# each ratio again.
#
#   bench/recorder.sh            (run `make install` first, as for the tests)
#   RUNS=3 bench/recorder.sh     (repeat each measurement, report the median)
#   MIX=app bench/recorder.sh    (the second statement mix,
#                                 bench/recorder_migration_app.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-1}

# own install step: valgrind and pgaudit
need=()
command -v valgrind >/dev/null || need+=(valgrind)
[ -f /usr/share/postgresql/15/extension/pgaudit.control ] || need+=(postgresql-15-pgaudit)
if [ ${#need[@]} -gt 0 ]; then
	[ "$(id -u)" -eq 0 ] || { echo "missing: ${need[*]} (run as root to install)" >&2; exit 1; }
	apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# the build under test: with PM_PG_ROOT, the private copy it was installed
# into (test/support/private-pg.sh), not the host's shared installation
if [ -n "${PM_PG_ROOT:-}" ]; then . test/support/private-pg.sh; pm_private_pg "$PM_PG_ROOT"; fi
. test/support/server.sh
out=$(mktemp -d /tmp/postmortem-bench.XXXXXX)
chmod 777 "$out"
case ${MIX:-ddl} in
ddl) bash bench/recorder_migration.sh 30 >"$out/migration.sql" ;;
app) bash bench/recorder_migration_app.sh 16 >"$out/migration.sql" ;;
*) echo "MIX is ddl or app" >&2; exit 2 ;;
esac
stmts=$(grep -c ';$' "$out/migration.sql")

. bench/callgrind.sh
cg_wrapper
wrapper=$out/postgres-callgrind

server() { # dir, extra conf lines... -> starts postgres under callgrind
	local dir=$1; shift
	pm_server_start "$dir" "$@" >/dev/null || { echo "server did not start" >&2; exit 1; }
	pm_as_postgres "$PM_PGBIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
	pm_as_postgres "$PM_PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 600 \
		-p "$wrapper" start >/dev/null
}


median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

measure() { # db setup-sql -> instructions of one run in a fresh database
	local db=$1 setup=$2
	psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null 2>&1
	[ -n "$setup" ] && psql -X -q -d "$db" -c "$setup" >/dev/null
	# the same warm start for every database: its relcache init file exists
	psql -X -q -d "$db" -c 'SELECT 1' >/dev/null
	cg_instructions "$db" "$out/migration.sql"
}

trap 'pm_server_stop "$out/a"; pm_server_stop "$out/b"; pm_server_stop "$out/c"; [ -n "${KEEP:-}" ] || rm -rf "$out"' EXIT

# Runs are interleaved (baseline, recorder, logger, baseline, ...) so that
# nothing that drifts during a server's life favours one of them.
server "$out/a"
measure bench_warmup "" >/dev/null	# first backends after start-up pay one-off costs
for i in $(seq 1 "$runs"); do
	measure bench_base "" >>"$out/base"
	measure bench_postmortem "CREATE EXTENSION postmortem" >>"$out/pm"
	[ -n "${ONLY_POSTMORTEM:-}" ] || measure bench_plpgsql "$(cat bench/recorder_plpgsql.sql)" >>"$out/plpgsql"
done
recorded=$(psql -X -q -A -t -d bench_postmortem -c "SELECT count(*) FROM postmortem.schema_change")
pm_server_stop "$out/a"
base=$(median <"$out/base")
pm=$(median <"$out/pm")
if [ -n "${ONLY_POSTMORTEM:-}" ]; then echo "postmortem $pm base $base"; exit 0; fi
plpgsql=$(median <"$out/plpgsql")

server "$out/b" "shared_preload_libraries = 'pgaudit'"
measure bench_warmup "" >/dev/null
for i in $(seq 1 "$runs"); do
	measure bench_pgaudit "CREATE EXTENSION pgaudit; ALTER DATABASE bench_pgaudit SET pgaudit.log = 'ddl'" >>"$out/audit"
	measure bench_base "" >>"$out/abase"
done
pm_server_stop "$out/b"
abase=$(median <"$out/abase")
audit=$(median <"$out/audit")

server "$out/c" "shared_preload_libraries = 'postmortem'"
measure bench_warmup "" >/dev/null
for i in $(seq 1 "$runs"); do
	measure bench_base "" >>"$out/pbase"
	measure bench_postmortem "CREATE EXTENSION postmortem" >>"$out/ppm"
done
pm_server_stop "$out/c"
pbase=$(median <"$out/pbase")
ppm=$(median <"$out/ppm")

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }
cat <<REPORT
migration (${MIX:-ddl}): $stmts statements in one transaction ($recorded schema_change rows recorded)
backend instructions (callgrind, median of $runs):
  no audit                         $base
  postmortem recorder              $pm   ratio $(ratio "$pm" "$base")
  PL/pgSQL event-trigger logger    $plpgsql   ratio $(ratio "$plpgsql" "$base")
  no audit (pgaudit preloaded)     $abase
  pgaudit, log = 'ddl'             $audit   ratio $(ratio "$audit" "$abase")
  no audit (postmortem preloaded)  $pbase
  postmortem, preloaded            $ppm   ratio $(ratio "$ppm" "$pbase")
REPORT
[ -n "${KEEP:-}" ] && echo "callgrind files kept in $out" || rm -rf "$out"
