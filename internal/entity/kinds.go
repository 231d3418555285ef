package entity

import (
	"brief/internal/entity/ner"
	"strings"

	"brief/internal/text"
)

// settleKind decides an entity's type (an index into ner.Types) from its
// mentions' votes and from what the name is known to be, in this order:
//
//   - a person named with an honorific (Mr, Dr...) stays a person;
//   - a name of the place table is a place (Alabama, not a person), and
//     so is a lone word named as a place in training (Jordan); a "person"
//     known from training as a place or an organisation but never as a
//     person is that (Hong Kong);
//   - the seats of government named for their institution (White House,
//     Kremlin) are organisations;
//   - a name annotated with one type only in training (Toyota: ORG) takes
//     that type, unless it is MISC there (Boeing is MISC in CoNLL);
//   - a name the text treats as a company or institution is an
//     organisation: followed by a legal suffix (Chrysler LLC), by a word
//     of an organisation's people, property or products (Apple CEO,
//     Boeing's chief executive, Intel shares, Intel processors, White House
//     spokesman), or by a model number (Boeing 747, Airbus A380), or
//     preceded by a noun for a company (automaker General Motors, rival
//     Airbus, Los Angeles-based Northrop Grumman);
//   - a one-word MISC name that acts as a subject is an organisation
//     (Boeing has unveiled; see actsAlone);
//   - a first name and a surname known from training's people make a
//     person (Steve Jobs, taken for a place); a "person" named only by one
//     word that is no known first name, surname or person is an
//     organisation (Chrysler, Intel): news introduces people by full name;
//   - otherwise the majority of the votes.
func settleKind(doc *tdoc, ms []mention, all []int, votes [4]int, name string) int {
	kind := 0
	for t := range votes {
		if votes[t] > votes[kind] {
			kind = t
		}
	}
	titled := false
	for _, mi := range all {
		if ms[mi].titled {
			titled = true
		}
		if ms[mi].place != "" && kind == 2 {
			return 2
		}
	}
	if titled && kind == 0 {
		return 0
	}
	words := strings.Fields(name)
	if place(name) != "" && !titled {
		return 2
	}
	if t := knownTypes(words); kind == 0 && t != 0 && t&1 == 0 {
		if t&(1<<2) != 0 {
			return 2 // a place in training, never a person: Hong Kong
		}
		if t&(1<<1) != 0 {
			return 1
		}
	}
	if kind == 0 && len(words) == 1 && Model().NameTypes(words)&(1<<2) != 0 {
		return 2 // a lone word named as a place in training, never with a first name: Jordan, Alabama
	}
	if kind == 0 {
		for _, mi := range all {
			if followedByWhich(doc, ms[mi]) {
				kind = 1 // people are "who": "Pixar, which was founded by"
				break
			}
		}
	}
	if has(institutions, name) {
		return 1
	}
	if kind != 0 && !titled && personName(words) && knownTypes(words)&(1<<1) == 0 && !anyOrgContext(doc, ms, all) {
		return 0 // Steve Jobs taken for a place or a company
	}
	if kind == 0 && !titled && len(words) == 1 && !multiword(doc, ms, all) {
		if t := Model().NameTypes(words); t&(1|ner.FirstName|ner.LastName) == 0 {
			kind = 1 // one word never given with a first name, and no known name: Chrysler, Intel
		}
	}
	switch knownTypes(words) {
	case 1 << 0:
		return 0
	case 1 << 1:
		return 1
	case 1 << 2:
		return 2
	}
	if kind != 1 && len(name) > 1 && place(name) == "" && Model().NameTypes(words)&(1<<2) == 0 {
		for _, mi := range all {
			if orgContext(doc, ms[mi]) || kind == 3 && len(words) == 1 && actsAlone(doc, ms[mi]) {
				return 1
			}
		}
	}
	return kind
}

// personName reports whether a two- or three-word name is a first name
// and a surname as people's names in training were: Steve Jobs.
func personName(words []string) bool {
	if len(words) < 2 || len(words) > 3 {
		return false
	}
	last := []string{words[len(words)-1]}
	l := lowerASCII(last[0])
	first := Model().NameTypes(words[:1])
	return first&ner.FirstName != 0 && first&typeBits == 0 && knownTypes(words)&(1<<1|1<<2) == 0 &&
		knownTypes(last)&(1<<1|1<<2) == 0 &&
		!orgMarkers[l] && !companyWords[l] && !legalForms[l]
}

// anyOrgContext reports whether a mention of the entity has orgContext.
func anyOrgContext(doc *tdoc, ms []mention, all []int) bool {
	for _, mi := range all {
		if orgContext(doc, ms[mi]) {
			return true
		}
	}
	return false
}

