package site

import (
	"context"
	"reflect"
	"slices"
	"sync"

	"brief/internal/actors"
	"brief/internal/parallel"
)

// Model is what a build knew across briefings: the entries, the merged
// actors and their pages, stories, the timeline's years and the digests
// of all of them. brief serve keeps it (Result.Model) for the next build
// (Input.Model), which then does only the work an edit calls for.
//
// A build given a model updates it in place when the edit keeps the
// site's shape: the same global digest (brief, configuration, templates),
// the same overrides, the same briefings (slugs, files and dates), and the
// same merge of actors (actors.Index.Update: a changed briefing may name
// other actors, even new ones, as long as no two actors merge or part).
// Then only the changed briefings' actors are aggregated
// again (with their co-actors, the actors whose refs that changes, and
// what shows those refs), only the entries that share an actor whose
// briefings changed pick their related briefings again (relatedAgain),
// only the years of the timeline the changed briefings had or have events
// in are merged again, and only the digests of what changed are computed.
// Stories are grouped again only when a changed briefing's links to other
// briefings change otherwise than within its story (storySeeds).
// Any other change makes the model again from scratch, as a build without
// one does. Either way the output is the same, byte for byte, and so is
// every file's digest (TestModelEqualsClean, TestIncrementalEqualsClean).
//
// A model is used by one build at most: the build takes it over, and a
// build that fails leaves none.
type Model struct {
	global    Digest
	overrides []Override
	entries   []*Entry // newest first
	bySource  []*Entry // in the order of their files (the docs')
	byFile    map[string]*Entry
	idx       *actors.Index
	pages     map[*actors.Actor]*ActorPage
	stories   []*Story
	years     map[string]*yearEvents
	relatedBy map[*Entry][]*Entry         // entries by the entries they list as related
	coBy      map[*ActorPage][]*ActorPage // actor pages by the actors they list as co-actors
	slugs     map[string]string           // slugify, remembered
	keys      actors.Keys                 // actors' normalised names, remembered
	sitemap   keyedMemo
	stepNames []string // the files the steps after the briefings' own made
	tags      []Tag    // the tags and their entries (see builder.tags)
	tmpl      parsedTemplates
	used      sync.Once // a model serves one build
}

// take reports whether the model may serve this build (once).
func (m *Model) take() bool {
	if m == nil {
		return false
	}
	ok := false
	m.used.Do(func() { ok = true })
	return ok
}

// known returns the model's entries by file when the model is of a build
// with the same global digest: an entry whose briefing is the same is
// taken as it is (and, when the model cannot be reused, made again from
// its briefing by resetCross).
func (m *Model) known(global Digest) map[string]*Entry {
	if m == nil || m.global != global {
		return nil
	}
	return m.byFile
}

// resetCross forgets what the entry knew across briefings, for crossref.
func (e *Entry) resetCross(b *builder) {
	e.b = b
	e.Actors, e.Related, e.Story = nil, nil, nil
	e.actors, e.related, e.story = nil, nil, nil // eventActors stay, with the actors they match (see matchEvents)
	e.card, e.cardHTML, e.cardErr = sync.Once{}, "", nil
	e.dsum = kept{}
}

// model is the builder's model, for the next build.
func (b *builder) model() *Model {
	byFile := make(map[string]*Entry, len(b.entries))
	for _, e := range b.entries {
		byFile[e.file] = e
	}
	steps := make([]string, 0, len(b.jobs)-b.stepsFrom)
	for _, j := range b.jobs[b.stepsFrom:] {
		steps = append(steps, j.name)
	}
	return &Model{tmpl: b.tmpl, bySource: b.bySource, tags: b.tagList, byFile: byFile, sitemap: b.sitemapMemo, stepNames: steps, global: b.dig.global, overrides: b.overrides, entries: b.entries, idx: b.idx, pages: b.pages,
		stories: b.stories, years: b.years, relatedBy: b.relatedBy, coBy: b.coBy, slugs: b.slugs, keys: b.keys}
}

