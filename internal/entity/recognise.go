package entity

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"brief/internal/entity/ner"
	"brief/internal/text"
)

// mention is a recognised name before merging.
type mention struct {
	first, last int    // tokens doc.Tokens[first:last]
	sent        int    // sentence index
	typ         int    // index into ner.Types
	place       string // for a nationality or place variant: the place it names
	titled      bool   // starts with an honorific
	ent         int    // index of its entity after merging
	// part, when end > 0: the mention is the bytes [start, end) of its
	// single token (one place of a pair such as Iraq-Syria).
	start, end int
}

// bytes returns the byte offsets of the mention in doc.Src.
func (m mention) bytes(doc *tdoc) (int, int) {
	if m.end > 0 {
		return m.start, m.end
	}
	return doc.Tokens[m.first].Start, doc.Tokens[m.last-1].End
}

// kinds maps ner.Types to Entity.Kind.
var kinds = [...]string{"person", "organization", "place", "misc"}

// tokenWords returns the words of a sentence as the tagger expects them:
// typographic quotes and apostrophes made plain.
func tokenWords(doc *tdoc, toks []text.Token) []string {
	words := make([]string, len(toks))
	for i, t := range toks {
		w := doc.Text(t)
		if strings.IndexByte(w, 0xE2) >= 0 { // the lead byte of “ ” „ ’ ‘
			w = plainQuotes.Replace(w)
		}
		words[i] = w
	}
	return words
}

var plainQuotes = strings.NewReplacer("“", `"`, "”", `"`, "„", `"`, "’", "'", "‘", "'")

// recognise tags doc and applies the rules of the package comment.
func recognise(doc *tdoc, m *ner.Model) []mention {
	words := make([][]string, len(doc.Sentences))
	for i := range doc.Sentences {
		words[i] = tokenWords(doc, doc.SentenceTokens(i))
	}
	tagged := m.Tag(words)
	var out []mention
	for si, spans := range tagged {
		s := doc.Sentences[si]
		ws := words[si]
		if noCapitals(ws) {
			out = append(out, lowerNames(doc, s, si, ws, m)...)
			continue
		}
		covered := make([]bool, len(ws))
		for _, sp := range spans {
			mt, ok := applyRules(ws, sp)
			if !ok {
				continue
			}
			for i := mt.Start; i < mt.End; i++ {
				covered[i] = true
			}
			if parts := placePair(ws[mt.Start], m); mt.End-mt.Start == 1 && parts != nil {
				tok := doc.Tokens[s.First+mt.Start]
				for _, p := range parts {
					pm := newMention(ws, s, si, mt)
					pm.typ, pm.place = 2, p.name
					pm.start, pm.end = tok.Start+p.start, tok.Start+p.end
					out = append(out, pm)
				}
				continue
			}
			mt.Type = retype(ws[mt.Start:mt.End], mt.Type, m)
			out = append(out, newMention(ws, s, si, mt))
		}
		// A known first name before a capitalised word the model missed:
		// Steve Jobs, where "jobs" is a common word.
		for i := 0; i+1 < len(ws); i++ {
			if covered[i] || covered[i+1] || !capitalised(ws[i+1]) || !firstName(ws[i], m) ||
				has(stopNames, ws[i+1]) || isAcronym(ws[i+1]) || shouting(ws[i]) {
				continue
			}
			covered[i], covered[i+1] = true, true
			out = append(out, newMention(ws, s, si, ner.Span{Start: i, End: i + 2, Type: 0}))
			i++
		}
		// A title before capitalised words the model missed.
		for i := 0; i+1 < len(ws); i++ {
			if len(ws[i]) > 7 || covered[i] || covered[i+1] || !capitalised(ws[i+1]) || !has(honorifics, ws[i]) {
				continue
			}
			j := i + 1
			for j < len(ws) && j < i+4 && capitalised(ws[j]) && !covered[j] && !has(stopNames, ws[j]) {
				j++
			}
			if j == i+1 {
				continue
			}
			out = append(out, newMention(ws, s, si, ner.Span{Start: i, End: j, Type: 0}))
			i = j - 1
		}
	}
	sortMentions(out)
	return out
}

