package briefing

import (
	"strings"

	"brief/internal/analyze"
	"brief/internal/article"
)

// New builds the briefing of article a from its analysis; generator names
// the program writing it ("brief 0.1.0"). Body is filled by WriteBody.
func New(a *article.Article, an *analyze.Analysis, slug, source, generator string) *Briefing {
	b := &Briefing{
		Title:      a.Title,
		Date:       an.Date,
		Slug:       slug,
		Source:     source,
		SourceHash: a.Hash,
		URL:        a.URL,
		Credit:     a.Source,
		License:    a.License,
		Tags:       a.Tags,
		Draft:      a.Draft,
		Generator:  generator,
	}
	doc := an.Doc
	for _, i := range an.Summary {
		b.Summary = append(b.Summary, Sentence{Text: flat(doc.SentenceText(i)), Sentence: i})
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

// flat joins the lines of hard-wrapped text.
func flat(s string) string {
	if !strings.ContainsAny(s, "\n\r\t") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}
