package build

import (
	"crypto/sha256"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"brief/internal/briefing"
)

// filled sets every field reachable from v to a value other than its zero
// value, different for each field (seed counts up), with lists of two.
func filled(v reflect.Value, seed *int) {
	*seed++
	switch v.Kind() {
	case reflect.String:
		v.SetString("s" + string(rune('a'+*seed%26)) + "é" + string(rune('0'+*seed%10)))
	case reflect.Int:
		v.SetInt(int64(*seed) * -1000003)
	case reflect.Float64:
		v.SetFloat(float64(*seed) / 7)
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := range 2 {
			filled(v.Index(i), seed)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			filled(v.Field(i), seed)
		}
	default:
		panic("filled: no value for a " + v.Type().String() + ": teach filled and the codec this kind")
	}
}

func sampleParsed() map[string]parsedEntry {
	var b briefing.Briefing
	seed := 0
	filled(reflect.ValueOf(&b).Elem(), &seed)
	return map[string]parsedEntry{
		"content/articles/a.txt": {Sum: [32]byte{1, 31: 2}, BodyLine: 40, BodyAt: -1, Briefing: b},
		"content/articles/ä.md":  {BodyLine: -1, BodyAt: 1 << 40}, // every other field zero
	}
}

// TestParsedCodecFields: every field of briefing.Briefing, set, comes back
// from the shard layout. A field added to briefing.Briefing and not to
// parsedcodec.go fails here: add it to both sides and raise parsedVersion.
func TestParsedCodecFields(t *testing.T) {
	in := sampleParsed()
	out, err := decodeParsed(encodeParsed(in))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(in, out) {
		t.Errorf("round trip lost a field:\n in  %+v\n out %+v", in, out)
	}
}

// TestParsedShardOnDisk: a shard written by save is read back by
// loadParsed; a shard of another version, a truncated one and the gob
// shards of earlier versions are empty ones, and save removes the last.
func TestParsedShardOnDisk(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, CacheDir), 0o755); err != nil {
		t.Fatal(err)
	}
	c := &parsedCache{Entries: map[string]parsedEntry{}}
	live := map[string]bool{}
	for f, e := range sampleParsed() {
		c.put(f, e.Sum, nil, e.BodyLine, &e.Briefing)
		live[f] = true
	}
	for k := range parsedShards {
		if err := os.WriteFile(legacyParsedPath(dir, k), []byte("gob"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c.save(dir, live)
	if got := loadParsed(dir); !reflect.DeepEqual(got.Entries, c.Entries) {
		t.Errorf("loaded %+v\nsaved %+v", got.Entries, c.Entries)
	}
	written := 0
	for k := range parsedShards {
		if _, err := os.Stat(parsedPath(dir, k)); err == nil {
			written++
			if _, err := os.Stat(legacyParsedPath(dir, k)); err == nil {
				t.Errorf("%s: left beside the shard written", legacyParsedPath(dir, k))
			}
		}
	}
	if written == 0 {
		t.Fatal("no shard written")
	}

	for name, mangle := range map[string]func([]byte) []byte{
		"other version": func(b []byte) []byte { b[len(parsedMagic)]++; return b },
		"truncated":     func(b []byte) []byte { return b[:len(b)-1] },
		"trailing byte": func(b []byte) []byte { return append(b, 0) },
		"no magic":      func(b []byte) []byte { return b[1:] },
	} {
		data := mangle(encodeParsed(sampleParsed()))
		if m, err := decodeParsed(data); err == nil || m != nil {
			t.Errorf("%s: decoded %d entries, err %v", name, len(m), err)
		}
	}
}

// TestParsedPutBody: a briefing put with its file's bytes keeps where its
// body starts, not the body; without them, or with a body that is not the
// end of the file, the body itself.
func TestParsedPutBody(t *testing.T) {
	src := []byte("+++\ntitle = \"T\"\n+++\n\nThe body.\n")
	c := &parsedCache{Entries: map[string]parsedEntry{}}
	for _, tc := range []struct {
		src        []byte
		body       string
		at         int
		keptInline bool
	}{
		{src, "The body.\n", len(src) - len("The body.\n"), false},
		{nil, "The body.\n", -1, true},
		{src, "Another body.\n", -1, true},
		{src, "", len(src), false},
	} {
		c.put("f", [32]byte{}, tc.src, 5, &briefing.Briefing{Title: "T", Body: tc.body})
		e := c.Entries["f"]
		if e.BodyAt != tc.at || (e.Briefing.Body != "") != (tc.keptInline && tc.body != "") {
			t.Errorf("src %v, body %q: BodyAt %d, Body %q", tc.src != nil, tc.body, e.BodyAt, e.Briefing.Body)
		}
	}
}

// FuzzParsedDecode: any bytes decode to entries or an error, never a
// panic, and what decodes encodes back to the same entries.
func FuzzParsedDecode(f *testing.F) {
	good := encodeParsed(sampleParsed())
	f.Add(good)
	f.Add(good[:len(good)/2])
	f.Add([]byte(parsedMagic + "\x04\x01"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := decodeParsed(data)
		if err != nil {
			return
		}
		again, err := decodeParsed(encodeParsed(m))
		if err != nil || len(again) != len(m) {
			t.Fatalf("%q: round trip failed: %v", data, err)
		}
		for f, e := range m { // compared as bytes: a NaN salience is not DeepEqual to itself
			if a, b := encodeParsed(map[string]parsedEntry{f: e}), encodeParsed(map[string]parsedEntry{f: again[f]}); string(a) != string(b) {
				t.Fatalf("%q: entry %q changed in a round trip", data, f)
			}
		}
	})
}

// TestReadSum: a file read for a page after the build took it as
// unchanged is checked against the hash the build knew.
func TestReadSum(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "x.md")
	if err := os.WriteFile(p, []byte("one"), 0o644); err != nil {
		t.Fatal(err)
	}
	if data, err := readSum(p, "content/briefings/x.md", sha256.Sum256([]byte("one"))); err != nil || string(data) != "one" {
		t.Fatalf("unchanged: %q, %v", data, err)
	}
	_, err := readSum(p, "content/briefings/x.md", sha256.Sum256([]byte("two")))
	if err == nil || err.Error() != "content/briefings/x.md: changed during the build; build again" {
		t.Fatalf("changed: %v", err)
	}
}
