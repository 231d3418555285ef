package build

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestCheck(t *testing.T) {
	dir := testSite(t, "basic.txtar")
	now := time.Date(2021, 7, 1, 0, 0, 0, 0, time.UTC)
	f, err := Check(opts(dir), now)
	if err != nil {
		t.Fatal(err)
	}
	if len(f) != 1 || !strings.Contains(f[0].String(), "no built site to check") {
		t.Fatalf("before a build: %v", f)
	}
	if _, err := Build(context.Background(), opts(dir)); err != nil {
		t.Fatal(err)
	}
	if f, _ := Check(opts(dir), now); len(f) != 0 {
		t.Fatalf("a fresh site has findings: %v", f)
	}
	page := filepath.Join(dir, "public/briefings/apple/index.html")
	b, _ := os.ReadFile(page)
	os.WriteFile(page, []byte(strings.Replace(string(b), "</main>", "<a href=\"/briefings/nope/\">x</a>\n<a href=\"#s99\">y</a></main>", 1)), 0o644)
	write(t, dir, "content/articles/2021-08-01-later.txt", "date 2021-08-01\n\nThis article is dated after now.\n")
	write(t, dir, "content/briefings/broken.md", "+++\ntitle = \"x\"\nmood = \"odd\"\n+++\n")
	write(t, dir, "data/actors.toml", "[[actors]]\nname = \"Nobody Atall\"\n")
	f, err = Check(opts(dir), now)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, x := range f {
		got = append(got, x.String())
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{
		`content/articles/2021-08-01-later.txt:1: warning: dated 2021-08-01, in the future`,
		`content/briefings/broken.md:3: error: unknown key "mood"`,
		`data/actors.toml:2: warning: actor "Nobody Atall" appears in no briefing`,
		`public/briefings/apple/index.html:`,
		`error: broken link "/briefings/nope/": no briefings/nope/index.html`,
		`error: link "#s99": briefings/apple/index.html has no element with id "s99"`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("findings lack %q:\n%s", want, all)
		}
	}
}
