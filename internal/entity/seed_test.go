package entity

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"brief/internal/text"
)

var dateHeader = regexp.MustCompile(`^\s*date \d{4}-\d{2}-\d{2}\s*`)

// readArticle parses a corpus article, skipping its date header; it skips
// the test when the shared corpus is absent.
func readArticle(t testing.TB, name string) *text.Doc {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "corpus", name))
	if err != nil {
		t.Skipf("corpus absent: %v", err)
	}
	start := 0
	if loc := dateHeader.FindIndex(src); loc != nil {
		start = loc[1]
	}
	return text.Parse(src, start, len(src))
}

const seed = "seed/2021-06-28-us-strikes-iran-backed-militias.txt"

func TestSeedDump(t *testing.T) {
	doc := readArticle(t, seed)
	for _, e := range Find(doc) {
		t.Logf("%-28s %-12s %-24q sal=%.2f n=%d aliases=%q", e.Name, e.Kind, e.Role, e.Salience, len(e.Mentions), e.Aliases)
	}
	_ = bytes.MinRead
}
