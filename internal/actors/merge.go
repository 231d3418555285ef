package actors

import (
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
}

func newMerger() *merger {
	return &merger{ids: map[string]int{}, forced: map[int]Override{}, claims: map[string]map[int]bool{}}
}

// node returns the node of a name of a kind, merging kinds that agree with
// an existing node of the same key.
func (m *merger) node(name, kind string) int {
	k := key(name)
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

// index builds the merged actors from the briefing references.
func (m *merger) index(bs []*briefing.Briefing, refs func(yield func(b, j, n int))) *Index {
	byRoot := map[int]*Actor{}
	names := map[*Actor]map[string]int{}
	idx := &Index{Of: make([][]*Actor, len(bs))}
	var order []*Actor
	refs(func(bi, j, n int) {
		r := m.find(n)
		a := byRoot[r]
		if a == nil {
			a = &Actor{Kind: m.kind[r]}
			byRoot[r] = a
			names[a] = map[string]int{}
			order = append(order, a)
		}
		src := bs[bi].Actors[j]
		for _, seen := range idx.Of[bi] {
			if seen == a {
				return // two names of one actor in one briefing
			}
		}
		idx.Of[bi] = append(idx.Of[bi], a)
		a.Briefings = append(a.Briefings, bi)
		a.Mentions += src.Mentions
		a.Salience += src.Salience
		names[a][src.Name]++
		for _, al := range src.Aliases {
			names[a][al] += 0
		}
		if src.Role != "" && (len(a.Roles) == 0 || a.Roles[len(a.Roles)-1].Role != src.Role) {
			a.Roles = append(a.Roles, Role{Role: src.Role, Briefing: bi})
		}
		for _, q := range bs[bi].Quotes {
			if q.Speaker == src.Name {
				a.Quotes = append(a.Quotes, Quote{Text: q.Text, Briefing: bi, Sentence: q.Sentence})
			}
		}
	})
	for r, a := range byRoot {
		a.Name = bestName(names[a])
		if o, ok := m.forced[r]; ok {
			a.Name = o.Name
			if o.Kind != "" {
				a.Kind = o.Kind
			}
			a.Role = o.Role
		}
		if a.Role == "" && len(a.Roles) > 0 {
			a.Role = a.Roles[0].Role
		}
		for n := range names[a] {
			if n != a.Name {
				a.Aliases = append(a.Aliases, n)
			}
		}
		sort.Strings(a.Aliases)
	}
	idx.Actors = order
	sortActors(idx.Actors)
	coActors(idx, len(bs))
	return idx
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
	rank := make(map[*Actor]int, len(idx.Actors))
	for i, a := range idx.Actors {
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
