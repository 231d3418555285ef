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
}
