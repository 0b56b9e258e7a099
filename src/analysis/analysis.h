/*-------------------------------------------------------------------------
 *
 * analysis.h
 *	  What the files of src/analysis share: a suspect as suspects() builds
 *	  it (suspects.c scores schema changes, events.c change events that are
 *	  not DDL, regression.c adds what pg_stat_statements saw).
 *
 *-------------------------------------------------------------------------
 */
#ifndef POSTMORTEM_ANALYSIS_H
#define POSTMORTEM_ANALYSIS_H

#include "access/skey.h"
#include "executor/spi.h"
#include "lib/stringinfo.h"
#include "storage/lock.h"
#include "utils/timestamp.h"

/*
 * Output columns of postmortem.suspects(), in order: schema_change_id,
 * score, reason, at, command_tag, object_identity, table_name, statement,
 * revert_statement, migration, role_name, lock_mode, origin, kind,
 * change_event_id.
 */
#define SUSPECTS_NATTS 15
#define SUSPECT_COL_SCORE 1
#define SUSPECT_COL_REASON 2
#define SUSPECT_COL_TABLE 6
#define SUSPECT_COL_ORIGIN 12
#define SUSPECT_COL_KIND 13
#define SUSPECT_COL_EVENT_ID 14

typedef struct Suspect
{
	int64		id;				/* schema_change or change_event id */
	bool		isEvent;		/* a change event, not a schema change */
	double		score;
	TimestampTz at;
	char	   *reason;
	char	   *table;			/* the table a schema change is on, or NULL */
	Datum		values[SUSPECTS_NATTS];
	bool		nulls[SUSPECTS_NATTS];
} Suspect;

/* suspects.c */
extern void append_age(StringInfo buf, double secs);
extern void append_before_impact(StringInfo buf, double secs);
extern bool pm_open_time_window(Oid relid, Oid idxid, const char *const *columns,
								int ncols, int atcol, TimestampTz lo, TimestampTz hi,
								Relation *relp, Relation *idxp, int *attnum,
								ScanKeyData *keys);
/* events.c: the change events in the window, then scored; SPI connected */
typedef struct EventRows EventRows;
extern EventRows *pm_event_rows(TimestampTz start, Interval *lookback,
								TimestampTz until);
extern uint64 pm_event_count(const EventRows *rows);
extern void pm_event_suspects(Suspect *out, const EventRows *rows,
							  TimestampTz start, const char *document,
							  Datum origin, StringInfo buf);

/*
 * regression.c: raise the suspects that the statements which got slower
 * (per pg_stat_statements snapshots) point at, and say so in their reasons
 */
extern void pm_regression_suspects(Suspect *suspects, uint64 n, TimestampTz start);

extern int64 pm_regression_evidence(int64 incident_id);

/* snapshot.c: a pg_stat_statements snapshot written without SQL */
extern int64 pm_write_statement_snapshot(Oid relid, const char *schema, Oid owner,
										 TimestampTz at, int size, TimestampTz trim,
										 const VirtualTransactionId *change);

/* snapshot_worker.c: the same, by a background worker the caller waits for */
extern bool pm_snapshot_by_worker(Oid relid, Oid owner, const char *schema,
								  TimestampTz at, int size, bool *waited);
extern bool pm_regression_status(const char **detail);

#endif							/* POSTMORTEM_ANALYSIS_H */
