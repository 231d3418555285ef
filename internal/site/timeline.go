package site

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"

	"brief/internal/briefing"
	"brief/internal/parallel"
	"brief/internal/timeline"
)

// TimelineEvent is a dated event across briefings: one event reported by
// several articles is one TimelineEvent with several sources.
type TimelineEvent struct {
	briefing.Event
	Time    time.Time // the first instant of the value
	Sources []Source
	Actors  []ActorRef // actors of its briefings named in its text
	words   []uint64
	from    *Entry // on an actor's timeline: where it was read, its k-th event
	k       int
	// On the site's timeline: the briefings that report it (the first
	// leads), and which event of the first it is.
	reporters []*Entry
	lk        int
}

// Source is where an event was read: a briefing, as a link, and the
// sentence. A link, not the entry: a timeline changes when what it shows
// of its sources does (see digest.go).
type Source struct {
	Entry    EntryLink
	Sentence int
}

// EntryLink is a briefing as a page that cites it shows it.
type EntryLink struct {
	Title, Path string
	Time        time.Time
}

// Link is the entry as a citation links it.
func (e *Entry) Link() EntryLink { return EntryLink{Title: e.Title, Path: e.Path, Time: e.Time} }

// Link is the URL of the source sentence.
func (s Source) Link() string { return s.Entry.Path + "#s" + itoa(s.Sentence) }

// ActorSlugs is the space-separated slugs of the event's actors, for the
// timeline's filter.
func (e *TimelineEvent) ActorSlugs() string {
	var s []string
	for _, a := range e.Actors {
		s = append(s, a.Slug)
	}
	return strings.Join(s, " ")
}

// Year groups the timeline.
type Year struct {
	Year   string
	Count  int // events
	Months []MonthEvents

	sum *memo // its digest, kept with what it is made from (see prepare)
}

// MonthEvents is the events of one month ("" for events dated only by year).
type MonthEvents struct {
	Label, ID string
	Events    []*TimelineEvent
}

// sortEvents orders a year's events: by date, coarser values first, the
// earlier first report first, then by where that report read it (the
// older briefing, its earlier event): a total order, so a year merged
// again in part (see yearEvents.make) is in the order a whole merge gives.
func sortEvents(evs []*TimelineEvent) {
	for _, e := range evs {
		if e.Time.IsZero() {
			e.Time, _, _ = timeline.Parse(e.Value)
		}
	}
	slices.SortFunc(evs, cmpEvents)
}

func cmpEvents(a, b *TimelineEvent) int {
	if c := a.Time.Compare(b.Time); c != 0 {
		return c
	}
	if c := len(a.Value) - len(b.Value); c != 0 {
		return c
	}
	if c := a.Sources[0].Entry.Time.Compare(b.Sources[0].Entry.Time); c != 0 {
		return c
	}
	if c := b.reporters[0].idx - a.reporters[0].idx; c != 0 { // the older briefing (further down the site's order) first
		return c
	}
	return a.lk - b.lk
}

// The timeline is made a year at a time: events of different dates are
// never one event, so each year's events are merged and ordered from its
// own briefings alone (the same as merging the whole timeline and cutting
// it into years), and an edit makes again only the years it touches.

// yearEvents is one year of the timeline and the entries it is made from.
type yearEvents struct {
	name    string   // "2021"
	entries []*Entry // those with an event in the year, newest first
	year    Year     // made by make
	events  []*TimelineEvent
	parts   []yearPart // the year's pages, when the timeline has a page a year
	whole   memo       // year's digest (see Year)
	made    bool       // by make
	// byValue is the merged events by value, for make to merge again
	// only the values an edit touches; nil when it must merge them all.
	byValue map[string][]*TimelineEvent
	key     Digest // what it was made from (yearKey), when keyed
	keyed   bool
}

// yearPart is a page of a year: whole months, at most YearPageMax events
// unless one month has more.
type yearPart struct {
	year   Year
	filter []ActorRef // filterActors of its events
	memo   memo
}

// YearPageMax is the most events a page of a year shows (a month is not
// split): a longer year has pages /timeline/YYYY/page/N/.
const YearPageMax = 250

// tlEvent is an event of an entry's timeline as the site timeline takes
// it: its date parsed, its year and the words of its text (see sameEvent).
type tlEvent struct {
	ok    bool // the value is a date
	year  string
	words []uint64
}

