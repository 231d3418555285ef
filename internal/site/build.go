package site

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"

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
	// Program identifies brief's own code (a hash of the binary): pages
	// made by another build of brief are made again.
	Program string
	// Outputs is what earlier builds left and how this one may write.
	Outputs Outputs
	// Notes are the Markdown warnings of each briefing by its digest, from
	// earlier builds: a briefing whose page is not rendered again still
	// reports them.
	Notes map[[32]byte][]string
	// Model, when set, is the previous build's (Result.Model): this build
	// takes it over and does only the work the changes call for.
	Model *Model
	// KeepModel asks for Result.Model.
	KeepModel bool
	// First are output files ("briefings/x/index.html") to make before
	// the others when the build is long: in place (brief serve), and the
	// site's model made again, not updated (a template or the
	// configuration changed: every page is rendered). Once those of First
	// the build makes are written, Ready is called, from the build's
	// goroutine; the build then makes the rest. brief serve gives the
	// pages its browsers show and tells them at Ready, so that a template
	// edit at 10,000 articles shows in the open page after about 0.5 s,
	// not after the 6-8 s of rendering every page. A build that fails
	// after Ready may leave those files new and the rest old; the output
	// state is then checked again by the next build, as after any failure.
	First []string
	Ready func()
}

// Override is a hand fix of one actor (see package actors).
type Override = actors.Override

// Build renders the briefings into the output folder.
func Build(ctx context.Context, in Input) (*Result, error) {
	dir, cfg, docs, tmpl, theme, generator := in.Dir, in.Config, in.Docs, in.Templates, in.Theme, in.Generator
	r, key, ok := Unchanged(ctx, in) // key: the command line's
	if ok {
		return r, nil
	}
	pt, tsum, err := loadTemplates(tmpl, cfg, in.Model)
	if err != nil {
		return nil, err
	}
	outDir := outputPath(dir, cfg.Output)
	if err := checkOutput(dir, outDir, in.Outputs.Live.describes(outDir)); err != nil {
		return nil, err
	}
	out, err := newOutput(dir, cfg.Output, in.Outputs)
	if err != nil {
		return nil, err
	}
	defer out.cleanup()
	r = &Result{Notes: map[[32]byte][]string{}}
	b := &builder{cfg: cfg, ts: pt.ts, tmpl: pt, out: out, res: r, generator: generator, overrides: in.Actors, md: newMarkdown(), notes: in.Notes,
		prev: in.Model, keep: in.KeepModel, slugs: map[string]string{}, first: in.First, ready: in.Ready}
	if m := in.Model; m != nil { // what it remembers of names serves this build too
		b.slugs, b.keys = m.slugs, m.keys
	} else if in.KeepModel {
		b.keys = actors.Keys{}
	}
	b.dig.global = globalDigest(in.Program, generator, cfg, tsum)
	b.dig.data = globalDigest(in.Program, generator, cfg, Digest{})
	b.dig.view = usesDefaults(tmpl, pt.lists)
	start := time.Now()
	if err := b.run(ctx, docs, theme); err != nil {
		return nil, err
	}
	t := time.Now()
	if err := out.commit(); err != nil {
		return nil, err
	}
	r.Files = len(out.names()) + 3*len(b.implicit)
	r.Write = time.Since(t)
	r.Render = t.Sub(start)
	r.Mode = out.mode()
	r.State, r.Spare, r.Unchanged = out.states()
	if key != (Digest{}) && summarize(r.State, r, key) {
		r.Unchanged = false // the state is to be saved with its summary
	}
	r.Reused = b.reused
	r.Steps = b.clock.steps
	if in.KeepModel {
		r.Model = b.model()
	}
	return r, nil
}

// Step is a part of the render stage and the time it took (Result.Steps):
// admitting the briefings, ordering them, the cross-briefing model, the
// timeline's years, the briefings' own files, each list step (home,
// archive, tags...), making the files, and the Markdown notes.
type Step struct {
	Name string
	Time time.Duration
}

// clock times the steps of a build.
type clock struct {
	last  time.Time
	steps []Step
}

