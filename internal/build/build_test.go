package build

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"html/template"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"brief"
	"brief/internal/briefing"
)

// parseTxtar reads the txtar format: "-- name --" lines open files.
func parseTxtar(data string) map[string]string {
	files := map[string]string{}
	var name string
	var body strings.Builder
	flush := func() {
		if name != "" {
			files[name] = body.String()
		}
		body.Reset()
	}
	for _, line := range strings.SplitAfter(data, "\n") {
		t := strings.TrimRight(line, "\n")
		if strings.HasPrefix(t, "-- ") && strings.HasSuffix(t, " --") && len(t) > 6 {
			flush()
			name = strings.TrimSpace(t[3 : len(t)-3])
			continue
		}
		if name != "" {
			body.WriteString(line)
		}
	}
	flush()
	return files
}

// testSite writes a txtar file of testdata into a temporary site folder.
func testSite(t *testing.T, txtar string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", txtar))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for name, body := range parseTxtar(string(data)) {
		write(t, dir, name, body)
	}
	return dir
}

func write(t *testing.T, dir, name, body string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

func opts(dir string) Options {
	return Options{Dir: dir, Templates: brief.Templates(), Theme: brief.Theme(), Generator: "brief test"}
}

func read(t *testing.T, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// tree returns a digest of every file under dir, for comparing builds.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(dir, p)
			out[filepath.ToSlash(rel)] = fmt.Sprintf("%x", sha256.Sum256(b))
		}
		return nil
	})
	return out
}

func TestBuildSite(t *testing.T) {
	dir := testSite(t, "basic.txtar")
	res, err := Build(context.Background(), opts(dir))
	if err != nil {
		t.Fatal(err)
	}
	if res.Generated != 2 || len(res.Errors) != 0 {
		t.Fatalf("result %+v", res)
	}
	for _, f := range []string{
		"public/index.html", "public/briefings/strikes-in-iraq/index.html", "public/briefings/strikes-in-iraq/index.md",
		"public/briefings/apple/index.html", "public/archive/index.html", "public/tags/index.html",
		"public/tags/iraq/index.html", "public/feed.xml", "public/sitemap.xml", "public/robots.txt", "public/404.html",
		"public/theme/style.css", "content/briefings/strikes-in-iraq.md",
	} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("missing %s", f)
		}
	}
	page := read(t, dir, "public/briefings/strikes-in-iraq/index.html")
	for _, want := range []string{
		`<span class="sent" id="s0">`, `href="#s0"`, "Bottom line", `href="/theme/style.css"`,
		`<html lang="en">`, "Reuters",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("briefing page lacks %q", want)
		}
	}
	first := tree(t, filepath.Join(dir, "public"))
	if _, err := Build(context.Background(), opts(dir)); err != nil {
		t.Fatal(err)
	}
	if second := tree(t, filepath.Join(dir, "public")); fmt.Sprint(first) != fmt.Sprint(second) {
		t.Error("two builds differ")
	}
}

