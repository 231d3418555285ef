package build

import (
	"context"
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
	write(t, dir, ".brief-cache/briefings.json", "{not json")
	res, err = Build(ctx, opts(dir))
	if err != nil || res.Analysed != 2 || !strings.Contains(strings.Join(res.Warnings, "\n"), "unreadable") {
		t.Errorf("corrupt cache: analysed %d, warnings %v, err %v", res.Analysed, res.Warnings, err)
	}
	if res, _ = Build(ctx, opts(dir)); res.Analysed != 0 {
		t.Errorf("cache not rewritten after corruption: analysed %d", res.Analysed)
	}
}
