//go:build !linux

package sysfile

import "os"

// ReadFile returns the bytes of the file name.
func ReadFile(name string) ([]byte, error) { return os.ReadFile(name) }

// Write writes data to the file name, created with mode perm if it is not
// there and truncated if it is; excl makes a file that is there an error.
func Write(name string, data []byte, perm uint32, excl bool) (Info, error) {
	flag := os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	if excl {
		flag |= os.O_EXCL
	}
	f, err := os.OpenFile(name, flag, os.FileMode(perm))
	if err != nil {
		return Info{}, err
	}
	_, err = f.Write(data)
	var st os.FileInfo
	if err == nil {
		st, err = f.Stat()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return Info{}, err
	}
	return Info{ModTime: st.ModTime().UnixNano()}, nil
}

// Rename renames the file oldpath to newpath, replacing a file there.
func Rename(oldpath, newpath string) error { return os.Rename(oldpath, newpath) }
