package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"unicode/utf8"

	"brief/internal/entity"
	"brief/internal/entity/ner"
	"brief/internal/eval/nereval"
	"brief/internal/text"
)

// meantimeMention is one line of gold_entities.jsonl. Offsets are code
// points into the body (the text file without its first two lines).
type meantimeMention struct {
	Doc      string `json:"doc"`
	Text     string `json:"text"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Syn      string `json:"syntactic_type"`
	Type     string `json:"ent_type"`
	Instance string `json:"instance_id"`
}

// annotatedLines: MEANTIME annotates the headline and the first five
// sentences; in the Wikinews files these are the body's first six lines
// (headline, date line, four sentences... the date line carries none).
const annotatedLines = 6

// evalMeantime scores named PER/ORG/LOC mentions (exact extent and type)
// in the annotated part of each document, and key-actor recall: the share
// of gold entities mentioned at least twice (with a name among the
// mentions) that one of the top keyN key actors names.
func evalMeantime(dir, texts string, keyN int, verbose bool, m *ner.Model) error {
	if m != entity.Model() {
		return fmt.Errorf("MEANTIME scores the entity layer, which uses the embedded model; rebuild it to score another")
	}
	f, err := os.Open(filepath.Join(dir, "gold_entities.jsonl"))
	if err != nil {
		return err
	}
	defer f.Close()
	gold := map[string][]meantimeMention{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for line := 1; sc.Scan(); line++ {
		var g meantimeMention
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			return fmt.Errorf("%s:%d: %w", f.Name(), line, err)
		}
		gold[g.Doc] = append(gold[g.Doc], g)
	}
	if err := sc.Err(); err != nil {
		return err
	}
	docs := make([]string, 0, len(gold))
	for d := range gold {
		docs = append(docs, d)
	}
	sort.Strings(docs)

	var nam, namPre, relaxed nereval.Score
	keyFound, keyTotal := 0, 0
	for _, d := range docs {
		src, err := os.ReadFile(filepath.Join(texts, d+".txt"))
		if err != nil {
			return err
		}
		body := bodyStart(src)
		limit := lineEnd(src, body, annotatedLines)
		doc := text.Parse(src, body, len(src))
		ents := entity.Find(doc)
		cp := func(off int) int { return utf8.RuneCount(src[body:off]) }

		var pred []nereval.Span
		for _, e := range ents {
			t := kindType[e.Kind]
			if t == "" {
				continue
			}
			for _, mm := range e.Mentions {
				if mm.Start < limit {
					pred = append(pred, nereval.Span{Start: cp(mm.Start), End: cp(mm.End), Type: t})
				}
			}
		}
		var g1, g2 []nereval.Span
		for _, g := range gold[d] {
			s := nereval.Span{Start: g.Start, End: g.End, Type: g.Type}
			if g.Syn == "NAM" {
				g1 = append(g1, s)
			}
			if g.Syn == "NAM" || g.Syn == "PRE.NAM" {
				g2 = append(g2, s)
			}
		}
		nam.Add(g1, pred, "PER", "ORG", "LOC")
		namPre.Add(g2, pred, "PER", "ORG", "LOC")
		relaxed.Add(g2, overlapAlign(g2, pred), "PER", "ORG", "LOC")
		if verbose {
			printErrors(d, src, body, g1, pred)
		}

		found, total, missed := keyRecall(gold[d], entity.Key(ents, keyN), cp)
		keyFound += found
		keyTotal += total
		if verbose && len(missed) > 0 {
			fmt.Printf("  %s key actors missed: %q\n", d, missed)
			for i, e := range ents {
				if i == keyN+4 {
					break
				}
				fmt.Printf("      %d %s (%s) ×%d %.2f\n", i+1, e.Name, e.Kind, len(e.Mentions), e.Salience)
			}
		}
	}
	nam.Write(os.Stdout, fmt.Sprintf("%s: %d documents, named mentions (NAM) PER/ORG/LOC, exact extent", dir, len(docs)))
	namPre.Write(os.Stdout, fmt.Sprintf("%s: named and pre-modifier names (NAM, PRE.NAM), exact extent", dir))
	relaxed.Write(os.Stdout, fmt.Sprintf("%s: NAM and PRE.NAM, overlap with the same type counts (relaxed)", dir))
	fmt.Printf("%s: key-actor recall (top %d) %.2f%% (%d of %d gold entities mentioned at least twice)\n",
		dir, keyN, 100*float64(keyFound)/float64(max(keyTotal, 1)), keyFound, keyTotal)
	return nil
}

var kindType = map[string]string{"person": "PER", "organization": "ORG", "place": "LOC"}

// bodyStart returns the offset after the first two lines.
func bodyStart(src []byte) int {
	off := 0
	for i := 0; i < 2; i++ {
		j := bytes.IndexByte(src[off:], '\n')
		if j < 0 {
			return len(src)
		}
		off += j + 1
	}
	return off
}

// lineEnd returns the offset of the end of the n-th line from off.
func lineEnd(src []byte, off, n int) int {
	for i := 0; i < n; i++ {
		j := bytes.IndexByte(src[off:], '\n')
		if j < 0 {
			return len(src)
		}
		off += j + 1
	}
	return off
}

// overlapAlign replaces each prediction that overlaps a gold span of the
// same type with that gold span, so that exact scoring counts overlaps.
func overlapAlign(gold, pred []nereval.Span) []nereval.Span {
	out := make([]nereval.Span, len(pred))
	used := map[int]bool{}
	for i, p := range pred {
		out[i] = p
		for j, g := range gold {
			if !used[j] && g.Type == p.Type && p.Start < g.End && g.Start < p.End {
				out[i], used[j] = g, true
				break
			}
		}
	}
	return out
}

func keyRecall(gold []meantimeMention, key []entity.Entity, cp func(int) int) (found, total int, missed []string) {
	type inst struct {
		n     int
		named []meantimeMention
	}
	insts := map[string]*inst{}
	var order []string
	for _, g := range gold {
		if kindType[map[string]string{"PER": "person", "ORG": "organization", "LOC": "place"}[g.Type]] == "" {
			continue
		}
		in := insts[g.Instance]
		if in == nil {
			in = &inst{}
			insts[g.Instance] = in
			order = append(order, g.Instance)
		}
		in.n++
		if g.Syn == "NAM" || g.Syn == "PRE.NAM" {
			in.named = append(in.named, g)
		}
	}
	for _, id := range order {
		in := insts[id]
		if in.n < 2 || len(in.named) == 0 {
			continue
		}
		total++
		hit := false
		for _, e := range key {
			for _, m := range e.Mentions {
				s, t := cp(m.Start), cp(m.End)
				for _, g := range in.named {
					if s >= g.Start && t <= g.End {
						hit = true
					}
				}
			}
		}
		if hit {
			found++
		} else {
			missed = append(missed, in.named[0].Text)
		}
	}
	return found, total, missed
}

func printErrors(d string, src []byte, body int, gold, pred []nereval.Span) {
	runes := []rune(string(src[body:]))
	str := func(s nereval.Span) string {
		if s.End > len(runes) || s.Start < 0 || s.Start > s.End {
			return "?"
		}
		return string(runes[s.Start:s.End])
	}
	g := map[nereval.Span]bool{}
	for _, s := range gold {
		g[s] = true
	}
	p := map[nereval.Span]bool{}
	for _, s := range pred {
		p[s] = true
		if !g[s] && (s.Type == "PER" || s.Type == "ORG" || s.Type == "LOC") {
			fmt.Printf("  %s FP %s %q\n", d, s.Type, str(s))
		}
	}
	for _, s := range gold {
		if !p[s] {
			fmt.Printf("  %s FN %s %q\n", d, s.Type, str(s))
		}
	}
}
