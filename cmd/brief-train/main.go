// Command brief-train builds brief's embedded entity model,
// internal/entity/model.gz, from the CoNLL-2003 English training
// annotations (eng.train) and nothing else. The run is deterministic: the
// same input and flags give the same bytes.
//
//	go run ./cmd/brief-train [-epochs 10] [-folds 5] [-o internal/entity/model.gz] [eng.train]
//
// The default input is ../shared/eval/entities/conll2003/eng.train,
// relative to the repository root.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"time"

	"brief/internal/entity/ner"
)

func main() {
	epochs := flag.Int("epochs", 10, "training passes per stage")
	folds := flag.Int("folds", 5, "jackknife folds for the document-level stage")
	prune := flag.Float64("prune", 0.02, "drop features whose largest averaged weight is below this")
	out := flag.String("o", "internal/entity/model.gz", "output model file")
	flag.Parse()
	in := "../shared/eval/entities/conll2003/eng.train"
	if flag.NArg() > 0 {
		in = flag.Arg(0)
	}
	if err := run(in, *out, ner.TrainOptions{Epochs: *epochs, Folds: *folds, Prune: *prune, Log: os.Stderr}); err != nil {
		fmt.Fprintln(os.Stderr, "brief-train:", err)
		os.Exit(1)
	}
}

func run(in, out string, opt ner.TrainOptions) error {
	start := time.Now()
	f, err := os.Open(in)
	if err != nil {
		return err
	}
	docs, err := ner.ReadCoNLL(f)
	f.Close()
	if err != nil {
		return fmt.Errorf("%s: %w", in, err)
	}
	m := ner.Train(docs, opt)
	var buf bytes.Buffer
	if err := m.Write(&buf); err != nil {
		return err
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "%s: %d documents, model %d bytes, %.1fs\n", out, len(docs), buf.Len(), time.Since(start).Seconds())
	return nil
}
