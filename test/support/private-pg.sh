#!/usr/bin/env bash
# A private copy of the host's PostgreSQL installation, so that several
# checkouts (git worktrees) on one machine can install and test their own
# build at once without overwriting each other's extension files.
#
#   PM_PG_ROOT=/tmp/pm-mybranch make test
#
# The copy is made once (bin, lib, share and server headers of PostgreSQL
# $PGVERSION, default 15: about 60 MB) and reused; extensions the host
# gains later are added to it.  PostgreSQL finds its share and lib folders
# relative to its binaries, so the copy is a complete installation.
pm_private_pg() {
	local root=$1 v=${2:-${PGVERSION:-15}}
	if [ ! -x "$root/usr/lib/postgresql/$v/bin/pg_config" ] ||
	   [ ! -d "$root/usr/include/postgresql/$v/server" ] ||
	   [ ! -f "$root/.complete" ]; then
		rm -rf "$root"
		mkdir -p "$root/usr/lib/postgresql" "$root/usr/share/postgresql" "$root/usr/include"
		cp -a "/usr/lib/postgresql/$v" "$root/usr/lib/postgresql/" &&
		cp -a "/usr/share/postgresql/$v" "$root/usr/share/postgresql/" &&
		cp -a /usr/include/postgresql "$root/usr/include/" &&
		touch "$root/.complete" || return 1
		chmod 755 "$root"
	fi
	# extensions installed on the host after the copy was made (pgaudit for
	# bench/recorder.sh, pgTAP): added, never over what is there, never ours
	local f
	for f in /usr/share/postgresql/$v/extension/* /usr/lib/postgresql/$v/lib/*.so; do
		[ -e "$f" ] || continue
		case ${f##*/} in postmortem*) continue ;; esac
		[ -e "$root$f" ] || cp -a "$f" "$root$f"
	done
	export PG_CONFIG="$root/usr/lib/postgresql/$v/bin/pg_config"
	export PM_PGBIN="$root/usr/lib/postgresql/$v/bin"
}