// tlEvents parses the entry's events, once per entry.
func (e *Entry) tlEvents() []tlEvent {
	if e.tl == nil {
		tl := make([]tlEvent, len(e.Timeline))
		for k, ev := range e.Timeline {
			if t, _, ok := timeline.Parse(ev.Value); ok {
				tl[k] = tlEvent{true, t.Format("2006"), words(ev.Text)}
			}
		}
		e.tl = tl
	}
	return e.tl
}

// years is the set of years of the entry's events.
func (e *Entry) years() []string {
	var ys []string
	for _, t := range e.tlEvents() {
		if t.ok && !slices.Contains(ys, t.year) {
			ys = append(ys, t.year)
		}
	}
	return ys
}

// groupYears groups the entries (newest first) by the years of their
// events; makeYears makes the years.
func groupYears(entries []*Entry) map[string]*yearEvents {
	parallel.For(context.Background(), len(entries), func(i int) { entries[i].tlEvents() })
	years := map[string]*yearEvents{}
	for _, e := range entries {
		for _, y := range e.years() {
			ye := years[y]
			if ye == nil {
				ye = &yearEvents{name: y}
				years[y] = ye
			}
			ye.entries = append(ye.entries, e)
		}
	}
	return years
}

// makeYears makes the years of the timeline that are not made yet, on all
// cores, once the entries have their digests: a year made from the same
// entries (by digest) and actors' names as a year of the previous build's
// model is that year (brief serve, when the model was made again).
func (b *builder) makeYears() {
	var todo []*yearEvents
	for _, ye := range b.years {
		if !ye.keyed {
			todo = append(todo, ye)
		}
	}
	// A year's key is what a later build of this process takes the year
	// over by (prev, below): it is made only when the model is kept for
	// one (brief serve), and not in a build that updated the model in
	// place. The years such a build made again stay without a key, and the
	// next build that makes the model again (an article added or removed)
	// makes them again too: fewer than keying the largest years at every
	// edit (21 ms of CPU an edit at 50k).
	keys := b.keep && !b.reused
	if keys {
		parallel.For(context.Background(), len(todo), func(i int) { todo[i].key = b.yearKey(todo[i]) })
	}
	var prev map[string]*yearEvents
	if m := b.prev; m != nil && keys && m.global == b.dig.global {
		prev = m.years
	}
	var remake []*yearEvents
	for _, ye := range todo {
		ye.keyed = keys
		if ye.made {
			continue // made again by reuse
		}
		if old := prev[ye.name]; old != nil && old.keyed && old.key == ye.key {
			old.entries = ye.entries
			old.byValue = nil // its events know the entries of its own build: merged whole next time
			b.years[ye.name] = old
			continue
		}
		remake = append(remake, ye)
	}
	parallel.For(context.Background(), len(remake), func(i int) { remake[i].make(nil, nil); remake[i].keyed = keys })
	if !b.keep { // no model to update: the words of the events are not needed again
		for _, e := range b.entries {
			e.tl = nil
		}
	}
}

// yearKey identifies what a year is made from: its entries, by digest
// (their events, links and actors' refs), and the other names of their
// actors (which decide which actors an event names).
func (b *builder) yearKey(ye *yearEvents) Digest {
	w := b.dig.newWalker()
	w.str(ye.name)
	for _, e := range ye.entries {
		w.digest(e.dsum.sum)
		for _, a := range e.actors {
			w.u64(uint64(len(a.Aliases)))
			for _, al := range a.Aliases {
				w.str(al)
			}
		}
	}
	return w.sum()
}

