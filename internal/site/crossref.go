package site

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"brief/internal/actors"
	"brief/internal/briefing"
	"brief/internal/parallel"
	"brief/internal/timeline"
)

// ActorPage is an actor across briefings, as templates see it. Places are
// actors of kind "place" and live under /places/.
type ActorPage struct {
	Name, Slug, Kind string
	Path             string // /actors/<slug>/ or /places/<slug>/
	Role             string
	Aliases          []string
	Roles            []RoleAt
	Entries          []*Entry // newest first
	Quotes           []QuoteAt
	CoActors         []ActorRef
	Mentions         int
	Count            int              // briefings the actor is in
	Events           []*TimelineEvent // the actor's own timeline: the latest MaxActorEvents events
	MoreEvents       int              // events left out of Events
	MoreQuotes       int              // quotes left out of Quotes (the latest MaxActorQuotes are in)

	dsum     kept             // its digest (see digester)
	memos    []memo           // the digests of its pages, for dsum (see actorPages)
	coActors []*ActorPage     // CoActors in full
	all      []*TimelineEvent // its whole timeline (Events are the latest)
}

// MaxActorEvents and MaxActorQuotes bound what an actor's page shows of
// its timeline and quotes: the latest ones (the timeline has them all).
const (
	MaxActorEvents = 100
	MaxActorQuotes = 50
)

// RoleAt is a role an actor was given, from the first briefing that gave
// it (First) to the latest (Last), in Count briefings.
type RoleAt struct {
	Role        string
	First, Last *Entry
	Count       int
}

// QuoteAt is a quote in a briefing.
type QuoteAt struct {
	Text     string
	Entry    *Entry
	Sentence int
}

// Ref is the actor as other pages link to it.
func (a *ActorPage) Ref() ActorRef {
	return ActorRef{Name: a.Name, Slug: a.Slug, Kind: a.Kind, Path: a.Path}
}

// KindLabel is the plural heading of an actor kind.
func (a *ActorPage) KindLabel() string { return kindLabel(a.Kind) }

func kindLabel(kind string) string {
	switch kind {
	case "person":
		return "People"
	case "organization":
		return "Organisations"
	case "place":
		return "Places"
	}
	return "Other"
}

// ActorGroup is actors of one kind.
type ActorGroup struct {
	Kind, Label, ID string
	Actors          []*ActorPage
}

// crossref merges the actors of all entries (package actors), makes their
// pages' data, and links each entry to its actors and related entries;
// then it makes the actors' timelines and groups the site timeline's
// years (makeYears makes them).
func (b *builder) crossref(entries []*Entry) {
	b.idx = actors.Merge(briefings(entries), b.overrides, b.keys)
	slugs := actors.Slugs(b.idx.Actors, b.slug)
	b.pages = make(map[*actors.Actor]*ActorPage, len(b.idx.Actors))
	for _, a := range b.idx.Actors {
		p := &ActorPage{Slug: slugs[a]}
		p.Path = actorPath(a.Kind, p.Slug)
		p.fill(a, entries)
		b.pages[a] = p
	}
	b.listActors()
	b.coBy = map[*ActorPage][]*ActorPage{}
	for _, a := range b.idx.Actors {
		p := b.pages[a]
		for _, c := range a.CoActors {
			p.coActors = append(p.coActors, b.pages[c])
			b.coBy[b.pages[c]] = append(b.coBy[b.pages[c]], p)
		}
		p.CoActors = refs(p.coActors)
	}
	for i, e := range entries {
		for _, a := range b.idx.Of[i] {
			e.actors = append(e.actors, b.pages[a])
		}
		e.idx = i
	}
	matchEvents(entries)
	found := make(chan []*Story)
	go func() { found <- stories(entries) }() // beside related: both only read the actors
	related(entries, len(entries))
	b.stories = <-found
	b.relatedBy = map[*Entry][]*Entry{}
	for _, e := range entries {
		e.Actors = refs(e.actors)
		e.setRelated()
		for _, r := range e.related {
			b.relatedBy[r] = append(b.relatedBy[r], e)
		}
		e.setStory()
	}
	all := append(slices.Clone(b.actors), b.places...)
	prev := b.prevPages()
	parallel.For(context.Background(), len(all), func(i int) {
		p := all[i]
		// An actor of the previous build's model with the same briefings
		// (the same entries: none changed) and names has the same timeline.
		if old := prev[p.Kind+"\x00"+p.Name]; old != nil && slices.Equal(old.Entries, p.Entries) && slices.Equal(old.Aliases, p.Aliases) {
			p.all = old.all
			p.trimEvents()
			return
		}
		p.setEvents(b.keep)
	})
	b.years = groupYears(entries) // made by makeYears
}

