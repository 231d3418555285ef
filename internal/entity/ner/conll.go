package ner

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Sentence is a sentence of words with its gold spans (for training and
// evaluation; empty when unknown).
type Sentence struct {
	Words []string
	Spans []Span
}

// Document is a list of sentences that share document-level features.
type Document []Sentence

// ReadCoNLL reads the CoNLL-2003 four-column IOB format (IOB1 or IOB2):
// one "word POS chunk tag" line per token, blank lines between sentences,
// "-DOCSTART-" lines between documents.
func ReadCoNLL(r io.Reader) ([]Document, error) {
	var docs []Document
	var doc Document
	var words, tags []string
	flush := func() {
		if len(words) > 0 {
			doc = append(doc, Sentence{Words: words, Spans: iobSpans(tags)})
			words, tags = nil, nil
		}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		f := strings.Fields(sc.Text())
		switch {
		case len(f) == 0:
			flush()
		case f[0] == "-DOCSTART-":
			flush()
			if len(doc) > 0 {
				docs = append(docs, doc)
			}
			doc = nil
		case len(f) < 2:
			return nil, fmt.Errorf("line %d: want word and tag, got %q", line, sc.Text())
		default:
			words = append(words, f[0])
			tags = append(tags, f[len(f)-1])
		}
	}
	flush()
	if len(doc) > 0 {
		docs = append(docs, doc)
	}
	return docs, sc.Err()
}

// iobSpans reads IOB1 or IOB2 tags into spans; unknown types are dropped.
func iobSpans(tags []string) []Span {
	var spans []Span
	start, typ := -1, ""
	for i := 0; i <= len(tags); i++ {
		pre, t := "O", ""
		if i < len(tags) && tags[i] != "O" && len(tags[i]) > 2 {
			pre, t = tags[i][:1], tags[i][2:]
		}
		if start >= 0 && (pre == "O" || pre == "B" || t != typ) {
			if k := TypeIndex(typ); k >= 0 {
				spans = append(spans, Span{start, i, k})
			}
			start = -1
		}
		if pre != "O" && start < 0 {
			start, typ = i, t
		}
	}
	return spans
}
