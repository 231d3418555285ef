package text

import (
	"slices"
	"unicode"
	"unicode/utf8"
)

// AppendLower appends b lower-cased to dst, as strings.ToLower does
// (invalid bytes as U+FFFD), without a string: ASCII, the usual case, is
// lowered in place in room grown once.
func AppendLower(dst, b []byte) []byte {
	n := len(dst)
	dst = slices.Grow(dst, len(b))[:n+len(b)]
	for i, c := range b {
		if c >= utf8.RuneSelf {
			return appendLowerRunes(dst[:n+i], b[i:])
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst[n+i] = c
	}
	return dst
}

// appendLowerRunes appends b lower-cased rune by rune, invalid bytes as
// U+FFFD.
func appendLowerRunes(dst, b []byte) []byte {
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, w := utf8.DecodeRune(b[i:])
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
		i += w
	}
	return dst
}
