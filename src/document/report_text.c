/*-------------------------------------------------------------------------
 *
 * report_text.c
 *	  Text for report(): user text escaped for Markdown and HTML, labels a
 *	  Mermaid gantt can hold, and times and durations written for people
 *	  ("10:05 AM", "2 h 30 min"), never microseconds.
 *
 * Escapes are CommonMark backslash escapes, and character references
 * (&#42; for '*', &#32; for a space that would indent a code block), which
 * every CommonMark reader (and import_markdown, readback.c) undoes: the
 * text reads the same, and nothing in it becomes emphasis, a link, a
 * heading or an HTML tag.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "mb/pg_wchar.h"
#include "utils/datetime.h"

#include "document/report.h"

static const char *const month_names[] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"
};

/* ASCII punctuation that means something to CommonMark, GFM or HTML */
static bool
md_special(char c)
{
	return strchr("\\`*_[]<>#~|", c) != NULL;
}

/*
 * User text as Markdown that shows exactly that text.  On one line unless
 * multiline: then newlines stay, and what would start a block at the start
 * of a line (a list marker, an ordered list's "1.", a setext underline,
 * indentation that would make a code block) is escaped or dropped.
 */
void
rpt_md_text(StringInfo buf, const char *s, bool multiline)
{
	bool		line_start = true;
	bool		after_blank = true; /* where an indented line is a code block */

	for (const char *p = s; *p; p++)
	{
		char		c = *p;

		if (c == '\r')
			continue;
		if (c == '\n')
		{
			appendStringInfoChar(buf, multiline ? '\n' : ' ');
			if (multiline)
				after_blank = line_start;
			line_start = multiline;
			continue;
		}
		if (line_start && multiline)
		{
			const char *q = p;

			if ((c == ' ' || c == '\t') && after_blank)
			{
				/* a space as a character reference: no indented code block */
				appendStringInfoString(buf, c == ' ' ? "&#32;" : "&#9;");
				line_start = false;
				continue;
			}
			while (*q == ' ' || *q == '\t')
				q++;
			if (q != p)
			{
				appendBinaryStringInfo(buf, p, q - p);
				p = q;
				c = *p;
				if (c == '\0' || c == '\n')
				{
					p--;
					continue;
				}
			}
			if (c == '-' || c == '+' || c == '=')
				appendStringInfoChar(buf, '\\');
			else if (isdigit((unsigned char) c))
			{
				q = p;
				while (isdigit((unsigned char) *q))
					q++;
				if (*q == '.' || *q == ')')
				{
					appendBinaryStringInfo(buf, p, q - p);
					appendStringInfoChar(buf, '\\');
					p = q - 1;
					line_start = false;
					continue;
				}
			}
		}
		line_start = false;
		if (c == '*')
		{
			/* a character reference: some readers drop '*' before escapes */
			appendStringInfoString(buf, "&#42;");
			continue;
		}
		if (md_special(c) ||
			(c == '&' && (isalpha((unsigned char) p[1]) || p[1] == '#')))
			appendStringInfoChar(buf, '\\');
		appendStringInfoChar(buf, c);
	}
}

/*
 * rpt_code_block: text nobody escaped (a recorded statement) as a fenced
 * code block inside a list item.  The fence is longer than the longest run
 * of backticks in the text and every line is indented to the item's
 * content, so that no line of the text (one at column 0, a "```" or "~~~"
 * of its own, a "```mermaid") can end the block or the item: CommonMark
 * closes a fenced block only with a fence at least as long as the opening
 * one, and ends a list item at a non-blank line indented less than its
 * content.
 */
void
rpt_code_block(StringInfo buf, const char *indent, const char *info, const char *text)
{
	int			longest = 0;
	int			fence;

	for (const char *p = text; *p; p++)
	{
		int			n = 0;

		while (p[n] == '`')
			n++;
		longest = Max(longest, n);
		if (n > 0)
			p += n - 1;
	}
	fence = Max(3, longest + 1);

	appendStringInfoString(buf, indent);
	for (int i = 0; i < fence; i++)
		appendStringInfoChar(buf, '`');
	appendStringInfo(buf, "%s\n", info);
	for (const char *line = text; *line;)
	{
		const char *end = strchr(line, '\n');
		int			len = end ? end - line : strlen(line);

		/* a blank line stays in the block without its indent */
		if (len > 0)
			appendStringInfoString(buf, indent);
		appendBinaryStringInfo(buf, line, len);
		appendStringInfoChar(buf, '\n');
		if (!end)
			break;
		line = end + 1;
	}
	appendStringInfoString(buf, indent);
	for (int i = 0; i < fence; i++)
		appendStringInfoChar(buf, '`');
	appendStringInfoString(buf, "\n\n");
}

