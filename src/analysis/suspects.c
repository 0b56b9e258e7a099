/*-------------------------------------------------------------------------
 *
 * culprit.c
 *	  postmortem.suspects(): rank the schema changes recorded before an
 *	  incident began, the way an experienced DBA would.
 *
 * The candidates are the rows of postmortem.schema_change in the lookback
 * window before the incident's start (an index range scan on "at"); each is
 * scored in C and given a one-sentence reason.  The score adds up:
 *
 *	- closeness: how recently before the start it landed (half-life 6 h);
 *	- a dropped index or table, or an index whose definition changed: the
 *	  plans that used it change for good, so this decays slowly, weighted by
 *	  how big (rows) or busy (scans when the change was made) the table is;
 *	- a lock that blocks reads or writes, and a table rewrite: these hurt
 *	  only while they are held, so they count when the command ended close to
 *	  the start (half-life 10 min), in proportion to how long the lock was
 *	  held and how big the table is;
 *	- an INVALID index left by a failed concurrent build, and a failed
 *	  command;
 *	- the table being named in the incident's title, summary, impact, root
 *	  cause or human timeline entries.
 *
 * Only the changes of the databases the incident affects are candidates
 * (incident.origins; none named: this database).  At a fleet's centre the
 * other databases' rows sit beside this one's (docs/fleet.md); their reason
 * names their database, and the centre's catalogs are not asked about their
 * tables.
 *
 * Changes after the start are not suspects, except when the incident was
 * entered within a minute of its start: then the changes made between the
 * start and the entry are, since such a start is an estimate made on the
 * spot ("it began about ten seconds ago").
 *
 * cite() and incident_timeline() are plain SQL in culprit.sql.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <ctype.h>
#include <math.h>

#include "access/genam.h"
#include "access/htup_details.h"
#include "access/table.h"
#include "access/xlog.h"
#include "catalog/namespace.h"
#include "catalog/pg_am.h"
#include "catalog/pg_class.h"
#include "catalog/pg_collation.h"
#include "catalog/pg_index.h"
#include "catalog/pg_type.h"
#include "commands/dbcommands.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "nodes/makefuncs.h"
#include "utils/acl.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/fmgroids.h"
#include "utils/datetime.h"
#include "utils/formatting.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"
#include "utils/rls.h"
#include "utils/snapmgr.h"
#include "utils/syscache.h"
#include "utils/timestamp.h"
#include "utils/tuplestore.h"
#include "utils/varlena.h"

#include "postmortem.h"
#include "analysis/analysis.h"

/* Weights of the score; see the file header. */
#define W_CLOSENESS			1.0
#define W_DROPPED			3.0		/* dropped index or table */
#define W_REPLACED			2.0		/* index definition changed, REINDEX */
#define W_BLOCKS_READS		2.0
#define W_BLOCKS_WRITES		1.0
#define W_REWRITE			1.5
#define W_INVALID			1.5		/* INVALID index left behind */
#define W_FAILED			0.5
#define W_NAMED				2.0		/* table named in the incident */

#define HALF_LIFE_SLOW_SECS	(6.0 * 3600.0)

/*
 * started_at is often an estimate made while declaring ("it began ten seconds
 * ago"): when the incident was entered within this long of its start, the
 * changes made between the start and the entry are suspects too.
 */
#define START_GRACE			"1 minute"
#define HALF_LIFE_FAST_SECS	(10.0 * 60.0)

/* Columns of the candidate query, in order. */
enum
{
	C_ID,
	C_AT,
	C_COMMAND_TAG,
	C_OBJECT_TYPE,
	C_OBJECT_IDENTITY,
	C_TABLE_NAME,
	C_STATEMENT,
	C_REVERT,
	C_MIGRATION,
	C_ROLE,
	C_LOCK_MODE,
	C_BLOCKS_WRITES,
	C_BLOCKS_READS,
	C_REWROTE,
	C_REWRITE_REASON,
	C_DEF_BEFORE,
	C_DEF_AFTER,
	C_INVALID,
	C_FAILED,
	C_DURATION_MS,
	C_ROWS,
	C_TABLE_OID,
	C_SCANS,
	C_ORIGIN,
	C_NCOLS
};



/*
 * The incident: where the window ends and begins ($1 is its id), what
 * the people wrote about it, lower case, to find the tables it names, and
 * the databases (origins) it affects.
 */
#define INCIDENT_SQL \
	"SELECT COALESCE(i.started_at, i.detected_at, i.created_at)," \
	"       CASE WHEN i.created_at OPERATOR(pg_catalog.>) i.started_at" \
	"             AND i.created_at OPERATOR(pg_catalog.<=) (i.started_at OPERATOR(pg_catalog.+) interval '" START_GRACE "')" \
	"            THEN i.created_at" \
	"            ELSE COALESCE(i.started_at, i.detected_at, i.created_at) END," \
	"       pg_catalog.lower(postmortem.incident_document(i)), i.origins" \
	"  FROM postmortem.incident i WHERE i.id OPERATOR(pg_catalog.=) $1"

/*
 * The candidates, columns in the order of the enum above: changes after
 * $1 - $2 (start - lookback) up to $3 (the end of the window), recorded in
 * one of the databases $4 (at a fleet's centre, other databases' rows sit
 * beside this one's).  An index range scan on schema_change.at; usually
 * not run at all: scan_candidates() reads the same range of the index itself
 * (this query is for a role that may not read the whole table).
 *
 * Which migration run a change belongs to is asked once for the whole
 * window (ATTRIBUTIONS_SQL: a range of the PRIMARY KEY of
 * migration_attribution, from the window's least id to its greatest), and
 * the sentence about a run (postmortem.migration_of, a PL/pgSQL function:
 * calling it for each of ~550 rows was most of suspects()' time) once per
 * run, by run_summary().  A role that may not read migration_attribution
 * gets neither (what migration_of() gives it: nothing).
 */
