// Package actors merges the key actors of many briefings into one list:
// one actor, one entry, however each article named them.
//
// Merging, in order:
//
//  1. Names that are equal once case, punctuation and company suffixes
//     (Inc., Corp., Corporation, Ltd, plc, LLC, Co.) are set aside are one
//     actor: "Apple Inc." and "Apple", "General Motors Corporation" and
//     "General Motors".
//  2. An alias of an actor in one briefing ("Biden" for "Joe Biden", "GM"
//     for "General Motors") merges the actor of that name elsewhere into
//     it, but only when exactly one actor claims that alias: two different
//     people with one surname are not merged blindly.
//  3. Kinds must agree; an actor of kind "misc" takes the kind of the actor
//     it merges with.
//  4. Overrides (data/actors.toml) win: each names an actor, the names that
//     are this actor (aliases), and optionally its kind and role.
//
// The merged actor is named by its most frequent full name (ties: the
// longest). Everything here is linear in the number of actor mentions
// across briefings, except co-actors, which skip actors that appear in
// more than MaxCommon briefings (they relate everything to everything).
package actors

import (
	"sort"
	"strings"
	"unicode"

	"brief/internal/briefing"
)

// Override is one entry of data/actors.toml.
type Override struct {
	Name    string   `toml:"name"`
	Aliases []string `toml:"aliases"`
	Kind    string   `toml:"kind"`
	Role    string   `toml:"role"`
}

// Actor is an actor across briefings.
type Actor struct {
	Name      string
	Kind      string
	Aliases   []string // other names seen, sorted
	Role      string   // the override's role, else the latest role seen
	Roles     []Role   // roles over time, newest first, one per distinct role
	Briefings []int    // indexes of the briefings the actor is in, in input order
	Mentions  int      // mentions across briefings
	Quotes    []Quote
	CoActors  []*Actor // actors appearing in the same briefings most often
	Salience  float64  // summed salience across briefings

	kind   string    // the kind merging gave it, before an override
	forced *Override // the override that names it, if any
	moving bool      // being put back in order (Update)
}

// Role is a role an actor was given in a briefing.
type Role struct {
	Role     string
	Briefing int
}

// Quote is a quote of the actor in a briefing.
type Quote struct {
	Text     string
	Briefing int
	Sentence int
}

// Index is the result of Merge.
type Index struct {
	Actors []*Actor   // by number of briefings, then name
	Of     [][]*Actor // Of[i]: the merged actors of briefing i, in its order

	refs   [][]*Actor // refs[i][j]: the actor of briefing i's j-th actor
	m      *merger    // the merge, for Update
	named  [][]named  // named[i][j]: how briefing i names its j-th actor
	byRoot map[int]*Actor
}

// MaxCommon is the share of briefings above which an actor is too common
// to tell which actors go together.
const MaxCommon = 0.2

// Keys remembers the normalised form of names (see Merge); nil remembers
// nothing. A process that merges the same briefings again keeps one.
type Keys map[string]string

// Merge merges the actors of bs (in the order given; the caller sorts them,
// newest first) with overrides applied. keys, when not nil, remembers the
// normalised names for the next merge.
func Merge(bs []*briefing.Briefing, overrides []Override, keys Keys) *Index {
	m := newMerger()
	m.known = keys
	for _, o := range overrides {
		root := m.node(o.Name, o.Kind)
		m.uses[m.key(o.Name)+"\x00"+o.Kind]++ // for good: Update never takes it away
		m.forced[root] = o
		for _, a := range o.Aliases {
			m.union(root, m.node(a, o.Kind), true)
			m.uses[m.key(a)+"\x00"+o.Kind]++
		}
	}
	ns := make([][]named, len(bs))
	for i, b := range bs {
		ns[i] = make([]named, len(b.Actors))
		for j := range b.Actors {
			ns[i][j] = m.add(&b.Actors[j])
		}
	}
	m.mergeAliases()
	return m.index(bs, ns)
}

// key normalises a name for comparison.
func key(name string) string {
	var words []string
	for _, w := range strings.FieldsFunc(strings.ToLower(name), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '&'
	}) {
		words = append(words, w)
	}
	for len(words) > 1 && suffixes[words[len(words)-1]] {
		words = words[:len(words)-1]
	}
	return strings.Join(words, " ")
}

var suffixes = map[string]bool{"inc": true, "corp": true, "corporation": true, "ltd": true, "plc": true, "llc": true, "co": true, "limited": true, "ag": true, "sa": true}

// kindsAgree reports whether two kinds may be one actor.
func kindsAgree(a, b string) bool { return a == b || a == "misc" || b == "misc" || a == "" || b == "" }

// UniqueSlug returns base (fallback when base is empty), or base-2, base-3…
// when that is taken in used, and marks it used.
func UniqueSlug(used map[string]bool, base, fallback string) string {
	if base == "" {
		base = fallback
	}
	s := base
	for i := 2; used[s]; i++ {
		s = base + "-" + itoa(i)
	}
	used[s] = true
	return s
}

// Slugs gives each actor a URL slug, unique among them, from its name.
func Slugs(actors []*Actor, slugify func(string) string) map[*Actor]string {
	out := make(map[*Actor]string, len(actors))
	used := map[string]bool{}
	for _, a := range actors {
		out[a] = UniqueSlug(used, slugify(a.Name), "actor")
	}
	return out
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

// sortActors orders by briefings, mentions, name, kind, then first
// briefing: a total order, so output does not depend on map order.
func sortActors(as []*Actor) {
	sort.Slice(as, func(i, j int) bool { return lessActor(as[i], as[j]) })
}

func lessActor(a, b *Actor) bool {
	if len(a.Briefings) != len(b.Briefings) {
		return len(a.Briefings) > len(b.Briefings)
	}
	if a.Mentions != b.Mentions {
		return a.Mentions > b.Mentions
	}
	if a.Name != b.Name {
		return a.Name < b.Name
	}
	if a.Kind != b.Kind {
		return a.Kind < b.Kind
	}
	return a.Briefings[0] < b.Briefings[0] // one name, one kind, two actors: first seen first
}
