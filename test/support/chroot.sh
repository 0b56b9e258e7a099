#!/usr/bin/env bash
# Run `make test` or `make demo` against a PostgreSQL version this host's
# Debian does not ship, inside a Debian chroot of the suite that does:
#
#   bash test/support/chroot.sh VERSION test|demo|demo-stop|build|prepare|shell
#   (what `make test PGVERSION=17` and `make demo PGVERSION=18` run)
#   bash test/support/chroot.sh VERSION script test/PART/NAME.sh...
#   (builds, installs, starts a server and runs only those TAP scripts, for
#   iterating on one failure; the full suite is `test`)
#
#   17  Debian 13 "trixie"      18  Debian "sid"
#
# The chroot is made once with debootstrap, from the same Debian mirror the
# host's apt uses, in $PM_CHROOT_CACHE/chroot-VERSION (default
# /var/cache/postmortem, outside any checkout), and reused; one that is
# incomplete or whose dpkg database is broken is made again.  The host never
# sees the other suite's packages.  Each run copies the checkout into the
# chroot (the build objects are per version) and runs test/support/deps.sh
# there with PGVERSION set, so whatever the suite needs on the host it gets in
# the chroot too.  /proc and /dev are mounted in a private mount namespace:
# they disappear with the run, however it ends.  Needs root (debootstrap,
# chroot, mount).
set -euo pipefail

# The Debian suite that ships PostgreSQL VERSION (as its only server).
pm_chroot_suite() {
	case $1 in
		15) echo bookworm ;;
		17) echo trixie ;;
		18) echo sid ;;
		*) return 1 ;;
	esac
}

# The PostgreSQL version of this host's own Debian suite.
pm_native_pgversion() {
	local codename
	codename=$(. /etc/os-release 2>/dev/null; echo "${VERSION_CODENAME:-}")
	case $codename in
		bookworm) echo 15 ;;
		trixie) echo 17 ;;
		sid | forky) echo 18 ;;
		*) echo 15 ;;
	esac
}

# The Debian mirror the host's apt uses (deb822 or one-line sources).
pm_debian_mirror() {
	local m
	m=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources 2>/dev/null |
		grep -v '^[[:space:]]*#' |
		grep -oE 'https?://[^[:space:]]+/debian/?([[:space:]]|$)' | head -n 1 | tr -d '[:space:]')
	echo "${m:-http://deb.debian.org/debian}"
}

# Made to the end, runs, and dpkg finds nothing half-installed or broken.
pm_chroot_healthy() {
	local root=$1 audit
	[ -f "$root/.postmortem-complete" ] &&
		chroot "$root" /bin/true 2>/dev/null &&
		audit=$(chroot "$root" dpkg --audit 2>&1) && [ -z "$audit" ]
}

# Make the chroot for VERSION unless a healthy one is there.
pm_chroot_make() {
	local v=$1 root=$2 suite mirror
	suite=$(pm_chroot_suite "$v")
	pm_chroot_healthy "$root" && return 0
	# Never delete a tree something is still mounted in.
	if grep -q -E " $root(\.new)?/" /proc/self/mountinfo; then
		echo "postmortem: $root has mounts; not rebuilding it" >&2
		return 1
	fi
	mirror=$(pm_debian_mirror)
	echo "postmortem: making a Debian $suite chroot for PostgreSQL $v in $root (from $mirror)"
	rm -rf "$root" "$root.new"
	mkdir -p "$root.new"
	# in a mount namespace of its own: the /proc and /sys it mounts in the
	# tree go with it, even if it is killed
	unshare --mount --propagation private -- \
		debootstrap --variant=minbase "$suite" "$root.new" "$mirror" >"$root.new.log" 2>&1 ||
		{ tail -n 30 "$root.new.log" >&2; return 1; }
	echo "deb $mirror $suite main" >"$root.new/etc/apt/sources.list"
	# Packages must not start services in the chroot, nor make a cluster.
	printf '#!/bin/sh\nexit 101\n' >"$root.new/usr/sbin/policy-rc.d"
	chmod 755 "$root.new/usr/sbin/policy-rc.d"
	mkdir -p "$root.new/etc/postgresql-common"
	echo 'create_main_cluster = false' >"$root.new/etc/postgresql-common/createcluster.conf"
	# sid's Release file carries a Valid-Until date a mirror snapshot outlives.
	printf 'APT::Install-Recommends "false";\nAPT::Install-Suggests "false";\nAcquire::Check-Valid-Until "false";\n' \
		>"$root.new/etc/apt/apt.conf.d/90postmortem"
	printf 'path-exclude /usr/share/doc/*\npath-exclude /usr/share/man/*\n' \
		>"$root.new/etc/dpkg/dpkg.cfg.d/90postmortem"
	touch "$root.new/.postmortem-complete"
	mv "$root.new" "$root"
	rm -f "$root.new.log"
}

