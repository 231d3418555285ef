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
// name the template file and line. prev, when set, is the last build's
// model: its parsed templates are taken over when the text and the site's
// configuration (which the functions read) are the same, as in `brief
// serve` after an edit to an article (parsing, and html/template's
// escaping on first use, cost 3 ms a build).
func loadTemplates(fsys fs.FS, c *Config, prev *Model) (parsedTemplates, Digest, error) {
	srcs, d, err := readTemplates(fsys)
	if err != nil {
		return parsedTemplates{}, Digest{}, err
	}
	key := globalDigest("", "", c, d)
	if prev != nil && prev.tmpl.ts != nil && prev.tmpl.key == key {
		return prev.tmpl, d, nil
	}
	ts, err := parseTemplates(srcs, c)
	return parsedTemplates{key: key, ts: ts, lists: listSum(srcs)}, d, err
}

// parsedTemplates are a build's parsed templates, kept in its Model for
// the next build: key is the digest of their text and the configuration,
// lists the listSum of their text.
type parsedTemplates struct {
	key, lists Digest
	ts         templates
}

// source is a template file's name and text.
type source struct {
	name string
	data []byte
}

// readTemplates reads base.html, partials/*.html (sorted) and each page
// kind's file, in that order, and digests them.
func readTemplates(fsys fs.FS) ([]source, Digest, error) {
	partials, _ := fs.Glob(fsys, "partials/*.html")
	sort.Strings(partials)
	names := append([]string{"base.html"}, partials...)
	for _, k := range pageKinds {
		names = append(names, k+".html")
	}
	h := sha256.New()
	srcs := make([]source, len(names))
	for i, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, Digest{}, fmt.Errorf("templates/%s: %w", name, err)
		}
		hashTemplate(h, name, data)
		srcs[i] = source{name, data}
	}
	var d Digest
	copy(d[:], h.Sum(nil))
	return srcs, d, nil
}

// parseTemplates parses what readTemplates read: one set per page kind,
// each base.html with the partials and the kind's own file.
func parseTemplates(srcs []source, c *Config) (templates, error) {
	parse := func(t *template.Template, src source) error {
		if _, err := t.Parse(string(src.data)); err != nil {
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
	if err := parse(base, srcs[0]); err != nil {
		return nil, err
	}
	kinds := srcs[len(srcs)-len(pageKinds):]
	for _, p := range srcs[1 : len(srcs)-len(pageKinds)] {
		if err := parse(base.New(p.name), p); err != nil {
			return nil, err
		}
	}
	out := templates{}
	for i, k := range pageKinds {
		t, err := base.Clone()
		if err != nil {
			return nil, err
		}
		if err := parse(t.New(kinds[i].name), kinds[i]); err != nil {
			return nil, err
		}
		out[k] = t
	}
	return out, nil
}

func hashTemplate(h io.Writer, name string, data []byte) {
	fmt.Fprintf(h, "%s %d\n", name, len(data))
	h.Write(data)
}

// templatesSum is the digest loadTemplates makes of the templates in fsys,
// without parsing them (for the default templates: see listKinds).
func templatesSum(fsys fs.FS) (Digest, error) {
	_, d, err := readTemplates(fsys)
	return d, err
}

// usesDefaults reports whether the list pages of a build whose
// templates are tmpl render through the default templates (see
// listKinds): tmpl is an Overlay whose Top leaves base.html, the
// partials and the list kinds' own files as its Base has them, and adds
// no partial (a partial can define a template the others call). Other
// files (briefing.html, 404.html...) may be the site's own: each kind's
// file is parsed into its own set (see parseTemplates), so it cannot
// change how a list page renders. lists is listSum of the templates the
// build read. Reading the defaults again costs tens of microseconds a
// build.
func usesDefaults(tmpl fs.FS, lists Digest) bool {
	o, ok := tmpl.(Overlay)
	if !ok || o.Base == nil {
		return false
	}
	srcs, _, err := readTemplates(o.Base)
	return err == nil && listSum(srcs) == lists
}

// listSum is the digest of the templates a list page renders through:
// base.html, the partials and the list kinds' files (see usesDefaults).
func listSum(srcs []source) Digest {
	h := sha256.New()
	for _, src := range srcs {
		if src.name == "base.html" || strings.HasPrefix(src.name, "partials/") || listKinds[strings.TrimSuffix(src.name, ".html")] {
			hashTemplate(h, src.name, src.data)
		}
	}
	var d Digest
	copy(d[:], h.Sum(nil))
	return d
}

// relURL makes site path p ("/briefings/x/") a URL that works under the
// base path ("/project/briefings/x/").
func relURL(c *Config, p string) string {
	return c.basePath() + strings.TrimPrefix(p, "/")
}
