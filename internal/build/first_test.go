package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"brief"
	"brief/internal/article"
)

// TestFirstPages builds as brief serve does after a template edit, with
// the page a browser shows to make first: Ready is called once, when that
// page is on disk as this build makes it and the other pages are still
// the last build's; the build then makes the rest, and the output is what
// a clean build makes. An article edit (the site's model updated, not
// made again) makes its few files in one go: no Ready.
func TestFirstPages(t *testing.T) {
	picked := pickArticles()
	if len(picked) < 6 {
		t.Skip("example articles not found")
	}
	root := t.TempDir()
	dir, clean := filepath.Join(root, "serve"), filepath.Join(root, "clean")
	for _, a := range picked[:6] {
		b, _ := os.ReadFile(a)
		write(t, dir, "content/articles/"+filepath.Base(a), string(b))
	}
	write(t, dir, "site.toml", "title = \"First\"\nbaseURL = \"https://example.org/\"\npageSize = 5\n")
	memo := &Memo{}
	build1(t, dir, memo) // the first build is staged, not in place
	first := filepath.Join(dir, "content", "articles", filepath.Base(picked[0]))
	src, _ := os.ReadFile(first)
	a, err := article.Parse(first, src)
	if err != nil {
		t.Fatal(err)
	}
	page := "briefings/" + Slug(first, a.Title) + "/index.html"
	public := filepath.Join(dir, "public")

	base, err := brief.Templates().Open("base.html")
	if err != nil {
		t.Fatal(err)
	}
	st, _ := base.Stat()
	text := make([]byte, st.Size())
	base.Read(text)
	base.Close()
	write(t, dir, "templates/base.html", strings.Replace(string(text), "</footer>", "<span>MARK</span></footer>", 1))

	readies := 0
	o := opts(dir)
	o.Memo, o.First = memo, []string{page, "no/such/page/index.html"}
	o.Ready = func() {
		readies++
		if b, _ := os.ReadFile(filepath.Join(public, page)); !strings.Contains(string(b), "MARK") {
			t.Errorf("at Ready, %s is not this build's", page)
		}
		if b, _ := os.ReadFile(filepath.Join(public, "index.html")); strings.Contains(string(b), "MARK") {
			t.Errorf("at Ready, index.html is already made: the first pages were not made first")
		}
	}
	res, err := Build(t.Context(), o)
	if err != nil {
		t.Fatal(err)
	}
	// Only pages go through the templates: the files brief's own code
	// makes (JSON, Markdown, feeds, search, sitemap) are not made again.
	pages := 0
	for n := range tree(t, public) {
		if strings.HasSuffix(n, ".html") {
			pages++
		}
	}
	if res.Made > pages {
		t.Errorf("a template edit made %d files, more than the %d pages", res.Made, pages)
	}
	if readies != 1 {
		t.Errorf("Ready called %d times after a template edit, want 1", readies)
	}
	copyTree(t, filepath.Join(dir, "content"), filepath.Join(clean, "content"))
	copyTree(t, filepath.Join(dir, "templates"), filepath.Join(clean, "templates"))
	b, _ := os.ReadFile(filepath.Join(dir, "site.toml"))
	write(t, clean, "site.toml", string(b))
	build1(t, clean, nil)
	want, have := tree(t, filepath.Join(clean, "public")), tree(t, public)
	for n, h := range want {
		if have[n] != h {
			t.Errorf("%s differs from a clean build", n)
		}
	}
	if len(have) != len(want) {
		t.Errorf("%d files, a clean build makes %d", len(have), len(want))
	}

	readies = 0 // an edit of the first page's own article
	os.WriteFile(first, append(src, "\nThe board met again on Tuesday.\n"...), 0o644)
	if _, err := Build(t.Context(), o); err != nil {
		t.Fatal(err)
	}
	if readies != 0 {
		t.Errorf("Ready called %d times for an article edit, want 0", readies)
	}
}
