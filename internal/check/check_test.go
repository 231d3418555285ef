package check

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestLinks(t *testing.T) {
	site := fstest.MapFS{
		"index.html":             {Data: []byte("<a href=\"/p/briefings/a/\">a</a>\n<a href=\"/p/briefings/a/#s1\">s1</a>\n<a href=\"https://x.org/\">x</a>\n<link href=\"/p/theme/style.css\">")},
		"briefings/a/index.html": {Data: []byte("<span id=\"s1\">x</span>\n<a href=\"../../\">home</a>\n<a href=\"#s2\">missing anchor</a>\n<a href=\"/p/briefings/gone/\">gone</a>\n<a href=\"/elsewhere/\">out</a>")},
		"theme/style.css":        {Data: []byte("body{}")},
		"briefings/a/index.md":   {Data: []byte("# a")},
	}
	got, n, err := Links(site, "/p/", "public/")
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, f := range got {
		lines = append(lines, f.String())
	}
	want := []string{
		`public/briefings/a/index.html:3: error: link "#s2": briefings/a/index.html has no element with id "s2"`,
		`public/briefings/a/index.html:4: error: broken link "/p/briefings/gone/": no briefings/gone/index.html`,
		`public/briefings/a/index.html:5: error: link "/elsewhere/" leaves the site's base path /p/`,
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
	if n != 8 {
		t.Errorf("checked %d links, want 8", n)
	}
}
