package text

import (
	"unicode"
	"unicode/utf8"
)

// titles are abbreviations that never end a sentence: a title is always
// followed by a name. Matched case-insensitively, without the full stop.
var titles = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true,
	"col": true, "lt": true, "sgt": true, "capt": true, "cmdr": true, "adm": true,
	"maj": true, "rep": true, "sen": true, "gov": true, "pres": true, "st": true,
	"rev": true, "hon": true, "messrs": true, "mt": true, "ft": true, "fr": true,
	"supt": true, "insp": true, "det": true, "cpl": true, "pvt": true, "brig": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"mon": true, "tue": true, "tues": true, "wed": true, "thu": true, "thur": true,
	"thurs": true, "fri": true, "sat": true, "vs": true, "v": true, "approx": true,
	"dept": true, "est": true, "fig": true, "gov't": true, "e.g": true, "i.e": true,
	"cf": true, "al": true, "no": false, // "No." is handled by the digit rule
}

// endings are abbreviations that may end a sentence (Apple Inc. The ...):
// they keep their full stop, and end the sentence only before a word that
// usually starts one.
var endings = map[string]bool{
	"inc": true, "corp": true, "ltd": true, "co": true, "bros": true, "etc": true,
	"jr": true, "sr": true, "plc": true, "llc": true, "p.m": true, "a.m": true,
}

// tokenize appends the tokens of src[start:end] to toks.
func tokenize(src []byte, start, end int, toks []Token) []Token {
	i := start
	for i < end {
		r, w := utf8.DecodeRune(src[i:end])
		switch {
		case unicode.IsSpace(r):
			i += w
		case isLetter(r):
			j := scanWord(src, i, end)
			toks = appendWord(src, i, j, end, toks)
			i = j
		case r >= '0' && r <= '9':
			j := scanNumber(src, i, end)
			toks = append(toks, Token{i, j, Number})
			i = j
		case isPunct(r):
			toks = append(toks, Token{i, i + w, Punct})
			i += w
		default:
			toks = append(toks, Token{i, i + w, Symbol})
			i += w
		}
	}
	return toks
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return unicode.IsLetter(r) || unicode.IsMark(r)
}

func isPunct(r rune) bool {
	switch r {
	case '.', ',', ';', ':', '!', '?', '"', '\'', '(', ')', '[', ']', '{', '}', '-',
		'–', '—', '…', '“', '”', '‘', '’', '`', '«', '»', '„':
		return true
	}
	return false
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

// scanWord returns the end of the word starting at i: letters and digits,
// with inner apostrophes, hyphens and (for abbreviations) full stops.
func scanWord(src []byte, i, end int) int {
	j := i
	for j < end {
		var r rune
		var w int
		if c := src[j]; c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
				j++
				continue
			}
			r, w = rune(c), 1
		} else {
			r, w = utf8.DecodeRune(src[j:end])
			if isLetter(r) || unicode.IsDigit(r) {
				j += w
				continue
			}
		}
		if (isApostrophe(r) || r == '-' || r == '&') && j+w < end {
			r2, _ := utf8.DecodeRune(src[j+w : end])
			if isLetter(r2) || (r == '-' && unicode.IsDigit(r2)) {
				j += w
				continue
			}
		}
		if r == '.' {
			if k := abbrevEnd(src, i, j, end); k > j {
				return k
			}
		}
		break
	}
	return j
}

// abbrevEnd decides whether the full stop at j belongs to the word
// src[i:j]. It returns the new end of the word, or j when it does not.
// Initials and dotted acronyms (F., U.S., e.g.) and known abbreviations keep
// their stop.
func abbrevEnd(src []byte, i, j, end int) int {
	word := src[i:j]
	// Dotted acronym: single letters separated by stops, U.S. / U.N. / e.g.
	if utf8.RuneCount(word) == 1 || isDotted(word) {
		k := j + 1
		if k < end {
			r, w := utf8.DecodeRune(src[k:end])
			if isLetter(r) && k+w < end && src[k+w] == '.' {
				return abbrevEnd(src, i, k+w, end) // U.S. : continue after S
			}
			if isLetter(r) && k+w == end {
				return j
			}
		}
		return k
	}
	low := lower(word)
	if titles[low] || endings[low] {
		return j + 1
	}
	if low == "no" || low == "nos" || low == "vol" || low == "art" || low == "p" || low == "pp" {
		// "No. 5": only before a number.
		k := j + 1
		for k < end && src[k] == ' ' {
			k++
		}
		if k > j+1 && k < end && src[k] >= '0' && src[k] <= '9' {
			return j + 1
		}
	}
	return j
}

// isDotted reports whether w looks like "U.S" (letters separated by dots).
func isDotted(w []byte) bool {
	if len(w) < 3 {
		return false
	}
	dots := 0
	prevDot := true
	for _, c := range w {
		if c == '.' {
			if prevDot {
				return false
			}
			dots++
			prevDot = true
			continue
		}
		if !prevDot && c < utf8.RuneSelf {
			return false // two ASCII letters in a row: not an acronym
		}
		prevDot = false
	}
	return dots > 0
}

func lower(b []byte) string {
	buf := make([]byte, len(b))
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return string(buf)
}

// appendWord appends the word src[i:j], splitting off a possessive 's and a
// negation n't as their own tokens.
func appendWord(src []byte, i, j, end int, toks []Token) []Token {
	w := src[i:j]
	n := len(w)
	// possessive: ...'s / ...’s at the word end
	if n >= 3 && (w[n-1] == 's' || w[n-1] == 'S') {
		if w[n-2] == '\'' {
			return append(toks, Token{i, j - 2, Word}, Token{j - 2, j, Word})
		}
		if n >= 5 && string(w[n-4:n-1]) == "’" {
			return append(toks, Token{i, j - 4, Word}, Token{j - 4, j, Word})
		}
	}
	// negation: ...n't
	if n >= 4 && (w[n-1] == 't' || w[n-1] == 'T') && w[n-2] == '\'' && (w[n-3] == 'n' || w[n-3] == 'N') {
		return append(toks, Token{i, j - 3, Word}, Token{j - 3, j, Word})
	}
	return append(toks, Token{i, j, Word})
}

// scanNumber returns the end of the number starting at i: digits with inner
// , . : / - between digits, then letters (1990s, 24th, 5pm).
func scanNumber(src []byte, i, end int) int {
	j := i
	for j < end {
		c := src[j]
		if c >= '0' && c <= '9' {
			j++
			continue
		}
		if (c == ',' || c == '.' || c == ':' || c == '/' || c == '-') && j+1 < end && src[j+1] >= '0' && src[j+1] <= '9' {
			j++
			continue
		}
		break
	}
	for j < end {
		r, w := utf8.DecodeRune(src[j:end])
		if !isLetter(r) {
			break
		}
		j += w
	}
	return j
}
