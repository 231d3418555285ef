package summary

import (
	"strings"
	"unicode/utf8"

	"brief/internal/stem"
	"brief/internal/text"
)

// sentence is what the scorer knows of one sentence.
type sentence struct {
	terms    []int32 // content-word stems, sorted, unique
	words    int     // word and number tokens
	exclude  bool    // never chosen: no words, boilerplate, byline
	weak     bool    // chosen only when nothing better is left: caption, title, fragment
	caption  bool    // photo caption or label run into the text
	quote    bool    // opens with a quotation mark: a quote, not reporting
	dangling bool    // opens with a pronoun that points back
	connect  bool    // opens with a connective (But, And, However)
	question bool
}

// analyse computes the features of every sentence of doc. Stems are
// interned per call; the vocabulary maps each lower-cased word to its
// term id, or -1 for a stop word.
func analyse(doc *text.Doc) ([]sentence, int) {
	sents := make([]sentence, len(doc.Sentences))
	// sized for the distinct words of a news article, so that they rarely grow
	vocab := make(map[string]int32, min(len(doc.Tokens)/2, 1024))
	stems := make(map[string]int32, min(len(doc.Tokens)/4, 512))
	var buf []byte
	var terms []int32
	for i := range doc.Sentences {
		s := &sents[i]
		toks := doc.SentenceTokens(i)
		terms = terms[:0]
		firstWord := -1
		for k, t := range toks {
			if t.Kind != text.Word && t.Kind != text.Number {
				continue
			}
			s.words++
			if firstWord < 0 {
				firstWord = k
			}
			buf = text.AppendLower(buf[:0], doc.Src[t.Start:t.End])
			id, ok := vocab[string(buf)]
			if !ok {
				id = termID(string(buf), stems)
				vocab[string(buf)] = id
			}
			if id >= 0 {
				terms = append(terms, id)
			}
		}
		s.terms = sortUnique(append([]int32(nil), terms...))
		buf = setFlags(s, doc, i, toks, firstWord, buf)
	}
	return sents, len(stems)
}

// termID returns the id of the stem of lower-case word w, or -1 for a stop
// word or a one-letter word.
func termID(w string, stems map[string]int32) int32 {
	w = strings.ReplaceAll(w, "’", "'")
	if stopwords[w] || utf8.RuneCountInString(w) < 2 {
		return -1
	}
	st := stem.Stem(w)
	id, ok := stems[st]
	if !ok {
		id = int32(len(stems))
		stems[st] = id
	}
	return id
}

func sortUnique(a []int32) []int32 {
	// insertion sort: sentences hold tens of terms
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
	out := a[:0]
	for i, x := range a {
		if i == 0 || x != a[i-1] {
			out = append(out, x)
		}
	}
	return out
}

// setFlags sets the sentence's exclusion and style flags. buf is scratch
// space for the lower-cased sentence, returned for reuse.
func setFlags(s *sentence, doc *text.Doc, i int, toks []text.Token, firstWord int, buf []byte) []byte {
	if s.words == 0 {
		s.exclude = true
		return buf
	}
	sn := doc.Sentences[i]
	low := text.AppendLower(buf[:0], doc.Src[sn.Start:sn.End]) // as strings.ToLower
	found := flagSet.find(low)
	if found&1 != 0 { // boilerplate
		s.exclude = true
		return low
	}
	first := strings.ToLower(doc.Text(toks[firstWord]))
	if first == "by" && s.words <= 8 {
		s.exclude = true // byline: "By . Jane Smith ."
		return low
	}
	s.caption = found&2 != 0 // a caption cue
	if !s.caption && hasLabel(doc, toks) {
		s.caption = true
	}
	last := doc.Text(toks[len(toks)-1])
	s.question = strings.Contains(last, "?")
	if !endsWithStop(doc, toks) || s.words < 4 {
		s.weak = true // a caption, title or dateline line, or a fragment
	}
	open := doc.Text(toks[0])
	s.quote = firstWord > 0 && isQuoteMark(open)
	s.dangling = dangling[first]
	s.connect = connectives[first]
	return low
}

// endsWithStop reports whether the sentence ends with . ! ? or … possibly
// followed by closing quotes or brackets.
func endsWithStop(doc *text.Doc, toks []text.Token) bool {
	for k := len(toks) - 1; k >= 0; k-- {
		switch t := doc.Text(toks[k]); t {
		case ".", "!", "?", "…":
			return true
		case "\"", "'", "”", "’", ")", "]", "»":
			continue
		default:
			return false
		}
	}
	return false
}

// hasLabel reports a caption label at the start: one to three capitalised
// words then a colon, with no speech verb ("Wanted: Police in ...").
func hasLabel(doc *text.Doc, toks []text.Token) bool {
	for k := 0; k < len(toks) && k < 5; k++ {
		t := doc.Text(toks[k])
		if t == ":" {
			return k > 0 && k <= 3
		}
		if toks[k].Kind != text.Word || speechVerbs[strings.ToLower(t)] {
			return false
		}
	}
	return false
}

func isQuoteMark(s string) bool {
	switch s {
	case "\"", "'", "“", "‘", "`", "«", "„":
		return true
	}
	return false
}
