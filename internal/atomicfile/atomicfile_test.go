package atomicfile

import (
	"os"
	"path/filepath"
	"testing"
)

func TestWrite(t *testing.T) {
	f := filepath.Join(t.TempDir(), "a", "b.md")
	for _, data := range []string{"first", "second"} {
		if err := Write(f, []byte(data)); err != nil {
			t.Fatal(err)
		}
		if got, _ := os.ReadFile(f); string(got) != data {
			t.Errorf("read %q, want %q", got, data)
		}
	}
	st, _ := os.Stat(f)
	if st.Mode().Perm() != 0o644 {
		t.Errorf("mode %v", st.Mode())
	}
	ents, _ := os.ReadDir(filepath.Dir(f))
	if len(ents) != 1 {
		t.Errorf("left behind: %v", ents)
	}
}