func newMention(ws []string, s text.Sentence, si int, sp ner.Span) mention {
	m := mention{first: s.First + sp.Start, last: s.First + sp.End, sent: si, typ: sp.Type}
	m.titled = has(honorifics, ws[sp.Start])
	if sp.Type == 2 && sp.End-sp.Start == 1 && (sp.Start == 0 || !has(locatives, ws[sp.Start-1])) {
		if c, ok := get(capitals, ws[sp.Start]); ok {
			m.place = c // Tehran as Iran's government
			return m
		}
	}
	if sp.Type != 0 {
		if p, ok := get(places, ws[sp.Start]); ok && (sp.End-sp.Start == 1 || sp.Type == 3) {
			m.place = p
		} else if sp.End-sp.Start == 1 && sp.Type == 3 {
			m.place = compoundPlace(ws[sp.Start])
		}
	}
	return m
}

// applyRules adjusts a tagged span; ok is false when it is not a name.
func applyRules(ws []string, sp ner.Span) (ner.Span, bool) {
	allStop := true
	for _, w := range ws[sp.Start:sp.End] {
		if !has(stopNames, w) && !has(honorifics, w) {
			allStop = false
		}
		if !hasLetter(w) {
			return sp, false
		}
	}
	if allStop {
		return sp, false
	}
	if sp.Start > 0 && has(honorifics, ws[sp.Start-1]) {
		sp.Start--
		sp.Type = 0
	}
	if has(honorifics, ws[sp.Start]) {
		sp.Type = 0
	}
	if sp.End < len(ws) && has(orgSuffixes, ws[sp.End]) && capitalised(ws[sp.End]) {
		sp.End++
		sp.Type = 1
	}
	if sp.Type != 1 && sp.End-sp.Start > 1 {
		for _, w := range ws[sp.Start:sp.End] {
			if has(orgMarkers, w) {
				sp.Type = 1
			}
		}
	}
	return sp, true
}

func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func hasLetter(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

func sortMentions(ms []mention) {
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].first < ms[j].first })
}

// firstName reports whether w is a capitalised word known only as the
// first word of people's names in training (Steve, not Washington).
func firstName(w string, m *ner.Model) bool {
	if !capitalised(w) {
		return false
	}
	t := m.NameTypes([]string{w})
	return t&ner.FirstName != 0 && t&typeBits == 0
}

// placePart is one place of a hyphenated pair: its name and its byte
// offsets in the word.
type placePart struct {
	name       string
	start, end int
}

// placePair splits a hyphenated word whose parts are all capitalised
// places ("Iraq-Syria", "Iran-Iraq") into those places; nil otherwise. A
// place is one of the place table or a name annotated only as a place in
// training.
func placePair(w string, m *ner.Model) []placePart {
	if !strings.Contains(w, "-") {
		return nil
	}
	var parts []placePart
	off := 0
	for _, p := range strings.Split(w, "-") {
		if !capitalised(p) {
			return nil
		}
		name, ok := get(places, p)
		if !ok {
			if m.NameTypes([]string{p})&typeBits != 1<<2 {
				return nil
			}
			name = p
		}
		parts = append(parts, placePart{name, off, off + len(p)})
		off += len(p) + 1
	}
	if len(parts) < 2 {
		return nil
	}
	return parts
}

// retype corrects the type of a tagged name where the model is known to
// be wrong: the seats of government named for their institution (White
// House, Kremlin) are organisations; an acronym taken for a place that is
// no known place (the JCPOA) is another kind of name.
func retype(ws []string, typ int, m *ner.Model) int {
	name := lowerASCII(strings.Join(ws, " "))
	if institutions[name] {
		return 1
	}
	if typ == 2 && len(ws) == 1 && isAcronym(ws[0]) && places[name] == "" && m.NameTypes(ws)&(1<<2) == 0 {
		return 3
	}
	return typ
}

// compoundPlace returns the place a hyphenated nationality or compound
// names ("Iran-backed", "pro-Iran", "US-led"), or "" when it names none or
// several ("Iraq-Syria").
func compoundPlace(w string) string {
	if !strings.Contains(w, "-") {
		return ""
	}
	found := ""
	for _, part := range strings.Split(w, "-") {
		if p, ok := get(places, part); ok && capitalised(part) {
			if found != "" {
				return ""
			}
			found = p
		}
	}
	return found
}
