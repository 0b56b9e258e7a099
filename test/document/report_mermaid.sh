#!/usr/bin/env bash
# TAP: every Mermaid diagram report() writes is drawn by the real Mermaid
# (npm's mermaid 11 and 10.9, in Debian's headless Chromium through puppeteer-core;
# mermaid.parse() under jsdom where Chromium cannot start), with every bar
# and milestone it holds and the labels people should see; and the reports
# render as CommonMark (cmark-gfm, raw HTML allowed, as on GitHub) without
# user text turning into markup.
#
# Cases: the five seeds and every test document imported, the demo's
# incident (demo/demo.sql), hostile text (quotes, #, %%, ;, :, {}, <>, emoji,
# CJK, backticks, very long lines), an incident over many days, incidents
# with milestones missing, one with more than ten entries.
#
# Needs node and the npm packages test/support/deps.sh installs into
# $PM_NODE_DIR (/var/cache/postmortem/node); without node it skips, saying so.
cd "$(dirname "$0")/../.."
top=$PWD
node_dir=${PM_NODE_DIR:-/var/cache/postmortem/node}

if ! command -v node >/dev/null; then
	echo "1..0 # SKIP node is not installed (test/support/deps.sh could not install nodejs)"
	exit 0
fi

work=$(mktemp -d /tmp/pm-report-mermaid.XXXXXX)
chmod 755 "$work"
db=pm_report_mermaid
demo_db=pm_report_demo
cleanup() {
	psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1
	rm -rf "$work"
}
[ -n "$PM_KEEP" ] || trap cleanup EXIT

n=1
ok() {
	if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi
	n=$((n + 1))
}

psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null 2>&1
psql -X -q -d "$db" -c 'CREATE EXTENSION postmortem' >/dev/null

# The cases, each report written to $work/NAME.md (psql -At, as the README says).
out=$(psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" -v work="$work" 2>&1 <<'SQL'
SET search_path = public, postmortem;
SET timezone = 'UTC';
CREATE TABLE public.cases (name text PRIMARY KEY, id bigint);

\set s000 `cat test/seeds/000_2d29b2a47fc1b878.txt`
\set s001 `cat test/seeds/001_e377f6c4d1aac321.txt`
\set s002 `cat test/seeds/002_baa2f493d473fd47.txt`
\set s003 `cat test/seeds/003_052e3b1ff3f3a8fe.txt`
\set s004 `cat test/seeds/004_157e2b01bfd7d615.txt`
INSERT INTO cases VALUES
	('seed000', import_markdown(:'s000')), ('seed001', import_markdown(:'s001')),
	('seed002', import_markdown(:'s002', on_date => '2024-03-04')),
	('seed003', import_markdown(:'s003')), ('seed004', import_markdown(:'s004'));

-- hostile text: every entry is of a kind the diagram shows as a milestone
CREATE TABLE public.hostile (id int, v text);
-- its statement holds what would end a code block written naively: a line at
-- column 0, fences of both kinds, a Mermaid block, a heading, raw HTML
CREATE INDEX hostile_idx ON public.hostile (v) /*
# Forged root cause
```mermaid
graph TD
  A --> B
```
~~~
<img src=x onerror=alert(1)>
*/;
-- the incident begins a minute after the index was made, at a whole minute
-- (before 23:00 UTC, so that it stays within one day)
SELECT CASE WHEN extract(hour FROM at AT TIME ZONE 'UTC') < 23 THEN date_trunc('minute', at) + interval '1 minute'
			ELSE date_trunc('day', at) END AS t0
  FROM postmortem.schema_change WHERE command_tag = 'CREATE INDEX' ORDER BY id DESC LIMIT 1 \gset
INSERT INTO postmortem.incident (title, severity, status, started_at, time_zone, users_affected_pct)
VALUES (E'Hostile "title": #1; 50% {x} <b>bold</b> `code` 🔥 漢字 %% end', 'SEV2', 'investigating',
		:'t0', 'UTC', 25);
INSERT INTO cases SELECT 'hostile', max(id) FROM postmortem.incident;
SELECT id AS h FROM cases WHERE name = 'hostile' \gset
SELECT postmortem.log(:h, v.body, v.kind::postmortem.timeline_kind, t.at)
  FROM (VALUES
	(4, 'detection', 'Title bar: shows "quotes" # and ; semicolons'),
	(10, 'escalation', '2024-06-01 looks like a date'),
	(15, 'misleading_path', '%% not a comment'),
	(20, 'escalation', '{braces} <b>bold</b> <script>x</script>'),
	(30, 'mitigation', 'emoji 🔥🔥 and CJK 漢字テスト'),
	(35, 'escalation', 'UNC path \\fs1\share and a literal \*'),
	(40, 'resolution', 'backticks `DROP INDEX` here; x%% neither')) AS v(minutes, kind, body),
	LATERAL (SELECT :'t0'::timestamptz + v.minutes * interval '1 minute' AS at) t;
SELECT postmortem.cite(:h, (SELECT max(id) FROM postmortem.schema_change WHERE command_tag = 'CREATE INDEX'),
					   'root_cause', 'the <b>bad</b> index');
UPDATE postmortem.incident
   SET detected_at = :'t0'::timestamptz + interval '4 min', acknowledged_at = :'t0'::timestamptz + interval '6 min 30 s',
	   mitigated_at = :'t0'::timestamptz + interval '30 min', resolved_at = :'t0'::timestamptz + interval '40 min',
	   status = 'resolved',
	   impact = 'Users saw <b>errors</b> & *stars*',
	   root_cause = E'<b>bold</b> *em* _u_ [link](/x) # not a heading',
	   resolution = E'Rebuilt it.\n- not a list\n1. not ordered\n\n    not code',
	   summary = E'<script>alert(1)</script> ~~gone~~ | pipe',
	   sections = '[{"heading": "Lessons learned", "body": "- We <b>learned</b> things\n- `List<String>` stays code"},
					{"heading": "Five whys", "body": "1. Why? Because.\n2. Why? Because <i>again</i>."}]'
 WHERE id = :h;
