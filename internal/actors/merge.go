package actors

import (
	"slices"
	"sort"

	"brief/internal/briefing"
)

// merger is a union-find over normalised (name, kind) nodes.
type merger struct {
	ids    map[string]int // key + "\x00" + kind → node
	parent []int
	kind   []string
	keys   []string
	forced map[int]Override // override roots
	claims map[string]map[int]bool
	known  Keys // remembered keys, may be nil
}

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
	return &merger{ids: map[string]int{}, forced: map[int]Override{}, claims: map[string]map[int]bool{}}
}

// node returns the node of a name of a kind, merging kinds that agree with
// an existing node of the same key.
func (m *merger) node(name, kind string) int {
	k := m.key(name)
	if id, ok := m.ids[k+"\x00"+kind]; ok {
		return id
	}
	for _, other := range []string{"person", "organization", "place", "misc", ""} {
		if id, ok := m.ids[k+"\x00"+other]; ok && kindsAgree(kind, m.kind[m.find(id)]) {
			m.ids[k+"\x00"+kind] = id
			if m.kind[m.find(id)] == "misc" || m.kind[m.find(id)] == "" {
				m.kind[m.find(id)] = kind
			}
			return id
		}
	}
	id := len(m.parent)
	m.parent = append(m.parent, id)
	m.kind = append(m.kind, kind)
	m.keys = append(m.keys, k)
	m.ids[k+"\x00"+kind] = id
	return id
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

// claim records that node n goes by the alias with key k.
func (m *merger) claim(k string, n int) {
	if m.claims[k] == nil {
		m.claims[k] = map[int]bool{}
	}
	m.claims[k][n] = true
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
		for _, kind := range []string{"person", "organization", "place", "misc", ""} {
			if id, ok := m.ids[k+"\x00"+kind]; ok {
				m.union(owner, id, false)
			}
		}
	}
}

// index builds the merged actors from the briefing references: each
// actor's briefings first, then its aggregates (aggregate).
func (m *merger) index(bs []*briefing.Briefing, refs func(yield func(b, j, n int))) *Index {
	byRoot := map[int]*Actor{}
	idx := &Index{Of: make([][]*Actor, len(bs)), refs: make([][]*Actor, len(bs))}
	var order []*Actor
	refs(func(bi, j, n int) {
		r := m.find(n)
		a := byRoot[r]
		if a == nil {
			a = &Actor{Kind: m.kind[r], kind: m.kind[r]}
			if o, ok := m.forced[r]; ok {
				a.forced = &o
			}
			byRoot[r] = a
			order = append(order, a)
		}
		if idx.refs[bi] == nil {
			idx.refs[bi] = make([]*Actor, len(bs[bi].Actors))
		}
		idx.refs[bi][j] = a
		for _, seen := range idx.Of[bi] {
			if seen == a {
				return // two names of one actor in one briefing
			}
		}
		idx.Of[bi] = append(idx.Of[bi], a)
		a.Briefings = append(a.Briefings, bi)
	})
	for _, a := range order {
		idx.aggregate(a, bs)
	}
	idx.Actors = order
	sortActors(idx.Actors)
	coActors(idx, len(bs))
	return idx
}

