package sysfile

import (
	"encoding/binary"
	"os"

	"golang.org/x/sys/unix"
)

// Walk calls file for every entry under root that is not a folder, in no
// set order, and enters each folder for which enter returns true, given
// its path under root. What cannot be read is left out.
//
// Each folder is opened relative to its parent and listed with getdents;
// each file is stat'ed relative to its folder: four system calls per
// folder and one per file, where filepath.WalkDir and Info take nine per
// folder (os.Open registers each with the poller) and a whole path walk
// per file.
func Walk(root string, enter func(rel string) bool, file func(Entry)) {
	fd, err := retry(func() (int, error) {
		return unix.Open(root, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
	})
	if err != nil {
		return
	}
	walkDir(fd, "", make([]byte, 32<<10), enter, file)
}

// walkDir lists the open folder fd, at rel under the root, and closes it.
func walkDir(fd int, rel string, buf []byte, enter func(string) bool, file func(Entry)) {
	defer unix.Close(fd)
	var dirs []string
	for {
		n, err := retry(func() (int, error) { return unix.ReadDirent(fd, buf) })
		if err != nil || n <= 0 {
			break
		}
		// struct linux_dirent64: ino u64, off s64, reclen u16, type u8, name.
		for b := buf[:n]; len(b) >= 19; {
			reclen := int(binary.NativeEndian.Uint16(b[16:18]))
			if reclen < 19 || reclen > len(b) {
				break
			}
			typ, name := b[18], b[19:reclen]
			b = b[reclen:]
			for i, c := range name {
				if c == 0 {
					name = name[:i]
					break
				}
			}
			if s := string(name); s != "." && s != ".." {
				if typ == unix.DT_DIR {
					dirs = append(dirs, s)
					continue
				}
				var st unix.Stat_t
				if unix.Fstatat(fd, s, &st, unix.AT_SYMLINK_NOFOLLOW) != nil {
					continue
				}
				if st.Mode&unix.S_IFMT == unix.S_IFDIR { // typ DT_UNKNOWN
					dirs = append(dirs, s)
					continue
				}
				file(Entry{Rel: join(rel, s), Regular: st.Mode&unix.S_IFMT == unix.S_IFREG, Size: st.Size,
					ModTime: st.Mtim.Nano(), Ino: st.Ino, Nlink: uint64(st.Nlink)})
			}
		}
	}
	for _, d := range dirs {
		r := join(rel, d)
		if !enter(r) {
			continue
		}
		sub, err := retry(func() (int, error) {
			return unix.Openat(fd, d, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC|unix.O_NOFOLLOW, 0)
		})
		if err == nil {
			walkDir(sub, r, buf, enter, file)
		}
	}
}

func join(rel, name string) string {
	if rel == "" {
		return name
	}
	return rel + "/" + name
}

// Exchange swaps two folders in one step (renameat2 RENAME_EXCHANGE).
func Exchange(a, b string) error {
	if err := unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE); err != nil {
		return &os.LinkError{Op: "exchange", Old: a, New: b, Err: err}
	}
	return nil
}
