package timex

import (
	"unicode"
	"unicode/utf8"
)

// pkind is the shape of a piece.
type pkind uint8

const (
	pWord  pkind = iota // a run of letters
	pNum                // a run of ASCII digits
	pPunct              // one other character
)

// piece is the unit the grammar works on: a run of letters, a run of
// digits or one other character. Pieces are finer than text tokens, so
// that `30-year`, `mid-1996`, `p.m.`, `1990s` and `24th` are seen in their
// parts whatever the tokeniser did with them.
type piece struct {
	start, end int    // byte offsets into the source
	w          string // lower-case form when the word is in the lexicon, else ""
	cat        cat    // lexicon category
	n          int    // lexicon value; the value of a number
	kind       pkind
	digits     int  // digits in a number
	space      bool // preceded by white space or the start of the sentence
	upper      bool // starts with an upper-case letter
	quote      bool // inside quotation marks
	r          rune // the character of a punctuation piece
}

// lexSentence appends the pieces of src[start:end] to ps.
func lexSentence(ps []piece, src []byte, start, end int) []piece {
	space, quote := true, false
	for i := start; i < end; {
		c := src[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			space = true
			i++
			continue
		case c >= '0' && c <= '9':
			j, v := i, 0
			for j < end && src[j] >= '0' && src[j] <= '9' {
				if j-i < 9 {
					v = v*10 + int(src[j]-'0')
				}
				j++
			}
			ps = append(ps, piece{start: i, end: j, kind: pNum, n: v, digits: j - i, space: space, quote: quote})
			i = j
		case isLetterByte(src, i, end):
			j := i
			for j < end { // as isLetterByte, ASCII inline
				if c := src[j]; c < utf8.RuneSelf {
					if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
						break
					}
					j++
					continue
				}
				r, w := utf8.DecodeRune(src[j:end])
				if !unicode.IsLetter(r) {
					break
				}
				j += w
			}
			p := piece{start: i, end: j, kind: pWord, space: space, quote: quote}
			p.upper = c >= 'A' && c <= 'Z'
			lookup(&p, src[i:j])
			ps = append(ps, p)
			i = j
		default:
			r, w := rune(c), 1
			if c >= utf8.RuneSelf {
				r, w = utf8.DecodeRune(src[i:end])
			}
			switch r {
			case '"', '“', '”', '«', '»':
				// A straight quote toggles; curly ones open and close.
				switch r {
				case '“', '«':
					quote = true
				case '”', '»':
					quote = false
				default:
					quote = !quote
				}
			}
			ps = append(ps, piece{start: i, end: i + w, kind: pPunct, space: space, quote: quote, r: r})
			i += w
		}
		space = false
	}
	return ps
}

func isLetterByte(src []byte, i, end int) bool {
	c := src[i]
	if c < utf8.RuneSelf {
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
	}
	r, _ := utf8.DecodeRune(src[i:end])
	return unicode.IsLetter(r)
}

// lookup fills the lexicon fields of p from the word b, without allocating.
func lookup(p *piece, b []byte) {
	if len(b) > 16 {
		return
	}
	var buf [16]byte
	for i, c := range b {
		if c >= utf8.RuneSelf {
			return
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	if e, ok := lexicon[string(buf[:len(b)])]; ok {
		p.w, p.cat, p.n = e.word, e.cat, e.n
	}
}
