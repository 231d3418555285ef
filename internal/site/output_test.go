package site

import (
	"os"
	"path/filepath"
	"testing"
)

func TestInPlace(t *testing.T) {
	dir := t.TempDir()
	memo := &Memo{}
	build := func(files map[string]string) output {
		t.Helper()
		out, err := newOutput(dir, "public", memo)
		if err != nil {
			t.Fatal(err)
		}
		defer out.cleanup()
		for n, d := range files {
			if err := write(out, n, []byte(d)); err != nil {
				t.Fatal(err)
			}
		}
		if err := out.commit(); err != nil {
			t.Fatal(err)
		}
		return out
	}
	if _, ok := build(map[string]string{"a/index.html": "A", "b/index.html": "B", "c/x/index.html": "C"}).(*stage); !ok {
		t.Fatal("the first build is not staged")
	}
	pub := filepath.Join(dir, "public")
	b0, _ := os.Stat(filepath.Join(pub, "b/index.html"))
	out := build(map[string]string{"a/index.html": "A2", "b/index.html": "B"})
	if _, ok := out.(*inPlace); !ok {
		t.Fatal("the second build is not in place")
	}
	if got, _ := os.ReadFile(filepath.Join(pub, "a/index.html")); string(got) != "A2" {
		t.Errorf("a = %q", got)
	}
	if b1, _ := os.Stat(filepath.Join(pub, "b/index.html")); !os.SameFile(b0, b1) {
		t.Error("an unchanged file was rewritten")
	}
	if _, err := os.Stat(filepath.Join(pub, "c")); err == nil {
		t.Error("a file no longer built, and its empty folders, were not removed")
	}
	// Another program replaces the folder: the next build must not trust
	// what it remembers.
	os.Rename(pub, pub+".moved")
	os.MkdirAll(pub, 0o755)
	if _, ok := build(map[string]string{"a/index.html": "A3"}).(*stage); !ok {
		t.Error("a replaced output folder was updated in place")
	}
}
