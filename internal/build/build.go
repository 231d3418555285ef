// Package build is the whole pipeline of `brief build`: read site.toml,
// read every article under content/articles, analyse it, write its briefing
// to content/briefings/<slug>.md (never over a hand edit), then render all
// briefings into the output folder with package site.
//
// A bad article is reported (file:line) and skipped; the rest of the site
// is still built and Result.Errors says what was skipped. A problem that
// stops the site as a whole (config, templates, output folder) is the
// error of Build, and the previous output is left as it was.
//
// Slugs come from the article's file name without extension and without a
// leading YYYY-MM-DD-; a name of digits only (Wikinews ids) gives way to
// the title. Two articles with one slug: the second is an error.
//
// Caches, all in .brief-cache/ and all safe to delete: briefings.bin says
// which briefing on disk this program made from which article (an article
// whose briefing is up to date is not analysed again; the key includes a
// hash of the program itself, so a new analyser re-analyses everything
// once), and with the files' sizes and times, which articles need not
// even be read; parsed-NN.bin keep parsed briefings by content hash;
// output-<hash>.gob (one per output folder) say what the output folder and its spare hold and what each
// file was made from (package site renders only what changed), and what the
// build that made it was given and reported (a build given the same makes
// nothing: site.Unchanged). A corrupt
// or older cache file is ignored. In `brief serve`, a Memo keeps the same
// in memory.
//
// Articles are parsed and analysed, and pages rendered, on all cores; the
// output never depends on the order in which that work finishes.
package build

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"brief/internal/atomicfile"
	"brief/internal/briefing"
	"brief/internal/frontmatter"
	"brief/internal/parallel"
	"brief/internal/site"
	"brief/internal/sysfile"
)

// Options configure a build. Dir is required; the rest have defaults.
type Options struct {
	Dir       string // the site folder (holding site.toml and content/)
	BaseURL   string // overrides site.toml's baseURL when set
	Output    string // overrides site.toml's output folder when set
	Force     bool   // regenerate hand-edited briefings too
	Templates fs.FS  // brief's default templates, under the site's templates/
	Theme     fs.FS  // brief's default theme, under the site's theme/
	Generator string // "brief 0.1.0"
	// Memo, when set, keeps what a build made for the next build of the
	// same process (brief serve): parsed briefings, rendered Markdown, and
	// what the output folder holds, so that the next build only rewrites
	// the files that changed.
	Memo *Memo
	// Changed, with Memo, lists the files that changed since the last
	// build of the memo (brief serve's watcher knows); the build takes
	// every other article and briefing as that build left it rather than
	// checking its size and times. Nil: nothing is known, every file is
	// checked.
	Changed []string
	// Progress, when set, is called as articles are analysed.
	Progress func(done, total int)
	// First and Ready, with Memo: the output files to make first in a
	// long build, and what to call once they are written (see
	// site.Input.First).
	First []string
	Ready func()
}

// Result tells what a build did.
type Result struct {
	Articles  int      // article files read
	Generated int      // briefings written
	Kept      int      // briefings kept: unchanged or edited by hand
	Analysed  int      // articles analysed (the rest came from the cache)
	Written   []string // briefing files written or removed (absolute paths)
	Pages     int      // HTML pages in the site
	Files     int      // files in the output
	Made      int      // files made (the others had not changed)
	Mode      string   // how the output was written (see site.Result)
	Reused    bool     // the site's model was updated, not made again (see site.Model)
	Warnings  []string // did not stop anything
	Errors    []error  // inputs skipped
	Output    string   // the output folder
	Duration  time.Duration
	// Stages times the steps: "articles" (read and parse), "analyse"
	// (analyse and write briefings), "briefings" (read briefings), "render"
	// (Markdown, templates and files into the staging folder), "write"
	// (swapping it in for the output folder).
	Stages map[string]time.Duration
	// Steps times the parts of the render stage (see site.Result).
	Steps []site.Step
}

// aheadMax is the most articles the cache says will be analysed again
// for the command line's state to be read beside them (see Build).
const aheadMax = 100

