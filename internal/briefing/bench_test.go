package briefing

import (
	"os"
	"path/filepath"
	"testing"

	"brief/internal/analyze"
	"brief/internal/article"
)

// seed returns the seed article and its analysis.
func seed(b *testing.B) (*article.Article, *analyze.Analysis) {
	file := filepath.Join("..", "..", "..", "shared", "corpus", "seed", "2021-06-28-us-strikes-iran-backed-militias.txt")
	src, err := os.ReadFile(file)
	if err != nil {
		b.Skip("no shared corpus:", err)
	}
	a, err := article.Parse("content/articles/"+filepath.Base(file), src)
	if err != nil {
		b.Fatal(err)
	}
	return a, analyze.Run(a, analyze.Options{})
}

// seedBriefing returns the briefing of the seed article and its file.
func seedBriefing(b *testing.B) (*Briefing, []byte) {
	a, an := seed(b)
	br := New(a, an, "us-strikes-iran-backed-militias", a.Path, "brief bench")
	data, err := Marshal(br)
	if err != nil {
		b.Fatal(err)
	}
	return br, data
}

// BenchmarkMarshal writes the seed article's briefing file.
func BenchmarkMarshal(b *testing.B) {
	br, data := seedBriefing(b)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Marshal(br); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParse reads the seed article's briefing file back.
func BenchmarkParse(b *testing.B) {
	_, data := seedBriefing(b)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Parse("content/briefings/us-strikes-iran-backed-militias.md", data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNew builds the briefing document from an analysis.
func BenchmarkNew(b *testing.B) {
	a, an := seed(b)
	for b.Loop() {
		New(a, an, "us-strikes-iran-backed-militias", a.Path, "brief bench")
	}
}

// BenchmarkEdited checks whether the seed article's briefing file was
// edited by hand (every briefing a build reads).
func BenchmarkEdited(b *testing.B) {
	_, data := seedBriefing(b)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if Edited(data) {
			b.Fatal("edited")
		}
	}
}
