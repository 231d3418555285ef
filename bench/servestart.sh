#!/bin/sh
# servestart.sh RUNS BRIEF-A SITE-A BRIEF-B SITE-B: seconds from starting `brief serve` to the log
# line of its first build, the two binaries alternated, each on its own copy of the site (a site
# built by another binary is made again: build each copy with its binary first).
set -e
runs=$1
shift
for i in $(seq "$runs"); do
	for pair in "$1 $2" "$3 $4"; do
		set -- $pair "$@"
		bin=$1 site=$2
		shift 2
		log=/tmp/servestart.$$
		: >"$log"
		start=$(date +%s.%N)
		"$bin" serve -s "$site" -port 1515 >"$log" 2>&1 &
		pid=$!
		while ! grep -q "files made" "$log"; do sleep 0.02; done
		end=$(date +%s.%N)
		kill $pid
		wait $pid 2>/dev/null || true
		echo "$(basename "$bin") $(echo "$end - $start" | bc) s: $(grep 'files made' "$log" | head -1)"
	done
done
rm -f /tmp/servestart.$$
