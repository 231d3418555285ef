// Package quote finds direct quotes in an article and who said them.
//
//	qs := quote.Find(doc, entity.Find(doc))
//
// A quote is text between double quotation marks (straight " or curly
// “ ”) inside one paragraph; a quote left open at the end of a paragraph
// continues only when the next paragraph opens a quote (the newspaper
// convention for quotes over several paragraphs); otherwise it is dropped.
//
// The speaker is found from a speech verb (said, says, added, told...)
// outside the quote marks: first after the closing mark in the same
// sentence ("...," Mr Kirby said / said Mr Kirby), then before the opening
// mark (Mr Kirby said: "..."). The name nearest the verb is the speaker,
// linked to its entity (Speaker is the entity's canonical name); a pronoun
// (he, she, they) is the previous quote's speaker, or else the last person
// named before the quote; a common noun phrase ("the two countries said")
// is kept as written. A quote with no speech verb near it belongs to the
// speaker of a quote in the sentence before, or to a person named with a
// speech verb there.
//
// Partial is set for a quoted fragment inside reported speech: a quote that
// starts in lower case, or follows a word other than a speech verb
// (were selected because "these facilities ...").
package quote

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"brief/internal/entity"
	"brief/internal/text"
)

// Quote is one direct quote.
type Quote struct {
	Speaker    string // canonical entity name when linked, else the surface speaker ("" if unknown)
	Start, End int    // byte offsets of the quoted text (inside the quote marks)
	Sentence   int    // index into doc.Sentences of the quote's first sentence
	Partial    bool   // a quoted fragment inside reported speech
}

// Find returns the quotes of doc in document order, with speakers linked
// to ents (as returned by entity.Find).
func Find(doc *text.Doc, ents []entity.Entity) []Quote {
	idx := newMentionIndex(ents)
	var out []Quote
	var spans []span
	for _, p := range doc.Paragraphs {
		spans = append(spans, pairMarks(doc, p)...)
	}
	lastSpeaker, lastSent := "", -10
	for _, s := range spans {
		q := Quote{Start: doc.Tokens[s.open].End, End: doc.Tokens[s.close].Start}
		q.Start, q.End = trim(doc.Src, q.Start, q.End)
		if q.Start >= q.End {
			continue
		}
		q.Sentence = doc.SentenceAt(doc.Tokens[s.open].Start)
		if q.Sentence < 0 {
			q.Sentence = doc.SentenceAt(q.Start)
		}
		if q.Sentence < 0 {
			continue
		}
		q.Partial = partial(doc, s.open, q)
		sp, found := speaker(doc, s, idx)
		if sp == pronoun {
			sp = lastSpeaker
			if sp == "" || lastSent < q.Sentence-3 {
				sp = idx.lastPerson(doc.Tokens[s.open].Start)
			}
		}
		if !found && lastSent >= q.Sentence-1 {
			sp, found = lastSpeaker, lastSpeaker != ""
		}
		if !found {
			sp = namedBefore(doc, q.Sentence, idx)
		}
		q.Speaker = sp
		if sp != "" {
			lastSpeaker = sp
			lastSent = doc.SentenceAt(doc.Tokens[s.close].Start)
			if lastSent < 0 {
				lastSent = q.Sentence
			}
		}
		out = append(out, q)
	}
	return out
}

// span is a pair of quote-mark tokens.
type span struct {
	open, close int  // token indexes of the marks
	cont        bool // open at the paragraph's end: close is the next paragraph's first token
}

func markKind(w string) (open, close bool) {
	switch w {
	case `"`:
		return true, true
	case "“", "„", "«":
		return true, false
	case "”", "»":
		return false, true
	}
	return false, false
}

// pairMarks pairs the quote marks of a paragraph. A quote still open at
// the end runs to the paragraph's end when the next paragraph opens a
// quote.
func pairMarks(doc *text.Doc, p text.Paragraph) []span {
	if p.First >= p.Last {
		return nil
	}
	first, last := doc.Sentences[p.First].First, doc.Sentences[p.Last-1].Last
	var out []span
	open := -1
	for i := first; i < last; i++ {
		t := doc.Tokens[i]
		if t.Kind != text.Punct {
			continue
		}
		o, c := markKind(doc.Text(t))
		switch {
		case open >= 0 && c:
			out = append(out, span{open, i, false})
			open = -1
		case open < 0 && o:
			open = i
		}
	}
	if open >= 0 && open < last-1 && continues(doc, p) {
		// an open quote running into the next paragraph
		out = append(out, span{open, last, true})
	}
	return out
}

// continues reports whether the paragraph after p starts with a quote mark.
func continues(doc *text.Doc, p text.Paragraph) bool {
	if p.Last >= len(doc.Sentences) {
		return false
	}
	t := doc.Tokens[doc.Sentences[p.Last].First:]
	if len(t) == 0 {
		return false
	}
	o, _ := markKind(doc.Text(t[0]))
	return o
}

func trim(src []byte, s, e int) (int, int) {
	for s < e {
		r, w := utf8.DecodeRune(src[s:e])
		if !unicode.IsSpace(r) {
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

func partial(doc *text.Doc, open int, q Quote) bool {
	r, _ := utf8.DecodeRune(doc.Src[q.Start:q.End])
	if unicode.IsLower(r) {
		return true
	}
	s := doc.Sentences[q.Sentence]
	if open <= s.First || open >= len(doc.Tokens) {
		return false
	}
	b := doc.Tokens[open-1]
	if b.Kind != text.Word {
		return false
	}
	return !speechVerbs[strings.ToLower(doc.Text(b))]
}

var speechVerbs = set(`said says say told tells added adds stated states explained explains
warned warns asked asks announced announces noted notes insisted insists claimed claims argued
argues wrote writes replied replies declared declares confirmed confirms continued continues
recalled recalls according`)

var pronouns = set(`he she they`)

func set(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// mentionIndex finds the entity named at a byte range.
type mentionIndex struct {
	ms []indexed
}

type indexed struct {
	start, end int
	name, kind string
}

func newMentionIndex(ents []entity.Entity) *mentionIndex {
	idx := &mentionIndex{}
	for _, e := range ents {
		for _, m := range e.Mentions {
			idx.ms = append(idx.ms, indexed{m.Start, m.End, e.Name, e.Kind})
		}
	}
	sort.Slice(idx.ms, func(i, j int) bool { return idx.ms[i].start < idx.ms[j].start })
	return idx
}

// in returns the mentions inside [start, end), in order.
func (x *mentionIndex) in(start, end int) []indexed {
	i := sort.Search(len(x.ms), func(i int) bool { return x.ms[i].start >= start })
	j := i
	for j < len(x.ms) && x.ms[j].end <= end {
		j++
	}
	return x.ms[i:j]
}
