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
      libtap-parser-sourcehandler-pgtap-perl
      libcmark-gfm-dev libcmark-gfm-extensions-dev   # the document parser's Markdown
      clang libclang-rt-dev                          # its libFuzzer harness (test/document)
      # the migration tools test/recorder/clients.sh runs for real
      python3-django python3-alembic python3-psycopg2 ruby-activerecord ruby-pg
      sqitch libdbd-pg-perl
      ${POSTMORTEM_EXTRA_PKGS:-})
missing=()
for p in "${pkgs[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
export DEBIAN_FRONTEND=noninteractive
apt_updated=
apt_install() {
	[ -n "$apt_updated" ] || { apt-get -o DPkg::Lock::Timeout=600 update -qq && apt_updated=1; }
	apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "$@" >/dev/null
}

if [ ${#missing[@]} -gt 0 ]; then
	if [ "$(id -u)" -ne 0 ]; then
		echo "postmortem: missing packages: ${missing[*]} (run as root to install them)" >&2
		exit 1
	fi
	echo "postmortem: installing ${missing[*]}"
	apt_install "${missing[@]}"
fi

# The report's tests (test/document/report_mermaid.sh) draw every diagram
# report() writes with the real Mermaid in Debian's Chromium, and render the
# Markdown with cmark-gfm, and runs the demo on its clock (libfaketime).  Node.js comes from Debian unless a node is
# there already (one with its own npm, say); without node those tests say
# they skip.  The npm packages go outside the checkout, pinned by
# test/support/node/package-lock.json.
report_pkgs=()
command -v node >/dev/null || report_pkgs+=(nodejs)
command -v npm >/dev/null || report_pkgs+=(npm)
command -v chromium >/dev/null || report_pkgs+=(chromium)
command -v cmark-gfm >/dev/null || report_pkgs+=(cmark-gfm)
# the demo's clock (demo/clock.sh), which the report test runs the demo on
ls /usr/lib/*/faketime/libfaketime.so.1 >/dev/null 2>&1 || report_pkgs+=(libfaketime)
fonts=$(dpkg-query -W -f='${Status}' fonts-dejavu-core 2>/dev/null || true)
case "$fonts" in *"install ok installed"*) ;; *) report_pkgs+=(fonts-dejavu-core) ;; esac
if [ ${#report_pkgs[@]} -gt 0 ] && [ "$(id -u)" -eq 0 ]; then
	echo "postmortem: installing ${report_pkgs[*]} (for the report's tests)"
	# one by one: a package a distribution lacks must not stop the others
	for p in "${report_pkgs[@]}"; do
		apt_install "$p" || echo "postmortem: could not install $p; the report tests that need it will say so" >&2
	done
fi

node_dir=${PM_NODE_DIR:-/var/cache/postmortem/node}
lock=$(dirname "$0")/node/package-lock.json
if command -v npm >/dev/null && ! cmp -s "$lock" "$node_dir/package-lock.json"; then
	echo "postmortem: installing the report tests' npm packages into $node_dir"
	mkdir -p "$node_dir"
	cp "$(dirname "$0")/node/package.json" "$lock" "$node_dir/"
	if ! (cd "$node_dir" && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error >/dev/null); then
		rm -f "$node_dir/package-lock.json"	# try again next time
		echo "postmortem: npm ci failed in $node_dir" >&2
		exit 1
	fi
fi
# npm packages of the migration tools test (test/recorder/clients.sh), outside the checkout
# (PM_NODE_MODULES/.., as test/recorder/clients.sh reads it).
node_pkgs=(knex@3.3 pg@8 node-pg-migrate@9.0)
node_dir=$(dirname "${PM_NODE_MODULES:-/var/cache/postmortem-test/node/node_modules}")
node_missing() {
	local p
	for p in "${node_pkgs[@]}"; do
		[ -f "$node_dir/node_modules/${p%@*}/package.json" ] || return 0
	done
	return 1
}
install_node() {
	node_missing || return 0
	command -v npm >/dev/null || { echo "postmortem: npm is missing: knex and node-pg-migrate are not installed" >&2; return 0; }
	echo "postmortem: installing ${node_pkgs[*]} into $node_dir"
	mkdir -p "$node_dir"
	(cd "$node_dir" && { [ -f package.json ] || echo '{"name":"postmortem-test-clients","private":true}' >package.json; } &&
	 npm install --no-audit --no-fund --loglevel=error "${node_pkgs[@]}" >/dev/null) ||
		echo "postmortem: npm install failed: the knex and node-pg-migrate tests will be skipped" >&2
}

install_node
exit 0