#define CANDIDATES_SQL \
	"SELECT s.id, s.at, s.command_tag, s.object_type, s.object_identity," \
	"       s.table_name, s.statement, s.revert_statement, s.migration," \
	"       s.role_name, s.lock_mode, s.blocks_writes, s.blocks_reads," \
	"       s.rewrote_table, s.rewrite_reason, s.definition_before," \
	"       s.definition_after," \
	"       s.index_invalid, s.failed," \
	"       pg_catalog.date_part('epoch', COALESCE(s.duration, s.finished_at OPERATOR(pg_catalog.-) s.at))" \
	"           OPERATOR(pg_catalog.*) 1000.0::pg_catalog.float8," \
	"       s.table_rows, s.table_oid," \
	"       s.table_seq_scan OPERATOR(pg_catalog.+) s.table_idx_scan, s.origin" \
	"  FROM postmortem.schema_change s" \
	" WHERE s.at OPERATOR(pg_catalog.>) ($1 OPERATOR(pg_catalog.-) $2)" \
	"   AND s.at OPERATOR(pg_catalog.<=) $3" \
	"   AND s.origin OPERATOR(pg_catalog.=) ANY ($4)"

/* The attributions of the changes $1 .. $2 of the origins $3. */
#define ATTRIBUTIONS_SQL \
	"SELECT m.schema_change_id, m.origin, m.run, m.migration" \
	"  FROM postmortem.migration_attribution m" \
	" WHERE m.schema_change_id OPERATOR(pg_catalog.>=) $1" \
	"   AND m.schema_change_id OPERATOR(pg_catalog.<=) $2" \
	"   AND m.origin OPERATOR(pg_catalog.=) ANY ($3)"

/* The sentence about the run of schema change $1 of origin $2. */
#define RUN_SUMMARY_SQL \
	"SELECT m.summary FROM postmortem.migration_of($1, $2) m"

static SPIPlanPtr incident_plan = NULL;
static SPIPlanPtr candidates_plan = NULL;
static SPIPlanPtr attributions_plan = NULL;
static SPIPlanPtr run_summary_plan = NULL;

/* The migration runs of one suspects() call, and their sentences. */
typedef struct RunSummary
{
	int64		run;
	char	   *migration;
	char	   *summary;		/* NULL: none */
} RunSummary;

typedef struct RunCache
{
	int			n;
	int			size;
	RunSummary *runs;
} RunCache;

/*
 * The sentence about the migration run of a candidate (migration_of()),
 * asked once per run; NULL when it belongs to none.  SPI connected; the
 * caller's SPI_tuptable is replaced.
 */
static const char *
run_summary(RunCache *cache, int64 id, Datum origin, Datum run, Datum migration)
{
	char	   *mig = TextDatumGetCString(migration);
	Datum		args[2];
	int			ret;
	RunSummary *r;

	for (int i = 0; i < cache->n; i++)
		if (cache->runs[i].run == DatumGetInt64(run) &&
			strcmp(cache->runs[i].migration, mig) == 0)
			return cache->runs[i].summary;

	if (run_summary_plan == NULL)
	{
		Oid			argtypes[2] = {INT8OID, TEXTOID};

		run_summary_plan = pm_prepare_generic("migration run query", RUN_SUMMARY_SQL,
											  2, argtypes);
	}
	args[0] = Int64GetDatum(id);
	args[1] = origin;
	ret = SPI_execute_plan(run_summary_plan, args, NULL, true, 1);
	if (ret != SPI_OK_SELECT)
		elog(ERROR, "migration run query failed: %s", SPI_result_code_string(ret));
	if (cache->n == cache->size)
	{
		cache->size = Max(8, cache->size * 2);
		cache->runs = cache->runs ?
			repalloc(cache->runs, sizeof(RunSummary) * cache->size) :
			palloc(sizeof(RunSummary) * cache->size);
	}
	r = &cache->runs[cache->n++];
	r->run = DatumGetInt64(run);
	r->migration = mig;
	r->summary = SPI_processed > 0 ?
		SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1) : NULL;
	return r->summary;
}

/*
 * May this role read postmortem.migration_attribution?  (What
 * migration_of() asks before it reads it.)
 */
static bool
may_read_attributions(void)
{
	Oid			nsp = get_namespace_oid("postmortem", true);
	Oid			relid = OidIsValid(nsp) ?
		get_relname_relid("migration_attribution", nsp) : InvalidOid;

	return OidIsValid(relid) &&
		pg_class_aclcheck(relid, GetUserId(), ACL_SELECT) == ACLCHECK_OK;
}

static inline bool
is_ident_char(unsigned char c)
{
	return isalnum(c) || c == '_' || c == '$' || IS_HIGHBIT_SET(c);
}

/*
 * The relation name of a possibly qualified, possibly quoted name, unquoted:
 * public.orders gives orders, "Sales"."Order ""A""" gives Order "A".  The
 * recorder keeps table names qualified.
 */
static char *
unqualified_name(const char *name)
{
	size_t		len = strlen(name);
	const char *start;
	StringInfoData buf;

	if (len < 2 || name[len - 1] != '"')
	{
		start = strrchr(name, '.');
		return pstrdup(start ? start + 1 : name);
	}
	/* a quoted last part: find its opening quote, skipping doubled quotes */
	start = name + len - 1;
	while (start > name)
	{
		start--;
		if (*start == '"')
		{
			if (start > name && start[-1] == '"')
				start--;
			else
				break;
		}
	}
	initStringInfo(&buf);
	for (const char *p = start + 1; p < name + len - 1; p++)
	{
		appendStringInfoChar(&buf, *p);
		if (*p == '"')
			p++;
	}
	return buf.data;
}

/*
 * Does the (lower-case) document name the identifier as a whole word?  A
 * plural or singular spelling counts too: "orders" is named by "order page"
 * and "order" by "orders".  Identifier characters around the word make it
 * another word ("big_orders" does not name "orders").  A qualified name is
 * looked for by its relation name.
 */
bool
document_mentions(const char *document, const char *name)
{
	char	   *stem;
	size_t		len;
	bool		found = false;
	const char *p;

	if (document == NULL || name == NULL || name[0] == '\0')
		return false;

	stem = unqualified_name(name);
	/* lower case already (the usual name): nothing any locale would change */
	for (p = stem; *p; p++)
		if ((*p >= 'A' && *p <= 'Z') || IS_HIGHBIT_SET(*p))
			break;
	if (*p != '\0')
		stem = str_tolower(stem, strlen(stem), DEFAULT_COLLATION_OID);
	len = strlen(stem);
	if (len == 0)
		return false;
	/* "orders" -> "order", so that both spellings match below */
	if (len > 3 && stem[len - 1] == 's')
		stem[--len] = '\0';

	for (p = strstr(document, stem); p != NULL; p = strstr(p + 1, stem))
	{
		const unsigned char *after = (const unsigned char *) p + len;

		if (p > document && is_ident_char((unsigned char) p[-1]))
			continue;
		if (*after == 's')
			after++;
		if (is_ident_char(*after))
			continue;
		found = true;
		break;
	}
	pfree(stem);
	return found;
}

