package briefing

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"
	"unicode/utf8"

	"brief/internal/frontmatter"
)

const generatedKey = "generated = "

// Marshal returns the briefing file: front matter, a blank line, b.Body.
// b.Generated is ignored and replaced by the hash of what is written.
// The front matter is written by appendFrontMatter (toml.go), which the
// tests hold to frontmatter.Encode's bytes.
func Marshal(b *Briefing) ([]byte, error) {
	c := *b
	c.Generated = ""
	body := strings.TrimLeft(b.Body, "\n")
	// The file less its generated line, with room for that line.
	const lineLen = len(generatedKey) + len(`"sha256:"`) + 2*sha256.Size + 1
	out := make([]byte, 0, 2*len(frontmatter.Delim)+3+lineLen+len(body)+frontMatterSize(&c))
	out = append(out, frontmatter.Delim+"\n"...)
	out = appendKeys(out, &c)
	// The hash goes after the last top-level key, before any table.
	end := len(out)
	out = appendTables(out, &c)
	out = append(out, frontmatter.Delim+"\n\n"...)
	out = append(out, body...)
	sum := sha256.Sum256(out)
	var line [lineLen]byte
	l := hex.AppendEncode(append(line[:0], generatedKey+`"sha256:`...), sum[:])
	l = append(l, '"', '\n')
	out = append(out, l...) // room for the line; move the rest up over it
	copy(out[end+lineLen:], out[end:len(out)-lineLen])
	copy(out[end:], l)
	return out, nil
}

// Parse reads a briefing file. Errors name the file and line.
func Parse(file string, src []byte) (*Briefing, error) {
	if !utf8.Valid(src) {
		return nil, &frontmatter.Error{File: file, Line: invalidLine(src), Msg: "invalid UTF-8; save the file as UTF-8"}
	}
	fm, line, body, ok, err := frontmatter.Split(file, src)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, &frontmatter.Error{File: file, Line: 1, Msg: "a briefing starts with +++ front matter"}
	}
	b := &Briefing{}
	if err := frontmatter.Decode(file, fm, line, b); err != nil {
		return nil, err
	}
	if b.Title == "" {
		return nil, &frontmatter.Error{File: file, Line: line, Msg: "briefing has no title"}
	}
	b.Body = strings.TrimPrefix(string(src[body:]), "\n")
	return b, nil
}

// Edited reports whether the briefing file src was changed since brief
// wrote it: its `generated` line is missing or no longer matches.
func Edited(src []byte) bool {
	i := bytes.Index(src, []byte("\n"+generatedKey))
	if i < 0 {
		return true
	}
	start := i + 1
	end := bytes.IndexByte(src[start:], '\n')
	if end < 0 {
		return true
	}
	end += start + 1
	val := bytes.Trim(bytes.TrimSpace(src[start+len(generatedKey):end]), `"`)
	want, ok := bytes.CutPrefix(val, []byte("sha256:"))
	if !ok || len(want) != 2*sha256.Size {
		return true
	}
	// The hash of the file without that line, without copying it.
	h := sha256.New()
	h.Write(src[:start])
	h.Write(src[end:])
	var sum [sha256.Size]byte
	var got [2 * sha256.Size]byte
	hex.Encode(got[:], h.Sum(sum[:0]))
	return !bytes.Equal(got[:], want)
}

// invalidLine is the line of the first byte that is not UTF-8.
func invalidLine(src []byte) int {
	for i := 0; i < len(src); {
		r, w := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && w == 1 {
			return bytes.Count(src[:i], []byte("\n")) + 1
		}
		i += w
	}
	return 1
}

// Written returns what Parse returns for data = Marshal(b), without
// parsing: b with its Generated hash and Body as Parse reads them back.
// Builds use it for the briefings they have just written.
func Written(b *Briefing, data []byte) *Briefing {
	c := *b
	c.Generated = ""
	if i := bytes.Index(data, []byte("\n"+generatedKey)); i >= 0 {
		line := data[i+1+len(generatedKey):]
		if j := bytes.IndexByte(line, '\n'); j >= 0 {
			line = line[:j]
		}
		c.Generated = strings.Trim(string(line), `"`)
	}
	c.Body = strings.TrimLeft(b.Body, "\n")
	// TOML has no empty list: an empty one reads back as none.
	c.Actors = slices.Clone(c.Actors)
	for i := range c.Actors {
		if len(c.Actors[i].Aliases) == 0 {
			c.Actors[i].Aliases = nil
		}
	}
	return &c
}
