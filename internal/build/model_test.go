package build

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"
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
	root, srv, memo := modelSite(t)
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
	dayOf := regexp.MustCompile(`(?m)^\[\[timeline\]\]\nvalue = "(\d{4})-\d\d-\d\d"`)
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
	var added string // the actor the step below added
	steps := []struct {
		name  string
		do    func()
		reuse bool
	}{
		{"nothing changed", func() {}, true},
		{"an actor's mentions", edit(1, once(mentions, "mentions = 97")), true},
		{"an actor's role", edit(0, once(firstActor, "[[actors]]\nname = \"$1\"\nrole = \"test role\"\n")), true},
		{"an event moved to another year", edit(2, once(value, "[[timeline]]\nvalue = \"1999-05-01\"")), true},
		{"an event moved to a day no briefing reports, in a year the timeline has", edit(5, once(dayOf, "[[timeline]]\nvalue = \"$1-12-30\"")), true},
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
		{"a new tag", edit(3, func(s string) string {
			return regexp.MustCompile(`(?m)^tags = \[.*\]$`).ReplaceAllString(s, `tags = ["A tag of its own"]`)
		}), true},
		{"the tag gone again", edit(3, func(s string) string {
			return strings.Replace(s, `tags = ["A tag of its own"]`, `tags = ["Apple"]`, 1)
		}), true},
		{"an actor's kind", edit(7, once(kind, `kind = "misc"`)), false},
		{"after a new model", edit(8, once(mentions, "mentions = 55")), true},
		{"actors in another order", edit(2, func(s string) string {
			blocks := strings.Split(s, "\n[[actors]]\n")
			if len(blocks) < 4 {
				t.Fatalf("%s: fewer than three actors", names[2])
			}
			blocks[1], blocks[2] = blocks[2], blocks[1] // both followed by an actor
			return strings.Join(blocks, "\n[[actors]]\n")
		}), true},
		{"an actor another briefing names, named", edit(2, func(s string) string {
			s, added = addActor(t, s, names, 2)
			return s
		}), true},
		{"that actor dropped again", edit(2, func(s string) string {
			at := strings.Index(s, "\n[[actors]]\nname = \""+added+"\"")
			if at < 0 {
				t.Fatalf("%s: the added actor is gone", names[2])
			}
			end := strings.Index(s[at+1:], "\n+++")
			return s[:at] + s[at+1+end:]
		}), true},
		{"two new people in a briefing", edit(3, withPair), true},
		{"the two in a second briefing: a link, a story", edit(4, withPair), true},
		{"the two in a third briefing: the story grows", edit(5, withPair), true},
		{"the story smaller again", edit(5, withoutPair), true},
		{"the two gone from the other briefings", func() { edit(3, withoutPair)(); edit(4, withoutPair)() }, true},
		// A chain: 3 and 4 share one pair, 4 and 5 another; then the middle
		// link goes and the story splits, away from the edited briefing.
		{"a chain of two pairs: a story", func() {
			edit(3, withPair)()
			edit(4, withPair)()
			edit(4, func(s string) string { return withPeople(s, "Peter Wimsey", "Mervyn Bunter") })()
			edit(5, func(s string) string { return withPeople(s, "Peter Wimsey", "Mervyn Bunter") })()
		}, true},
		{"the chain broken in the middle: the story splits", edit(4, func(s string) string { return withoutPeople(s, "Peter Wimsey", "Mervyn Bunter") }), true},
		{"both pairs gone", func() {
			edit(3, withoutPair)()
			edit(4, withoutPair)()
			edit(5, func(s string) string { return withoutPeople(s, "Peter Wimsey", "Mervyn Bunter") })()
		}, true},
		{"an actor no briefing names", edit(2, func(s string) string {
			at := strings.LastIndex(s, "\n+++")
			return s[:at] + "\n[[actors]]\nname = \"Zebulon Quartermaine\"\nkind = \"person\"\nsalience = 0.1\nmentions = 1\nsentence = 0\n" + s[at:]
		}), true},
		{"that actor gone again", edit(2, func(s string) string {
			at := strings.Index(s, "\n[[actors]]\nname = \"Zebulon Quartermaine\"")
			if at < 0 {
				t.Fatalf("%s: the new actor is gone", names[2])
			}
			end := strings.Index(s[at+1:], "\n+++")
			return s[:at] + s[at+1+end:]
		}), true},
		{"an alias that merges two actors of another briefing", func() {
			// Another briefing's two actors of one kind become one actor:
			// that briefing's actors change although it did not.
			block := regexp.MustCompile(`(?m)^\[\[actors\]\]\nname = "([^"]*)"\nkind = "([^"]*)"`)
			for i := 2; i < len(names); i++ {
				b, _ := os.ReadFile(names[i])
				ms := block.FindAllStringSubmatch(string(b), -1)
				for x := 0; x < len(ms); x++ {
					for y := x + 1; y < len(ms); y++ {
						if ms[x][2] == ms[y][2] && ms[x][2] != "misc" {
							edit(1, func(s string) string {
								at := strings.LastIndex(s, "\n+++")
								return s[:at] + "\n[[actors]]\nname = \"" + ms[x][1] + "\"\nkind = \"" + ms[x][2] + "\"\naliases = [\"" + ms[y][1] + "\"]\nsalience = 0.1\nmentions = 1\nsentence = 0\n" + s[at:]
							})()
							return
						}
					}
				}
			}
			t.Fatal("no briefing with two actors of one kind")
		}, false},
	}
	for _, st := range steps {
		st.do()
		res := build1(t, srv, memo)
		sameAsClean(t, srv, filepath.Join(root, "clean", strings.ReplaceAll(st.name, " ", "-")), memo, st.name)
		if res.Reused != st.reuse {
			t.Errorf("after %q, the model was reused: %v, want %v", st.name, res.Reused, st.reuse)
		}
		t.Logf("%-32s %4d of %4d files made, model reused: %v", st.name, res.Made, res.Files, res.Reused)
	}
}