/*
 * A retrospective section's body is Markdown its author wrote: kept as
 * written, but raw HTML is not let through (a '<' that opens a tag gets a
 * backslash, unless it has one), outside code spans and fenced blocks.
 */
void
rpt_md_section_body(StringInfo buf, const char *s)
{
	bool		fenced = false;
	int			span = 0;		/* backticks opening the current code span */

	for (const char *p = s; *p; p++)
	{
		bool		line_start = (p == s || p[-1] == '\n');

		if (line_start && strncmp(p, "```", 3) == 0)
			fenced = !fenced;
		if (*p == '`' && !fenced)
		{
			int			n = 0;

			while (p[n] == '`')
				n++;
			if (span == 0)
				span = n;
			else if (span == n)
				span = 0;
			appendBinaryStringInfo(buf, p, n);
			p += n - 1;
			continue;
		}
		if (*p == '<' && !fenced && span == 0 && (p == s || p[-1] != '\\') &&
			(isalpha((unsigned char) p[1]) || p[1] == '/' || p[1] == '!' || p[1] == '?'))
			appendStringInfoChar(buf, '\\');
		appendStringInfoChar(buf, *p);
	}
	/* a fence the writer left open would swallow the sections after it */
	if (fenced)
		appendStringInfoString(buf, "\n```");
}

/*
 * The text on one line, at most maxchars characters (not bytes): cut at a
 * word boundary where there is one in the second half, and marked with an
 * ellipsis.  Never splits a multibyte character.
 */
