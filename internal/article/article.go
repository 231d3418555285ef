// Package article reads a source article file into an Article.
//
// Two forms are accepted (DESIGN.md §2):
//
//  1. Plain text. An optional header: a line `date YYYY-MM-DD` (leading
//     space allowed; the body may continue on the same line, as scraped
//     articles often do), then optional lines `title ...`, `source ...`,
//     `url ...`, `license ...`, `tags a, b` and `draft true`, then the body.
//  2. TOML front matter between `+++` lines with the keys title, date,
//     source, url, license, tags and draft, then the body. Unknown keys are errors.
//
// Paragraphs are separated by blank lines (see package text for the rest).
// With no title in the header, a short first line that does not end like
// a sentence (Wikinews style) is the title and not part of the body;
// failing that, a title is derived from the lead sentence. With no date in
// the header, a `YYYY-MM-DD-` prefix of the file name gives it; otherwise
// the article is an error.
//
// Errors are *Error values naming the file and line. Parse never panics:
// empty, binary, invalid UTF-8 and oversized input are errors.
package article

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"time"
)

// MaxSize is the largest article accepted, in bytes.
const MaxSize = 4 << 20

// Article is one parsed source file.
type Article struct {
	Path         string    // as given to Parse (slash-separated, relative to the site)
	Src          []byte    // the file as it is on disk
	Hash         string    // hex SHA-256 of Src
	Date         time.Time // publication date, midnight UTC
	Title        string
	TitleDerived bool // Title was derived from the lead, not written by the author
	Source       string
	URL          string
	License      string // licence of the text, e.g. "CC BY 2.5", shown with the credit
	Tags         []string
	Draft        bool
	Body         int      // byte offset in Src where the body starts
	BodyLine     int      // 1-based line of Body
	Warnings     []string // file:line problems that did not stop the article (a url that is not http(s) is left out)
}

// Error is a problem with an article file at a line.
type Error struct {
	Path string
	Line int // 0 when the whole file is at fault
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.Path, e.Msg)
}

// HashOf returns the hex SHA-256 of b, as Article.Hash.
func HashOf(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}
