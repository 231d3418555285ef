package site

import (
	"crypto/sha256"
	"os"
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
}

// StateVersion changes when State, the digests or the page data do; a
// State of another version is not used.
const StateVersion = 1

// FileState is one output file.
type FileState struct {
	Digest  Digest // what it was made from (zero: unknown)
	Hash    Digest // its bytes
	Size    int64
	ModTime int64  // UnixNano, as the build left it
	Ino     uint64 // its inode, where the system has them
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
