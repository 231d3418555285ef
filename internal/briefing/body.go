package briefing

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"brief/internal/timeline"
)

// SourceSentence is one sentence of the article, for the source section.
type SourceSentence struct {
	Index int
	Text  string
}

// WriteBody returns the Markdown body of b: the sections present in its
// front matter, then the source text, paragraph by paragraph, each sentence
// opened by its `{#sN}` anchor.
//
// It appends to one byte slice rather than formatting with fmt, for speed
// (WriteBody was three quarters of New's CPU); the tests hold it to the
// fmt-based version's output.
func WriteBody(b *Briefing, source [][]SourceSentence) string {
	w := make([]byte, 0, bodySize(b, source))
	if len(b.Summary) > 0 {
		w = append(w, "## Bottom line\n\n"...)
		for _, s := range b.Summary {
			w = appendEscape(append(w, "- "...), s.Text)
			w = append(appendRef(w, s.Sentence), '\n')
		}
		w = append(w, '\n')
	}
	if len(b.Actors) > 0 {
		w = append(w, "## Key actors\n\n"...)
		w = appendActors(w, b)
	}
	if len(b.Timeline) > 0 {
		w = append(w, "## Timeline\n\n| When | What |\n| --- | --- |\n"...)
		marked := false
		for _, e := range b.Timeline {
			if !marked && e.Value > b.Date && !strings.HasPrefix(e.Value, b.Date) {
				w = appendDated(w, b.Date)
				marked = true
			}
			w = appendEscape(append(w, "| "...), e.Display)
			w = appendEscape(append(w, " | "...), e.Text)
			w = append(appendRef(w, e.Sentence), " |\n"...)
		}
		if !marked {
			w = appendDated(w, b.Date)
		}
		w = append(w, '\n')
	}
	if len(b.Quotes) > 0 {
		w = append(w, "## Quotes\n\n"...)
		for _, q := range b.Quotes {
			speaker := q.Speaker
			if speaker == "" {
				speaker = "unattributed"
			}
			w = appendEscape(append(w, "> “"...), q.Text)
			w = appendEscape(append(w, "”\n> — "...), speaker)
			w = append(appendRef(w, q.Sentence), "\n\n"...)
		}
	}
	if len(b.Figures) > 0 {
		w = append(w, "## Key figures\n\n"...)
		for _, f := range b.Figures {
			w = appendEscape(append(w, "- "...), f.Text)
			w = append(appendRef(w, f.Sentence), '\n')
		}
		w = append(w, '\n')
	}
	w = append(w, "## Source text\n\n"...)
	if c := CreditLine(b); c != "" {
		w = append(append(w, c...), "\n\n"...)
	}
	for _, para := range source {
		for i, s := range para {
			if i > 0 {
				w = append(w, ' ')
			}
			w = strconv.AppendInt(append(w, "{#s"...), int64(s.Index), 10)
			w = appendEscape(append(w, "} "...), s.Text)
		}
		w = append(w, "\n\n"...)
	}
	for len(w) > 0 && w[len(w)-1] == '\n' {
		w = w[:len(w)-1]
	}
	return string(append(w, '\n'))
}

// bodySize estimates the length of b's body, for allocating once.
func bodySize(b *Briefing, source [][]SourceSentence) int {
	n := 512
	for _, s := range b.Summary {
		n += len(s.Text) + 32
	}
	for _, a := range b.Actors {
		n += len(a.Name) + len(a.Kind) + len(a.Role) + 64
	}
	n += 96 * len(b.Timeline) // dated line
	for _, e := range b.Timeline {
		n += len(e.Display) + len(e.Text) + 32
	}
	for _, q := range b.Quotes {
		n += len(q.Speaker) + len(q.Text) + 48
	}
	for _, f := range b.Figures {
		n += len(f.Text) + 32
	}
	n += len(b.Credit) + len(b.URL) + len(b.License)
	for _, para := range source {
		for _, s := range para {
			n += len(s.Text) + 8
		}
	}
	return n + n/16 // escapes
}

// appendDated appends the timeline row that marks the article's date.
func appendDated(w []byte, date string) []byte {
	w = appendEscape(append(w, "| **"...), timeline.Display(date))
	return append(w, "** | *The article is dated this day.* |\n"...)
}

// actorKinds orders the key actors' groups; an actor of a kind not
// listed is in the last group, "other" ("Others").
var actorKinds = []struct{ kind, label string }{{"person", "People"}, {"organization", "Organisations"}, {"place", "Places"}, {"other", "Others"}}

