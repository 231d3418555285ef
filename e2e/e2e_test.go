// Package e2e is the real-browser test of brief: e2e_test.go builds the
// example site from a copy of the repository's content/articles and
// site.toml, serves it with net/http on a free loopback port, starts
// `brief serve` on a small site of its own, and runs e2e.mjs (Playwright
// driving Debian's Chromium, axe-core for accessibility) against both.
//
// It needs node, `npm ci` run in e2e/, and /usr/bin/chromium; without
// them it skips and says which is missing. Screenshots go to
// $E2E_SCREENSHOTS (default: a temporary folder, removed after).
//
//	(cd e2e && npm ci) && go test ./e2e/
package e2e

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"brief"
	"brief/internal/build"
)

const chromium = "/usr/bin/chromium"

func requirements(t *testing.T) string {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("skipping the browser test: node is not installed")
	}
	for _, m := range []string{"playwright-core", "axe-core"} {
		if _, err := os.Stat(filepath.Join("node_modules", m)); err != nil {
			t.Skipf("skipping the browser test: e2e/node_modules/%s is missing (run `npm ci` in e2e/)", m)
		}
	}
	if _, err := os.Stat(chromium); err != nil {
		t.Skipf("skipping the browser test: %s is missing (apt-get install chromium)", chromium)
	}
	return node
}

// copySite copies the example site's articles and site.toml into dir.
func copySite(t *testing.T, dir string) {
	t.Helper()
	root := ".."
	err := filepath.WalkDir(filepath.Join(root, "content", "articles"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		dst := filepath.Join(dir, rel)
		os.MkdirAll(filepath.Dir(dst), 0o755)
		return os.WriteFile(dst, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	if cfg, err := os.ReadFile(filepath.Join(root, "site.toml")); err == nil {
		os.WriteFile(filepath.Join(dir, "site.toml"), cfg, 0o644)
	}
}

func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

func TestBrowser(t *testing.T) {
	node := requirements(t)

	// The example site, built for the address it is served on.
	dir := t.TempDir()
	copySite(t, dir)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	siteURL := fmt.Sprintf("http://%s/", l.Addr())
	opt := build.Options{Dir: dir, BaseURL: siteURL, Templates: brief.Templates(), Theme: brief.Theme(), Generator: "brief e2e"}
	res, err := build.Build(context.Background(), opt)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) > 0 {
		t.Fatalf("example site: %v", res.Errors)
	}
	hs := &http.Server{Handler: staticHost(filepath.Join(dir, "public"))}
	go hs.Serve(l)
	defer hs.Close()

	// `brief serve` on a one-article site.
	bin := filepath.Join(t.TempDir(), "brief")
	gob := exec.Command("go", "build", "-o", bin, "./cmd/brief")
	gob.Dir = ".."
	gob.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := gob.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	live := t.TempDir()
	os.WriteFile(filepath.Join(live, "site.toml"), []byte("title = \"Live\"\n"), 0o644)
	article := filepath.Join(live, "content", "articles", "2021-06-28-live.txt")
	os.MkdirAll(filepath.Dir(article), 0o755)
	os.WriteFile(article, []byte("date 2021-06-28\ntitle Live\n\nThe US on Sunday said it had struck militia sites in Syria.\n"), 0o644)
	port := freePort(t)
	var serveLog bytes.Buffer
	srv := exec.Command(bin, "serve", "-s", live, "-port", fmt.Sprint(port))
	srv.Stdout, srv.Stderr = &serveLog, &serveLog
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		srv.Process.Signal(os.Interrupt)
		done := make(chan error, 1)
		go func() { done <- srv.Wait() }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			srv.Process.Kill()
			<-done
		}
	}()
	serveURL := fmt.Sprintf("http://127.0.0.1:%d/briefings/live/", port)
	for deadline := time.Now().Add(30 * time.Second); ; {
		resp, err := http.Get(serveURL)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("brief serve did not serve %s: %v\n%s", serveURL, err, serveLog.String())
		}
		time.Sleep(100 * time.Millisecond)
	}

	shots := os.Getenv("E2E_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	}
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, "e2e.mjs")
	cmd.Env = append(os.Environ(), "SITE_URL="+siteURL, "SERVE_URL="+serveURL, "SERVE_ARTICLE="+article,
		"SCREENSHOT_DIR="+shots, "CHROMIUM="+chromium)
	out, err := cmd.CombinedOutput()
	for _, line := range strings.Split(strings.TrimRight(string(out), "\n"), "\n") {
		t.Log(line)
	}
	if err != nil {
		t.Errorf("e2e.mjs: %v", err)
		t.Logf("brief serve said:\n%s", serveLog.String())
	}
}

// staticHost serves a folder the way static hosts do: files, folders'
// index.html, and 404.html with status 404 for what is missing.
func staticHost(dir string) http.Handler {
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := filepath.Join(dir, filepath.FromSlash(filepath.Clean("/"+r.URL.Path)))
		if _, err := os.Stat(name); err != nil {
			page, err := os.ReadFile(filepath.Join(dir, "404.html"))
			if err != nil {
				http.NotFound(w, r)
				return
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusNotFound)
			w.Write(page)
			return
		}
		files.ServeHTTP(w, r)
	})
}
