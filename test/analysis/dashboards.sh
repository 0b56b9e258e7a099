#!/usr/bin/env bash
# Every query of dashboards/*.json -- each panel's, each annotation's and
# each template variable's -- runs against a populated database with
# Grafana's macros and variables replaced, returns rows, and returns the
# columns Grafana expects of its kind: a time series a "time" timestamptz
# and numbers, a stat numbers only, an annotation "time" (and "timeend") as
# timestamptz with a text "text", a query variable __value and __text.  The
# dashboard takes its database from a datasource variable, so that file
# provisioning works and one dashboard serves a fleet.  No Grafana needed.
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
psql -X -q -d "$db" -c "SELECT postmortem.record_change('deploy', 'v' || g, now() - g * interval '1 day') FROM generate_series(1, 50) g" >/dev/null
incident=$(psql -X -q -At -d "$db" -c "SELECT id FROM postmortem.incident ORDER BY started_at DESC NULLS LAST LIMIT 1")

# one line per query: file, kind (panel type / annotation / variable), title, base64 of the SQL
# (perl's core JSON::PP, so that no jq is needed)
targets=$(perl -MJSON::PP -MMIME::Base64 -e '
	sub out { my ($f, $kind, $title, $sql) = @_; utf8::encode($sql); utf8::encode($title);
		print join("\t", $f, $kind, $title, encode_base64($sql, "")), "\n"; }
	for my $f (@ARGV) {
		open my $fh, "<", $f or die "$f: $!";
		my $d = decode_json(do { local $/; <$fh> });
		for my $p (@{ $d->{panels} || [] }) {
			for my $t (@{ $p->{targets} || [] }) {
				out($f, $p->{type}, $p->{title}, $t->{rawSql}) if defined $t->{rawSql};
			}
		}
		for my $a (@{ $d->{annotations}{list} || [] }) {
			out($f, "annotation", $a->{name}, $a->{target}{rawSql}) if $a->{target} && defined $a->{target}{rawSql};
		}
		for my $v (@{ $d->{templating}{list} || [] }) {
			out($f, "variable", $v->{name}, $v->{query}) if $v->{type} eq "query";
		}
	}' dashboards/*.json) || { echo "Bail out! cannot read dashboards/*.json"; exit 1; }
n=$(printf '%s\n' "$targets" | grep -c .)
echo "1..$((n + 2))"
if [ "$n" -gt 0 ]; then echo "ok 1 - the dashboards have $n queries"; else echo "not ok 1 - no queries found"; fi
# the database comes from a datasource variable, never a fixed uid or an import-time input
if perl -MJSON::PP -e '
	for my $f (@ARGV) { open my $fh, "<", $f or die; my $d = decode_json(do { local $/; <$fh> });
		exit 1 if $d->{__inputs};
		exit 1 unless grep { $_->{type} eq "datasource" && $_->{name} eq "datasource" } @{ $d->{templating}{list} || [] };
		my $txt = JSON::PP->new->canonical->encode($d);
		while ($txt =~ /"datasource":\{"type":"[^"]*","uid":"([^"]*)"\}/g) { exit 1 unless $1 eq q{${datasource}} || $1 eq "-- Grafana --"; } }' dashboards/*.json; then
	echo 'ok 2 - every query takes its database from the ${datasource} variable (file provisioning, one dashboard per fleet)'
else
	echo 'not ok 2 - a query names a fixed datasource or an import-time input instead of ${datasource}'
fi

numeric='^(smallint|integer|bigint|numeric|real|double precision)$'
i=2
while IFS=$'\t' read -r file kind title sql64; do
	i=$((i + 1))
	sql=$(printf '%s' "$sql64" | base64 -d)
	# Grafana macros, made true over the populated range; variables replaced
	sql=$(printf '%s' "$sql" | perl -pe "
		s/\\\$__timeFilter\(([^)]*)\)/(\$1 BETWEEN $from AND $to)/g;
		s/\\\$__timeFrom\(\)/($from)/g;
		s/\\\$__timeTo\(\)/($to)/g;
		s/\\\$__interval_ms/86400000/g;
		s/\\\$__interval/'1 day'/g;
		s/\\\$incident\b/$incident/g;")
	name="$file: $kind \"$title\""
	if printf '%s' "$sql" | grep -q '\$'; then
		echo "not ok $i - $name: an unknown Grafana macro or variable is left in the SQL"
		continue
	fi
	if ! out=$(psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" -c "SELECT count(*) FROM ($sql) q" 2>&1); then
		echo "not ok $i - $name"; printf '%s\n' "$out" | sed 's/^/# /'; continue
	fi
	if ! [ "$out" -gt 0 ] 2>/dev/null; then
		echo "not ok $i - $name returned no rows"; continue
	fi
	# the columns, as Grafana's PostgreSQL data source will see them
	cols=$(printf '%s\n\\gdesc\n' "$sql" | psql -X -q -At -F '|' -d "$db" 2>&1)
	bad=$(printf '%s\n' "$cols" | KIND=$kind NUM="$numeric" perl -ne '
		chomp; my ($c, $t) = split /\|/, $_, 2; $seen{$c} = $t;
		END {
			my $k = $ENV{KIND}; my @p;
			my @values = grep { $_ ne "time" && $_ ne "timeend" } keys %seen;
			if ($k eq "timeseries") {
				push @p, "no \"time\" column of type timestamptz" unless ($seen{time} // "") eq "timestamp with time zone";
				push @p, "no number column" unless grep { $seen{$_} =~ /$ENV{NUM}/ } @values;
			} elsif ($k eq "stat") {
				push @p, "stat columns must be numbers: " . join(", ", grep { $seen{$_} !~ /$ENV{NUM}/ } @values)
					if grep { $seen{$_} !~ /$ENV{NUM}/ } @values;
			} elsif ($k eq "barchart") {
				push @p, "no number column" unless grep { $seen{$_} =~ /$ENV{NUM}/ } @values;
			} elsif ($k eq "annotation") {
				push @p, "no \"time\" column of type timestamptz" unless ($seen{time} // "") eq "timestamp with time zone";
				push @p, "\"timeend\" is not timestamptz" if exists $seen{timeend} && $seen{timeend} ne "timestamp with time zone";
				push @p, "no \"text\" column of type text" unless ($seen{text} // "") eq "text";
			} elsif ($k eq "variable") {
				push @p, "no __value and __text columns" unless exists $seen{__value} && ($seen{__text} // "") eq "text";
			}
			print join("; ", @p);
		}')
	if [ -n "$bad" ]; then
		echo "not ok $i - $name: $bad"; printf '%s\n' "$cols" | sed 's/^/#   /'
	else
		echo "ok $i - $name ($out rows; $(printf '%s' "$cols" | tr '\n' ',' | sed 's/,$//'))"
	fi
done <<< "$targets"