INSERT INTO postmortem.task (incident_id, title, owner, status)
VALUES (:h, '<b>Fix</b> the *index* # now', '@a_b', 'todo');

-- more than ten entries, very long lines; only the key ones are milestones
INSERT INTO postmortem.incident (title, status, started_at, time_zone)
VALUES ('Ten and more entries', 'investigating', '2024-07-01 08:00Z', 'Europe/Berlin');
INSERT INTO cases SELECT 'many_entries', max(id) FROM postmortem.incident;
SELECT id AS m FROM cases WHERE name = 'many_entries' \gset
SELECT postmortem.log(:m, CASE g WHEN 2 THEN repeat('lorem ipsum ', 40) WHEN 3 THEN repeat('漢字', 60)
								 ELSE 'entry number ' || g END,
					  (CASE WHEN g IN (2, 3, 7) THEN 'detection' WHEN g = 12 THEN 'resolution' ELSE 'action' END)::postmortem.timeline_kind,
					  '2024-07-01 08:00Z'::timestamptz + g * interval '7 minutes')
  FROM generate_series(1, 12) g;
UPDATE postmortem.incident SET detected_at = '2024-07-01 08:14Z', resolved_at = '2024-07-01 09:30Z', status = 'resolved'
 WHERE id = :m;

-- many days
INSERT INTO postmortem.incident (title, status, started_at, time_zone)
VALUES ('Slow leak over many days', 'investigating', '2024-03-01 09:00Z', 'America/New_York');
INSERT INTO cases SELECT 'many_days', max(id) FROM postmortem.incident;
SELECT id AS d FROM cases WHERE name = 'many_days' \gset
SELECT postmortem.log(:d, 'day ' || g || ': still leaking', 'note', '2024-03-01 09:00Z'::timestamptz + g * interval '1 day')
  FROM generate_series(1, 10) g;
UPDATE postmortem.incident SET detected_at = '2024-03-02 09:00Z', acknowledged_at = '2024-03-03 12:00Z',
	   mitigated_at = '2024-03-08 10:00Z', resolved_at = '2024-03-12 18:00Z', status = 'resolved' WHERE id = :d;

