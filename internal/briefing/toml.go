package briefing

// This file writes a briefing's front matter by hand. It exists because
// github.com/BurntSushi/toml's reflection-based encoder, behind
// frontmatter.Encode, was 83% of Marshal's CPU: about 1.2 s of a cold
// 10,000-article build, and 484 µs, 1871 allocations per Marshal of the seed
// briefing. The bytes are BurntSushi's (v1.6.0, Indent ""), rule for rule:
//
//   - top-level keys first, in field order, then the non-empty arrays of
//     tables in field order; omitempty skips empty strings and slices (nil
//     or not) and a false bool;
//   - each table is a blank line, `[[key]]`, then its keys, unindented;
//   - strings in double quotes with `"` and `\` backslash-escaped, \b \t \n
//     \f \r, the other bytes below 0x20 and DEL as \u00XX, and every other
//     byte (non-ASCII, invalid UTF-8) as it is;
//   - ints in decimal; floats as strconv 'g' shortest, with ".0" added when
//     there is neither '.' nor 'e', and nan, inf, -nan, -inf.
//
// The tests hold it to frontmatter.Encode's bytes: every briefing of the
// site, a fuzz target (FuzzFrontMatterEncode), and a Briefing whose every
// field is set by reflection, so that a field added to a type but not here
// fails them.

import (
	"math"
	"strconv"
)

// appendFrontMatter appends b's front matter, as TOML, to dst.
func appendFrontMatter(dst []byte, b *Briefing) []byte {
	return appendTables(appendKeys(dst, b), b)
}

// appendKeys appends b's top-level keys, up to and including `generated`.
func appendKeys(dst []byte, b *Briefing) []byte {
	dst = appendString(dst, "title", b.Title)
	dst = appendString(dst, "date", b.Date)
	dst = appendString(dst, "slug", b.Slug)
	dst = appendString(dst, "source", b.Source)
	dst = appendString(dst, "source_hash", b.SourceHash)
	dst = appendStringOmit(dst, "url", b.URL)
	dst = appendStringOmit(dst, "credit", b.Credit)
	dst = appendStringOmit(dst, "license", b.License)
	dst = appendStringsOmit(dst, "tags", b.Tags)
	if b.Draft {
		dst = append(dst, "draft = true\n"...)
	}
	dst = appendStringOmit(dst, "generator", b.Generator)
	dst = appendStringOmit(dst, "generated", b.Generated)
	return dst
}

// appendTables appends b's arrays of tables, [[summary]] to [[figures]].
func appendTables(dst []byte, b *Briefing) []byte {
	for _, s := range b.Summary {
		dst = append(dst, "\n[[summary]]\n"...)
		dst = appendString(dst, "text", s.Text)
		dst = appendInt(dst, "sentence", s.Sentence)
	}
	for _, a := range b.Actors {
		dst = append(dst, "\n[[actors]]\n"...)
		dst = appendString(dst, "name", a.Name)
		dst = appendString(dst, "kind", a.Kind)
		dst = appendStringOmit(dst, "role", a.Role)
		dst = appendStringsOmit(dst, "aliases", a.Aliases)
		dst = appendFloat(dst, "salience", a.Salience)
		dst = appendInt(dst, "mentions", a.Mentions)
		dst = appendInt(dst, "sentence", a.Sentence)
	}
	for _, e := range b.Timeline {
		dst = append(dst, "\n[[timeline]]\n"...)
		dst = appendString(dst, "value", e.Value)
		dst = appendString(dst, "display", e.Display)
		dst = appendString(dst, "text", e.Text)
		dst = appendInt(dst, "sentence", e.Sentence)
	}
	for _, q := range b.Quotes {
		dst = append(dst, "\n[[quotes]]\n"...)
		dst = appendString(dst, "speaker", q.Speaker)
		dst = appendString(dst, "text", q.Text)
		dst = appendInt(dst, "sentence", q.Sentence)
	}
	for _, f := range b.Figures {
		dst = append(dst, "\n[[figures]]\n"...)
		dst = appendString(dst, "text", f.Text)
		dst = appendInt(dst, "sentence", f.Sentence)
	}
	return dst
}

func appendKey(dst []byte, key string) []byte {
	return append(append(dst, key...), " = "...)
}

func appendString(dst []byte, key, s string) []byte {
	return append(appendQuoted(appendKey(dst, key), s), '\n')
}

func appendStringOmit(dst []byte, key, s string) []byte {
	if s == "" {
		return dst
	}
	return appendString(dst, key, s)
}

func appendStringsOmit(dst []byte, key string, ss []string) []byte {
	if len(ss) == 0 {
		return dst
	}
	dst = append(appendKey(dst, key), '[')
	for i, s := range ss {
		if i > 0 {
			dst = append(dst, ", "...)
		}
		dst = appendQuoted(dst, s)
	}
	return append(dst, "]\n"...)
}

func appendInt(dst []byte, key string, n int) []byte {
	return append(strconv.AppendInt(appendKey(dst, key), int64(n), 10), '\n')
}

func appendFloat(dst []byte, key string, f float64) []byte {
	dst = appendKey(dst, key)
	switch {
	case math.IsNaN(f), math.IsInf(f, 0):
		if math.Signbit(f) {
			dst = append(dst, '-')
		}
		if math.IsNaN(f) {
			dst = append(dst, "nan"...)
		} else {
			dst = append(dst, "inf"...)
		}
	default:
		start := len(dst)
		dst = strconv.AppendFloat(dst, f, 'g', -1, 64)
		point := false
		for _, c := range dst[start:] {
			if c == '.' || c == 'e' {
				point = true
				break
			}
		}
		if !point {
			dst = append(dst, ".0"...)
		}
	}
	return append(dst, '\n')
}

// appendQuoted appends s as a TOML basic string, escaped byte by byte as
// BurntSushi's encoder does.
func appendQuoted(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c != 0x7f {
			continue
		}
		dst = append(dst, s[start:i]...)
		start = i + 1
		switch c {
		case '"', '\\':
			dst = append(dst, '\\', c)
		case '\b':
			dst = append(dst, `\b`...)
		case '\t':
			dst = append(dst, `\t`...)
		case '\n':
			dst = append(dst, `\n`...)
		case '\f':
			dst = append(dst, `\f`...)
		case '\r':
			dst = append(dst, `\r`...)
		default:
			const hex = "0123456789abcdef"
			dst = append(dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
		}
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// frontMatterSize estimates the length of b's front matter, for
// allocating once: a key with its number or quotes takes at most 32 bytes,
// and an eighth more is allowed for escapes in the strings (appending
// grows the buffer if there are more).
func frontMatterSize(b *Briefing) int {
	n := 0
	add := func(ss ...string) {
		for _, s := range ss {
			n += 32 + len(s) + len(s)/8
		}
	}
	add(b.Title, b.Date, b.Slug, b.Source, b.SourceHash, b.URL, b.Credit, b.License, b.Generator, b.Generated)
	add(b.Tags...)
	n += 32
	for _, s := range b.Summary {
		add(s.Text, "")
	}
	for _, a := range b.Actors {
		add(a.Name, a.Kind, a.Role, "", "", "", "")
		add(a.Aliases...)
	}
	for _, e := range b.Timeline {
		add(e.Value, e.Display, e.Text, "")
	}
	for _, q := range b.Quotes {
		add(q.Speaker, q.Text, "")
	}
	for _, f := range b.Figures {
		add(f.Text, "")
	}
	return n
}
