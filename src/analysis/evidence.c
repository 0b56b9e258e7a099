/*-------------------------------------------------------------------------
 *
 * evidence.c
 *	  Evidence at declaration: when an incident that is happening now is
 *	  entered, write the database's own state into its timeline.
 *
 * Four kinds of evidence, each one INSERT ... SELECT into postmortem.timeline
 * (kind and source "evidence"), prepared once per backend and kept:
 *
 *	- sessions waiting on a lock, the lock, and the sessions blocking them
 *	  (pg_locks, pg_blocking_pids());
 *	- statements running, and transactions idle, for longer than
 *	  postmortem.evidence_long_query;
 *	- INVALID indexes (pg_index.indisvalid), e.g. left by a failed
 *	  CREATE INDEX CONCURRENTLY;
 *	- tables whose sequential scans at least doubled, by at least
 *	  postmortem.evidence_seq_scan_growth, since the last recorded schema
 *	  change on them (pg_stat_user_tables now against the counters the
 *	  recorder kept in schema_change.table_seq_scan).
 *
 * The AFTER INSERT trigger on postmortem.incident takes it when
 * postmortem.capture_evidence is on and the incident is live: not resolved
 * or closed, and started (if known) no longer than postmortem.evidence_window
 * ago.  Imported and historical incidents are therefore left alone; importers
 * may also SET LOCAL postmortem.capture_evidence = off.  The trigger runs each
 * kind in a subtransaction, so a failure is a WARNING that costs that kind's
 * entries only, and never fails the INSERT.
 * postmortem.capture_evidence(incident_id) takes it on demand (and raises
 * errors, since it was asked for).
 *
 * Session information is read with the privileges of the user who inserts:
 * other roles' query texts need pg_read_all_stats.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "access/xact.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/rel.h"
#include "utils/resowner.h"
#include "utils/timestamp.h"

#include "postmortem.h"
#include "analysis/analysis.h"

/* GUCs, defined in _PG_init() */
bool		pm_capture_evidence = true;
int			pm_evidence_window = 60;	/* minutes */
int			pm_evidence_long_query = 30000; /* milliseconds */
int			pm_evidence_seq_scan_growth = 20;

#define EVIDENCE_INSERT \
	"INSERT INTO postmortem.timeline (incident_id, at, kind, body, author, source) " \
	"SELECT $1, pg_catalog.now(), 'evidence', e.body, 'postmortem', 'evidence' FROM ("

/*
 * Every name and operator below is schema-qualified: the trigger runs these
 * as whoever declares the incident, under their search_path (the planted
 * `public.|| (double precision, text)` of issue 9).  NULLIF and CASE x WHEN
 * look `=` up by name, so they are spelled out with OPERATOR().
 */

/* a text column, NULL when empty */
#define NONEMPTY(col) \
	"CASE WHEN " col " OPERATOR(pg_catalog.<>) '' THEN " col " END"

/* how long ago, in whole seconds: "42 s" */
#define SECS_SINCE(col) \
	"pg_catalog.round(pg_catalog.date_part('epoch', pg_catalog.clock_timestamp() OPERATOR(pg_catalog.-) " col ")) OPERATOR(pg_catalog.||) ' s'"

/* The kinds of evidence, in the order they are taken. */
typedef enum EvidenceKind
{
	EV_LOCK_WAITS,
	EV_LONG_QUERIES,
	EV_INVALID_INDEXES,
	EV_SEQ_SCAN_JUMPS,
	EV_QUERY_REGRESSIONS		/* regression.c, not a query of this file */
} EvidenceKind;