// reuse updates the model m for the entries of this build (sorted,
// newest first; see Model) and reports whether it could. When it could,
// entries holds the model's entries, updated.
func (b *builder) reuse(m *Model, entries []*Entry) bool {
	if !m.take() || m.global != b.dig.global || !reflect.DeepEqual(m.overrides, b.overrides) || len(m.entries) != len(entries) {
		return false
	}
	var changed []int
	for i, e := range entries {
		o := m.entries[i]
		if o.Slug != e.Slug || o.file != e.file || !o.Time.Equal(e.Time) {
			return false
		}
		if o.source != e.source || o.Briefing != e.Briefing {
			changed = append(changed, i)
		}
	}
	if len(changed) > max(8, len(entries)/8) {
		return false // many changes: making it all again is as quick
	}
	// The actors, unless the merge changes (actors.Index.Update): after
	// that, the model is spoilt, and the builder makes all again. Nothing
	// else of the model has changed yet: its pages and entries are the
	// last build's, which a build that makes all again takes over.
	oldOf := make([][]*actors.Actor, len(changed))
	for k, i := range changed {
		oldOf[k] = slices.Clone(m.idx.Of[i])
	}
	ch, ok := m.idx.Update(briefings(entries), changed)
	if !ok {
		return false
	}
	keepStories, seeds := storySeeds(m, changed, oldOf, len(entries))
	touched := ch.Touched
	dirty := map[*Entry]bool{}
	oldRefs := map[*Entry]EntryRef{}
	redo := map[string]bool{}            // years of the timeline to make again
	vals := map[string]map[string]bool{} // the values of the changed entries' events, by year
	addVals := func(e *Entry) {
		for k, t := range e.tlEvents() {
			if !t.ok {
				continue
			}
			if vals[t.year] == nil {
				vals[t.year] = map[string]bool{}
			}
			vals[t.year][e.Timeline[k].Value] = true
		}
	}
	b.sameTags = true
	for _, i := range changed {
		o, e := m.entries[i], entries[i]
		oldRefs[o] = o.Ref()
		b.sameTags = b.sameTags && slices.Equal(o.Tags, e.Tags)
		for _, y := range o.years() {
			redo[y] = true
		}
		addVals(o)
		o.Briefing, o.Lead, o.source, o.bodyLine = e.Briefing, lead(e.Briefing), e.source, e.bodyLine
		o.bodyFrom, o.bodyRaw, o.bodyAt, o.bodyOnce, o.bodyErr = e.bodyFrom, e.bodyRaw, e.bodyAt, sync.Once{}, nil
		o.tl, o.eventActors = nil, nil
		o.html, o.dropped, o.warns, o.mdErr = "", false, nil, nil
		o.done.Store(false)
		dirty[o] = true
	}
	copy(entries, m.entries)
	for _, e := range entries {
		e.b = b
	}
	b.idx, b.pages, b.stories, b.years, b.relatedBy, b.coBy, b.slugs = m.idx, m.pages, m.stories, m.years, m.relatedBy, m.coBy, m.slugs

	// The actors of the changed briefings, and whose refs that changes.
	slugs := actors.Slugs(b.idx.Actors, b.slug)
	for _, a := range ch.Added {
		p := &ActorPage{Slug: slugs[a]}
		p.Path = actorPath(a.Kind, p.Slug)
		b.pages[a] = p
	}
	moved := pagesOf(b.pages, ch.Moved) // gained or lost a briefing; removed ones too
	for _, a := range ch.Removed {
		p := b.pages[a]
		b.setCoActors(p, nil)
		delete(b.coBy, p)
		delete(b.pages, a)
	}
	for k, i := range changed {
		if !slices.Equal(oldOf[k], b.idx.Of[i]) {
			entries[i].actors = pagesOf(b.pages, b.idx.Of[i])
		}
	}
	before := map[*ActorPage]ActorRef{}
	dirtyActors := map[*ActorPage]bool{}
	for _, a := range touched {
		p := b.pages[a]
		if slices.Contains(ch.Added, a) {
			dirtyActors[p] = true // new: no ref to compare
		} else {
			before[p] = p.Ref()
		}
		p.fill(a, entries)
	}
	for _, a := range touched { // once all are filled: refs copy their names
		if p, co := b.pages[a], pagesOf(b.pages, a.CoActors); !slices.Equal(co, p.coActors) {
			b.setCoActors(p, co)
		}
	}
	relatedAgain(entries, moved, changed, b.relatedBy, dirty)
	for a, s := range slugs {
		if p := b.pages[a]; p.Slug != s {
			if _, ok := before[p]; !ok {
				before[p] = p.Ref()
			}
			p.Slug, p.Path = s, actorPath(p.Kind, s)
		}
	}
	b.listActors()
	var refChanged []*ActorPage
	for p, ref := range before {
		dirtyActors[p] = true
		if p.Ref() != ref {
			refChanged = append(refChanged, p)
		}
	}
	for _, p := range refChanged {
		for _, x := range b.coBy[p] {
			x.CoActors = refs(x.coActors)
			dirtyActors[x] = true
		}
		for _, e := range p.Entries {
			dirty[e] = true
		}
	}
	changedEntries := entriesOf(changed, entries)
	matchEvents(changedEntries)
	parallel.For(context.Background(), len(touched), func(i int) { b.pages[touched[i]].updateEvents(changedEntries) })
	for _, i := range changed {
		e := entries[i]
		if e.Ref() != oldRefs[e] {
			for _, r := range b.relatedBy[e] {
				dirty[r] = true
			}
		}
	}
	whole := len(refChanged) > 0 // every year merged again, whole
	renamed := false             // a story's name changed: all are named again
	if !keepStories {
		// Stories may join or split: group again the briefings linked to
		// those whose links changed, and the entries whose story ref
		// changed are dirty. Every story is digested again; only those
		// whose pages changed are written.
		b.stories = regroup(entries, entriesOf(seeds, entries), b.stories)
		for _, e := range entries {
			was := e.Story
			if e.setStory(); !sameStoryRef(was, e.Story) {
				dirty[e] = true
			}
		}
		renamed = true
	} else if !whole {
		// A story is named by its actors' counts and by its first
		// briefing's actors in their order: an edit that keeps every
		// link can still rename its own story.
		for _, i := range changed {
			if st := entries[i].story; st != nil {
				name := st.Name
				if nameStory(st); st.Name != name {
					renamed = true
				}
			}
		}
	}
	if whole || renamed && keepStories {
		nameStories(b.stories) // names, slugs and refs of actors
	}
	if whole {
		for _, y := range b.years {
			redo[y.name] = true // events show actor refs
		}
	}
	for e := range dirty {
		e.Actors = refs(e.actors)
		e.setRelated()
		e.setStory()
		e.card, e.cardHTML, e.cardErr = sync.Once{}, "", nil
	}
	// Stories named again (above) make their entries' refs change.
	for _, st := range b.stories {
		if !whole && !renamed {
			break
		}
		for _, e := range st.Entries {
			if old := e.Story; old != nil && (old.Name != st.Name || old.Slug != st.Slug) {
				e.setStory()
				e.card, e.cardHTML, e.cardErr = sync.Once{}, "", nil
				dirty[e] = true
			}
		}
	}

	// The timeline's years the changed briefings were or are in: their
	// entries are the others as they were and the changed ones as they
	// are, in site order.
	isChanged := map[*Entry]bool{}
	for _, i := range changed {
		isChanged[entries[i]] = true
		for _, y := range entries[i].years() {
			redo[y] = true
		}
		addVals(entries[i])
	}
	for y := range redo {
		ye := b.years[y]
		if ye == nil {
			ye = &yearEvents{name: y}
			b.years[y] = ye
		}
		var list []*Entry
		k := 0
		for _, i := range changed { // ascending: site order
			for ; k < len(ye.entries) && ye.entries[k].idx < i; k++ {
				if !isChanged[ye.entries[k]] {
					list = append(list, ye.entries[k])
				}
			}
			if slices.Contains(entries[i].years(), y) {
				list = append(list, entries[i])
			}
		}
		for ; k < len(ye.entries); k++ {
			if !isChanged[ye.entries[k]] {
				list = append(list, ye.entries[k])
			}
		}
		if ye.entries = list; len(list) == 0 {
			delete(b.years, y)
		}
	}
	var remake []*yearEvents
	for y := range redo {
		if ye := b.years[y]; ye != nil {
			remake = append(remake, ye)
		}
	}
	parallel.For(context.Background(), len(remake), func(i int) {
		if whole {
			remake[i].make(nil, nil)
		} else {
			remake[i].make(vals[remake[i].name], changedEntries)
		}
	})

	// What shows a changed entry changed too.
	dirtyStories := map[*Story]bool{}
	for e := range dirty {
		e.dsum.ok = false
		for _, a := range e.actors {
			dirtyActors[a] = true
		}
		if e.story != nil {
			dirtyStories[e.story] = true
		}
		for _, y := range e.years() {
			if ye := b.years[y]; ye != nil {
				ye.forget()
			}
		}
	}
	if whole || renamed {
		for _, st := range b.stories {
			dirtyStories[st] = true
		}
	}
	for a := range dirtyActors {
		a.dsum.ok = false
	}
	for st := range dirtyStories {
		st.dsum.ok = false
	}
	return true
}

