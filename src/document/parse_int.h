/*-------------------------------------------------------------------------
 *
 * parse_int.h
 *	  What the files of the document parser share: the parser's state, the
 *	  lines and stamps it reads, and each file's functions.  Not for use
 *	  outside the parser's own files (import.c and report.c use
 *	  parse.h).
 *
 * The files call each other one way only: structure.c runs the passes and
 * calls blocks.c (cmark-gfm), summary.c, timeline.c, history.c, tasks.c and
 * settle.c; blocks.c calls tasks.c, summary.c and history.c call timeline.c;
 * all of them call datetime.c, and everything calls text.c.
 *
 *-------------------------------------------------------------------------
 */
#ifndef POSTMORTEM_DOCUMENT_PARSE_INT_H
#define POSTMORTEM_DOCUMENT_PARSE_INT_H

#include <ctype.h>

#include "lib/stringinfo.h"
#include "document/parse.h"

/* after this many notes of one kind, the rest are counted in one note */
#define PM_MAX_NOTES_OF_A_KIND 10

/* no service has more users than this: a larger "count" is no count */
#define PM_MAX_USERS 1e11

typedef enum PmSection
{
	SEC_NONE,					/* before the first heading */
	SEC_SUMMARY,
	SEC_TIMELINE,
	SEC_ROOT,
	SEC_MEASURES,
	SEC_OTHER
} PmSection;

/* what a heading name says */
typedef enum PmHeadKind
{
	HEAD_OTHER,
	HEAD_SUMMARY,
	HEAD_IMPACT,
	HEAD_TIMELINE,
	HEAD_ROOT,					/* root cause (and resolution) */
	HEAD_RESOLUTION,
	HEAD_MEASURES,				/* corrective and preventative measures */
	HEAD_TASKS,					/* tasks, todo, action items */
	HEAD_IMPROVEMENTS,
	HEAD_RETRO					/* lessons learned, what went well, five whys */
} PmHeadKind;

typedef enum PmGroup
{
	GROUP_DEFAULT,
	GROUP_TASKS,
	GROUP_IMPROVEMENTS
} PmGroup;

typedef struct PmLine
{
	const char *s;				/* content, after the indentation */
	int			len;			/* content length, trailing space trimmed */
	int			indent;			/* columns; a tab counts 4 */
	int			lineno;
	PmSection	section;
	bool		code;			/* inside a fenced block */
	bool		front_matter;	/* in the "---" / "+++" block at the top */
	bool		comment;		/* in an HTML comment (code is true too) */
	bool		group;			/* a list item labelling the items below it */
	bool		quote;			/* in a "> " block quote */
} PmLine;

/* a date, time and zone read from text; any part may be missing */
typedef struct PmStamp
{
	bool		has_date;
	bool		has_time;
	bool		has_zone;
	bool		zone_unknown;	/* looked like a zone, is none we know */
	bool		kanji;			/* a date written the Japanese way: 2023年6月14日 */
	int			y,
				m,
				d;
	int			h,
				mi,
				s,
				us;				/* microseconds: 14:05:32.123 */
	PmZone		zone;
	char		zone_word[16];
	char		abbr[8];		/* "IST" when "(UTC+05:30)" said which one */
	const char *zone_pos;		/* where an unknown zone word starts */
	bool		has_until;		/* an entry's head a range: "(09:40 - 10:25 UTC)" */
	int			until_h,
				until_mi;		/* the range's end */
} PmStamp;

typedef struct PmStamps
{
	PmStamp		st[16];
	int			n;
} PmStamps;

/* a timeline entry before its date and zone are settled */
typedef struct PmRawEntry
{
	PmStamp		st;
	StringInfoData body;
	char	   *text_from_zone;	/* the line from an unknown zone word on */
	bool		open_body;		/* a heading: the lines below are its text */
	int			lineno;
	int			indent;
	int			wday;			/* "on Sunday at ~11:10": the day it names (0 Sunday), or -1 */
} PmRawEntry;

/* a status page's update: its status word's line and its posted stamp's */
typedef struct PmUpdate
{
	int			status;
	int			stamp;
} PmUpdate;

