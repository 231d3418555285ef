// Package binfmt is the plain binary layout of brief's cache files (the
// output state, the parsed briefings): values are written one after the
// other with no names or types, in an order both sides know.
//
//	unsigned integer   uvarint (encoding/binary)
//	signed integer     varint (zig-zag, encoding/binary)
//	bool               one byte, 0 or 1
//	float64            its IEEE 754 bits, 8 bytes little-endian
//	string             uvarint length, then the bytes
//	fixed byte array   the bytes
//
// encoding/gob reflects over every value and allocates every string on
// its own; this layout costs a few nanoseconds a value. A Reader reads
// from one string and returns substrings of it: reading a file's strings
// allocates the file once.
//
// A Reader never panics: a short or malformed input makes Err non-nil,
// and from then on every read returns the zero value. A layout change
// must change the version its user writes first.
package binfmt

import (
	"encoding/binary"
	"errors"
	"math"
	"unsafe"
)

// ErrMalformed is the error of a Reader whose input ended early or held
// a value out of range.
var ErrMalformed = errors.New("malformed binary data")

// AppendUvarint appends v.
func AppendUvarint(b []byte, v uint64) []byte { return binary.AppendUvarint(b, v) }

// AppendVarint appends v, zig-zag encoded.
func AppendVarint(b []byte, v int64) []byte { return binary.AppendVarint(b, v) }

// AppendInt appends an int as a varint.
func AppendInt(b []byte, v int) []byte { return binary.AppendVarint(b, int64(v)) }

// AppendString appends s, length first.
func AppendString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

// AppendBool appends one byte: 1 for true.
func AppendBool(b []byte, v bool) []byte {
	if v {
		return append(b, 1)
	}
	return append(b, 0)
}

// AppendFloat appends v's bits.
func AppendFloat(b []byte, v float64) []byte {
	return binary.LittleEndian.AppendUint64(b, math.Float64bits(v))
}

// Reader reads values in the order they were appended.
type Reader struct {
	s   string
	err error
}

// NewReader reads data, copied once: strings read are substrings of the
// copy, so data may be reused.
func NewReader(data []byte) *Reader { return &Reader{s: string(data)} }

// OwnReader reads data without copying it: the strings read share its
// memory, so data must never be written again (a file just read, say).
// Copying a 22 MB cache file cost 0.16 s of CPU, mostly in fresh pages.
func OwnReader(data []byte) *Reader {
	if len(data) == 0 {
		return &Reader{}
	}
	return &Reader{s: unsafe.String(&data[0], len(data))}
}

// Err is ErrMalformed once a read failed.
func (r *Reader) Err() error { return r.err }

// Len is how many bytes are left.
func (r *Reader) Len() int { return len(r.s) }

func (r *Reader) fail() { r.err, r.s = ErrMalformed, "" }

// Uvarint reads an unsigned integer.
func (r *Reader) Uvarint() uint64 {
	var v uint64
	for i := 0; i < len(r.s) && i < binary.MaxVarintLen64; i++ {
		c := r.s[i]
		if i == binary.MaxVarintLen64-1 && c > 1 {
			break // overflows 64 bits
		}
		v |= uint64(c&0x7f) << (7 * i)
		if c < 0x80 {
			r.s = r.s[i+1:]
			return v
		}
	}
	r.fail()
	return 0
}

// Varint reads a zig-zag signed integer.
func (r *Reader) Varint() int64 {
	u := r.Uvarint()
	return int64(u>>1) ^ -int64(u&1)
}

// Int reads what AppendInt wrote; a value beyond int is malformed.
func (r *Reader) Int() int {
	v := r.Varint()
	if int64(int(v)) != v {
		r.fail()
		return 0
	}
	return int(v)
}

// Count reads a length of a list whose items take at least min bytes
// each: a length the rest of the input cannot hold is malformed, so a
// corrupt length never allocates more than the input's size.
func (r *Reader) Count(min int) int {
	n := r.Uvarint()
	if n > uint64(len(r.s)/max(min, 1)) {
		r.fail()
		return 0
	}
	return int(n)
}

// String reads a string: a substring of the input, not a copy.
func (r *Reader) String() string {
	n := r.Uvarint()
	if n > uint64(len(r.s)) {
		r.fail()
		return ""
	}
	s := r.s[:n]
	r.s = r.s[n:]
	return s
}

// Bool reads one byte, 0 or 1.
func (r *Reader) Bool() bool {
	if len(r.s) == 0 || r.s[0] > 1 {
		r.fail()
		return false
	}
	v := r.s[0] == 1
	r.s = r.s[1:]
	return v
}

// Float reads a float64's bits.
func (r *Reader) Float() float64 {
	if len(r.s) < 8 {
		r.fail()
		return 0
	}
	var u uint64
	for i := 7; i >= 0; i-- {
		u = u<<8 | uint64(r.s[i])
	}
	r.s = r.s[8:]
	return math.Float64frombits(u)
}

// Fixed fills dst with the next len(dst) bytes.
func (r *Reader) Fixed(dst []byte) {
	if len(r.s) < len(dst) {
		r.fail()
		return
	}
	copy(dst, r.s)
	r.s = r.s[len(dst):]
}
