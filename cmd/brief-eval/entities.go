package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"brief/internal/entity"
	"brief/internal/entity/ner"
	"brief/internal/eval/nereval"
)

// runEntities scores the entity recogniser on CoNLL-2003 files (IOB, on
// the given tokens) and MEANTIME directories (gold_entities.jsonl with the
// Wikinews texts, on text.Doc tokens).
func runEntities(args []string) error {
	fs := flag.NewFlagSet("entities", flag.ContinueOnError)
	modelPath := fs.String("model", "", "model file to use instead of the embedded one")
	corpus := fs.String("corpus", "", "MEANTIME texts (default: ../../corpus/wikinews relative to the data directory)")
	keyN := fs.Int("key", 8, "number of key actors for key-actor recall (the briefing shows 8)")
	verbose := fs.Bool("v", false, "print MEANTIME errors")
	stageOne := fs.Bool("stage1", false, "CoNLL: tag without the document-level stage (ablation)")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: brief-eval entities [flags] CONLL-FILE|MEANTIME-DIR...")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return fmt.Errorf("no input")
	}
	m := entity.Model()
	if *modelPath != "" {
		f, err := os.Open(*modelPath)
		if err != nil {
			return err
		}
		m, err = ner.Read(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", *modelPath, err)
		}
	}
	conllModel := m
	if *stageOne {
		conllModel = m.StageOne()
	}
	for _, p := range fs.Args() {
		st, err := os.Stat(p)
		if err != nil {
			return err
		}
		if st.IsDir() {
			texts := *corpus
			if texts == "" {
				texts = filepath.Join(p, "..", "..", "..", "corpus", "wikinews")
			}
			if err := evalMeantime(p, texts, *keyN, *verbose, m); err != nil {
				return err
			}
			continue
		}
		if err := evalCoNLL(p, conllModel); err != nil {
			return err
		}
	}
	return nil
}

func evalCoNLL(path string, m *ner.Model) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	docs, err := ner.ReadCoNLL(f)
	f.Close()
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	var all, three nereval.Score
	for _, doc := range docs {
		words := make([][]string, len(doc))
		for i, s := range doc {
			words[i] = s.Words
		}
		pred := m.Tag(words)
		for i, s := range doc {
			g, p := conllSpans(s.Spans), conllSpans(pred[i])
			all.Add(g, p)
			three.Add(g, p, "PER", "ORG", "LOC")
		}
	}
	all.Write(os.Stdout, fmt.Sprintf("%s: %d documents, PER/ORG/LOC/MISC", path, len(docs)))
	three.Write(os.Stdout, fmt.Sprintf("%s: PER/ORG/LOC", path))
	return nil
}

func conllSpans(spans []ner.Span) []nereval.Span {
	out := make([]nereval.Span, len(spans))
	for i, s := range spans {
		out[i] = nereval.Span{Start: s.Start, End: s.End, Type: ner.Types[s.Type]}
	}
	return out
}
