package timeline

import (
	"brief/internal/testcorpus"
	"testing"
	"time"

	"brief/internal/text"
	"brief/internal/timex"
)

func TestDisplay(t *testing.T) {
	for _, c := range []struct{ v, want string }{
		{"2021-06-27", "Sun 27 Jun 2021"},
		{"2021-06-27TEV", "Sun 27 Jun 2021, evening"},
		{"2021-06-27T22:00", "Sun 27 Jun 2021 22:00"},
		{"2021-06-27T06:00Z", "Sun 27 Jun 2021 06:00 UTC"},
		{"2021-02", "Feb 2021"},
		{"2015", "2015"},
		{"2021-W25", "week 25, 2021"},
		{"2021-W25-WE", "weekend of week 25, 2021"},
		{"2021-Q1", "Q1 2021"},
		{"2021-H2", "H2 2021"},
		{"2021-SU", "summer 2021"},
		{"199", "1990s"},
		{"19", "20th century"},
		{"PRESENT_REF", "now"},
		{"P3Y", "P3Y"},
		{"XXXX-XX-XX", "XXXX-XX-XX"},
		{"2021-13-45", "2021-13-45"},
	} {
		if got := Display(c.v); got != c.want {
			t.Errorf("Display(%q) = %q, want %q", c.v, got, c.want)
		}
	}
}

func TestBuildSeed(t *testing.T) {
	doc, dct := testcorpus.Seed(t)
	tx := timex.Find(doc, dct)
	evs := Build(doc, tx, dct)
	var got []string
	for _, e := range evs {
		got = append(got, e.Value)
		if e.Text == "" || e.Sentence < 0 || len(e.Timexes) == 0 {
			t.Errorf("incomplete event %+v", e)
		}
		for _, k := range e.Timexes {
			if tx[k].Type == "DURATION" || tx[k].Type == "SET" {
				t.Errorf("event dated by a %s: %+v", tx[k].Type, tx[k])
			}
		}
	}
	for k := 1; k < len(evs); k++ {
		if evs[k].Date.Before(evs[k-1].Date) {
			t.Errorf("events out of order: %s before %s", evs[k-1].Value, evs[k].Value)
		}
	}
	want := []string{"2015", "2021", "2021-02", "2021-04", "2021-06-24", "2021-06-25", "2021-06-26", "2021-06-27", "2021-06-27TEV"}
	for _, w := range want {
		found := false
		for _, g := range got {
			found = found || g == w
		}
		if !found {
			t.Errorf("no event dated %s; got %v", w, got)
		}
	}
}

func TestBuildMerges(t *testing.T) {
	src := []byte("On Sunday, June 27, the strikes hit. Nothing dated here. It lasted three days, every week, until now.")
	doc := text.Parse(src, 0, len(src))
	dct := time.Date(2021, 6, 28, 0, 0, 0, 0, time.UTC)
	tx := timex.Find(doc, dct)
	evs := Build(doc, tx, dct)
	if len(evs) != 1 || evs[0].Value != "2021-06-27" || evs[0].Sentence != 0 {
		t.Fatalf("got %+v from %+v", evs, tx)
	}
}

func TestDatelineIsNotAnEvent(t *testing.T) {
	src := []byte("December 10, 2013\nGM named Mary Barra its chief on Tuesday.\n")
	doc := text.Parse(src, 0, len(src))
	dct := time.Date(2013, 12, 10, 0, 0, 0, 0, time.UTC)
	evs := Build(doc, timex.Find(doc, dct), dct)
	if len(evs) != 1 || evs[0].Sentence != 1 {
		t.Errorf("events %+v, want only sentence 1", evs)
	}
}

func TestKnown(t *testing.T) {
	for _, c := range []struct{ v, want string }{
		{"1998-10-XX", "1998-10"},
		{"1999-08-XXTMO", "1999-08"},
		{"1998-10-2X", "1998-10"},
		{"2021-XX-XX", "2021"},
		{"1989-WXX", "1989"},
		{"1988-QX", "1988"},
		{"XXXX-XX-XX", "XXXX-XX-XX"},
		{"XXXX-WXX-2", "XXXX-WXX-2"},
		{"2021-06-27", "2021-06-27"},
		{"PXY", "PXY"},
		{"199X", "199X"},
	} {
		if got := Known(c.v); got != c.want {
			t.Errorf("Known(%q) = %q, want %q", c.v, got, c.want)
		}
	}
}

// An event dated in part (that same day, after a month) is placed at the
// part the text gives, not left out.
func TestBuildPartlyKnown(t *testing.T) {
	src := []byte("He was shot last October. His name was crossed out that same day.")
	doc := text.Parse(src, 0, len(src))
	dct := time.Date(1999, 2, 6, 0, 0, 0, 0, time.UTC)
	evs := Build(doc, timex.Find(doc, dct), dct)
	if len(evs) != 2 || evs[1].Value != "1998-10" || evs[1].Sentence != 1 || evs[1].Gran != "month" {
		t.Errorf("events %+v, want sentence 1 in 1998-10", evs)
	}
}

// A date the sentence measures against is not when its event happened.
func TestComparisonIsNotAnEvent(t *testing.T) {
	src := []byte("On Monday the Nikkei fell to lows not seen since October 1982. It was the lowest close since 2002.")
	doc := text.Parse(src, 0, len(src))
	dct := time.Date(2008, 10, 28, 0, 0, 0, 0, time.UTC)
	evs := Build(doc, timex.Find(doc, dct), dct)
	if len(evs) != 1 || evs[0].Value != "2008-10-27" {
		t.Errorf("events %+v, want only Monday", evs)
	}
}
