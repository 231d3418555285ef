package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"brief/internal/gensite"
	"brief/internal/site"
)

// TestLargeSite builds a generated site of more briefings than the
// archive and the timeline show on one page, so that both are split into a
// page a year, and checks every link of the site.
func TestLargeSite(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses 1,100 articles")
	}
	c, err := gensite.Load(filepath.Join("..", "..", "..", "shared", "corpus"))
	if err != nil {
		t.Skip("no shared corpus:", err)
	}
	dir := t.TempDir()
	n := site.ArchiveMax + 100
	if _, err := gensite.Write(dir, c, n, gensite.DefaultSeed); err != nil {
		t.Fatal(err)
	}
	res := build1(t, dir, nil)
	if res.Articles != n {
		t.Fatalf("%d articles", res.Articles)
	}
	years, _ := filepath.Glob(filepath.Join(dir, "public", "archive", "[12][0-9][0-9][0-9]", "index.html"))
	tyears, _ := filepath.Glob(filepath.Join(dir, "public", "timeline", "[0-9]*", "index.html"))
	if len(years) < 2 || len(tyears) < 2 {
		t.Fatalf("archive split into %d years, timeline into %d", len(years), len(tyears))
	}
	index := read(t, dir, "public/archive/index.html")
	if !strings.Contains(index, `href="/archive/`+filepath.Base(filepath.Dir(years[0]))+`/"`) {
		t.Error("/archive/ does not link to its years")
	}
	findings, err := Check(opts(dir), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range findings {
		if f.Error {
			t.Errorf("check: %v", f)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "timeline", "index.html")); err != nil {
		t.Error(err)
	}

	// A build that keeps its model (brief serve) makes an actor's whole
	// timeline, to update it; the command line only the events shown.
	// Both pages are the same, and some actor has more events than shown.
	o := opts(dir)
	o.Memo, o.Output = &Memo{}, "kept"
	if _, err := Build(t.Context(), o); err != nil {
		t.Fatal(err)
	}
	defer o.Memo.Close()
	clean, kept := tree(t, filepath.Join(dir, "public")), tree(t, filepath.Join(dir, "kept"))
	more := false
	for name, sum := range clean {
		if strings.HasPrefix(name, "actors/") || strings.HasPrefix(name, "places/") {
			if kept[name] != sum {
				t.Errorf("%s: not the same with the model kept", name)
			}
			more = more || strings.Contains(read(t, dir, "public/"+name), "earlier ones are in the")
		}
	}
	if !more {
		t.Errorf("no actor has more than %d events: the test shows nothing", site.MaxActorEvents)
	}
}