typedef struct PmItem
{
	StringInfoData text;
	PmGroup		group;
	bool		group_done;		/* under "### Immediate Actions (Completed)" */
	int			indent;
	bool		checked;
	bool		has_checkbox;
	char	   *status_text;
	char	   *owner;
	char	   *due;
	bool		plain;			/* a line without a list marker */
	bool		status_paragraph;	/* "**TODO**: watch the disk", a bold status over its paragraph */
	int			span;			/* items_at_heading when it was read */
	int			lineno;			/* its last line */
	bool		phase_text;		/* "Detection: alerts told us ...": a phase */
	bool		under_phase;	/* under "Resolution:", a phase's steps */
	bool		prose;			/* a sentence of a paragraph of the measures */
} PmItem;

typedef struct PmParser
{
	const PmOptions *opt;
	PmDocument *doc;
	char	   *front_title;	/* "title:" of the front matter */
	bool		has_front_date; /* "date: 2022-06-09T07:41:02Z" there */
	PmStamp		front_start;	/* a status issue's "date: 2024-11-19 3:40:00" */
	PmStamp		front_end;		/* ... and its "resolvedWhen: ..." */
	bool		front_issue;	/* front matter of a status issue (resolved...) */
	int			front_y;
	int			front_m;
	int			front_d;
	bool		needs_blocks;	/* HTML, a fence or a nested list: run cmark-gfm */
	bool		example_heading;	/* a "#" line that says "example" */
	int			measures_level; /* # level of the heading opening the measures */
	int			timeline_level; /* # level of the Timeline heading, 0 if not # */
	bool		timeline_emoji; /* the Timeline heading was an emoji-led line */
	int			other_level;	/* # level of a section beside the template (not the
								 * retrospective), 0 if none */
	bool		plain_closed;	/* the plain-line tasks ended at a pseudo-heading */
	int			summary_level;	/* # level of the summary's heading, 0 if not # */
	bool		other_in_summary;	/* that section is a subheading of the summary
									 * ("### Resume of problem") */
	PmGroup		measures_group; /* the list that heading named */
	int			yearless_m;		/* a date without a year ("April 17th") */
	int			yearless_d;
	StringInfo	other;			/* body of the section being kept, or NULL */
	PmSectionText *sections;	/* sections beside the template, kept */
	int			nsections;
	int			maxsections;
	PmLine	   *lines;
	int			nlines;

	/* summary */
	StringInfoData summary;
	StringInfoData impact;
	StringInfoData sum_root;
	StringInfoData duration;
	StringInfoData start_field;
	StringInfoData end_field;
	StringInfoData users_field;
	char	   *status_field;
	char	   *zone_field;
	StringInfo	cur_field;
	char	   *kv_head[8];		/* "| Start (UTC) | End (UTC) |": labels above values */
	int			kv_nhead;

	/* root cause */
	StringInfoData root;
	StringInfoData resolution;
	StringInfo	root_field;
	bool		root_combined;
	bool		root_labelled;

	/* timeline */
	char	   *timeline_zone;	/* from "Timeline (UTC)" */
	PmRawEntry *raw;
	int			nraw;
	int			maxraw;
	int			date_markers;

	/* measures */
	PmItem	   *items;
	int			nitems;
	int			maxitems;
	PmGroup		group;
	bool		group_done;		/* the list's heading says its items are done */
	int			items_at_heading;	/* items before the last heading */
	bool		saw_task_heading;	/* a Tasks / TODO / Action items list */
	int			phase_labels;	/* items labelled with a phase of the response */
	int			phase_indent;	/* 1 + the indent of a phase's group label */
	int			parts_seen;		/* headings or fields of the template */
	bool		what_happened;	/* in a section headed "What happened" */
	int			what_happened_times;	/* its lines that name a time */
	int			resolution_times;	/* timed sentences of the Resolution's prose */
	bool		resolution_prose;	/* that prose is the timeline */
	int			letter_times;	/* sentences with a time in the text above
								 * the headings */
	bool		letter_prose;	/* read that text as the timeline's prose */
	bool		prose_timeline; /* no timeline: read that section's prose as one */
	bool		prose_all;		/* no timeline anywhere: every section's timed
								 * sentences are the entries */
	int			prose_all_upto; /* the last line of the paragraph read so */
	bool		notice;			/* no timeline section: time-led paragraphs
								 * above the first heading are its entries */
	int			notice_paragraphs;	/* such paragraphs, seen in pass 1 */
	PmUpdate   *updates;		/* a status page's update history (history.c), */
	int			nupdates;		/* most recent first: the timeline */
	int			post_stamp;		/* 1 + the line of the postmortem's own posted
								 * stamp above it, 0 if none */
	int			prose_timed;	/* a line outside code names a time: 1, none:
								 * -1, not looked for yet: 0 */
	int			posted_day;		/* the oldest "Posted" day's Julian day + 1 (0:
								 * not looked for yet, -1: none) */
	PmStamp		hist_early;		/* "starting around 21:40" in the first update */
	PmStamp		hist_late;		/* "from 10:32 AM to 10:43 AM": a lone update's end */
	PmStamp		report_span[2]; /* the times of the span the report above the
								 * updates states, with its zone */
	int			nreport_span;
	int			hist_lineno;	/* ... whose entry is on this line */
	bool		saw_timeline;
	bool		has_lead;		/* sections[0] opened the document, before the
								 * summary and the timeline ("On October 3 ...") */
	const PmZone *zone;			/* the document's zone, once known */

	/* zones, dates and the summary's span, settled after pass 1 */
	PmZone		default_zone;	/* time_zone argument, or the session's */
	PmZone		doc_zone;
	bool		has_doc_zone;
	PmZone		hint_zone;		/* a zone implied where none is named: */
	bool		has_hint_zone;	/* a table row's, Japan's for 2023年6月14日 */
	bool		hint_kanji;		/* ... and it is Japan's */
	PmZone		tl_zone;
	bool		has_tl_zone;
	PmStamps	dur;			/* date and time mentions of the duration */
	int			end_from;		/* dur.st[end_from .. end_to): the End field's */
	int			end_to;
	bool		sum_has_start;
	bool		sum_has_end;
	int			stated_secs;	/* the length the summary states, 0 if none */
	int			field_secs;		/* the length a Duration field states, 0 if none */
	TimestampTz sum_start;
	TimestampTz sum_end;
	bool		has_base;		/* the date of the first timeline entries */
	int			base_y;
	int			base_m;
	int			base_d;
	const char *base_from;
	bool		has_default_day;	/* "Unless otherwise noted all events happened on ..." */
	int			default_y;
	int			default_m;
	int			default_d;
	char	   *sum_range;
	int			ntimes;			/* times in the summary */
	int			task_cols[4];	/* table columns: title, owner, status, due */
	bool		in_task_table;
	bool		task_table_data;	/* a table in the measures that names no task's column */
	bool		in_heading_task;	/* under a subheading that is itself a task */
} PmParser;

