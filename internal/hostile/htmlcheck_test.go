package hostile

import (
	"fmt"
	"html"
	"strings"
	"unicode/utf8"
)

// voidElements never have an end tag.
var voidElements = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true,
}

// allowedElements are the elements brief's templates, its SVG timeline and
// goldmark (with the extensions brief enables) write. Anything else in a
// page is article text that became markup.
var allowedElements = map[string]bool{
	"html": true, "head": true, "meta": true, "title": true, "link": true, "body": true, "style": true,
	"a": true, "header": true, "nav": true, "main": true, "footer": true, "article": true, "section": true,
	"aside": true, "p": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"time": true, "ul": true, "ol": true, "li": true, "span": true, "div": true, "figure": true,
	"figcaption": true, "code": true, "pre": true, "em": true, "strong": true, "blockquote": true,
	"table": true, "thead": true, "tbody": true, "tr": true, "th": true, "td": true, "hr": true, "br": true,
	"del": true, "input": true, "sup": true, "sub": true, "dl": true, "dt": true, "dd": true, "img": true,
	"small": true, "abbr": true, "cite": true, "q": true, "mark": true,
	// search and the timeline filter
	"form": true, "label": true, "button": true, "noscript": true, "select": true, "option": true,
	// the theme's own scripts, by src only: see ownScript
	"script": true,
	// the SVG timeline
	"svg": true, "g": true, "line": true, "circle": true, "rect": true, "text": true, "path": true,
	"polyline": true, "tspan": true, "desc": true,
}

// urlAttrs hold URLs; a script scheme in any of them runs code.
var urlAttrs = map[string]bool{
	"href": true, "src": true, "action": true, "formaction": true, "xlink:href": true, "poster": true,
	"srcset": true, "cite": true, "background": true, "data": true, "ping": true, "manifest": true,
}

// checkHTML parses page at the tokenizer level and returns its problems:
// invalid UTF-8, a `<` or `&` that is not markup, unbalanced or unknown
// elements, unquoted or script-bearing attributes, any script at all.
// A fragment (feed content) need not be a whole document.
func checkHTML(page string, fragment bool) []string {
	var probs []string
	add := func(off int, format string, args ...any) {
		if len(probs) < 20 {
			probs = append(probs, fmt.Sprintf("offset %d (%s): %s", off, around(page, off), fmt.Sprintf(format, args...)))
		}
	}
	if !utf8.ValidString(page) {
		add(0, "invalid UTF-8")
	}
	var stack []string
	i := 0
	for i < len(page) {
		c := page[i]
		switch {
		case c == '&':
			n := entityLen(page[i:])
			if n == 0 {
				add(i, "bare & (not an entity reference)")
				n = 1
			}
			i += n
		case c != '<':
			i++
		case strings.HasPrefix(page[i:], "<!--"):
			end := strings.Index(page[i+4:], "-->")
			if end < 0 {
				add(i, "unclosed comment")
				return probs
			}
			i += 4 + end + 3
		case strings.HasPrefix(page[i:], "<!"):
			end := strings.IndexByte(page[i:], '>')
			if end < 0 {
				add(i, "unclosed <!")
				return probs
			}
			if d := strings.ToLower(page[i : i+end+1]); d != "<!doctype html>" {
				add(i, "unexpected declaration %q", d)
			}
			i += end + 1
		case strings.HasPrefix(page[i:], "</"):
			name, n := tagName(page[i+2:])
			j := i + 2 + n
			for j < len(page) && isSpace(page[j]) {
				j++
			}
			if name == "" || j >= len(page) || page[j] != '>' {
				add(i, "malformed end tag")
				i += 2
				continue
			}
			switch {
			case len(stack) == 0:
				add(i, "</%s> with nothing open", name)
			case stack[len(stack)-1] != name:
				add(i, "</%s> closes <%s>", name, stack[len(stack)-1])
				// recover: pop to the matching element if there is one
				for k := len(stack) - 1; k >= 0; k-- {
					if stack[k] == name {
						stack = stack[:k]
						break
					}
				}
			default:
				stack = stack[:len(stack)-1]
			}
			i = j + 1
		case i+1 < len(page) && isLetter(page[i+1]):
			name, n := tagName(page[i+1:])
			j, selfClose, attrs, attrProbs := attributes(page, i+1+n)
			for _, p := range attrProbs {
				add(i, "<%s>: %s", name, p)
			}
			if !allowedElements[name] {
				add(i, "unexpected element <%s> (article text read as markup?)", name)
			}
			i = j
			if name == "script" {
				if !ownScript(attrs["src"]) {
					add(i, "a script that is not the theme's own: src=%q", attrs["src"])
				}
				if !strings.HasPrefix(strings.ToLower(page[i:]), "</script>") {
					add(i, "an inline script")
				}
			}
			if name == "style" {
				end := strings.Index(strings.ToLower(page[i:]), "</style")
				if end < 0 {
					add(i, "unclosed <style>")
					return probs
				}
				i += end
				stack = append(stack, name)
				continue
			}
			if !selfClose && !voidElements[name] {
				stack = append(stack, name)
			}
		default:
			add(i, "bare < (not a tag)")
			i++
		}
	}
	if len(stack) > 0 {
		add(len(page), "unclosed elements at the end: %v", stack)
	}
	if !fragment && !strings.HasPrefix(strings.ToLower(page), "<!doctype html>") {
		add(0, "a page must start with <!DOCTYPE html>")
	}
	return probs
}

