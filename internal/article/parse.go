package article

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"path"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"brief/internal/frontmatter"
	"brief/internal/text"
)

// Parse reads the article file at path (used for messages and for a date
// in the file name) with contents src.
func Parse(path string, src []byte) (*Article, error) {
	a := &Article{Path: path, Src: src, Hash: HashOf(src)}
	switch {
	case len(bytes.TrimSpace(src)) == 0:
		return nil, &Error{path, 0, "empty file"}
	case len(src) > MaxSize:
		return nil, &Error{path, 0, fmt.Sprintf("file is %.1f MB, more than the %d MB an article may be", float64(len(src))/(1<<20), MaxSize>>20)}
	case bytes.IndexByte(src, 0) >= 0:
		return nil, &Error{path, lineOf(src, bytes.IndexByte(src, 0)), "binary file (NUL byte), not an article"}
	case !utf8.Valid(src):
		return nil, &Error{path, lineOf(src, invalidAt(src)), "invalid UTF-8; save the file as UTF-8"}
	}
	fm, fmLine, body, ok, err := frontmatter.Split(path, src)
	if err != nil {
		return nil, err
	}
	if ok {
		err = a.frontMatter(fm, fmLine)
		a.Body = skipSpace(src, body)
	} else {
		err = a.plainHeader()
	}
	if err != nil {
		return nil, err
	}
	a.URL = fixPercent(strings.TrimSpace(a.URL))
	if a.URL != "" && !isHTTP(a.URL) {
		a.Warnings = append(a.Warnings, (&Error{path, urlLine(src, a.Body), fmt.Sprintf("url %q is not an absolute http(s) URL; left out", a.URL)}).Error())
		a.URL = ""
	}
	a.BodyLine = lineOf(src, a.Body)
	if len(bytes.TrimSpace(src[a.Body:])) == 0 {
		return nil, &Error{path, a.BodyLine, "no body text after the header"}
	}
	if a.Date.IsZero() {
		d, ok := dateFromName(path)
		if !ok {
			return nil, &Error{path, 1, "no date: add a `date YYYY-MM-DD` line, a front matter date, or start the file name with YYYY-MM-DD-"}
		}
		a.Date = d
	}
	if a.Title == "" {
		a.titleFromBody()
	}
	return a, nil
}

type frontMatter struct {
	Title   string   `toml:"title"`
	Date    any      `toml:"date"`
	Source  string   `toml:"source"`
	URL     string   `toml:"url"`
	Tags    []string `toml:"tags"`
	Draft   bool     `toml:"draft"`
	License string   `toml:"license"`
}

func (a *Article) frontMatter(fm []byte, line int) error {
	var m frontMatter
	if err := frontmatter.Decode(a.Path, fm, line, &m); err != nil {
		return err
	}
	a.Title, a.Source, a.URL, a.Tags, a.Draft, a.License = strings.TrimSpace(m.Title), m.Source, m.URL, m.Tags, m.Draft, m.License
	switch d := m.Date.(type) {
	case nil:
	case time.Time:
		a.Date = time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)
	case string:
		t, err := parseDate(d)
		if err != nil {
			return &Error{a.Path, line + keyOffset(fm, "date"), err.Error()}
		}
		a.Date = t
	default:
		return &Error{a.Path, line + keyOffset(fm, "date"), fmt.Sprintf("date must be a date like 2021-06-28, not %v", d)}
	}
	return nil
}

// keyOffset returns the 0-based line of key in TOML text fm.
func keyOffset(fm []byte, key string) int {
	for n, l := range strings.Split(string(fm), "\n") {
		if k, _, ok := strings.Cut(l, "="); ok && strings.TrimSpace(k) == key {
			return n
		}
	}
	return 0
}

