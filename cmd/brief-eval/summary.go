package main

import (
	"time"

	"brief/internal/analyze"
	"brief/internal/article"
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"

	"brief/internal/eval/rouge"
	"brief/internal/summary"
	"brief/internal/text"
)

// summaryRecord is one line of a CNN/DailyMail-style JSON Lines file:
// the article body and its reference highlights joined by " . ".
type summaryRecord struct {
	ID        string `json:"id"`
	Date      string `json:"date"`
	Article   string `json:"article"`
	Reference string `json:"reference"`
}

// runSummary scores the summariser and Lead-3 (the first N sentences as
// text.Parse segments them) with ROUGE-1/2/L F1 on the same articles.
//
//	brief-eval summary [-n 3] [-split] [-v] FILE...
//
// With -split it also reports the even-numbered and odd-numbered articles
// of each file apart (a tuning half and a held-out half).
func runSummary(args []string) error {
	fs := flag.NewFlagSet("summary", flag.ContinueOnError)
	n := fs.Int("n", 3, "sentences per summary")
	split := fs.Bool("split", false, "also report even- and odd-numbered articles apart")
	verbose := fs.Bool("v", false, "print each article's summary and scores")
	bare := fs.Bool("bare", false, "score summary.Select alone, without the signals the other analysers give it in brief")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: brief-eval summary [-n 3] [-split] [-v] FILE.jsonl...")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return fmt.Errorf("no input files")
	}
	var all, even, odd rougeTotals
	for _, path := range fs.Args() {
		recs, err := readSummaryRecords(path)
		if err != nil {
			return err
		}
		for i, rec := range recs {
			sys, lead := scoreArticle(rec, *n, *verbose, *bare)
			all.add(sys, lead, *n)
			if i%2 == 0 {
				even.add(sys, lead, *n)
			} else {
				odd.add(sys, lead, *n)
			}
		}
	}
	if all.n == 0 {
		return fmt.Errorf("no articles in %s", strings.Join(fs.Args(), " "))
	}
	all.print(fmt.Sprintf("all %d articles", all.n))
	if *split {
		even.print(fmt.Sprintf("even-numbered %d (tuning half)", even.n))
		odd.print(fmt.Sprintf("odd-numbered %d (held-out half)", odd.n))
	}
	return nil
}

func readSummaryRecords(path string) ([]summaryRecord, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var recs []summaryRecord
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for line := 1; sc.Scan(); line++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var r summaryRecord
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", path, line, err)
		}
		recs = append(recs, r)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	return recs, nil
}

// scoreArticle returns the ROUGE of the summariser's and of Lead-3's
// summaries of one article.
//
// By default the summary is the one brief ships: analyze.Run, where the
// time and entity analysers tell the summariser which sentences hold dated
// events and key actors; with bare, summary.Select runs alone.
func scoreArticle(rec summaryRecord, n int, verbose, bare bool) (sys, lead rouge.Result) {
	src := []byte(rec.Article)
	doc := text.Parse(src, 0, len(src))
	ref := strings.Split(rec.Reference, " . ")
	var pick []int
	if bare {
		pick = summary.Select(doc, summary.Options{N: n}, summary.Signals{})
	} else {
		date, err := time.Parse("2006-01-02", rec.Date)
		if err != nil {
			date = time.Time{}
		}
		a := &article.Article{Path: rec.ID, Src: src, Date: date, Title: rec.ID}
		pick = analyze.Run(a, analyze.Options{SummarySentences: n}).Summary
	}
	var leadIdx []int
	for i := 0; i < n && i < len(doc.Sentences); i++ {
		leadIdx = append(leadIdx, i)
	}
	sys = rouge.Compare(sentenceTexts(doc, pick), ref)
	lead = rouge.Compare(sentenceTexts(doc, leadIdx), ref)
	if verbose {
		fmt.Printf("== %s  R1 %.1f (lead %.1f)  R2 %.1f (lead %.1f)\n", rec.ID,
			100*sys.R1.F, 100*lead.R1.F, 100*sys.R2.F, 100*lead.R2.F)
		for _, i := range pick {
			fmt.Printf("  [%d] %s\n", i, doc.SentenceText(i))
		}
		fmt.Printf("  REF %s\n", rec.Reference)
	}
	return sys, lead
}

func sentenceTexts(doc *text.Doc, idx []int) []string {
	out := make([]string, len(idx))
	for k, i := range idx {
		out[k] = doc.SentenceText(i)
	}
	return out
}

// rougeTotals sums F1 scores over articles.
type rougeTotals struct {
	n, leadN  int
	sys, lead [3]float64
}

func (t *rougeTotals) add(sys, lead rouge.Result, leadN int) {
	t.n++
	t.leadN = leadN
	for k, s := range [3]rouge.Score{sys.R1, sys.R2, sys.RL} {
		t.sys[k] += s.F
	}
	for k, s := range [3]rouge.Score{lead.R1, lead.R2, lead.RL} {
		t.lead[k] += s.F
	}
}

func (t *rougeTotals) print(title string) {
	if t.n == 0 {
		return
	}
	f := 100 / float64(t.n)
	fmt.Printf("%s          ROUGE-1  ROUGE-2  ROUGE-L (F1)\n", title)
	fmt.Printf("  summary      %7.2f  %7.2f  %7.2f\n", t.sys[0]*f, t.sys[1]*f, t.sys[2]*f)
	fmt.Printf("  lead-%d       %7.2f  %7.2f  %7.2f\n", t.leadN, t.lead[0]*f, t.lead[1]*f, t.lead[2]*f)
	fmt.Printf("  difference   %+7.2f  %+7.2f  %+7.2f\n",
		(t.sys[0]-t.lead[0])*f, (t.sys[1]-t.lead[1])*f, (t.sys[2]-t.lead[2])*f)
}