// multiword reports whether an entity has a mention of two or more words.
func multiword(doc *tdoc, ms []mention, all []int) bool {
	for _, mi := range all {
		m := ms[mi]
		if m.end == 0 && m.last-core(doc, m) > 1 {
			return true
		}
	}
	return false
}

// followedByWhich reports whether ", which" follows a mention.
func followedByWhich(doc *tdoc, m mention) bool {
	i := m.last
	return m.end == 0 && i+1 < doc.Sentences[m.sent].Last && doc.Text(doc.Tokens[i]) == "," &&
		lowerASCII(doc.Text(doc.Tokens[i+1])) == "which"
}

// actsAlone reports whether a mention is followed by a possessive or a
// verb, as the subject of a sentence is ("Boeing has unveiled", "Boeing's
// rival"). A one-word name the model calls MISC (often a company it took
// for a product's maker) that acts so is an organisation; nationalities
// and events rarely do.
func actsAlone(doc *tdoc, m mention) bool {
	if m.end > 0 || m.last >= doc.Sentences[m.sent].Last {
		return false
	}
	w := lowerASCII(doc.Text(doc.Tokens[m.last]))
	return w == "'s" || w == "’s" || subjectVerbs[w] || speechVerbs[w]
}

// orgContext reports whether the words after a mention make it a company
// or an institution (see settleKind).
func orgContext(doc *tdoc, m mention) bool {
	if m.end > 0 {
		return false
	}
	s := doc.Sentences[m.sent]
	next := func(k int) string {
		if i := m.last + k; i < s.Last {
			return lowerASCII(doc.Text(doc.Tokens[i]))
		}
		return ""
	}
	if i := m.first - 1; i >= s.First {
		// "automaker General Motors", "rival Airbus", "Los Angeles-based Northrop Grumman"
		p := doc.Text(doc.Tokens[i])
		if !capitalised(p) && orgNouns[p] || strings.HasSuffix(p, "-based") {
			return true
		}
	}
	w := next(0)
	if w == "'s" || w == "’s" {
		w = next(1)
	}
	if orgSuffixes[w] || orgCues[w] || products[w] {
		return true
	}
	if w == "chief" && (next(1) == "executive" || next(2) == "executive") {
		return true
	}
	if i := m.last; i < s.Last && doc.Tokens[i].Kind != text.Punct {
		return modelNumber(doc.Text(doc.Tokens[i]))
	}
	return false
}

// modelNumber reports whether w looks like a product's model number: 747,
// A380, 777-200LR (three or more digits, at most two capitals before
// them); a year (1955, 1955-2011) is not one.
func modelNumber(w string) bool {
	letters, digits := 0, 0
	for letters < len(w) && w[letters] >= 'A' && w[letters] <= 'Z' {
		letters++
	}
	for letters+digits < len(w) && w[letters+digits] >= '0' && w[letters+digits] <= '9' {
		digits++
	}
	rest := w[letters+digits:]
	if letters > 2 || digits < 3 || rest != "" && rest[0] != '-' {
		return false
	}
	return !(letters == 0 && digits == 4 && (w[0] == '1' || w[0] == '2'))
}

// stripLegal removes a legal-form suffix from an organisation's name
// (Apple Inc. → Apple, General Motors Corporation → General Motors), so
// that one company has one canonical name across articles.
func stripLegal(name string) string {
	name = strings.TrimSpace(name)
	for {
		i := strings.LastIndexAny(name, " ,")
		if i <= 0 || !has(legalForms, strings.TrimSpace(name[i+1:])) {
			return name
		}
		name = strings.TrimRight(name[:i], " ,")
	}
}

// titleCase writes a name given in capitals (a headline's JOHN KIRBY) as a
// name is written in running text; words of two letters (US, UN) and of
// up to four without a vowel (BBC, CNN), as acronyms are, stay in capitals.
func titleCase(name string) string {
	words := strings.Fields(name)
	for i, w := range words {
		if len(w) <= 2 || len(w) <= 4 && !strings.ContainsAny(w, "AEIOUY") {
			continue
		}
		b := []byte(strings.ToLower(w))
		up := true
		for j, c := range b {
			if up && c >= 'a' && c <= 'z' {
				b[j] = c - 'a' + 'A'
			}
			up = c == '-' || c == '\'' || c == '.'
		}
		words[i] = string(b)
	}
	return strings.Join(words, " ")
}

// typeBits are the bits of ner.Model.NameTypes that are types.
const typeBits = 1<<len(ner.Types) - 1

// knownTypes returns the types the words were annotated with as a whole
// name in training (bit i for ner.Types[i]).
func knownTypes(words []string) uint8 { return Model().NameTypes(words) & typeBits }
