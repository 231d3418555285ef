// Package check finds problems in a built site: links to pages or files
// that do not exist, links to anchors that no element has, and links that
// leave the site's base path. It reads HTML as text (the site is brief's
// own output, so attributes are double-quoted) and reports each finding
// with the file and line of the link.
package check

import (
	"bytes"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"regexp"
	"sort"
	"strings"
)

// Finding is one problem at a place.
type Finding struct {
	File  string // slash path, relative to the checked folder's parent as given
	Line  int
	Msg   string
	Error bool // false: a warning
}

func (f Finding) String() string {
	level := "warning"
	if f.Error {
		level = "error"
	}
	if f.Line > 0 {
		return fmt.Sprintf("%s:%d: %s: %s", f.File, f.Line, level, f.Msg)
	}
	return fmt.Sprintf("%s: %s: %s", f.File, level, f.Msg)
}

var (
	linkAttr = regexp.MustCompile(`\s(?:href|src)="([^"]*)"`)
	idAttr   = regexp.MustCompile(`\sid="([^"]*)"`)
)

// Links checks every HTML file of site (an output folder) whose pages live
// under basePath ("/" or "/project/"); prefix is put before file names in
// findings (e.g. "public/"). Links to other hosts are not followed.
func Links(site fs.FS, basePath, prefix string) ([]Finding, int, error) {
	pages := map[string][]byte{}
	err := fs.WalkDir(site, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".html") {
			b, err := fs.ReadFile(site, p)
			if err != nil {
				return err
			}
			pages[p] = b
		}
		return nil
	})
	if err != nil {
		return nil, 0, err
	}
	ids := map[string]map[string]bool{}
	for p, b := range pages {
		set := map[string]bool{}
		for _, m := range idAttr.FindAllSubmatch(b, -1) {
			set[string(m[1])] = true
		}
		ids[p] = set
	}
	names := make([]string, 0, len(pages))
	for p := range pages {
		names = append(names, p)
	}
	sort.Strings(names)
	var out []Finding
	checked := 0
	for _, p := range names {
		b := pages[p]
		for _, loc := range linkAttr.FindAllSubmatchIndex(b, -1) {
			raw := string(b[loc[2]:loc[3]])
			line := bytes.Count(b[:loc[2]], []byte("\n")) + 1
			if msg := checkLink(site, ids, p, raw, basePath); msg != "" {
				out = append(out, Finding{File: prefix + p, Line: line, Msg: msg, Error: true})
			}
			checked++
		}
	}
	return out, checked, nil
}

// checkLink returns what is wrong with link raw on page p, or "".
func checkLink(site fs.FS, ids map[string]map[string]bool, p, raw, basePath string) string {
	u, err := url.Parse(strings.ReplaceAll(raw, "&amp;", "&"))
	if err != nil {
		return fmt.Sprintf("malformed link %q", raw)
	}
	if u.Scheme != "" || u.Host != "" {
		return "" // another host (absolute links to this site are in feeds, not pages)
	}
	target := p
	if u.Path != "" {
		var abs string
		if strings.HasPrefix(u.Path, "/") {
			if !strings.HasPrefix(u.Path, basePath) {
				return fmt.Sprintf("link %q leaves the site's base path %s", raw, basePath)
			}
			abs = strings.TrimPrefix(u.Path, basePath)
		} else {
			abs = path.Join(path.Dir(p), u.Path)
			if strings.HasSuffix(u.Path, "/") {
				abs += "/"
			}
		}
		if abs == "" || strings.HasSuffix(abs, "/") {
			abs += "index.html"
		}
		target = path.Clean(abs)
		if strings.HasPrefix(target, "../") || target == ".." {
			return fmt.Sprintf("link %q leaves the site", raw)
		}
		st, err := fs.Stat(site, target)
		if err == nil && st.IsDir() {
			target = path.Join(target, "index.html")
			_, err = fs.Stat(site, target)
		}
		if err != nil {
			return fmt.Sprintf("broken link %q: no %s", raw, target)
		}
	}
	if u.Fragment != "" && strings.HasSuffix(target, ".html") && !ids[target][u.Fragment] {
		return fmt.Sprintf("link %q: %s has no element with id %q", raw, target, u.Fragment)
	}
	return ""
}

var fileLine = regexp.MustCompile(`^([^:\s]+):(\d+): (.*)$`)
var fileOnly = regexp.MustCompile(`^([^:\s]+\.[A-Za-z]+): (.*)$`)

// FromError turns an error that starts "file:line: " (as brief's parsers
// write them) into a Finding.
func FromError(err error, isError bool) Finding {
	s := err.Error()
	if m := fileLine.FindStringSubmatch(s); m != nil {
		n := 0
		fmt.Sscan(m[2], &n)
		return Finding{File: m[1], Line: n, Msg: m[3], Error: isError}
	}
	if m := fileOnly.FindStringSubmatch(s); m != nil {
		return Finding{File: m[1], Msg: m[2], Error: isError}
	}
	return Finding{File: "brief", Msg: s, Error: isError}
}
