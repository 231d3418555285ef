// Package atomicfile writes files so that a reader, or a crash, never sees
// half of one: the data goes to a temporary file in the same folder, which
// is then renamed over the target. The temporary name starts with a dot and
// ends in ~, which editors' backup conventions (and brief's watcher) ignore.
package atomicfile

import (
	"errors"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"

	"brief/internal/sysfile"
)

// Write replaces file with data, mode 0644, creating its folder if needed.
func Write(file string, data []byte) error {
	dir, base := filepath.Dir(file), filepath.Base(file)
	for try := 0; ; try++ {
		tmp := filepath.Join(dir, "."+base+"."+strconv.FormatUint(rand.Uint64(), 36)+"~")
		_, err := sysfile.Write(tmp, data, 0o644, true)
		switch {
		case err == nil:
			if err = sysfile.Rename(tmp, file); err != nil {
				os.Remove(tmp)
			}
			return err
		case errors.Is(err, fs.ErrNotExist) && try == 0:
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return err
			}
		case errors.Is(err, fs.ErrExist) && try < 10:
			// Another writer's temporary name: draw again.
		default:
			if !errors.Is(err, fs.ErrExist) {
				os.Remove(tmp) // made, and its write failed (disk full)
			}
			return err
		}
	}
}
