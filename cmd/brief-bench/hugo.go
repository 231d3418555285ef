package main

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"brief/internal/site"
)

// hugoRow is brief's render stage beside Hugo, run by run.
type hugoRow struct {
	brief, hugo []measurement
	briefPages  int
	hugoPages   int // HTML files Hugo wrote
	hugoFiles   int // all files Hugo wrote
}

func (h *hugoRow) briefWall() time.Duration { return medianWall(h.brief).Wall }
func (h *hugoRow) hugoWall() time.Duration  { return medianWall(h.hugo).Wall }
func (h *hugoRow) ratio() float64           { return h.briefWall().Seconds() / h.hugoWall().Seconds() }

// benchHugo times brief's render stage on the briefings of siteDir (all
// analyses cached, no output folder) and Hugo on the same Markdown in
// hugoDir, interleaved.
func benchHugo(o options, siteDir, hugoDir string) (*hugoRow, error) {
	n, err := hugoSite(o.hugoSite, siteDir, hugoDir)
	if err != nil {
		return nil, err
	}
	cfg, err := site.LoadConfig(filepath.Join(siteDir, "site.toml"))
	if err != nil {
		return nil, err
	}
	out := cfg.Output
	if !filepath.IsAbs(out) {
		out = filepath.Join(siteDir, out)
	}
	h := &hugoRow{}
	runBrief := func() error {
		// No output, no spare, no output state: every page is rendered
		// and written, as Hugo does with no public/.
		// Moved aside, not removed: both sides make their files away
		// from a fresh removal (see coldReset).
		states, _ := filepath.Glob(filepath.Join(siteDir, cacheDir, "output*.gob"))
		for _, p := range append([]string{out, filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+".spare")}, states...) {
			if err := o.trash.put(siteDir, p); err != nil {
				return err
			}
		}
		m, err := child("build", profiles{}, siteDir)
		if err != nil {
			return err
		}
		h.brief, h.briefPages = append(h.brief, m), m.Pages
		logf("  brief render: %s process (%s in build, %s CPU, %d analysed), %d pages, %s RSS", ms(m.Wall), ms(m.Time()), ms(m.CPU), m.Analysed, m.Pages, mb(m.MaxRSS))
		return nil
	}
	runHugo := func() error {
		pub := filepath.Join(hugoDir, "public")
		if err := o.trash.put(hugoDir, pub); err != nil {
			return err
		}
		m, err := timed(hugoDir, o.hugo, "--quiet", "--cacheDir", filepath.Join(hugoDir, ".cache"))
		if err != nil {
			return err
		}
		h.hugo, h.hugoPages, h.hugoFiles = append(h.hugo, m), countHTML(pub), countFiles(pub)
		logf("  hugo: %s (%s CPU), %d HTML files, %s RSS", ms(m.Wall), ms(m.CPU), h.hugoPages, mb(m.MaxRSS))
		return nil
	}
	logf("  hugo site: %d briefings in %s", n, hugoDir)
	for j := range o.runs {
		steps := []func() error{runBrief, runHugo}
		if j%2 == 1 {
			steps[0], steps[1] = steps[1], steps[0]
		}
		for _, f := range steps {
			if err := f(); err != nil {
				return nil, err
			}
		}
	}
	return h, nil
}