// Build runs the pipeline.
func Build(ctx context.Context, opt Options) (*Result, error) {
	start := time.Now()
	res := &Result{}
	opt.Memo.note(opt.Dir, opt.Changed)
	cfg, err := site.LoadConfig(filepath.Join(opt.Dir, "site.toml"))
	if err != nil {
		return nil, err
	}
	if opt.BaseURL != "" {
		if err := cfg.SetBaseURL(opt.BaseURL); err != nil {
			return nil, err
		}
	}
	if opt.Output != "" {
		cfg.Output = opt.Output
	}
	res.Stages = map[string]time.Duration{}
	// The command line's state on disk (the parsed briefings, what the
	// output folder holds) is read beside the articles and their
	// analysis, not after: neither depends on them. Not when the cache
	// says many articles will be analysed again: beside a whole analysis
	// (a new brief) it would only add to the peak memory (953 -> 1,065 MB
	// at 10k). brief serve keeps both in memory once its first build,
	// which reads them too, has made them.
	var parsed func() *parsedCache // nil in brief serve after its first build
	var ahead func(stale int)
	loadSaved := func() *outState { return loadOutState(opt.Dir, cfg.Output) }
	if opt.Memo == nil || opt.Memo.parsedDocs() == nil {
		parsed = sync.OnceValue(func() *parsedCache { return loadParsed(opt.Dir) })
		loadSaved = sync.OnceValue(loadSaved)
		ahead = func(stale int) {
			if stale <= aheadMax {
				go parsed()
				go loadSaved()
			}
		}
	}
	gen, err := generate(ctx, opt, cfg, res, ahead)
	if err != nil {
		return nil, err
	}
	tmpl := site.Overlay{Top: dirFS(filepath.Join(opt.Dir, "templates")), Base: opt.Templates}
	theme := site.Overlay{Top: dirFS(filepath.Join(opt.Dir, "theme")), Base: opt.Theme}
	overrides, err := loadOverrides(opt.Dir)
	if err != nil {
		return nil, err
	}
	in := site.Input{Dir: opt.Dir, Config: cfg, Actors: overrides, Templates: tmpl, Theme: theme, Generator: opt.Generator, Program: exeHash(),
		First: opt.First, Ready: opt.Ready}
	// The command line, with every briefing an article's and known by its
	// hash: nothing to read if the build was given this before (see
	// site.Unchanged), not even the parsed briefings. Not tried after an
	// analysis, which most likely changed a briefing (site.Build still
	// finds a build unchanged); brief serve keeps its model, never
	// unchanged.
	var listed []string // the briefing files, when the early check listed them
	if opt.Memo == nil && res.Analysed == 0 && len(res.Written) == 0 {
		listed = briefingFiles(opt.Dir)
		if docs, ok := knownDocs(listed, gen); ok {
			saved := loadSaved()
			in.Docs, in.Outputs, in.Notes = docs, site.Outputs{Live: saved.Live, Spare: saved.Spare}, saved.Notes
			if sr, _, ok := site.Unchanged(ctx, in); ok {
				return finish(res, sr, cfg, start), nil
			}
		}
	}
	t := time.Now()
	var pc *parsedCache
	if parsed != nil {
		pc = parsed()
	}
	in.Docs = readBriefings(ctx, opt, gen, res, pc, listed)
	res.Stages["briefings"] = time.Since(t)
	in.KeepModel = opt.Memo != nil
	var saved *outState
	if live, notes, model := opt.Memo.outputs(); live != nil {
		in.Outputs, in.Notes = site.Outputs{InPlace: true, Live: live}, notes
		in.Model = model
	} else {
		saved = loadSaved()
		in.Outputs, in.Notes = site.Outputs{Live: saved.Live, Spare: saved.Spare}, saved.Notes
	}
	sr, err := site.Build(ctx, in)
	if err != nil {
		opt.Memo.setOutputs(nil, nil, nil) // the output folder may have changed
		return nil, err
	}
	opt.Memo.setOutputs(sr.State, sr.Notes, sr.Model)
	if saved != nil && !(sr.Unchanged && maps.EqualFunc(saved.Notes, sr.Notes, slices.Equal)) {
		saved.Live, saved.Spare, saved.Notes = sr.State, sr.Spare, sr.Notes
		saved.save(opt.Dir, cfg.Output)
	}
	return finish(res, sr, cfg, start), nil
}

