package figure

import (
	"brief/internal/testcorpus"
	"fmt"
	"strings"
	"testing"

	"brief/internal/text"
)

func TestSeed(t *testing.T) {
	doc := seedDoc(t)
	figs := Find(doc)
	got := map[string]Figure{}
	for _, f := range figs {
		t.Logf("%q value=%g unit=%q sentence=%d", f.Text, f.Value, f.Unit, f.Sentence)
		got[f.Text] = f
		if string(doc.Src[f.Start:f.End]) != f.Text || doc.SentenceAt(f.Start) != f.Sentence {
			t.Errorf("%q: offsets or sentence do not match the source", f.Text)
		}
	}
	for _, w := range []struct {
		text  string
		value float64
		unit  string
	}{
		{"more than 40 attacks", 40, "attacks"},
		{"2,500 American troops", 2500, "troops"},
		{"14 were rocket attacks", 14, "attacks"},
		{"at least three other people", 3, "people"},
		{"one child", 1, "child"},
	} {
		f, ok := got[w.text]
		if !ok {
			t.Errorf("missing %q", w.text)
			continue
		}
		if f.Value != w.value || f.Unit != w.unit {
			t.Errorf("%q: value %g unit %q, want %g %q", w.text, f.Value, f.Unit, w.value, w.unit)
		}
	}
	for _, f := range figs {
		for _, bad := range []string{"2015", "28", "one in Iraq", "two in Syria", "two days"} {
			if f.Text == bad {
				t.Errorf("%q is not a figure", bad)
			}
		}
	}
}

// Each case is a sentence and the figures in it as "text=value unit" joined by "; ".
var findTests = []struct{ in, want string }{
	{"The deal is worth $40 billion to the firm.", "$40 billion=4e+10 USD"},
	{"Prices rose 12 percent, or 12% a year, and 3.5 per cent last month.", "12 percent=12 percent; 12%=12 percent; 3.5 per cent=3.5 percent"},
	{"He sold it for £150,000 and US$3.5m.", "£150,000=150000 GBP; US$3.5m=3.5e+06 USD"},
	{"Nearly 300 people were evacuated and some 20 homes destroyed.", "Nearly 300 people=300 people; some 20 homes=20 homes"},
	{"A dozen soldiers and twenty-five civilians died.", "A dozen soldiers=12 soldiers; twenty-five civilians=25 civilians"},
	{"On June 28, 2015 at 10:30 and 3pm on the 24th, in the 1990s.", ""},
	{"The 39-year-old won 6-3 6-1 on page 3 as world No 4.", ""},
	{"No one knew; the one thing was that one of them left.", ""},
	{"The 2015 accord lasted two days.", ""},
	{"The fence was 70ft high and the car did 30 mph.", "70ft=70 ft; 30 mph=30 mph"},
	{"A crowd of 5,000 fans cheered.", "5,000 fans=5000 fans"},
}

func TestFind(t *testing.T) {
	for _, c := range findTests {
		src := []byte(c.in)
		var got []string
		for _, f := range Find(text.Parse(src, 0, len(src))) {
			got = append(got, fmt.Sprintf("%s=%g %s", f.Text, f.Value, f.Unit))
		}
		if g := strings.Join(got, "; "); g != c.want {
			t.Errorf("%q:\n got %s\nwant %s", c.in, g, c.want)
		}
	}
}

func seedDoc(t testing.TB) *text.Doc {
	doc, _ := testcorpus.Seed(t)
	return doc
}