// plainHeader reads the optional `date`, `title`, `source`, `url`, `tags`
// and `draft` header lines of the plain form and sets a.Body after them.
func (a *Article) plainHeader() error {
	src := a.Src
	i := skipSpace(src, 0)
	if !hasWord(src[i:], "date") {
		a.Body = 0
		return nil
	}
	j := i + len("date")
	for j < len(src) && (src[j] == ' ' || src[j] == '\t') {
		j++
	}
	k := j
	for k < len(src) && src[k] != ' ' && src[k] != '\t' && src[k] != '\n' && src[k] != '\r' {
		k++
	}
	d, err := parseDate(string(src[j:k]))
	if err != nil {
		return &Error{a.Path, lineOf(src, i), err.Error()}
	}
	a.Date = d
	// The body may continue on the date line.
	for k < len(src) && (src[k] == ' ' || src[k] == '\t' || src[k] == '\r') {
		k++
	}
	if k < len(src) && src[k] != '\n' {
		a.Body = k
		return nil
	}
	// Further header lines, each `key value`, up to the first other line.
	pos := k
	for pos < len(src) {
		next := skipSpace(src, pos)
		end := bytes.IndexByte(src[next:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += next
		}
		line := strings.TrimSpace(string(src[next:end]))
		key, val, _ := strings.Cut(line, " ")
		val = strings.TrimSpace(val)
		switch key {
		case "title":
			a.Title = val
		case "source":
			a.Source = val
		case "url":
			a.URL = val
		case "license":
			a.License = val
		case "tags":
			a.Tags = splitTags(val)
		case "draft":
			a.Draft = val == "true" || val == "yes"
		default:
			a.Body = next
			return nil
		}
		pos = end
	}
	a.Body = len(src)
	return nil
}

func splitTags(s string) []string {
	var out []string
	for _, t := range strings.Split(s, ",") {
		if t = strings.TrimSpace(t); t != "" {
			out = append(out, t)
		}
	}
	return out
}

func hasWord(b []byte, w string) bool {
	return bytes.HasPrefix(b, []byte(w)) && (len(b) == len(w) || b[len(w)] == ' ' || b[len(w)] == '\t')
}

func skipSpace(src []byte, i int) int {
	for i < len(src) {
		switch src[i] {
		case ' ', '\t', '\n', '\r':
			i++
			continue
		}
		if bytes.HasPrefix(src[i:], []byte("\uFEFF")) {
			i += 3
			continue
		}
		break
	}
	return i
}

// parseDate accepts YYYY-MM-DD and rejects impossible dates like 2021-02-30.
func parseDate(s string) (time.Time, error) {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		var pe *time.ParseError
		if errors.As(err, &pe) && strings.Contains(pe.Message, "out of range") {
			return time.Time{}, fmt.Errorf("impossible date %q", s)
		}
		return time.Time{}, fmt.Errorf("date %q is not of the form YYYY-MM-DD", s)
	}
	return t, nil
}

func dateFromName(p string) (time.Time, bool) {
	base := path.Base(p)
	if len(base) < 10 {
		return time.Time{}, false
	}
	t, err := parseDate(base[:10])
	return t, err == nil
}

// titleFromBody takes a Wikinews-style title line, or derives a title from
// the lead sentence.
func (a *Article) titleFromBody() {
	src := a.Src
	end := bytes.IndexByte(src[a.Body:], '\n')
	if end >= 0 {
		line := bytes.TrimSpace(src[a.Body : a.Body+end])
		rest := bytes.TrimSpace(src[a.Body+end:])
		if len(line) > 0 && len(line) <= 160 && len(rest) > 0 && !endsLikeSentence(line) {
			a.Title = string(line)
			a.Body = skipSpace(src, a.Body+end)
			return
		}
	}
	a.TitleDerived = true
	doc := text.Parse(src, a.Body, len(src))
	if t := titleFromName(a.Path, doc); t != "" {
		a.Title = t
		return
	}
	if len(doc.Sentences) > 0 {
		a.Title = shorten(doc.SentenceText(0), 90)
	}
	if a.Title == "" {
		a.Title = "Untitled"
	}
}

