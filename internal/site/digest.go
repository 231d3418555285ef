package site

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"math"
	"reflect"
	"sort"
	"sync"
	"time"

	"brief/internal/binfmt"
	"brief/internal/parallel"
)

// A page is rendered again only when what it shows changed. What it shows
// is its Page value: the template sees nothing else but the site's
// configuration, the templates themselves and brief's own code, which
// together make the global digest. The page's digest hashes the global
// digest, the output name and every exported value reachable from the
// Page. That reach is finite and small because pages link to one another
// through refs (ActorRef, EntryRef, StoryRef), never through the other
// page's data: an entry on an actor page carries its actors as refs, not
// their pages, so a template cannot show anything the digest did not hash.
//
// Shortcuts, each exact: an *Entry is hashed as its source digest (the
// briefing file, which determines Briefing, Content, Lead and, with the
// templates, Card) and its own fields; an *Entry, *ActorPage or *Story is
// hashed once per build and reused by every page that shows it; the types
// pages hold thousands of (refs, sources, timeline events) are hashed by
// hand-written code that writes exactly what reflection would
// (TestFastDigests).

// Digest is the hash of what produced an output file.
type Digest [16]byte

// digester hashes page data. Entries, actor pages and stories must have
// their digests set (prepare) before pages are hashed on several cores;
// each keeps its own (kept), for as long as it does not change.
type digester struct {
	global Digest
	// data is the global digest without the templates: that of the files
	// brief's own code makes (of), which no template reaches (JSON,
	// Markdown, feeds, search, sitemap), so that a template edit does not
	// make them again.
	data Digest
	// view: the site uses the default templates, whose list pages show a
	// briefing only as its card and as links (see listKinds).
	view bool
}

// listKinds are the kinds of page on which the default templates show a
// briefing only through its card and links to it: its title, path, date,
// credit, tags and bottom line (viewKey). With the default templates their
// pages, and the digests of actor pages and stories (which only they
// show), take an entry by its viewKey, not its whole digest: an edit that
// leaves a briefing's card as it was (a sentence added to its article)
// or changes only other briefings' related briefings or story no longer
// renders again every list that shows them. TestListView holds the
// default templates to it. A site with templates of its own keeps this
// while its list pages render through the defaults (usesDefaults: its own
// briefing.html or 404.html, say); otherwise its pages take whole digests.
var listKinds = map[string]bool{"home": true, "archive": true, "tags": true, "tag": true, "actors": true, "actor": true, "stories": true, "story": true}

// kept is a digest an entry, actor page or story keeps of itself.
type kept struct {
	sum Digest
	ok  bool
}

var (
	timeType = reflect.TypeFor[time.Time]()
	yearType = reflect.TypeFor[Year]()
)

// walker writes a value into a buffer that sum hashes at once: one
// SHA-256 pass over a page's bytes costs a fraction of thousands of
// small writes into the hash.
type walker struct {
	d    *digester
	b    []byte
	slow bool // reflection only (tests)
	list bool // entries by their viewKey (see listKinds)
}

// walkBufs recycles the walkers' buffers; a buffer that grew past 1 MB
// is left to the collector.
var walkBufs = sync.Pool{New: func() any { return new([]byte) }}

func (d *digester) newWalker() *walker {
	b := walkBufs.Get().(*[]byte)
	return &walker{d: d, b: (*b)[:0]}
}

// sum is the digest of what was written; the walker is done with.
func (w *walker) sum() Digest {
	h := sha256.Sum256(w.b)
	var out Digest
	copy(out[:], h[:])
	if cap(w.b) <= 1<<20 {
		b := w.b[:0]
		walkBufs.Put(&b)
	}
	w.b = nil
	return out
}

func (w *walker) u64(x uint64) { w.b = binary.LittleEndian.AppendUint64(w.b, x) }

func (w *walker) str(s string) {
	w.u64(uint64(len(s)))
	w.b = append(w.b, s...)
}

func (w *walker) bytes(p []byte) { w.b = append(w.b, p...) }

// value hashes v and everything exported it reaches.
func (w *walker) value(v reflect.Value) {
	if !w.slow && v.CanAddr() && w.fast(v) {
		return
	}
	w.generic(v)
}

