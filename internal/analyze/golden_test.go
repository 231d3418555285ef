package analyze

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"brief/internal/article"
	"brief/internal/entity"
	"brief/internal/figure"
	"brief/internal/quote"
	"brief/internal/timeline"
)

var update = flag.Bool("update", false, "rewrite testdata/golden.txt")

const goldenFile = "testdata/golden.txt"

// TestGolden guards the exact output of article.Parse and Run: one sha256
// per file of the article's fields and of the JSON of its Analysis with
// the fields JSON leaves out (key actors, timeline granularity, quotes and
// figures in full). The files are every article of the shared corpus, the
// plain texts of the timex evaluation and the CNN/DailyMail dev articles
// (their texts only, never their annotations), so that changes made for
// speed can be shown to change nothing. Run with -update to record new
// digests after a change that is meant to change results.
func TestGolden(t *testing.T) {
	shared := filepath.Join("..", "..", "..", "shared")
	files, _ := filepath.Glob(filepath.Join(shared, "corpus", "*", "*.txt"))
	if len(files) == 0 {
		t.Skip("shared corpus absent")
	}
	plain, _ := filepath.Glob(filepath.Join(shared, "eval", "timex", "*", "plain", "*.txt"))
	files = append(files, plain...)
	var got []string
	for _, p := range files {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(shared, p)
		got = append(got, rel+" "+digestRun(t, filepath.ToSlash(rel), src))
	}
	if f, err := os.Open(filepath.Join(shared, "eval", "summary", "cnndm-dev.jsonl")); err == nil {
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<24)
		for sc.Scan() {
			var r struct{ ID, Date, Article string }
			if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
				t.Fatal(err)
			}
			src := []byte("date " + r.Date + "\n\n" + r.Article)
			got = append(got, "cnndm/"+r.ID+" "+digestRun(t, r.ID+".txt", src))
		}
		f.Close()
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
	b, err := os.ReadFile(goldenFile)
	if err != nil {
		t.Fatalf("%v (run with -update to record)", err)
	}
	for _, line := range strings.Split(string(bytes.TrimSpace(b)), "\n") {
		if name, d, ok := strings.Cut(line, " "); ok {
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

// digestRun hashes the parsed article and everything Run returns for it.
func digestRun(t *testing.T, path string, src []byte) string {
	a, err := article.Parse(path, src)
	if err != nil {
		return "error " + strings.ReplaceAll(err.Error(), " ", "_")
	}
	an := Run(a, Options{})
	full := struct {
		Article    *article.Article
		Analysis   *Analysis
		Key        []entity.Entity
		Events     []timeline.Event
		QuoteList  []quote.Quote
		FigureList []figure.Figure
	}{a, an, an.Key, an.Events, an.QuoteList, an.FigureList}
	b, err := json.Marshal(full)
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%x", sha256.Sum256(b))
}