// lap ends the step name (none: starts the clock).
func (c *clock) lap(name string) {
	now := time.Now()
	if name != "" {
		c.steps = append(c.steps, Step{name, now.Sub(c.last)})
	}
	c.last = now
}

// newestFirst orders entries by date, newest first, then by slug.
func newestFirst(a, b *Entry) int {
	if c := b.Time.Compare(a.Time); c != 0 {
		return c
	}
	return strings.Compare(a.Slug, b.Slug)
}

// sortEntries sorts the entries newest first. The previous build's order
// is tried first: when every entry has a place in it and the entries
// stand in order there, a linear check replaces the sort.
func (b *builder) sortEntries(entries []*Entry) {
	if m := b.prev; m != nil && len(m.entries) == len(entries) {
		placed := make([]*Entry, len(entries))
		ok := true
		for _, e := range entries {
			o := e
			if i := e.idx; i >= len(m.entries) || m.entries[i] != e { // not the model's own entry
				o = m.byFile[e.file]
			}
			if o == nil || o.idx >= len(placed) || m.entries[o.idx] != o || placed[o.idx] != nil {
				ok = false
				break
			}
			placed[o.idx] = e
		}
		if ok && slices.IsSortedFunc(placed, newestFirst) {
			copy(entries, placed)
			return
		}
	}
	slices.SortFunc(entries, newestFirst) // slugs are unique: a total order
}

// globalDigest is what every output file depends on: brief's code, the
// configuration and the templates.
func globalDigest(program, generator string, cfg *Config, templates Digest) Digest {
	d := &digester{}
	w := d.newWalker()
	w.str(program)
	w.str(generator)
	w.value(reflect.ValueOf(*cfg))
	w.str(cfg.Location.String())
	w.str(cfg.base)
	w.digest(templates)
	return w.sum()
}

type builder struct {
	cfg       *Config
	ts        templates
	tmpl      parsedTemplates // ts and its key, for the Model
	out       output
	res       *Result
	generator string
	overrides []Override
	md        goldmark.Markdown
	notes     map[[32]byte][]string
	dig       digester
	jobs      []job        // files to make, see flush
	entries   []*Entry     // newest first
	stories   []*Story     // set by crossref
	actors    []*ActorPage // set by crossref
	places    []*ActorPage
	prev      *Model   // the previous build's, to reuse
	keep      bool     // make a model for the next build
	reused    bool     // whether it was
	first     []string // Input.First
	ready     func()   // Input.Ready
	// The model (see Model), set by crossref or reuse.
	idx       *actors.Index
	pages     map[*actors.Actor]*ActorPage
	years     map[string]*yearEvents
	relatedBy map[*Entry][]*Entry
	coBy      map[*ActorPage][]*ActorPage
	slugs     map[string]string
	keys      actors.Keys // the actors' normalised names, remembered with the model
	yearSums  []*Year     // the timeline's years as its pages hold them, to digest once
	names     uint64      // the names reserved, summed (see nameHash)
	// sitemapMemo is the sitemap's digest and the set of names it is of.
	sitemapMemo keyedMemo
	implicit    []*Entry // briefings whose files are kept without their names claimed
	clock       clock
	bySource    []*Entry // the entries in the order of their files, kept with the model
	tagList     []Tag    // the tags step's grouping, kept with the model
	sameTags    bool     // reuse: every changed briefing has the tags it had
	stepsFrom   int      // the first job of the steps after the briefings' own files
}

// job is one output file: a page (a template executed with a Page) or a
// file brief makes itself (make), from parts (see digester.of; no parts:
// no digest, always made).
type job struct {
	name  string
	page  *Page
	make  func() ([]byte, error)
	parts []any
	// memo, when set, keeps the digest across builds: a file made from
	// one entry alone (its page, Markdown and JSON) has the digest it had
	// while the entry's digest (key) is the same (see Model).
	memo *memo
	key  Digest
	// keyOf, when set, is the digest the memo is kept for, read once
	// digests are made (flush): an actor's, whose pages are made from it
	// alone (see ActorPage.memos).
	keyOf *kept
}

// keyFor is the key a memo is kept for when made from the digest k alone
// (job.keyOf): k with the global digest, which k does not cover.
func keyFor(global, k Digest) Digest {
	for i := range k {
		k[i] ^= global[i]
	}
	return k
}

