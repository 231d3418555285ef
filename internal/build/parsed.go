package build

import (
	"context"
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
// (.brief-cache/parsed-NN.bin, a briefing's shard by the hash of its
// path, in binfmt's layout: parsedcodec.go), read on all cores, and only
// the shards that changed are written again: a one-article build
// rewrites one shard, not all briefings. A missing, corrupt or older
// shard is an empty one.
type parsedCache struct {
	Entries map[string]parsedEntry // by slash path relative to the site
	dirty   [parsedShards]bool
}

type parsedEntry struct {
	Sum      [32]byte
	BodyLine int // the line the body starts on
	// BodyAt is the byte the body starts at, its Briefing.Body left empty:
	// a warm build reads a body from the file only for a page made again
	// (the bodies are 55 of the 68 MB at 10k). -1: the Body is kept.
	BodyAt   int
	Briefing briefing.Briefing
}

// parsedVersion changes when briefing.Briefing or the layout does
// (TestParsedCodecFields fails until it does).
const parsedVersion = 4

const parsedShards = 32

func parsedPath(dir string, shard int) string {
	return filepath.Join(dir, CacheDir, fmt.Sprintf("parsed-%02d.bin", shard))
}

// legacyParsedPath is where earlier versions kept a shard, in gob.
func legacyParsedPath(dir string, shard int) string {
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
		if data, err := os.ReadFile(parsedPath(dir, k)); err == nil {
			shards[k], _ = decodeParsed(data)
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

// get returns a copy of the entry of the briefing parsed from exactly the
// bytes whose SHA-256 is sum. Safe for concurrent use (with no put).
func (c *parsedCache) get(file string, sum [32]byte) (parsedEntry, bool) {
	e, ok := c.Entries[file]
	if !ok || e.Sum != sum {
		return parsedEntry{}, false
	}
	return e, true
}

// put keeps b, parsed from the file whose SHA-256 is sum, its body on
// line bodyLine. src is the file's bytes, if read: with them, the body is
// kept as where it starts.
func (c *parsedCache) put(file string, sum [32]byte, src []byte, bodyLine int, b *briefing.Briefing) {
	e := parsedEntry{Sum: sum, BodyLine: bodyLine, BodyAt: -1, Briefing: *b}
	if at := len(src) - len(b.Body); src != nil && at >= 0 && string(src[at:]) == b.Body {
		e.BodyAt, e.Briefing.Body = at, ""
	}
	c.Entries[file] = e
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
		if writeFile(parsedPath(dir, k), encodeParsed(shards[k])) == nil {
			os.Remove(legacyParsedPath(dir, k))
		}
	})
}
