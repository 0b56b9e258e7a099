#!/usr/bin/env bash
# TAP: rewriting a document in a way that keeps what it says never changes
# what the importer reads of it.  Every test document and seed is parsed as
# written and after each rewrite below (CRLF line ends, `*` bullets, one
# level deeper headings, "__strong__", setext headings, ...); a document
# whose start, end, entries, tasks, done tasks, users or refusal differ is
# listed by name.  The rewrites are the differences real copies of one
# postmortem show (an editor on Windows, another Markdown style, a wiki
# export): the answers the importer gives must not depend on them.
cd "$(dirname "$0")/../.."
db=postmortem_rewrites
psql -X -q -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null || exit 1
sql=$(mktemp /tmp/postmortem-rewrites.XXXXXX)
trap 'rm -f "$sql"; psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1' EXIT
{
	echo "CREATE EXTENSION postmortem;"
	echo "CREATE TABLE doc (name text PRIMARY KEY, body text NOT NULL);"
	for f in test/document/corpus/* test/seeds/*; do
		printf "INSERT INTO doc VALUES ('%s', convert_from(decode('%s', 'base64'), 'UTF8'));\n" \
			"${f##*/}" "$(base64 -w0 <"$f")"
	done
	cat <<'SQL'
-- what a careful reader would compare: the answer, not its wording
CREATE FUNCTION reading(d text) RETURNS text LANGUAGE plpgsql SET search_path = pg_catalog AS $$
DECLARE
	j jsonb;
BEGIN
	j := postmortem.parse_markdown(d, time_zone => 'UTC', on_date => '2024-01-15');
	RETURN concat_ws(' | ', j->>'started_at', j->>'resolved_at',
		jsonb_array_length(j->'timeline'), jsonb_array_length(j->'tasks'),
		(SELECT count(*) FROM jsonb_array_elements(j->'tasks') t WHERE t->>'status' = 'done'),
		j->>'users_affected', j->>'users_affected_pct');
EXCEPTION WHEN OTHERS THEN
	RETURN 'refused ' || SQLSTATE;
END $$;
-- "2023-09-04" as "September 4, 2023", outside timestamps ("2023-09-04T06:10")
CREATE FUNCTION month_dates(b text) RETURNS text LANGUAGE plpgsql SET search_path = pg_catalog AS $$
DECLARE
	re constant text := '(^|[^0-9T/.-])(20[0-9]{2})-([01][0-9])-([0-3][0-9])(?![0-9T:/-])';
	m text[];
	pos int;
	done text := '';
BEGIN
	LOOP
		m := regexp_match(b, re);
		EXIT WHEN m IS NULL OR m[3]::int NOT BETWEEN 1 AND 12 OR m[4]::int NOT BETWEEN 1 AND 28;
		pos := regexp_instr(b, re, 1, 1, 0, '', 2);
		done := done || left(b, pos - 1) ||
			to_char(make_date(m[2]::int, m[3]::int, m[4]::int), 'FMMonth FMDD, YYYY');
		b := substr(b, pos + 10);
	END LOOP;
	RETURN done || b;
END $$;
-- "14:05 UTC" as "2:05 PM UTC": a 24-hour time before a zone, in 12 hours
CREATE FUNCTION twelve_hours(b text) RETURNS text LANGUAGE plpgsql SET search_path = pg_catalog AS $$
DECLARE
	re constant text := '(^|[ *(\[|])([012][0-9]):([0-5][0-9])( (UTC|GMT|[A-Z]{3,4})\M)';
	m text[];
	pos int;
	h int;
	done text := '';
BEGIN
	LOOP
		m := regexp_match(b, re);
		EXIT WHEN m IS NULL OR m[2]::int > 23;
		pos := regexp_instr(b, re, 1, 1, 0, '', 2);
		h := m[2]::int;
		done := done || left(b, pos - 1) ||
			CASE WHEN h % 12 = 0 THEN 12 ELSE h % 12 END || ':' || m[3] ||
			CASE WHEN h < 12 THEN ' AM' ELSE ' PM' END || m[4];
		b := substr(b, pos + 5 + length(m[4]));
	END LOOP;
	RETURN done || b;
