# Django 3.2 (Debian python3-django): sourced by test/recorder/clients.sh.
d=$clients/django
if ! /usr/bin/python3 -c 'import django, psycopg2' 2>/dev/null; then
	skip "django: python3-django and python3-psycopg2 are not installed"
else
	step django 1-migrate "$d/migrate.sh" shop
	step django 2-unapply-0004 "$d/migrate.sh" shop 0003
	step django 3-unapply-all "$d/migrate.sh" shop zero
	step django 4-migrate-again "$d/migrate.sh" shop
	is $with "SELECT id || ' ' || direction || ' ' || strongest_lock || ' on ' || strongest_lock_table
	            FROM postmortem.migration_run WHERE tool = 'Django' AND id = 'shop.0002_order_total' ORDER BY run LIMIT 1" \
	   "shop.0002_order_total up ACCESS EXCLUSIVE on public.shop_order" \
	   "django: migration_run names the lock 0002 took"
fi
if /usr/bin/python3 -c 'import django, psycopg2' 2>/dev/null; then
	# suspects() and report() say which migration run a change was part of
	inc=$(q $with "SELECT postmortem.open_incident('Orders page slow', 'sev-2', now() + interval '1 minute')")
	sc=$(q $with "SELECT id FROM postmortem.schema_change WHERE command_tag = 'ALTER TABLE' AND object_identity = 'public.shop_order'
	                 AND migration = 'shop.0002_order_total' ORDER BY id DESC LIMIT 1")
	is $with "SELECT reason ~ '\(migration shop\.0002_order_total \(Django, up\) took ACCESS EXCLUSIVE on public\.shop_order for [0-9]+ m?s\)'
	            FROM postmortem.suspects($inc) WHERE schema_change_id = $sc" \
	   "t" "django: suspects() names the migration run and its lock"
	q $with "SELECT postmortem.cite($inc, $sc)" >/dev/null
	is $with "SELECT postmortem.report($inc) ~ 'schema change $sc at [^\n]*, in migration shop\.0002\\\\?_order\\\\?_total \(Django, up\) took ACCESS EXCLUSIVE'" \
	   "t" "django: report() names the migration run of a cited change"
	# the deferred index of 0003, named only by the next transaction
	sc=$(q $with "SELECT id FROM postmortem.schema_change WHERE object_identity = 'public.shop_customer_email_d3fdf104' ORDER BY id DESC LIMIT 1")
	is $with "SELECT migration FROM postmortem.suspects($inc) WHERE schema_change_id = $sc" \
	   "shop.0003_customer_email" "django: suspects() gives deferred SQL the migration its next transaction named"
fi
