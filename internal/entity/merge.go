package entity

import (
	"slices"
	"strings"
	"unicode"

	"brief/internal/entity/ner"
)

// group is a set of mentions being merged into one entity.
type group struct {
	key     string   // normalised name
	words   []string // the key's words
	votes   [4]int   // mentions per type
	ms      []int    // mention indexes
	acronym bool     // written as an all-capital single word
}

func (g *group) major() int {
	best := 0
	for t, v := range g.votes {
		if v > g.votes[best] {
			best = t
		}
	}
	return best
}

// surface returns the text of tokens [first, last) with spaces normalised.
func surface(doc *tdoc, first, last int) string {
	s := string(doc.Src[doc.Tokens[first].Start:doc.Tokens[last-1].End])
	if strings.ContainsAny(s, "\n\t\r") || strings.Contains(s, "  ") {
		s = strings.Join(strings.Fields(s), " ")
	}
	return s
}

// core returns the name of a mention without its title or a leading "the".
func core(doc *tdoc, m mention) (first int) {
	first = m.first
	for first < m.last-1 {
		w := lowerASCII(doc.Text(doc.Tokens[first]))
		if !honorifics[w] && w != "the" {
			break
		}
		first++
	}
	return first
}

// nameKey normalises words for matching: lower case, no full stops.
func nameKey(doc *tdoc, first, last int) []string {
	var ws []string
	for i := first; i < last; i++ {
		w := lowerASCII(doc.Text(doc.Tokens[i]))
		w = strings.ReplaceAll(w, ".", "")
		w = strings.ReplaceAll(w, "’", "'")
		if w != "" {
			ws = append(ws, w)
		}
	}
	for len(ws) > 1 && legalForms[ws[len(ws)-1]] {
		ws = ws[:len(ws)-1] // Apple Inc is Apple
	}
	return ws
}

// merge groups mentions into entities (see the package comment).
func merge(doc *tdoc, ms []mention) []Entity {
	var groups []*group
	byKey := map[string]int{}
	groupOfMention := make([]int, len(ms))
	for i := range ms {
		m := &ms[i]
		c := core(doc, *m)
		words := nameKey(doc, c, m.last)
		key := strings.Join(words, " ")
		typ := m.typ
		place := m.place
		if place == "" && m.typ != 0 {
			raw := lowerASCII(surface(doc, c, m.last))
			if p, ok := places[raw]; ok && (m.typ == 2 || m.typ == 3 || raw != strings.Join(words, " ")) {
				place = p
			}
		}
		if place != "" {
			key = lowerASCII(place)
			words = strings.Fields(key)
			typ = 2
		}
		g, ok := byKey[key]
		if !ok {
			g = len(groups)
			byKey[key] = g
			w := doc.Text(doc.Tokens[c])
			groups = append(groups, &group{key: key, words: words,
				acronym: m.last-c == 1 && len(words) == 1 && isAcronym(w)})
		}
		groups[g].votes[typ]++
		if m.titled {
			groups[g].votes[0] += 2
		}
		groups[g].ms = append(groups[g].ms, i)
		groupOfMention[i] = g
	}

	// A one-word name given as MISC that starts other MISC names is their
	// maker, an organisation: Airbus (Airbus A350), Boeing (Boeing 787).
	makers := map[string]bool{}
	for _, g := range groups {
		if len(g.words) > 1 && g.major() == 3 {
			makers[g.words[0]] = true
		}
	}
	for _, g := range groups {
		if len(g.words) == 1 && g.major() == 3 && makers[g.words[0]] {
			g.votes[1] += g.votes[3] + 1
		}
	}

	parent := make([]int, len(groups))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	join := func(small, big int) { parent[find(small)] = find(big) }

	idx := newGroupIndex(groups)
	for i, g := range groups {
		if target := mergeTarget(groups, i, g, idx); target >= 0 {
			join(i, target)
		}
	}
	// Bracketed acronyms join the name before them: Royal Air Force (RAF).
	for i := range ms {
		t := ms[i].first
		if t < 2 || ms[i].last-t != 1 {
			continue
		}
		b := doc.Text(doc.Tokens[t-1])
		if b != "(" && b != "[" {
			continue
		}
		for j := i - 1; j >= 0 && j >= i-3; j-- {
			if ms[j].last == t-1 {
				join(groupOfMention[i], groupOfMention[j])
			}
		}
	}

	var ents []Entity
	members := map[int][]int{}
	var order []int
	for i := range groups {
		r := find(i)
		if _, ok := members[r]; !ok {
			order = append(order, r)
		}
		members[r] = append(members[r], i)
	}
	for _, r := range order {
		var all []int
		var votes [4]int
		for _, g := range members[r] {
			all = append(all, groups[g].ms...)
			for t := range votes {
				votes[t] += groups[g].votes[t]
			}
		}
		sortInts(all)
		e := buildEntity(doc, ms, all, votes)
		for _, mi := range all {
			ms[mi].ent = len(ents)
		}
		ents = append(ents, e)
	}
	return ents
}

