package serve

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path"
	"strconv"
	"strings"
	"time"
)

// swapWait is how long a request waits for the site folder to reappear
// while the builder renames a new one into place.
const swapWait = 250 * time.Millisecond

// files serves a page or file of the site.
func (s *Server) files(w http.ResponseWriter, r *http.Request) {
	build := s.hub.current() // before reading any file: see Server.Notify
	name, ok := cleanPath(r.URL.Path)
	if !ok {
		http.Error(w, "bad path", http.StatusBadRequest)
		return
	}
	root, err := s.openRoot()
	if err != nil {
		s.building(w, r, build, err)
		return
	}
	defer func() { root.Close() }()

	dirURL := strings.HasSuffix(r.URL.Path, "/")
	for attempt := 0; ; attempt++ {
		target, redirect, err := resolve(root, name, dirURL)
		var f *os.File
		if err == nil && !redirect {
			f, err = root.Open(target)
		}
		switch {
		case err == nil && redirect:
			// Built from the cleaned name: "//host" must not become a
			// redirect to another site.
			u := url.URL{Path: "/" + name + "/", RawQuery: r.URL.RawQuery}
			http.Redirect(w, r, u.RequestURI(), http.StatusFound)
			return
		case err == nil:
			s.serveFile(w, r, f, target, build)
			return
		case attempt < maxSwaps && errors.Is(err, fs.ErrNotExist):
			// The folder may have been swapped since it was opened (between
			// the lookup and the open, too): look again in the new one.
			if fresh, err := s.openRoot(); err == nil {
				if sameDir(root, fresh) {
					fresh.Close()
				} else {
					root.Close()
					root = fresh
					continue
				}
			}
		}
		if !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, errHidden) {
			fmt.Fprintf(s.opts.Log, "serve: %s: %v\n", r.URL.Path, err)
		}
		s.notFound(w, r, root, build)
		return
	}
}

var errHidden = errors.New("not served")

// cleanPath turns a URL path into a name for os.Root ("." for the top),
// refusing "." and ".." segments, NUL and backslashes.
func cleanPath(p string) (string, bool) {
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\x00\\") {
		return "", false
	}
	for _, seg := range strings.Split(p[1:], "/") {
		if seg == "." || seg == ".." {
			return "", false
		}
	}
	name := strings.Trim(path.Clean(p), "/")
	if name == "" {
		return ".", true
	}
	return name, fs.ValidPath(name)
}

// resolve maps name to the file to serve: name/index.html for a folder URL;
// for a folder without the trailing slash, a redirect when it has an
// index.html. Hidden names (a segment starting with a dot) are not served.
func resolve(root *os.Root, name string, dirURL bool) (target string, redirect bool, err error) {
	for _, seg := range strings.Split(name, "/") {
		if strings.HasPrefix(seg, ".") && seg != "." && seg != ".well-known" {
			return "", false, errHidden
		}
	}
	if dirURL {
		target = path.Join(name, "index.html")
		fi, err := root.Stat(target)
		if err != nil {
			return "", false, err
		}
		if !fi.Mode().IsRegular() {
			return "", false, fs.ErrNotExist
		}
		return target, false, nil
	}
	fi, err := root.Stat(name)
	if err != nil {
		return "", false, err
	}
	if fi.IsDir() {
		if _, err := root.Stat(path.Join(name, "index.html")); err != nil {
			return "", false, err
		}
		return "", true, nil
	}
	if !fi.Mode().IsRegular() {
		return "", false, fs.ErrNotExist
	}
	return name, false, nil
}

// openRoot opens the site folder, waiting briefly when it is missing while
// a swap may be under way.
func (s *Server) openRoot() (*os.Root, error) {
	deadline := time.Now().Add(swapWait)
	for {
		root, err := os.OpenRoot(s.opts.Dir)
		if err == nil || !errors.Is(err, fs.ErrNotExist) || !s.hub.built() || time.Now().After(deadline) {
			return root, err
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func sameDir(a, b *os.Root) bool {
	fa, errA := a.Stat(".")
	fb, errB := b.Stat(".")
	return errA == nil && errB == nil && os.SameFile(fa, fb)
}

// maxSwaps is how many times one request follows the site folder being
// swapped under it before it gives up.
const maxSwaps = 5

// serveFile writes the open file f (name in the site), injecting the
// live-reload tag into HTML.
func (s *Server) serveFile(w http.ResponseWriter, r *http.Request, f *os.File, name, build string) {
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		http.Error(w, "cannot read file", http.StatusInternalServerError)
		return
	}
	ctype, isHTML := contentType(name)
	w.Header().Set("Content-Type", ctype)
	if !isHTML {
		http.ServeContent(w, r, "", fi.ModTime(), f)
		return
	}
	page, err := io.ReadAll(f)
	if err != nil {
		http.Error(w, "cannot read file", http.StatusInternalServerError)
		return
	}
	writePage(w, r, http.StatusOK, inject(page, scriptTag(build)))
}

func writePage(w http.ResponseWriter, r *http.Request, status int, page []byte) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(len(page)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(page)
	}
}

// page returns the HTML page at p as files would serve it with the given
// build id, or nil when p is not an HTML page there (missing, a redirect,
// hidden, another type of file, unreadable): the browser then fetches it.
func (s *Server) page(p pagePath, build string) []byte {
	root, err := os.OpenRoot(s.opts.Dir)
	if err != nil {
		return nil
	}
	defer root.Close()
	target, redirect, err := resolve(root, p.name, strings.HasSuffix(p.path, "/"))
	if err != nil || redirect {
		return nil
	}
	if _, isHTML := contentType(target); !isHTML {
		return nil
	}
	page, err := root.ReadFile(target)
	if err != nil {
		return nil
	}
	return inject(page, scriptTag(build))
}

// notFound serves the site's 404.html with status 404, or a plain page.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request, root *os.Root, build string) {
	if page, err := root.ReadFile("404.html"); err == nil {
		writePage(w, r, http.StatusNotFound, inject(page, scriptTag(build)))
		return
	}
	page := []byte("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title></head>\n" +
		"<body><h1>Not found</h1><p>No page at this address. <a href=\"/\">Home</a></p></body></html>\n")
	writePage(w, r, http.StatusNotFound, inject(page, scriptTag(build)))
}

// building answers while there is no site folder yet: a page that reloads
// when the first build is done.
func (s *Server) building(w http.ResponseWriter, r *http.Request, build string, err error) {
	if !errors.Is(err, fs.ErrNotExist) {
		fmt.Fprintf(s.opts.Log, "serve: %v\n", err)
	}
	w.Header().Set("Retry-After", "1")
	page := []byte("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Building…</title></head>\n" +
		"<body><h1>Building…</h1><p>The site is being built; this page reloads when it is ready.</p></body></html>\n")
	writePage(w, r, http.StatusServiceUnavailable, inject(page, scriptTag(build)))
}