func TestBaseURLSubPath(t *testing.T) {
	dir := testSite(t, "basic.txtar")
	o := opts(dir)
	o.BaseURL = "https://example.org/project"
	if _, err := Build(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	home := read(t, dir, "public/index.html")
	for _, want := range []string{`href="/project/briefings/strikes-in-iraq/"`, `href="/project/theme/style.css"`, `href="https://example.org/project/"`} {
		if !strings.Contains(home, want) {
			t.Errorf("home lacks %s", want)
		}
	}
	if strings.Contains(home, `href="/briefings/`) {
		t.Error("a link ignores the base path")
	}
	if feed := read(t, dir, "public/feed.xml"); !strings.Contains(feed, "https://example.org/project/briefings/strikes-in-iraq/") {
		t.Error("feed lacks absolute URLs")
	}
}

func TestBadArticles(t *testing.T) {
	dir := testSite(t, "basic.txtar")
	big := "date 2021-01-01\n\n" + strings.Repeat("Words and more words. ", 1<<20)
	bad := map[string]string{
		"content/articles/empty.txt":                     "",
		"content/articles/binary.txt":                    "date 2021-01-01\n\x00\x01\x02",
		"content/articles/latin1.txt":                    "date 2021-01-01\n\nCaf\xe9 society.",
		"content/articles/nodate.txt":                    "Just a text without a date.",
		"content/articles/impossible.txt":                "date 2021-02-30\n\nText.",
		"content/articles/header-only.txt":               "date 2021-01-01\ntitle Nothing\n",
		"content/articles/huge.txt":                      big,
		"content/articles/2021-06-28-strikes-in-iraq.md": "+++\ntitle = \"Same slug\"\ndate = 2021-06-28\n+++\nText.",
	}
	for name, body := range bad {
		write(t, dir, name, body)
	}
	res, err := Build(context.Background(), opts(dir))
	if err != nil {
		t.Fatal(err)
	}
	var msgs []string
	for _, e := range res.Errors {
		msgs = append(msgs, e.Error())
	}
	sort.Strings(msgs)
	all := strings.Join(msgs, "\n")
	for _, want := range []string{
		"content/articles/binary.txt:2: binary file",
		"content/articles/empty.txt: empty file",
		"content/articles/header-only.txt:3: no body text",
		"content/articles/huge.txt: file is",
		`content/articles/impossible.txt:1: impossible date "2021-02-30"`,
		"content/articles/latin1.txt:3: invalid UTF-8",
		"content/articles/nodate.txt:1: no date",
		`content/articles/2021-06-28-strikes-in-iraq.txt: slug "strikes-in-iraq" is already taken by content/articles/2021-06-28-strikes-in-iraq.md`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("errors lack %q; got:\n%s", want, all)
		}
	}
	if len(res.Errors) != 8 {
		t.Errorf("%d errors, want 8", len(res.Errors))
	}
	if _, err := os.Stat(filepath.Join(dir, "public/briefings/apple/index.html")); err != nil {
		t.Error("the good article was not built")
	}
}

func TestHostileText(t *testing.T) {
	dir := testSite(t, "basic.txtar")
	write(t, dir, "content/articles/2021-07-01-x.txt", "date 2021-07-01\ntitle <script>alert('t')</script> & co\n\n"+
		"The page said <script>alert(1)</script> and <b>bold</b> loudly, with [a link](javascript:alert(2)) and {{ .Site }} here.\n\n"+
		"<div onclick=\"x()\">A raw block</div> was quoted by officials on Monday.\n")
	if _, err := Build(context.Background(), opts(dir)); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"public/briefings/x/index.html", "public/index.html", "public/feed.xml", "public/archive/index.html"} {
		page := read(t, dir, f)
		for _, bad := range []string{"<script>", "<b>bold", `href="javascript:`, "<div onclick"} {
			if strings.Contains(page, bad) {
				t.Errorf("%s contains %q unescaped", f, bad)
			}
		}
	}
	if page := read(t, dir, "public/briefings/x/index.html"); !strings.Contains(page, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("script text is not shown escaped")
	}
}

