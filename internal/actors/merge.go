package actors

import (
	"context"
	"slices"
	"sort"
	"strings"

	"brief/internal/briefing"
	"brief/internal/parallel"
)

// merger is a union-find over normalised (name, kind) nodes.
type merger struct {
	ids    map[string]int // key + "\x00" + kind → node
	parent []int
	kind   []string
	forced map[int]Override       // override roots
	claims map[string]map[int]int // alias key → node → briefings' actors claiming it
	uses   map[string]int         // ids key → briefings' actors named so (+1 for good when an override names it)
	known  Keys                   // remembered keys, may be nil
}

// named is how a briefing names one of its actors, as the merge sees it.
type named struct {
	id      string   // the node's key in merger.ids: key + "\x00" + kind
	node    int      //
	aliases []string // keys of its aliases
}

// add records a briefing's actor: its node, which it makes when no name
// of its key and kind was seen yet, and its claims.
func (m *merger) add(a *briefing.Actor) named {
	x, _ := m.lookup(a)
	x.node = m.nodeOf(keyOf(x.id), a.Kind, x.id)
	m.uses[x.id]++
	for _, al := range x.aliases {
		m.claim(al, x.node, 1)
	}
	return x
}

// keyOf is the key of a name's id (key + "\x00" + kind).
func keyOf(id string) string { return id[:strings.IndexByte(id, 0)] }

// lookup is add without adding: ok is false when the name makes a node.
func (m *merger) lookup(a *briefing.Actor) (named, bool) {
	k := m.key(a.Name)
	x := named{id: k + "\x00" + a.Kind}
	n, ok := m.ids[x.id]
	x.node = n
	for _, al := range a.Aliases {
		x.aliases = append(x.aliases, m.key(al))
	}
	return x, ok
}

// settled reports whether the nodes of key k are the same whatever the
// order its names came in. Names of specific kinds (person, organization,
// place) each have their own node either way; "misc" joins the first
// node of a kind that agrees, which depends on the order when two
// specific kinds are there; and "" can undo "misc" (node). So: no "",
// and "misc" only beside one specific kind, in one node.
func (m *merger) settled(k string) bool {
	node, specific, misc := -1, 0, false
	same := true
	for _, kind := range kinds {
		id, ok := m.ids[k+"\x00"+kind]
		if !ok {
			continue
		}
		switch kind {
		case "":
			return false
		case "misc":
			misc = true
		default:
			specific++
		}
		if node >= 0 && id != node {
			same = false
		}
		node = id
	}
	return !misc || specific <= 1 && same
}

var kinds = []string{"person", "organization", "place", "misc", ""}

// key is key(name), remembered in m.known.
func (m *merger) key(name string) string {
	if m.known == nil {
		return key(name)
	}
	k, ok := m.known[name]
	if !ok {
		k = key(name)
		m.known[name] = k
	}
	return k
}

func newMerger() *merger {
	return &merger{ids: map[string]int{}, forced: map[int]Override{}, claims: map[string]map[int]int{}, uses: map[string]int{}}
}

// node returns the node of a name of a kind, merging kinds that agree with
// an existing node of the same key.
func (m *merger) node(name, kind string) int {
	k := m.key(name)
	return m.nodeOf(k, kind, k+"\x00"+kind)
}

// nodeOf is node for the name's key k and id, k + "\x00" + kind.
func (m *merger) nodeOf(k, kind, id string) int {
	if n, ok := m.ids[id]; ok {
		return n
	}
	for _, other := range kinds {
		if n, ok := m.ids[k+"\x00"+other]; ok && kindsAgree(kind, m.kind[m.find(n)]) {
			m.ids[id] = n
			if m.kind[m.find(n)] == "misc" || m.kind[m.find(n)] == "" {
				m.kind[m.find(n)] = kind
			}
			return n
		}
	}
	n := len(m.parent)
	m.parent = append(m.parent, n)
	m.kind = append(m.kind, kind)
	m.ids[id] = n
	return n
}

func (m *merger) find(x int) int {
	for m.parent[x] != x {
		m.parent[x] = m.parent[m.parent[x]]
		x = m.parent[x]
	}
	return x
}

// union merges b into a when their kinds agree (always when forced).
func (m *merger) union(a, b int, forced bool) {
	ra, rb := m.find(a), m.find(b)
	if ra == rb {
		return
	}
	if !forced && !kindsAgree(m.kind[ra], m.kind[rb]) {
		return
	}
	if _, ok := m.forced[rb]; ok {
		ra, rb = rb, ra
	}
	m.parent[rb] = ra
	if m.kind[ra] == "misc" || m.kind[ra] == "" {
		m.kind[ra] = m.kind[rb]
	}
}