// addActor adds to the end of the briefing s (names[i]) an actor that
// other briefings name and s does not: the one fewest other briefings
// name, not a place (so that related briefings and co-actors change), and
// returns its name.
func addActor(t *testing.T, s string, names []string, i int) (string, string) {
	t.Helper()
	block := regexp.MustCompile(`(?m)^\[\[actors\]\]\nname = "([^"]*)"\nkind = "([^"]*)"`)
	count := map[[2]string]int{}
	for j := range names {
		if j == i {
			continue
		}
		b, _ := os.ReadFile(names[j])
		for _, m := range block.FindAllStringSubmatch(string(b), -1) {
			if m[2] != "place" && !strings.Contains(s, "name = \""+m[1]+"\"") {
				count[[2]string{m[1], m[2]}]++
			}
		}
	}
	var best [2]string
	for a, n := range count {
		if best[0] == "" || n < count[best] || n == count[best] && a[0] < best[0] {
			best = a
		}
	}
	if best[0] == "" {
		t.Fatal("every actor is named in " + names[i])
	}
	t.Logf("adding %s (%s), named in %d other briefings", best[0], best[1], count[best])
	at := strings.LastIndex(s, "\n+++")
	return s[:at] + "\n[[actors]]\nname = \"" + best[0] + "\"\nkind = \"" + best[1] + "\"\nsalience = 0.05\nmentions = 1\nsentence = 0\n" + s[at:], best[0]
}

// withPair adds two people no briefing names at the start of the
// briefing s: named in two briefings, they link them, which makes a story
// of them and the briefings linked to them already.
func withPair(s string) string { return withPeople(s, "Harriet Vane", "Quentin Marlow") }

// withoutPair takes them out again.
func withoutPair(s string) string { return withoutPeople(s, "Harriet Vane", "Quentin Marlow") }

// withPeople adds people at the start of the briefing s.
func withPeople(s string, names ...string) string {
	at := strings.Index(s, "\n[[actors]]\n")
	add := ""
	for _, n := range names {
		add += "\n[[actors]]\nname = \"" + n + "\"\nkind = \"person\"\nsalience = 0.05\nmentions = 1\nsentence = 0\n"
	}
	return s[:at] + add + s[at:]
}

// withoutPeople takes them out of the briefing s.
func withoutPeople(s string, names ...string) string {
	for _, n := range names {
		at := strings.Index(s, "\n[[actors]]\nname = \""+n+"\"\nkind")
		end := strings.Index(s[at+1:], "\n[")
		s = s[:at] + s[at+1+end:]
	}
	return s
}

// modelSite builds, with a memo as brief serve does, a site of the example
// articles pickArticles picks, in root/serve.
func modelSite(t *testing.T) (root, srv string, memo *Memo) {
	t.Helper()
	root = t.TempDir()
	srv = filepath.Join(root, "serve")
	picked := pickArticles()
	if len(picked) < 12 {
		t.Skip("example articles not found")
	}
	for _, a := range picked {
		b, _ := os.ReadFile(a)
		write(t, srv, "content/articles/"+filepath.Base(a), string(b))
	}
	write(t, srv, "site.toml", "title = \"Model\"\nbaseURL = \"https://example.org/\"\npageSize = 5\n")
	// A command-line build first, as before `brief serve`: the memo's
	// first build takes the briefings from the parsed cache, their
	// bodies read from their files when a page needs them.
	build1(t, srv, nil)
	memo = &Memo{}
	build1(t, srv, memo)
	return root, srv, memo
}

