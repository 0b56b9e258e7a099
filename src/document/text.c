/*-------------------------------------------------------------------------
 *
 * text.c
 *	  Small text helpers of the document parser: ASCII case folding (UTF-8
 *	  passes through), trimming, list markers and checkboxes, table cells, the
 *	  notes the parser writes down.  Calls nothing of the parser's.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <ctype.h>

#include "lib/stringinfo.h"
#include "pgtime.h"
#include "utils/datetime.h"
#include "utils/timestamp.h"

#include "document/parse.h"
#include "document/parse_int.h"

void
pm_note(PmDocument *doc, const char *fmt,...)
{
	StringInfoData buf;

	initStringInfo(&buf);
	for (;;)
	{
		va_list		args;
		int			needed;

		va_start(args, fmt);
		needed = appendStringInfoVA(&buf, fmt, args);
		va_end(args);
		if (needed == 0)
			break;
		enlargeStringInfo(&buf, needed);
	}
	if (doc->nnotes % 8 == 0)
		doc->notes = doc->notes ?
			repalloc(doc->notes, sizeof(char *) * (doc->nnotes + 8)) :
			palloc(sizeof(char *) * 8);
	doc->notes[doc->nnotes++] = buf.data;
}

/* ---------------------------------------------------------------------
 * small text helpers (ASCII case folding; UTF-8 passes through)
 * ---------------------------------------------------------------------
 */

bool
pm_prefix_ci(const char *p, const char *e, const char *word)
{
	for (; *word; word++, p++)
		if (p >= e || pm_lower(*p) != *word)
			return false;
	return true;
}

/* a lowercase, NUL-terminated copy for strstr() */
char *
pm_lower_copy(const char *s, int len, char *stackbuf, int bufsize)
{
	char	   *out = (len < bufsize) ? stackbuf : palloc(len + 1);
	int			i = 0;

	/*
	 * Eight bytes at a time: a byte below 0x80 that is 'A'..'Z' gains 0x20.
	 * Adding 0x3f sets a byte's high bit from 'A' up, adding 0x25 from past
	 * 'Z' (no carry crosses bytes: each is below 0x80 once its high bit is
	 * cleared).
	 */
	for (; i + 8 <= len; i += 8)
	{
		uint64		w;
		uint64		low7;
		uint64		upper;

		memcpy(&w, s + i, 8);
		low7 = w & UINT64CONST(0x7f7f7f7f7f7f7f7f);
		upper = (low7 + UINT64CONST(0x3f3f3f3f3f3f3f3f)) &
			~(low7 + UINT64CONST(0x2525252525252525)) &
			~w & UINT64CONST(0x8080808080808080);
		w |= upper >> 2;
		memcpy(out + i, &w, 8);
	}
	for (; i < len; i++)
		out[i] = pm_lower(s[i]);
	out[len] = '\0';
	return out;
}

/* pm_lower_copy, and the pairs of the copy */
char *
pm_lower_pairs(const char *s, int len, char *stackbuf, int bufsize, PmPairs *pairs)
{
	char	   *out = pm_lower_copy(s, len, stackbuf, bufsize);

	memset(pairs, 0, sizeof(PmPairs));
	for (int i = 0; i + 1 < len; i++)
	{
		int			pr = PM_PAIR(out[i], out[i + 1]);

		pairs->bits[pr / 32] |= 1u << (pr % 32);
	}
	return out;
}

/* the first n letters of word at p, case-insensitively */
bool
pm_prefix_ci_n(const char *p, const char *e, const char *word, int n)
{
	if (e - p < n)
		return false;
	for (int i = 0; i < n; i++)
		if (word[i] == '\0' || pm_lower(p[i]) != word[i])
			return false;
	return true;
}

/* word (lowercase) at p, not followed by a letter */
bool
pm_word_ci(const char *p, const char *e, const char *word)
{
	int			n = strlen(word);

	return pm_prefix_ci(p, e, word) && (p + n >= e || !isalpha((unsigned char) p[n]));
}