END $$;
-- "- 14:05 UTC: text" runs as a "| Time | Event |" table
CREATE FUNCTION as_table(b text) RETURNS text LANGUAGE plpgsql SET search_path = pg_catalog AS $$
DECLARE
	re constant text := '^[-*] (\*\*)?([0-9]{1,2}:[0-9]{2}(:[0-9]{2})?( ?(UTC|GMT|[A-Z]{2,4}))?)(\*\*)?( ?[-–—:]) (.*)$';
	l text;
	m text[];
	lines text[] := '{}';
	in_table bool := false;
BEGIN
	FOREACH l IN ARRAY string_to_array(b, E'\n') LOOP
		m := regexp_match(l, re);
		IF m IS NULL THEN
			in_table := false;
			lines := lines || l;
			CONTINUE;
		END IF;
		IF NOT in_table THEN
			lines := lines || '| Time | Event |'::text || '|---|---|'::text;
			in_table := true;
		END IF;
		lines := lines || ('| ' || m[2] || ' | ' || replace(m[8], '|', '\|') || ' |');
	END LOOP;
	RETURN array_to_string(lines, E'\n');
END $$;
-- "## TIMELINE": headings in capitals (lower case would change zones, "(IST)")
CREATE FUNCTION upper_headings(b text) RETURNS text LANGUAGE sql SET search_path = pg_catalog AS $$
	SELECT string_agg(CASE WHEN l ~ '^#{2,6} ' THEN upper(l) ELSE l END, E'\n' ORDER BY n)
	FROM unnest(string_to_array(b, E'\n')) WITH ORDINALITY AS t(l, n)
$$;
CREATE TABLE base AS SELECT name, body, reading(body) AS r FROM doc;
CREATE TABLE rewrite (n int, what text, expr text);
INSERT INTO rewrite VALUES
	(1, 'CRLF line ends', $e$replace(body, E'\n', E'\r\n')$e$),
	(2, 'a trailing space on every line', $e$replace(body, E'\n', E' \n')$e$),
	(3, '"* " bullets for "- "', $e$regexp_replace(body, '^( *)- ', '\1* ', 'gn')$e$),
	(4, 'every ATX heading one level deeper', $e$regexp_replace(body, '^(#{1,5}) ', '#\1 ', 'gn')$e$),
	(5, 'a byte order mark', $e$E'\uFEFF' || body$e$),
	(6, 'two blank lines for one', $e$replace(body, E'\n\n', E'\n\n\n')$e$),
	(7, '"1)" list numbers for "1."', $e$regexp_replace(body, '^( *)([0-9]{1,2})\. ', '\1\2) ', 'gn')$e$),
	(8, 'no newline at the end', $e$rtrim(body, E'\n')$e$),
	(9, 'a tab for four spaces of indentation', $e$regexp_replace(body, '^    ', E'\t', 'gn')$e$),
	(10, '"+ " bullets for "- "', $e$regexp_replace(body, '^( *)- ', '\1+ ', 'gn')$e$),
	(11, '"__strong__" for "**strong**"', $e$regexp_replace(body, '\*\*([^*\n]+)\*\*', '__\1__', 'g')$e$),
	(12, 'closing "#"s on ATX headings', $e$regexp_replace(body, '^(#{1,6} [^\n]*[^ #\n])$', '\1 #', 'gn')$e$),
	-- front matter's "# comment" lines are YAML, and a "#" line with a tab
	-- is a pasted table row (docs/document.md): neither is a heading to rewrite
	(13, 'setext "===" for "# " headings', $e$CASE WHEN body ~ '^(---|\+\+\+)' THEN body
		ELSE regexp_replace(body, '^# ([^\n\t]+)$', E'\\1\n===', 'gn') END$e$),
	(14, 'setext "---" for "## " headings', $e$CASE WHEN body ~ '^(---|\+\+\+)' THEN body
		ELSE regexp_replace(body, '^## ([^\n\t]+)$', E'\\1\n---', 'gn') END$e$),
	(15, 'no blank line under headings', $e$regexp_replace(body, '^(#{1,6} [^\n]*)\n\n', E'\\1\n', 'gn')$e$),
	(16, 'a colon after every "##" heading', $e$regexp_replace(body, '^(#{2,6} [^\n]*[^:\n ])$', '\1:', 'gn')$e$),
	-- a nested list under "1. " needs three spaces, not two: only flat lists
	(17, '"1. " for "- " in documents whose lists do not nest', $e$CASE WHEN body ~ '\n +([-*+]|[0-9]+[.)]) ' THEN body
		ELSE regexp_replace(body, '^- ', '1. ', 'gn') END$e$),
	(18, 'ISO dates as "September 4, 2023"', $e$month_dates(body)$e$),
	(19, '24-hour times before a zone in 12 hours ("2:05 PM UTC")', $e$twelve_hours(body)$e$),
	(20, 'timed bullets ("- 14:05 UTC: ...") as a "| Time | Event |" table', $e$as_table(body)$e$),
	(21, 'headings in capitals', $e$upper_headings(body)$e$),
	(22, '"- 14:05 UTC — text" for "- 14:05 UTC: text"', $e$regexp_replace(body, '^([-*] [0-9]{1,2}:[0-9]{2}( ?[A-Z]{2,4})?): ', '\1 — ', 'gn')$e$),
	(23, '"- **14:05 UTC**: text" for "- 14:05 UTC: text"', $e$regexp_replace(body, '^([-*]) ([0-9]{1,2}:[0-9]{2}( ?[A-Z]{2,4})?):', '\1 **\2**:', 'gn')$e$),
	(24, '"- [14:05 UTC] text" for "- 14:05 UTC: text"', $e$regexp_replace(body, '^([-*]) ([0-9]{1,2}:[0-9]{2}( ?[A-Z]{2,4})?): ', '\1 [\2] ', 'gn')$e$),
	(25, '"14:05 (UTC)" for "14:05 UTC"', $e$regexp_replace(body, '([0-9]{1,2}:[0-9]{2}) UTC\M', '\1 (UTC)', 'g')$e$),
	(26, '"14:05Z" for "14:05 UTC"', $e$regexp_replace(body, '([0-9]{1,2}:[0-9]{2}) UTC\M', '\1Z', 'g')$e$),
	(27, '"14:05 UTC+00:00" for "14:05 UTC"', $e$regexp_replace(body, '([0-9]{1,2}:[0-9]{2}) UTC\M', '\1 UTC+00:00', 'g')$e$);
