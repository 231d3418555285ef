package site

import (
	"bytes"
	"encoding/gob"
	"maps"
	"slices"
	"testing"
)

func sampleState() *State {
	return &State{Version: StateVersion, Output: "/site/public", Dev: 2049, Ino: 1 << 40, Files: map[string]FileState{
		"index.html":                     {Digest: Digest{1, 2}, Hash: Digest{3}, Size: 5120, ModTime: 1764975600123456789, Ino: 77},
		"briefings/ä/index.json":         {Size: 0, ModTime: -1},
		"":                               {},
		"actors/general-motors/feed.xml": {Digest: Digest{15: 9}, Hash: Digest{0: 255}, Size: 1 << 33, Ino: ^uint64(0)},
	}, Summary: Summary{Key: Digest{15: 7}, Pages: 13144, Files: 33866, Warnings: []string{"content/briefings/a.md:3: raw HTML left out", ""},
		Skipped: []string{"content/briefings/b.md: slug \"B\" may only hold letters, digits and '-'; skipped"}}}
}

// TestStateGob: a State goes through gob (as .brief-cache/output-*.gob
// holds it) and comes back the same, empty maps included; a nil State
// stays nil.
func TestStateGob(t *testing.T) {
	type holder struct {
		Live, Spare *State
		N           int
	}
	for _, in := range []holder{{Live: sampleState(), N: 3}, {Live: &State{Files: map[string]FileState{}}}, {}} {
		var buf bytes.Buffer
		if err := gob.NewEncoder(&buf).Encode(in); err != nil {
			t.Fatal(err)
		}
		var out holder
		if err := gob.NewDecoder(&buf).Decode(&out); err != nil {
			t.Fatal(err)
		}
		if (in.Live == nil) != (out.Live == nil) || out.Spare != nil || out.N != in.N {
			t.Fatalf("%+v -> %+v", in, out)
		}
		if in.Live != nil {
			a, b := *in.Live, *out.Live
			if a.Version != b.Version || a.Output != b.Output || a.Dev != b.Dev || a.Ino != b.Ino || !maps.Equal(a.Files, b.Files) ||
				!sameSummary(a.Summary, b.Summary) {
				t.Errorf("%+v -> %+v", a, b)
			}
		}
	}
}

// FuzzStateDecode: any bytes decode to a State or an error, never a panic,
// and what decodes encodes back to something that decodes the same.
func FuzzStateDecode(f *testing.F) {
	good, _ := sampleState().GobEncode()
	f.Add(good)
	f.Add(good[:len(good)/2])
	f.Add([]byte{})
	f.Add([]byte{1, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0x0f})
	f.Fuzz(func(t *testing.T, data []byte) {
		var s State
		if s.GobDecode(data) != nil {
			return
		}
		again, _ := s.GobEncode()
		var s2 State
		if err := s2.GobDecode(again); err != nil || !maps.Equal(s.Files, s2.Files) || s.Output != s2.Output || !sameSummary(s.Summary, s2.Summary) {
			t.Fatalf("%q: round trip failed: %v", data, err)
		}
	})
}

func sameSummary(a, b Summary) bool {
	return a.Key == b.Key && a.Pages == b.Pages && a.Files == b.Files && slices.Equal(a.Warnings, b.Warnings) && slices.Equal(a.Skipped, b.Skipped)
}
