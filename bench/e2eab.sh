#!/bin/sh
# e2eab.sh ROUNDS BIN_A SITE_A BIN_B SITE_B [MODE]: two brief binaries, each
# serving its own copy of a site (alternating binaries on one site makes
# each re-analyse everything), measured in turn, ROUNDS times (session 11).
#
#   reload    e2e/reload.mjs: N (default 10) sentences appended to the 1986
#             article of a brief-bench site, save to the edit on screen
#   template  e2e/template.mjs: 3 edits of templates/base.html, save to the
#             open page showing it
#   rebuild   brief serve -v: base.html edited twice, 15 s apart, then
#             removed; the three builds' files made and times
#
# Needs `cd e2e && npm ci` and Debian's chromium for the first two.
# Example: N=20 bench/e2eab.sh 2 /tmp/brief-old /tmp/bbt/n10000b /tmp/brief-new /tmp/bbt/n10000d
set -e
rounds=$1; mode=${6:-reload}
repo=$(cd "$(dirname "$0")/.." && pwd)
REL=content/articles/1986/1986-10-29-internal-emails-expose-boeing-air-force-6m8.txt
URL=http://127.0.0.1:1415/briefings/internal-emails-expose-boeing-air-force-6m8/
log=${TMPDIR:-/tmp}/e2eab.log
shift
for r in $(seq "$rounds"); do
  for pair in "$1 $2" "$3 $4"; do
    set -- $pair "$@"; bin=$1; site=$2; shift 2
    (cd "$site" && exec "$bin" serve -v -port 1415 > "$log" 2>&1) &
    for i in $(seq 120); do sleep 1; grep -q "full build" "$log" && break; done
    sleep 3
    case $mode in
    reload) echo "== $(basename "$bin")"; node "$repo/e2e/reload.mjs" "$URL" "$site/$REL" "${N:-10}" ;;
    template) echo "== $(basename "$bin") $(node "$repo/e2e/template.mjs" "$URL" "$site" 3)" ;;
    rebuild)
      had=0; [ -d "$site/templates" ] && had=1
      mkdir -p "$site/templates"
      for m in A B; do sed "s|</footer>|<span>M$m</span></footer>|" "$repo/templates/base.html" > "$site/templates/base.html"; sleep 15; done
      rm -f "$site/templates/base.html"; [ $had = 1 ] || rmdir "$site/templates"; sleep 15
      echo "== $(basename "$bin"): $(grep 'templates/base.html changed' "$log" | sed 's/.*changed: //' | tr '\n' ';')" ;;
    esac
    pkill -f "serve -v -port 1415" || true; sleep 1
  done
done