/* "Label: value" at the start of a summary line: which label? */
typedef enum PmField
{
	F_NONE,
	F_DURATION,
	F_START,
	F_END,
	F_IMPACT,
	F_ROOT,
	F_RESOLUTION,
	F_SEVERITY,
	F_STATUS,
	F_USERS,
	F_ZONE,
	F_SUMMARY
} PmField;

/* text.c */
static inline char
pm_lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}
static inline bool
pm_isalnum(char c)
{
	return isalnum((unsigned char) c) || (c & 0x80);
}

extern void pm_note(PmDocument *doc, const char *fmt,...) pg_attribute_printf(2, 3);

/*
 * The byte pairs a lower-case text holds, a bit for each pair of their low
 * five bits: a test of a few instructions before strstr() for each of the
 * many phrases a classifier looks for, most of which a text does not hold.
 * A phrase whose first three pairs are not all there is not in the text.
 */
typedef struct PmPairs
{
	uint32		bits[32];
} PmPairs;

#define PM_PAIR(a, b) ((((unsigned char) (a)) & 31) * 32 + (((unsigned char) (b)) & 31))
#define PM_PAIR_IN(pairs, a, b) (((pairs)->bits[PM_PAIR(a, b) / 32] >> (PM_PAIR(a, b) % 32)) & 1)

