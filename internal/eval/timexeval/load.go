// Package timexeval scores a time-expression tagger as TempEval-3 Task A
// does: extent match strict (same span) and relaxed (overlap), P/R/F1;
// value accuracy over relaxed matches; value F1 = relaxed F1 × value
// accuracy, overall and per TIMEX3 type, with the worst documents and the
// most frequent kinds of error.
//
// Data (../shared/eval/timex/<set>/): plain/<doc>.txt in the article input
// form (`date YYYY-MM-DD`, a blank line, the body), docs.jsonl (doc, dct)
// and gold_timex.jsonl (doc, text, type, value, start, end), whose offsets
// are code-point offsets into the body. A MEANTIME folder, whose texts
// live in ../../corpus/wikinews and whose gold covers only the headline
// and the first sentences (docs.jsonl max_annotated_sentence), is read as
// well: only those lines are scored.
package timexeval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"time"
	"unicode/utf8"
)

// Span is one annotated or found expression; offsets are bytes into Doc.Src.
type Span struct {
	Start, End  int
	Text        string
	Type, Value string
}

// Doc is one evaluation document.
type Doc struct {
	Name      string
	DCT       time.Time
	Src       []byte // the whole file
	BodyStart int    // byte offset of the body in Src
	// Scored is the byte range scored; system spans outside it are
	// ignored (MEANTIME annotates only the first sentences).
	ScoredStart, ScoredEnd int
	skipStart, skipEnd     int // a byte range inside the scored one that is not scored
	Gold                   []Span
}

type docLine struct {
	Doc     string `json:"doc"`
	DCT     string `json:"dct"`
	MaxSent *int   `json:"max_annotated_sentence"`
}

type goldLine struct {
	Doc   string `json:"doc"`
	Text  string `json:"text"`
	Type  string `json:"type"`
	Value string `json:"value"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Load reads one evaluation folder.
func Load(dir string) ([]Doc, error) {
	var metas []docLine
	if err := readJSONL(filepath.Join(dir, "docs.jsonl"), func(b []byte) error {
		var d docLine
		err := json.Unmarshal(b, &d)
		metas = append(metas, d)
		return err
	}); err != nil {
		return nil, err
	}
	gold := map[string][]goldLine{}
	if err := readJSONL(filepath.Join(dir, "gold_timex.jsonl"), func(b []byte) error {
		var g goldLine
		err := json.Unmarshal(b, &g)
		gold[g.Doc] = append(gold[g.Doc], g)
		return err
	}); err != nil {
		return nil, err
	}
	var docs []Doc
	for _, m := range metas {
		path := filepath.Join(dir, "plain", m.Doc+".txt")
		if _, err := os.Stat(path); err != nil {
			path = filepath.Join(dir, "..", "..", "..", "corpus", "wikinews", m.Doc+".txt")
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		dct, err := time.Parse("2006-01-02", m.DCT)
		if err != nil {
			return nil, fmt.Errorf("%s: doc %s: bad dct %q", filepath.Join(dir, "docs.jsonl"), m.Doc, m.DCT)
		}
		d := Doc{Name: m.Doc, DCT: dct, Src: src, BodyStart: bodyStart(src)}
		d.ScoredStart, d.ScoredEnd = d.BodyStart, len(src)
		if m.MaxSent != nil {
			d.ScoredEnd = lineEnd(src, d.BodyStart, *m.MaxSent)
			// the dateline (body line 1) is the creation time, not a mention
			if s, e := lineRange(src, d.BodyStart, 1); e > s {
				d.ScoredStart = d.BodyStart
				d.Gold = nil
				d.skipStart, d.skipEnd = s, e
			}
		}
		offs := codePointOffsets(src[d.BodyStart:])
		for _, g := range gold[m.Doc] {
			if g.Start < 0 || g.End > len(offs)-1 || g.Start >= g.End {
				return nil, fmt.Errorf("%s: doc %s: gold span %d-%d out of range", dir, m.Doc, g.Start, g.End)
			}
			d.Gold = append(d.Gold, Span{Start: d.BodyStart + offs[g.Start], End: d.BodyStart + offs[g.End], Text: g.Text, Type: g.Type, Value: g.Value})
		}
		sort.Slice(d.Gold, func(a, b int) bool { return d.Gold[a].Start < d.Gold[b].Start })
		docs = append(docs, d)
	}
	return docs, nil
}

// InScope reports whether a system span at [start, end) is scored.
func (d *Doc) InScope(start, end int) bool {
	if start < d.ScoredStart || end > d.ScoredEnd {
		return false
	}
	return !(d.skipEnd > d.skipStart && start < d.skipEnd && end > d.skipStart)
}

func readJSONL(path string, f func([]byte) error) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for n := 1; sc.Scan(); n++ {
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		if err := f(sc.Bytes()); err != nil {
			return fmt.Errorf("%s:%d: %v", path, n, err)
		}
	}
	return sc.Err()
}

// bodyStart returns the offset after the `date` line and the blank line.
func bodyStart(src []byte) int {
	i := bytes.IndexByte(src, '\n')
	if i < 0 {
		return len(src)
	}
	j := bytes.IndexByte(src[i+1:], '\n')
	if j < 0 {
		return len(src)
	}
	return i + 1 + j + 1
}

// lineRange returns the byte range of body line n (0-based).
func lineRange(src []byte, body, n int) (int, int) {
	s := body
	for k := 0; k < n; k++ {
		j := bytes.IndexByte(src[s:], '\n')
		if j < 0 {
			return len(src), len(src)
		}
		s += j + 1
	}
	e := bytes.IndexByte(src[s:], '\n')
	if e < 0 {
		return s, len(src)
	}
	return s, s + e
}

// lineEnd returns the end of body line n.
func lineEnd(src []byte, body, n int) int {
	_, e := lineRange(src, body, n)
	return e
}

// codePointOffsets maps code-point index to byte offset (one past the end too).
func codePointOffsets(b []byte) []int {
	offs := make([]int, 0, len(b)+1)
	for i := 0; i < len(b); {
		offs = append(offs, i)
		_, w := utf8.DecodeRune(b[i:])
		i += w
	}
	return append(offs, len(b))
}