/* does [s, s+len) contain needle (lowercase), case-insensitively? */
bool
pm_contains_ci(const char *s, int len, const char *needle)
{
	int			n = strlen(needle);
	char		first = needle[0];

	char		upper = (first >= 'a' && first <= 'z') ? first - ('a' - 'A') : first;

	for (int i = 0; i + n <= len; i++)
	{
		if (s[i] != first && s[i] != upper)
			continue;
		if (pm_prefix_ci(s + i, s + len, needle))
			return true;
	}
	return false;
}

const char *
pm_skip_space(const char *p, const char *e)
{
	while (p < e && (*p == ' ' || *p == '\t'))
		p++;
	return p;
}

/* skip white space and emphasis marks (*, _, `) */
const char *
pm_skip_decor(const char *p, const char *e)
{
	while (p < e && (*p == ' ' || *p == '\t' || *p == '*' || *p == '`' ||
					 (*p == '_' && (p + 1 >= e || !pm_isalnum(p[1])))))
		p++;
	return p;
}

void
pm_trim(const char **s, const char **e)
{
	while (*s < *e && isspace((unsigned char) **s))
		(*s)++;
	while (*e > *s && isspace((unsigned char) (*e)[-1]))
		(*e)--;
}

/* may the "__" at p, in the line [s, e), open (or else close) strong emphasis? */
static inline bool
pm_underscore_flank(const char *s, const char *e, const char *p, bool open)
{
	bool		has_out = open ? p > s : p + 2 < e;
	bool		has_in = open ? p + 2 < e : p > s;
	char		out = has_out ? (open ? p[-1] : p[2]) : ' ';
	char		in = has_in ? (open ? p[2] : p[-1]) : ' ';

	/* CommonMark: "_" is never emphasis inside a word (orders__v2) */
	if (isalnum((unsigned char) out) || out == '_')
		return false;
	return has_in && !isspace((unsigned char) in) && in != '_';
}

/*
 * "__Timeline:__", "__Owner:__ ana": strong emphasis written with
 * underscores, which CommonMark reads as "**Timeline:**".  Each pair on a
 * line whose runs open and close as CommonMark's rules for "_" allow is
 * rewritten in place as "**", so that the line readers need know only one
 * spelling.  Runs inside code spans are left alone.  Returns whether any
 * was rewritten.
 */
bool
pm_strong_underscores(char *s, int len)
{
	char	   *e = s + len;
	char	   *line = s;
	bool		changed = false;

	while (line < e)
	{
		char	   *le = memchr(line, '\n', e - line);
		char	   *open = NULL;
		bool		code = false;

		if (le == NULL)
			le = e;
		for (char *p = line; p + 1 < le; p++)
		{
			if (*p == '`')
				code = !code;
			if (code || p[0] != '_' || p[1] != '_' || (p + 2 < le && p[2] == '_'))
				continue;
			if (open == NULL && pm_underscore_flank(line, le, p, true))
				open = p++;
			else if (open != NULL && pm_underscore_flank(line, le, p, false))
			{
				open[0] = open[1] = p[0] = p[1] = '*';
				open = NULL;
				changed = true;
				p++;
			}
		}
		if (le == e)
			break;
		line = le + 1;
	}
	return changed;
}

/* copy of [s, e) without '*' emphasis marks, trimmed */
char *
pm_clean(const char *s, const char *e)
{
	char	   *out = palloc(e - s + 1);
	char	   *o = out;
	const char *a,
			   *b;

	for (; s < e; s++)
	{
		/* a CommonMark backslash escape ("\*", "\#", "\<") is the character */
		if (*s == '\\' && s + 1 < e && ispunct((unsigned char) s[1]))
			*o++ = *++s;
		else if (*s != '*')
			*o++ = *s;
	}
	*o = '\0';
	a = out;
	b = o;
	pm_trim(&a, &b);
	/* underline emphasis around the whole text */
	if (b - a >= 2 && *a == '_' && b[-1] == '_')
	{
		a++;
		b--;
	}
	return pnstrdup(a, b - a);
}

