#!/usr/bin/env bash
# Benchmark: does the parser's time grow with the document, not faster?
#
#   bash bench/markdown_scaling.sh [N]        (default N = 2000 parts)
#
# For each shape a large document can take (a status page's update history,
# "We will ..." paragraphs in the measures, a list of wrapped checkbox tasks,
# done measures ("Set up ..." among "Added ..."), plain task lines, timeline
# bullets and table rows, a narrative of timed sentences, summary paragraphs
# each with a Posted line), builds one document of N parts and one of 4N,
# parses each with parse_markdown() (best of three, one backend), and prints
# the ratio of the two times.  The baseline is the same document's smaller
# self, parsed the same way in the same run: a parser linear in the size
# reads 4N parts in about 4 times as long; a parser that rescans the
# document for each part takes about 16 times as long (a status history of
# 5,000 updates once took 52 s, a paragraph of 20,000 measures 3 s, 40,000
# done measures 12 s).
# Runs on a throwaway server; holds the install lock while it runs (not with
# PM_PG_ROOT set: then it uses that private copy of PostgreSQL).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-2000}
. bench/lib.sh
pm_bench_install
pm_bench_server
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c 'CREATE EXTENSION postmortem'

# shape(name, SQL of one part numbered i, head, tail): documents of N and 4N parts
psql -X -q -v ON_ERROR_STOP=1 -d postgres <<'SQL'
CREATE TABLE shape (name text, part text, head text, tail text);
CREATE TABLE doc (k int PRIMARY KEY, body text);
INSERT INTO shape VALUES
 ('status updates, most recent first',
  $$CASE WHEN i = 1 THEN 'Resolved' ELSE 'Monitoring' END || E'\n\nWe are watching item ' || i || E'.\n\nPosted '
    || to_char(timestamp '2024-09-30 23:59' - i * interval '1 minute', 'Mon DD, YYYY - HH24:MI') || ' EDT'$$,
  E'Elevated errors\nIncident Report for Example\n\n', ''),
 ('"We will" paragraphs in the measures',
  $$'We will fix part ' || i || '.'$$,
  E'# Outage 2024-01-01\n## Timeline\n- 10:00 UTC: down\n- 11:00 UTC: resolved\n## Corrective measures\n', ''),
 ('a list of tasks',
  $$'- [ ] Fix part ' || i || E' before\n  the next release'$$,
  E'# Outage 2024-01-01\n## Timeline\n- 10:00 UTC: down\n- 11:00 UTC: resolved\n## Action items\n', ''),
 ('measures done, "Set up" among simple pasts',
  $$CASE WHEN i % 2 = 0 THEN '- Added check ' ELSE '- Set up alert ' END || i$$,
  E'# Outage 2024-01-01\n## Timeline\n- 10:00 UTC: down\n- 11:00 UTC: resolved\n## Corrective measures\n', ''),
 ('plain lines of tasks',
  $$'We will fix part ' || i$$,
  E'# Outage 2024-01-01\n## Timeline\n- 10:00 UTC: down\n- 11:00 UTC: resolved\n## Action items\n', ''),
 ('timeline bullets',
  $$'- ' || to_char(timestamp '2024-01-01 00:00' + i * interval '1 second', 'HH24:MI:SS') || ' UTC: step ' || i$$,
  E'# Outage 2024-01-01\n## Timeline\n', ''),
 ('timeline table rows',
  $$'| ' || to_char(timestamp '2024-01-01 00:00' + i * interval '1 second', 'HH24:MI:SS') || ' | step ' || i || ' |'$$,
  E'# Outage 2024-01-01\n## Timeline\n| Time (UTC) | Event |\n|---|---|\n', ''),
 ('a narrative of timed sentences',
  $$'At ' || to_char(timestamp '2024-01-01 00:00' + i * interval '1 second', 'HH24:MI:SS') || ' UTC the outage went on at node ' || i || '.'$$,
  E'# Database outage\n\nOn March 3, 2024 the API was down.\n\n', ''),
 ('summary paragraphs, each with a Posted line',
  $$E'Posted Sep 10, 2024 - 10:' || lpad((i % 60)::text, 2, '0') || E' EDT\n\nThe service was slow for part ' || i || '.'$$,
  E'# Outage 2024-09-10\n## Timeline\n- 10:00 EDT: down\n- 11:00 EDT: resolved\n## Summary\n', '');
SQL

ms() { # run SQL, print the elapsed milliseconds of the last statement
	psql -X -q -v ON_ERROR_STOP=1 -d postgres -c '\timing on' -c "$1" | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | tail -1
}
best() { # best of three
	local a b c
	a=$(ms "$1"); b=$(ms "$1"); c=$(ms "$1")
	printf '%s\n%s\n%s\n' "$a" "$b" "$c" | sort -g | head -1
}

printf '%-44s %9s %9s %9s %9s %7s  %s\n' shape "KB (N)" "ms (N)" "KB (4N)" "ms (4N)" ratio "entries/tasks read (4N)"
psql -X -At -d postgres -c 'SELECT name FROM shape ORDER BY name' | while read -r name; do
	for k in 1 4; do
		psql -X -q -v ON_ERROR_STOP=1 -d postgres -v name="$name" -v n=$((N * k)) -v k=$k <<'SQL'
DELETE FROM doc WHERE k = :k;
SELECT format('INSERT INTO doc SELECT %s, %L || string_agg(%s, E''\n\n'' ORDER BY i) || %L FROM generate_series(1, %s) i',
			  :k, head, part, tail, :n) AS ins FROM shape WHERE name = :'name' \gset
:ins;
SQL
	done
	t1=$(best 'SELECT length(postmortem.parse_markdown(body)::text) FROM doc WHERE k = 1')
	t4=$(best 'SELECT length(postmortem.parse_markdown(body)::text) FROM doc WHERE k = 4')
	# what the parser read of the larger one: the shape must be read as that shape
	read -r kb1 kb4 got < <(psql -X -At -F ' ' -d postgres -c \
		"SELECT (SELECT octet_length(body) / 1024 FROM doc WHERE k = 1), octet_length(body) / 1024,
				jsonb_array_length(j->'timeline') || '/' || jsonb_array_length(j->'tasks')
		   FROM doc, postmortem.parse_markdown(body) j WHERE k = 4")
	awk -v s="$name" -v kb1="$kb1" -v kb4="$kb4" -v t1="$t1" -v t4="$t4" -v got="$got" \
		'BEGIN { printf "%-44s %9d %9.1f %9d %9.1f %6.1fx  %s\n", s, kb1, t1, kb4, t4, t4 / t1, got }'
done
echo "(4N parts take about 4x as long as N when the parser is linear in the document, about 16x when quadratic)"
