package summary

import (
	"bytes"
	"os"
	"slices"
	"strings"
	"testing"

	"brief/internal/text"
)

const seedPath = "../../../shared/corpus/seed/2021-06-28-us-strikes-iran-backed-militias.txt"

// seedDoc parses the seed article's body, which starts on the header line.
func seedDoc(t testing.TB) *text.Doc {
	src, err := os.ReadFile(seedPath)
	if err != nil {
		t.Skip(err)
	}
	const header = "date 2021-06-28 "
	i := bytes.Index(src, []byte(header))
	if i < 0 {
		t.Fatalf("%s: no %q header", seedPath, header)
	}
	return text.Parse(src, i+len(header), len(src))
}

func TestSeed(t *testing.T) {
	doc := seedDoc(t)
	got := Select(doc, Options{}, Signals{})
	var sum []string
	for _, i := range got {
		sum = append(sum, doc.SentenceText(i))
	}
	all := strings.Join(sum, "\n")
	t.Logf("summary %v:\n%s", got, all)
	if len(got) != 3 {
		t.Fatalf("got %d sentences, want 3", len(got))
	}
	if !slices.IsSorted(got) {
		t.Errorf("not in reading order: %v", got)
	}
	for _, c := range []struct {
		what string
		ok   bool
	}{
		{"no caption line", !strings.Contains(all, "US personnel Pentagon spokesman")},
		{"the strikes", strings.Contains(all, "air strikes")},
		{"who ordered them", strings.Contains(all, "Biden")},
		{"why", strings.Contains(all, "attacks")},
	} {
		if !c.ok {
			t.Errorf("summary lacks %s", c.what)
		}
	}
}