/* postmortem.mentions(document, name): document_mentions() for SQL */
PG_FUNCTION_INFO_V1(postmortem_mentions);
Datum
postmortem_mentions(PG_FUNCTION_ARGS)
{
	text	   *doc = PG_GETARG_TEXT_PP(0);
	char	   *name = text_to_cstring(PG_GETARG_TEXT_PP(1));
	char	   *lower;

	lower = str_tolower(VARDATA_ANY(doc), VARSIZE_ANY_EXHDR(doc),
						PG_GET_COLLATION() ? PG_GET_COLLATION() : DEFAULT_COLLATION_OID);
	PG_RETURN_BOOL(document_mentions(lower, name));
}

/*
 * The column list of an index definition as pg_get_indexdef() prints it:
 * "CREATE INDEX i ON public.t USING btree (a, b DESC)" gives "a, b DESC".
 * NULL when the definition cannot be read that way.
 */
static char *
index_columns(const char *indexdef)
{
	const char *p;
	const char *start;
	int			depth = 0;
	bool		quoted = false;

	if (indexdef == NULL || (p = strstr(indexdef, " USING ")) == NULL)
		return NULL;
	p = strchr(p, '(');
	if (p == NULL)
		return NULL;
	start = ++p;
	for (; *p; p++)
	{
		if (*p == '"')
			quoted = !quoted;
		else if (quoted)
			continue;
		else if (*p == '(')
			depth++;
		else if (*p == ')' && depth-- == 0)
			return pnstrdup(start, p - start);
	}
	return NULL;
}

/*
 * A number and its unit ("12 min"): every reason has one or two, and
 * appendStringInfo()'s format parsing was a tenth of scoring a suspect.
 */
static void
append_count(StringInfo buf, int64 n, const char *unit)
{
	char		digits[MAXINT8LEN + 1];
	int			len = pg_lltoa(n, digits);

	appendBinaryStringInfo(buf, digits, len);
	appendStringInfoString(buf, unit);
}

/* "45 s", "12 min", "3 h 20 min", "2 days" */
void
append_age(StringInfo buf, double secs)
{
	long		s = (long) (secs + 0.5);

	if (s < 60)
		append_count(buf, s, " s");
	else if (s < 3600)
		append_count(buf, s / 60, " min");
	else if (s < 48 * 3600)
	{
		append_count(buf, s / 3600, " h");
		if ((s % 3600) / 60 != 0)
		{
			appendStringInfoChar(buf, ' ');
			append_count(buf, (s % 3600) / 60, " min");
		}
	}
	else
		append_count(buf, s / 86400, " days");
}

/* "as impact began", "3 h 20 min before impact" */
void
append_before_impact(StringInfo buf, double secs)
{
	if (secs < 1.0)
		appendStringInfoString(buf, "as impact began");
	else
	{
		append_age(buf, secs);
		appendStringInfoString(buf, " before impact");
	}
}

/* "12 ms", "2.3 s", "4 min" */
static void
append_duration(StringInfo buf, double ms)
{
	if (ms < 1000.0)
		appendStringInfo(buf, "%.0f ms", ms);
	else if (ms < 60000.0)
		appendStringInfo(buf, "%.1f s", ms / 1000.0);
	else
		append_age(buf, ms / 1000.0);
}

/* A change's migration run (migration_attribution). */
typedef struct Attribution
{
	int64		id;				/* schema_change_id */
	const char *origin;
	Datum		run;
	Datum		migration;
} Attribution;

static int
attribution_cmp(const void *a, const void *b)
{
	const Attribution *x = (const Attribution *) a;
	const Attribution *y = (const Attribution *) b;

	if (x->id != y->id)
		return x->id < y->id ? -1 : 1;
	return strcmp(x->origin, y->origin);
}

/*
 * A candidate row, deformed once: reading 25 columns one by one with
 * SPI_getbinval() walks the tuple from its start for each (its text columns
 * leave no cached offsets), which was a tenth of suspects()' time.
 */
typedef struct CandidateRow
{
	Datum		values[C_NCOLS];
	bool		nulls[C_NCOLS];
	const char *runSummary;		/* its migration run, in a sentence */
} CandidateRow;

/*
 * The attributions of the candidates (ncand rows), sorted for
 * bsearch; NULL (none) for a role that may not read them.  SPI connected;
 * SPI_tuptable is replaced.
 */
static Attribution *
load_attributions(const CandidateRow *rows, uint64 ncand, Datum origins, int *n)
{
	int64		lo = PG_INT64_MAX;
	int64		hi = PG_INT64_MIN;
	Datum		args[3];
	bool		isnull;
	int			ret;
	Attribution *attrs;

	*n = 0;
	if (ncand == 0 || !may_read_attributions())
		return NULL;
	for (uint64 i = 0; i < ncand; i++)
	{
		int64		id = DatumGetInt64(rows[i].values[C_ID]);

		lo = Min(lo, id);
		hi = Max(hi, id);
	}
	if (attributions_plan == NULL)
	{
		Oid			argtypes[3] = {INT8OID, INT8OID, TEXTARRAYOID};

		attributions_plan = pm_prepare_generic("attributions query", ATTRIBUTIONS_SQL,
											   3, argtypes);
	}
	args[0] = Int64GetDatum(lo);
	args[1] = Int64GetDatum(hi);
	args[2] = origins;
	ret = SPI_execute_plan(attributions_plan, args, NULL, true, 0);
	if (ret != SPI_OK_SELECT)
		elog(ERROR, "attributions query failed: %s", SPI_result_code_string(ret));
	*n = (int) SPI_processed;
	attrs = palloc(sizeof(Attribution) * Max(*n, 1));
	for (int i = 0; i < *n; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		TupleDesc	desc = SPI_tuptable->tupdesc;

		attrs[i].id = DatumGetInt64(SPI_getbinval(tup, desc, 1, &isnull));
		attrs[i].origin = TextDatumGetCString(SPI_getbinval(tup, desc, 2, &isnull));
		attrs[i].run = SPI_getbinval(tup, desc, 3, &isnull);
		attrs[i].migration = SPI_getbinval(tup, desc, 4, &isnull);
	}
	qsort(attrs, *n, sizeof(Attribution), attribution_cmp);
	return attrs;
}


