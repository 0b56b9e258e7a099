/*-------------------------------------------------------------------------
 *
 * report.h
 *	  What report.c, report_text.c and report_gantt.c share: the incident as
 *	  the report reads it, and the text helpers (Markdown escapes, Mermaid
 *	  labels, times and durations for people).
 *
 *-------------------------------------------------------------------------
 */
#ifndef POSTMORTEM_DOCUMENT_REPORT_H
#define POSTMORTEM_DOCUMENT_REPORT_H

#include "lib/stringinfo.h"
#include "utils/timestamp.h"

#include "document/parse.h"

/* one line of the report's timeline: an entry, or a cited schema change */
typedef struct RptEvent
{
	TimestampTz at;
	const char *kind;			/* timeline kind; "cited" for a citation */
	const char *body;			/* the entry's text; the change's object */
	const char *role;			/* citation: root_cause, trigger, ... */
	const char *scid;			/* citation: the schema change's id */
	bool		seconds;		/* show the seconds of its time */
	int			ord;			/* as read: keeps the sort stable */
} RptEvent;

/* the milestones, in lifecycle order */
#define RPT_STARTED		0
#define RPT_DETECTED	1
#define RPT_ACKED		2
#define RPT_MITIGATED	3
#define RPT_RESOLVED	4
#define RPT_NMILESTONES 5

typedef struct RptIncident
{
	const char *title;
	PmZone		zone;
	bool		has[RPT_NMILESTONES];
	TimestampTz ms[RPT_NMILESTONES];
	RptEvent   *events;			/* timeline entries and citations, by time */
	int			nevents;
} RptIncident;

/* report_text.c */
extern void rpt_md_text(StringInfo buf, const char *s, bool multiline);
extern void rpt_md_section_body(StringInfo buf, const char *s);
extern void rpt_code_block(StringInfo buf, const char *indent, const char *info,
						   const char *text);
extern char *rpt_clip(const char *s, int maxchars);
extern void rpt_mermaid_label(StringInfo buf, const char *s, int maxchars);
extern void rpt_date(StringInfo buf, const struct pg_tm *tm);
extern void rpt_clock(StringInfo buf, const struct pg_tm *tm, fsec_t fsec, bool seconds);
extern void rpt_span(StringInfo buf, TimestampTz from, TimestampTz to);
extern bool rpt_written_with_seconds(const PmZone *zone, TimestampTz at);

/* report_gantt.c */
extern void rpt_gantt(StringInfo buf, const RptIncident *inc);

#endif							/* POSTMORTEM_DOCUMENT_REPORT_H */
