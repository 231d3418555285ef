package site

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"brief/internal/actors"
)

// Story is briefings about one story: briefings that share at least
// StoryLink actors (not counting places, nor actors too common to tell
// stories apart, see sharedLimit) are joined, and so are the briefings
// joined to those; a group of at least StoryMin briefings is a story. It is
// named by its first briefing's first two actors (not places) that another
// briefing of the story shares, so that it keeps its name and URL while
// later briefings are edited or added; its page lists the actors its
// briefings share most.
type Story struct {
	Name, Slug, Path string
	Entries          []*Entry // oldest first: a story is read in order (none on the story's later pages)
	Actors           []ActorRef
	Count            int // briefings

	actors []*ActorPage // its actors in full (Actors has the first 12)
	dsum   kept         // its digest (see digester)
}

const (
	StoryLink = 2 // shared actors that join two briefings
	StoryMin  = 3 // briefings that make a story
)

// stories groups entries into stories (union-find over the pairs found
// through each rare actor's briefings: linear in actor-briefing pairs).
// Each entry's idx must be its position in entries.
func stories(entries []*Entry) []*Story {
	parent := make([]int, len(entries))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(x int) int {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	limit := sharedLimit(len(entries))
	shared := map[*Entry]int{}
	for i, e := range entries {
		eachLink(e, limit, shared, func(o *Entry) { parent[find(o.idx)] = find(i) })
	}
	groups := map[int][]*Entry{}
	for i, e := range entries {
		r := find(i)
		groups[r] = append(groups[r], e)
	}
	var out []*Story
	for _, g := range groups {
		if len(g) < StoryMin {
			continue
		}
		st := newStory(g)
		for _, e := range g {
			e.story = st
		}
		out = append(out, st)
	}
	sortStories(out)
	nameStories(out)
	return out
}

// eachLink calls link with each entry that shares at least StoryLink
// actors with e (not places, nor actors in more than limit briefings).
// shared is scratch, left empty.
func eachLink(e *Entry, limit int, shared map[*Entry]int, link func(*Entry)) {
	for _, a := range e.actors {
		if a.Kind == "place" || len(a.Entries) > limit {
			continue // places join briefings of different stories
		}
		for _, o := range a.Entries {
			if o != e {
				shared[o]++
			}
		}
	}
	for o, n := range shared {
		if n >= StoryLink {
			link(o)
		}
	}
	clear(shared)
}

// newStory is the story of the briefings g, put in reading order.
func newStory(g []*Entry) *Story {
	sort.Slice(g, func(i, j int) bool {
		if !g[i].Time.Equal(g[j].Time) {
			return g[i].Time.Before(g[j].Time)
		}
		return g[i].Slug < g[j].Slug
	})
	return &Story{Entries: g, Count: len(g)}
}

// sortStories orders stories by their latest briefing, newest first.
func sortStories(out []*Story) {
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		la, lb := a.Entries[len(a.Entries)-1].Time, b.Entries[len(b.Entries)-1].Time
		if !la.Equal(lb) {
			return la.After(lb)
		}
		return a.Entries[0].Slug < b.Entries[0].Slug
	})
}

// regroup is stories after the briefings seeds changed their links: the
// briefings linked to a seed now, directly or not, are grouped again (a
// story is a whole group, so every story that held one of them is among
// them); the other stories stay. A group with the briefings of a story
// before keeps that story, named again. All are given slugs again, in
// order. The result is what stories gives.
func regroup(entries, seeds []*Entry, old []*Story) []*Story {
	limit := sharedLimit(len(entries))
	seen := map[*Entry]bool{}
	shared := map[*Entry]int{}
	var groups [][]*Entry
	for _, s := range seeds {
		if seen[s] {
			continue
		}
		seen[s] = true
		g := []*Entry{s}
		for k := 0; k < len(g); k++ {
			eachLink(g[k], limit, shared, func(o *Entry) {
				if !seen[o] {
					seen[o] = true
					g = append(g, o)
				}
			})
		}
		groups = append(groups, g)
	}
	gone := map[*Story]bool{}
	was := map[*Entry]*Story{}
	for e := range seen {
		if e.story != nil {
			gone[e.story], was[e] = true, e.story
		}
		e.story = nil
	}
	var out []*Story
	for _, st := range old {
		if !gone[st] {
			out = append(out, st)
		}
	}
	for _, g := range groups {
		if len(g) < StoryMin {
			continue
		}
		st := newStory(g)
		if w := was[g[0]]; w != nil && slices.Equal(w.Entries, st.Entries) {
			st = w
		}
		nameStory(st)
		for _, e := range g {
			e.story = st
		}
		out = append(out, st)
	}
	sortStories(out)
	slugStories(out)
	return out
}

