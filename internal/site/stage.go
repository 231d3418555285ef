package site

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"brief/internal/sysfile"
)

// stage is a staging folder beside the output folder. Files are written
// into it; commit swaps it in for the output folder in one step, so the
// output is always a whole site.
//
// The staging folder is a new one, or the spare: the previous output,
// kept beside the output folder as .<name>.spare after the last swap and
// described by a State. On the spare, a build changes only the files whose
// bytes changed since the spare was the output, and links (hard links)
// the files it shares with the current output, so that a build that
// changes one page costs one page and one swap, not a whole new folder.
// Files keep their inode and modification time for as long as their bytes
// do, so rsync and static hosts upload only what changed.
type stage struct {
	dir      string               // the staging folder
	out      string               // the output folder
	spareDir string               // where the spare lives
	onSpare  bool                 // dir is the spare
	live     *State               // what out holds, when known (files checked before use)
	have     map[string]FileState // what dir already holds (on the spare); read through spareFiles
	scanned  chan struct{}        // closed when have is known (scanSpare runs beside the model)
	written  map[string]bool
	unlock   func() // releases the build lock
	mu       sync.Mutex
	dirs     map[string]bool // folders made
	noOutput bool            // out did not exist when the stage began
	next     map[string]FileState
	checked  map[string]bool // live files found as live says
	final    *State
	spare    *State // after commit: what the spare holds
	touched  bool   // a file of the staging folder was written, linked or removed (under mu)
	broken   bool   // a file of the output is not as live says (removed or changed by hand; under mu): swap
	swapped  bool   // commit swapped the folders
}

// keep are the entries of an old output folder carried into the new one.
var keep = []string{".git", "CNAME"}

// updating marks a spare that a build is changing: a spare with it was
// left by a killed build and is not trusted.
const updating = ".brief-updating"

// stagingDir makes a new folder prefix+random in parent, 0755 less the
// umask: it becomes the output folder, which a web server must read
// (os.MkdirTemp would make it 0700).
func stagingDir(parent, prefix string) (string, error) {
	for try := 0; ; try++ {
		dir := filepath.Join(parent, prefix+strconv.FormatUint(rand.Uint64(), 36))
		err := os.Mkdir(dir, 0o755)
		if err == nil || !errors.Is(err, fs.ErrExist) || try > 10 {
			return dir, err
		}
	}
}

func spareDir(out string) string {
	return filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+".spare")
}

func newStage(out string, live, spare *State) (*stage, error) {
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	unlock, err := lock(lockPath(out))
	if err != nil {
		return nil, fmt.Errorf("locking %s: %w", out, err)
	}
	recoverOutput(out)
	noOutput := false
	for _, d := range []string{out, spareDir(out)} {
		st, err := os.Lstat(d)
		if d == out {
			noOutput = errors.Is(err, fs.ErrNotExist)
		}
		// Earlier versions made these 0700 (os.MkdirTemp): open them up.
		if err == nil && st.IsDir() && st.Mode().Perm() == 0o700 {
			os.Chmod(d, 0o755)
		}
	}
	s := &stage{out: out, spareDir: spareDir(out), dirs: map[string]bool{},
		checked: map[string]bool{}, have: map[string]FileState{}, unlock: unlock}
	n := 0 // the files of the last build: sized for them, the maps do not grow file by file
	if live.describes(out) {
		s.live, n = live, len(live.Files)
	}
	s.written, s.next = make(map[string]bool, n), make(map[string]FileState, n)
	if _, err := os.Lstat(filepath.Join(s.spareDir, updating)); err == nil {
		spare = nil
	}
	if s.live != nil && spare.describes(s.spareDir) {
		if err := os.WriteFile(filepath.Join(s.spareDir, updating), nil, 0o644); err == nil {
			s.dir, s.onSpare = s.spareDir, true
			// The walk is mostly system calls: it runs while the build
			// makes its model, and the first file it touches waits.
			s.scanned = make(chan struct{})
			go func() {
				defer close(s.scanned)
				s.have = scanSpare(s.spareDir, spare)
			}()
			return s, nil
		}
	}
	if _, err := os.Lstat(s.spareDir); err == nil {
		os.RemoveAll(s.spareDir)
	}
	dir, err := stagingDir(parent, "."+filepath.Base(out)+".staging-")
	if err != nil {
		unlock()
		return nil, fmt.Errorf("making a staging folder: %w", err)
	}
	s.dir, s.dirs[dir], s.noOutput = dir, true, noOutput
	return s, nil
}

