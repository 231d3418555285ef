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
}

// kinds maps ner.Types to Entity.Kind.
var kinds = [...]string{"person", "organization", "place", "misc"}

// tokenWords returns the words of a sentence as the tagger expects them:
// typographic quotes and apostrophes made plain.
func tokenWords(doc *text.Doc, toks []text.Token) []string {
	words := make([]string, len(toks))
	for i, t := range toks {
		w := doc.Text(t)
		if strings.ContainsAny(w, "“”„’‘") {
			w = strings.NewReplacer("“", `"`, "”", `"`, "„", `"`, "’", "'", "‘", "'").Replace(w)
		}
		words[i] = w
	}
	return words
}

// recognise tags doc and applies the rules of the package comment.
func recognise(doc *text.Doc, m *ner.Model) []mention {
	words := make([][]string, len(doc.Sentences))
	for i := range doc.Sentences {
		words[i] = tokenWords(doc, doc.SentenceTokens(i))
	}
	tagged := m.Tag(words)
	var out []mention
	for si, spans := range tagged {
		s := doc.Sentences[si]
		ws := words[si]
		covered := make([]bool, len(ws))
		for _, sp := range spans {
			mt, ok := applyRules(ws, sp)
			if !ok {
				continue
			}
			for i := mt.Start; i < mt.End; i++ {
				covered[i] = true
			}
			out = append(out, newMention(ws, s, si, mt))
		}
		// A title before capitalised words the model missed.
		for i := 0; i+1 < len(ws); i++ {
			if !honorifics[lowerASCII(ws[i])] || covered[i] || covered[i+1] || !capitalised(ws[i+1]) {
				continue
			}
			j := i + 1
			for j < len(ws) && j < i+4 && capitalised(ws[j]) && !covered[j] && !stopNames[lowerASCII(ws[j])] {
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
	m.titled = honorifics[lowerASCII(ws[sp.Start])]
	if sp.Type != 0 {
		if p, ok := places[lowerASCII(ws[sp.Start])]; ok && (sp.End-sp.Start == 1 || sp.Type == 3) {
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
		l := lowerASCII(w)
		if !stopNames[l] && !honorifics[l] {
			allStop = false
		}
		if !hasLetter(w) {
			return sp, false
		}
	}
	if allStop {
		return sp, false
	}
	if sp.Start > 0 && honorifics[lowerASCII(ws[sp.Start-1])] {
		sp.Start--
		sp.Type = 0
	}
	if honorifics[lowerASCII(ws[sp.Start])] {
		sp.Type = 0
	}
	if sp.End < len(ws) && orgSuffixes[lowerASCII(ws[sp.End])] && capitalised(ws[sp.End]) {
		sp.End++
		sp.Type = 1
	}
	if sp.Type != 1 && sp.End-sp.Start > 1 {
		for _, w := range ws[sp.Start:sp.End] {
			if orgMarkers[lowerASCII(w)] {
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

// compoundPlace returns the place a hyphenated nationality or compound
// names ("Iran-backed", "pro-Iran", "US-led"), or "" when it names none or
// several ("Iraq-Syria").
func compoundPlace(w string) string {
	if !strings.Contains(w, "-") {
		return ""
	}
	found := ""
	for _, part := range strings.Split(w, "-") {
		if p, ok := places[lowerASCII(part)]; ok && capitalised(part) {
			if found != "" {
				return ""
			}
			found = p
		}
	}
	return found
}