// groupIndex finds the groups that may be the long form of a group: those
// sharing its word as their first or last word, those whose initials it
// is, and one-word names of the same vowel skeleton (Erbil, Arbil).
// Looking only at these keeps merging linear in the number of names.
type groupIndex struct {
	first, last, initials, skeleton map[string][]int
}

func newGroupIndex(groups []*group) *groupIndex {
	x := &groupIndex{map[string][]int{}, map[string][]int{}, map[string][]int{}, map[string][]int{}}
	for j, h := range groups {
		if len(h.words) == 0 {
			continue
		}
		x.first[h.words[0]] = append(x.first[h.words[0]], j)
		x.last[h.words[len(h.words)-1]] = append(x.last[h.words[len(h.words)-1]], j)
		if len(h.words) > 1 {
			in := initials(h.words)
			x.initials[in] = append(x.initials[in], j)
		} else {
			sk := skeleton(h.words[0])
			x.skeleton[sk] = append(x.skeleton[sk], j)
		}
	}
	return x
}

// candidates returns, in increasing order and once each, the groups that
// may be the long form of g.
func (x *groupIndex) candidates(g *group) []int {
	w := g.words[0]
	out := append([]int(nil), x.first[w]...)
	out = append(out, x.last[w]...)
	if g.acronym {
		out = append(out, x.initials[w]...)
	}
	if len(g.words) == 1 {
		out = append(out, x.skeleton[skeleton(w)]...)
	}
	sortInts(out)
	k := 0
	for i, j := range out {
		if i == 0 || j != out[k-1] {
			out[k] = j
			k++
		}
	}
	return out[:k]
}

// skeleton replaces the vowels of a lower-case word with '*'.
func skeleton(w string) string {
	b := []byte(w)
	for i, c := range b {
		if isVowel(c) {
			b[i] = '*'
		}
	}
	return string(b)
}

// mergeTarget returns the group that group i is a short form of, or -1.
func mergeTarget(groups []*group, i int, g *group, idx *groupIndex) int {
	best, bestN := -1, 0
	consider := func(j int) {
		if n := len(groups[j].ms); n > bestN {
			best, bestN = j, n
		}
	}
	if len(g.words) == 0 {
		return -1
	}
	var prefixOf, firstOf []int
	for _, j := range idx.candidates(g) {
		h := groups[j]
		if j == i || len(h.words) <= len(g.words) && !(g.acronym && len(h.words) > 1) {
			if j != i && len(g.words) == 1 && len(h.words) == 1 && placeVariant(g, h) && j < i {
				consider(j)
			}
			continue
		}
		switch {
		case len(g.words) == 1 && h.major() == 0 && g.major() != 2 && (h.words[len(h.words)-1] == g.words[0]):
			consider(j) // a surname: Kirby → John Kirby
		case len(g.words) == 1 && h.major() == 0 && g.major() == 0 && h.words[0] == g.words[0] &&
			Model().NameTypes(g.words)&ner.FirstName != 0:
			firstOf = append(firstOf, j) // a first name: Steve → Steve Jobs
		case g.major() == 1 && h.major() == 1 && hasPrefix(h.words, g.words):
			prefixOf = append(prefixOf, j) // Northrop → Northrop Grumman
		case g.acronym && len(h.words) > 1 && initials(h.words) == g.words[0]:
			consider(j) // GAO → Government Accountability Office
		}
	}
	if len(firstOf) == 1 && best < 0 { // Steve with Steve Jobs, not with Steve Wozniak too
		consider(firstOf[0])
	}
	// A short organisation name joins the longer name it begins when that
	// is the one company's name among them (Ford Motor Company, not Ford
	// Taurus), or the only one and the short name is no known name of its
	// own (Northrop Grumman) or the longer adds a place (Ford Australia):
	// Apple is not Apple Macintosh, and is neither of Apple Corps and Apple
	// Computer Inc when both are named.
	company := -1
	for _, j := range prefixOf {
		h := groups[j]
		if companyWords[h.words[len(h.words)-1]] {
			if company >= 0 {
				company = -2
				break
			}
			company = j
		}
	}
	switch {
	case company >= 0:
		consider(company)
	case company == -1 && len(prefixOf) == 1:
		h := groups[prefixOf[0]]
		if knownTypes(g.words) == 0 || allPlaces(h.words[len(g.words):]) {
			consider(prefixOf[0])
		}
	}
	return best
}

