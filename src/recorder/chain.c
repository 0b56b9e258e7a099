/*-------------------------------------------------------------------------
 *
 * chain.c
 *	  The hash chain over postmortem.schema_change: the row hash, and the
 *	  origin a database records under.
 *
 * Each row's row_hash is SHA-256 over every other column of the row, prev_hash included, in a canonical
 * binary form: for each column in a fixed order, a null flag, and for a
 * non-null value its length and bytes (integers and timestamps big-endian,
 * text, bytea and inet as stored).  Columns added after 0.1.0 (after
 * row_hash in ScColumn) enter only when not NULL, each after a byte naming
 * it: a row that leaves them NULL hashes as 0.1.0 did, so old rows keep
 * verifying when a column is added.  Nothing depends on DateStyle, TimeZone or
 * the column order of the table, so the hash survives pg_dump and restore.
 *
 * The digest: with OpenSSL, one EVP context and one SHA-256 implementation
 * for the session, fetched once (pg_cryptohash_init() passes EVP_sha256()
 * to EVP_DigestInit_ex(), and OpenSSL 3 then looks the implementation up in
 * its providers again for every row: 4 k instructions, a quarter of hashing
 * a row); without OpenSSL, PostgreSQL's own (common/cryptohash.h).
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "access/xlog.h"
#include "catalog/pg_type.h"
#include "common/cryptohash.h"
#include "common/sha2.h"
#include "commands/dbcommands.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "port/pg_bswap.h"
#include "utils/memutils.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/lsyscache.h"
#include "utils/timestamp.h"
#include "utils/typcache.h"
#include "utils/xid8.h"

#ifdef USE_OPENSSL
#include <openssl/evp.h>
#endif

#include "recorder/recorder.h"

const char *const sc_column_names[SC_NCOLUMNS] = {
	"id", "at", "finished_at", "duration", "xid", "command_tag", "object_type",
	"object_identity", "schema_name", "table_name", "table_oid", "statement",
	"role_name", "application_name", "client_addr", "backend_pid",
	"database_name", "migration", "lock_mode", "blocks_writes", "blocks_reads",
	"rewrote_table", "rewrite_reason", "definition_before", "definition_after",
	"revert_statement", "index_invalid", "failed", "table_rows",
	"table_seq_scan", "table_idx_scan", "origin", "prev_hash", "row_hash",
	"session_role"
};

const Oid	sc_column_types[SC_NCOLUMNS] = {
	INT8OID, TIMESTAMPTZOID, TIMESTAMPTZOID, INTERVALOID, XID8OID, TEXTOID,
	TEXTOID, TEXTOID, TEXTOID, TEXTOID, OIDOID, TEXTOID, TEXTOID, TEXTOID,
	INETOID, INT4OID, TEXTOID, TEXTOID, TEXTOID, BOOLOID, BOOLOID, BOOLOID,
	TEXTOID, TEXTOID, TEXTOID, TEXTOID, BOOLOID, BOOLOID, INT8OID, INT8OID,
	INT8OID, TEXTOID, BYTEAOID, BYTEAOID,
	TEXTOID
};

static const char chain_version[] = "postmortem.schema_change/1";

static inline char *
put_uint64(char *p, uint64 v)
{
	uint64		be = pg_hton64(v);

	memcpy(p, &be, sizeof(be));
	return p + sizeof(be);
}

#ifdef USE_OPENSSL
/* SHA-256 of len bytes at data into out (PG_SHA256_DIGEST_LENGTH bytes) */
static void
sha256(const char *data, Size len, uint8 *out)
{
	static EVP_MD *md = NULL;
	static EVP_MD_CTX *mdctx = NULL;

	/* kept for the session: never freed, so an error cannot leak them */
	if (md == NULL)
	{
#if OPENSSL_VERSION_NUMBER >= 0x30000000L
		md = EVP_MD_fetch(NULL, "SHA256", NULL);
#else
		md = (EVP_MD *) EVP_sha256();
#endif
		if (md == NULL)
			elog(ERROR, "could not fetch the SHA-256 implementation of OpenSSL");
	}
	if (mdctx == NULL && (mdctx = EVP_MD_CTX_new()) == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_OUT_OF_MEMORY),
				 errmsg("out of memory")));
	if (EVP_DigestInit_ex(mdctx, md, NULL) != 1 ||
		EVP_DigestUpdate(mdctx, data, len) != 1 ||
		EVP_DigestFinal_ex(mdctx, out, NULL) != 1)
		elog(ERROR, "could not compute SHA-256 hash");
}
#else
/* SHA-256 of len bytes at data into out (PG_SHA256_DIGEST_LENGTH bytes) */
static void
sha256(const char *data, Size len, uint8 *out)
{
	pg_cryptohash_ctx *ctx = pg_cryptohash_create(PG_SHA256);

	if (pg_cryptohash_init(ctx) < 0 ||
		pg_cryptohash_update(ctx, (const uint8 *) data, len) < 0 ||
		pg_cryptohash_final(ctx, out, PG_SHA256_DIGEST_LENGTH) < 0)
		elog(ERROR, "could not compute SHA-256 hash: %s", pg_cryptohash_error(ctx));
	pg_cryptohash_free(ctx);
}
#endif

