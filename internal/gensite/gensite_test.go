package gensite

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"brief/internal/article"
	"brief/internal/build"
)

func corpus(t testing.TB) *Corpus {
	dir := filepath.Join("..", "..", "..", "shared", "corpus")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("no shared corpus:", err)
	}
	c, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestArticles checks that generated articles are deterministic, parse as
// articles with the headers written, vary, and have unique slugs.
func TestArticles(t *testing.T) {
	c := corpus(t)
	if len(c.Sources) < 100 {
		t.Fatalf("%d sources", len(c.Sources))
	}
	slugs := map[string]string{}
	bodies := map[string]bool{}
	for i := range 3000 {
		f := c.Article(i, DefaultSeed)
		if g := c.Article(i, DefaultSeed); g.Path != f.Path || !bytes.Equal(g.Data, f.Data) {
			t.Fatalf("article %d differs between two calls", i)
		}
		a, err := article.Parse("content/articles/"+f.Path, f.Data)
		if err != nil {
			t.Fatalf("article %d: %v\n%s", i, err, f.Data)
		}
		if a.Title == "" || a.TitleDerived || a.Date.Format("2006-01-02") != f.Path[5:15] {
			t.Errorf("%s: title %q (derived %v), date %s", f.Path, a.Title, a.TitleDerived, a.Date)
		}
		if a.Source == "Wikinews" && (a.License != "CC BY 2.5" || !strings.HasPrefix(a.URL, "http")) {
			t.Errorf("%s: source %q licence %q url %q", f.Path, a.Source, a.License, a.URL)
		}
		slug := build.Slug(f.Path, a.Title)
		if prev, ok := slugs[slug]; ok {
			t.Fatalf("slug %q of %s and %s", slug, f.Path, prev)
		}
		slugs[slug] = f.Path
		bodies[string(f.Data[a.Body:])] = true
	}
	if len(bodies) < 2900 {
		t.Errorf("only %d different bodies in 3000 articles", len(bodies))
	}
	if c.Article(5, DefaultSeed).Path == c.Article(5, DefaultSeed+1).Path {
		t.Errorf("the seed does not change article 5")
	}
}

func TestWrite(t *testing.T) {
	c := corpus(t)
	dir := t.TempDir()
	paths, err := Write(dir, c, 50, DefaultSeed)
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) != 50 {
		t.Fatalf("%d paths", len(paths))
	}
	for _, p := range append(paths, "site.toml") {
		if _, err := os.Stat(filepath.Join(dir, p)); err != nil {
			t.Error(err)
		}
	}
}
