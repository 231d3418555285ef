package sysfile

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

func TestWriteRead(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"one byte", []byte("x")},
		{"a page", bytes.Repeat([]byte("brief "), 700)},
		{"large", bytes.Repeat([]byte("0123456789abcdef"), 1<<16)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := filepath.Join(dir, tc.name)
			info, err := Write(p, tc.data, 0o644, true)
			if err != nil {
				t.Fatal(err)
			}
			st, err := os.Stat(p)
			if err != nil {
				t.Fatal(err)
			}
			if info.ModTime != st.ModTime().UnixNano() {
				t.Errorf("ModTime %d, os.Stat says %d", info.ModTime, st.ModTime().UnixNano())
			}
			if runtime.GOOS == "linux" && info.Ino == 0 {
				t.Error("no inode")
			}
			if st.Mode().Perm() != 0o644&^umask(t) {
				t.Errorf("mode %v", st.Mode())
			}
			got, err := ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, tc.data) {
				t.Errorf("read %d bytes, wrote %d", len(got), len(tc.data))
			}
			// Written again, shorter: truncated.
			if _, err := Write(p, []byte("ab"), 0o644, false); err != nil {
				t.Fatal(err)
			}
			if got, _ := ReadFile(p); string(got) != "ab" {
				t.Errorf("after a shorter write: %q", got)
			}
			if _, err := Write(p, []byte("ab"), 0o644, true); !errors.Is(err, fs.ErrExist) {
				t.Errorf("excl over a file: %v, want ErrExist", err)
			}
		})
	}
}

func TestErrors(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing")
	_, err := ReadFile(missing)
	var pe *fs.PathError
	if !errors.Is(err, fs.ErrNotExist) || !errors.As(err, &pe) || pe.Path != missing {
		t.Errorf("ReadFile(missing) = %v, want a PathError naming it that is ErrNotExist", err)
	}
	if _, err := Write(filepath.Join(dir, "no", "folder"), nil, 0o644, false); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Write into a missing folder: %v", err)
	}
	if _, err := ReadFile(dir); err == nil {
		t.Error("ReadFile of a folder: no error")
	}
}

// umask is the process's file mode creation mask, as a file made 0777
// shows it.
func umask(t *testing.T) fs.FileMode {
	p := filepath.Join(t.TempDir(), "m")
	if err := os.WriteFile(p, nil, 0o777); err != nil {
		t.Fatal(err)
	}
	st, _ := os.Stat(p)
	return 0o777 &^ st.Mode().Perm()
}

// The system's time per file against the os package's: a cold build makes
// 34,000 files at 10k.
func BenchmarkWrite(b *testing.B) {
	data := bytes.Repeat([]byte("brief "), 1700) // 10 KB, a briefing's page
	dir := b.TempDir()
	b.Run("sysfile", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			if _, err := Write(filepath.Join(dir, "s"), data, 0o644, false); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("os", func(b *testing.B) {
		for b.Loop() {
			f, err := os.OpenFile(filepath.Join(dir, "o"), os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
			if err != nil {
				b.Fatal(err)
			}
			f.Write(data)
			f.Stat()
			f.Close()
		}
	})
}

func BenchmarkReadFile(b *testing.B) {
	p := filepath.Join(b.TempDir(), "r")
	if err := os.WriteFile(p, bytes.Repeat([]byte("brief "), 1000), 0o644); err != nil {
		b.Fatal(err)
	}
	b.Run("sysfile", func(b *testing.B) {
		for b.Loop() {
			if _, err := ReadFile(p); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("os", func(b *testing.B) {
		for b.Loop() {
			if _, err := os.ReadFile(p); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func TestRename(t *testing.T) {
	dir := t.TempDir()
	a, b, sub := filepath.Join(dir, "a"), filepath.Join(dir, "b"), filepath.Join(dir, "sub")
	for _, p := range []string{a, b} {
		if _, err := Write(p, []byte(filepath.Base(p)), 0o644, false); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := Rename(a, b); err != nil {
		t.Fatal(err)
	}
	if got, _ := ReadFile(b); string(got) != "a" {
		t.Errorf("b holds %q after renaming a over it", got)
	}
	if _, err := os.Lstat(a); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a still there: %v", err)
	}
	var le *os.LinkError
	if err := Rename(b, sub); err == nil || !errors.As(err, &le) {
		t.Errorf("renaming a file over a folder: %v, want a LinkError", err)
	}
	if err := Rename(a, b); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("renaming a missing file: %v", err)
	}
}
