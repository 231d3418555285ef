package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runCmd(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestUsageAndHelp(t *testing.T) {
	tests := []struct {
		args []string
		code int
		want string // in stdout+stderr
	}{
		{nil, 2, "Commands:"},
		{[]string{"-h"}, 0, "Commands:"},
		{[]string{"nope"}, 2, `unknown command "nope"`},
		{[]string{"version"}, 0, "brief 0."},
		{[]string{"build", "-h"}, 0, "staging folder"},
		{[]string{"analyze", "-h"}, 0, "JSON Lines"},
		{[]string{"new", "-h"}, 0, "never overwrites"},
		{[]string{"serve", "-h"}, 0, "Usage: brief serve"},
		{[]string{"build", "-nope"}, 2, "flag provided but not defined"},
		{[]string{"analyze"}, 2, "Usage: brief analyze"},
	}
	for _, tt := range tests {
		code, out, errs := runCmd(tt.args...)
		if code != tt.code || !strings.Contains(out+errs, tt.want) {
			t.Errorf("brief %v: exit %d, output %q; want exit %d and %q", tt.args, code, out+errs, tt.code, tt.want)
		}
	}
}

func TestNewSiteThenBuild(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	if code, _, errs := runCmd("new", "site", dir); code != 0 {
		t.Fatalf("new site: %d %s", code, errs)
	}
	if code, _, _ := runCmd("new", "site", dir); code == 0 {
		t.Error("new site over an existing site succeeded")
	}
	if code, out, errs := runCmd("new", "-s", dir, "article", "Talks", "resume", "in", "Vienna"); code != 0 || !strings.Contains(out, "-talks-resume-in-vienna.txt") {
		t.Fatalf("new article: %d %s %s", code, out, errs)
	}
	code, out, errs := runCmd("build", "-s", dir)
	if code != 0 || !strings.Contains(out, "2 briefings generated") {
		t.Fatalf("build: %d %q %q", code, out, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "index.html")); err != nil {
		t.Error(err)
	}
	// A second build leaves the spare and the lock beside public/: what
	// builds leave at the top of the site is in the site's .gitignore.
	if code, _, errs := runCmd("build", "-s", dir); code != 0 {
		t.Fatalf("build again: %d %s", code, errs)
	}
	ignore, _ := os.ReadFile(filepath.Join(dir, ".gitignore"))
	ignored := map[string]bool{}
	for _, l := range strings.Fields(string(ignore)) {
		ignored[strings.Trim(l, "/")] = true
	}
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		switch n := e.Name(); n {
		case "content", "site.toml", ".gitignore":
		default:
			if !ignored[n] {
				t.Errorf("the build left %s, which the new site's .gitignore (%q) does not ignore", n, ignore)
			}
		}
	}
}

func TestBuildExitStatus(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "content", "articles"), 0o755)
	os.WriteFile(filepath.Join(dir, "content", "articles", "bad.txt"), []byte("no date here"), 0o644)
	os.WriteFile(filepath.Join(dir, "content", "articles", "2021-01-01-good.txt"), []byte("A good article with enough words to read. It says more."), 0o644)
	code, out, errs := runCmd("build", "-s", dir)
	if code != 1 || !strings.Contains(errs, "content/articles/bad.txt:1: no date") || !strings.Contains(out, "1 errors (skipped)") {
		t.Errorf("exit %d, out %q, err %q", code, out, errs)
	}
	os.WriteFile(filepath.Join(dir, "site.toml"), []byte("title = 3\n"), 0o644)
	code, _, errs = runCmd("build", "-s", dir)
	if code != 1 || !strings.Contains(errs, "site.toml:1:") || !strings.Contains(errs, "previous site is unchanged") {
		t.Errorf("bad config: exit %d, err %q", code, errs)
	}
}

func TestAnalyzeJSON(t *testing.T) {
	f := filepath.Join(t.TempDir(), "a.txt")
	src := "date 2021-06-28 The US on Sunday said it struck sites in Syria, Pentagon spokesman John Kirby said.\n\nMr Kirby said more than 40 attacks had hit US forces since February."
	os.WriteFile(f, []byte(src), 0o644)
	code, out, errs := runCmd("analyze", "-json", f)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"file", "date", "title", "sentences", "summary", "entities", "timexes", "timeline", "quotes", "figures"} {
		if _, ok := got[k]; !ok {
			t.Errorf("JSON lacks %q", k)
		}
	}
	var sents []struct{ Start, End int }
	json.Unmarshal(got["sentences"], &sents)
	if len(sents) != 2 || src[sents[0].Start:sents[0].Start+6] != "The US" {
		t.Errorf("sentences %v", sents)
	}
	var tx []struct {
		Start, End  int
		Text, Value string
	}
	json.Unmarshal(got["timexes"], &tx)
	found := false
	for _, x := range tx {
		if x.Text == "Sunday" && x.Value == "2021-06-27" && src[x.Start:x.End] == "Sunday" {
			found = true
		}
	}
	if !found {
		t.Errorf("no Sunday → 2021-06-27 in %s", got["timexes"])
	}
	if code, _, errs := runCmd("analyze", f, filepath.Join(t.TempDir(), "missing.txt")); code != 1 || !strings.Contains(errs, "missing.txt") {
		t.Errorf("missing file: exit %d %q", code, errs)
	}
}
