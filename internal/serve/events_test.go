package serve

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"runtime"
	"strings"
	"testing"
	"time"
)

type sseEvent struct{ name, data string }

// stream is a test client of the event stream.
type stream struct {
	t      *testing.T
	events chan sseEvent
	cancel context.CancelFunc
	body   io.Closer
}

var sseTransport = &http.Transport{DisableKeepAlives: true}

func connect(t *testing.T, base string) *stream {
	t.Helper()
	return connectURL(t, base+EventsPath)
}

// connectPage connects as the script of the page at path does.
func connectPage(t *testing.T, base, path string) *stream {
	t.Helper()
	return connectURL(t, base+EventsPath+"?page="+url.QueryEscape(path))
}

func connectURL(t *testing.T, u string) *stream {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, "GET", u, nil)
	resp, err := (&http.Client{Transport: sseTransport}).Do(req)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "text/event-stream" || resp.Header.Get("Cache-Control") != "no-store" {
		t.Fatalf("events: %d %v", resp.StatusCode, resp.Header)
	}
	s := &stream{t: t, events: make(chan sseEvent, 4096), cancel: cancel, body: resp.Body}
	go func() {
		defer close(s.events)
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(nil, 1<<20)
		var ev sseEvent
		for sc.Scan() {
			line := sc.Text()
			switch {
			case line == "":
				if ev.name != "" {
					s.events <- ev
				}
				ev = sseEvent{}
			case strings.HasPrefix(line, "event: "):
				ev.name = line[len("event: "):]
			case strings.HasPrefix(line, "data: "):
				ev.data += line[len("data: "):]
			}
		}
	}()
	t.Cleanup(s.close)
	return s
}

func (s *stream) close() {
	s.cancel()
	s.body.Close()
}

func (s *stream) next() sseEvent {
	s.t.Helper()
	select {
	case ev, ok := <-s.events:
		if !ok {
			s.t.Fatal("stream ended")
		}
		return ev
	case <-time.After(deadline):
		s.t.Fatal("no event within the deadline")
	}
	return sseEvent{}
}

// expect waits for the next event, checks its name, and decodes its data.
func (s *stream) expect(name string, into any) {
	s.t.Helper()
	ev := s.next()
	if ev.name != name {
		s.t.Fatalf("event %q %s, want %q", ev.name, ev.data, name)
	}
	if into != nil {
		if err := json.Unmarshal([]byte(ev.data), into); err != nil {
			s.t.Fatalf("%s: %v in %q", name, err, ev.data)
		}
	}
}

type buildData struct {
	Build string   `json:"build"`
	Paths []string `json:"paths"`
}

type errorData struct {
	Message string `json:"message"`
	File    string `json:"file"`
	Line    int    `json:"line"`
}

func TestHelloThenReload(t *testing.T) {
	srv, ts, _ := newServer(t, example)
	c := connect(t, ts.URL)
	var hello, reload buildData
	c.expect("hello", &hello)
	if hello.Build != srv.BuildID() {
		t.Errorf("hello build %q, want %q", hello.Build, srv.BuildID())
	}
	srv.Notify(Event{Kind: Reload})
	c.expect("reload", &reload)
	if reload.Build == hello.Build || reload.Build != srv.BuildID() {
		t.Errorf("reload build %q after %q, current %q", reload.Build, hello.Build, srv.BuildID())
	}
	// A page served now carries the new id, so its script will not reload.
	if _, body := get(t, ts.URL+"/"); !strings.Contains(body, `data-build="`+reload.Build+`"`) {
		t.Errorf("page does not carry build %q: %q", reload.Build, body)
	}
}

