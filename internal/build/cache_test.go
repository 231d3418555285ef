package build

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestCache(t *testing.T) {
	dir := testSite(t, "basic.txtar")
	ctx := context.Background()
	res, err := Build(ctx, opts(dir))
	if err != nil || res.Analysed != 2 {
		t.Fatalf("cold build analysed %d (%v)", res.Analysed, err)
	}
	page := filepath.Join(dir, "public/briefings/apple/index.html")
	before, _ := os.Stat(page)
	time.Sleep(10 * time.Millisecond) // let a rewritten file get a new mtime
	if res, _ = Build(ctx, opts(dir)); res.Analysed != 0 || res.Kept != 2 {
		t.Errorf("warm build analysed %d, kept %d", res.Analysed, res.Kept)
	}
	if after, _ := os.Stat(page); !after.ModTime().Equal(before.ModTime()) {
		t.Error("an unchanged page was rewritten")
	}
	write(t, dir, "content/articles/2021-06-29-apple.txt", strings.Replace(read(t, dir, "content/articles/2021-06-29-apple.txt"), "new phone", "new tablet", 1))
	if res, _ = Build(ctx, opts(dir)); res.Analysed != 1 || res.Generated != 1 {
		t.Errorf("one edit: analysed %d, generated %d", res.Analysed, res.Generated)
	}
	// A briefing changed behind the cache's back (not a hand edit: the
	// hash line matches) is regenerated, not trusted.
	os.Remove(filepath.Join(dir, "content/briefings/strikes-in-iraq.md"))
	if res, _ = Build(ctx, opts(dir)); res.Analysed != 1 {
		t.Errorf("deleted briefing: analysed %d", res.Analysed)
	}
	write(t, dir, ".brief-cache/briefings.bin", cacheMagic+"\x03\x09garbage")
	res, err = Build(ctx, opts(dir))
	if err != nil || res.Analysed != 2 || !strings.Contains(strings.Join(res.Warnings, "\n"), "unreadable") {
		t.Errorf("corrupt cache: analysed %d, warnings %v, err %v", res.Analysed, res.Warnings, err)
	}
	if res, _ = Build(ctx, opts(dir)); res.Analysed != 0 {
		t.Errorf("cache not rewritten after corruption: analysed %d", res.Analysed)
	}
}

// TestCorruptState: every cache file of .brief-cache garbled, truncated
// or from another version: the build is still exactly a clean build.
func TestCorruptState(t *testing.T) {
	dir := testSite(t, "basic.txtar")
	ctx := context.Background()
	for range 2 { // the second build leaves a spare and its state
		if _, err := Build(ctx, opts(dir)); err != nil {
			t.Fatal(err)
		}
	}
	want := tree(t, filepath.Join(dir, "public"))
	files, _ := filepath.Glob(filepath.Join(dir, CacheDir, "*"))
	if len(files) < 3 {
		t.Fatalf("cache files: %v", files)
	}
	for i, garble := range []func([]byte) []byte{
		func(b []byte) []byte { return b[:len(b)/2] },
		func(b []byte) []byte { return []byte("not a cache") },
		func(b []byte) []byte { return nil },
	} {
		for _, f := range files {
			b, _ := os.ReadFile(f)
			os.WriteFile(f, garble(b), 0o644)
		}
		res, err := Build(ctx, opts(dir))
		if err != nil {
			t.Fatalf("garbled %d: %v", i, err)
		}
		if len(res.Errors) > 0 {
			t.Errorf("garbled %d: %v", i, res.Errors)
		}
		got := tree(t, filepath.Join(dir, "public"))
		if len(got) != len(want) {
			t.Errorf("garbled %d: %d files, want %d", i, len(got), len(want))
		}
		for n, h := range want {
			if got[n] != h {
				t.Errorf("garbled %d: %s differs", i, n)
			}
		}
	}
}

// syntheticCache is a cache of n entries shaped like a 10k site's: paths,
// slugs, hex sums, a fingerprint and file stats, a warning on one in ten.
func syntheticCache(n int) *cache {
	c := loadCache(os.TempDir()+"/no such site", &Result{}) // empty
	for i := range n {
		slug := fmt.Sprintf("internal-emails-expose-boeing-air-force-%d", i)
		file := fmt.Sprintf("content/articles/%d/%d-10-29-%s.txt", 1986+i%30, 1986+i%30, slug)
		art := sha256.Sum256([]byte(file))
		written := sha256.Sum256([]byte(slug))
		c.put(file, hex.EncodeToString(art[:]), slug, "cbc6fa1287ee16a650361829/3", written)
		var warnings []string
		if i%10 == 0 {
			warnings = []string{file + ":3: no date line; dated by the file name"}
		}
		c.seen(file, fmt.Sprintf("3uq:dnddxcafx%03x:dnddxcafx03b:4uvpd", i%4096), fmt.Sprintf("7wc:dndq8o61h%03x:dndq8o61hxh3:5ydxb", i%4096), warnings)
	}
	return c
}

