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

// coldReset removes what a build leaves: content/briefings, the analysis
// cache, the output folder and its spare.
func coldReset(dir string) error {
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
		errs = append(errs, os.RemoveAll(p))
	}
	return errors.Join(errs...)
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
