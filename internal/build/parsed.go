package build

import (
	"bytes"
	"encoding/gob"
	"os"
	"path/filepath"

	"brief/internal/briefing"
)

// parsedCache keeps parsed briefings on disk between runs, keyed by the
// SHA-256 of the file, so a warm build does not parse every briefing's
// TOML again (0.3 ms a briefing). A missing, corrupt or older file is an
// empty cache.
type parsedCache struct {
	Version int
	Entries map[string]parsedEntry // by slash path relative to the site
	dirty   bool
}

type parsedEntry struct {
	Sum      [32]byte
	BodyLine int // the line the body starts on
	Briefing briefing.Briefing
}

// parsedVersion changes when briefing.Briefing or this layout does.
const parsedVersion = 2

func parsedPath(dir string) string { return filepath.Join(dir, CacheDir, "parsed.gob") }

func loadParsed(dir string) *parsedCache {
	c := &parsedCache{Version: parsedVersion, Entries: map[string]parsedEntry{}}
	data, err := os.ReadFile(parsedPath(dir))
	if err != nil {
		return c
	}
	var on parsedCache
	if gob.NewDecoder(bytes.NewReader(data)).Decode(&on) != nil || on.Version != parsedVersion || on.Entries == nil {
		return c
	}
	return &on
}

// get returns a copy of the briefing parsed from exactly the bytes whose
// SHA-256 is sum. Safe for concurrent use (with no put).
func (c *parsedCache) get(file string, sum [32]byte) (*briefing.Briefing, bool) {
	e, ok := c.Entries[file]
	if !ok || e.Sum != sum {
		return nil, false
	}
	b := e.Briefing
	return &b, true
}

func (c *parsedCache) put(file string, sum [32]byte, bodyLine int, b *briefing.Briefing) {
	c.Entries[file] = parsedEntry{Sum: sum, BodyLine: bodyLine, Briefing: *b}
	c.dirty = true
}

// save writes the cache, dropping files not in live; errors are ignored.
func (c *parsedCache) save(dir string, live map[string]bool) {
	for f := range c.Entries {
		if !live[f] {
			delete(c.Entries, f)
			c.dirty = true
		}
	}
	if !c.dirty {
		return
	}
	var buf bytes.Buffer
	if gob.NewEncoder(&buf).Encode(c) != nil {
		return
	}
	p := parsedPath(dir)
	if os.MkdirAll(filepath.Dir(p), 0o755) == nil {
		writeFile(p, buf.Bytes())
	}
}