/* strip a list marker: "- ", "* ", "+ ", "1. ", "1) ", "• " */
const char *
pm_strip_marker(const char *p, const char *e, bool *marker)
{
	*marker = false;
	if (p + 1 < e && (*p == '-' || *p == '*' || *p == '+') && (p[1] == ' ' || p[1] == '\t'))
	{
		*marker = true;
		return pm_skip_space(p + 2, e);
	}
	if (p < e && (*p == '-' || *p == '*' || *p == '+') && p + 1 == e)
	{
		*marker = true;
		return e;
	}
	/* "•\t10:20 – ...": a bullet pasted from a word processor (U+2022, U+25E6, U+25AA) */
	if (e - p >= 4 && (unsigned char) p[0] == 0xe2 &&
		(((unsigned char) p[1] == 0x80 && (unsigned char) p[2] == 0xa2) ||
		 ((unsigned char) p[1] == 0x97 && (unsigned char) p[2] == 0xa6) ||
		 ((unsigned char) p[1] == 0x96 && (unsigned char) p[2] == 0xaa)) &&
		(p[3] == ' ' || p[3] == '\t'))
	{
		*marker = true;
		return pm_skip_space(p + 4, e);
	}
	if (p < e && isdigit((unsigned char) *p))
	{
		const char *q = p;

		while (q < e && isdigit((unsigned char) *q) && q - p < 3)
			q++;
		if (q + 1 < e && (*q == '.' || *q == ')') && (q[1] == ' ' || q[1] == '\t'))
		{
			/* "10. " is a list item, "10.30" is not */
			*marker = true;
			return pm_skip_space(q + 2, e);
		}
		if (e - q > 3 && (unsigned char) q[0] == 0xe3 && (unsigned char) q[1] == 0x80 &&
			(unsigned char) q[2] == 0x81)
		{
			/* "1、" (U+3001): a numbered item as Chinese writes it */
			*marker = true;
			return pm_skip_space(q + 3, e);
		}
	}
	return p;
}

/* checkbox "[ ] ", "[x] " */
const char *
pm_strip_checkbox(const char *p, const char *e, bool *has, bool *checked)
{
	*has = false;
	*checked = false;
	if (p + 2 < e && p[0] == '[' && p[2] == ']' &&
		(p[1] == ' ' || p[1] == 'x' || p[1] == 'X'))
	{
		*has = true;
		*checked = (p[1] != ' ');
		return pm_skip_space(p + 3, e);
	}
	return p;
}

/* words in a heading's name */
int
pm_count_words(const char *s)
{
	int			n = 0;
	bool		in = false;

	for (; *s; s++)
	{
		bool		w = isalnum((unsigned char) *s);

		if (w && !in)
			n++;
		in = w;
	}
	return n;
}

void
pm_append_text(StringInfo buf, const char *s, int len, bool newpara)
{
	if (buf->len > 0)
		appendStringInfoString(buf, newpara ? "\n\n" : "\n");
	appendBinaryStringInfo(buf, s, len);
}

/* split a table row into cells; returns count */
int
pm_table_cells(const char *s, const char *e, const char **cs, const char **ce, int max)
{
	int			n = 0;
	const char *p = s;

	if (p < e && *p == '|')
		p++;
	while (p < e && n < max)
	{
		const char *q = p;
		const char *a,
				   *b;

		while (q < e && *q != '|')
			q++;
		a = p;
		b = q;
		pm_trim(&a, &b);
		cs[n] = a;
		ce[n] = b;
		n++;
		p = q < e ? q + 1 : e;
		if (q >= e)
			break;
	}
	/* a trailing '|' leaves an empty last cell */
	if (n > 0 && cs[n - 1] == ce[n - 1] && e > s && e[-1] == '|')
		n--;
	return n;
}