// sameAsClean checks that the output of the site srv, built with memo, is
// byte for byte, and digest for digest, what a clean build of a copy (in
// clean) makes.
func sameAsClean(t *testing.T, srv, clean string, memo *Memo, step string) {
	t.Helper()
	copyTree(t, filepath.Join(srv, "content"), filepath.Join(clean, "content"))
	b, _ := os.ReadFile(filepath.Join(srv, "site.toml"))
	write(t, clean, "site.toml", string(b))
	build1(t, clean, nil)
	want, have := tree(t, filepath.Join(clean, "public")), tree(t, filepath.Join(srv, "public"))
	for n, h := range want {
		if have[n] != h {
			t.Errorf("after %q, %s differs from a clean build", step, n)
		}
	}
	for n := range have {
		if _, ok := want[n]; !ok {
			t.Errorf("after %q, %s is left over", step, n)
		}
	}
	// The digests too: data a page holds but does not show (so that its
	// bytes are the same) must still be up to date.
	live, notes, model := memo.outputs()
	memo.setOutputs(live, notes, model)
	for n, f := range loadOutState(clean, "public").Live.Files {
		if g := live.Files[n]; g.Digest != f.Digest {
			t.Errorf("after %q, %s has another digest than in a clean build", step, n)
		}
	}
}