static const char *const evidence_queries[] = {
	/* sessions waiting on locks, and who blocks them */
	EVIDENCE_INSERT
	"SELECT pg_catalog.format('pid %s (%s%s) has waited %s for %s on %s, blocked by %s: %s',"
	"         w.pid, w.usename, ', ' OPERATOR(pg_catalog.||) " NONEMPTY("w.application_name") ","
	"         " SECS_SINCE("w.query_start") ", COALESCE(l.mode, 'a lock'),"
	"         COALESCE(l.relation::pg_catalog.regclass::pg_catalog.text, l.locktype, w.wait_event),"
	"         (SELECT pg_catalog.string_agg(pg_catalog.format('pid %s (%s, %s for %s: %s)',"
	"                     b.pid, b.usename, b.state,"
	"                     " SECS_SINCE("COALESCE(b.xact_start, b.query_start)") ","
	"                     pg_catalog.left(postmortem.redact_secrets(b.query), 200)), '; ' ORDER BY b.pid)"
	"            FROM pg_catalog.pg_stat_activity b"
	"           WHERE b.pid OPERATOR(pg_catalog.=) ANY (pg_catalog.pg_blocking_pids(w.pid))),"
	"         pg_catalog.left(postmortem.redact_secrets(w.query), 200)) AS body"
	"  FROM pg_catalog.pg_stat_activity w"
	"  LEFT JOIN (SELECT DISTINCT ON (k.pid) k.pid, k.mode, k.locktype, k.relation"
	"               FROM pg_catalog.pg_locks k WHERE NOT k.granted ORDER BY k.pid) l"
	"         ON l.pid OPERATOR(pg_catalog.=) w.pid"
	" WHERE w.datname OPERATOR(pg_catalog.=) pg_catalog.current_database()"
	"   AND w.pid OPERATOR(pg_catalog.<>) pg_catalog.pg_backend_pid()"
	"   AND pg_catalog.cardinality(pg_catalog.pg_blocking_pids(w.pid)) OPERATOR(pg_catalog.>) 0"
	" ORDER BY w.query_start) e",

	/* statements running, and transactions idle, longer than the threshold */
	EVIDENCE_INSERT
	"SELECT pg_catalog.format('pid %s (%s%s) has been %s for %s: %s',"
	"         a.pid, a.usename, ', ' OPERATOR(pg_catalog.||) " NONEMPTY("a.application_name") ","
	"         CASE WHEN a.state OPERATOR(pg_catalog.=) 'active' THEN 'running a statement' ELSE a.state END,"
	"         CASE WHEN a.state OPERATOR(pg_catalog.=) 'active' THEN " SECS_SINCE("a.query_start")
	"              ELSE " SECS_SINCE("a.xact_start") " END,"
	"         pg_catalog.left(postmortem.redact_secrets(a.query), 300)) AS body"
	"  FROM pg_catalog.pg_stat_activity a"
	" WHERE a.datname OPERATOR(pg_catalog.=) pg_catalog.current_database()"
	"   AND a.backend_type OPERATOR(pg_catalog.=) 'client backend'"
	"   AND a.pid OPERATOR(pg_catalog.<>) pg_catalog.pg_backend_pid()"
	"   AND pg_catalog.cardinality(pg_catalog.pg_blocking_pids(a.pid)) OPERATOR(pg_catalog.=) 0"
	"   AND CASE"
	"       WHEN a.state OPERATOR(pg_catalog.=) 'active' THEN pg_catalog.date_part('epoch', pg_catalog.clock_timestamp() OPERATOR(pg_catalog.-) a.query_start)"
	"       WHEN a.state OPERATOR(pg_catalog.=) 'idle in transaction' THEN pg_catalog.date_part('epoch', pg_catalog.clock_timestamp() OPERATOR(pg_catalog.-) a.xact_start)"
	"       WHEN a.state OPERATOR(pg_catalog.=) 'idle in transaction (aborted)' THEN pg_catalog.date_part('epoch', pg_catalog.clock_timestamp() OPERATOR(pg_catalog.-) a.xact_start)"
	"       END OPERATOR(pg_catalog.>=) $2"
	" ORDER BY a.query_start) e",

	/* INVALID indexes */
	EVIDENCE_INSERT
	"SELECT pg_catalog.format('index %s on %s is INVALID: queries cannot use it but writes still maintain it%s; %s',"
	"         pg_catalog.format('%I.%I', n.nspname, ic.relname),"
	"         pg_catalog.format('%I.%I', n.nspname, tc.relname),"
	"         CASE WHEN p.pid IS NOT NULL THEN pg_catalog.format(' (pid %s is building it now)', p.pid)"
	"              ELSE ' (left by a failed CREATE INDEX CONCURRENTLY or REINDEX CONCURRENTLY; drop it with DROP INDEX CONCURRENTLY and build it again)' END,"
	"         pg_catalog.pg_get_indexdef(x.indexrelid)) AS body"
	"  FROM pg_catalog.pg_index x"
	"  JOIN pg_catalog.pg_class ic ON ic.oid OPERATOR(pg_catalog.=) x.indexrelid"
	"  JOIN pg_catalog.pg_class tc ON tc.oid OPERATOR(pg_catalog.=) x.indrelid"
	"  JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) ic.relnamespace"
	"  LEFT JOIN pg_catalog.pg_stat_progress_create_index p"
	"         ON p.index_relid OPERATOR(pg_catalog.=) x.indexrelid"
	" WHERE NOT x.indisvalid"
	" ORDER BY x.indexrelid) e",

	/* sequential scans that jumped since the last schema change on a table */
	EVIDENCE_INSERT
	"SELECT pg_catalog.format('sequential scans of %s rose from %s to %s since %s %s at %s (schema change %s); index scans since then: %s; the table has %s rows',"
	"         pg_catalog.format('%I.%I', t.schemaname, t.relname), s.table_seq_scan, t.seq_scan,"
	"         s.command_tag, COALESCE(s.object_identity, '?'),"
	"         pg_catalog.to_char(s.at, 'YYYY-MM-DD HH24:MI:SS TZ'), s.id,"
	"         COALESCE(GREATEST(t.idx_scan OPERATOR(pg_catalog.-) s.table_idx_scan, 0)::pg_catalog.text, 'unknown'),"
	"         CASE WHEN c.reltuples OPERATOR(pg_catalog.>=) 0 THEN c.reltuples::bigint ELSE t.n_live_tup END) AS body"
	"  FROM pg_catalog.pg_stat_user_tables t"
	"  JOIN pg_catalog.pg_class c ON c.oid OPERATOR(pg_catalog.=) t.relid"
	"  CROSS JOIN LATERAL (SELECT s.id, s.at, s.command_tag, s.object_identity,"
	"                             s.table_seq_scan, s.table_idx_scan"
	"                        FROM postmortem.schema_change s"
	"                       WHERE s.table_oid OPERATOR(pg_catalog.=) t.relid"
	/* a row from before a restore, or another origin's, has another table's OID */
	"                         AND s.table_name OPERATOR(pg_catalog.=) pg_catalog.format('%I.%I', t.schemaname, t.relname)"
	"                         AND s.database_name OPERATOR(pg_catalog.=) pg_catalog.current_database()"
	"                         AND s.table_seq_scan IS NOT NULL"
	"                       ORDER BY s.at DESC LIMIT 1) s"
	" WHERE t.schemaname OPERATOR(pg_catalog.<>) 'postmortem'"
	"   AND CASE WHEN c.reltuples OPERATOR(pg_catalog.>=) 0 THEN c.reltuples::bigint ELSE t.n_live_tup END"
	"       OPERATOR(pg_catalog.>=) 1000"
	"   AND t.seq_scan OPERATOR(pg_catalog.-) s.table_seq_scan OPERATOR(pg_catalog.>=) GREATEST($2::bigint, s.table_seq_scan)"
	" ORDER BY t.seq_scan OPERATOR(pg_catalog.-) s.table_seq_scan DESC) e",
};

