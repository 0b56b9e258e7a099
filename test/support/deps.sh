#!/usr/bin/env bash
# Install what building and testing postmortem needs, if it is missing.
# Runs on a fresh Debian 12 machine as root; does nothing when all is there.
set -euo pipefail

pkgs=(make gcc postgresql-15 postgresql-server-dev-15 postgresql-15-pgtap
      libtap-parser-sourcehandler-pgtap-perl
      libcmark-gfm-dev libcmark-gfm-extensions-dev   # the document parser's Markdown
      clang libclang-rt-14-dev                       # its libFuzzer harness (test/document)
      ${POSTMORTEM_EXTRA_PKGS:-})
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
