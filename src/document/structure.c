/*-------------------------------------------------------------------------
 *
 * structure.c
 *	  The structure of a postmortem document: lines, headings and the
 *	  sections of the template (summary, timeline, root cause, measures), and
 *	  pm_parse_document, which runs the passes in order.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <ctype.h>

#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "pgtime.h"
#include "utils/datetime.h"
#include "utils/timestamp.h"

#include "document/parse.h"
#include "document/parse_int.h"

/* a line with no text of the document's own: blank, code, front matter, a comment */
static inline bool
pm_no_text(const PmLine *ln)
{
	return ln->code || ln->front_matter || ln->comment || ln->len == 0;
}

/* ---------------------------------------------------------------------
 * headings
 * ---------------------------------------------------------------------
 */

/*
 * The words after a leading emoji: a heading of the writer's own when short
 * (six words at most), without a time, a colon or a sentence's end.
 */
static bool
pm_emoji_heading(const char *s, const char *e)
{
	int			words = 1;

	if (e[-1] == '.' || e[-1] == '!' || e[-1] == '?' || e[-1] == ',' || e[-1] == ':')
		return false;
	/* "📆 All timestamps in UTC": the timeline's zone, said */
	if (pm_contains_ci(s, e - s, "all times") || pm_contains_ci(s, e - s, "times are"))
		return false;
	for (const char *t = s; t < e; t++)
	{
		if (*t == ':' || isdigit((unsigned char) *t))
			return false;
		if (*t == ' ')
			words++;
	}
	return words <= 6;
}

/*
 * Is the line a heading?  "# Name", "**Name**", "**Name:**", or a plain short
 * line "Name:" / "Name" that names a known part.  Returns the name (cleaned)
 * and whether it was a # heading.
 */
/* "Name::" -> "Name": the colons and spaces a heading's name ends with */
static char *
pm_heading_name(const char *s, const char *e)
{
	char	   *name = pm_clean(s, e);
	int			l = strlen(name);

	while (l > 0 && (name[l - 1] == ':' || name[l - 1] == ' '))
		name[--l] = '\0';
	return name;
}

/* "## Name", "##Name" (no heading to CommonMark, one to its writer) */
static char *
pm_atx_heading(const char *s, const char *e, bool *atx, int *level)
{
	const char *q = s;

	while (q < e && *q == '#')
		q++;
	if (q < e && *q != ' ' && *q != '\t')
	{
		char	   *name = pm_heading_name(q, e);

		if (!isalpha((unsigned char) *q) || pm_head_kind(name) == HEAD_OTHER)
			return NULL;
		*atx = true;
		*level = q - s;
		return name;
	}
	*atx = true;
	*level = q - s;
	while (e > q && (e[-1] == '#' || e[-1] == ' '))
		e--;
	while (e > q && e[-1] == ':')
		e--;
	return pm_heading_name(q, e);
}

/*
 * "**Incident timeline** _(most recent first: times are in UTC)_": a bold
 * known part with a remark in brackets after it, named with the remark (its
 * zone counts).
 */
static char *
pm_bold_remark_heading(const char *s, const char *e)
{
	const char *b;
	const char *close;
	char	   *name;
	StringInfoData buf;

	close = (e[-1] == ')') ? e - 1 : (e - s > 2 && (e[-1] == '_' || e[-1] == '*') && e[-2] == ')') ? e - 2 : NULL;
	if (close == NULL || e - s < 8 || s[0] != s[1])
		return NULL;
	for (b = s + 2; b + 1 < close; b++)
		if (b[0] == s[0] && b[1] == s[0])
			break;
	if (b + 1 >= close || b == s + 2)
		return NULL;
	{
		const char *r = b + 2;

		while (r < close && *r == ' ')
			r++;
		if (r < close && (*r == '_' || *r == '*'))
			r++;
		if (r >= close || *r != '(' || r == b + 2)
			return NULL;
		initStringInfo(&buf);
		appendBinaryStringInfo(&buf, s + 2, b - (s + 2));
		appendStringInfoChar(&buf, ' ');
		appendBinaryStringInfo(&buf, r, close + 1 - r);
	}
	name = pm_heading_name(buf.data, buf.data + buf.len);
	if (name == NULL || pm_head_kind(name) == HEAD_OTHER)
		return NULL;
	return name;
}

/* a bold line: **Name** or **Name:** or **Name**: */
static char *
pm_bold_heading(const char *s, const char *e)
{
	const char *end = e;
	char	   *name = pm_bold_remark_heading(s, e);

	if (name)
		return name;
	if (end[-1] == ':')
		end--;
	/* "**Name**" or "__Name__" */
	if (end - s > 4 && end[-1] == s[0] && end[-2] == s[0])
	{
		const char *inner = s + 2,
				   *ie = end - 2;

		for (const char *t = inner; t + 1 < ie; t++)
			if (t[0] == s[0] && t[1] == s[0])
				return NULL;
		if (ie > inner)
		{
			char	   *plain = pm_heading_name(inner, ie);

			/*
			 * "**All times in UTC-3 (São Paulo time)**" under the timeline's
			 * heading: the writer says the zone in bold, as others say it in
			 * plain words or after an emoji; it heads nothing, and read as a
			 * heading of its own it would end the timeline and lose the zone.
			 * A known part ("**Timeline (all times UTC)**") stays a heading.
			 */
			if ((pm_prefix_ci(inner, ie, "all times") || pm_prefix_ci(inner, ie, "times are")) &&
				pm_head_kind(plain) == HEAD_OTHER)
				return NULL;
			return plain;
		}
	}
	return NULL;
}

/* an italic line naming a known part: *Timeline:* or _Timeline_ */
static char *
pm_italic_heading(const char *s, const char *e)
{
	const char *end = e;

	if (end[-1] == ':')
		end--;
	if (end - s > 2 && end[-1] == s[0] && end[-2] != ' ')
	{
		char	   *name = pm_heading_name(s + 1, end - 1);

		if (pm_head_kind(name) != HEAD_OTHER && pm_count_words(name) <= 6)
			return name;
	}
	return NULL;
}

/*
 * Does a short line read as a sentence, not as the name of a part: "We
 * will fix part 1", "Fix the alert", "Add a canary" (a verb, then its
 * object's article), not "Fix", "The fix" or "Summary of the incident"?
 */
static bool
pm_short_sentence(const char *s, const char *e)
{
	static const char *const articles[] = {"the", "a", "an", "our", "all", "every",
	"each", "its", "their", "any", "this", "these", "those", "more", "new"};
	const char *w = s;

	if (pm_word_ci(s, e, "we") || pm_word_ci(s, e, "i"))
		return true;
	while (w < e && isalpha((unsigned char) *w))
		w++;
	if (w == s || w >= e || *w != ' ')
		return false;
	w++;
	for (int i = 0; i < lengthof(articles); i++)
		if (pm_word_ci(w, e, articles[i]))
			return true;
	return false;
}

/* a plain short line naming a known part: "Timeline:", "Timeline (EAT)." */
static char *
pm_plain_heading(const char *s, const char *e, int len)
{
	const char *end = e;
	int			words = 1;
	int			most = 6;
	char	   *name;

	if (end[-1] == ':')
		end--;
	else if (end[-1] == '?' && (pm_prefix_ci(s, e, "what ") || pm_prefix_ci(s, e, "how ") ||
								pm_prefix_ci(s, e, "why ")))
	{
		end--;					/* "What was the root cause?", a heading that asks */
		most = 12;
	}
	else if (end[-1] == '.' && len <= 30 && memchr(s, ' ', len) != NULL &&
			 memchr(s, '(', len) != NULL)
		end--;					/* "Timeline (EAT)." */
	else if (end[-1] == '.' || end[-1] == '!' || end[-1] == '?' || end[-1] == ',')
		return NULL;
	for (const char *t = s; t < end; t++)
	{
		if (*t == ':')
			return NULL;
		if (*t == ' ')
			words++;
	}
	/*
	 * "🕒 Timeline (a rollercoaster in bullet points)", "Timeline (all times
	 * are in East Africa Time)": a part's name of a few words and the
	 * writer's aside in brackets after it; the aside's words are not the
	 * name's, and the name before it says which part it is
	 */
	if (words > most && end[-1] == ')')
	{
		const char *o = memchr(s, '(', end - s);
		int			before = 1;

		for (const char *t = s; o != NULL && t < o; t++)
			if (*t == ' ' && t + 1 < o)
				before++;
		if (o != NULL && o > s + 1 && o[-1] == ' ' && before <= 4 &&
			memchr(o, ')', end - o) == end - 1 && !pm_short_sentence(s, o - 1))
		{
			char	   *head = pm_clean(s, o - 1);
			PmHeadKind	kind = pm_head_kind(head);

			name = pm_clean(s, end);
			if (kind != HEAD_OTHER && pm_head_kind(name) == kind)
				return name;
		}
		return NULL;
	}
	if (words > most || pm_short_sentence(s, end))
		return NULL;
	name = pm_clean(s, end);
	if (pm_head_kind(name) == HEAD_OTHER)
		return NULL;
	return name;
}

/*
 * "# me\tDescription" (a "| Time | Description |" header whose first
 * letters were lost in a copy of the rendered page): a "#" line with a tab
 * between its words is a row of a pasted table, no heading
 */
static bool
pm_tab_row(const char *s, const char *e)
{
	while (e > s && (e[-1] == '\t' || e[-1] == ' '))
		e--;
	return memchr(s, '\t', e - s) != NULL;
}

/* the level of a "## Name" line, without reading its name; 0 for none */
static int
pm_atx_level(const PmLine *ln)
{
	const char *s = ln->s,
			   *e = ln->s + ln->len,
			   *q = s;

	while (q < e && *q == '#')
		q++;
	if (ln->indent > 3 || q == s || q == e || (*q != ' ' && *q != '\t') || pm_tab_row(s, e))
		return 0;
	return q - s;
}

/*
 * "📅 Timeline: Here is how the night went:", "📝 Task List: What we will
 * actually do": a label naming the timeline, the tasks or the measures run
 * into a line that introduces the list below it (ending in a colon, or a
 * few words without a full stop or a digit) is that part's heading
 */
static char *
pm_run_in_heading(const char *s, const char *e)
{
	const char *c;
	const char *r;
	char	   *name;
	PmHeadKind	kind;
	int			words = 0;

	if (s < e && !isalpha((unsigned char) *s))
		s = pm_skip_emoji(s, e);
	if (s >= e || !isalpha((unsigned char) *s))
		return NULL;
	c = memchr(s, ':', Min(e - s, 48));
	if (c == NULL || c + 1 >= e || c[1] != ' ')
		return NULL;
	/* "Timeline (format bullet point, format: time ...)": inside brackets */
	{
		const char *o = memchr(s, '(', c - s);

		if (o != NULL && memchr(o, ')', c - o) == NULL)
			return NULL;
	}
	for (r = c + 1; r < e; r++)
	{
		if (isdigit((unsigned char) *r))
			return NULL;
		if (*r == ' ' && r + 1 < e && r[1] != ' ')
			words++;
	}
	if (e[-1] != ':' && (words > 8 || e[-1] == '.' || e[-1] == '!' || e[-1] == '?'))
		return NULL;
	name = pm_clean(s, c);
	if (pm_count_words(name) > 6)
		return NULL;
	kind = pm_head_kind(name);
	if (kind != HEAD_TIMELINE && kind != HEAD_TASKS && kind != HEAD_MEASURES)
		return NULL;
	return name;
}

char *
pm_heading(const PmLine *ln, const PmLine *next, bool *atx, int *level)
{
	const char *s = ln->s,
			   *e = ln->s + ln->len;

	*atx = false;
	*level = 0;
	if (ln->len == 0 || ln->indent > 3)
		return NULL;
	if (*s == '#')
		return pm_tab_row(s, e) ? NULL : pm_atx_heading(s, e, atx, level);
	/* setext: Name\n==== */
	if (next && next->len >= 3 && next->indent <= 3 &&
		(next->s[0] == '=' || (next->s[0] == '-' && ln->len > 0)))
	{
		bool		all = true;

		for (int i = 0; i < next->len; i++)
			if (next->s[i] != next->s[0] && next->s[i] != ' ')
				all = false;
		/*
		 * "At 18:05 UTC, players were disconnected. ... channel." over
		 * "------": sentences of prose above a rule, no heading
		 */
		if (all && ln->len > 80 && e[-1] == '.' && memchr(s, ' ', e - s) != NULL &&
			next->s[0] == '-')
			all = false;
		if (all && *s != '-' && *s != '*' && *s != '|')
		{
			*atx = true;
			*level = next->s[0] == '=' ? 1 : 2;
			return pm_clean(s, e);
		}
	}
	if (ln->len > 4 && (s[0] == '*' || s[0] == '_') && s[1] == s[0])
		return pm_bold_heading(s, e);
	if (ln->len > 2 && (s[0] == '*' || s[0] == '_') && s[1] != s[0] && s[1] != ' ')
		return pm_italic_heading(s, e);
	/* "事故概述:", "处理过程": a short line of CJK characters naming a part */
	if ((unsigned char) *s >= 0xe3 && (unsigned char) *s <= 0xe9 && ln->indent == 0 &&
		ln->len <= 96 && memchr(s, ' ', e - s) == NULL)
	{
		const char *end = e;
		bool		colon = false;

		/* the full-width colon too */
		if (end - s > 3 && (unsigned char) end[-3] == 0xef && (unsigned char) end[-2] == 0xbc &&
			(unsigned char) end[-1] == 0x9a)
		{
			end -= 3;
			colon = true;
		}
		else if (end > s && end[-1] == ':')
		{
			end--;
			colon = true;
		}

		/*
		 * a label of a few characters, or a sentence ending in a colon that
		 * introduces the list below ("我们将采取以下措施,避免...:")
		 */
		if ((end - s <= 24 || colon) && memchr(s, ':', end - s) == NULL)
		{
			char	   *name = pm_clean(s, end);

			if (pm_head_kind(name) != HEAD_OTHER)
				return name;
		}
	}
	if (ln->indent == 0 && ln->len <= 160 && e[-1] != '.' && e[-1] != '!' && e[-1] != '?' &&
		(isalpha((unsigned char) *s) || (unsigned char) *s >= 0xe2) &&
		memchr(s, ':', Min(ln->len, 48)) != NULL)
	{
		char	   *name = pm_run_in_heading(s, e);

		if (name)
			return name;
	}
	/* a plain short line naming a known part ("🕒 Timeline (UTC)" too) */
	if (ln->indent == 0 && ln->len <= 60 && !isalpha((unsigned char) *s))
	{
		const char *after = pm_skip_emoji(s, e);

		if (after > s && after < e && isalpha((unsigned char) *after) &&
			pm_emoji_heading(after, e))
		{
			/*
			 * "😱 The Culprit — Illustrated": a writer's heading, whatever it
			 * names; ended by nothing of the template's, as "##" would be
			 * (level 0: no list of the measures, no timeline phase).
			 */
			*atx = true;
			*level = 0;
			return pm_clean(after, e);
		}
		s = after;
	}
	if (ln->indent == 0 && ln->len <= 60 && s < e && isalpha((unsigned char) *s) &&
		memchr(s, '\t', e - s) == NULL)
		return pm_plain_heading(s, e, e - s);
	return NULL;
}

/* is the line a setext underline ("===", "---"), as far as its bytes go? */
static bool
pm_setext_underline(const PmLine *ln)
{
	if (ln == NULL || ln->len < 3 || (ln->s[0] != '=' && ln->s[0] != '-'))
		return false;
	for (int i = 1; i < ln->len; i++)
		if (ln->s[i] != ln->s[0] && ln->s[i] != ' ')
			return false;
	return true;
}

/* the line after line i, or NULL: what a setext underline is looked for in */
static inline const PmLine *
pm_next_line(const PmParser *ps, int i)
{
	return (i + 1 < ps->nlines) ? &ps->lines[i + 1] : NULL;
}

