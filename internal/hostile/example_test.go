package hostile

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"brief/internal/build"
)

// TestExampleSite runs the same checks over the repository's own example
// site, built from a copy of content/articles and site.toml.
func TestExampleSite(t *testing.T) {
	root := filepath.Join("..", "..")
	dir := t.TempDir()
	n := 0
	err := filepath.WalkDir(filepath.Join(root, "content", "articles"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		data, err := os.ReadFile(p)
		if err == nil {
			write(t, dir, filepath.ToSlash(rel), string(data))
			n++
		}
		return err
	})
	if err != nil || n == 0 {
		t.Skipf("no example articles: %v", err)
	}
	if cfg, err := os.ReadFile(filepath.Join(root, "site.toml")); err == nil {
		write(t, dir, "site.toml", string(cfg))
	}
	res, err := build.Build(context.Background(), options(dir))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range res.Errors {
		t.Errorf("example article skipped: %v", e)
	}
	pages, known := checkTree(t, filepath.Join(dir, "public"))
	if pages < n {
		t.Errorf("%d briefing pages for %d articles", pages, n)
	}
	for _, k := range known {
		t.Errorf("example site: %s", k)
	}
	checkNoLeftovers(t, dir)
}