// make merges and orders the year's events: duplicates reported by
// several articles are one event, the first report leading. Events of
// different values are never one event, so with vals (the values of the
// events the changed entries had or have in the year; see reuse) only
// those values are merged again, from the entries that report them, and
// the rest of the year is kept.
func (ye *yearEvents) make(vals map[string]bool, changed []*Entry) {
	var evs []*TimelineEvent
	if vals == nil || ye.byValue == nil {
		ye.byValue = map[string][]*TimelineEvent{}
		for i := len(ye.entries) - 1; i >= 0; i-- { // oldest first: the first report leads
			ye.report(ye.entries[i], "")
		}
		for _, g := range ye.byValue {
			evs = append(evs, g...)
		}
		sortEvents(evs)
	} else {
		var fresh []*TimelineEvent
		for v := range vals {
			var from []*Entry
			for _, te := range ye.byValue[v] {
				from = append(from, te.reporters...)
			}
			from = append(from, changed...)
			slices.SortFunc(from, func(a, b *Entry) int { return b.idx - a.idx }) // oldest first
			from = slices.Compact(from)
			delete(ye.byValue, v)
			for _, e := range from {
				ye.report(e, v)
			}
			fresh = append(fresh, ye.byValue[v]...)
		}
		sortEvents(fresh)
		evs = make([]*TimelineEvent, 0, len(ye.events)+len(fresh))
		i := 0
		for _, te := range ye.events {
			if vals[te.Value] {
				continue
			}
			for ; i < len(fresh) && cmpEvents(fresh[i], te) < 0; i++ {
				evs = append(evs, fresh[i])
			}
			evs = append(evs, te)
		}
		evs = append(evs, fresh[i:]...)
	}
	y := Year{Year: ye.name, Count: len(evs), sum: &ye.whole}
	var prefix, lastLabel, lastID string // the month of the last value's first 7 bytes: formatted once a month
	for _, ev := range evs {
		label, id := "", ye.name
		if len(ev.Value) >= 7 && ev.Value[4] == '-' && ev.Value[5] != 'W' && ev.Value[5] != 'Q' && ev.Value[5] != 'H' {
			if ev.Value[:7] != prefix {
				prefix, lastLabel, lastID = ev.Value[:7], ev.Time.Format("January 2006"), ev.Time.Format("2006-01")
			}
			label, id = lastLabel, lastID
		}
		if n := len(y.Months); n == 0 || y.Months[n-1].ID != id {
			y.Months = append(y.Months, MonthEvents{Label: label, ID: id})
		}
		m := &y.Months[len(y.Months)-1]
		m.Events = append(m.Events, ev)
	}
	ye.year, ye.events, ye.whole = y, evs, memo{}
	ye.made, ye.keyed = true, false
	ye.parts = nil
	for i := 0; i < len(y.Months); {
		part := yearPart{year: Year{Year: ye.name}}
		var pevs []*TimelineEvent
		for ; i < len(y.Months) && (len(pevs) == 0 || len(pevs)+len(y.Months[i].Events) <= YearPageMax); i++ {
			part.year.Months = append(part.year.Months, y.Months[i])
			pevs = append(pevs, y.Months[i].Events...)
		}
		part.year.Count, part.filter = len(pevs), filterActors(pevs)
		ye.parts = append(ye.parts, part)
	}
	for i := range ye.parts {
		ye.parts[i].year.sum = &ye.parts[i].memo
	}
}

// report merges the events of entry e in the year into byValue: all of
// them, or those of the value only when it is set.
func (ye *yearEvents) report(e *Entry, only string) {
	tl := e.tlEvents()
	for k, ev := range e.Timeline {
		if !tl[k].ok || tl[k].year != ye.name || only != "" && ev.Value != only {
			continue
		}
		src := Source{e.Link(), ev.Sentence}
		w := tl[k].words
		if dup := sameEvent(ye.byValue[ev.Value], w); dup != nil {
			dup.Sources = append(dup.Sources, src)
			dup.reporters = append(dup.reporters, e)
			addActors(dup, e)
			continue
		}
		te := &TimelineEvent{Event: ev, Sources: []Source{src}, words: w, reporters: []*Entry{e}, lk: k}
		for _, j := range e.eventActors[k] { // its own text: matched once for the site
			addActor(te, e.actors[j])
		}
		ye.byValue[ev.Value] = append(ye.byValue[ev.Value], te)
	}
}

// forget drops the year's digests: what it shows changed.
func (ye *yearEvents) forget() {
	ye.whole = memo{}
	for i := range ye.parts {
		ye.parts[i].memo = memo{}
	}
}

// sortedYears is the years in order.
func sortedYears(years map[string]*yearEvents) []*yearEvents {
	out := make([]*yearEvents, 0, len(years))
	for _, ye := range years {
		if len(ye.events) > 0 {
			out = append(out, ye)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].events[0].Time.Before(out[j].events[0].Time) })
	return out
}

