package build

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"time"

	"brief/internal/site"
)

// CacheDir is the site's cache folder, relative to the site. It may be
// deleted at any time; brief then re-analyses every article once.
const CacheDir = site.CacheDir

// cache remembers, for each article, what brief generated from it last
// time: the article's hash, its slug, the fingerprint of the program and
// settings that analysed it, and the hash of the briefing written. When all
// match and the briefing on disk is still those bytes, the article need not
// be analysed again. A missing, corrupt or older cache is an empty one.
// On disk it is in binfmt's layout (cachecodec.go).
type cache struct {
	Entries map[string]cacheEntry // by article path
	dirty   bool                  // changed since loaded: save writes it
}

type cacheEntry struct {
	Article     string // hex SHA-256 of the article file
	Slug        string
	Fingerprint string // see fingerprint
	Briefing    string // hex SHA-256 of the briefing written
	// With both files as they were (statKey) when a build last found the
	// briefing up to date, the next build need not read either.
	ArticleStat  string
	BriefingStat string
	Warnings     []string // the article's (package article)
	sum          [32]byte // Briefing decoded, once known (see briefingSum)
}

// briefingSum is the SHA-256 of the briefing written, from its hex form.
func (e *cacheEntry) briefingSum() [32]byte {
	if e.sum == ([32]byte{}) {
		e.sum, _ = hexSum(e.Briefing)
	}
	return e.sum
}

func cachePath(dir string) string { return filepath.Join(dir, CacheDir, "briefings.bin") }

// legacyCachePath is where versions up to 2 kept the cache, in JSON; save
// removes it.
func legacyCachePath(dir string) string { return filepath.Join(dir, CacheDir, "briefings.json") }

func loadCache(dir string, res *Result) *cache {
	data, err := os.ReadFile(cachePath(dir))
	if err != nil {
		return &cache{Entries: map[string]cacheEntry{}}
	}
	entries, err := decodeCache(data)
	if err != nil {
		res.Warnings = append(res.Warnings, cachePath(dir)+": unreadable or from another version; analysing every article again")
		return &cache{Entries: map[string]cacheEntry{}}
	}
	return &cache{Entries: entries}
}

// fresh reports whether the briefing on disk is what the cache says this
// program wrote for this article.
func (c *cache) fresh(file, articleHash, slug, fp string, onDisk [32]byte) bool {
	e, ok := c.Entries[file]
	return ok && e.Article == articleHash && e.Slug == slug && e.Fingerprint == fp && e.Briefing == hex.EncodeToString(onDisk[:])
}

func (c *cache) put(file, articleHash, slug, fp string, written [32]byte) {
	c.Entries[file] = cacheEntry{Article: articleHash, Slug: slug, Fingerprint: fp, Briefing: hex.EncodeToString(written[:]), sum: written}
	c.dirty = true
}

// racyWindow is how recent a change must be for a file's times not to be
// trusted (statKey): more than the coarsest file system tick (FAT: 2 s).
const racyWindow = 3 * time.Second

// unchanged returns the entry of an article whose file and briefing are as
// they were when a build last found the briefing up to date.
func (c *cache) unchanged(file, fp, articleStat string, briefingStat func(slug string) string) (cacheEntry, bool) {
	e, ok := c.Entries[file]
	if !ok || e.Fingerprint != fp || e.ArticleStat == "" || e.ArticleStat != articleStat || e.BriefingStat == "" {
		return e, false
	}
	return e, briefingStat(e.Slug) == e.BriefingStat
}

// seen records the files of an up-to-date briefing (see unchanged).
func (c *cache) seen(file, articleStat, briefingStat string, warnings []string) {
	if e, ok := c.Entries[file]; ok && (e.ArticleStat != articleStat || e.BriefingStat != briefingStat || !slices.Equal(e.Warnings, warnings)) {
		e.ArticleStat, e.BriefingStat, e.Warnings = articleStat, briefingStat, warnings
		c.Entries[file] = e
		c.dirty = true
	}
}

// drop forgets the articles that are gone (owner maps slugs to the
// articles there are).
func (c *cache) drop(owner map[string]string) {
	live := make(map[string]bool, len(owner))
	for _, f := range owner {
		live[f] = true
	}
	for f := range c.Entries {
		if !live[f] {
			delete(c.Entries, f)
			c.dirty = true
		}
	}
}

// save writes the cache, when it changed, through a temporary file and a
// rename, so a reader never sees half a file. Errors are ignored: the
// cache is an optimisation.
func (c *cache) save(dir string) {
	if !c.dirty {
		return
	}
	p := cachePath(dir)
	if os.MkdirAll(filepath.Dir(p), 0o755) == nil && writeFile(p, encodeCache(c.Entries)) == nil {
		c.dirty = false
		os.Remove(legacyCachePath(dir))
	}
}

// fingerprint identifies what produced a briefing: this program's binary
// (any change to an analyser changes it) and the settings that shape a
// briefing.
func fingerprint(cfg *site.Config) string {
	return exeHash() + "/" + strconv.Itoa(cfg.Summary)
}

var exeHash = sync.OnceValue(func() string {
	p, err := os.Executable()
	if err != nil {
		return "unknown"
	}
	f, err := os.Open(p)
	if err != nil {
		return "unknown"
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "unknown"
	}
	return fmt.Sprintf("%x", h.Sum(nil)[:12])
})
