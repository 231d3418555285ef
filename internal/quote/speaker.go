package quote

import (
	"strings"

	"brief/internal/text"
)

// speaker finds the speaker of quote s from a speech verb after the
// closing mark, then before the opening mark, in the same sentence.
// pronoun stands for a speaker named by a pronoun, resolved by Find.
const pronoun = "\x00pronoun"

func speaker(doc *text.Doc, s span, idx *mentionIndex) (string, bool) {
	// after the close, to the end of its sentence, stopping at another quote
	if !s.cont && s.close < len(doc.Tokens) {
		if si := doc.SentenceAt(doc.Tokens[s.close].Start); si >= 0 {
			end := doc.Sentences[si].Last
			for i := s.close + 1; i < end; i++ {
				w := doc.Text(doc.Tokens[i])
				if o, _ := markKind(w); o {
					break
				}
				if speechVerbs[strings.ToLower(w)] {
					return nearVerb(doc, s.close+1, i, end, idx)
				}
			}
		}
	}
	// before the open, from the start of its sentence
	si := doc.SentenceAt(doc.Tokens[s.open].Start)
	if si < 0 {
		return "", false
	}
	start := doc.Sentences[si].First
	for i := s.open - 1; i >= start; i-- {
		w := doc.Text(doc.Tokens[i])
		if _, c := markKind(w); c {
			start = i + 1
			break
		}
	}
	for i := s.open - 1; i >= start; i-- {
		if speechVerbs[strings.ToLower(doc.Text(doc.Tokens[i]))] {
			return nearVerb(doc, start, i, s.open, idx)
		}
	}
	return "", false
}

// nearVerb picks the speaker around the speech verb at token v: the name
// or pronoun right before it (within [from, v)), else the name right after
// it (within (v, to)), else the words before it as written.
func nearVerb(doc *text.Doc, from, v, to int, idx *mentionIndex) (string, bool) {
	// the clause before the verb: back to the nearest comma or quote mark
	cs := v
	for cs > from {
		w := doc.Text(doc.Tokens[cs-1])
		if w == "," || w == ";" || w == ":" {
			break
		}
		if o, c := markKind(w); o || c {
			break
		}
		cs--
	}
	if cs < v {
		if ms := idx.in(doc.Tokens[cs].Start, doc.Tokens[v-1].End); len(ms) > 0 {
			return bestOf(ms, true), true
		}
		if w := strings.ToLower(doc.Text(doc.Tokens[v-1])); pronouns[w] && v-1 == cs {
			return pronoun, true
		}
	}
	// "said Mr Kirby"
	ce := v + 1
	for ce < to && ce < v+6 {
		w := doc.Text(doc.Tokens[ce])
		if w == "," || w == "." || w == ";" {
			break
		}
		ce++
	}
	if ce > v+1 {
		if ms := idx.in(doc.Tokens[v+1].Start, doc.Tokens[ce-1].End); len(ms) > 0 {
			return bestOf(ms, false), true
		}
		if w := strings.ToLower(doc.Text(doc.Tokens[v+1])); pronouns[w] {
			return pronoun, true
		}
	}
	if cs < v && v-cs <= 6 {
		// a common noun phrase: "the two countries said"
		return string(doc.Src[doc.Tokens[cs].Start:doc.Tokens[v-1].End]), true
	}
	return "", false
}

// bestOf prefers a person, then the mention nearest the verb.
func bestOf(ms []indexed, before bool) string {
	pick := func(m indexed) string { return m.name }
	order := func(i int) indexed {
		if before {
			return ms[len(ms)-1-i]
		}
		return ms[i]
	}
	for i := range ms {
		if order(i).kind == "person" {
			return pick(order(i))
		}
	}
	return pick(order(0))
}

// namedBefore returns a person named with a speech verb in the sentence
// before si, or "".
func namedBefore(doc *text.Doc, si int, idx *mentionIndex) string {
	if si <= 0 {
		return ""
	}
	s := doc.Sentences[si-1]
	for i := s.First; i < s.Last; i++ {
		if speechVerbs[strings.ToLower(doc.Text(doc.Tokens[i]))] {
			for _, m := range idx.in(s.Start, s.End) {
				if m.kind == "person" {
					return m.name
				}
			}
		}
	}
	return ""
}

// lastPerson returns the last person named before byte offset off, or "".
func (x *mentionIndex) lastPerson(off int) string {
	for i := len(x.ms) - 1; i >= 0; i-- {
		if m := x.ms[i]; m.end <= off && m.kind == "person" {
			return m.name
		}
	}
	return ""
}