-- milestones missing
INSERT INTO postmortem.incident (title, status, started_at) VALUES ('Only a start', 'investigating', '2024-08-01 10:00Z');
INSERT INTO cases SELECT 'only_start', max(id) FROM postmortem.incident;
INSERT INTO postmortem.incident (title, status) VALUES ('No start, two entries', 'investigating');
INSERT INTO cases SELECT 'no_start', max(id) FROM postmortem.incident;
SELECT postmortem.log((SELECT id FROM cases WHERE name = 'no_start'), 'first', 'note', '2024-08-02 10:00Z'),
	   postmortem.log((SELECT id FROM cases WHERE name = 'no_start'), 'second', 'detection', '2024-08-02 10:30Z');
INSERT INTO postmortem.incident (title, status, started_at, resolved_at)
VALUES ('Start and end only', 'resolved', '2024-08-03 10:00Z', '2024-08-03 10:45Z');
INSERT INTO cases SELECT 'start_end', max(id) FROM postmortem.incident;
INSERT INTO postmortem.incident (title, status, started_at, mitigated_at)
VALUES ('Not resolved yet', 'mitigated', '2024-08-04 10:00Z', '2024-08-04 10:20Z');
INSERT INTO cases SELECT 'unresolved', max(id) FROM postmortem.incident;
SELECT postmortem.log(max(id), 'paged', 'detection', '2024-08-04 10:05Z') FROM cases WHERE name = 'unresolved';
INSERT INTO postmortem.incident (title, status) VALUES ('No time at all', 'investigating');
INSERT INTO cases SELECT 'no_time', max(id) FROM postmortem.incident;

SQL
)
status=$?
ok $status "the cases are written"
[ $status = 0 ] || printf '%s\n' "$out" | sed 's/^/# /'

# every test document that imports
for f in test/document/corpus/*; do
	case "$f" in */reject_*) continue ;; esac
	name=corpus_$(basename "$f" | sed 's/\.[a-z]*$//; s/[^A-Za-z0-9_]/_/g')
	psql -X -q -At -d "$db" -v f="$f" -v name="$name" >/dev/null 2>&1 <<'SQL'
\set doc `cat :f`
INSERT INTO public.cases SELECT :'name', postmortem.import_markdown(:'doc', on_date => '2024-01-15');
SQL
done

# the demo's incident: demo/demo.sql as make demo runs it, on its own
# server on the demo's clock (demo/clock.sh)
(
	. test/support/server.sh
	. demo/clock.sh
	pm_demo_clock_start "$work/demo-server" >"$work/demo.log" 2>&1 || exit 1
	trap 'pm_server_stop "$work/demo-server"' EXIT
	psql -X -q -d postgres -c "CREATE DATABASE $demo_db" >/dev/null || exit 1
	PGDATABASE=$demo_db psql -X -v ON_ERROR_STOP=1 -v seeds="$top/test/seeds" -f demo/demo.sql >>"$work/demo.log" 2>&1 || exit 1
	psql -X -At -d "$demo_db" \
		-c "SELECT postmortem.report(id) FROM postmortem.incident WHERE title = 'Orders page times out for customers'" \
		>"$work/demo.md"
)
status=$?
ok $status "demo/demo.sql runs on the demo's clock"
if [ $status != 0 ]; then
	tail -5 "$work/demo.log" | sed 's/^/# /' >&2
	# which server process ended, and how
	grep -E 'PANIC|FATAL|terminated by|exited with' "$work/demo-server/server.log" | tail -20 | sed 's/^/# server: /' >&2
fi

# each report to a file, exactly as the README says
for name in $(psql -X -At -d "$db" -c "SELECT name FROM public.cases ORDER BY name"); do
	psql -X -At -d "$db" -c "SELECT postmortem.report(id) FROM public.cases WHERE name = '$name'" >"$work/$name.md"
done
ncorpus=$(ls "$work"/corpus_*.md 2>/dev/null | wc -l)
[ "$ncorpus" -ge 40 ]
ok $? "reports of $ncorpus test documents written"

