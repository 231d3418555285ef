package main

import (
	"cmp"
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"brief/internal/analyze"
	"brief/internal/build"
	"brief/internal/serve"
	"brief/internal/site"
	"brief/internal/watch"
)

const serveHelp = `
Serve builds the site, serves it on http://127.0.0.1:1313/ (the next free port
when that one is taken; a port given with -port must be free), and rebuilds on
every change to content/, templates/, theme/, data/ and site.toml. Open pages
reload by themselves, a change to stylesheets only restyles them in place, and
a failed build shows its error over the page while the last good site stays
served. When a change makes every page again (a template, site.toml), the
open pages are made first and shown at once. The live-reload script is added
to pages as they are served, never written into the site.

The served site is built in .brief-cache/serve/ (or -o), with the local
address as its URL; public/ is left as brief build made it, ready to deploy.`

func runServe(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("serve", "[flags]", serveHelp, stderr)
	dir := fs.String("s", ".", "the site folder")
	bind := fs.String("bind", serve.DefaultBind, "address to listen on (0.0.0.0 to share on the network)")
	port := fs.Int("port", serve.DefaultPort, "port to listen on")
	baseURL := fs.String("baseURL", "", "the site's URL while serving (default: the local address)")
	out := fs.String("o", "", "output folder (default "+site.ServeOutput+"; public/ is left for brief build, ready to deploy)")
	poll := fs.Bool("poll", false, "watch by polling instead of file events (network drives, some containers)")
	verbose := fs.Bool("v", false, "tell where each rebuild's time went")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "brief serve: unexpected argument %q (use -s DIR for another site)\n", fs.Arg(0))
		return errUsage
	}
	explicitPort := false
	fs.Visit(func(f *flag.Flag) { explicitPort = explicitPort || f.Name == "port" })

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	// The listener first, so the address is known (and taken) before the
	// first build, which may be long.
	l, err := serve.Listen(*bind, *port, explicitPort)
	if err != nil {
		return err
	}
	return serveSite(ctx, l, siteServer{dir: *dir, baseURL: *baseURL, out: *out, poll: *poll, verbose: *verbose}, stdout, stderr)
}

// siteServer is what `brief serve` serves.
type siteServer struct {
	dir, baseURL, out string
	poll, verbose     bool
	debounce          time.Duration // 0: 25 ms (decisions are by file state, so a short quiet time is safe); 10 ms for one file
}

// gcDelay is how long after a rebuild's reload event brief serve collects
// the build's garbage (see serveSite).
const gcDelay = time.Second

