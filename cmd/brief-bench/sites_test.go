package main

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// coldReset moves what a build leaves out of the site, to a trash folder
// beside it that empty removes; the articles stay.
func TestColdResetMovesAside(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "n10")
	left := []string{"content/briefings/a.md", ".brief-cache/analyses.bin", "public/index.html", ".public.spare/index.html"}
	for _, f := range append([]string{"site.toml", "content/articles/a.txt"}, left...) {
		p := filepath.Join(dir, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(`title = "t"`+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	bin := &trash{}
	if err := coldReset(dir, bin); err != nil {
		t.Fatal(err)
	}
	for _, f := range left {
		if _, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(f))); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s still in the site: %v", f, err)
		}
	}
	if _, err := os.Lstat(filepath.Join(dir, "content", "articles", "a.txt")); err != nil {
		t.Errorf("the article: %v", err)
	}
	ents, err := os.ReadDir(filepath.Join(parent, ".brief-bench-trash"))
	if err != nil || len(ents) != 4 {
		t.Fatalf("trash holds %d entries (%v), want the 4 folders moved", len(ents), err)
	}
	// A second reset has nothing to move.
	if err := coldReset(dir, bin); err != nil {
		t.Fatal(err)
	}
	bin.empty()
	if _, err := os.Lstat(filepath.Join(parent, ".brief-bench-trash")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("trash not emptied: %v", err)
	}
}
