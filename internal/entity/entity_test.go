package entity

import (
	"strings"
	"testing"

	"brief/internal/text"
)

func find(s string) []Entity {
	src := []byte(s)
	return Find(text.Parse(src, 0, len(src)))
}

func TestRules(t *testing.T) {
	tests := []struct {
		in   string
		want string // name|kind|role, one per expected entity (subset check)
	}{
		{"Mr Kirby said the talks failed. Mr Kirby left.", "Kirby|person|"},
		{"Mr. Smith met Dr Jones in London.", "Smith|person|;Jones|person|;London|place|"},
		{"Apple Inc said sales rose. Apple shares fell.", "Apple|organization|"},
		{"Louis Gallois, the Airbus chief executive, said the order was big.", "Louis Gallois|person|Airbus chief executive"},
		{"The Government Accountability Office (GAO) upheld the protest. The GAO said so.", "Government Accountability Office|organization|"},
		{"IRAN SAYS TALKS WITH EU ARE OVER", "Iran|place|"},
		{"Iranian officials met Iraqi leaders in Baghdad.", "Iran|place|;Iraq|place|;Baghdad|place|"},
	}
	for _, tt := range tests {
		ents := find(tt.in)
		var got []string
		for _, e := range ents {
			got = append(got, e.Name+"|"+e.Kind+"|"+e.Role)
		}
		for _, w := range strings.Split(tt.want, ";") {
			found := false
			for _, g := range got {
				if g == w {
					found = true
				}
			}
			if !found {
				t.Errorf("%s:\n got %q\nwant %q", tt.in, got, w)
			}
		}
	}
}

func TestNoStopNames(t *testing.T) {
	for _, e := range find("On Sunday Mr said nothing. In March, the President spoke. MONDAY: MR SAYS NO") {
		if stopNames[lowerASCII(e.Name)] {
			t.Errorf("stop name %q found", e.Name)
		}
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{"Mr Kirby said.", "ALL CAPS HEADLINE FROM IRAN", "no capitals at all", "Владимир Путин сказал", "Mr", "\"(GAO", "Iran-Iraq-US"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		src := []byte(s)
		doc := text.Parse(src, 0, len(src))
		ents := Find(doc)
		for _, e := range ents {
			if e.Name == "" || e.Salience < 0 || e.Salience > 1 || len(e.Mentions) == 0 {
				t.Fatalf("bad entity %+v", e)
			}
			for _, m := range e.Mentions {
				if m.Start < 0 || m.End > len(src) || m.Start >= m.End {
					t.Fatalf("bad mention %+v", m)
				}
			}
		}
		Key(ents, 5)
	})
}