// finish adds what the site's build reported to res.
func finish(res *Result, sr *site.Result, cfg *site.Config, start time.Time) *Result {
	res.Made, res.Mode, res.Reused = sr.Made, sr.Mode, sr.Reused
	res.Pages, res.Warnings = sr.Pages, append(res.Warnings, sr.Warnings...)
	res.Errors = append(res.Errors, sr.Skipped...)
	res.Stages["render"], res.Stages["write"] = sr.Render, sr.Write
	res.Steps = sr.Steps
	res.Files = sr.Files
	res.Output = cfg.Output
	res.Duration = time.Since(start)
	return res
}

// knownDocs returns the briefings (the files named) as site.InputKey takes
// them (name and digest), in the order readBriefings gives them, when each
// is an article's whose hash generate knew: nothing needs reading to know
// them. ok is false otherwise (a briefing of no article is read, to warn).
func knownDocs(names []string, gen *generated) (docs []site.Doc, ok bool) {
	for _, name := range names {
		sum, known := gen.sums[name]
		if !known || gen.owner[strings.TrimSuffix(name, ".md")] == "" {
			return nil, false
		}
		rel := "content/briefings/" + name
		docs = append(docs, site.Doc{File: rel, Digest: site.SourceDigest(rel, sum)})
	}
	return docs, true
}

// briefingFiles lists the briefing files of the site in dir, by name.
func briefingFiles(dir string) []string {
	ents, _ := os.ReadDir(filepath.Join(dir, "content", "briefings"))
	var names []string
	for _, e := range ents {
		if name := e.Name(); !e.IsDir() && strings.HasSuffix(name, ".md") && !strings.HasPrefix(name, ".") {
			names = append(names, name)
		}
	}
	return names
}

func dirFS(dir string) fs.FS {
	if st, err := os.Stat(dir); err == nil && st.IsDir() {
		return os.DirFS(dir)
	}
	return nil
}

// articleFiles lists content/articles/**/*.{txt,md}, sorted, as
// slash-separated paths relative to the site.
func articleFiles(dir string) ([]string, error) {
	root := filepath.Join(dir, "content", "articles")
	var out []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p == root {
				return fs.SkipDir
			}
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if p != root && strings.HasPrefix(name, ".") {
				return fs.SkipDir
			}
			return nil
		}
		if strings.HasPrefix(name, ".") || !(strings.HasSuffix(name, ".txt") || strings.HasSuffix(name, ".md")) {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		out = append(out, filepath.ToSlash(rel))
		return nil
	})
	sort.Strings(out)
	return out, err
}

// Slug returns the slug of an article file (see the package comment).
func Slug(file, title string) string {
	base := path.Base(file)
	base = strings.TrimSuffix(base, path.Ext(base))
	if len(base) >= 11 && base[4] == '-' && base[7] == '-' && base[10] == '-' {
		base = base[11:]
	}
	if strings.Trim(base, "0123456789") == "" {
		base = title
	}
	s := site.Slugify(base)
	if s == "" {
		s = "briefing"
	}
	return s
}

// writeFile writes a briefing or cache file atomically (package atomicfile).
func writeFile(file string, data []byte) error { return atomicfile.Write(file, data) }

