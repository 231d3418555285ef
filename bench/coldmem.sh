#!/bin/sh
# coldmem.sh SITE BRIEF...: a cold `brief build` of SITE (no .brief-cache, no output folder) with
# each brief binary in turn, printing wall, user and system time, peak RSS and the largest live
# heap after a garbage collection (GODEBUG=gctrace=1). Give the same binaries several times to
# alternate them. The last build's files are moved to SITE/../.coldmem-trash, removed at the end:
# removed just before, they would slow the build (bench/README.md, "The file system").
set -e
site=$1
shift
trash=$(dirname "$site")/.coldmem-trash
mkdir -p "$trash"
n=0
for bin in "$@"; do
	n=$((n + 1))
	mkdir "$trash/$$-$n"
	for p in .brief-cache public .public.spare content/briefings; do
		if [ -e "$site/$p" ]; then mv "$site/$p" "$trash/$$-$n/$(echo $p | tr / _)"; fi
	done
	(cd "$site" && GODEBUG=gctrace=1 /usr/bin/time -f "%e s %U u %S s %M KB" "$bin" build -q) 2>/tmp/coldmem.$$ || true
	live=$(grep '^gc ' /tmp/coldmem.$$ | grep -o '[0-9]*->[0-9]*->[0-9]* MB' | awk -F'->' '{print $3+0}' | sort -n | tail -1)
	echo "$(basename "$bin") $(tail -1 /tmp/coldmem.$$) largest live heap ${live} MB"
done
rm -f /tmp/coldmem.$$
echo "removing $trash: a cold build in the next minutes will be slower for it" >&2
rm -rf "$trash"