// setCoActors makes co p's co-actors, and keeps coBy up to date.
func (b *builder) setCoActors(p *ActorPage, co []*ActorPage) {
	for _, x := range p.coActors {
		b.coBy[x] = slices.DeleteFunc(b.coBy[x], func(y *ActorPage) bool { return y == p })
	}
	for _, x := range co {
		b.coBy[x] = append(b.coBy[x], p)
	}
	p.coActors, p.CoActors = co, refs(co)
}

// pagesOf is the pages of actors.
func pagesOf(pages map[*actors.Actor]*ActorPage, as []*actors.Actor) []*ActorPage {
	if len(as) == 0 {
		return nil
	}
	out := make([]*ActorPage, len(as))
	for i, a := range as {
		out[i] = pages[a]
	}
	return out
}

// relatedAgain picks the related entries again (relate) of the changed
// entries and of every entry of the actors that gained or lost a briefing
// (moved; their pages filled already) and relate briefings: only their
// scores can have changed. Those whose related entries changed are dirty.
func relatedAgain(entries []*Entry, moved []*ActorPage, changed []int, relatedBy map[*Entry][]*Entry, dirty map[*Entry]bool) {
	if len(moved) == 0 {
		return
	}
	limit := sharedLimit(len(entries))
	again := map[*Entry]bool{}
	for _, i := range changed {
		again[entries[i]] = true
	}
	for _, p := range moved {
		if len(p.Entries) <= limit+1 { // +1: it may have lost one
			for _, e := range p.Entries {
				again[e] = true
			}
		}
	}
	day := days(entries)
	score := make([]int32, len(entries))
	var scratch []int
	for e := range again {
		old := e.related
		relate(entries, e.idx, limit, day, score, &scratch)
		if slices.Equal(old, e.related) {
			continue
		}
		dirty[e] = true
		for _, r := range old {
			relatedBy[r] = slices.DeleteFunc(relatedBy[r], func(x *Entry) bool { return x == e })
		}
		for _, r := range e.related {
			relatedBy[r] = append(relatedBy[r], e)
		}
	}
}

