/*-------------------------------------------------------------------------
 *
 * recorder.h
 *	  Declarations shared by the schema-change recorder's C files:
 *	  capture.c (event triggers), hook.c (ProcessUtility hook), pending.c
 *	  (the rows of a transaction, the guards), write.c (the write at
 *	  commit), facts.c (statement text, lock modes, definitions), revert.c,
 *	  migration.c and chain.c (hash chain).
 *
 *	  Calls go one way: capture -> hook -> facts; capture and hook ->
 *	  facts, revert, pending; pending -> write -> migration, chain;
 *	  revert -> facts.  Nothing calls back up.
 *
 *-------------------------------------------------------------------------
 */
#ifndef POSTMORTEM_RECORDER_H
#define POSTMORTEM_RECORDER_H

#include "catalog/objectaddress.h"
#include "common/cryptohash.h"
#include "nodes/parsenodes.h"
#include "storage/lockdefs.h"
#include "utils/builtins.h"
#include "utils/timestamp.h"

/* Columns of postmortem.schema_change, in hash order. */
typedef enum ScColumn
{
	SC_ID,
	SC_AT,
	SC_FINISHED_AT,
	SC_DURATION,
	SC_XID,
	SC_COMMAND_TAG,
	SC_OBJECT_TYPE,
	SC_OBJECT_IDENTITY,
	SC_SCHEMA_NAME,
	SC_TABLE_NAME,
	SC_TABLE_OID,
	SC_STATEMENT,
	SC_ROLE_NAME,
	SC_APPLICATION_NAME,
	SC_CLIENT_ADDR,
	SC_BACKEND_PID,
	SC_DATABASE_NAME,
	SC_MIGRATION,
	SC_LOCK_MODE,
	SC_BLOCKS_WRITES,
	SC_BLOCKS_READS,
	SC_REWROTE_TABLE,
	SC_REWRITE_REASON,
	SC_DEFINITION_BEFORE,
	SC_DEFINITION_AFTER,
	SC_REVERT_STATEMENT,
	SC_INDEX_INVALID,
	SC_FAILED,
	SC_TABLE_ROWS,
	SC_TABLE_SEQ_SCAN,
	SC_TABLE_IDX_SCAN,
	SC_ORIGIN,
	SC_PREV_HASH,
	SC_ROW_HASH,
	SC_SESSION_ROLE,			/* 0.2.0 */
	/*
	 * Columns added after 0.1.0 go here, at the end (and in sc_column_names,
	 * sc_column_types, schema_change and schema_change_pending): the hash
	 * takes them only when they are not NULL (chain.c), so that rows recorded
	 * before keep their hashes.
	 */
	SC_NCOLUMNS
} ScColumn;

/* the columns of 0.1.0, which every row's hash covers */
#define SC_NCOLUMNS_0_1_0 (SC_ROW_HASH + 1)

extern const char *const sc_column_names[SC_NCOLUMNS];
extern const Oid sc_column_types[SC_NCOLUMNS];

/* One row waiting for commit. */
typedef struct RecordedRow
{
	int			nestLevel;		/* subtransaction that recorded it */
	CommandId	cid;			/* command counter when recorded */
	bool		gap;			/* stands for a failed write: no migration */
	Datum		values[SC_NCOLUMNS];
	bool		nulls[SC_NCOLUMNS];
} RecordedRow;

/* Set a column of a row to a non-NULL value. */
static inline void
set_datum(RecordedRow *row, ScColumn col, Datum d)
{
	row->nulls[col] = false;
	row->values[col] = d;
}

/* Set a text column of a row; NULL for a NULL string. */
static inline void
set_text(RecordedRow *row, ScColumn col, const char *s)
{
	row->nulls[col] = (s == NULL);
	row->values[col] = s ? CStringGetTextDatum(s) : (Datum) 0;
}

/* A definition read before a command changed or dropped the object. */
typedef struct SavedObject
{
	Oid			classid;
	Oid			objid;
	Oid			tableOid;		/* table the object belongs to */
	char	   *tableName;		/* qualified, quoted */
	char	   *definition;		/* pg_get_indexdef, columns, view query */
	char		relkind;
} SavedObject;

/* What ddl_command_start learned about a command, kept until its end. */
typedef struct RecorderCommand
{
	int			nestLevel;		/* transaction nest level at start */
	bool		protect;		/* about the recorder itself: never skipped */
	bool		missingOk;		/* IF EXISTS: may change nothing */
	bool		broken;			/* a step failed: record only the gap */
	char	   *error;			/* that failure (SQLSTATE: message) */
	TimestampTz startedAt;
	NodeTag		stmtTag;
	const char *tag;			/* command tag of the statement */
	char	   *statement;
	LOCKMODE	lockmode;		/* NoLock when the command locks no table */
	Oid			relid;			/* the table the statement names, if any */
	char	   *tableBefore;	/* its columns before the command */
	List	   *saved;			/* SavedObject, read at start */
	List	   *dropped;		/* DroppedObject, from sql_drop */
	List	   *rewrites;		/* RewrittenTable, from table_rewrite */
	char	   *revert;			/* revert computed at start (ALTER, RENAME, COMMENT) */
	bool		revertKnown;	/* revert (possibly NULL: irreversible) decided at start */
	List	   *constraintsBefore;	/* constraint names, for ADD CONSTRAINT */
	bool		concurrent;		/* CREATE/DROP INDEX CONCURRENTLY */
	char	   *indexName;		/* CREATE INDEX: the name given, if any */
	char	   *commentKeyword; /* COMMENT ON: the object keyword */
	char	   *commentBefore;	/* COMMENT ON: the comment it replaces */
	bool		hadComment;
	ObjectAddress commentObject;	/* COMMENT ON: the object, found at start */
	int			viewNattsBefore;	/* CREATE OR REPLACE VIEW: columns before */
	Oid			statsRelid;		/* table whose counters are below */
	int64		statsRows;
	int64		statsSeqScan;
	int64		statsIdxScan;
	List	   *otherLocks;		/* LockedTable: other tables it locks */
	uint64		invalCounter;	/* SharedInvalidMessageCounter at start */
	bool		knownObject;	/* its one object is relid (capture.c) */
	char	   *renamedColumn;	/* RENAME COLUMN: the new name */
} RecorderCommand;