func TestHandEdits(t *testing.T) {
	dir := testSite(t, "basic.txtar")
	if _, err := Build(context.Background(), opts(dir)); err != nil {
		t.Fatal(err)
	}
	md := "content/briefings/strikes-in-iraq.md"
	edited := strings.Replace(read(t, dir, md), "## Bottom line", "## Bottom line\n\nAnalyst note: watch Erbil.", 1)
	write(t, dir, md, edited)
	res, err := Build(context.Background(), opts(dir))
	if err != nil {
		t.Fatal(err)
	}
	if read(t, dir, md) != edited || !strings.Contains(strings.Join(res.Warnings, "\n"), md+": edited by hand, kept") {
		t.Fatalf("edit lost or not reported: %v", res.Warnings)
	}
	if !strings.Contains(read(t, dir, "public/briefings/strikes-in-iraq/index.html"), "Analyst note: watch Erbil.") {
		t.Error("the edit is not on the page")
	}
	// The article changes: the edit is still kept, and the change reported.
	art := "content/articles/2021-06-28-strikes-in-iraq.txt"
	write(t, dir, art, read(t, dir, art)+"\nA new paragraph was added on Tuesday.\n")
	res, _ = Build(context.Background(), opts(dir))
	if read(t, dir, md) != edited || !strings.Contains(strings.Join(res.Warnings, "\n"), "changed since") {
		t.Fatalf("changed source not reported: %v", res.Warnings)
	}
	o := opts(dir)
	o.Force = true
	if _, err := Build(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	if got := read(t, dir, md); strings.Contains(got, "Analyst note") || briefing.Edited([]byte(got)) {
		t.Error("--force did not regenerate")
	}
}

func TestFailedBuildKeepsOldSite(t *testing.T) {
	tests := []struct{ name, file, body, want string }{
		{"broken template", "templates/briefing.html", "{{define \"main\"}}\n{{.Entry.Title\n{{end}}", "templates/briefing.html:3:"},
		{"template exec error", "templates/home.html", "{{define \"main\"}}\n{{.Nope}}\n{{end}}", "templates/home.html:2:"},
		{"malformed site.toml", "site.toml", "title = \"x\"\nbaseURL = \n", "site.toml:2:"},
		{"unknown key", "site.toml", "title = \"x\"\n\n[feed]\nitemz = 3\n", `site.toml:4: unknown key "feed.itemz"`},
		{"wrong type", "site.toml", "pageSize = \"ten\"\n", "site.toml:1:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := testSite(t, "basic.txtar")
			os.MkdirAll(filepath.Join(dir, "public", ".git"), 0o755)
			write(t, dir, "public/CNAME", "example.org\n")
			if _, err := Build(context.Background(), opts(dir)); err != nil {
				t.Fatal(err)
			}
			before := tree(t, filepath.Join(dir, "public"))
			write(t, dir, tt.file, tt.body)
			_, err := Build(context.Background(), opts(dir))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want %q", err, tt.want)
			}
			if after := tree(t, filepath.Join(dir, "public")); fmt.Sprint(before) != fmt.Sprint(after) {
				t.Error("public/ changed after a failed build")
			}
			if read(t, dir, "public/CNAME") != "example.org\n" {
				t.Error("CNAME lost")
			}
			ents, _ := os.ReadDir(dir)
			for _, e := range ents {
				if strings.Contains(e.Name(), "staging") || strings.Contains(e.Name(), ".old-") {
					t.Errorf("left behind %s", e.Name())
				}
			}
		})
	}
}

func TestStaleFilesAndKeep(t *testing.T) {
	dir := testSite(t, "basic.txtar")
	os.MkdirAll(filepath.Join(dir, "public", ".git"), 0o755)
	write(t, dir, "public/.git/HEAD", "ref: x\n")
	write(t, dir, "public/CNAME", "example.org\n")
	write(t, dir, "public/stale.html", "old")
	if _, err := Build(context.Background(), opts(dir)); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(dir, "content/articles/2021-06-29-apple.txt"))
	if _, err := Build(context.Background(), opts(dir)); err != nil {
		t.Fatal(err)
	}
	for _, gone := range []string{"public/stale.html", "public/briefings/apple/index.html", "content/briefings/apple.md"} {
		if _, err := os.Stat(filepath.Join(dir, gone)); err == nil {
			t.Errorf("%s survived", gone)
		}
	}
	if read(t, dir, "public/.git/HEAD") != "ref: x\n" || read(t, dir, "public/CNAME") != "example.org\n" {
		t.Error(".git or CNAME lost")
	}
	if strings.Contains(read(t, dir, "public/index.html"), "apple-unveils") {
		t.Error("deleted article still listed")
	}
}

