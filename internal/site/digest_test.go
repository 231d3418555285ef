package site

import (
	"reflect"
	"testing"
	"time"

	"brief/internal/briefing"
)

// TestFastDigests checks that the hand-written digests of the values
// pages hold many of write exactly what reflection writes: a field added
// to one of those types and not to its fast digest fails here.
func TestFastDigests(t *testing.T) {
	d := &digester{}
	at := time.Date(2021, 6, 27, 0, 0, 0, 0, time.UTC)
	a := ActorRef{Name: "Joe Biden", Slug: "joe-biden", Kind: "person", Path: "/actors/joe-biden/"}
	src := &Entry{Briefing: &briefing.Briefing{Title: "T"}, Path: "/briefings/t/", Time: at}
	src.dsum = kept{Digest{1, 2, 3}, true}
	e := &Entry{Briefing: &briefing.Briefing{Title: "Strikes"}, Path: "/briefings/strikes/", MarkdownPath: "/briefings/strikes/index.md",
		Time: at, Lead: "lead", Actors: []ActorRef{a, {Name: "Iran"}}, Related: []EntryRef{{Title: "R", Path: "/briefings/r/", Time: at, Lead: "l"}},
		Story: &StoryRef{Name: "S", Slug: "s", Path: "/stories/s/"}, source: [32]byte{9}}
	if d.entryDigest(e) != d.entryDigestGeneric(e) {
		t.Error("entryDigest differs from its reflective form: a field of Entry, ActorRef, EntryRef or StoryRef is not in it")
	}
	e.Story = nil
	if d.entryDigest(e) != d.entryDigestGeneric(e) {
		t.Error("entryDigest differs from its reflective form without a story")
	}
	e.dsum = kept{d.entryDigest(e), true}
	ev := &TimelineEvent{Event: briefing.Event{Value: "2021-06-27", Display: "Sun 27 Jun 2021", Text: "strikes", Sentence: 2}, Time: at,
		Sources: []Source{{src.Link(), 1}, {EntryLink{Title: "E", Path: "/e/", Time: at}, 3}}, Actors: []ActorRef{a}}
	page := &Page{Kind: "timeline", Path: "/timeline/", Years: []Year{{Year: "2021", Count: 1, Months: []MonthEvents{{Label: "June 2021", ID: "2021-06", Events: []*TimelineEvent{ev, nil}}}}},
		FilterActors: []ActorRef{a}, Entries: []*Entry{e, src}, Entry: e, Site: &Config{}, Title: "T", Description: "D",
		Pager: &Pager{Number: 2, Total: 3, Prev: "/p/1/", Next: "/p/3/", First: 11}, Months: []Month{{Label: "June 2021", ID: "2021-06", Entries: []*Entry{e}}},
		Tags: []Tag{{Name: "Iran", Slug: "iran", Path: "/tags/iran/", Entries: []*Entry{src, nil}}}, Tag: "Iran",
		Actor: &ActorPage{Name: "Iran", Entries: []*Entry{e}}, Story: &Story{Name: "S", Entries: []*Entry{e}}, Stories: []*Story{{Name: "S2"}, nil},
		Groups:  []ActorGroup{{Kind: "person", Label: "People", ID: "kind-person", Actors: []*ActorPage{{Name: "A"}, nil}}},
		YearNav: []YearLink{{Year: "2021", Path: "/timeline/2021/", Count: 3, Current: true}}, Generator: "brief"}
	fast, slow := d.newWalker(), d.newWalker()
	slow.slow = true
	fast.value(reflect.ValueOf(page).Elem())
	slow.value(reflect.ValueOf(page).Elem())
	if fast.sum() != slow.sum() {
		t.Error("a page's fast digest differs from its reflective form: a field of Page, TimelineEvent, Source, ActorRef or EntryRef is not in its fast digest")
	}
	parts := []any{[32]byte{1, 2}, e, []*Entry{e, nil, src}, "s", (*Entry)(nil), 3, []string{"a", "", "b"}}
	if fast, slow := d.of("x", parts...), d.ofSlow("x", parts...); fast != slow {
		t.Error("a file's fast digest differs from its reflective form")
	}
}

// TestSearchKey: a search shard's digest changes with what its documents
// show (an entry's briefing file, path, actors' names) and not with what
// they do not (related briefings, story), and a kept key is made again
// when the entry's digest changes.
func TestSearchKey(t *testing.T) {
	d := &digester{}
	mk := func() *Entry {
		e := &Entry{Briefing: &briefing.Briefing{Title: "T"}, Path: "/briefings/t/", source: [32]byte{1},
			actors: []*ActorPage{{Name: "Joe Biden"}, {Name: "Iran"}}, Actors: []ActorRef{{Name: "Joe Biden"}, {Name: "Iran"}}}
		e.dsum = kept{d.entryDigest(e), true}
		return e
	}
	base := d.of("search/index-0.json", searchPart{mk()})
	for _, tc := range []struct {
		name    string
		edit    func(*Entry)
		changes bool
	}{
		{"nothing", func(*Entry) {}, false},
		{"related briefings", func(e *Entry) { e.Related = []EntryRef{{Title: "R", Path: "/briefings/r/"}} }, false},
		{"story", func(e *Entry) { e.Story = &StoryRef{Name: "S", Slug: "s", Path: "/stories/s/"} }, false},
		{"briefing file", func(e *Entry) { e.source[0] = 2 }, true},
		{"path", func(e *Entry) { e.Path = "/briefings/u/" }, true},
		{"an actor's name", func(e *Entry) { e.actors[1] = &ActorPage{Name: "Islamic Republic of Iran"} }, true},
		{"an actor more", func(e *Entry) { e.actors = append(e.actors, &ActorPage{Name: "Pentagon"}) }, true},
	} {
		e := mk()
		e.searchKey() // kept under the first digest
		tc.edit(e)
		e.Actors = nil // the refs the model makes of its actors (the entry's digest covers these)
		for _, a := range e.actors {
			e.Actors = append(e.Actors, ActorRef{Name: a.Name})
		}
		e.dsum = kept{d.entryDigest(e), true}
		if got := d.of("search/index-0.json", searchPart{e}); (got != base) != tc.changes {
			t.Errorf("%s: shard digest changed %v, want %v", tc.name, got != base, tc.changes)
		}
		if d.of("x", searchPart{e}) != d.ofSlow("x", searchPart{e}) {
			t.Errorf("%s: ofSlow writes a search part otherwise", tc.name)
		}
	}
}
