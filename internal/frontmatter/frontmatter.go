// Package frontmatter reads and writes TOML documents strictly: the `+++`
// front matter of articles and briefings, and site.toml.
//
// It is the only importer of github.com/BurntSushi/toml. Decoding is
// strict: a key the target struct does not have is an error naming the key
// and its line, and so is a value of the wrong type; syntax errors carry
// their line too. Line numbers are 1-based in the file, counting the
// lines before the TOML text (firstLine-1 of them).
package frontmatter

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"strings"

	"github.com/BurntSushi/toml"
)

// Delim is the line that opens and closes front matter.
const Delim = "+++"

// Error is a decoding error at a line of a file.
type Error struct {
	File string
	Line int // 1-based; 0 when unknown
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// Split finds front matter at the start of src (after optional blank space
// and a byte order mark): a line "+++", TOML, a line "+++". It returns the
// TOML bytes, the 1-based line where the TOML starts, and the byte offset
// where the body starts. ok is false when src does not open with "+++";
// err is set when it opens but never closes.
func Split(file string, src []byte) (fm []byte, fmLine, body int, ok bool, err error) {
	i := 0
	if bytes.HasPrefix(src, []byte("\uFEFF")) {
		i = 3
	}
	line := 1
	for i < len(src) && (src[i] == '\n' || src[i] == '\r' || src[i] == ' ' || src[i] == '\t') {
		if src[i] == '\n' {
			line++
		}
		i++
	}
	if !bytes.HasPrefix(src[i:], []byte(Delim)) || !isLineEnd(src, i+len(Delim)) {
		return nil, 0, 0, false, nil
	}
	open := line
	start := skipLine(src, i)
	line++
	for j := start; j < len(src); j = skipLine(src, j) {
		if bytes.HasPrefix(src[j:], []byte(Delim)) && isLineEnd(src, j+len(Delim)) {
			return src[start:j], open + 1, skipLine(src, j), true, nil
		}
		line++
	}
	return nil, 0, 0, true, &Error{file, open, "front matter opened with +++ is never closed"}
}

func isLineEnd(src []byte, i int) bool {
	for i < len(src) && (src[i] == ' ' || src[i] == '\t' || src[i] == '\r') {
		i++
	}
	return i == len(src) || src[i] == '\n'
}

func skipLine(src []byte, i int) int {
	j := bytes.IndexByte(src[i:], '\n')
	if j < 0 {
		return len(src)
	}
	return i + j + 1
}

// Decode decodes TOML text into v strictly. firstLine is the file line on
// which data starts (1 for a whole file).
func Decode(file string, data []byte, firstLine int, v any) error {
	md, err := toml.Decode(string(data), v)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			msg := pe.Message
			if pe.LastKey != "" && !strings.Contains(msg, pe.LastKey) {
				msg = fmt.Sprintf("%s (key %q)", msg, pe.LastKey)
			}
			return &Error{file, pe.Position.Line + firstLine - 1, msg}
		}
		return &Error{file, firstLine, typeErrorText(err)}
	}
	if und := md.Undecoded(); len(und) > 0 {
		k := und[0]
		return &Error{file, keyLine(data, k) + firstLine - 1, fmt.Sprintf("unknown key %q", k.String())}
	}
	// The library matches keys to fields ignoring case; brief's keys are
	// exact, so that a misspelt key never passes.
	for _, k := range md.Keys() {
		if want, ok := exactKey(reflect.TypeOf(v), k); !ok {
			return &Error{file, keyLine(data, k) + firstLine - 1, fmt.Sprintf("unknown key %q (did you mean %q?)", k.String(), want)}
		}
	}
	return nil
}

// exactKey reports whether every part of key k names a field of t by its
// exact toml tag; if not, it returns the tag the wrong part matched.
func exactKey(t reflect.Type, k toml.Key) (string, bool) {
	for _, part := range k {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct {
			return "", true // a map or a value: its keys are free
		}
		var next reflect.Type
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
			if name == "" {
				name = f.Name
			}
			if name == part {
				next = f.Type
				break
			}
			if strings.EqualFold(name, part) {
				return name, false
			}
		}
		if next == nil {
			return "", true // left to Undecoded
		}
		t = next
	}
	return "", true
}

// typeErrorText trims the library's prefix from a decoding error.
func typeErrorText(err error) string {
	return strings.TrimPrefix(err.Error(), "toml: ")
}

// keyLine returns the 1-based line in data where key k is set, or 1.
func keyLine(data []byte, k toml.Key) int {
	last := k[len(k)-1]
	table := strings.Join(k[:len(k)-1], ".")
	cur := ""
	for n, line := range strings.Split(string(data), "\n") {
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "[") {
			cur = strings.Trim(t, "[] ")
			if cur == strings.Join(k, ".") {
				return n + 1
			}
			continue
		}
		name, _, found := strings.Cut(t, "=")
		if found && cur == table && strings.Trim(strings.TrimSpace(name), `"'`) == last {
			return n + 1
		}
	}
	return 1
}

// Encode returns v as TOML text, keys in struct order.
func Encode(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := toml.NewEncoder(&b)
	enc.Indent = ""
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
