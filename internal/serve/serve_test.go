package serve

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// deadline bounds every wait; never reached when the code works.
const deadline = 10 * time.Second

// site writes files under a temporary folder and returns the folder of
// the built site, public/, next to a secret that must never be served.
func site(t *testing.T, files map[string]string) string {
	t.Helper()
	top := t.TempDir()
	for name, body := range files {
		p := filepath.Join(top, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return filepath.Join(top, "public")
}

var example = map[string]string{
	"secret.txt":                    "TOP SECRET",
	"secret/inner.txt":              "TOP SECRET INNER",
	"public/index.html":             "<!doctype html>\n<html lang=\"en\">\n<head>\n<title>Home</title>\n</head>\n<body>home page</body>\n</html>\n",
	"public/a/b/index.html":         "<!DOCTYPE html><HTML><HEAD><title>B</title></HEAD><body>B page</body></HTML>",
	"public/a/b/index.md":           "+++\ntitle = 'B'\n+++\n# B <head>\n",
	"public/a/c/empty.txt":          "no index here",
	"public/a b/index.html":         "<p>space</p>",
	"public/no-head.html":           "<!doctype html><html lang=en><body>no head</body></html>",
	"public/fragment.html":          "<p>just a fragment</p>",
	"public/404.html":               "<!doctype html><html><head><title>Lost</title></head><body>site's own 404</body></html>",
	"public/theme/site.css":         "body { color: black }",
	"public/theme/app.js":           "console.log('<head>')",
	"public/index.xml":              "<?xml version=\"1.0\"?><feed><head/></feed>",
	"public/search.json":            `{"head": "<head>"}`,
	"public/logo.svg":               "<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>",
	"public/robots.txt":             "User-agent: *",
	"public/img.png":                "\x89PNG\r\n\x1a\n",
	"public/font.woff2":             "wOF2",
	"public/unknown.bin":            "\x00\x01",
	"public/.git/config":            "[core]",
	"public/.well-known/x.txt":      "well known",
	"public/briefings/x/index.html": "<html><head><link rel=stylesheet href=/theme/site.css></head><body>x</body></html>",
}

func newServer(t *testing.T, files map[string]string) (*Server, *httptest.Server, string) {
	t.Helper()
	dir := site(t, files)
	srv := New(Options{Dir: dir, WriteTimeout: 200 * time.Millisecond})
	srv.Notify(Event{Kind: Reload}) // as after the first build
	ts := httptest.NewServer(srv)
	t.Cleanup(func() {
		srv.Close()
		ts.Close()
	})
	return srv, ts, dir
}

var noRedirect = &http.Client{
	CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	Timeout:       deadline,
}

func get(t *testing.T, url string) (*http.Response, string) {
	t.Helper()
	resp, err := noRedirect.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(b)
}

// raw sends a request line as is, bypassing any client-side cleaning.
func raw(t *testing.T, addr, target string) (*http.Response, string) {
	t.Helper()
	c, err := net.DialTimeout("tcp", addr, deadline)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(deadline))
	if _, err := io.WriteString(c, "GET "+target+" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

func TestContentTypes(t *testing.T) {
	_, ts, _ := newServer(t, example)
	for _, tc := range []struct{ path, ctype string }{
		{"/", "text/html; charset=utf-8"},
		{"/no-head.html", "text/html; charset=utf-8"},
		{"/theme/site.css", "text/css; charset=utf-8"},
		{"/theme/app.js", "text/javascript; charset=utf-8"},
		{"/index.xml", "application/xml; charset=utf-8"},
		{"/search.json", "application/json; charset=utf-8"},
		{"/logo.svg", "image/svg+xml; charset=utf-8"},
		{"/a/b/index.md", "text/markdown; charset=utf-8"},
		{"/robots.txt", "text/plain; charset=utf-8"},
		{"/img.png", "image/png"},
		{"/font.woff2", "font/woff2"},
		{"/unknown.bin", "application/octet-stream"},
		{ScriptPath, "text/javascript; charset=utf-8"},
		{EventsPath + "?probe", ""}, // checked in the event tests
	} {
		if tc.ctype == "" {
			continue
		}
		resp, _ := get(t, ts.URL+tc.path)
		if resp.StatusCode != 200 {
			t.Errorf("%s: status %d", tc.path, resp.StatusCode)
		}
		if got := resp.Header.Get("Content-Type"); got != tc.ctype {
			t.Errorf("%s: Content-Type %q, want %q", tc.path, got, tc.ctype)
		}
		if got := resp.Header.Get("Cache-Control"); got != "no-store" {
			t.Errorf("%s: Cache-Control %q", tc.path, got)
		}
	}
}

func TestPrettyURLs(t *testing.T) {
	_, ts, _ := newServer(t, example)
	for _, tc := range []struct {
		path     string
		status   int
		body     string // contained in the body
		location string
	}{
		{"/", 200, "home page", ""},
		{"/index.html", 200, "home page", ""},
		{"/a/b/", 200, "B page", ""},
		{"/a/b", 302, "", "/a/b/"},
		{"/a/b?q=1&r=2", 302, "", "/a/b/?q=1&r=2"},
		{"//a/b", 302, "", "/a/b/"}, // never "//a/b/", another host
		{"/a%20b", 302, "", "/a%20b/"},
		{"/a/c", 404, "site's own 404", ""},  // a folder without index.html
		{"/a/c/", 404, "site's own 404", ""}, // no listing
		{"/a/c/empty.txt", 200, "no index here", ""},
		{"/nope", 404, "site's own 404", ""},
		{"/nope/", 404, "site's own 404", ""},
		{"/index.html/", 404, "site's own 404", ""},
		{"/.well-known/x.txt", 200, "well known", ""},
		{"/_brief/other", 404, "", ""},
	} {
		resp, body := get(t, ts.URL+tc.path)
		if resp.StatusCode != tc.status {
			t.Errorf("%s: status %d, want %d", tc.path, resp.StatusCode, tc.status)
		}
		if !strings.Contains(body, tc.body) {
			t.Errorf("%s: body %q does not contain %q", tc.path, body, tc.body)
		}
		if got := resp.Header.Get("Location"); got != tc.location {
			t.Errorf("%s: Location %q, want %q", tc.path, got, tc.location)
		}
		if got := resp.Header.Get("Cache-Control"); got != "no-store" {
			t.Errorf("%s: Cache-Control %q", tc.path, got)
		}
	}
}

func TestBuiltinNotFoundPage(t *testing.T) {
	_, ts, _ := newServer(t, map[string]string{"public/index.html": "<html><head></head><body>x</body></html>"})
	resp, body := get(t, ts.URL+"/missing")
	if resp.StatusCode != 404 || !strings.Contains(body, "Not found") || !strings.Contains(body, ScriptPath) {
		t.Errorf("status %d, body %q", resp.StatusCode, body)
	}
}

func TestNoEscapeFromTheFolder(t *testing.T) {
	_, ts, dir := newServer(t, example)
	// A symbolic link inside the site pointing outside it.
	if err := os.Symlink(filepath.Join(dir, "..", "secret"), filepath.Join(dir, "escape")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "..", "secret.txt"), filepath.Join(dir, "escape.txt")); err != nil {
		t.Fatal(err)
	}
	// A link that stays inside is fine.
	if err := os.Symlink("theme/site.css", filepath.Join(dir, "inside.css")); err != nil {
		t.Fatal(err)
	}
	addr := ts.Listener.Addr().String()
	for _, target := range []string{
		"/../secret.txt",
		"/../../../../etc/passwd",
		"/%2e%2e/secret.txt",
		"/%2E%2E/%2e%2e/etc/passwd",
		"/a/%2e%2e/%2e%2e/secret.txt",
		"/a/..%2f..%2fsecret.txt",
		"/..%5csecret.txt",
		"/a\\..\\..\\secret.txt",
		"/%00/secret.txt",
		"/./secret.txt",
		"/escape/inner.txt",
		"/escape.txt",
		"/escape",
		"/.git/config",
		"/a/b/../../../secret.txt",
		"//secret.txt",
		"http://x/../secret.txt",
	} {
		resp, body := raw(t, addr, target)
		t.Logf("%s -> %d", target, resp.StatusCode)
		if strings.Contains(body, "TOP SECRET") || strings.Contains(body, "root:") || strings.Contains(body, "[core]") {
			t.Errorf("%s: served a file outside the site: %d %q", target, resp.StatusCode, body)
		}
		if resp.StatusCode != 400 && resp.StatusCode != 404 {
			t.Errorf("%s: status %d, want 400 or 404", target, resp.StatusCode)
		}
	}
	resp, body := get(t, ts.URL+"/inside.css")
	if resp.StatusCode != 200 || body != example["public/theme/site.css"] {
		t.Errorf("link inside the site: %d %q", resp.StatusCode, body)
	}
}

func TestInjectionIntoServedHTMLOnly(t *testing.T) {
	srv, ts, dir := newServer(t, example)
	tag := string(scriptTag(srv.BuildID()))
	for _, tc := range []struct {
		path, after string // after: the tag follows this text; "" means no tag
	}{
		{"/", "<head>"},
		{"/a/b/", "<HEAD>"},
		{"/no-head.html", "<html lang=en>"},
		{"/fragment.html", "\x00start"},
		{"/nope", "<head>"}, // the 404 page
		{"/a/b/index.md", ""},
		{"/theme/app.js", ""},
		{"/index.xml", ""},
		{"/search.json", ""},
		{"/logo.svg", ""},
	} {
		resp, body := get(t, ts.URL+tc.path)
		n := strings.Count(body, ScriptPath)
		switch {
		case tc.after == "":
			if n != 0 {
				t.Errorf("%s: tag injected into a %s", tc.path, resp.Header.Get("Content-Type"))
			}
			continue
		case n != 1:
			t.Errorf("%s: %d tags in %q", tc.path, n, body)
			continue
		case tc.after == "\x00start":
			if !strings.HasPrefix(body, tag) {
				t.Errorf("%s: tag not at the start: %q", tc.path, body)
			}
		case !strings.Contains(body, tc.after+tag):
			t.Errorf("%s: tag not right after %q: %q", tc.path, tc.after, body)
		}
		if got := resp.Header.Get("Content-Length"); got != "" && got != strconv.Itoa(len(body)) {
			t.Errorf("%s: Content-Length %s for %d bytes", tc.path, got, len(body))
		}
	}
	// The files on disk are untouched.
	for name, want := range example {
		if !strings.HasPrefix(name, "public/") {
			continue
		}
		got, err := os.ReadFile(filepath.Join(dir, strings.TrimPrefix(name, "public/")))
		if err != nil || string(got) != want {
			t.Errorf("%s changed on disk: %q", name, got)
		}
	}
}

func TestHeadAndMethods(t *testing.T) {
	_, ts, _ := newServer(t, example)
	resp, err := noRedirect.Head(ts.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.ContentLength <= int64(len(example["public/index.html"])) {
		t.Errorf("HEAD /: %d, length %d", resp.StatusCode, resp.ContentLength)
	}
	resp, err = noRedirect.Post(ts.URL+"/", "text/plain", strings.NewReader("x"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 405 || resp.Header.Get("Allow") != "GET, HEAD" {
		t.Errorf("POST /: %d, Allow %q", resp.StatusCode, resp.Header.Get("Allow"))
	}
}

func TestServesTheFolderSwappedIn(t *testing.T) {
	_, ts, dir := newServer(t, example)
	if _, body := get(t, ts.URL+"/"); !strings.Contains(body, "home page") {
		t.Fatalf("before: %q", body)
	}
	// The builder's swap: a new folder renamed into place.
	staging := dir + ".staging"
	if err := os.MkdirAll(staging, 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(staging, "index.html"), []byte("<html><head></head><body>new home</body></html>"), 0o644)
	if err := os.Rename(dir, dir+".old"); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(staging, dir); err != nil {
		t.Fatal(err)
	}
	os.RemoveAll(dir + ".old")
	if _, body := get(t, ts.URL+"/"); !strings.Contains(body, "new home") {
		t.Fatalf("after: %q", body)
	}
	if resp, _ := get(t, ts.URL+"/a/b/"); resp.StatusCode != 404 {
		t.Errorf("stale page served: %d", resp.StatusCode)
	}
}

func TestBeforeTheFirstBuild(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public") // not built yet
	srv := New(Options{Dir: dir})
	ts := httptest.NewServer(srv)
	defer ts.Close()
	defer srv.Close()
	resp, body := get(t, ts.URL+"/")
	if resp.StatusCode != 503 || !strings.Contains(body, string(scriptTag(srv.BuildID()))) {
		t.Errorf("status %d, body %q", resp.StatusCode, body)
	}
}
