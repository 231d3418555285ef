package figure

import (
	"bytes"
	"strconv"
	"strings"
	"unicode"

	"brief/internal/text"
)

// phrase walks the tokens of one sentence.
type phrase struct {
	doc  *text.Doc
	toks []text.Token
}

func (p phrase) word(k int) string {
	if k < 0 || k >= len(p.toks) {
		return ""
	}
	return strings.ToLower(p.doc.Text(p.toks[k]))
}

func (p phrase) kind(k int) text.Kind { return p.toks[k].Kind }

// adjacent reports whether tokens k-1 and k touch (no space between).
func (p phrase) adjacent(k int) bool {
	return k > 0 && k < len(p.toks) && p.toks[k-1].End == p.toks[k].Start
}

// parseFigure reads a figure whose number is token k. It returns the
// figure (without Sentence and Text), the index of the token after it,
// and whether there is one.
func parseFigure(doc *text.Doc, toks []text.Token, k int) (Figure, int, bool) {
	p := phrase{doc, toks}
	value, scaled, isWord, ok := p.number(k)
	if !ok {
		return Figure{}, 0, false
	}
	first, end := k, k+1
	unit := measureSuffix(p.doc.Text(toks[k])) // 70ft
	qualified := false
	// Currency symbol right before: $40, US$3.5m.
	if k > 0 && p.adjacent(k) {
		if c, ok := currencySymbols[p.word(k-1)]; ok {
			unit, first = c, k-1
			if first > 0 && p.adjacent(first) && p.kind(first-1) == text.Word && len(p.word(first-1)) <= 2 {
				first-- // US$, A$, C$
			}
		}
	}
	// Exclusions that look back.
	prev := p.word(first - 1)
	if furniture[prev] || isWord && determiners[prev] || months[prev] && value >= 1 && value <= 31 && !scaled {
		return Figure{}, 0, false
	}
	if months[p.word(end)] && value <= 31 {
		return Figure{}, 0, false // 28 June
	}
	if isYear(p.doc.Text(toks[k]), unit) && !months[prev] {
		if s := p.word(end); !(scales[s] > 0 || s == "%" || s == "percent" || isPlural(s)) {
			return Figure{}, 0, false
		}
	}
	if months[prev] {
		return Figure{}, 0, false
	}
	// Scale: 40 billion, three hundred.
	if s, ok := scales[p.word(end)]; ok && !scaled && p.kind(end) == text.Word && (len(p.word(end)) > 2 || p.adjacent(end)) {
		value *= s
		end++
	}
	// Clock time: 3 pm, 10 GMT.
	if clockWords[p.word(end)] {
		return Figure{}, 0, false
	}
	// Ages and compounds: 39-year-old, 5,000-strong crowd.
	if p.word(end) == "-" && p.adjacent(end) && end+1 < len(toks) && p.adjacent(end+1) {
		w := p.word(end + 1)
		if strings.HasPrefix(w, "year") || strings.HasPrefix(w, "month") || strings.HasPrefix(w, "week") || strings.HasPrefix(w, "day") || strings.HasPrefix(w, "hour") || strings.HasPrefix(w, "minute") || p.kind(end+1) == text.Number {
			return Figure{}, 0, false
		}
	}
	// Percent and currency words after.
	switch w := p.word(end); {
	case unit != "":
	case w == "%" || w == "percent" || w == "pc":
		unit, end = "percent", end+1
	case w == "per" && p.word(end+1) == "cent":
		unit, end = "percent", end+2
	case currencyWords[w] != "":
		unit, end = currencyWords[w], end+1
	}
	// Qualifiers before.
	if q := first - 2; q >= 0 && qualifiers2[[2]string{p.word(q), p.word(q + 1)}] {
		first, qualified = q, true
	} else if qualifiers1[p.word(first-1)] {
		first, qualified = first-1, true
	}
	if first >= 1 && p.word(first-1) == "a" && p.word(k) == "dozen" {
		first--
	}
	// A noun phrase after: what the number counts.
	if unit == "" {
		if u, e := p.unitPhrase(end, value); u != "" {
			unit, end = u, e
		}
	}
	if unit == "" && !qualified {
		return Figure{}, 0, false
	}
	if unit == "" && isWord || durations[unit] {
		return Figure{}, 0, false // "some two in ...", "two days" (a time expression)
	}
	return Figure{Start: toks[first].Start, End: toks[end-1].End, Value: value, Unit: unit}, end, true
}

