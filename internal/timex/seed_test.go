package timex

import (
	"brief/internal/testcorpus"
	"bytes"
	"strings"
	"testing"
)

func TestSeedArticle(t *testing.T) {
	doc, dct := testcorpus.Seed(t)
	got := Find(doc, dct)
	cases := []struct {
		context string // a phrase of the article around the expression
		text    string // the expression's text
		value   string // wanted value (prefix: a part of day may follow)
	}{
		{"The US on Sunday said", "Sunday", "2021-06-27"},
		{"earlier this evening conducted", "this evening", "2021-06-27"},
		{"Since the start of the year", "the start of the year", "2021"},
		{"In February, the US", "February", "2021-02"},
		{"the 2015 accord", "2015", "2015"},
		{"said on Friday it had", "Friday", "2021-06-25"},
		{"expired on Thursday", "Thursday", "2021-06-24"},
		{"said on Saturday three", "Saturday", "2021-06-26"},
		{"In April, a drone", "April", "2021-04"},
		{"this evening's strikes", "this evening", "2021-06-27"},
		{"Mr Kirby said Sunday", "Sunday", "2021-06-27"},
	}
	for _, c := range cases {
		at := bytes.Index(doc.Src, []byte(c.context))
		if at < 0 {
			t.Errorf("context %q not in the article", c.context)
			continue
		}
		found := false
		for _, x := range got {
			if x.Start >= at && x.End <= at+len(c.context)+2 && strings.Contains(x.Text, c.text) {
				found = true
				if !strings.HasPrefix(x.Value, c.value) {
					t.Errorf("%q in %q: value %s, want %s", x.Text, c.context, x.Value, c.value)
				}
			}
		}
		if !found {
			t.Errorf("%q in %q: not found", c.text, c.context)
		}
	}
	// Nothing that is not time.
	for _, x := range got {
		switch strings.ToLower(x.Text) {
		case "may", "we", "sun", "time", "2,500", "40", "14":
			t.Errorf("spurious expression %q (%s)", x.Text, x.Value)
		}
	}
	if t.Failed() {
		for _, x := range got {
			t.Logf("%d-%d %q %s %s %s", x.Start, x.End, x.Text, x.Type, x.Value, x.Mod)
		}
	}
}