char *
rpt_clip(const char *s, int maxchars)
{
	StringInfoData out;
	int			nchars = 0;
	int			len = strlen(s);
	int			cut = -1;		/* byte offset of the last space seen */
	int			cutchars = 0;
	int			i = 0;
	bool		utf8 = GetDatabaseEncoding() == PG_UTF8;

	initStringInfo(&out);
	while (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t')
		i++;
	for (; i < len; nchars++)
	{
		int			l = pg_mblen(s + i);

		if (nchars == maxchars - 1 && pg_mbstrlen_with_len(s + i, len - i) > 1)
		{
			/* it does not fit: back to the last word boundary, if not too far */
			if (cut >= 0 && cutchars >= maxchars / 2)
				out.len = cut, out.data[cut] = '\0';
			while (out.len > 0 && out.data[out.len - 1] == ' ')
				out.data[--out.len] = '\0';
			while (out.len > 0 && strchr(",;:-—", out.data[out.len - 1]) != NULL &&
				   !IS_HIGHBIT_SET(out.data[out.len - 1]))
				out.data[--out.len] = '\0';
			appendStringInfoString(&out, utf8 ? "…" : "...");
			return out.data;
		}
		if (s[i] == '\n' || s[i] == '\r' || s[i] == '\t' || s[i] == ' ')
		{
			if (out.len > 0 && out.data[out.len - 1] != ' ')
			{
				cut = out.len;
				cutchars = nchars;
				appendStringInfoChar(&out, ' ');
			}
			i += l;
			continue;
		}
		appendBinaryStringInfo(&out, s + i, l);
		i += l;
	}
	while (out.len > 0 && out.data[out.len - 1] == ' ')
		out.data[--out.len] = '\0';
	return out.data;
}

/* a word Mermaid's gantt lexer takes as a statement at the start of a line */
static bool
gantt_keyword_start(const char *s)
{
	static const char *const words[] = {
		"gantt", "dateformat", "inclusiveenddates", "topaxis", "axisformat",
		"tickinterval", "includes", "excludes", "todaymarker", "weekday",
		"weekend", "title", "accdescription", "accdescr", "acctitle",
		"section", "href", "call", "click", NULL
	};

	for (int i = 0; words[i]; i++)
		if (pg_strncasecmp(s, words[i], strlen(words[i])) == 0)
			return true;
	return false;
}

/*
 * A label in a Mermaid gantt (task name or title), clipped to maxchars.
 * Gantt names cannot hold ':' (it ends the name), '#' and ';' (they end the
 * task's data), '%' (a comment), nor start with a statement's keyword or a
 * date; Mermaid's entity codes (#58; for ':') say them all, and the diagram
 * shows the text as written.
 */
void
rpt_mermaid_label(StringInfo buf, const char *s, int maxchars)
{
	char	   *clip = rpt_clip(s, maxchars);

	if (clip[0] == '\0')
	{
		appendStringInfoString(buf, "(no text)");
		return;
	}
	if (isdigit((unsigned char) clip[0]) || gantt_keyword_start(clip))
	{
		appendStringInfo(buf, "#%d;", (int) (unsigned char) clip[0]);
		clip++;
	}
	for (const char *p = clip; *p; p++)
	{
		if (strchr(":;#%<>\"`{}&\\", *p) != NULL)
			appendStringInfo(buf, "#%d;", (int) (unsigned char) *p);
		else
			appendStringInfoChar(buf, *p);
	}
}

/* "May 15, 2024" */
void
rpt_date(StringInfo buf, const struct pg_tm *tm)
{
	appendStringInfo(buf, "%s %d, %d", month_names[tm->tm_mon - 1], tm->tm_mday, tm->tm_year);
}

/*
 * "10:05 AM", or "10:05:30 AM" where the seconds matter, with the
 * milliseconds a document wrote ("10:05:30.123 AM"), never microseconds
 */
void
rpt_clock(StringInfo buf, const struct pg_tm *tm, fsec_t fsec, bool seconds)
{
	int			h = tm->tm_hour % 12 == 0 ? 12 : tm->tm_hour % 12;
	const char *ampm = tm->tm_hour < 12 ? "AM" : "PM";

	if (seconds && fsec != 0 && fsec % 1000 == 0)
		appendStringInfo(buf, "%d:%02d:%02d.%03d %s", h, tm->tm_min, tm->tm_sec,
						 (int) (fsec / 1000), ampm);
	else if (seconds)
		appendStringInfo(buf, "%d:%02d:%02d %s", h, tm->tm_min, tm->tm_sec, ampm);
	else
		appendStringInfo(buf, "%d:%02d %s", h, tm->tm_min, ampm);
}

/*
 * Was this time written by a person with its seconds ("10:05:30", or
 * "10:05:30.123")?  A time a person wrote has no fraction finer than a
 * millisecond; one the database stamped (now()) has microseconds, and its
 * seconds are noise unless they order entries within a minute.
 */
bool
rpt_written_with_seconds(const PmZone *zone, TimestampTz at)
{
	struct pg_tm tm;
	fsec_t		fsec;

	pm_zone_localize(zone, at, &tm, &fsec);
	return fsec % 1000 == 0 && (tm.tm_sec != 0 || fsec != 0);
}

/*
 * A duration for people: "45 s", "4 min 30 s" (seconds only under ten
 * minutes), "2 h 30 min", "1 day 3 h 5 min".
 */
void
rpt_span(StringInfo buf, TimestampTz from, TimestampTz to)
{
	int64		secs = (to - from + USECS_PER_SEC / 2) / USECS_PER_SEC;
	int64		mins,
				days,
				hours;
	bool		any = false;

	if (secs < 0)
		secs = 0;
	if (secs < 60)
	{
		appendStringInfo(buf, secs == 0 ? "0 min" : INT64_FORMAT " s", secs);
		return;
	}
	if (secs < 600 && secs % 60 != 0)
	{
		appendStringInfo(buf, INT64_FORMAT " min " INT64_FORMAT " s", secs / 60, secs % 60);
		return;
	}
	mins = (secs + 30) / 60;
	days = mins / (24 * 60);
	hours = (mins / 60) % 24;
	mins %= 60;
	if (days > 0)
	{
		appendStringInfo(buf, INT64_FORMAT " %s", days, days == 1 ? "day" : "days");
		any = true;
	}
	if (hours > 0)
	{
		appendStringInfo(buf, "%s" INT64_FORMAT " h", any ? " " : "", hours);
		any = true;
	}
	if (mins > 0 || !any)
		appendStringInfo(buf, "%s" INT64_FORMAT " min", any ? " " : "", mins);
}