// fast hashes the values every page holds many of without reflection,
// writing exactly what generic writes (TestFastDigests checks it); it
// reports whether it knew v's type.
func (w *walker) fast(v reflect.Value) bool {
	switch x := v.Addr().Interface().(type) {
	case *ActorRef:
		w.actorRef(x)
	case *EntryRef:
		w.str(x.Title)
		w.str(x.Path)
		w.time(x.Time)
		w.str(x.Lead)
	case *Source:
		w.source(x)
	case **TimelineEvent:
		if *x == nil {
			w.u64(0)
			return true
		}
		w.u64(1)
		ev := *x
		w.str(ev.Value)
		w.str(ev.Display)
		w.str(ev.Text)
		w.u64(uint64(ev.Sentence))
		w.time(ev.Time)
		w.u64(uint64(len(ev.Sources)))
		for i := range ev.Sources {
			w.source(&ev.Sources[i])
		}
		w.u64(uint64(len(ev.Actors)))
		for i := range ev.Actors {
			w.actorRef(&ev.Actors[i])
		}
	case *Page:
		w.page(x)
	default:
		return false
	}
	return true
}

// page writes what generic writes for a Page, field by field.
func (w *walker) page(p *Page) {
	w.nonNil(p.Site != nil) // in the global digest
	w.str(p.Kind)
	w.str(p.Title)
	w.str(p.Description)
	w.str(p.Path)
	w.entryPtr(p.Entry)
	w.entries(p.Entries)
	if w.nonNil(p.Pager != nil) {
		w.u64(uint64(p.Pager.Number))
		w.u64(uint64(p.Pager.Total))
		w.str(p.Pager.Prev)
		w.str(p.Pager.Next)
		w.u64(uint64(p.Pager.First))
	}
	w.u64(uint64(len(p.Months)))
	for _, m := range p.Months {
		w.str(m.Label)
		w.str(m.ID)
		w.entries(m.Entries)
	}
	w.u64(uint64(len(p.Tags)))
	for _, t := range p.Tags {
		w.str(t.Name)
		w.str(t.Slug)
		w.str(t.Path)
		w.entries(t.Entries)
	}
	w.str(p.Tag)
	if w.nonNil(p.Actor != nil) {
		w.digest(w.d.actor(p.Actor))
	}
	if w.nonNil(p.Story != nil) {
		w.digest(w.d.story(p.Story))
	}
	w.u64(uint64(len(p.Stories)))
	for _, st := range p.Stories {
		if w.nonNil(st != nil) {
			w.digest(w.d.story(st))
		}
	}
	w.u64(uint64(len(p.Groups)))
	for _, g := range p.Groups {
		w.str(g.Kind)
		w.str(g.Label)
		w.str(g.ID)
		w.u64(uint64(len(g.Actors)))
		for _, a := range g.Actors {
			if w.nonNil(a != nil) {
				w.digest(w.d.actor(a))
			}
		}
	}
	w.u64(uint64(len(p.Years)))
	for i := range p.Years {
		w.generic(reflect.ValueOf(&p.Years[i]).Elem())
	}
	w.u64(uint64(len(p.YearNav)))
	for _, y := range p.YearNav {
		w.str(y.Year)
		w.str(y.Path)
		w.u64(uint64(y.Count))
		w.bool(y.Current)
	}
	w.u64(uint64(len(p.FilterActors)))
	for i := range p.FilterActors {
		w.actorRef(&p.FilterActors[i])
	}
	w.str(p.Generator)
}

// nonNil writes what generic writes before a pointer (0 for nil) and
// reports whether it is set.
func (w *walker) nonNil(set bool) bool {
	w.bool(set)
	return set
}

func (w *walker) bool(b bool) {
	if b {
		w.u64(1)
	} else {
		w.u64(0)
	}
}

func (w *walker) entries(es []*Entry) {
	w.u64(uint64(len(es)))
	for _, e := range es {
		w.entryPtr(e)
	}
}

func (w *walker) source(s *Source) {
	w.str(s.Entry.Title)
	w.str(s.Entry.Path)
	w.time(s.Entry.Time)
	w.u64(uint64(s.Sentence))
}

