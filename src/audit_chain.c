/*-------------------------------------------------------------------------
 *
 * audit_chain.c
 *	  The hash chain over postmortem.schema_change.
 *
 * Each row's row_hash is SHA-256 (PostgreSQL's own, common/cryptohash.h)
 * over every other column of the row, prev_hash included, in a canonical
 * binary form: for each column in a fixed order, a null flag, and for a
 * non-null value its length and bytes (integers and timestamps big-endian,
 * text, bytea and inet as stored).  Nothing depends on DateStyle, TimeZone or
 * the column order of the table, so the hash survives pg_dump and restore.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "common/cryptohash.h"
#include "common/sha2.h"
#include "fmgr.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/lsyscache.h"
#include "utils/timestamp.h"
#include "utils/typcache.h"
#include "utils/xid8.h"

#include "recorder.h"

const char *const sc_column_names[SC_NCOLUMNS] = {
	"id", "at", "finished_at", "duration", "xid", "command_tag", "object_type",
	"object_identity", "schema_name", "table_name", "table_oid", "statement",
	"role_name", "application_name", "client_addr", "backend_pid",
	"database_name", "migration", "lock_mode", "blocks_writes", "blocks_reads",
	"rewrote_table", "rewrite_reason", "definition_before", "definition_after",
	"revert_statement", "index_invalid", "failed", "table_rows",
	"table_seq_scan", "table_idx_scan", "origin", "prev_hash", "row_hash"
};

const Oid	sc_column_types[SC_NCOLUMNS] = {
	INT8OID, TIMESTAMPTZOID, TIMESTAMPTZOID, INTERVALOID, XID8OID, TEXTOID,
	TEXTOID, TEXTOID, TEXTOID, TEXTOID, OIDOID, TEXTOID, TEXTOID, TEXTOID,
	INETOID, INT4OID, TEXTOID, TEXTOID, TEXTOID, BOOLOID, BOOLOID, BOOLOID,
	TEXTOID, TEXTOID, TEXTOID, TEXTOID, BOOLOID, BOOLOID, INT8OID, INT8OID,
	INT8OID, TEXTOID, BYTEAOID, BYTEAOID
};

static const char chain_version[] = "postmortem.schema_change/1";

static void
hash_update(pg_cryptohash_ctx *ctx, const void *data, size_t len)
{
	if (pg_cryptohash_update(ctx, (const uint8 *) data, len) < 0)
		elog(ERROR, "could not update SHA-256 hash: %s",
			 pg_cryptohash_error(ctx));
}

static void
hash_uint64(pg_cryptohash_ctx *ctx, uint64 v)
{
	uint8		buf[8];
	int			i;

	for (i = 7; i >= 0; i--)
	{
		buf[i] = (uint8) (v & 0xff);
		v >>= 8;
	}
	hash_update(ctx, buf, 8);
}

/*
 * pm_row_hash: SHA-256 of one row given as values/nulls indexed by ScColumn.
 * row_hash itself is not part of the input.
 */
