package site

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// siteFolders are the folders of a site that are its sources: the output
// may be none of them, nor inside one.
var siteFolders = []string{"content", "templates", "theme", "data"}

// CacheDir is the site's cache folder (package build): the output may not be
// it, but may be a folder inside it (brief serve's own output, ServeOutput).
const CacheDir = ".brief-cache"

// ServeOutput is where brief serve builds by default, relative to the
// site: its pages carry the local address, so it keeps out of the output
// folder that gets deployed.
var ServeOutput = filepath.Join(CacheDir, "serve")

// checkOutput refuses an output folder that a build would destroy
// something in by swapping it out: the site folder itself or a folder
// holding it, one of its source folders (or a folder inside one), a file,
// or an existing folder that is not a site (brief always writes
// index.html, 404.html and sitemap.xml), not a deployment checkout (.git)
// and that no earlier build recorded (known).
func checkOutput(siteDir, out string, known bool) error {
	site, err := filepath.Abs(siteDir)
	if err != nil {
		return err
	}
	if out, err = filepath.Abs(out); err != nil {
		return err
	}
	within := func(dir, parent string) bool {
		rel, err := filepath.Rel(parent, dir)
		return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
	}
	if within(site, out) {
		return fmt.Errorf("output folder %s holds the site folder %s: building there would replace the site; choose another (site.toml `output`, or -o)", out, site)
	}
	for _, f := range siteFolders {
		if src := filepath.Join(site, f); within(out, src) {
			return fmt.Errorf("output folder %s is inside the site's %s/: building there would replace sources; choose another (site.toml `output`, or -o)", out, f)
		}
	}
	if cache := filepath.Join(site, CacheDir); out == cache {
		return fmt.Errorf("output folder %s is the site's cache folder: building there would replace it; choose another (site.toml `output`, or -o)", out)
	}
	st, err := os.Stat(out)
	switch {
	case err != nil:
		return nil // made by the build
	case !st.IsDir():
		return fmt.Errorf("output folder %s is a file", out)
	case known:
		return nil
	}
	ents, err := os.ReadDir(out)
	if err != nil {
		return err
	}
	var others []string
	for _, e := range ents {
		switch e.Name() {
		case "index.html", "404.html", "sitemap.xml":
			return nil // a site: brief's, or another generator's to replace
		case ".git":
			return nil // a deployment checkout (gh-pages): .git is carried over
		case "CNAME":
			continue // carried over
		}
		others = append(others, e.Name())
	}
	if len(others) == 0 {
		return nil
	}
	if len(others) > 3 {
		others = append(others[:3], "…")
	}
	return fmt.Errorf("output folder %s is not a site (no index.html; it holds %s): a build would replace it; move it away or choose another (site.toml `output`, or -o)", out, strings.Join(others, ", "))
}
