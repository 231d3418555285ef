package site

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"brief/internal/actors"
	"brief/internal/briefing"
	"brief/internal/parallel"
)

// Input is everything a site is built from.
type Input struct {
	Dir       string     // the site folder; Config.Output is relative to it unless absolute
	Config    *Config    //
	Docs      []Doc      // the briefings
	Actors    []Override // data/actors.toml: hand fixes of actor merges, names, kinds, roles
	Templates fs.FS      // the site's templates over brief's (see Overlay)
	Theme     fs.FS      // the site's theme over brief's
	Generator string     // "brief 0.1.0", for <meta name=generator> and feeds
	Memo      *Memo      // optional: keeps rendered Markdown between builds of one process (brief serve)
}

// Override is a hand fix of one actor (see package actors).
type Override = actors.Override

// Build renders the briefings into the output folder.
func Build(ctx context.Context, in Input) (*Result, error) {
	dir, cfg, docs, tmpl, theme, generator := in.Dir, in.Config, in.Docs, in.Templates, in.Theme, in.Generator
	ts, err := loadTemplates(tmpl, cfg)
	if err != nil {
		return nil, err
	}
	out, err := newOutput(dir, cfg.Output, in.Memo)
	if err != nil {
		return nil, err
	}
	defer out.cleanup()
	r := &Result{}
	b := &builder{cfg: cfg, ts: ts, out: out, res: r, generator: generator, overrides: in.Actors, memo: in.Memo}
	start := time.Now()
	if err := b.run(ctx, docs, theme); err != nil {
		return nil, err
	}
	t := time.Now()
	if err := out.commit(); err != nil {
		return nil, err
	}
	in.Memo.sweep()
	r.Files = len(out.names())
	r.Write = time.Since(t)
	r.Render = t.Sub(start)
	return r, nil
}

type builder struct {
	cfg       *Config
	ts        templates
	out       output
	res       *Result
	generator string
	overrides []Override
	memo      *Memo
	pending   []pendingPage // pages to render, see flush
	stories   []*Story      // set by crossref
	actors    []*ActorPage  // set by crossref
	places    []*ActorPage
}

func (b *builder) run(ctx context.Context, docs []Doc, theme fs.FS) error {
	var live []Doc
	seen := map[string]string{}
	for _, d := range docs {
		if d.Draft {
			continue
		}
		if !validSlug(d.Slug) {
			b.res.Skipped = append(b.res.Skipped, fmt.Errorf("%s: slug %q may only hold letters, digits and '-'; skipped", d.File, d.Slug))
			continue
		}
		if prev, ok := seen[d.Slug]; ok {
			b.res.Skipped = append(b.res.Skipped, fmt.Errorf("%s: slug %q is already used by %s; skipped", d.File, d.Slug, prev))
			continue
		}
		if _, err := time.Parse("2006-01-02", d.Date); err != nil {
			b.res.Skipped = append(b.res.Skipped, fmt.Errorf("%s: date %q is not a date like 2021-06-28; skipped", d.File, d.Date))
			continue
		}
		if d.URL != "" && safeHTTP(d.URL) == "" {
			b.res.Warnings = append(b.res.Warnings, fmt.Sprintf("%s: url %q is not an absolute http(s) URL; left out", d.File, d.URL))
			d.URL = ""
		}
		seen[d.Slug] = d.File
		live = append(live, d)
	}
	entries := make([]*Entry, len(live))
	warns := make([][]string, len(live))
	errs := make([]error, len(live))
	md := newMarkdown()
	parallel.For(ctx, len(live), func(i int) {
		d := live[i]
		html, w, err := b.memo.markdown(md, d.File, d.BodyLine, d.Body)
		t, terr := time.ParseInLocation("2006-01-02", d.Date, b.cfg.Location)
		switch {
		case err != nil:
			errs[i] = err
		case terr != nil:
			errs[i] = fmt.Errorf("%s: date %q is not a date like 2021-06-28", d.File, d.Date)
		}
		warns[i] = w
		entries[i] = &Entry{
			Briefing:     d.Briefing,
			Path:         "/briefings/" + d.Slug + "/",
			MarkdownPath: "/briefings/" + d.Slug + "/index.md",
			Time:         t,
			Content:      template.HTML(html),
			Lead:         lead(d.Briefing),
		}
	})
	if err := ctx.Err(); err != nil {
		return err
	}
	for i, d := range live {
		if errs[i] != nil {
			return errs[i]
		}
		b.res.Warnings = append(b.res.Warnings, warns[i]...)
		if err := write(b.out, "briefings/"+d.Slug+"/index.md", d.Raw); err != nil {
			return err
		}
	}
	sort.SliceStable(entries, func(i, j int) bool {
		if !entries[i].Time.Equal(entries[j].Time) {
			return entries[i].Time.After(entries[j].Time)
		}
		return entries[i].Slug < entries[j].Slug
	})
	b.crossref(entries)
	if err := b.cards(ctx, entries); err != nil {
		return err
	}
	for _, e := range entries {
		p := &Page{Kind: "briefing", Title: e.Title, Description: e.Lead, Path: e.Path, Entry: e}
		if err := b.page(p); err != nil {
			return err
		}
		if err := b.briefingJSON(e); err != nil {
			return err
		}
	}
	steps := []func([]*Entry) error{b.home, b.archive, b.tags, b.actorPages, b.storyPages, b.timeline, b.search, b.notFound, b.feed, b.jsonFeed, b.sitemap, b.robots}
	for _, step := range steps {
		if err := step(entries); err != nil {
			return err
		}
	}
	if err := b.copyTheme(theme); err != nil {
		return err
	}
	return b.flush(ctx)
}