// allPlaces reports whether lower-cased words name a place.
func allPlaces(words []string) bool {
	return places[strings.Join(words, " ")] != "" || knownTypes(words) == 1<<2
}

func hasPrefix(long, short []string) bool {
	if len(short) >= len(long) {
		return false
	}
	for i := range short {
		if long[i] != short[i] {
			return false
		}
	}
	return true
}

func initials(words []string) string {
	var b []byte
	for _, w := range words {
		if roleGlue[w] || w == "" {
			continue
		}
		b = append(b, w[0])
	}
	return string(b)
}

func isAcronym(w string) bool {
	n := 0
	for _, r := range w {
		switch {
		case r >= 'A' && r <= 'Z':
			n++
		case r == '.':
		default:
			return false
		}
	}
	return n >= 2 && n <= 6
}

// placeVariant reports whether two one-word places are spellings of one
// name that differ in a single vowel: Erbil, Arbil.
func placeVariant(g, h *group) bool {
	if g.major() != 2 || h.major() != 2 {
		return false
	}
	a, b := g.words[0], h.words[0]
	if len(a) != len(b) || len(a) < 5 {
		return false
	}
	diff := 0
	for i := 0; i < len(a); i++ {
		if a[i] != b[i] {
			if !isVowel(a[i]) || !isVowel(b[i]) {
				return false
			}
			diff++
		}
	}
	return diff == 1
}

func isVowel(c byte) bool { return strings.IndexByte("aeiouy", c) >= 0 }

func sortInts(a []int) { slices.Sort(a) }

// buildEntity names an entity from its mentions.
func buildEntity(doc *tdoc, ms []mention, all []int, votes [4]int) Entity {
	var e Entity
	seen := map[string]bool{}
	bestLen := -1
	var placeName string
	for _, mi := range all {
		m := ms[mi]
		start, end := m.bytes(doc)
		e.Mentions = append(e.Mentions, Mention{start, end})
		full := surface(doc, m.first, m.last)
		c := core(doc, m)
		name := surface(doc, c, m.last)
		if m.end > 0 { // a part of a word: Iraq in Iraq-Syria
			full = string(doc.Src[start:end])
			name = full
		}
		switch {
		case m.place != "" && lowerASCII(full) != lowerASCII(m.place):
			placeName = m.place
		case upper(name) && place(name) != "":
			placeName = place(name) // IRAN in a headline
		default:
			n := (m.last-c)*1000 + len(name)
			if !shouting(name) {
				n += 1e6 // a name as normally written beats a headline's capitals
			}
			if n > bestLen {
				e.Name, bestLen = name, n
			}
		}
		if !seen[full] {
			seen[full] = true
			e.Aliases = append(e.Aliases, full)
		}
	}
	if e.Name == "" || shouting(e.Name) && placeName != "" {
		e.Name = placeName
	}
	kind := settleKind(doc, ms, all, votes, e.Name)
	e.Kind = kinds[kind]
	if kind == 1 {
		e.Name = stripLegal(e.Name)
	}
	if !hasUpperASCII(e.Name) { // from text without capitals
		if p := places[e.Name]; p != "" {
			e.Name = p
		} else {
			e.Name = titleCase(strings.ToUpper(e.Name))
		}
	}
	if shouting(e.Name) && (strings.Contains(e.Name, " ") || headlineOnly(doc, ms, all)) {
		e.Name = titleCase(e.Name) // JOHN KIRBY in a headline, never in the text; JCPOA stays
	}
	aliases := e.Aliases[:0]
	for _, a := range e.Aliases {
		if a != e.Name {
			aliases = append(aliases, a)
		}
	}
	e.Aliases = aliases
	return e
}

// shouting reports whether a name is written in capitals and is not an
// acronym (a headline's IRAN, not UN or NATO).
func shouting(s string) bool {
	letters := 0
	for _, r := range s {
		if r >= 'a' && r <= 'z' {
			return false
		}
		if r >= 'A' && r <= 'Z' {
			letters++
		}
	}
	return letters > 4 || strings.Contains(s, " ") && letters > 0
}

// upper reports whether s has no lower-case letter.
func upper(s string) bool {
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// headlineOnly reports whether all the mentions are in sentences written
// in capitals.
func headlineOnly(doc *tdoc, ms []mention, all []int) bool {
	for _, mi := range all {
		for _, t := range doc.SentenceTokens(ms[mi].sent) {
			for _, c := range doc.Src[t.Start:t.End] {
				if c >= 'a' && c <= 'z' {
					return false
				}
			}
		}
	}
	return true
}

func hasUpperASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' {
			return true
		}
	}
	return false
}