/* A table a command locks besides the one it names (facts.c). */
typedef struct LockedTable
{
	Oid			relid;
	LOCKMODE	lockmode;
} LockedTable;

typedef struct DroppedObject
{
	Oid			classid;
	Oid			objid;
	int32		objsubid;
	bool		original;
	char	   *objectType;
	char	   *schemaName;
	char	   *identity;
} DroppedObject;

typedef struct RewrittenTable
{
	Oid			relid;
	int			reason;
} RewrittenTable;

/* GUCs (postmortem.c) */
typedef enum
{
	PM_AUDIT_ERRORS_WARNING,
	PM_AUDIT_ERRORS_ERROR
} PmAuditErrors;
extern int	pm_audit_errors;
extern char *pm_migration;

/* capture.c */
extern void pm_recorder_init(void);

/* pending.c */
extern void pm_pending_init(void);
extern MemoryContext pm_row_context(void);
extern bool pm_recorder_skip(bool protect);
extern bool pm_guarded_light(void (*fn) (void *), void *arg, const char *statement,
							 char **error);
extern void pm_record_gap(const char *tag, const char *statement,
						  TimestampTz startedAt, const char *error);

/* object_type of the row that stands for a command the recorder failed on */
#define PM_GAP_OBJECT_TYPE "recorder error"
/* how much of each statement a WARNING about a failed write quotes */
#define PM_WARNING_STATEMENT_LEN 300
extern RecordedRow *pm_new_row(RecorderCommand *cmd, TimestampTz finished,
							   const char *tag);
extern void pm_add_rows(List *rows, bool first);
extern void pm_record_utility(const char *tag, const char *objectType,
							  const char *identity, const char *statement,
							  TimestampTz startedAt, LOCKMODE lockmode);

/* write.c: a transaction's rows, at commit (arg: a PendingWrite) */
typedef struct PendingWrite
{
	List	   *rows;			/* RecordedRow */
	MemoryContext cxt;			/* where to work; reset after the write */
	bool		prepare;		/* PREPARE TRANSACTION, not a commit */
} PendingWrite;
extern void pm_write_rows(void *arg);
extern bool pm_record_temp_objects;
extern bool pm_row_is_temporary(RecordedRow *row);
extern List *pm_drop_temporary_rows(List *rows);
extern bool pm_statement_is_temporary(Node *parsetree);

/* migration.c */
extern void pm_assign_migrations(List *rows);
extern void pm_record_migrations(List *rows);
extern bool pm_migration_pending(void);
extern char *pm_migration_id(const char *id);

/* at most this many bytes of a migration id are stored (then a marker) */
#define PM_MAX_MIGRATION_BYTES 1000
#define PM_MIGRATION_CLIPPED "...(clipped)"

/* hook.c */
extern void pm_recorder_hook_init(void);
extern bool pm_hook_installed;
extern const char *pm_hook_statement(void);

/* facts.c */
extern char *pm_statement_at(const char *query, int location, int len);
extern char *pm_statement_text(Node *parsetree, const char *hookStatement);
extern char *pm_redact_secrets(Node *parsetree, char *statement);
extern LOCKMODE pm_command_lockmode(Node *parsetree, Oid *relid);
extern const char *pm_lockmode_name(LOCKMODE mode);
extern char *pm_table_definition(Oid relid, bool withDefaults);
extern char *pm_column_default(Oid relid, AttrNumber attnum);
extern void pm_facts_reset(void);
extern void pm_lookups_reset(void);
extern Oid	pm_rangevar_oid(RangeVar *rv);
extern bool pm_touches_recorder(Node *parsetree, Oid relid);
extern bool pm_missing_ok(Node *parsetree);
extern List *pm_other_locked_tables(Node *parsetree);
extern char *pm_index_definition(Oid indexid, bool *valid);
extern char *pm_relation_name(Oid relid);
extern Oid	pm_index_table(Oid indexid);
extern int	pm_relnatts(Oid relid);
extern List *pm_table_indexes(Oid relid);
extern void pm_capture_before(Node *parsetree, RecorderCommand *cmd);
extern char *pm_rewrite_reason(int reason);

/* indexdef.c */
extern char *pm_indexdef(Oid indexid);

/* revert.c */
extern void pm_revert_at_start(Node *parsetree, RecorderCommand *cmd);
extern char *pm_revert_created(const char *objectType, const char *identity);
extern char *pm_revert_dropped(RecorderCommand *cmd, DroppedObject *obj,
							   SavedObject *saved);

/* chain.c */
extern void pm_row_hash(Datum *values, bool *nulls, uint8 *out);

#endif							/* POSTMORTEM_RECORDER_H */
