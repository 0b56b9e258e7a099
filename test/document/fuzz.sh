#!/usr/bin/env bash
# TAP: the document parser survives randomly mutated postmortems.  Each
# mutation parses, or is refused with SQLSTATE 22P02; never another error,
# never a crash.  Fixed seeds, so a failure can be replayed:
#   psql -c "SET fuzz.seed = '0.42'" -c "SET fuzz.rounds = '2000'" -f test/support/fuzz_markdown.sql
cd "$(dirname "$0")/../.."
db=${POSTMORTEM_TAP_DB:-postmortem_tap}
rounds=${POSTMORTEM_FUZZ_ROUNDS:-2000}
echo "1..3"
n=0
for seed in 0.42 -0.17; do
	n=$((n + 1))
	out=$(timeout 300 psql -X -q -At -F ' ' -d "$db" -c "SET fuzz.seed = '$seed'" -c "SET fuzz.rounds = '$rounds'" \
		-c 'BEGIN' -f test/support/fuzz_markdown.sql -c 'ROLLBACK' 2>&1)
	line=$(printf '%s\n' "$out" | grep -E '^[0-9]+ [0-9]+ [0-9]+' | tail -1)
	read -r ok refused other _ <<<"$line"
	if [ -n "$line" ] && [ "$other" = 0 ] && [ $((ok + refused)) -eq "$rounds" ]; then
		echo "ok $n - seed $seed: $rounds mutated documents, $ok parsed, $refused refused with 22P02"
	else
		echo "not ok $n - seed $seed: $(printf '%s' "$out" | tail -5 | tr '\n' ' ')"
	fi
done
if psql -X -q -At -d "$db" -c 'SELECT 1' >/dev/null 2>&1; then
	echo "ok 3 - the server is still up"
else
	echo "not ok 3 - the server went away"
fi
