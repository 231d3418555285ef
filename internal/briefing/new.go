package briefing

import (
	"math"
	"strings"

	"brief/internal/timeline"

	"brief/internal/analyze"
	"brief/internal/article"
)

// New builds the briefing of article a from its analysis; generator names
// the program writing it ("brief 0.1.0"). Body is filled by WriteBody.
func New(a *article.Article, an *analyze.Analysis, slug, source, generator string) *Briefing {
	b := &Briefing{
		Title:      flat(a.Title),
		Date:       an.Date,
		Slug:       slug,
		Source:     source,
		SourceHash: a.Hash,
		URL:        a.URL,
		Credit:     flat(a.Source),
		License:    flat(a.License),
		Tags:       flatAll(a.Tags),
		Draft:      a.Draft,
		Generator:  generator,
	}
	doc := an.Doc
	for _, i := range an.Summary {
		b.Summary = append(b.Summary, Sentence{Text: flat(doc.SentenceText(i)), Sentence: i})
	}
	for _, k := range an.Key {
		first := -1
		if len(k.Mentions) > 0 {
			first = doc.SentenceAt(k.Mentions[0].Start)
		}
		b.Actors = append(b.Actors, Actor{Name: k.Name, Kind: k.Kind, Role: k.Role, Aliases: k.Aliases,
			Salience: round(k.Salience), Mentions: len(k.Mentions), Sentence: first})
	}
	for _, e := range an.Events {
		b.Timeline = append(b.Timeline, Event{Value: e.Value, Display: timeline.Display(e.Value), Text: flat(e.Text), Sentence: e.Sentence})
	}
	for _, q := range an.QuoteList {
		b.Quotes = append(b.Quotes, Quote{Speaker: q.Speaker, Text: flat(string(doc.Src[q.Start:q.End])), Sentence: q.Sentence})
	}
	for i, f := range an.FigureList {
		if i == MaxFigures {
			break
		}
		b.Figures = append(b.Figures, Figure{Text: flat(f.Text), Sentence: f.Sentence})
	}
	var source_ [][]SourceSentence
	for _, p := range doc.Paragraphs {
		var para []SourceSentence
		for i := p.First; i < p.Last; i++ {
			para = append(para, SourceSentence{Index: i, Text: flat(doc.SentenceText(i))})
		}
		source_ = append(source_, para)
	}
	b.Body = WriteBody(b, source_)
	return b
}

// MaxFigures is how many key figures a briefing lists.
const MaxFigures = 8

func round(x float64) float64 { return math.Round(x*1000) / 1000 }

// flat joins the lines of hard-wrapped text, turns TeX-style quotes
// (“like this”) into typographic ones, and drops bidirectional embedding,
// override and isolate controls, with which article text could reverse the
// page text after it (an unclosed U+202E), for display.
func flat(s string) string {
	if strings.Contains(s, "``") || strings.Contains(s, "''") {
		s = texQuotes.Replace(s)
	}
	if strings.ContainsFunc(s, isBidiControl) {
		s = strings.Map(func(r rune) rune {
			if isBidiControl(r) {
				return -1
			}
			return r
		}, s)
	}
	if !strings.ContainsAny(s, "\n\r\t") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

var texQuotes = strings.NewReplacer("``", "“", "''", "”")

func isBidiControl(r rune) bool { return r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069 }

func flatAll(ss []string) []string {
	var out []string
	for _, s := range ss {
		if s = strings.TrimSpace(flat(s)); s != "" {
			out = append(out, s)
		}
	}
	return out
}
