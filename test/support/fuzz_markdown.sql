-- Random mutations of postmortem documents fed to the parser: every one
-- must either parse or be refused with 22P02 (unreadable document); no
-- other error, no crash.  Used by test/document/fuzz.sh.
--   psql -v seed=0.42 -v rounds=2000 -v docs_dir=test/document/corpus -f test/support/fuzz_markdown.sql
CREATE TEMP TABLE fuzz_doc (doc text);
\set d0 `cat test/seeds/000_2d29b2a47fc1b878.txt`
\set d1 `cat test/seeds/001_e377f6c4d1aac321.txt`
\set d2 `cat test/seeds/002_baa2f493d473fd47.txt`
\set d3 `cat test/seeds/003_052e3b1ff3f3a8fe.txt`
\set d4 `cat test/seeds/004_157e2b01bfd7d615.txt`
\set d5 `cat test/document/corpus/01_table_timeline.md`
\set d6 `cat test/document/corpus/02_prose_eat.md`
\set d7 `cat test/document/corpus/07_bold_times_star_bullets.md`
\set d8 `cat test/document/corpus/09_dated_entries_multi_day.md`
\set d9 `cat test/document/corpus/24_start_end_table_ist.md`
\set d10 `cat test/document/corpus/28_emoji_statuses_all_users.md`
\set d11 `cat test/document/corpus/29_blog_prose_eastern.md`
\set d12 `cat test/document/corpus/37_code_block_timeline.md`
\set d13 `cat test/document/corpus/38_horizontal_start_end_table.md`
\set d14 `cat test/document/corpus/44_hrs_ist.md`
\set d15 `cat test/document/corpus/48_tldr_pipe_fields_bold_times.md`
INSERT INTO fuzz_doc VALUES (:'d0'), (:'d1'), (:'d2'), (:'d3'), (:'d4'), (:'d5'), (:'d6'), (:'d7'), (:'d8'),
	(:'d9'), (:'d10'), (:'d11'), (:'d12'), (:'d13'), (:'d14'), (:'d15');

CREATE FUNCTION pg_temp.mutate(doc text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	palette text[] := ARRAY['*', '**', '#', '|', '-', ':', '[', ']', '(', ')', '0', '9', '12', ':59',
		' AM', ' PM', ' UTC', ' GMT+', '+14:00', '-', E'\n', E'\t', '    ', '2024-02-30', 'May 32, ',
		'At ', 'T', 'Z', '%', ',000', ' users', '[x] ', '1. ', '```', E'\n## Timeline\n',
		E'\n## Tasks\n', 'Status:', 'Owner:', '—', 'é', E'\u2212', '99999999999999999999',
		'Timeline (', 'EST', 'UT', 'XYZ', ' hrs', 'h0', '.05pm', U&'\00B7', ' | ', U&'\2705', '(UTC+05:30)',
		' PT', ' Pacific Time', 'all users ', U&'\23F0 ', 'Owner: ', '(@', 'Z'];
	n int := 1 + (random() * 6)::int;
	len int;
	pos int;
	span int;
BEGIN
	FOR k IN 1..n LOOP
		len := length(doc);
		pos := 1 + (random() * greatest(len - 1, 0))::int;
		span := 1 + (random() * 40)::int;
		CASE (random() * 4)::int
			WHEN 0 THEN doc := overlay(doc PLACING '' FROM pos FOR span);
			WHEN 1 THEN doc := overlay(doc PLACING substr(doc, 1 + (random() * greatest(len - 1, 0))::int, span) FROM pos FOR 0);
			WHEN 2 THEN doc := overlay(doc PLACING palette[1 + (random() * (array_length(palette, 1) - 1))::int] FROM pos FOR 0);
			ELSE doc := overlay(doc PLACING palette[1 + (random() * (array_length(palette, 1) - 1))::int] FROM pos FOR (random() * 3)::int);
		END CASE;
	END LOOP;
	RETURN doc;
END
$$;

CREATE TEMP TABLE fuzz_result (ok int, refused int, other text[]);
DO $$
DECLARE
	d text;
	m text;
	ok int := 0;
	refused int := 0;
	other text[] := '{}';
	j jsonb;
BEGIN
	PERFORM setseed(current_setting('fuzz.seed')::float8);
	FOR r IN 1..current_setting('fuzz.rounds')::int LOOP
		SELECT doc INTO d FROM fuzz_doc OFFSET (r % 16) LIMIT 1;
		m := pg_temp.mutate(d);
		BEGIN
			j := postmortem.parse_markdown(m, on_date => CASE WHEN r % 2 = 0 THEN date '2024-01-01' END);
			-- what it read must be loadable: the import as well
			IF r % 10 = 0 THEN
				PERFORM postmortem.import_markdown(m, on_date => '2024-01-01');
			END IF;
			ok := ok + 1;
		EXCEPTION
			WHEN invalid_text_representation THEN refused := refused + 1;
			WHEN others THEN other := other || (SQLSTATE || ' ' || SQLERRM);
		END;
	END LOOP;
	INSERT INTO fuzz_result VALUES (ok, refused, other);
END
$$;
SELECT ok, refused, cardinality(other) AS other_errors, other[1:5] AS first_other FROM fuzz_result;
