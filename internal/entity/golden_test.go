package entity

import (
	"bufio"
	"crypto/sha256"
	"flag"
	"fmt"
	"hash"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"brief/internal/entity/ner"
	"brief/internal/text"
)

var update = flag.Bool("update", false, "rewrite testdata/golden.txt")

const goldenFile = "testdata/golden.txt"

// TestGolden guards the exact output of Find (and Key) on every article of
// the shared corpus, and of Find and Model().Tag on the CoNLL-2003
// development documents: one sha256 per file of everything they return,
// so that changes made for speed can be shown to change nothing. Run with
// -update to record new digests after a change that is meant to change
// results.
func TestGolden(t *testing.T) {
	shared := filepath.Join("..", "..", "..", "shared")
	articles, _ := filepath.Glob(filepath.Join(shared, "corpus", "*", "*.txt"))
	if len(articles) == 0 {
		t.Skip("shared corpus absent")
	}
	var got []string
	for _, p := range articles {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		start := 0
		if loc := dateHeader.FindIndex(src); loc != nil {
			start = loc[1]
		}
		doc := text.Parse(src, start, len(src))
		rel, _ := filepath.Rel(shared, p)
		got = append(got, rel+" "+digestFind(doc))
	}
	for _, name := range []string{"eng.testa", "eng.train"} {
		f, err := os.Open(filepath.Join(shared, "eval", "entities", "conll2003", name))
		if err != nil {
			continue
		}
		docs, err := ner.ReadCoNLL(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		hf, ht := sha256.New(), sha256.New()
		for _, d := range docs {
			// Find on the document's sentences as running text.
			var sb strings.Builder
			words := make([][]string, len(d))
			for i, s := range d {
				words[i] = s.Words
				sb.WriteString(strings.Join(s.Words, " "))
				sb.WriteString("\n\n")
			}
			src := []byte(sb.String())
			fmt.Fprintln(hf, digestFind(text.Parse(src, 0, len(src))))
			// Tag on the given tokens, as the CoNLL evaluation does.
			for i, spans := range Model().Tag(words) {
				fmt.Fprintln(ht, i, spans)
			}
		}
		got = append(got, "conll2003/"+name+"#Find "+sum(hf), "conll2003/"+name+"#Tag "+sum(ht))
	}
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(goldenFile, []byte(strings.Join(got, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want := map[string]string{}
	f, err := os.Open(goldenFile)
	if err != nil {
		t.Fatalf("%v (run with -update to record)", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if name, d, ok := strings.Cut(sc.Text(), " "); ok {
			want[name] = d
		}
	}
	for _, line := range got {
		name, d, _ := strings.Cut(line, " ")
		w, ok := want[name]
		switch {
		case !ok:
			t.Errorf("%s: no recorded digest", name)
		case w != d:
			t.Errorf("%s: results changed", name)
		}
		delete(want, name)
	}
	for name := range want {
		t.Errorf("%s: recorded but not checked", name)
	}
}

// digestFind hashes everything Find and Key(…, 8) return for doc, floats
// by their bits.
func digestFind(doc *text.Doc) string {
	h := sha256.New()
	ents := Find(doc)
	for _, e := range ents {
		fmt.Fprintf(h, "%q %q %q %q %x %v %t\n", e.Name, e.Kind, e.Role, e.Aliases,
			math.Float64bits(e.Salience), e.Mentions, e.lead)
	}
	fmt.Fprintln(h, "key")
	for _, e := range Key(ents, 8) {
		fmt.Fprintf(h, "%q\n", e.Name)
	}
	return sum(h)
}

func sum(h hash.Hash) string { return fmt.Sprintf("%x", h.Sum(nil)) }