#define N_EVIDENCE ((int) lengthof(evidence_names))

static SPIPlanPtr evidence_plans[lengthof(evidence_queries)];

static const char *const evidence_names[] = {
	"lock waits", "long-running statements", "INVALID indexes", "sequential scan jumps",
	"query regressions"
};

StaticAssertDecl(lengthof(evidence_names) == lengthof(evidence_queries) + 1 &&
				 lengthof(evidence_queries) == EV_SEQ_SCAN_JUMPS + 1,
				 "one name per evidence query, one query per kind");

/*
 * Write one kind of evidence for an incident; returns the number of entries.
 * The caller is connected to SPI.
 */
static int64
capture_kind(int64 incident_id, EvidenceKind kind)
{
	Datum		args[2];
	int			ret;

	if (kind == EV_QUERY_REGRESSIONS)
		return pm_regression_evidence(incident_id);
	if (evidence_plans[kind] == NULL)
	{
		/* $2: the long-query threshold in seconds, or the seq scan growth */
		Oid			argtypes[2] = {INT8OID, kind == EV_LONG_QUERIES ? FLOAT8OID : INT8OID};
		int			nargs = (kind == EV_LONG_QUERIES || kind == EV_SEQ_SCAN_JUMPS) ? 2 : 1;

		evidence_plans[kind] = pm_prepare_kept(evidence_names[kind],
											   evidence_queries[kind],
											   nargs, argtypes);
	}
	args[0] = Int64GetDatum(incident_id);
	if (kind == EV_LONG_QUERIES)
		args[1] = Float8GetDatum(pm_evidence_long_query / 1000.0);
	else
		args[1] = Int64GetDatum((int64) pm_evidence_seq_scan_growth);
	ret = SPI_execute_plan(evidence_plans[kind], args, NULL, false, 0);
	if (ret != SPI_OK_INSERT)
		elog(ERROR, "the %s evidence query failed: %s", evidence_names[kind],
			 SPI_result_code_string(ret));
	return (int64) SPI_processed;
}