func (w *walker) actorRef(a *ActorRef) {
	w.str(a.Name)
	w.str(a.Slug)
	w.str(a.Kind)
	w.str(a.Path)
}

func (w *walker) entryPtr(e *Entry) {
	if e == nil {
		w.u64(0)
		return
	}
	w.u64(1)
	w.digest(w.entryKey(e))
}

// entryKey is what the walker writes for an entry: its viewKey on a list
// page, its digest elsewhere.
func (w *walker) entryKey(e *Entry) Digest {
	if w.list {
		return e.viewKey()
	}
	return w.d.entry(e)
}

// viewKey is the digest of what the default templates' list pages show of
// the entry (see listKinds): kept from prepare while the entry's digest,
// which covers all of it, is the same.
func (e *Entry) viewKey() Digest {
	if e.vkey.ok && e.dsum.ok && e.vkey.of == e.dsum.sum {
		return e.vkey.sum
	}
	return makeViewKey(e)
}

// makeViewKey hashes what list pages and feeds show of an entry: its
// card, links to it, and a feed's item (the same, the lead and the
// original article's URL; a feed with the whole briefing takes its
// digest).
func makeViewKey(e *Entry) Digest {
	size := 96 + len(e.Title) + len(e.Path) + len(e.Credit) + len(e.URL) + len(e.Lead) // sized once: growing it cost 10k entries 0.15 s of CPU
	for _, t := range e.Tags {
		size += 8 + len(t)
	}
	for _, s := range e.Summary {
		size += 16 + len(s.Text)
	}
	b := make([]byte, 0, size)
	for _, s := range [...]string{e.Title, e.Path, e.Time.Format(time.RFC3339Nano), e.Time.Location().String(), e.Credit, e.URL, e.Lead} {
		b = binfmt.AppendString(b, s)
	}
	b = binfmt.AppendUvarint(b, uint64(len(e.Tags)))
	for _, t := range e.Tags {
		b = binfmt.AppendString(b, t)
	}
	b = binfmt.AppendUvarint(b, uint64(len(e.Summary)))
	for _, s := range e.Summary {
		b = binfmt.AppendString(b, s.Text)
		b = binfmt.AppendInt(b, s.Sentence)
	}
	sum := sha256.Sum256(b)
	var d Digest
	copy(d[:], sum[:])
	return d
}

func (w *walker) time(t time.Time) {
	w.u64(uint64(t.UnixNano()))
	w.str(t.Location().String())
}

// generic hashes v by reflection.
func (w *walker) generic(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			w.u64(0)
			return
		}
		w.u64(1)
		switch p := v.Interface().(type) {
		case *Entry:
			w.digest(w.entryKey(p))
			return
		case *ActorPage:
			w.digest(w.d.actor(p))
			return
		case *Story:
			w.digest(w.d.story(p))
			return
		case *Config:
			return // in the global digest
		}
		w.value(v.Elem())
	case reflect.Struct:
		if v.Type() == timeType {
			w.time(v.Interface().(time.Time))
			return
		}
		if v.Type() == yearType {
			if y := v.Interface().(Year); y.sum != nil && y.sum.ok {
				w.digest(y.sum.sum) // see prepare
				return
			}
		}
		w.fields(v)
	case reflect.Slice, reflect.Array:
		w.u64(uint64(v.Len()))
		if v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.Uint8 {
			w.bytes(v.Bytes())
			return
		}
		for i := range v.Len() {
			w.value(v.Index(i))
		}
	case reflect.String:
		w.str(v.String())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		w.u64(uint64(v.Int()))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		w.u64(v.Uint())
	case reflect.Bool:
		if v.Bool() {
			w.u64(1)
		} else {
			w.u64(0)
		}
	case reflect.Float32, reflect.Float64:
		w.u64(math.Float64bits(v.Float()))
	case reflect.Map:
		if v.Type().Key().Kind() != reflect.String {
			panic(fmt.Sprintf("site: page data holds a map keyed by %s, which cannot be digested", v.Type().Key()))
		}
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		w.u64(uint64(len(keys)))
		for _, k := range keys {
			w.str(k.String())
			w.value(v.MapIndex(k))
		}
	case reflect.Interface:
		if v.IsNil() {
			w.u64(0)
			return
		}
		w.str(v.Elem().Type().String())
		w.value(v.Elem())
	default:
		// Funcs and channels have no place in page data: their order
		// or meaning is not stable. A new field of such a kind must be
		// given a stable form first.
		panic(fmt.Sprintf("site: page data holds a %s (%s), which cannot be digested", v.Kind(), v.Type()))
	}
}

