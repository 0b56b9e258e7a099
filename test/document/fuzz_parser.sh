#!/usr/bin/env bash
# TAP: the document parser under libFuzzer with AddressSanitizer and
# UndefinedBehaviorSanitizer (test/document/fuzz/: harness.c, shim.c).
#   1. the harness builds (clang and libclang-rt-dev: 14 on Debian 12, 19 on
#      trixie, 21 on sid; test/support/deps.sh);
#   2. every input that once broke the parser (fuzz/regress/) now parses
#      cleanly;
#   3. a bounded run (POSTMORTEM_FUZZ_SECONDS, default 30) from a seed corpus
#      of test/document/corpus and test/seeds finds no crash, overflow, leak
#      or undefined behaviour.
# The longer run (docs/document.md): POSTMORTEM_FUZZ_RUNS=1000000 test/document/fuzz_parser.sh
cd "$(dirname "$0")/../.."
secs=${POSTMORTEM_FUZZ_SECONDS:-30}
runs=${POSTMORTEM_FUZZ_RUNS:-}
work=$(mktemp -d /tmp/pm-fuzz.XXXXXX)
trap 'rm -rf "$work"' EXIT
echo "1..3"
if test/document/fuzz/build.sh "$work/fuzz-parser" >"$work/build.log" 2>&1; then
	echo "ok 1 - the libFuzzer harness builds with ASan and UBSan"
else
	echo "not ok 1 - the libFuzzer harness does not build: $(tail -3 "$work/build.log" | tr '\n' ' ')"
	echo "not ok 2 - # SKIP no harness"
	echo "not ok 3 - # SKIP no harness"
	exit 0
fi
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
if "$work/fuzz-parser" test/document/fuzz/regress/* >"$work/regress.log" 2>&1; then
	echo "ok 2 - $(ls test/document/fuzz/regress | wc -l) inputs that once broke the parser parse cleanly"
else
	echo "not ok 2 - a past crash is back: $(grep -m3 -E 'ERROR|runtime error' "$work/regress.log" | tr '\n' ' ')"
fi
mkdir -p "$work/corpus"
cp test/document/corpus/* test/seeds/* test/document/fuzz/regress/* "$work/corpus/"
if [ -n "$runs" ]; then limit=(-runs="$runs"); else limit=(-max_total_time="$secs"); fi
if (cd "$work" && ./fuzz-parser "${limit[@]}" -max_len=16384 -timeout=10 -rss_limit_mb=2048 \
		-print_final_stats=1 corpus >"$work/fuzz.log" 2>&1); then
	n=$(grep -m1 -oE 'stat::number_of_executed_units: *[0-9]+' "$work/fuzz.log" | grep -oE '[0-9]+$')
	echo "ok 3 - libFuzzer: ${n:-?} inputs, no crash, no sanitizer report"
else
	echo "not ok 3 - libFuzzer found a problem:"
	grep -m5 -E 'ERROR|runtime error|SUMMARY' "$work/fuzz.log" | sed 's/^/# /'
	for c in "$work"/crash-* "$work"/leak-* "$work"/timeout-* "$work"/oom-*; do
		[ -f "$c" ] && cp "$c" /tmp/ && echo "# input kept as /tmp/$(basename "$c")"
	done
fi
