/*-------------------------------------------------------------------------
 *
 * blocks.c
 *	  The block structure of a document as CommonMark and GitHub Flavored
 *	  Markdown define it, read by cmark-gfm (with its table and task list
 *	  extensions), and front matter, which neither defines.
 *
 * cmark-gfm runs only on documents that hold something it settles and the
 * lines alone do not (HTML, a fence, a nested list: pm_split_lines looks);
 * on the others its answer is the lines' own.
 *
 * The line passes of structure.c read what Markdown cannot say (bold
 * pseudo-headings, "Timeline:" lines, plain-text documents); this pass tells
 * them what Markdown does say: which lines are fenced code or HTML comments
 * (however many lines they span), which are headings written as HTML
 * ("<h3>Timeline</h3>"), which list items hold a list of their own (a group
 * label above its items, not an item), and which lines are front matter
 * ("---" or "+++" blocks at the top: page metadata, not content).
 *
 * cmark-gfm allocates from an arena in the caller's memory context (see
 * pm_arena_alloc), so an error cannot leak its tree.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <ctype.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

#include "document/parse.h"
#include "document/parse_int.h"
#include "utils/memutils.h"

/* what cmark said of a line, gathered before the tree is freed */
#define PM_BLOCK_CODE		0x01	/* fenced code or an HTML comment */
#define PM_BLOCK_HTML_HEAD	0x02	/* <h1>..<h6> */
#define PM_BLOCK_GROUP		0x04	/* a list item with a list inside */
#define PM_BLOCK_HTML		0x08	/* another HTML block: tags, not text */
#define PM_BLOCK_COMMENT	0x10	/* an HTML comment */

static cmark_syntax_extension *pm_ext_table;
static cmark_syntax_extension *pm_ext_tasklist;

/*
 * cmark-gfm's memory: a bump allocator over palloc'd chunks, so that its
 * tree costs no malloc and free per node, needs no cmark_node_free (it goes
 * with the caller's memory context), and an error thrown while it parses
 * leaks nothing.  Each block keeps its size in front, for realloc.
 */
#define PM_ARENA_CHUNK (64 * 1024)

static char *pm_arena_cur;
static char *pm_arena_end;

static void *
pm_arena_alloc(size_t size)
{
	size_t		need = MAXALIGN(sizeof(size_t) + size);
	char	   *p;

	if (size >= MaxAllocSize)
		return palloc(MaxAllocSize + 1);	/* raises "invalid memory alloc request size" */
	if (need > PM_ARENA_CHUNK / 4)
		p = palloc(need);
	else
	{
		if (pm_arena_cur == NULL || pm_arena_end - pm_arena_cur < (ptrdiff_t) need)
		{
			pm_arena_cur = palloc(PM_ARENA_CHUNK);
			pm_arena_end = pm_arena_cur + PM_ARENA_CHUNK;
		}
		p = pm_arena_cur;
		pm_arena_cur += need;
	}
	*(size_t *) p = size;
	return p + MAXALIGN(sizeof(size_t));
}

static void *
pm_arena_calloc(size_t n, size_t size)
{
	void	   *p;

	if (size != 0 && n > MaxAllocSize / size)
		return palloc(MaxAllocSize + 1);	/* raises "invalid memory alloc request size" */
	p = pm_arena_alloc(n * size);
	memset(p, 0, n * size);
	return p;
}

static void *
pm_arena_realloc(void *ptr, size_t size)
{
	size_t		old;
	void	   *p;

	if (ptr == NULL)
		return pm_arena_alloc(size);
	old = *(size_t *) ((char *) ptr - MAXALIGN(sizeof(size_t)));
	if (size <= old)
		return ptr;
	p = pm_arena_alloc(size);
	memcpy(p, ptr, old);
	return p;
}

static void
pm_arena_free(void *ptr)
{
	/* all of it goes at once, with the memory context */
}

static cmark_mem pm_arena_mem = {pm_arena_calloc, pm_arena_realloc, pm_arena_free};

