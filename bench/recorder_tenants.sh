#!/usr/bin/env bash
# A DDL commit in a database of many tenant schemas (issue 11), each schema
# holding its own schema_migrations (Rails' history table, a shipped
# source): what the recorder adds to a commit must not grow with the number
# of schemas.  Counts, with callgrind, the instructions of one backend
# running 200 transactions (CREATE TABLE, DROP TABLE, COMMIT) in four
# databases of the same server, same run: without the extension and with
# it, with 1 tenant schema and with N (1,000 by default).  Prints the
# recorder's instructions per commit (extension minus baseline) for 1 and N
# schemas, and their ratio (target: 1.0).
#
#   bench/recorder_tenants.sh [N]   (run `make install` first)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
. bench/callgrind.sh
cg_begin tenants

for i in $(seq 1 200); do
	printf 'BEGIN;\nCREATE TABLE public.tenant_ddl (a int);\nDROP TABLE public.tenant_ddl;\nCOMMIT;\n'
done >"$out/ddl.sql"
chmod 644 "$out/ddl.sql"

cg_server "$out/s"
measure() { # db schemas extension? -> instructions of 200 DDL commits
	local db=$1
	psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null 2>&1
	[ "$3" = yes ] && psql -X -q -d "$db" -c "CREATE EXTENSION postmortem" >/dev/null
	psql -X -q -d "$db" -c "DO \$\$ BEGIN FOR i IN 1..$2 LOOP
		EXECUTE format('CREATE SCHEMA tenant_%s', i);
		EXECUTE format('CREATE TABLE tenant_%s.schema_migrations (version text PRIMARY KEY)', i);
		EXECUTE format('INSERT INTO tenant_%s.schema_migrations VALUES (''20260101000000'')', i);
	END LOOP; END \$\$" >/dev/null
	psql -X -q -d "$db" -c 'SELECT 1' >/dev/null	# the same warm start: relcache init file built
	cg_instructions "$db" "$out/ddl.sql"
}
measure bench_warmup 1 no >/dev/null
b1=$(measure bench_base_1 1 no); p1=$(measure bench_pm_1 1 yes)
bn=$(measure bench_base_n "$n" no); pn=$(measure bench_pm_n "$n" yes)
awk -v b1="$b1" -v p1="$p1" -v bn="$bn" -v pn="$pn" -v n="$n" 'BEGIN {
	printf "200 DDL commits (CREATE TABLE, DROP TABLE), backend instructions (callgrind)\n"
	printf "  1 tenant schema:   no extension %.1f M | postmortem %.1f M | ratio %.3f | recorder %.0f k per commit\n", b1 / 1e6, p1 / 1e6, p1 / b1, (p1 - b1) / 200e3
	printf "  %d tenant schemas: no extension %.1f M | postmortem %.1f M | ratio %.3f | recorder %.0f k per commit\n", n, bn / 1e6, pn / 1e6, pn / bn, (pn - bn) / 200e3
	printf "  growth of the recorder per commit, %d schemas / 1: %.3f\n", n, (pn - bn) / (p1 - b1) }'