// nameStories names the stories (in order) by the actors their briefings
// share most and gives them slugs.
func nameStories(stories []*Story) {
	for _, st := range stories {
		nameStory(st)
	}
	slugStories(stories)
}

// slugStories gives the named stories slugs, unique in order.
func slugStories(stories []*Story) {
	used := map[string]bool{}
	for _, st := range stories {
		s := actors.UniqueSlug(used, slugify(st.Name), "story")
		st.Slug, st.Path = s, "/stories/"+s+"/"
	}
}

// nameStory sets the story's actors (those in more than one of its
// briefings, the most shared first, at most 12) and its name (see Story).
func nameStory(st *Story) {
	count := map[*ActorPage]int{}
	for _, e := range st.Entries {
		for _, a := range e.actors {
			count[a]++
		}
	}
	var shared []*ActorPage
	for a, n := range count {
		if n > 1 {
			shared = append(shared, a)
		}
	}
	sort.Slice(shared, func(i, j int) bool {
		x, y := shared[i], shared[j]
		if count[x] != count[y] {
			return count[x] > count[y]
		}
		if x.Name != y.Name {
			return x.Name < y.Name
		}
		return x.Slug < y.Slug
	})
	st.actors = shared
	st.Actors = refs(shared)
	// The name (and so the story's URL, and what each member's page says)
	// comes from the first briefing: its own first actors that other
	// briefings of the story share. The most shared actors would follow
	// every edit of every member: one sentence could rename a story of a
	// hundred briefings, move its URL and rewrite all their pages.
	var names []string
	for _, a := range st.Entries[0].actors {
		if len(names) == 2 {
			break
		}
		if a.Kind != "place" && count[a] > 1 {
			names = append(names, a.Name)
		}
	}
	for _, a := range st.Actors { // fewer than two (none while StoryLink is 2): the most shared
		if len(names) == 2 {
			break
		}
		if a.Kind != "place" && !slices.Contains(names, a.Name) {
			names = append(names, a.Name)
		}
	}
	if len(names) == 0 && len(st.Actors) > 0 {
		names = append(names, st.Actors[0].Name)
	}
	st.Name = strings.Join(names, " and ")
	if len(st.Actors) > 12 {
		st.Actors = st.Actors[:12]
	}
}

// storyPages writes /stories/ and a page and feed per story.
func (b *builder) storyPages(entries []*Entry) error {
	all := b.stories
	for _, st := range all {
		newest := make([]*Entry, len(st.Entries))
		for i, e := range st.Entries {
			newest[len(st.Entries)-1-i] = e
		}
		desc := "A story in " + plural(len(st.Entries), "briefing") + ", from " + st.Entries[0].Time.Format("2 Jan 2006") + " to " + st.Entries[len(st.Entries)-1].Time.Format("2 Jan 2006") + "."
		if err := b.paginate(st.Path, st.Entries, ListPageSize, func(part []*Entry, pg *Pager) *Page {
			p := &Page{Kind: "story", Title: st.Name, Story: st, Entries: part, Description: desc}
			if pg.Number > 1 {
				// Later pages carry no counts, dates or actors, which a
				// briefing joining the story changes: it rewrites the
				// first page and the last, not all.
				p.Title = fmt.Sprintf("%s, page %d", st.Name, pg.Number)
				p.Description = fmt.Sprintf("%s: the story's briefings, page %d.", st.Name, pg.Number)
				p.Story = &Story{Name: st.Name, Slug: st.Slug, Path: st.Path}
			}
			return p
		}); err != nil {
			return err
		}
		if err := b.atom(st.Path+"feed.xml", b.cfg.Title+": "+st.Name, st.Path, newest); err != nil {
			return err
		}
	}
	return b.page(&Page{Kind: "stories", Title: "Stories", Path: "/stories/", Stories: all,
		Description: "Briefings grouped into stories by the actors they share."})
}

// First is the story's first briefing (nil on a story's later pages).
func (s *Story) First() *Entry {
	if len(s.Entries) == 0 {
		return nil
	}
	return s.Entries[0]
}

// Last is the story's latest briefing (nil on a story's later pages).
func (s *Story) Last() *Entry {
	if len(s.Entries) == 0 {
		return nil
	}
	return s.Entries[len(s.Entries)-1]
}