/*
 * A status issue's "resolved: true", "resolvedWhen: 2024-11-19 6:05:00",
 * "resolved_on: 2022-06-09T09:12:40Z" (p after "resolved"): the issue is
 * closed, and when.
 */
static void
pm_front_resolved(PmParser *ps, const char *p, const char *e)
{
	const char *v;

	while (p < e && (isalpha((unsigned char) *p) || *p == '_'))
		p++;
	v = pm_skip_space(p, e);
	if (v >= e || (*v != ':' && *v != '='))
		return;
	v = pm_skip_space(v + 1, e);
	if (v < e && (*v == '"' || *v == '\''))
		v++;
	if (pm_prefix_ci(v, e, "true") || pm_prefix_ci(v, e, "yes"))
		ps->front_issue = true;
	else if (pm_read_stamp(v, e, &ps->front_end) > 0 && ps->front_end.has_date &&
			 ps->front_end.has_time && ps->front_end.y > 0)
		ps->front_issue = true;
	else
		memset(&ps->front_end, 0, sizeof(PmStamp));
}

/*
 * The length of a front matter key that gives the page's day: "date", or
 * the key a blog platform writes for when the post went out
 * ("datePublished", "date_published", "publishDate", "pubDate",
 * "published"), else 0.  "dateModified" and "lastmod" say when the page was
 * last edited, which may be months later: no day of the incident's.
 */
static int
pm_front_date_key(const char *s, const char *e)
{
	static const char *const keys[] = {
		"datePublished", "date_published", "publishDate", "publish_date",
		"pubDate", "published", "date"
	};

	for (int k = 0; k < lengthof(keys); k++)
	{
		int			n = strlen(keys[k]);
		const char *v;

		if (e - s < n || pg_strncasecmp(s, keys[k], n) != 0)
			continue;
		v = pm_skip_space(s + n, e);
		if (v < e && (*v == ':' || *v == '='))
			return n;
	}
	return 0;
}

/* "- google cloud", "* partial", "1. partial": a list item at the margin */
static bool
pm_front_list_item(const PmLine *ln)
{
	int			k = 0;

	if (ln->len >= 2 && (ln->s[0] == '-' || ln->s[0] == '*' || ln->s[0] == '+'))
		return ln->s[1] == ' ';
	while (k < ln->len && k < 3 && isdigit((unsigned char) ln->s[k]))
		k++;
	return k > 0 && k + 1 < ln->len && (ln->s[k] == '.' || ln->s[k] == ')') && ln->s[k + 1] == ' ';
}

static int	pm_unopened_front_matter(PmParser *ps);

/*
 * The first line with text: metadata that is no "---" fence (a lost
 * fence's keys, reStructuredText's directives) may have blank lines above
 * it, as the formats that carry it allow
 */
static int
pm_first_text(const PmParser *ps)
{
	int			i = 0;

	while (i < ps->nlines && ps->lines[i].len == 0)
		i++;
	return i;
}

/* does the first line with text open with prefix? */
static bool
pm_first_text_opens(const PmParser *ps, const char *prefix)
{
	int			i = pm_first_text(ps);
	int			n = strlen(prefix);

	return i < ps->nlines && ps->lines[i].indent == 0 && ps->lines[i].len > n &&
		strncmp(ps->lines[i].s, prefix, n) == 0;
}
static int	pm_rst_directives(PmParser *ps);
static void pm_front_keys(PmParser *ps, int from, int end);

/*
 * Front matter: "---" or "+++" on the first line, up to the same fence.
 * Returns the number of lines it spans (0 when there is none); its title
 * ("title: ..." or "title = ...") becomes the document's when the
 * document gives none of its own.
 */
