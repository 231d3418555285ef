package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"brief/internal/gensite"
	"brief/internal/site"
)

// cacheDir is where brief keeps its analysis cache, under the site.
const cacheDir = ".brief-cache"

// moduleRoot is the folder of go.mod above the working directory.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d, nil
		}
		if filepath.Dir(d) == d {
			return "", fmt.Errorf("no go.mod above %s: run from the repository or pass -corpus", dir)
		}
	}
}

// generated makes (or, with a matching marker, reuses) a site of n
// articles in dir and returns its article paths.
func generated(dir, corpus string, n int, seed uint64) ([]string, error) {
	marker := filepath.Join(dir, ".gensite")
	want := fmt.Sprintf("n=%d seed=%d\n", n, seed)
	c, err := gensite.Load(corpus)
	if err != nil {
		return nil, err
	}
	if b, err := os.ReadFile(marker); err == nil && string(b) == want {
		paths := make([]string, n)
		for i := range n {
			paths[i] = "content/articles/" + c.Article(i, seed).Path
		}
		return paths, nil
	}
	if err := os.RemoveAll(dir); err != nil {
		return nil, err
	}
	paths, err := gensite.Write(dir, c, n, seed)
	if err != nil {
		return nil, err
	}
	return paths, os.WriteFile(marker, []byte(want), 0o644)
}

// copySite copies the site folder src to dst, less .git, .brief-cache and
// its output folder, and returns its article paths.
func copySite(src, dst string) ([]string, error) {
	cfg, err := site.LoadConfig(filepath.Join(src, "site.toml"))
	if err != nil {
		return nil, err
	}
	skip := map[string]bool{".git": true, cacheDir: true, filepath.Clean(cfg.Output): true}
	var paths []string
	err = filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() && skip[rel] {
			return fs.SkipDir
		}
		to := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(to, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		slash := filepath.ToSlash(rel)
		if strings.HasPrefix(slash, "content/articles/") && (strings.HasSuffix(slash, ".txt") || strings.HasSuffix(slash, ".md")) && !strings.HasPrefix(d.Name(), ".") {
			paths = append(paths, slash)
		}
		return copyFile(p, to)
	})
	sort.Strings(paths)
	return paths, err
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// coldReset moves what a build leaves out of the site: content/briefings,
// the analysis cache, the output folder and its spare. They go to the
// trash, emptied when the benchmark ends, because removing them here would
// slow the cold build that follows: on this project's machine (ext4
// without a journal) the system skips the inodes it freed in the last
// minutes when it makes a file: a cold 10k build took 14.4 s with the old
// output moved aside and 21.8 and 24.8 s with it removed just before (the
// same binary, alternated; session 10). A user's first build of a fresh
// clone follows no removal.
func coldReset(dir string, bin *trash) error {
	cfg, err := site.LoadConfig(filepath.Join(dir, "site.toml"))
	if err != nil {
		return err
	}
	out := cfg.Output
	if !filepath.IsAbs(out) {
		out = filepath.Join(dir, out)
	}
	var errs []error
	spare := filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+".spare") // the previous output, see package site
	for _, p := range []string{filepath.Join(dir, "content", "briefings"), filepath.Join(dir, cacheDir), out, spare} {
		errs = append(errs, bin.put(dir, p))
	}
	return errors.Join(errs...)
}

// trash holds folders to remove when the benchmark ends (see coldReset).
type trash struct {
	bins map[string]bool
	n    int
}

// put moves p (a folder of the site dir, or dir itself) into a trash
// folder beside dir, or removes it where it cannot be moved.
func (t *trash) put(dir, p string) error {
	if _, err := os.Lstat(p); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	bin := filepath.Join(filepath.Dir(dir), ".brief-bench-trash")
	if t.bins == nil {
		t.bins = map[string]bool{}
	}
	t.bins[bin] = true
	t.n++
	if err := os.MkdirAll(bin, 0o755); err == nil {
		if err := os.Rename(p, filepath.Join(bin, fmt.Sprintf("%d-%d", os.Getpid(), t.n))); err == nil {
			return nil
		}
	}
	return os.RemoveAll(p)
}

// empty removes the trash folders, with what earlier runs left in them.
// A benchmark started within minutes of it pays for that removal in its
// cold builds (see coldReset).
func (t *trash) empty() {
	for bin := range t.bins {
		logf("removing %s: a cold build started in the next minutes will be slower for it (see bench/README.md, \"The file system\")", bin)
		os.RemoveAll(bin)
	}
}

// appendSentence adds a paragraph to the article file and returns its
// bytes before.
func appendSentence(file, sentence string) ([]byte, error) {
	old, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	data := append(append([]byte(nil), old...), "\n"+sentence+"\n"...)
	return old, os.WriteFile(file, data, 0o644)
}