/* ---------------------------------------------------------------------
 * the first pass: lines, sections
 * ---------------------------------------------------------------------
 */
void
pm_split_lines(PmParser *ps, const char *text, int len)
{
	const char *p = text,
			   *e = text + len;
	int			max = 64;
	bool		fence = false;
	int			lineno = 0;

	ps->lines = palloc(sizeof(PmLine) * max);
	ps->nlines = 0;
	/* a byte order mark is not text */
	if (e - p >= 3 && (unsigned char) p[0] == 0xef && (unsigned char) p[1] == 0xbb &&
		(unsigned char) p[2] == 0xbf)
		p += 3;
	while (p < e)
	{
		const char *nl = memchr(p, '\n', e - p);
		const char *le = nl ? nl : e;
		const char *c = p;
		int			indent = 0;
		bool		quoted;
		PmLine	   *ln;

		lineno++;
		while (c < le && (*c == ' ' || *c == '\t'))
		{
			indent += (*c == '\t') ? 4 - indent % 4 : 1;
			c++;
		}
		/* "> quoted", ">> Timeline": the quote's text is the document's */
		quoted = (indent <= 3 && c < le && *c == '>');
		if (quoted)
		{
			while (c < le && (*c == '>' || *c == ' '))
				c++;
			indent = 0;
		}
		while (le > c && isspace((unsigned char) le[-1]))
			le--;
		if (ps->nlines == max)
		{
			max *= 2;
			ps->lines = repalloc(ps->lines, sizeof(PmLine) * max);
		}
		ln = &ps->lines[ps->nlines++];
		ln->s = c;
		ln->len = le - c;
		ln->indent = indent;
		ln->lineno = lineno;
		ln->section = SEC_NONE;
		ln->code = false;
		ln->front_matter = false;
		ln->comment = false;
		ln->group = false;
		ln->quote = quoted;
		/* "## Example Incident", or "Example Incident" over a setext underline */
		if (ln->len >= 7 && (*c == '#' || *c == 'E' || *c == 'e') && !ps->example_heading &&
			(memchr(c, 'x', ln->len) != NULL || memchr(c, 'X', ln->len) != NULL))
			ps->example_heading = pm_contains_ci(c, ln->len, "example");
		/* what only a Markdown parser settles: HTML, fences, nested lists */
		if (ln->len > 0 && (*c == '<' || *c == '`' || *c == '~' ||
							(indent > 0 && (*c == '-' || *c == '*' || *c == '+' || isdigit((unsigned char) *c)))))
			ps->needs_blocks = true;
		if (ln->len >= 3 && (strncmp(c, "```", 3) == 0 || strncmp(c, "~~~", 3) == 0))
		{
			fence = !fence;
			ln->code = true;
		}
		else if (fence)
			ln->code = true;
		else if (ln->len >= 4 && strncmp(c, "<!--", 4) == 0)
			ln->code = true;
		else if (ln->len >= 2 && c[0] == '!' && c[1] == '[')
			ln->code = true;	/* an image */
		p = nl ? nl + 1 : e;
	}
}

/* ---------------------------------------------------------------------
 * the parser
 * ---------------------------------------------------------------------
 */
bool
pm_generic_title(const char *t)
{
	static const char *const generic[] = {"postmortem", "post-mortem", "post mortem",
		"postmortem report", "post-mortem report", "incident report", "incident postmortem",
	"postmortem document", "incident post-mortem", "pir", "post-incident review"};

	for (int i = 0; i < lengthof(generic); i++)
		if (pg_strcasecmp(t, generic[i]) == 0)
			return true;
	return false;
}

/*
 * A section beside the template ("## Lessons learned", "## What went
 * well"): kept with its heading, its Markdown source as the body.  The
 * report's own "Schema changes cited" is not kept: report() writes it from
 * the citations.
 */
static void
pm_begin_other(PmParser *ps, const char *name)
{
	PmSectionText *st;

	ps->other = NULL;
	if (pg_strncasecmp(name, "schema changes cited", 20) == 0 || name[0] == '\0')
		return;
	if (ps->nsections == ps->maxsections)
	{
		ps->maxsections = ps->maxsections ? ps->maxsections * 2 : 8;
		ps->sections = ps->sections ?
			repalloc(ps->sections, sizeof(PmSectionText) * ps->maxsections) :
			palloc(sizeof(PmSectionText) * ps->maxsections);
	}
	st = &ps->sections[ps->nsections++];
	st->heading = pstrdup(name);
	st->body = NULL;
	ps->other = palloc(sizeof(StringInfoData));
	initStringInfo(ps->other);
}

/* a line of a kept section, its indentation restored */
static void
pm_other_line(PmParser *ps, const PmLine *ln, bool newpara)
{
	StringInfo	buf = ps->other;

	if (buf == NULL)
		return;
	if (buf->len > 0)
		appendStringInfoString(buf, newpara ? "\n\n" : "\n");
	for (int i = 0; i < ln->indent; i++)
		appendStringInfoChar(buf, ' ');
	appendBinaryStringInfo(buf, ln->s, ln->len);
	ps->sections[ps->nsections - 1].body = buf->data;
}

/* the kept sections, on the document (a heading without a body is none) */
static void
pm_finish_others(PmParser *ps)
{
	PmDocument *doc = ps->doc;

	doc->sections = ps->sections;
	doc->nsections = 0;
	for (int i = 0; i < ps->nsections; i++)
		if (ps->sections[i].body != NULL)
			doc->sections[doc->nsections++] = ps->sections[i];
}

/*
 * A heading that holds a time field and its value ("# Outage Duration: May
 * 15, 2024, 01:00 AM - 03:30 AM (UTC)"): read as the summary line it is.
 */
static bool
pm_heading_field(PmParser *ps, const PmLine *ln, char *name)
{
	const char *value;
	int			nlen = strlen(name);
	PmField		f = pm_read_field(name, name + nlen, &value);
	PmLine		kv = *ln;

	if ((f != F_DURATION && f != F_START && f != F_END) || value >= name + nlen)
		return false;
	kv.s = name;
	kv.len = nlen;
	kv.indent = 0;
	pm_summary_line(ps, &kv, true);
	return true;
}

static bool pm_timed_line_follows(const PmParser *ps, const PmLine *ln);

static bool pm_time_range(const char *s, int len);

/* " (All times CET)", " (times in UTC)": a bracketed remark on the entries' zone */
static bool
pm_zone_remark(const char *s, const char *e)
{
	while (s < e && *s == ' ')
		s++;
	return e - s > 6 && *s == '(' && e[-1] == ')' && memchr(s + 1, '(', e - s - 2) == NULL &&
		pm_contains_ci(s, e - s, "time");
}

/*
 * A heading inside the timeline: a date over the entries below it ("###
 * May 16, 2023"), an entry with its text below ("### 14:05 UTC", "**14:05
 * UTC**", also when its words name a part: "**18:30 UTC: Issue
 * Resolution**"), or a phase of it ("### Detection", "### Escalation",
 * "### Resolution" under "## Timeline": the entries below stay its own).
 */
static bool
pm_timeline_heading(PmParser *ps, const PmLine *ln, char *name, bool atx, int level,
					PmHeadKind hk)
{
	PmStamp		st;
	int			nlen = strlen(name);
	const char *day = pm_skip_day_number(name, name + nlen);
	int			n;

	if (hk == HEAD_OTHER && (n = pm_read_stamp(day, name + nlen, &st)) > 0 &&
		st.has_date && !st.has_time &&
		(n == name + nlen - day || pm_zone_remark(day + n, name + nlen)))
	{
		/*
		 * "### 04-11-2022 (All times CET)": the day over its entries, and
		 * the zone its remark names for them, as on a plain date line
		 */
		pm_new_entry(ps, &st, ln->lineno, -1);
		ps->date_markers++;
		if (n < name + nlen - day)
			pm_scan_zone(ps, day + n, name + nlen);
		return true;
	}
	if (hk == HEAD_OTHER || isdigit((unsigned char) name[0]))
	{
		const char *body = pm_entry_head(name, name + nlen, &st);

		/*
		 * "### 22:04-23:00 UTC: Network Split Identified", "### 14:30 UTC -
		 * cont'd: ..." over "- 22:04: ..." items: a phase of the timeline,
		 * its span or its carrying on, whose items are the entries (a heading
		 * of one time over untimed text is an entry: "### 10:05 UTC")
		 */
		if (body != NULL && st.has_time && pm_timed_line_follows(ps, ln) &&
			(pm_time_range(name, nlen) || pm_contains_ci(name, nlen, "cont'd") ||
			 pm_contains_ci(name, nlen, "continued")))
			return true;
		if (body != NULL && st.has_time)
		{
			PmRawEntry *r = pm_new_entry(ps, &st, ln->lineno, ln->indent);

			if (body < name + nlen)
				appendBinaryStringInfo(&r->body, body, name + nlen - body);
			r->open_body = true;
			return true;
		}
	}
	/*
	 * "🛠️ The Fix" under a plain "Timeline" line: a phase of it ("✅
	 * Resolution", "💥 Impact" name the next parts)
	 */
	if (atx && level == 0 && ps->timeline_level == 0 && !ps->timeline_emoji &&
		(hk == HEAD_OTHER ||
		 ((hk == HEAD_RESOLUTION || hk == HEAD_IMPACT) &&
		  !pm_prefix_ci(name, name + nlen, "resolution") &&
		  !pm_prefix_ci(name, name + nlen, "root cause") &&
		  !pm_prefix_ci(name, name + nlen, "impact") &&
		  !pm_prefix_ci(name, name + nlen, "recovery"))))
		return true;
	/*
	 * "Resolution:" over "- 11:05 AM: restored from the backup", after
	 * "Detection:" and "Escalation:" over theirs: the timeline's last phase
	 */
	if (hk == HEAD_RESOLUTION && ps->nraw > 0 && pm_timed_line_follows(ps, ln))
		return true;
	/* "### Actions Taken" below "## Timeline": a phase, not the measures */
	return atx && ps->timeline_level > 0 && level > ps->timeline_level &&
		(hk == HEAD_OTHER || hk == HEAD_RESOLUTION || hk == HEAD_IMPACT ||
		 (hk == HEAD_MEASURES && pm_contains_ci(name, nlen, "actions taken")));
}

/* the document's title, when the heading is it */
static bool
pm_title_heading(PmParser *ps, char *name, bool atx, int level, PmHeadKind hk,
				 PmSection sec, bool *generic_title, int top_level, int top_count)
{
	PmDocument *doc = ps->doc;

	if (sec == SEC_NONE && hk == HEAD_OTHER && doc->title != NULL &&
		doc->title == ps->front_title)
	{
		/* the heading under the front matter is the title people see */
		doc->title = name;
		return true;
	}
	if (doc->title == NULL && sec == SEC_NONE &&
		(hk == HEAD_OTHER ||
		 (atx && level == top_level && top_count == 1 && pm_count_words(name) >= 3) ||
		 (atx && level == top_level && top_count == 1 && hk == HEAD_SUMMARY &&
		  pg_strncasecmp(name, "incident", 8) == 0)))	/* "# Incident #42" */
	{
		/*
		 * The title, also when it holds a section's word ("# DNS resolution
		 * failures", "# Incident summary — login latency"): a lone heading
		 * of the top level, of three words or more, names the document, the
		 * headings below it its parts.
		 */
		doc->title = name;
		*generic_title = pm_generic_title(name);
		return true;
	}
	if (*generic_title && hk == HEAD_OTHER && sec == SEC_NONE && atx)
	{
		doc->title = name;
		*generic_title = false;
		return true;
	}
	return false;
}

/* "Completed", "Immediate Actions (Completed)", "Done": a list of what was done */
static bool
pm_heading_says_done(const char *name)
{
	int			len = strlen(name);

	return pm_contains_ci(name, len, "(completed)") || pm_contains_ci(name, len, "(done)") ||
		pg_strcasecmp(name, "completed") == 0 || pg_strcasecmp(name, "done") == 0;
}

/*
 * "### P0 — Block direct image changes" over paragraphs, lists of files and
 * "**Owner:** ledger on-call": a subheading of the measures whose text names
 * an owner is one task, the heading its title and what is under it its
 * detail.  Looks from the heading's line to the next heading.
 */
static bool
pm_heading_names_owner(PmParser *ps, const PmLine *ln)
{
	bool		first = true;

	for (int k = (int) (ln - ps->lines) + 1; k < ps->nlines; k++)
	{
		const PmLine *l = &ps->lines[k];
		const char *value;
		bool		marker;

		if (l->code || l->len == 0)
			continue;
		if (l->s[0] == '#')
			return false;
		/* a group of tasks starts with them: "1. Add alerts" then "Owner: ana" */
		if (first)
		{
			pm_strip_marker(l->s, l->s + l->len, &marker);
			if (marker || l->s[0] == '|')
				return false;
			first = false;
		}
		if (l->indent == 0 && pm_task_label(l->s, l->s + l->len, &value) == 2)
			return true;
	}
	return false;
}

/*
 * "## Validate EL fork parameterization" over a paragraph that says what and
 * why, under "# Root Cause Remediations": a subheading of the measures over
 * prose alone (no list, no table, one paragraph or more) is one measure, the
 * heading its title.  Looks from the heading's line to the next heading.
 */
static bool
pm_heading_over_prose(PmParser *ps, const PmLine *ln)
{
	bool		prose = false;

	for (int k = (int) (ln - ps->lines) + 1; k < ps->nlines; k++)
	{
		const PmLine *l = &ps->lines[k];
		bool		marker;

		if (l->len == 0)
			continue;
		if (l->code || l->s[0] == '|')
			return false;
		if (l->s[0] == '#')
			break;
		pm_strip_marker(l->s, l->s + l->len, &marker);
		if (marker || l->group)
			return false;
		prose = true;
	}
	return prose;
}

/* a heading inside the measures that names one of their lists */
static bool
pm_measures_heading(PmParser *ps, const PmLine *ln, const char *name, bool atx, int level,
					PmHeadKind hk)
{
	/*
	 * "### Prevention", "### Detection" under "## Action Items": groups of
	 * the action items, not sections of their own; under a Tasks heading
	 * every group's items are tasks.  Under "## Recommendations Going
	 * Forward", "### Immediate Actions:" is the suggestions' horizon: its
	 * items stay suggestions.
	 */
	/*
	 * A course README's "## Tasks" (the project's list of tasks) over
	 * "### 🔥 Outage Postmortem: ...": before any task, a subheading that
	 * names the postmortem itself opens the document the tasks heading
	 * only holds, no group of its tasks.
	 */
	if (atx && level > ps->measures_level && hk == HEAD_OTHER &&
		ps->measures_group == GROUP_TASKS && ps->nitems == ps->items_at_heading &&
		(pm_contains_ci(name, strlen(name), "postmortem") ||
		 pm_contains_ci(name, strlen(name), "post-mortem") ||
		 pm_contains_ci(name, strlen(name), "outage")))
		return false;
	if (atx && level > ps->measures_level &&
		(hk == HEAD_OTHER || hk == HEAD_MEASURES || hk == HEAD_RESOLUTION ||
		 hk == HEAD_IMPROVEMENTS || hk == HEAD_TASKS))
	{
		if (ps->measures_group == GROUP_IMPROVEMENTS && hk == HEAD_TASKS)
			hk = HEAD_IMPROVEMENTS;
		if (ps->measures_group != GROUP_TASKS)
			ps->group = (hk == HEAD_TASKS) ? GROUP_TASKS :
				(hk == HEAD_IMPROVEMENTS) ? GROUP_IMPROVEMENTS : ps->measures_group;
	}
	else if (hk == HEAD_TASKS || hk == HEAD_IMPROVEMENTS || (hk == HEAD_OTHER && !atx))
		ps->group = (hk == HEAD_TASKS) ? GROUP_TASKS : GROUP_IMPROVEMENTS;
	else
		return false;
	ps->saw_task_heading |= (hk == HEAD_TASKS);
	ps->in_task_table = false;
	ps->items_at_heading = ps->nitems;
	/* "### Immediate Actions (Completed)": the items below it are done */
	ps->group_done = pm_heading_says_done(name);
	ps->in_heading_task = false;
	if (atx && level > ps->measures_level &&
		(pm_heading_names_owner(ps, ln) ||
		 (hk == HEAD_OTHER && ps->measures_group == GROUP_DEFAULT &&
		  pm_heading_over_prose(ps, ln))))
	{
		PmItem	   *it = pm_new_item(ps, 0);

		appendStringInfoString(&it->text, name);
		it->lineno = ln->lineno;
		ps->in_heading_task = true;
	}
	return true;
}

