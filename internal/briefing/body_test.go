package briefing

import (
	"fmt"
	"net/url"
	"strings"
	"testing"

	"brief/internal/timeline"
)

// The body is written with appends (body.go); these are the fmt-based
// functions it replaced, that it must match byte for byte.

func writeBodyReference(b *Briefing, source [][]SourceSentence) string {
	var w strings.Builder
	if len(b.Summary) > 0 {
		w.WriteString("## Bottom line\n\n")
		for _, s := range b.Summary {
			fmt.Fprintf(&w, "- %s%s\n", escapeReference(s.Text), refReference(s.Sentence))
		}
		w.WriteString("\n")
	}
	if len(b.Actors) > 0 {
		w.WriteString("## Key actors\n\n")
		writeActorsReference(&w, b)
	}
	if len(b.Timeline) > 0 {
		w.WriteString("## Timeline\n\n| When | What |\n| --- | --- |\n")
		marked := false
		for _, e := range b.Timeline {
			if !marked && e.Value > b.Date && !strings.HasPrefix(e.Value, b.Date) {
				fmt.Fprintf(&w, "| **%s** | *The article is dated this day.* |\n", escapeReference(timeline.Display(b.Date)))
				marked = true
			}
			fmt.Fprintf(&w, "| %s | %s%s |\n", escapeReference(e.Display), escapeReference(e.Text), refReference(e.Sentence))
		}
		if !marked {
			fmt.Fprintf(&w, "| **%s** | *The article is dated this day.* |\n", escapeReference(timeline.Display(b.Date)))
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
			fmt.Fprintf(&w, "> “%s”\n> — %s%s\n\n", escapeReference(q.Text), escapeReference(speaker), refReference(q.Sentence))
		}
	}
	if len(b.Figures) > 0 {
		w.WriteString("## Key figures\n\n")
		for _, f := range b.Figures {
			fmt.Fprintf(&w, "- %s%s\n", escapeReference(f.Text), refReference(f.Sentence))
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
			fmt.Fprintf(&w, "{#s%d} %s", s.Index, escapeReference(s.Text))
		}
		w.WriteString("\n\n")
	}
	return strings.TrimRight(w.String(), "\n") + "\n"
}

// actorKindsReference is actorKinds as it was, with "other" last.
var actorKindsReference = []struct{ kind, label string }{{"person", "People"}, {"organization", "Organisations"}, {"place", "Places"}, {"other", "Others"}}

func writeActorsReference(w *strings.Builder, b *Briefing) {
	groups := map[string][]Actor{}
	for _, a := range b.Actors {
		k := "other"
		for _, ak := range actorKindsReference[:3] {
			if a.Kind == ak.kind {
				k = a.Kind
			}
		}
		groups[k] = append(groups[k], a)
	}
	labels := actorKindsReference
	for _, g := range labels {
		as := groups[g.kind]
		if len(as) == 0 {
			continue
		}
		fmt.Fprintf(w, "**%s**\n\n", g.label)
		for _, a := range as {
			fmt.Fprintf(w, "- **%s**", escapeReference(a.Name))
			if g.kind == "other" && a.Kind != "" {
				fmt.Fprintf(w, " (%s)", escapeReference(a.Kind))
			}
			if a.Role != "" {
				fmt.Fprintf(w, ", %s", escapeReference(a.Role))
			}
			fmt.Fprintf(w, " · %d %s%s", a.Mentions, plural(a.Mentions, "mention"), refReference(a.Sentence))
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

func refReference(sentence int) string {
	if sentence < 0 {
		return ""
	}
	return fmt.Sprintf(" [[source]](#s%d)", sentence)
}

// escapeReference is Escape as it was.
func escapeReference(s string) string {
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

// safeURLReference is safeURL as it was, making its Replacer each time.
func safeURLReference(u string) string {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return ""
	}
	s := p.String()
	return strings.NewReplacer("<", "%3C", ">", "%3E", " ", "%20", "\n", "").Replace(s)
}

// checkBody fails t when WriteBody differs from writeBodyReference.
func checkBody(t *testing.T, b *Briefing, source [][]SourceSentence) {
	t.Helper()
	if got, want := WriteBody(b, source), writeBodyReference(b, source); got != want {
		t.Fatalf("WriteBody differs from writeBodyReference\n got %q\nwant %q", got, want)
	}
}

// TestWriteBodySite writes the body of every briefing of the site both
// ways, with its statements as the source text.
func TestWriteBodySite(t *testing.T) {
	eachSiteBriefing(t, func(_ string, _ []byte, b *Briefing) {
		var para []SourceSentence
		for _, s := range b.Summary {
			para = append(para, SourceSentence{s.Sentence, s.Text})
		}
		for _, q := range b.Quotes {
			para = append(para, SourceSentence{q.Sentence, q.Text})
		}
		checkBody(t, b, [][]SourceSentence{para, nil, {{7, b.Title}}})
		checkBody(t, b, nil)
	})
	checkBody(t, sample(), nil)
	checkBody(t, &Briefing{}, nil)
}

// FuzzWriteBody compares WriteBody and Escape with the fmt-based versions
// on briefings made from the fuzzer's text, split at blank lines as in
// FuzzFrontMatterEncode.
func FuzzWriteBody(f *testing.F) {
	f.Add("1. US *strikes* <b>\n\nperson\n\n2021-06-28\n\n\xff\xfe\n\nother", 3, -1, uint32(0x5555))
	f.Add("- a\n\n\n\nplace\n\n2021\n\norganization\n\n", 0, 1, uint32(0xffffffff))
	f.Add("", -5, 1<<40, uint32(0))
	f.Add("https://example.org/a b<c>\n\nhttp://x/\n\n\n\nftp://y", 1, 2, uint32(0x1234))
	f.Fuzz(func(t *testing.T, text string, n1, n2 int, shape uint32) {
		if got, want := Escape(text), escapeReference(text); got != want {
			t.Fatalf("Escape(%q) = %q, want %q", text, got, want)
		}
		if got, want := safeURL(text), safeURLReference(text); got != want {
			t.Fatalf("safeURL(%q) = %q, want %q", text, got, want)
		}
		in := newFuzzInput(text, shape)
		str, count := in.str, in.count
		b := &Briefing{Date: str(), URL: str(), Credit: str(), License: str()}
		for range count() {
			b.Summary = append(b.Summary, Sentence{str(), n1})
		}
		for range count() + count() {
			b.Actors = append(b.Actors, Actor{Name: str(), Kind: str(), Role: str(), Mentions: n2, Sentence: n1})
		}
		for range count() {
			b.Timeline = append(b.Timeline, Event{str(), str(), str(), n2})
		}
		for range count() + count() {
			b.Quotes = append(b.Quotes, Quote{str(), str(), n1 ^ n2})
		}
		for range count() {
			b.Figures = append(b.Figures, Figure{str(), n2})
		}
		var source [][]SourceSentence
		for range count() {
			var para []SourceSentence
			for range count() {
				para = append(para, SourceSentence{n1, str()})
			}
			source = append(source, para)
		}
		checkBody(t, b, source)
	})
}
