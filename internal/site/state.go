package site

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
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

// GobEncode writes the state in a plain binary layout: encoding/gob's own
// for a map of 34,000 structs (10,000 briefings) took about 0.2 s of CPU
// each way, on every build of the command line. Files are written in no
// particular order.
func (s *State) GobEncode() ([]byte, error) {
	b := make([]byte, 0, 64+len(s.Files)*(len("briefings/")+40+2*len(Digest{})+24))
	b = binary.AppendUvarint(b, uint64(s.Version))
	b = appendString(b, s.Output)
	b = binary.AppendUvarint(b, s.Dev)
	b = binary.AppendUvarint(b, s.Ino)
	b = binary.AppendUvarint(b, uint64(len(s.Files)))
	for name, f := range s.Files {
		b = appendString(b, name)
		b = append(b, f.Digest[:]...)
		b = append(b, f.Hash[:]...)
		b = binary.AppendVarint(b, f.Size)
		b = binary.AppendVarint(b, f.ModTime)
		b = binary.AppendUvarint(b, f.Ino)
	}
	return b, nil
}

func appendString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

// GobDecode reads what GobEncode wrote; a short or malformed input is an
// error, never a panic.
func (s *State) GobDecode(data []byte) error {
	r := stateReader{b: data}
	*s = State{Version: int(r.uvarint()), Output: r.str(), Dev: r.uvarint(), Ino: r.uvarint()}
	n := r.uvarint()
	if r.err != nil || n > uint64(len(r.b)) { // each file takes more than a byte
		return errBadState
	}
	s.Files = make(map[string]FileState, n)
	for range n {
		name := r.str()
		var f FileState
		r.digest(&f.Digest)
		r.digest(&f.Hash)
		f.Size, f.ModTime, f.Ino = r.varint(), r.varint(), r.uvarint()
		if r.err != nil {
			return r.err
		}
		s.Files[name] = f
	}
	if len(r.b) != 0 {
		return errBadState
	}
	return nil
}

var errBadState = errors.New("malformed output state")

// stateReader reads GobEncode's layout; after the first error every read
// returns zero and err stays set.
type stateReader struct {
	b   []byte
	err error
}

func (r *stateReader) uvarint() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 || r.err != nil {
		r.err = errBadState
		return 0
	}
	r.b = r.b[n:]
	return v
}

// varint is binary.Varint: the zig-zag of a uvarint.
func (r *stateReader) varint() int64 {
	u := r.uvarint()
	return int64(u>>1) ^ -int64(u&1)
}

func (r *stateReader) str() string {
	n := r.uvarint()
	if r.err != nil || n > uint64(len(r.b)) {
		r.err = errBadState
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}

func (r *stateReader) digest(d *Digest) {
	if r.err != nil || len(r.b) < len(d) {
		r.err = errBadState
		return
	}
	copy(d[:], r.b)
	r.b = r.b[len(d):]
}
