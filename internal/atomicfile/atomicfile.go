// Package atomicfile writes files so that a reader, or a crash, never sees
// half of one: the data goes to a temporary file in the same folder, which
// is then renamed over the target. The temporary name starts with a dot and
// ends in ~, which editors' backup conventions (and brief's watcher) ignore.
package atomicfile

import (
	"os"
	"path/filepath"
)

// Write replaces file with data, mode 0644, creating its folder if needed.
func Write(file string, data []byte) error {
	dir := filepath.Dir(file)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(file)+".*~")
	if err != nil {
		return err
	}
	_, err = tmp.Write(data)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(tmp.Name(), file)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}
