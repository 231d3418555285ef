package entity

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"brief/internal/entity/ner"
	"brief/internal/text"
)

// BenchmarkFind reports sentences per second for Find on the seed article
// (the model is loaded before timing; see BenchmarkLoad).
func BenchmarkFind(b *testing.B) {
	doc := readArticle(b, seed)
	Model()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Find(doc)
	}
	b.ReportMetric(float64(b.N*len(doc.Sentences))/b.Elapsed().Seconds(), "sentences/s")
}

// BenchmarkParseAndFind includes text segmentation.
func BenchmarkParseAndFind(b *testing.B) {
	doc := readArticle(b, seed)
	src := doc.Src
	Model()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Find(text.Parse(src, 0, len(src)))
	}
	b.ReportMetric(float64(b.N*len(doc.Sentences))/b.Elapsed().Seconds(), "sentences/s")
}

// BenchmarkLoad measures decoding the embedded model.
func BenchmarkLoad(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := ner.Read(bytes.NewReader(modelData)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTag measures the tagger alone on the seed article's words.
func BenchmarkTag(b *testing.B) {
	doc := readArticle(b, seed)
	words := make([][]string, len(doc.Sentences))
	for i := range doc.Sentences {
		words[i] = tokenWords(&tdoc{Doc: doc, src: string(doc.Src)}, doc.SentenceTokens(i))
	}
	m := Model()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.Tag(words)
	}
	b.ReportMetric(float64(b.N*len(doc.Sentences))/b.Elapsed().Seconds(), "sentences/s")
}

// BenchmarkManyNames runs Find on a document of 20,000 distinct names
// (merging must stay linear: it once took 13 s).
func BenchmarkManyNames(b *testing.B) {
	var sb strings.Builder
	for i := 0; i < 20000; i++ {
		fmt.Fprintf(&sb, "%c%c%c%cson met ", 'A'+i%26, 'a'+i/26%26, 'a'+i/676%26, 'a'+i/17576%26)
	}
	src := []byte(sb.String())
	doc := text.Parse(src, 0, len(src))
	Model()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Find(doc)
	}
}
