package summary

import (
	"brief/internal/testcorpus"
	"slices"
	"strings"
	"testing"

	"brief/internal/text"
)

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

// seedDoc parses the seed article's body, which starts on the header line.
func seedDoc(t testing.TB) *text.Doc {
	doc, _ := testcorpus.Seed(t)
	return doc
}