# what the diagrams must show
for c in "$work"/*.md; do echo "diagrams: 1" >"${c%.md}.expect"; done
echo "diagrams: 0" >"$work/no_time.expect"
echo "diagrams: 0" >"$work/only_start.expect"	# one moment: nothing to draw
# 134 (status updates, no year) imported with on_date: a start alone, no end
echo "diagrams: 0" >"$work/corpus_134_status_updates_posted_pt_no_year.expect"
# 151 (status page updates, no year) imported with on_date: its update history is the
# timeline since docs11, from Investigating to Resolved, and is drawn like the others
# 194 (a notice with run-in labels, no year, one time) imported with on_date: a start alone too
echo "diagrams: 0" >"$work/corpus_194_status_rca_bold_run_in_labels_approximately_est_no_year.expect"
# 241 (a status RCA whose "UTC-5 25-10-14 08:40" is not read as a date) imported with on_date: a start alone too
echo "diagrams: 0" >"$work/corpus_241_status_rca_utc_minus5_yy_mm_dd_ttd_ttf_woe_hours.expect"
# the gantt, and the author's own sequence diagrams kept in its "Phase 1" and "Phase 2" sections
echo "diagrams: 3" >"$work/corpus_167_case_study_attribute_table_trigger_resolution_next_day_mermaid_only.expect"
cat >>"$work/hostile.expect" <<'END'
label: Hostile "title": #1; 50% {x} <b>bold</b> `code` 🔥 漢字 %% end
label: Title bar: shows "quotes" # and ; semicolons
label: 2024-06-01 looks like a date
label: %% not a comment
label: {braces} <b>bold</b> <script>x</script>
label: emoji 🔥🔥 and CJK 漢字テスト
label: backticks `DROP INDEX` here; x%% neither
label: UNC path \\fs1\share and a literal \*
label: Root cause · CREATE INDEX public.hostile_idx
label: Impact · 40 min
label: Detect · 4 min
label: Acknowledge · 2 min 30 s
label: Mitigate · 24 min
label: Resolve · 10 min
END
cat >>"$work/many_entries.expect" <<END
label: lorem ipsum lorem ipsum lorem ipsum lorem…
label: $(printf '漢字%.0s' $(seq 1 23))漢…
label: Impact · 1 h 30 min
END
cat >>"$work/many_days.expect" <<'END'
label: Impact · 11 days 9 h
label: Mitigate · 4 days 22 h
END
echo "label: Impact (not resolved)" >>"$work/unresolved.expect"
echo "label: Impact · 45 min" >>"$work/start_end.expect"

export PM_NODE_MODULES=$node_dir/node_modules
mode=
printf '# x\n' >"$work/probe.txt"
if [ -n "${PM_MERMAID_PARSE_ONLY:-}" ]; then
	echo "# PM_MERMAID_PARSE_ONLY is set: Mermaid runs under jsdom, not in Chromium"
	mode=--parse-only
elif ! timeout 120 node test/document/report_mermaid.mjs --tap 1 "$work/probe.txt" >/dev/null 2>"$work/chromium.err"; then
	echo "# Chromium could not start: $(head -c 300 "$work/chromium.err" | tr '\n' ' ')"
	echo "# so Mermaid parses the diagrams under jsdom instead (mermaid.parse)"
	mode=--parse-only
fi
# Mermaid 11, and 10.9 (what many renderers still ship)
for lib in mermaid mermaid10; do
	tap=$(timeout 600 node test/document/report_mermaid.mjs $mode --mermaid $lib --tap "$n" "$work"/*.md 2>&1)
	status=$?
	printf '%s\n' "$tap" | grep -v '^# next '
	next=$(printf '%s\n' "$tap" | sed -n 's/^# next //p')
	if [ -n "$next" ] && [ $status = 0 ]; then n=$next; else ok 1 "the Mermaid check ($lib) ran (exit $status)"; fi
done

grep -q 'axisFormat %b %d$' "$work/many_days.md"
ok $? "an incident over many days puts the date on the axis"
grep -q 'axisFormat %H:%M$' "$work/hostile.md"
ok $? "an incident within one day shows hours on the axis"
grep -q '^- \*\*Time to acknowledge:\*\* 6 min 30 s$' "$work/hostile.md"
ok $? "the summary gives the time to acknowledge, to the second where it matters"
[ "$(grep -c '\*\*Root Cause:\*\*' "$work/hostile.md")" = 1 ]
ok $? "Root Cause is printed once"
grep -q '^- \*\*[0-9:]* [AP]M UTC:\*\* Schema change [0-9]* (root cause): CREATE INDEX public.hostile\\_idx$' "$work/hostile.md"
ok $? "the timeline lists the cited schema change"
grep -q '^## Lessons learned$' "$work/hostile.md" && grep -q '^## Five whys$' "$work/hostile.md"
ok $? "the retrospective sections are rendered"
if [ -s "$work/demo.md" ]; then
	! grep -Eq '[0-9]:[0-9][0-9]:[0-9][0-9]\.[0-9]{4,}' "$work/demo.md"
	ok $? "the demo's report shows no microseconds"
	grep -Eq '^- \*\*Time to resolve:\*\* 3[0-9] min$' "$work/demo.md"
	ok $? "the demo's incident lasts minutes: $(grep 'Time to resolve' "$work/demo.md")"
else
	ok 1 "the demo's report shows no microseconds"
	ok 1 "the demo's incident lasts minutes"
fi

# Rendered as GitHub would (raw HTML allowed), user text stays text.
if command -v cmark-gfm >/dev/null; then
	gfm="cmark-gfm --unsafe -e table -e strikethrough -e autolink -e tasklist"
	html=$($gfm "$work/hostile.md")
	# the retrospective sections are Markdown their author wrote: lists stay lists
	plain=$(sed '/^## Lessons learned$/,/^## Schema changes cited$/d' "$work/hostile.md" | $gfm)
	! printf '%s' "$plain" | grep -Eq '<(b|i|script|em|ol|del|a)[ >]'
	ok $? "cmark-gfm: no <b>, <i>, <script>, <em>, <ol>, <del> or link made of user text"
	printf '%s' "$html" | grep -q '<li>Why? Because &lt;i&gt;again&lt;/i&gt;.</li>'
	ok $? "cmark-gfm: a section's list is a list, its raw HTML is text"
	printf '%s' "$html" | grep -q '&lt;b&gt;bold&lt;/b&gt;'
	ok $? "cmark-gfm: <b>bold</b> shows as text"
	! printf '%s' "$html" | grep -q '<pre><code>not code'
	ok $? "cmark-gfm: an indented line of user text is no code block"
	[ "$(printf '%s' "$html" | grep -c '<h[1-6]>')" = "$(grep -c '^##* ' "$work/hostile.md")" ]
	ok $? "cmark-gfm: the only headings are the report's own"
	printf '%s' "$html" | grep -q '<code>List&lt;String&gt;</code>'
	ok $? "cmark-gfm: code in a section the author wrote stays code"
	! printf '%s' "$html" | grep -Eq '<h[1-6]>Forged|<img'
	ok $? "cmark-gfm: a cited statement's own lines stay in its code block"
	[ "$(printf '%s' "$html" | grep -c 'class="language-mermaid"')" = 1 ]
	ok $? "cmark-gfm: the gantt is the report's only Mermaid block"
else
	for t in 1 2 3 4 5 6 7 8; do echo "not ok $n - cmark-gfm is not installed (test/support/deps.sh installs it)"; n=$((n + 1)); done
fi

# The hostile report read back is the same incident, text for text.
psql -X -q -At -d "$db" >"$work/roundtrip.out" 2>&1 <<'SQL'
CREATE FUNCTION pg_temp.texts(bigint) RETURNS text LANGUAGE sql AS $$
	SELECT concat_ws(' | ', i.title, i.impact, i.root_cause, i.resolution,
					 (SELECT string_agg(t.body, ' / ' ORDER BY t.at, t.id) FROM postmortem.timeline t
					   WHERE t.incident_id = i.id AND t.kind::text <> 'field_change'),
					 (SELECT string_agg(concat_ws(' ', k.title, k.owner), ' / ' ORDER BY k.id) FROM postmortem.task k WHERE k.incident_id = i.id))
	  FROM postmortem.incident i WHERE i.id = $1
$$;
SELECT CASE WHEN a = b THEN 'same' ELSE a || E'\n' || b END
  FROM public.cases,
	   LATERAL (SELECT pg_temp.texts(id) AS a, pg_temp.texts(postmortem.import_markdown(postmortem.report(id))) AS b) x
 WHERE name = 'hostile';
SQL
[ "$(cat "$work/roundtrip.out")" = same ]
ok $? "import_markdown(report()) of hostile text gives back every text"
[ "$(cat "$work/roundtrip.out")" = same ] || sed 's/^/# /' "$work/roundtrip.out"

echo "1..$((n - 1))"