/*
 * pm_row_hash: SHA-256 of one row given as values/nulls indexed by ScColumn.
 * row_hash itself is not part of the input.  The row is serialized into one
 * buffer, sized beforehand, and hashed in one call.
 */
void
pm_row_hash(Datum *values, bool *nulls, uint8 *out)
{
	struct varlena *vls[SC_NCOLUMNS];
	char		stackbuf[2048];
	char	   *buf;
	char	   *p;
	Size		len = sizeof(chain_version) + SC_NCOLUMNS_0_1_0 - 1;	/* null flags */
	int			i;

	/* the size of the serialized row */
	for (i = 0; i < SC_NCOLUMNS; i++)
	{
		if (i == SC_ROW_HASH || nulls[i])
			continue;
		if (i > SC_ROW_HASH)
			len++;				/* the column's tag */
		switch (sc_column_types[i])
		{
			case INTERVALOID:
				len += 3 * sizeof(uint64);
				break;
			case TEXTOID:
			case BYTEAOID:
			case INETOID:
				vls[i] = PG_DETOAST_DATUM_PACKED(values[i]);
				len += sizeof(uint64) + VARSIZE_ANY_EXHDR(vls[i]);
				break;
			default:
				len += sizeof(uint64);
				break;
		}
	}
	buf = len <= sizeof(stackbuf) ? stackbuf : palloc(len);

	p = buf;
	memcpy(p, chain_version, sizeof(chain_version));
	p += sizeof(chain_version);
	for (i = 0; i < SC_NCOLUMNS; i++)
	{
		Datum		v = values[i];

		if (i == SC_ROW_HASH)
			continue;
		if (i > SC_ROW_HASH)
		{
			/* a column added after 0.1.0: only when set, after its tag */
			if (nulls[i])
				continue;
			*p++ = (char) i;
		}
		else
		{
			*p++ = nulls[i] ? 1 : 0;
			if (nulls[i])
				continue;
		}

		switch (sc_column_types[i])
		{
			case INT8OID:
				p = put_uint64(p, (uint64) DatumGetInt64(v));
				break;
			case TIMESTAMPTZOID:
				p = put_uint64(p, (uint64) DatumGetTimestampTz(v));
				break;
			case XID8OID:
				p = put_uint64(p, U64FromFullTransactionId(DatumGetFullTransactionId(v)));
				break;
			case INT4OID:
				p = put_uint64(p, (uint64) (int64) DatumGetInt32(v));
				break;
			case OIDOID:
				p = put_uint64(p, (uint64) DatumGetObjectId(v));
				break;
			case BOOLOID:
				p = put_uint64(p, DatumGetBool(v) ? 1 : 0);
				break;
			case INTERVALOID:
				{
					Interval   *iv = DatumGetIntervalP(v);

					p = put_uint64(p, (uint64) iv->time);
					p = put_uint64(p, (uint64) (int64) iv->day);
					p = put_uint64(p, (uint64) (int64) iv->month);
					break;
				}
			default:
				{
					/* text, bytea, inet: the stored bytes */
					Size		n = VARSIZE_ANY_EXHDR(vls[i]);

					p = put_uint64(p, (uint64) n);
					memcpy(p, VARDATA_ANY(vls[i]), n);
					p += n;
					break;
				}
		}
	}
	Assert(p == buf + len);

	sha256(buf, len, out);
	if (buf != stackbuf)
		pfree(buf);
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

/*
 * local_origin(): the origin this database records under,
 * <system identifier>/<database name> (as capture.c writes it on each row).
 */
PG_FUNCTION_INFO_V1(pm_local_origin);
Datum
pm_local_origin(PG_FUNCTION_ARGS)
{
	char	   *dbname = get_database_name(MyDatabaseId);

	PG_RETURN_TEXT_P(cstring_to_text(psprintf(UINT64_FORMAT "/%s",
											  GetSystemIdentifier(), dbname)));
}
