package build

import (
	"bytes"
	"context"
	"encoding/gob"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"

	"brief/internal/briefing"
	"brief/internal/parallel"
)

// parsedCache keeps parsed briefings on disk between runs, keyed by the
// SHA-256 of the file, so a warm build does not parse every briefing's
// TOML again (0.3 ms a briefing). It is kept in parsedShards files
// (.brief-cache/parsed-NN.gob, a briefing's shard by the hash of its
// path), read on all cores, and only the shards that changed are written
// again: a one-article build rewrites one shard, not all briefings. A
// missing, corrupt or older shard is an empty one.
type parsedCache struct {
	Entries map[string]parsedEntry // by slash path relative to the site
	dirty   [parsedShards]bool
}

// parsedFile is one shard on disk.
type parsedFile struct {
	Version int
	Entries map[string]parsedEntry
}

type parsedEntry struct {
	Sum      [32]byte
	BodyLine int // the line the body starts on
	Briefing briefing.Briefing
}

// parsedVersion changes when briefing.Briefing or this layout does.
const parsedVersion = 3

const parsedShards = 32

func parsedPath(dir string, shard int) string {
	return filepath.Join(dir, CacheDir, fmt.Sprintf("parsed-%02d.gob", shard))
}

func shardOf(file string) int {
	h := fnv.New32a()
	h.Write([]byte(file))
	return int(h.Sum32() % parsedShards)
}

func loadParsed(dir string) *parsedCache {
	var shards [parsedShards]map[string]parsedEntry
	parallel.For(context.Background(), parsedShards, func(k int) {
		// Decoded from the file through a small buffer: reading the
		// file whole first doubles the bytes copied and the fresh
		// memory paged in (68 MB of shards at 10k briefings).
		file, err := os.Open(parsedPath(dir, k))
		if err != nil {
			return
		}
		defer file.Close()
		var f parsedFile
		if gob.NewDecoder(file).Decode(&f) == nil && f.Version == parsedVersion {
			shards[k] = f.Entries
		}
	})
	c := &parsedCache{Entries: map[string]parsedEntry{}}
	for _, m := range shards {
		for f, e := range m {
			c.Entries[f] = e
		}
	}
	os.Remove(filepath.Join(dir, CacheDir, "parsed.gob")) // the single file of earlier versions
	return c
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
	c.dirty[shardOf(file)] = true
}

// save writes the shards that changed, dropping files not in live; errors
// are ignored.
func (c *parsedCache) save(dir string, live map[string]bool) {
	for f := range c.Entries {
		if !live[f] {
			delete(c.Entries, f)
			c.dirty[shardOf(f)] = true
		}
	}
	var shards [parsedShards]map[string]parsedEntry
	for f, e := range c.Entries {
		if k := shardOf(f); c.dirty[k] {
			if shards[k] == nil {
				shards[k] = map[string]parsedEntry{}
			}
			shards[k][f] = e
		}
	}
	if os.MkdirAll(filepath.Join(dir, CacheDir), 0o755) != nil {
		return
	}
	parallel.For(context.Background(), parsedShards, func(k int) {
		if !c.dirty[k] {
			return
		}
		var buf bytes.Buffer
		if gob.NewEncoder(&buf).Encode(parsedFile{Version: parsedVersion, Entries: shards[k]}) == nil {
			writeFile(parsedPath(dir, k), buf.Bytes())
		}
	})
}
