package entity

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"

	"brief/internal/text"
)

var dateHeader = regexp.MustCompile(`^\s*date \d{4}-\d{2}-\d{2}\s*`)

// readArticle parses a corpus article, skipping its date header; it skips
// the test when the shared corpus is absent.
func readArticle(t testing.TB, name string) *text.Doc {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "corpus", name))
	if err != nil {
		t.Skipf("corpus absent: %v", err)
	}
	start := 0
	if loc := dateHeader.FindIndex(src); loc != nil {
		start = loc[1]
	}
	return text.Parse(src, start, len(src))
}

const seed = "seed/2021-06-28-us-strikes-iran-backed-militias.txt"

// TestSeed checks the seed article's actors (issue 4).
func TestSeed(t *testing.T) {
	doc := readArticle(t, seed)
	ents := Find(doc)
	byName := map[string]Entity{}
	for _, e := range ents {
		byName[e.Name] = e
		if stopNames[lowerASCII(e.Name)] {
			t.Errorf("%q is an entity", e.Name)
		}
	}
	tests := []struct {
		name, kind, role string
		alias            string // one alias that must be merged in
	}{
		{"John Kirby", "person", "Pentagon spokesman", "Mr Kirby"},
		{"Joe Biden", "person", "President", "Mr Biden"},
		{"Antony Blinken", "person", "US Secretary of State", ""},
		{"Reuven Rivlin", "person", "Israeli President", ""},
		{"Donald Trump", "person", "", ""},
		{"Kataeb Hezbollah", "organization", "", ""},
		{"Kataeb Sayyid Al Shuhada", "organization", "", ""},
		{"Popular Mobilisation Forces", "organization", "", ""},
		{"Pentagon", "organization", "", ""},
		{"Iran", "place", "", "Iranian"},
		{"Iraq", "place", "", "Iraqi"},
		{"Syria", "place", "", ""},
		{"Erbil", "place", "", "Arbil"},
	}
	for _, tt := range tests {
		e, ok := byName[tt.name]
		if !ok {
			t.Errorf("%s: not found", tt.name)
			continue
		}
		if e.Kind != tt.kind || e.Role != tt.role {
			t.Errorf("%s: kind %q role %q, want %q %q", tt.name, e.Kind, e.Role, tt.kind, tt.role)
		}
		if tt.alias != "" && !slices.Contains(e.Aliases, tt.alias) {
			t.Errorf("%s: aliases %q lack %q", tt.name, e.Aliases, tt.alias)
		}
	}
	key := Key(ents, 8)
	for _, want := range []string{"John Kirby", "Joe Biden", "Iran", "Iraq"} {
		if !slices.ContainsFunc(key, func(e Entity) bool { return e.Name == want }) {
			t.Errorf("key actors lack %s", want)
		}
	}
	for _, e := range ents {
		for _, m := range e.Mentions {
			if m.Start < 0 || m.End > len(doc.Src) || m.Start >= m.End {
				t.Errorf("%s: bad mention %+v", e.Name, m)
			}
		}
	}
}

func TestSeedDump(t *testing.T) {
	if !testing.Verbose() {
		t.Skip("dump only with -v")
	}
	doc := readArticle(t, seed)
	for _, e := range Find(doc) {
		t.Logf("%-28s %-12s %-24q sal=%.2f n=%d aliases=%q", e.Name, e.Kind, e.Role, e.Salience, len(e.Mentions), e.Aliases)
	}
}
