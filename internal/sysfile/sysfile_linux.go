package sysfile

import (
	"io"
	"io/fs"
	"os"
	"syscall"
)

// ReadFile returns the bytes of the file name.
func ReadFile(name string) ([]byte, error) {
	fd, err := retry(func() (int, error) { return syscall.Open(name, syscall.O_RDONLY|syscall.O_CLOEXEC, 0) })
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: err}
	}
	// One byte more than the size, so that a file at its size is read
	// whole by the first read and its end found by the second, which
	// returns 0. A file that grew meanwhile is read to its end.
	data := make([]byte, 0, st.Size+1)
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := retry(func() (int, error) { return syscall.Read(fd, data[len(data):cap(data)]) })
		if err != nil {
			return nil, &fs.PathError{Op: "read", Path: name, Err: err}
		}
		if n == 0 {
			return data, nil
		}
		data = data[:len(data)+n]
	}
}

// Write writes data to the file name, created with mode perm if it is not
// there and truncated if it is; excl makes a file that is there an error.
func Write(name string, data []byte, perm uint32, excl bool) (Info, error) {
	flag := syscall.O_WRONLY | syscall.O_CREAT | syscall.O_TRUNC | syscall.O_CLOEXEC
	if excl {
		flag |= syscall.O_EXCL
	}
	fd, err := retry(func() (int, error) { return syscall.Open(name, flag, perm) })
	if err != nil {
		return Info{}, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	for len(data) > 0 && err == nil {
		var n int
		if n, err = retry(func() (int, error) { return syscall.Write(fd, data) }); err == nil {
			if n <= 0 {
				err = io.ErrShortWrite
			}
			data = data[max(n, 0):]
		}
	}
	var st syscall.Stat_t
	if err == nil {
		err = syscall.Fstat(fd, &st)
	}
	if cerr := syscall.Close(fd); err == nil {
		err = cerr
	}
	if err != nil {
		return Info{}, &fs.PathError{Op: "write", Path: name, Err: err}
	}
	return Info{ModTime: st.Mtim.Nano(), Ino: st.Ino}, nil
}

// Rename renames the file oldpath to newpath, replacing a file there. It
// is os.Rename without the Lstat of newpath that os.Rename makes first
// (to refuse a folder there, which the system refuses for a file too).
func Rename(oldpath, newpath string) error {
	if err := syscall.Rename(oldpath, newpath); err != nil {
		return &os.LinkError{Op: "rename", Old: oldpath, New: newpath, Err: err}
	}
	return nil
}

// retry calls f again while a signal interrupts it.
func retry(f func() (int, error)) (int, error) {
	for {
		n, err := f()
		if err != syscall.EINTR {
			return n, err
		}
	}
}