static int
pm_front_matter(PmParser *ps)
{
	const PmLine *first;
	int			end = -1;
	bool		keyed = false;

	if (ps->nlines < 2)
		return 0;
	first = &ps->lines[0];
	if (pm_first_text_opens(ps, ".. "))
		return pm_rst_directives(ps);
	if (first->indent != 0 || first->len != 3 ||
		(strncmp(first->s, "---", 3) != 0 && strncmp(first->s, "+++", 3) != 0))
		return pm_unopened_front_matter(ps);
	for (int i = 1; i < ps->nlines && end < 0; i++)
	{
		const PmLine *ln = &ps->lines[i];

		if (ln->indent == 0 && ln->len == 3 && strncmp(ln->s, first->s, 3) == 0)
			end = i;
		else if (ln->len > 0 && ln->indent == 0 && first->s[0] == '-' &&
				 !isalpha((unsigned char) ln->s[0]) && ln->s[0] != '#' &&
				 ln->s[0] != '_' && ln->s[0] != '"' && ln->s[0] != '\'' &&
				 !(keyed && pm_front_list_item(ln)))
			return 0;			/* not "key: value" lines: a rule, not front matter */
		/*
		 * "tags:" over "- google cloud" at the margin: a YAML list under its
		 * key (in any list marker, as a copy in another Markdown style
		 * writes it)
		 */
		if (ln->len > 1 && ln->indent == 0 && isalpha((unsigned char) ln->s[0]) &&
			ln->s[ln->len - 1] == ':')
			keyed = true;
	}
	if (end < 0)
		return 0;
	pm_front_keys(ps, 1, end);
	return end + 1;
}

/*
 * "author: ravi" / "date: 2016-09-21 08:12:40+00:00" / "slug: ..." /
 * "title: ..." then "---": front matter whose opening rule was lost (a
 * blog's export, a copy that dropped the first line).  Only lowercase keys
 * from the top, one of them a page's own (slug, layout, permalink, author,
 * categories, tags, draft) and one its title or date, closed by "---";
 * "Date: ..." and "Severity: ..." over a rule stay the postmortem's fields.
 */
static int
pm_unopened_front_matter(PmParser *ps)
{
	bool		page = false,
				named = false;
	int			top = pm_first_text(ps);
	int			i;

	for (i = top; i < ps->nlines && i < top + 16; i++)
	{
		const PmLine *ln = &ps->lines[i];
		const char *s = ln->s,
				   *e = ln->s + ln->len,
				   *k = s;

		if (ln->indent == 0 && ln->len == 3 && strncmp(s, "---", 3) == 0)
			break;
		while (k < e && (islower((unsigned char) *k) || *k == '_'))
			k++;
		if (ln->indent != 0 || k == s || k + 1 >= e || *k != ':' || k[1] != ' ')
			return 0;
		page |= pm_prefix_ci(s, k, "slug") || pm_prefix_ci(s, k, "layout") ||
			pm_prefix_ci(s, k, "permalink") || pm_prefix_ci(s, k, "author") ||
			pm_prefix_ci(s, k, "categories") || pm_prefix_ci(s, k, "tags") ||
			pm_prefix_ci(s, k, "draft");
		named |= (k - s == 5 && pm_prefix_ci(s, k, "title")) || (k - s == 4 && pm_prefix_ci(s, k, "date"));
	}
	if (i < top + 2 || i >= ps->nlines || i >= top + 16 || !page || !named)
		return 0;
	pm_front_keys(ps, top, i);
	return i + 1;
}

/*
 * ".. post:: Mar 2, 2022" over "   :tags: postgres, downtime" and
 * "   :author: Priya": a reStructuredText blog's directive (ABlog's) at the
 * top, the page's metadata as front matter is; its date is the post's.
 * The directives and their indented ":option:" lines, up to a blank line.
 */
static int
pm_rst_directives(PmParser *ps)
{
	int			i;

	for (i = pm_first_text(ps); i < ps->nlines; i++)
	{
		const PmLine *ln = &ps->lines[i];

		if (ln->len == 0)
			break;
		if (ln->indent == 0 && ln->len > 3 && strncmp(ln->s, ".. ", 3) == 0 &&
			memchr(ln->s, ':', ln->len) != NULL)
		{
			const char *v = ln->s;
			const char *e = ln->s + ln->len;

			while (v + 1 < e && !(v[0] == ':' && v[1] == ':'))
				v++;
			if (v + 1 >= e)
				return 0;		/* ".. _label:" or a comment: no directive */
			v = pm_skip_space(v + 2, e);
			if (!ps->has_front_date && v < e)
				ps->has_front_date = pm_read_date(v, e, &ps->front_y, &ps->front_m, &ps->front_d) > 0 &&
					ps->front_y > 0;
		}
		else if (ln->indent == 0 || ln->s[0] != ':')
			return 0;
	}
	return i < ps->nlines ? i : 0;
}