// claim records that one more (d = 1) or one fewer (d = -1) actor of node
// n goes by the alias with key k.
func (m *merger) claim(k string, n, d int) {
	c := m.claims[k]
	if c == nil {
		c = map[int]int{}
		m.claims[k] = c
	}
	if c[n] += d; c[n] <= 0 {
		delete(c, n)
	}
}

// mergeAliases merges the node named by an alias into the one actor that
// claims it.
func (m *merger) mergeAliases() {
	keys := make([]string, 0, len(m.claims))
	for k := range m.claims {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		roots := map[int]bool{}
		for n := range m.claims[k] {
			roots[m.find(n)] = true
		}
		if len(roots) != 1 {
			continue // claimed by several actors: ambiguous
		}
		var owner int
		for r := range roots {
			owner = r
		}
		for _, kind := range kinds {
			if id, ok := m.ids[k+"\x00"+kind]; ok {
				m.union(owner, id, false)
			}
		}
	}
}

// index builds the merged actors from the briefing references: each
// actor's briefings first, then its aggregates (aggregate).
func (m *merger) index(bs []*briefing.Briefing, named [][]named) *Index {
	byRoot := map[int]*Actor{}
	idx := &Index{Of: make([][]*Actor, len(bs)), refs: make([][]*Actor, len(bs)), m: m, named: named, byRoot: byRoot}
	var order []*Actor
	for bi, ns := range named {
		for j, x := range ns {
			idx.ref(bs, bi, j, x.node, &order)
		}
	}
	idx.aggregateAll(order, bs)
	idx.Actors = order
	sortActors(idx.Actors)
	coActors(idx, len(bs))
	return idx
}

// ref makes the j-th actor of briefing bi, of node n, its root's actor
// (a new one, appended to order, when the root has none yet). It leaves
// the actor's briefings alone.
func (idx *Index) ref(bs []*briefing.Briefing, bi, j, n int, order *[]*Actor) {
	m := idx.m
	r := m.find(n)
	a := idx.byRoot[r]
	if a == nil {
		a = &Actor{Kind: m.kind[r], kind: m.kind[r]}
		if o, ok := m.forced[r]; ok {
			a.forced = &o
		}
		idx.byRoot[r] = a
		*order = append(*order, a)
	}
	if idx.refs[bi] == nil {
		idx.refs[bi] = make([]*Actor, len(bs[bi].Actors))
	}
	idx.refs[bi][j] = a
	if !slices.Contains(idx.Of[bi], a) { // two names of one actor in one briefing count once
		idx.Of[bi] = append(idx.Of[bi], a)
		a.Briefings = append(a.Briefings, bi)
	}
}

// aggregateAll aggregates the actors as, on all cores.
func (idx *Index) aggregateAll(as []*Actor, bs []*briefing.Briefing) {
	parallel.For(context.Background(), len(as), func(i int) { idx.aggregate(as[i], bs) })
}

// aggregate sets what a's briefings say of it: mentions, salience, names,
// roles, quotes. In each briefing the actor's first name counts.
func (idx *Index) aggregate(a *Actor, bs []*briefing.Briefing) {
	a.Kind, a.Role, a.Aliases, a.Roles, a.Quotes, a.Mentions, a.Salience = a.kind, "", nil, nil, nil, 0, 0
	var names tally
	for _, bi := range a.Briefings {
		j := 0
		for idx.refs[bi][j] != a {
			j++
		}
		src := bs[bi].Actors[j]
		a.Mentions += src.Mentions
		a.Salience += src.Salience
		names.add(src.Name, 1)
		for _, al := range src.Aliases {
			names.add(al, 0)
		}
		if src.Role != "" && (len(a.Roles) == 0 || a.Roles[len(a.Roles)-1].Role != src.Role) {
			a.Roles = append(a.Roles, Role{Role: src.Role, Briefing: bi})
		}
		for _, q := range bs[bi].Quotes {
			if q.Speaker == src.Name {
				a.Quotes = append(a.Quotes, Quote{Text: q.Text, Briefing: bi, Sentence: q.Sentence})
			}
		}
	}
	a.Name = names.best()
	if o := a.forced; o != nil {
		a.Name = o.Name
		if o.Kind != "" {
			a.Kind = o.Kind
		}
		a.Role = o.Role
	}
	if a.Role == "" && len(a.Roles) > 0 {
		a.Role = a.Roles[0].Role
	}
	for _, n := range names.list {
		if n.name != a.Name {
			a.Aliases = append(a.Aliases, n.name)
		}
	}
	sort.Strings(a.Aliases)
}

