package quote

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"brief/internal/entity"
	"brief/internal/text"
)

var dateHeader = regexp.MustCompile(`^\s*date \d{4}-\d{2}-\d{2}\s*`)

func parse(src []byte) *text.Doc {
	start := 0
	if loc := dateHeader.FindIndex(src); loc != nil {
		start = loc[1]
	}
	return text.Parse(src, start, len(src))
}

func TestSeedQuotes(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "corpus", "seed", "2021-06-28-us-strikes-iran-backed-militias.txt"))
	if err != nil {
		t.Skipf("corpus absent: %v", err)
	}
	doc := parse(src)
	qs := Find(doc, entity.Find(doc))
	want := []struct {
		prefix, speaker string
		partial         bool
	}{
		{"US military forces earlier", "John Kirby", false},
		{"these facilities are utilised", "John Kirby", true},
		{"several Iran-backed militia groups", "John Kirby", true},
		{"Given the ongoing series", "John Kirby", false},
		{"Specifically, the US strikes", "John Kirby", false},
		{"We have a national interest", "Antony Blinken", false},
		{"As demonstrated by this evening", "John Kirby", false},
	}
	if len(qs) != len(want) {
		for _, q := range qs {
			t.Logf("%q %q", q.Speaker, src[q.Start:q.End])
		}
		t.Fatalf("got %d quotes, want %d", len(qs), len(want))
	}
	for i, w := range want {
		q := qs[i]
		got := string(src[q.Start:q.End])
		if !strings.HasPrefix(got, w.prefix) || q.Speaker != w.speaker || q.Partial != w.partial {
			t.Errorf("quote %d: got %q by %q partial=%v, want %q... by %q partial=%v", i, got, q.Speaker, q.Partial, w.prefix, w.speaker, w.partial)
		}
		if s := doc.Sentences[q.Sentence]; q.Start < s.Start || q.Start > s.End {
			t.Errorf("quote %d: sentence %d does not contain it", i, q.Sentence)
		}
	}
}

func TestQuotes(t *testing.T) {
	tests := []struct {
		in   string
		want []string // speaker|text|partial
	}{
		{`"We will win," Mr John Smith said.`, []string{"John Smith|We will win,|false"}},
		{`Jane Doe said: "It is over." She left.`, []string{"Jane Doe|It is over.|false"}},
		{`Jane Doe spoke. "It is over," she said. "We go home," she added.`, []string{"Jane Doe|It is over,|false", "Jane Doe|We go home,|false"}},
		{`"Never closed, said nobody.`, nil},
		{`He called it "a farce" in a speech, Mary Major told reporters.`, []string{"Mary Major|a farce|true"}},
		{`“Curly quotes,” said Bill Gates.`, []string{"Bill Gates|Curly quotes,|false"}},
	}
	for _, tt := range tests {
		src := []byte(tt.in)
		doc := text.Parse(src, 0, len(src))
		var got []string
		for _, q := range Find(doc, entity.Find(doc)) {
			got = append(got, q.Speaker+"|"+string(src[q.Start:q.End])+"|"+map[bool]string{true: "true", false: "false"}[q.Partial])
		}
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("%s:\ngot  %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{`"a," he said.`, `"open`, `“x” ”y“`, `said "`, "\"\n\n\"", `Mr "Kirby" said`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		src := []byte(s)
		doc := text.Parse(src, 0, len(src))
		for _, q := range Find(doc, entity.Find(doc)) {
			if q.Start < 0 || q.End > len(src) || q.Start >= q.End || q.Sentence < 0 || q.Sentence >= len(doc.Sentences) {
				t.Fatalf("bad quote %+v in %q", q, s)
			}
		}
	})
}