// prevPages is the actor pages of the previous build's model by kind and
// name, when it is of the same global digest (nil otherwise).
func (b *builder) prevPages() map[string]*ActorPage {
	m := b.prev
	if m == nil || m.global != b.dig.global {
		return nil
	}
	out := make(map[string]*ActorPage, len(m.pages))
	for _, p := range m.pages {
		k := p.Kind + "\x00" + p.Name
		if _, ok := out[k]; !ok {
			out[k] = p
		}
	}
	return out
}

func briefings(entries []*Entry) []*briefing.Briefing {
	bs := make([]*briefing.Briefing, len(entries))
	for i, e := range entries {
		bs[i] = e.Briefing
	}
	return bs
}

// slug is slugify, remembered for the site's model: actors' slugs are made
// again on every build of brief serve.
func (b *builder) slug(name string) string {
	if s, ok := b.slugs[name]; ok {
		return s
	}
	s := slugify(name)
	b.slugs[name] = s
	return s
}

func actorPath(kind, slug string) string {
	if kind == "place" {
		return "/places/" + slug + "/"
	}
	return "/actors/" + slug + "/"
}

// fill sets what the actor's page shows of the merged actor a (all but
// its slug, co-actors and events).
func (p *ActorPage) fill(a *actors.Actor, entries []*Entry) {
	p.Name, p.Kind, p.Role, p.Aliases, p.Mentions = a.Name, a.Kind, a.Role, a.Aliases, a.Mentions
	p.Entries = p.Entries[:0]
	for _, i := range a.Briefings {
		p.Entries = append(p.Entries, entries[i])
	}
	p.Roles = roleSpans(a.Roles, entries)
	p.Quotes, p.MoreQuotes = nil, 0
	for _, q := range a.Quotes {
		p.Quotes = append(p.Quotes, QuoteAt{q.Text, entries[q.Briefing], q.Sentence})
	}
	if n := len(p.Quotes); n > MaxActorQuotes {
		p.Quotes, p.MoreQuotes = p.Quotes[:MaxActorQuotes], n-MaxActorQuotes
	}
	p.Count = len(p.Entries)
}

// setEvents makes the actor's own timeline: all of it when the model is
// kept for a later build (which updates it), else only the events shown.
func (p *ActorPage) setEvents(keep bool) {
	if keep {
		p.all, _ = actorEvents(p, nil, 0)
		p.trimEvents()
		return
	}
	var n int
	p.all = nil
	p.Events, n = actorEvents(p, nil, MaxActorEvents)
	p.MoreEvents = n - len(p.Events)
}

// trimEvents shows the latest MaxActorEvents of the actor's timeline.
func (p *ActorPage) trimEvents() {
	p.Events, p.MoreEvents = p.all, 0
	if n := len(p.all); n > MaxActorEvents {
		p.Events, p.MoreEvents = p.all[n-MaxActorEvents:], n-MaxActorEvents
	}
}

// listActors sets the builder's actors and places in the merge's order.
func (b *builder) listActors() {
	b.actors, b.places = b.actors[:0], b.places[:0]
	for _, a := range b.idx.Actors {
		if p := b.pages[a]; p.Kind == "place" {
			b.places = append(b.places, p)
		} else {
			b.actors = append(b.actors, p)
		}
	}
}

