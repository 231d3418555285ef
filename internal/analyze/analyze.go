// Package analyze runs brief's analysers over an article and returns one
// Analysis, the contract of `brief analyze --json` (DESIGN.md §4).
//
// All offsets are byte offsets into the article file as it is on disk,
// End exclusive. Field names are part of the interface. Slices are never
// nil, so the JSON always has every field (an analyser that found nothing
// gives []).
//
// The analysers that exist today: sentence segmentation (package text) and
// a lead baseline summary: the first N sentences that can stand as
// statements (they end like a sentence and have at least six words, so
// captions, datelines and titles are skipped). Entities, time expressions,
// quotes and figures are filled in by their packages as they land.
package analyze

import (
	"unicode/utf8"

	"brief/internal/article"
	"brief/internal/text"
)

// Options tune the analysis. The zero value works.
type Options struct {
	SummarySentences int // sentences in the summary; 0 means 3
}

// Span is a byte range of the file.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Entity is a person, organisation or place with all its mentions.
type Entity struct {
	Name     string   `json:"name"`
	Kind     string   `json:"kind"`
	Role     string   `json:"role"`
	Aliases  []string `json:"aliases"`
	Salience float64  `json:"salience"`
	Mentions []Span   `json:"mentions"`
}

// Timex is a time expression with its TIMEX3 type and value.
type Timex struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Type  string `json:"type"`
	Value string `json:"value"`
}

// Event is a dated event of the timeline.
type Event struct {
	Value    string `json:"value"`
	Sentence int    `json:"sentence"`
	Text     string `json:"text"`
}

// Quote is a direct quote and its speaker.
type Quote struct {
	Speaker string `json:"speaker"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
}

// Figure is a key number phrase.
type Figure struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Analysis is everything brief found in one article.
type Analysis struct {
	File      string   `json:"file"`
	Date      string   `json:"date"`
	Title     string   `json:"title"`
	Sentences []Span   `json:"sentences"`
	Summary   []int    `json:"summary"`
	Entities  []Entity `json:"entities"`
	Timexes   []Timex  `json:"timexes"`
	Timeline  []Event  `json:"timeline"`
	Quotes    []Quote  `json:"quotes"`
	Figures   []Figure `json:"figures"`

	Doc *text.Doc `json:"-"` // the segmented body, for the briefing's source text
}

// Run analyses a.
func Run(a *article.Article, opt Options) *Analysis {
	n := opt.SummarySentences
	if n <= 0 {
		n = 3
	}
	doc := text.Parse(a.Src, a.Body, len(a.Src))
	an := &Analysis{
		File:      a.Path,
		Date:      a.Date.Format("2006-01-02"),
		Title:     a.Title,
		Sentences: make([]Span, len(doc.Sentences)),
		Summary:   lead(doc, n),
		Entities:  []Entity{},
		Timexes:   []Timex{},
		Timeline:  []Event{},
		Quotes:    []Quote{},
		Figures:   []Figure{},
		Doc:       doc,
	}
	for i, s := range doc.Sentences {
		an.Sentences[i] = Span{s.Start, s.End}
	}
	return an
}

// lead returns the first n sentences that can stand as statements.
func lead(doc *text.Doc, n int) []int {
	out := []int{}
	for i := range doc.Sentences {
		if len(out) == n {
			break
		}
		if standsAlone(doc, i) {
			out = append(out, i)
		}
	}
	return out
}

func standsAlone(doc *text.Doc, i int) bool {
	s := doc.Sentences[i]
	words := 0
	for _, t := range doc.Tokens[s.First:s.Last] {
		if t.Kind == text.Word {
			words++
		}
	}
	if words < 6 {
		return false
	}
	last, _ := utf8.DecodeLastRune(doc.Src[s.Start:s.End])
	switch last {
	case '.', '!', '?', '"', '”', '\'', '’':
		return true
	}
	return false
}
