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
)

// Write replaces file with data, mode 0644, creating its folder if needed.
func Write(file string, data []byte) error {
	dir, base := filepath.Dir(file), filepath.Base(file)
	var tmp *os.File
	var err error
	for try := 0; ; try++ {
		name := filepath.Join(dir, "."+base+"."+strconv.FormatUint(rand.Uint64(), 36)+"~")
		tmp, err = os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil {
			break
		}
		if errors.Is(err, fs.ErrNotExist) && try == 0 {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return err
			}
			continue
		}
		if !errors.Is(err, fs.ErrExist) || try > 10 {
			return err
		}
	}
	_, err = tmp.Write(data)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), file)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}
