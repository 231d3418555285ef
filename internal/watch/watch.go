// Package watch reports which source files changed, in debounced batches,
// for `brief serve` (DESIGN.md §7). It is the only importer of fsnotify.
//
// A Watcher watches a set of roots. A root that is a folder is watched
// recursively: folders that appear later are watched as they appear, and the
// files already inside them are reported; folders that disappear are dropped
// and their files reported as gone. A root that is a single file (site.toml)
// is watched through its parent folder, and only that name counts. A root
// that does not exist yet is picked up when it is created.
//
// Never watched, at any depth: the folders in Options.Exclude (the output
// folder), and any folder named .git, node_modules, .brief-cache or
// .brief-staging*. Never reported: editor temp files (see Ignored).
//
// Decisions are made on the state of each file after the batch, not on the
// kind of event: every path an event touched is looked at once the events
// have settled. A file that exists and whose content hash differs from the
// last one seen (or that is new) is reported; one that is gone and was known
// is reported; a save by renaming a temp file over the original is therefore
// one change, a temp file created and removed within a batch is nothing, and
// a touch that leaves the content alone is nothing.
//
// Events are coalesced by a trailing debounce (Options.Debounce, 50ms): a
// batch is sent once no relevant event arrived for that long (for a batch
// of one path so far, Options.Single: the save of one file), and at least
// every Options.MaxWait (1s) while a storm goes on. While the receiver has
// not taken a batch, later changes are merged into it, so a slow builder sees
// one batch with everything that happened during its build. A kernel event
// overflow, or more than Options.MaxPaths (200) changed paths in one batch
// (a branch switch), becomes Batch{Full: true}: rebuild everything.
//
// When inotify cannot be used (no instance left, or the watch limit is
// reached, also later on when a new folder appears) the Watcher falls back to
// polling: a stat walk every Options.PollInterval (500ms), hashing only files
// whose size or modification time moved. It prints the sysctl advice to
// Options.Log once. Options.Poll forces polling.
//
// Paths in batches are absolute and cleaned. New takes a baseline of every
// file before it returns, so a build started after New sees every later
// change in some batch.
package watch

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Options configure a Watcher. The zero value of every field but Roots works.
type Options struct {
	// Roots are the folders and single files to watch. Relative paths are
	// resolved against the working directory.
	Roots []string
	// Exclude lists folders never watched nor reported (the output folder).
	Exclude []string
	// Debounce is the quiet time that ends a batch. Zero means 50ms.
	Debounce time.Duration
	// Single is the quiet time that ends a batch of one path: an editor's
	// save, which comes in one burst (a write, or a temp file renamed
	// over the file). Zero means Debounce. A second path makes the batch
	// wait for Debounce.
	Single time.Duration
	// MaxWait caps how long a batch may be held back by an event storm.
	// Zero means 1s.
	MaxWait time.Duration
	// MaxPaths is the number of changed paths above which a batch becomes
	// Full. Zero means 200.
	MaxPaths int
	// Poll forces the polling fallback.
	Poll bool
	// PollInterval is the polling period. Zero means 500ms.
	PollInterval time.Duration
	// Log receives the one-time polling advice. Nil means os.Stderr.
	Log io.Writer

	// watchLimit, when positive, makes the watch after that many fail as
	// if the inotify limit was reached (tests only).
	watchLimit int
}

// Batch is one settled set of changes.
type Batch struct {
	// Paths are the files created, changed or removed, sorted, without
	// duplicates. Nil when Full.
	Paths []string
	// Full asks for a rebuild of everything: the kernel dropped events or
	// too many files changed at once.
	Full bool
	// Since is when the first event of the batch came (for polling: when
	// the change was seen); zero for none.
	Since time.Time
}

// A Watcher sends batches until its context is done or Close is called;
// then Batches and Errors are closed.
type Watcher struct {
	batches chan Batch
	errors  chan error
	accepts chan acceptReq
	cancel  context.CancelFunc
	done    chan struct{}
	once    sync.Once
	polling atomic.Bool

	s *scanner
	// Exactly one of fs and poll is in use.
	fs   *fsnotify.Watcher
	poll *time.Ticker
}