/*
 * May the text of pairs hold w, a phrase of one byte or more?  Its first
 * three pairs (all of a shorter w).  A macro, so that a literal w's bytes
 * and bits are constants.
 */
#define PM_MAY_HOLD(pairs, w) \
	((w)[1] == '\0' || \
	 (PM_PAIR_IN(pairs, (w)[0], (w)[1]) && \
	  ((w)[2] == '\0' || (PM_PAIR_IN(pairs, (w)[1], (w)[2]) && \
						  ((w)[3] == '\0' || PM_PAIR_IN(pairs, (w)[2], (w)[3]))))))

extern bool pm_prefix_ci(const char *p, const char *e, const char *word);
extern char *pm_lower_copy(const char *s, int len, char *stackbuf, int bufsize);
extern bool pm_strong_underscores(char *s, int len);
extern char *pm_lower_pairs(const char *s, int len, char *stackbuf, int bufsize,
							PmPairs *pairs);
extern bool pm_prefix_ci_n(const char *p, const char *e, const char *word, int n);
extern bool pm_word_ci(const char *p, const char *e, const char *word);
extern bool pm_contains_ci(const char *s, int len, const char *needle);
extern const char *pm_skip_space(const char *p, const char *e);
extern const char *pm_skip_decor(const char *p, const char *e);
extern void pm_trim(const char **s, const char **e);
extern char *pm_clean(const char *s, const char *e);
extern void pm_table_row_zone(PmParser *ps, const PmLine *ln);
extern const char *pm_strip_marker(const char *p, const char *e, bool *marker);
extern const char *pm_strip_checkbox(const char *p, const char *e, bool *has, bool *checked);
extern int pm_count_words(const char *s);
extern int pm_stated_length(const char *s, int len, bool field);
extern void pm_append_text(StringInfo buf, const char *s, int len, bool newpara);
extern int pm_table_cells(const char *s, const char *e, const char **cs, const char **ce, int max);
extern bool pm_table_separator(const char *s, const char *e);
extern bool pm_word_start(const char *s, const char *p);
extern const char *pm_metric_label(const char *p, const char *e);
extern bool pm_has_kana(const PmParser *ps);
extern bool pm_sentence_restates(const PmParser *ps, const char *p, const char *se);
extern const char *pm_kanji_zone(const PmParser *ps);
extern bool pm_has_word(const char *low, const char *word);
extern PmHeadKind pm_head_kind(const char *name);
extern bool pm_names_after(const char *low);
extern bool pm_head_says_done(const char *name);

/* datetime.c */
extern const char *pm_month_name(int month);
extern int	pm_decode_abbrev(const char *low, int *offset, pg_tz **tz);
extern int pm_read_offset(const char *p, const char *e, int *secs);
extern void pm_zone_fixed(PmZone *zone, int offset_east, const char *label, int labellen);
extern int pm_read_zone(const char *p, const char *e, PmZone *zone, bool *unknown,
			 char *word_out);
extern bool pm_zone_parse(const char *label, PmZone *zone);
extern bool pm_zone_is_offset(const char *label);
extern bool pm_zone_to_ts(const PmZone *zone, int y, int m, int d, int h, int mi, int s, int us,
			  TimestampTz *out);
extern void pm_zone_localize(const PmZone *zone, TimestampTz ts, struct pg_tm *tm, fsec_t *fsec);
extern int pm_zone_offset_at(const PmZone *zone, int y, int m, int d);
extern int pm_read_month(const char *p, const char *e, int *month);
extern int pm_read_digits(const char *p, const char *e, int maxd, int *val);
extern const char *pm_skip_ordinal(const char *p, const char *e);
extern const char *pm_read_year_after(const char *r, const char *e, bool dashed, bool ordinal,
									  int *y);