// readBriefings parses every briefing in content/briefings, taking the
// bytes generate already holds rather than reading them again, and the
// briefings it wrote as parsed. A briefing generate knew unchanged without
// reading it is taken from the parsed cache (or the memo) by its hash, and
// read only when it is not there; its bytes are read later only if a page
// needs them (site.Doc.Read). A generated briefing whose article is gone
// (not in current) is removed; an edited one is kept. Files are read and
// parsed on all cores. listed, when not nil, is the briefing files as
// Build's early check listed them (not listed again).
func readBriefings(ctx context.Context, opt Options, gen *generated, res *Result, parsed *parsedCache, listed []string) []site.Doc {
	current, fresh := gen.current, gen.fresh
	dir, _ := filepath.Abs(filepath.Join(opt.Dir, "content", "briefings"))
	names := opt.Memo.briefingNames(opt.Dir, gen, res.Written)
	fromMemo := names != nil
	if names == nil {
		names = listed
	}
	if names == nil {
		names = briefingFiles(opt.Dir)
	}
	// parsed is nil in brief serve after its first build: it keeps parsed briefings in memory.
	type item struct {
		name, rel string
		src       []byte
		owned     bool
		doc       site.Doc
		sum       [32]byte // SHA-256 of src
		put       bool     // a new entry for the parsed cache
		err       error
		gone      bool               // removed: generated for an article that is gone
		memo      bool               // the memo's
		full      *briefing.Briefing // doc.Briefing with its Body, for the parsed cache, when doc's is lazy
	}
	// With the watcher's word, the briefings generate neither read nor
	// wrote, and the watcher did not see change, are as the last build
	// left them: their docs are taken over in place (last), and only the
	// others are read (touched, by position in names).
	var last *lastRead
	var touched []int
	if fromMemo {
		last, touched = opt.Memo.lastBriefings(names, gen, res.Written)
	}
	var items []*item
	if last != nil {
		for _, i := range touched {
			src, owned := current[names[i]], gen.owner[strings.TrimSuffix(names[i], ".md")] != ""
			items = append(items, &item{name: names[i], rel: "content/briefings/" + names[i], src: src, owned: owned})
		}
	} else {
		for _, name := range names {
			src, owned := current[name], gen.owner[strings.TrimSuffix(name, ".md")] != ""
			items = append(items, &item{name: name, rel: "content/briefings/" + name, src: src, owned: owned})
		}
	}
	memoDocs := opt.Memo.parsedDocs() // read on all cores; kept to after
	parallel.For(ctx, len(items), func(i int) {
		it := items[i]
		file := dir + string(filepath.Separator) + it.name
		sum, known := gen.sums[it.name]
		read := func() bool {
			if it.src == nil {
				it.src, it.err = sysfile.ReadFile(file)
			}
			return it.err == nil
		}
		if !known { // not read by generate, or not its briefing
			if !read() {
				return
			}
			if !it.owned && !briefing.Edited(it.src) {
				it.gone = true
				return
			}
			sum = sha256.Sum256(it.src)
		}
		it.sum = sum
		if d, ok := memoDocs[it.rel]; ok && d.sum == sum { // parsed last time from these bytes
			it.doc, it.memo = d.doc, true
			return
		}
		b := fresh[it.name]
		bodyAt := 0
		lazy := -1 // where the body starts, when not loaded
		if parsed != nil {
			if c, ok := parsed.get(it.rel, sum); ok {
				if b == nil {
					b, bodyAt, lazy = &c.Briefing, c.BodyLine, c.BodyAt
				}
			} else {
				it.put = true
			}
		}
		if b == nil {
			if !read() {
				return
			}
			if b, it.err = briefing.Parse(it.rel, it.src); it.err != nil {
				return
			}
		}
		if b.Slug == "" {
			b.Slug = strings.TrimSuffix(it.name, ".md")
		}
		if lazy >= 0 && it.src != nil && lazy <= len(it.src) {
			b.Body, lazy = string(it.src[lazy:]), -1
		}
		if it.src != nil {
			bodyAt = bodyLine(it.src, b.Body)
		}
		it.doc = site.Doc{Briefing: b, File: it.rel, BodyLine: bodyAt, Raw: it.src, Digest: site.SourceDigest(it.rel, sum)}
		if it.src == nil { // known unchanged and not read: read if a page needs the bytes (once: its Markdown and its body)
			rel := it.rel
			it.doc.Read = sync.OnceValues(func() ([]byte, error) { return readSum(file, rel, sum) })
		}
		it.doc.LazyBody, it.doc.BodyAt = lazy >= 0, lazy
		if at := len(it.src) - len(b.Body); lazy < 0 && it.src != nil && b.Body != "" && at >= 0 && string(it.src[at:]) == b.Body {
			// The body is the end of the file's bytes, which the doc
			// holds: not a second copy of it (42 MB at 10k).
			it.full = b
			c := *b
			c.Body = ""
			it.doc.Briefing, it.doc.LazyBody, it.doc.BodyAt = &c, true, at
		}
	})
	var docs []site.Doc
	var kept []string
	var owned []bool
	live := map[string]bool{}
	take := func(it *item) {
		switch {
		case it.err != nil:
			res.Errors = append(res.Errors, it.err)
			return
		case it.gone:
			os.Remove(filepath.Join(dir, it.name))
			res.Written = append(res.Written, filepath.Join(dir, it.name))
			return
		}
		if !it.owned {
			res.Warnings = append(res.Warnings, orphaned(it.rel))
		}
		if it.put {
			b := it.doc.Briefing
			if it.full != nil {
				b = it.full
			}
			parsed.put(it.rel, it.sum, it.src, it.doc.BodyLine, b)
		}
		if !it.memo {
			opt.Memo.keep(it.doc, it.sum)
		}
		docs = append(docs, it.doc)
		kept = append(kept, it.name)
		owned = append(owned, it.owned)
		if parsed != nil {
			live[it.rel] = true
		}
	}
	if last == nil {
		for _, it := range items {
			take(it)
		}
	} else {
		docs, kept, owned = make([]site.Doc, 0, len(names)), make([]string, 0, len(names)), make([]bool, 0, len(names))
		k := 0
		for i, name := range names {
			if k < len(touched) && touched[k] == i {
				take(items[k])
				k++
				continue
			}
			if !last.owned[i] {
				res.Warnings = append(res.Warnings, orphaned("content/briefings/"+name))
			}
			docs = append(docs, last.docs[i])
			kept = append(kept, name)
			owned = append(owned, last.owned[i])
		}
	}
	opt.Memo.keepBriefings(kept, docs, owned)
	if parsed != nil {
		parsed.save(opt.Dir, live)
	}
	return docs
}

