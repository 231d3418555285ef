package watch

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// BenchmarkSaveToBatch measures one saved file, from the write to the
// batch naming it, on a tree of 10,000 articles in 100 folders; the
// default 50ms debounce is most of it. It also reports how long New takes
// to watch and hash the tree.
func BenchmarkSaveToBatch(b *testing.B) {
	root := b.TempDir()
	body := strings.Repeat("An article of about seven hundred words. ", 100)
	for i := range 10000 {
		p := filepath.Join(root, fmt.Sprintf("d%02d", i%100), fmt.Sprintf("a%05d.txt", i))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(body), 0o644)
	}
	start := time.Now()
	w, err := New(context.Background(), Options{Roots: []string{root}, Log: os.Stderr})
	if err != nil {
		b.Fatal(err)
	}
	defer w.Close()
	setup := time.Since(start)
	target := filepath.Join(root, "d07", "a00007.txt")
	for i := 0; b.Loop(); i++ {
		os.WriteFile(target, []byte(fmt.Sprint(body, i)), 0o644)
		select {
		case bt := <-w.Batches():
			if len(bt.Paths) != 1 || bt.Paths[0] != target {
				b.Fatalf("batch %+v", bt)
			}
		case <-time.After(10 * time.Second):
			b.Fatal("no batch")
		}
	}
	b.ReportMetric(float64(setup.Milliseconds()), "ms-New")
}
