#!/usr/bin/env bash
# Benchmark: postmortems as documents.
#
#   bash bench/markdown.sh [N]        (default N = 10000 documents)
#
# Generates N postmortems in six formats (bench/markdown_corpus.sql), then on
# one backend (one core) measures:
#   - the parser alone (a parse-only entry point of the same C code, declared
#     here as a temporary function), in MB/s and documents/s;
#   - parse_markdown(), the parser plus building its jsonb;
#   - import_markdown() into the tables, documents/s, in one transaction;
#   - the baseline: the same rows written by plain set-based SQL from the
#     already-parsed documents (what writing alone costs), and the ratio.
# Runs on a throwaway server; holds the install lock while it runs (not with
# PM_PG_ROOT set: then it uses that private copy of PostgreSQL).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
. bench/lib.sh
pm_bench_install
pm_bench_server "shared_buffers = 256MB" "max_wal_size = 4GB" "synchronous_commit = off"

libdir=$(pg_config --pkglibdir)
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c 'CREATE EXTENSION postmortem'
psql -X -q -v ON_ERROR_STOP=1 -d postgres -v n="$N" -f bench/markdown_corpus.sql 2>/dev/null

ms() { # run SQL, print the elapsed milliseconds of the last statement
	psql -X -q -v ON_ERROR_STOP=1 -d postgres -c '\timing on' -c "$1" | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | tail -1
}

psql -X -q -d postgres -c "CREATE FUNCTION public.pm_bench_parse(text, text DEFAULT NULL, date DEFAULT NULL)
	RETURNS int AS '$libdir/postmortem', 'pm_bench_parse' LANGUAGE C"
bytes=$(psql -X -At -d postgres -c 'SELECT sum(octet_length(doc)) FROM bench_doc')
wrong=$(psql -X -At -d postgres -c "SELECT count(*) FROM bench_doc d, postmortem.parse_markdown(d.doc) j
	WHERE jsonb_array_length(j->'timeline') <> d.entries OR jsonb_array_length(j->'tasks') <> d.tasks
	   OR j->'started_at' = 'null' OR j->'resolved_at' = 'null'")

best() { # best of three
	local a b c
	a=$(ms "$1"); b=$(ms "$1"); c=$(ms "$1")
	printf '%s\n%s\n%s\n' "$a" "$b" "$c" | sort -g | head -1
}
t_read=$(best 'SELECT sum(length(doc)) FROM bench_doc')
t_parse=$(best 'SELECT sum(public.pm_bench_parse(doc)) FROM bench_doc')
t_json=$(best 'SELECT count(postmortem.parse_markdown(doc)) FROM bench_doc')

# baseline: the same rows from already-parsed documents, in plain SQL
psql -X -q -d postgres -c 'CREATE TABLE parsed AS SELECT id, postmortem.parse_markdown(doc) AS j FROM bench_doc'
baseline_sql="BEGIN;
WITH i AS (
	INSERT INTO postmortem.incident (title, status, started_at, detected_at, mitigated_at, resolved_at,
		time_zone, users_affected_pct, users_affected, improvements, import_notes)
	SELECT j->>'title', (j->>'status')::postmortem.incident_status, (j->>'started_at')::timestamptz,
		(j->>'detected_at')::timestamptz, (j->>'mitigated_at')::timestamptz, (j->>'resolved_at')::timestamptz,
		j->>'time_zone', (j->>'users_affected_pct')::numeric, (j->>'users_affected')::bigint,
		ARRAY(SELECT jsonb_array_elements_text(j->'improvements')),
		ARRAY(SELECT jsonb_array_elements_text(j->'import_notes'))
	FROM parsed ORDER BY id RETURNING id
), m AS (SELECT i.id AS incident_id, p.j FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM i) i
		 JOIN (SELECT j, row_number() OVER (ORDER BY id) AS n FROM parsed) p USING (n)
), t AS (
	INSERT INTO postmortem.timeline (incident_id, at, kind, body, source)
	SELECT m.incident_id, (e->>'at')::timestamptz, (e->>'kind')::postmortem.timeline_kind, e->>'body', 'import'
	FROM m, jsonb_array_elements(m.j->'timeline') e
)
INSERT INTO postmortem.task (incident_id, title, status, kind)
SELECT m.incident_id, e->>'title', (e->>'status')::postmortem.task_status, (e->>'kind')::postmortem.task_kind
FROM m, jsonb_array_elements(m.j->'tasks') e;
ROLLBACK;"
t_base=$(best "$baseline_sql")
t_import=$(best 'BEGIN; SELECT count(postmortem.import_markdown(doc)) FROM bench_doc; ROLLBACK;')
rows=$(psql -X -q -At -d postgres -c "BEGIN; SELECT count(postmortem.import_markdown(doc)) FROM bench_doc;
	SELECT (SELECT count(*) FROM postmortem.incident) || ' incidents, ' || (SELECT count(*) FROM postmortem.timeline)
	|| ' timeline rows, ' || (SELECT count(*) FROM postmortem.task) || ' tasks'; ROLLBACK;" | tail -1)

awk -v n="$N" -v bytes="$bytes" -v tr="$t_read" -v tp="$t_parse" -v tj="$t_json" \
	-v tb="$t_base" -v ti="$t_import" -v wrong="$wrong" -v rows="$rows" 'BEGIN {
	mb = bytes / 1e6;
	printf "corpus: %d documents, %.1f MB (%.0f bytes each), 6 formats; %d read differently from how they were generated\n", n, mb, bytes / n, wrong;
	printf "reading the corpus (baseline for the parser): %.0f ms\n", tr;
	printf "parser alone:           %7.0f ms  %6.1f MB/s  %7.0f docs/s  (minus reading: %.1f MB/s)\n", tp, mb / (tp / 1000), n / (tp / 1000), mb / ((tp - tr) / 1000);
	printf "parse_markdown (jsonb): %7.0f ms  %6.1f MB/s  %7.0f docs/s\n", tj, mb / (tj / 1000), n / (tj / 1000);
	printf "import_markdown:        %7.0f ms  %7.0f docs/s  (%s)\n", ti, n / (ti / 1000), rows;
	printf "baseline, plain SQL writing the same rows from parsed documents: %.0f ms, %.0f docs/s\n", tb, n / (tb / 1000);
	printf "import_markdown / baseline time: %.2fx\n", ti / tb;
}'
