-- cite() and incident_timeline() as a superuser with functions planted in
-- public (the schema an ordinary role with CREATE on it writes to): the
-- extension's own calls of format() must not reach them.  An exact-match
-- overload in public beats pg_catalog's format(text, VARIADIC "any").
BEGIN;
SELECT plan(4);
SET LOCAL postmortem.capture_evidence = off;
SET LOCAL search_path = "$user", public;

-- a sequence: what the planted functions did survives the error cite() raises
CREATE SEQUENCE public.planted_calls;
CREATE FUNCTION public.format(text, text) RETURNS text LANGUAGE sql AS
	$$ SELECT pg_catalog.nextval('public.planted_calls'); SELECT $1 $$;
CREATE FUNCTION public.format(text, text, text) RETURNS text LANGUAGE sql AS
	$$ SELECT pg_catalog.nextval('public.planted_calls'); SELECT $1 $$;
CREATE FUNCTION public.format(text, text, postmortem.task_kind, text, text) RETURNS text LANGUAGE sql AS
	$$ SELECT pg_catalog.nextval('public.planted_calls'); SELECT $1 $$;

SELECT postmortem.open_incident('Checkout down', 'SEV2', now() - interval '5 minutes') AS inc \gset
SELECT postmortem.record_change('deploy', 'checkout v9', now() - interval '1 minute') AS ev \gset
INSERT INTO postmortem.task (incident_id, title, kind, owner) VALUES (:inc, 'Roll back', 'corrective', 'dba');

SELECT ok((SELECT count(*) FROM postmortem.incident_timeline(:inc) t WHERE t.kind = 'change_event') = 1,
          'incident_timeline() lists the change event');
SELECT is((SELECT is_called FROM public.planted_calls), false,
          'incident_timeline() called no function planted in public');
SELECT pg_catalog.setval('public.planted_calls', 1, false) \g /dev/null
SELECT throws_ok('SELECT postmortem.cite(' || :inc || ', 987654321)', '23503', NULL,
                 'cite() of a change that does not exist: 23503');
SELECT is((SELECT is_called FROM public.planted_calls), false,
          'cite() called no function planted in public');

SELECT * FROM finish();
ROLLBACK;
