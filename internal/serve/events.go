package serve

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Kind is what a build result asks of the browsers.
type Kind int

const (
	// Reload: the output changed; pages reload.
	Reload Kind = iota + 1
	// CSS: only stylesheets changed; pages swap them without reloading.
	CSS
	// Error: the build failed; pages show the overlay, the last good site
	// stays served.
	Error
	// OK: a good build that changed nothing; pages clear the overlay.
	OK
)

// Event is one build outcome, passed to Notify after every build.
type Event struct {
	Kind Kind
	// Paths are the URL paths of the changed stylesheets, for CSS
	// ("/theme/site.css"); empty swaps every stylesheet.
	Paths []string
	// Message, File and Line describe an Error. File and Line are empty
	// when unknown.
	Message string
	File    string
	Line    int
}

// fileLine finds "path.ext:12:" or "path.ext:12:3:" in an error message.
var fileLine = regexp.MustCompile(`(?:^|[\s(])([^\s:()]+\.[A-Za-z0-9]+):(\d+)(?::\d+)?:`)

// Failure makes an Error event from a build error, taking File and Line
// from the first "file:line:" in its message.
func Failure(err error) Event {
	ev := Event{Kind: Error, Message: err.Error()}
	if m := fileLine.FindStringSubmatch(ev.Message); m != nil {
		ev.File = m[1]
		ev.Line, _ = strconv.Atoi(m[2])
	}
	return ev
}

// Notify tells every connected browser about a build. It never blocks on
// a browser. Call it after the new output is in place.
func (s *Server) Notify(ev Event) { s.hub.notify(ev) }

// hub is the set of event streams and the state new ones start from.
type hub struct {
	mu      sync.Mutex
	clients map[*client]bool
	prefix  string // unique to this process, so a restart changes ids
	gen     int
	failure []byte // the error frame while the last build failed
	closed  bool
	// load returns the page at a client's path as it would be served
	// with the given build id, or nil when that is not an HTML page of
	// the site (see Server.page).
	load func(p pagePath, build string) []byte
}

type client struct {
	frames chan []byte
	kick   chan struct{} // closed when the hub drops the client
	page   pagePath      // the page it shows, when it said (?page=)
}

// pagePath is the URL path of the page a browser shows ("/a/b/"), and
// the name it is served from (see cleanPath). The zero value is none.
type pagePath struct {
	path, name string
}

func newHub(prefix string) *hub {
	return &hub{clients: map[*client]bool{}, prefix: prefix}
}

func (h *hub) current() string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.id()
}

func (h *hub) id() string { return h.prefix + "-" + strconv.Itoa(h.gen) }

// built reports whether any build succeeded yet.
func (h *hub) built() bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.gen > 0
}

func (h *hub) notify(ev Event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	var f []byte
	switch ev.Kind {
	case Reload, CSS:
		h.gen++
		h.failure = nil
		if ev.Kind == Reload {
			f = frame("reload", struct {
				Build string `json:"build"`
			}{h.id()})
		} else {
			f = frame("css", struct {
				Build string   `json:"build"`
				Paths []string `json:"paths"`
			}{h.id(), append([]string{}, ev.Paths...)})
		}
	case Error:
		f = frame("error", struct {
			Message string `json:"message"`
			File    string `json:"file,omitempty"`
			Line    int    `json:"line,omitempty"`
		}{ev.Message, ev.File, ev.Line})
		h.failure = f
	default:
		h.failure = nil
		f = frame("ok", struct {
			Build string `json:"build"`
		}{h.id()})
	}
	// A browser that said which page it shows gets that page with the
	// reload (a "page" event), read once for all the browsers showing it:
	// it need not fetch it, which costs Chromium 5-8 ms on this machine.
	var pages map[pagePath][]byte
	for c := range h.clients {
		cf := f
		if ev.Kind == Reload && c.page.path != "" && h.load != nil {
			if pages == nil {
				pages = map[pagePath][]byte{}
			}
			pf, ok := pages[c.page]
			if !ok {
				if html := h.load(c.page, h.id()); html != nil {
					pf = frame("page", struct {
						Build string `json:"build"`
						Path  string `json:"path"`
						HTML  string `json:"html"`
					}{h.id(), c.page.path, string(html)})
				}
				pages[c.page] = pf
			}
			if pf != nil {
				cf = pf
			}
		}
		select {
		case c.frames <- cf:
		default:
			h.drop(c)
		}
	}
}

// Pages returns the files of the site folder that the connected browsers
// show, as they said (see the page event): "index.html",
// "briefings/x/index.html". A build can make those first.
func (s *Server) Pages() []string { return s.hub.pages() }

func (h *hub) pages() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	seen := map[string]bool{}
	var out []string
	for c := range h.clients {
		if c.page.path == "" {
			continue
		}
		n := c.page.name
		if strings.HasSuffix(c.page.path, "/") {
			n = path.Join(n, "index.html")
		}
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}

// drop closes a client's stream; h.mu is held.
func (h *hub) drop(c *client) {
	if h.clients[c] {
		delete(h.clients, c)
		close(c.kick)
	}
}

// join adds a client and returns the frames it starts with, atomically
// with respect to notify, so no event falls between hello and the stream.
func (h *hub) join(page pagePath) (*client, []byte, bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return nil, nil, false
	}
	c := &client{frames: make(chan []byte, 16), kick: make(chan struct{}), page: page}
	h.clients[c] = true
	start := append([]byte("retry: 1000\n"), frame("hello", struct {
		Build string `json:"build"`
	}{h.id()})...)
	start = append(start, h.failure...)
	return c, start, true
}

func (h *hub) leave(c *client) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.drop(c)
}

func (h *hub) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.closed = true
	for c := range h.clients {
		h.drop(c)
	}
}

// count is the number of connected streams (tests).
func (h *hub) count() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.clients)
}

// frame encodes one Server-Sent Event. JSON keeps the data on one line and
// escapes <, > and &.
func frame(event string, data any) []byte {
	b, err := json.Marshal(data)
	if err != nil {
		panic(err) // only plain structs of strings and ints are encoded
	}
	out := make([]byte, 0, len(b)+len(event)+16)
	out = append(out, "event: "...)
	out = append(out, event...)
	out = append(out, "\ndata: "...)
	out = append(out, b...)
	return append(out, "\n\n"...)
}

var ping = []byte(": ping\n\n")

// events streams one browser's events until it leaves, is dropped, or the
// server closes.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	var page pagePath
	if p := r.URL.Query().Get("page"); p != "" { // location.pathname: escaped
		if u, err := url.PathUnescape(p); err == nil {
			if name, ok := cleanPath(u); ok {
				page = pagePath{path: p, name: name}
			}
		}
	}
	c, start, ok := s.hub.join(page)
	if !ok {
		http.Error(w, "server is shutting down", http.StatusServiceUnavailable)
		return
	}
	defer s.hub.leave(c)
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	if r.Method == http.MethodHead {
		return
	}
	rc := http.NewResponseController(w)
	send := func(b []byte) bool {
		err := rc.SetWriteDeadline(time.Now().Add(s.opts.WriteTimeout))
		if err != nil && !errors.Is(err, http.ErrNotSupported) {
			return false
		}
		if _, err := w.Write(b); err != nil {
			return false
		}
		return rc.Flush() == nil
	}
	if !send(start) {
		return
	}
	beat := time.NewTicker(s.opts.Heartbeat)
	defer beat.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-c.kick:
			return
		case f := <-c.frames:
			if !send(f) {
				return
			}
		case <-beat.C:
			if !send(ping) {
				return
			}
		}
	}
}