// tally counts names. An actor has few distinct names across thousands
// of briefings, so a short list beats a map; past tallyList names, a map
// finds them.
type tally struct {
	list []nameCount
	at   map[string]int // index in list, once list is long
}

type nameCount struct {
	name string
	n    int
}

const tallyList = 16

func (t *tally) add(name string, d int) {
	if t.at != nil {
		if i, ok := t.at[name]; ok {
			t.list[i].n += d
			return
		}
	} else {
		for i := range t.list {
			if t.list[i].name == name {
				t.list[i].n += d
				return
			}
		}
	}
	t.list = append(t.list, nameCount{name, d})
	if t.at != nil || len(t.list) > tallyList {
		if t.at == nil {
			t.at = make(map[string]int, 2*len(t.list))
			for i, x := range t.list {
				t.at[x.name] = i
			}
		}
		t.at[name] = len(t.list) - 1
	}
}

// Change is what Update did: the actors it made again, in order (those
// it added among them), those it removed, and those that gained or lost a
// briefing (added and removed ones among them).
type Change struct {
	Touched, Added, Removed, Moved []*Actor
}

// Update brings the index up to date after the briefings at the given
// positions (ascending) changed; bs is the whole input again. It reports
// what changed and whether it could: when it could not, the index is
// spoilt and the caller merges again (Merge).
//
// It can when the merge of the names other briefings have stays what it
// was, which it checks rather than redoes:
//   - a name the changed briefings have, before or after, and other
//     briefings too, has a node that does not depend on the order names
//     came in (settled): a changed briefing may name it earlier or later;
//   - a name no briefing had (a new node, a new actor) has a key no node
//     has and no alias claims, and is the only new name of its key;
//   - a name no briefing has any more (its actor goes) is the only name of
//     its key, alone in its actor, and no alias claims it;
//   - an alias claim that comes or goes names a key no node has.
//
// Then the changed briefings' actors gain or lose those briefings and are
// aggregated again, with their co-actors, and put back in order. It
// cannot when that would change an actor's name or aliases, make an actor
// common that was not or the other way round (MaxCommon), or move the
// first briefing of an actor whose name and kind another actor has
// (co-actors' order, see coActors).
func (idx *Index) Update(bs []*briefing.Briefing, changed []int) (Change, bool) {
	m := idx.m
	type claimKey struct {
		key  string
		node int // < 0: the new name fresh[-1-node]
	}
	var fresh []string          // new names' ids, in order
	freshAt := map[string]int{} // their index in fresh
	freshKeys := map[string]int{}
	renamed := map[int][]named{}
	uses, claims := map[string]int{}, map[claimKey]int{}
	for _, c := range changed {
		ns := make([]named, len(bs[c].Actors))
		for j := range bs[c].Actors {
			x, ok := m.lookup(&bs[c].Actors[j])
			if !ok {
				k, seen := freshAt[x.id]
				if !seen {
					k = len(fresh)
					fresh = append(fresh, x.id)
					freshAt[x.id] = k
					freshKeys[keyOf(x.id)]++
				}
				x.node = -1 - k
			}
			ns[j] = x
		}
		if sameNamed(ns, idx.named[c]) {
			continue
		}
		renamed[c] = ns
		for _, x := range idx.named[c] {
			uses[x.id]--
			for _, al := range x.aliases {
				claims[claimKey{al, x.node}]--
			}
		}
		for _, x := range ns {
			uses[x.id]++
			for _, al := range x.aliases {
				claims[claimKey{al, x.node}]++
			}
		}
	}
	hasNode := func(k string) bool { return m.idsOf(k) > 0 || freshKeys[k] > 0 } // of the merge, or new
	var gone []int                                                               // nodes whose names all go
	for id, d := range uses {
		k, was := keyOf(id), m.uses[id]
		if d == 0 { // the same uses, maybe in another order
			if !m.settled(k) {
				return Change{}, false
			}
			continue
		}
		_, isFresh := freshAt[id]
		switch {
		case isFresh:
			if freshKeys[k] > 1 || m.idsOf(k) > 0 || len(m.claims[k]) > 0 {
				return Change{}, false
			}
		case was > 0 && was+d > 0:
			if !m.settled(k) {
				return Change{}, false
			}
		case was > 0 && was+d == 0:
			n := m.ids[id]
			if m.idsOf(k) != 1 || len(m.claims[k]) > 0 || !m.alone(n) {
				return Change{}, false
			}
			gone = append(gone, n)
		default:
			return Change{}, false
		}
	}
	for c, d := range claims {
		if n := m.claims[c.key][max(c.node, 0)]; d != 0 && (c.node < 0 || (n > 0) != (n+d > 0)) && hasNode(c.key) {
			return Change{}, false // a claim that comes or goes, of a key a node has
		}
	}

	// The merge of the other names is what it was: apply the changes.
	nodes := make([]int, len(fresh))
	for i, id := range fresh {
		k := keyOf(id)
		nodes[i] = m.nodeOf(k, id[len(k)+1:], id)
	}
	node := func(n int) int {
		if n < 0 {
			return nodes[-1-n]
		}
		return n
	}
	for _, ns := range renamed {
		for j := range ns {
			ns[j].node = node(ns[j].node)
		}
	}
	for id, d := range uses {
		if m.uses[id] += d; m.uses[id] <= 0 {
			delete(m.uses, id)
			delete(m.ids, id) // a later name of its key is a new one
		}
	}
	for c, d := range claims {
		if d != 0 {
			m.claim(c.key, node(c.node), d)
		}
	}
	var ch Change
	seen := map[*Actor]bool{}
	touch := func(a *Actor) {
		if !seen[a] {
			seen[a] = true
			ch.Touched = append(ch.Touched, a)
		}
	}
	type was struct{ n, first int }
	before := map[*Actor]was{} // the moved actors' briefings before: how many, the first
	move := func(a *Actor) {   // before a's briefings change
		if _, ok := before[a]; !ok {
			first := -1
			if len(a.Briefings) > 0 {
				first = a.Briefings[0]
			}
			before[a] = was{len(a.Briefings), first}
			ch.Moved = append(ch.Moved, a)
		}
		touch(a)
	}
	for _, c := range changed {
		ns, ok := renamed[c]
		if !ok {
			for _, a := range idx.Of[c] {
				touch(a)
			}
			continue
		}
		old := idx.Of[c]
		idx.named[c], idx.refs[c], idx.Of[c] = ns, nil, nil
		var added []*Actor
		for j, x := range ns {
			idx.ref(bs, c, j, x.node, &added)
		}
		ch.Added = append(ch.Added, added...)
		for _, a := range idx.Of[c] {
			a.Briefings = a.Briefings[:len(a.Briefings)-1] // ref appended c
			if slices.Contains(old, a) {
				touch(a)
				continue
			}
			move(a)
			k, _ := slices.BinarySearch(a.Briefings, c)
			a.Briefings = slices.Insert(a.Briefings, k, c)
		}
		for _, a := range old {
			if !slices.Contains(idx.Of[c], a) {
				move(a)
				k, _ := slices.BinarySearch(a.Briefings, c)
				a.Briefings = slices.Delete(a.Briefings, k, k+1)
			}
		}
	}
	for _, n := range gone {
		a := idx.byRoot[n]
		if a == nil || len(a.Briefings) > 0 {
			return Change{}, false // cannot be: the node was its actor's only one
		}
		delete(idx.byRoot, n)
		ch.Removed = append(ch.Removed, a)
	}
	live := ch.Touched[:0:0]
	for _, a := range ch.Touched {
		if len(a.Briefings) == 0 {
			if !slices.Contains(ch.Removed, a) {
				return Change{}, false // an actor without briefings that is still there
			}
			continue
		}
		live = append(live, a)
	}
	names := make([]string, len(live))
	for i, a := range live {
		names[i] = a.Name + "\x00" + strings.Join(a.Aliases, "\x00")
	}
	idx.aggregateAll(live, bs)
	for i, a := range live {
		if !slices.Contains(ch.Added, a) && a.Name+"\x00"+strings.Join(a.Aliases, "\x00") != names[i] {
			return Change{}, false
		}
	}
	ch.Touched = live
	if len(before) > 0 {
		limit := int(MaxCommon*float64(len(bs))) + 1
		var twins map[string]int
		for a, w := range before {
			if len(a.Briefings) == 0 {
				continue // removed
			}
			if rare(len(a.Briefings), limit, len(bs)) != rare(w.n, limit, len(bs)) {
				return Change{}, false
			}
			if a.Briefings[0] != w.first {
				if twins == nil {
					twins = map[string]int{}
					for _, x := range idx.Actors {
						twins[x.Name+"\x00"+x.Kind]++
					}
					for _, x := range ch.Added {
						twins[x.Name+"\x00"+x.Kind]++
					}
				}
				if twins[a.Name+"\x00"+a.Kind] > 1 {
					return Change{}, false
				}
			}
		}
		// Only the co-actors of the actors of changed briefings change:
		// what any other two actors share is what it was.
		for _, a := range ch.Touched {
			a.CoActors = idx.coActorsOf(a, limit, len(bs))
		}
	}
	// The others keep their order: the touched ones are put back in theirs.
	touched := slices.Clone(ch.Touched)
	sortActors(touched)
	for _, a := range touched {
		a.moving = true
	}
	for _, a := range ch.Removed {
		a.moving = true
	}
	all := make([]*Actor, 0, len(idx.Actors)+len(ch.Added))
	i := 0
	for _, a := range idx.Actors {
		if a.moving {
			continue
		}
		for ; i < len(touched) && lessActor(touched[i], a); i++ {
			all = append(all, touched[i])
		}
		all = append(all, a)
	}
	idx.Actors = append(all, touched[i:]...)
	for _, a := range touched {
		a.moving = false
	}
	ch.Touched = touched
	return ch, true
}

