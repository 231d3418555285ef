package build

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// TestModelEqualsClean edits briefings by hand, each edit one that keeps
// the site's shape (see site.Model), so that `brief serve` updates its
// model rather than making it again, and checks after each edit that the
// output is byte for byte a clean build's. The edits reach every part of
// the model: actors' order, roles (refs shown across the site), the
// timeline's years, titles (related briefings), quotes, several
// briefings at once; and one that does not keep the shape.
func TestModelEqualsClean(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the site 24 times")
	}
	root := t.TempDir()
	srv := filepath.Join(root, "serve")
	arts, _ := filepath.Glob("../../content/articles/wikinews/*.txt")
	var picked []string
	for _, a := range arts {
		b, _ := os.ReadFile(a)
		if strings.Contains(string(b), "\ntags Airbus and Boeing") || strings.Contains(string(b), "\ntags Apple") {
			picked = append(picked, a)
		}
	}
	sort.Strings(picked)
	if len(picked) < 12 {
		t.Skip("example articles not found")
	}
	for _, a := range picked {
		b, _ := os.ReadFile(a)
		write(t, srv, "content/articles/"+filepath.Base(a), string(b))
	}
	write(t, srv, "site.toml", "title = \"Model\"\nbaseURL = \"https://example.org/\"\npageSize = 5\n")
	memo := &Memo{}
	build1(t, srv, memo)
	// Newest first: the roles the newest briefing gives are the actors'
	// roles across the site.
	names, _ := filepath.Glob(filepath.Join(srv, "content", "briefings", "*.md"))
	date := map[string]string{}
	for _, n := range names {
		b, _ := os.ReadFile(n)
		m := regexp.MustCompile(`(?m)^date = "([^"]*)"`).FindSubmatch(b)
		if m == nil {
			t.Fatalf("%s: no date", n)
		}
		date[n] = string(m[1]) + "/" + n
	}
	sort.Slice(names, func(i, j int) bool { return date[names[i]] > date[names[j]] })
	edit := func(i int, f func(string) string) func() {
		return func() {
			b, err := os.ReadFile(names[i])
			if err != nil {
				t.Fatal(err)
			}
			s := f(string(b))
			if s == string(b) {
				t.Fatalf("%s: the edit changed nothing", names[i])
			}
			if err := os.WriteFile(names[i], []byte(s), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	firstActor := regexp.MustCompile(`(?m)^\[\[actors\]\]\nname = "([^"]*)"\n`)
	mentions := regexp.MustCompile(`(?m)^mentions = \d+$`)
	kind := regexp.MustCompile(`(?m)^kind = "(organization|place|person)"$`)
	value := regexp.MustCompile(`(?m)^\[\[timeline\]\]\nvalue = "[^"]*"`)
	title := regexp.MustCompile(`(?m)^title = "[^"]*"$`)
	summary := regexp.MustCompile(`(?m)^\[\[summary\]\]\ntext = "[^"]*"`)
	once := func(re *regexp.Regexp, repl string) func(string) string {
		return func(s string) string {
			done := false
			return re.ReplaceAllStringFunc(s, func(m string) string {
				if done {
					return m
				}
				done = true
				return re.ReplaceAllString(m, repl)
			})
		}
	}
	steps := []struct {
		name  string
		do    func()
		reuse bool
	}{
		{"nothing changed", func() {}, true},
		{"an actor's mentions", edit(1, once(mentions, "mentions = 97")), true},
		{"an actor's role", edit(0, once(firstActor, "[[actors]]\nname = \"$1\"\nrole = \"test role\"\n")), true},
		{"an event moved to another year", edit(2, once(value, "[[timeline]]\nvalue = \"1999-05-01\"")), true},
		{"a title and bottom line", edit(3, func(s string) string {
			return once(summary, "[[summary]]\ntext = \"A new bottom line.\"")(once(title, `title = "A new title"`)(s))
		}), true},
		{"a quote", edit(4, func(s string) string {
			m := firstActor.FindStringSubmatch(s)
			if m == nil {
				t.Fatalf("%s: no actor", names[4])
			}
			return s + "\n[[quotes]]\nspeaker = \"" + m[1] + "\"\ntext = \"We will see.\"\nsentence = 1\n"
		}), true},
		{"the role again", edit(0, func(s string) string { return strings.Replace(s, "role = \"test role\"\n", "", 1) }), true},
		{"the event back", edit(2, once(value, "[[timeline]]\nvalue = \"2031-01\"")), true},
		{"two briefings at once", func() {
			edit(5, once(mentions, "mentions = 1"))()
			edit(0, once(firstActor, "[[actors]]\nname = \"$1\"\nrole = \"another role\"\n"))()
		}, true},
		{"a rare actor's role", edit(0, func(s string) string { // the last actor: in few briefings, a co-actor of others
			ms := firstActor.FindAllStringSubmatchIndex(s, -1)
			if len(ms) == 0 {
				t.Fatalf("%s: no actor", names[0])
			}
			m := ms[len(ms)-1]
			rest := s[m[1]:]
			if r := regexp.MustCompile(`(?m)^role = "[^"]*"$`).FindStringIndex(rest); r != nil && !strings.Contains(rest[:r[0]], "[[") {
				return s[:m[1]] + rest[:r[0]] + `role = "a rare role"` + rest[r[1]:]
			}
			return s[:m[1]] + "role = \"a rare role\"\n" + rest
		}), true},
		{"an actor's kind", edit(7, once(kind, `kind = "misc"`)), false},
		{"after a new model", edit(8, once(mentions, "mentions = 55")), true},
	}
	for _, st := range steps {
		st.do()
		res := build1(t, srv, memo)
		clean := filepath.Join(root, "clean", strings.ReplaceAll(st.name, " ", "-"))
		copyTree(t, filepath.Join(srv, "content"), filepath.Join(clean, "content"))
		b, _ := os.ReadFile(filepath.Join(srv, "site.toml"))
		write(t, clean, "site.toml", string(b))
		build1(t, clean, nil)
		want, have := tree(t, filepath.Join(clean, "public")), tree(t, filepath.Join(srv, "public"))
		for n, h := range want {
			if have[n] != h {
				t.Errorf("after %q, %s differs from a clean build", st.name, n)
			}
		}
		for n := range have {
			if _, ok := want[n]; !ok {
				t.Errorf("after %q, %s is left over", st.name, n)
			}
		}
		// The digests too: data a page holds but does not show (so that
		// its bytes are the same) must still be up to date.
		live, _, model := memo.outputs()
		memo.setOutputs(live, memo.notes, model)
		for n, f := range loadOutState(clean).Live.Files {
			if g := live.Files[n]; g.Digest != f.Digest {
				t.Errorf("after %q, %s has another digest than in a clean build", st.name, n)
			}
		}
		if res.Reused != st.reuse {
			t.Errorf("after %q, the model was reused: %v, want %v", st.name, res.Reused, st.reuse)
		}
		t.Logf("%-32s %4d of %4d files made, model reused: %v", st.name, res.Made, res.Files, res.Reused)
	}
}
