# node-pg-migrate 9.0 (npm): sourced by test/recorder/clients.sh.
d=$clients/node-pg-migrate
if [ ! -f "$PM_NODE_MODULES/node-pg-migrate/package.json" ] || [ ! -f "$PM_NODE_MODULES/pg/package.json" ]; then
	skip "node-pg-migrate: npm packages node-pg-migrate and pg are not installed (test/support/deps.sh)"
else
	step node-pg-migrate 1-up "$d/pgm.sh" up
	step node-pg-migrate 2-down-one "$d/pgm.sh" down
	step node-pg-migrate 3-up "$d/pgm.sh" up
	step node-pg-migrate 4-down-all "$d/pgm.sh" down 3
fi
