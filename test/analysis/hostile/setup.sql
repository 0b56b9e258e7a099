-- The attacker of test/analysis/hostile_search_path.sh (kept out of
-- test/analysis/*.sql, which pg_prove runs as suites): an ordinary role with
-- CREATE on public plants, in public, a function or operator for every
-- function and operator of pg_catalog (same name, same argument types), plus
-- format()/concat()/concat_ws() overloads for the argument types a caller may
-- pass, aggregates, and domains named like the built-in types.  Each one, when
-- called, counts itself in a sequence (not rolled back with the caller's
-- transaction), says so in a WARNING and, if it runs as a superuser, makes the
-- attacker superuser.  Run as the superuser, in a database with postmortem.
\set ON_ERROR_STOP 1
SET client_min_messages = notice;
SET check_function_bodies = off;
SET search_path = pg_catalog;
CREATE ROLE pm_attacker NOLOGIN;
GRANT CREATE ON SCHEMA public TO pm_attacker;
GRANT USAGE ON SCHEMA postmortem TO pm_attacker;
SET ROLE pm_attacker;

CREATE SEQUENCE public.pm_hits;
GRANT ALL ON SEQUENCE public.pm_hits TO PUBLIC;
CREATE FUNCTION public.pm_hit(what pg_catalog.text) RETURNS pg_catalog.bool
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
	PERFORM pg_catalog.nextval('public.pm_hits'::pg_catalog.regclass);
	RAISE WARNING 'HOSTILE OBJECT CALLED: % (as %)', what, current_user;
	BEGIN
		IF (SELECT r.rolsuper FROM pg_catalog.pg_roles r WHERE r.rolname OPERATOR(pg_catalog.=) current_user) THEN
			EXECUTE 'ALTER ROLE pm_attacker SUPERUSER';
		END IF;
	EXCEPTION WHEN OTHERS THEN NULL;
	END;
	RETURN true;
END
$$;

-- a type's name, schema-qualified, as a planted declaration needs it
CREATE FUNCTION public.pm_qtype(t pg_catalog.oid) RETURNS pg_catalog.text
LANGUAGE sql STABLE AS $$
	SELECT pg_catalog.quote_ident(n.nspname) OPERATOR(pg_catalog.||) '.' OPERATOR(pg_catalog.||) pg_catalog.quote_ident(y.typname)
	  FROM pg_catalog.pg_type y JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) y.typnamespace
	 WHERE y.oid OPERATOR(pg_catalog.=) t
$$;

-- types a planted function may take: ordinary ones and the polymorphic ones
CREATE FUNCTION public.pm_plantable(t pg_catalog.oid) RETURNS pg_catalog.bool
LANGUAGE sql STABLE AS $$
	SELECT y.typtype OPERATOR(pg_catalog.<>) 'p'
	       OR y.typname OPERATOR(pg_catalog.=) ANY ('{anyelement,anyarray,anynonarray,anyenum,anyrange,anymultirange,anycompatible,anycompatiblearray,anycompatiblenonarray,anycompatiblerange,anycompatiblemultirange}'::pg_catalog.name[])
	  FROM pg_catalog.pg_type y WHERE y.oid OPERATOR(pg_catalog.=) t
$$;

DO $plant$
DECLARE
	f record;
	args text;
	params text;
	n int := 0;
BEGIN
	-- every plain function of pg_catalog, same name and argument types
	FOR f IN
		SELECT p.oid, p.proname, p.pronargs, p.proargtypes::oid[] AS argtypes, p.prorettype, p.proretset
		  FROM pg_catalog.pg_proc p
		 WHERE p.pronamespace = 'pg_catalog'::regnamespace
		   AND p.prokind = 'f' AND p.provariadic = 0 AND p.proallargtypes IS NULL
		   AND p.pronargs BETWEEN 0 AND 6
		   AND (public.pm_plantable(p.prorettype) OR p.prorettype = 'pg_catalog.void'::regtype)
	LOOP
		CONTINUE WHEN EXISTS (SELECT FROM unnest(f.argtypes) a WHERE NOT public.pm_plantable(a));
		CONTINUE WHEN f.prorettype IN ('pg_catalog.record'::regtype, 'pg_catalog.trigger'::regtype, 'pg_catalog.event_trigger'::regtype);
		-- a polymorphic result needs a polymorphic argument of the same family
		CONTINUE WHEN (SELECT typtype FROM pg_type WHERE oid = f.prorettype) = 'p'
		          AND f.prorettype <> 'pg_catalog.void'::regtype
		          AND NOT EXISTS (SELECT FROM unnest(f.argtypes) a JOIN pg_type y ON y.oid = a WHERE y.typtype = 'p');
		SELECT coalesce(string_agg(public.pm_qtype(a), ', ' ORDER BY o), ''),
		       coalesce(string_agg('$' || o, ', ' ORDER BY o), '')
		  INTO args, params
		  FROM unnest(f.argtypes) WITH ORDINALITY AS u(a, o);
		BEGIN
			IF f.prorettype = 'pg_catalog.void'::regtype THEN
				EXECUTE format('CREATE FUNCTION public.%I(%s) RETURNS void LANGUAGE plpgsql AS %L',
					f.proname, args,
					format('BEGIN PERFORM public.pm_hit(%L); PERFORM pg_catalog.%I(%s); END',
						   f.proname || '(' || args || ')', f.proname, params));
			ELSIF f.proretset THEN
				EXECUTE format('CREATE FUNCTION public.%I(%s) RETURNS SETOF %s LANGUAGE plpgsql AS %L',
					f.proname, args, public.pm_qtype(f.prorettype),
					format('BEGIN PERFORM public.pm_hit(%L); RETURN QUERY SELECT pg_catalog.%I(%s); END',
						   f.proname || '(' || args || ')', f.proname, params));
			ELSE
				EXECUTE format('CREATE FUNCTION public.%I(%s) RETURNS %s LANGUAGE plpgsql AS %L',
					f.proname, args, public.pm_qtype(f.prorettype),
					format('BEGIN PERFORM public.pm_hit(%L); RETURN pg_catalog.%I(%s); END',
						   f.proname || '(' || args || ')', f.proname, params));
			END IF;
			n := n + 1;
		EXCEPTION WHEN OTHERS THEN NULL;		-- a few cannot be declared; skip them
		END;
	END LOOP;
	RAISE NOTICE 'planted % functions', n;

	-- every operator of pg_catalog, same name and argument types
	n := 0;
	FOR f IN
		SELECT o.oid, o.oprname, o.oprleft, o.oprright, o.oprresult
		  FROM pg_catalog.pg_operator o
		 WHERE o.oprnamespace = 'pg_catalog'::regnamespace
		   AND (o.oprleft = 0 OR public.pm_plantable(o.oprleft))
		   AND public.pm_plantable(o.oprright) AND public.pm_plantable(o.oprresult)
	LOOP
		BEGIN
			IF f.oprleft = 0 THEN
				EXECUTE format('CREATE FUNCTION public.pm_op_%s(%s) RETURNS %s LANGUAGE plpgsql AS %L',
					f.oid, public.pm_qtype(f.oprright), public.pm_qtype(f.oprresult),
					format('BEGIN PERFORM public.pm_hit(%L); RETURN OPERATOR(pg_catalog.%s) $1; END',
						   'operator ' || f.oprname, f.oprname));
				EXECUTE format('CREATE OPERATOR public.%s (RIGHTARG = %s, FUNCTION = public.pm_op_%s)',
					f.oprname, public.pm_qtype(f.oprright), f.oid);
			ELSE
				EXECUTE format('CREATE FUNCTION public.pm_op_%s(%s, %s) RETURNS %s LANGUAGE plpgsql AS %L',
					f.oid, public.pm_qtype(f.oprleft), public.pm_qtype(f.oprright), public.pm_qtype(f.oprresult),
					format('BEGIN PERFORM public.pm_hit(%L); RETURN $1 OPERATOR(pg_catalog.%s) $2; END',
						   'operator ' || f.oprname || ' (' || f.oprleft::regtype || ', ' || f.oprright::regtype || ')', f.oprname));
				EXECUTE format('CREATE OPERATOR public.%s (LEFTARG = %s, RIGHTARG = %s, FUNCTION = public.pm_op_%s)',
					f.oprname, public.pm_qtype(f.oprleft), public.pm_qtype(f.oprright), f.oid);
			END IF;
			n := n + 1;
		EXCEPTION WHEN OTHERS THEN NULL;
		END;
	END LOOP;
	RAISE NOTICE 'planted % operators', n;
END
$plant$;

-- format(), concat() and concat_ws() take VARIADIC "any", which no planted
-- function can: plant the exact argument lists instead — all text, and one
-- argument of each other type a caller passes at each position.
DO $plant$
DECLARE
	fn text;
	k int;
	p int;
	t text;
	args text[];
	types text[] := ARRAY['pg_catalog.text', 'pg_catalog.int4', 'pg_catalog.int8', 'pg_catalog.numeric',
		'pg_catalog.float8', 'pg_catalog.timestamptz', 'pg_catalog.interval', 'pg_catalog.bool',
		'pg_catalog.name', 'pg_catalog.oid', 'pg_catalog.regclass', 'pg_catalog.date',
		'postmortem.task_kind', 'postmortem.task_status', 'postmortem.timeline_kind',
		'postmortem.incident_status', 'postmortem.citation_role', 'postmortem.severity'];
BEGIN
	FOREACH fn IN ARRAY ARRAY['format', 'concat', 'concat_ws'] LOOP
		FOR k IN 1..8 LOOP
			FOR p IN 1..k LOOP
				FOREACH t IN ARRAY types LOOP
					CONTINUE WHEN p > 1 AND t = 'pg_catalog.text';
					args := array_fill('pg_catalog.text'::text, ARRAY[k]);
					args[p] := t;
					BEGIN
						EXECUTE format('CREATE FUNCTION public.%I(%s) RETURNS pg_catalog.text LANGUAGE plpgsql AS %L',
							fn, array_to_string(args, ', '),
							format('BEGIN PERFORM public.pm_hit(%L); RETURN NULL; END',
								   fn || '(' || array_to_string(args, ', ') || ')'));
					EXCEPTION WHEN duplicate_function THEN NULL;
					END;
				END LOOP;
			END LOOP;
		END LOOP;
	END LOOP;
END
$plant$;
-- (format(text, text, postmortem.task_kind, text, text), the very call of
-- issue 9, is among them.)

-- With pg_catalog first on the path, a planted operator wins only where it
-- matches better than pg_catalog's: plant, for each operator name and each
-- pair of argument types a caller uses, the exact operator where pg_catalog
-- has only a coerced or polymorphic one (|| (double precision, text), = on an
-- enum, ...).
DO $plant$
DECLARE
	op text;
	l text;
	r text;
	res text;
	n int := 0;
	types text[] := ARRAY['pg_catalog.text', 'pg_catalog.int4', 'pg_catalog.int8', 'pg_catalog.numeric',
		'pg_catalog.float8', 'pg_catalog.timestamptz', 'pg_catalog.interval', 'pg_catalog.bool',
		'pg_catalog.name', 'pg_catalog.oid', 'pg_catalog.regclass', 'pg_catalog.int2',
		'postmortem.task_kind', 'postmortem.task_status', 'postmortem.timeline_kind',
		'postmortem.incident_status', 'postmortem.citation_role', 'postmortem.severity',
		'pg_catalog._text', 'pg_catalog._int8', 'pg_catalog._int4'];
BEGIN
	FOREACH op IN ARRAY ARRAY['=', '<>', '<', '<=', '>', '>=', '+', '-', '*', '/', '||', '~~', '~~*', '~', '@>', '<@', '&&'] LOOP
		FOREACH l IN ARRAY types LOOP
			FOREACH r IN ARRAY types LOOP
				CONTINUE WHEN EXISTS (SELECT FROM pg_catalog.pg_operator o
									   WHERE o.oprname = op AND o.oprleft = l::regtype AND o.oprright = r::regtype
										 AND o.oprnamespace = 'pg_catalog'::regnamespace);
				BEGIN
					EXECUTE format('SELECT pg_catalog.pg_typeof(NULL::%s OPERATOR(pg_catalog.%s) NULL::%s)::pg_catalog.oid', l, op, r) INTO res;
				EXCEPTION WHEN OTHERS THEN
					CONTINUE;				-- no such operator at all: nobody calls it
				END;
				BEGIN
					EXECUTE format('CREATE FUNCTION public.pm_xop_%s(%s, %s) RETURNS %s LANGUAGE plpgsql AS %L',
						n, l, r, public.pm_qtype(res::oid),
						format('BEGIN PERFORM public.pm_hit(%L); RETURN $1 OPERATOR(pg_catalog.%s) $2; END',
							   'operator ' || op || ' (' || l || ', ' || r || ')', op));
					EXECUTE format('CREATE OPERATOR public.%s (LEFTARG = %s, RIGHTARG = %s, FUNCTION = public.pm_xop_%s)',
						op, l, r, n);
					n := n + 1;
				EXCEPTION WHEN OTHERS THEN NULL;
				END;
			END LOOP;
		END LOOP;
	END LOOP;
	RAISE NOTICE 'planted % cross-type operators', n;
END
$plant$;

-- aggregates the extension's queries use
CREATE FUNCTION public.pm_agg_sfunc(s pg_catalog.int8) RETURNS pg_catalog.int8 LANGUAGE plpgsql AS
	$$BEGIN PERFORM public.pm_hit('count(*)'); RETURN s OPERATOR(pg_catalog.+) 1; END$$;
CREATE AGGREGATE public.count(*) (SFUNC = public.pm_agg_sfunc, STYPE = pg_catalog.int8, INITCOND = '0');
CREATE FUNCTION public.pm_agg_text(s pg_catalog.text, v pg_catalog.text, d pg_catalog.text) RETURNS pg_catalog.text LANGUAGE plpgsql AS
	$$BEGIN PERFORM public.pm_hit('string_agg(text, text)'); RETURN s OPERATOR(pg_catalog.||) v; END$$;
CREATE AGGREGATE public.string_agg(pg_catalog.text, pg_catalog.text) (SFUNC = public.pm_agg_text, STYPE = pg_catalog.text);
CREATE FUNCTION public.pm_agg_any(s anyelement, v anyelement) RETURNS anyelement LANGUAGE plpgsql AS
	$$BEGIN PERFORM public.pm_hit('min/max/sum'); RETURN v; END$$;
CREATE AGGREGATE public.min(anyelement) (SFUNC = public.pm_agg_any, STYPE = anyelement);
CREATE AGGREGATE public.max(anyelement) (SFUNC = public.pm_agg_any, STYPE = anyelement);
CREATE AGGREGATE public.sum(pg_catalog.float8) (SFUNC = public.pm_agg_any, STYPE = pg_catalog.float8);
CREATE AGGREGATE public.sum(pg_catalog.numeric) (SFUNC = public.pm_agg_any, STYPE = pg_catalog.numeric);
CREATE AGGREGATE public.max(pg_catalog.timestamptz) (SFUNC = public.pm_agg_any, STYPE = pg_catalog.timestamptz);
CREATE AGGREGATE public.min(pg_catalog.timestamptz) (SFUNC = public.pm_agg_any, STYPE = pg_catalog.timestamptz);
CREATE AGGREGATE public.max(pg_catalog.int8) (SFUNC = public.pm_agg_any, STYPE = pg_catalog.int8);

-- type names that are not SQL keywords resolve through search_path too
DO $plant$
DECLARE
	t text;
BEGIN
	FOREACH t IN ARRAY ARRAY['text', 'timestamptz', 'regclass', 'regtype', 'regproc', 'name', 'oid', 'int8', 'int4',
		'int2', 'float8', 'jsonb', 'json', 'tstzrange', 'bytea', 'xid', 'regnamespace', 'regrole', 'inet', 'date',
		'timestamp', 'time'] LOOP
		EXECUTE format('CREATE DOMAIN public.%I AS pg_catalog.%I CHECK (public.pm_hit(%L))', t, t, 'domain public.' || t);
	END LOOP;
END
$plant$;
RESET ROLE;
