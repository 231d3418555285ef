package site

import (
	"sort"
	"strconv"
	"strings"

	"brief/internal/actors"
	"brief/internal/briefing"
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
	CoActors         []*ActorPage
	Mentions         int
	Events           []*TimelineEvent // the actor's own timeline
}

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
// pages' data, and links each entry to its actors and related entries.
func (b *builder) crossref(entries []*Entry) {
	bs := make([]*briefing.Briefing, len(entries))
	for i, e := range entries {
		bs[i] = e.Briefing
	}
	idx := actors.Merge(bs, b.overrides)
	slugs := actors.Slugs(idx.Actors, slugify)
	pages := make(map[*actors.Actor]*ActorPage, len(idx.Actors))
	for _, a := range idx.Actors {
		p := &ActorPage{Name: a.Name, Slug: slugs[a], Kind: a.Kind, Role: a.Role, Aliases: a.Aliases, Mentions: a.Mentions}
		if a.Kind == "place" {
			p.Path = "/places/" + p.Slug + "/"
			b.places = append(b.places, p)
		} else {
			p.Path = "/actors/" + p.Slug + "/"
			b.actors = append(b.actors, p)
		}
		for _, i := range a.Briefings {
			p.Entries = append(p.Entries, entries[i])
		}
		p.Roles = roleSpans(a.Roles, entries)
		for _, q := range a.Quotes {
			p.Quotes = append(p.Quotes, QuoteAt{q.Text, entries[q.Briefing], q.Sentence})
		}
		pages[a] = p
	}
	for _, a := range idx.Actors {
		for _, c := range a.CoActors {
			pages[a].CoActors = append(pages[a].CoActors, pages[c])
		}
	}
	for i, e := range entries {
		for _, a := range idx.Of[i] {
			e.Actors = append(e.Actors, pages[a])
		}
	}
	related(entries, len(entries))
	b.stories = stories(entries)
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

// related picks up to five related entries for each entry: those sharing
// the most actors (actors in more than MaxCommon of all briefings do not
// count), then the closest in date. Linear in the actor-briefing pairs of
// the rarer actors.
func related(entries []*Entry, total int) {
	limit := int(actors.MaxCommon*float64(total)) + 1
	for _, e := range entries {
		score := map[*Entry]int{}
		for _, a := range e.Actors {
			if len(a.Entries) > limit && total >= 10 {
				continue
			}
			for _, o := range a.Entries {
				if o != e {
					score[o]++
				}
			}
		}
		var cands []*Entry
		for o, s := range score {
			if s >= 1 {
				cands = append(cands, o)
			}
		}
		sort.Slice(cands, func(i, j int) bool {
			x, y := cands[i], cands[j]
			if score[x] != score[y] {
				return score[x] > score[y]
			}
			dx, dy := absDays(x, e), absDays(y, e)
			if dx != dy {
				return dx < dy
			}
			return x.Slug < y.Slug
		})
		if len(cands) > 5 {
			cands = cands[:5]
		}
		e.Related = cands
	}
}

func absDays(a, b *Entry) int {
	d := int(a.Time.Sub(b.Time).Hours() / 24)
	if d < 0 {
		return -d
	}
	return d
}

// actorPages writes /actors/, /places/, and a page and a feed per actor.
func (b *builder) actorPages(entries []*Entry) error {
	for _, list := range [][]*ActorPage{b.actors, b.places} {
		for _, a := range list {
			a.Events = actorEvents(a)
			desc := a.Name
			if a.Role != "" {
				desc += ", " + a.Role
			}
			p := &Page{Kind: "actor", Title: a.Name, Path: a.Path, Actor: a, Entries: a.Entries,
				Description: desc + ": " + plural(len(a.Entries), "briefing") + "."}
			if err := b.page(p); err != nil {
				return err
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
// sentence names the actor.
func actorEvents(a *ActorPage) []*TimelineEvent {
	names := append([]string{a.Name}, a.Aliases...)
	var out []*TimelineEvent
	for _, e := range a.Entries {
		for _, ev := range e.Timeline {
			for _, n := range names {
				if n != "" && strings.Contains(ev.Text, n) {
					out = append(out, &TimelineEvent{Event: ev, Sources: []Source{{e, ev.Sentence}}})
					break
				}
			}
		}
	}
	sortEvents(out)
	return out
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return itoa(n) + " " + word + "s"
}

func itoa(n int) string { return strconv.Itoa(n) }