// actorGroup returns the kind of actorKinds that a kind is listed under.
func actorGroup(kind string) string {
	for _, ak := range actorKinds {
		if kind == ak.kind {
			return kind
		}
	}
	return "other"
}

// appendActors appends the key actors grouped by kind, each with its role,
// mentions, first mention and the sentences where it is quoted.
func appendActors(w []byte, b *Briefing) []byte {
	for _, g := range actorKinds {
		listed := false
		for _, a := range b.Actors {
			if actorGroup(a.Kind) != g.kind {
				continue
			}
			if !listed {
				w = append(append(append(w, "**"...), g.label...), "**\n\n"...)
				listed = true
			}
			w = append(appendEscape(append(w, "- **"...), a.Name), "**"...)
			if g.kind == "other" && a.Kind != "" {
				w = append(appendEscape(append(w, " ("...), a.Kind), ')')
			}
			if a.Role != "" {
				w = appendEscape(append(w, ", "...), a.Role)
			}
			w = strconv.AppendInt(append(w, " · "...), int64(a.Mentions), 10)
			w = append(append(w, ' '), plural(a.Mentions, "mention")...)
			w = appendRef(w, a.Sentence)
			quoted := 0
			for _, q := range b.Quotes {
				if q.Speaker == a.Name && q.Sentence >= 0 {
					if quoted == 0 {
						w = append(w, " · quoted "...)
					} else {
						w = append(w, ", "...)
					}
					quoted++
					w = strconv.AppendInt(append(w, '['), int64(quoted), 10)
					w = strconv.AppendInt(append(w, "](#s"...), int64(q.Sentence), 10)
					w = append(w, ')')
				}
			}
			w = append(w, '\n')
		}
		if listed {
			w = append(w, '\n')
		}
	}
	return w
}

// CreditLine returns the Markdown credit for the article's source, or "".
func CreditLine(b *Briefing) string {
	if b.Credit == "" && b.URL == "" {
		return ""
	}
	name := b.Credit
	if name == "" {
		name = "the original article"
	}
	line := "Source: " + Escape(name)
	if u := safeURL(b.URL); u != "" {
		line = fmt.Sprintf("Source: [%s](<%s>)", Escape(name), u)
	}
	if b.License != "" {
		line += ", licensed " + Escape(b.License)
	}
	return "*" + line + ".*"
}

// safeURL returns u when it is an absolute http(s) URL, percent-encoded so
// that it is safe inside <...> in Markdown; otherwise "".
func safeURL(u string) string {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return ""
	}
	return urlEscaper.Replace(p.String())
}

// urlEscaper percent-encodes what may not appear inside <...>; made once,
// as making a Replacer cost more than the rest of CreditLine.
var urlEscaper = strings.NewReplacer("<", "%3C", ">", "%3E", " ", "%20", "\n", "")

// appendRef appends the link to a source sentence, if there is one.
func appendRef(w []byte, sentence int) []byte {
	if sentence < 0 {
		return w
	}
	return append(strconv.AppendInt(append(w, " [[source]](#s"...), int64(sentence), 10), ')')
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// Escape makes article text literal in Markdown: every ASCII punctuation
// character that Markdown or HTML could act on is backslash-escaped, a
// leading list or heading marker (`- `, `+ `, `1. `) is escaped, line
// breaks become spaces, and bytes that are not UTF-8 become U+FFFD.
func Escape(s string) string {
	return string(appendEscape(make([]byte, 0, len(s)+8), s))
}

// appendEscape appends Escape(s) to w.
func appendEscape(w []byte, s string) []byte {
	if lead := listMarker(s); lead > 0 {
		w = append(append(w, s[:lead-1]...), '\\')
		s = s[lead-1:]
	}
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && n == 1 {
				w = append(append(w, s[start:i]...), "\uFFFD"...)
				start = i + 1
			}
			i += n
			continue
		}
		switch c {
		case '\\', '`', '*', '_', '{', '}', '[', ']', '<', '>', '#', '|', '~', '&':
			w = append(append(w, s[start:i]...), '\\', c)
			start = i + 1
		case '\n', '\r', '\t':
			w = append(append(w, s[start:i]...), ' ')
			start = i + 1
		}
		i++
	}
	return append(w, s[start:]...)
}

// listMarker returns the length of a leading block marker that Markdown
// would read in a list item (`-`, `+`, `12.`, `3)`), or 0.
func listMarker(s string) int {
	if s == "" {
		return 0
	}
	if s[0] == '-' || s[0] == '+' {
		return 1
	}
	i := 0
	for i < len(s) && i < 9 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i < len(s) && (s[i] == '.' || s[i] == ')') {
		return i + 1
	}
	return 0
}
