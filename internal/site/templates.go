package site

import (
	"fmt"
	"html/template"
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
// from fsys. Parse errors name the template file and line.
func loadTemplates(fsys fs.FS, c *Config) (templates, error) {
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
		return nil, err
	}
	partials, _ := fs.Glob(fsys, "partials/*.html")
	sort.Strings(partials)
	for _, p := range partials {
		if err := parseFile(base.New(p), fsys, p); err != nil {
			return nil, err
		}
	}
	out := templates{}
	for _, k := range pageKinds {
		t, err := base.Clone()
		if err != nil {
			return nil, err
		}
		name := k + ".html"
		if err := parseFile(t.New(name), fsys, name); err != nil {
			return nil, err
		}
		out[k] = t
	}
	return out, nil
}

func parseFile(t *template.Template, fsys fs.FS, name string) error {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return fmt.Errorf("templates/%s: %w", name, err)
	}
	if _, err := t.Parse(string(data)); err != nil {
		return fmt.Errorf("templates/%s", strings.TrimPrefix(err.Error(), "template: "))
	}
	return nil
}

// relURL makes site path p ("/briefings/x/") a URL that works under the
// base path ("/project/briefings/x/").
func relURL(c *Config, p string) string {
	return c.basePath() + strings.TrimPrefix(p, "/")
}
