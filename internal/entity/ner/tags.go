package ner

// Types are the entity types, in tag order.
var Types = [...]string{"PER", "ORG", "LOC", "MISC"}

// NumTags is the number of BILOU tags: O, then B, I, L, U for each type.
const NumTags = 1 + 4*len(Types)

const (
	posB = iota
	posI
	posL
	posU
)

func tagOf(typ, pos int) int { return 1 + 4*typ + pos }

// tagType returns the type index of tag t, or -1 for O.
func tagType(t int) int {
	if t == 0 {
		return -1
	}
	return (t - 1) / 4
}

func tagPos(t int) int { return (t - 1) % 4 }

// TypeIndex returns the index of a type name in Types, or -1.
func TypeIndex(s string) int {
	for i, t := range Types {
		if t == s {
			return i
		}
	}
	return -1
}

// Span is a run of words [Start, End) of one type (an index into Types).
type Span struct {
	Start, End int
	Type       int
}

// encode turns spans over n words into BILOU tags.
func encode(n int, spans []Span) []uint8 {
	tags := make([]uint8, n)
	for _, s := range spans {
		if s.End-s.Start == 1 {
			tags[s.Start] = uint8(tagOf(s.Type, posU))
			continue
		}
		tags[s.Start] = uint8(tagOf(s.Type, posB))
		for i := s.Start + 1; i < s.End-1; i++ {
			tags[i] = uint8(tagOf(s.Type, posI))
		}
		tags[s.End-1] = uint8(tagOf(s.Type, posL))
	}
	return tags
}

// decode turns BILOU tags into spans. Ill-formed sequences (which Viterbi
// never produces) are repaired leniently.
func decode(tags []uint8) []Span {
	var spans []Span
	start, typ := -1, -1
	for i, t := range tags {
		tt := tagType(int(t))
		if tt < 0 {
			if start >= 0 {
				spans = append(spans, Span{start, i, typ})
				start = -1
			}
			continue
		}
		p := tagPos(int(t))
		if start >= 0 && (tt != typ || p == posB || p == posU) {
			spans = append(spans, Span{start, i, typ})
			start = -1
		}
		if start < 0 {
			start, typ = i, tt
		}
		if p == posL || p == posU {
			spans = append(spans, Span{start, i + 1, typ})
			start = -1
		}
	}
	if start >= 0 {
		spans = append(spans, Span{start, len(tags), typ})
	}
	return spans
}

// allowed[a][b] reports whether tag b may follow tag a; row NumTags is the
// sentence start.
var allowed = func() (m [NumTags + 1][NumTags]bool) {
	for a := 0; a <= NumTags; a++ {
		for b := 0; b < NumTags; b++ {
			open := a < NumTags && a != 0 && (tagPos(a) == posB || tagPos(a) == posI)
			if open {
				m[a][b] = b != 0 && tagType(b) == tagType(a) && (tagPos(b) == posI || tagPos(b) == posL)
			} else {
				m[a][b] = b == 0 || tagPos(b) == posB || tagPos(b) == posU
			}
		}
	}
	return m
}()

// canEnd reports whether a sentence may end with tag t.
func canEnd(t int) bool { return t == 0 || tagPos(t) == posL || tagPos(t) == posU }