static inline Datum
row_datum(const CandidateRow *row, int col, bool *isnull)
{
	*isnull = row->nulls[col];
	return row->values[col];
}

static char *
get_text(const CandidateRow *row, int col)
{
	return row->nulls[col] ? NULL : TextDatumGetCString(row->values[col]);
}

static bool
get_bool(const CandidateRow *row, int col)
{
	return row->nulls[col] ? false : DatumGetBool(row->values[col]);
}

/* pg_class.reltuples of a relation; -1 when unknown or gone */
static float4
relation_reltuples(Oid relid)
{
	HeapTuple	tup = SearchSysCache1(RELOID, ObjectIdGetDatum(relid));
	float4		reltuples = -1;

	if (HeapTupleIsValid(tup))
	{
		reltuples = ((Form_pg_class) GETSTRUCT(tup))->reltuples;
		ReleaseSysCache(tup);
	}
	return reltuples;
}

/* The schema relation_by_name() looked up last in this call (reset per call) */
static char *lookup_nspname = NULL;
static Oid	lookup_nspoid = InvalidOid;

/*
 * The relation a qualified, quoted name (schema.name) names now; InvalidOid
 * for none, and for a name that does not parse as schema.name.
 */
static Oid
relation_by_name(const char *qualified)
{
	char	   *raw = pstrdup(qualified);
	List	   *names;
	const char *nspname;

	if (!SplitIdentifierString(raw, '.', &names) || list_length(names) != 2)
		return InvalidOid;
	nspname = linitial(names);

	/*
	 * What RangeVarGetRelid(NoLock, missing_ok) does, with the schema looked
	 * up (and its USAGE checked) once per call, not once per row: the rows
	 * of a window are mostly in one schema.
	 */
	if (lookup_nspname == NULL || strcmp(lookup_nspname, nspname) != 0)
	{
		lookup_nspoid = LookupExplicitNamespace(nspname, true);
		lookup_nspname = pstrdup(nspname);
	}
	if (!OidIsValid(lookup_nspoid))
		return InvalidOid;
	return get_relname_relid(lsecond(names), lookup_nspoid);
}

/* Is the index of this (qualified, quoted) identity there and INVALID? */
static bool
index_is_invalid(const char *identity)
{
	Oid			relid = relation_by_name(identity);
	HeapTuple	tup;
	bool		invalid = false;

	if (!OidIsValid(relid))
		return false;
	tup = SearchSysCache1(INDEXRELID, ObjectIdGetDatum(relid));
	if (HeapTupleIsValid(tup))
	{
		invalid = !((Form_pg_index) GETSTRUCT(tup))->indisvalid;
		ReleaseSysCache(tup);
	}
	return invalid;
}

/* A suspect's place in the result: best score, then latest, then last id */
typedef struct SuspectOrder
{
	double		score;
	TimestampTz at;
	int64		id;
	Suspect    *suspect;
} SuspectOrder;

static inline int
suspect_cmp(const SuspectOrder *x, const SuspectOrder *y)
{
	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	if (x->at != y->at)
		return x->at > y->at ? -1 : 1;
	if (x->id != y->id)
		return x->id > y->id ? -1 : 1;
	return 0;
}

/* sort_suspects(): qsort with the comparison inlined (lib/sort_template.h) */
#define ST_SORT sort_suspects
#define ST_ELEMENT_TYPE SuspectOrder
#define ST_COMPARE(a, b) suspect_cmp(a, b)
#define ST_SCOPE static
#define ST_DEFINE
#include "lib/sort_template.h"

/* What a change's score is made of, from its row (score_suspect) */
typedef struct SuspectFactors
{
	double		slow;			/* closeness to the start, slow decay */
	double		fast;			/* the same for harm while it ran */
	double		size;			/* how big or busy its table is, 0-1 */
	double		held;			/* how long it ran, 0-1 */
	double		duration_ms;	/* how long it ran; < 0: unknown */
	bool		invalid;		/* it left an INVALID index */
} SuspectFactors;

/*
 * What a change did to an index or table that the plans of its queries
 * relied on: dropped it, redefined it, rebuilt it.
 */
static void
score_change_kind(Suspect *s, StringInfo buf, const CandidateRow *row,
				  const SuspectFactors *f)
{
	const char *tag = get_text(row, C_COMMAND_TAG);
	const char *objtype = get_text(row, C_OBJECT_TYPE);
	const char *def_before = get_text(row, C_DEF_BEFORE);
	const char *def_after = get_text(row, C_DEF_AFTER);
	bool		is_index = objtype && strcmp(objtype, "index") == 0;
	bool		is_drop = tag && strncmp(tag, "DROP ", 5) == 0;
	double		size = f->size,
				slow = f->slow,
				fast = f->fast;

	/* a dropped index or table: the plans that used it are gone for good */
	if (is_drop && (is_index || (objtype && strcmp(objtype, "table") == 0)))
	{
		s->score += W_DROPPED * size * (0.5 + 0.5 * slow);
		if (is_index)
		{
			char	   *cols = index_columns(def_before);

			if (cols && strchr(cols, ',') == NULL && strchr(cols, '(') == NULL)
				appendStringInfo(buf, "; queries filtering on %s lose their index", cols);
			else if (cols)
				appendStringInfo(buf, "; queries filtering on (%s) lose their index", cols);
			else
				appendStringInfoString(buf, "; queries that used it lose their index");
			if (cols && def_before && strncmp(def_before, "CREATE UNIQUE", 13) == 0)
				appendStringInfo(buf, " and (%s) is no longer kept unique", cols);
		}
		else
			appendStringInfoString(buf, "; queries on it now fail");
	}
	else if (is_index && def_before && def_after && strcmp(def_before, def_after) != 0)
	{
		char	   *before = index_columns(def_before);
		char	   *after = index_columns(def_after);

		s->score += W_REPLACED * size * (0.5 + 0.5 * slow);
		if (before && after && strcmp(before, after) != 0)
			appendStringInfo(buf, "; the index changed from (%s) to (%s)", before, after);
		else
			appendStringInfoString(buf, "; the index definition changed");
	}
	else if (tag && strcmp(tag, "REINDEX") == 0)
	{
		s->score += W_REPLACED * 0.5 * size * fast;
		appendStringInfoString(buf, "; rebuilt the index");
	}
}

