package article

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name, path, src   string
		date, title, body string // body: first bytes of the body
		derived           bool
		tags              string
		draft             bool
		url               string
	}{
		{name: "seed quirk", path: "a.txt", src: " date 2021-06-28 The US on Sunday said it struck.\n\nMore text.",
			date: "2021-06-28", title: "The US on Sunday said it struck", body: "The US on Sunday", derived: true},
		{name: "wikinews", path: "1.txt", src: "date 2013-12-10\n\nMary Barra appointed as GM chief\nDecember 10, 2013\nGM named Barra.\n",
			date: "2013-12-10", title: "Mary Barra appointed as GM chief", body: "December 10, 2013"},
		{name: "header lines", path: "b.txt", src: "date 2020-01-02\ntitle A title\nsource Reuters\nurl https://x.test/a\ntags war, iraq\ndraft true\n\nBody here.",
			date: "2020-01-02", title: "A title", body: "Body here.", tags: "war|iraq", draft: true, url: "https://x.test/a"},
		{name: "front matter", path: "c.md", src: "+++\ntitle = \"T\"\ndate = 2019-05-06\ntags = [\"x\"]\nurl = \"https://u.test\"\n+++\n\nBody.\n",
			date: "2019-05-06", title: "T", body: "Body.", tags: "x", url: "https://u.test"},
		{name: "percent in url", path: "p.txt", src: "date 2021-01-01\nurl http://x.test/sales_plunge_by_45%\n\nBody text here.",
			date: "2021-01-01", title: "Body text here", body: "Body", derived: true, url: "http://x.test/sales_plunge_by_45%25"},
		{name: "front matter string date", path: "c.md", src: "+++\ntitle = \"T\"\ndate = \"2019-05-06\"\n+++\nBody.",
			date: "2019-05-06", title: "T", body: "Body."},
		{name: "date from file name", path: "content/articles/2021-06-28-strikes.txt", src: "Strikes hit.\n\nMore.",
			date: "2021-06-28", title: "Strikes hit", body: "Strikes hit.", derived: true},
		{name: "title from a descriptive file name", path: "a/2021-06-28-us-strikes-iran-backed-militias.txt",
			src:  "date 2021-06-28 The US on Sunday said it had conducted strikes on Iran-backed militias.",
			date: "2021-06-28", title: "US strikes Iran-backed militias", body: "The US", derived: true},
		{name: "file name with a word the article lacks", path: "a/2021-06-28-us-strikes-iran-backed-rebels.txt",
			src:  "date 2021-06-28 The US on Sunday said it had conducted strikes on Iran-backed militias.",
			date: "2021-06-28", title: "The US on Sunday said it had conducted strikes on Iran-backed militias", body: "The US", derived: true},
		{name: "long lead", path: "d.txt", src: "date 2021-01-01 " + strings.Repeat("word ", 40) + "end.",
			date: "2021-01-01", title: strings.TrimSpace(strings.Repeat("word ", 18)) + "…", body: "word", derived: true},
	}
	for _, tt := range tests {
		a, err := Parse(tt.path, []byte(tt.src))
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if got := a.Date.Format("2006-01-02"); got != tt.date {
			t.Errorf("%s: date %s, want %s", tt.name, got, tt.date)
		}
		if a.Title != tt.title || a.TitleDerived != tt.derived {
			t.Errorf("%s: title %q (derived %v), want %q (%v)", tt.name, a.Title, a.TitleDerived, tt.title, tt.derived)
		}
		if !strings.HasPrefix(string(a.Src[a.Body:]), tt.body) {
			t.Errorf("%s: body starts %q, want %q", tt.name, a.Src[a.Body:min(len(a.Src), a.Body+20)], tt.body)
		}
		if strings.Join(a.Tags, "|") != tt.tags || a.Draft != tt.draft || a.URL != tt.url {
			t.Errorf("%s: tags %q draft %v url %q", tt.name, a.Tags, a.Draft, a.URL)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ name, path, src, want string }{
		{"empty", "e.txt", "", "e.txt: empty file"},
		{"blank", "e.txt", " \n\n ", "e.txt: empty file"},
		{"binary", "b.txt", "date 2021-01-01\nabc\x00def", "b.txt:2: binary file"},
		{"invalid utf8", "u.txt", "date 2021-01-01\n\nok\nbad \xff here", "u.txt:4: invalid UTF-8"},
		{"no date", "n.txt", "Just text.", "n.txt:1: no date"},
		{"impossible date", "i.txt", "date 2021-02-30\n\nText.", `i.txt:1: impossible date "2021-02-30"`},
		{"bad date", "i.txt", "\n\ndate 21-2-3\n\nText.", `i.txt:3: date "21-2-3" is not of the form`},
		{"header only", "h.txt", "date 2021-01-01\ntitle Nothing else\n", "h.txt:3: no body text"},
		{"unknown front matter key", "f.md", "+++\ntitle = \"x\"\ncolour = \"red\"\n+++\nBody.", `f.md:3: unknown key "colour"`},
		{"front matter type", "f.md", "+++\ntitle = 5\n+++\nBody.", "f.md:2:"},
		{"front matter syntax", "f.md", "+++\ntitle = \"x\"\ndate = = 2\n+++\nBody.", "f.md:3:"},
		{"front matter impossible date", "f.md", "+++\ntitle = \"x\"\ndate = \"2021-13-45\"\n+++\nBody.", "f.md:3: impossible date"},
		{"unclosed front matter", "f.md", "+++\ntitle = \"x\"\nBody.", "f.md:1: front matter opened with +++ is never closed"},
		{"huge", "big.txt", "date 2021-01-01\n\n" + strings.Repeat("a", MaxSize), "big.txt: file is 4.0 MB, more than the 4 MB"},
	}
	for _, tt := range tests {
		_, err := Parse(tt.path, []byte(tt.src))
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want prefix %q", tt.name, err, tt.want)
		}
	}
}

func TestBadURLLeftOut(t *testing.T) {
	for _, u := range []string{"javascript:alert(1)", "/x/y", "ftp://x.test/a", "http://"} {
		a, err := Parse("s.txt", []byte("date 2021-01-01\nurl "+u+"\n\nText."))
		if err != nil {
			t.Fatal(err)
		}
		if a.URL != "" || len(a.Warnings) != 1 || !strings.HasPrefix(a.Warnings[0], "s.txt:2: url") {
			t.Errorf("%s: url %q, warnings %q", u, a.URL, a.Warnings)
		}
	}
}

func TestSeed(t *testing.T) {
	src, err := os.ReadFile("../../../shared/corpus/seed/2021-06-28-us-strikes-iran-backed-militias.txt")
	if err != nil {
		t.Skip("shared corpus not present")
	}
	a, err := Parse("seed.txt", src)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(a.Src[a.Body:], []byte("The US on Sunday")) || a.Date.Format("2006-01-02") != "2021-06-28" {
		t.Errorf("body at %d, date %v", a.Body, a.Date)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"date 2021-06-28 Body.", "+++\ntitle=\"x\"\n+++\nb", "date 2021-02-30", "\ufeffdate 2020-01-01\ntitle t\n\nx"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		a, err := Parse("f.txt", src)
		if err == nil && (a.Body < 0 || a.Body > len(src) || a.Title == "") {
			t.Fatalf("bad article %+v", a)
		}
	})
}
