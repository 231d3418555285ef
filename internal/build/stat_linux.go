package build

import (
	"io/fs"
	"strconv"
	"syscall"
	"time"
)

// statKey identifies a file's contents without reading them: size,
// modification and change times, inode. A file with the same key as when
// it was read is taken to hold the same bytes (as make and rsync do); the
// change time cannot be set back by a program, so a rewrite shows. A file
// changed in the last racyWindow gets no key ("", never equal to a
// recorded one): on a file system with coarse times, a second change in
// the same tick would keep its key (git's "racily clean" files).
func statKey(fi fs.FileInfo) string {
	k := strconv.FormatInt(fi.Size(), 36) + ":" + strconv.FormatInt(fi.ModTime().UnixNano(), 36)
	changed := fi.ModTime()
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		k += ":" + strconv.FormatInt(st.Ctim.Nano(), 36) + ":" + strconv.FormatUint(st.Ino, 36)
		if c := time.Unix(st.Ctim.Unix()); c.After(changed) {
			changed = c
		}
	}
	if time.Since(changed) < racyWindow {
		return ""
	}
	return k
}
