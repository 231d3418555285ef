package frontmatter

import (
	"strings"
	"testing"
)

type conf struct {
	Title   string `toml:"title"`
	BaseURL string `toml:"baseURL"`
	Feed    struct {
		Items int `toml:"items"`
	} `toml:"feed"`
	List []struct {
		Name string `toml:"name"`
	} `toml:"actors"`
	Params map[string]string `toml:"params"`
}

func TestDecode(t *testing.T) {
	tests := []struct{ in, want string }{
		{"title = \"x\"\nbaseURL = \"/\"\n[feed]\nitems = 3\n[params]\nAnyThing = \"ok\"\n[[actors]]\nname = \"A\"\n", ""},
		{"title = \"x\"\nBAseURL = \"/\"\n", `c.toml:2: unknown key "BAseURL" (did you mean "baseURL"?)`},
		{"[feed]\nItems = 3\n", `c.toml:2: unknown key "feed.Items" (did you mean "items"?)`},
		{"[[actors]]\nNAME = \"A\"\n", `c.toml:2: unknown key "actors.NAME" (did you mean "name"?)`},
		{"title = \"x\"\ncolour = 1\n", `c.toml:2: unknown key "colour"`},
		{"title = 3\n", "c.toml:1:"},
		{"title = \"x\"\ntitle = \"y\"\n", "c.toml:2:"},
	}
	for _, tt := range tests {
		var c conf
		err := Decode("c.toml", []byte(tt.in), 1, &c)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%q: %v", tt.in, err)
		case tt.want != "" && (err == nil || !strings.HasPrefix(err.Error(), tt.want)):
			t.Errorf("%q: error %v, want %q", tt.in, err, tt.want)
		}
	}
}

func TestSplit(t *testing.T) {
	fm, line, body, ok, err := Split("x.md", []byte("\n+++\ntitle = \"x\"\n+++\nBody"))
	if err != nil || !ok || string(fm) != "title = \"x\"\n" || line != 3 || body != 21 {
		t.Errorf("Split = %q %d %d %v %v", fm, line, body, ok, err)
	}
	if _, _, _, ok, _ := Split("x.md", []byte("no front matter")); ok {
		t.Error("plain text taken for front matter")
	}
}