/* a heading that opens a part of the template (or another section) */
static void
pm_part_heading(PmParser *ps, char *name, bool atx, int level, PmHeadKind hk, PmSection *sec)
{
	int			nlen = strlen(name);

	/* "⏱️ Key Timestamps" (an incident.io export): the summary's fields */
	if (hk == HEAD_OTHER && pm_contains_ci(name, nlen, "timestamps") &&
		!pm_contains_ci(name, nlen, "timeline"))
		hk = HEAD_SUMMARY;
	if (hk != HEAD_OTHER && hk != HEAD_RETRO)
		ps->parts_seen++;
	switch (hk)
	{
		case HEAD_SUMMARY:
			*sec = SEC_SUMMARY;
			ps->cur_field = NULL;
			ps->summary_level = atx ? level : 0;
			break;
		case HEAD_IMPACT:
			if (*sec != SEC_SUMMARY)
				*sec = SEC_SUMMARY;
			ps->cur_field = &ps->impact;
			break;
		case HEAD_TIMELINE:
			*sec = SEC_TIMELINE;
			ps->timeline_level = atx ? level : 0;
			ps->timeline_emoji = atx && level == 0;
			ps->saw_timeline = true;
			pm_scan_zone(ps, name, name + nlen);
			break;
		case HEAD_ROOT:
		case HEAD_RESOLUTION:
			if (*sec != SEC_ROOT)
			{
				ps->root_combined = (hk == HEAD_ROOT &&
									 pm_contains_ci(name, nlen, "resolution"));
				ps->root_labelled = false;
			}
			else
				ps->root_labelled = true;
			*sec = SEC_ROOT;
			ps->root_field = (hk == HEAD_ROOT) ? &ps->root : &ps->resolution;
			break;
		case HEAD_MEASURES:
		case HEAD_TASKS:
		case HEAD_IMPROVEMENTS:
			/* the measures section, or one of its own lists */
			*sec = SEC_MEASURES;
			ps->in_heading_task = false;
			ps->group = (hk == HEAD_TASKS) ? GROUP_TASKS :
				(hk == HEAD_IMPROVEMENTS) ? GROUP_IMPROVEMENTS : GROUP_DEFAULT;
			ps->measures_level = atx ? level : 0;
			ps->measures_group = ps->group;
			{
				char		buf[128];

				/* "What We've Done": the measures below it were taken */
				ps->group_done = hk == HEAD_MEASURES &&
					pm_head_says_done(pm_lower_copy(name, nlen, buf, sizeof(buf)));
			}
			if (hk == HEAD_TASKS)
				ps->saw_task_heading = true;
			ps->in_task_table = false;
			ps->items_at_heading = ps->nitems;
			break;
		case HEAD_OTHER:
		case HEAD_RETRO:
			/* "## Issue Summary" then "### Resume of problem": still inside it */
			ps->other_in_summary = atx && hk == HEAD_OTHER && ps->summary_level > 0 &&
				level > ps->summary_level &&
				(*sec == SEC_SUMMARY || (*sec == SEC_OTHER && ps->other_in_summary));
			*sec = SEC_OTHER;
			ps->other_level = (atx && hk == HEAD_OTHER) ? level : 0;
			pm_begin_other(ps, name);
			if (hk == HEAD_OTHER && ps->nsections == 1 && !ps->saw_timeline &&
				ps->summary.len == 0 && ps->impact.len == 0)
				ps->has_lead = true;
			break;
	}
}

/* a heading that opens with a day, its year named, and no time */
static bool
pm_date_heading(const char *name)
{
	PmStamp		st;

	return pm_read_stamp(name, name + strlen(name), &st) > 0 && st.has_date &&
		!st.has_time && st.y != 0;
}

/* does the first line with words after ln open with a time? */
static bool
pm_timed_line_follows(const PmParser *ps, const PmLine *ln)
{
	for (int i = (int) (ln - ps->lines) + 1; i < ps->nlines; i++)
	{
		const PmLine *l = &ps->lines[i];
		PmStamp		st;
		const char *body;
		const char *p;
		bool		marker;

		if (l->len == 0 || l->code)
			continue;
		/* "| Time | Event |" over "| 22:04 | ... |": the first row's first cell */
		if (*l->s == '|')
		{
			const char *c = pm_skip_space(l->s + 1, l->s + l->len);

			if (pm_table_separator(l->s, l->s + l->len) ||
				(i + 1 < ps->nlines && pm_table_separator(ps->lines[i + 1].s,
														  ps->lines[i + 1].s + ps->lines[i + 1].len)))
				continue;		/* the separator, or the header above it */
			body = pm_entry_head(c, l->s + l->len, &st);
			return body != NULL && st.has_time;
		}
		/* "- 11:05 AM: ..." as well as "1612: ..." */
		p = pm_strip_marker(l->s, l->s + l->len, &marker);
		body = pm_entry_head(p, l->s + l->len, &st);
		return body != NULL && st.has_time && body < l->s + l->len;
	}
	return false;
}

/*
 * "#### The Quest for Answers" over "- **10:00 AM UTC:** ..." items: the
 * list right under the heading, three items or more, every one opening
 * with a time, and no heading further down that names the timeline.
 */
static bool
pm_timed_items_follow(const PmParser *ps, const PmLine *ln)
{
	int			items = 0;
	int			i = (int) (ln - ps->lines) + 1;

	for (; i < ps->nlines; i++)
	{
		const PmLine *l = &ps->lines[i];
		PmStamp		st;
		const char *body;
		const char *p;
		bool		marker;

		if (l->code)
			return false;
		if (l->len == 0)
		{
			if (items > 0)
				break;
			continue;
		}
		if (l->s[0] == '#')
			break;
		p = pm_strip_marker(l->s, l->s + l->len, &marker);
		if (!marker)
		{
			if (items > 0 && l->indent > 0)
				continue;		/* the item's own text, wrapped */
			return false;
		}
		body = pm_entry_head(p, l->s + l->len, &st);
		if (body == NULL || !st.has_time || body >= l->s + l->len)
			return false;
		items++;
	}
	if (items < 3)
		return false;
	for (; i < ps->nlines; i++)
	{
		const PmLine *l = &ps->lines[i];

		if (l->len > 1 && l->s[0] == '#' && !l->code &&
			pm_head_kind(pm_clean(l->s, l->s + l->len)) == HEAD_TIMELINE)
			return false;
	}
	return true;
}

/* the section being kept is the review held after the incident ("## Post-mortem") */
static bool
pm_review_section(const PmParser *ps)
{
	const char *h;
	int			len;

	if (ps->nsections == 0 || ps->sections[ps->nsections - 1].heading == NULL)
		return false;
	h = ps->sections[ps->nsections - 1].heading;
	len = strlen(h);
	return pm_contains_ci(h, len, "post-mortem") || pm_contains_ci(h, len, "postmortem") ||
		pm_contains_ci(h, len, "post mortem") || pm_contains_ci(h, len, "retro") ||
		pm_contains_ci(h, len, "review");
}

/*
 * "- **Review actions**:", "- **Followup actions:**", "- **Context**:": a
 * list item that is only a bold label, its items below it.  Returns the
 * label (palloc'd, without the colon), or NULL.
 */
static char *
pm_label_item(const PmLine *ln)
{
	const char *s = ln->s,
			   *e = ln->s + ln->len,
			   *q;
	bool		marker;

	s = pm_strip_marker(s, e, &marker);
	if (!marker || e - s < 5 || s[0] != '*' || s[1] != '*')
		return NULL;
	while (e > s && (e[-1] == ':' || e[-1] == ' '))
		e--;
	if (e - s < 5 || e[-1] != '*' || e[-2] != '*')
		return NULL;
	for (q = s + 2; q < e - 2; q++)
		if (*q == '*' || q - s > 42)
			return NULL;
	q = e - 2;
	while (q > s + 2 && q[-1] == ':')
		q--;
	return q > s + 2 ? pnstrdup(s + 2, q - (s + 2)) : NULL;
}

/* the first item below a label item at i starts with a day and a time */
static bool
pm_label_items_dated(PmParser *ps, int i)
{
	for (int k = i + 1; k < ps->nlines; k++)
	{
		const PmLine *ln = &ps->lines[k];
		const char *s;
		bool		marker;
		PmStamp		st;

		if (ln->len == 0)
			continue;
		if (ln->code || ln->indent <= ps->lines[i].indent)
			return false;
		s = pm_strip_marker(ln->s, ln->s + ln->len, &marker);
		return marker && pm_read_stamp(s, ln->s + ln->len, &st) > 0 && st.has_date &&
			st.has_time && st.y != 0;
	}
	return false;
}

/*
 * A label item among the summary's bullets ("- **Review actions**:" over
 * its items, "- **Context**:" over "2025-06-17 14:06: ..." items): the
 * measures, or the timeline, until the list comes back to its indentation.
 * Returns the section its items are in, or sec when it is no such label.
 */
static PmSection
pm_label_section(PmParser *ps, int i, PmSection sec)
{
	char	   *label = pm_label_item(&ps->lines[i]);
	PmHeadKind	hk;
	PmSection	to = sec;

	if (label == NULL)
		return sec;
	hk = pm_head_kind(label);
	if (hk == HEAD_OTHER && pm_label_items_dated(ps, i))
	{
		/* dated items are the timeline only where no heading names one */
		bool		heading = false;

		for (int k = 0; k < ps->nlines && !heading; k++)
		{
			const PmLine *ln = &ps->lines[k];

			if (!ln->code && ln->len > 2 && ln->s[0] == '#')
				heading = pm_head_kind(pm_clean(ln->s, ln->s + ln->len)) == HEAD_TIMELINE;
		}
		if (!heading)
			hk = HEAD_TIMELINE;
	}
	if (hk == HEAD_TASKS || hk == HEAD_MEASURES || hk == HEAD_IMPROVEMENTS ||
		hk == HEAD_TIMELINE)
		pm_part_heading(ps, label, false, 0, hk, &to);
	return to;
}

/*
 * A heading in pass 1: a date or an entry inside the timeline, the title, a
 * list of the measures, a summary field's label, or the start of another
 * section.  Returns false when the heading is text of the section it is in
 * (a bold line in the root cause), true when it was read.
 */
static bool
pm_section_heading(PmParser *ps, const PmLine *ln, char *name, bool atx, int level,
				   PmSection *sec, bool *generic_title, int top_level, int top_count)
{
	PmDocument *doc = ps->doc;
	PmHeadKind hk = pm_head_kind(name);

	if (*sec == SEC_TIMELINE && pm_timeline_heading(ps, ln, name, atx, level, hk))
		return true;
	if (pm_title_heading(ps, name, atx, level, hk, *sec, generic_title, top_level, top_count))
		return true;
	if (*sec == SEC_MEASURES && pm_measures_heading(ps, ln, name, atx, level, hk))
		return true;
	if (atx && hk == HEAD_OTHER && doc->title != NULL && *sec == SEC_OTHER &&
		ps->ntimes == 0 && ps->nraw == 0 && !ps->saw_timeline && pm_date_heading(name))
	{
		/*
		 * "## Incidents" over "### 2025-09-23 – Refund Failure" and its
		 * "**Date:**" / "**Time:**" fields: an incident log's entry, whose
		 * fields are the summary (the log's own Summary named no time)
		 */
		pm_append_text(&ps->summary, name, strlen(name), true);
		*sec = SEC_SUMMARY;
		return true;
	}
	if (atx && hk == HEAD_OTHER && doc->title != NULL && pm_date_heading(name) &&
		(*sec == SEC_NONE || (*sec == SEC_OTHER && ps->parts_seen == 0)))
	{
		/* "### 9 March 2022 · 41 minutes global · ExampleCDN": the day, said above the parts */
		pm_append_text(&ps->summary, name, strlen(name), true);
		return true;
	}
	if (!atx && hk == HEAD_OTHER && (*sec == SEC_SUMMARY || *sec == SEC_NONE || *sec == SEC_ROOT))
	{
		/* "**Duration:**" alone: a field label for the lines below */
		PmField		f = pm_field_kind(name);

		if (*sec == SEC_ROOT)
			return false;		/* text of the root cause */
		if (f != F_NONE)
		{
			ps->cur_field = pm_field_buf(ps, f);
			return true;
		}
		if (*sec == SEC_NONE && doc->title == NULL)
		{
			doc->title = name;
			return true;
		}
		return false;
	}
	if (!atx && hk == HEAD_OTHER && (*sec == SEC_TIMELINE || *sec == SEC_MEASURES))
		return true;
	if (atx && hk == HEAD_OTHER && (*sec == SEC_SUMMARY || *sec == SEC_NONE) &&
		doc->title != NULL && pm_heading_field(ps, ln, name))
	{
		/* "# Outage Duration: August 18, 2024, 01:00 AM - 03:30 AM": a field */
		*sec = SEC_SUMMARY;
		return true;
	}
	if (atx && hk == HEAD_OTHER &&
		(*sec == SEC_SUMMARY || *sec == SEC_NONE ||
		 (*sec == SEC_OTHER && ps->other_in_summary && level > ps->summary_level)) &&
		pm_field_kind(name) != F_NONE)
	{
		/* "### Duration" in the summary (also after "### Resume of problem"): a field, its value below */
		*sec = SEC_SUMMARY;
		ps->cur_field = pm_field_buf(ps, pm_field_kind(name));
		return true;
	}
	if (atx && hk == HEAD_OTHER && *sec != SEC_TIMELINE && !ps->saw_timeline && ps->nraw == 0 &&
		pm_date_heading(name) && pm_timed_line_follows(ps, ln))
	{
		/*
		 * "## How was it fixed" then "### 14 Mar 2019" over "1612: ...":
		 * the day the lines below it happened, the timeline
		 */
		*sec = SEC_TIMELINE;
		ps->saw_timeline = true;
		ps->parts_seen++;
		return pm_timeline_heading(ps, ln, name, atx, level, hk);
	}
	if (atx && hk == HEAD_OTHER && *sec != SEC_TIMELINE && !ps->saw_timeline && ps->nraw == 0 &&
		pm_timed_items_follow(ps, ln))
	{
		/*
		 * "#### The Odyssey of Discovery" over "- **10:00 AM UTC:** ..."
		 * bullets: a course README names its timeline in its own words;
		 * the timed list under the heading is the timeline
		 */
		*sec = SEC_TIMELINE;
		ps->saw_timeline = true;
		ps->parts_seen++;
		return pm_timeline_heading(ps, ln, name, atx, level, hk);
	}
	if (*sec == SEC_OTHER && atx && ps->other_level > 0 && level > ps->other_level &&
		hk == HEAD_TASKS && pm_contains_ci(name, strlen(name), "actions") &&
		!pm_contains_ci(name, strlen(name), "item") && !pm_review_section(ps))
		return false;			/* "### Immediate Actions" under "## Mitigation": what was done */
	pm_part_heading(ps, name, atx, level, hk, sec);
	ps->what_happened = (hk == HEAD_SUMMARY && pm_contains_ci(name, strlen(name), "what happened")) ||
		(hk == HEAD_OTHER && atx && *sec == SEC_OTHER);	/* "## How it unfolded" */
	return true;
}

