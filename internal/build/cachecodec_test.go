package build

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"reflect"
	"strings"
	"testing"
)

func sampleCache() map[string]cacheEntry {
	var e cacheEntry
	seed := 0
	v := reflect.ValueOf(&e).Elem()
	for i := range v.NumField() {
		if v.Type().Field(i).IsExported() { // sum is Briefing decoded, set below
			filled(v.Field(i), &seed)
		}
	}
	sum := sha256.Sum256([]byte("a briefing"))
	e.Briefing = hex.EncodeToString(sum[:])
	e.sum = sum
	return map[string]cacheEntry{
		"content/articles/a.txt": e,
		"content/articles/ä.md":  {Slug: "ä"}, // every other field zero
		"content/articles/b.txt": {Briefing: strings.ToUpper(e.Briefing), sum: sum},
	}
}

// TestCacheCodecFields: every field of cacheEntry, set, comes back from
// the file's layout. A field added to cacheEntry and not to cachecodec.go
// fails here: add it to both sides and raise cacheVersion.
func TestCacheCodecFields(t *testing.T) {
	in := sampleCache()
	out, err := decodeCache(encodeCache(in))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(in, out) {
		t.Errorf("round trip lost a field:\n in  %+v\n out %+v", in, out)
	}
	if a, b := encodeCache(in), encodeCache(out); string(a) != string(b) {
		t.Error("the layout is not deterministic")
	}
}

// TestCacheOnDisk: a cache written by save is read back by loadCache and
// the JSON of earlier versions is removed; a file of another version, a
// truncated one, one with a byte too many or a path twice is an empty
// cache and a warning.
func TestCacheOnDisk(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, ".brief-cache/briefings.json", `{"version":2,"entries":{}}`)
	c := &cache{Entries: sampleCache(), dirty: true}
	c.save(dir)
	var res Result
	if got := loadCache(dir, &res); !reflect.DeepEqual(got.Entries, c.Entries) || len(res.Warnings) != 0 {
		t.Errorf("loaded %+v (%v)\nsaved %+v", got.Entries, res.Warnings, c.Entries)
	}
	if _, err := os.Stat(legacyCachePath(dir)); err == nil {
		t.Error("briefings.json left beside briefings.bin")
	}
	if err := CheckAnalysisCache(dir); err != nil {
		t.Error(err)
	}

	good := encodeCache(sampleCache())
	for name, data := range map[string][]byte{
		"other version": append([]byte(cacheMagic+"\x02"), good[len(cacheMagic)+1:]...),
		"truncated":     good[:len(good)-1],
		"trailing byte": append(good[:len(good):len(good)], 0),
		"no magic":      good[1:],
		"empty":         nil,
		"a path twice":  []byte(cacheMagic + "\x03\x02" + strings.Repeat("\x01p\x00\x00\x00\x00\x00\x00\x00", 2)),
	} {
		if m, err := decodeCache(data); err == nil || m != nil {
			t.Errorf("%s: decoded %d entries, err %v", name, len(m), err)
		}
		if err := os.WriteFile(cachePath(dir), data, 0o644); err != nil {
			t.Fatal(err)
		}
		var res Result
		got := loadCache(dir, &res)
		if len(got.Entries) != 0 || len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0], "unreadable or from another version") {
			t.Errorf("%s: loaded %d entries, warnings %v", name, len(got.Entries), res.Warnings)
		}
		if CheckAnalysisCache(dir) == nil {
			t.Errorf("%s: CheckAnalysisCache found nothing wrong", name)
		}
	}
	os.Remove(cachePath(dir))
	if got := loadCache(dir, &res); len(got.Entries) != 0 || len(res.Warnings) != 0 {
		t.Errorf("no file: loaded %d entries, warnings %v", len(got.Entries), res.Warnings)
	}
	if err := CheckAnalysisCache(dir); err != nil {
		t.Errorf("no file: %v", err)
	}
}

// TestHexSum: hexSum decodes what encoding/hex does, and nothing else.
func TestHexSum(t *testing.T) {
	sum := sha256.Sum256([]byte("x"))
	lower := hex.EncodeToString(sum[:])
	for _, tc := range []struct {
		s  string
		ok bool
	}{
		{lower, true},
		{strings.ToUpper(lower), true},
		{lower[:62], false},
		{lower + "00", false},
		{"g" + lower[1:], false},
		{lower[:63] + "/", false},
		{"", false},
	} {
		got, ok := hexSum(tc.s)
		if ok != tc.ok || (ok && got != sum) || (!ok && got != [32]byte{}) {
			t.Errorf("hexSum(%q) = %x, %v", tc.s, got, ok)
		}
	}
}

// FuzzCacheDecode: any bytes decode to entries or an error, never a
// panic, and what decodes encodes back to the same bytes.
func FuzzCacheDecode(f *testing.F) {
	good := encodeCache(sampleCache())
	f.Add(good)
	f.Add(good[:len(good)/2])
	f.Add([]byte(cacheMagic + "\x03\x01"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := decodeCache(data)
		if err != nil {
			return
		}
		enc := encodeCache(m)
		again, err := decodeCache(enc)
		if err != nil || !reflect.DeepEqual(m, again) {
			t.Fatalf("%q: round trip changed the entries (%v)", data, err)
		}
		if string(encodeCache(again)) != string(enc) {
			t.Fatalf("%q: encoding is not stable", data)
		}
	})
}
