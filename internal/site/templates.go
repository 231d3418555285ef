package site

import (
	"crypto/sha256"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"sort"
	"strings"
	"time"
)

// pageKinds are the page templates, each executed with base.html.
var pageKinds = []string{"home", "briefing", "archive", "tags", "tag", "actors", "actor", "stories", "story", "timeline", "search", "404"}

// templates holds one parsed template set per page kind.
type templates map[string]*template.Template

// loadTemplates parses base.html, partials/*.html and each page kind's file
// from fsys, and returns them with the digest of their text. Parse errors
// name the template file and line.
func loadTemplates(fsys fs.FS, c *Config) (templates, Digest, error) {
	h := sha256.New()
	parseFile := func(t *template.Template, fsys fs.FS, name string) error {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return fmt.Errorf("templates/%s: %w", name, err)
		}
		hashTemplate(h, name, data)
		if _, err := t.Parse(string(data)); err != nil {
			return fmt.Errorf("templates/%s", strings.TrimPrefix(err.Error(), "template: "))
		}
		return nil
	}
	funcs := template.FuncMap{
		"rel":         func(p string) string { return relURL(c, p) },
		"abs":         func(p string) string { return c.absURL(p) },
		"date":        func(t time.Time) string { return t.Format("2 Jan 2006") },
		"isodate":     func(t time.Time) string { return t.Format("2006-01-02") },
		"lower":       strings.ToLower,
		"slug":        slugify,
		"timelineSVG": timelineSVG,
		"actorsDir": func(kind string) string {
			if kind == "place" {
				return "places"
			}
			return "actors"
		},
		"join": strings.Join,
	}
	base := template.New("base.html").Funcs(funcs)
	if err := parseFile(base, fsys, "base.html"); err != nil {
		return nil, Digest{}, err
	}
	partials, _ := fs.Glob(fsys, "partials/*.html")
	sort.Strings(partials)
	for _, p := range partials {
		if err := parseFile(base.New(p), fsys, p); err != nil {
			return nil, Digest{}, err
		}
	}
	out := templates{}
	for _, k := range pageKinds {
		t, err := base.Clone()
		if err != nil {
			return nil, Digest{}, err
		}
		name := k + ".html"
		if err := parseFile(t.New(name), fsys, name); err != nil {
			return nil, Digest{}, err
		}
		out[k] = t
	}
	var d Digest
	copy(d[:], h.Sum(nil))
	return out, d, nil
}

func hashTemplate(h io.Writer, name string, data []byte) {
	fmt.Fprintf(h, "%s %d\n", name, len(data))
	h.Write(data)
}

// templatesSum is the digest loadTemplates makes of the templates in fsys,
// without parsing them (for the default templates: see listKinds).
func templatesSum(fsys fs.FS) (Digest, error) {
	h := sha256.New()
	partials, _ := fs.Glob(fsys, "partials/*.html")
	sort.Strings(partials)
	names := append([]string{"base.html"}, partials...)
	for _, k := range pageKinds {
		names = append(names, k+".html")
	}
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return Digest{}, err
		}
		hashTemplate(h, name, data)
	}
	var d Digest
	copy(d[:], h.Sum(nil))
	return d, nil
}

// usesDefaults reports whether the templates a build parsed (whose digest
// is sum) are exactly the default ones: tmpl is an Overlay whose Top adds
// or changes nothing its Base has. Hashing the defaults again costs tens
// of microseconds a build.
func usesDefaults(tmpl fs.FS, sum Digest) bool {
	o, ok := tmpl.(Overlay)
	if !ok || o.Base == nil {
		return false
	}
	d, err := templatesSum(o.Base)
	return err == nil && d == sum
}

// relURL makes site path p ("/briefings/x/") a URL that works under the
// base path ("/project/briefings/x/").
func relURL(c *Config, p string) string {
	return c.basePath() + strings.TrimPrefix(p, "/")
}