// New sets up the watches, takes the baseline state of every file under the
// roots, and starts watching. It fails only when Roots is empty or a path
// cannot be made absolute; an unusable inotify means polling, not an error.
func New(ctx context.Context, opts Options) (*Watcher, error) {
	opts = withDefaults(opts)
	s, err := newScanner(opts)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithCancel(ctx)
	w := &Watcher{
		batches: make(chan Batch),
		errors:  make(chan error, 16),
		accepts: make(chan acceptReq),
		cancel:  cancel,
		done:    make(chan struct{}),
		s:       s,
	}
	s.report = w.report
	s.fallback = w.fallback
	if !opts.Poll {
		fw, err := fsnotify.NewBufferedWatcher(4096)
		if err != nil {
			s.advise(err)
		} else {
			w.fs = fw
			s.watcher = fw
		}
	}
	s.baseline()
	if w.fs == nil {
		w.polling.Store(true)
		w.poll = time.NewTicker(opts.PollInterval)
	}
	go w.run(ctx)
	return w, nil
}

func withDefaults(o Options) Options {
	if o.Debounce <= 0 {
		o.Debounce = 50 * time.Millisecond
	}
	if o.MaxWait <= 0 {
		o.MaxWait = time.Second
	}
	if o.MaxWait < o.Debounce {
		o.MaxWait = o.Debounce
	}
	if o.MaxPaths <= 0 {
		o.MaxPaths = 200
	}
	if o.PollInterval <= 0 {
		o.PollInterval = 500 * time.Millisecond
	}
	if o.Log == nil {
		o.Log = os.Stderr
	}
	return o
}

// Batches delivers settled changes. It is closed when the Watcher stops.
func (w *Watcher) Batches() <-chan Batch { return w.batches }

// Errors delivers problems that did not stop the Watcher (a folder that
// could not be read, an fsnotify error). Errors are dropped, never blocked
// on, when nobody reads them. It is closed when the Watcher stops.
func (w *Watcher) Errors() <-chan error { return w.errors }

// Polling reports whether the Watcher uses the polling fallback.
func (w *Watcher) Polling() bool { return w.polling.Load() }

// Close stops the Watcher and waits for it to finish. It is safe to call
// more than once and from any goroutine.
func (w *Watcher) Close() error {
	w.once.Do(w.cancel)
	<-w.done
	return nil
}

// acceptReq asks the run goroutine to take paths as they are now.
type acceptReq struct {
	paths []string
	done  chan int // the number of paths left waiting, -1 for a full batch
}

// Accept records the current state of paths (files or folders) as known,
// without reporting them, and drops them from a batch not yet received:
// the builder calls it after a build with the files it wrote itself inside
// the watched roots (generated briefings), so that its own writes do not
// start another build. A hand edit of those files made during that build
// is lost to the watcher; pass the files written, not a whole folder, to
// keep the window small. Accept returns once done, or at once when the
// Watcher is stopped.
func (w *Watcher) Accept(paths ...string) { w.accept(paths) }

// accept is Accept, returning how many paths the waiting batch still holds
// (-1 when it is full).
func (w *Watcher) accept(paths []string) int {
	req := acceptReq{done: make(chan int, 1)}
	for _, p := range paths {
		if a, err := abs(p); err == nil {
			req.paths = append(req.paths, a)
		}
	}
	select {
	case w.accepts <- req:
		return <-req.done
	case <-w.done:
		return 0
	}
}

func (w *Watcher) report(err error) {
	select {
	case w.errors <- err:
	default:
	}
}

// fallback switches from inotify to polling; called on the run goroutine
// (or in New) when adding a watch failed for lack of watches.
func (w *Watcher) fallback() {
	if w.fs != nil {
		w.fs.Close()
		w.fs = nil
	}
	w.s.watcher = nil
	w.polling.Store(true)
}

