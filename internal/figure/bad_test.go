package figure

import (
	"strings"
	"testing"

	"brief/internal/text"
)

func FuzzFind(f *testing.F) {
	for _, c := range findTests {
		f.Add([]byte(c.in))
	}
	f.Add([]byte("US$ $ £ 1,2,3.4.5bn - - 9999999999999999999999 more than at least"))
	f.Fuzz(func(t *testing.T, src []byte) {
		doc := text.Parse(src, 0, len(src))
		last := -1
		for _, fig := range Find(doc) {
			if fig.Start < last || fig.Start >= fig.End || fig.End > len(src) {
				t.Fatalf("bad span %+v after %d", fig, last)
			}
			if string(src[fig.Start:fig.End]) != fig.Text {
				t.Fatalf("text %q does not match span", fig.Text)
			}
			last = fig.End
		}
	})
}

func TestBadInput(t *testing.T) {
	for _, s := range []string{"", "$", "more than", "one", "a dozen", strings.Repeat("1,000 ", 5000)} {
		Find(text.Parse([]byte(s), 0, len(s)))
	}
	if Find(nil) != nil {
		t.Error("Find(nil) != nil")
	}
}

func BenchmarkFind700(b *testing.B) {
	para := "Since the start of the year, there have been more than 40 attacks against US interests in Iraq, where 2,500 American troops are deployed. " +
		"The plan will cost about $250 million, with half paid by the government on June 28, 2015. " +
		"Syria's state-run news agency said one child had been killed and that at least three other people were wounded in the 1990s-style raid. "
	src := []byte(strings.Repeat(para, 10))
	doc := text.Parse(src, 0, len(src))
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		Find(doc)
	}
}