// attributes reads the attributes of a start tag from i (just after the
// name) to its '>' and returns the offset after it.
func attributes(page string, i int) (next int, selfClose bool, attrs map[string]string, probs []string) {
	attrs = map[string]string{}
	for {
		for i < len(page) && isSpace(page[i]) {
			i++
		}
		if i >= len(page) {
			return i, false, attrs, append(probs, "unclosed start tag")
		}
		if page[i] == '>' {
			return i + 1, false, attrs, probs
		}
		if strings.HasPrefix(page[i:], "/>") {
			return i + 2, true, attrs, probs
		}
		start := i
		for i < len(page) && !isSpace(page[i]) && !strings.ContainsRune("=>/\"'<`", rune(page[i])) {
			i++
		}
		name := strings.ToLower(page[start:i])
		if name == "" {
			return i + 1, false, attrs, append(probs, fmt.Sprintf("junk %q in a tag", page[i]))
		}
		if strings.HasPrefix(name, "on") {
			probs = append(probs, "event handler attribute "+name)
		}
		if i >= len(page) || page[i] != '=' {
			continue // a boolean attribute
		}
		i++
		if i >= len(page) || (page[i] != '"' && page[i] != '\'') {
			probs = append(probs, "unquoted value of "+name)
			for i < len(page) && !isSpace(page[i]) && page[i] != '>' {
				i++
			}
			continue
		}
		q := page[i]
		end := strings.IndexByte(page[i+1:], q)
		if end < 0 {
			return len(page), false, attrs, append(probs, "unclosed value of "+name)
		}
		raw := page[i+1 : i+1+end]
		i += end + 2
		if strings.ContainsAny(raw, "<>") {
			probs = append(probs, fmt.Sprintf("unescaped < or > in %s=%q", name, raw))
		}
		val := html.UnescapeString(raw)
		attrs[name] = val
		if urlAttrs[name] && scriptURL(val) {
			probs = append(probs, fmt.Sprintf("script URL in %s=%q", name, raw))
		}
		if name == "style" && strings.Contains(strings.ToLower(val), "expression(") {
			probs = append(probs, "style with expression()")
		}
		if name == "http-equiv" && strings.EqualFold(strings.TrimSpace(val), "refresh") {
			probs = append(probs, "meta refresh")
		}
	}
}

// ownScript reports whether src is one of the theme's scripts on this
// site: a path (no scheme, no host) under theme/ ending in .js.
func ownScript(src string) bool {
	return src != "" && !strings.Contains(src, ":") && !strings.HasPrefix(src, "//") &&
		strings.Contains(src, "theme/") && strings.HasSuffix(src, ".js") && !strings.ContainsAny(src, "?#\\")
}

// scriptURL reports whether a URL would run code or inline a document,
// the way a browser reads it: ASCII whitespace and controls inside the
// scheme are ignored, case does not matter.
func scriptURL(u string) bool {
	var b strings.Builder
	for _, r := range u {
		if r <= ' ' || r == 0x7f {
			continue
		}
		b.WriteRune(r)
		if b.Len() > 16 {
			break
		}
	}
	s := strings.ToLower(b.String())
	for _, bad := range []string{"javascript:", "vbscript:", "data:", "livescript:"} {
		if strings.HasPrefix(s, bad) {
			return true
		}
	}
	return false
}

// entityLen is the length of the character reference at the start of s,
// or 0 when s does not start with one.
func entityLen(s string) int {
	i := 1
	switch {
	case strings.HasPrefix(s, "&#x") || strings.HasPrefix(s, "&#X"):
		i = 3
		for i < len(s) && strings.IndexByte("0123456789abcdefABCDEF", s[i]) >= 0 {
			i++
		}
		if i == 3 {
			return 0
		}
	case strings.HasPrefix(s, "&#"):
		i = 2
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == 2 {
			return 0
		}
	default:
		for i < len(s) && (isLetter(s[i]) || s[i] >= '0' && s[i] <= '9') {
			i++
		}
		if i == 1 {
			return 0
		}
	}
	if i < len(s) && s[i] == ';' {
		return i + 1
	}
	return 0
}

func tagName(s string) (string, int) {
	i := 0
	for i < len(s) && (isLetter(s[i]) || s[i] >= '0' && s[i] <= '9' || s[i] == '-' || s[i] == ':') {
		i++
	}
	return strings.ToLower(s[:i]), i
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isSpace(c byte) bool  { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// around shows a little of page around off, for messages.
func around(page string, off int) string {
	lo, hi := max(0, off-30), min(len(page), off+50)
	for lo > 0 && !utf8.RuneStart(page[lo]) {
		lo--
	}
	for hi < len(page) && !utf8.RuneStart(page[hi]) {
		hi++
	}
	return fmt.Sprintf("%q", page[lo:hi])
}
