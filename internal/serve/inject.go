package serve

import (
	"bytes"
	"html"
)

// scriptTag is the tag injected into served pages for build id.
func scriptTag(build string) []byte {
	return []byte(`<script src="` + ScriptPath + `" data-build="` + html.EscapeString(build) + `" defer></script>`)
}

// inject returns page with tag inserted right after the opening <head>
// tag; without one, after the opening <html> tag, else after the doctype
// (inserting before it would switch the page to quirks mode), else at the
// start (after a byte order mark). Comments are skipped; the search stops
// at <body. page is not modified.
func inject(page, tag []byte) []byte {
	at := insertionPoint(page)
	out := make([]byte, 0, len(page)+len(tag))
	out = append(out, page[:at]...)
	out = append(out, tag...)
	return append(out, page[at:]...)
}

func insertionPoint(page []byte) int {
	start := 0
	if bytes.HasPrefix(page, []byte("\xef\xbb\xbf")) {
		start = 3
	}
	afterHTML, afterDoctype := -1, -1
	for i := start; i < len(page); {
		j := bytes.IndexByte(page[i:], '<')
		if j < 0 {
			break
		}
		i += j
		rest := page[i:]
		switch {
		case bytes.HasPrefix(rest, []byte("<!--")):
			end := bytes.Index(rest[4:], []byte("-->"))
			if end < 0 {
				i = len(page)
				continue
			}
			i += 4 + end + 3
			continue
		case hasTag(rest, "!doctype"):
			if end := tagEnd(page, i); end > 0 && afterDoctype < 0 {
				afterDoctype = end
			}
		case hasTag(rest, "html"):
			if end := tagEnd(page, i); end > 0 && afterHTML < 0 {
				afterHTML = end
			}
		case hasTag(rest, "head"):
			if end := tagEnd(page, i); end > 0 {
				return end
			}
		case hasTag(rest, "body"):
			i = len(page)
			continue
		}
		i++
	}
	switch {
	case afterHTML > 0:
		return afterHTML
	case afterDoctype > 0:
		return afterDoctype
	}
	return start
}

// hasTag reports whether b starts with "<name" followed by the end of the
// tag name, ignoring case.
func hasTag(b []byte, name string) bool {
	n := len(name) + 1
	if len(b) <= n || !bytes.EqualFold(b[1:n], []byte(name)) {
		return false
	}
	switch b[n] {
	case '>', ' ', '\t', '\n', '\r', '\f', '/':
		return true
	}
	return false
}

// tagEnd returns the offset just past the '>' closing the tag at i, or -1.
// Quoted attribute values may contain '>'.
func tagEnd(b []byte, i int) int {
	var quote byte
	for j := i + 1; j < len(b); j++ {
		c := b[j]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return j + 1
		}
	}
	return -1
}