func refs(as []*ActorPage) []ActorRef {
	out := make([]ActorRef, len(as))
	for i, a := range as {
		out[i] = a.Ref()
	}
	return out
}

func (e *Entry) setRelated() {
	e.Related = make([]EntryRef, len(e.related))
	for i, r := range e.related {
		e.Related[i] = r.Ref()
	}
}

func (e *Entry) setStory() {
	e.Story = nil
	if st := e.story; st != nil {
		e.Story = &StoryRef{Name: st.Name, Slug: st.Slug, Path: st.Path}
	}
}

// roleSpans groups the roles of an actor (newest first) by their text,
// case aside; the latest-given role comes first.
func roleSpans(roles []actors.Role, entries []*Entry) []RoleAt {
	var out []RoleAt
	at := map[string]int{}
	for _, r := range roles {
		k := strings.ToLower(r.Role)
		e := entries[r.Briefing]
		if i, ok := at[k]; ok {
			out[i].First = e
			out[i].Count++
			continue
		}
		at[k] = len(out)
		out = append(out, RoleAt{Role: r.Role, First: e, Last: e, Count: 1})
	}
	return out
}

// MaxShared is the most briefings an actor may be in and still relate
// briefings to each other or join them into stories: an actor in more is
// too common to tell one story from another (and following it would make
// those steps quadratic in the size of the site).
const MaxShared = 100

// sharedLimit is the number of briefings above which an actor does not
// relate briefings: a fifth of the site (actors.MaxCommon), at most
// MaxShared; every actor counts on a site of fewer than ten briefings.
func sharedLimit(total int) int {
	if total < 10 {
		return total
	}
	return min(int(actors.MaxCommon*float64(total))+1, MaxShared)
}

// related picks up to five related entries for each entry: those sharing
// the most actors (actors in more than sharedLimit briefings do not
// count), then the closest in date. Each entry looks at most 8 ×
// MaxShared candidates, so the step is linear in the number of entries.
// Each entry's idx must be its position in entries.
func related(entries []*Entry, total int) {
	limit := sharedLimit(total)
	day := days(entries)
	// On all cores, in chunks of entries, each with its own scores.
	chunks := 4 * runtime.GOMAXPROCS(0)
	parallel.For(context.Background(), chunks, func(c int) {
		score := make([]int32, len(entries)) // reused: reset after each entry
		var touched []int
		for i := c * len(entries) / chunks; i < (c+1)*len(entries)/chunks; i++ {
			relate(entries, i, limit, day, score, &touched)
		}
	})
}

// days is each entry's day since 1970, for closeness in date.
func days(entries []*Entry) []int {
	day := make([]int, len(entries))
	for i, e := range entries {
		day[i] = int(e.Time.Unix() / 86400)
	}
	return day
}

// relate sets entries[i].related (see related).
func relate(entries []*Entry, i, limit int, day []int, score []int32, touchedp *[]int) {
	e := entries[i]
	touched := (*touchedp)[:0]
	defer func() { *touchedp = touched }()
	for _, a := range e.actors {
		if len(a.Entries) > limit {
			continue
		}
		for _, o := range a.Entries {
			j := o.idx
			if j == i {
				continue
			}
			if score[j] == 0 {
				touched = append(touched, j)
			}
			score[j]++
		}
	}
	better := func(x, y int) bool { // is entry x a better match than y?
		if score[x] != score[y] {
			return score[x] > score[y]
		}
		dx, dy := absInt(day[x]-day[i]), absInt(day[y]-day[i])
		if dx != dy {
			return dx < dy
		}
		return entries[x].Slug < entries[y].Slug
	}
	var top []int // the best five, best first
	for _, j := range touched {
		k := len(top)
		for k > 0 && better(j, top[k-1]) {
			k--
		}
		if k < 5 {
			top = append(top, 0)
			copy(top[k+1:], top[k:])
			top[k] = j
			if len(top) > 5 {
				top = top[:5]
			}
		}
	}
	e.related = nil
	for _, j := range top {
		e.related = append(e.related, entries[j])
	}
	for _, j := range touched {
		score[j] = 0
	}
}