// idsOf is the number of names (of any kind) of key k.
func (m *merger) idsOf(k string) int {
	n := 0
	for _, kind := range kinds {
		if _, ok := m.ids[k+"\x00"+kind]; ok {
			n++
		}
	}
	return n
}

// alone reports whether node n is a root with no other node under it and
// no override.
func (m *merger) alone(n int) bool {
	if m.find(n) != n {
		return false
	}
	if _, ok := m.forced[n]; ok {
		return false
	}
	for x := range m.parent {
		if x != n && m.find(x) == n {
			return false
		}
	}
	return true
}

// sameNamed reports whether two briefings' actors are the same nodes with
// the same claims, in order.
func sameNamed(x, y []named) bool {
	return slices.EqualFunc(x, y, func(a, b named) bool {
		return a.id == b.id && a.node == b.node && slices.Equal(a.aliases, b.aliases)
	})
}

// best is the most frequent full name, ties to the longest, then the
// alphabetically first.
func (t *tally) best() string {
	best, n := "", -1
	for _, x := range t.list {
		if x.n > n || x.n == n && (len(x.name) > len(best) || len(x.name) == len(best) && x.name < best) {
			best, n = x.name, x.n
		}
	}
	return best
}

// coActors fills CoActors with the actors sharing the most briefings,
// skipping actors present in more than MaxCommon of them. Ties go by
// name, kind, then first briefing (lessRank): an order that no count
// changes, so that an edit changes the co-actors of its own briefing's
// actors only (see Update).
func coActors(idx *Index, total int) {
	limit := int(MaxCommon*float64(total)) + 1
	counts := map[*Actor]map[*Actor]int{}
	for _, as := range idx.Of {
		for _, a := range as {
			if !rare(len(a.Briefings), limit, total) {
				continue
			}
			for _, b := range as {
				if a != b && rare(len(b.Briefings), limit, total) {
					if counts[a] == nil {
						counts[a] = map[*Actor]int{}
					}
					counts[a][b]++
				}
			}
		}
	}
	for a, cs := range counts {
		a.CoActors = topCo(cs)
	}
}

