#!/usr/bin/env bash
# TAP: the parser reads documents in single-byte and unchecked encodings,
# where any byte may end the text (a UTF-8 lead byte with nothing after it
# is a valid SQL_ASCII or LATIN1 string).  Under ASan the harness of
# fuzz_parser.sh sees the read itself; here the server must answer.
cd "$(dirname "$0")/../.."
echo "1..4"
n=0
for enc in SQL_ASCII LATIN1; do
	db=postmortem_enc_$(echo "$enc" | tr 'A-Z' 'a-z')
	psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" \
		-c "CREATE DATABASE $db ENCODING '$enc' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0" >/dev/null 2>&1
	psql -X -q -d "$db" -c 'CREATE EXTENSION postmortem' >/dev/null 2>&1
	for doc in "E'Timeline\\n1:05\\xe2'" "E'## Timeline\\n- 2024-05-15 10:00 \\xe2\\x88'"; do
		n=$((n + 1))
		out=$(psql -X -At -v VERBOSITY=verbose -d "$db" -c "SET client_encoding = '$enc'" \
			-c "SELECT postmortem.parse_markdown($doc, on_date => '2024-05-15')->>'title'" 2>&1)
		rc=$?
		if ! psql -X -q -At -d "$db" -c 'SELECT 1' >/dev/null 2>&1; then
			echo "not ok $n - $enc: $doc: the server went away: $out"
		elif [ $rc -eq 0 ] || printf '%s' "$out" | grep -q 'ERROR:  22P02'; then
			echo "ok $n - $enc: $doc is read or refused as a document ($(printf '%s' "$out" | tail -1))"
		else
			echo "not ok $n - $enc: $doc: $out"
		fi
	done
	psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1
done