/* The harm while it ran and after: locks, a rewrite, an INVALID index, a failure. */
static void
score_effects(Suspect *s, StringInfo buf, const CandidateRow *row,
			  const SuspectFactors *f)
{
	const char *lock_mode = get_text(row, C_LOCK_MODE);
	const char *rewrite_reason = get_text(row, C_REWRITE_REASON);
	bool		blocks_writes = get_bool(row, C_BLOCKS_WRITES);
	bool		blocks_reads = get_bool(row, C_BLOCKS_READS);
	double		size = f->size,
				slow = f->slow,
				fast = f->fast,
				held = f->held,
				duration_ms = f->duration_ms,
				part;

	/* locks and rewrites hurt while they are held */
	if (blocks_reads || blocks_writes)
	{
		part = (blocks_reads ? W_BLOCKS_READS : W_BLOCKS_WRITES) * size * held * fast;
		s->score += part;
		if (part >= 0.1)
		{
			appendStringInfo(buf, "; took %s lock blocking %s",
							 lock_mode ? lock_mode : "a",
							 blocks_reads ? "reads and writes" : "writes");
			if (duration_ms >= 0)
			{
				appendStringInfoString(buf, " for ");
				append_duration(buf, duration_ms);
			}
		}
	}
	if (get_bool(row, C_REWROTE))
	{
		s->score += W_REWRITE * size * (0.3 + 0.7 * fast);
		appendStringInfoString(buf, "; rewrote the table");
		if (rewrite_reason)
			appendStringInfo(buf, " (%s)", rewrite_reason);
	}
	if (f->invalid)
	{
		s->score += W_INVALID * (0.3 + 0.7 * size) * (0.5 + 0.5 * slow);
		appendStringInfoString(buf, "; left an INVALID index that queries cannot use but writes still maintain");
	}
	else if (get_bool(row, C_FAILED))
	{
		s->score += W_FAILED * slow;
		appendStringInfoString(buf, "; the command failed");
	}
}

/*
 * Score one candidate row and write its reason; the row's output values are
 * filled in too.  A row another database recorded (at a fleet's centre) is
 * named by its database, and this database's catalogs say nothing about it.
 */
static void
score_suspect(Suspect *s, const CandidateRow *row, TimestampTz start,
			  const char *document, const char *local_origin, StringInfo buf)
{
	bool		isnull;
	const char *tag = get_text(row, C_COMMAND_TAG);
	const char *objtype = get_text(row, C_OBJECT_TYPE);
	const char *identity = get_text(row, C_OBJECT_IDENTITY);
	const char *table = get_text(row, C_TABLE_NAME);
	const char *migration = get_text(row, C_MIGRATION);
	const char *origin = get_text(row, C_ORIGIN);
	bool		local = origin == NULL || strcmp(origin, local_origin) == 0;
	bool		invalid = get_bool(row, C_INVALID);
	bool		is_index = objtype && strcmp(objtype, "index") == 0;
	bool		is_drop = tag && strncmp(tag, "DROP ", 5) == 0;
	bool		rows_known;
	int64		rows = 0;
	double		duration_ms = -1.0;
	double		age;
	bool		after;
	double		after_secs = 0.0;
	double		slow,
				fast,
				size,
				held;
	SuspectFactors f;
	Datum		d;
	char	   *relname;

	s->id = DatumGetInt64(row_datum(row, C_ID, &isnull));
	s->at = DatumGetTimestampTz(row_datum(row, C_AT, &isnull));
	d = row_datum(row, C_ROWS, &isnull);
	rows_known = !isnull;
	if (rows_known)
		rows = DatumGetInt64(d);
	else if (local && table)
	{
		/*
		 * not recorded: the planner's estimate of the table as it is now,
		 * found by name (the row's table_oid is another table's, or none,
		 * after a dump and restore)
		 */
		float4		reltuples = relation_reltuples(relation_by_name(table));

		rows_known = reltuples >= 0;
		rows = (int64) reltuples;
	}
	/* an index built since: is it still INVALID now? */
	if (!invalid && local && is_index && !is_drop && identity)
		invalid = index_is_invalid(identity);
	d = row_datum(row, C_DURATION_MS, &isnull);
	if (!isnull)
		duration_ms = DatumGetFloat8(d);

	/*
	 * In double precision: the microseconds between two valid timestamps
	 * (4713 BC to 294276 AD) need not fit in an int64, and a lookback can be
	 * that long.
	 */
	age = ((double) start - (double) s->at) / USECS_PER_SEC;
	after = age < 0;
	if (after)
	{
		after_secs = -age;
		age = 0;				/* scored as if at the start */
	}
	slow = pow(0.5, age / HALF_LIFE_SLOW_SECS);
	/* a lock or a rewrite hurts until the command ends */
	fast = pow(0.5, Max(age - Max(duration_ms, 0.0) / 1000.0, 0.0) / HALF_LIFE_FAST_SECS);
	/* 10 rows -> 0.17, 100k -> 0.83, 1M and more -> 1; unknown -> 0.5 */
	size = rows_known ? Min(1.0, log10((double) Max(rows, 0) + 1.0) / 6.0) : 0.5;
	/* a table read a million times is busy whatever its size */
	d = row_datum(row, C_SCANS, &isnull);
	if (!isnull && DatumGetInt64(d) > 0)
		size = Max(size, Min(1.0, log10((double) DatumGetInt64(d) + 1.0) / 6.0));
	/* 1 ms -> 0.08, 100 ms -> 0.5, 10 s and more -> 1; unknown -> 0.3 */
	held = duration_ms >= 0 ? Min(1.0, log10(duration_ms + 1.0) / 4.0) : 0.3;

	s->score = W_CLOSENESS * slow;
	relname = table ? unqualified_name(table) : NULL;

	resetStringInfo(buf);
	appendStringInfo(buf, "%s %s ", tag ? tag : "?", identity ? identity : "?");
	if (!local)
		appendStringInfo(buf, "in database %s ",
						 strchr(origin, '/') ? strchr(origin, '/') + 1 : origin);
	if (after)
	{
		append_age(buf, after_secs);
		appendStringInfoString(buf, " after the estimated start of impact, before the incident was declared");
	}
	else
		append_before_impact(buf, age);
	if (row->runSummary)
		appendStringInfo(buf, " (%s)", row->runSummary);
	else if (migration)
		appendStringInfo(buf, " (migration %s)", migration);
	if (table && rows_known && rows > 0)
	{
		appendStringInfoString(buf, "; ");
		appendStringInfoString(buf, relname);
		appendStringInfoString(buf, " has ");
		append_count(buf, rows, " rows");
	}

	f.slow = slow;
	f.fast = fast;
	f.size = size;
	f.held = held;
	f.duration_ms = duration_ms;
	f.invalid = invalid;
	score_change_kind(s, buf, row, &f);
	score_effects(s, buf, row, &f);
	if (table && document_mentions(document, table))
	{
		s->score += W_NAMED;
		appendStringInfo(buf, "; %s is named in the incident", relname);
	}

	/* exact size: a reason is a sentence, the buffer grows to 1 kB and more */
	s->reason = pnstrdup(buf->data, buf->len);
}