// unitPhrase reads the noun phrase after a number starting at token k and
// returns its head noun and the index after it. "one child": child;
// "2,500 American troops": troops; "14 were rocket attacks": attacks.
func (p phrase) unitPhrase(k int, value float64) (string, int) {
	start := k
	if copulas[p.word(k)] && value != 1 {
		start = k + 1
		if u, e := p.nounPhrase(start, value); u != "" && isPlural(u) {
			return u, e
		}
		return "", 0
	}
	return p.nounPhrase(start, value)
}

func (p phrase) nounPhrase(k int, value float64) (string, int) {
	if k >= len(p.toks) {
		return "", 0
	}
	w := p.word(k)
	if measureUnits[w] {
		return w, k + 1
	}
	for j := k; j < len(p.toks) && j < k+4; j++ {
		w := p.word(j)
		switch {
		case w == "-" && p.adjacent(j) && j+1 < len(p.toks) && p.adjacent(j+1) && p.kind(j+1) == text.Word:
			continue // 5,000-strong
		case p.kind(j) != text.Word:
			return "", 0
		case stopwords[w] && !unitAdjectives[w]:
			return "", 0
		case numberWords[w] > 0 || months[w]:
			return "", 0
		}
		if value == 1 && !unitAdjectives[w] && !isAdjectiveLike(p.doc.Text(p.toks[j])) {
			return w, j + 1 // one child
		}
		if isPlural(w) && !unitAdjectives[w] {
			return w, j + 1
		}
	}
	return "", 0
}

// isPlural guesses a plural noun: ends in s (not ss, us, is) or is an
// irregular plural.
func isPlural(w string) bool {
	if irregularPlurals[w] {
		return true
	}
	if len(w) < 3 || !strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "us") || strings.HasSuffix(w, "is") || strings.HasSuffix(w, "'s") {
		return false
	}
	return !stopwords[w]
}

// isAdjectiveLike reports a capitalised word or a -ed/-ing/-al form that
// usually modifies the noun after it (American troops, wounded soldiers).
func isAdjectiveLike(w string) bool {
	if w == "" {
		return false
	}
	if unicode.IsUpper([]rune(w)[0]) {
		return true
	}
	for _, suf := range []string{"ed", "ing", "al", "ian", "ish", "ese", "-old", "-long"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// number parses token k as a cardinal number. scaled says the token
// carried its own scale (3.5m, 1.2bn); isWord that it is written in words.
func (p phrase) number(k int) (value float64, scaled, isWord, ok bool) {
	if p.kind(k) == text.Word {
		// the word lower-cased in room on the stack: most words are no numbers
		var buf [32]byte
		tok := p.toks[k]
		w := text.AppendLower(buf[:0], p.doc.Src[tok.Start:tok.End])
		if v, ok := numberWords[string(w)]; ok && v < 100 || string(w) == "hundreds" || string(w) == "thousands" || string(w) == "millions" || string(w) == "dozens" {
			if string(w) == "dozen" && p.word(k-1) != "a" {
				return 0, false, false, false
			}
			return v, false, true, true
		}
		if i := bytes.IndexByte(w, '-'); i > 0 { // twenty-five
			a, b := numberWords[string(w[:i])], numberWords[string(w[i+1:])]
			if a >= 20 && a < 100 && b > 0 && b < 10 {
				return a + b, false, true, true
			}
		}
		return 0, false, false, false
	}
	if p.kind(k) != text.Number {
		return 0, false, false, false
	}
	t := p.doc.Text(p.toks[k])
	digits := 0
	for digits < len(t) && (t[digits] >= '0' && t[digits] <= '9' || t[digits] == ',' || t[digits] == '.') {
		digits++
	}
	num, suffix := strings.TrimRight(t[:digits], ".,"), strings.ToLower(t[digits:])
	v, err := strconv.ParseFloat(strings.ReplaceAll(num, ",", ""), 64)
	if err != nil {
		return 0, false, false, false
	}
	switch {
	case suffix == "":
	case scales[suffix] > 0:
		return v * scales[suffix], true, false, true
	case measureUnits[suffix]:
		return v, false, false, true
	default:
		return 0, false, false, false // 24th, 1990s, 10:30, 3pm, 6-3
	}
	return v, false, false, true
}

// isYear reports a bare four-digit number between 1500 and 2100.
func isYear(tok, unit string) bool {
	if len(tok) != 4 || unit != "" {
		return false
	}
	n, err := strconv.Atoi(tok)
	return err == nil && n >= 1500 && n <= 2100
}

// measureSuffix returns the unit glued to a number token ("70ft": "ft").
func measureSuffix(tok string) string {
	i := strings.LastIndexAny(tok, "0123456789")
	if s := strings.ToLower(tok[i+1:]); measureUnits[s] {
		return s
	}
	return ""
}
