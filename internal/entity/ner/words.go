package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// word is the per-word information the features read.
type word struct {
	raw, low     string // low: lower case, digits folded to 0
	shape, short string
	cap          bool // starts with an upper-case letter
	upper        bool // has an upper-case letter
	lc           uint8
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
	for i, s := range words {
		w := &ws[i]
		w.raw = s
		w.low = foldWord(s)
		w.shape, w.short = shapes(s)
		w.cap = isCap(s)
		w.upper = w.cap || hasUpper(s)
		w.lc = m.Vocab[w.low]
	}
}

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
