package entity

import (
	"brief/internal/text"
)

// assignRoles gives each person the first role the text states for it: a
// title run before a mention ("Pentagon spokesman John Kirby") or an
// apposition after it ("Louis Gallois, the Airbus chief executive,").
func assignRoles(doc *tdoc, ents []Entity, ms []mention) {
	// a role never runs into another person's name: "UAW President Ron
	// Gettelfinger and Vice President Gerald Bantom"
	personEnd := map[int]bool{}
	for _, m := range ms {
		if ents[m.ent].Kind == "person" {
			personEnd[m.last-1] = true
		}
	}
	for _, m := range ms {
		e := &ents[m.ent]
		if e.Kind != "person" || e.Role != "" {
			continue
		}
		if r := roleBefore(doc, m, personEnd); r != "" {
			e.Role = r
		} else if r := roleAfter(doc, m); r != "" {
			e.Role = r
		}
	}
}

func roleBefore(doc *tdoc, m mention, personEnd map[int]bool) string {
	s := doc.Sentences[m.sent]
	first := m.first
	hasRole := false
	for i := m.first - 1; i >= s.First && i >= m.first-8; i-- {
		t := doc.Tokens[i]
		w := doc.Text(t)
		l := lowerASCII(w)
		if t.Kind != text.Word || l == "the" || personEnd[i] {
			break
		}
		switch {
		case roleWords[l]:
			hasRole = true
		case roleGlue[l], capitalised(w):
		default:
			i = s.First - 1 // stop
			continue
		}
		first = i
	}
	// drop glue and a sentence-initial ordinary word at the front
	for first < m.first {
		l := lowerASCII(doc.Text(doc.Tokens[first]))
		if roleGlue[l] || first == s.First && !roleWords[l] && Model().Vocab[l] == 1 {
			first++
			continue
		}
		break
	}
	if !hasRole || first == m.first {
		return ""
	}
	// the role must end in a role word or a name (not glue)
	last := m.first
	for last > first && has(roleGlue, doc.Text(doc.Tokens[last-1])) {
		last--
	}
	if last == first {
		return ""
	}
	return surface(doc, first, last)
}

func roleAfter(doc *tdoc, m mention) string {
	if r := roleAs(doc, m); r != "" {
		return r
	}
	s := doc.Sentences[m.sent]
	if m.last+1 >= s.Last || doc.Text(doc.Tokens[m.last]) != "," {
		return ""
	}
	first := m.last + 1
	hasRole := false
	end := -1
	for i := first; i < s.Last && i < first+10; i++ {
		t := doc.Tokens[i]
		w := doc.Text(t)
		if t.Kind == text.Punct && (w == "," || w == "." || w == ";" || w == ")" || w == ":") {
			end = i
			break
		}
		l := lowerASCII(w)
		if speechVerbs[l] || t.Kind == text.Punct || clauseWords[l] {
			return "" // a clause, not a title: "Pixar, which was founded by"
		}
		if roleWords[l] {
			hasRole = true
		}
	}
	if end < 0 || !hasRole {
		return ""
	}
	for first < end {
		l := lowerASCII(doc.Text(doc.Tokens[first]))
		if l != "the" && l != "a" && l != "an" {
			break
		}
		first++
	}
	if first == end {
		return ""
	}
	return surface(doc, first, end)
}

// roleAs returns the role in "named Mary Barra as its new chief
// executive": the words after "as" up to punctuation, holding a role word,
// without a leading determiner or "new".
func roleAs(doc *tdoc, m mention) string {
	s := doc.Sentences[m.sent]
	if m.end > 0 || m.last+1 >= s.Last || lowerASCII(doc.Text(doc.Tokens[m.last])) != "as" {
		return ""
	}
	first := m.last + 1
	for first < s.Last && has(asLead, doc.Text(doc.Tokens[first])) {
		first++
	}
	end, hasRole := first, false
	for end < s.Last && end < first+8 {
		t := doc.Tokens[end]
		w := doc.Text(t)
		if t.Kind != text.Word || has(clauseWords, w) || has(speechVerbs, w) {
			break
		}
		if has(roleWords, w) {
			hasRole = true
		}
		end++
	}
	for end > first && has(roleGlue, doc.Text(doc.Tokens[end-1])) {
		end--
	}
	if !hasRole || end == first {
		return ""
	}
	return surface(doc, first, end)
}
