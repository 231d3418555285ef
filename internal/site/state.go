package site

import (
	"crypto/sha256"
	"os"

	"brief/internal/binfmt"
)

// State is what a build leaves for the next one: what each file of an
// output folder (or of its spare) holds and what it was made from. With
// it, the next build renders only the pages whose digest changed
// (digest.go) and writes only the files whose bytes changed. `brief serve`
// keeps it in memory (build.Memo); `brief build` keeps it in .brief-cache
// (package build). A State that does not describe the folder as it is on
// disk is not used, and its files are checked before they are trusted.
type State struct {
	Version  int
	Output   string               // the folder described
	Dev, Ino uint64               // its identity: another program's build replaces it
	Files    map[string]FileState // by slash-separated name
	Summary  Summary              // what the build that made the folder reported (see Unchanged)
}

// StateVersion changes when State, the digests or the page data do; a
// State of another version is not used.
const StateVersion = 2

// FileState is one output file.
type FileState struct {
	Digest  Digest // what it was made from (zero: unknown)
	Hash    Digest // its bytes
	Size    int64
	ModTime int64  // UnixNano, as the build left it
	Ino     uint64 // its inode, where the system has them
	// shared, in what a walk of the spare found (not kept): the file has
	// another name, the output's file it was linked to when that is its
	// inode (see stage.keep).
	shared bool
}

// lookup is s.Files[name]; a nil State knows nothing.
func (s *State) lookup(name string) (FileState, bool) {
	if s == nil {
		return FileState{}, false
	}
	f, ok := s.Files[name]
	return f, ok
}

func hashBytes(b []byte) Digest {
	s := sha256.Sum256(b)
	var d Digest
	copy(d[:], s[:])
	return d
}

// describes reports whether s is about the folder out as it is now.
func (s *State) describes(out string) bool {
	if s == nil || s.Version != StateVersion || s.Output != out || s.Files == nil {
		return false
	}
	st, err := os.Stat(out)
	if err != nil || !st.IsDir() {
		return false
	}
	dev, ino := fileID(st)
	return dev == s.Dev && ino == s.Ino
}

// GobEncode writes the state in binfmt's plain layout: encoding/gob's own
// for a map of 34,000 structs (10,000 briefings) took about 0.2 s of CPU
// each way, on every build of the command line. Files are written in no
// particular order.
func (s *State) GobEncode() ([]byte, error) {
	b := make([]byte, 0, 64+len(s.Files)*(len("briefings/")+40+2*len(Digest{})+24))
	b = binfmt.AppendUvarint(b, uint64(s.Version))
	b = binfmt.AppendString(b, s.Output)
	b = binfmt.AppendUvarint(b, s.Dev)
	b = binfmt.AppendUvarint(b, s.Ino)
	b = binfmt.AppendUvarint(b, uint64(len(s.Files)))
	for name, f := range s.Files {
		b = binfmt.AppendString(b, name)
		b = append(b, f.Digest[:]...)
		b = append(b, f.Hash[:]...)
		b = binfmt.AppendVarint(b, f.Size)
		b = binfmt.AppendVarint(b, f.ModTime)
		b = binfmt.AppendUvarint(b, f.Ino)
	}
	m := &s.Summary
	b = append(b, m.Key[:]...)
	b = binfmt.AppendUvarint(b, uint64(m.Pages))
	b = binfmt.AppendUvarint(b, uint64(m.Files))
	for _, list := range [][]string{m.Warnings, m.Skipped} {
		b = binfmt.AppendUvarint(b, uint64(len(list)))
		for _, x := range list {
			b = binfmt.AppendString(b, x)
		}
	}
	return b, nil
}

// GobDecode reads what GobEncode wrote; a short or malformed input is an
// error, never a panic. The file names are substrings of one copy of data.
func (s *State) GobDecode(data []byte) error {
	r := binfmt.NewReader(data)
	*s = State{Version: int(r.Uvarint()), Output: r.String(), Dev: r.Uvarint(), Ino: r.Uvarint()}
	n := r.Count(1 + 2*len(Digest{}) + 3) // a file takes at least that many bytes
	if r.Err() != nil {
		return r.Err()
	}
	s.Files = make(map[string]FileState, n)
	for range n {
		name := r.String()
		var f FileState
		r.Fixed(f.Digest[:])
		r.Fixed(f.Hash[:])
		f.Size, f.ModTime, f.Ino = r.Varint(), r.Varint(), r.Uvarint()
		if r.Err() != nil {
			return r.Err()
		}
		s.Files[name] = f
	}
	m := &s.Summary
	r.Fixed(m.Key[:])
	m.Pages, m.Files = int(r.Uvarint()), int(r.Uvarint())
	for _, list := range []*[]string{&m.Warnings, &m.Skipped} {
		n := r.Count(1)
		for range n {
			*list = append(*list, r.String())
		}
	}
	if r.Err() != nil {
		return r.Err()
	}
	if r.Len() != 0 {
		return binfmt.ErrMalformed
	}
	return nil
}