func (h *hugoRow) print(w io.Writer, name string) {
	b, g := medianWall(h.brief), medianWall(h.hugo)
	fmt.Fprintf(w, "Render side by side, %s articles (medians of %d interleaved runs, whole processes, cold output):\n\n", name, len(h.brief))
	fmt.Fprintln(w, "| | time | CPU | user CPU | files | pages | per page | peak RSS |")
	fmt.Fprintln(w, "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
	fmt.Fprintf(w, "| brief (build, analyses cached) | %s | %s | %s | %d | %d | %.2f ms | %s |\n", s(b.Wall), s(b.CPU), s(b.User), b.Files, h.briefPages, b.Wall.Seconds()*1000/float64(max(1, h.briefPages)), mb(peak(h.brief...)))
	fmt.Fprintf(w, "| hugo --quiet | %s | %s | %s | %d | %d | %.2f ms | %s |\n", s(g.Wall), s(g.CPU), s(g.User), h.hugoFiles, h.hugoPages, g.Wall.Seconds()*1000/float64(max(1, h.hugoPages)), mb(peak(h.hugo...)))
	fmt.Fprintf(w, "\nbrief/Hugo: %.2f (CPU time: %.2f, user CPU time: %.2f); brief's stages in that run: briefings %s, render %s, write %s (sum %s, ratio of the sum to Hugo %.2f)\n",
		h.ratio(), b.CPU.Seconds()/g.CPU.Seconds(), b.User.Seconds()/g.User.Seconds(), stage(b, "briefings"), stage(b, "render"), stage(b, "write"),
		ms(time.Duration(b.Stages["briefings"]+b.Stages["render"]+b.Stages["write"])),
		time.Duration(b.Stages["briefings"]+b.Stages["render"]+b.Stages["write"]).Seconds()/g.Wall.Seconds())
}

// hugoSite makes a Hugo site in dst: the config and layouts of tmpl, and
// content/briefings holding the briefings of siteDir with the front matter
// keys Hugo reads otherwise renamed. It returns how many briefings.
func hugoSite(tmpl, siteDir, dst string) (int, error) {
	if err := os.RemoveAll(dst); err != nil {
		return 0, err
	}
	err := filepath.WalkDir(tmpl, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(tmpl, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		return copyFile(p, filepath.Join(dst, rel))
	})
	if err != nil {
		return 0, err
	}
	src := filepath.Join(siteDir, "content", "briefings")
	to := filepath.Join(dst, "content", "briefings")
	if err := os.MkdirAll(to, 0o755); err != nil {
		return 0, err
	}
	ents, err := os.ReadDir(src)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, e := range ents {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".md") || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			return 0, err
		}
		if err := os.WriteFile(filepath.Join(to, e.Name()), forHugo(b), 0o644); err != nil {
			return 0, err
		}
		n++
	}
	return n, nil
}

// forHugo renames the front matter keys of a briefing that Hugo gives
// another meaning: url (the page's own URL for Hugo) and summary (a
// string for Hugo, brief's bottom line is a table array). The rest
// becomes page parameters; the body is left as it is. It adds the names
// of the briefing's actors as two lists, actor_names (people,
// organisations and the rest) and place_names, which bench/hugo-same
// makes taxonomies of, as brief makes actor and place pages.
func forHugo(b []byte) []byte {
	if !bytes.HasPrefix(b, []byte("+++\n")) {
		return b
	}
	end := bytes.Index(b[4:], []byte("\n+++\n"))
	if end < 0 {
		return b
	}
	fm := strings.Split(string(b[4:4+end]), "\n")
	var actors, places []string
	table, firstTable := "", len(fm)
	var name string // the name of the [[actors]] table being read
	flush := func() {
		if table == "[[actors]]" && name != "" {
			actors = append(actors, name)
		}
		name = ""
	}
	for i, l := range fm {
		switch {
		case strings.HasPrefix(l, "["):
			flush()
			table, firstTable = l, min(firstTable, i)
		case table == "[[actors]]" && strings.HasPrefix(l, "name = "):
			name = l[len("name = "):]
		case table == "[[actors]]" && l == `kind = "place"` && name != "":
			places, name = append(places, name), ""
		}
		switch {
		case strings.HasPrefix(l, "url ="):
			fm[i] = "source_url =" + l[len("url ="):]
		case l == "[[summary]]":
			fm[i] = "[[bottom_line]]"
		case strings.HasPrefix(l, "[summary.") || strings.HasPrefix(l, "[[summary."):
			fm[i] = strings.Replace(l, "summary.", "bottom_line.", 1)
		}
	}
	flush()
	var out bytes.Buffer
	out.WriteString("+++\n")
	out.WriteString(strings.Join(fm[:firstTable], "\n"))
	head := firstTable > 0
	if len(actors) > 0 || len(places) > 0 {
		if head {
			out.WriteByte('\n')
		}
		fmt.Fprintf(&out, "actor_names = [%s]\nplace_names = [%s]", strings.Join(actors, ", "), strings.Join(places, ", "))
		head = true
	}
	if firstTable < len(fm) {
		if head {
			out.WriteByte('\n')
		}
		out.WriteString(strings.Join(fm[firstTable:], "\n"))
	}
	out.Write(b[4+end:])
	return out.Bytes()
}

// countHTML counts the .html files under dir.
func countHTML(dir string) int {
	n := 0
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			n++
		}
		return nil
	})
	return n
}

// countFiles counts the files under dir.
func countFiles(dir string) int {
	n := 0
	filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			n++
		}
		return nil
	})
	return n
}
