package briefing

import (
	"fmt"
	"net/url"
	"strings"

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
func WriteBody(b *Briefing, source [][]SourceSentence) string {
	var w strings.Builder
	if len(b.Summary) > 0 {
		w.WriteString("## Bottom line\n\n")
		for _, s := range b.Summary {
			fmt.Fprintf(&w, "- %s%s\n", Escape(s.Text), ref(s.Sentence))
		}
		w.WriteString("\n")
	}
	if len(b.Actors) > 0 {
		w.WriteString("## Key actors\n\n")
		writeActors(&w, b)
	}
	if len(b.Timeline) > 0 {
		w.WriteString("## Timeline\n\n| When | What |\n| --- | --- |\n")
		marked := false
		for _, e := range b.Timeline {
			if !marked && e.Value > b.Date && !strings.HasPrefix(e.Value, b.Date) {
				fmt.Fprintf(&w, "| **%s** | *The article is dated this day.* |\n", Escape(timeline.Display(b.Date)))
				marked = true
			}
			fmt.Fprintf(&w, "| %s | %s%s |\n", Escape(e.Display), Escape(e.Text), ref(e.Sentence))
		}
		if !marked {
			fmt.Fprintf(&w, "| **%s** | *The article is dated this day.* |\n", Escape(timeline.Display(b.Date)))
		}
		w.WriteString("\n")
	}
	if len(b.Quotes) > 0 {
		w.WriteString("## Quotes\n\n")
		for _, q := range b.Quotes {
			speaker := q.Speaker
			if speaker == "" {
				speaker = "unattributed"
			}
			fmt.Fprintf(&w, "> “%s”\n> — %s%s\n\n", Escape(q.Text), Escape(speaker), ref(q.Sentence))
		}
	}
	if len(b.Figures) > 0 {
		w.WriteString("## Key figures\n\n")
		for _, f := range b.Figures {
			fmt.Fprintf(&w, "- %s%s\n", Escape(f.Text), ref(f.Sentence))
		}
		w.WriteString("\n")
	}
	w.WriteString("## Source text\n\n")
	if c := CreditLine(b); c != "" {
		w.WriteString(c + "\n\n")
	}
	for _, para := range source {
		for i, s := range para {
			if i > 0 {
				w.WriteByte(' ')
			}
			fmt.Fprintf(&w, "{#s%d} %s", s.Index, Escape(s.Text))
		}
		w.WriteString("\n\n")
	}
	return strings.TrimRight(w.String(), "\n") + "\n"
}

// actorKinds orders the key actors' groups; kinds not listed come last,
// as "Others".
var actorKinds = []struct{ kind, label string }{{"person", "People"}, {"organization", "Organisations"}, {"place", "Places"}}

// writeActors writes the key actors grouped by kind, each with its role,
// mentions, first mention and the sentences where it is quoted.
func writeActors(w *strings.Builder, b *Briefing) {
	groups := map[string][]Actor{}
	for _, a := range b.Actors {
		k := "other"
		for _, ak := range actorKinds {
			if a.Kind == ak.kind {
				k = a.Kind
			}
		}
		groups[k] = append(groups[k], a)
	}
	labels := append(actorKinds[:len(actorKinds):len(actorKinds)], struct{ kind, label string }{"other", "Others"})
	for _, g := range labels {
		as := groups[g.kind]
		if len(as) == 0 {
			continue
		}
		fmt.Fprintf(w, "**%s**\n\n", g.label)
		for _, a := range as {
			fmt.Fprintf(w, "- **%s**", Escape(a.Name))
			if g.kind == "other" && a.Kind != "" {
				fmt.Fprintf(w, " (%s)", Escape(a.Kind))
			}
			if a.Role != "" {
				fmt.Fprintf(w, ", %s", Escape(a.Role))
			}
			fmt.Fprintf(w, " · %d %s%s", a.Mentions, plural(a.Mentions, "mention"), ref(a.Sentence))
			var quoted []string
			for _, q := range b.Quotes {
				if q.Speaker == a.Name && q.Sentence >= 0 {
					quoted = append(quoted, fmt.Sprintf("[%d](#s%d)", len(quoted)+1, q.Sentence))
				}
			}
			if len(quoted) > 0 {
				fmt.Fprintf(w, " · quoted %s", strings.Join(quoted, ", "))
			}
			w.WriteString("\n")
		}
		w.WriteString("\n")
	}
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
	s := p.String()
	return strings.NewReplacer("<", "%3C", ">", "%3E", " ", "%20", "\n", "").Replace(s)
}

func ref(sentence int) string {
	if sentence < 0 {
		return ""
	}
	return fmt.Sprintf(" [[source]](#s%d)", sentence)
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// Escape makes article text literal in Markdown: every ASCII punctuation
// character that Markdown or HTML could act on is backslash-escaped, a
// leading list or heading marker (`- `, `+ `, `1. `) is escaped, and line
// breaks become spaces.
func Escape(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	if lead := listMarker(s); lead > 0 {
		b.WriteString(s[:lead-1])
		b.WriteByte('\\')
		s = s[lead-1:]
	}
	for _, r := range s {
		switch r {
		case '\\', '`', '*', '_', '{', '}', '[', ']', '<', '>', '#', '|', '~', '&':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n', '\r', '\t':
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
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
