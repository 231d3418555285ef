package site

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"sync"
	"time"
)

// stage is a staging folder beside the output folder. Files are written
// into it; commit swaps it in for the output folder.
type stage struct {
	dir     string // the staging folder
	out     string // the output folder
	written map[string]bool
	mu      sync.Mutex      // guards dirs in put
	dirs    map[string]bool // folders made
	elapsed time.Duration   // spent in write
}

// keep are the entries of an old output folder carried into the new one.
var keep = []string{".git", "CNAME"}

func newStage(siteDir, output string) (*stage, error) {
	out := output
	if !filepath.IsAbs(out) {
		out = filepath.Join(siteDir, output)
	}
	out = filepath.Clean(out)
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp(parent, "."+filepath.Base(out)+".staging-")
	if err != nil {
		return nil, fmt.Errorf("making a staging folder: %w", err)
	}
	return &stage{dir: dir, out: out, written: map[string]bool{}, dirs: map[string]bool{}}, nil
}

// write reserves the slash-separated path name inside the stage and
// writes data to it. A name that would leave the folder, or that was
// written before, is an error.
func (s *stage) write(name string, data []byte) error {
	if err := s.reserve(name); err != nil {
		return err
	}
	return s.put(name, data)
}

// reserve claims name for one file. Not safe for concurrent use.
func (s *stage) reserve(name string) error {
	if !filepath.IsLocal(filepath.FromSlash(name)) {
		return fmt.Errorf("refusing to write %q outside the output folder", name)
	}
	if s.written[name] {
		return fmt.Errorf("two pages want to be written to %s", name)
	}
	s.written[name] = true
	return nil
}

// put writes data to a reserved name. Safe for concurrent use.
func (s *stage) put(name string, data []byte) error {
	p := filepath.Join(s.dir, filepath.FromSlash(name))
	dir := filepath.Dir(p)
	s.mu.Lock()
	made := s.dirs[dir]
	s.mu.Unlock()
	if !made {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		s.mu.Lock()
		s.dirs[dir] = true
		s.mu.Unlock()
	}
	// A file with the same bytes as in the current output is linked, not
	// written: it keeps its modification time, so rsync and static hosts
	// upload only what changed.
	old := filepath.Join(s.out, filepath.FromSlash(name))
	if st, err := os.Lstat(old); err == nil && st.Mode().IsRegular() && st.Size() == int64(len(data)) {
		if b, err := os.ReadFile(old); err == nil && bytes.Equal(b, data) && os.Link(old, p) == nil {
			return nil
		}
	}
	return os.WriteFile(p, data, 0o644)
}

// commit moves the kept entries of the old output into the stage and swaps
// the stage in. After commit, cleanup removes the old output.
func (s *stage) commit() error {
	for _, k := range keep {
		old := filepath.Join(s.out, k)
		if _, err := os.Lstat(old); err == nil {
			if err := os.Rename(old, filepath.Join(s.dir, k)); err != nil {
				return err
			}
		}
	}
	trash := s.out + ".old-" + strconv.Itoa(os.Getpid())
	hadOld := true
	if err := os.Rename(s.out, trash); err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			return s.restore(err)
		}
		hadOld = false
	}
	if err := os.Rename(s.dir, s.out); err != nil {
		if hadOld {
			os.Rename(trash, s.out)
		}
		return s.restore(err)
	}
	s.dir = trash // cleanup removes the old site
	if !hadOld {
		s.dir = ""
	}
	return nil
}

// restore puts kept entries back into the old output after a failed swap.
func (s *stage) restore(err error) error {
	for _, k := range keep {
		if _, e := os.Lstat(filepath.Join(s.dir, k)); e == nil {
			os.Rename(filepath.Join(s.dir, k), filepath.Join(s.out, k))
		}
	}
	return fmt.Errorf("replacing %s: %w", s.out, err)
}

// cleanup removes the staging folder (after a failure) or the old output
// (after a commit).
func (s *stage) cleanup() {
	if s.dir != "" {
		os.RemoveAll(s.dir)
	}
}

// sortedHTML returns the site paths of the pages written so far
// ("", "briefings/x/"), sorted, without 404.html.
func (s *stage) sortedHTML() []string {
	var out []string
	for name := range s.written {
		if name == "index.html" {
			out = append(out, "")
		} else if len(name) > len("/index.html") && name[len(name)-len("/index.html"):] == "/index.html" {
			out = append(out, name[:len(name)-len("index.html")])
		}
	}
	sort.Strings(out)
	return out
}
