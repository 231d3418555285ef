#!/bin/sh
# bench/hugo.sh: brief's render stage beside Hugo's on the same generated
# briefings (4,000 by default), timed alternately by cmd/brief-bench.
#
#   bench/hugo.sh                 # N=4000, 3 runs each
#   N=1000 RUNS=5 bench/hugo.sh   # other sizes; further arguments go to brief-bench
#   HUGO_SITE=bench/hugo bench/hugo.sh   # Hugo writing the HTML pages only
#
# The Hugo site is bench/hugo-same by default: it writes what brief writes
# as far as Hugo can without code (each briefing's page, JSON and Markdown,
# the paginated home, tag, actor and place pages, their feeds, sitemap),
# 14,483 files against brief's 14,077 at 4,000 articles. bench/hugo is the
# minimal layout of earlier sessions: HTML pages only, 4,408 files.
#
# Hugo is a comparison only, never a dependency of brief: it is taken from
# $HUGO, or `hugo` on the PATH, or installed with `go install` outside this
# module into $HUGO_GOBIN (default ${TMPDIR:-/tmp}/brief-bench-hugo), so
# go.mod and go.sum are never touched. Hugo v0.160.0 builds with Go 1.26;
# should a newer Hugo need Go 1.27, set GOTOOLCHAIN=go1.27.3 for the install.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
version=${HUGO_VERSION:-v0.160.0}
hugo=${HUGO:-$(command -v hugo || true)}
if [ -z "$hugo" ]; then
	gobin=${HUGO_GOBIN:-${TMPDIR:-/tmp}/brief-bench-hugo}
	if [ ! -x "$gobin/hugo" ]; then
		work=$(mktemp -d)
		echo "installing hugo $version into $gobin (a few minutes on 2 cores)" >&2
		(cd "$work" && CGO_ENABLED=0 GOFLAGS=-mod=mod GOBIN="$gobin" go install "github.com/gohugoio/hugo@$version")
		rm -rf "$work"
	fi
	hugo=$gobin/hugo
fi
"$hugo" version >&2
cd "$root"
exec go run ./cmd/brief-bench -n "${N:-4000}" -runs "${RUNS:-3}" -hugo "$hugo" -hugo-site "${HUGO_SITE:-bench/hugo-same}" "$@"
