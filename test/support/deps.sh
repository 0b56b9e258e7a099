#!/usr/bin/env bash
# Install what building and testing postmortem needs, if it is missing.
# Runs on a fresh Debian machine as root; does nothing when all is there.
# PGVERSION (default: the version of this Debian suite, 15 on Debian 12)
# picks the PostgreSQL packages; test/support/chroot.sh runs this same
# script inside its Debian 13 / sid chroots for 17 and 18, so a package
# added here is installed there too.
set -euo pipefail

v=${PGVERSION:-$(bash "$(dirname "$0")/chroot.sh" --native)}
pkgs=(make gcc libc6-dev postgresql-$v postgresql-server-dev-$v postgresql-$v-pgtap
      libtap-parser-sourcehandler-pgtap-perl ${POSTMORTEM_EXTRA_PKGS:-})
missing=()
for p in "${pkgs[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
	echo "postmortem: missing packages: ${missing[*]} (run as root to install them)" >&2
	exit 1
fi
echo "postmortem: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
