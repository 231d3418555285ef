package site

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"
)

// outputsRun is one build of files (name → content) through newOutput,
// each file kept when the output holds it already (its digest is its
// content's hash, as if made from the same inputs), else put.
type outputsRun struct {
	t    *testing.T
	dir  string
	live *State
	spar *State
}

func (r *outputsRun) build(inPlace bool, files map[string]string) (mode string, made int) {
	r.t.Helper()
	out, err := newOutput(r.dir, "public", Outputs{InPlace: inPlace, Live: r.live, Spare: r.spar})
	if err != nil {
		r.t.Fatal(err)
	}
	defer out.cleanup()
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if err := out.reserve(n); err != nil {
			r.t.Fatal(err)
		}
		d := hashBytes([]byte("made from " + files[n]))
		if out.keep(n, d) {
			continue
		}
		made++
		if err := out.put(n, []byte(files[n]), d); err != nil {
			r.t.Fatal(err)
		}
	}
	if err := out.commit(); err != nil {
		r.t.Fatal(err)
	}
	live, spare, _ := out.states()
	r.live = live
	if _, ok := out.(*stage); ok {
		r.spar = spare // in place leaves the spare as it was
	}
	return out.mode(), made
}

// tree is every file under dir, name → content.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	got := map[string]string{}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := os.ReadFile(p)
			got[filepath.ToSlash(p[len(dir)+1:])] = string(b)
		}
		return nil
	})
	return got
}

func sameTree(t *testing.T, step string, dir string, want map[string]string) {
	t.Helper()
	got := tree(t, dir)
	if len(got) != len(want) {
		t.Errorf("%s: output holds %v, want %v", step, got, want)
		return
	}
	for n, c := range want {
		if got[n] != c {
			t.Errorf("%s: %s = %q, want %q", step, n, got[n], c)
		}
	}
}