func TestSiteOverride(t *testing.T) {
	dir := testSite(t, "basic.txtar")
	write(t, dir, "theme/style.css", "body{color:red}")
	write(t, dir, "templates/404.html", "{{define \"main\"}}<p>Custom 404</p>{{end}}")
	if _, err := Build(context.Background(), opts(dir)); err != nil {
		t.Fatal(err)
	}
	if read(t, dir, "public/theme/style.css") != "body{color:red}" || !strings.Contains(read(t, dir, "public/404.html"), "Custom 404") {
		t.Error("site files do not override the defaults")
	}
	if !bytes.Contains([]byte(read(t, dir, "public/index.html")), []byte("kind-home")) {
		t.Error("default templates not used where the site has none")
	}
}

func TestSlug(t *testing.T) {
	tests := []struct{ file, title, want string }{
		{"content/articles/2021-06-28-us-strikes.txt", "x", "us-strikes"},
		{"content/articles/wikinews/2013-12-10-1007169.txt", "Mary Barra appointed as GM chief", "mary-barra-appointed-as-gm-chief"},
		{"a/1234.txt", "../../etc/passwd", "etc-passwd"},
		{"a/Ünïcode Straße.md", "", "ünïcode-straße"},
		{"a/2021-01-01-.txt", "...", "briefing"},
	}
	for _, tt := range tests {
		if got := Slug(tt.file, tt.title); got != tt.want {
			t.Errorf("Slug(%q, %q) = %q, want %q", tt.file, tt.title, got, tt.want)
		}
	}
}

// TestTemplateBody: a template sees a briefing's Markdown body as .Body
// however the build came by it: just analysed, from the parsed cache
// (read from the file when a page needs it), or read and parsed again
// after a hand edit. The build holds the body in the file's bytes, not
// always in Briefing.Body.
func TestTemplateBody(t *testing.T) {
	dir := testSite(t, "basic.txtar")
	write(t, dir, "templates/briefing.html", `{{define "main"}}<pre id="md">{{.Entry.Body}}</pre>{{.Entry.Content}}{{end}}`)
	page := "public/briefings/strikes-in-iraq/index.html"
	check := func(step string) {
		t.Helper()
		src := read(t, dir, "content/briefings/strikes-in-iraq.md")
		_, body, ok := strings.Cut(src, "+++\n\n")
		if !ok || !strings.Contains(body, "Bottom line") {
			t.Fatalf("%s: no body in the briefing file:\n%s", step, src)
		}
		want := `<pre id="md">` + template.HTMLEscapeString(body) + `</pre>`
		if got := read(t, dir, page); !strings.Contains(got, want) {
			t.Errorf("%s: the page does not show the body as .Body:\n%s", step, got)
		}
	}
	build := func() {
		t.Helper()
		if _, err := Build(context.Background(), opts(dir)); err != nil {
			t.Fatal(err)
		}
	}
	build()
	check("first build")
	write(t, dir, "templates/briefing.html", `{{define "main"}}<pre id="md">{{.Entry.Body}}</pre>{{end}}`)
	build()
	check("template changed, briefings from the parsed cache")
	src := read(t, dir, "content/briefings/strikes-in-iraq.md")
	write(t, dir, "content/briefings/strikes-in-iraq.md", src+"\nAn analyst's note.\n")
	build()
	check("hand-edited briefing")
	if !strings.Contains(read(t, dir, page), "An analyst&#39;s note.") {
		t.Error("the hand edit is not on the page")
	}
}

