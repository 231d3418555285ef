package entity

import (
	"testing"
	"brief/internal/entity/ner"
)

func TestTmpParts(t *testing.T) {
	doc := readArticle(t, seed)
	words := make([][]string, len(doc.Sentences))
	for i := range doc.Sentences {
		words[i] = tokenWords(doc, doc.SentenceTokens(i))
	}
	d, n := ner.TmpParts(Model(), words, 2000)
	t.Log("prepare, gaz, feats, emissions, viterbi:", d, "features", n)
}