// BenchmarkCacheLoad reads the analysis cache of 10,000 articles.
func BenchmarkCacheLoad(b *testing.B) {
	dir := b.TempDir()
	c := syntheticCache(10000)
	c.save(dir)
	b.ReportAllocs()
	for b.Loop() {
		var res Result
		if got := loadCache(dir, &res); len(got.Entries) != 10000 || len(res.Warnings) != 0 {
			b.Fatalf("loaded %d entries, %v", len(got.Entries), res.Warnings)
		}
	}
	if st, err := os.Stat(cachePath(dir)); err == nil {
		b.ReportMetric(float64(st.Size()), "file-bytes")
	}
}

// BenchmarkCacheSave writes the analysis cache of 10,000 articles.
func BenchmarkCacheSave(b *testing.B) {
	dir := b.TempDir()
	c := syntheticCache(10000)
	b.ReportAllocs()
	for b.Loop() {
		c.dirty = true
		c.save(dir)
	}
}

// removeTemps removes a killed build's temporary files and says whether
// the folder holds anything else (generate reads no briefing otherwise).
func TestRemoveTemps(t *testing.T) {
	for _, c := range []struct {
		name   string
		files  []string
		others bool
	}{
		{"missing", nil, false},
		{"empty", []string{}, false},
		{"temporary files only", []string{".a.md.1x2~", ".b.md.zz~"}, false},
		{"a briefing", []string{".a.md.1x2~", "a.md"}, true},
		{"a folder", []string{"sub/"}, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "briefings")
			if c.files != nil {
				if err := os.Mkdir(dir, 0o755); err != nil {
					t.Fatal(err)
				}
			}
			for _, f := range c.files {
				var err error
				if strings.HasSuffix(f, "/") {
					err = os.Mkdir(filepath.Join(dir, f), 0o755)
				} else {
					err = os.WriteFile(filepath.Join(dir, f), nil, 0o644)
				}
				if err != nil {
					t.Fatal(err)
				}
			}
			if got := removeTemps(dir); got != c.others {
				t.Errorf("removeTemps = %v, want %v", got, c.others)
			}
			ents, _ := os.ReadDir(dir)
			for _, e := range ents {
				if strings.HasSuffix(e.Name(), "~") {
					t.Errorf("%s left", e.Name())
				}
			}
		})
	}
}

// TestSaveAnalyses: a build with a memo leaves the analysis cache on disk
// as it was (brief serve saves it between builds, not while the browsers
// fetch what a build made); SaveAnalyses writes it, and Close what is
// left.
func TestSaveAnalyses(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "site.toml", "title = \"T\"\nbaseURL = \"https://example.org/\"\n")
	article := func(name, title string) {
		write(t, dir, "content/articles/"+name, title+"\n\nThe council met in Lyon on Tuesday, its chair Anne Roux said.\n")
	}
	var memo *Memo
	onDisk := func() int {
		memo.saving.Wait() // any save a build started in the background
		return len(loadCache(dir, &Result{}).Entries)
	}
	article("2021-06-27-a.txt", "First")
	memo = &Memo{}
	build1(t, dir, memo)
	if n := onDisk(); n != 0 {
		t.Fatalf("after the memo's first build, %d entries on disk, want 0 (not saved yet)", n)
	}
	memo.SaveAnalyses()
	memo.Close() // waits for the save in the background
	if n := onDisk(); n != 1 {
		t.Fatalf("after SaveAnalyses, %d entries on disk, want 1", n)
	}
	memo = &Memo{}
	build1(t, dir, memo)
	article("2021-06-28-b.txt", "Second")
	build1(t, dir, memo)
	if n := onDisk(); n != 1 {
		t.Errorf("after an edit, %d entries on disk, want 1 (not saved yet)", n)
	}
	memo.Close()
	if n := onDisk(); n != 2 {
		t.Errorf("after Close, %d entries on disk, want 2", n)
	}
}
