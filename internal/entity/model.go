package entity

import (
	"bytes"
	_ "embed"
	"sync"

	"brief/internal/entity/ner"
)

// model.gz is built by `go run ./cmd/brief-train`; see MODEL.md.
//
//go:embed model.gz
var modelData []byte

var loadModel = sync.OnceValue(func() *ner.Model {
	m, err := ner.Read(bytes.NewReader(modelData))
	if err != nil {
		panic("entity: embedded model: " + err.Error()) // a build error, not an input error
	}
	return m
})

// Model returns the embedded tagger, loading it on first use.
func Model() *ner.Model { return loadModel() }
