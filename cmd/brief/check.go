package main

import (
	"fmt"
	"io"
	"time"

	"brief/internal/build"
)

const checkHelp = `
Check validates a site without changing it, for CI: site.toml, every
article, unique slugs, every briefing's front matter, dates in the future,
data/actors.toml (actors it names that no briefing has), and every link and
anchor in the built site (run brief build first). Each finding is printed as
file:line: error|warning: message. The exit status is 1 when there are
errors; warnings alone exit 0 unless -strict.`

func runCheck(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("check", "[flags]", checkHelp, stderr)
	dir := fs.String("s", ".", "the site folder")
	baseURL := fs.String("baseURL", "", "the base URL the site was built with, if not site.toml's")
	out := fs.String("o", "", "output folder (overrides site.toml)")
	strict := fs.Bool("strict", false, "fail on warnings too")
	if err := parse(fs, args); err != nil {
		return err
	}
	opt := buildOptions(*dir)
	opt.BaseURL, opt.Output = *baseURL, *out
	findings, err := build.Check(opt, time.Now())
	if err != nil {
		return err
	}
	errs, warns := 0, 0
	for _, f := range findings {
		fmt.Fprintln(stdout, f)
		if f.Error {
			errs++
		} else {
			warns++
		}
	}
	fmt.Fprintf(stdout, "check: %d errors, %d warnings\n", errs, warns)
	if errs > 0 || *strict && warns > 0 {
		return errFailed
	}
	return nil
}
