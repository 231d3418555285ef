package build

import (
	"errors"
	"fmt"
	"maps"
	"os"
	"slices"

	"brief/internal/binfmt"
)

// The analysis cache (.brief-cache/briefings.bin) in binfmt's layout:
//
//	"brief analyses\n" cacheVersion count
//	count × (path article slug fingerprint briefing articleStat briefingStat warnings)
//
// entries sorted by article path, every field a string as cacheEntry
// holds it (the sums in hex: exact whatever they hold, and read as
// substrings of the file, with no allocation), warnings a list. The JSON
// of earlier versions took ~45 ms to read and ~25 ms to write at 10k
// articles, on every build.
const cacheMagic = "brief analyses\n"

// cacheVersion changes when cacheEntry or the layout does
// (TestCacheCodecFields fails until it does). 2 was the last in JSON.
const cacheVersion = 3

// minCacheEntry is the fewest bytes an entry takes: one for each string
// and one for the count of warnings.
const minCacheEntry = 8

func encodeCache(entries map[string]cacheEntry) []byte {
	size := len(cacheMagic) + 16
	for f, e := range entries {
		size += len(f) + len(e.Article) + len(e.Slug) + len(e.Fingerprint) + len(e.Briefing) + len(e.ArticleStat) + len(e.BriefingStat) + 16
		for _, w := range e.Warnings {
			size += len(w) + 2
		}
	}
	b := make([]byte, 0, size)
	b = append(b, cacheMagic...)
	b = binfmt.AppendUvarint(b, cacheVersion)
	b = binfmt.AppendUvarint(b, uint64(len(entries)))
	for _, f := range slices.Sorted(maps.Keys(entries)) {
		e := entries[f]
		for _, s := range [...]string{f, e.Article, e.Slug, e.Fingerprint, e.Briefing, e.ArticleStat, e.BriefingStat} {
			b = binfmt.AppendString(b, s)
		}
		b = appendStrings(b, e.Warnings)
	}
	return b
}

// decodeCache reads what encodeCache wrote, each entry's briefingSum
// decoded: an error for another version or a malformed file, never a
// panic. The strings share data's memory: data must not be written again.
func decodeCache(data []byte) (map[string]cacheEntry, error) {
	if len(data) < len(cacheMagic) || string(data[:len(cacheMagic)]) != cacheMagic {
		return nil, binfmt.ErrMalformed
	}
	r := binfmt.OwnReader(data[len(cacheMagic):])
	if r.Uvarint() != cacheVersion {
		return nil, binfmt.ErrMalformed
	}
	n := r.Count(minCacheEntry)
	entries := make(map[string]cacheEntry, n)
	for range n {
		f := r.String()
		var e cacheEntry
		for _, p := range [...]*string{&e.Article, &e.Slug, &e.Fingerprint, &e.Briefing, &e.ArticleStat, &e.BriefingStat} {
			*p = r.String()
		}
		e.Warnings = readStrings(r)
		if r.Err() != nil {
			return nil, r.Err()
		}
		e.briefingSum() // once, not on every build of a long-running process
		entries[f] = e
	}
	if r.Err() != nil || r.Len() != 0 || len(entries) != n {
		return nil, binfmt.ErrMalformed // a path twice is not what encodeCache writes
	}
	return entries, nil
}

// CheckAnalysisCache reports whether the analysis cache of the site dir
// is absent or whole: nil unless the file is there and does not decode
// (for tests that kill a build).
func CheckAnalysisCache(dir string) error {
	data, err := os.ReadFile(cachePath(dir))
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if _, err := decodeCache(data); err != nil {
		return fmt.Errorf("%s: %w (%d bytes)", cachePath(dir), err, len(data))
	}
	return nil
}