bool
pm_table_separator(const char *s, const char *e)
{
	for (; s < e; s++)
		if (*s != '|' && *s != '-' && *s != ':' && *s != ' ' && *s != '\t')
			return false;
	return true;
}

/* ---------------------------------------------------------------------
 * the summary's duration
 * ---------------------------------------------------------------------
 */

/*
 * "- **MTTR (Mean Time to Resolve):** 42 minutes", "2. **MTTR:** 42 minutes",
 * "Time to resolve: 21m", "Time from detection to mitigation: 23min" (the
 * impact ends when it is mitigated), "- **Total Resolution Time**: 40
 * minutes" under Metrics: where the label opens (after the list marker and
 * emphasis), or NULL
 */
const char *
pm_metric_label(const char *p, const char *e)
{
	bool		marker;

	/* a numbered list's marker ("2. "), or a bullet, then the emphasis */
	if (p < e && isdigit((unsigned char) *p))
		p = pm_strip_marker(p, e, &marker);
	while (p < e && (*p == '-' || *p == '*' || *p == '+' || *p == ' ' || *p == '_'))
		p++;
	if (e - p < 4 || (*p != 'M' && *p != 'm' && *p != 'T' && *p != 't'))
		return NULL;
	if (pm_prefix_ci(p, e, "mttr") || pm_prefix_ci(p, e, "mean time to resol") ||
		pm_prefix_ci(p, e, "time to resolve") || pm_prefix_ci(p, e, "time to resolution") ||
		pm_prefix_ci(p, e, "time to mitigat") || pm_prefix_ci(p, e, "time from detection to mitigat") ||
		pm_prefix_ci(p, e, "time from detection to resol") ||
		pm_prefix_ci(p, e, "total resolution time"))
		return p;
	return NULL;
}

/* does a word start at p?  UTF-8 dashes, arrows and spaces end words too */
bool
pm_word_start(const char *s, const char *p)
{
	if (p == s)
		return true;
	if (!pm_isalnum(p[-1]))
	{
		/* "T+00:40", "T-5": a time relative to the incident, no time of day */
		if ((p[-1] == '+' || p[-1] == '-') && p - s >= 2 && (p[-2] == 'T' || p[-2] == 't') &&
			isdigit((unsigned char) *p) && (p - s == 2 || !pm_isalnum(p[-3])))
			return false;
		return true;
	}
	if (p - s >= 3 && (unsigned char) p[-3] == 0xe2 &&
		(((unsigned char) p[-2] == 0x80 && (unsigned char) p[-1] >= 0x90 && (unsigned char) p[-1] <= 0x95) ||
		 (unsigned char) p[-2] == 0x86))
		return true;			/* U+2010-2015 dashes, U+2190-21BF arrows */
	if (p - s >= 2 && (unsigned char) p[-2] == 0xc2 && (unsigned char) p[-1] == 0xa0)
		return true;			/* no-break space */
	if (((unsigned char) p[-1] & 0xc0) == 0x80 && isdigit((unsigned char) *p) && p - s >= 3 &&
		(unsigned char) p[-3] >= 0xe3 && (unsigned char) p[-3] <= 0xe9 &&
		((unsigned char) p[-2] & 0xc0) == 0x80)
		return true;			/* a number after a CJK character: "晚22:48" */
	return false;
}

/* ----- what a heading's name says (a heading, a group label) ----- */
bool
pm_has_word(const char *low, const char *word)
{
	int			n = strlen(word);

	for (const char *p = strstr(low, word); p; p = strstr(p + 1, word))
		if ((p == low || !isalpha((unsigned char) p[-1])) && !isalpha((unsigned char) p[n]))
			return true;
	return false;
}

/* in the text of low and pairs (pm_lower_pairs): a phrase, a word */
#define HAS(w) (PM_MAY_HOLD(pairs, (w)) && strstr(low, (w)) != NULL)
#define WORD(w) (PM_MAY_HOLD(pairs, (w)) && pm_has_word(low, (w)))

/*
 * "What We've Done", "Actions Taken": a heading over the measures already
 * taken ("What we've done well" is the retrospective's); low in lower case
 */