func TestOutputs(t *testing.T) {
	dir := t.TempDir()
	pub := filepath.Join(dir, "public")
	spare := spareDir(pub)
	r := &outputsRun{t: t, dir: dir}
	v1 := map[string]string{"a/index.html": "A", "b/index.html": "B", "c/x/index.html": "C"}
	if mode, made := r.build(false, v1); mode != "staged" || made != 3 {
		t.Fatalf("first build: %s, %d made", mode, made)
	}
	sameTree(t, "first build", pub, v1)
	os.Mkdir(filepath.Join(dir, "made"), 0o755)
	if st, _ := os.Stat(pub); st.Mode().Perm() != must(os.Stat(filepath.Join(dir, "made"))).Mode().Perm() {
		t.Errorf("the output folder is %v, not what a folder made 0755 is: a web server may not read it", st.Mode().Perm())
	}
	os.WriteFile(filepath.Join(pub, "CNAME"), []byte("example.org\n"), 0o644)
	b0, _ := os.Stat(filepath.Join(pub, "b/index.html"))

	// Nothing changed, no spare yet: a new staging folder, every file
	// linked, the old output kept as the spare.
	if mode, made := r.build(false, v1); mode != "staged" || made != 0 {
		t.Fatalf("second build: %s, %d made", mode, made)
	}
	sameTree(t, "second build", pub, map[string]string{"a/index.html": "A", "b/index.html": "B", "c/x/index.html": "C", "CNAME": "example.org\n"})
	if r.spar == nil {
		t.Fatal("the old output was not kept as the spare")
	}

	// One change, one new file, one gone: on the spare.
	v3 := map[string]string{"a/index.html": "A2", "b/index.html": "B", "d/index.html": "D"}
	if mode, made := r.build(false, v3); mode != "staged on the spare" || made != 2 {
		t.Fatalf("third build: %s, %d made", mode, made)
	}
	sameTree(t, "third build", pub, map[string]string{"a/index.html": "A2", "b/index.html": "B", "d/index.html": "D", "CNAME": "example.org\n"})
	if b1, _ := os.Stat(filepath.Join(pub, "b/index.html")); !os.SameFile(b0, b1) {
		t.Error("an unchanged file is not the same file (its time changed)")
	}
	if _, err := os.Stat(filepath.Join(pub, "c")); err == nil {
		t.Error("a file no longer built, and its empty folders, were not removed")
	}
	sameTree(t, "the spare after the third build", spare, v1)

	// Someone else's file in the spare, and a file changed by hand in the
	// output: neither survives the next build.
	os.WriteFile(filepath.Join(spare, "junk.html"), []byte("junk"), 0o644)
	os.WriteFile(filepath.Join(pub, "d/index.html"), []byte("edited by hand"), 0o644)
	if mode, _ := r.build(false, v3); mode != "staged on the spare" {
		t.Fatalf("fourth build: %s", mode)
	}
	sameTree(t, "fourth build", pub, map[string]string{"a/index.html": "A2", "b/index.html": "B", "d/index.html": "D", "CNAME": "example.org\n"})

	// The same again: the output already is this build, so nothing is
	// swapped and nothing written.
	before, _ := os.Stat(pub)
	if mode, made := r.build(false, v3); mode != "staged on the spare" || made != 0 {
		t.Fatalf("fifth build: %s, %d made", mode, made)
	}
	if after, _ := os.Stat(pub); !os.SameFile(before, after) {
		t.Error("a build that changed nothing swapped the output folder")
	}
	if mode, made := r.build(false, v3); mode != "staged on the spare" || made != 0 {
		t.Fatalf("sixth build: %s, %d made", mode, made)
	}
	sameTree(t, "sixth build", pub, map[string]string{"a/index.html": "A2", "b/index.html": "B", "d/index.html": "D", "CNAME": "example.org\n"})
	sameTree(t, "the spare after the sixth build", spare, map[string]string{"a/index.html": "A2", "b/index.html": "B", "d/index.html": "D"})

	// A file where the spare has a folder, and a folder where it has a
	// file: the old one goes.
	va := map[string]string{"a/index.html": "A2", "x": "X as a file", "y/index.html": "Y"}
	vb := map[string]string{"a/index.html": "A2", "x/index.html": "X", "y": "Y as a file"}
	for i, v := range []map[string]string{va, va, vb, va, vb, vb} {
		r.build(false, v)
		want := map[string]string{"CNAME": "example.org\n"}
		for k, c := range v {
			want[k] = c
		}
		sameTree(t, fmt.Sprintf("file and folder swap %d", i), pub, want)
	}

	// A build killed while changing the spare leaves its mark: the spare
	// is not trusted, and the build after it is whole.
	os.WriteFile(filepath.Join(spare, updating), nil, 0o644)
	os.WriteFile(filepath.Join(spare, "a/index.html"), []byte("half-written"), 0o644)
	if mode, _ := r.build(false, v3); mode != "staged" {
		t.Fatalf("build after a killed one: %s", mode)
	}
	sameTree(t, "build after a killed one", pub, map[string]string{"a/index.html": "A2", "b/index.html": "B", "d/index.html": "D", "CNAME": "example.org\n"})

	// In place (brief serve).
	b0, _ = os.Stat(filepath.Join(pub, "b/index.html"))
	if mode, made := r.build(true, map[string]string{"a/index.html": "A3", "b/index.html": "B"}); mode != "in place" || made != 1 {
		t.Fatalf("in place: %s, %d made", mode, made)
	}
	sameTree(t, "in place", pub, map[string]string{"a/index.html": "A3", "b/index.html": "B", "CNAME": "example.org\n"})
	if b1, _ := os.Stat(filepath.Join(pub, "b/index.html")); !os.SameFile(b0, b1) {
		t.Error("in place: an unchanged file was rewritten")
	}

	// In place, a file where there was a folder and a folder where there
	// was a file.
	r.build(true, map[string]string{"a/index.html": "A3", "b": "B as a file", "x/index.html": "X"})
	if mode, _ := r.build(true, map[string]string{"a": "A as a file", "b/index.html": "B", "x/index.html": "X"}); mode != "in place" {
		t.Fatalf("in place: %s", mode)
	}
	sameTree(t, "in place, files and folders swapped", pub, map[string]string{"a": "A as a file", "b/index.html": "B", "x/index.html": "X", "CNAME": "example.org\n"})

	// Another program replaces the output folder: what the states say is
	// not trusted.
	os.Rename(pub, pub+".moved")
	os.MkdirAll(pub, 0o755)
	if mode, made := r.build(true, map[string]string{"a/index.html": "A3"}); mode != "staged" || made != 1 {
		t.Errorf("a replaced output folder: %s, %d made", mode, made)
	}
	for _, e := range must(os.ReadDir(dir)) {
		if n := e.Name(); n != "public" && n != "public.moved" && n != ".public.lock" && n != ".public.spare" && n != "made" {
			t.Errorf("left behind: %s", n)
		}
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
