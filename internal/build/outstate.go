package build

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"

	"brief/internal/site"
)

// outState is .brief-cache/output-<hash>.gob, one per output folder (its
// path as the site names it, hashed: brief build's public/ and brief
// serve's own folder each have theirs): what the output folder and its
// spare hold and what each file was made from (site.State), and the
// Markdown warnings of each briefing, so that the next build renders and
// writes only what changed. A missing, corrupt or older file is an empty
// state: the next build renders everything once. The states are checked
// against the folders before use (package site), so a stale file costs
// time, never a wrong page.
type outState struct {
	Version     int
	Live, Spare *site.State
	Notes       map[[32]byte][]string
}

func outStatePath(dir, output string) string {
	h := fnv.New32a()
	h.Write([]byte(filepath.ToSlash(filepath.Clean(output))))
	return filepath.Join(dir, CacheDir, fmt.Sprintf("output-%08x.gob", h.Sum32()))
}

func loadOutState(dir, output string) *outState {
	os.Remove(filepath.Join(dir, CacheDir, "output.gob")) // the one file of earlier versions
	data, err := os.ReadFile(outStatePath(dir, output))
	if err != nil {
		return &outState{}
	}
	var s outState
	if gob.NewDecoder(bytes.NewReader(data)).Decode(&s) != nil || s.Version != site.StateVersion {
		return &outState{}
	}
	return &s
}

// save writes the state; errors are ignored (the next build renders
// everything).
func (s *outState) save(dir, output string) {
	s.Version = site.StateVersion
	var buf bytes.Buffer
	if gob.NewEncoder(&buf).Encode(s) != nil {
		return
	}
	p := outStatePath(dir, output)
	if os.MkdirAll(filepath.Dir(p), 0o755) == nil {
		writeFile(p, buf.Bytes())
	}
}
