// Package text splits an article body into paragraphs, sentences and
// tokens, each carrying byte offsets into the source as it is on disk.
//
// The splitter is built for scraped news, not for clean prose:
//
//   - Paragraphs are separated by blank lines. When a document is written
//     one sentence (or one caption) per line with no blank lines, as the
//     Wikinews corpus is, every line is its own paragraph; when lines are
//     hard-wrapped prose, a single newline is a space.
//   - A line that ends without a full stop (a caption, a dateline, a title)
//     is a sentence of its own; it never swallows the next paragraph.
//   - Sentences end at '.', '!', '?' (and '…') followed by optional closing
//     quotes or brackets, then space and a plausible sentence start. Known
//     abbreviations (Mr, Mrs, Dr, Gen., Jan., U.S., Inc., No. 5), initials
//     (John F. Kennedy) and decimal numbers do not end a sentence; a stray
//     space before the stop (`said .`) does not stop it ending.
//   - Tokens are words (with inner apostrophes, hyphens and periods, as in
//     `Iran-backed`, `U.S.`, `O'Neill`), numbers (`2,500`, `3.5`, `1990s`),
//     and single punctuation or symbol characters. A possessive `'s` and a
//     negation `n't` are tokens of their own, as in CoNLL and Penn tokenisation.
//
// Offsets are byte offsets into Doc.Src; End is exclusive. Nothing is
// copied out of Src: callers slice it.
package text

// Kind classifies a token.
type Kind uint8

const (
	Word   Kind = iota // letters, possibly with inner ' - . and digits
	Number             // starts with a digit: 2,500  3.5  1990s  24th
	Punct              // one punctuation character: . , ; : ! ? " ' ( ) [ ] - – —
	Symbol             // any other single character: $ % £ € & / +
)

// Token is one token of a sentence.
type Token struct {
	Start, End int // byte offsets into Doc.Src
	Kind       Kind
}

// Sentence is one sentence. Start and End are trimmed of surrounding space.
type Sentence struct {
	Start, End  int // byte offsets into Doc.Src
	Para        int // index into Doc.Paragraphs
	First, Last int // the sentence's tokens are Doc.Tokens[First:Last]
}

// Paragraph is a block of text; its sentences are Doc.Sentences[First:Last].
type Paragraph struct {
	Start, End  int
	First, Last int
}

// Doc is a segmented text.
type Doc struct {
	Src        []byte
	Paragraphs []Paragraph
	Sentences  []Sentence
	Tokens     []Token
}

// Text returns the bytes of the token as a string.
func (d *Doc) Text(t Token) string { return string(d.Src[t.Start:t.End]) }

// SentenceText returns the text of sentence i.
func (d *Doc) SentenceText(i int) string {
	s := d.Sentences[i]
	return string(d.Src[s.Start:s.End])
}

// SentenceTokens returns the tokens of sentence i.
func (d *Doc) SentenceTokens(i int) []Token {
	s := d.Sentences[i]
	return d.Tokens[s.First:s.Last]
}

// SentenceAt returns the index of the sentence containing byte offset off,
// or -1 when off lies between sentences.
func (d *Doc) SentenceAt(off int) int {
	lo, hi := 0, len(d.Sentences)
	for lo < hi {
		m := (lo + hi) / 2
		switch s := d.Sentences[m]; {
		case off < s.Start:
			hi = m
		case off >= s.End:
			lo = m + 1
		default:
			return m
		}
	}
	return -1
}
