#!/usr/bin/env bash
# Benchmark: the document parser's instructions, against a baseline build.
#
#   bash bench/parser_instructions.sh [BASE] [PASSES]
#                                     (default BASE = main, PASSES = 5)
#
# Builds the parser alone (src/document/*.c but the loader, readback and the
# report) at -O2 with the fuzz harness's stand-ins for PostgreSQL
# (test/document/fuzz/shim.c) and bench/parser_driver.c, once from this
# checkout and once from git ref BASE, and counts with
# `valgrind --tool=callgrind` the instructions each spends on the same two
# sets of documents, PASSES times over:
#   - the bench's first 600 generated postmortems (bench/markdown_corpus.sql,
#     written out from a throwaway server), the six formats of bench/markdown.sh;
#   - the test corpus (test/document/corpus/) and the five seeds.
# Instructions, not seconds: repeatable whatever else the machine runs.  The
# baseline is the same parser source at BASE, built, linked and run the same
# way (the driver and the shim are this checkout's on both sides); each side
# prints the entries and tasks it read, so a difference in reading shows.
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:-main}
passes=${2:-5}
command -v valgrind >/dev/null || apt-get install -y -qq --no-install-recommends valgrind >/dev/null
pgc=${PG_CONFIG:-pg_config}
inc=$("$pgc" --includedir-server)
work=$(mktemp -d /tmp/postmortem-bench-parser.XXXXXX)
chmod 755 "$work"
. test/support/server.sh
trap 'pm_server_stop "$work/srv"; rm -rf "$work"' EXIT

# the generated documents, one file each
pm_server_start "$work/srv" >/dev/null
mkdir "$work/gen"
chmod 777 "$work/gen"
psql -X -q -v ON_ERROR_STOP=1 -d postgres -v n=600 -f bench/markdown_corpus.sql >/dev/null 2>&1
psql -X -At -F ' ' -d postgres -c "SELECT id, translate(encode(convert_to(doc, 'UTF8'), 'base64'), E'\\n', '')
	FROM bench_doc ORDER BY id" | while read -r id b64; do
	base64 -d <<<"$b64" >"$work/gen/$id.md"
done
pm_server_stop "$work/srv"

# the two builds
mkdir "$work/base"
git archive "$base" src | tar -x -C "$work/base"
build() { # SRCDIR OUT
	local srcs
	srcs=$(ls "$1"/src/document/*.c | grep -v -e /import.c -e /report -e /readback.c)
	# shellcheck disable=SC2086
	gcc -O2 -w -I"$inc" -I"$1/src" -Itest/document/fuzz \
		$(pkg-config --cflags libcmark-gfm 2>/dev/null || true) \
		bench/parser_driver.c test/document/fuzz/shim.c $srcs \
		-lcmark-gfm -lcmark-gfm-extensions -o "$2"
}
build "$work/base" "$work/parser-base"
build . "$work/parser-this"

count() { # BINARY FILES... : instructions
	valgrind --tool=callgrind --callgrind-out-file="$work/cg.out" "$@" >"$work/read" 2>/dev/null
	sed -n 's/^totals: *//p' "$work/cg.out"
}
corpus=$(ls test/document/corpus/* test/seeds/*)
printf '%-28s %16s %16s %8s\n' "documents" "$base" "this checkout" "ratio"
for set in generated corpus; do
	if [ $set = generated ]; then files=$(ls "$work"/gen/*.md); else files=$corpus; fi
	# shellcheck disable=SC2086
	b=$(count "$work/parser-base" "$passes" $files); rb=$(cat "$work/read")
	# shellcheck disable=SC2086
	t=$(count "$work/parser-this" "$passes" $files); rt=$(cat "$work/read")
	printf '%-28s %16s %16s %8s\n' "$set (x$passes)" "$b" "$t" "$(echo "scale=4; $t / $b" | bc)"
	echo "  $base read $rb"
	echo "  this read $rt"
done
