package analyze

import (
	"os"
	"path/filepath"
	"testing"

	"brief/internal/article"
)

var corpus = filepath.Join("..", "..", "..", "shared", "corpus")

func load(b *testing.B, rel string) *article.Article {
	src, err := os.ReadFile(filepath.Join(corpus, rel))
	if err != nil {
		b.Skip("no shared corpus:", err)
	}
	a, err := article.Parse("content/articles/"+filepath.Base(rel), src)
	if err != nil {
		b.Fatal(err)
	}
	return a
}

// BenchmarkRunSeed analyses the seed article (about 650 words): every
// analyser, as `brief build` runs them. DESIGN.md §8 aims at about 1 ms
// for 700 words on one core.
func BenchmarkRunSeed(b *testing.B) {
	a := load(b, "seed/2021-06-28-us-strikes-iran-backed-militias.txt")
	b.SetBytes(int64(len(a.Src)))
	for b.Loop() {
		Run(a, Options{})
	}
}

// BenchmarkRunWikinews analyses a Wikinews article of about 500 words.
func BenchmarkRunWikinews(b *testing.B) {
	a := load(b, "wikinews/100911.txt")
	b.SetBytes(int64(len(a.Src)))
	for b.Loop() {
		Run(a, Options{})
	}
}

// BenchmarkRunCorpus analyses every Wikinews article of the shared corpus
// (121 articles, about 60,000 words) per op: work that depends on the
// article mix, such as the words of one article recurring in the next,
// shows here and not in RunWikinews.
func BenchmarkRunCorpus(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join(corpus, "wikinews", "*.txt"))
	if len(files) == 0 {
		b.Skip("no shared corpus")
	}
	var arts []*article.Article
	size := 0
	for _, f := range files {
		a := load(b, filepath.Join("wikinews", filepath.Base(f)))
		arts = append(arts, a)
		size += len(a.Src)
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, a := range arts {
			Run(a, Options{})
		}
	}
}
