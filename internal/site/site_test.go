package site

import (
	"hash/fnv"
	"strings"
	"testing"
)

func TestMarkdown(t *testing.T) {
	md := newMarkdown()
	tests := []struct {
		name, in string
		want     []string
		warns    []string
	}{
		{"anchors", "{#s0} First one. {#s1} Second *one*.\n",
			[]string{`<p><span class="sent" id="s0">First one. </span> <span class="sent" id="s1">Second <em>one</em>.</span> </p>`}, nil},
		{"non-ASCII heading ids", "## Zürich und Köln\n\n## Привет мир\n\n## Zürich und Köln\n",
			[]string{`id="zürich-und-köln"`, `id="привет-мир"`, `id="zürich-und-köln-1"`}, nil},
		{"raw HTML dropped and reported", "Intro.\n\n<div>block</div>\n\nText <b>bold</b>.\n",
			[]string{"<!-- raw HTML omitted -->", "Text <!-- raw HTML omitted -->bold"}, []string{"b.md:12:", "b.md:14:"}},
		{"javascript link", "[x](javascript:alert(1))\n", []string{`<a href="">x</a>`}, nil},
		{"gfm", "| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~ https://example.org\n\n- [x] done\n",
			[]string{"<table>", "<del>old</del>", `<a href="https://example.org">`, `checked=""`}, nil},
		{"typographer and footnotes", "\"Quoted\" -- yes[^1].\n\n[^1]: A note.\n\nTerm\n: Definition\n",
			[]string{"&ldquo;Quoted&rdquo; &ndash; yes", `class="footnotes"`, "<dl>"}, nil},
	}
	for _, tt := range tests {
		html, warns, err := renderMarkdown(md, "b.md", 10, []byte(tt.in))
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range tt.want {
			if !strings.Contains(string(html), w) {
				t.Errorf("%s: output lacks %s:\n%s", tt.name, w, html)
			}
		}
		if len(warns) != len(tt.warns) {
			t.Errorf("%s: warnings %q, want %d", tt.name, warns, len(tt.warns))
		}
		for i := range min(len(warns), len(tt.warns)) {
			if !strings.HasPrefix(warns[i], tt.warns[i]) {
				t.Errorf("%s: warning %q, want prefix %q", tt.name, warns[i], tt.warns[i])
			}
		}
	}
}

func TestStageRefusesEscapes(t *testing.T) {
	dir := t.TempDir()
	s, err := newStage(outputPath(dir, "public"), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.cleanup()
	for _, name := range []string{"../x", "../../x", "/etc/passwd", "a/../../x", ""} {
		if err := write(s, name, []byte("x")); err == nil {
			t.Errorf("write(%q) succeeded", name)
		}
	}
	if err := write(s, "a/b.html", nil); err != nil {
		t.Error(err)
	}
	if err := write(s, "a/b.html", nil); err == nil {
		t.Error("second write to one path succeeded")
	}
}

func TestRelURL(t *testing.T) {
	for _, tt := range []struct{ base, path, want string }{
		{"/", "/", "/"},
		{"/", "/briefings/x/", "/briefings/x/"},
		{"https://a.org/proj", "/", "/proj/"},
		{"https://a.org/proj/", "/theme/style.css", "/proj/theme/style.css"},
		// Never a link to another host: "//sub/x" is host "sub".
		{"https://a.org//sub/", "/theme/brief.js", "/sub/theme/brief.js"},
		{"https://a.org//", "/x/", "/x/"},
		{"https://a.org/a/../b/./", "/x/", "/b/x/"},
		{"https://a.org", "/x/", "/x/"},
	} {
		c := &Config{}
		if err := c.SetBaseURL(tt.base); err != nil {
			t.Fatal(err)
		}
		if got := relURL(c, tt.path); got != tt.want {
			t.Errorf("relURL(%q, %q) = %q, want %q", tt.base, tt.path, got, tt.want)
		}
		if strings.HasPrefix(c.BaseURL, "https://") && strings.Contains(c.BaseURL[len("https://"):], "//") {
			t.Errorf("SetBaseURL(%q) = %q", tt.base, c.BaseURL)
		}
	}
}

// write reserves name in out and writes data to it.
func write(out output, name string, data []byte) error {
	if err := out.reserve(name); err != nil {
		return err
	}
	return out.put(name, data, Digest{})
}

// The search shards are chosen by FNV-1a of the slug: fnv32a must be
// hash/fnv's, or every shard moves.
func TestFNV32a(t *testing.T) {
	for _, s := range []string{"", "a", "iran-strikes-2021", "Ünïcode-sług"} {
		h := fnv.New32a()
		h.Write([]byte(s))
		if got, want := fnv32a(s), h.Sum32(); got != want {
			t.Errorf("fnv32a(%q) = %x, want %x", s, got, want)
		}
	}
}
