/*-------------------------------------------------------------------------
 *
 * readback.c
 *	  What report() adds to the author's text, taken out again when
 *	  import_markdown reads a report back.
 *
 * Escapes.  A CommonMark backslash escape ('\' before ASCII punctuation) stands
 *	  for the character itself.  report() escapes user text that way
 *	  (report_text.c), so import_markdown undoes it in the text it keeps:
 *	  \*ALERT!\* is the text *ALERT!*, as any CommonMark reader shows it.
 *
 * Cited schema changes.  report() lists them in the timeline as
 * "Schema change 12 (root cause): DROP INDEX ..."; they are citations, not
 * entries someone wrote, and an import cannot cite a change of another
 * database: such entries are left out (the "Schema changes cited" section
 * is not read either).
 *
 * Pure C on the parsed document, no SPI: the parser stays fuzzable alone.
 * A parser that already reads inline Markdown (and so undoes escapes) must
 * not call this as well.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "document/readback.h"

/*
 * '\' before ASCII punctuation goes, and a decimal character reference of
 * a printable ASCII character or a tab ("&#42;") becomes it; everything
 * else stays.
 */
void
pm_md_unescape(char *s)
{
	char	   *w = s;

	if (s == NULL || (strchr(s, '\\') == NULL && strstr(s, "&#") == NULL))
		return;
	for (char *r = s; *r; r++)
	{
		if (r[0] == '\\' && r[1] != '\0' && ispunct((unsigned char) r[1]))
			r++;
		else if (r[0] == '&' && r[1] == '#' && isdigit((unsigned char) r[2]))
		{
			char	   *end;
			long		code = strtol(r + 2, &end, 10);

			if (*end == ';' && end - r <= 6 && (code == 9 || (code >= 32 && code < 127)))
			{
				*w++ = (char) code;
				r = end;
				continue;
			}
		}
		*w++ = *r;
	}
	*w = '\0';
}

/* "Schema change 12 (" at the start of an entry: report()'s citation line */
static bool
cited_change(const char *body)
{
	const char *p = body;

	if (strncmp(p, "Schema change ", 14) != 0)
		return false;
	p += 14;
	if (!isdigit((unsigned char) *p))
		return false;
	while (isdigit((unsigned char) *p))
		p++;
	return strncmp(p, " (", 2) == 0;
}

/* the document as its author wrote it: no escapes, no citation lines */
void
pm_document_readback(PmDocument *doc)
{
	int			n = 0;

	for (int i = 0; i < doc->nentries; i++)
		if (!cited_change(doc->entries[i].body))
			doc->entries[n++] = doc->entries[i];
	doc->nentries = n;

	pm_md_unescape(doc->title);
	pm_md_unescape(doc->summary);
	pm_md_unescape(doc->impact);
	pm_md_unescape(doc->root_cause);
	pm_md_unescape(doc->resolution);
	for (int i = 0; i < doc->nentries; i++)
		pm_md_unescape(doc->entries[i].body);
	for (int i = 0; i < doc->ntasks; i++)
	{
		pm_md_unescape(doc->tasks[i].title);
		pm_md_unescape(doc->tasks[i].owner);
	}
	for (int i = 0; i < doc->nimprovements; i++)
		pm_md_unescape(doc->improvements[i]);
}
