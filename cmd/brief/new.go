package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"brief"
	"brief/internal/site"
)

const newHelp = `
New scaffolds files from brief's defaults.

  brief new site DIR        a working site in DIR: site.toml, an example
                            article, .gitignore. With -templates, copies of
                            the default templates/ and theme/ to edit (a
                            site's own files override the built-in ones file
                            by file).
  brief new article TITLE   content/articles/YYYY-MM-DD-<slug>.txt in the
                            current site, dated today, to paste text into.

New never overwrites a file.`

func runNew(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("new", "site DIR | article TITLE", newHelp, stderr)
	withTemplates := fs.Bool("templates", false, "with 'new site': copy the default templates and theme into the site")
	dir := fs.String("s", ".", "with 'new article': the site folder")
	if err := parse(fs, args); err != nil {
		return err
	}
	switch {
	case fs.NArg() == 2 && fs.Arg(0) == "site":
		return newSite(fs.Arg(1), *withTemplates, stdout)
	case fs.NArg() >= 2 && fs.Arg(0) == "article":
		title := fs.Arg(1)
		for _, a := range fs.Args()[2:] {
			title += " " + a
		}
		return newArticle(*dir, title, stdout)
	}
	fs.Usage()
	return errUsage
}

const siteTOML = `# site.toml: every key is optional; unknown keys are errors.
title = "Briefings"
description = "Briefings on the stories we follow."
baseURL = "/"              # e.g. "https://you.github.io/project/"
language = "en"
timezone = "UTC"
output = "public"
pageSize = 10
summarySentences = 3

[feed]
items = 20
fullContent = false
`

func newSite(dir string, withTemplates bool, stdout io.Writer) error {
	if ents, err := os.ReadDir(dir); err == nil && len(ents) > 0 {
		return fmt.Errorf("%s already exists and is not empty; choose a new folder", dir)
	}
	today := time.Now().Format("2006-01-02")
	files := map[string]string{
		"site.toml":  siteTOML,
		".gitignore": "/public/\n/.public.spare/\n/.public.lock\n/.brief-cache/\n",
		"content/articles/" + today + "-welcome.txt": "date " + today + "\ntitle Welcome to brief\n\n" +
			"This is an example article. Replace it with real news articles: plain text files with a date line, or Markdown with TOML front matter.\n\n" +
			"Each article becomes a briefing with a bottom line, the key actors, a timeline and the source text, and the briefings become a static site.\n\n" +
			"Run brief serve to preview the site while you edit, and brief build to write it to the public folder.\n",
	}
	for name, body := range files {
		if err := writeNew(filepath.Join(dir, name), []byte(body)); err != nil {
			return err
		}
	}
	if err := os.MkdirAll(filepath.Join(dir, "content", "briefings"), 0o755); err != nil {
		return err
	}
	if withTemplates {
		if err := copyFS(brief.Templates(), filepath.Join(dir, "templates")); err != nil {
			return err
		}
		if err := copyFS(brief.Theme(), filepath.Join(dir, "theme")); err != nil {
			return err
		}
	}
	fmt.Fprintf(stdout, "Created a site in %s.\n\n  cd %s\n  brief serve     # preview with live reload\n  brief build     # write the site to public/\n", dir, dir)
	return nil
}

func newArticle(dir, title string, stdout io.Writer) error {
	cfg, err := site.LoadConfig(filepath.Join(dir, "site.toml"))
	if err != nil {
		return err
	}
	today := time.Now().In(cfg.Location).Format("2006-01-02")
	name := filepath.Join(dir, "content", "articles", today+"-"+site.Slugify(title)+".txt")
	body := "date " + today + "\ntitle " + title + "\nsource \nurl \n\nPaste the article text here, paragraphs separated by blank lines.\n"
	if err := writeNew(name, []byte(body)); err != nil {
		return err
	}
	fmt.Fprintln(stdout, name)
	return nil
}

// writeNew creates name with data, failing if it exists.
func writeNew(name string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s already exists; not overwriting it", name)
		}
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func copyFS(src fs.FS, dst string) error {
	return fs.WalkDir(src, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(src, p)
		if err != nil {
			return err
		}
		return writeNew(filepath.Join(dst, filepath.FromSlash(p)), data)
	})
}
