-- Everything the extension owns, one line per fact, in a stable order: a
-- fresh install and an upgraded database must print the same lines.
WITH member AS (
	SELECT d.classid, d.objid
	  FROM pg_catalog.pg_depend d
	  JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid AND e.extname = 'postmortem'
	 WHERE d.deptype = 'e' AND d.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass
)
SELECT line FROM (
	-- every member, with its comment
	SELECT pg_catalog.pg_describe_object(classid, objid, 0) || ' -- '
	       || coalesce(pg_catalog.obj_description(objid, (SELECT relname FROM pg_catalog.pg_class WHERE oid = classid)), '<no comment>') AS line
	  FROM member
	UNION ALL
	-- functions: the whole definition, owner-rights and settings included
	SELECT 'function ' || p.oid::pg_catalog.regprocedure || ': ' || pg_catalog.pg_get_functiondef(p.oid)
	       || ' acl=' || coalesce(p.proacl::text, '')
	  FROM member m JOIN pg_catalog.pg_proc p ON p.oid = m.objid
	 WHERE m.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND p.prokind IN ('f', 'p', 'w')
	UNION ALL
	SELECT 'aggregate ' || p.oid::pg_catalog.regprocedure || ': ' || a.aggtransfn || ' ' || a.aggfinalfn
	       || ' ' || a.aggcombinefn || ' ' || a.aggserialfn || ' ' || a.aggdeserialfn || ' ' || p.proparallel::text
	  FROM member m JOIN pg_catalog.pg_proc p ON p.oid = m.objid JOIN pg_catalog.pg_aggregate a ON a.aggfnoid = p.oid
	UNION ALL
	-- relations: kind, options, RLS, ACL, columns, constraints, indexes,
	-- triggers, policies, view text
	SELECT 'relation ' || c.oid::pg_catalog.regclass || ' kind=' || c.relkind::text || ' rls=' || c.relrowsecurity
	       || '/' || c.relforcerowsecurity || ' options=' || coalesce(c.reloptions::text, '')
	       || ' acl=' || coalesce(c.relacl::text, '')
	  FROM member m JOIN pg_catalog.pg_class c ON c.oid = m.objid
	 WHERE m.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
	UNION ALL
	-- (with its position among the live columns: SELECT *, COPY and the row
	-- type list them in that order, which must not depend on the install path)
	SELECT 'column ' || c.oid::pg_catalog.regclass || '.' || a.attname
	       || ' #' || pg_catalog.row_number() OVER (PARTITION BY c.oid ORDER BY a.attnum)
	       || ' ' || pg_catalog.format_type(a.atttypid, a.atttypmod)
	       || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
	       || coalesce(' default ' || pg_catalog.pg_get_expr(ad.adbin, ad.adrelid), '')
	       || CASE WHEN a.attidentity <> '' THEN ' identity ' || a.attidentity::text ELSE '' END
	       || CASE WHEN a.attgenerated <> '' THEN ' generated' ELSE '' END
	       || ' -- ' || coalesce(pg_catalog.col_description(c.oid, a.attnum), '<no comment>')
	  FROM member m JOIN pg_catalog.pg_class c ON c.oid = m.objid
	  JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
	  LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = c.oid AND ad.adnum = a.attnum
	 WHERE m.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
	UNION ALL
	SELECT 'constraint ' || co.conrelid::pg_catalog.regclass || ' ' || co.conname || ' ' || pg_catalog.pg_get_constraintdef(co.oid)
	  FROM member m JOIN pg_catalog.pg_constraint co ON co.conrelid = m.objid
	 WHERE m.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
	UNION ALL
	SELECT 'constraint on type ' || co.contypid::pg_catalog.regtype || ' ' || co.conname || ' ' || pg_catalog.pg_get_constraintdef(co.oid)
	  FROM member m JOIN pg_catalog.pg_constraint co ON co.contypid = m.objid
	 WHERE m.classid = 'pg_catalog.pg_type'::pg_catalog.regclass
	UNION ALL
	SELECT 'index ' || pg_catalog.pg_get_indexdef(i.indexrelid)
	  FROM member m JOIN pg_catalog.pg_index i ON i.indrelid = m.objid
	 WHERE m.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
	UNION ALL
	SELECT 'trigger ' || pg_catalog.pg_get_triggerdef(t.oid) || ' enabled=' || t.tgenabled::text
	  FROM member m JOIN pg_catalog.pg_trigger t ON t.tgrelid = m.objid AND NOT t.tgisinternal
	 WHERE m.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
	UNION ALL
	SELECT 'policy ' || po.polrelid::pg_catalog.regclass || ' ' || po.polname || ' ' || po.polcmd::text || ' '
	       || po.polpermissive || ' ' || coalesce(pg_catalog.pg_get_expr(po.polqual, po.polrelid), '')
	       || ' / ' || coalesce(pg_catalog.pg_get_expr(po.polwithcheck, po.polrelid), '')
	  FROM member m JOIN pg_catalog.pg_policy po ON po.polrelid = m.objid
	 WHERE m.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
	UNION ALL
	SELECT 'view ' || c.oid::pg_catalog.regclass || ': ' || pg_catalog.pg_get_viewdef(c.oid)
	  FROM member m JOIN pg_catalog.pg_class c ON c.oid = m.objid
	 WHERE m.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND c.relkind IN ('v', 'm')
	UNION ALL
	SELECT 'event trigger ' || evtname || ' ' || evtevent || ' ' || evtfoid::pg_catalog.regproc || ' enabled=' || evtenabled::text
	       || ' tags=' || coalesce(evttags::text, '')
	  FROM member m JOIN pg_catalog.pg_event_trigger ev ON ev.oid = m.objid
	 WHERE m.classid = 'pg_catalog.pg_event_trigger'::pg_catalog.regclass
	UNION ALL
	SELECT 'enum ' || t.oid::pg_catalog.regtype || ' ' || pg_catalog.string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)
	  FROM member m JOIN pg_catalog.pg_type t ON t.oid = m.objid JOIN pg_catalog.pg_enum e ON e.enumtypid = t.oid
	 WHERE m.classid = 'pg_catalog.pg_type'::pg_catalog.regclass
	 GROUP BY t.oid
	UNION ALL
	-- which tables pg_dump keeps (and with which filter)
	SELECT 'config ' || cfg::pg_catalog.regclass || ' ' || coalesce(cond, '')
	  FROM pg_catalog.pg_extension e,
	       LATERAL ROWS FROM (pg_catalog.unnest(e.extconfig), pg_catalog.unnest(e.extcondition)) AS u(cfg, cond)
	 WHERE e.extname = 'postmortem'
) facts
ORDER BY line COLLATE "C";
