#!/usr/bin/env bash
# Build the libFuzzer harness of the document parser with ASan and UBSan:
#   test/document/fuzz/build.sh OUT   (default: /tmp/pm-fuzz-parser)
# The parser's files (src/document/*.c but the loader, readback and the report) are
# compiled with the harness and shim.c, which stands in for the few
# PostgreSQL functions they call (15 to 18: shim.c follows their signatures).
# Needs clang and libclang-rt-dev.
set -euo pipefail
cd "$(dirname "$0")/../../.."
out=${1:-/tmp/pm-fuzz-parser}
pgc=${PG_CONFIG:-pg_config}
inc=$("$pgc" --includedir-server)
srcs=$(ls src/document/*.c | grep -v -e /import.c -e /report -e /readback.c)
cc=${FUZZ_CC:-clang}
# PostgreSQL's headers ask for format(gnu_printf), which clang ignores
$cc -g -O1 -fno-omit-frame-pointer -Wno-ignored-attributes \
	-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
	-I"$inc" -Isrc -Itest/document/fuzz \
	$(pkg-config --cflags libcmark-gfm 2>/dev/null || true) \
	test/document/fuzz/harness.c test/document/fuzz/shim.c $srcs \
	${FUZZ_LIBS--lcmark-gfm -lcmark-gfm-extensions} -o "$out"
echo "$out"