// scanSpare walks the spare and returns the files it holds as its state
// says; any other file (not brief's, or changed since) is removed.
func scanSpare(dir string, st *State) map[string]FileState {
	have := make(map[string]FileState, len(st.Files))
	sysfile.Walk(dir, func(rel string) bool { return rel != ".git" }, func(e sysfile.Entry) {
		if e.Rel == "CNAME" || e.Rel == updating {
			return
		}
		if f, ok := st.Files[e.Rel]; ok && e.Regular && e.Size == f.Size && e.ModTime == f.ModTime && e.Ino == f.Ino {
			f.shared = e.Nlink > 1
			have[e.Rel] = f
			return
		}
		os.Remove(filepath.Join(dir, filepath.FromSlash(e.Rel)))
	})
	return have
}

// clearFiles removes the files (not folders) standing at dir or at its
// parents below root, and reports whether it removed any.
func clearFiles(root, dir string) bool {
	removed := false
	for d := dir; d != root && strings.HasPrefix(d, root+string(filepath.Separator)); d = filepath.Dir(d) {
		if fi, err := os.Lstat(d); err == nil && !fi.IsDir() && os.Remove(d) == nil {
			removed = true
		}
	}
	return removed
}

// sameFile reports whether info is the file f describes.
func sameFile(info fs.FileInfo, f FileState) bool {
	return info.Mode().IsRegular() && info.Size() == f.Size && info.ModTime().UnixNano() == f.ModTime && inode(info) == f.Ino
}

// outputPath is the absolute output folder: the same folder whether the
// site was named by a relative or an absolute path (the state names it).
func outputPath(siteDir, output string) string {
	out := output
	if !filepath.IsAbs(out) {
		out = filepath.Join(siteDir, output)
	}
	if abs, err := filepath.Abs(out); err == nil {
		return abs
	}
	return filepath.Clean(out)
}

// spareFiles returns what the spare holds, once scanSpare has walked it;
// nothing in the staging folder is touched before (the walk removes what
// it does not know).
func (s *stage) spareFiles() map[string]FileState {
	if s.scanned != nil {
		<-s.scanned
	}
	return s.have
}

func (s *stage) reserve(name string) error      { return reserveName(s.written, name) }
func (s *stage) names() map[string]bool         { return s.written }
func (s *stage) states() (*State, *State, bool) { return s.final, s.spare, !s.changed() }

// changed reports whether the build changed the output folder or the
// spare: when not, what the last build left is still true.
func (s *stage) changed() bool { return s.touched || s.swapped || !s.onSpare }

func (s *stage) mode() string {
	if s.onSpare {
		return "staged on the spare"
	}
	return "staged"
}

// liveFile returns what the output folder holds at name, if the live
// state knows it and the file is still as it says.
func (s *stage) liveFile(name string) (FileState, bool) {
	if s.live == nil {
		return FileState{}, false
	}
	f, ok := s.live.Files[name]
	if !ok {
		return f, false
	}
	s.mu.Lock()
	done := s.checked[name]
	s.mu.Unlock()
	if !done {
		st, err := os.Lstat(filepath.Join(s.out, filepath.FromSlash(name)))
		if err != nil || !sameFile(st, f) {
			s.mu.Lock()
			s.broken = true
			s.mu.Unlock()
			return f, false
		}
		s.mu.Lock()
		s.checked[name] = true
		s.mu.Unlock()
	}
	return f, true
}

func (s *stage) touch() {
	s.mu.Lock()
	s.touched = true
	s.mu.Unlock()
}

func (s *stage) record(name string, f FileState) {
	f.shared = false // what the spare's walk found, not the state to keep (compared in commit)
	s.mu.Lock()
	s.next[name] = f
	s.mu.Unlock()
}

