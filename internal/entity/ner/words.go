package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// word is the per-word information the features read.
type word struct {
	raw, low string // low: lower case, digits folded to 0
	cap      bool   // starts with an upper-case letter
	upper    bool   // has an upper-case letter
	lower    bool   // has a lower-case letter
	title    bool   // a person's title (titles)
	org      bool   // an organisation word (orgWords)
	lc       uint8
	letters  int32 // bytes of a word with a letter (for allCaps)
	// hashes (strHash) of low and of the long and short shapes, read by
	// the features of the word and of its neighbours
	hLow, hShape, hShort uint64
	lex                  int32 // index of the word's form in Tag's lexicon
}

// affixHashes returns the hashes of the prefixes and suffixes of low of 1
// to n bytes (n at most 4, and shorter than low).
func affixHashes(low string) (pre, suf [4]uint64, n int) {
	n = min(4, max(len(low)-1, 0))
	h := fnvOffset
	for k := 0; k < n; k++ {
		h = (h ^ fh(low[k])) * fnvPrime
		pre[k] = fmix(uint64(h))
		suf[k] = strHash(low[len(low)-k-1:])
	}
	return pre, suf, n
}

// Vocabulary classes (lc): how a lower-cased word is written in running
// text in the training data.
const (
	lcUnseen uint8 = iota
	lcLower        // almost always lower case: a common word
	lcMixed
	lcCap // almost always capitalised: a name
)

func foldWord(s string) string {
	lower := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' || c >= '1' && c <= '9' || c >= 0x80 {
			lower = false
			break
		}
	}
	if lower {
		return s
	}
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		b := []byte(s)
		for i, c := range b {
			switch {
			case c >= 'A' && c <= 'Z':
				b[i] = c + 'a' - 'A'
			case c >= '1' && c <= '9':
				b[i] = '0'
			}
		}
		return string(b)
	}
	b := make([]rune, 0, len(s))
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			r = '0'
		default:
			r = unicode.ToLower(r)
		}
		b = append(b, r)
	}
	return string(b)
}

// shapes returns the long shape (each character class, runs of more than
// two collapsed to two) and the short shape (runs collapsed to one).
func shapes(s string) (string, string) {
	if len(s) == 1 && s[0] < utf8.RuneSelf {
		if c := s[0]; !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return s, s // punctuation is its own shape
		}
	}
	if lowerASCII(s) {
		return "xx"[:min(len(s), 2)], "x"
	}
	var long, short []byte
	var last byte
	run := 0
	for _, r := range s {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case unicode.IsLetter(r):
			c = 'L'
		case r < utf8.RuneSelf:
			c = byte(r)
		default:
			c = '*'
		}
		if c == last {
			run++
		} else {
			run = 1
			short = append(short, c)
		}
		if run <= 2 {
			long = append(long, c)
		}
		last = c
	}
	return string(long), string(short)
}

// lowerASCII reports whether s is a non-empty run of a-z.
func lowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 'a' || c > 'z' {
			return false
		}
	}
	return s != ""
}

