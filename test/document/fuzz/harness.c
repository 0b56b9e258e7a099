/*-------------------------------------------------------------------------
 *
 * harness.c
 *	  libFuzzer entry point for the document parser (pm_parse_document).
 *
 * The input is handed over as exactly its bytes, without a terminating
 * NUL, so that AddressSanitizer sees any read past the end.  The first
 * byte, when the input is long enough, picks the options (an on_date, a
 * default zone), so that both the "no date" and the dated paths are
 * fuzzed.  Everything the parser returns is walked, so that a dangling or
 * unterminated string in the result is read too.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <stdint.h>

#include "document/parse.h"
#include "shim.h"

static size_t
walk(const char *s)
{
	return s ? strlen(s) : 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	PmOptions	opt;
	PmDocument *doc;
	size_t		sum = 0;
	char	   *copy;

	memset(&opt, 0, sizeof(opt));
	if (size > 0 && (data[0] & 1))
	{
		opt.has_on_date = true;
		opt.on_year = 2024;
		opt.on_month = 5;
		opt.on_day = 15;
	}
	if (size > 0 && (data[0] & 2))
		opt.default_zone = "America/New_York";
	/* an exact copy: a read past the end is an ASan report, not a NUL */
	copy = malloc(size ? size : 1);
	memcpy(copy, data, size);
	doc = pm_parse_document(copy, (int) size, &opt);
	sum += walk(doc->title) + walk(doc->summary) + walk(doc->impact) +
		walk(doc->root_cause) + walk(doc->resolution) + walk(doc->severity) +
		walk(doc->status) + walk(doc->time_zone) + walk(doc->error_message) +
		walk(doc->error_detail) + walk(doc->error_hint);
	for (int i = 0; i < doc->nentries; i++)
		sum += walk(doc->entries[i].body) + walk(doc->entries[i].kind);
	for (int i = 0; i < doc->ntasks; i++)
		sum += walk(doc->tasks[i].title) + walk(doc->tasks[i].owner) +
			walk(doc->tasks[i].status) + walk(doc->tasks[i].kind);
	for (int i = 0; i < doc->nimprovements; i++)
		sum += walk(doc->improvements[i]);
	for (int i = 0; i < doc->nnotes; i++)
		sum += walk(doc->notes[i]);
	if (doc->has_users_count && doc->users_count < 0)
		__builtin_trap();		/* a count of users is never negative */
	free(copy);
	shim_reset();
	return sum == (size_t) -1;
}
