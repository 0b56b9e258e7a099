# Django 3.2 (Debian python3-django), second project: sourced by
# test/recorder/clients_more.sh.  Three apps, one depending on another; a
# SlugField and a db_constraint=False ForeignKey (deferred SQL); AddIndex,
# AddConstraint; RunSQL and RunPython; atomic = False with several
# operations (AddIndexConcurrently); a squashed migration; unapplying
# across apps; --fake.
d=$clients/django-2
if ! /usr/bin/python3 -c 'import django, psycopg2' 2>/dev/null; then
	skip "django-2: python3-django and python3-psycopg2 are not installed"
else
	step django-2 1-migrate-all "$d/migrate.sh"
	step django-2 2-unapply-nonatomic "$d/migrate.sh" orders 0001
	held_step public.django_migrations "(app, name, applied) VALUES ('other', '0001_other', now())" django-2 3-unapply-across-apps "$d/migrate.sh" catalog 0001
	step django-2 4-fake-forward "$d/migrate.sh" catalog --fake
	step django-2 5-fake-back "$d/migrate.sh" catalog 0001 --fake
	step django-2 6-migrate-all "$d/migrate.sh"
	step django-2 7-unapply-squashed "$d/migrate.sh" legacy zero
	step django-2 8-catalog-zero "$d/migrate.sh" catalog zero
fi