/*
 * The databases an incident affects (incident.origins, a text[]); none
 * named: this one, under the origin the recorder writes
 * (postmortem.local_origin()).
 */
static Datum
incident_origins(Datum origins, bool isnull, const char *local_origin)
{
	Datum		elem;

	if (!isnull)
	{
		ArrayType  *arr = DatumGetArrayTypeP(origins);

		if (ArrayGetNItems(ARR_NDIM(arr), ARR_DIMS(arr)) > 0)
			return PointerGetDatum(arr);
	}
	elem = CStringGetTextDatum(local_origin);
	return PointerGetDatum(construct_array(&elem, 1, TEXTOID, -1, false, TYPALIGN_INT));
}

/* The window's candidate rows through SPI (CANDIDATES_SQL, args $1-$4) */
static CandidateRow *
query_candidates(Datum *args, uint64 *n)
{
	CandidateRow *rows;
	int			ret;

	if (candidates_plan == NULL)
	{
		Oid			argtypes[4] = {TIMESTAMPTZOID, INTERVALOID, TIMESTAMPTZOID,
		TEXTARRAYOID};

		candidates_plan = pm_prepare_generic("suspects query", CANDIDATES_SQL,
											 4, argtypes);
	}
	ret = SPI_execute_plan(candidates_plan, args, NULL, true, 0);
	if (ret != SPI_OK_SELECT)
		elog(ERROR, "suspects query failed: %s", SPI_result_code_string(ret));
	Assert(SPI_tuptable->tupdesc->natts == C_NCOLS);
	*n = SPI_processed;
	rows = palloc_extended(sizeof(CandidateRow) * Max(*n, 1), MCXT_ALLOC_HUGE);
	for (uint64 i = 0; i < *n; i++)
		heap_deform_tuple(SPI_tuptable->vals[i], SPI_tuptable->tupdesc,
						  rows[i].values, rows[i].nulls);
	return rows;
}

/*
 * Columns of schema_change read by scan_candidates(): those of the
 * CANDIDATES_SQL row (NULL: computed), then the ones it computes them from.
 */
enum
{
	X_DURATION = C_NCOLS, X_FINISHED_AT, X_SEQ_SCAN, X_IDX_SCAN, X_NCOLS
};
static const char *const candidate_columns[X_NCOLS] = {
	"id", "at", "command_tag", "object_type", "object_identity", "table_name",
	"statement", "revert_statement", "migration", "role_name", "lock_mode",
	"blocks_writes", "blocks_reads", "rewrote_table", "rewrite_reason",
	"definition_before", "definition_after", "index_invalid", "failed", NULL,
	"table_rows", "table_oid", NULL, "origin",
	"duration", "finished_at", "table_seq_scan", "table_idx_scan"
};

/* Is the text origin one of the origins (a text[] deconstructed)? */
static bool
origin_in(Datum origin, Datum *elems, bool *enulls, int nelems)
{
	text	   *o = DatumGetTextPP(origin);

	/* origin is COLLATE "C": equal means the same bytes */
	for (int i = 0; i < nelems; i++)
	{
		text	   *e = DatumGetTextPP(elems[i]);

		if (!enulls[i] && VARSIZE_ANY_EXHDR(o) == VARSIZE_ANY_EXHDR(e) &&
			memcmp(VARDATA_ANY(o), VARDATA_ANY(e), VARSIZE_ANY_EXHDR(o)) == 0)
			return true;
	}
	return false;
}

/* A CANDIDATES_SQL row from a schema_change tuple (deformed: tv, tn) */
static void
candidate_row(const int *attnum, const Datum *tv, const bool *tn, CandidateRow *row)
{
	Datum		epoch;

	for (int c = 0; c < C_NCOLS; c++)
		if (candidate_columns[c])
		{
			row->values[c] = tv[attnum[c] - 1];
			row->nulls[c] = tn[attnum[c] - 1];
		}
	/* date_part('epoch', COALESCE(duration, finished_at - at)) * 1000.0 */
	row->nulls[C_DURATION_MS] = tn[attnum[X_DURATION] - 1] &&
		(tn[attnum[X_FINISHED_AT] - 1] || row->nulls[C_AT]);
	if (!row->nulls[C_DURATION_MS])
	{
		Datum		duration = !tn[attnum[X_DURATION] - 1] ? tv[attnum[X_DURATION] - 1] :
			DirectFunctionCall2(timestamp_mi, tv[attnum[X_FINISHED_AT] - 1],
								row->values[C_AT]);

		epoch = DirectFunctionCall2(interval_part, CStringGetTextDatum("epoch"), duration);
		row->values[C_DURATION_MS] = DirectFunctionCall2(float8mul, epoch,
														 Float8GetDatum(1000.0));
	}
	/* table_seq_scan + table_idx_scan */
	row->nulls[C_SCANS] = tn[attnum[X_SEQ_SCAN] - 1] || tn[attnum[X_IDX_SCAN] - 1];
	if (!row->nulls[C_SCANS])
		row->values[C_SCANS] = DirectFunctionCall2(int8pl, tv[attnum[X_SEQ_SCAN] - 1],
												   tv[attnum[X_IDX_SCAN] - 1]);
}