bool
pm_head_says_done(const char *low)
{
	/* "Actions Taken and Future Prevention": what was done and what will be */
	if (strstr(low, "future") || strstr(low, "next step") || strstr(low, "going forward"))
		return false;
	return ((strstr(low, "we've done") || strstr(low, "we\xe2\x80\x99ve done") ||
			 strstr(low, "we have done")) && !strstr(low, "well")) ||
		strstr(low, "actions taken") != NULL;
}

/*
 * Chinese headings: "处理过程", "时间线", "故障经过" (timeline), "后续改进",
 * "整改措施", "防范措施" (what will be done), "根因" (cause), "事故概述"
 * (what happened), "影响范围" (what it hit)
 */
static PmHeadKind
pm_head_kind_zh(const char *low, const PmPairs *pairs)
{
	if (HAS("\xe5\xa4\x84\xe7\x90\x86\xe8\xbf\x87\xe7\xa8\x8b") ||
		HAS("\xe6\x97\xb6\xe9\x97\xb4\xe7\xba\xbf") || HAS("\xe7\xbb\x8f\xe8\xbf\x87"))
		return HEAD_TIMELINE;	/* 处理过程, 时间线, 经过 */
	if (HAS("\xe6\x94\xb9\xe8\xbf\x9b") || HAS("\xe6\x95\xb4\xe6\x94\xb9") ||
		HAS("\xe6\x8e\xaa\xe6\x96\xbd"))
		return HEAD_MEASURES;	/* 改进, 整改, 措施 */
	if (HAS("\xe6\xa0\xb9\xe5\x9b\xa0"))
		return HEAD_ROOT;		/* 根因 */
	if (HAS("\xe6\xa6\x82\xe8\xbf\xb0"))
		return HEAD_SUMMARY;	/* 概述 */
	if (HAS("\xe5\xbd\xb1\xe5\x93\x8d"))
		return HEAD_IMPACT;		/* 影响 */
	return HEAD_OTHER;
}

/*
 * Japanese headings: "発生から復旧までのタイムライン" (timeline), "原因"
 * (cause), "復旧方法" (how it was restored), "今後の対応", "再発防止策",
 * "対策" (what will be done), "概要", "障害の内容" (what happened)
 */
static PmHeadKind
pm_head_kind_ja(const char *low, const PmPairs *pairs)
{
	if (HAS("\xe3\x82\xbf\xe3\x82\xa4\xe3\x83\xa0\xe3\x83\xa9\xe3\x82\xa4\xe3\x83\xb3") ||
		HAS("\xe7\xb5\x8c\xe7\xb7\xaf") || HAS("\xe6\x99\x82\xe7\xb3\xbb\xe5\x88\x97"))
		return HEAD_TIMELINE;	/* タイムライン, 経緯, 時系列 */
	if (HAS("\xe5\xaf\xbe\xe7\xad\x96") || HAS("\xe5\x86\x8d\xe7\x99\xba\xe9\x98\xb2\xe6\xad\xa2") ||
		HAS("\xe4\xbb\x8a\xe5\xbe\x8c\xe3\x81\xae\xe5\xaf\xbe\xe5\xbf\x9c"))
		return HEAD_MEASURES;	/* 対策, 再発防止, 今後の対応 */
	if (HAS("\xe5\x8e\x9f\xe5\x9b\xa0"))
		return HEAD_ROOT;		/* 原因 */
	if (HAS("\xe5\xbe\xa9\xe6\x97\xa7\xe6\x96\xb9\xe6\xb3\x95"))
		return HEAD_RESOLUTION; /* 復旧方法 */
	if (HAS("\xe6\xa6\x82\xe8\xa6\x81") || HAS("\xe9\x9a\x9c\xe5\xae\xb3\xe3\x81\xae\xe5\x86\x85\xe5\xae\xb9"))
		return HEAD_SUMMARY;	/* 概要, 障害の内容 */
	return pm_head_kind_zh(low, pairs);
}