// TestPageEvent: a stream that gave its page gets the page as served now
// with the reload, when it is an HTML file of the site; for anything else
// (no page given, a missing page, a folder without its slash, a hidden
// name, another type of file, a bad path) a plain reload.
func TestPageEvent(t *testing.T) {
	srv, ts, _ := newServer(t, example)
	pages := map[string]string{"/": "home page", "/a/b/": "B page", "/no-head.html": "no head", "/a%20b/": "space"}
	var streams []*stream
	var names []string
	for _, p := range []string{"/", "/a/b/", "/no-head.html", "/a%20b/", "", "/missing/", "/a/b", "/a/c/", "/theme/site.css", "/.hidden/", "/a/../secret.txt", "/%2e%2e/secret.txt", "/a%2"} {
		var c *stream
		if p == "" {
			c = connect(t, ts.URL)
		} else {
			c = connectPage(t, ts.URL, p)
		}
		c.expect("hello", nil)
		streams, names = append(streams, c), append(names, p)
	}
	// The files the browsers show, for a build to make first.
	shown := strings.Join(srv.Pages(), " ")
	for _, n := range []string{"index.html", "a/b/index.html", "no-head.html", "a b/index.html"} {
		if !strings.Contains(" "+shown+" ", " "+n+" ") {
			t.Errorf("Pages() = %q, want %q in it", shown, n)
		}
	}
	srv.Notify(Event{Kind: Reload})
	for i, c := range streams {
		ev := c.next()
		want, isPage := pages[names[i]]
		if !isPage {
			if ev.name != "reload" {
				t.Errorf("%q: event %q, want reload", names[i], ev.name)
			}
			continue
		}
		var d struct{ Build, Path, HTML string }
		if ev.name != "page" || json.Unmarshal([]byte(ev.data), &d) != nil {
			t.Errorf("%q: event %q %.80s, want page", names[i], ev.name, ev.data)
			continue
		}
		_, served := get(t, ts.URL+names[i])
		if d.Build != srv.BuildID() || d.Path != names[i] || d.HTML != served || !strings.Contains(d.HTML, want) {
			t.Errorf("%q: page %q %q %q, want build %q and the page as served: %q", names[i], d.Build, d.Path, d.HTML, srv.BuildID(), served)
		}
	}
}

func TestRestartedServerHasNewBuildIDs(t *testing.T) {
	a, b := New(Options{Dir: "x"}), New(Options{Dir: "x"})
	if a.BuildID() == b.BuildID() {
		t.Errorf("two servers share build id %q", a.BuildID())
	}
}

func TestCSSEvent(t *testing.T) {
	srv, ts, _ := newServer(t, example)
	c := connect(t, ts.URL)
	c.expect("hello", nil)
	srv.Notify(Event{Kind: CSS, Paths: []string{"/theme/site.css"}})
	var d buildData
	c.expect("css", &d)
	if d.Build != srv.BuildID() || len(d.Paths) != 1 || d.Paths[0] != "/theme/site.css" {
		t.Errorf("css event %+v", d)
	}
}

func TestErrorOverlayEvent(t *testing.T) {
	srv, ts, _ := newServer(t, example)
	c := connect(t, ts.URL)
	var hello buildData
	c.expect("hello", &hello)

	msg := `content/articles/a.md:12: bad date "<script>alert('x')</script>" & more`
	srv.Notify(Failure(errors.New(msg)))
	ev := c.next()
	if ev.name != "error" {
		t.Fatalf("event %q", ev.name)
	}
	if strings.ContainsAny(ev.data, "<>") || strings.Contains(ev.data, "&") {
		t.Errorf("error data not escaped: %s", ev.data)
	}
	var d errorData
	if err := json.Unmarshal([]byte(ev.data), &d); err != nil {
		t.Fatal(err)
	}
	if d.Message != msg || d.File != "content/articles/a.md" || d.Line != 12 {
		t.Errorf("error event %+v", d)
	}
	// The last good site is still served, with the same build id.
	if resp, body := get(t, ts.URL+"/"); resp.StatusCode != 200 || !strings.Contains(body, `data-build="`+hello.Build+`"`) {
		t.Errorf("after a failed build: %d %q", resp.StatusCode, body)
	}
	// A page loaded now gets the overlay on connecting.
	late := connect(t, ts.URL)
	late.expect("hello", nil)
	late.expect("error", &d)
	if d.Message != msg {
		t.Errorf("late error event %+v", d)
	}

	srv.Notify(Event{Kind: OK})
	c.expect("ok", nil)
	late.expect("ok", nil)
	fresh := connect(t, ts.URL)
	fresh.expect("hello", nil)
	srv.Notify(Event{Kind: Reload})
	fresh.expect("reload", nil) // not an error first: it was cleared
}