func absInt(d int) int {
	if d < 0 {
		return -d
	}
	return d
}

// actorPages writes /actors/, /places/, and a page and a feed per actor.
func (b *builder) actorPages(entries []*Entry) error {
	for _, list := range [][]*ActorPage{b.actors, b.places} {
		for _, a := range list {
			desc := a.Name
			if a.Role != "" {
				desc += ", " + a.Role
			}
			desc += ": " + plural(len(a.Entries), "briefing") + "."
			from := len(b.jobs)
			if err := b.paginate(a.Path, a.Entries, ListPageSize, func(part []*Entry, pg *Pager) *Page {
				p := &Page{Kind: "actor", Title: a.Name, Actor: a, Entries: part, Description: desc}
				if pg.Number > 1 {
					// Later pages list briefings only: their data is the
					// actor's name and kind, not everything it touches,
					// nor its counts, which an edit of any of its
					// briefings changes (General Motors has 34 pages at
					// 10k; the counts are on the first).
					p.Title = fmt.Sprintf("%s, page %d", a.Name, pg.Number)
					p.Description = fmt.Sprintf("%s: briefings, page %d.", a.Name, pg.Number)
					p.Actor = &ActorPage{Name: a.Name, Slug: a.Slug, Kind: a.Kind, Path: a.Path}
				}
				return p
			}); err != nil {
				return err
			}
			// The pages are made from the actor alone: its digest (which
			// covers its entries as the pages show them, see digester.walk)
			// is theirs while it is the same, and brief serve digests again
			// only the pages of the actors an edit touched.
			if n := len(b.jobs) - from; len(a.memos) != n {
				a.memos = make([]memo, n)
			}
			for i := range a.memos {
				b.jobs[from+i].memo, b.jobs[from+i].keyOf = &a.memos[i], &a.dsum
			}
			if err := b.atom(a.Path+"feed.xml", b.cfg.Title+": "+a.Name, a.Path, a.Entries); err != nil {
				return err
			}
		}
	}
	groups := func(list []*ActorPage) []ActorGroup {
		var gs []ActorGroup
		for _, kind := range []string{"person", "organization", "place", "misc"} {
			g := ActorGroup{Kind: kind, Label: kindLabel(kind), ID: "kind-" + kind}
			for _, a := range list {
				if a.Kind == kind || kind == "misc" && a.Kind != "person" && a.Kind != "organization" && a.Kind != "place" {
					g.Actors = append(g.Actors, a)
				}
			}
			if len(g.Actors) > 0 {
				gs = append(gs, g)
			}
		}
		return gs
	}
	if err := b.page(&Page{Kind: "actors", Title: "Actors", Path: "/actors/", Groups: groups(b.actors),
		Description: "Every person and organisation in the briefings, with the briefings they appear in."}); err != nil {
		return err
	}
	return b.page(&Page{Kind: "actors", Title: "Places", Path: "/places/", Groups: groups(b.places),
		Description: "Every place in the briefings, with the briefings they appear in."})
}

// actorEvents is the actor's own timeline: events of its briefings whose
// sentence names the actor, in order (lessActorEvent), and how many there
// are. With only, the events of those briefings only; with last > 0, the
// last events only (an actor of 10,000 briefings has tens of thousands).
func actorEvents(a *ActorPage, only []*Entry, last int) ([]*TimelineEvent, int) {
	var found []actorEvent
	add := func(e *Entry) {
		k := slices.Index(e.actors, a)
		for i, ev := range e.Timeline {
			if k >= 0 && slices.Contains(e.eventActors[i], k) || k < 0 && names(ev.Text, a) {
				t, _, _ := timeline.Parse(ev.Value)
				found = append(found, actorEvent{t, e, i})
			}
		}
	}
	if only == nil {
		for _, e := range a.Entries {
			add(e)
		}
	} else {
		for _, e := range only {
			if slices.Contains(e.actors, a) {
				add(e)
			}
		}
	}
	sort.Slice(found, func(i, j int) bool { return found[i].less(found[j]) })
	shown := found
	if last > 0 && len(found) > last {
		shown = found[len(found)-last:]
	}
	out := make([]*TimelineEvent, len(shown))
	for i, x := range shown {
		ev := x.from.Timeline[x.k]
		out[i] = &TimelineEvent{Event: ev, Time: x.t, Sources: []Source{{x.from.Link(), ev.Sentence}}, from: x.from, k: x.k}
	}
	return out, len(found)
}

