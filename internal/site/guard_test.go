package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckOutput: output folders a build would destroy sources in by
// swapping them out are refused, with the reason.
func TestCheckOutput(t *testing.T) {
	site := t.TempDir()
	for _, d := range []string{"content/articles", "templates", "old-site", "notes", "empty", "pages/.git"} {
		os.MkdirAll(filepath.Join(site, d), 0o755)
	}
	os.WriteFile(filepath.Join(site, "old-site", "index.html"), []byte("<p>"), 0o644)
	os.WriteFile(filepath.Join(site, "notes", "todo.txt"), []byte("mine"), 0o644)
	os.WriteFile(filepath.Join(site, "afile"), []byte("x"), 0o644)
	for _, tt := range []struct {
		out   string
		known bool
		err   string // "" when accepted
	}{
		{"public", false, ""},
		{"old-site", false, ""},
		{"empty", false, ""},
		{"notes", true, ""},
		{"pages", false, ""},
		{".", false, "holds the site folder"},
		{"..", false, "holds the site folder"},
		{"content", false, "inside the site's content/"},
		{"content/articles/out", false, "inside the site's content/"},
		{"templates", false, "inside the site's templates/"},
		{"notes", false, "is not a site"},
		{"afile", false, "is a file"},
		{".brief-cache", false, "is the site's cache folder"},
		{".brief-cache/serve", false, ""},
	} {
		wd, _ := os.Getwd()
		rel, _ := filepath.Rel(wd, site) // as `brief build -s . -o x` gives
		for _, dir := range []string{site, rel} {
			err := checkOutput(dir, outputPath(dir, tt.out), tt.known)
			switch {
			case tt.err == "" && err != nil:
				t.Errorf("%s from %s: %v", tt.out, dir, err)
			case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
				t.Errorf("%s from %s: error %v, want %q", tt.out, dir, err, tt.err)
			}
		}
	}
}