func TestFailure(t *testing.T) {
	for _, tc := range []struct {
		err  string
		file string
		line int
	}{
		{"content/a.md:12: bad date", "content/a.md", 12},
		{"site.toml:3:7: unknown key \"titel\"", "site.toml", 3},
		{"build: templates/page.html:40: template: no such function", "templates/page.html", 40},
		{"open site.toml: permission denied", "", 0},
		{"no position at all", "", 0},
		{"at 12:30: lunch", "", 0},
	} {
		ev := Failure(errors.New(tc.err))
		if ev.Kind != Error || ev.Message != tc.err || ev.File != tc.file || ev.Line != tc.line {
			t.Errorf("Failure(%q) = %+v, want file %q line %d", tc.err, ev, tc.file, tc.line)
		}
	}
}

func TestSlowClientDoesNotBlock(t *testing.T) {
	srv, ts, _ := newServer(t, example)
	// A client that connects and never reads.
	conn, err := net.Dial("tcp", ts.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: x\r\n\r\n", EventsPath)
	waitFor(t, "slow client connected", func() bool { return srv.hub.count() == 1 })

	big := strings.Repeat("x", 64<<10)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for range 500 { // 32 MB for the slow client; far beyond socket buffers
			srv.Notify(Event{Kind: Error, Message: big})
		}
	}()
	select {
	case <-done:
	case <-time.After(deadline):
		t.Fatal("Notify blocked on a slow client")
	}
	waitFor(t, "slow client dropped", func() bool { return srv.hub.count() == 0 })

	// Others still get their events.
	c := connect(t, ts.URL)
	c.expect("hello", nil)
	c.expect("error", nil) // the failure still standing
	srv.Notify(Event{Kind: Reload})
	c.expect("reload", nil)
}

func TestClosedStreamsFreeTheirGoroutines(t *testing.T) {
	srv, ts, _ := newServer(t, example)
	// Warm up the transport and the server, so their lazily started
	// goroutines are counted in the baseline.
	warm := connect(t, ts.URL)
	warm.expect("hello", nil)
	warm.close()
	waitFor(t, "warm-up stream closed", func() bool { return srv.hub.count() == 0 })
	sseTransport.CloseIdleConnections()
	base := runtime.NumGoroutine()

	var cs []*stream
	for range 20 {
		c := connect(t, ts.URL)
		c.expect("hello", nil)
		cs = append(cs, c)
	}
	if n := srv.hub.count(); n != 20 {
		t.Fatalf("%d streams, want 20", n)
	}
	for _, c := range cs {
		c.close()
	}
	waitFor(t, "streams closed", func() bool { return srv.hub.count() == 0 })
	waitFor(t, fmt.Sprintf("goroutines back to %d", base), func() bool { return runtime.NumGoroutine() <= base })
}

func TestCloseEndsStreams(t *testing.T) {
	srv, ts, _ := newServer(t, example)
	c := connect(t, ts.URL)
	c.expect("hello", nil)
	srv.Close()
	select {
	case _, ok := <-c.events:
		if ok {
			t.Fatal("event after Close")
		}
	case <-time.After(deadline):
		t.Fatal("stream still open after Close")
	}
	resp, _ := get(t, ts.URL+EventsPath)
	if resp.StatusCode != 503 {
		t.Errorf("new stream after Close: %d", resp.StatusCode)
	}
}

func TestServeStopsWithItsContext(t *testing.T) {
	dir := site(t, example)
	srv := New(Options{Dir: dir})
	l, err := Listen("127.0.0.1", 0, true)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ctx, l) }()
	base := strings.TrimSuffix(URL(l), "/")
	c := connect(t, base)
	c.expect("hello", nil)
	if resp, body := get(t, base+"/a/b/"); resp.StatusCode != 200 || !strings.Contains(body, "B page") {
		t.Errorf("GET /a/b/: %d %q", resp.StatusCode, body)
	}
	cancel()
	select {
	case err := <-errc:
		if err != nil {
			t.Errorf("Serve: %v", err)
		}
	case <-time.After(deadline):
		t.Fatal("Serve did not return after cancel")
	}
}

// waitFor polls cond until it holds, failing after the deadline.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	end := time.Now().Add(deadline)
	for !cond() {
		if time.Now().After(end) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}
