-- Promises the extension makes about itself, checked against the catalogs:
-- every object is documented (psql's \dx+, \df+, \d+ are the user's manual),
-- every SECURITY DEFINER function pins search_path, and every table and
-- sequence that holds user data is kept by pg_dump.
BEGIN;
SELECT plan(4);

SELECT is_empty($$
	SELECT pg_describe_object(d.classid, d.objid, 0)
	  FROM pg_depend d
	  JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'postmortem'
	 WHERE d.deptype = 'e'
	   AND d.classid <> 'pg_catalog.pg_opfamily'::regclass
	   AND NOT (d.classid = 'pg_catalog.pg_type'::regclass
	            AND EXISTS (SELECT 1 FROM pg_type t WHERE t.oid = d.objid AND t.typelem <> 0 AND t.typname LIKE '\_%'))
	   -- a table's or view's row type (an extension member of its own from
	   -- PostgreSQL 17) is documented by the relation's COMMENT
	   AND NOT (d.classid = 'pg_catalog.pg_type'::regclass
	            AND EXISTS (SELECT 1 FROM pg_type t JOIN pg_class c ON c.oid = t.typrelid
	                         WHERE t.oid = d.objid AND c.relkind <> 'c'))
	   AND obj_description(d.objid, d.classid::regclass::name) IS NULL
	 ORDER BY 1
$$, 'every object of the extension has a COMMENT');

SELECT is_empty($$
	SELECT c.oid::regclass::text || '.' || a.attname
	  FROM pg_class c
	  JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'postmortem'
	  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
	 WHERE c.relkind IN ('r', 'v', 'm', 'p')
	   AND col_description(c.oid, a.attnum) IS NULL
	 ORDER BY 1
$$, 'every column of every table and view has a COMMENT');

SELECT is_empty($$
	SELECT p.oid::regprocedure::text
	  FROM pg_proc p
	  JOIN pg_namespace n ON n.oid = p.pronamespace AND n.nspname = 'postmortem'
	 WHERE p.prosecdef
	   AND NOT EXISTS (SELECT 1 FROM unnest(p.proconfig) c WHERE c LIKE 'search\_path=%')
$$, 'every SECURITY DEFINER function pins search_path');

SELECT is_empty($$
	SELECT c.oid::regclass::text
	  FROM pg_class c
	  JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'postmortem'
	  JOIN pg_extension e ON e.extname = 'postmortem'
	 WHERE c.relkind IN ('r', 'S', 'p')
	   AND NOT c.oid = ANY (e.extconfig)
	 ORDER BY 1
$$, 'every table and sequence is marked with pg_extension_config_dump');

SELECT * FROM finish();
ROLLBACK;