func isCap(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// hasLower reports whether s has a lower-case letter.
func hasLower(s string) bool {
	for _, r := range s {
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}

// hasUpper reports whether s has an upper-case letter.
func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// allCaps reports whether a sentence is written in capitals, as headlines
// are: at least two letters, no lower-case letter in any word.
func allCaps(words []string) bool {
	letters := 0
	for _, w := range words {
		if hasLower(w) {
			return false
		}
		if hasLetter(w) {
			letters += len(w)
		}
	}
	return letters >= 4
}

// prepare computes the word information of a sentence.
func (m *Model) prepare(words []string) []word {
	ws := make([]word, len(words))
	m.prepareInto(words, ws)
	return ws
}

// prepareInto fills ws (len(words) long) with the word information.
func (m *Model) prepareInto(words []string, ws []word) {
	basicInto(words, ws)
	m.detailNear(ws, nil, nil)
}

// basicInto sets what every word needs: its forms and case.
func basicInto(words []string, ws []word) {
	for i, s := range words {
		w := &ws[i]
		w.raw = s
		w.low = foldWord(s)
		w.upper, w.lower, w.cap = false, false, false
		w.letters = 0
		for j := 0; j < len(s); j++ {
			c := s[j]
			if c >= 0x80 {
				w.cap = isCap(s)
				w.upper = w.cap || hasUpper(s)
				w.lower = hasLower(s)
				if hasLetter(s) {
					w.letters = int32(len(s))
				}
				break
			}
			if c >= 'A' && c <= 'Z' {
				w.upper = true
				w.cap = w.cap || j == 0
				w.letters = int32(len(s))
			} else if c >= 'a' && c <= 'z' {
				w.lower = true
				w.letters = int32(len(s))
			}
		}
	}
}

// detailNear sets what the features read (hashes, vocabulary class, list
// membership) for the words within two places of an active word (active
// nil: all words); the features of active words read no further. With a
// lexicon (lx not nil) each form is worked out once per document.
func (m *Model) detailNear(ws []word, active []bool, lx *lexicon) {
	for i := range ws {
		if active != nil && !nearActive(active, i) {
			continue
		}
		if lx != nil {
			lx.details(m, &ws[i])
		} else {
			m.details(&ws[i])
		}
	}
}

// details sets the details of w that its features read.
func (m *Model) details(w *word) {
	w.hShape, w.hShort = shapeHashes(w.raw)
	w.hLow = strHash(w.low)
	w.lc = m.Vocab[w.low]
	if len(w.low) <= maxListWord {
		w.title = titles[w.low]
		w.org = orgWords[w.low]
	}
}

func nearActive(active []bool, i int) bool {
	for j := max(i-2, 0); j <= i+2 && j < len(active); j++ {
		if active[j] {
			return true
		}
	}
	return false
}

// maxListWord is the length of the longest word of titles and orgWords.
var maxListWord = func() int {
	n := 0
	for _, l := range []map[string]bool{titles, orgWords} {
		for w := range l {
			n = max(n, len(w))
		}
	}
	return n
}()

// shapeHashes returns the strHash of the long and short shapes of s (see
// shapes), without building them.
func shapeHashes(s string) (uint64, uint64) {
	if len(s) == 1 && s[0] < utf8.RuneSelf {
		if c := s[0]; !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			h := strHash(s) // punctuation is its own shape
			return h, h
		}
	}
	if lowerASCII(s) {
		if len(s) == 1 {
			return hashX, hashX
		}
		return hashXX, hashX
	}
	long, short := shapes(s)
	return strHash(long), strHash(short)
}

var hashX, hashXX = strHash("x"), strHash("xx")

// titles precede person names; orgWords end or mark organisation names.
// Both lists are written by hand for brief (public domain).
var titles = set(`mr mr. mrs mrs. ms ms. dr dr. miss sir dame lord lady prof prof. professor
president vice-president premier chancellor minister secretary senator sen. rep. representative
governor gov. mayor judge justice king queen prince princess pope cardinal bishop rev. reverend
sheikh ayatollah general gen. colonel col. lieutenant lt. major maj. captain capt. sergeant sgt.
admiral adm. commander spokesman spokeswoman spokesperson chairman chairwoman chief ceo director
coach striker midfielder defender goalkeeper manager ambassador envoy leader deputy ex-president
mp lawmaker officer inspector detective father brother sister saint st. uncle aunt`)

var orgWords = set(`inc inc. corp corp. corporation co co. ltd ltd. plc llc ag sa nv gmbh bv group
holdings bank university college institute party council committee commission ministry
department agency association union federation league club fc army forces force brigade
brigades front movement organisation organization authority board court parliament assembly
congress senate airways airlines news times post press agency foundation fund trust hezbollah
hizbollah hamas taliban militia police exchange company companies industries international
motors systems technologies services`)

func set(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}
