package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"time"

	"brief"
	"brief/internal/build"
)

const buildHelp = `
Build reads every article under content/articles/ (plain text or TOML front
matter), writes its briefing to content/briefings/<slug>.md, and renders all
briefings into the output folder (public/ unless site.toml or -o says
otherwise). The site is built in a staging folder and swapped in only when the
whole build succeeded, so public/ is always a complete site.

Only what changed is redone: an article whose briefing is up to date is not
analysed again, a page whose data did not change is not rendered again, and a
file whose bytes did not change is not written again (it keeps its time, so
rsync and static hosts upload only what changed). When nothing changed at all
(articles, briefings, templates, theme, data/, site.toml, brief itself), the
build checks that every file of the output folder is as it left it and makes
nothing; a file changed or removed there is made again.

Briefings you edited by hand are never overwritten; -force regenerates them
(your edits are lost). A bad article is reported with file:line and skipped;
the rest of the site is still built and the exit status is 1.`

func runBuild(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("build", "[flags]", buildHelp, stderr)
	dir := fs.String("s", ".", "the site folder")
	baseURL := fs.String("baseURL", "", "the site's absolute URL (overrides site.toml), e.g. https://me.github.io/project/")
	out := fs.String("o", "", "output folder (overrides site.toml)")
	force := fs.Bool("force", false, "regenerate briefings even where they were edited by hand")
	quiet := fs.Bool("q", false, "print errors only")
	verbose := fs.Bool("v", false, "also print the time each stage took")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "brief build: unexpected argument %q (use -s DIR for another site)\n", fs.Arg(0))
		return errUsage
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	opt := buildOptions(*dir)
	opt.BaseURL, opt.Output, opt.Force = *baseURL, *out, *force
	if !*quiet && isTerminal(stderr) {
		opt.Progress = func(done, total int) {
			if total >= 50 {
				fmt.Fprintf(stderr, "\ranalysing %d/%d articles", done, total)
				if done == total {
					fmt.Fprint(stderr, "\r\033[K")
				}
			}
		}
	}
	res, err := build.Build(ctx, opt)
	if err != nil {
		fmt.Fprintln(stderr, "brief build:", err)
		fmt.Fprintln(stderr, "brief build: nothing was published; the previous site is unchanged")
		return errFailed
	}
	for _, w := range res.Warnings {
		if !*quiet {
			fmt.Fprintln(stderr, "warning:", w)
		}
	}
	for _, e := range res.Errors {
		fmt.Fprintln(stderr, "error:", e)
	}
	if !*quiet {
		fmt.Fprintln(stdout, summaryLine(res))
	}
	if *verbose {
		fmt.Fprintln(stdout, stagesLine(res))
	}
	if len(res.Errors) > 0 {
		return errFailed
	}
	return nil
}

func buildOptions(dir string) build.Options {
	return build.Options{
		Dir:       dir,
		Templates: brief.Templates(),
		Theme:     brief.Theme(),
		Generator: "brief " + brief.Version,
	}
}

// summaryLine is the one line a build ends with.
func summaryLine(r *build.Result) string {
	s := fmt.Sprintf("built %s: %d pages (%d of %d files made), %d briefings generated, %d kept, %d warnings",
		r.Output, r.Pages, r.Made, r.Files, r.Generated, r.Kept, len(r.Warnings))
	if len(r.Errors) > 0 {
		s += fmt.Sprintf(", %d errors (skipped)", len(r.Errors))
	}
	return s + fmt.Sprintf(" in %s", r.Duration.Round(millisecond(r.Duration)))
}

// stagesLine tells where a build's time went.
func stagesLine(r *build.Result) string {
	model := ""
	if r.Reused {
		model = ", site model updated" // see site.Model
	}
	s := fmt.Sprintf("  %d articles, %d analysed%s, output %s; stages:", r.Articles, r.Analysed, model, r.Mode)
	for _, k := range []string{"articles", "analyse", "briefings", "render", "write"} {
		d := r.Stages[k]
		s += fmt.Sprintf(" %s %s", k, d.Round(millisecond(d)))
	}
	var steps []string
	for _, st := range r.Steps {
		if st.Time >= time.Millisecond {
			steps = append(steps, fmt.Sprintf("%s %s", st.Name, st.Time.Round(time.Millisecond)))
		}
	}
	if len(steps) > 0 {
		s += "\n  render: " + strings.Join(steps, ", ")
	}
	return s
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok || os.Getenv("CI") != "" || os.Getenv("TERM") == "dumb" {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
