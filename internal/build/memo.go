package build

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"brief/internal/site"
)

// Memo keeps what one build made for the next build of the same process.
// The zero value is ready; a nil *Memo keeps nothing.
type Memo struct {
	mu    sync.Mutex
	docs  map[string]memoDoc // parsed briefings by file
	live  *site.State        // what the output folder holds
	model *site.Model        // the last build's, see site.Model
	notes map[[32]byte][]string
	cache *cache    // the analysis cache, saved at most every CacheEvery
	saved time.Time // when it was last saved
	// Saves of the cache run in the background (SaveAnalyses, between builds), one at a
	// time; unsaved says one failed.
	saving  sync.WaitGroup
	saveMu  sync.Mutex
	unsaved bool
	dir     string   // the site it is of
	files   []string // the article files of the last build, see articles
	// pending are the changed files of builds that stopped before they
	// took them in: the next build takes them as changed too.
	pending map[string]bool
	// briefings are the briefing files the last build read (names in
	// content/briefings), see briefingNames.
	briefings []string
	last      *lastRead // the docs of briefings, in its order
	gen       *lastGen  // what generate made of the articles
}

// briefingNames returns the briefing files of the last build when the
// watcher's list says no briefing came or went since and this build wrote
// none that was not there: the folder need not be listed again. Nil: list it.
func (m *Memo) briefingNames(dir string, gen *generated, written []string) []string {
	if m == nil || gen.changed == nil {
		return nil
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	names := m.briefings
	if names == nil {
		return nil
	}
	has := func(name string) bool { _, ok := slices.BinarySearch(names, name); return ok }
	for rel := range gen.changed {
		if name, ok := strings.CutPrefix(rel, "content/briefings/"); ok {
			if strings.Contains(name, "/") || !has(name) {
				return nil // a new one, or not a briefing
			}
			if st, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(rel))); err != nil || !st.Mode().IsRegular() {
				return nil // gone, or not a file
			}
		}
	}
	for _, w := range written {
		if !has(filepath.Base(w)) {
			return nil
		}
	}
	return slices.Clone(names)
}

// lastGen is what generate made of the articles that the next build with
// the watcher's word may take over (see generate): which article owns
// each slug, the briefings' hashes, and the fingerprint they are of.
type lastGen struct {
	owner map[string]string
	sums  map[string][32]byte
	fp    string
}

// lastGenerate hands over the last build's lastGen (a build takes it:
// one that fails leaves none).
func (m *Memo) lastGenerate() *lastGen {
	if m == nil {
		return nil
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	g := m.gen
	m.gen = nil
	return g
}

func (m *Memo) keepGenerate(g *lastGen) {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.gen = g
}

// keepBriefings keeps the briefing files a build read (sorted), their
// docs and whether an article owns each, for lastBriefings.
func (m *Memo) keepBriefings(names []string, docs []site.Doc, owned []bool) {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.briefings = names
	m.last = &lastRead{docs: docs, owned: owned}
}

// lastRead is the last build's briefings, in the order of Memo.briefings.
type lastRead struct {
	docs  []site.Doc
	owned []bool
}

// lastBriefings returns the last build's briefings for names (the last
// build's, from briefingNames) and the positions in names of those that
// may have changed since: those generate read or wrote (gen.touched,
// written) and those the watcher saw change. It returns nil when the last
// build's cannot be taken over: none kept, or an article whose briefing
// may have moved to another name or was not generated (gen.moved), so that
// which briefings an article owns may have changed.
func (m *Memo) lastBriefings(names []string, gen *generated, written []string) (*lastRead, []int) {
	if m == nil || gen.changed == nil || gen.moved {
		return nil, nil
	}
	m.mu.Lock()
	last := m.last
	m.mu.Unlock()
	if last == nil || len(last.docs) != len(names) {
		return nil, nil
	}
	var at []int
	add := func(name string) bool {
		i, ok := slices.BinarySearch(names, name)
		at = append(at, i)
		return ok
	}
	for _, n := range gen.touched {
		if !add(n) {
			return nil, nil
		}
	}
	for _, w := range written {
		if !add(filepath.Base(w)) {
			return nil, nil
		}
	}
	for rel := range gen.changed {
		if name, ok := strings.CutPrefix(rel, "content/briefings/"); ok && !add(name) {
			return nil, nil
		}
	}
	slices.Sort(at)
	return last, slices.Compact(at)
}

// note records the files a build is told changed (Options.Changed) as
// soon as it starts, so that a build that stops early (a broken
// site.toml) does not lose them: they stay pending until a build has
// taken them in (keepArticles). Nil: anything may have changed, and no
// file is trusted until a build has checked them all.
func (m *Memo) note(dir string, changed []string) {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if changed == nil {
		m.files = nil
		return
	}
	root, err := filepath.Abs(dir)
	if err != nil {
		m.files = nil
		return
	}
	if m.pending == nil {
		m.pending = map[string]bool{}
	}
	for _, p := range changed {
		if !filepath.IsAbs(p) {
			p = filepath.Join(root, p)
		}
		rel, err := filepath.Rel(root, p)
		if err != nil || !filepath.IsLocal(rel) {
			continue // not the site's
		}
		m.pending[filepath.ToSlash(rel)] = true
	}
}

// articles returns the article files of the last build and the files
// changed since (relative to the site folder, slash-separated), when
// none of those makes the list another: every changed article was an
// article and still is a file. Nil: the caller lists and checks every
// file.
func (m *Memo) articles(dir string) ([]string, map[string]bool) {
	if m == nil {
		return nil, nil
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.files == nil || m.dir != dir {
		return nil, nil
	}
	for rel := range m.pending {
		if strings.HasPrefix(rel, "content/articles/") {
			_, known := slices.BinarySearch(m.files, rel)
			st, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(rel)))
			if !known || err != nil || !st.Mode().IsRegular() {
				return nil, nil // added, removed or replaced: list them again
			}
		}
	}
	return m.files, maps.Clone(m.pending)
}