// TestUnchangedReportsTheSame: a build given what the last one was given
// makes nothing (site.Unchanged) and reports what that build did: its
// pages and files, its warnings (a briefing's raw HTML) and its errors
// (a bad article), so that its exit status is the same.
func TestUnchangedReportsTheSame(t *testing.T) {
	dir := testSite(t, "basic.txtar")
	write(t, dir, "content/articles/empty.txt", "")
	if _, err := Build(context.Background(), opts(dir)); err != nil {
		t.Fatal(err)
	}
	src := read(t, dir, "content/briefings/apple.md")
	write(t, dir, "content/briefings/apple.md", src+"\n<script>alert(1)</script>\n")
	// A briefing of no article, whose slug the site refuses: a warning
	// of the build, an error of the site's (Result.Skipped).
	write(t, dir, "content/briefings/Bad_Slug.md", strings.Replace(src, `slug = "apple"`, `slug = "Bad Slug"`, 1)+"\nAn analyst's own briefing.\n")
	report := func(r *Result) string {
		var errs []string
		for _, e := range r.Errors {
			errs = append(errs, e.Error())
		}
		return fmt.Sprintf("pages %d, files %d, warnings %q, errors %q", r.Pages, r.Files, r.Warnings, errs)
	}
	first, err := Build(context.Background(), opts(dir))
	if err != nil {
		t.Fatal(err)
	}
	if first.Mode == "unchanged" || !strings.Contains(report(first), "raw HTML") || !strings.Contains(report(first), "Bad_Slug") || len(first.Errors) != 2 {
		t.Fatalf("the hand edit's build: %s, output %s", report(first), first.Mode)
	}
	again, err := Build(context.Background(), opts(dir))
	if err != nil {
		t.Fatal(err)
	}
	if again.Mode != "unchanged" || again.Made != 0 {
		t.Errorf("nothing changed: output %s, %d files made", again.Mode, again.Made)
	}
	if a, b := report(first), report(again); a != b {
		t.Errorf("unchanged build reports\n%s\nnot\n%s", b, a)
	}
	// Without the briefing of no article, nothing is even read.
	if err := os.Remove(filepath.Join(dir, "content", "briefings", "Bad_Slug.md")); err != nil {
		t.Fatal(err)
	}
	if first, err = Build(context.Background(), opts(dir)); err != nil {
		t.Fatal(err)
	}
	if again, err = Build(context.Background(), opts(dir)); err != nil {
		t.Fatal(err)
	}
	if _, read := again.Stages["briefings"]; read || again.Mode != "unchanged" {
		t.Errorf("nothing changed: output %s, briefings read: %v (every one is an article's, known by its hash)", again.Mode, read)
	}
	if a, b := report(first), report(again); a != b {
		t.Errorf("unchanged build reports\n%s\nnot\n%s", b, a)
	}
}

// TestSiteNamedEitherWay: a site named by a relative path in one build and
// an absolute one in the next is the same site, with the same output
// folder and state: the second build makes nothing, and an edit makes
// only the files it changes (each build made every file again before).
func TestSiteNamedEitherWay(t *testing.T) {
	dir := testSite(t, "basic.txtar")
	if _, err := Build(context.Background(), opts(dir)); err != nil {
		t.Fatal(err)
	}
	t.Chdir(filepath.Dir(dir))
	rel := filepath.Base(dir)
	res, err := Build(context.Background(), opts(rel))
	if err != nil {
		t.Fatal(err)
	}
	if res.Made != 0 || res.Mode != "unchanged" {
		t.Errorf("relative path after absolute: %d of %d files made, output %s; want none, unchanged", res.Made, res.Files, res.Mode)
	}
	p := filepath.Join(dir, "content", "articles", "2021-06-29-apple.txt")
	src := read(t, dir, "content/articles/2021-06-29-apple.txt")
	if err := os.WriteFile(p, []byte(src+"\nApple said on Wednesday that sales had doubled.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if res, err = Build(context.Background(), opts(rel)); err != nil {
		t.Fatal(err)
	}
	if res.Made == 0 || res.Made >= res.Files/2 {
		t.Errorf("an edit, relative path: %d of %d files made", res.Made, res.Files)
	}
	if res, err = Build(context.Background(), opts(dir)); err != nil {
		t.Fatal(err)
	}
	if res.Made != 0 || res.Mode != "unchanged" {
		t.Errorf("absolute path after relative: %d of %d files made, output %s; want none, unchanged", res.Made, res.Files, res.Mode)
	}
}
