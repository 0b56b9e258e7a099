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
