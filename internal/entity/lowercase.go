package entity

import (
	"brief/internal/entity/ner"
	"brief/internal/text"
)

// lowerNames finds names in a sentence written without capitals, where the
// tagger sees no names: the longest runs of words that training annotated
// with one type only (people, organisations, places) and the place table's
// names and nationalities; a single word only when it is always
// capitalised in training ("iraq", not "may" or "us").
func lowerNames(doc *tdoc, s text.Sentence, si int, ws []string, m *ner.Model) []mention {
	var out []mention
	for i := 0; i < len(ws); i++ {
		for n := min(m.Gaz.MaxLen, len(ws)-i); n >= 1; n-- {
			run := ws[i : i+n]
			typ := -1
			switch knownTypesOf(m, run) {
			case 1 << 0:
				typ = 0
			case 1 << 1:
				typ = 1
			case 1 << 2:
				typ = 2
			}
			if n == 1 {
				lc := m.Vocab[run[0]]
				if places[run[0]] != "" {
					typ = 2
				}
				if lc != lcCap && !(lc == 0 && places[run[0]] != "") {
					typ = -1 // "us", "may", "china" as words
				}
			}
			if typ < 0 || stopNames[run[0]] || !hasLetter(run[0]) {
				continue
			}
			out = append(out, newMention(ws, s, si, ner.Span{Start: i, End: i + n, Type: typ}))
			i += n - 1
			break
		}
	}
	return out
}

// lcCap is ner's vocabulary class of words almost always capitalised.
const lcCap = 3

func knownTypesOf(m *ner.Model, words []string) uint8 { return m.NameTypes(words) & typeBits }

// noCapitals reports whether a sentence has letters but no capital.
func noCapitals(ws []string) bool {
	letters := false
	for _, w := range ws {
		for _, r := range w {
			if r >= 'A' && r <= 'Z' || r >= 0x80 && capitalised(string(r)) {
				return false
			}
			if r >= 'a' && r <= 'z' {
				letters = true
			}
		}
	}
	return letters
}
