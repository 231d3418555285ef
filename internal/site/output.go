package site

import (
	"brief/internal/parallel"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"

	"brief/internal/atomicfile"
)

// output is where a build writes: a staging folder swapped in whole
// (stage, what `brief build` does), or the output folder itself, changed
// file by file (inPlace, what a long-running `brief serve` does).
type output interface {
	reserve(name string) error // claim a slash-separated name; not concurrent
	// keep tells the output that the file name is made from what digest d
	// says; it reports whether the output already holds that file (so it
	// need not be made). Safe for concurrent use.
	keep(name string, d Digest) bool
	// put writes a reserved name made from d. Safe for concurrent use.
	put(name string, data []byte, d Digest) error
	commit() error          // make the build visible
	cleanup()               // remove what is left; release the lock
	names() map[string]bool // every name reserved
	// states is what the output folder and the spare hold after commit
	// (nil when not known), and whether the build left both as they were.
	states() (live, spare *State, unchanged bool)
	mode() string // "staged", "staged on the spare", "in place"
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

// Outputs says how a build may write the output folder.
type Outputs struct {
	// InPlace lets the build change the output folder file by file when
	// Live describes it (brief serve: the folder may be seen half-updated
	// for the moment the commit takes). Otherwise the build is staged.
	InPlace bool
	// Live and Spare are what the last builds left: the output folder, and
	// the previous output kept beside it (.<name>.spare) so that the next
	// staged build changes only what changed instead of making a whole new
	// folder. Either may be nil or stale; a stale one is not used.
	Live, Spare *State
}

// newOutput picks the output of a build (see Outputs).
func newOutput(siteDir, output string, o Outputs) (output, error) {
	out := outputPath(siteDir, output)
	if o.InPlace && o.Live.describes(out) {
		unlock, err := lock(lockPath(out))
		if err != nil {
			return nil, err
		}
		if !o.Live.describes(out) { // changed while we waited
			unlock()
			return newStage(out, nil, nil)
		}
		return &inPlace{out: out, prev: o.Live, next: map[string]FileState{}, changed: map[string][]byte{},
			written: map[string]bool{}, unlock: unlock}, nil
	}
	return newStage(out, o.Live, o.Spare)
}

func lockPath(out string) string {
	return filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+".lock")
}

// inPlace updates the output folder file by file. Rendering keeps only the
// files whose bytes differ from what the folder holds; nothing touches the
// folder until commit, so a failed build leaves it as it was. Commit
// removes the files the build no longer makes, then writes each changed
// file through a temporary file and a rename. A reader may see a mix of
// old and new files for the moment the commit takes; that is why only
// `brief serve` builds in place.
//
// The new state is the previous one updated at commit: rendering only
// reads prev (on all cores), put notes what changes in next, and commit,
// alone, applies it to prev's files (no copy of 30,000 entries per edit).
// A build that fails leaves prev's files as they were, or, failing in
// commit, a state nobody uses again (final stays nil).
type inPlace struct {
	out     string
	prev    *State
	unlock  func()
	written map[string]bool
	mu      sync.Mutex           // guards next and changed
	next    map[string]FileState // the files put: commit applies them to prev's
	changed map[string][]byte
	// only, when set, is all the names of prev that may be stale: the
	// build kept every other file of prev without claiming its name.
	only  []string
	final *State
}

func (p *inPlace) reserve(name string) error      { return reserveName(p.written, name) }
func (p *inPlace) names() map[string]bool         { return p.written }
func (p *inPlace) states() (*State, *State, bool) { return p.final, nil, false }
func (p *inPlace) mode() string                   { return "in place" }

func (p *inPlace) keep(name string, d Digest) bool {
	old, ok := p.prev.Files[name]
	return ok && d != (Digest{}) && old.Digest == d // next holds it already
}

func (p *inPlace) put(name string, data []byte, d Digest) error {
	h := hashBytes(data)
	p.mu.Lock()
	defer p.mu.Unlock()
	old, ok := p.prev.Files[name]
	if ok && old.Hash == h {
		old.Digest = d
		p.next[name] = old
		return nil
	}
	p.next[name] = FileState{Digest: d, Hash: h, Size: int64(len(data))}
	p.changed[name] = append([]byte(nil), data...)
	return nil
}

// writeNow writes the files of names the build put and changed, now,
// before commit (see Input.First): commit writes the others. A file that
// cannot be written now is left to commit.
func (p *inPlace) writeNow(names []string) {
	for _, n := range names {
		p.mu.Lock()
		data, ok := p.changed[n]
		f := p.next[n]
		p.mu.Unlock()
		if !ok {
			continue
		}
		f, err := p.write(n, data, f)
		if err != nil {
			continue
		}
		p.mu.Lock()
		delete(p.changed, n)
		p.next[n] = f
		p.mu.Unlock()
	}
}

// write writes the build's file n, whose state is f, into the folder, and
// returns f with the time and inode the file has there (as they were when
// they cannot be read).
func (p *inPlace) write(n string, data []byte, f FileState) (FileState, error) {
	file := filepath.Join(p.out, filepath.FromSlash(n))
	if err := atomicfile.Write(file, data); err != nil {
		return f, err
	}
	if st, err := os.Lstat(file); err == nil {
		f.ModTime, f.Ino = st.ModTime().UnixNano(), inode(st)
	}
	return f, nil
}

func (p *inPlace) commit() error {
	// Stale files first: a file of the old site may stand where this one
	// has a folder, or a folder where it has a file.
	stale := p.only
	if stale == nil {
		stale = slices.Collect(maps.Keys(p.prev.Files))
	}
	files := p.prev.Files
	for _, n := range stale {
		if _, ok := files[n]; ok && !p.written[n] {
			delete(files, n)
			f := filepath.Join(p.out, filepath.FromSlash(n))
			if err := os.Remove(f); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
			removeEmptyDirs(p.out, filepath.Dir(f))
		}
	}
	for n, f := range p.next {
		files[n] = f
	}
	names := make([]string, 0, len(p.changed))
	for n := range p.changed {
		names = append(names, n)
	}
	sort.Strings(names)
	// On all cores: the kernel's share of writing a file is most of it.
	errs := make([]error, len(names))
	states := make([]FileState, len(names))
	parallel.For(context.Background(), len(names), func(i int) {
		states[i], errs[i] = p.write(names[i], p.changed[names[i]], files[names[i]])
	})
	for i, n := range names {
		if errs[i] != nil {
			return errs[i] // final stays nil: the folder is no longer known
		}
		files[n] = states[i]
	}
	p.final = &State{Version: StateVersion, Output: p.out, Dev: p.prev.Dev, Ino: p.prev.Ino, Files: files}
	return nil
}

func (p *inPlace) cleanup() { p.unlock() }

// removeEmptyDirs removes dir and its parents up to root while they are empty.
func removeEmptyDirs(root, dir string) {
	for dir != root && strings.HasPrefix(dir, root+string(filepath.Separator)) {
		if fi, err := os.Lstat(dir); err != nil || !fi.IsDir() || os.Remove(dir) != nil {
			return
		}
		dir = filepath.Dir(dir)
	}
}
