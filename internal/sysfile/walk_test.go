package sysfile

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"testing"
)

// tree makes a folder of nested folders and files, a link, an empty
// folder and a .git folder, and returns it.
func tree(t testing.TB, folders int) string {
	dir := t.TempDir()
	for i := range folders {
		d := filepath.Join(dir, "briefings", "b"+strconv.Itoa(i))
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, f := range []string{"index.html", "index.json", "index.md"} {
			if err := os.WriteFile(filepath.Join(d, f), []byte(f+strconv.Itoa(i)), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, d := range []string{".git/objects", "empty"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{"index.html", ".git/HEAD", ".git/objects/ab"} {
		if err := os.WriteFile(filepath.Join(dir, f), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Link(filepath.Join(dir, "index.html"), filepath.Join(dir, "linked.html")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("index.html", filepath.Join(dir, "symlink")); err != nil {
		t.Fatal(err)
	}
	return dir
}

// Walk finds what filepath.WalkDir and Lstat find, and skips what enter
// refuses.
func TestWalk(t *testing.T) {
	dir := tree(t, 20)
	want := map[string]Entry{}
	var entered []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == dir {
			return err
		}
		rel := filepath.ToSlash(p[len(dir)+1:])
		if d.IsDir() {
			if rel == ".git" {
				return fs.SkipDir
			}
			entered = append(entered, rel)
			return nil
		}
		st, err := os.Lstat(p)
		if err != nil {
			t.Fatal(err)
		}
		e := Entry{Rel: rel, Regular: st.Mode().IsRegular(), Size: st.Size(), ModTime: st.ModTime().UnixNano(), Nlink: 1}
		if runtime.GOOS == "linux" {
			e.Ino, e.Nlink = ino(st), nlink(st)
		}
		want[rel] = e
		return nil
	})
	got := map[string]Entry{}
	var gotEntered []string
	Walk(dir, func(rel string) bool {
		if rel == ".git" {
			return false
		}
		gotEntered = append(gotEntered, rel)
		return true
	}, func(e Entry) {
		if _, dup := got[e.Rel]; dup {
			t.Errorf("%s twice", e.Rel)
		}
		got[e.Rel] = e
	})
	for rel, w := range want {
		if g, ok := got[rel]; !ok {
			t.Errorf("%s not found", rel)
		} else if g != w {
			t.Errorf("%s: got %+v, want %+v", rel, g, w)
		}
	}
	for rel := range got {
		if _, ok := want[rel]; !ok {
			t.Errorf("%s found, not in the tree (or under .git)", rel)
		}
	}
	slices.Sort(entered)
	slices.Sort(gotEntered)
	if !slices.Equal(entered, gotEntered) {
		t.Errorf("entered %v, want %v", gotEntered, entered)
	}
	if runtime.GOOS == "linux" {
		if got["linked.html"].Nlink != 2 || got["symlink"].Regular || !got["index.html"].Regular {
			t.Errorf("links: linked.html %+v, symlink %+v", got["linked.html"], got["symlink"])
		}
	}
	if len(got) != 20*3+3 {
		t.Errorf("%d files, want %d", len(got), 20*3+3)
	}
	Walk(filepath.Join(dir, "missing"), func(string) bool { return true }, func(e Entry) { t.Errorf("found %s in a missing folder", e.Rel) })
}

// The spare's walk at 10k lists 13,500 folders and 34,000 files.
func BenchmarkWalk(b *testing.B) {
	dir := tree(b, 1000)
	b.Run("sysfile", func(b *testing.B) {
		for b.Loop() {
			n := 0
			Walk(dir, func(string) bool { return true }, func(Entry) { n++ })
		}
	})
	b.Run("WalkDir", func(b *testing.B) {
		for b.Loop() {
			n := 0
			filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
				if err == nil && !d.IsDir() {
					if _, err := d.Info(); err == nil {
						n++
					}
				}
				return nil
			})
		}
	})
}