// coActorsOf is a's co-actors (coActors) made again.
func (idx *Index) coActorsOf(a *Actor, limit, total int) []*Actor {
	if !rare(len(a.Briefings), limit, total) {
		return nil
	}
	cs := map[*Actor]int{}
	for _, bi := range a.Briefings {
		for _, b := range idx.Of[bi] {
			if a != b && rare(len(b.Briefings), limit, total) {
				cs[b]++
			}
		}
	}
	return topCo(cs)
}

// rare reports whether an actor in n briefings is rare enough to have
// co-actors.
func rare(n, limit, total int) bool { return n <= limit || total < 10 }

// topCo is the eight actors with the highest counts, ties in lessRank's
// order.
func topCo(cs map[*Actor]int) []*Actor {
	if len(cs) == 0 {
		return nil
	}
	out := make([]*Actor, 0, len(cs))
	for b := range cs {
		out = append(out, b)
	}
	sort.Slice(out, func(i, j int) bool {
		x, y := out[i], out[j]
		if cs[x] != cs[y] {
			return cs[x] > cs[y]
		}
		return lessRank(x, y)
	})
	return slices.Clip(out[:min(len(out), 8)])
}

// lessRank orders actors by name, kind, then first briefing.
func lessRank(a, b *Actor) bool {
	if a.Name != b.Name {
		return a.Name < b.Name
	}
	if a.Kind != b.Kind {
		return a.Kind < b.Kind
	}
	return a.Briefings[0] < b.Briefings[0]
}
