// Package testcorpus gives tests the real articles of ../shared/corpus (the
// shared folder beside the repository), skipping the test when it is absent.
// It is for tests only; nothing in brief's binary imports it.
package testcorpus

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"brief/internal/text"
)

// Root is the shared corpus folder, found from this file's place in the
// repository (so it works from any package's test).
func Root() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "..", "shared", "corpus")
}

// SeedPath is the seed article.
func SeedPath() string {
	return filepath.Join(Root(), "seed", "2021-06-28-us-strikes-iran-backed-militias.txt")
}

// Seed reads the seed article and segments its body, which starts on the
// `date 2021-06-28` header line. It returns the doc and the article date.
func Seed(t testing.TB) (*text.Doc, time.Time) {
	t.Helper()
	src, err := os.ReadFile(SeedPath())
	if err != nil {
		t.Skipf("shared corpus not present: %v", err)
	}
	const header = "date 2021-06-28 "
	i := bytes.Index(src, []byte(header))
	if i < 0 {
		t.Fatalf("%s: no %q header", SeedPath(), header)
	}
	return text.Parse(src, i+len(header), len(src)), time.Date(2021, 6, 28, 0, 0, 0, 0, time.UTC)
}