/*
 * The timeline's line i, read with the lines that carry on its paragraph
 * (a hard-wrapped paragraph of prose is read as one line).  Returns the
 * paragraph's last line.
 */
static int
pm_timeline_paragraph(PmParser *ps, int i)
{
	int			j = pm_paragraph_end(ps, i);
	StringInfoData buf;
	PmLine		joined = ps->lines[i];

	if (j <= i + 1)
	{
		pm_timeline_line(ps, &ps->lines[i]);
		return i;
	}
	initStringInfo(&buf);
	for (int k = i; k < j; k++)
	{
		if (k > i)
			appendStringInfoChar(&buf, ' ');
		appendBinaryStringInfo(&buf, ps->lines[k].s, ps->lines[k].len);
	}
	joined.s = buf.data;
	joined.len = buf.len;
	pm_timeline_line(ps, &joined);
	return j - 1;
}

static bool pm_code_block_log(PmParser *ps, int i);

/*
 * A timeline pasted as a code block (from chat, or to keep its columns):
 * read the block's lines, when the timeline has no entries of its own (so
 * that a log excerpt quoted among entries stays a quote).
 */
static void
pm_code_timeline(PmParser *ps)
{
	bool		open = false,
				diagram = false;

	for (int i = 0; i < ps->nlines; i++)
	{
		PmLine	   *ln = &ps->lines[i];
		const char *e = ln->s + ln->len;

		/* a line is no C string: compare within its length */
		if (ln->code && (pm_prefix_ci(ln->s, e, "```") || pm_prefix_ci(ln->s, e, "~~~")))
		{
			/* "```mermaid": a diagram (report()'s gantt), never the timeline */
			open = !open;
			diagram = open && pm_prefix_ci(pm_skip_space(ln->s + 3, e), e, "mermaid");
			continue;
		}
		if (diagram)
			continue;
		if (open && !ps->saw_timeline && pm_code_block_log(ps, i))
		{
			/* a chat log in a fence, no Timeline heading: the timeline */
			ps->saw_timeline = true;
			ps->parts_seen++;
			for (int j = i; j < ps->nlines && ps->lines[j].code &&
				 !pm_prefix_ci(ps->lines[j].s, ps->lines[j].s + ps->lines[j].len, "```"); j++)
				ps->lines[j].section = SEC_TIMELINE;
		}
		if (ln->code && !ln->comment && ln->section == SEC_TIMELINE && ln->len > 0 &&
			!pm_prefix_ci(ln->s, e, "```") && !pm_prefix_ci(ln->s, e, "~~~") &&
			!pm_prefix_ci(ln->s, e, "<!--") && !pm_prefix_ci(ln->s, e, "!["))
			pm_timeline_line(ps, ln);
	}
}

/*
 * A fenced block from line i to its closing fence whose every line, three
 * or more, opens with a time ("[04:12] Opsgenie: CRITICAL - ...", "04:14
 * @femi: ..."): a chat or alert log pasted as the timeline.  Only in a
 * document whose lines outside fences name no time, so an example log in a
 * report with its own timeline is not one.
 */
static bool
pm_code_block_log(PmParser *ps, int i)
{
	int			timed = 0;

	for (int j = i; j < ps->nlines; j++)
	{
		const PmLine *ln = &ps->lines[j];
		const char *e = ln->s + ln->len;
		PmStamp		st;
		const char *body;

		if (!ln->code || pm_prefix_ci(ln->s, e, "```") || pm_prefix_ci(ln->s, e, "~~~"))
			break;
		if (ln->comment || ln->section == SEC_TIMELINE)
			return false;
		if (ln->len == 0)
			continue;
		body = pm_entry_head(ln->s, e, &st);
		/* a time of day alone: "Oct 15 19:02:11 host systemd[1]: ..." is a log file's */
		if (body == NULL || !st.has_time || st.has_date || body >= e)
			return false;
		timed++;
	}
	if (timed < 3)
		return false;
	/* read once: a document of many such blocks asks for each */
	if (ps->prose_timed == 0)
	{
		ps->prose_timed = -1;
		for (int j = 0; j < ps->nlines && ps->prose_timed < 0; j++)
			if (!ps->lines[j].code && ps->lines[j].len > 0 &&
				pm_line_names(&ps->lines[j], false, true))
				ps->prose_timed = 1;
	}
	return ps->prose_timed < 0;
}

/*
 * A paragraph of a status notice that opens with its time ("2025-02-11
 * 16:04:00 - Uploads are failing ...", "UPDATE 09:50: The provider ...",
 * "(Wednesday 7th June 2023 18:48:30 UTC)"), followed by words: a list of
 * numbers (a CSV row) is none.
 */
static bool
pm_notice_entry(const PmLine *ln)
{
	const char *s = ln->s,
			   *e = ln->s + ln->len,
			   *body;
	PmStamp		st;
	int			words = 0;

	if (pm_no_text(ln) || *s == '|' || *s == '#')
		return false;
	/*
	 * "UPDATE 09:50:", "Update -", "**Update: 06:32** -": the word status
	 * pages put first, and its colon
	 */
	s = pm_skip_decor(s, e);
	if (pm_word_ci(s, e, "update"))
		s = pm_skip_space(s + 6, e);
	else if (pm_word_ci(s, e, "updated"))
		s = pm_skip_space(s + 7, e);
	if (s < e && *s == ':' && s > ln->s && isalpha((unsigned char) s[-1]))
		s = pm_skip_space(s + 1, e);
	body = pm_entry_head(s, e, &st);
	if (body == NULL || !st.has_time)
		return false;
	for (const char *p = body; p < e; p++)
		if (isalpha((unsigned char) *p) && (p == body || !isalpha((unsigned char) p[-1])))
			words++;
	return words >= 3 || (body == e);
}

/* the paragraph at line i, the text of the stamp alone above it; its last line */
static int
pm_notice_text(PmParser *ps, int i)
{
	int			j = Max(pm_paragraph_end(ps, i), i + 1);
	PmRawEntry *r = &ps->raw[ps->nraw - 1];

	for (int k = i; k < j; k++)
	{
		if (r->body.len > 0)
			appendStringInfoChar(&r->body, ' ');
		appendBinaryStringInfo(&r->body, ps->lines[k].s, ps->lines[k].len);
		ps->lines[k].section = SEC_TIMELINE;
	}
	return j - 1;
}

/*
 * A line of a status notice that is neither an update nor its summary: a
 * chart's caption that restates the updates' times ("The trouble began at
 * 18:05 UTC and got worse at 18:40 UTC"), or "Posted by ... Mon, 12 August
 * 2024" when the title names the incident's own day.
 */
static bool
pm_notice_aside(PmParser *ps, const PmLine *ln)
{
	if (ps->nraw > 0 && pm_sentence_restates(ps, ln->s, ln->s + ln->len))
		return true;
	if (pm_prefix_ci(ln->s, ln->s + ln->len, "posted ") && ps->doc->title != NULL)
	{
		PmStamps	found;

		memset(&found, 0, sizeof(found));
		pm_scan_stamps(ps->doc->title, strlen(ps->doc->title), &found);
		for (int i = 0; i < found.n; i++)
			if (found.st[i].has_date && found.st[i].y != 0)
				return true;
	}
	return false;
}

static bool pm_posted_line(PmParser *ps, const PmLine *ln);
static int	pm_narrative_paragraph(PmParser *ps, int i);
static bool pm_says_outage(const char *s, int len);
static void pm_marker_task(PmParser *ps, const PmLine *ln);

/*
 * "| Action Item | Type | Owner | Bug |" among the summary's fields, with no
 * heading of its own: the header of the action items table, which the
 * template puts under "Action Items" (its first column the item, a column
 * naming who owns it)
 */
static bool
pm_action_table_head(const PmLine *ln)
{
	const char *cs[8],
			   *ce[8];
	int			nc;
	const char *a;

	if (ln->s[0] != '|' || ln->len < 20)
		return false;
	nc = pm_table_cells(ln->s, ln->s + ln->len, cs, ce, 8);
	if (nc < 2)
		return false;
	a = pm_skip_space(cs[0], ce[0]);
	if (!pm_prefix_ci(a, ce[0], "action item"))
		return false;
	for (int i = 1; i < nc; i++)
		if (pm_contains_ci(cs[i], ce[i] - cs[i], "owner"))
			return true;
	return false;
}

/*
 * "| Time | Event |", "| Date | Time (UTC) | Event |" in a summary: the
 * header of a timeline table put under the summary's heading.  A column of
 * times and a column of what happened.
 */
static bool
pm_timeline_table_head(const PmLine *ln)
{
	static const char *const events[] = {"event", "events", "what happened", "description", "update"};
	const char *cs[8],
			   *ce[8];
	int			nc;
	bool		time = false,
				event = false;

	if (ln->s[0] != '|')
		return false;
	nc = pm_table_cells(ln->s, ln->s + ln->len, cs, ce, 8);
	for (int i = 0; i < nc; i++)
	{
		const char *a = pm_skip_space(cs[i], ce[i]);
		const char *b = ce[i];

		while (b > a && (b[-1] == ' ' || b[-1] == '*'))
			b--;
		while (a < b && *a == '*')
			a++;
		if (pm_prefix_ci(a, b, "time") || pm_prefix_ci(a, b, "date / time") ||
			pm_prefix_ci(a, b, "date/time") || pm_prefix_ci(a, b, "timestamp"))
			time = true;
		for (int k = 0; k < lengthof(events); k++)
			if (b - a == (int) strlen(events[k]) && pm_prefix_ci(a, b, events[k]))
				event = true;
	}
	return time && event;
}

/* past the sentence that begins at a: its ".", "!" or "?" before a space or the end */
const char *
pm_sentence_end(const char *a, const char *e)
{
	const char *b = a;

	while (b < e && !((*b == '.' || *b == '!' || *b == '?') && (b + 1 == e || b[1] == ' ')))
		b++;
	return b < e ? b + 1 : b;
}

/* the stamps of the text from a to b into *found; how many name a time of day */
static int
pm_sentence_times(const char *a, const char *b, PmStamps *found)
{
	int			times = 0;

	memset(found, 0, sizeof(PmStamps));
	pm_scan_stamps(a, b - a, found);
	for (int k = 0; k < found->n; k++)
		times += found->st[k].has_time;
	return times;
}

/*
 * A line of a "What happened" section that names a time; in a section of
 * another name, a line of prose that opens with one ("At 2:12 AM PDT on
 * October 3rd, ...", "By 3:30 AM PDT ..."), not an agenda's "- 14:00 ...".
 */
static void
pm_count_prose_time(PmParser *ps, const PmLine *ln, bool opens)
{
	const char *a = ln->s,
			   *e = ln->s + ln->len;

	/* sentence by sentence: a paragraph on one line may tell several */
	while (a < e)
	{
		const char *b = pm_sentence_end(a, e);
		PmStamps	found;

		if (opens)
		{
			const char *p = NULL;
			PmStamp		st;

			if (pm_prefix_ci(a, b, "at ") || pm_prefix_ci(a, b, "by "))
				p = a + 3;
			if (p != NULL && pm_read_stamp(p, b, &st) > 0 && st.has_time)
				ps->what_happened_times++;
		}
		else
		{
			if (pm_sentence_times(a, b, &found) > 0)
				ps->what_happened_times++;
		}
		a = pm_skip_space(b, e);
	}
}

/*
 * "Impact and Resolution Steps" / "On April 14th beginning at 08:20 UTC the
 * store began to answer slowly ... paged at 08:24 UTC ...": the Resolution's
 * sentences of prose that name a time, counted (a document with no
 * timeline tells it there)
 */
static void
pm_count_resolution_times(PmParser *ps, const PmLine *ln)
{
	const char *a = ln->s,
			   *e = ln->s + ln->len;

	while (a < e)
	{
		const char *b = pm_sentence_end(a, e);
		PmStamps	found;

		if (pm_sentence_times(a, b, &found) > 0)
			ps->resolution_times++;
		a = pm_skip_space(b, e);
	}
}

/* does the line open with "At <time>" or "By <time>" ("At 2:12 AM PDT on October 3rd, ...")? */
static bool
pm_opens_at_time(const PmLine *ln)
{
	const char *e = ln->s + ln->len;
	PmStamp		st;

	return ln->len > 4 && (pm_prefix_ci(ln->s, e, "at ") || pm_prefix_ci(ln->s, e, "by ")) &&
		pm_read_stamp(ln->s + 3, e, &st) > 0 && st.has_time;
}

/* "Timeline 01:47 – text": the word, a space and an entry's time */
static bool
pm_inline_timeline(const PmLine *ln)
{
	const char *e = ln->s + ln->len;
	PmStamp		st;

	if (ln->len < 15 || !pm_word_ci(ln->s, e, "timeline") || ln->s[8] != ' ' ||
		!isdigit((unsigned char) ln->s[9]))
		return false;
	return pm_entry_head(ln->s + 9, e, &st) != NULL && st.has_time;
}

/* "- ", "* ", "1. ", "• ": a list item's line */
static bool
pm_list_marker(const PmLine *ln)
{
	const char *s = ln->s,
			   *e = ln->s + ln->len;

	if (e - s >= 2 && (*s == '-' || *s == '*' || *s == '+') && s[1] == ' ')
		return true;
	if (e - s >= 4 && (unsigned char) s[0] == 0xe2 && (unsigned char) s[1] == 0x80 &&
		(unsigned char) s[2] == 0xa2)
		return true;
	while (s < e && isdigit((unsigned char) *s))
		s++;
	return s > ln->s && s + 1 < e && (*s == '.' || *s == ')') && s[1] == ' ';
}

/*
 * "restarted at 4:49 PM (CST)" after "between 4:42 PM and 4:49 PM (CET)":
 * the span's own time said again under another zone's name is a slip of
 * the zone; read in the span's (and noted)
 */
static void
pm_report_zone_slip(PmParser *ps, PmRawEntry *r)
{
	for (int k = 0; k < ps->nreport_span; k++)
	{
		const PmStamp *sp = &ps->report_span[k];

		if (sp->has_zone && r->st.has_zone && sp->h == r->st.h && sp->mi == r->st.mi &&
			strcmp(sp->zone.label, r->st.zone.label) != 0)
		{
			pm_note(ps->doc, "line %d names %s at %s, the time the summary gives in %s; read in %s",
					r->lineno, r->st.zone.label, pm_fmt_hm(r->st.h, r->st.mi), sp->zone.label,
					sp->zone.label);
			r->st.zone = sp->zone;
			return;
		}
	}
}

/*
 * A line of the report posted above a status page's updates: each of its
 * sentences that names a time is an entry too ("On October 9th at 14:10
 * UTC, we started a release ...", "This happened at 14:52 UTC."), but one
 * that states the span ("between 09:20 UTC and 09:41 UTC", "Between ...
 * and ..."), which the summary reads.
 */
static void
pm_report_sentences(PmParser *ps, const PmLine *ln)
{
	const char *a = ln->s,
			   *e = ln->s + ln->len;

	if (pm_no_text(ln))
		return;
	while (a < e)
	{
		const char *b = pm_sentence_end(a, e);
		PmStamps	found;
		int			times = pm_sentence_times(a, b, &found);
		if (times == 1 || (times >= 2 && !pm_time_range(a, b - a) &&
						   !pm_contains_ci(a, b - a, "between ")))
		{
			int			n0 = ps->nraw;

			pm_timeline_sentences(ps, ln, a, b);
			if (ps->nraw > n0)
				pm_report_zone_slip(ps, &ps->raw[n0]);
		}
		else if (times >= 2 && ps->nreport_span == 0)
		{
			/* the span, its zone said once at its end: "4:42 PM and 4:49 PM (CET)" */
			for (int k = 0; k < found.n && ps->nreport_span < 2; k++)
				if (found.st[k].has_time)
					ps->report_span[ps->nreport_span++] = found.st[k];
			if (ps->nreport_span == 2 && !ps->report_span[0].has_zone && ps->report_span[1].has_zone)
			{
				ps->report_span[0].has_zone = true;
				ps->report_span[0].zone = ps->report_span[1].zone;
			}
		}
		a = pm_skip_space(b, e);
	}
}