# Run COMMAND (a shell string) as root in the chroot, in a mount namespace of
# its own with /proc and /dev; ENV... are passed in as NAME=value.
pm_chroot_run() {
	local root=$1 cmd=$2; shift 2
	cp -L /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
	# the host's trusted certificates (a proxy's own CA, say), for npm and apt
	mkdir -p "$root/etc/ssl/certs"
	cp -L /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/postmortem-host-ca.crt" 2>/dev/null || true
	unshare --mount --propagation private -- /bin/bash -c '
		set -e
		root=$1; shift
		mount -t proc proc "$root/proc"
		mount --rbind /dev "$root/dev"
		ca=
		[ -s "$root/etc/ssl/postmortem-host-ca.crt" ] && ca=NODE_EXTRA_CA_CERTS=/etc/ssl/postmortem-host-ca.crt
		exec chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 $ca \
			PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "$@"
	' pm-chroot "$root" "$@" /bin/bash -c "$cmd"
}

pm_chroot_main() {
	local v=${1:-} what=${2:-test} suite root cache src top rc scripts
	scripts=("${@:3}")
	if ! suite=$(pm_chroot_suite "$v") || [ "$v" = 15 ]; then
		echo "postmortem: no Debian chroot for PostgreSQL '$v' (17: trixie, 18: sid; 15 runs on the host)." >&2
		echo "postmortem: for another server, build against it: make PG_CONFIG=/path/to/pg_config" >&2
		return 2
	fi
	if [ "$(id -u)" -ne 0 ]; then
		echo "postmortem: PGVERSION=$v runs in a Debian chroot and needs root" >&2
		return 1
	fi
	command -v debootstrap >/dev/null 2>&1 || {
		DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
			DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null
	}
	top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
	cache=${PM_CHROOT_CACHE:-/var/cache/postmortem}
	root=$cache/chroot-$v
	mkdir -p "$cache"

	# One run at a time makes or repairs the chroot and installs into it;
	# runs then share it (make test inside takes its own lock).
	exec 9>"$cache/chroot-$v.lock"
	flock 9
	pm_chroot_make "$v" "$root" || return 1

	if [ "$what" = demo-stop ]; then
		[ -f "$root/tmp/postmortem-demo/data/postmaster.pid" ] || return 0
		pm_chroot_run "$root" "runuser -u postgres -- /usr/lib/postgresql/$v/bin/pg_ctl \
			-D /tmp/postmortem-demo/data -m fast -w stop >/dev/null" || true
		return 0
	fi

	# A copy of the checkout, without what a build left in it.
	src=/build/run-$$
	rm -rf "$root$src"
	mkdir -p "$root$src"
	trap "rm -rf '$root$src'" EXIT
	tar -C "$top" --exclude=./.git --exclude='*.o' --exclude='*.so' --exclude='*.bc' \
		--exclude=./results --exclude='./results-pg*' --exclude='./regression.*' \
		--exclude=./output_iso -cf - . | tar -C "$root$src" -xf -
	chmod 755 "$root$src"
	if ! pm_chroot_run "$root" "cd $src && bash test/support/deps.sh && make -s clean >/dev/null" \
		PGVERSION="$v" PM_IN_CHROOT=1 POSTMORTEM_EXTRA_PKGS="${POSTMORTEM_EXTRA_PKGS:-}"; then
		echo "postmortem: installing into the $suite chroot failed; it will be made again next time" >&2
		rm -f "$root/.postmortem-complete"
		return 1
	fi
	flock -s 9
	[ "$what" = demo ] && { flock -u 9; exec 9>&-; }

	case $what in
		prepare) return 0 ;;
		build) cmd="make -s PG_CONFIG=/usr/lib/postgresql/$v/bin/pg_config" ;;
		test) cmd='bash test/support/run-tests.sh' ;;
		demo) cmd='bash demo/demo.sh' ;;
		shell) cmd='bash -i' ;;
		script) cmd="PM_SCRIPTS='${scripts[*]}' bash test/support/run-tests.sh" ;;
		*) echo "postmortem: chroot.sh: unknown command '$what'" >&2; return 2 ;;
	esac
	echo "postmortem: PostgreSQL $v in the Debian $suite chroot $root"
	rc=0
	pm_chroot_run "$root" "cd $src && $cmd" PGVERSION="$v" PM_IN_CHROOT=1 \
		PM_CHROOT_ROOT="$root" CI="${CI:-}" || rc=$?
	# pg_regress's output, for a look or a new expected/*_1.out
	rm -rf "$top/results-pg$v"
	if [ -d "$root$src/results" ]; then
		mkdir -p "$top/results-pg$v"
		cp -a "$root$src/results/." "$root$src"/regression.* "$top/results-pg$v/" 2>/dev/null || true
	fi
	if [ -d "$root$src/output_iso/results" ]; then
		mkdir -p "$top/results-pg$v/isolation"
		cp -a "$root$src/output_iso/results/." "$root$src"/output_iso/regression.* \
			"$top/results-pg$v/isolation/" 2>/dev/null || true
	fi
	return $rc
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
	if [ "${1:-}" = --native ]; then
		pm_native_pgversion
	else
		pm_chroot_main "$@"
	fi
fi