// actorEvent is an event of an actor's timeline before it is made a
// TimelineEvent: the k-th event of entry from, its value's first instant t.
type actorEvent struct {
	t    time.Time
	from *Entry
	k    int
}

// less orders an actor's events: by date, coarser first, then by value,
// the earlier report first, then by where they were read.
func (a actorEvent) less(b actorEvent) bool {
	if !a.t.Equal(b.t) {
		return a.t.Before(b.t)
	}
	av, bv := a.from.Timeline[a.k].Value, b.from.Timeline[b.k].Value
	if len(av) != len(bv) {
		return len(av) < len(bv)
	}
	if av != bv {
		return av < bv
	}
	if ta, tb := a.from.Time, b.from.Time; !ta.Equal(tb) {
		return ta.Before(tb)
	}
	if a.from.idx != b.from.idx {
		return a.from.idx < b.from.idx
	}
	return a.k < b.k
}

// lessActorEvent orders two events of an actor's timeline (actorEvent.less).
func lessActorEvent(a, b *TimelineEvent) bool {
	return actorEvent{a.Time, a.from, a.k}.less(actorEvent{b.Time, b.from, b.k})
}

// updateEvents makes the actor's timeline again after the entries changed
// did: their events out, their events now in, in order.
func (p *ActorPage) updateEvents(changed []*Entry) {
	gone := func(ev *TimelineEvent) bool { return slices.Contains(changed, ev.from) }
	add, _ := actorEvents(p, changed, 0)
	all := make([]*TimelineEvent, 0, len(p.all)+len(add))
	i := 0
	for _, ev := range p.all {
		if gone(ev) {
			continue
		}
		for ; i < len(add) && lessActorEvent(add[i], ev); i++ {
			all = append(all, add[i])
		}
		all = append(all, ev)
	}
	p.all = append(all, add[i:]...)
	p.trimEvents()
}

// names reports whether text holds the actor's name or one of its aliases.
func names(text string, a *ActorPage) bool {
	if a.Name != "" && strings.Contains(text, a.Name) {
		return true
	}
	for _, n := range a.Aliases {
		if n != "" && strings.Contains(text, n) {
			return true
		}
	}
	return false
}

// matchEvents sets each entry's eventActors: for each event of its
// timeline, its actors (by index in e.actors) named in the event's text.
// The timeline and the actors' pages both need it; it is done once, on
// all cores.
func matchEvents(entries []*Entry) {
	parallel.For(context.Background(), len(entries), func(i int) {
		e := entries[i]
		sig := namesDigest(e.actors)
		if e.eventActors != nil && e.matched == sig {
			return // the same events, the same names: the same matches
		}
		e.matched = sig
		e.eventActors = make([][]int, len(e.Timeline))
		for k, ev := range e.Timeline {
			for j, a := range e.actors {
				if names(ev.Text, a) {
					e.eventActors[k] = append(e.eventActors[k], j)
				}
			}
		}
	})
}

// namesDigest identifies the names and aliases of a list of actors, in
// order: what matching events against them depends on.
func namesDigest(as []*ActorPage) Digest {
	w := (&digester{}).newWalker()
	w.u64(uint64(len(as)))
	for _, a := range as {
		w.str(a.Name)
		w.u64(uint64(len(a.Aliases)))
		for _, al := range a.Aliases {
			w.str(al)
		}
	}
	return w.sum()
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return itoa(n) + " " + word + "s"
}

func itoa(n int) string { return strconv.Itoa(n) }