/*
 * A sentence of the text above the first heading that names a time of day
 * and states no span: counted, to tell a letter that tells the night hour
 * by hour ("Dear customers, ... at 4h50 ... At 8h35 ... at 11h40 ...") from
 * a summary that names the start and the end.
 */
static void
pm_count_letter_times(PmParser *ps, const PmLine *ln)
{
	const char *a = ln->s,
			   *e = ln->s + ln->len;

	if (ln->code || ln->len < 20 || ln->s[0] == '|')
		return;
	while (a < e)
	{
		const char *b = pm_sentence_end(a, e);
		PmStamps	found;
		int			times = pm_sentence_times(a, b, &found);
		if (times == 1)
			ps->letter_times++;
		a = pm_skip_space(b, e);
	}
}

/*
 * Line i opens or is inside a status page's update history, or a front
 * matter status file's "::: update" block: the timeline, read apart.  Sets
 * *i to the last line taken; false when line i is none of these.
 */
static bool
pm_history_line(PmParser *ps, int *i)
{
	PmLine	   *ln = &ps->lines[*i];

	if (ps->nupdates > 0 && *i >= ps->updates[0].status &&
		*i <= ps->updates[ps->nupdates - 1].stamp)
	{
		if (*i == ps->updates[0].status)
			pm_history_entries(ps);
		ln->section = SEC_TIMELINE;
		return true;
	}
	if (*i + 1 == ps->post_stamp)
		return true;			/* when the postmortem above it was posted */
	if (!ln->code && ln->len > 3 && ln->s[0] == ':')
	{
		int			last = pm_update_block(ps, *i);

		if (last >= 0)
		{
			ln->section = SEC_TIMELINE;
			*i = last;
			return true;
		}
	}
	return false;
}

/* a thematic break or a setext underline: "---", "===", "* * *" */
static bool
pm_rule_line(const PmLine *ln)
{
	if (ln->len < 3 || (ln->s[0] != '-' && ln->s[0] != '=' && ln->s[0] != '*' && ln->s[0] != '_'))
		return false;
	for (int k = 0; k < ln->len; k++)
		if (ln->s[k] != ln->s[0] && ln->s[k] != ' ')
			return false;
	return true;
}

static bool pm_summary_task_field(PmParser *ps, const PmLine *ln);

/*
 * A line before the first section: the title, a status notice's updates
 * and asides, a posted stamp, else metadata counted as summary.  Returns the
 * last line taken.
 */
static int
pm_preamble_line(PmParser *ps, int i, bool newpara, bool *generic_title)
{
	PmDocument *doc = ps->doc;
	PmLine	   *ln = &ps->lines[i];

	if (doc->title == NULL)
	{
		/*
		 * "-- Postmortem example --" over "# Checkout downtime ...": a
		 * banner the template left, framed by dashes or equals signs, is
		 * no title; the heading below it is
		 */
		if (ln->len >= 6 && (ln->s[0] == '-' || ln->s[0] == '=') && ln->s[1] == ln->s[0] &&
			ln->s[ln->len - 1] == ln->s[0] && ln->s[ln->len - 2] == ln->s[0] &&
			pm_isalnum(*pm_skip_space(ln->s + 2, ln->s + ln->len)))
			return i;
		doc->title = pm_clean(ln->s, ln->s + ln->len);
		*generic_title = pm_generic_title(doc->title);
		return i;
	}
	/*
	 * "**Update 4:40pm UTC: ledger.example is back online**" above a blog
	 * post whose prose tells the incident: an update, no start of the
	 * summary's; an entry when that prose is read as the timeline
	 */
	if (!ps->notice && pm_notice_entry(ln) &&
		pm_word_ci(pm_skip_decor(ln->s, ln->s + ln->len), ln->s + ln->len, "update"))
	{
		if (!ps->prose_timeline)
		{
			ps->notice_paragraphs++;
			return i;
		}
		{
			const char *e = ln->s + ln->len;
			const char *p = pm_skip_space(pm_skip_decor(ln->s, e) + 6, e);
			PmStamp		st;
			const char *body;
			const char *be = e;
			PmRawEntry *r;

			if (p < e && *p == ':')
				p = pm_skip_space(p + 1, e);
			body = pm_entry_head(p, e, &st);
			while (be > body && (be[-1] == '*' || be[-1] == '_' || be[-1] == ' '))
				be--;
			r = pm_new_entry(ps, &st, ln->lineno, ln->indent);
			appendBinaryStringInfo(&r->body, body, be - body);
		}
		ln->section = SEC_TIMELINE;
		return i;
	}
	if (!ps->notice && pm_notice_entry(ln))
		ps->notice_paragraphs++;
	else if (ps->notice && pm_notice_entry(ln))
	{
		/* a status notice's update: one entry, its paragraph */
		ps->parts_seen++;
		ln->section = SEC_TIMELINE;
		return pm_timeline_paragraph(ps, i);
	}
	else if (ps->notice && pm_notice_aside(ps, ln))
		return i;

	/* "2024-06-12 10:20 GMT" alone over its paragraph: the update's text */
	if (ps->notice && ps->nraw > 0 && ps->raw[ps->nraw - 1].body.len == 0 &&
		ps->raw[ps->nraw - 1].st.has_time)
	{
		ln->section = SEC_TIMELINE;
		return pm_notice_text(ps, i);
	}
	/* "Posted Nov 14, 2019 - 16:30 CST": the report's, its day only */
	if (pm_posted_line(ps, ln))
		return i;
	if (ps->letter_prose)
	{
		/* a letter's account of the night: its sentences are entries */
		ln->section = SEC_TIMELINE;
		return pm_narrative_paragraph(ps, i);
	}
	pm_count_letter_times(ps, ln);
	if (pm_summary_task_field(ps, ln))
		return i;
	pm_summary_line(ps, ln, newpara);	/* metadata above the first heading */
	return i;
}

/*
 * "- **Mitigations**: Added the signing key's fingerprint to the cache
 * keys.", "- **Follow-ups**: Watch cache hit rates for 7 days.": a field of
 * a summary written all as fields whose value is a measure -- one task
 * (done when its words say so).
 */
static bool
pm_summary_task_field(PmParser *ps, const PmLine *ln)
{
	static const char *const labels[] = {"mitigations", "follow-ups", "follow-up", "followups",
	"follow ups", "action items", "next steps"};
	const char *e = ln->s + ln->len;
	const char *s;
	const char *colon;

	if (ln->len < 12)
		return false;
	/* "- **Label**:" or "**Label**:" only */
	s = ln->s;
	if ((*s == '-' || *s == '*' || *s == '+') && s[1] == ' ')
		s = pm_skip_space(s + 1, e);
	if (s + 1 >= e || s[0] != '*' || s[1] != '*')
		return false;
	s += 2;
	if ((colon = memchr(s, ':', Min(e - s, 24))) == NULL)
		return false;
	for (int i = 0; i < lengthof(labels); i++)
	{
		const char *v;
		PmItem	   *it;
		int			n = strlen(labels[i]);

		/* "**Follow-ups**:" or "**Follow-ups:**" */
		if (!pm_prefix_ci(s, colon, labels[i]) ||
			!(s + n == colon || (s + n + 2 == colon && s[n] == '*' && s[n + 1] == '*')))
			continue;
		v = pm_skip_decor(colon + 1, e);
		if (e - v < 4)
			return false;
		it = pm_new_item(ps, 0);
		appendBinaryStringInfo(&it->text, v, e - v);
		it->lineno = ln->lineno;
		return true;
	}
	return false;
}

/*
 * A line of the summary: a posted stamp, a "What happened" narrative's
 * entries, the summary's table of events (then *sec becomes the timeline),
 * else the summary's text.  Returns the last line taken.
 */
static int
pm_summary_section_line(PmParser *ps, int i, bool newpara, PmSection *sec)
{
	PmLine	   *ln = &ps->lines[i];

	if (pm_posted_line(ps, ln))
		return i;
	if (ps->what_happened && ps->prose_timeline)
	{
		/* "At 14:36 UTC, the owning team was alerted ...": entries */
		ln->section = SEC_TIMELINE;
		return pm_narrative_paragraph(ps, i);
	}
	if (ps->what_happened)
		pm_count_prose_time(ps, ln, false);
	if (!ps->saw_timeline && pm_timeline_table_head(ln))
	{
		/* the summary's table of events: the timeline, to the next heading */
		*sec = SEC_TIMELINE;
		ps->saw_timeline = true;
		ps->parts_seen++;
		return pm_timeline_paragraph(ps, i);
	}
	if (pm_summary_task_field(ps, ln))
		return i;
	pm_summary_line(ps, ln, newpara);
	return i;
}

/* a line of a section the template does not name; returns the last line taken */
static int
pm_other_section_line(PmParser *ps, int i, bool newpara)
{
	PmLine	   *ln = &ps->lines[i];

	if (ps->what_happened && ps->prose_timeline)
	{
		ln->section = SEC_TIMELINE;
		return pm_narrative_paragraph(ps, i);
	}
	if (ps->what_happened)
		pm_count_prose_time(ps, ln, true);
	if (ln->s[0] == '|')
		pm_table_row_zone(ps, ln);
	pm_other_line(ps, ln, newpara);
	return i;
}

/*
 * The timed sentences of the paragraph at line i, when no part of the
 * document is a timeline ("The disruption was first seen at 3:12 pm, when
 * ...", "At approximately 5:05 pm all parts of the system were
 * restored."): each an entry, but a sentence that states a span ("from
 * 3:12 pm to 3:58 pm"), which the summary reads.  The lines stay their
 * section's too.
 */
static void
pm_prose_all_paragraph(PmParser *ps, int i)
{
	int			j = Max(pm_paragraph_end(ps, i), i + 1);
	StringInfoData para;
	const char *a,
			   *e;

	ps->prose_all_upto = j - 1;
	if (pm_list_marker(&ps->lines[i]) || ps->lines[i].s[0] == '|')
		return;
	initStringInfo(&para);
	for (int k = i; k < j; k++)
	{
		if (para.len > 0)
			appendStringInfoChar(&para, ' ');
		appendBinaryStringInfo(&para, ps->lines[k].s, ps->lines[k].len);
	}
	a = para.data;
	e = para.data + para.len;
	/* prose ends its sentences: not "Start Time: March 18, 2024 05:10 IDT" */
	if (e == a || (e[-1] != '.' && e[-1] != '!' && e[-1] != '?'))
		a = e;
	while (a < e)
	{
		const char *b = pm_sentence_end(a, e);

		if (!pm_time_range(a, b - a) && !pm_contains_ci(a, b - a, "between "))
			pm_timeline_sentences(ps, &ps->lines[i], a, b);
		a = pm_skip_space(b, e);
	}
	pfree(para.data);
}

/* pass 1: sort the lines into the sections of the template */
void
pm_read_sections(PmParser *ps)
{
	PmDocument *doc = ps->doc;
	PmSection	sec = SEC_NONE;
	bool		blank_before = false;
	bool		generic_title = false;
	int			top_level = 7;
	int			top_count = 0;
	PmSection	label_from = SEC_NONE;	/* the section a label item's items left */
	int			label_indent = -1;

	/*
	 * The document's top heading level: one heading there is the title,
	 * several are the parts.  Usually "#" (or "===" under it), but a page
	 * whose title is kept apart (a wiki export, a docs site) opens with "##"
	 * over "###" parts.
	 */
	for (int i = 0; i < ps->nlines; i++)
	{
		const PmLine *ln = &ps->lines[i];
		const PmLine *next = pm_next_line(ps, i);
		bool		atx = true;
		int			level = 0;

		if (ln->code || ln->len == 0)
			continue;
		if (ln->s[0] == '#')
			level = pm_atx_level(ln);
		else if (pm_setext_underline(next) && pm_heading(ln, next, &atx, &level) == NULL)
			level = 0;
		if (level == 0 || !atx || level > top_level)
			continue;
		if (level < top_level)
		{
			top_level = level;
			top_count = 0;
		}
		top_count++;
	}

	for (int i = 0; i < ps->nlines; i++)
	{
		PmLine	   *ln = &ps->lines[i];
		PmLine	   *next = (i + 1 < ps->nlines) ? &ps->lines[i + 1] : NULL;
		bool		atx;
		int			level;
		char	   *name;
		bool		newpara = blank_before;

		/* a document of megabytes: statement_timeout and cancel still work */
		CHECK_FOR_INTERRUPTS();
		if (pm_history_line(ps, &i))
			continue;
		if (ln->code)
		{
			if (sec == SEC_TIMELINE)
				ln->section = SEC_TIMELINE;
			if (sec == SEC_OTHER && !ln->front_matter && !ln->comment)
				pm_other_line(ps, ln, newpara);
			blank_before = false;
			continue;
		}
		blank_before = (ln->len == 0);
		if (blank_before)
			continue;
		/* back from a label item's items to the list they are in */
		if (label_indent >= 0 && ln->indent <= label_indent)
		{
			sec = label_from;
			label_indent = -1;
		}
		/* a rule (or a setext underline) ends the paragraph above it, as a blank line does */
		if (pm_rule_line(ln))
		{
			blank_before = true;
			continue;
		}

		/*
		 * "Timeline 01:47 – NOC alarms show ...": the label run into the
		 * first entry (a carrier's notice) opens the timeline, and the rest
		 * of the line is its first entry
		 */
		if (!ps->saw_timeline && !ln->code && ln->indent == 0 && pm_inline_timeline(ln))
		{
			sec = SEC_TIMELINE;
			ps->timeline_level = 0;
			ps->saw_timeline = true;
			ps->parts_seen++;
			ln->s += 9;
			ln->len -= 9;
		}
		name = pm_heading(ln, next, &atx, &level);
		if (name != NULL &&
			pm_section_heading(ps, ln, name, atx, level, &sec, &generic_title,
							   top_level, top_count))
		{
			ps->plain_closed = false;
			/* a Markdown heading ends its line: the next one opens a paragraph */
			blank_before = atx;
			continue;
		}

		/* the action items table right under the summary's fields */
		if ((sec == SEC_SUMMARY || (sec == SEC_NONE && doc->title != NULL)) && !ln->code &&
			pm_action_table_head(ln))
		{
			sec = SEC_MEASURES;
			ps->parts_seen++;
		}
		if ((sec == SEC_SUMMARY || (sec == SEC_NONE && doc->title != NULL)) && label_indent < 0 &&
			ln->len > 6 && ln->s[2] == '*' && ln->s[3] == '*')
		{
			PmSection	to = pm_label_section(ps, i, sec);

			if (to != sec)
			{
				label_from = sec;
				label_indent = ln->indent;
				sec = to;
				continue;
			}
		}
		if (ps->prose_all && i > ps->prose_all_upto && !ln->code &&
			(sec == SEC_SUMMARY || sec == SEC_ROOT || sec == SEC_OTHER))
			pm_prose_all_paragraph(ps, i);
		/* the report above a status page's updates: its timed sentences too */
		if (ps->nupdates > 0 && i < ps->updates[0].status && doc->title != NULL &&
			sec != SEC_TIMELINE && ln->s[0] != '|' &&
			(sec != SEC_MEASURES || !pm_list_marker(ln)))
			pm_report_sentences(ps, ln);
		switch (sec)
		{
			case SEC_NONE:
				i = pm_preamble_line(ps, i, newpara, &generic_title);
				break;
			case SEC_SUMMARY:
				i = pm_summary_section_line(ps, i, newpara, &sec);
				break;
			case SEC_TIMELINE:
				i = pm_timeline_paragraph(ps, i);
				break;
			case SEC_ROOT:
				/*
				 * "## Recovery" / "At 2023/03/07 5:30pm UTC, we began
				 * restoring ...": when the prose is the timeline, the
				 * recovery's timed paragraphs are its last entries
				 */
				if (ps->prose_timeline && newpara && ps->root_field == &ps->resolution &&
					(pm_opens_at_time(ln) || ps->resolution_prose))
				{
					ln->section = SEC_TIMELINE;
					i = pm_narrative_paragraph(ps, i);
					break;
				}
				if (ps->root_field == &ps->resolution && !ln->code && ln->s[0] != '|' &&
					!pm_list_marker(ln))
					pm_count_resolution_times(ps, ln);
				pm_root_line(ps, ln, newpara);
				break;
			case SEC_MEASURES:
				pm_measures_line(ps, ln);
				break;
			case SEC_OTHER:
				if (newpara)
					pm_marker_task(ps, ln);
				i = pm_other_section_line(ps, i, newpara);
				break;
		}
	}
	pm_finish_others(ps);
	if (ps->nraw == 0)
		pm_code_timeline(ps);
}