func sameStoryRef(a, b *StoryRef) bool {
	return a == nil && b == nil || a != nil && b != nil && *a == *b
}

// storySeeds reports whether the stories stay as they are (stories)
// after the changed entries' actors went from oldOf to what the index m
// has now (updated, the pages not yet): each changed briefing links to
// the same briefings as before, or to more of its own story, and no actor
// that links briefings came to link them or stopped. When not, seeds are
// the positions of the briefings whose links may have changed, for
// regroup: the changed briefings, those they linked to or link to, and
// those of an actor that came to link briefings or stopped.
func storySeeds(m *Model, changed []int, oldOf [][]*actors.Actor, total int) (kept bool, seeds []int) {
	limit := sharedLimit(total)
	kept = true
	for k, c := range changed {
		if slices.Equal(oldOf[k], m.idx.Of[c]) {
			continue
		}
		seeds = append(seeds, c)
		was, is := map[int]int{}, map[int]int{}
		crossed := func(a *actors.Actor, p *ActorPage) bool {
			if a.Kind == "place" || (len(p.Entries) <= limit) == (len(a.Briefings) <= limit) {
				return false
			}
			for _, e := range p.Entries {
				seeds = append(seeds, e.idx)
			}
			seeds = append(seeds, a.Briefings...)
			return true
		}
		for _, a := range oldOf[k] {
			p := m.pages[a]
			if crossed(a, p) {
				kept = false
			}
			if p.Kind == "place" || len(p.Entries) > limit {
				continue
			}
			for _, e := range p.Entries {
				was[e.idx]++
			}
		}
		for _, a := range m.idx.Of[c] {
			// A new actor has no page yet: it linked nothing before, and
			// may link the changed briefings that name it now.
			if p := m.pages[a]; p != nil && crossed(a, p) {
				kept = false
			}
			if a.Kind == "place" || len(a.Briefings) > limit {
				continue
			}
			for _, i := range a.Briefings {
				is[i]++
			}
		}
		st := m.entries[c].story
		for i, n := range was {
			if i != c && n >= StoryLink {
				seeds = append(seeds, i)
				if is[i] < StoryLink {
					kept = false // a link gone: the story may split
				}
			}
		}
		for i, n := range is {
			if i != c && n >= StoryLink && was[i] < StoryLink {
				seeds = append(seeds, i)
				if st == nil || m.entries[i].story != st {
					kept = false // a link between stories, or to none
				}
			}
		}
	}
	return kept, seeds
}

func entriesOf(at []int, entries []*Entry) []*Entry {
	out := make([]*Entry, len(at))
	for i, j := range at {
		out[i] = entries[j]
	}
	return slices.Clip(out)
}
