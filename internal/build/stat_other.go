//go:build !linux

package build

import (
	"io/fs"
	"strconv"
)

// statKey identifies a file's contents without reading them: size and
// modification time (see stat_linux.go).
func statKey(fi fs.FileInfo) string {
	return strconv.FormatInt(fi.Size(), 36) + ":" + strconv.FormatInt(fi.ModTime().UnixNano(), 36)
}