/*
 * "**TODO**: a ZFS exporter for prometheus ..." and "**DONE**: Jonas added
 * the forum to the watched sites." opening paragraphs under "## Lessons
 * learned": the writer's own task markers, in capitals and bold, a task
 * (done or to do) wherever they stand; the paragraph stays the section's
 * text too.  "**Done** well" or a "TODO" in passing is no marker.
 */
static void
pm_marker_task(PmParser *ps, const PmLine *ln)
{
	const char *s = ln->s,
			   *e = ln->s + ln->len;
	bool		done;
	PmItem	   *it;

	if (ln->indent != 0 || ln->len < 12 || s[0] != '*' || s[1] != '*')
		return;
	if (strncmp(s + 2, "TODO**", 6) == 0)
		done = false;
	else if (strncmp(s + 2, "DONE**", 6) == 0)
		done = true;
	else
		return;
	s += 8;
	if (s < e && *s == ':')
		s++;
	if (s >= e || *s != ' ')
		return;
	s = pm_skip_space(s, e);
	if (e - s < 3)
		return;
	it = pm_new_item(ps, 0);
	appendBinaryStringInfo(&it->text, s, e - s);
	it->plain = true;
	it->status_paragraph = true;
	it->lineno = ln->lineno;
	if (done)
		it->status_text = pstrdup("done");
}

/*
 * Does the line end with a word that needs what comes after it ("... By" over
 * "17:55 UTC, the error rate was back to zero.")?  Then a line below that
 * starts with a time carries on its sentence and starts no entry.
 */
static bool
pm_ends_open(const PmLine *ln)
{
	static const char *const open_words[] = {
		"by", "at", "until", "till", "around", "about", "from", "to", "since",
		"after", "before", "approximately", "roughly", "on", "of", "and", "the"
	};
	const char *e = ln->s + ln->len;
	const char *w = e;

	while (w > ln->s && isalpha((unsigned char) w[-1]))
		w--;
	if (w == e || (w > ln->s && w[-1] != ' '))
		return false;
	for (int k = 0; k < lengthof(open_words); k++)
		if (e - w == (int) strlen(open_words[k]) &&
			pg_strncasecmp(w, open_words[k], e - w) == 0)
			return true;
	return false;
}

/*
 * A paragraph of prose in the timeline, wrapped over several lines ("At 2:05
 * PM ET, a migration added a column to the\nnotes table.  At 2:11 PM ..."):
 * the line at i and the lines after it that carry on its text (no list
 * marker, table, heading or time of their own).  Returns the line after
 * the paragraph; i + 1 when the line stands alone.
 */
int
pm_paragraph_end(PmParser *ps, int i)
{
	const PmLine *ln = &ps->lines[i];
	bool		marker;
	int			j;

	if (ln->s[0] == '|')
		return i + 1;
	pm_strip_marker(ln->s, ln->s + ln->len, &marker);
	if (marker)
	{
		/*
		 * "- 10:00 API down after the\ndeploy of build 42.": an item's text
		 * carried on lazily at the margin, in lower case
		 */
		for (j = i + 1; j < ps->nlines; j++)
		{
			const PmLine *l = &ps->lines[j];
			bool		m;

			if (l->code || l->len == 0 || l->indent > ln->indent ||
				l->quote != ln->quote || !islower((unsigned char) l->s[0]))
				break;
			pm_strip_marker(l->s, l->s + l->len, &m);
			if (m)
				break;
		}
		return j;
	}
	for (j = i + 1; j < ps->nlines; j++)
	{
		const PmLine *l = &ps->lines[j];
		PmStamp		st;
		bool		atx;
		int			level;
		const char *body;

		/*
		 * a line that starts with a digit starts an entry ("14:05 ..."),
		 * unless a paragraph of prose left its sentence open ("By\n17:55 UTC")
		 */
		if (l->code || l->len == 0 || l->s[0] == '|' || l->s[0] == '#' ||
			l->indent > ln->indent || l->quote != ln->quote)
			break;
		if (isdigit((unsigned char) l->s[0]) && !isdigit((unsigned char) ln->s[0]) &&
			pm_ends_open(&ps->lines[j - 1]))
			continue;			/* in prose, not among lines that each open with a time */
		if (isdigit((unsigned char) l->s[0]))
			break;
		pm_strip_marker(l->s, l->s + l->len, &marker);
		if (marker)
			break;
		body = pm_entry_head(l->s, l->s + l->len, &st);
		if (body != NULL && (st.has_time || st.has_date))
			break;
		if (pm_heading(l, (j + 1 < ps->nlines) ? &ps->lines[j + 1] : NULL, &atx, &level) != NULL)
			break;
	}
	return j;
}

/* a parser over a new document; false (and doc->error set) for a bad zone */
static bool
pm_parser_begin(PmParser *ps, PmDocument *doc, const PmOptions *opt)
{
	memset(ps, 0, sizeof(*ps));
	ps->opt = opt;
	ps->doc = doc;
	initStringInfo(&ps->summary);
	initStringInfo(&ps->impact);
	initStringInfo(&ps->sum_root);
	initStringInfo(&ps->duration);
	initStringInfo(&ps->start_field);
	initStringInfo(&ps->end_field);
	initStringInfo(&ps->users_field);
	initStringInfo(&ps->root);
	initStringInfo(&ps->resolution);
	ps->root_field = &ps->root;

	/* the zone to use where the document names none */
	if (opt->default_zone)
	{
		if (!pm_zone_parse(opt->default_zone, &ps->default_zone))
		{
			doc->error = PM_ERROR_BAD_ZONE;
			doc->error_message = psprintf("time zone \"%s\" not recognized", opt->default_zone);
			return false;
		}
	}
	else
	{
		ps->default_zone.valid = true;
		ps->default_zone.tz = session_timezone;
		strlcpy(ps->default_zone.label, pg_get_timezone_name(session_timezone),
				sizeof(ps->default_zone.label));
	}
	return true;
}

/*
 * "## Example Incident" in an incident log, above its real incidents: the
 * format's worked example, not the report.  Its lines, to the next heading
 * of its level or above, are read as a comment -- but only when the
 * document goes on after it, so an example alone is still read as it was.
 */
static void
pm_skip_examples(PmParser *ps)
{
	if (!ps->example_heading)
		return;
	for (int i = 0; i < ps->nlines; i++)
	{
		PmLine	   *ln = &ps->lines[i];
		bool		atx;
		int			level,
					j;
		char	   *name;

		if (ln->code || ln->len < 7 ||
			(name = pm_heading(ln, pm_next_line(ps, i), &atx, &level)) == NULL || !atx ||
			pg_strncasecmp(name, "example", 7) != 0 || pm_isalnum(name[7]))
			continue;
		for (j = i + 1; j < ps->nlines; j++)
		{
			const PmLine *l2 = &ps->lines[j];
			int			lv;

			if (!l2->code && l2->len > 0 &&
				pm_heading(l2, pm_next_line(ps, j), &atx, &lv) != NULL && atx && lv <= level)
				break;
		}
		if (j == ps->nlines)
			return;
		for (int k = i; k < j; k++)
			ps->lines[k].code = ps->lines[k].comment = true;
		i = j - 1;
	}
}

/* keep the first entry of each time of day: the same moment, told again */
static void
pm_drop_retold(PmParser *ps)
{
	bool		told[24 * 60] = {0};
	int			n = 0;

	for (int i = 0; i < ps->nraw; i++)
	{
		int			m = (ps->raw[i].st.h * 60 + ps->raw[i].st.mi) % (24 * 60);

		if (m >= 0 && told[m])
			continue;
		if (m >= 0)
			told[m] = true;
		ps->raw[n++] = ps->raw[i];
	}
	ps->nraw = n;
}

/*
 * A file of outage reports, newest first: "# Mainnet outage 2021-11-22
 * 17:40 UTC" over its report, then "# Mainnet outage 2021-11-03 13:45 UTC"
 * over an older one.  The document is the first report; a later heading of
 * the first one's level that says the same words before another date opens
 * another report, and the lines from it on are read as a comment.
 */
static void
pm_skip_older_reports(PmParser *ps)
{
	int			first = -1,
				level0 = 0,
				lead = 0;
	char	   *name0 = NULL;
	bool		atx0 = false;
	PmStamp		st0 = {0};

	for (int i = 0; i < ps->nlines; i++)
	{
		PmLine	   *ln = &ps->lines[i];
		bool		atx;
		int			level,
					n;
		char	   *name;
		PmStamp		st;
		const PmLine *next = pm_next_line(ps, i);
		int			nlen;

		/* "# Title" or "Title" over "=====" (no other line is a top heading) */
		if (ln->code || ln->front_matter || ln->len < 3 ||
			!(ln->s[0] == '#' || (next != NULL && next->len > 0 && next->s[0] == '=')) ||
			(name = pm_heading(ln, next, &atx, &level)) == NULL)
			continue;
		/* the words before the heading's date ("May 16, 2023" or "2023-05-16"), and the date */
		nlen = strlen(name);
		for (n = 0; n < nlen; n++)
			if (pm_word_start(name, name + n) && pm_isalnum(name[n]) &&
				pm_read_stamp(name + n, name + nlen, &st) > 0 && st.has_date && st.y != 0)
				break;
		if (n < 4 || n >= nlen)
		{
			if (first < 0)
				return;			/* the first heading names no date */
			continue;
		}
		if (first < 0)
		{
			first = i;
			level0 = level;
			atx0 = atx;
			name0 = name;
			lead = n;
			st0 = st;
			continue;
		}
		if (level == level0 && atx == atx0 && n == lead && pg_strncasecmp(name, name0, n) == 0 &&
			(st.y != st0.y || st.m != st0.m || st.d != st0.d))
		{
			for (int k = i; k < ps->nlines; k++)
				ps->lines[k].code = ps->lines[k].comment = true;
			pm_note(ps->doc, "line %d opens another report, \"%s\"; read the first one only",
					ln->lineno, name);
			return;
		}
	}
}

/* passes 1: the lines, their blocks and sections */
static void
pm_read_structure(PmParser *ps, const char *text, int len)
{
	pm_split_lines(ps, text, len);
	pm_read_blocks(ps, text, len);
	pm_skip_examples(ps);
	pm_skip_older_reports(ps);
	ps->doc->title = ps->front_title;
	pm_read_sections(ps);
	pm_report_measures(ps);
	/* a status issue's front matter: when it began and when it was resolved */
	if (ps->front_issue && ps->front_start.has_time)
		ps->parts_seen++;
}

/*
 * The day (and the zone) a narrative's line names, as the summary's: its
 * times are the entries', not the summary's start and end.
 */
static bool
pm_summary_day(PmParser *ps, const PmStamps *found)
{
	const PmStamp *d = NULL,
			   *z = NULL;
	char	   *day;

	for (int i = 0; i < found->n; i++)
	{
		if (d == NULL && found->st[i].has_date && found->st[i].y != 0)
			d = &found->st[i];
		if (z == NULL && found->st[i].has_zone)
			z = &found->st[i];
	}
	if (d == NULL)
		return false;
	day = psprintf("%04d-%02d-%02d", d->y, d->m, d->d);
	pm_append_text(&ps->summary, day, strlen(day), true);
	if (z != NULL && !ps->has_doc_zone)
	{
		ps->doc_zone = z->zone;
		ps->has_doc_zone = true;
	}
	return true;
}

/*
 * "On the 14th of July, 2021 we had a period of downtime.": a narrative's
 * paragraph that names a day, its year too, before any time dates the
 * sentences after it, as a date line dates the entries below it.
 */
static void
pm_narrative_day(PmParser *ps, const PmLine *ln, const char *s, int len)
{
	PmStamps	found;

	memset(&found, 0, sizeof(found));
	pm_scan_stamps(s, len, &found);
	/*
	 * a paragraph of days alone ("On Tuesday 21/09/2021 late in the
	 * afternoon ... early the next morning, Wednesday 22/09/2021, ..."):
	 * its last day is the one the sentences after it tell
	 */
	{
		int			last = 0;
		bool		untimed = true;

		for (int k = 0; k < found.n; k++)
		{
			untimed &= !found.st[k].has_time;
			if (found.st[k].has_date && found.st[k].y != 0)
				last = k;
		}
		if (untimed && last > 0)
			found.st[0] = found.st[last];
	}
	if (found.n > 0 && found.st[0].has_date && !found.st[0].has_time && found.st[0].y != 0)
	{
		pm_new_entry(ps, &found.st[0], ln->lineno, -1);
		ps->date_markers++;
		/* and it is the summary's day, for a duration stated in the prose */
		pm_summary_day(ps, &found);
	}
}

/*
 * Do two times of [s, s+len) make a range: "from 03:10 UTC to 07:45 UTC",
 * "between 14:05 and 14:30", "de 14h00 à 17h30", "von 9:00 bis 11:30 Uhr",
 * "19:42 至 21:15"?  Only a joining word may stand between them.
 */
static bool
pm_time_range(const char *s, int len)
{
	static const char *const joins[] = {"to", "until", "till", "-", "\xe2\x80\x93",
		"\xe2\x80\x94", "~", "\xc3\xa0", "au", "a", "bis", "hasta", "at\xc3\xa9", "al",
	"tot", "\xe8\x87\xb3", "\xe5\x88\xb0"};	/* – — à até 至 到 */
	static const char *const ands[] = {"and", "et", "y", "e", "und", "en"};
	const char *e = s + len;
	const char *end1 = NULL;
	bool		between = pm_contains_ci(s, len, "between") || pm_contains_ci(s, len, "entre") ||
		pm_contains_ci(s, len, "zwischen") || pm_contains_ci(s, len, "tussen") ||
		pm_contains_ci(s, len, "tra le");

	for (const char *p = s; p < e; p++)
	{
		PmStamp		st;
		int			n;

		if (!pm_word_start(s, p) || !isalnum((unsigned char) *p))
			continue;
		n = pm_read_stamp(p, e, &st);
		if (n <= 0)
			continue;
		if (!st.has_time)
		{
			p += n - 1;
			continue;
		}
		if (end1 == NULL)
		{
			end1 = p + n;
			p += n - 1;
			continue;
		}
		/* the second time: what joins it to the first? */
		{
			const char *a = pm_skip_space(end1, p);
			const char *b = p;

			while (b > a && (b[-1] == ' ' || b[-1] == '\t'))
				b--;

			/*
			 * "from 17:09 EST to approximately 23:42 EST": the writer hedges
			 * the end, which is still the range's end; the hedge must stand
			 * right before the second time, after the joining word
			 */
			{
				static const char *const hedges[] = {"approximately", "approx.", "about",
				"around", "roughly", "circa", "~"};

				for (int i = 0; i < lengthof(hedges); i++)
				{
					int			hl = strlen(hedges[i]);

					if (b - a > hl && pm_prefix_ci(b - hl, b, hedges[i]) &&
						(hedges[i][0] == '~' || b - hl - 1 < a || b[-hl - 1] == ' '))
					{
						b -= hl;
						while (b > a && (b[-1] == ' ' || b[-1] == '\t'))
							b--;
						break;
					}
				}
			}
			for (int i = 0; i < lengthof(joins); i++)
				if (b - a == (int) strlen(joins[i]) && pm_prefix_ci(a, b, joins[i]))
					return true;
			for (int i = 0; between && i < lengthof(ands); i++)
				if (b - a == (int) strlen(ands[i]) && pm_prefix_ci(a, b, ands[i]))
					return true;
			return false;
		}
	}
	return false;
}

