// Package analyze runs brief's analysers over an article and returns one
// Analysis, the contract of `brief analyze --json` (DESIGN.md §4).
//
// All offsets are byte offsets into the article file as it is on disk,
// End exclusive. Field names are part of the interface. Slices are never
// nil, so the JSON always has every field (an analyser that found nothing
// gives []).
//
// The analysers, one package each: text (sentences), timex and timeline
// (time expressions and dated events), entity (people, organisations,
// places, with the key actors), quote (direct quotes with speakers), figure
// (key numbers) and summary (the bottom line, told by the timeline which
// sentences hold dated events).
package analyze

import (
	"brief/internal/article"
	"brief/internal/entity"
	"brief/internal/figure"
	"brief/internal/quote"
	"brief/internal/summary"
	"brief/internal/text"
	"brief/internal/timeline"
	"brief/internal/timex"
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

	Doc        *text.Doc        `json:"-"` // the segmented body, for the briefing's source text
	Key        []entity.Entity  `json:"-"` // the key actors
	Events     []timeline.Event `json:"-"` // the timeline with granularity
	QuoteList  []quote.Quote    `json:"-"`
	FigureList []figure.Figure  `json:"-"`
}

// Warm loads what the analysers load on first use, the entity tagger
// (70-90 ms), so that a first analysis later does not wait for it: brief
// serve warms them once its first build is done, when that build took
// every analysis from the cache and the first edit would pay.
func Warm() { entity.Model() }

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

	tx := timex.Find(doc, a.Date)
	for _, t := range tx {
		an.Timexes = append(an.Timexes, Timex{t.Start, t.End, t.Text, t.Type, t.Value})
	}
	an.Events = timeline.Build(doc, tx, a.Date)
	for _, e := range an.Events {
		an.Timeline = append(an.Timeline, Event{e.Value, e.Sentence, e.Text})
	}

	ents := entity.Find(doc)
	for _, e := range ents {
		out := Entity{Name: e.Name, Kind: e.Kind, Role: e.Role, Aliases: e.Aliases, Salience: e.Salience, Mentions: []Span{}}
		if out.Aliases == nil {
			out.Aliases = []string{}
		}
		for _, m := range e.Mentions {
			out.Mentions = append(out.Mentions, Span{m.Start, m.End})
		}
		an.Entities = append(an.Entities, out)
	}
	an.Key = entity.Key(ents, KeyActors)

	an.QuoteList = quote.Find(doc, ents)
	for _, q := range an.QuoteList {
		an.Quotes = append(an.Quotes, Quote{q.Speaker, q.Start, q.End})
	}

	an.FigureList = figure.Find(doc)
	for _, f := range an.FigureList {
		an.Figures = append(an.Figures, Figure{f.Start, f.End, f.Text})
	}

	an.Summary = summary.Select(doc, summary.Options{N: n}, signals(doc, an.Events))
	if an.Summary == nil {
		an.Summary = []int{}
	}
	return an
}

// KeyActors is how many actors a briefing lists as key.
const KeyActors = 8

// signals tells the summariser which sentences hold dated events. (Key
// actors are not passed: on the CNN/DailyMail dev set the actor bonus made
// the summary worse, see summary's weights.)
func signals(doc *text.Doc, events []timeline.Event) summary.Signals {
	sig := summary.Signals{Dated: make([]bool, len(doc.Sentences))}
	for _, e := range events {
		sig.Dated[e.Sentence] = true
	}
	return sig
}
