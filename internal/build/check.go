package build

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"brief/internal/article"
	"brief/internal/briefing"
	"brief/internal/check"
	"brief/internal/site"
)

// Check validates a site without changing it: site.toml, every article
// (and that slugs are unique), every briefing's front matter, dates in the
// future, data/actors.toml (and actors it names that no briefing has), and,
// when the output folder exists, every link and anchor in it. now is the
// current time, for "in the future".
func Check(opt Options, now time.Time) ([]check.Finding, error) {
	var out []check.Finding
	cfg, err := site.LoadConfig(filepath.Join(opt.Dir, "site.toml"))
	if err != nil {
		return []check.Finding{check.FromError(err, true)}, nil
	}
	today := now.In(cfg.Location).Format("2006-01-02")
	files, err := articleFiles(opt.Dir)
	if err != nil {
		return nil, err
	}
	owner := map[string]string{}
	for _, f := range files {
		src, err := os.ReadFile(filepath.Join(opt.Dir, filepath.FromSlash(f)))
		if err != nil {
			return nil, err
		}
		a, err := article.Parse(f, src)
		if err != nil {
			out = append(out, check.FromError(err, true))
			continue
		}
		slug := Slug(f, a.Title)
		if prev, ok := owner[slug]; ok {
			out = append(out, check.Finding{File: f, Line: 1, Msg: fmt.Sprintf("slug %q is already taken by %s", slug, prev), Error: true})
		}
		owner[slug] = f
		if d := a.Date.Format("2006-01-02"); d > today {
			out = append(out, check.Finding{File: f, Line: 1, Msg: fmt.Sprintf("dated %s, in the future", d)})
		}
	}
	names := map[string]bool{}
	dir := filepath.Join(opt.Dir, "content", "briefings")
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".md") || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		rel := "content/briefings/" + e.Name()
		src, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		b, err := briefing.Parse(rel, src)
		if err != nil {
			out = append(out, check.FromError(err, true))
			continue
		}
		if _, err := time.Parse("2006-01-02", b.Date); err != nil {
			out = append(out, check.Finding{File: rel, Line: lineOf(src, "date = "), Msg: fmt.Sprintf("date %q is not a date like 2021-06-28", b.Date), Error: true})
		} else if b.Date > today {
			out = append(out, check.Finding{File: rel, Line: lineOf(src, "date = "), Msg: fmt.Sprintf("dated %s, in the future", b.Date)})
		}
		if b.Source != "" {
			if _, err := os.Stat(filepath.Join(opt.Dir, filepath.FromSlash(b.Source))); err != nil {
				out = append(out, check.Finding{File: rel, Line: lineOf(src, "source = "), Msg: fmt.Sprintf("its article %s is gone", b.Source)})
			}
		}
		for _, a := range b.Actors {
			names[strings.ToLower(a.Name)] = true
			for _, al := range a.Aliases {
				names[strings.ToLower(al)] = true
			}
		}
	}
	overrides, err := loadOverrides(opt.Dir)
	if err != nil {
		out = append(out, check.FromError(err, true))
	}
	if len(overrides) > 0 {
		src, _ := os.ReadFile(filepath.Join(opt.Dir, "data", "actors.toml"))
		for _, o := range overrides {
			found := names[strings.ToLower(o.Name)]
			for _, al := range o.Aliases {
				found = found || names[strings.ToLower(al)]
			}
			if !found {
				out = append(out, check.Finding{File: "data/actors.toml", Line: lineOf(src, fmt.Sprintf("%q", o.Name)),
					Msg: fmt.Sprintf("actor %q appears in no briefing", o.Name)})
			}
		}
	}
	output := cfg.Output
	if opt.Output != "" {
		output = opt.Output
	}
	if !filepath.IsAbs(output) {
		output = filepath.Join(opt.Dir, output)
	}
	if _, err := os.Stat(output); errors.Is(err, fs.ErrNotExist) {
		out = append(out, check.Finding{File: filepath.ToSlash(output), Msg: "no built site to check; run brief build first"})
		return out, nil
	}
	base := cfg
	if opt.BaseURL != "" {
		if err := base.SetBaseURL(opt.BaseURL); err != nil {
			return nil, err
		}
	}
	links, _, err := check.Links(os.DirFS(output), site.BasePath(base), filepath.ToSlash(cfg.Output)+"/")
	if err != nil {
		return nil, err
	}
	return append(out, links...), nil
}

// lineOf is the 1-based line of the first occurrence of s in src, or 1.
func lineOf(src []byte, s string) int {
	i := bytes.Index(src, []byte(s))
	if i < 0 {
		return 1
	}
	return bytes.Count(src[:i], []byte("\n")) + 1
}
