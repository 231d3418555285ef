package ner

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"sort"
)

const magic = "BRNER1"

// Write writes the model in its compact format: gzip of magic, vocabulary
// (count, then length-prefixed word and class), gazetteer (max length,
// count, then sorted 64-bit key and type mask), then the two stages (each:
// transition weights, feature count, then sorted 32-bit key, 17-bit mask of
// non-zero tags and those int16 weights). The output is deterministic.
func (m *Model) Write(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	put := func(v any) { binary.Write(bw, binary.LittleEndian, v) }
	bw.WriteString(magic)

	words := make([]string, 0, len(m.Vocab))
	for w := range m.Vocab {
		if len(w) < 256 {
			words = append(words, w)
		}
	}
	sort.Strings(words)
	put(uint32(len(words)))
	for _, w := range words {
		bw.WriteByte(byte(len(w)))
		bw.WriteString(w)
		bw.WriteByte(m.Vocab[w])
	}

	keys := make([]uint64, 0, len(m.Gaz.Names))
	for k := range m.Gaz.Names {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	put(uint32(m.Gaz.MaxLen))
	put(uint32(len(keys)))
	for _, k := range keys {
		put(k)
		bw.WriteByte(m.Gaz.Names[k])
	}

	for _, ws := range []*weights{m.stage1, m.stage2} {
		if ws == nil {
			ws = newWeights(0)
		}
		put(ws.trans)
		fk := ws.keys()
		sort.Slice(fk, func(i, j int) bool { return fk[i] < fk[j] })
		put(uint32(len(fk)))
		for _, k := range fk {
			row := ws.row(k)
			var mask uint32
			for t, v := range row {
				if v != 0 {
					mask |= 1 << t
				}
			}
			put(k)
			put(mask)
			for _, v := range row {
				if v != 0 {
					put(v)
				}
			}
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// Read reads a model written by Write.
func Read(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("ner model: %w", err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("ner model: %w", err)
	}
	m, ok := parse(data)
	if !ok {
		return nil, errors.New("ner model: malformed")
	}
	return m, nil
}

// reader is a cursor over the decompressed model; a read past the end
// sets bad and returns zeros.
type reader struct {
	b   []byte
	bad bool
}

func (r *reader) take(n int) []byte {
	if n < 0 || n > len(r.b) {
		r.bad = true
		r.b = nil
		return make([]byte, max(n, 0))
	}
	p := r.b[:n]
	r.b = r.b[n:]
	return p
}

func (r *reader) u8() uint8   { return r.take(1)[0] }
func (r *reader) u16() uint16 { return binary.LittleEndian.Uint16(r.take(2)) }
func (r *reader) u32() uint32 { return binary.LittleEndian.Uint32(r.take(4)) }
func (r *reader) u64() uint64 { return binary.LittleEndian.Uint64(r.take(8)) }

func parse(data []byte) (*Model, bool) {
	r := &reader{b: data}
	if string(r.take(len(magic))) != magic {
		return nil, false
	}
	m := &Model{}
	n := r.u32()
	if n > uint32(len(r.b)) {
		return nil, false
	}
	m.Vocab = make(map[string]uint8, n)
	for i := uint32(0); i < n && !r.bad; i++ {
		l := int(r.u8())
		w := string(r.take(l))
		m.Vocab[w] = r.u8()
	}
	m.Gaz.MaxLen = int(r.u32())
	n = r.u32()
	if n > uint32(len(r.b)) || m.Gaz.MaxLen > 64 {
		return nil, false
	}
	m.Gaz.Names = make(map[uint64]uint8, n)
	for i := uint32(0); i < n && !r.bad; i++ {
		k := r.u64()
		v := r.u8()
		m.Gaz.Names[k] = v
		if v&Prefix != 0 {
			m.Gaz.prefixes = true // a model written with prefix entries
		}
	}
	for s := 0; s < 2 && !r.bad; s++ {
		var trans [(NumTags + 1) * NumTags]int16
		for i := range trans {
			trans[i] = int16(r.u16())
		}
		n = r.u32()
		if n > uint32(len(r.b)) {
			return nil, false
		}
		ws := newWeights(int(n))
		ws.trans = trans
		row := make([]int16, NumTags)
		for i := uint32(0); i < n && !r.bad; i++ {
			k := r.u32()
			mask := r.u32()
			for t := range row {
				row[t] = 0
				if mask&(1<<t) != 0 {
					row[t] = int16(r.u16())
				}
			}
			if k != 0 {
				ws.insert(k, row)
			}
		}
		if s == 0 {
			m.stage1 = ws
		} else {
			m.stage2 = ws
		}
	}
	return m, !r.bad
}
