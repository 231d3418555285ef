package site

import (
	"crypto/sha256"
	"hash/maphash"
	"os"
	"strconv"
	"sync"

	"github.com/yuin/goldmark"
)

// Memo keeps what one build rendered for the next build of the same
// process, so that `brief serve` converts only the briefings that changed.
// The zero value is ready; a nil *Memo keeps nothing.
type Memo struct {
	mu    sync.Mutex
	html  map[[32]byte]memoHTML
	used  map[[32]byte]bool
	seed  maphash.Seed
	dir   string            // the output folder files describes
	dirID os.FileInfo       // that folder as it was: another program's build replaces it
	files map[string]uint64 // hash of every file the last build left there
}

// hash identifies file contents within this process.
func (m *Memo) hash(b []byte) uint64 {
	m.mu.Lock()
	if m.seed == (maphash.Seed{}) {
		m.seed = maphash.MakeSeed()
	}
	seed := m.seed
	m.mu.Unlock()
	return maphash.Bytes(seed, b)
}

// filesOf returns what the output folder dir holds, as the last build left
// it, or nil when that is not known.
func (m *Memo) filesOf(dir string) map[string]uint64 {
	if m == nil {
		return nil
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.dir != dir || m.dirID == nil {
		return nil
	}
	if st, err := os.Stat(dir); err != nil || !os.SameFile(st, m.dirID) {
		return nil // replaced since, e.g. by brief build in another terminal
	}
	return m.files
}

func (m *Memo) setFiles(dir string, files map[string]uint64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.dir, m.files, m.dirID = dir, files, nil
	if dir != "" {
		m.dirID, _ = os.Stat(dir)
	}
}

type memoHTML struct {
	html  []byte
	warns []string
}

// markdown is renderMarkdown through the memo.
func (m *Memo) markdown(md goldmark.Markdown, file string, bodyLine int, body string) ([]byte, []string, error) {
	if m == nil {
		return renderMarkdown(md, file, bodyLine, []byte(body))
	}
	key := sha256.Sum256([]byte(file + "\x00" + strconv.Itoa(bodyLine) + "\x00" + body))
	m.mu.Lock()
	if m.html == nil {
		m.html, m.used = map[[32]byte]memoHTML{}, map[[32]byte]bool{}
	}
	got, ok := m.html[key]
	m.used[key] = true
	m.mu.Unlock()
	if ok {
		return got.html, got.warns, nil
	}
	html, warns, err := renderMarkdown(md, file, bodyLine, []byte(body))
	if err == nil {
		m.mu.Lock()
		m.html[key] = memoHTML{html, warns}
		m.mu.Unlock()
	}
	return html, warns, err
}

// sweep drops what the last build did not use.
func (m *Memo) sweep() {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	for k := range m.html {
		if !m.used[k] {
			delete(m.html, k)
		}
	}
	m.used = map[[32]byte]bool{}
}
