#!/usr/bin/env bash
# Every panel of dashboards/*.json runs against a populated database: the
# rawSql of each target, with Grafana's macros replaced by true conditions on
# a real range, must run without error and return rows.  No Grafana needed.
# A panel over a view another part of the extension has not installed yet is
# skipped (and says which).  Uses the server `make test` started.
set -uo pipefail
cd "$(dirname "$0")/../.."
db=postmortem_dashboards_tap
from="now() - interval '6 years'"
to="now()"

psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null 2>&1 \
	|| { echo "Bail out! cannot create $db"; exit 1; }
trap 'psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1' EXIT
psql -X -q -d "$db" -c 'CREATE EXTENSION postmortem' >/dev/null || { echo "Bail out! CREATE EXTENSION failed"; exit 1; }
psql -X -q -d "$db" -v incidents=2000 -v timeline=20000 -v changes=20000 -f bench/culprit_data.sql >/dev/null 2>&1 \
	|| { echo "Bail out! could not populate $db"; exit 1; }

# one line per target: file, panel title, base64 of the SQL
# (perl's core JSON::PP, so that no jq is needed)
targets=$(perl -MJSON::PP -MMIME::Base64 -e '
	for my $f (@ARGV) {
		open my $fh, "<", $f or die "$f: $!";
		my $d = decode_json(do { local $/; <$fh> });
		for my $p (@{ $d->{panels} || [] }) {
			for my $t (@{ $p->{targets} || [] }) {
				next unless defined $t->{rawSql};
				my $sql = $t->{rawSql};
				utf8::encode($sql);
				print join("\t", $f, $p->{title}, encode_base64($sql, "")), "\n";
			}
		}
	}' dashboards/*.json) || { echo "Bail out! cannot read dashboards/*.json"; exit 1; }
n=$(printf '%s\n' "$targets" | grep -c .)
echo "1..$((n + 1))"
if [ "$n" -gt 0 ]; then echo "ok 1 - the dashboards have $n panel queries"; else echo "not ok 1 - no panel queries found"; fi

i=1
while IFS=$'\t' read -r file title sql64; do
	i=$((i + 1))
	sql=$(printf '%s' "$sql64" | base64 -d)
	# Grafana macros, made true over the populated range
	sql=$(printf '%s' "$sql" | perl -pe "
		s/\\\$__timeFilter\(([^)]*)\)/(\$1 BETWEEN $from AND $to)/g;
		s/\\\$__timeFrom\(\)/($from)/g;
		s/\\\$__timeTo\(\)/($to)/g;
		s/\\\$__interval_ms/86400000/g;
		s/\\\$__interval/'1 day'/g;")
	if printf '%s' "$sql" | grep -q '\$__'; then
		echo "not ok $i - $file: $title: unknown Grafana macro left in the SQL"
		continue
	fi
	# the postmortem relations and functions it reads must be installed
	missing=$(printf '%s' "$sql" | grep -oE 'postmortem\.[a-z_]+' | sort -u | while read -r obj; do
		ok=$(psql -X -At -d "$db" -c "SELECT to_regclass('$obj') IS NOT NULL OR EXISTS (SELECT FROM pg_proc
		       WHERE pronamespace = 'postmortem'::regnamespace AND proname = split_part('$obj', '.', 2))")
		[ "$ok" = t ] || echo "$obj"
	done)
	if [ -n "$missing" ]; then
		echo "ok $i - $file: $title # SKIP not installed on this branch: $(echo $missing)"
		continue
	fi
	if out=$(psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" -c "SELECT count(*) FROM ($sql) panel" 2>&1); then
		if [ "$out" -gt 0 ] 2>/dev/null; then
			echo "ok $i - $file: $title ($out rows)"
		else
			echo "not ok $i - $file: $title returned no rows"
		fi
	else
		echo "not ok $i - $file: $title"
		printf '%s\n' "$out" | sed 's/^/# /'
	fi
done <<< "$targets"