// memo is a digest kept across builds, for what it was made from (of).
type memo struct {
	sum Digest
	ok  bool
	of  Digest
}

// made reports whether the memo holds the digest of a file made from k.
func (m *memo) made(k Digest) bool { return m.ok && m.of == k }

func (b *builder) run(ctx context.Context, docs []Doc, theme fs.FS) error {
	b.clock.lap("") // the clock starts
	live := make([]Doc, 0, len(docs))
	b.entries = make([]*Entry, 0, len(docs))
	known := b.prev.known(b.dig.global)
	// The docs of the last build's entries, in the same order and with the
	// same slugs (aligned): the entries are taken by position, and slugs
	// are unique as they were, without a map of either.
	aligned := known != nil && len(b.prev.bySource) == len(docs)
	for i := 0; aligned && i < len(docs); i++ {
		o, d := b.prev.bySource[i], &docs[i]
		aligned = o.file == d.File && o.Slug == d.Slug && !d.Draft
	}
	var seen map[string]string
	if !aligned {
		seen = make(map[string]string, len(docs))
	}
	for i, d := range docs {
		var k *Entry
		if aligned {
			k = b.prev.bySource[i]
		} else {
			k = known[d.File]
		}
		if k != nil && k.Briefing == d.Briefing && k.source == d.Digest && (aligned || seen[d.Slug] == "") {
			// As the last build found it: valid, and its entry made.
			if !aligned {
				seen[d.Slug] = d.File
			}
			live = append(live, d)
			b.entries = append(b.entries, k)
			continue
		}
		if d.Draft {
			continue
		}
		if !validSlug(d.Slug) {
			b.res.Skipped = append(b.res.Skipped, fmt.Errorf("%s: slug %q may only hold letters, digits and '-'; skipped", d.File, d.Slug))
			continue
		}
		if prev, ok := seen[d.Slug]; ok && !aligned {
			b.res.Skipped = append(b.res.Skipped, fmt.Errorf("%s: slug %q is already used by %s; skipped", d.File, d.Slug, prev))
			continue
		}
		t, err := time.ParseInLocation("2006-01-02", d.Date, b.cfg.Location)
		if err != nil {
			b.res.Skipped = append(b.res.Skipped, fmt.Errorf("%s: date %q is not a date like 2021-06-28; skipped", d.File, d.Date))
			continue
		}
		if d.URL != "" && safeHTTP(d.URL) == "" {
			b.res.Warnings = append(b.res.Warnings, fmt.Sprintf("%s: url %q is not an absolute http(s) URL; left out", d.File, d.URL))
			d.URL = ""
		}
		if !aligned {
			seen[d.Slug] = d.File
		}
		live = append(live, d)
		e := &Entry{Briefing: d.Briefing, Path: "/briefings/" + d.Slug + "/", MarkdownPath: "/briefings/" + d.Slug + "/index.md",
			Time: t, source: d.Digest, file: d.File, bodyLine: d.BodyLine, b: b}
		if d.LazyBody {
			e.bodyFrom, e.bodyAt = d.Read, d.BodyAt
			if d.Raw != nil {
				e.bodyFrom, e.bodyRaw = nil, d.Raw
			}
		}
		b.entries = append(b.entries, e)
	}
	parallel.For(ctx, len(b.entries), func(i int) {
		if e := b.entries[i]; e.source == ([32]byte{}) {
			e.source = DocDigest(live[i].File, live[i].Raw)
		}
	})
	if err := ctx.Err(); err != nil {
		return err
	}
	b.clock.lap("briefings")
	bySource := slices.Clone(b.entries) // for the warnings, in file order
	entries := b.entries
	b.sortEntries(entries)
	sorted := slices.Clone(entries)
	b.clock.lap("order")
	if b.reused = b.reuse(b.prev, entries); b.reused {
		for i, e := range sorted {
			e.twin = entries[i] // the model's entry it became
		}
		for i, e := range bySource {
			bySource[i] = e.twin
		}
		for _, e := range sorted {
			e.twin = nil
		}
	} else {
		parallel.For(ctx, len(entries), func(i int) {
			e := entries[i]
			e.resetCross(b)
			e.Lead = lead(e.Briefing)
		})
		b.crossref(entries)
	}
	b.bySource = bySource
	b.clock.lap("model")
	b.dig.prepareEntries(entries)
	b.makeYears()
	b.clock.lap("years")
	// A briefing's own files: its Markdown, page and JSON, made from the
	// entry alone. Their digests are kept with the entry (memos, for the
	// entry's digest; an entry is kept across builds only with the same
	// global digest, see Model.known). When the output is updated in place
	// and the entry's digest is the one its files were made from, they are
	// what the output holds: their names are kept, nothing else is done.
	inplace := b.out.mode() == "in place"
	same := func(e *Entry) bool {
		k := e.dsum.sum
		return inplace && e.memos[0].made(k) && e.memos[1].made(k) && e.memos[2].made(k)
	}
	entryJob := func(e *Entry, i int) {
		j := &b.jobs[len(b.jobs)-1]
		j.memo, j.key = &e.memos[i], e.dsum.sum
	}
	// With the model reused, the briefings are those of the last build:
	// the names of the files kept are not even claimed (implicit), and only
	// the files the last build's other steps made can be stale (see
	// inPlace.only).
	implicit := b.reused && inplace && b.prev.stepNames != nil
	if implicit {
		b.out.(*inPlace).only = b.prev.stepNames
	}
	for i, d := range live {
		e := bySource[i]
		kept := same(e)
		if kept && implicit {
			b.implicit = append(b.implicit, e)
			b.names += e.nameSum()
			continue
		}
		md := "briefings/" + d.Slug + "/index.md"
		if kept {
			if err := b.reserve(md); err != nil {
				return err
			}
			continue
		}
		raw, read := d.Raw, d.Read
		if err := b.file(md, func() ([]byte, error) {
			if raw == nil && read != nil {
				return read()
			}
			return raw, nil
		}, e.source); err != nil {
			return err
		}
		entryJob(e, 0)
	}
	for _, e := range entries {
		if same(e) && implicit {
			b.res.Pages++
			continue
		}
		if same(e) {
			for _, name := range []string{strings.TrimPrefix(e.Path, "/") + "index.html", strings.TrimPrefix(e.Path, "/") + "index.json"} {
				if err := b.reserve(name); err != nil {
					return err
				}
			}
			b.res.Pages++
			continue
		}
		p := &Page{Kind: "briefing", Title: e.Title, Description: e.Lead, Path: e.Path, Entry: e}
		if err := b.page(p); err != nil {
			return err
		}
		entryJob(e, 1)
		if err := b.briefingJSON(e); err != nil {
			return err
		}
		entryJob(e, 2)
	}
	b.clock.lap("briefing files")
	b.stepsFrom = len(b.jobs)
	steps := []struct {
		name string
		do   func([]*Entry) error
	}{{"home", b.home}, {"archive", b.archive}, {"tags", b.tags}, {"actors", b.actorPages}, {"stories", b.storyPages}, {"timeline", b.timeline},
		{"search", b.search}, {"404", b.notFound}, {"feed", b.feed}, {"json feed", b.jsonFeed}, {"sitemap", b.sitemap}, {"robots", b.robots}}
	for _, step := range steps {
		if err := step.do(entries); err != nil {
			return err
		}
		b.clock.lap(step.name)
	}
	if err := b.copyTheme(theme); err != nil {
		return err
	}
	b.clock.lap("theme")
	if err := b.flush(ctx); err != nil {
		return err
	}
	b.clock.lap("files")
	defer b.clock.lap("notes")
	return b.markdownNotes(ctx, bySource)
}