// fields hashes the exported fields of the struct v.
func (w *walker) fields(v reflect.Value) {
	t := v.Type()
	for i := range t.NumField() {
		if t.Field(i).IsExported() {
			w.value(v.Field(i))
		}
	}
}

func (w *walker) digest(d Digest) { w.bytes(d[:]) }

// entry is the digest of e: its source and its own fields (see above).
// The digests of the site's entries, actor pages and stories are computed
// once (prepare); another value (a page's own trimmed copy) is walked.
func (d *digester) entry(e *Entry) Digest {
	if e.dsum.ok {
		return e.dsum.sum
	}
	return d.entryDigest(e)
}

func (d *digester) actor(a *ActorPage) Digest {
	if a.dsum.ok {
		return a.dsum.sum
	}
	return d.walk(a)
}

func (d *digester) story(s *Story) Digest {
	if s.dsum.ok {
		return s.dsum.sum
	}
	return d.walk(s)
}

// walk digests what the pointer p points to: an actor page or a story,
// which only list pages show (see listKinds).
func (d *digester) walk(p any) Digest {
	w := d.newWalker()
	w.list = d.view
	w.value(reflect.ValueOf(p).Elem())
	return w.sum()
}

// entryDigest hashes e without the fields its source determines.
func (d *digester) entryDigest(e *Entry) Digest {
	w := d.newWalker()
	w.bytes(e.source[:])
	w.str("Path")
	w.str(e.Path)
	w.str("MarkdownPath")
	w.str(e.MarkdownPath)
	w.str("Time")
	w.time(e.Time)
	w.str("Actors")
	w.u64(uint64(len(e.Actors)))
	for i := range e.Actors {
		w.actorRef(&e.Actors[i])
	}
	w.str("Related")
	w.u64(uint64(len(e.Related)))
	for _, r := range e.Related {
		w.str(r.Title)
		w.str(r.Path)
		w.time(r.Time)
		w.str(r.Lead)
	}
	w.str("Story")
	if e.Story == nil {
		w.u64(0)
	} else {
		w.u64(1)
		w.str(e.Story.Name)
		w.str(e.Story.Slug)
		w.str(e.Story.Path)
	}
	return w.sum()
}

// entryDigestGeneric is entryDigest by reflection: what entryDigest must
// equal (TestFastDigests).
func (d *digester) entryDigestGeneric(e *Entry) Digest {
	w := d.newWalker()
	w.slow = true
	w.bytes(e.source[:])
	v := reflect.ValueOf(e).Elem()
	t := v.Type()
	for i := range t.NumField() {
		switch f := t.Field(i); {
		case !f.IsExported():
		case f.Name == "Briefing", f.Name == "Content", f.Name == "Lead", f.Name == "Card":
			// determined by the source (and the templates, for Card)
		default:
			w.str(f.Name)
			w.generic(v.Field(i))
		}
	}
	return w.sum()
}

