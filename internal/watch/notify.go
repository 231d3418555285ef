package watch

import (
	"errors"
	"fmt"
	"io/fs"
	"syscall"
)

// watchDir records the folder p and, unless polling, watches it. Adding a
// watch that exists is harmless, and needed after a folder was removed and
// recreated under the same name. Running out of watches switches to polling.
func (s *scanner) watchDir(p string) {
	isNew := !s.dirs[p]
	s.dirs[p] = true
	if s.watcher == nil {
		return
	}
	var err error
	if isNew && s.opts.watchLimit > 0 && s.watches >= s.opts.watchLimit {
		err = fmt.Errorf("inotify_add_watch %s: %w", p, syscall.ENOSPC)
	} else {
		err = s.watcher.Add(p)
	}
	switch {
	case err == nil:
		if isNew {
			s.watches++
		}
	case errors.Is(err, syscall.ENOSPC):
		s.advise(err)
		s.fallback()
	case errors.Is(err, fs.ErrNotExist), errors.Is(err, syscall.ENOTDIR):
		// Gone again before it could be watched; its event is pending.
	default:
		s.report(fmt.Errorf("watch: %s: %w", p, err))
	}
}

// unwatch forgets the folder p.
func (s *scanner) unwatch(p string) {
	delete(s.dirs, p)
	if s.watcher != nil {
		s.watcher.Remove(p) // usually gone with the folder already
	}
}

// anchor watches a root's parent folder, so that the root appearing,
// disappearing or being replaced by a rename is seen.
func (s *scanner) anchor(dir string) {
	if s.watcher == nil || s.anchors[dir] {
		return
	}
	if err := s.watcher.Add(dir); err != nil {
		if errors.Is(err, syscall.ENOSPC) {
			s.advise(err)
			s.fallback()
			return
		}
		if !errors.Is(err, fs.ErrNotExist) {
			s.report(fmt.Errorf("watch: %s: %w", dir, err))
		}
		return
	}
	s.anchors[dir] = true
	s.watches++
}