// cards renders each entry's card once (it appears in many lists: home,
// tags, actors, stories).
func (b *builder) cards(ctx context.Context, entries []*Entry) error {
	errs := make([]error, len(entries))
	t := b.ts["home"]
	parallel.For(ctx, len(entries), func(i int) {
		var buf bytes.Buffer
		if err := t.ExecuteTemplate(&buf, "card", entries[i]); err != nil {
			errs[i] = fmt.Errorf("templates/%s", strings.TrimPrefix(err.Error(), "template: "))
			return
		}
		entries[i].Card = template.HTML(buf.String())
	})
	if err := ctx.Err(); err != nil {
		return err
	}
	return errors.Join(errs...)
}

// page queues the page p for p.Path/index.html; flush renders the queue.
func (b *builder) page(p *Page) error {
	p.Site = b.cfg
	p.Generator = b.generator
	name := strings.TrimPrefix(p.Path, "/") + "index.html"
	if p.Kind == "404" {
		name = "404.html"
	}
	if err := b.out.reserve(name); err != nil {
		return err
	}
	b.res.Pages++
	b.pending = append(b.pending, pendingPage{p, name})
	return nil
}

type pendingPage struct {
	page *Page
	name string
}

// flush executes the queued pages' templates on all cores and writes them.
// The first failing page in queue order is the error, so errors are
// deterministic.
func (b *builder) flush(ctx context.Context) error {
	errs := make([]error, len(b.pending))
	parallel.For(ctx, len(b.pending), func(i int) {
		pp := b.pending[i]
		var buf bytes.Buffer
		if err := b.ts[pp.page.Kind].ExecuteTemplate(&buf, "base.html", pp.page); err != nil {
			errs[i] = fmt.Errorf("templates/%s", strings.TrimPrefix(err.Error(), "template: "))
			return
		}
		errs[i] = b.out.put(pp.name, buf.Bytes())
	})
	if err := ctx.Err(); err != nil {
		return err
	}
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

func (b *builder) home(entries []*Entry) error {
	size := b.cfg.PageSize
	total := (len(entries) + size - 1) / size
	if total == 0 {
		total = 1
	}
	pagePath := func(n int) string {
		if n == 1 {
			return "/"
		}
		return "/page/" + strconv.Itoa(n) + "/"
	}
	for n := 1; n <= total; n++ {
		lo, hi := (n-1)*size, min(n*size, len(entries))
		pg := &Pager{Number: n, Total: total}
		if n > 1 {
			pg.Prev = pagePath(n - 1)
		}
		if n < total {
			pg.Next = pagePath(n + 1)
		}
		title := b.cfg.Title
		if n > 1 {
			title = fmt.Sprintf("%s, page %d", b.cfg.Title, n)
		}
		p := &Page{Kind: "home", Title: title, Description: b.cfg.Description, Path: pagePath(n), Entries: entries[lo:hi], Pager: pg}
		if err := b.page(p); err != nil {
			return err
		}
	}
	return nil
}

func (b *builder) archive(entries []*Entry) error {
	var months []Month
	for _, e := range entries {
		id := e.Time.Format("2006-01")
		if len(months) == 0 || months[len(months)-1].ID != id {
			months = append(months, Month{Label: e.Time.Format("January 2006"), ID: id})
		}
		m := &months[len(months)-1]
		m.Entries = append(m.Entries, e)
	}
	return b.page(&Page{Kind: "archive", Title: "Archive", Description: "Every briefing by month.", Path: "/archive/", Entries: entries, Months: months})
}

func (b *builder) tags(entries []*Entry) error {
	byTag := map[string]*Tag{}
	for _, e := range entries {
		for _, name := range e.Tags {
			s := slugify(name)
			if s == "" {
				continue
			}
			t := byTag[s]
			if t == nil {
				t = &Tag{Name: name, Slug: s, Path: "/tags/" + s + "/"}
				byTag[s] = t
			}
			if n := len(t.Entries); n == 0 || t.Entries[n-1] != e {
				t.Entries = append(t.Entries, e)
			}
		}
	}
	var all []Tag
	for _, t := range byTag {
		all = append(all, *t)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].Slug < all[j].Slug })
	for i := range all {
		t := &all[i]
		p := &Page{Kind: "tag", Title: "Tagged “" + t.Name + "”", Path: t.Path, Entries: t.Entries, Tag: t.Name,
			Description: fmt.Sprintf("%d briefings tagged %s.", len(t.Entries), t.Name)}
		if err := b.page(p); err != nil {
			return err
		}
		if err := b.atom(t.Path+"feed.xml", b.cfg.Title+": "+t.Name, t.Path, t.Entries); err != nil {
			return err
		}
	}
	return b.page(&Page{Kind: "tags", Title: "Tags", Description: "All tags.", Path: "/tags/", Tags: all})
}

