#!/bin/sh
# coldrm.sh RUNS SITE BRIEF: cold `brief build`s of SITE, alternating how the last build's files
# (output, spare, briefings, cache) went: moved aside (mv) or removed just before (rm -rf).
# Prints wall, user and system time and peak RSS of each. On a file system that is slow to make
# files after a removal (ext4 without a journal: bench/README.md, "The file system") the rm
# builds take longer. Moved files go to SITE/../.coldrm-trash, removed at the end.
set -e
runs=$1 site=$2 bin=$3
trash=$(dirname "$site")/.coldrm-trash
mkdir -p "$trash"
for i in $(seq "$runs"); do
	for mode in mv rm; do
		mkdir "$trash/$$-$i-$mode"
		for p in .brief-cache public .public.spare content/briefings; do
			if [ -e "$site/$p" ]; then mv "$site/$p" "$trash/$$-$i-$mode/$(echo $p | tr / _)"; fi
		done
		if [ "$mode" = rm ]; then rm -rf "$trash/$$-$i-$mode"; fi
		(cd "$site" && /usr/bin/time -f "%e s %U u %S s %M KB" "$bin" build -q) 2>/tmp/coldrm.$$ || true
		echo "$mode $(tail -1 /tmp/coldrm.$$)"
	done
done
rm -f /tmp/coldrm.$$
echo "removing $trash: a cold build in the next minutes will be slower for it" >&2
rm -rf "$trash"