/* the title, date and resolution among front matter's lines [from, end) */
static void
pm_front_keys(PmParser *ps, int from, int end)
{
	for (int i = from; i < end; i++)
	{
		const PmLine *ln = &ps->lines[i];
		const char *e = ln->s + ln->len;
		int			klen;

		if (ln->indent == 0 && pm_prefix_ci(ln->s, e, "title"))
		{
			const char *v = pm_skip_space(ln->s + 5, e);

			if (v < e && (*v == ':' || *v == '='))
			{
				v = pm_skip_space(v + 1, e);
				if (v < e && (*v == '"' || *v == '\''))
				{
					char		q = *v++;

					if (e > v && e[-1] == q)
						e--;
				}
				if (e > v)
					ps->front_title = pm_clean(v, e);
			}
		}
		else if (ln->indent == 0 && (klen = pm_front_date_key(ln->s, e)) > 0 &&
				 (klen == 4 || !ps->has_front_date))
		{
			/*
			 * "date: 2022-06-09T07:41:02Z", "datePublished: Wed Mar 05 2025
			 * 11:00:00 GMT+0000 (...)": the page's day, for times without
			 * one.  "date" wins over the publishing keys; "published: true"
			 * is no day.
			 */
			const char *v = pm_skip_space(pm_skip_space(ln->s + klen, e) + 1, e);
			int			y,
						m,
						d;

			if (v < e && (*v == '"' || *v == '\''))
				v++;
			if (pm_read_date(v, e, &y, &m, &d) > 0 && y > 0)
			{
				ps->has_front_date = true;
				ps->front_y = y;
				ps->front_m = m;
				ps->front_d = d;
				if (!(pm_read_stamp(v, e, &ps->front_start) > 0 && ps->front_start.has_date &&
					  ps->front_start.has_time && ps->front_start.y > 0))
					memset(&ps->front_start, 0, sizeof(PmStamp));
			}
			else if (klen == 4)
				ps->has_front_date = false;
		}
		else if (ln->indent == 0 && pm_prefix_ci(ln->s, e, "resolved"))
			pm_front_resolved(ps, ln->s + 8, e);
	}
}

/* "<h3>Timeline</h3>", "<h2 id=x>Root cause</h2>": its level, or 0 */
static int
pm_html_heading(const char *s, int len)
{
	if (len >= 4 && s[0] == '<' && (s[1] == 'h' || s[1] == 'H') &&
		s[2] >= '1' && s[2] <= '6' && (s[3] == '>' || s[3] == ' '))
		return s[2] - '0';
	return 0;
}

/* the text of an HTML line, tags taken out, as a "###" heading */
static void
pm_html_heading_line(PmLine *ln, int level)
{
	StringInfoData buf;
	bool		in_tag = false;

	initStringInfo(&buf);
	for (int i = 0; i < level; i++)
		appendStringInfoChar(&buf, '#');
	appendStringInfoChar(&buf, ' ');
	for (int i = 0; i < ln->len; i++)
	{
		char		c = ln->s[i];

		if (c == '<')
			in_tag = true;
		else if (c == '>')
			in_tag = false;
		else if (!in_tag)
			appendStringInfoChar(&buf, c);
	}
	ln->s = buf.data;
	ln->len = buf.len;
	while (ln->len > 0 && isspace((unsigned char) ln->s[ln->len - 1]))
		ln->len--;
}