// prepare digests every entry, year of the timeline, actor page and
// story that has no digest yet: a build that keeps the site's model (see
// Model) keeps the digests of what did not change and forgets the rest.
// Entries first: the others contain entries.
func (d *digester) prepare(entries []*Entry, years []*Year, actors []*ActorPage, stories []*Story) {
	d.prepareEntries(entries)
	{ // view keys, kept before pages and feeds read them on several cores
		parallel.For(context.Background(), len(entries), func(i int) {
			if e := entries[i]; !(e.vkey.ok && e.vkey.of == e.dsum.sum) {
				e.vkey = keyMemo{sum: makeViewKey(e), of: e.dsum.sum, ok: e.dsum.ok}
			}
		})
	}
	var ys []*Year
	for _, y := range years {
		if y.sum != nil && !y.sum.ok {
			ys = append(ys, y)
		}
	}
	parallel.For(context.Background(), len(ys), func(i int) {
		w := d.newWalker()
		w.fields(reflect.ValueOf(ys[i]).Elem())
		ys[i].sum.sum = w.sum()
	})
	for _, y := range ys {
		y.sum.ok = true
	}
	sumAll(actors, func(a *ActorPage) *kept { return &a.dsum }, func(a *ActorPage) Digest { return d.walk(a) })
	sumAll(stories, func(s *Story) *kept { return &s.dsum }, func(s *Story) Digest { return d.walk(s) })
}

// prepareEntries digests the entries that have no digest yet.
func (d *digester) prepareEntries(entries []*Entry) {
	sumAll(entries, func(e *Entry) *kept { return &e.dsum }, d.entryDigest)
}

// sumAll sets the digest of each of xs that has none, on all cores.
func sumAll[T any](xs []T, k func(T) *kept, sum func(T) Digest) {
	var todo []T
	for _, x := range xs {
		if !k(x).ok {
			todo = append(todo, x)
		}
	}
	parallel.For(context.Background(), len(todo), func(i int) {
		s := sum(todo[i])
		*k(todo[i]) = kept{s, true}
	})
}

// page is the digest of the output file name rendered from p.
func (d *digester) page(name string, p *Page) Digest {
	w := d.newWalker()
	w.list = d.view && listKinds[p.Kind]
	w.digest(d.global)
	w.str(name)
	w.value(reflect.ValueOf(p).Elem())
	return w.sum()
}

// of is the digest of a file made by brief's own code from the given
// parts (strings, ints, digests of entries...): the global digest without
// the templates (data), the name and the parts.
func (d *digester) of(name string, parts ...any) Digest {
	w := d.newWalker()
	w.digest(d.data)
	w.str(name)
	for _, p := range parts {
		switch x := p.(type) { // the common parts as generic writes them
		case [32]byte:
			w.str("[32]uint8")
			w.u64(32)
			for _, b := range x {
				w.u64(uint64(b))
			}
		case *Entry:
			w.str("*site.Entry")
			w.entryPtr(x)
		case []*Entry:
			w.str("[]*site.Entry")
			w.entries(x)
		case string:
			w.str("string")
			w.str(x)
		case []string:
			w.str("[]string")
			w.u64(uint64(len(x)))
			for _, s := range x {
				w.str(s)
			}
		case searchPart:
			w.searchPart(x)
		case feedPart:
			w.feedPart(x)
		default:
			w.value(reflect.ValueOf(&p).Elem())
		}
	}
	return w.sum()
}

// feedPart is the entries of a feed without the briefings' content, as
// the feed's digest sees them: each by its viewKey, which covers what
// such a feed shows (TestFeedView). An edit that leaves a briefing's item
// as it was no longer makes again the feeds of all its actors.
type feedPart []*Entry

// feedPart writes a feed's entries by their view keys: it has no
// reflective form (ofSlow writes it the same way).
func (w *walker) feedPart(es feedPart) {
	w.str("site.feedPart")
	w.u64(uint64(len(es)))
	for _, e := range es {
		w.digest(e.viewKey())
	}
}

// searchPart writes a search shard's entries by their search keys: it
// has no reflective form (ofSlow writes it the same way).
func (w *walker) searchPart(es searchPart) {
	w.str("site.searchPart")
	w.u64(uint64(len(es)))
	for _, e := range es {
		w.digest(e.searchKey())
	}
}

// ofSlow is of by reflection only (TestFastDigests).
func (d *digester) ofSlow(name string, parts ...any) Digest {
	w := d.newWalker()
	w.slow = true
	w.digest(d.data)
	w.str(name)
	for _, p := range parts {
		if x, ok := p.(searchPart); ok {
			w.searchPart(x)
			continue
		}
		if x, ok := p.(feedPart); ok {
			w.feedPart(x)
			continue
		}
		w.value(reflect.ValueOf(&p).Elem())
	}
	return w.sum()
}
