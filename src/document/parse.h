/*-------------------------------------------------------------------------
 *
 * parse.h
 *	  The postmortem document parser: Markdown (or plain text) in the
 *	  Issue Summary / Timeline / Root Cause / Measures template, read into
 *	  a PmDocument.
 *
 * The parser is pure: no SPI, no catalog access, no ereport for bad input
 * (it returns its complaint in PmDocument.error), so that it can be
 * benchmarked and fuzzed alone.  It only uses PostgreSQL's own time zone
 * machinery (the timezone_abbreviations set, pg_tzset) to turn local times
 * into timestamptz.
 *
 *-------------------------------------------------------------------------
 */
#ifndef POSTMORTEM_DOCUMENT_PARSE_H
#define POSTMORTEM_DOCUMENT_PARSE_H

#include "datatype/timestamp.h"
#include "pgtime.h"

/* A time zone as a document names it: fixed offset, or a zone with rules */
typedef struct PmZone
{
	bool		valid;
	bool		fixed;			/* true: offset_east applies at all times */
	int			offset_east;	/* seconds east of UTC, when fixed */
	pg_tz	   *tz;				/* rules, when not fixed */
	char		abbr[16];		/* dynamic abbreviation (MSK), or "" */
	char		label[64];		/* as the document spells it: EDT, GMT+1 */
} PmZone;

typedef struct PmEntry
{
	TimestampTz at;
	const char *kind;			/* a postmortem.timeline_kind label */
	char	   *body;
	int			lineno;
	bool		begins;			/* says the outage began */
} PmEntry;

typedef struct PmTask
{
	char	   *title;
	const char *status;			/* a postmortem.task_status label */
	const char *kind;			/* a postmortem.task_kind label */
	char	   *owner;			/* or NULL */
	bool		has_due;
	TimestampTz due_at;
} PmTask;

/* a section beside the template ("Lessons learned"), kept as written */
typedef struct PmSectionText
{
	char	   *heading;		/* without the #'s or the bold */
	char	   *body;			/* its Markdown source, trimmed */
} PmSectionText;

typedef enum PmError
{
	PM_OK = 0,
	PM_ERROR_EMPTY,				/* nothing but white space */
	PM_ERROR_NO_TIMES,			/* no timeline entries, no times in summary */
	PM_ERROR_NO_DATE,			/* times, but no date anywhere, no on_date */
	PM_ERROR_BAD_ZONE			/* the default zone given is not a zone */
} PmError;

typedef struct PmOptions
{
	const char *default_zone;	/* time_zone argument, or NULL */
	bool		has_on_date;
	int			on_year;
	int			on_month;
	int			on_day;
} PmOptions;

typedef struct PmDocument
{
	char	   *title;
	char	   *summary;
	char	   *impact;
	char	   *root_cause;
	char	   *resolution;
	char	   *severity;		/* as written, or NULL */
	const char *status;			/* a postmortem.incident_status label */
	char	   *time_zone;		/* the document's zone, as written */

	bool		has_start;
	bool		has_end;
	bool		has_detected;
	bool		has_acknowledged;
	bool		has_mitigated;
	TimestampTz started_at;
	TimestampTz resolved_at;
	TimestampTz detected_at;
	TimestampTz acknowledged_at;
	TimestampTz mitigated_at;

	bool		has_users_pct;
	double		users_pct;
	bool		has_users_count;
	int64		users_count;

	PmEntry    *entries;
	int			nentries;
	PmTask	   *tasks;
	int			ntasks;
	char	  **improvements;
	int			nimprovements;
	char	  **notes;
	int			nnotes;
	PmSectionText *sections;	/* in document order */
	int			nsections;

	PmError		error;
	char	   *error_message;
	char	   *error_detail;
	char	   *error_hint;
} PmDocument;

extern PmDocument *pm_parse_document(const char *text, int len,
									 const PmOptions *options);

/* time zones, shared with the report */
extern bool pm_zone_parse(const char *label, PmZone *zone);
extern void pm_zone_localize(const PmZone *zone, TimestampTz ts,
							 struct pg_tm *tm, fsec_t *fsec);

#endif							/* POSTMORTEM_DOCUMENT_PARSE_H */
