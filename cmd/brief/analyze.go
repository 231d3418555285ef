package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"brief/internal/analyze"
	"brief/internal/article"
	"brief/internal/site"
)

const analyzeHelp = `
Analyze reads article files and prints what brief finds in each: sentences,
the bottom-line summary, entities, time expressions, the timeline, quotes and
figures. With -json it prints one JSON object per file (JSON Lines); all
offsets are byte offsets into the file as it is on disk, end exclusive. The
field names are a stable interface (see the README).

A file that cannot be read as an article is reported with file:line; the
others are still analysed, and the exit status is 1.`

func runAnalyze(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("analyze", "[flags] FILE...", analyzeHelp, stderr)
	asJSON := fs.Bool("json", false, "print JSON Lines")
	n := fs.Int("summary-sentences", 0, "sentences in the summary (default: site.toml's summarySentences, else 3)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	if *n <= 0 {
		if cfg, err := site.LoadConfig("site.toml"); err == nil {
			*n = cfg.Summary
		}
	}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	failed := false
	for _, f := range fs.Args() {
		src, err := os.ReadFile(f)
		if err != nil {
			fmt.Fprintln(stderr, "error:", err)
			failed = true
			continue
		}
		a, err := article.Parse(filepath.ToSlash(f), src)
		if err != nil {
			fmt.Fprintln(stderr, "error:", err)
			failed = true
			continue
		}
		an := analyze.Run(a, analyze.Options{SummarySentences: *n})
		if *asJSON {
			if err := enc.Encode(an); err != nil {
				return err
			}
			continue
		}
		printAnalysis(stdout, an)
	}
	if failed {
		return errFailed
	}
	return nil
}

func printAnalysis(w io.Writer, an *analyze.Analysis) {
	fmt.Fprintf(w, "%s\n  title: %s\n  date: %s\n  sentences: %d\n", an.File, an.Title, an.Date, len(an.Sentences))
	fmt.Fprintln(w, "  bottom line:")
	for _, i := range an.Summary {
		fmt.Fprintf(w, "    [s%d] %s\n", i, an.Doc.SentenceText(i))
	}
	if len(an.Entities) > 0 {
		fmt.Fprintln(w, "  entities:")
		for _, e := range an.Entities {
			role := ""
			if e.Role != "" {
				role = ", " + e.Role
			}
			fmt.Fprintf(w, "    %s (%s%s) ×%d salience %.2f\n", e.Name, e.Kind, role, len(e.Mentions), e.Salience)
		}
	}
	if len(an.Timeline) > 0 {
		fmt.Fprintln(w, "  timeline:")
		for _, e := range an.Timeline {
			fmt.Fprintf(w, "    %-12s [s%d] %s\n", e.Value, e.Sentence, e.Text)
		}
	}
	if len(an.Quotes) > 0 {
		fmt.Fprintln(w, "  quotes:")
		for _, q := range an.Quotes {
			fmt.Fprintf(w, "    %s: %s\n", q.Speaker, an.Doc.Src[q.Start:q.End])
		}
	}
	if len(an.Figures) > 0 {
		fmt.Fprintln(w, "  figures:")
		for _, f := range an.Figures {
			fmt.Fprintf(w, "    %s\n", f.Text)
		}
	}
	fmt.Fprintln(w)
}