/*
 * "The downtime started at 9:12PM AEST and ended at 10:47PM AEST.": a
 * paragraph of one sentence that states the outage's start and end is its
 * duration, not an entry (the first such statement the duration).
 */
static bool
pm_narrative_span(PmParser *ps, const char *s, int len)
{
	PmStamps	found;
	int			times = 0;
	const char *dot = memchr(s, '.', len);

	if (dot != NULL && dot < s + len - 1 && dot[1] == ' ')
	{
		/*
		 * "From 09:14 AM to 09:20 AM we had a brief outage. We traced it
		 * to ...": the range opens a paragraph whose other sentences name
		 * no time
		 */
		PmStamps	rest;

		memset(&rest, 0, sizeof(rest));
		pm_scan_stamps(dot + 1, s + len - dot - 1, &rest);
		for (int i = 0; i < rest.n; i++)
			if (rest.st[i].has_time)
				return false;
		len = dot + 1 - s;
	}
	/*
	 * a range alone must be the outage's ("customer impact from 03:10 to
	 * 07:45"), not a measure's ("Error rates peaked between 14:10 and 14:20")
	 */
	/* "... at approximately 1:10pm our portal went down ... until Friday, April 12th, at 2:45pm" */
	if (!((pm_contains_ci(s, len, "started") || pm_contains_ci(s, len, "began") ||
		   pm_contains_ci(s, len, "went down") || pm_contains_ci(s, len, "went offline")) &&
		  (pm_contains_ci(s, len, "ended") || pm_contains_ci(s, len, "until"))) &&
		!(pm_time_range(s, len) &&
		  (pm_says_outage(s, len) || pm_contains_ci(s, len, "impact") ||
		   pm_contains_ci(s, len, "affected") || pm_contains_ci(s, len, "offline") ||
		   pm_contains_ci(s, len, " down"))))
		return false;
	memset(&found, 0, sizeof(found));
	pm_scan_stamps(s, len, &found);
	for (int i = 0; i < found.n; i++)
	{
		/* "13:45 (01:45 pm)": the same time again, in the other clock */
		if (found.st[i].has_time && i > 0 && found.st[i - 1].has_time &&
			found.st[i].h == found.st[i - 1].h && found.st[i].mi == found.st[i - 1].mi)
			continue;
		times += found.st[i].has_time;
	}
	if (times != 2)
		return false;
	/* a second statement of the span ("Impact lasted ... (1:05 PM - 7:40 PM)") */
	if (ps->duration.len == 0)
		appendBinaryStringInfo(&ps->duration, s, len);
	return true;
}

/*
 * "Posted Apr 09, 2013 - 14:58 NZST" under a status page's text, "yusufh
 * commented on Apr 2, 2016" over a comment: when the notice was posted.  Its day and zone are the notice's (the summary's, read
 * as a date), its time neither the start nor an entry.
 */
static bool
pm_posted_line(PmParser *ps, const PmLine *ln)
{
	PmStamps	found;

	/* and a copied issue page's "yusufh commented on Apr 2, 2016" over a comment */
	if (!pm_prefix_ci(ln->s, ln->s + ln->len, "posted ") &&
		!(ln->len < 80 && ln->s[ln->len - 1] != '.' &&
		  (pm_contains_ci(ln->s, ln->len, " commented on ") ||
						   pm_contains_ci(ln->s, ln->len, " opened this issue on "))))
		return false;
	memset(&found, 0, sizeof(found));
	pm_scan_stamps(ln->s, ln->len, &found);

	/*
	 * "Posted Sep 12, 2024 - 16:02 EDT" under the postmortem, above the
	 * update "Posted Sep 10, 2024 - 09:20 EDT": the report came days
	 * later; the oldest posted day is the incident's
	 */
	{
		int			y,
					m,
					d;

		for (int i = 0; i < found.n; i++)
			if (found.st[i].has_date && found.st[i].y != 0)
			{
				if (pm_posted_day(ps, &y, &m, &d) &&
					date2j(found.st[i].y, found.st[i].m, found.st[i].d) > date2j(y, m, d))
					return true;
				break;
			}
	}
	return pm_summary_day(ps, &found);
}

/* "Posted on: ...": a label of words before a colon */
static bool
pm_label_line(const char *s, const char *e)
{
	const char *p = s;

	while (p < e && p - s < 40 && (isalpha((unsigned char) *p) || *p == ' '))
		p++;
	return p > s && isalpha((unsigned char) *s) && p < e && *p == ':';
}

/* does the line say a service was down ("outage", "became unresponsive")? */
static bool
pm_says_outage(const char *s, int len)
{
	static const char *const words[] = {"outage", "interruption", "downtime", "unavailable",
		"unresponsive", "went down", "was down", "were down", "disruption", "degraded",
		"degradation", "stopped responding", "not responding", "are failing", "is failing",
		"delayed", "delays", "unreachable", "not be reached",
		/* German, French, Spanish, Portuguese, Italian, Dutch, Chinese */
		"st\xc3\xb6rung", "ausfall", "ausgefallen", "unterbrechung", "zwischenfall",
		"nicht erreichbar", "panne", "interrompu", "indisponib", "ca\xc3\xad" "da",
		"interrupci\xc3\xb3n", "incidente", "degradado", "instabilidade", "fora do ar",
		"disservizio", "interruzione", "onbereikbaar",
		"\xe6\x95\x85\xe9\x9a\x9c", "\xe4\xb8\xad\xe6\x96\xad", "\xe5\xae\x95\xe6\x9c\xba",
	"\xe4\xb8\x8d\xe5\x8f\xaf\xe7\x94\xa8"};	/* 故障 中断 宕机 不可用 */

	/* the other languages' words whole: "panne" is in "Spanner" */
	static const char *const whole[] = {"panne", "incidente", "ausfall"};
	const char *e = s + len;

	for (int i = 0; i < lengthof(words); i++)
	{
		bool		is_whole = false;

		for (int k = 0; k < lengthof(whole); k++)
			is_whole |= strcmp(words[i], whole[k]) == 0;
		if (!is_whole)
		{
			if (pm_contains_ci(s, len, words[i]))
				return true;
			continue;
		}
		for (const char *p = s; p < e; p++)
			if (pm_word_start(s, p) && pm_word_ci(p, e, words[i]))
				return true;
	}
	return false;
}

/*
 * "# Mar 2024, Outages and slowdowns", "## Mar 2024, Outage" over prose that
 * names no day and no time: a notice about an outage that no reader could
 * place (refused for want of a date, not as something other than a
 * postmortem)
 */
static bool
pm_outage_undated(PmParser *ps)
{
	bool		says = false;

	for (int i = 0; i < ps->nlines; i++)
	{
		const PmLine *ln = &ps->lines[i];

		if (pm_no_text(ln))
			continue;
		if (ln->s[0] == '#' || (ps->doc->title && i == 0))
			says |= pm_says_outage(ln->s, ln->len);
		if (pm_line_names(ln, true, true))
			return false;
	}
	if (ps->doc->title)
		says |= pm_says_outage(ps->doc->title, strlen(ps->doc->title));
	return says;
}

/*
 * "### Storage controller swap (2019-04-02)" over "about 25 minutes of
 * downtime": a page of past outages that names their days but no time of
 * day, which no reader could place either.  The first day it names, with
 * its year, goes to *day.
 */
static bool
pm_outage_untimed(PmParser *ps, PmStamp *day)
{
	bool		says = false;
	bool		dated = false;

	for (int i = 0; i < ps->nlines; i++)
	{
		const PmLine *ln = &ps->lines[i];
		PmStamps	found;

		if (pm_no_text(ln))
			continue;
		memset(&found, 0, sizeof(found));
		pm_scan_stamps(ln->s, ln->len, &found);
		for (int j = 0; j < found.n; j++)
		{
			if (found.st[j].has_time)
				return false;
			if (!dated && found.st[j].has_date && found.st[j].y > 0)
			{
				*day = found.st[j];
				dated = true;
			}
		}
	}
	/* the words only when the dates are there and no time is */
	for (int i = 0; i < ps->nlines && dated && !says; i++)
		if (!pm_no_text(&ps->lines[i]))
			says = pm_says_outage(ps->lines[i].s, ps->lines[i].len);
	return says;
}

/*
 * "Started about 2 years ago Lasted about 2 hours" over a status page's
 * update "At about 08:35 UTC ...": an incident placed only relative to the
 * day the page was read, no day named anywhere (refused for want of a
 * date, not as something other than a postmortem)
 */
static bool
pm_relative_undated(PmParser *ps)
{
	bool		relative = false;

	for (int i = 0; i < ps->nlines; i++)
	{
		const PmLine *ln = &ps->lines[i];

		if (pm_no_text(ln))
			continue;
		if (pm_contains_ci(ln->s, ln->len, " ago") &&
			(pm_contains_ci(ln->s, ln->len, "started") || pm_contains_ci(ln->s, ln->len, "lasted")))
			relative = true;
		if (pm_line_names(ln, true, false))
			return false;
	}
	return relative;
}

/*
 * "... has concluded at 7:25 PM EST.**": the line ends a sentence, inside
 * the emphasis it is written in too
 */
static bool
pm_ends_sentence(const PmLine *ln)
{
	int			n = ln->len;

	while (n > 0 && (ln->s[n - 1] == '*' || ln->s[n - 1] == '_'))
		n--;
	return n > 0 && ln->s[n - 1] == '.';
}

/*
 * "We wanted to let you know that on Friday, March 11 at 7:00pm EST
 * (...)," over "the mirror will have a scheduled downtime ... minutes.":
 * a sentence wrapped at the line's end, which the next line of its
 * paragraph finishes
 */
static bool
pm_wrapped_sentence(const PmParser *ps, int i)
{
	const PmLine *ln = &ps->lines[i];
	const PmLine *next = i + 1 < ps->nlines ? &ps->lines[i + 1] : NULL;
	char		last = ln->s[ln->len - 1];

	if (next == NULL || pm_no_text(next) || next->s[0] == '#' || next->indent > 0 ||
		(last != ',' && !isalpha((unsigned char) last) && last != ')'))
		return false;
	return pm_ends_sentence(next) || pm_contains_ci(next->s, next->len, ". ");
}

/*
 * The first line of a narrative's prose, -1 when the document is none: its
 * words say a service was down and its lines name two times or more.
 * Sets *prose_date when the prose names a date.
 */
static int
pm_find_prose(PmParser *ps, bool *prose_date)
{
	int			first_prose = -1;
	int			ntimes = 0;
	bool		outage = false;

	/*
	 * Front matter is the page's title block, with a title or without one
	 * (a collection's "uuid:", "url:", "company:"): the text below it starts
	 * with the content
	 */
	bool		title = ps->nlines > 0 && ps->lines[0].front_matter;

	for (int i = 0; i < ps->nlines; i++)
	{
		const PmLine *ln = &ps->lines[i];
		PmStamps	found;
		char	   *c;

		if (pm_no_text(ln))
			continue;
		outage |= pm_says_outage(ln->s, ln->len);
		c = pnstrdup(ln->s, ln->len);
		memset(&found, 0, sizeof(found));

		/*
		 * prose: sentences of words, not a title, a date or a field; after
		 * the first, a short one too ("Resolved at 1:52 PM.")
		 */
		if (title && (pm_count_words(c) >= 8 || (first_prose >= 0 && pm_count_words(c) >= 3)) &&
			(strstr(c, ". ") != NULL || pm_ends_sentence(ln) || pm_wrapped_sentence(ps, i)))
		{
			if (first_prose < 0)
				first_prose = i;
			pm_scan_stamps(ln->s, ln->len, &found);
			for (int j = 0; j < found.n; j++)
			{
				ntimes += found.st[j].has_time;
				*prose_date |= found.st[j].has_date;
			}
		}
		else if (!title)
		{
			/* the first line is the title, not prose; its stamp counts */
			pm_scan_stamps(ln->s, ln->len, &found);
			for (int j = 0; j < found.n; j++)
				ntimes += found.st[j].has_time && found.st[j].has_date;
		}
		title = true;
		pfree(c);
	}
	if (ps->front_title)
		outage |= pm_says_outage(ps->front_title, strlen(ps->front_title));
	if (first_prose < 0 || ntimes < 2 || !outage)
		return -1;

	/*
	 * "... name server 7 was offline / from about 02:10 UTC to 13:45 UTC.":
	 * the prose begins where its paragraph does, not at its first line
	 * that reads as a sentence (the title above it stays the title)
	 */
	while (first_prose > 0)
	{
		const PmLine *up = &ps->lines[first_prose - 1];
		bool		first_line = true;

		if (pm_no_text(up) || up->s[0] == '#')
			break;
		for (int k = 0; k < first_prose - 1 && first_line; k++)
			first_line = pm_no_text(&ps->lines[k]);
		if (first_line && !ps->front_title)
			break;
		first_prose--;
	}
	return first_prose;
}

/*
 * Pass 1 read every line as text above the first heading: the summary is
 * the lines above the prose, not the prose with its times.  Read them
 * again: the title (its stamp, or its day), fields, and the short lines
 * between, joined as one line.
 */
static void
pm_narrative_head(PmParser *ps, int first_prose, bool prose_date)
{
	StringInfoData head;
	bool		title = false;
	bool		title_day = false;
	PmStamps	found;
	bool		timed = false;
	int			times = 0;

	resetStringInfo(&ps->summary);
	ps->cur_field = NULL;
	initStringInfo(&head);
	for (int i = 0; i < first_prose; i++)
	{
		const PmLine *ln = &ps->lines[i];

		if (pm_no_text(ln))
			continue;
		if (!title)
		{
			/*
			 * the title, read in pass 1; its time a status page's stamp, its
			 * date alone ("the login outage of 11 August 2024") the day of
			 * the incident, not the post's below it
			 */
			title = true;
			memset(&found, 0, sizeof(found));
			pm_scan_stamps(ln->s, ln->len, &found);
			for (int j = 0; j < found.n; j++)
				if (found.st[j].has_time && found.st[j].has_date)
				{
					appendBinaryStringInfo(&head, ln->s, ln->len);
					break;
				}
			if (head.len == 0 && !prose_date && pm_summary_day(ps, &found))
				title_day = true;
			continue;
		}
		if (pm_label_line(ln->s, ln->s + ln->len))
		{
			pm_summary_line(ps, ln, true);	/* "Posted on: ...": a field */
			continue;
		}
		if (head.len > 0)
			appendStringInfoChar(&head, ' ');
		appendBinaryStringInfo(&head, ln->s, ln->len);
	}
	if (head.len == 0)
		return;
	memset(&found, 0, sizeof(found));
	pm_scan_stamps(head.data, head.len, &found);
	for (int j = 0; j < found.n; j++)
		times += found.st[j].has_time;
	timed = times > 0;

	/*
	 * "For Immediate Release / Nov. 13, 2019, 9:15 a.m.": one dated time
	 * over the prose (which names two times or more, or it is no narrative)
	 * is the release's dateline, the day of the post when the prose names
	 * none, not the start
	 */
	if (times == 1 && found.n == 1 && found.st[0].has_date)
	{
		if (!prose_date && !title_day)
			pm_summary_day(ps, &found);
	}

	/*
	 * "Thursday, 9 March 2023 / 2:10pm to 3:25pm / (GMT-08:00)": the
	 * duration; a date alone is the post's when the prose names its own
	 */
	else if (timed)
		appendBinaryStringInfo(&ps->duration, head.data, head.len);
	else if (!prose_date && !title_day)
	{
		PmLine		joined = ps->lines[0];

		joined.s = head.data;
		joined.len = head.len;
		joined.indent = 0;
		pm_summary_line(ps, &joined, true);
	}
}

