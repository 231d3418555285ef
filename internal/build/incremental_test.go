package build

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// TestIncrementalEqualsClean edits a site step by step and checks, after
// each step, that what `brief build` makes from the last build's state
// (rendering only the pages whose digest changed, on the spare) and what
// `brief serve` makes (in place, from its memo) are byte for byte what a
// clean build of the same files makes. It is the test of the page
// digests: a page whose data changed but whose digest did not would be
// stale here.
func TestIncrementalEqualsClean(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the site 30 times")
	}
	root := t.TempDir()
	cli, srv := filepath.Join(root, "cli"), filepath.Join(root, "serve")
	picked := pickArticles()
	if len(picked) > 24 {
		picked = picked[:24]
	}
	if len(picked) < 10 {
		t.Skip("example articles not found")
	}
	for _, dir := range []string{cli, srv} {
		for _, a := range picked {
			b, _ := os.ReadFile(a)
			write(t, dir, "content/articles/"+filepath.Base(a), string(b))
		}
		write(t, dir, "site.toml", "title = \"Inc\"\nbaseURL = \"https://example.org/\"\npageSize = 5\n")
	}
	memo := &Memo{}
	first := filepath.Base(picked[0])
	second := filepath.Base(picked[1])
	appendTo := func(name, text string) func(string) {
		return func(dir string) {
			p := filepath.Join(dir, "content", "articles", name)
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			os.WriteFile(p, append(b, text...), 0o644)
		}
	}
	var times map[string]time.Time // the cli output's files before "the output state lost"
	steps := []struct {
		name string
		do   func(dir string)
	}{
		{"nothing changed", func(string) {}},
		{"a sentence added", appendTo(first, "\nBoeing said on Tuesday that it would deliver 12 more aircraft.\n")},
		{"a new actor", appendTo(second, "\nThe chief executive of Embraer, Frederico Curado, said the market was growing.\n")},
		{"an article's title", func(dir string) {
			p := filepath.Join(dir, "content", "articles", second)
			b, _ := os.ReadFile(p)
			lines := strings.SplitN(string(b), "\n", 8)
			for i, l := range lines {
				if l == "" && i+1 < len(lines) {
					lines[i+1] = "A new title for this briefing"
					break
				}
			}
			os.WriteFile(p, []byte(strings.Join(lines, "\n")), 0o644)
		}},
		{"an article removed", func(dir string) { os.Remove(filepath.Join(dir, "content", "articles", filepath.Base(picked[2]))) }},
		{"an article added", func(dir string) {
			b, _ := os.ReadFile("../../content/articles/2021-06-28-us-strikes-iran-backed-militias.txt")
			write(t, dir, "content/articles/2021-06-28-strikes.txt", string(b))
		}},
		{"a briefing edited by hand", func(dir string) {
			ents, _ := os.ReadDir(filepath.Join(dir, "content", "briefings"))
			p := filepath.Join(dir, "content", "briefings", ents[3].Name())
			b, _ := os.ReadFile(p)
			os.WriteFile(p, []byte(strings.Replace(string(b), "## Bottom line", "## Bottom line\n\nAn analyst's note.", 1)), 0o644)
		}},
		{"an actor fixed in data/actors.toml", func(dir string) {
			write(t, dir, "data/actors.toml", "[[actors]]\nname = \"The Boeing Company\"\naliases = [\"Boeing\"]\nkind = \"organization\"\n")
		}},
		{"site.toml", func(dir string) {
			write(t, dir, "site.toml", "title = \"Inc 2\"\nbaseURL = \"https://example.org/sub/\"\npageSize = 4\n[feed]\nitems = 3\nfullContent = true\n")
		}},
		{"a template", func(dir string) {
			b, _ := os.ReadFile("../../templates/partials/card.html")
			write(t, dir, "templates/partials/card.html", strings.Replace(string(b), "<article class=\"card\">", "<article class=\"card card2\">", 1))
		}},
		{"a theme file", func(dir string) { write(t, dir, "theme/extra.css", "body{}\n") }},
		{"nothing changed again", func(string) {}},
		// Files older than racyWindow are known by their size and times,
		// not read: the same edits again through that path.
		{"files settled", func(string) { time.Sleep(racyWindow + 100*time.Millisecond) }},
		// With nothing changed, the command line checks the output
		// folder's files rather than making them (site.Unchanged): a
		// file changed or removed there is made again.
		{"an output file changed", func(dir string) {
			if dir == cli {
				write(t, dir, "public/index.html", "<p>not brief's</p>")
			}
		}},
		{"an output file removed", func(dir string) {
			if dir == cli {
				os.Remove(filepath.Join(dir, "public", "timeline", "index.html"))
			}
		}},
		{"a sentence added to settled files", appendTo(first, "\nAirbus said on Friday that it had won an order.\n")},
		{"the output state lost", func(dir string) {
			if dir == cli {
				times = mtimes(t, filepath.Join(dir, "public"))
			}
			time.Sleep(racyWindow + 100*time.Millisecond)
			states, _ := filepath.Glob(filepath.Join(dir, CacheDir, "output-*.gob"))
			if len(states) == 0 {
				t.Fatal("no output state in", filepath.Join(dir, CacheDir))
			}
			for _, f := range states {
				os.Remove(f)
			}
		}},
	}
	for i, st := range steps {
		st.do(cli)
		st.do(srv)
		if i == 0 {
			build1(t, cli, nil) // the first build has no state yet
		}
		res := build1(t, cli, nil)
		build1(t, srv, memo)
		clean := filepath.Join(root, "clean", strings.ReplaceAll(st.name, " ", "-"))
		for _, sub := range []string{"content", "templates", "theme", "data", "site.toml"} {
			if st, err := os.Stat(filepath.Join(cli, sub)); err == nil && st.IsDir() {
				copyTree(t, filepath.Join(cli, sub), filepath.Join(clean, sub))
			} else if err == nil {
				b, _ := os.ReadFile(filepath.Join(cli, sub))
				write(t, clean, sub, string(b))
			}
		}
		build1(t, clean, nil)
		want := tree(t, filepath.Join(clean, "public"))
		for _, got := range []struct{ who, dir string }{{"brief build", cli}, {"brief serve", srv}} {
			have := tree(t, filepath.Join(got.dir, "public"))
			for n, h := range want {
				if have[n] != h {
					t.Errorf("%s: after %q, %s differs from a clean build", got.who, st.name, n)
				}
			}
			for n := range have {
				if _, ok := want[n]; !ok {
					t.Errorf("%s: after %q, %s is left over", got.who, st.name, n)
				}
			}
		}
		switch st.name {
		case "nothing changed", "nothing changed again", "files settled":
			if res.Made != 0 || res.Analysed != 0 || res.Mode != "unchanged" {
				t.Errorf("%s: %d files made, %d articles analysed, output %s; want none, unchanged", st.name, res.Made, res.Analysed, res.Mode)
			}
		case "an output file changed", "an output file removed":
			if res.Made != 1 {
				t.Errorf("%s: %d files made, want 1", st.name, res.Made)
			}
		case "a sentence added", "the output state lost":
			// The first change after the first build: no spare yet
			// (a build with nothing changed does not make one).
			if st.name == "the output state lost" {
				// With no state, a file whose bytes the output has is
				// linked to it, keeping its time.
				after := mtimes(t, filepath.Join(cli, "public"))
				for n, m := range times {
					if !after[n].Equal(m) {
						t.Errorf("%s: %s made again (time %v, was %v)", st.name, n, after[n], m)
					}
				}
			}
		default:
			if res.Mode != "staged on the spare" {
				t.Errorf("%s: the build was %s, not staged on the spare", st.name, res.Mode)
			}
		}
		t.Logf("%-36s %4d of %4d files made (%s)", st.name, res.Made, res.Files, res.Mode)
	}
}

func build1(t *testing.T, dir string, memo *Memo) *Result {
	t.Helper()
	o := opts(dir)
	o.Memo = memo
	res, err := Build(t.Context(), o)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) > 0 {
		t.Fatalf("%s: %v", dir, res.Errors)
	}
	return res
}

// pickArticles is the example site's articles tagged "Airbus and Boeing"
// or "Apple" (two stories with actors in common), sorted.
func pickArticles() []string {
	arts, _ := filepath.Glob("../../content/articles/wikinews/*.txt")
	var picked []string
	for _, a := range arts {
		b, _ := os.ReadFile(a)
		if strings.Contains(string(b), "\ntags Airbus and Boeing") || strings.Contains(string(b), "\ntags Apple") {
			picked = append(picked, a)
		}
	}
	sort.Strings(picked)
	return picked
}

// mtimes is the modification time of every file under dir, by path.
func mtimes(t *testing.T, dir string) map[string]time.Time {
	t.Helper()
	out := map[string]time.Time{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		out[p[len(dir):]] = info.ModTime()
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
