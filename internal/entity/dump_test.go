package entity

import (
	"os"
	"testing"

	"brief/internal/text"
)

// TestDump prints the entities of the article in $ENTITY_DUMP (a debugging
// aid: go test -run Dump -v with ENTITY_DUMP=path).
func TestDump(t *testing.T) {
	path := os.Getenv("ENTITY_DUMP")
	if path == "" {
		t.Skip("set ENTITY_DUMP to an article path")
	}
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	start := 0
	if loc := dateHeader.FindIndex(src); loc != nil {
		start = loc[1]
	}
	doc := text.Parse(src, start, len(src))
	for _, e := range Find(doc) {
		var ms []string
		for _, m := range e.Mentions {
			ms = append(ms, string(src[m.Start:m.End]))
		}
		t.Logf("%-28s %-12s %-24q sal=%.2f mentions=%q", e.Name, e.Kind, e.Role, e.Salience, ms)
	}
}
