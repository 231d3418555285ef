package article

import (
	"os"
	"path/filepath"
	"testing"
)

// seedFile is the seed article of the shared corpus.
var seedFile = filepath.Join("..", "..", "..", "shared", "corpus", "seed", "2021-06-28-us-strikes-iran-backed-militias.txt")

// BenchmarkParse reads the seed article (about 650 words).
func BenchmarkParse(b *testing.B) {
	src, err := os.ReadFile(seedFile)
	if err != nil {
		b.Skip("no shared corpus:", err)
	}
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := Parse("content/articles/"+filepath.Base(seedFile), src); err != nil {
			b.Fatal(err)
		}
	}
}