/*
 * A line of an HTML block ("<li><strong>10:30 AM:</strong> Issue
 * detected</li>", "<ol><li>Add tests</li>"): its text, tags taken out, a
 * list item marked "- " as Markdown would write it.
 */
static void
pm_html_text_line(PmLine *ln)
{
	StringInfoData buf;
	const char *p = ln->s,
			   *e = ln->s + ln->len;

	initStringInfo(&buf);
	while (p < e)
	{
		if (*p == '<')
		{
			const char *q = memchr(p, '>', e - p);

			if (q == NULL)
				break;
			if (q - p >= 3 && (p[1] == 'l' || p[1] == 'L') && (p[2] == 'i' || p[2] == 'I') &&
				(p[3] == '>' || p[3] == ' ') && buf.len == 0)
				appendStringInfoString(&buf, "- ");
			else if (buf.len > 0 && buf.data[buf.len - 1] != ' ')
				appendStringInfoChar(&buf, ' ');
			p = q + 1;
			continue;
		}
		if (*p == '&' && e - p >= 6 && pg_strncasecmp(p, "&nbsp;", 6) == 0)
		{
			/* "<strong>UPDATE&nbsp;09:50:</strong>": a space */
			appendStringInfoChar(&buf, ' ');
			p += 6;
			continue;
		}
		appendStringInfoChar(&buf, *p++);
	}
	ln->s = buf.data;
	ln->len = buf.len;
	while (ln->len > 0 && isspace((unsigned char) ln->s[ln->len - 1]))
		ln->len--;
	/* "<strong>10:30 AM:</strong>Issue" left "10:30 AM: Issue": fine */
}

/*
 * A fence marked "md" (templates that ask for the answer written in one,
 * "```md ... ```"): the author's own Markdown, read as the document's text;
 * its fence lines are not.  One that opens with "**EXAMPLE**:" is the
 * template's example, not read at all.
 */
static void
pm_mark_markdown_fence(const char *lit, int from, int to, uint8 *flags)
{
	const char *p = lit;
	int			lines = 0;

	while (*p == ' ' || *p == '\n')
		p++;
	if (pg_strncasecmp(p, "**example", 9) == 0 || pg_strncasecmp(p, "example:", 8) == 0)
	{
		for (int i = from; i <= to; i++)
			flags[i] |= PM_BLOCK_CODE | PM_BLOCK_COMMENT;
		return;
	}
	for (p = lit; *p; p++)
		if (*p == '\n')
			lines++;
	flags[from] |= PM_BLOCK_CODE;
	if (to == from + lines + 1)
		flags[to] |= PM_BLOCK_CODE;		/* the closing fence */
}

/* mark the lines of one block node in flags[] (0-based lines) */
static void
pm_mark_node(cmark_node *node, uint8 *flags, int nlines)
{
	cmark_node_type type = cmark_node_get_type(node);
	int			from = cmark_node_get_start_line(node) - 1;
	int			to = cmark_node_get_end_line(node) - 1;
	int			fence_len,
				fence_off;
	char		fence_char;

	if (from < 0 || from >= nlines)
		return;
	if (to >= nlines)
		to = nlines - 1;
	if (type == CMARK_NODE_CODE_BLOCK &&
		cmark_node_get_fenced(node, &fence_len, &fence_off, &fence_char))
	{
		const char *info = cmark_node_get_fence_info(node);
		const char *lit = cmark_node_get_literal(node);

		if (info && lit && (pg_strcasecmp(info, "md") == 0 || pg_strcasecmp(info, "markdown") == 0))
			pm_mark_markdown_fence(lit, from, to, flags);
		else
			for (int i = from; i <= to; i++)
				flags[i] |= PM_BLOCK_CODE;
	}
	else if (type == CMARK_NODE_HTML_BLOCK)
	{
		const char *lit = cmark_node_get_literal(node);

		if (lit && strncmp(lit, "<!--", 4) == 0)
		{
			for (int i = from; i <= to; i++)
				flags[i] |= PM_BLOCK_CODE | PM_BLOCK_COMMENT;
		}
		else
		{
			for (int i = from; i <= to; i++)
				flags[i] |= PM_BLOCK_HTML;
			/* the heading: the block's first line, the rest runs on below it */
			if (lit && pm_html_heading(lit, strlen(lit)))
				flags[from] = (flags[from] & ~PM_BLOCK_HTML) | PM_BLOCK_HTML_HEAD;
		}
	}
	else if (type == CMARK_NODE_ITEM)
	{
		for (cmark_node *c = cmark_node_first_child(node); c; c = cmark_node_next(c))
			if (cmark_node_get_type(c) == CMARK_NODE_LIST)
				flags[from] |= PM_BLOCK_GROUP;
	}
}