// timeline writes /timeline/: every event of every briefing by year and
// month, duplicates reported by several articles merged.
func (b *builder) timeline([]*Entry) error {
	years := sortedYears(b.years)
	total := 0
	for _, ye := range years {
		total += len(ye.events)
	}
	const desc = "Every dated event in the briefings, in order, with its sources."
	if total <= TimelineMax {
		var nav []YearLink
		var ys []Year
		var all []*TimelineEvent
		for _, ye := range years {
			nav = append(nav, YearLink{Year: ye.name})
			ys = append(ys, ye.year)
			all = append(all, ye.events...)
		}
		p := &Page{Kind: "timeline", Title: "Timeline", Path: "/timeline/", Years: ys, YearNav: nav,
			FilterActors: filterActors(all), Description: desc}
		for i := range p.Years {
			b.yearSums = append(b.yearSums, &p.Years[i])
		}
		return b.page(p)
	}
	// Too long for one page: a page a year, and the years on /timeline/.
	var names []string
	var counts []int
	for _, ye := range years {
		names, counts = append(names, ye.name), append(counts, len(ye.events))
	}
	nav, index := yearLinks("/timeline/", names, counts)
	for i, ye := range years {
		yn := slices.Clone(nav)
		yn[i].Current = true
		path := "/timeline/" + ye.name + "/"
		for k := range ye.parts {
			part := &ye.parts[k]
			p := &Page{Kind: "timeline", Title: "Timeline: " + ye.name, Path: pagePath(path, k+1), Years: []Year{part.year},
				YearNav: yn, FilterActors: part.filter, Description: fmt.Sprintf("The dated events of %s in the briefings, in order, with their sources.", ye.name)}
			if n := len(ye.parts); n > 1 {
				p.Pager = pager(path, k+1, n)
				if k > 0 {
					p.Title += fmt.Sprintf(", page %d", k+1)
				}
				if first, last := monthRange(part.year.Months); first != "" {
					p.Description = fmt.Sprintf("The dated events of %s in the briefings, in order, with their sources: %s to %s.", ye.name, first, last)
				}
			}
			if err := b.page(p); err != nil {
				return err
			}
			b.yearSums = append(b.yearSums, &p.Years[0])
		}
	}
	return b.page(&Page{Kind: "timeline", Title: "Timeline", Path: "/timeline/", YearNav: index, Description: desc + " A page a year."})
}

// monthRange is the first and last month named among months ("" when
// none is: events dated by the year, season, quarter or week only).
func monthRange(months []MonthEvents) (first, last string) {
	for _, m := range months {
		if m.Label != "" {
			if first == "" {
				first = m.Label
			}
			last = m.Label
		}
	}
	return first, last
}

// TimelineMax is the most events /timeline/ shows on one page; a longer
// timeline has a page a year (/timeline/YYYY/), and /timeline/ lists the
// years.
const TimelineMax = 1500

// YearLink is a year in the year navigation of the timeline or archive.
type YearLink struct {
	Year    string
	Path    string // its page; "" when it is on this page (#yYYYY)
	Count   int    // events or briefings, on the index of a split timeline or archive
	Current bool   // this page's year
}

// filterActors is the actors named in evs, by name: the timeline's filter.
func filterActors(evs []*TimelineEvent) []ActorRef {
	var filter []ActorRef
	seen := map[string]bool{}
	for _, ev := range evs {
		for _, a := range ev.Actors {
			if !seen[a.Path] {
				seen[a.Path] = true
				filter = append(filter, a)
			}
		}
	}
	sort.Slice(filter, func(i, j int) bool {
		if filter[i].Name != filter[j].Name {
			return filter[i].Name < filter[j].Name
		}
		return filter[i].Path < filter[j].Path
	})
	return filter
}

// sameEvent returns the event among cands (of one date) that a text with
// the words w reports too: most of their words are shared.
func sameEvent(cands []*TimelineEvent, w []uint64) *TimelineEvent {
	start := max(0, len(cands)-50) // bounded: recent reports of the date
	for _, c := range cands[start:] {
		if overlap(w, c.words) >= 0.6 {
			return c
		}
	}
	return nil
}

// words is the set of words of s longer than two letters, case aside, as
// sorted hashes (FNV-1a).
func words(s string) []uint64 {
	var out []uint64
	var h uint64
	n := 0
	flush := func() {
		if n > 2 {
			out = append(out, h)
		}
		h, n = 14695981039346656037, 0
	}
	flush()
	for _, r := range s {
		if r >= 'A' && r <= 'Z' {
			r += 'a' - 'A'
		} else if r > 127 {
			r = unicode.ToLower(r)
		}
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127 {
			h = (h ^ uint64(r)) * 1099511628211
			n++
			continue
		}
		flush()
	}
	flush()
	slices.Sort(out)
	return slices.Compact(out)
}

// overlap is the Jaccard index of two word sets.
func overlap(a, b []uint64) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	n := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			n++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return float64(n) / float64(len(a)+len(b)-n)
}

// addActors links the actors of entry e named in the event's text.
func addActors(ev *TimelineEvent, e *Entry) {
	for _, a := range e.actors {
		if names(ev.Text, a) {
			addActor(ev, a)
		}
	}
}

// addActor links the actor a to ev, once.
func addActor(ev *TimelineEvent, a *ActorPage) {
	for _, x := range ev.Actors {
		if x.Path == a.Path {
			return
		}
	}
	ev.Actors = append(ev.Actors, a.Ref())
}
