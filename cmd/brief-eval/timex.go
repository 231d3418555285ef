package main

import (
	"flag"
	"fmt"
	"hash/fnv"
	"os"
	"strings"

	"brief/internal/eval/timexeval"
	"brief/internal/text"
	"brief/internal/timex"
)

// runTimex scores the timex tagger on folders of TimeML-derived data:
//
//	brief-eval timex [-worst N] [-errors [-right] [-context N]] [-half 0|1] DIR...
//
// -half keeps the documents whose name hashes (FNV-1a) to that parity, so
// that rules developed on one half can be checked on the other.
// Each DIR holds plain/*.txt (or MEANTIME texts in ../../../corpus/wikinews),
// docs.jsonl and gold_timex.jsonl. Scores are printed per folder and, with
// more than one folder, for all of them together.
func runTimex(args []string) error {
	fs := flag.NewFlagSet("timex", flag.ContinueOnError)
	worst := fs.Int("worst", 10, "show the `N` worst documents and 3N most frequent error patterns")
	all := fs.Bool("errors", false, "list every error")
	right := fs.Bool("right", false, "list every right value too (with -errors)")
	context := fs.Int("context", 0, "with -errors, show `N` bytes of text either side of each error, the expression in [brackets]")
	half := fs.Int("half", -1, "score only the documents whose name hashes to this parity (0 or 1); -1 all")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("usage: brief-eval timex [-worst N] [-errors] DIR...")
	}
	var docs []timexeval.Doc
	byName := map[string]*timexeval.Doc{}
	var sys [][]timexeval.Span
	for _, dir := range fs.Args() {
		ds, err := timexeval.Load(dir)
		if err != nil {
			return err
		}
		if *half >= 0 {
			ds = halfOf(ds, *half)
		}
		ss := tag(ds)
		if fs.NArg() > 1 {
			fmt.Printf("== %s (%d documents)\n", dir, len(ds))
			timexeval.Score(ds, ss).Write(os.Stdout, 0)
			fmt.Println()
		}
		docs = append(docs, ds...)
		sys = append(sys, ss...)
	}
	for i := range docs {
		byName[docs[i].Name] = &docs[i]
	}
	fmt.Printf("== all (%d documents)\n", len(docs))
	rep := timexeval.Score(docs, sys)
	rep.Write(os.Stdout, *worst)
	if *all {
		fmt.Println("\nall errors:")
		list := rep.Errors
		if *right {
			list = append(list, rep.Right...)
		}
		for _, e := range list {
			fmt.Printf("  %-8s %-24s gold %q %s %s | sys %q %s %s\n", e.Kind, e.Doc, e.Gold.Text, e.Gold.Type, e.Gold.Value, e.Sys.Text, e.Sys.Type, e.Sys.Value)
			if *context > 0 {
				fmt.Printf("           %s\n", errorContext(byName[e.Doc], e, *context))
			}
		}
	}
	return nil
}

// halfOf keeps the documents whose name's FNV-1a hash has parity h.
func halfOf(ds []timexeval.Doc, h int) []timexeval.Doc {
	var out []timexeval.Doc
	for _, d := range ds {
		f := fnv.New32a()
		f.Write([]byte(d.Name))
		if int(f.Sum32()%2) == h {
			out = append(out, d)
		}
	}
	return out
}

// tag runs the tagger over each document's body.
func tag(docs []timexeval.Doc) [][]timexeval.Span {
	out := make([][]timexeval.Span, len(docs))
	for i := range docs {
		d := &docs[i]
		doc := text.Parse(d.Src, d.BodyStart, len(d.Src))
		for _, t := range timex.Find(doc, d.DCT) {
			if d.InScope(t.Start, t.End) {
				out[i] = append(out[i], timexeval.Span{Start: t.Start, End: t.End, Text: t.Text, Type: t.Type, Value: t.Value})
			}
		}
	}
	return out
}

// errorContext returns the text around an error, n bytes either side, with
// the gold span (or the system span when there is no gold) in brackets and
// line breaks as spaces.
func errorContext(d *timexeval.Doc, e timexeval.Error, n int) string {
	sp := e.Gold
	if e.Kind == "spurious" {
		sp = e.Sys
	}
	from, to := max(d.BodyStart, sp.Start-n), min(len(d.Src), sp.End+n)
	s := string(d.Src[from:sp.Start]) + "[" + string(d.Src[sp.Start:sp.End]) + "]" + string(d.Src[sp.End:to])
	return strings.Join(strings.Fields(s), " ")
}
