//go:build !linux

package sysfile

import (
	"errors"
	"io/fs"
	"path/filepath"
)

// Walk calls file for every entry under root that is not a folder and
// enters each folder for which enter returns true, given its path under
// root. What cannot be read is left out.
func Walk(root string, enter func(rel string) bool, file func(Entry)) {
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == root {
			return nil
		}
		rel := filepath.ToSlash(p[len(root)+1:])
		if d.IsDir() {
			if !enter(rel) {
				return fs.SkipDir
			}
			return nil
		}
		if info, err := d.Info(); err == nil {
			file(Entry{Rel: rel, Regular: info.Mode().IsRegular(), Size: info.Size(), ModTime: info.ModTime().UnixNano(), Nlink: 1})
		}
		return nil
	})
}

// Exchange is not available here: the caller renames twice.
func Exchange(a, b string) error { return errors.ErrUnsupported }
