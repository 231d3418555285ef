package site

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
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
	// Named by the first briefing's shared actors in its order (a names
	// Boeing first), not by name or count.
	if st.Name != "Boeing and Airbus" || len(st.Entries) != 3 || st.First() != a || st.Last() != c || st.Path != "/stories/boeing-and-airbus/" {
		t.Errorf("story %q %v %s", st.Name, st.Entries, st.Path)
	}
	if d.story != nil || a.story != st {
		t.Error("d shares one actor and a place: it is not part of the story")
	}
	// Later briefings that share another actor more do not rename it.
	actor("Alan Mulally", "person", a, b, c, d)
	got = stories(entries)
	if len(got) != 1 || got[0].Name != "Boeing and Airbus" || len(got[0].Entries) != 4 || !slices.ContainsFunc(got[0].Actors[:2], func(r ActorRef) bool { return r.Name == "Alan Mulally" }) {
		t.Errorf("story %q %v %v", got[0].Name, got[0].Entries, got[0].Actors)
	}
}

// TestRegroup gives random briefings random actors, changes one
// briefing's actors at a time, regroups from that briefing and those it
// linked to or links to, and checks the stories are what grouping all
// again gives: the same briefings, names and slugs, in the same order,
// and each briefing's story.
func TestRegroup(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for site := range 40 {
		n := 12 + rng.IntN(30)
		entries := make([]*Entry, n)
		for i := range entries {
			entries[i] = &Entry{Briefing: &briefing.Briefing{Slug: fmt.Sprintf("b%02d", i)}, Time: time.Date(2021, 1, 1+n-i, 0, 0, 0, 0, time.UTC), idx: i}
		}
		pool := make([]*ActorPage, 14)
		for i := range pool {
			kind := "person"
			if i%5 == 4 {
				kind = "place"
			}
			pool[i] = &ActorPage{Name: fmt.Sprintf("Actor %c", 'A'+i), Slug: fmt.Sprintf("actor-%c", 'a'+i), Kind: kind}
		}
		give := func(e *Entry, as []*ActorPage) { // e's actors become as
			for _, a := range e.actors {
				a.Entries = slices.DeleteFunc(a.Entries, func(x *Entry) bool { return x == e })
			}
			e.actors = as
			for _, a := range as {
				k, _ := slices.BinarySearchFunc(a.Entries, e, func(x, y *Entry) int { return x.idx - y.idx })
				a.Entries = slices.Insert(a.Entries, k, e)
			}
		}
		pick := func() []*ActorPage {
			var as []*ActorPage
			for _, k := range rng.Perm(len(pool))[:1+rng.IntN(4)] {
				as = append(as, pool[k])
			}
			return as
		}
		for _, e := range entries {
			give(e, pick())
		}
		got := stories(entries)
		limit := sharedLimit(n)
		for step := range 20 {
			c := entries[rng.IntN(n)]
			seeds := []*Entry{c}
			shared := map[*Entry]int{}
			eachLink(c, limit, shared, func(o *Entry) { seeds = append(seeds, o) })
			before := map[*ActorPage]bool{}
			for _, a := range pool {
				before[a] = len(a.Entries) <= limit
			}
			give(c, pick())
			eachLink(c, limit, shared, func(o *Entry) { seeds = append(seeds, o) })
			for _, a := range pool {
				if before[a] != (len(a.Entries) <= limit) {
					seeds = append(seeds, a.Entries...) // came to link briefings, or stopped
					if before[a] {
						seeds = append(seeds, c)
					}
				}
			}
			got = regroup(entries, seeds, got)
			have := dumpStories(got, entries)
			kept := make([]*Story, n) // stories sets each entry's story: the regrouped ones are kept
			for i, e := range entries {
				kept[i] = e.story
			}
			want := dumpStories(stories(entries), entries)
			for i, e := range entries {
				e.story = kept[i]
			}
			if have != want {
				t.Fatalf("site %d, step %d (%s changed):\nregrouped\n%s\nwant\n%s", site, step, c.Slug, have, want)
			}
		}
	}
}

func dumpStories(sts []*Story, entries []*Entry) string {
	var b strings.Builder
	for _, st := range sts {
		fmt.Fprintf(&b, "%s %s %d:", st.Name, st.Slug, st.Count)
		for _, e := range st.Entries {
			fmt.Fprintf(&b, " %s", e.Slug)
		}
		b.WriteString("\n")
	}
	for _, e := range entries {
		if e.story != nil {
			fmt.Fprintf(&b, "%s→%s ", e.Slug, e.story.Slug)
		}
	}
	return b.String()
}