/*
 * pm_open_time_window: open relid and its index idxid for a read of the rows
 * with lo < at <= hi straight from the index, where at is columns[atcol]:
 * attnum[c] is the attribute number of each named column (0 for a NULL
 * name), keys[0..1] the window's scan keys.  Only for a role that may read
 * the whole table, when no row security applies, the table is a plain one
 * and the index a valid b-tree leading on at; false otherwise, nothing left
 * open (the caller asks SPI, which says why it may not).  suspects() reads
 * schema changes and events.c change events this way.
 */
bool
pm_open_time_window(Oid relid, Oid idxid, const char *const *columns, int ncols,
					int atcol, TimestampTz lo, TimestampTz hi,
					Relation *relp, Relation *idxp, int *attnum, ScanKeyData *keys)
{
	Relation	rel;
	Relation	idx;
	bool		usable;

	if (!OidIsValid(relid) || !OidIsValid(idxid) ||
		pg_class_aclcheck(relid, GetUserId(), ACL_SELECT) != ACLCHECK_OK ||
		check_enable_rls(relid, InvalidOid, true) == RLS_ENABLED)
		return false;
	rel = table_open(relid, AccessShareLock);
	idx = index_open(idxid, AccessShareLock);
	usable = rel->rd_rel->relkind == RELKIND_RELATION &&
		idx->rd_rel->relam == BTREE_AM_OID && idx->rd_index->indrelid == relid &&
		idx->rd_index->indisvalid;
	for (int c = 0; c < ncols; c++)
	{
		attnum[c] = 0;
		if (columns[c])
			usable &= (attnum[c] = pm_column_attnum(rel, columns[c])) > 0;
	}
	if (!usable || idx->rd_index->indkey.values[0] != attnum[atcol])
	{
		index_close(idx, AccessShareLock);
		table_close(rel, AccessShareLock);
		return false;
	}
	ScanKeyInit(&keys[0], attnum[atcol], BTGreaterStrategyNumber, F_TIMESTAMPTZ_GT,
				TimestampTzGetDatum(lo));
	ScanKeyInit(&keys[1], attnum[atcol], BTLessEqualStrategyNumber, F_TIMESTAMPTZ_LE,
				TimestampTzGetDatum(hi));
	*relp = rel;
	*idxp = idx;
	return true;
}

/*
 * The window's candidates (at > lo, at <= hi, origin one of origins) straight
 * from schema_change_at_idx, as CANDIDATES_SQL gives them, without the
 * executor and SPI's copy of each row (events.c reads change events alike).
 * Only for a role that may read the whole table, when no row security
 * applies and the table is a plain one; false otherwise (then SPI).
 */
static bool
scan_candidates(TimestampTz lo, TimestampTz hi, Datum origins,
				CandidateRow **rows, uint64 *n)
{
	Oid			nsp = get_namespace_oid("postmortem", true);
	Oid			relid = OidIsValid(nsp) ? get_relname_relid("schema_change", nsp) : InvalidOid;
	Oid			idxid = OidIsValid(nsp) ? get_relname_relid("schema_change_at_idx", nsp) : InvalidOid;
	Relation	rel;
	Relation	idx;
	int			attnum[X_NCOLS];
	ScanKeyData keys[2];
	SysScanDesc scan;
	HeapTuple	tup;
	Datum	   *tv;
	bool	   *tn;
	Datum	   *elems;
	bool	   *enulls;
	int			nelems;
	uint64		size = 64;

	if (!pm_open_time_window(relid, idxid, candidate_columns, X_NCOLS, C_AT, lo, hi,
							 &rel, &idx, attnum, keys))
		return false;
	deconstruct_array(DatumGetArrayTypeP(origins), TEXTOID, -1, false, TYPALIGN_INT,
					  &elems, &enulls, &nelems);
	tv = palloc(sizeof(Datum) * RelationGetDescr(rel)->natts);
	tn = palloc(sizeof(bool) * RelationGetDescr(rel)->natts);
	*rows = palloc(sizeof(CandidateRow) * size);
	*n = 0;
	scan = systable_beginscan_ordered(rel, idx, GetActiveSnapshot(), 2, keys);
	while (HeapTupleIsValid(tup = systable_getnext_ordered(scan, ForwardScanDirection)))
	{
		CHECK_FOR_INTERRUPTS();
		/* a copy: the values outlive the scan's buffer pin */
		heap_deform_tuple(heap_copytuple(tup), RelationGetDescr(rel), tv, tn);
		if (tn[attnum[C_ORIGIN] - 1] ||
			!origin_in(tv[attnum[C_ORIGIN] - 1], elems, enulls, nelems))
			continue;
		if (*n == size)
		{
			size *= 2;
			*rows = repalloc_huge(*rows, sizeof(CandidateRow) * size);
		}
		candidate_row(attnum, tv, tn, &(*rows)[(*n)++]);
	}
	systable_endscan_ordered(scan);
	index_close(idx, AccessShareLock);
	table_close(rel, AccessShareLock);
	return true;
}

/*
 * Score the n candidate schema changes (named with their migration runs)
 * into suspects[].
 */