/* run cmark-gfm over the text; false when it could not */
static bool
pm_cmark_flags(const char *text, int len, uint8 *flags, int nlines)
{
	cmark_parser *parser;
	cmark_node *root;
	cmark_iter *iter;
	cmark_event_type ev;

	if (pm_ext_table == NULL)
	{
		cmark_gfm_core_extensions_ensure_registered();
		pm_ext_table = cmark_find_syntax_extension("table");
		pm_ext_tasklist = cmark_find_syntax_extension("tasklist");
	}
	pm_arena_cur = pm_arena_end = NULL;
	parser = cmark_parser_new_with_mem(CMARK_OPT_DEFAULT, &pm_arena_mem);
	if (parser == NULL)
		return false;
	if (pm_ext_table)
		cmark_parser_attach_syntax_extension(parser, pm_ext_table);
	if (pm_ext_tasklist)
		cmark_parser_attach_syntax_extension(parser, pm_ext_tasklist);
	cmark_parser_feed(parser, text, len);
	root = cmark_parser_finish(parser);
	if (root == NULL)
		return false;
	iter = cmark_iter_new(root);
	while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE)
		if (ev == CMARK_EVENT_ENTER)
			pm_mark_node(cmark_iter_get_node(iter), flags, nlines);
	/* parser, tree and iterator live in the arena: nothing to free */
	pm_arena_cur = pm_arena_end = NULL;
	return true;
}

/* "[ ] ", "[x] ": a task list item's box */
static bool
pm_is_checkbox(const char *s, const char *e)
{
	return e - s >= 3 && s[0] == '[' && s[2] == ']' &&
		(s[1] == ' ' || s[1] == 'x' || s[1] == 'X');
}

/*
 * A list item with a list inside is a group label ("Monitoring:" above its
 * tasks) when it says so (it ends with a colon, or is bold alone) or holds
 * two items or more that are not a task's attributes ("Status: done",
 * "Owner: ana" under a task leave it a task).
 */
static bool
pm_group_label(PmParser *ps, int i)
{
	const PmLine *ln = &ps->lines[i];
	const char *s = ln->s,
			   *e = ln->s + ln->len;
	bool		marker;
	int			items = 0;
	int			boxed = 0;

	s = pm_strip_marker(s, e, &marker);
	for (int j = i + 1; j < ps->nlines; j++)
	{
		const PmLine *l = &ps->lines[j];
		const char *ls = l->s,
				   *le = l->s + l->len,
				   *value;
		bool		m;

		if (l->len == 0)
			continue;
		if (l->indent <= ln->indent)
			break;
		ls = pm_strip_marker(ls, le, &m);
		if (!m)
			continue;
		if (pm_task_label(ls, le, &value) != 0)
			return false;
		if (pm_is_checkbox(ls, le))
			boxed++;
		items++;
	}
	if (items == 0)
		return false;
	/* "- [ ] Add a size guard" over plain details: a task, not a label */
	if (pm_is_checkbox(s, e) && boxed == 0)
		return false;
	if (e > s && e[-1] == ':')
		return true;
	if (e - s > 4 && s[0] == '*' && s[1] == '*' && e[-1] == '*' && e[-2] == '*')
		return true;
	return items >= 2;
}

/*
 * Inline HTML tags in a line ("**<span style=...>08:00 AM:</span>**",
 * "a<br>b"): taken out, so the words between them read as written.  Only
 * tags of the usual inline elements, so "latency < 200 ms" stays.
 */