func (b *builder) notFound([]*Entry) error {
	return b.page(&Page{Kind: "404", Title: "Page not found", Path: "/404.html"})
}

func (b *builder) robots([]*Entry) error {
	return write(b.out, "robots.txt", []byte("User-agent: *\nAllow: /\nSitemap: "+b.cfg.absURL("/sitemap.xml")+"\n"))
}

func (b *builder) copyTheme(theme fs.FS) error {
	return fs.WalkDir(theme, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(theme, p)
		if err != nil {
			return err
		}
		return write(b.out, "theme/"+p, data)
	})
}

// lead is the bottom line as one plain string.
func lead(br *briefing.Briefing) string {
	var parts []string
	for _, s := range br.Summary {
		parts = append(parts, s.Text)
	}
	return strings.Join(parts, " ")
}

// validSlug reports whether s is a non-empty run of letters, digits and '-'.
func validSlug(s string) bool {
	if s == "" || s[0] == '-' {
		return false
	}
	for _, r := range s {
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-') {
			return false
		}
	}
	return true
}

// Slugify turns a name into a URL path segment: lower-case letters and
// digits of any script, other runs as '-', at most 80 bytes.
func Slugify(s string) string { return slugify(s) }

func slugify(s string) string {
	var b []byte
	dash := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && len(b) > 0 {
				b = append(b, '-')
			}
			dash = false
			b = utf8.AppendRune(b, unicode.ToLower(r))
		} else {
			dash = true
		}
		if len(b) >= 80 {
			break
		}
	}
	return string(b)
}
