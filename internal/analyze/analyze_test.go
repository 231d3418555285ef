package analyze

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"brief/internal/article"
)

// checkOffsets verifies the JSON contract: every span lies in the file, on
// rune boundaries, and texts equal the bytes they point at.
func checkOffsets(t *testing.T, src []byte, an *Analysis) {
	t.Helper()
	span := func(what string, s, e int) {
		if s < 0 || e > len(src) || s >= e || !utf8.RuneStart(src[s]) || (e < len(src) && !utf8.RuneStart(src[e])) {
			t.Fatalf("%s span [%d,%d) is not a span of the %d-byte file", what, s, e, len(src))
		}
	}
	for _, s := range an.Sentences {
		span("sentence", s.Start, s.End)
	}
	for _, i := range an.Summary {
		if i < 0 || i >= len(an.Sentences) {
			t.Fatalf("summary index %d of %d sentences", i, len(an.Sentences))
		}
	}
	for _, e := range an.Entities {
		for _, m := range e.Mentions {
			span("mention of "+e.Name, m.Start, m.End)
		}
	}
	for _, x := range an.Timexes {
		span("timex", x.Start, x.End)
		if string(src[x.Start:x.End]) != x.Text {
			t.Fatalf("timex text %q at [%d,%d) is %q", x.Text, x.Start, x.End, src[x.Start:x.End])
		}
	}
	for _, e := range an.Timeline {
		if e.Sentence < 0 || e.Sentence >= len(an.Sentences) {
			t.Fatalf("timeline sentence %d", e.Sentence)
		}
	}
	for _, q := range an.Quotes {
		span("quote", q.Start, q.End)
	}
	for _, f := range an.Figures {
		span("figure", f.Start, f.End)
		if string(src[f.Start:f.End]) != f.Text {
			t.Fatalf("figure text %q is %q in the file", f.Text, src[f.Start:f.End])
		}
	}
	if _, err := json.Marshal(an); err != nil {
		t.Fatal(err)
	}
}

func TestSeed(t *testing.T) {
	src, err := os.ReadFile("../../../shared/corpus/seed/2021-06-28-us-strikes-iran-backed-militias.txt")
	if err != nil {
		t.Skip("shared corpus not present")
	}
	a, err := article.Parse("seed.txt", src)
	if err != nil {
		t.Fatal(err)
	}
	an := Run(a, Options{})
	checkOffsets(t, src, an)
	if len(an.Summary) != 3 {
		t.Errorf("summary %v", an.Summary)
	}
	for _, i := range an.Summary {
		if s := string(src[an.Sentences[i].Start:an.Sentences[i].End]); strings.HasPrefix(s, "President Biden has been clear") {
			t.Errorf("the caption line is in the summary")
		}
	}
	want := map[string]string{"Sunday": "2021-06-27", "Friday": "2021-06-25", "Thursday": "2021-06-24", "Saturday": "2021-06-26", "February": "2021-02", "April": "2021-04", "2015": "2015"}
	for _, x := range an.Timexes {
		if v, ok := want[x.Text]; ok && v != x.Value {
			t.Errorf("%s = %s, want %s", x.Text, x.Value, v)
		}
		delete(want, x.Text)
	}
	if len(want) > 0 {
		t.Errorf("not found: %v", want)
	}
	key := map[string]bool{}
	for _, e := range an.Key {
		key[e.Name] = true
	}
	for _, n := range []string{"John Kirby", "Joe Biden", "Iran", "Iraq", "Syria"} {
		if !key[n] {
			t.Errorf("%s is not a key actor: %v", n, an.Key)
		}
	}
	if len(an.Quotes) != 7 {
		t.Errorf("%d quotes, want 7", len(an.Quotes))
	}
	if len(an.Timeline) == 0 || an.Timeline[len(an.Timeline)-1].Value < "2021-06-27" {
		t.Errorf("timeline %v", an.Timeline)
	}
}

func FuzzRun(f *testing.F) {
	for _, s := range []string{"date 2021-06-28 The US on Sunday said Mr Kirby spoke. \"Yes,\" he said.", "date 2020-01-01\n\n\"Never closed quote on Monday", "date 2021-02-03\n\nONLY CAPITALS HERE ON FRIDAY 5 MAY."} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		a, err := article.Parse("f.txt", src)
		if err != nil {
			return
		}
		checkOffsets(t, src, Run(a, Options{}))
	})
}
