package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// events reads Server-Sent Events names from url into a channel.
func events(t *testing.T, ctx context.Context, url string) <-chan string {
	t.Helper()
	req, _ := http.NewRequestWithContext(ctx, "GET", url+"_brief/events", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	ch := make(chan string, 1000)
	go func() {
		defer resp.Body.Close()
		defer close(ch)
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if name, ok := strings.CutPrefix(sc.Text(), "event: "); ok {
				ch <- name
			}
		}
	}()
	return ch
}

// next waits for the next event other than hello, with a generous deadline.
func next(t *testing.T, ch <-chan string) string {
	t.Helper()
	for {
		select {
		case e, ok := <-ch:
			if !ok {
				t.Fatal("event stream closed")
			}
			if e != "hello" {
				return e
			}
		case <-time.After(20 * time.Second):
			t.Fatal("no event within 20s")
		}
	}
}

// testLog writes the server's output to the test log.
type testLog struct{ t *testing.T }

func (l testLog) Write(p []byte) (int, error) {
	l.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func put(t *testing.T, dir, name, body string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	os.MkdirAll(filepath.Dir(p), 0o755)
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestServeLiveReload(t *testing.T) {
	if testing.Short() {
		t.Skip("integration test")
	}
	dir := t.TempDir()
	put(t, dir, "site.toml", "title = \"Live\"\n")
	put(t, dir, "content/articles/2021-06-28-strikes.txt", "date 2021-06-28\ntitle Strikes\n\nThe US on Sunday said it had struck militia sites in Syria.\n")
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	url := fmt.Sprintf("http://%s/", l.Addr())
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- serveSite(ctx, l, siteServer{dir: dir, debounce: 20 * time.Millisecond}, testLog{t}, testLog{t})
	}()
	defer func() {
		cancel()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Error("serve did not stop")
		}
	}()
	deadline := time.Now().Add(20 * time.Second)
	for {
		// The first build's files are served before its reload event
		// goes out: wait for the event too (the page names the build it
		// is of, data-build="…-N", N counting the builds notified), so
		// that the stream below does not see it.
		code, body := get(t, url)
		if code == 200 && strings.Contains(body, "Strikes") && !strings.Contains(body, `-0" defer`) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("first build never served: %d %s", code, body)
		}
		time.Sleep(20 * time.Millisecond)
	}
	ev := events(t, ctx, url) // after the first build's reload, so it is not seen
	page := url + "briefings/strikes/"
	// Served pages carry the local address; they are built in a folder of
	// their own, so the one brief build deploys never holds them.
	if _, body := get(t, url); !strings.Contains(body, `href="`+url+`"`) {
		t.Errorf("the home page does not link the local address %s", url)
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); err == nil {
		t.Error("brief serve wrote public/")
	}
	if _, err := os.Stat(filepath.Join(dir, ".brief-cache", "serve", "index.html")); err != nil {
		t.Error(err)
	}

	t.Run("edit", func(t *testing.T) {
		put(t, dir, "content/articles/2021-06-28-strikes.txt", "date 2021-06-28\ntitle Strikes\n\nThe US on Sunday said it had struck militia sites in Iraq and Syria.\n")
		if e := next(t, ev); e != "reload" {
			t.Fatalf("event %q, want reload", e)
		}
		if _, body := get(t, page); !strings.Contains(body, "Iraq and Syria") {
			t.Error("page not updated")
		}
	})
	t.Run("save by rename", func(t *testing.T) {
		put(t, dir, "content/articles/.strikes.txt.swp", "noise")
		put(t, dir, "content/articles/tmp-save", "date 2021-06-28\ntitle Strikes\n\nRenamed over: the strikes hit Erbil on Saturday.\n")
		if err := os.Rename(filepath.Join(dir, "content/articles/tmp-save"), filepath.Join(dir, "content/articles/2021-06-28-strikes.txt")); err != nil {
			t.Fatal(err)
		}
		if e := next(t, ev); e != "reload" {
			t.Fatalf("event %q, want reload", e)
		}
		if _, body := get(t, page); !strings.Contains(body, "Renamed over") {
			t.Error("page not updated")
		}
	})
	t.Run("new folder", func(t *testing.T) {
		put(t, dir, "content/articles/new/2021-07-01-talks.txt", "date 2021-07-01\ntitle Talks\n\nTalks resumed in Vienna on Thursday, diplomats said.\n")
		if e := next(t, ev); e != "reload" {
			t.Fatalf("event %q, want reload", e)
		}
		if code, _ := get(t, url+"briefings/talks/"); code != 200 {
			t.Errorf("new page: %d", code)
		}
	})
	t.Run("delete", func(t *testing.T) {
		os.Remove(filepath.Join(dir, "content/articles/new/2021-07-01-talks.txt"))
		if e := next(t, ev); e != "reload" {
			t.Fatalf("event %q, want reload", e)
		}
		if code, _ := get(t, url+"briefings/talks/"); code != 404 {
			t.Errorf("deleted page: %d", code)
		}
		if _, home := get(t, url); strings.Contains(home, "briefings/talks/") {
			t.Error("deleted briefing still listed")
		}
	})
	t.Run("broken config", func(t *testing.T) {
		put(t, dir, "site.toml", "title = \"Live\"\ntitel = \"typo\"\n")
		if e := next(t, ev); e != "error" {
			t.Fatalf("event %q, want error", e)
		}
		if code, body := get(t, page); code != 200 || !strings.Contains(body, "Renamed over") {
			t.Error("old site not served while the config is broken")
		}
		put(t, dir, "site.toml", "title = \"Live again\"\n")
		if e := next(t, ev); e != "reload" {
			t.Fatalf("event %q, want reload", e)
		}
		if _, home := get(t, url); !strings.Contains(home, "Live again") {
			t.Error("fixed config not applied")
		}
	})
	t.Run("css only", func(t *testing.T) {
		put(t, dir, "theme/style.css", "body { color: teal }\n")
		if e := next(t, ev); e != "css" {
			t.Fatalf("event %q, want css", e)
		}
		if _, css := get(t, url+"theme/style.css"); !strings.Contains(css, "teal") {
			t.Error("stylesheet not updated")
		}
	})
	t.Run("500 files at once", func(t *testing.T) {
		// Written beside the site first and renamed in, as git checkout
		// does, so the 500 changes land within milliseconds.
		tmp := t.TempDir()
		os.MkdirAll(filepath.Join(dir, "content/articles/bulk"), 0o755)
		for i := range 500 {
			put(t, tmp, fmt.Sprintf("%03d", i), fmt.Sprintf("date 2021-01-01\ntitle Bulk %d\n\nBulk article number %d says little.\n", i, i))
		}
		for i := range 500 {
			name := fmt.Sprintf("%03d", i)
			if err := os.Rename(filepath.Join(tmp, name), filepath.Join(dir, "content/articles/bulk", "2021-01-01-bulk-"+name+".txt")); err != nil {
				t.Fatal(err)
			}
		}
		if e := next(t, ev); e != "reload" {
			t.Fatalf("event %q, want reload", e)
		}
		rebuilds := 1
		for quiet := time.After(3 * time.Second); ; {
			select {
			case e := <-ev:
				if e == "reload" {
					rebuilds++
				}
				continue
			case <-quiet:
			}
			break
		}
		if rebuilds > 2 {
			t.Errorf("%d rebuilds for one mass change", rebuilds)
		}
		if code, _ := get(t, url+"briefings/bulk-499/"); code != 200 {
			t.Error("bulk articles not all built")
		}
	})
}
