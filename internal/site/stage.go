package site

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// stage is a staging folder beside the output folder. Files are written
// into it; commit swaps it in for the output folder.
type stage struct {
	dir     string // the staging folder
	out     string // the output folder
	written map[string]bool
	unlock  func()          // releases the build lock
	mu      sync.Mutex      // guards dirs and hashes in put
	dirs    map[string]bool // folders made
	memo    *Memo           // when set, the hash of every file is kept for the next build
	hashes  map[string]uint64
}

// keep are the entries of an old output folder carried into the new one.
var keep = []string{".git", "CNAME"}

func newStage(siteDir, output string) (*stage, error) {
	out := outputPath(siteDir, output)
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	unlock, err := lock(filepath.Join(parent, "."+filepath.Base(out)+".lock"))
	if err != nil {
		return nil, fmt.Errorf("locking %s: %w", out, err)
	}
	recoverOutput(out)
	dir, err := os.MkdirTemp(parent, "."+filepath.Base(out)+".staging-")
	if err != nil {
		unlock()
		return nil, fmt.Errorf("making a staging folder: %w", err)
	}
	return &stage{dir: dir, out: out, written: map[string]bool{}, dirs: map[string]bool{}, unlock: unlock}, nil
}

// outputPath is the absolute output folder.
func outputPath(siteDir, output string) string {
	out := output
	if !filepath.IsAbs(out) {
		out = filepath.Join(siteDir, output)
	}
	return filepath.Clean(out)
}

func (s *stage) reserve(name string) error { return reserveName(s.written, name) }

func (s *stage) names() map[string]bool { return s.written }

// put writes data to a reserved name. Safe for concurrent use.
func (s *stage) put(name string, data []byte) error {
	p := filepath.Join(s.dir, filepath.FromSlash(name))
	dir := filepath.Dir(p)
	s.mu.Lock()
	made := s.dirs[dir]
	if s.memo != nil {
		s.hashes[name] = s.memo.hash(data)
	}
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

// commit swaps the stage in for the output folder and carries the kept
// entries (.git, CNAME) of the old output over. Where the system can
// exchange two folders in one step (Linux renameat2), readers never see a
// missing output; elsewhere the output is missing between two renames, and
// the next build's recover repairs a crash there. After commit, cleanup
// removes the old output.
func (s *stage) commit() error {
	old := s.out + ".old-" + strconv.Itoa(os.Getpid())
	if _, err := os.Lstat(s.out); errors.Is(err, fs.ErrNotExist) {
		if err := os.Rename(s.dir, s.out); err != nil {
			return fmt.Errorf("replacing %s: %w", s.out, err)
		}
		s.dir = ""
		s.remember()
		return nil
	}
	if err := exchange(s.dir, s.out); err == nil {
		// s.dir now holds the old site.
		if err := os.Rename(s.dir, old); err != nil {
			return err
		}
	} else {
		if err := os.Rename(s.out, old); err != nil {
			return fmt.Errorf("replacing %s: %w", s.out, err)
		}
		if err := os.Rename(s.dir, s.out); err != nil {
			os.Rename(old, s.out)
			return fmt.Errorf("replacing %s: %w", s.out, err)
		}
	}
	s.dir = old // cleanup removes the old site
	if err := carryKept(old, s.out); err != nil {
		return err
	}
	s.remember()
	return nil
}

// remember gives the memo what the output folder now holds.
func (s *stage) remember() {
	if s.memo != nil {
		s.memo.setFiles(s.out, s.hashes)
	}
}

// carryKept moves .git and CNAME from folder from into folder to, where to
// has none of its own.
func carryKept(from, to string) error {
	for _, k := range keep {
		src, dst := filepath.Join(from, k), filepath.Join(to, k)
		if _, err := os.Lstat(src); err != nil {
			continue
		}
		if _, err := os.Lstat(dst); err == nil {
			continue
		}
		if err := os.Rename(src, dst); err != nil {
			return err
		}
	}
	return nil
}

// recover repairs what a build killed part-way left beside the output
// folder: if the output is missing, the newest old output comes back; .git
// and CNAME left in a staging or old folder go back into the output; then
// the leftovers are removed. It runs under the build lock.
func recoverOutput(out string) {
	parent, base := filepath.Dir(out), filepath.Base(out)
	ents, _ := os.ReadDir(parent)
	var olds, stages []string
	for _, e := range ents {
		switch n := e.Name(); {
		case strings.HasPrefix(n, base+".old-"):
			olds = append(olds, filepath.Join(parent, n))
		case strings.HasPrefix(n, "."+base+".staging-"):
			stages = append(stages, filepath.Join(parent, n))
		}
	}
	if _, err := os.Lstat(out); errors.Is(err, fs.ErrNotExist) && len(olds) > 0 {
		newest := olds[0]
		var t time.Time
		for _, o := range olds {
			if st, err := os.Stat(o); err == nil && st.ModTime().After(t) {
				newest, t = o, st.ModTime()
			}
		}
		if os.Rename(newest, out) == nil {
			olds = slices.DeleteFunc(olds, func(o string) bool { return o == newest })
		}
	}
	if _, err := os.Lstat(out); err == nil {
		for _, d := range append(stages, olds...) {
			carryKept(d, out)
		}
	}
	for _, d := range append(stages, olds...) {
		os.RemoveAll(d)
	}
}

// cleanup removes the staging folder (after a failure) or the old output
// (after a commit), and releases the build lock.
func (s *stage) cleanup() {
	if s.dir != "" {
		os.RemoveAll(s.dir)
	}
	if s.unlock != nil {
		s.unlock()
	}
}

// sortedHTML returns the site paths of the pages among names
// ("", "briefings/x/"), sorted, without 404.html.
func sortedHTML(names map[string]bool) []string {
	var out []string
	for name := range names {
		if name == "index.html" {
			out = append(out, "")
		} else if len(name) > len("/index.html") && name[len(name)-len("/index.html"):] == "/index.html" {
			out = append(out, name[:len(name)-len("index.html")])
		}
	}
	sort.Strings(out)
	return out
}