// keepArticles keeps the article files of the site dir (sorted) for the
// next build.
func (m *Memo) keepArticles(dir string, files []string) {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.files, m.dir, m.pending = files, dir, nil
}

// CacheEvery is how often a long-running process saves the analysis cache
// (.brief-cache/briefings.bin) as it changes; Close saves it at the end.
// A cache older than the briefings only costs analyses: it is checked
// against the files.
const CacheEvery = 5 * time.Second

func (m *Memo) analyses() *cache {
	if m == nil {
		return nil
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.cache
}

// keepAnalyses keeps the cache c of the site dir and reports whether the
// caller must save it now (always without a memo). With a memo, a copy is
// saved in the background at most every CacheEvery, when the memo's owner
// calls SaveAnalyses between builds: not beside a build on the machine's
// cores.
func (m *Memo) keepAnalyses(c *cache, dir string) bool {
	if m == nil {
		return true
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.cache, m.dir = c, dir
	return false
}

// SaveAnalyses saves a copy of the kept cache in the background when it
// changed and the last save is CacheEvery old. brief serve calls it when
// it is idle, between builds (never beside one): not right after a build,
// when the browsers fetch what it made.
func (m *Memo) SaveAnalyses() {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	c, dir := m.cache, m.dir
	if c == nil || !c.dirty || time.Since(m.saved) < CacheEvery {
		return
	}
	m.saved = time.Now()
	snap := &cache{Entries: maps.Clone(c.Entries), dirty: true}
	c.dirty = false
	m.saving.Add(1)
	go func() {
		defer m.saving.Done()
		m.saveMu.Lock()
		defer m.saveMu.Unlock()
		if snap.save(dir); snap.dirty { // not written: Close tries again
			m.mu.Lock()
			m.unsaved = true
			m.mu.Unlock()
		}
	}()
}

// Close saves what the memo holds that is not saved yet, once the saves
// in the background are done.
func (m *Memo) Close() {
	if m == nil {
		return
	}
	m.saving.Wait()
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.cache != nil {
		m.cache.dirty = m.cache.dirty || m.unsaved
		m.cache.save(m.dir)
	}
}

// outputs returns what the output folder holds, the Markdown notes and
// the site's model; the model is handed over (a build takes it over).
func (m *Memo) outputs() (*site.State, map[[32]byte][]string, *site.Model) {
	if m == nil {
		return nil, nil, nil
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	model := m.model
	m.model = nil
	return m.live, m.notes, model
}

func (m *Memo) setOutputs(live *site.State, notes map[[32]byte][]string, model *site.Model) {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.live, m.notes, m.model = live, notes, model
}

type memoDoc struct {
	doc site.Doc
	sum [32]byte // SHA-256 of the file
}

// parsedDocs returns the briefings parsed last time, by file, with the SHA-256
// of the bytes each was parsed from. The caller reads the map and must not
// call keep until it is done with it.
func (m *Memo) parsedDocs() map[string]memoDoc {
	if m == nil {
		return nil
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.docs
}

func (m *Memo) keep(d site.Doc, sum [32]byte) {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.docs == nil {
		m.docs = map[string]memoDoc{}
	}
	m.docs[d.File] = memoDoc{d, sum}
}