// TestChangedPaths builds as brief serve does, with the watcher's list of
// changed files, so that the other files are not checked, and checks that
// no edit is lost: not when the build that first saw it failed, nor when
// an article comes or goes.
func TestChangedPaths(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for files to settle")
	}
	root := t.TempDir()
	srv := filepath.Join(root, "serve")
	arts, _ := filepath.Glob("../../content/articles/wikinews/*.txt")
	sort.Strings(arts)
	if len(arts) < 8 {
		t.Skip("example articles not found")
	}
	for _, a := range arts[:8] {
		b, _ := os.ReadFile(a)
		write(t, srv, "content/articles/"+filepath.Base(a), string(b))
	}
	config := "title = \"Paths\"\nbaseURL = \"https://example.org/\"\n"
	write(t, srv, "site.toml", config)
	art := func(i int) string { return filepath.Join(srv, "content", "articles", filepath.Base(arts[i])) }
	add := func(i int, text string) {
		b, _ := os.ReadFile(art(i))
		if err := os.WriteFile(art(i), append(b, text...), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	memo := &Memo{}
	build := func(step string, changed []string, wantErr bool, analysed int) {
		t.Helper()
		o := opts(srv)
		o.Memo, o.Changed = memo, changed
		res, err := Build(t.Context(), o)
		if wantErr {
			if err == nil {
				t.Fatalf("%s: the build did not fail", step)
			}
			return
		}
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		if len(res.Errors) > 0 {
			t.Errorf("%s: %v", step, res.Errors)
		}
		if res.Analysed != analysed {
			t.Errorf("%s: %d articles analysed, want %d", step, res.Analysed, analysed)
		}
		sameAsClean(t, srv, filepath.Join(root, "clean", strings.ReplaceAll(step, " ", "-")), memo, step)
	}
	time.Sleep(racyWindow + 100*time.Millisecond) // settled: known by size and times
	build("first", nil, false, 8)
	time.Sleep(racyWindow + 100*time.Millisecond) // the briefings it wrote too
	add(0, "\nThe company declined to comment on Tuesday.\n")
	build("an edit", []string{art(0)}, false, 1)
	add(1, "\nAnalysts said the decision would be reviewed next month.\n")
	write(t, srv, "site.toml", "title = \"Paths\nbaseURL")
	build("a broken config", []string{filepath.Join(srv, "site.toml"), art(1)}, true, 0)
	write(t, srv, "site.toml", config)
	build("the config fixed", []string{"site.toml"}, false, 1) // and the edit of the failed build
	b, _ := os.ReadFile(arts[9])
	write(t, srv, "content/articles/"+filepath.Base(arts[9]), string(b))
	build("an article added", []string{"content/articles/" + filepath.Base(arts[9])}, false, 1)
	os.Remove(art(2))
	build("an article removed", []string{art(2)}, false, 0)
	add(3, "\nShares closed higher on Friday.\n")
	build("everything", nil, false, 1)
	build("nothing", []string{}, false, 0)
	briefings, _ := filepath.Glob(filepath.Join(srv, "content", "briefings", "*.md"))
	sort.Strings(briefings)
	b, _ = os.ReadFile(briefings[0])
	os.WriteFile(briefings[0], []byte(strings.Replace(string(b), "## Bottom line", "## Bottom line\n\nA note by hand.", 1)), 0o644)
	build("a briefing edited by hand", []string{briefings[0]}, false, 0)
	write(t, srv, "content/briefings/by-hand.md", "+++\ntitle = \"By hand\"\ndate = \"2020-01-02\"\n+++\n\nWritten by hand.\n")
	build("a briefing written by hand", []string{"content/briefings/by-hand.md"}, false, 0)
	os.Remove(filepath.Join(srv, "content", "briefings", "by-hand.md"))
	build("a briefing removed", []string{"content/briefings/by-hand.md"}, false, 0)
	// An article named by a number takes its slug from its title: a new
	// title moves its briefing to another name, and the old one is gone.
	b, _ = os.ReadFile(arts[10])
	write(t, srv, "content/articles/20001.txt", string(b))
	numbered := filepath.Join(srv, "content", "articles", "20001.txt")
	build("an article named by a number", []string{numbered}, false, 1)
	head, body, _ := strings.Cut(string(b), "\n\n")
	_, rest, _ := strings.Cut(body, "\n") // the first line of the body is the title
	write(t, srv, "content/articles/20001.txt", head+"\n\nA renamed report\n"+rest)
	build("its title changed", []string{numbered}, false, 1)
	// An article that can no longer be read leaves its briefing without
	// an article: the briefing is gone, and so is its page.
	slug := ""
	briefings, _ = filepath.Glob(filepath.Join(srv, "content", "briefings", "*.md"))
	for _, f := range briefings {
		if b, _ := os.ReadFile(f); strings.Contains(string(b), "source = \"content/articles/"+filepath.Base(art(5))+"\"") {
			slug = strings.TrimSuffix(filepath.Base(f), ".md")
		}
	}
	if slug == "" {
		t.Fatal("no briefing of the article to empty") // the test would prove nothing
	}
	if err := os.WriteFile(art(5), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	o := opts(srv)
	o.Memo, o.Changed = memo, []string{art(5)}
	if res, err := Build(t.Context(), o); err != nil || len(res.Errors) != 1 {
		t.Fatalf("an article emptied: %v, %v; want one error", res, err)
	}
	for _, f := range []string{"content/briefings/" + slug + ".md", "public/briefings/" + slug + "/index.html"} {
		if _, err := os.Stat(filepath.Join(srv, f)); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("an article emptied: %s is still there (%v)", f, err)
		}
	}
	// A briefing given another's slug by hand is skipped, saying so.
	briefings, _ = filepath.Glob(filepath.Join(srv, "content", "briefings", "*.md"))
	sort.Strings(briefings)
	b, _ = os.ReadFile(briefings[1])
	other := strings.TrimSuffix(filepath.Base(briefings[2]), ".md")
	re := regexp.MustCompile(`(?m)^slug = "[^"]*"$`)
	if !re.Match(b) {
		t.Fatalf("%s has no slug line", briefings[1])
	}
	os.WriteFile(briefings[1], re.ReplaceAll(b, []byte(`slug = "`+other+`"`)), 0o644)
	o.Changed = []string{briefings[1]}
	res, err := Build(t.Context(), o)
	if err != nil {
		t.Fatalf("a slug taken: %v", err)
	}
	if len(res.Errors) == 0 || !strings.Contains(fmt.Sprint(res.Errors), "is already used by") {
		t.Errorf("a slug taken: errors %v, want the slug's clash", res.Errors)
	}
}

// TestModelRandomEdits edits the briefings of a small site at random, as
// brief serve would see them: actors added (named by other briefings, or
// by none), dropped, reordered, their mentions changed; one or two
// briefings at a time. After each build the output, and every digest, must
// be a clean build's, whether the model was kept or made again; and most
// builds must keep it.
func TestModelRandomEdits(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the site 80 times")
	}
	root, srv, memo := modelSite(t)
	names, _ := filepath.Glob(filepath.Join(srv, "content", "briefings", "*.md"))
	rng := rand.New(rand.NewPCG(5, 6))
	var pool []string // actor blocks of every briefing, and some no briefing has
	for _, n := range names {
		b, _ := os.ReadFile(n)
		for _, bl := range actorBlocks(string(b)) {
			pool = append(pool, string(b)[bl[0]:bl[1]])
		}
	}
	for i, n := range []string{"Harriet Vane", "Lord Peter Wimsey", "Quentin Marlow", "Mervyn Bunter"} {
		kind := []string{"person", "organization"}[i/2]
		pool = append(pool, "\n[[actors]]\nname = \""+n+"\"\nkind = \""+kind+"\"\nsalience = 0.05\nmentions = 1\nsentence = 0")
	}
	mentions := regexp.MustCompile(`(?m)^mentions = \d+$`)
	edit := func(i int) string {
		b, _ := os.ReadFile(names[i])
		s := string(b)
		bl := actorBlocks(s)
		switch op := rng.IntN(5); {
		case op <= 1 || len(bl) < 2: // an actor more, at some place
			add := pool[rng.IntN(len(pool))]
			if strings.Contains(s, add[:strings.Index(add, "\nkind")]+"\n") {
				add = pool[len(pool)-1-rng.IntN(4)]
			}
			if rng.IntN(2) == 0 && !strings.Contains(s, "Harriet Vane") && !strings.Contains(s, "Quentin Marlow") {
				add = pool[len(pool)-4] + pool[len(pool)-2] // two people together: a link to the others that name both, stories
			}
			at := bl[rng.IntN(len(bl))][0]
			s = s[:at] + add + s[at:]
			return "add " + strings.SplitN(add, "\"", 3)[1]
		case op == 2: // an actor fewer
			k := rng.IntN(len(bl))
			s = s[:bl[k][0]] + s[bl[k][1]:]
		case op == 3: // two actors swapped
			j, k := rng.IntN(len(bl)-1), 0
			k = j + 1 + rng.IntN(len(bl)-j-1)
			x, y := s[bl[j][0]:bl[j][1]], s[bl[k][0]:bl[k][1]]
			s = s[:bl[j][0]] + y + s[bl[j][1]:bl[k][0]] + x + s[bl[k][1]:]
		default: // mentions
			s = mentions.ReplaceAllStringFunc(s, func(m string) string {
				if rng.IntN(3) == 0 {
					return fmt.Sprintf("mentions = %d", 1+rng.IntN(30))
				}
				return m
			})
		}
		os.WriteFile(names[i], []byte(s), 0o644)
		return fmt.Sprint("op ", s != string(b))
	}
	kept := 0
	const steps = 40
	pairs := [][]string{{"Harriet Vane", "Quentin Marlow"}, {"Peter Wimsey", "Mervyn Bunter"}}
	// pairUp names a pair of new people in (or takes them out of) one to
	// three briefings at once: links between briefings, stories that form,
	// grow, split and go, several briefings changing in one build.
	pairUp := func() string {
		p := pairs[rng.IntN(len(pairs))]
		what := ""
		for range 1 + rng.IntN(3) {
			i := rng.IntN(len(names))
			b, _ := os.ReadFile(names[i])
			s := string(b)
			if strings.Contains(s, "name = \""+p[0]+"\"\n") {
				s, what = withoutPeople(s, p...), what+" -"
			} else {
				s, what = withPeople(s, p...), what+" +"
			}
			os.WriteFile(names[i], []byte(s), 0o644)
			what += filepath.Base(names[i])
		}
		return p[0] + what
	}
	for step := range steps {
		i := rng.IntN(len(names))
		var what string
		if rng.IntN(3) == 0 {
			what = pairUp()
		} else {
			what = edit(i)
		}
		if rng.IntN(4) == 0 {
			what += ", " + edit(rng.IntN(len(names)))
		}
		res := build1(t, srv, memo)
		name := fmt.Sprintf("step %d (%s: %s)", step, filepath.Base(names[i]), what)
		sameAsClean(t, srv, filepath.Join(root, "clean", fmt.Sprint(step)), memo, name)
		if res.Reused {
			kept++
		}
		if t.Failed() {
			t.Fatalf("after %s", name)
		}
	}
	t.Logf("%d of %d builds kept the model", kept, steps)
	if kept < steps/2 {
		t.Errorf("only %d of %d builds kept the model", kept, steps)
	}
}

// actorBlocks returns where each [[actors]] table of a briefing starts
// (at the newline before it) and ends (at the newline before the next
// table, or the closing +++).
func actorBlocks(s string) [][2]int {
	var out [][2]int
	for at := 0; ; {
		k := strings.Index(s[at:], "\n[[actors]]\n")
		if k < 0 {
			return out
		}
		start := at + k
		end := strings.Index(s[start+1:], "\n[")
		if e := strings.Index(s[start+1:], "\n+++"); end < 0 || e >= 0 && e < end {
			end = e
		}
		out = append(out, [2]int{start, start + 1 + end})
		at = start + 1 + end
	}
}
