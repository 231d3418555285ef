package site

import (
	"brief/internal/atomicfile"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// output is where a build writes: a staging folder swapped in whole
// (stage, the default), or, in a long-running `brief serve` that knows what
// the output folder holds, the output folder itself, changed file by file
// (inPlace).
type output interface {
	reserve(name string) error          // claim a slash-separated name; not concurrent
	put(name string, data []byte) error // write a reserved name; safe for concurrent use
	commit() error                      // make the build visible
	cleanup()                           // remove what is left; release the lock
	names() map[string]bool             // every name reserved
}

// write reserves name in out and writes data to it.
func write(out output, name string, data []byte) error {
	if err := out.reserve(name); err != nil {
		return err
	}
	return out.put(name, data)
}

// reserveName claims name in set; a name that would leave the output
// folder, or that is claimed twice, is an error.
func reserveName(set map[string]bool, name string) error {
	if !filepath.IsLocal(filepath.FromSlash(name)) {
		return fmt.Errorf("refusing to write %q outside the output folder", name)
	}
	if set[name] {
		return fmt.Errorf("two pages want to be written to %s", name)
	}
	set[name] = true
	return nil
}

// newOutput picks the output of a build: in place when memo knows the
// current contents of the output folder, else a stage (which then tells
// memo what it wrote).
func newOutput(siteDir, output string, memo *Memo) (output, error) {
	out := outputPath(siteDir, output)
	if files := memo.filesOf(out); files != nil {
		if st, err := os.Stat(out); err == nil && st.IsDir() {
			unlock, err := lock(filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+".lock"))
			if err != nil {
				return nil, err
			}
			return &inPlace{out: out, memo: memo, prev: files, next: map[string]uint64{}, changed: map[string][]byte{}, written: map[string]bool{}, unlock: unlock}, nil
		}
	}
	s, err := newStage(siteDir, output)
	if err != nil {
		return nil, err
	}
	if memo != nil {
		s.memo, s.hashes = memo, map[string]uint64{}
	}
	return s, nil
}

// inPlace updates the output folder file by file. Rendering keeps only the
// files whose bytes differ from what the folder holds (known by hash from
// the previous build); nothing touches the folder until commit, so a failed
// build leaves it as it was. Commit writes each changed file through a
// temporary file and a rename, then removes the files the build no longer
// makes. A reader may see a mix of old and new files for the moment the
// commit takes; that is why only `brief serve` builds in place.
type inPlace struct {
	out     string
	memo    *Memo
	prev    map[string]uint64
	unlock  func()
	written map[string]bool
	mu      sync.Mutex // guards next and changed
	next    map[string]uint64
	changed map[string][]byte
}

func (p *inPlace) reserve(name string) error { return reserveName(p.written, name) }

func (p *inPlace) names() map[string]bool { return p.written }

func (p *inPlace) put(name string, data []byte) error {
	h := p.memo.hash(data)
	p.mu.Lock()
	defer p.mu.Unlock()
	p.next[name] = h
	if old, ok := p.prev[name]; !ok || old != h {
		p.changed[name] = append([]byte(nil), data...)
	}
	return nil
}

func (p *inPlace) commit() error {
	names := make([]string, 0, len(p.changed))
	for n := range p.changed {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if err := atomicfile.Write(filepath.Join(p.out, filepath.FromSlash(n)), p.changed[n]); err != nil {
			p.memo.setFiles("", nil) // the folder is no longer known: stage next time
			return err
		}
	}
	for n := range p.prev {
		if _, ok := p.next[n]; !ok {
			f := filepath.Join(p.out, filepath.FromSlash(n))
			if err := os.Remove(f); err != nil && !errors.Is(err, fs.ErrNotExist) {
				p.memo.setFiles("", nil)
				return err
			}
			removeEmptyDirs(p.out, filepath.Dir(f))
		}
	}
	p.memo.setFiles(p.out, p.next)
	return nil
}

func (p *inPlace) cleanup() { p.unlock() }

// removeEmptyDirs removes dir and its parents up to root while they are empty.
func removeEmptyDirs(root, dir string) {
	for dir != root && strings.HasPrefix(dir, root+string(filepath.Separator)) {
		if os.Remove(dir) != nil {
			return
		}
		dir = filepath.Dir(dir)
	}
}