// serveSite builds the site in s.dir, serves it on l and rebuilds on every
// change until ctx ends.
func serveSite(ctx context.Context, l net.Listener, s siteServer, stdout, stderr io.Writer) error {
	url := serve.URL(l)
	opt := buildOptions(s.dir)
	opt.Memo = &build.Memo{}
	defer opt.Memo.Close()
	// Pages built for serving carry the local address: they go to a
	// folder of their own, never to the output folder that is deployed.
	opt.Output, opt.BaseURL = cmp.Or(s.out, site.ServeOutput), s.baseURL
	if opt.BaseURL == "" {
		opt.BaseURL = url
	}
	output := outputDir(s.dir, s.out)
	srv := serve.New(serve.Options{Dir: output, Log: stderr})
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ctx, l) }()
	fmt.Fprintf(stdout, "serving %s at %s (Ctrl+C to stop)\n", output, url)

	w, err := watch.New(ctx, watch.Options{
		Roots: []string{
			filepath.Join(s.dir, "content"), filepath.Join(s.dir, "templates"), filepath.Join(s.dir, "theme"),
			filepath.Join(s.dir, "data"), filepath.Join(s.dir, "site.toml"),
		},
		Exclude:  []string{output, filepath.Join(s.dir, ".brief-cache")},
		Poll:     s.poll,
		Debounce: cmp.Or(s.debounce, 25*time.Millisecond),
		Single:   min(cmp.Or(s.debounce, 25*time.Millisecond), 10*time.Millisecond),
		Log:      stderr,
	})
	if err != nil {
		return err
	}
	defer w.Close()

	// The build's garbage is collected once the browsers have had the
	// time to fetch the page they reload (gcDelay), not while they do: on
	// two cores the collection slowed the reloaded page's response by up to
	// 70 ms at 10,000 articles. Not during a build either: one that started
	// meanwhile leaves it to the runtime. The analysis cache is saved at
	// that time too (idle, below), from this goroutine, between builds.
	var building atomic.Bool
	collect := time.AfterFunc(time.Hour, func() {
		if !building.Load() {
			runtime.GC()
		}
	})
	collect.Stop()
	defer collect.Stop()
	idle := time.NewTimer(time.Hour)
	idle.Stop()
	defer idle.Stop()
	rebuild := func(b watch.Batch) {
		opt.Changed = b.Paths // nil when Full: every file is checked
		if !b.Full && opt.Changed == nil {
			opt.Changed = []string{}
		}
		collect.Stop()
		building.Store(true)
		// In a long build (a template changed), the pages the browsers
		// show are made first and the browsers told at once.
		var first time.Duration
		opt.First = srv.Pages()
		opt.Ready = func() {
			srv.Notify(serve.Event{Kind: serve.Reload})
			first = time.Since(b.Since)
		}
		res, err := build.Build(ctx, opt)
		building.Store(false)
		if ctx.Err() != nil {
			return
		}
		stamp := time.Now().Format("15:04:05")
		if err != nil {
			fmt.Fprintf(stderr, "%s %s: build failed, still serving the last good site:\n%v\n", stamp, what(b, s.dir), err)
			srv.Notify(serve.Failure(err))
			return
		}
		// The briefings the build wrote are its own doing, not edits.
		w.Accept(res.Written...)
		if onlyCSS(b) {
			srv.Notify(serve.Event{Kind: serve.CSS})
		} else {
			srv.Notify(serve.Event{Kind: serve.Reload})
		}
		sent := time.Since(b.Since)
		collect.Reset(gcDelay)
		idle.Reset(gcDelay)
		for _, m := range res.Warnings {
			fmt.Fprintln(stderr, "warning:", m)
		}
		for _, e := range res.Errors {
			fmt.Fprintln(stderr, "error:", e)
		}
		if len(res.Errors) > 0 {
			srv.Notify(serve.Failure(res.Errors[0])) // the site built; show what was skipped
		}
		fmt.Fprintf(stdout, "%s %s: %d of %d files made (%d pages) in %s\n", stamp, what(b, s.dir), res.Made, res.Files, res.Pages, res.Duration.Round(millisecond(res.Duration)))
		if s.verbose {
			fmt.Fprintln(stdout, stagesLine(res))
			if !b.Since.IsZero() {
				if first > 0 {
					fmt.Fprintf(stdout, "  the open pages sent %s after the first change was seen\n", first.Round(millisecond(first)))
				}
				fmt.Fprintf(stdout, "  reload sent %s after the first change was seen\n", sent.Round(millisecond(sent)))
			}
		}
	}

	rebuild(watch.Batch{Full: true})
	go analyze.Warm() // before the first edit needs it
	errs := w.Errors()
	for {
		select {
		case err := <-served:
			return err // the server stopped on its own: the port went away
		case err, ok := <-errs:
			if !ok {
				errs = nil
				continue
			}
			fmt.Fprintln(stderr, "watch:", err)
		case b, ok := <-w.Batches():
			if !ok { // ctx is done: Ctrl+C
				<-served
				return nil
			}
			idle.Stop()
			rebuild(b)
		case <-idle.C:
			opt.Memo.SaveAnalyses()
		}
	}
}

// outputDir is where brief serve builds: -o, or site.ServeOutput.
func outputDir(dir, flagOut string) string {
	out := cmp.Or(flagOut, site.ServeOutput)
	if !filepath.IsAbs(out) {
		out = filepath.Join(dir, out)
	}
	return out
}

// onlyCSS reports whether every changed file is a stylesheet.
func onlyCSS(b watch.Batch) bool {
	if b.Full || len(b.Paths) == 0 {
		return false
	}
	for _, p := range b.Paths {
		if !strings.EqualFold(filepath.Ext(p), ".css") {
			return false
		}
	}
	return true
}

// what says in a few words what a batch changed.
func what(b watch.Batch, dir string) string {
	switch {
	case b.Full:
		return "full build"
	case len(b.Paths) == 1:
		abs, _ := filepath.Abs(dir)
		if rel, err := filepath.Rel(abs, b.Paths[0]); err == nil {
			return rel + " changed"
		}
		return b.Paths[0] + " changed"
	}
	return fmt.Sprintf("%d files changed", len(b.Paths))
}
