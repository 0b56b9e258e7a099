--
-- severity: SEV1 (worst) to SEV5, read from the spellings people use
--
SET search_path = public, postmortem;
SELECT 'SEV1'::postmortem.severity, 'sev-2'::postmortem.severity, 'Sev 2'::postmortem.severity,
       'p2'::postmortem.severity, 'S3'::postmortem.severity, ' severity 4 '::postmortem.severity,
       'sev_5'::postmortem.severity;
SELECT w, w::postmortem.severity
  FROM unnest(ARRAY['critical', 'Major', 'high', 'moderate', 'MEDIUM', 'minor', 'low', 'info', 'trivial']) AS w;

-- invalid input
SELECT 'SEV6'::postmortem.severity;
SELECT 'sev0'::postmortem.severity;
SELECT ''::postmortem.severity;
SELECT 'catastrophic'::postmortem.severity;
SELECT 'sev 2 3'::postmortem.severity;
SELECT postmortem.severity(9);

-- operators: SEV1 sorts first.  They live in postmortem (nothing of the
-- extension is in pg_catalog): without postmortem on the search_path, name
-- the operator's schema or compare levels; ORDER BY needs neither
SET search_path = public;
SELECT 'SEV1'::postmortem.severity < 'SEV3' AS sev1_first;
SELECT 'SEV1'::postmortem.severity OPERATOR(postmortem.<) 'SEV3' AS sev1_first,
       'SEV1'::postmortem.severity::integer < 3 AS by_level;
SELECT s FROM unnest('{SEV3,SEV1,SEV2}'::postmortem.severity[]) s ORDER BY s;
-- the operators and the btree support, equalimage included (deduplication)
SELECT o.oprname, o.oprnamespace::regnamespace FROM pg_operator o
 WHERE o.oprleft = 'postmortem.severity'::regtype ORDER BY o.oprname COLLATE "C";
SELECT amprocnum, amproc::regproc FROM pg_amproc
 WHERE amprocfamily = (SELECT oid FROM pg_opfamily WHERE opfname = 'severity_ops') ORDER BY 1;
SET search_path = public, postmortem;
SELECT 'SEV1'::postmortem.severity < 'SEV3' AS lt, 'SEV3'::postmortem.severity > 'p1' AS gt,
       'major'::postmortem.severity = 'SEV2' AS eq, 'SEV2'::postmortem.severity <> 'SEV2' AS ne,
       'SEV2'::postmortem.severity <= 'sev2' AS le, 'SEV5'::postmortem.severity >= 'SEV4' AS ge;
SELECT s FROM unnest('{SEV3,SEV1,SEV5,SEV2,SEV4}'::postmortem.severity[]) s ORDER BY s;
SELECT 'SEV2'::postmortem.severity::int AS level, 4::postmortem.severity AS from_level;

-- binary I/O round trip
SELECT postmortem.severity_send('SEV4');

-- indexable: btree and hash
CREATE TABLE sev_idx (s postmortem.severity);
INSERT INTO sev_idx SELECT ((g % 5) + 1)::postmortem.severity FROM generate_series(1, 5000) g;
CREATE INDEX sev_idx_btree ON sev_idx (s);
CREATE INDEX sev_idx_hash ON sev_idx USING hash (s);
ANALYZE sev_idx;
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM sev_idx WHERE s < 'SEV2';
SELECT count(*) FROM sev_idx WHERE s < 'SEV2';
SET enable_bitmapscan = off;
DROP INDEX sev_idx_btree;
EXPLAIN (COSTS OFF) SELECT count(*) FROM sev_idx WHERE s = 'major';
SELECT count(*) FROM sev_idx WHERE s = 'major';
RESET enable_seqscan;
RESET enable_bitmapscan;
SELECT s, count(*) FROM sev_idx GROUP BY s ORDER BY s;
DROP TABLE sev_idx;