static void
pm_strip_inline_tags(PmLine *ln)
{
	static const char *const tags[] = {"span", "font", "strong", "b", "em", "i", "u", "br",
	"mark", "small", "sup", "sub", "code", "a", "kbd", "del", "s"};
	StringInfoData buf;
	const char *p = ln->s,
			   *e = ln->s + ln->len;
	bool		changed = false;

	initStringInfo(&buf);
	while (p < e)
	{
		const char *q;
		const char *name;
		int			n;
		bool		known = false;

		/* "{{< track "2022-09-07 14:43:00" >}}": a Hugo shortcode, markup */
		if (p + 2 < e && p[0] == '{' && p[1] == '{' && p[2] == '<')
		{
			const char *close = p + 3;

			while (close + 2 < e && !(close[0] == '>' && close[1] == '}' && close[2] == '}'))
				close++;
			if (close + 2 < e)
			{
				p = close + 3;
				changed = true;
				continue;
			}
		}
		if (*p != '<' || (q = memchr(p, '>', e - p)) == NULL)
		{
			appendStringInfoChar(&buf, *p++);
			continue;
		}
		name = p + 1 + (p + 1 < q && p[1] == '/');
		for (n = 0; name + n < q && isalpha((unsigned char) name[n]); n++)
			;
		for (int i = 0; i < lengthof(tags) && !known; i++)
			known = (int) strlen(tags[i]) == n && pg_strncasecmp(name, tags[i], n) == 0 &&
				(name[n] == '>' || name[n] == ' ' || name[n] == '/');
		if (!known)
		{
			appendStringInfoChar(&buf, *p++);
			continue;
		}
		if (n == 2 && pg_strncasecmp(name, "br", 2) == 0)
			appendStringInfoChar(&buf, ' ');
		p = q + 1;
		changed = true;
	}
	if (changed)
	{
		ln->s = buf.data;
		ln->len = buf.len;
		while (ln->len > 0 && isspace((unsigned char) ln->s[ln->len - 1]))
			ln->len--;
	}
}

/*
 * "... {{< track "2019-10-15T17:20:44.108Z" >}}": the stamp a Hugo status
 * page (cState, the hugo-statuspage theme) puts after each note, when it
 * was posted.  Sets *st and *n to the stamp between the quotes.
 */
static bool
pm_track_stamp(const PmLine *ln, const char **st, int *n)
{
	const char *e = ln->s + ln->len;

	for (const char *p = ln->s; (p = memchr(p, '{', e - p)) != NULL && e - p > 3; p++)
	{
		const char *q;
		const char *close;

		if (p[1] != '{' || p[2] != '<')
			continue;
		q = pm_skip_space(p + 3, e);
		if (!pm_prefix_ci(q, e, "track"))
			continue;
		q = pm_skip_space(q + 5, e);
		if (q >= e || *q != '"' || (close = memchr(q + 1, '"', e - q - 1)) == NULL ||
			close - q <= 10)
			continue;
		*st = q + 1;
		*n = close - q - 1;
		return true;
	}
	return false;
}

/*
 * Whether cmark-gfm can say anything the lines do not.  Without '<', '`' or
 * '~' anywhere in the text there is no HTML, no comment and no fence, so
 * all it could tell is which list items hold a list; and that counts only
 * where pm_group_label agrees.  When it agrees for no line, cmark-gfm's
 * answer would change nothing (the lines' own code flags, images
 * included, are what pm_read_blocks would set): spare the parse.  A list of
 * a task's attributes under each task ("- *Status:* done") is the usual
 * case.
 */
static bool
pm_blocks_matter(PmParser *ps, const char *text, int len, int fm)
{
	if (memchr(text, '<', len) || memchr(text, '`', len) || memchr(text, '~', len))
		return true;
	for (int i = fm; i + 1 < ps->nlines; i++)
	{
		const PmLine *ln = &ps->lines[i];
		int			j = i + 1;

		while (j < ps->nlines && ps->lines[j].len == 0)
			j++;
		if (ln->len > 0 && j < ps->nlines && ps->lines[j].indent > ln->indent &&
			pm_group_label(ps, i))
			return true;
	}
	return false;
}

