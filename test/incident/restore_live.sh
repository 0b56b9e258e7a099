#!/usr/bin/env bash
# A restore reproduces the dumped rows and declares nothing (issue 9): a dump
# with live (unresolved) incidents restored with pg_restore, with
# --single-transaction, with -j 2 and through pg_dump's plain script, on the
# suite's server and on a server with the library preloaded, gives back
# exactly the dumped incidents, timeline (evidence entries included),
# settings snapshot, change events and audit rows: no new evidence, no
# settings snapshot taken again (a single-transaction restore would fail on
# its duplicate key), no row for the restore's own switches of
# session_replication_role (src/incident/restore.c, pm_restoring_dump in
# src/util.c), and the audit chain verifies.
set -uo pipefail
cd "$(dirname "$0")/../.."
. test/support/server.sh
suite_host=$PGHOST suite_port=$PGPORT
dir=$(mktemp -d /tmp/postmortem-restore-live.XXXXXX)
chmod 755 "$dir"
trap 'pm_server_stop "$dir"; rm -rf "$dir"' EXIT
pm_server_start "$dir" "shared_preload_libraries = 'postmortem'" || { echo "Bail out! server did not start"; exit 1; }
pre_host=$PGHOST pre_port=$PGPORT
work=$dir/work
mkdir -p "$work"; chmod 777 "$work"

n=0
is() {
	n=$((n + 1))
	if [ "$1" = "$2" ]; then echo "ok $n - $3"; else
		echo "not ok $n - $3"; echo "#   got:      '$1'"; echo "#   expected: '$2'"; fi
}
summary="SELECT (SELECT count(*) || '/' || md5(coalesce(string_agg(id || title || status, ',' ORDER BY id), '')) FROM postmortem.incident)
	|| ' ' || (SELECT count(*) || '/' || md5(coalesce(string_agg(id || ':' || kind || body, ',' ORDER BY id), '')) FROM postmortem.timeline)
	|| ' ' || (SELECT count(*) || '/' || md5(coalesce(string_agg(scope || name || coalesce(setting, ''), ',' ORDER BY scope, name), '')) FROM postmortem.setting_snapshot)
	|| ' ' || (SELECT count(*) || '/' || md5(coalesce(string_agg(id || kind || name, ',' ORDER BY id), '')) FROM postmortem.change_event)
	|| ' ' || (SELECT count(*) || '/' || md5(coalesce(string_agg(id || command_tag || row_hash, ',' ORDER BY id), '')) FROM postmortem.schema_change)
	|| ' ' || (SELECT string_agg(origin || last_id, ',') FROM postmortem.schema_change_head)"
echo "1..20"
for server in suite preload; do
	if [ $server = suite ]; then export PGHOST=$suite_host PGPORT=$suite_port; else export PGHOST=$pre_host PGPORT=$pre_port; fi
	src=postmortem_live_src
	q() { psql -X -q -A -t -d "$1" -c "$2" 2>&1; }
	for d in $src postmortem_live_1 postmortem_live_j2 postmortem_live_single postmortem_live_plain; do
		psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $d WITH (FORCE)" -c "CREATE DATABASE $d" >/dev/null 2>&1 \
			|| { echo "Bail out! cannot create $d"; exit 1; }
	done
	psql -X -q -v ON_ERROR_STOP=1 -d $src >/dev/null 2>&1 <<'SQL' || { echo "Bail out! setup failed"; exit 1; }
CREATE EXTENSION postmortem;
CREATE TABLE public.payments (id int PRIMARY KEY, amount numeric);
CREATE INDEX payments_amount_idx ON public.payments (amount);
-- an invalid index: evidence the declaration writes as timeline entries
UPDATE pg_catalog.pg_index SET indisvalid = false WHERE indexrelid = 'public.payments_amount_idx'::regclass;
ALTER DATABASE postmortem_live_src SET work_mem = '7MB';
INSERT INTO postmortem.incident (title, started_at) VALUES ('payments slow', now() - interval '1 hour');
ALTER DATABASE postmortem_live_src SET work_mem = '9MB';
INSERT INTO postmortem.incident (title, started_at) VALUES ('payments down', now() - interval '5 minutes');
INSERT INTO postmortem.incident (title, started_at, resolved_at) VALUES ('old', now() - interval '2 days', now() - interval '1 day');
SQL
	want=$(q $src "$summary")
	echo "# $server source: $want" | cut -c1-240
	is "$(q $src "SELECT count(*) > 0 FROM postmortem.timeline WHERE kind = 'evidence'") $(q $src "SELECT count(*) > 0 FROM postmortem.change_event WHERE kind = 'config'")" "t t" \
		"$server: the source's live incidents have evidence and config change events"
	pg_dump -Fc -d $src -f "$work/live.dump" || echo "# pg_dump failed"
	pg_dump -d $src -f "$work/live.sql" || echo "# pg_dump failed"
	restore() {
		local d=$1; shift
		"$@" >"$work/$d.log" 2>&1
		is "$(grep -c 'ERROR' "$work/$d.log")" 0 "$server: $d restores without errors"
		grep ERROR "$work/$d.log" | head -3 | sed 's/^/# /'
		is "$(q $d "$summary")" "$want" "$server: $d gives back exactly the dumped rows and adds none"
	}
	restore postmortem_live_1 pg_restore -d postmortem_live_1 "$work/live.dump"
	restore postmortem_live_single pg_restore --single-transaction -d postmortem_live_single "$work/live.dump"
	restore postmortem_live_j2 pg_restore -j 2 -d postmortem_live_j2 "$work/live.dump"
	restore postmortem_live_plain psql -X -q -1 -v ON_ERROR_STOP=1 -d postmortem_live_plain -f "$work/live.sql"
	is "$(q postmortem_live_single "SELECT count(*) FROM postmortem.verify_audit()")" 0 "$server: the restored chain verifies"
	for d in $src postmortem_live_1 postmortem_live_j2 postmortem_live_single postmortem_live_plain; do
		psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $d WITH (FORCE)" >/dev/null 2>&1
	done
done