// markdownNotes reports the Markdown warnings of every briefing, in file
// order: those converted in this build, and those of earlier builds for
// the rest (converting a briefing whose notes are not known).
func (b *builder) markdownNotes(ctx context.Context, entries []*Entry) error {
	var errs []error
	parallel.For(ctx, len(entries), func(i int) {
		e := entries[i]
		if e.converted() { // its warnings are known (its HTML may be let go)
			return
		}
		if n, ok := b.notes[e.source]; ok {
			e.warns = n
			return
		}
		e.Content()
	})
	if err := ctx.Err(); err != nil {
		return err
	}
	for _, e := range entries {
		if e.mdErr != nil {
			errs = append(errs, e.mdErr)
		}
		b.res.Warnings = append(b.res.Warnings, e.warns...)
		b.res.Notes[e.source] = e.warns
	}
	return errors.Join(errs...)
}

// allNames is every name of this build: those claimed and the implicit
// ones (see run).
func (b *builder) allNames() map[string]bool {
	names := b.out.names()
	if len(b.implicit) == 0 {
		return names
	}
	all := maps.Clone(names)
	for _, e := range b.implicit {
		for _, n := range e.fileNames() {
			all[n] = true
		}
	}
	return all
}

// reserve claims the output file name for this build, and adds it to
// the sum of names (see nameHash).
func (b *builder) reserve(name string) error {
	if err := b.out.reserve(name); err != nil {
		return err
	}
	b.names += nameHash(name)
	return nil
}