// readSum reads a file (rel, relative to the site) a build knew
// unchanged (its SHA-256 is sum) without reading it: should it have
// changed since, the build cannot go on with what it knew.
func readSum(file, rel string, sum [32]byte) ([]byte, error) {
	data, err := os.ReadFile(file)
	if err == nil && sha256.Sum256(data) != sum {
		err = fmt.Errorf("%s: changed during the build; build again", rel)
	}
	return data, err
}

// orphaned is the warning for a briefing kept although its article is gone.
func orphaned(rel string) string {
	return rel + ": its article is gone; kept because it was edited by hand"
}

// loadOverrides reads data/actors.toml, the analyst's fixes to actors:
//
//	[[actors]]
//	name = "Joe Biden"                     # the name to show
//	aliases = ["President Biden", "Biden"] # other names that are this actor
//	kind = "person"                        # optional
//	role = "President of the United States" # optional
//
// A missing file is no fixes; a malformed one stops the build.
func loadOverrides(dir string) ([]site.Override, error) {
	p := filepath.Join(dir, "data", "actors.toml")
	data, err := os.ReadFile(p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var f struct {
		Actors []site.Override `toml:"actors"`
	}
	rel := filepath.ToSlash(filepath.Join("data", "actors.toml"))
	if err := frontmatter.Decode(rel, data, 1, &f); err != nil {
		return nil, err
	}
	for i, o := range f.Actors {
		if strings.TrimSpace(o.Name) == "" {
			return nil, fmt.Errorf("%s: actor %d has no name", rel, i+1)
		}
	}
	return f.Actors, nil
}

// bodyLine is the 1-based line of src where body starts.
func bodyLine(src []byte, body string) int {
	off := len(src) - len(body)
	if off < 0 {
		off = 0
	}
	return bytes.Count(src[:off], []byte("\n")) + 1
}
