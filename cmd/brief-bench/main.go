// Command brief-bench measures `brief build` on generated sites of N
// articles, or on an existing site folder, and optionally renders the same
// briefings with Hugo for a side-by-side time.
//
//	go run ./cmd/brief-bench [-n 1000,10000] [-keep DIR] [-hugo PATH] [-cpuprofile FILE] [SITE]
//
// For each N it writes a site of N articles made from ../shared/corpus by
// package gensite (or copies SITE to a temporary folder: the site given is
// never changed), then runs the real pipeline, build.Build, each run in a
// child process of this command so that each has its own peak memory:
//
//   - cold: no content/briefings, no .brief-cache, no output folder;
//   - warm: again, nothing changed (the median of -runs builds);
//   - one article: a sentence appended to one article, then a build (the
//     median of -runs builds, each on another article);
//   - with -hugo: brief's render stage, that is a build with every analysis
//     in the cache and no output folder, so that it reads all briefings and
//     renders and writes every page, beside `hugo --quiet` on a Hugo site
//     holding the same briefing Markdown with no public/ either; -runs
//     times each, interleaved. The Hugo site (-hugo-site) is bench/hugo-same
//     by default, which makes the files brief makes as far as Hugo can
//     without code: each briefing's page, JSON and Markdown copy, the
//     paginated home, tag, actor and place pages, their feeds (the latest
//     20 briefings), sitemap, robots.txt, 404 (brief's archive, timeline,
//     stories and search, 1.5% of its files, have no counterpart);
//     bench/hugo is a minimal layout writing the HTML pages only.
//     The ratio is brief's process time over Hugo's, of the medians (both
//     whole processes, start to exit); brief's stage times are shown too.
//
// Before each timed run it waits for the disk to write back what earlier
// runs wrote (settle), so that no run pays for another's writes.
//
// It prints one Markdown table row per N: build times (and the CPU time of
// the child process, less sensitive to a loaded machine), peak RSS (the child's
// maximum resident set size), pages per second of the cold build, and the
// per-stage times when build.Result has Stages ("n/a" otherwise), after a
// header naming the machine, its load and the commit measured (the working
// tree is what is built: "dirty" says it differs from the commit).
// -cpuprofile and -memprofile write profiles of the first cold build.
//
// The child mode (-child build DIR) is this command's own plumbing.
package main

import (
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "brief-bench:", err)
		os.Exit(1)
	}
}

// options are the flags of the command.
type options struct {
	sizes      []int
	seed       uint64
	keep       string
	hugo       string
	hugoSite   string
	runs       int
	cpuprofile string
	memprofile string
	corpus     string
	site       string
	trash      *trash // old outputs, removed at the end (see coldReset)
}

func run(args []string) error {
	fs := flag.NewFlagSet("brief-bench", flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: brief-bench [-n 1000,10000] [-keep DIR] [-hugo PATH] [-hugo-site DIR] [-runs 3] [-seed 1] [-corpus DIR] [-cpuprofile FILE] [-memprofile FILE] [SITE]")
		fs.PrintDefaults()
	}
	sizes := fs.String("n", "1000,10000", "comma-separated numbers of articles of the generated sites")
	seed := fs.Uint64("seed", 1, "seed of the generated sites")
	keep := fs.String("keep", "", "make the generated sites in DIR/n<N> and keep them (reused when there)")
	hugo := fs.String("hugo", "", "the hugo binary: also time Hugo beside brief's render stage")
	hugoSite := fs.String("hugo-site", "", "the Hugo config and layouts (default: bench/hugo-same from the module root, the same outputs as brief's; bench/hugo: HTML pages only)")
	runs := fs.Int("runs", 3, "runs of the warm, one-article and render measurements")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the first cold build to FILE")
	sentence := fs.String("sentence", "", "internal, with -child serve: the sentence appended to each file (%d: the edit's number; default: the benchmark's own sentences)")
	memprofile := fs.String("memprofile", "", "write a heap profile of the first cold build, taken as it returns, to FILE")
	corpus := fs.String("corpus", "", "the corpus folder (default: ../shared/corpus from the module root)")
	child := fs.String("child", "", "internal: `build` the site DIR in this process and print the result as JSON")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *child != "" {
		return runChild(*child, fs.Args(), *cpuprofile, *memprofile, *sentence)
	}
	o := options{seed: *seed, keep: *keep, hugo: *hugo, hugoSite: *hugoSite, runs: max(1, *runs), cpuprofile: *cpuprofile, memprofile: *memprofile, corpus: *corpus}
	switch fs.NArg() {
	case 0:
		for _, s := range strings.Split(*sizes, ",") {
			n, err := strconv.Atoi(strings.TrimSpace(s))
			if err != nil || n <= 0 {
				return fmt.Errorf("-n: %q is not a number of articles", s)
			}
			o.sizes = append(o.sizes, n)
		}
	case 1:
		o.site = fs.Arg(0)
	default:
		return fmt.Errorf("one SITE folder at most, got %q", fs.Args())
	}
	return bench(o)
}