/* does low, l bytes, end with the words w ("📝 action plan", "Fixes required")? */
static bool
pm_ends_with(const char *low, size_t l, const char *w, size_t n)
{
	return l >= n && low[l - 1] == w[n - 1] && memcmp(low + l - n, w, n) == 0 &&
		(l == n || !isalnum((unsigned char) low[l - n - 1]));
}

/*
 * "Post-resolution:", "After the fix": the time after the part, over what
 * happened once it was done (more of the timeline), not the part itself
 */
bool
pm_names_after(const char *low)
{
	static const char *const after[] = {"post-", "post ", "after the ", "after "};
	static const char *const parts[] = {"resolution", "fix", "recovery"};

	for (int i = 0; i < lengthof(after); i++)
	{
		size_t		n = strlen(after[i]);

		if (strncmp(low, after[i], n) != 0)
			continue;
		for (int j = 0; j < lengthof(parts); j++)
			if (strncmp(low + n, parts[j], strlen(parts[j])) == 0)
				return true;
	}
	return false;
}

PmHeadKind
pm_head_kind(const char *name)
{
	char		buf[128];
	size_t		llen = strlen(name);
	PmPairs		pairs_buf;
	const PmPairs *pairs = &pairs_buf;
	char	   *low = pm_lower_pairs(name, llen, buf, sizeof(buf), &pairs_buf);

	if (HAS("timeline") || HAS("chronology") || HAS("sequence of events") || HAS("chain of events"))
	{
		const char *paren = strchr(low, '(');

		/*
		 * "Follow-up timeline", "Post-incident timeline": what happened
		 * after the incident was resolved, no entries of its own course
		 */
		if (HAS("follow-up timeline") || HAS("follow up timeline") ||
			HAS("post-incident timeline") || HAS("post incident timeline"))
			return HEAD_RETRO;
		/* "Long-term Improvements (6-month timeline)": a plan's horizon */
		if (paren == NULL || paren == low || paren > strstr(low, "timeline") ||
			HAS("chronology") || HAS("sequence of events") || HAS("chain of events"))
			return HEAD_TIMELINE;
	}
	if (HAS("recommend"))
		return HEAD_IMPROVEMENTS;	/* "Recommended Follow-up": suggestions */
	if (HAS("lessons") && HAS("follow"))
		return HEAD_RETRO;		/* "Lessons & Follow-ups": the retrospective's notes */
	/*
	 * "# Current Status and Next Steps" atop a post-mortem written while the
	 * incident goes on: where the response stands and what operators should
	 * do now, no follow-up tasks
	 */
	if (HAS("current status"))
		return HEAD_OTHER;
	if (HAS("action item") || HAS("action point") || (WORD("actions") && !HAS("taken")) || WORD("todo") || WORD("to do") || WORD("to-do") ||
		WORD("tasks") || WORD("task list") || HAS("follow-up") || HAS("follow up") ||
		HAS("next steps") || HAS("future work") || strcmp(low, "plan") == 0 || strcmp(low, "the plan") == 0 ||
		strcmp(low, "our plan") == 0 || pm_ends_with(low, llen, "action plan", 11) ||
		strcmp(low, "plan of action") == 0 ||
		pm_ends_with(low, llen, "fixes required", 14) || pm_ends_with(low, llen, "required fixes", 14) ||
		pm_ends_with(low, llen, "fixes needed", 12))
	{
		/* "Follow-up Review": when the team meets again, no list of tasks */
		if ((HAS("follow-up") || HAS("follow up")) &&
			(WORD("review") || WORD("meeting") || WORD("call") || WORD("date")))
			return HEAD_RETRO;
		return HEAD_TASKS;
	}
	if (HAS("corrective") || HAS("prevent") || HAS("measures") || WORD("measure") ||
		HAS("looking forward") || HAS("going forward") || HAS("in future") ||
		/*
		 * "Future Enhancements": measures, its items tasks only where the
		 * measures have no task list of their own
		 */
		HAS("future enhancement") ||
		HAS("in the future") ||
		WORD("mitigations") || HAS("future mitigation") ||
		HAS("remediation") || HAS("doing about") || HAS("we will change") ||
		HAS("what will we do") || HAS("what we will do") || HAS("what we'll do") ||
		/* a blog's "What we are changing": the measures, as "what we'll do" */
		(HAS("changing") && (HAS("what we are changing") || HAS("what we're changing") ||
							 HAS("what we\xe2\x80\x99re changing"))) ||
		strcmp(low, "resolutions") == 0 ||	/* a post's "Resolutions": what we resolve to do */
		pm_head_says_done(low))
		return HEAD_MEASURES;
	if (!HAS("root cause") &&
		(HAS("lessons") || HAS("went well") || HAS("went wrong") || HAS("went right") ||
		 HAS("contributing factor") || HAS("five whys") || HAS("5 whys") ||
		 HAS("got lucky") || HAS("we learned") || HAS("learnings") ||
		 WORD("conclusion") || WORD("conclusions") || HAS("final thoughts") ||
		 HAS("closing thoughts") || HAS("closing remarks")))
	{
		/* "Lessons Learned and Future Defences": the lessons' plan, measures */
		if (HAS("lessons") && (HAS("and future") || HAS("& future")))
			return HEAD_MEASURES;
		return HEAD_RETRO;		/* prose of the retrospective, not tasks */
	}
	if (HAS("improvement") || HAS("can improve"))
		return HEAD_IMPROVEMENTS;
	if (HAS("root cause") || WORD("cause") || WORD("causes") || strcmp(low, "analysis") == 0)
		return HEAD_ROOT;		/* "Analysis" alone: of the cause */
	if ((WORD("resolution") || WORD("fix") || WORD("recovery")) && !pm_names_after(low))
		return HEAD_RESOLUTION;
	if (WORD("impact"))
		return HEAD_IMPACT;
	if (strcmp(low, "outage") == 0 || strcmp(low, "the outage") == 0)
		return HEAD_SUMMARY;	/* "## Outage" with its Period and Impact */
	if (strncmp(low, "incident", 8) == 0 &&
		(low[8] == '\0' || low[8] == ':' || strncmp(low + 8, " #", 2) == 0 ||
		 strcmp(low + 8, " information") == 0 || strcmp(low + 8, " info") == 0))
		return HEAD_SUMMARY;	/* "## Incident: INC-0711" over its Duration */
	if (HAS("summary") || WORD("overview") || WORD("description") || HAS("what happened") ||
		WORD("details") || WORD("metadata") || HAS("at a glance") || WORD("key facts") || WORD("quick facts") ||
		HAS("tl;dr") || WORD("tldr") ||
		WORD("resumo") || WORD("resumen"))	/* Portuguese, Spanish */
		return HEAD_SUMMARY;
	for (const char *p = low; *p; p++)
		if ((unsigned char) *p >= 0xe3 && (unsigned char) *p <= 0xe9)
			return pm_head_kind_ja(low, pairs);	/* kana and kanji */
	return HEAD_OTHER;
}

#undef HAS
#undef WORD

/*
 * Does the document write kana (hiragana, katakana: U+3040-U+30FF)?  Its
 * 年月日 dates are then Japanese, else Chinese.
 */
bool
pm_has_kana(const PmParser *ps)
{
	for (int i = 0; i < ps->nlines; i++)
	{
		const unsigned char *s = (const unsigned char *) ps->lines[i].s;

		for (int j = 0; j + 2 < ps->lines[i].len; j++)
			if (s[j] == 0xe3 && s[j + 1] >= 0x81 && s[j + 1] <= 0x83)
				return true;
	}
	return false;
}

/* the zone of a document that writes its dates 年月日 and names none */
const char *
pm_kanji_zone(const PmParser *ps)
{
	return pm_has_kana(ps) ? "Asia/Tokyo" : "Asia/Shanghai";
}