/*
 * The block structure, after pm_split_lines: sets code, group and the
 * heading text of HTML headings on ps->lines.  text and len are what
 * pm_split_lines read (a byte order mark already skipped).
 */
void
pm_read_blocks(PmParser *ps, const char *text, int len)
{
	uint8	   *flags;
	int			fm;
	int			ntrack = 0;

	if (ps->nlines == 0)
		return;
	/* a byte order mark is not text (pm_split_lines skipped it too) */
	if (len >= 3 && (unsigned char) text[0] == 0xef && (unsigned char) text[1] == 0xbb &&
		(unsigned char) text[2] == 0xbf)
	{
		text += 3;
		len -= 3;
	}
	fm = pm_front_matter(ps);
	for (int i = 0; i < fm; i++)
		ps->lines[i].code = ps->lines[i].front_matter = true;
	/* "{{< track ... >}}" needs a brace: most documents have none */
	for (int i = memchr(text, '{', len) != NULL ? fm : ps->nlines; i < ps->nlines; i++)
	{
		const char *st;
		int			n;

		if (ps->lines[i].len > 2 && memchr(ps->lines[i].s, '<', ps->lines[i].len) != NULL &&
			pm_track_stamp(&ps->lines[i], &st, &n))
			ntrack++;
	}
	for (int i = fm; i < ps->nlines; i++)
	{
		PmLine	   *ln = &ps->lines[i];
		const char *st = NULL;
		int			n = 0;

		if (ln->len <= 2 || memchr(ln->s, '<', ln->len) == NULL)
			continue;
		/*
		 * Notes each with its track stamp, two or more: the stamp goes to
		 * the front of its paragraph, so the notes read as a status
		 * notice's updates ("2019-10-15T17:20:44.108Z - The provider
		 * ..."); one alone stays markup (when a note was posted, after the
		 * front matter's span)
		 */
		if (ntrack >= 2 && pm_track_stamp(ln, &st, &n))
			st = pnstrdup(st, n);
		pm_strip_inline_tags(ln);
		if (st != NULL)
		{
			int			j = i;

			while (j > fm && ps->lines[j - 1].len > 0)
				j--;
			ps->lines[j].s = psprintf("%s - %.*s", st, ps->lines[j].len, ps->lines[j].s);
			ps->lines[j].len = strlen(ps->lines[j].s);
		}
	}

	/*
	 * Without HTML, fences or nested lists (pm_split_lines looks), what
	 * cmark-gfm would say of the lines is what they already say: spare the
	 * document the second parse.
	 */
	if (!ps->needs_blocks || !pm_blocks_matter(ps, text, len, fm))
		return;
	flags = palloc0(ps->nlines);
	if (!pm_cmark_flags(text, len, flags, ps->nlines))
		return;
	for (int i = 0; i < ps->nlines; i++)
	{
		PmLine	   *ln = &ps->lines[i];
		int			level;

		if (i < fm)
		{
			ln->code = true;
			ln->front_matter = true;
			continue;
		}
		/* cmark knows where a fence ends and a comment closes */
		ln->code = (flags[i] & PM_BLOCK_CODE) != 0 ||
			(ln->len >= 2 && ln->s[0] == '!' && ln->s[1] == '[');	/* an image */
		ln->comment = (flags[i] & PM_BLOCK_COMMENT) != 0;
		ln->group = (flags[i] & PM_BLOCK_GROUP) != 0 && pm_group_label(ps, i);
		if ((flags[i] & PM_BLOCK_HTML_HEAD) && (level = pm_html_heading(ln->s, ln->len)) > 0)
			pm_html_heading_line(ln, level);
		else if ((flags[i] & PM_BLOCK_HTML) && !ln->code)
			pm_html_text_line(ln);
	}
}