// titleFromName makes a title of a descriptive file name, such as
// 2021-06-28-us-strikes-iran-backed-militias.txt: its words, each written as
// the article writes it ("US", "Iran-backed"), the first capitalised. Only
// when the name has at least three words and the article uses every one of
// them; otherwise "".
func titleFromName(p string, doc *text.Doc) string {
	base := path.Base(p)
	base = strings.TrimSuffix(base, path.Ext(base))
	if len(base) >= 11 && base[4] == '-' && base[7] == '-' && base[10] == '-' {
		base = base[11:]
	}
	parts := strings.FieldsFunc(base, func(r rune) bool { return r == '-' || r == '_' || r == ' ' })
	if len(parts) < 3 {
		return ""
	}
	// How the article writes each word, and which words it joins with '-'.
	forms := map[string]string{}
	for _, t := range doc.Tokens {
		if t.Kind != text.Word {
			continue
		}
		w := doc.Text(t)
		for _, piece := range strings.Split(w, "-") {
			k := strings.ToLower(piece)
			if f, ok := forms[k]; !ok || f == k { // prefer a capitalised form
				forms[k] = piece
			}
		}
		if strings.Contains(w, "-") {
			forms["-"+strings.ToLower(w)] = w
		}
	}
	var words []string
	for i := 0; i < len(parts); i++ {
		if i+1 < len(parts) {
			if f, ok := forms["-"+strings.ToLower(parts[i]+"-"+parts[i+1])]; ok {
				words = append(words, f)
				i++
				continue
			}
		}
		f, ok := forms[strings.ToLower(parts[i])]
		if !ok {
			return ""
		}
		words = append(words, f)
	}
	t := strings.Join(words, " ")
	r, size := utf8.DecodeRuneInString(t)
	return string(unicode.ToUpper(r)) + t[size:]
}

func endsLikeSentence(line []byte) bool {
	r, _ := utf8.DecodeLastRune(line)
	switch r {
	case '.', '!', '?', '"', '”', '\'', '’', ':', ';', ',':
		return true
	}
	return false
}

// shorten cuts s to at most n bytes at a word boundary, dropping a final
// full stop, and adds an ellipsis when it cut.
func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	s = strings.TrimRight(s, ". ")
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndexByte(s[:n], ' ')
	if cut <= 0 {
		cut = n
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
	}
	return strings.TrimRight(s[:cut], ",;:-– ") + "…"
}

func lineOf(src []byte, off int) int {
	if off > len(src) {
		off = len(src)
	}
	return bytes.Count(src[:off], []byte("\n")) + 1
}

func invalidAt(src []byte) int {
	for i := 0; i < len(src); {
		r, w := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && w == 1 {
			return i
		}
		i += w
	}
	return 0
}

// fixPercent escapes a '%' that does not start an escape (".../45%" as
// scraped URLs often have it) as %25.
func fixPercent(u string) string {
	if !strings.Contains(u, "%") {
		return u
	}
	var b strings.Builder
	for i := 0; i < len(u); i++ {
		if u[i] == '%' && !(i+2 < len(u) && isHex(u[i+1]) && isHex(u[i+2])) {
			b.WriteString("%25")
			continue
		}
		b.WriteByte(u[i])
	}
	return b.String()
}

func isHex(c byte) bool { return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }

// isHTTP reports whether u is an absolute http(s) URL with a host.
func isHTTP(u string) bool {
	p, err := url.Parse(u)
	return err == nil && (p.Scheme == "http" || p.Scheme == "https") && p.Host != ""
}

// urlLine is the line of the url header (before the body), or 1.
func urlLine(src []byte, body int) int {
	for i, l := range strings.Split(string(src[:body]), "\n") {
		if t := strings.TrimSpace(l); strings.HasPrefix(t, "url") {
			return i + 1
		}
	}
	return 1
}
