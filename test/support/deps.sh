#!/usr/bin/env bash
# Install what building and testing postmortem needs, if it is missing.
# Runs on a fresh Debian 12 machine as root; does nothing when all is there.
set -euo pipefail

pkgs=(make gcc postgresql-15 postgresql-server-dev-15 postgresql-15-pgtap
      libtap-parser-sourcehandler-pgtap-perl
      # the migration tools test/recorder/clients.sh runs for real
      python3-django python3-alembic python3-psycopg2 ruby-activerecord ruby-pg
      sqitch libdbd-pg-perl nodejs
      ${POSTMORTEM_EXTRA_PKGS:-})
command -v npm >/dev/null || pkgs+=(npm)
missing=()
for p in "${pkgs[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

# npm packages of the same test, installed outside the checkout
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

if [ ${#missing[@]} -eq 0 ]; then
	install_node
	exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
	echo "postmortem: missing packages: ${missing[*]} (run as root to install them)" >&2
	exit 1
fi
echo "postmortem: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
install_node
