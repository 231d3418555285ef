#!/bin/sh
# coldmem.sh SITE BRIEF...: a cold `brief build` of SITE (no .brief-cache, no output folder) with
# each brief binary in turn, printing wall, user and system time, peak RSS and the largest live
# heap after a garbage collection (GODEBUG=gctrace=1). Give the same binaries several times to
# alternate them; the disk's speed moves the wall and system times most.
set -e
site=$1
shift
for bin in "$@"; do
	(cd "$site" && rm -rf .brief-cache public .public.spare && sync)
	(cd "$site" && GODEBUG=gctrace=1 /usr/bin/time -f "%e s %U u %S s %M KB" "$bin" build -q) 2>/tmp/coldmem.$$ || true
	live=$(grep '^gc ' /tmp/coldmem.$$ | grep -o '[0-9]*->[0-9]*->[0-9]* MB' | awk -F'->' '{print $3+0}' | sort -n | tail -1)
	echo "$(basename "$bin") $(tail -1 /tmp/coldmem.$$) largest live heap ${live} MB"
done
rm -f /tmp/coldmem.$$
