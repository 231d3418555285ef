//go:build !linux

package build

import (
	"io/fs"
	"strconv"
	"time"
)

// statKey identifies a file's contents without reading them: size and
// modification time (see stat_linux.go).
func statKey(fi fs.FileInfo) string {
	if time.Since(fi.ModTime()) < racyWindow {
		return ""
	}
	return strconv.FormatInt(fi.Size(), 36) + ":" + strconv.FormatInt(fi.ModTime().UnixNano(), 36)
}