// page queues the page p for p.Path/index.html; flush renders the queue.
func (b *builder) page(p *Page) error {
	p.Site = b.cfg
	p.Generator = b.generator
	name := strings.TrimPrefix(p.Path, "/") + "index.html"
	if p.Kind == "404" {
		name = "404.html"
	}
	if err := b.reserve(name); err != nil {
		return err
	}
	b.res.Pages++
	b.jobs = append(b.jobs, job{name: name, page: p})
	return nil
}

// file queues the file name, made by make from parts.
func (b *builder) file(name string, make func() ([]byte, error), parts ...any) error {
	if err := b.reserve(name); err != nil {
		return err
	}
	b.jobs = append(b.jobs, job{name: name, make: make, parts: parts})
	return nil
}

// flush makes the queued files on all cores: each whose digest says the
// output already holds it is kept, the rest are made and written. The
// first failing file in queue order is the error, so errors are
// deterministic.
func (b *builder) flush(ctx context.Context) error {
	b.dig.prepare(b.entries, b.yearSums, append(slices.Clone(b.actors), b.places...), b.stories)
	errs := make([]error, len(b.jobs))
	var made atomic.Int64
	sizes := make(map[string]*atomic.Int64, len(b.ts))
	for kind := range b.ts {
		sizes[kind] = new(atomic.Int64)
	}
	drop := !b.keep && !b.cfg.Feed.FullContent // see Entry.dropContent
	makeJob := func(i int) {
		j := b.jobs[i]
		// What the job holds (a page's data, the bytes of a briefing's
		// Markdown) is let go once it is made; the name stays (Steps).
		b.jobs[i].page, b.jobs[i].make, b.jobs[i].parts = nil, nil, nil
		if drop && j.page != nil && j.page.Kind == "briefing" {
			defer j.page.Entry.dropContent()
		}
		if j.keyOf != nil {
			if j.keyOf.ok {
				j.key = keyFor(b.dig.global, j.keyOf.sum)
			} else { // not digested (prepare digests every actor): no memo
				j.memo = nil
			}
		}
		var d Digest
		switch {
		case j.memo != nil && j.memo.made(j.key):
			d = j.memo.sum
		case j.page != nil:
			d = b.dig.page(j.name, j.page)
		case len(j.parts) > 0:
			d = b.dig.of(j.name, j.parts...)
		}
		if j.memo != nil {
			*j.memo = memo{sum: d, ok: true, of: j.key}
		}
		if b.out.keep(j.name, d) {
			return
		}
		made.Add(1)
		var data []byte
		if j.page != nil {
			// Sized at the last page of its kind: growing a buffer from
			// nothing to a 30 KB page copies and clears it ten times.
			size := sizes[j.page.Kind]
			var buf bytes.Buffer
			if size != nil {
				buf.Grow(int(size.Load()))
			}
			if err := b.ts[j.page.Kind].ExecuteTemplate(&buf, "base.html", j.page); err != nil {
				errs[i] = templateError(err)
				return
			}
			data = buf.Bytes()
			if size != nil {
				size.Store(int64(len(data)) + int64(len(data))/8)
			}
		} else {
			var err error
			if data, err = j.make(); err != nil {
				errs[i] = err
				return
			}
		}
		errs[i] = b.out.put(j.name, data, d)
	}
	if first, rest := b.firstJobs(); first != nil {
		parallel.For(ctx, len(first), func(k int) { makeJob(first[k]) })
		var names []string
		for _, i := range first {
			if errs[i] == nil {
				names = append(names, b.jobs[i].name)
			}
		}
		b.out.(*inPlace).writeNow(names)
		b.ready()
		parallel.For(ctx, len(rest), func(k int) { makeJob(rest[k]) })
	} else {
		parallel.For(ctx, len(b.jobs), makeJob)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	b.res.Made = int(made.Load())
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// firstJobs splits the jobs into those of Input.First and the rest, by
// index, when the build makes them first (see Input.First); nil otherwise.
func (b *builder) firstJobs() (first, rest []int) {
	if len(b.first) == 0 || b.ready == nil || b.reused {
		return nil, nil
	}
	if _, ok := b.out.(*inPlace); !ok {
		return nil, nil
	}
	want := make(map[string]bool, len(b.first))
	for _, n := range b.first {
		want[n] = true
	}
	for i, j := range b.jobs {
		if want[j.name] {
			first = append(first, i)
		} else {
			rest = append(rest, i)
		}
	}
	if first == nil {
		return nil, nil
	}
	return first, rest
}

func templateError(err error) error {
	return fmt.Errorf("templates/%s", strings.TrimPrefix(err.Error(), "template: "))
}

func (b *builder) home(entries []*Entry) error {
	return b.paginate("/", entries, b.cfg.PageSize, func(part []*Entry, pg *Pager) *Page {
		title := b.cfg.Title
		if pg.Number > 1 {
			title = fmt.Sprintf("%s, page %d", b.cfg.Title, pg.Number)
		}
		return &Page{Kind: "home", Title: title, Description: b.cfg.Description, Entries: part}
	})
}

// ListPageSize is how many briefings a tag, actor, place or story page
// lists; the rest go on to <path>page/2/ and on.
const ListPageSize = 50

// paginate queues the pages of a list of entries at path, path+"page/2/"...,
// size entries a page (at least one page, empty when there are no
// entries); mk makes each page's data, and paginate sets its path and
// pager.
func (b *builder) paginate(path string, entries []*Entry, size int, mk func(part []*Entry, pg *Pager) *Page) error {
	total := max(1, (len(entries)+size-1)/size)
	for n := 1; n <= total; n++ {
		lo, hi := (n-1)*size, min(n*size, len(entries))
		pg := pager(path, n, total)
		pg.First = lo + 1
		p := mk(entries[lo:hi], pg)
		p.Path, p.Pager = pagePath(path, n), pg
		if err := b.page(p); err != nil {
			return err
		}
	}
	return nil
}

// pagePath is the path of page n of the pages at path: path itself, then
// path/page/N/.
func pagePath(path string, n int) string {
	if n == 1 {
		return path
	}
	return path + "page/" + strconv.Itoa(n) + "/"
}

// pager is page n of total at path.
func pager(path string, n, total int) *Pager {
	pg := &Pager{Number: n, Total: total}
	if n > 1 {
		pg.Prev = pagePath(path, n-1)
	}
	if n < total {
		pg.Next = pagePath(path, n+1)
	}
	return pg
}

// yearLinks is the year navigation of a split timeline or archive under
// base ("/archive/"): the links, and the index of years with their counts.
func yearLinks(base string, names []string, counts []int) (nav, index []YearLink) {
	for i, y := range names {
		nav = append(nav, YearLink{Year: y, Path: base + y + "/"})
		index = append(index, YearLink{Year: y, Path: base + y + "/", Count: counts[i]})
	}
	return nav, index
}

// ArchiveMax is the most briefings /archive/ lists on one page; a longer
// archive has a page a year (/archive/YYYY/), and /archive/ lists the
// years.
const ArchiveMax = 1000

func (b *builder) archive(entries []*Entry) error {
	var months []Month
	lastY, lastM := 0, time.Month(0)
	for _, e := range entries {
		if y, m, _ := e.Time.Date(); len(months) == 0 || y != lastY || m != lastM {
			lastY, lastM = y, m
			months = append(months, Month{Label: e.Time.Format("January 2006"), ID: e.Time.Format("2006-01")})
		}
		m := &months[len(months)-1]
		m.Entries = append(m.Entries, e)
	}
	if len(entries) <= ArchiveMax {
		return b.page(&Page{Kind: "archive", Title: "Archive", Description: "Every briefing by month.", Path: "/archive/", Entries: entries, Months: months})
	}
	type year struct {
		name    string
		months  []Month
		entries []*Entry
	}
	var years []year
	for _, m := range months {
		y := m.ID[:4]
		if len(years) == 0 || years[len(years)-1].name != y {
			years = append(years, year{name: y})
		}
		yr := &years[len(years)-1]
		yr.months = append(yr.months, m)
		yr.entries = append(yr.entries, m.Entries...)
	}
	var names []string
	var counts []int
	for _, y := range years {
		names, counts = append(names, y.name), append(counts, len(y.entries))
	}
	nav, index := yearLinks("/archive/", names, counts)
	for i, y := range years {
		yn := slices.Clone(nav)
		yn[i].Current = true
		if err := b.page(&Page{Kind: "archive", Title: "Archive: " + y.name, Description: "Every briefing of " + y.name + " by month.",
			Path: "/archive/" + y.name + "/", Entries: y.entries, Months: y.months, YearNav: yn}); err != nil {
			return err
		}
	}
	return b.page(&Page{Kind: "archive", Title: "Archive", Description: "Every briefing, a page a year.", Path: "/archive/", Entries: entries, YearNav: index})
}

func (b *builder) tags(entries []*Entry) error {
	if b.reused && b.sameTags && b.prev.tags != nil {
		b.tagList = b.prev.tags // the same entries, in the same order, with the same tags
	} else {
		b.tagList = groupTags(entries, b.slug)
	}
	all := b.tagList
	for i := range all {
		t := &all[i]
		desc := fmt.Sprintf("%s tagged %s.", plural(len(t.Entries), "briefing"), t.Name)
		if err := b.paginate(t.Path, t.Entries, ListPageSize, func(part []*Entry, pg *Pager) *Page {
			title := "Tagged “" + t.Name + "”"
			if pg.Number > 1 {
				title += fmt.Sprintf(", page %d", pg.Number)
			}
			return &Page{Kind: "tag", Title: title, Entries: part, Tag: t.Name, Description: desc}
		}); err != nil {
			return err
		}
		if err := b.atom(t.Path+"feed.xml", b.cfg.Title+": "+t.Name, t.Path, t.Entries); err != nil {
			return err
		}
	}
	return b.page(&Page{Kind: "tags", Title: "Tags", Description: "All tags.", Path: "/tags/", Tags: all})
}

// groupTags is the tags of the entries (newest first) by slug, each with
// its entries, in order of slug; a tag is named as its newest entry
// spells it.
func groupTags(entries []*Entry, slug func(string) string) []Tag {
	byTag := map[string]*Tag{}
	for _, e := range entries {
		for _, name := range e.Tags {
			s := slug(name)
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
	all := make([]Tag, 0, len(byTag))
	for _, t := range byTag {
		all = append(all, *t)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].Slug < all[j].Slug })
	return all
}

func (b *builder) notFound([]*Entry) error {
	return b.page(&Page{Kind: "404", Title: "Page not found", Path: "/404.html"})
}

func (b *builder) robots([]*Entry) error {
	data := []byte("User-agent: *\nAllow: /\nSitemap: " + b.cfg.absURL("/sitemap.xml") + "\n")
	return b.file("robots.txt", func() ([]byte, error) { return data, nil }, data)
}

func (b *builder) copyTheme(theme fs.FS) error {
	return themeFiles(theme, func(p string, data []byte) error {
		return b.file("theme/"+p, func() ([]byte, error) { return data, nil }, data)
	})
}

// themeFiles calls f with each file of the theme and its bytes, in order.
func themeFiles(theme fs.FS, f func(p string, data []byte) error) error {
	return fs.WalkDir(theme, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(theme, p)
		if err != nil {
			return err
		}
		return f(p, data)
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