SQL
} >"$sql"
psql -X -q -v ON_ERROR_STOP=1 -d "$db" -f "$sql" >/dev/null || { echo "1..0 # the documents could not be loaded"; exit 1; }
rewrites=$(psql -X -At -d "$db" -c 'SELECT count(*) FROM rewrite')
echo "1..$((rewrites + 1))"
for n in $(seq 1 "$rewrites"); do
	what=$(psql -X -At -d "$db" -c "SELECT what FROM rewrite WHERE n = $n")
	expr=$(psql -X -At -d "$db" -c "SELECT expr FROM rewrite WHERE n = $n")
	changed=$(psql -X -At -d "$db" -c "SELECT string_agg(name || ': ' || r || ' -> ' || reading($expr), E'\n#   ' ORDER BY name)
		FROM base WHERE reading($expr) IS DISTINCT FROM r")
	# a rewrite that alters no document would test nothing
	altered=$(psql -X -At -d "$db" -c "SELECT count(*) FROM base WHERE $expr <> body")
	if [ "$altered" = 0 ]; then
		echo "not ok $n - $what alters no document: the rewrite tests nothing"
	elif [ -z "$changed" ]; then
		echo "ok $n - $what ($altered documents rewritten) changes no document's reading"
	else
		echo "not ok $n - $what changes the reading of:"
		echo "#   $changed"
	fi
done
# A blank line above it ends front matter's claim to be front matter (Jekyll
# and Hugo read it only on the first line): only such documents may change.
n=$((rewrites + 1))
changed=$(psql -X -At -d "$db" -c "SELECT string_agg(name, ', ' ORDER BY name) FROM base
	WHERE reading(E'\n' || body) IS DISTINCT FROM r AND body !~ '^(---|\+\+\+)'")
if [ -z "$changed" ]; then
	echo "ok $n - a blank line at the top changes only documents that open with front matter"
else
	echo "not ok $n - a blank line at the top changes the reading of: $changed"
fi