extern int pm_read_date(const char *p, const char *e, int *y, int *m, int *d);
extern int pm_read_time(const char *p, const char *e, int *h, int *mi, int *s, int *us);
extern int pm_read_stamp(const char *p, const char *e, PmStamp *st);
extern void pm_scan_stamps(const char *s, int len, PmStamps *out);
extern bool pm_text_names(const char *s, int len, bool day, bool time);
extern bool pm_line_names(const PmLine *ln, bool day, bool time);
extern void pm_fmt_time(StringInfo buf, int h, int mi);
extern char *pm_fmt_hm(int h, int mi);
extern void pm_add_days(int *y, int *m, int *d, int days);

/* blocks.c */
extern void pm_read_blocks(PmParser *ps, const char *text, int len);

/* structure.c */
extern char *pm_heading(const PmLine *ln, const PmLine *next, bool *atx, int *level);
extern void pm_split_lines(PmParser *ps, const char *text, int len);
extern bool pm_generic_title(const char *t);
extern void pm_read_sections(PmParser *ps);
extern int pm_paragraph_end(PmParser *ps, int i);
extern PmDocument *pm_parse_document(const char *text, int len, const PmOptions *opt);

/* summary.c */
extern PmField pm_field_kind(const char *label);
extern PmField pm_read_field(const char *s, const char *e, const char **value);
extern StringInfo pm_field_buf(PmParser *ps, PmField f);
extern void pm_summary_line(PmParser *ps, const PmLine *ln, bool newpara);
extern void pm_root_line(PmParser *ps, const PmLine *ln, bool newpara);
extern bool pm_users_word(const char *p, const char *e);
extern const char *pm_skip_ws(const char *p, const char *e);
extern bool pm_thousands(const char *q, const char *e);
extern void pm_users(PmParser *ps, const char *s, int len, bool bare);
extern bool pm_users_all(const char *s, int len);
extern void pm_read_summary(PmParser *ps);

/* timeline.c */
extern void pm_scan_zone(PmParser *ps, const char *s, const char *e);
extern PmRawEntry *pm_new_entry(PmParser *ps, const PmStamp *st, int lineno, int indent);
extern const char *pm_skip_separator(const char *p, const char *e);
extern const char *pm_skip_emoji(const char *p, const char *e);
extern const char *pm_skip_day_number(const char *q, const char *e);
extern const char *pm_entry_head(const char *p, const char *e, PmStamp *st);
extern bool pm_timeline_prose(PmParser *ps, const PmLine *ln, const char *s, const char *e);
extern const char *pm_sentence_end(const char *a, const char *e);
extern bool pm_timeline_sentences(PmParser *ps, const PmLine *ln, const char *s, const char *e);
extern void pm_timeline_line(PmParser *ps, const PmLine *ln);
extern const char *pm_timeline_kind(const char *s, int len, bool *begins);
extern void pm_build_entries(PmParser *ps);

/* history.c */
extern bool pm_find_history(PmParser *ps);
extern void pm_history_entries(PmParser *ps);
extern int	pm_history_year(PmParser *ps);
extern bool pm_posted_day(PmParser *ps, int *y, int *m, int *d);
extern int	pm_update_block(PmParser *ps, int i);

/* tasks.c */
extern PmItem *pm_new_item(PmParser *ps, int indent);
extern int pm_task_label(const char *s, const char *e, const char **value);
extern void pm_measures_line(PmParser *ps, const PmLine *ln);
extern void pm_report_measures(PmParser *ps);
extern const char *pm_task_status_word(const char *s, int len);
extern const char *pm_task_kind(const char *s, int len);
extern char *pm_trim_leftovers(char *t, char *e);
extern void pm_build_tasks(PmParser *ps);

/* settle.c */
extern void pm_settle_zones(PmParser *ps);
extern bool pm_settle_dates(PmParser *ps);
extern bool pm_says_acknowledged(const char *body);
extern void pm_settle_span(PmParser *ps);

#endif							/* POSTMORTEM_DOCUMENT_PARSE_INT_H */
