package watch

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// deadline bounds every wait; generous, since it is never reached when the
// code works.
const deadline = 10 * time.Second

// site makes a folder tree from path → content ("" content with a trailing
// slash means a folder) and returns its absolute root.
func site(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	root, err := filepath.EvalSymlinks(root)
	if err != nil {
		t.Fatal(err)
	}
	for name, body := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if strings.HasSuffix(name, "/") {
			mkdir(t, p)
			continue
		}
		mkdir(t, filepath.Dir(p))
		write(t, p, body)
	}
	return root
}

func mkdir(t *testing.T, p string) {
	t.Helper()
	if err := os.MkdirAll(p, 0o755); err != nil {
		t.Fatal(err)
	}
}

func write(t *testing.T, p, body string) {
	t.Helper()
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

type harness struct {
	t    *testing.T
	w    *Watcher
	root string
	log  *syncBuffer
	n    int // sentinels written
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// start watches root (or roots relative to it) with test-friendly options.
func start(t *testing.T, root string, opts Options) *harness {
	t.Helper()
	if len(opts.Roots) == 0 {
		opts.Roots = []string{root}
	}
	for i, r := range opts.Roots {
		if !filepath.IsAbs(r) {
			opts.Roots[i] = filepath.Join(root, r)
		}
	}
	for i, r := range opts.Exclude {
		if !filepath.IsAbs(r) {
			opts.Exclude[i] = filepath.Join(root, r)
		}
	}
	if opts.Debounce == 0 {
		opts.Debounce = 100 * time.Millisecond
	}
	log := &syncBuffer{}
	if opts.Log == nil {
		opts.Log = log
	}
	w, err := New(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	go func() {
		for err := range w.Errors() {
			t.Logf("watch error: %v", err)
		}
	}()
	return &harness{t: t, w: w, root: root, log: log}
}

func (h *harness) path(rel string) string { return filepath.Join(h.root, filepath.FromSlash(rel)) }

// next waits for one batch.
func (h *harness) next() Batch {
	h.t.Helper()
	select {
	case b, ok := <-h.w.Batches():
		if !ok {
			h.t.Fatal("watcher stopped")
		}
		return b
	case <-time.After(deadline):
		h.t.Fatal("no batch within the deadline")
	}
	return Batch{}
}

// until collects batches until every path in want was reported, and
// returns the union of what was reported, relative to the root.
func (h *harness) until(want ...string) []string {
	h.t.Helper()
	seen := map[string]bool{}
	missing := func() bool {
		for _, p := range want {
			if !seen[p] {
				return true
			}
		}
		return false
	}
	for missing() {
		b := h.next()
		h.t.Logf("batch %+v", b)
		if b.Full {
			h.t.Fatalf("unexpected full batch while waiting for %v", want)
		}
		for _, p := range b.Paths {
			rel, err := filepath.Rel(h.root, p)
			if err != nil {
				h.t.Fatal(err)
			}
			seen[filepath.ToSlash(rel)] = true
		}
	}
	out := make([]string, 0, len(seen))
	for p := range seen {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// expect writes a sentinel file in dir (relative to the root), waits for
// it, and checks that exactly want plus the sentinel were reported on the
// way. Whatever was done before the sentinel has been seen by then: the
// kernel delivers events in order.
func (h *harness) expect(dir string, want ...string) {
	h.t.Helper()
	h.n++
	sentinel := path.Join(dir, fmt.Sprintf("zz-sentinel-%d.txt", h.n))
	write(h.t, h.path(sentinel), fmt.Sprint(h.n))
	want = append(want, sentinel)
	sort.Strings(want)
	if got := h.until(sentinel); !slices.Equal(got, want) {
		h.t.Fatalf("reported %q, want %q", got, want)
	}
}

func TestEdit(t *testing.T) {
	root := site(t, map[string]string{"content/a.txt": "one", "content/b.txt": "two"})
	h := start(t, root, Options{})
	write(t, h.path("content/a.txt"), "one, edited")
	h.expect("content", "content/a.txt")
	// The same size again: decided by content, not by size or time.
	write(t, h.path("content/a.txt"), "one, EDITED")
	h.expect("content", "content/a.txt")
}

func TestSaveByRenameOverOriginal(t *testing.T) {
	root := site(t, map[string]string{"content/a.txt": "one"})
	h := start(t, root, Options{})
	tmp := h.path("content/.a.txt.tmp-123")
	write(t, tmp, "one, saved atomically")
	if err := os.Rename(tmp, h.path("content/a.txt")); err != nil {
		t.Fatal(err)
	}
	h.expect("content", "content/a.txt")
}

func TestSaveVimStyle(t *testing.T) {
	root := site(t, map[string]string{"content/a.txt": "one"})
	h := start(t, root, Options{})
	a := h.path("content/a.txt")
	vimSave(t, h, a)
	h.expect("content", "content/a.txt")
}

// vimSave saves a (content/a.txt) as vim does with backupcopy=no: a probe
// file, the original renamed to a backup, a new file written, the backup
// deleted; plus its swap file.
func vimSave(t *testing.T, h *harness, a string) {
	t.Helper()
	write(t, h.path("content/4913"), "")
	os.Remove(h.path("content/4913"))
	write(t, h.path("content/.a.txt.swp"), "swap")
	if err := os.Rename(a, a+"~"); err != nil {
		t.Fatal(err)
	}
	write(t, a, "one, saved by vim")
	os.Remove(a + "~")
}

// TestSingleEndsABatchOfOneFile: with a debounce no test would outwait,
// an editor's save of one file (vim's, with its probe, swap and backup
// files) still ends its batch, after Single.
func TestSingleEndsABatchOfOneFile(t *testing.T) {
	root := site(t, map[string]string{"content/a.txt": "one"})
	h := start(t, root, Options{Debounce: time.Hour, Single: 10 * time.Millisecond})
	a := h.path("content/a.txt")
	vimSave(t, h, a)
	if b := h.next(); b.Full || !slices.Equal(b.Paths, []string{a}) || b.Since.IsZero() {
		t.Errorf("batch %+v, want %s", b, a)
	}
}

func TestTouchWithoutChangeIsDropped(t *testing.T) {
	root := site(t, map[string]string{"content/a.txt": "one"})
	h := start(t, root, Options{})
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(h.path("content/a.txt"), later, later); err != nil {
		t.Fatal(err)
	}
	write(t, h.path("content/a.txt"), "one") // rewritten, same bytes
	h.expect("content")
}

func TestTempFileNoiseIgnored(t *testing.T) {
	root := site(t, map[string]string{"content/a.txt": "one"})
	h := start(t, root, Options{})
	for _, name := range []string{
		".a.txt.swp", ".a.txt.swx", "A.TXT.SWP", "a.txt~", "4913", ".#a.txt", "#a.txt#",
		"a.txt___jb_tmp___", "a.txt___jb_old___", ".goutputstream-XYZ123", ".DS_Store",
	} {
		write(t, h.path("content/"+name), "noise")
	}
	h.expect("content")
}

func TestNewFolderWithFile(t *testing.T) {
	root := site(t, map[string]string{"content/a.txt": "one"})
	h := start(t, root, Options{})
	mkdir(t, h.path("content/new/deep/er"))
	write(t, h.path("content/new/deep/er/x.txt"), "x")
	h.expect("content", "content/new/deep/er/x.txt")
	// The new folders are watched now.
	write(t, h.path("content/new/deep/er/y.txt"), "y")
	h.expect("content/new/deep/er", "content/new/deep/er/y.txt")
}

func TestFolderMovedIn(t *testing.T) {
	root := site(t, map[string]string{
		"content/a.txt":       "one",
		"outside/b/c.txt":     "c",
		"outside/b/d/e.txt":   "e",
		"outside/b/.f.txt~":   "backup",
		"outside/b/.git/HEAD": "ref",
	})
	h := start(t, root, Options{Roots: []string{"content"}})
	if err := os.Rename(h.path("outside/b"), h.path("content/b")); err != nil {
		t.Fatal(err)
	}
	h.expect("content", "content/b/c.txt", "content/b/d/e.txt")
	write(t, h.path("content/b/d/g.txt"), "g")
	h.expect("content/b/d", "content/b/d/g.txt")
}

func TestDelete(t *testing.T) {
	root := site(t, map[string]string{
		"content/a.txt":     "one",
		"content/d/x.txt":   "x",
		"content/d/e/y.txt": "y",
	})
	h := start(t, root, Options{})
	os.Remove(h.path("content/a.txt"))
	h.expect("content", "content/a.txt")

	if err := os.RemoveAll(h.path("content/d")); err != nil {
		t.Fatal(err)
	}
	h.expect("content", "content/d/e/y.txt", "content/d/x.txt")

	// Recreated under the same name: watched again.
	mkdir(t, h.path("content/d"))
	write(t, h.path("content/d/z.txt"), "z")
	h.expect("content", "content/d/z.txt")
	write(t, h.path("content/d/w.txt"), "w")
	h.expect("content/d", "content/d/w.txt")
}

func TestFolderMovedOut(t *testing.T) {
	root := site(t, map[string]string{"content/d/x.txt": "x", "content/d/e/y.txt": "y"})
	h := start(t, root, Options{Roots: []string{"content"}})
	if err := os.Rename(h.path("content/d"), h.path("elsewhere")); err != nil {
		t.Fatal(err)
	}
	h.expect("content", "content/d/e/y.txt", "content/d/x.txt")
	// Changes in the moved-out folder are not reported.
	write(t, h.path("elsewhere/e/y.txt"), "changed")
	h.expect("content")
}

func TestExcludedFoldersNeverWatched(t *testing.T) {
	root := site(t, map[string]string{
		"a.txt":                    "one",
		"public/index.html":        "out",
		".git/HEAD":                "ref",
		"node_modules/x/y.js":      "js",
		".brief-cache/k":           "cache",
		".brief-staging-1/p.html":  "stage",
		"content/.git/objects/x":   "x",
		"content/sub/public/z.txt": "not the output folder: watched",
	})
	h := start(t, root, Options{Exclude: []string{"public"}})
	write(t, h.path("public/index.html"), "out 2")
	write(t, h.path(".git/HEAD"), "ref 2")
	write(t, h.path("node_modules/x/y.js"), "js 2")
	write(t, h.path(".brief-cache/k"), "cache 2")
	write(t, h.path("content/.git/objects/x"), "x 2")
	mkdir(t, h.path(".brief-staging-2/briefings"))
	write(t, h.path(".brief-staging-2/briefings/index.html"), "stage 2")
	// The builder's swap: staging renamed into place.
	if err := os.Rename(h.path("public"), h.path(".brief-staging-old")); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(h.path(".brief-staging-2"), h.path("public")); err != nil {
		t.Fatal(err)
	}
	write(t, h.path("content/sub/public/z.txt"), "changed")
	h.expect(".", "content/sub/public/z.txt")

	h.w.Close()
	for d := range h.w.s.dirs {
		rel, _ := filepath.Rel(root, d)
		for _, c := range strings.Split(rel, string(filepath.Separator)) {
			if c == "public" && !strings.HasPrefix(rel, "content") || ExcludedDir(c) {
				t.Errorf("folder %s is watched", rel)
			}
		}
	}
}

func TestFileRootThroughItsFolder(t *testing.T) {
	root := site(t, map[string]string{"site.toml": "title = 'a'", "notes.txt": "n", "content/a.txt": "one"})
	h := start(t, root, Options{Roots: []string{"content", "site.toml"}})
	write(t, h.path("notes.txt"), "not watched")
	write(t, h.path("site.toml"), "title = 'b'")
	h.expect("content", "site.toml")

	tmp := h.path("site.toml.new")
	write(t, tmp, "title = 'c'")
	if err := os.Rename(tmp, h.path("site.toml")); err != nil {
		t.Fatal(err)
	}
	h.expect("content", "site.toml")

	os.Remove(h.path("site.toml"))
	h.expect("content", "site.toml")
	write(t, h.path("site.toml"), "title = 'd'")
	h.expect("content", "site.toml")
}

func TestMissingRootAppears(t *testing.T) {
	root := site(t, map[string]string{"content/a.txt": "one"})
	h := start(t, root, Options{Roots: []string{"content", "data"}})
	mkdir(t, h.path("data/x"))
	write(t, h.path("data/x/v.json"), "{}")
	h.expect("content", "data/x/v.json")
	write(t, h.path("data/x/w.json"), "{}")
	h.expect("data/x", "data/x/w.json")
}

func TestManyFilesAtOnceAreOneOrTwoBatches(t *testing.T) {
	files := map[string]string{}
	for i := range 500 {
		files[fmt.Sprintf("content/d%d/f%03d.txt", i%10, i)] = "old"
	}
	root := site(t, files)
	h := start(t, root, Options{})
	for name := range files {
		write(t, h.path(name), "new, as after a branch switch")
	}
	// Wait until the storm is covered (a full batch, or all 500 paths).
	storm := 0
	seen := map[string]bool{}
	for full := false; !full && len(seen) < 500; {
		b := h.next()
		storm++
		t.Logf("storm batch: full=%v, %d paths", b.Full, len(b.Paths))
		full = b.Full
		for _, p := range b.Paths {
			seen[p] = true
		}
	}
	// Anything left of the storm comes no later than a sentinel.
	sentinel := h.path("content/zz-sentinel.txt")
	write(t, sentinel, "s")
	for {
		b := h.next()
		if !b.Full && slices.Equal(b.Paths, []string{sentinel}) {
			break
		}
		storm++
		if b.Full || slices.Contains(b.Paths, sentinel) {
			break
		}
	}
	t.Logf("500 changed files: %d batch(es)", storm)
	if storm > 2 {
		t.Errorf("500 changed files made %d batches, want 1 or 2", storm)
	}
}

func TestStormStillYieldsBatches(t *testing.T) {
	root := site(t, map[string]string{"content/a.txt": "0"})
	h := start(t, root, Options{Debounce: 200 * time.Millisecond, MaxWait: 400 * time.Millisecond})
	var stop, running atomic.Bool
	running.Store(true)
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer running.Store(false)
		for i := 0; !stop.Load() && i < 2000; i++ { // at most ~20s
			os.WriteFile(h.path("content/a.txt"), []byte(fmt.Sprint(i)), 0o644)
			time.Sleep(10 * time.Millisecond)
		}
	}()
	b := h.next()
	stillRunning := running.Load()
	stop.Store(true)
	<-done
	if !stillRunning {
		t.Fatal("no batch while the storm went on")
	}
	if len(b.Paths) != 1 {
		t.Errorf("batch %+v, want content/a.txt", b)
	}
}

func TestPolling(t *testing.T) {
	root := site(t, map[string]string{"content/a.txt": "one", "site.toml": "x = 1"})
	h := start(t, root, Options{Poll: true, PollInterval: 20 * time.Millisecond, Roots: []string{"content", "site.toml"}})
	if !h.w.Polling() {
		t.Fatal("not polling")
	}
	write(t, h.path("content/a.txt"), "one, edited")
	h.expect("content", "content/a.txt")
	mkdir(t, h.path("content/new"))
	write(t, h.path("content/new/b.txt"), "b")
	write(t, h.path("content/new/b.txt~"), "backup")
	h.expect("content", "content/new/b.txt")
	os.RemoveAll(h.path("content/new"))
	h.expect("content", "content/new/b.txt")
	write(t, h.path("site.toml"), "x = 2")
	h.expect("content", "site.toml")
}

func TestFallbackWhenWatchesRunOut(t *testing.T) {
	root := site(t, map[string]string{"content/a/x.txt": "x", "content/b/y.txt": "y", "content/c/z.txt": "z"})
	h := start(t, root, Options{Roots: []string{"content"}, PollInterval: 20 * time.Millisecond, watchLimit: 2})
	if !h.w.Polling() {
		t.Fatal("did not fall back to polling")
	}
	write(t, h.path("content/c/z.txt"), "z, edited")
	h.expect("content", "content/c/z.txt")
	log := h.log.String()
	if n := strings.Count(log, "sudo sysctl fs.inotify.max_user_watches=524288"); n != 1 {
		t.Errorf("advice printed %d times:\n%s", n, log)
	}
	if !strings.Contains(log, "/etc/sysctl.d/") {
		t.Errorf("no advice to make it permanent:\n%s", log)
	}
}

func TestFallbackWhenNewFolderExhaustsWatches(t *testing.T) {
	root := site(t, map[string]string{"content/a.txt": "one"})
	h := start(t, root, Options{Roots: []string{"content"}, PollInterval: 20 * time.Millisecond, watchLimit: 2})
	if h.w.Polling() {
		t.Fatal("polling from the start")
	}
	mkdir(t, h.path("content/n1/n2"))
	write(t, h.path("content/n1/n2/x.txt"), "x")
	h.expect("content", "content/n1/n2/x.txt")
	if !h.w.Polling() {
		t.Fatal("did not fall back to polling")
	}
	write(t, h.path("content/n1/n2/x.txt"), "x, edited")
	h.expect("content/n1", "content/n1/n2/x.txt")
	if n := strings.Count(h.log.String(), "brief: the inotify watch limit is reached"); n != 1 {
		t.Errorf("advice printed %d times:\n%s", n, h.log.String())
	}
}

func TestCloseClosesChannels(t *testing.T) {
	root := site(t, map[string]string{"a.txt": "one"})
	ctx, cancel := context.WithCancel(context.Background())
	w, err := New(ctx, Options{Roots: []string{root}})
	if err != nil {
		t.Fatal(err)
	}
	cancel()
	select {
	case _, ok := <-w.Batches():
		if ok {
			t.Fatal("batch after cancel")
		}
	case <-time.After(deadline):
		t.Fatal("Batches not closed after the context was cancelled")
	}
	w.Close()
	w.Close()
}

func TestNoRoots(t *testing.T) {
	if _, err := New(context.Background(), Options{}); err == nil {
		t.Fatal("no error without roots")
	}
}

func TestAcceptedWritesAreNotReported(t *testing.T) {
	root := site(t, map[string]string{"content/articles/a.txt": "one", "content/briefings/a.md": "brief one"})
	h := start(t, root, Options{Roots: []string{"content"}})
	// An edit, then the builder's own write of the briefing, accepted.
	write(t, h.path("content/articles/a.txt"), "one, edited")
	write(t, h.path("content/briefings/a.md"), "brief one, regenerated")
	h.w.Accept(h.path("content/briefings/a.md"))
	h.expect("content", "content/articles/a.txt")
	// A later hand edit of the briefing is reported.
	write(t, h.path("content/briefings/a.md"), "brief one, edited by hand")
	h.expect("content", "content/briefings/a.md")
	// Accepting a folder takes everything in it.
	write(t, h.path("content/briefings/b.md"), "brief two")
	h.w.Accept(h.path("content/briefings"))
	h.expect("content")
}

func TestAcceptDropsFromTheWaitingBatch(t *testing.T) {
	root := site(t, map[string]string{"content/articles/a.txt": "one", "content/briefings/a.md": "brief one"})
	h := start(t, root, Options{Roots: []string{"content"}, Debounce: 20 * time.Millisecond})
	// A build in progress: the receiver is not reading, the briefing it
	// wrote is flushed into the waiting batch along with an article edit.
	write(t, h.path("content/briefings/a.md"), "brief one, regenerated")
	write(t, h.path("content/articles/a.txt"), "one, edited meanwhile")
	waitUntil(t, "both flushed into the waiting batch", func() bool { return h.w.accept(nil) == 2 })
	h.w.Accept(h.path("content/briefings/a.md"))
	h.expect("content", "content/articles/a.txt")
}

// waitUntil polls cond until it holds, failing after the deadline.
func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	end := time.Now().Add(deadline)
	for !cond() {
		if time.Now().After(end) {
			t.Fatalf("timed out waiting until %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestRootThroughASymbolicLink(t *testing.T) {
	root := site(t, map[string]string{"real/content/a.txt": "one"})
	if err := os.Symlink(filepath.Join(root, "real", "content"), filepath.Join(root, "content")); err != nil {
		t.Fatal(err)
	}
	h := start(t, root, Options{Roots: []string{"content"}})
	write(t, h.path("content/a.txt"), "one, edited")
	mkdir(t, h.path("content/new"))
	write(t, h.path("content/new/b.txt"), "b")
	h.expect("content", "content/a.txt", "content/new/b.txt")
}
