package text

import (
	"bytes"
	"unicode"
	"unicode/utf8"
)

// Parse segments src[start:end] into paragraphs, sentences and tokens. All
// offsets in the result are into src. Parse never fails: any bytes, valid
// UTF-8 or not, give a Doc (possibly empty).
func Parse(src []byte, start, end int) *Doc {
	if start < 0 {
		start = 0
	}
	if end > len(src) {
		end = len(src)
	}
	d := &Doc{Src: src}
	if start >= end {
		return d
	}
	// room for the tokens of English prose (about one per five bytes), so
	// that the slice rarely grows
	d.Tokens = make([]Token, 0, (end-start)/4+8)
	for _, p := range paragraphs(src, start, end) {
		d.addParagraph(p.Start, p.End)
	}
	return d
}

type span struct{ Start, End int }

// paragraphs splits the region at blank lines and, unless the text is
// hard-wrapped prose, at every line break.
func paragraphs(src []byte, start, end int) []span {
	// lines, trimmed; blank lines are kept as empty spans to mark blocks.
	var lines []span
	for i := start; i < end; {
		j := bytes.IndexByte(src[i:end], '\n')
		if j < 0 {
			j = end
		} else {
			j += i
		}
		s, e := trim(src, i, j)
		lines = append(lines, span{s, e})
		i = j + 1
	}
	wrapped := isWrapped(src, lines)
	var out []span
	cur := span{-1, -1}
	flush := func() {
		if cur.Start >= 0 {
			out = append(out, cur)
		}
		cur = span{-1, -1}
	}
	for _, l := range lines {
		if l.Start == l.End {
			flush()
			continue
		}
		if !wrapped {
			flush()
		}
		if cur.Start < 0 {
			cur = l
		} else {
			cur.End = l.End
		}
	}
	flush()
	return out
}

// isWrapped reports whether line breaks inside blocks are soft wraps: more
// than a third of the lines followed by another non-blank line end without
// a sentence stop and continue in lower case (one-sentence-per-line text and
// titles over datelines continue in upper case).
func isWrapped(src []byte, lines []span) bool {
	breaks, open := 0, 0
	for i := 0; i+1 < len(lines); i++ {
		l, next := lines[i], lines[i+1]
		if l.Start == l.End || next.Start == next.End {
			continue
		}
		breaks++
		r, _ := utf8.DecodeRune(src[next.Start:next.End])
		if !endsSentence(src[l.Start:l.End]) && unicode.IsLower(r) {
			open++
		}
	}
	return breaks > 0 && open*3 > breaks
}

func endsSentence(line []byte) bool {
	for len(line) > 0 {
		r, w := utf8.DecodeLastRune(line)
		switch r {
		case '"', '\'', '”', '’', ')', ']', '»':
			line = line[:len(line)-w]
			continue
		case '.', '!', '?', '…', ':':
			return true
		}
		return false
	}
	return false
}

func trim(src []byte, s, e int) (int, int) {
	for s < e {
		r, w := utf8.DecodeRune(src[s:e])
		if !unicode.IsSpace(r) && r != '\uFEFF' {
			break
		}
		s += w
	}
	for e > s {
		r, w := utf8.DecodeLastRune(src[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= w
	}
	return s, e
}

// addParagraph tokenises one paragraph and splits it into sentences.
func (d *Doc) addParagraph(start, end int) {
	first := len(d.Tokens)
	d.Tokens = tokenize(d.Src, start, end, d.Tokens)
	if len(d.Tokens) == first {
		return
	}
	p := Paragraph{Start: start, End: end, First: len(d.Sentences)}
	para := len(d.Paragraphs)
	toks := d.Tokens
	sStart := first
	for i := first; i < len(toks); i++ {
		next := d.boundaryAfter(i)
		if next < 0 {
			continue
		}
		d.Sentences = append(d.Sentences, Sentence{
			Start: toks[sStart].Start, End: toks[next-1].End,
			Para: para, First: sStart, Last: next,
		})
		sStart = next
		i = next - 1
	}
	if sStart < len(toks) {
		d.Sentences = append(d.Sentences, Sentence{
			Start: toks[sStart].Start, End: toks[len(toks)-1].End,
			Para: para, First: sStart, Last: len(toks),
		})
	}
	p.Last = len(d.Sentences)
	d.Paragraphs = append(d.Paragraphs, p)
}

// boundaryAfter decides whether a sentence ends with token i (and the
// closing quotes and brackets after it). It returns the index of the first
// token of the next sentence, or -1.
func (d *Doc) boundaryAfter(i int) int {
	toks := d.Tokens
	t := toks[i]
	tok := d.Src[t.Start:t.End]
	maybe := false // an abbreviation that ends a sentence only before a starter word
	switch {
	case t.Kind == Punct && (tok[0] == '.' || tok[0] == '!' || tok[0] == '?' || string(tok) == "…"):
	case t.Kind == Word && tok[len(tok)-1] == '.':
		low := lower(tok[:len(tok)-1])
		if titles[low] || utf8.RuneCount(tok) == 2 {
			return -1
		}
		maybe = true
	default:
		return -1
	}
	j := i + 1
	// runs of stops (?!, ...) and closing quotes/brackets belong to this sentence
	for j < len(toks) && toks[j].Start == toks[j-1].End && isCloser(d.Src[toks[j].Start:toks[j].End]) {
		j++
	}
	if j >= len(toks) {
		return -1 // the paragraph end closes the sentence anyway
	}
	n := toks[j]
	if n.Start == toks[j-1].End {
		return -1 // no space: 3.5, U.S.-led, "word."word
	}
	r, _ := utf8.DecodeRune(d.Src[n.Start:n.End])
	if maybe {
		if n.Kind == Word && starters[string(d.Src[n.Start:n.End])] {
			return j
		}
		return -1
	}
	switch {
	case unicode.IsUpper(r), unicode.IsDigit(r):
		return j
	case n.Kind == Punct && isOpener(r):
		return j
	case unicode.IsLetter(r) && !unicode.IsLower(r) && !unicode.IsUpper(r):
		return j // scripts without case
	}
	return -1
}

func isCloser(tok []byte) bool {
	switch string(tok) {
	case ".", "!", "?", "…", "\"", "'", "”", "’", ")", "]", "»":
		return true
	}
	return false
}

func isOpener(r rune) bool {
	switch r {
	case '"', '\'', '“', '‘', '(', '[', '`', '«', '—', '–', '-':
		return true
	}
	return false
}

// starters are words that usually begin a sentence; after an abbreviation
// that may end one (Inc., U.S.), they decide that it does.
var starters = map[string]bool{
	"The": true, "A": true, "An": true, "He": true, "She": true, "It": true,
	"They": true, "We": true, "I": true, "But": true, "And": true, "In": true,
	"On": true, "At": true, "This": true, "That": true, "These": true,
	"Those": true, "There": true, "His": true, "Her": true, "Its": true,
	"Their": true, "Our": true, "Mr": true, "Mrs": true, "Ms": true, "Dr": true,
	"However": true, "Meanwhile": true, "After": true, "Before": true,
	"When": true, "While": true, "If": true, "As": true, "Since": true,
	"Some": true, "Many": true, "Most": true, "Officials": true, "You": true,
	"What": true, "Why": true, "How": true, "Who": true, "Last": true,
	"Earlier": true, "Later": true, "Also": true, "So": true, "Yet": true,
}
