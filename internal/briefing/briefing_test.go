package briefing

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"brief/internal/analyze"
	"brief/internal/article"
)

var update = flag.Bool("update", false, "rewrite golden files")

func sample() *Briefing {
	b := &Briefing{
		Title: "US strikes \"militias\"", Date: "2021-06-28", Slug: "us-strikes",
		Source: "content/articles/x.txt", SourceHash: "abc", URL: "https://example.org/a?b=c",
		Credit: "Wikinews", License: "CC BY 2.5", Tags: []string{"iraq", "us"},
		Summary:   []Sentence{{"The US struck <b>sites</b>.", 0}},
		Actors:    []Actor{{Name: "John Kirby", Kind: "person", Role: "Pentagon spokesman", Aliases: []string{"Mr Kirby"}, Salience: 0.93, Mentions: 4, Sentence: 3}},
		Timeline:  []Event{{"2021-06-27", "Sun 27 Jun 2021", "Strikes | hit.", 0}},
		Quotes:    []Quote{{"John Kirby", "We act *now*.", 3}},
		Figures:   []Figure{{"more than 40 attacks", 9}},
		Generator: "brief test",
	}
	b.Body = WriteBody(b, [][]SourceSentence{{{0, "The US struck <b>sites</b>."}, {1, "1. Not a list # or heading [x](javascript:alert(1))"}}, {{2, "- A {#s9} trick."}}})
	return b
}

func TestRoundTrip(t *testing.T) {
	b := sample()
	data, err := Marshal(b)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Parse("x.md", data)
	if err != nil {
		t.Fatal(err)
	}
	want := *b
	want.Generated = got.Generated
	if !reflect.DeepEqual(got, &want) {
		t.Errorf("round trip differs:\n got %+v\nwant %+v", got, &want)
	}
	again, _ := Marshal(got)
	if !bytes.Equal(again, data) {
		t.Errorf("Marshal(Parse(x)) != x")
	}
	golden := filepath.Join("testdata", "sample.md")
	if *update {
		os.MkdirAll("testdata", 0o755)
		os.WriteFile(golden, data, 0o644)
	}
	if g, err := os.ReadFile(golden); err != nil || !bytes.Equal(g, data) {
		t.Errorf("output differs from %s (run go test -update): %v", golden, err)
	}
}

func TestEdited(t *testing.T) {
	data, _ := Marshal(sample())
	if Edited(data) {
		t.Fatal("fresh briefing reported as edited")
	}
	edited := bytes.Replace(data, []byte("The US struck"), []byte("The US hit"), 1)
	if !Edited(edited) {
		t.Error("hand edit not detected")
	}
	if !Edited(bytes.Replace(data, []byte("generated = "), []byte("# generated = "), 1)) {
		t.Error("missing hash not reported as edited")
	}
	// The line itself changed: not the hash brief wrote.
	i := bytes.Index(data, []byte(`"sha256:`)) + len(`"sha256:`)
	for _, c := range []struct{ name, old, new string }{
		{"upper case", string(data[i : i+64]), strings.ToUpper(string(data[i : i+64]))},
		{"short", string(data[i : i+64]), string(data[i : i+63])},
		{"long", string(data[i : i+64]), string(data[i:i+64]) + "0"},
		{"another algorithm", "sha256:", "sha512:"},
		{"no prefix", "sha256:", ""},
	} {
		if !Edited(bytes.Replace(data, []byte(c.old), []byte(c.new), 1)) {
			t.Errorf("%s hash not reported as edited", c.name)
		}
	}
	if got := bytes.Replace(data, []byte(`"sha256:`), []byte(` "sha256:`), 1); Edited(got) {
		t.Error("a space before the value: reported as edited")
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"no front matter", "b.md:1: a briefing starts with +++"},
		{"+++\ntitle = \"x\"\nbogus = 1\n+++\n", `b.md:3: unknown key "bogus"`},
		{"+++\ndate = \"2021-01-01\"\n+++\n", "b.md:2: briefing has no title"},
		{"+++\ntitle = \"x\"\n[[actors]]\nname = 3\n+++\n", "b.md:"},
		{"+++\ntitle = \"x\"\n+++\n\nCaf\xe9\n", "b.md:5: invalid UTF-8"},
	}
	for _, tt := range tests {
		_, err := Parse("b.md", []byte(tt.src))
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%q: got %v, want %q", tt.src, err, tt.want)
		}
	}
}

func TestNewFromSeed(t *testing.T) {
	src, err := os.ReadFile("../../../shared/corpus/seed/2021-06-28-us-strikes-iran-backed-militias.txt")
	if err != nil {
		t.Skip("shared corpus not present")
	}
	a, err := article.Parse("seed.txt", src)
	if err != nil {
		t.Fatal(err)
	}
	b := New(a, analyze.Run(a, analyze.Options{}), "seed", "content/articles/seed.txt", "brief test")
	for _, s := range b.Summary {
		if strings.HasPrefix(s.Text, "President Biden has been clear") && !strings.Contains(s.Text, "said") {
			t.Errorf("caption line in the summary: %q", s.Text)
		}
	}
	if len(b.Summary) != 3 || !strings.Contains(b.Body, "{#s25} The a nnouncement") {
		t.Errorf("summary %v; body tail %q", b.Summary, b.Body[len(b.Body)-200:])
	}
}

func FuzzRoundTrip(f *testing.F) {
	f.Add("title", "text", "2021-01-01")
	f.Fuzz(func(t *testing.T, title, txt, date string) {
		if title == "" || !utf8.ValidString(title) || !utf8.ValidString(txt) || !utf8.ValidString(date) {
			return // articles are checked to be UTF-8 before they get here
		}
		b := &Briefing{Title: title, Date: date, Summary: []Sentence{{txt, 0}}}
		b.Body = WriteBody(b, [][]SourceSentence{{{0, txt}}})
		data, err := Marshal(b)
		if err != nil {
			return // not representable as TOML (e.g. invalid UTF-8)
		}
		got, err := Parse("f.md", data)
		if err != nil {
			t.Fatalf("cannot parse what was written: %v\n%s", err, data)
		}
		if got.Title != b.Title || got.Body != b.Body || Edited(data) {
			t.Fatalf("round trip lost data")
		}
	})
}
