package build

import (
	"io/fs"
	"strconv"
	"syscall"
)

// statKey identifies a file's contents without reading them: size,
// modification and change times, inode. A file with the same key as when
// it was read is taken to hold the same bytes (as make and rsync do); the
// change time cannot be set back by a program, so a rewrite shows.
func statKey(fi fs.FileInfo) string {
	k := strconv.FormatInt(fi.Size(), 36) + ":" + strconv.FormatInt(fi.ModTime().UnixNano(), 36)
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		k += ":" + strconv.FormatInt(st.Ctim.Nano(), 36) + ":" + strconv.FormatUint(st.Ino, 36)
	}
	return k
}