/*
 * postmortem.capture_evidence(incident_id): take the evidence now; returns
 * the number of timeline entries written.
 */
PG_FUNCTION_INFO_V1(postmortem_capture_evidence);
Datum
postmortem_capture_evidence(PG_FUNCTION_ARGS)
{
	int64		incident_id = PG_GETARG_INT64(0);
	Datum		arg = Int64GetDatum(incident_id);
	Oid			argtype = INT8OID;
	int64		written;
	int			ret;

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	ret = SPI_execute_with_args("SELECT FROM postmortem.incident WHERE id OPERATOR(pg_catalog.=) $1",
								1, &argtype, &arg, NULL, true, 1);
	if (ret != SPI_OK_SELECT)
		elog(ERROR, "incident lookup failed: %s", SPI_result_code_string(ret));
	if (SPI_processed == 0)
		ereport(ERROR,
				(errcode(ERRCODE_NO_DATA_FOUND),
				 errmsg("incident " INT64_FORMAT " does not exist", incident_id)));
	written = 0;
	for (int kind = 0; kind < N_EVIDENCE; kind++)
		written += capture_kind(incident_id, kind);
	SPI_finish();
	PG_RETURN_INT32((int32) written);
}

/* One kind of evidence of an incident, for pm_in_subtransaction(). */
typedef struct EvidenceStep
{
	int64		incident_id;
	EvidenceKind kind;
} EvidenceStep;

static void
capture_step(void *arg)
{
	EvidenceStep *step = (EvidenceStep *) arg;

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	(void) capture_kind(step->incident_id, step->kind);
	SPI_finish();
}

/* the value of a column of the new row, by name */
static Datum
new_value(TriggerData *trigdata, const char *name, bool *isnull)
{
	return heap_getattr(trigdata->tg_trigtuple,
						pm_column_attnum(trigdata->tg_relation, name),
						RelationGetDescr(trigdata->tg_relation), isnull);
}

/*
 * AFTER INSERT trigger on postmortem.incident: capture the evidence of a
 * live incident.  Errors become a WARNING; the INSERT goes on.
 */
PG_FUNCTION_INFO_V1(postmortem_incident_evidence);
Datum
postmortem_incident_evidence(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = pm_trigger_data(fcinfo, "incident_evidence",
											false, PM_ON_INSERT);
	int64		incident_id;
	bool		isnull;
	Datum		d;

	if (!pm_capture_evidence)
		return PointerGetDatum(NULL);

	/* a resolved or closed incident is being written down, not declared */
	(void) new_value(trigdata, "resolved_at", &isnull);
	if (!isnull)
		return PointerGetDatum(NULL);
	(void) new_value(trigdata, "closed_at", &isnull);
	if (!isnull)
		return PointerGetDatum(NULL);
	/* so is one that started long ago */
	d = new_value(trigdata, "started_at", &isnull);
	if (!isnull &&
		DatumGetTimestampTz(d) < GetCurrentTransactionStartTimestamp() -
		(TimestampTz) pm_evidence_window * USECS_PER_MINUTE)
		return PointerGetDatum(NULL);

	incident_id = DatumGetInt64(new_value(trigdata, "id", &isnull));

	/*
	 * Each kind in a subtransaction of its own: one that fails (say, a role
	 * that may not read postmortem.schema_change) costs only its own entries.
	 */
	for (int kind = 0; kind < N_EVIDENCE; kind++)
	{
		EvidenceStep step = {incident_id, kind};
		ErrorData  *edata;

		if (!pm_in_subtransaction(capture_step, &step, &edata))
		{
			/* a cancel or a deadlock is the INSERT's, not the evidence's */
			if (pm_error_belongs_to_statement(edata->sqlerrcode))
				ReThrowError(edata);
			/* a function missing: a library newer than the extension's objects */
			ereport(WARNING,
					(errcode(edata->sqlerrcode),
					 errmsg("could not capture evidence of %s: %s",
							evidence_names[kind], edata->message),
					 errdetail("Incident " INT64_FORMAT " was recorded without these evidence entries.",
							   incident_id),
					 edata->sqlerrcode == ERRCODE_UNDEFINED_FUNCTION ?
					 errhint("The postmortem library is newer than the extension's objects: run ALTER EXTENSION postmortem UPDATE, then postmortem.capture_evidence(" INT64_FORMAT ").",
							 incident_id) :
					 errhint("Run postmortem.capture_evidence(" INT64_FORMAT ") to try again.",
							 incident_id)));
			FreeErrorData(edata);
		}
	}

	return PointerGetDatum(NULL);
}