func (s *stage) keep(name string, d Digest) bool {
	if d == (Digest{}) {
		return false
	}
	l, ok := s.live.lookup(name)
	if !ok || l.Digest != d {
		return false
	}
	h, has := s.spareFiles()[name]
	if has && h.Ino == l.Ino && l.Ino != 0 && h.Hash == l.Hash && h.shared {
		// The spare shares the live file: the output still has it (a
		// file removed from the output leaves the spare's its only name).
		s.record(name, l)
		return true
	}
	if _, ok := s.liveFile(name); !ok {
		return false
	}
	if s.linkLive(name, has) != nil {
		return false
	}
	s.record(name, l)
	return true
}

// linkLive makes name in the staging folder a hard link to the live file.
func (s *stage) linkLive(name string, exists bool) error {
	p := filepath.Join(s.dir, filepath.FromSlash(name))
	if err := s.mkdir(filepath.Dir(p)); err != nil {
		return err
	}
	src := filepath.Join(s.out, filepath.FromSlash(name))
	s.touch()
	if !exists {
		return os.Link(src, p)
	}
	tmp := p + ".tmp-link"
	os.Remove(tmp)
	if err := os.Link(src, tmp); err != nil {
		return err
	}
	return sysfile.Rename(tmp, p)
}

func (s *stage) mkdir(dir string) error {
	s.mu.Lock()
	made, parent := s.dirs[dir], s.dirs[filepath.Dir(dir)]
	s.mu.Unlock()
	if made {
		return nil
	}
	// In a new staging folder, a folder whose parent this build made takes
	// one system call (MkdirAll takes three). Where that fails (another
	// goroutine made it meanwhile), MkdirAll says what is there.
	if !parent || s.onSpare || os.Mkdir(dir, 0o755) != nil {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			// On the spare, a file of the old site may stand where this
			// site has a folder: it is stale (one site cannot have both).
			if !s.onSpare || !clearFiles(s.dir, dir) {
				return err
			}
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return err
			}
		}
	}
	s.mu.Lock()
	for d := dir; len(d) > len(s.dir) && !s.dirs[d]; d = filepath.Dir(d) {
		s.dirs[d] = true // and its parents, which MkdirAll made
	}
	s.mu.Unlock()
	return nil
}

// put writes data to a reserved name. Safe for concurrent use.
func (s *stage) put(name string, data []byte, d Digest) error {
	h := hashBytes(data)
	have, has := s.spareFiles()[name]
	// The same bytes as the output's file: that file, so that it keeps
	// its time.
	if l, ok := s.liveFile(name); ok && l.Hash == h && (has && have.Ino == l.Ino && have.Hash == h || s.linkLive(name, has) == nil) {
		l.Digest = d
		s.record(name, l)
		return nil
	}
	if has && have.Hash == h {
		have.Digest = d
		s.record(name, have)
		return nil
	}
	p := filepath.Join(s.dir, filepath.FromSlash(name))
	if err := s.mkdir(filepath.Dir(p)); err != nil {
		return err
	}
	s.touch()
	if s.live == nil && !has && !s.noOutput && s.sameAsOld(name, data, p) {
		// No state (a first build over an existing site): a file with the
		// bytes the output already has is linked, to keep its time.
		f := FileState{Digest: d, Hash: h, Size: int64(len(data))}
		if st, err := os.Lstat(p); err == nil {
			f.ModTime, f.Ino = st.ModTime().UnixNano(), inode(st)
		}
		s.record(name, f)
		return nil
	}
	var info sysfile.Info
	var err error
	if has {
		// The spare's file may be a link to a live one: replace, never
		// write through.
		tmp := p + ".tmp-new"
		if info, err = sysfile.Write(tmp, data, 0o644, false); err == nil {
			err = sysfile.Rename(tmp, p)
		}
	} else {
		info, err = sysfile.Write(p, data, 0o644, false)
		if err != nil && s.onSpare {
			// A folder of the old site where this site has a file.
			if fi, e := os.Lstat(p); e == nil && fi.IsDir() && os.RemoveAll(p) == nil {
				info, err = sysfile.Write(p, data, 0o644, false)
			}
		}
	}
	if err != nil {
		return err
	}
	s.record(name, FileState{Digest: d, Hash: h, Size: int64(len(data)), ModTime: info.ModTime, Ino: info.Ino})
	return nil
}

