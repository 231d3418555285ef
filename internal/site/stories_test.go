package site

import (
	"testing"
	"time"

	"brief/internal/briefing"
)

func TestStories(t *testing.T) {
	mk := func(slug string, day int) *Entry {
		return &Entry{Briefing: &briefing.Briefing{Slug: slug}, Time: time.Date(2021, 1, day, 0, 0, 0, 0, time.UTC)}
	}
	a, b, c, d, e := mk("a", 1), mk("b", 2), mk("c", 3), mk("d", 4), mk("e", 5)
	entries := []*Entry{e, d, c, b, a} // newest first
	for i, x := range entries {
		x.idx = i
	}
	actor := func(name, kind string, es ...*Entry) *ActorPage {
		p := &ActorPage{Name: name, Kind: kind, Entries: es}
		for _, x := range es {
			x.actors = append(x.actors, p)
		}
		return p
	}
	actor("Boeing", "organization", a, b, c)
	actor("Airbus", "organization", a, b, c)
	actor("Seattle", "place", a, b, c, d)
	actor("Jim McNerney", "person", c, d)
	got := stories(entries)
	if len(got) != 1 {
		t.Fatalf("%d stories", len(got))
	}
	st := got[0]
	if st.Name != "Airbus and Boeing" || len(st.Entries) != 3 || st.First() != a || st.Last() != c || st.Path != "/stories/airbus-and-boeing/" {
		t.Errorf("story %q %v %s", st.Name, st.Entries, st.Path)
	}
	if d.story != nil || a.story != st {
		t.Error("d shares one actor and a place: it is not part of the story")
	}
}
