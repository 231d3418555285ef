package build

import (
	"context"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"brief"
)

// copyTree copies the files under src into dst.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		out := filepath.Join(dst, rel)
		os.MkdirAll(filepath.Dir(out), 0o755)
		return os.WriteFile(out, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

var (
	linkAttr = regexp.MustCompile(`(?:href|src)="([^"]*)"`)
	idAttr   = regexp.MustCompile(`id="([^"]*)"`)
)

// TestExampleSiteLinks builds a copy of the repository's example site and
// checks that every internal link and fragment resolves.
func TestExampleSiteLinks(t *testing.T) {
	dir := t.TempDir()
	copyTree(t, "../../content/articles", filepath.Join(dir, "content", "articles"))
	b, err := os.ReadFile("../../site.toml")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "site.toml"), b, 0o644)
	o := opts(dir)
	o.BaseURL = "https://example.org/sub/"
	o.Generator = "brief " + brief.Version // as `brief build` writes it in each briefing
	res, err := Build(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) > 0 || len(res.Warnings) > 0 || res.Generated < 121 {
		t.Fatalf("example site: %d generated, errors %v, warnings %v", res.Generated, res.Errors, res.Warnings)
	}
	// The repository's briefings are what the analysers write now: else
	// a newcomer's first `brief serve` rewrites tracked files.
	made, _ := filepath.Glob(filepath.Join(dir, "content", "briefings", "*.md"))
	for _, p := range made {
		want, _ := os.ReadFile(p)
		name := "content/briefings/" + filepath.Base(p)
		if got, err := os.ReadFile("../../" + name); err != nil || string(got) != string(want) {
			t.Errorf("%s is not what the analysers write now (%v): run `go run ./cmd/brief build` and commit content/briefings", name, err)
		}
	}
	pub := filepath.Join(dir, "public")
	ids := map[string]map[string]bool{}
	pages := map[string]string{}
	filepath.WalkDir(pub, func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".html") {
			b, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(pub, p)
			rel = filepath.ToSlash(rel)
			pages[rel] = string(b)
			ids[rel] = map[string]bool{}
			for _, m := range idAttr.FindAllStringSubmatch(string(b), -1) {
				ids[rel][m[1]] = true
			}
		}
		return nil
	})
	checked := 0
	for rel, html := range pages {
		for _, m := range linkAttr.FindAllStringSubmatch(html, -1) {
			u, err := url.Parse(strings.ReplaceAll(m[1], "&amp;", "&"))
			if err != nil {
				t.Errorf("%s: bad URL %q", rel, m[1])
				continue
			}
			if u.Host != "" && u.Host != "example.org" || u.Scheme == "mailto" {
				continue // external
			}
			target := rel
			if u.Path != "" {
				if !strings.HasPrefix(u.Path, "/sub/") {
					t.Errorf("%s: link %q escapes the base path", rel, m[1])
					continue
				}
				target = strings.TrimPrefix(u.Path, "/sub/")
				if target == "" || strings.HasSuffix(target, "/") {
					target += "index.html"
				}
				target = path.Clean(target)
			}
			if _, err := os.Stat(filepath.Join(pub, filepath.FromSlash(target))); err != nil {
				t.Errorf("%s: broken link %q", rel, m[1])
				continue
			}
			if u.Fragment != "" && strings.HasSuffix(target, ".html") && !ids[target][u.Fragment] {
				t.Errorf("%s: link %q to a missing anchor", rel, m[1])
			}
			checked++
		}
	}
	if checked < 1000 {
		t.Errorf("only %d links checked", checked)
	}
	t.Logf("%d pages, %d internal links checked", len(pages), checked)
}