void
pm_row_hash(Datum *values, bool *nulls, uint8 *out)
{
	pg_cryptohash_ctx *ctx;
	int			i;

	ctx = pg_cryptohash_create(PG_SHA256);
	if (pg_cryptohash_init(ctx) < 0)
		elog(ERROR, "could not initialize SHA-256 hash: %s",
			 pg_cryptohash_error(ctx));
	hash_update(ctx, chain_version, sizeof(chain_version));

	for (i = 0; i < SC_NCOLUMNS; i++)
	{
		uint8		isnull = nulls[i] ? 1 : 0;
		Datum		v = values[i];

		if (i == SC_ROW_HASH)
			continue;
		hash_update(ctx, &isnull, 1);
		if (nulls[i])
			continue;

		switch (sc_column_types[i])
		{
			case INT8OID:
				hash_uint64(ctx, (uint64) DatumGetInt64(v));
				break;
			case TIMESTAMPTZOID:
				hash_uint64(ctx, (uint64) DatumGetTimestampTz(v));
				break;
			case XID8OID:
				hash_uint64(ctx, U64FromFullTransactionId(DatumGetFullTransactionId(v)));
				break;
			case INT4OID:
				hash_uint64(ctx, (uint64) (int64) DatumGetInt32(v));
				break;
			case OIDOID:
				hash_uint64(ctx, (uint64) DatumGetObjectId(v));
				break;
			case BOOLOID:
				hash_uint64(ctx, DatumGetBool(v) ? 1 : 0);
				break;
			case INTERVALOID:
				{
					Interval   *iv = DatumGetIntervalP(v);

					hash_uint64(ctx, (uint64) iv->time);
					hash_uint64(ctx, (uint64) (int64) iv->day);
					hash_uint64(ctx, (uint64) (int64) iv->month);
					break;
				}
			default:
				{
					/* text, bytea, inet: the stored bytes */
					struct varlena *vl = PG_DETOAST_DATUM_PACKED(v);

					hash_uint64(ctx, (uint64) VARSIZE_ANY_EXHDR(vl));
					hash_update(ctx, VARDATA_ANY(vl), VARSIZE_ANY_EXHDR(vl));
					break;
				}
		}
	}

	if (pg_cryptohash_final(ctx, out, PG_SHA256_DIGEST_LENGTH) < 0)
		elog(ERROR, "could not finalize SHA-256 hash: %s",
			 pg_cryptohash_error(ctx));
	pg_cryptohash_free(ctx);
}

/* schema_change_hash(postmortem.schema_change): the hash the recorder chained */
PG_FUNCTION_INFO_V1(pm_schema_change_hash);
Datum
pm_schema_change_hash(PG_FUNCTION_ARGS)
{
	HeapTupleHeader rec = PG_GETARG_HEAPTUPLEHEADER(0);
	TupleDesc	tupdesc;
	HeapTupleData tuple;
	Datum		values[SC_NCOLUMNS];
	bool		nulls[SC_NCOLUMNS];
	uint8		digest[PG_SHA256_DIGEST_LENGTH];
	bytea	   *result;
	int			i;

	tupdesc = lookup_rowtype_tupdesc(HeapTupleHeaderGetTypeId(rec),
									 HeapTupleHeaderGetTypMod(rec));
	tuple.t_len = HeapTupleHeaderGetDatumLength(rec);
	ItemPointerSetInvalid(&tuple.t_self);
	tuple.t_tableOid = InvalidOid;
	tuple.t_data = rec;

	for (i = 0; i < SC_NCOLUMNS; i++)
	{
		int			attno;

		values[i] = (Datum) 0;
		nulls[i] = true;
		for (attno = 1; attno <= tupdesc->natts; attno++)
		{
			Form_pg_attribute att = TupleDescAttr(tupdesc, attno - 1);

			if (att->attisdropped || strcmp(NameStr(att->attname), sc_column_names[i]) != 0)
				continue;
			if (att->atttypid != sc_column_types[i])
				ereport(ERROR,
						(errcode(ERRCODE_DATATYPE_MISMATCH),
						 errmsg("column \"%s\" of schema_change has type %s, expected %s",
								sc_column_names[i], format_type_be(att->atttypid),
								format_type_be(sc_column_types[i]))));
			values[i] = heap_getattr(&tuple, attno, tupdesc, &nulls[i]);
			break;
		}
	}
	ReleaseTupleDesc(tupdesc);

	pm_row_hash(values, nulls, digest);
	result = (bytea *) palloc(VARHDRSZ + PG_SHA256_DIGEST_LENGTH);
	SET_VARSIZE(result, VARHDRSZ + PG_SHA256_DIGEST_LENGTH);
	memcpy(VARDATA(result), digest, PG_SHA256_DIGEST_LENGTH);
	PG_RETURN_BYTEA_P(result);
}
