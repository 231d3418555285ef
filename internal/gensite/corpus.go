package gensite

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Corpus is the material generated articles are made of.
type Corpus struct {
	Sources []*Source // sorted by file name; never empty after Load
	byStory map[string][]*Source
}

// Source is one real article cut into units.
type Source struct {
	File     string // e.g. wikinews/100911.txt
	Story    string // airbus, apple, gm, stock; seed for the seed article
	Title    string
	URL      string // "" when unknown
	Date     time.Time
	Dateline bool     // the body opened with a dateline such as "March 01, 2008"
	Units    []string // sentences (Wikinews) or paragraphs (seed)
	Grouped  bool     // Units are paragraphs already
}

// tags are the story names of the example site.
var tags = map[string]string{
	"airbus": "Airbus and Boeing",
	"apple":  "Apple",
	"gm":     "General Motors",
	"stock":  "Stock markets",
}

// Load reads the corpus folder dir (holding seed/ and wikinews/ with its
// articles.jsonl).
func Load(dir string) (*Corpus, error) {
	c := &Corpus{byStory: map[string][]*Source{}}
	meta, err := loadMeta(filepath.Join(dir, "wikinews", "articles.jsonl"))
	if err != nil {
		return nil, err
	}
	names, _ := filepath.Glob(filepath.Join(dir, "wikinews", "*.txt"))
	for _, name := range names {
		src, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		m := meta[filepath.Base(name)]
		s, err := wikinews("wikinews/"+filepath.Base(name), src)
		if err != nil {
			return nil, err
		}
		s.Story, s.URL = m.Corpus, m.URL
		c.add(s)
	}
	seeds, _ := filepath.Glob(filepath.Join(dir, "seed", "*.txt"))
	for _, name := range seeds {
		src, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		s, err := seed("seed/"+filepath.Base(name), src)
		if err != nil {
			return nil, err
		}
		c.add(s)
	}
	if len(c.Sources) == 0 {
		return nil, errorf(dir, "no articles in seed/ or wikinews/")
	}
	sort.Slice(c.Sources, func(i, j int) bool { return c.Sources[i].File < c.Sources[j].File })
	return c, nil
}

func (c *Corpus) add(s *Source) {
	if len(s.Units) < 2 {
		return
	}
	c.Sources = append(c.Sources, s)
	c.byStory[s.Story] = append(c.byStory[s.Story], s)
}

type meta struct {
	File   string `json:"file"`
	Corpus string `json:"corpus"`
	URL    string `json:"url"`
}

func loadMeta(file string) (map[string]meta, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	out := map[string]meta{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		var m meta
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			return nil, errorf(file, "line %d: %v", n, err)
		}
		out[m.File] = m
	}
	return out, nil
}

// header reads a leading `date YYYY-MM-DD` and returns the rest.
func header(file string, src []byte) (time.Time, string, error) {
	s := strings.TrimLeft(string(src), " \t\r\n")
	rest, ok := strings.CutPrefix(s, "date ")
	if !ok || len(rest) < 10 {
		return time.Time{}, "", errorf(file, "no `date YYYY-MM-DD` header")
	}
	d, err := time.Parse("2006-01-02", rest[:10])
	if err != nil {
		return time.Time{}, "", errorf(file, "%v", err)
	}
	return d, rest[10:], nil
}

// wikinews reads a corpus Wikinews file: the date header, a blank line,
// the title, a dateline, then one sentence a line.
func wikinews(file string, src []byte) (*Source, error) {
	d, rest, err := header(file, src)
	if err != nil {
		return nil, err
	}
	s := &Source{File: file, Date: d}
	for _, l := range strings.Split(rest, "\n") {
		l = strings.TrimSpace(l)
		switch {
		case l == "":
		case s.Title == "":
			s.Title = l
		case len(s.Units) == 0 && !s.Dateline && isDateline(l):
			s.Dateline = true
		default:
			s.Units = append(s.Units, l)
		}
	}
	return s, nil
}

// seed reads the seed article: the date header shares its line with the
// lead; paragraphs are separated by blank lines.
func seed(file string, src []byte) (*Source, error) {
	d, rest, err := header(file, src)
	if err != nil {
		return nil, err
	}
	s := &Source{File: file, Story: "seed", Date: d, Grouped: true}
	for _, p := range strings.Split(rest, "\n\n") {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			s.Units = append(s.Units, p)
		}
	}
	base := strings.TrimSuffix(filepath.Base(file), ".txt")
	if len(base) > 11 {
		base = base[11:]
	}
	words := strings.Split(base, "-")
	for i, w := range words {
		if w == "us" {
			words[i] = "US"
		}
	}
	s.Title = strings.ToUpper(words[0][:1]) + strings.Join(words, " ")[1:]
	return s, nil
}

func isDateline(l string) bool {
	_, err := time.Parse("January 02, 2006", l)
	if err != nil {
		_, err = time.Parse("January 2, 2006", l)
	}
	return err == nil
}