// aggregate sets what a's briefings say of it: mentions, salience, names,
// roles, quotes. In each briefing the actor's first name counts.
func (idx *Index) aggregate(a *Actor, bs []*briefing.Briefing) {
	a.Kind, a.Role, a.Aliases, a.Roles, a.Quotes, a.Mentions, a.Salience = a.kind, "", nil, nil, nil, 0, 0
	names := map[string]int{}
	for _, bi := range a.Briefings {
		j := 0
		for idx.refs[bi][j] != a {
			j++
		}
		src := bs[bi].Actors[j]
		a.Mentions += src.Mentions
		a.Salience += src.Salience
		names[src.Name]++
		for _, al := range src.Aliases {
			names[al] += 0
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
	a.Name = bestName(names)
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
	for n := range names {
		if n != a.Name {
			a.Aliases = append(a.Aliases, n)
		}
	}
	sort.Strings(a.Aliases)
}

// SameNames reports whether two briefings name their actors alike: the
// same names, kinds and aliases in the same order. Merging depends on
// nothing else of a briefing to decide which actor is which (see Update).
func SameNames(x, y *briefing.Briefing) bool {
	if len(x.Actors) != len(y.Actors) {
		return false
	}
	for i := range x.Actors {
		a, b := &x.Actors[i], &y.Actors[i]
		if a.Name != b.Name || a.Kind != b.Kind || !slices.Equal(a.Aliases, b.Aliases) {
			return false
		}
	}
	return true
}

// Update brings the index up to date after the briefings at the given
// positions changed, each into one that names its actors alike
// (SameNames): the actors stay the same, so only the aggregates of the
// changed briefings' actors are made again, and the order of Actors. bs
// is the whole input again. It returns the actors it made again, in
// order; their CoActors do not change (they depend on the actors'
// briefings and names only).
func (idx *Index) Update(bs []*briefing.Briefing, changed []int) []*Actor {
	seen := map[*Actor]bool{}
	var touched []*Actor
	for _, c := range changed {
		for _, a := range idx.Of[c] {
			if !seen[a] {
				seen[a] = true
				touched = append(touched, a)
			}
		}
	}
	for _, a := range touched {
		idx.aggregate(a, bs)
	}
	// The others keep their order: the touched ones are put back in theirs.
	sortActors(touched)
	for _, a := range touched {
		a.moving = true
	}
	all := make([]*Actor, 0, len(idx.Actors))
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
	return touched
}

// bestName is the most frequent full name, ties to the longest, then the
// alphabetically first.
func bestName(counts map[string]int) string {
	best, n := "", -1
	for name, c := range counts {
		if c > n || c == n && (len(name) > len(best) || len(name) == len(best) && name < best) {
			best, n = name, c
		}
	}
	return best
}

// coActors fills CoActors with the actors sharing the most briefings,
// skipping actors present in more than MaxCommon of them.
func coActors(idx *Index, total int) {
	// Ties go to the actor in more briefings, then by name: an order
	// that mentions do not change, so that an edit that keeps a
	// briefing's actors keeps the co-actors (see Update).
	byCount := slices.Clone(idx.Actors)
	sort.Slice(byCount, func(i, j int) bool {
		a, b := byCount[i], byCount[j]
		if len(a.Briefings) != len(b.Briefings) {
			return len(a.Briefings) > len(b.Briefings)
		}
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		if a.Kind != b.Kind {
			return a.Kind < b.Kind
		}
		return a.Briefings[0] < b.Briefings[0]
	})
	rank := make(map[*Actor]int, len(byCount))
	for i, a := range byCount {
		rank[a] = i
	}
	limit := int(MaxCommon*float64(total)) + 1
	counts := map[*Actor]map[*Actor]int{}
	for _, as := range idx.Of {
		var rare []*Actor
		for _, a := range as {
			if len(a.Briefings) <= limit || total < 10 {
				rare = append(rare, a)
			}
		}
		for _, a := range rare {
			for _, b := range rare {
				if a != b {
					if counts[a] == nil {
						counts[a] = map[*Actor]int{}
					}
					counts[a][b]++
				}
			}
		}
	}
	for a, cs := range counts {
		for b := range cs {
			a.CoActors = append(a.CoActors, b)
		}
		sort.Slice(a.CoActors, func(i, j int) bool {
			x, y := a.CoActors[i], a.CoActors[j]
			if cs[x] != cs[y] {
				return cs[x] > cs[y]
			}
			return rank[x] < rank[y]
		})
		if len(a.CoActors) > 8 {
			a.CoActors = a.CoActors[:8]
		}
	}
}
