package text

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func sentences(src string) []string {
	d := Parse([]byte(src), 0, len(src))
	var out []string
	for i := range d.Sentences {
		out = append(out, d.SentenceText(i))
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"plain", "One thing. Another thing! A third? Yes.",
			[]string{"One thing.", "Another thing!", "A third?", "Yes."}},
		{"titles", "Mr. Smith met Dr. Jones and Gen. Milley on Jan. 5 in St. Louis.",
			[]string{"Mr. Smith met Dr. Jones and Gen. Milley on Jan. 5 in St. Louis."}},
		{"acronym mid", "The U.S. Army said no. U.S. officials agreed.",
			[]string{"The U.S. Army said no.", "U.S. officials agreed."}},
		{"acronym end", "Troops left the U.S. The war ended.",
			[]string{"Troops left the U.S.", "The war ended."}},
		{"initials", "John F. Kennedy was shot in 1963. He died.",
			[]string{"John F. Kennedy was shot in 1963.", "He died."}},
		{"decimal", "Shares fell 3.5 percent. Oil rose.",
			[]string{"Shares fell 3.5 percent.", "Oil rose."}},
		{"said space stop", `"It was bad," he said . The Pentagon did not comment.`,
			[]string{`"It was bad," he said .`, "The Pentagon did not comment."}},
		{"quote closes", `He said: "We are done." Then he left.`,
			[]string{`He said: "We are done."`, "Then he left."}},
		{"quote inside", `"Why?" he asked. Nobody knew.`,
			[]string{`"Why?" he asked.`, "Nobody knew."}},
		{"number", "It had No. 5 on it. 2015 was a good year.",
			[]string{"It had No. 5 on it.", "2015 was a good year."}},
		{"inc", "He works for Apple Inc. The company grew. Acme Inc. said so.",
			[]string{"He works for Apple Inc.", "The company grew.", "Acme Inc. said so."}},
		{"caption line", "A caption with no stop\n\nThe story starts here.",
			[]string{"A caption with no stop", "The story starts here."}},
		{"one per line", "Title line\nMarch 3, 2008\nFirst sentence.\nSecond one.\n",
			[]string{"Title line", "March 3, 2008", "First sentence.", "Second one."}},
		{"hard wrapped", "The strikes were carried\nout on Sunday near the\nborder, officials said\nlate on Monday. Nobody\nwas hurt.",
			[]string{"The strikes were carried\nout on Sunday near the\nborder, officials said\nlate on Monday.", "Nobody\nwas hurt."}},
		{"ellipsis", "Wait... What happened? Nothing.",
			[]string{"Wait...", "What happened?", "Nothing."}},
		{"lowercase after stop", "The vote was 5 vs. 4 in favour. ok then",
			[]string{"The vote was 5 vs. 4 in favour. ok then"}},
		{"empty", "", nil},
		{"space only", " \n\n\t ", nil},
	}
	for _, tt := range tests {
		got := sentences(tt.in)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
}

func TestTokens(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Syria's state-run agency", "Syria|'s|state-run|agency"},
		{"It doesn't matter", "It|does|n't|matter"},
		{"2,500 troops, $40 billion, 12% and 3.5", "2,500|troops|,|$|40|billion|,|12|%|and|3.5"},
		{"the 1990s on June 24th at 10:30", "the|1990s|on|June|24th|at|10:30"},
		{"the U.S.-led coalition", "the|U.S.|-|led|coalition"},
		{"O'Neill and Iran-backed [UAV] attacks", "O'Neill|and|Iran-backed|[|UAV|]|attacks"},
		{"“Quote,” she said—then left…", "“|Quote|,|”|she|said|—|then|left|…"},
		{"on 2021-06-28 and 31/02/2021", "on|2021-06-28|and|31/02/2021"},
		{"Mr Kirby and Mr. Biden", "Mr|Kirby|and|Mr.|Biden"},
	}
	for _, tt := range tests {
		d := Parse([]byte(tt.in), 0, len(tt.in))
		var got []string
		for _, tok := range d.Tokens {
			got = append(got, d.Text(tok))
		}
		if g := strings.Join(got, "|"); g != tt.want {
			t.Errorf("%q:\n got %s\nwant %s", tt.in, g, tt.want)
		}
	}
}

func TestOffsetsIntoSource(t *testing.T) {
	src := []byte("date 2021-06-28 First one. Second one.\n\nThird.")
	d := Parse(src, 16, len(src))
	if len(d.Sentences) != 3 || d.Sentences[0].Start != 16 || d.SentenceText(2) != "Third." {
		t.Fatalf("got %+v", d.Sentences)
	}
	if i := d.SentenceAt(30); i != 1 {
		t.Errorf("SentenceAt(30) = %d, want 1", i)
	}
	if i := d.SentenceAt(38); i != -1 {
		t.Errorf("SentenceAt(38) = %d, want -1", i)
	}
	if len(d.Paragraphs) != 2 || d.Paragraphs[1].First != 2 {
		t.Errorf("paragraphs %+v", d.Paragraphs)
	}
}

// checkDoc verifies the invariants every Doc keeps, whatever its input.
func checkDoc(t *testing.T, src []byte, d *Doc) {
	t.Helper()
	prev := 0
	for i, tok := range d.Tokens {
		if tok.Start < prev || tok.End <= tok.Start || tok.End > len(src) {
			t.Fatalf("token %d %+v out of order (prev end %d)", i, tok, prev)
		}
		prev = tok.End
	}
	next := 0
	for i, s := range d.Sentences {
		if s.First != next || s.Last <= s.First || s.Last > len(d.Tokens) {
			t.Fatalf("sentence %d %+v does not tile the tokens", i, s)
		}
		if s.Start != d.Tokens[s.First].Start || s.End != d.Tokens[s.Last-1].End {
			t.Fatalf("sentence %d offsets %+v disagree with its tokens", i, s)
		}
		next = s.Last
	}
	if next != len(d.Tokens) {
		t.Fatalf("sentences cover %d of %d tokens", next, len(d.Tokens))
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"Mr. A. B. said U.S. No. 5.", "a\n\nb\nc.", "\xff\xfe. X", `"Q." "R"`, "1.2.3.4 U.S"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		d := Parse(src, 0, len(src))
		checkDoc(t, src, d)
		if utf8.Valid(src) {
			for _, tok := range d.Tokens {
				if !utf8.Valid(src[tok.Start:tok.End]) {
					t.Fatalf("token splits a rune: %q", src[tok.Start:tok.End])
				}
			}
		}
	})
}