// sameAsOld links p to the output's file name when that holds data.
func (s *stage) sameAsOld(name string, data []byte, p string) bool {
	old := filepath.Join(s.out, filepath.FromSlash(name))
	st, err := os.Lstat(old)
	if err != nil || !st.Mode().IsRegular() || st.Size() != int64(len(data)) {
		return false
	}
	b, err := os.ReadFile(old)
	return err == nil && bytes.Equal(b, data) && os.Link(old, p) == nil
}

// commit swaps the stage in for the output folder and carries the kept
// entries (.git, CNAME) of the old output over. Where the system can
// exchange two folders in one step (Linux renameat2), readers never see a
// missing output; elsewhere the output is missing between two renames, and
// the next build's recover repairs a crash there. The old output becomes
// the spare when its state is known; otherwise cleanup removes it.
func (s *stage) commit() error {
	if s.onSpare {
		for n := range s.spareFiles() {
			if _, ok := s.next[n]; !ok {
				f := filepath.Join(s.dir, filepath.FromSlash(n))
				os.Remove(f)
				removeEmptyDirs(s.dir, filepath.Dir(f))
				s.touched = true
			}
		}
		if err := os.Remove(filepath.Join(s.dir, updating)); err != nil {
			return err
		}
		if maps.Equal(s.next, s.live.Files) && !s.broken {
			// The output already is this build: no swap. The spare
			// now holds the same files.
			st, err := os.Stat(s.dir)
			if err != nil {
				return err
			}
			dev, ino := fileID(st)
			s.final = s.live
			s.spare = &State{Version: StateVersion, Output: s.dir, Dev: dev, Ino: ino, Files: s.next}
			s.dir = ""
			return nil
		}
	}
	s.swapped = true
	old := s.out + ".old-" + strconv.Itoa(os.Getpid())
	if _, err := os.Lstat(s.out); errors.Is(err, fs.ErrNotExist) {
		if err := os.Rename(s.dir, s.out); err != nil {
			return fmt.Errorf("replacing %s: %w", s.out, err)
		}
		s.dir = ""
		s.remember(nil)
		return nil
	}
	if err := sysfile.Exchange(s.dir, s.out); err == nil {
		// s.dir now holds the old site.
		if !s.onSpare {
			if err := os.Rename(s.dir, old); err != nil {
				return err
			}
			s.dir = old
		}
	} else {
		if err := os.Rename(s.out, old); err != nil {
			return fmt.Errorf("replacing %s: %w", s.out, err)
		}
		if err := os.Rename(s.dir, s.out); err != nil {
			os.Rename(old, s.out)
			return fmt.Errorf("replacing %s: %w", s.out, err)
		}
		s.dir = old
	}
	if err := carryKept(s.dir, s.out); err != nil {
		return err
	}
	// The old output becomes the spare if its state is known.
	if s.live != nil && (s.dir == s.spareDir || os.Rename(s.dir, s.spareDir) == nil) {
		s.dir = ""
		sp := *s.live
		sp.Output = s.spareDir
		s.remember(&sp)
		return nil
	}
	s.remember(nil)
	return nil // cleanup removes s.dir, the old site
}

// remember sets what the output folder (and the spare) now hold.
func (s *stage) remember(spare *State) {
	st, err := os.Stat(s.out)
	if err != nil {
		return
	}
	dev, ino := fileID(st)
	s.final = &State{Version: StateVersion, Output: s.out, Dev: dev, Ino: ino, Files: s.next}
	s.spare = spare
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
	if _, err := os.Lstat(filepath.Join(spareDir(out), updating)); err == nil {
		os.RemoveAll(spareDir(out)) // a build was killed while changing it
	}
}

// cleanup removes the staging folder (after a failure) or the old output
// (after a commit), and releases the build lock.
func (s *stage) cleanup() {
	s.spareFiles() // the walk is done before its folder goes
	if s.dir != "" {
		os.RemoveAll(s.dir)
	}
	if s.unlock != nil {
		s.unlock()
	}
}