// run is the only goroutine touching the scanner after New.
func (w *Watcher) run(ctx context.Context) {
	defer close(w.done)
	defer close(w.batches)
	defer close(w.errors)
	defer func() {
		if w.fs != nil {
			w.fs.Close()
		}
		if w.poll != nil {
			w.poll.Stop()
		}
	}()

	var (
		s       = w.s
		timer   = time.NewTimer(time.Hour)
		first   time.Time // first event of the pending batch; zero when none
		out     *Batch    // batch waiting for the receiver
		pollC   <-chan time.Time
		events  <-chan fsnotify.Event
		fserrs  <-chan error
		outC    chan Batch
		offered Batch
	)
	timer.Stop()
	defer timer.Stop()

	for {
		events, fserrs, pollC = nil, nil, nil
		if w.fs != nil {
			events, fserrs = w.fs.Events, w.fs.Errors
		} else {
			if w.poll == nil {
				w.poll = time.NewTicker(s.opts.PollInterval)
			}
			pollC = w.poll.C
		}
		outC = nil
		if out != nil {
			outC, offered = w.batches, *out
		}

		select {
		case <-ctx.Done():
			return
		case ev, ok := <-events:
			if !ok {
				w.fs = nil
				continue
			}
			if s.event(ev.Name, ev.Op.Has(fsnotify.Create)) {
				now := time.Now()
				if first.IsZero() {
					first = now
				}
				quiet := s.opts.Debounce
				if len(s.pending) == 1 && s.opts.Single > 0 {
					quiet = min(quiet, s.opts.Single)
				}
				timer.Reset(min(quiet, first.Add(s.opts.MaxWait).Sub(now)))
			}
		case err, ok := <-fserrs:
			if !ok {
				continue
			}
			if err == fsnotify.ErrEventOverflow {
				s.full = true
				if first.IsZero() {
					first = time.Now()
				}
				timer.Reset(s.opts.Debounce)
				continue
			}
			w.report(err)
		case <-timer.C:
			b := s.flush()
			b.Since, first = first, time.Time{}
			out = merge(out, b, s.opts.MaxPaths)
		case <-pollC:
			if !first.IsZero() {
				continue // let the pending batch settle first
			}
			b := s.pollOnce()
			b.Since = time.Now()
			out = merge(out, b, s.opts.MaxPaths)
		case outC <- offered:
			out = nil
		case req := <-w.accepts:
			s.accept(req.paths)
			out = without(out, req.paths)
			switch {
			case out == nil:
				req.done <- 0
			case out.Full:
				req.done <- -1
			default:
				req.done <- len(out.Paths)
			}
		}
	}
}

// merge adds b to the batch waiting for the receiver, if any.
func merge(out *Batch, b Batch, maxPaths int) *Batch {
	if !b.Full && len(b.Paths) == 0 {
		return out
	}
	if out == nil {
		return &b
	}
	since := out.Since // the earlier
	if since.IsZero() || !b.Since.IsZero() && b.Since.Before(since) {
		since = b.Since
	}
	if out.Full || b.Full {
		return &Batch{Full: true, Since: since}
	}
	paths := append(append([]string(nil), out.Paths...), b.Paths...)
	sort.Strings(paths)
	paths = compact(paths)
	if len(paths) > maxPaths {
		return &Batch{Full: true, Since: since}
	}
	return &Batch{Paths: paths, Since: since}
}

// without removes from the waiting batch the paths under any of accepted.
func without(out *Batch, accepted []string) *Batch {
	if out == nil || out.Full {
		return out
	}
	var keep []string
	for _, p := range out.Paths {
		if !slices.ContainsFunc(accepted, func(a string) bool { return within(p, a) }) {
			keep = append(keep, p)
		}
	}
	if len(keep) == 0 {
		return nil
	}
	return &Batch{Paths: keep, Since: out.Since}
}

func compact(s []string) []string {
	out := s[:0]
	for i, p := range s {
		if i == 0 || p != s[i-1] {
			out = append(out, p)
		}
	}
	return out
}

// abs cleans p into an absolute path.
func abs(p string) (string, error) {
	a, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	return filepath.Clean(a), nil
}