static void
schema_change_suspects(Suspect *suspects, CandidateRow *rows, uint64 n,
					   Datum origins, TimestampTz start, const char *document,
					   const char *local_origin, StringInfo buf)
{
	RunCache	runs = {0};
	int			nattrs;
	Attribution *attrs = load_attributions(rows, n, origins, &nattrs);
	Datum		kind = CStringGetTextDatum("schema_change");

	for (uint64 i = 0; i < n; i++)
	{
		CandidateRow row = rows[i];
		Suspect    *s = &suspects[i];
		static const int out_cols[SUSPECT_COL_KIND] = {
			-1, -1, -1, C_AT, C_COMMAND_TAG, C_OBJECT_IDENTITY, C_TABLE_NAME,
			C_STATEMENT, C_REVERT, C_MIGRATION, C_ROLE, C_LOCK_MODE, C_ORIGIN
		};

		CHECK_FOR_INTERRUPTS();
		row.runSummary = NULL;
		if (nattrs > 0)
		{
			Attribution key;
			Attribution *a;

			key.id = DatumGetInt64(row.values[C_ID]);
			key.origin = TextDatumGetCString(row.values[C_ORIGIN]);
			a = bsearch(&key, attrs, nattrs, sizeof(Attribution), attribution_cmp);
			if (a)
			{
				/* the migration the recorder knew, else the attribution's */
				if (row.nulls[C_MIGRATION])
				{
					row.values[C_MIGRATION] = a->migration;
					row.nulls[C_MIGRATION] = false;
				}
				row.runSummary = run_summary(&runs, key.id, row.values[C_ORIGIN],
											 a->run, a->migration);
			}
		}
		score_suspect(s, &row, start, document, local_origin, buf);
		s->table = get_text(&row, C_TABLE_NAME);
		s->values[0] = Int64GetDatum(s->id);
		for (int c = 3; c < SUSPECT_COL_KIND; c++)
		{
			s->values[c] = row.values[out_cols[c]];
			s->nulls[c] = row.nulls[out_cols[c]];
		}
		s->values[SUSPECT_COL_KIND] = kind;
		s->nulls[SUSPECT_COL_EVENT_ID] = true;
	}
}

/*
 * postmortem.suspects(incident_id, lookback): the recorded schema changes
 * in the lookback window before the incident started, best first.
 */
PG_FUNCTION_INFO_V1(postmortem_suspects);
Datum
postmortem_suspects(PG_FUNCTION_ARGS)
{
	int64		incident_id = PG_GETARG_INT64(0);
	Interval   *lookback = PG_GETARG_INTERVAL_P(1);
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	MemoryContext outer = CurrentMemoryContext;
	Datum		args[4];
	Datum		origins;
	char	   *local_origin;
	TimestampTz start;
	TimestampTz until;
	char	   *document = NULL;
	bool		isnull;
	int			ret;
	uint64		n;
	uint64		nevents;
	CandidateRow *candidates;
	EventRows  *events;
	Suspect    *suspects;
	SuspectOrder *order;
	StringInfoData buf;
	Interval	zero;

	memset(&zero, 0, sizeof(zero));
	if (DatumGetInt32(DirectFunctionCall2(interval_cmp, IntervalPGetDatum(lookback),
										  IntervalPGetDatum(&zero))) < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("lookback must not be negative")));

	InitMaterializedSRF(fcinfo, 0);
	lookup_nspname = NULL;

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");

	if (incident_plan == NULL)
	{
		Oid			argtypes[1] = {INT8OID};

		incident_plan = pm_prepare_generic("incident query", INCIDENT_SQL,
										   1, argtypes);
	}

	args[0] = Int64GetDatum(incident_id);
	ret = SPI_execute_plan(incident_plan, args, NULL, true, 1);
	if (ret != SPI_OK_SELECT)
		elog(ERROR, "incident query failed: %s", SPI_result_code_string(ret));
	if (SPI_processed == 0)
		ereport(ERROR,
				(errcode(ERRCODE_NO_DATA_FOUND),
				 errmsg("incident " INT64_FORMAT " does not exist", incident_id)));
	start = DatumGetTimestampTz(SPI_getbinval(SPI_tuptable->vals[0],
											  SPI_tuptable->tupdesc, 1, &isnull));
	until = DatumGetTimestampTz(SPI_getbinval(SPI_tuptable->vals[0],
											  SPI_tuptable->tupdesc, 2, &isnull));
	document = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 3);

	local_origin = psprintf(UINT64_FORMAT "/%s", GetSystemIdentifier(),
							get_database_name(MyDatabaseId));
	origins = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 4, &isnull);
	origins = incident_origins(origins, isnull, local_origin);

	args[0] = TimestampTzGetDatum(start);
	args[1] = IntervalPGetDatum(lookback);
	args[2] = TimestampTzGetDatum(until);
	args[3] = origins;
	if (!scan_candidates(DatumGetTimestampTz(DirectFunctionCall2(timestamptz_mi_interval,
																 args[0], args[1])),
						 until, origins, &candidates, &n))
		candidates = query_candidates(args, &n);
	/* deploys, flags, configuration: change events in the same window */
	events = pm_event_rows(start, lookback, until);
	nevents = pm_event_count(events);

	/*
	 * One array for both, in one allocation: a long lookback over a busy
	 * database can exceed MaxAllocSize.  The reasons are written in one
	 * buffer and copied out at their size.
	 */
	suspects = palloc_extended(sizeof(Suspect) * Max(n + nevents, 1),
							   MCXT_ALLOC_HUGE | MCXT_ALLOC_ZERO);
	initStringInfo(&buf);
	schema_change_suspects(suspects, candidates, n, origins, start, document,
						   local_origin, &buf);
	/* change events are this database's own */
	pm_event_suspects(suspects + n, events, start, document,
					  CStringGetTextDatum(local_origin), &buf);
	n += nevents;
	/* what pg_stat_statements saw get slower, and after which change */
	pm_regression_suspects(suspects, n, start);

	for (uint64 i = 0; i < n; i++)
	{
		suspects[i].score = rint(suspects[i].score * 100.0) / 100.0;
		suspects[i].values[SUSPECT_COL_SCORE] = Float8GetDatum(suspects[i].score);
		suspects[i].values[SUSPECT_COL_REASON] = CStringGetTextDatum(suspects[i].reason);
	}
	/*
	 * sorted by their keys, side by side: a Suspect is a few hundred bytes
	 * to move, and comparing through pointers to them missed the cache
	 */
	order = palloc_extended(sizeof(SuspectOrder) * Max(n, 1), MCXT_ALLOC_HUGE);
	for (uint64 i = 0; i < n; i++)
	{
		order[i].score = suspects[i].score;
		order[i].at = suspects[i].at;
		order[i].id = suspects[i].id;
		order[i].suspect = &suspects[i];
	}
	sort_suspects(order, n);

	/* the tuplestore lives in the per-query context and copies each row */
	MemoryContextSwitchTo(outer);
	for (uint64 i = 0; i < n; i++)
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc,
							 order[i].suspect->values, order[i].suspect->nulls);

	SPI_finish();
	return (Datum) 0;
}
