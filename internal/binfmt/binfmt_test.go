package binfmt

import (
	"encoding/binary"
	"math"
	"testing"
)

// value is one value of every kind, written and read back in order.
type value struct {
	u  uint64
	i  int64
	n  int
	s  string
	b  bool
	f  float64
	fx [4]byte
}

func (v value) append(b []byte) []byte {
	b = AppendUvarint(b, v.u)
	b = AppendVarint(b, v.i)
	b = AppendInt(b, v.n)
	b = AppendString(b, v.s)
	b = AppendBool(b, v.b)
	b = AppendFloat(b, v.f)
	return append(b, v.fx[:]...)
}

func read(r *Reader) value {
	v := value{u: r.Uvarint(), i: r.Varint(), n: r.Int(), s: r.String(), b: r.Bool(), f: r.Float()}
	r.Fixed(v.fx[:])
	return v
}

func TestRoundTrip(t *testing.T) {
	values := []value{
		{},
		{u: 1, i: -1, n: 1, s: "a", b: true, f: 0.5, fx: [4]byte{1, 2, 3, 4}},
		{u: math.MaxUint64, i: math.MinInt64, n: math.MaxInt, s: "Ré\x00sumé", f: math.Inf(-1)},
		{u: 127, i: math.MaxInt64, n: math.MinInt, s: string(make([]byte, 300)), f: -0.0},
	}
	var b []byte
	for _, v := range values {
		b = v.append(b)
	}
	for _, r := range []*Reader{NewReader(b), OwnReader(b)} {
		for k, want := range values {
			if got := read(r); got != want {
				t.Errorf("value %d: got %+v, want %+v", k, got, want)
			}
		}
		if r.Err() != nil || r.Len() != 0 {
			t.Errorf("err %v, %d bytes left", r.Err(), r.Len())
		}
	}
	if r := OwnReader(nil); r.Uvarint() != 0 || r.Err() != ErrMalformed {
		t.Errorf("empty input: err %v", r.Err())
	}
}

// TestMalformed: each kind of bad input sets Err and every later read
// returns the zero value.
func TestMalformed(t *testing.T) {
	for _, tc := range []struct {
		name string
		data []byte
		read func(*Reader) any
	}{
		{"empty uvarint", nil, func(r *Reader) any { return r.Uvarint() }},
		{"unterminated uvarint", []byte{0x80, 0x80}, func(r *Reader) any { return r.Uvarint() }},
		{"uvarint beyond 64 bits", []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02}, func(r *Reader) any { return r.Uvarint() }},
		{"string longer than input", AppendUvarint(nil, 5), func(r *Reader) any { return r.String() }},
		{"bool 2", []byte{2}, func(r *Reader) any { return r.Bool() }},
		{"short float", []byte{1, 2, 3}, func(r *Reader) any { return r.Float() }},
		{"short fixed", []byte{1}, func(r *Reader) any { var d [2]byte; r.Fixed(d[:]); return d }},
		{"count beyond input", AppendUvarint(nil, 3), func(r *Reader) any { return r.Count(1) }},
	} {
		r := NewReader(append(tc.data, 0, 0)[:len(tc.data)])
		tc.read(r)
		if r.Err() != ErrMalformed {
			t.Errorf("%s: err %v", tc.name, r.Err())
		}
		if r.Uvarint() != 0 || r.String() != "" || r.Err() != ErrMalformed {
			t.Errorf("%s: reads after the error are not zero", tc.name)
		}
	}
}

// TestUvarintAsBinary: the reader accepts exactly what binary.Uvarint
// accepts, with the same value and length.
func TestUvarintAsBinary(t *testing.T) {
	for _, in := range [][]byte{
		{0}, {0x7f}, {0x80, 0x01}, {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01},
		{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02}, {0x80}, {0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01},
	} {
		checkUvarint(t, in)
	}
}

func checkUvarint(t *testing.T, in []byte) {
	t.Helper()
	want, n := binary.Uvarint(in)
	r := NewReader(in)
	got := r.Uvarint()
	if n <= 0 {
		if r.Err() == nil {
			t.Errorf("% x: read %d, binary.Uvarint refuses it (%d)", in, got, n)
		}
		return
	}
	if r.Err() != nil || got != want || r.Len() != len(in)-n {
		t.Errorf("% x: got %d (%v, %d left), want %d (%d left)", in, got, r.Err(), r.Len(), want, len(in)-n)
	}
}

func FuzzUvarint(f *testing.F) {
	f.Add([]byte{0x80, 0x01})
	f.Add([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01})
	f.Fuzz(func(t *testing.T, in []byte) { checkUvarint(t, in) })
}
