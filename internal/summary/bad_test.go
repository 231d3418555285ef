package summary

import (
	"slices"
	"strings"
	"testing"

	"brief/internal/text"
)

// article700 is about 700 words of news prose written for the tests.
func article700() []byte {
	para := []string{
		"The city council on Tuesday approved a plan to rebuild the old harbour bridge, ending a decade of argument over its future.",
		"The bridge, which carries 40,000 cars a day, was closed for three months last year after engineers found cracks in its supports.",
		"Council leader Maria Lopez said the vote was a turning point for the harbour district and its businesses.",
		"\"We have waited long enough, and the people who cross this bridge every morning deserve better,\" she said.",
		"The plan will cost about $250 million, with half paid by the national government and the rest by a local levy.",
		"Opponents argued that the money would be better spent on buses and cycle lanes.",
		"He said the council had ignored the views of residents who live near the harbour.",
		"Work is expected to begin in the spring and to last at least two years, during which a temporary ferry will run.",
	}
	var b strings.Builder
	for i := 0; b.Len() < 4200; i++ {
		b.WriteString(para[i%len(para)])
		if i%3 == 2 {
			b.WriteString("\n\n")
		} else {
			b.WriteString(" ")
		}
	}
	return []byte(b.String())
}

func parse(s string) *text.Doc { return text.Parse([]byte(s), 0, len(s)) }

func TestBadInput(t *testing.T) {
	many := strings.Repeat("The council met on Tuesday to vote on the bridge plan. Residents objected to the cost of it. ", 2500)
	for _, c := range []struct {
		name string
		doc  *text.Doc
		n    int
		want int // sentences expected back
	}{
		{"empty", parse(""), 3, 0},
		{"nil-free empty doc", &text.Doc{}, 3, 0},
		{"one sentence", parse("The council approved the bridge plan on Tuesday."), 3, 1},
		{"one caption", parse("Council leader Maria Lopez at the harbour"), 3, 1},
		{"identical sentences", parse(strings.Repeat("The council approved the bridge plan. ", 50)), 3, 1},
		{"no words", parse("... --- !!! ??? *** \n\n — ; :"), 3, 0},
		{"numbers only", parse("123 456. 789"), 3, 2},
		{"5,000 sentences", parse(many), 3, 2},
		{"N larger than article", parse("One thing happened today in town. Another thing happened later on."), 10, 2},
		{"negative N", parse(string(article700())), -1, 3},
	} {
		got := Select(c.doc, Options{N: c.n}, Signals{Dated: []bool{true}, Actors: []float64{1, 2}})
		if len(got) != c.want {
			t.Errorf("%s: got %d sentences %v, want %d", c.name, len(got), got, c.want)
		}
		if !slices.IsSorted(got) {
			t.Errorf("%s: not in reading order: %v", c.name, got)
		}
	}
}

func TestDeterministic(t *testing.T) {
	src := article700()
	a := Select(text.Parse(src, 0, len(src)), Options{}, Signals{})
	for range 5 {
		if b := Select(text.Parse(src, 0, len(src)), Options{}, Signals{}); !slices.Equal(a, b) {
			t.Fatalf("Select is not deterministic: %v then %v", a, b)
		}
	}
}

func TestSignals(t *testing.T) {
	doc := parse("The storm hit the coast overnight. Power lines fell across the region. " +
		"Schools were closed in three towns. The mayor ordered an evacuation of the harbour.")
	if none := Select(doc, Options{N: 1}, Signals{}); none[0] != 0 {
		t.Errorf("without signals the lead should win, got %v", none)
	}
}

func FuzzSelect(f *testing.F) {
	f.Add([]byte("The US said it had struck militias. \"We will act,\" he said. Scroll down for video"), 3)
	f.Add(article700(), 5)
	f.Add([]byte("By . Jane Smith . PUBLISHED: 10:00 . \n\n(pictured)"), 1)
	f.Fuzz(func(t *testing.T, src []byte, n int) {
		n %= 20
		doc := text.Parse(src, 0, len(src))
		got := Select(doc, Options{N: n}, Signals{})
		want := n
		if want <= 0 {
			want = 3
		}
		if len(got) > want || len(got) > len(doc.Sentences) {
			t.Fatalf("got %d sentences for N=%d of %d", len(got), n, len(doc.Sentences))
		}
		for k, i := range got {
			if i < 0 || i >= len(doc.Sentences) || k > 0 && got[k-1] >= i {
				t.Fatalf("bad indexes %v", got)
			}
		}
	})
}

func BenchmarkSelect700(b *testing.B) {
	src := article700()
	doc := text.Parse(src, 0, len(src))
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		Select(doc, Options{}, Signals{})
	}
}

func BenchmarkSelect5000Sentences(b *testing.B) {
	s := strings.Repeat(string(article700()), 130)
	doc := parse(s)
	if len(doc.Sentences) < 5000 {
		b.Fatalf("only %d sentences", len(doc.Sentences))
	}
	for b.Loop() {
		Select(doc, Options{}, Signals{})
	}
}
