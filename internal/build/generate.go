package build

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"brief/internal/analyze"
	"brief/internal/article"
	"brief/internal/briefing"
	"brief/internal/parallel"
	"brief/internal/site"
	"brief/internal/sysfile"
)

// job is one article on its way to a briefing.
type job struct {
	file      string           // slash path relative to the site
	art       *article.Article // let go once analysed (the bytes and sentences of 10,000 articles are 40 MB)
	hash      string           // art.Hash
	slug      string
	out       string             // absolute path of the briefing file
	rel       string             // content/briefings/<slug>.md
	old       []byte             // the briefing file on disk, nil if none
	data      []byte             // the generated briefing
	written   *briefing.Briefing // what parsing data gives (briefing.Written)
	analyse   bool               // the article must be analysed
	edited    bool               // old was edited by hand
	fresh     bool               // old is what this brief would write (the cache says so)
	fatal     error              // reading old failed: the build stops
	warnings  []string           // the article's
	artStat   string             // statKey of the article, taken before reading it
	briefStat string             // statKey of the briefing
	sum       [32]byte           // SHA-256 of the briefing, when it was not read (old is nil)
	err       error
	trusted   bool   // taken as the last build left it (the watcher's word)
	prevSlug  string // the slug the cache knew for the article
}

// generate writes the briefing of every article: articles are read and
// parsed in parallel, slugs given in file order, then each article is
// analysed (in parallel) unless its briefing on disk is already what this
// brief would write (the cache says so) or was edited by hand. It returns
// the briefing file names that belong to an article now, each with the
// bytes now on disk when it read or wrote them (nil when there are none),
// so that readBriefings need not read them again, and the briefings it
// wrote as parsed, so that readBriefings need not parse them. analysing,
// if not nil, is told before the articles are read how many the cache
// knows were analysed by another program or with other settings (all with
// -force), counted up to just past aheadMax: at least that many will be
// analysed again.
func generate(ctx context.Context, opt Options, cfg *site.Config, res *Result, analysing func(n int)) (*generated, error) {
	outDir, err := filepath.Abs(filepath.Join(opt.Dir, "content", "briefings"))
	if err != nil {
		return nil, err
	}
	// In brief serve, the watcher says what changed: the other files are
	// as the last build of the memo left them (trusted).
	files, changed := opt.Memo.articles(opt.Dir)
	trusted := files != nil
	noBriefings := false // an empty briefings folder (a first build): no briefing to stat or read, 20,000 calls that fail at 10k
	if !trusted {
		if files, err = articleFiles(opt.Dir); err != nil {
			return nil, err
		}
		if err := os.MkdirAll(outDir, 0o755); err != nil {
			return nil, err
		}
		noBriefings = !removeTemps(outDir)
		removeTemps(filepath.Join(opt.Dir, CacheDir))
	}
	res.Articles = len(files)
	t := time.Now()
	cache := opt.Memo.analyses()
	if cache == nil {
		cache = loadCache(opt.Dir, res)
	}
	fp := fingerprint(cfg)
	if analysing != nil { // the command line only: not on brief serve's every edit
		stale := 0 // articles the cache says another program or setting analysed
		for _, e := range cache.Entries {
			if e.Fingerprint != fp || opt.Force {
				if stale++; stale > aheadMax {
					break // enough to know
				}
			}
		}
		analysing(stale)
	}
	jobs := make([]*job, len(files))
	for i, f := range files {
		jobs[i] = &job{file: f}
	}
	// On all cores: read and parse each article, and read the briefing its
	// slug names and decide whether it is up to date. Slugs are checked
	// for clashes after, in file order.
	briefingStat := func(slug string) string {
		if st, err := os.Lstat(filepath.Join(outDir, slug+".md")); err == nil {
			return statKey(st)
		}
		return ""
	}
	changedSlugs := map[string]bool{} // briefings the watcher saw change, by slug
	for rel := range changed {
		if name, ok := strings.CutPrefix(rel, "content/briefings/"); ok {
			changedSlugs[strings.TrimSuffix(name, ".md")] = true
		}
	}
	parallel.For(ctx, len(jobs), func(i int) {
		j := jobs[i]
		e, ok := cache.Entries[j.file]
		j.prevSlug = e.Slug
		if trusted && ok && !changed[j.file] && !changedSlugs[e.Slug] &&
			e.Fingerprint == fp && e.ArticleStat != "" && e.BriefingStat != "" && !opt.Force {
			// Neither file changed since the last build, which found the
			// briefing up to date.
			j.trusted = true
			// Fresh: neither written nor kept as edited, so its paths
			// (out, rel) are not needed.
			j.slug, j.fresh, j.warnings, j.artStat, j.briefStat = e.Slug, true, e.Warnings, e.ArticleStat, e.BriefingStat
			j.sum = e.briefingSum()
			return
		}
		path := filepath.Join(opt.Dir, filepath.FromSlash(j.file))
		if st, err := os.Lstat(path); err == nil {
			j.artStat = statKey(st)
		}
		if e, ok := cache.unchanged(j.file, fp, j.artStat, briefingStat); ok && !opt.Force {
			// Neither file changed since a build found the briefing up
			// to date: nothing to read.
			j.slug, j.fresh, j.warnings, j.briefStat = e.Slug, true, e.Warnings, e.BriefingStat
			j.out, j.rel = filepath.Join(outDir, j.slug+".md"), "content/briefings/"+j.slug+".md"
			j.sum = e.briefingSum()
			return
		}
		src, err := sysfile.ReadFile(path)
		if err != nil {
			j.err = err
			return
		}
		if j.art, j.err = article.Parse(j.file, src); j.err != nil {
			return
		}
		j.warnings, j.hash = j.art.Warnings, j.art.Hash
		j.slug = Slug(j.file, j.art.Title)
		name := j.slug + ".md"
		j.out, j.rel = filepath.Join(outDir, name), "content/briefings/"+name
		if noBriefings {
			return
		}
		j.briefStat = briefingStat(j.slug)
		old, err := sysfile.ReadFile(j.out)
		switch {
		case err == nil:
			j.old = old
			j.edited = briefing.Edited(old)
			j.sum = sha256.Sum256(old)
			j.fresh = !j.edited && cache.fresh(j.file, j.hash, j.slug, fp, j.sum)
		case !errors.Is(err, fs.ErrNotExist):
			j.fatal = err
		}
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	res.Stages["articles"] = time.Since(t)
	t = time.Now()
	defer func() { res.Stages["analyse"] = time.Since(t) }()
	moved := false // an article's briefing is not the one the cache knew, or none
	for _, j := range jobs {
		if !j.trusted && (j.err != nil || j.slug != j.prevSlug) {
			moved = true
			break
		}
	}
	// Which article owns which briefing, and the briefings' hashes: with
	// the watcher's word and every article owning the briefing it had,
	// the last build's maps with the changed articles' entries made again
	// (lastGenerate); otherwise made whole.
	last := opt.Memo.lastGenerate()
	reuse := trusted && last != nil && last.fp == fp && !moved && !opt.Force
	owner, sums := make(map[string]string, len(jobs)), make(map[string][32]byte, len(jobs)) // sums: briefings not read, known by their hash
	if reuse {
		owner, sums = last.owner, last.sums
	}
	current := map[string][]byte{} // the bytes of briefings read or written
	clean := true                  // no article failed or clashed
	var todo []*job
	var touched []string // briefings read or written
	for _, j := range jobs {
		if j.err != nil {
			res.Errors = append(res.Errors, j.err)
			clean = false
			continue
		}
		res.Warnings = append(res.Warnings, j.warnings...)
		if reuse && j.trusted {
			res.Kept++ // fresh, and as the last build left it (in owner and sums)
			continue
		}
		name := j.slug + ".md"
		if reuse {
			delete(sums, name) // known again below, if at all
		}
		if prev, ok := owner[j.slug]; ok && prev != j.file {
			clean = false
			res.Errors = append(res.Errors, fmt.Errorf("%s: slug %q is already taken by %s; rename one of the files", j.file, j.slug, prev))
			j.err = errSkipped
			continue
		}
		if j.fatal != nil {
			return nil, j.fatal
		}
		owner[j.slug] = j.file
		if j.old != nil {
			current[name] = j.old
			touched = append(touched, name)
		}
		if j.old != nil || j.fresh {
			sums[name] = j.sum
		}
		switch {
		case j.edited && !opt.Force:
			keepEdited(j, res)
			j.art = nil
		case j.fresh && !opt.Force:
			res.Kept++
			j.art = nil
			if !j.trusted { // a trusted one is as the cache says
				cache.seen(j.file, j.artStat, j.briefStat, j.warnings)
			}
		default:
			j.analyse = true
			todo = append(todo, j)
		}
	}

	// Each briefing is written as soon as it is made, by writers of their
	// own, so that the file system's time overlaps the analysis instead
	// of following it. A briefing written by a build that then stops is
	// whole (atomicfile) and says it was generated (briefing.Edited): the
	// next build analyses its article again.
	var done atomic.Int64
	writeErrs := make([]error, len(todo))
	writes := make(chan int, 64)
	var writers sync.WaitGroup
	for range briefingWriters {
		writers.Go(func() {
			for i := range writes {
				writeErrs[i] = writeFile(todo[i].out, todo[i].data)
			}
		})
	}
	parallel.For(ctx, len(todo), func(i int) {
		j := todo[i]
		an := analyze.Run(j.art, analyze.Options{SummarySentences: cfg.Summary})
		b := briefing.New(j.art, an, j.slug, j.file, opt.Generator)
		j.art = nil
		if j.data, j.err = briefing.Marshal(b); j.err == nil {
			j.written = briefing.Written(b, j.data)
			j.sum = sha256.Sum256(j.data)
			if !bytes.Equal(j.old, j.data) {
				writes <- i
			} else {
				j.data = j.old // one copy of the bytes, not two
			}
		}
		if opt.Progress != nil {
			opt.Progress(int(done.Add(1)), len(todo))
		}
	})
	close(writes)
	writers.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	res.Analysed = len(todo)
	fresh := map[string]*briefing.Briefing{}
	if err := errors.Join(writeErrs...); err != nil {
		return nil, err
	}
	for _, j := range todo {
		if j.err != nil {
			res.Errors = append(res.Errors, fmt.Errorf("%s: %w", j.file, j.err))
			clean = false
			continue
		}
		if bytes.Equal(j.old, j.data) {
			res.Kept++
		} else {
			res.Generated++
			res.Written = append(res.Written, j.out)
			current[filepath.Base(j.out)] = j.data
			touched = append(touched, filepath.Base(j.out))
		}
		fresh[filepath.Base(j.out)] = j.written
		cache.put(j.file, j.hash, j.slug, fp, j.sum)
		sums[filepath.Base(j.out)] = j.sum
		cache.seen(j.file, j.artStat, briefingStat(j.slug), j.warnings)
	}
	if !trusted { // the same articles as the last build otherwise
		cache.drop(owner)
	}
	opt.Memo.keepArticles(opt.Dir, files)
	if opt.Memo.keepAnalyses(cache, opt.Dir) {
		cache.save(opt.Dir)
	}
	if clean {
		opt.Memo.keepGenerate(&lastGen{owner: owner, sums: sums, fp: fp})
	}
	return &generated{owner: owner, current: current, sums: sums, fresh: fresh, changed: changed, touched: touched, moved: moved}, nil
}

var errSkipped = errors.New("skipped")

// generated is what generate leaves for readBriefings: the article that
// owns each slug; by briefing file name, the bytes it read or wrote, the hash
// of those it knew unchanged without reading them, and the briefings it
// wrote as parsed.
type generated struct {
	owner   map[string]string // article by slug: the briefings an article owns
	current map[string][]byte
	sums    map[string][32]byte
	fresh   map[string]*briefing.Briefing
	changed map[string]bool // the files changed since the last build, when known (trusted)
	touched []string        // briefing file names read or written
	moved   bool            // an article's briefing may not be the one it had (see lastBriefings)
}

// hexSum decodes a SHA-256 sum in hex, either case, without allocating
// (loadCache decodes one for each article).
func hexSum(s string) ([32]byte, bool) {
	var out [32]byte
	if len(s) != 2*len(out) {
		return out, false
	}
	for i := range out {
		hi, lo := unhex[s[2*i]], unhex[s[2*i+1]]
		if hi|lo > 0xf {
			return [32]byte{}, false
		}
		out[i] = hi<<4 | lo
	}
	return out, true
}

// unhex is the value of each hex digit, 0xff for other bytes.
var unhex = func() (t [256]byte) {
	for c := range t {
		switch {
		case '0' <= c && c <= '9':
			t[c] = byte(c - '0')
		case 'a' <= c && c <= 'f':
			t[c] = byte(c - 'a' + 10)
		case 'A' <= c && c <= 'F':
			t[c] = byte(c - 'A' + 10)
		default:
			t[c] = 0xff
		}
	}
	return t
}()

// keepEdited keeps a hand-edited briefing and says so; it warns when the
// article changed since.
func keepEdited(j *job, res *Result) {
	res.Kept++
	if b, err := briefing.Parse(j.rel, j.old); err == nil && b.SourceHash != j.hash {
		res.Warnings = append(res.Warnings, fmt.Sprintf("%s: edited by hand and kept, but its article %s changed since; merge by hand or run with --force to regenerate (your edits will be lost)", j.rel, b.Source))
		return
	}
	res.Warnings = append(res.Warnings, j.rel+": edited by hand, kept")
}

// briefingWriters write briefings beside the analysis (see generate).
const briefingWriters = 2

// removeTemps removes the temporary files writeFile leaves when a build is
// killed between writing and renaming (".<name>.<random>~"), and says
// whether dir holds anything else.
func removeTemps(dir string) (others bool) {
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if n := e.Name(); !e.IsDir() && strings.HasPrefix(n, ".") && strings.HasSuffix(n, "~") {
			os.Remove(filepath.Join(dir, n))
		} else {
			others = true
		}
	}
	return others
}
