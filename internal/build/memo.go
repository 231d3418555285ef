package build

import (
	"bytes"
	"sync"

	"brief/internal/site"
)

// Memo keeps what one build made for the next build of the same process.
// The zero value is ready; a nil *Memo keeps nothing.
type Memo struct {
	mu    sync.Mutex
	docs  map[string]site.Doc // parsed briefings by file, with their bytes in Raw
	live  *site.State         // what the output folder holds
	notes map[[32]byte][]string
}

func (m *Memo) outputs() (*site.State, map[[32]byte][]string) {
	if m == nil {
		return nil, nil
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.live, m.notes
}

func (m *Memo) setOutputs(live *site.State, notes map[[32]byte][]string) {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.live, m.notes = live, notes
}

// doc returns the briefing parsed from exactly these bytes last time.
func (m *Memo) doc(file string, src []byte) (site.Doc, bool) {
	if m == nil {
		return site.Doc{}, false
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	d, ok := m.docs[file]
	return d, ok && bytes.Equal(d.Raw, src)
}

func (m *Memo) keep(d site.Doc) {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.docs == nil {
		m.docs = map[string]site.Doc{}
	}
	m.docs[d.File] = d
}