/*
 * A notice or a blog post with none of the template's parts ("At around
 * 06:48 UTC on Friday, March 3rd 2023, the primary server stopped
 * responding. ... fully operational at approximately 15:30 UTC."): when
 * its words say a service was down and its prose names two times or more,
 * its paragraphs are the timeline, each sentence with a time an entry, and
 * the short lines between the title and the prose (a date, "2:10pm to
 * 3:25pm", a zone) its summary, read as one line.
 */
static bool
pm_read_narrative(PmParser *ps)
{
	bool		prose_date = false;
	int			first_prose = pm_find_prose(ps, &prose_date);

	if (first_prose < 0)
		return false;
	pm_narrative_head(ps, first_prose, prose_date);
	for (int i = first_prose; i < ps->nlines; i++)
	{
		if (!pm_no_text(&ps->lines[i]))
			i = pm_narrative_paragraph(ps, i);
	}
	ps->parts_seen++;
	return true;
}

/*
 * "... no sign of trouble. On August 17, 2023, at 08:50 UTC, a maintenance
 * job started": does a sentence after the first in [s, e) name a time of
 * its own?  Then a paragraph that opens with a time is several entries.
 */
static bool
pm_later_sentence_timed(const char *s, const char *e)
{
	for (const char *p = s; p + 1 < e; p++)
		if ((*p == '.' || *p == '!' || *p == '?') && p[1] == ' ')
		{
			PmStamps	found;

			memset(&found, 0, sizeof(found));
			pm_scan_stamps(p + 1, e - p - 1, &found);
			for (int k = 0; k < found.n; k++)
				if (found.st[k].has_time)
					return true;
			return false;
		}
	return false;
}

/*
 * A paragraph of a narrative's prose at line i: the span ("From 03:10 UTC
 * to 07:45 UTC on 2021-11-02, ..."), one entry ("2025-02-11 16:04:00 -
 * ..."), or each sentence with a time an entry.  Returns its last line.
 */
static int
pm_narrative_paragraph(PmParser *ps, int i)
{
	PmLine	   *ln = &ps->lines[i];
	int			j;
	StringInfoData para;

	{
		j = Max(pm_paragraph_end(ps, i), i + 1);
		initStringInfo(&para);
		for (int k = i; k < j; k++)
		{
			ps->lines[k].section = SEC_TIMELINE;
			if (pm_posted_line(ps, &ps->lines[k]))
				continue;
			if (para.len > 0)
				appendStringInfoChar(&para, ' ');
			appendBinaryStringInfo(&para, ps->lines[k].s, ps->lines[k].len);
		}
		if (para.len > 0)
		{
			PmLine		joined = *ln;
			PmStamp		st;
			const char *body = pm_entry_head(para.data, para.data + para.len, &st);

			joined.s = para.data;
			joined.len = para.len;
			/*
			 * "From 03:10 UTC to 07:45 UTC on 2021-11-02, the index was
			 * down.": the span; "2025-02-11 16:04:00 - Uploads are
			 * failing. ...": one entry
			 */
			if (pm_narrative_span(ps, para.data, para.len))
				;
			else if (body != NULL && st.has_time && !pm_later_sentence_timed(body, para.data + para.len))
				pm_timeline_line(ps, &joined);
			else
			{
				pm_narrative_day(ps, ln, para.data, para.len);
				pm_timeline_sentences(ps, ln, para.data, para.data + para.len);
			}
		}
	}
	return j - 1;
}

/* does no timeline entry name its day? */
static bool
pm_entries_undated(const PmParser *ps)
{
	for (int i = 0; i < ps->nraw; i++)
		if (ps->raw[i].st.has_date)
			return false;
	return true;
}

/*
 * No timeline and no time in the summary, but a line that names dated
 * times ("Note the power cut was 2023-05-14 01:35 UTC - 2023-05-14 02:20
 * UTC (45m); solr was down 2023-05-14 02:20 UTC - 2023-05-14 11:40 UTC"),
 * as an issue's comment does: the incident spans them, from the earliest
 * to the latest.
 */
static void
pm_dated_times_line(PmParser *ps, bool duration_only)
{
	for (int i = 0; i < ps->nlines; i++)
	{
		const PmLine *ln = &ps->lines[i];
		PmStamps	found;
		int			n = 0;
		TimestampTz lo = 0,
					hi = 0;

		if (pm_no_text(ln))
			continue;
		if (duration_only && (ln->section == SEC_TIMELINE || ln->code ||
							  !pm_contains_ci(ln->s, ln->len, "duration")))
			continue;
		memset(&found, 0, sizeof(found));
		pm_scan_stamps(ln->s, ln->len, &found);
		for (int j = 0; j < found.n; j++)
		{
			const PmStamp *st = &found.st[j];
			PmZone		z = st->has_zone ? st->zone : ps->has_doc_zone ? ps->doc_zone : ps->default_zone;
			TimestampTz ts;

			if (!st->has_date || !st->has_time || st->y == 0 || st->zone_unknown ||
				!pm_zone_to_ts(&z, st->y, st->m, st->d, st->h, st->mi, st->s, st->us, &ts))
				continue;
			if (st->has_zone && !ps->has_doc_zone)
			{
				ps->doc_zone = st->zone;
				ps->has_doc_zone = true;
			}
			if (n == 0 || ts < lo)
				lo = ts;
			if (n == 0 || ts > hi)
				hi = ts;
			if (n++ == 0 && !ps->has_base)
			{
				ps->has_base = true;
				ps->base_y = st->y;
				ps->base_m = st->m;
				ps->base_d = st->d;
				ps->base_from = "the summary";
			}
		}
		if (n >= 2 && hi > lo)
		{
			ps->sum_start = lo;
			ps->sum_end = hi;
			ps->sum_has_start = ps->sum_has_end = true;
			ps->ntimes += n;
			if (duration_only)
				pm_note(ps->doc, "the timeline names no day and the summary no time; the incident spans the Duration of line %d, outside the summary",
						ln->lineno);
			else
				pm_note(ps->doc, "the document has no timeline and its summary no time; the incident spans the dated times of line %d, from the earliest to the latest",
						ln->lineno);
			return;
		}
	}
}

/* does the summary's text (its prose, Duration, Start, End, Impact) name a time of day? */
static bool
pm_summary_has_time(const PmParser *ps)
{
	const StringInfoData *parts[] = {&ps->summary, &ps->duration, &ps->start_field,
	&ps->end_field, &ps->impact};

	for (int i = 0; i < lengthof(parts); i++)
	{
		PmStamps	found;

		if (parts[i]->len == 0)
			continue;
		memset(&found, 0, sizeof(found));
		pm_scan_stamps(parts[i]->data, parts[i]->len, &found);
		for (int j = 0; j < found.n; j++)
			if (found.st[j].has_time)
				return true;
	}
	return false;
}

/* the words say a service was down: "is down" too, as one moment's sentence does */
static bool
pm_says_down(const char *s, int len)
{
	return pm_says_outage(s, len) || pm_contains_ci(s, len, " is down") ||
		pm_contains_ci(s, len, " are down");
}

PmDocument *
pm_parse_document(const char *text, int len, const PmOptions *opt)
{
	PmParser	ps;
	PmDocument *doc = palloc0(sizeof(PmDocument));
	PmStamp		day = {0};

	if (!pm_parser_begin(&ps, doc, opt))
		return doc;
	/* "__Timeline__" is "**Timeline**": one spelling of strong emphasis */
	for (const char *u = memchr(text, '_', len); u != NULL && u + 1 < text + len;
		 u = memchr(u + 1, '_', text + len - u - 1))
	{
		if (u[1] == '_')
		{
			char	   *copy = palloc(len + 1);

			memcpy(copy, text, len);
			copy[len] = '\0';
			if (pm_strong_underscores(copy, len))
				text = copy;
			break;
		}
	}
	pm_read_structure(&ps, text, len);

	/*
	 * No timeline section, but paragraphs above the first heading that open
	 * with a time: a status notice ("2025-02-11 16:04 - ...", "UPDATE 09:50:
	 * ..."), read again with those paragraphs as its entries
	 */
	if (ps.nraw == 0 && !ps.saw_timeline && pm_find_history(&ps))
	{
		/*
		 * No timeline, but a status page's update history (each update a
		 * status word, its text and "Posted Jun 10, 2024 - 16:18 EDT"
		 * under it): read again with the updates as its entries
		 */
		PmUpdate   *ups = ps.updates;
		int			nups = ps.nupdates,
					post = ps.post_stamp;

		memset(doc, 0, sizeof(PmDocument));
		pm_parser_begin(&ps, doc, opt);
		ps.updates = ups;
		ps.nupdates = nups;
		ps.post_stamp = post;
		pm_read_structure(&ps, text, len);
	}
	else if (ps.nraw == 0 && !ps.saw_timeline && ps.notice_paragraphs >= 2)
	{
		memset(doc, 0, sizeof(PmDocument));
		pm_parser_begin(&ps, doc, opt);
		ps.notice = true;
		pm_read_structure(&ps, text, len);
	}

	/*
	 * No timeline, but a "What happened" section whose paragraphs name the
	 * times ("At 14:36 UTC, the owning team was alerted ..."): read again
	 * with that prose as the timeline, each sentence with a time an entry
	 */
	if (ps.nraw == 0 && !ps.saw_timeline && !ps.notice && ps.what_happened_times >= 2)
	{
		memset(doc, 0, sizeof(PmDocument));
		pm_parser_begin(&ps, doc, opt);
		ps.prose_timeline = true;
		pm_read_structure(&ps, text, len);
	}

	/*
	 * No timeline, no "What happened", but the text above the headings
	 * tells the incident hour by hour, four timed sentences or more (a
	 * letter to customers, under which a heading names the measures): read
	 * again with that text as the timeline (a text without any heading is
	 * a narrative, pm_read_narrative's)
	 */
	else if (ps.nraw == 0 && !ps.saw_timeline && !ps.notice && ps.nupdates == 0 &&
			 ps.parts_seen > 0 && ps.letter_times >= 4)
	{
		memset(doc, 0, sizeof(PmDocument));
		pm_parser_begin(&ps, doc, opt);
		ps.letter_prose = ps.prose_timeline = true;
		pm_read_structure(&ps, text, len);
	}

	/*
	 * No timeline, no "What happened", no letter, but the Resolution tells
	 * the incident in timed prose, three sentences or more: read again with
	 * that prose as the timeline
	 */
	else if (ps.nraw == 0 && !ps.saw_timeline && !ps.notice && ps.nupdates == 0 &&
			 ps.resolution_times >= 3)
	{
		memset(doc, 0, sizeof(PmDocument));
		pm_parser_begin(&ps, doc, opt);
		ps.resolution_prose = ps.prose_timeline = true;
		pm_read_structure(&ps, text, len);
	}

	/*
	 * No timeline anywhere, but the sections' prose tells the moments: read
	 * again with each timed sentence an entry, a moment told twice (the
	 * summary, then the details) one entry.  Kept when it finds two moments
	 * or more; else read as it was.
	 */
	if (ps.nraw == 0 && !ps.saw_timeline && !ps.notice && ps.nupdates == 0 &&
		!ps.prose_timeline && ps.parts_seen > 0)
	{
		memset(doc, 0, sizeof(PmDocument));
		pm_parser_begin(&ps, doc, opt);
		ps.prose_all = true;
		ps.prose_all_upto = -1;
		pm_read_structure(&ps, text, len);
		pm_drop_retold(&ps);

		/*
		 * "On 2024-06-02 09h12 CEST someone told us on the chat that maps
		 * ... is down." under "## Alert", and no other time anywhere: the
		 * one moment is the start, kept, where the document would
		 * otherwise be refused (one moment among a summary's times is
		 * not kept: the summary says when)
		 */
		if (ps.nraw == 1 && !pm_summary_has_time(&ps) && ps.raw[0].st.has_time &&
			pm_says_down(ps.raw[0].body.data, ps.raw[0].body.len))
			;
		else if (ps.nraw < 2)
		{
			memset(doc, 0, sizeof(PmDocument));
			pm_parser_begin(&ps, doc, opt);
			pm_read_structure(&ps, text, len);
		}
	}

	/* nothing at all? */
	{
		bool		any = false;

		for (int i = 0; i < len && !any; i++)
			if (!isspace((unsigned char) text[i]))
				any = true;
		if (!any)
		{
			doc->error = PM_ERROR_EMPTY;
			doc->error_message = pstrdup("postmortem document is empty");
			return doc;
		}
	}

	/* none of the template's parts: not a postmortem, unless its prose is one */
	if (ps.parts_seen == 0 && !pm_read_narrative(&ps) && pm_outage_undated(&ps))
	{
		doc->error = PM_ERROR_NO_DATE;
		doc->error_message = pstrdup("postmortem document names no date");
		doc->error_detail = pstrdup("Its headings tell of an outage, but it names no day and no time.");
		doc->error_hint = pstrdup("Write when the outage began and ended, e.g. \"Start: 2024-03-04 14:05 UTC\", and its timeline under a heading \"Timeline\".");
		return doc;
	}
	if (ps.parts_seen == 0 && pm_relative_undated(&ps))
	{
		doc->error = PM_ERROR_NO_DATE;
		doc->error_message = pstrdup("postmortem document names no date");
		doc->error_detail = pstrdup("It says when the incident happened only relative to the day it was read (\"Started about ... ago\"), and names no day.");
		doc->error_hint = pstrdup("Pass the date as on_date, e.g. postmortem.import_markdown(doc, on_date => '2024-03-04').");
		return doc;
	}
	if (ps.parts_seen == 0 && pm_outage_untimed(&ps, &day))
	{
		const char *mn = pm_month_name(day.m);

		doc->error = PM_ERROR_NO_TIMES;
		doc->error_message = pstrdup("postmortem document has no timeline");
		doc->error_detail = psprintf("It names a day, %c%s %d, %d, but no time of day.",
									 toupper((unsigned char) mn[0]), mn + 1, day.d, day.y);
		doc->error_hint = pstrdup("Write when the outage began and ended, e.g. \"Start: 2024-03-04 14:05 UTC\", and its timeline under a heading \"Timeline\".");
		return doc;
	}
	if (ps.parts_seen == 0)
	{
		doc->error = PM_ERROR_NO_TIMES;
		doc->error_message = pstrdup("postmortem document has no timeline");
		doc->error_detail = pstrdup("It has none of the parts of a postmortem: no Summary, Timeline, Root Cause or Corrective and Preventative Measures heading, and no Duration or Impact line.");
		doc->error_hint = pstrdup("Write the timeline as lines that start with a time, e.g. \"- 14:05 UTC: alert fired\", under a heading \"Timeline\".");
		return doc;
	}

	pm_read_summary(&ps);
	if (ps.nraw == 0 && !ps.saw_timeline && ps.ntimes == 0)
		pm_dated_times_line(&ps, false);
	else if (ps.nraw > 0 && ps.ntimes == 0 && !ps.has_base && pm_entries_undated(&ps))
	{
		/*
		 * "**Duration:** July 9, 2024, 9:30 PM UTC to July 10, 2024, 3:15
		 * AM UTC" under a heading of the writer's own, the timeline's times
		 * naming no day: that line is the duration, as it would be in the
		 * summary
		 */
		pm_dated_times_line(&ps, true);
	}
	pm_settle_zones(&ps);
	if (!pm_settle_dates(&ps))
		return doc;
	pm_build_entries(&ps);
	pm_settle_span(&ps);
	pm_build_tasks(&ps);
	return doc;
}
