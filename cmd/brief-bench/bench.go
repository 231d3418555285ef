package main

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"brief/internal/gensite"
)

// row is the figures of one site.
type row struct {
	name     string
	articles int
	generate time.Duration
	cold     measurement
	warm     []measurement
	one      []measurement
	serve    []childEdit // one-article rebuilds in a process that built before (brief serve)
	hugo     *hugoRow
}

func bench(o options) error {
	root, rootErr := moduleRoot()
	if o.corpus == "" && o.site == "" {
		if rootErr != nil {
			return rootErr
		}
		o.corpus = filepath.Join(root, "..", "shared", "corpus")
	}
	if o.hugo != "" && o.hugoSite == "" {
		if rootErr != nil {
			return rootErr
		}
		o.hugoSite = filepath.Join(root, "bench", "hugo-same")
	}
	tmp, err := os.MkdirTemp("", "brief-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	o.trash = &trash{}
	defer o.trash.empty()
	printMachine(os.Stdout, root)
	var rows []*row
	if o.site != "" {
		r, err := benchSite(o, tmp, 0)
		if err != nil {
			return err
		}
		rows = append(rows, r)
	}
	for _, n := range o.sizes {
		r, err := benchSite(o, tmp, n)
		if err != nil {
			return err
		}
		rows = append(rows, r)
		o.cpuprofile, o.memprofile = "", "" // the first cold build only
	}
	fmt.Printf("load average at the end: %s\n\n", loadAvg())
	printTable(os.Stdout, rows)
	return nil
}

// benchSite measures one site: a generated one of n articles, or o.site
// when n is 0.
func benchSite(o options, tmp string, n int) (*row, error) {
	r := &row{name: fmt.Sprint(n)}
	dir := filepath.Join(tmp, fmt.Sprintf("n%d", n))
	if o.keep != "" {
		dir = filepath.Join(o.keep, fmt.Sprintf("n%d", n))
	}
	start := time.Now()
	var paths []string
	var err error
	if n == 0 {
		abs, err := filepath.Abs(o.site)
		if err != nil {
			return nil, err
		}
		r.name = filepath.Base(abs)
		dir = filepath.Join(tmp, "site")
		paths, err = copySite(o.site, dir)
	} else {
		paths, err = generated(dir, o.corpus, n, o.seed)
	}
	if err != nil {
		return nil, err
	}
	if dir, err = filepath.Abs(dir); err != nil {
		return nil, err
	}
	r.articles, r.generate = len(paths), time.Since(start)
	logf("%s: %d articles in %s (made in %s)", r.name, len(paths), dir, r.generate.Round(time.Millisecond))

	if err := coldReset(dir, o.trash); err != nil {
		return nil, err
	}
	if r.cold, err = child("build", profiles{o.cpuprofile, o.memprofile}, dir); err != nil {
		return nil, err
	}
	logf("  cold: %s (%s CPU), %d pages, %s RSS, %d errors %s", ms(r.cold.Time()), ms(r.cold.CPU), r.cold.Pages, mb(r.cold.MaxRSS), len(r.cold.Errors), first(r.cold.Errors))
	for range o.runs {
		m, err := child("build", profiles{}, dir)
		if err != nil {
			return nil, err
		}
		r.warm = append(r.warm, m)
		logf("  warm: %s (%s CPU), %d analysed, %d files made (%s), %s RSS", ms(m.Time()), ms(m.CPU), m.Analysed, m.Made, m.Mode, mb(m.MaxRSS))
	}
	restore := map[string][]byte{}
	defer func() {
		for p, b := range restore {
			os.WriteFile(p, b, 0o644)
		}
	}()
	for k := range o.runs {
		if len(paths) == 0 {
			break
		}
		file := filepath.Join(dir, filepath.FromSlash(paths[(k+1)*len(paths)/(o.runs+1)%len(paths)]))
		old, err := appendSentence(file, gensite.Sentence(k))
		if err != nil {
			return nil, err
		}
		if _, ok := restore[file]; !ok {
			restore[file] = old
		}
		m, err := child("build", profiles{}, dir)
		if err != nil {
			return nil, err
		}
		r.one = append(r.one, m)
		logf("  one article: %s (%s CPU), %d analysed, %d generated, %d files made (%s), %s RSS", ms(m.Time()), ms(m.CPU), m.Analysed, m.Generated, m.Made, m.Mode, mb(m.MaxRSS))
	}
	if len(paths) > 0 {
		var files []string
		for k := range max(o.runs, 3) {
			files = append(files, filepath.Join(dir, filepath.FromSlash(paths[(2*k+1)*len(paths)/(2*max(o.runs, 3)+1)%len(paths)])))
		}
		m, err := child("serve", profiles{}, append([]string{dir}, files...)...)
		if err != nil {
			return nil, err
		}
		r.serve = m.Edits
		for _, e := range m.Edits {
			logf("  one article in brief serve: %s (%s CPU), %d analysed, %d files made", ms(time.Duration(e.Nanos)), ms(time.Duration(e.CPU)), e.Analysed, e.Made)
		}
	}
	if o.hugo != "" {
		hdir := filepath.Join(tmp, "hugo-"+r.name)
		if o.keep != "" {
			hdir = filepath.Join(o.keep, "hugo-"+r.name)
		}
		if r.hugo, err = benchHugo(o, dir, hdir); err != nil {
			return nil, err
		}
	}
	if o.keep == "" && n != 0 {
		o.trash.put(dir, dir) // not now: it would slow the next site's cold build
	}
	return r, nil
}

func first(errs []string) string {
	if len(errs) == 0 {
		return ""
	}
	return "(first: " + errs[0] + ")"
}

func logf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, format+"\n", args...)
}
