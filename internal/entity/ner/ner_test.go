package ner

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

func TestBILOU(t *testing.T) {
	spans := []Span{{0, 1, 2}, {2, 5, 0}, {5, 7, 1}}
	tags := encode(8, spans)
	if got := decode(tags); !reflect.DeepEqual(got, spans) {
		t.Fatalf("decode(encode) = %v, want %v", got, spans)
	}
}

func TestReadCoNLL(t *testing.T) {
	in := "-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\nGerman JJ I-NP I-MISC\nPeter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\nJohn NNP I-NP B-PER\n"
	docs, err := ReadCoNLL(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []Span{{0, 1, 1}, {2, 3, 3}, {3, 5, 0}, {5, 6, 0}}
	if len(docs) != 1 || !reflect.DeepEqual(docs[0][0].Spans, want) {
		t.Fatalf("got %+v, want spans %v", docs, want)
	}
}

// toy is a tiny training set: names after "met" are people, after "in"
// places.
func toy() []Document {
	var docs []Document
	for _, n := range []string{"Alice", "Bob", "Carol", "Dave", "Erin", "Frank"} {
		for _, p := range []string{"Paris", "Rome", "Oslo", "Lima", "Kyiv"} {
			docs = append(docs, Document{{Words: []string{"She", "met", n, "in", p, "."}, Spans: []Span{{2, 3, 0}, {4, 5, 2}}}})
		}
	}
	return docs
}

func TestTrainWriteRead(t *testing.T) {
	m := Train(toy(), TrainOptions{Epochs: 3, Folds: 2})
	var buf bytes.Buffer
	if err := m.Write(&buf); err != nil {
		t.Fatal(err)
	}
	r, err := Read(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	r.Write(&again)
	if !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Error("Write(Read(Write(m))) differs")
	}
	got := r.Tag([][]string{{"He", "met", "Zed", "in", "Bern", "."}})
	want := []Span{{2, 3, 0}, {4, 5, 2}}
	if !reflect.DeepEqual(got[0], want) {
		t.Errorf("Tag = %v, want %v", got[0], want)
	}
}

// TestTagTwoModels tags with two models in turn on one scratch: each
// gives what it gives on a fresh scratch, whatever word forms the other
// left in the scratch's lexicon.
func TestTagTwoModels(t *testing.T) {
	swapped := toy()
	for _, d := range swapped {
		for i := range d {
			d[i].Spans[0].Type, d[i].Spans[1].Type = 2, 0 // after "met" places, after "in" people
		}
	}
	a := Train(toy(), TrainOptions{Epochs: 3, Folds: 2})
	b := Train(swapped, TrainOptions{Epochs: 3, Folds: 2})
	doc := [][]string{{"She", "met", "Alice", "in", "Paris", "."}, {"He", "met", "Zed", "in", "Bern", "."}}
	wantA, wantB := a.tag(doc, new(scratch)), b.tag(doc, new(scratch))
	if reflect.DeepEqual(wantA, wantB) {
		t.Fatalf("the models agree: %v", wantA)
	}
	sc := new(scratch)
	for round := 0; round < 3; round++ {
		if got := a.tag(doc, sc); !reflect.DeepEqual(got, wantA) {
			t.Errorf("round %d: a.tag = %v, want %v", round, got, wantA)
		}
		if got := b.tag(doc, sc); !reflect.DeepEqual(got, wantB) {
			t.Errorf("round %d: b.tag = %v, want %v", round, got, wantB)
		}
	}
}

func TestReadBad(t *testing.T) {
	for _, in := range []string{"", "not gzip", "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"} {
		if _, err := Read(strings.NewReader(in)); err == nil {
			t.Errorf("Read(%q) succeeded", in)
		}
	}
}

func TestTagOddInput(t *testing.T) {
	m := Train(toy(), TrainOptions{Epochs: 1, Folds: 2})
	long := make([]string, 10000)
	for i := range long {
		long[i] = "WORD"
	}
	for _, doc := range [][][]string{nil, {{}}, {{""}}, {long}, {{"Путин", "сказал", "日本"}}} {
		m.Tag(doc)
	}
	var zero Model
	zero.Tag([][]string{{"a"}})
}

// TestViterbiAllowed checks the specialised Viterbi against the BILOU
// transition table: on random scores it returns a valid sequence whose
// score no single-tag change improves.
func TestViterbiAllowed(t *testing.T) {
	var trans [(NumTags + 1) * NumTags]int32
	seed := uint32(7)
	rnd := func() int32 { seed = seed*1664525 + 1013904223; return int32(seed>>16) - 32768 }
	for i := range trans {
		trans[i] = rnd()
	}
	for n := 1; n < 40; n++ {
		scores := make([][NumTags]int32, n)
		for i := range scores {
			for b := range scores[i] {
				scores[i][b] = rnd()
			}
		}
		tags := make([]uint8, n)
		viterbi(scores, &trans, nil, make([][NumTags]uint8, n), tags)
		score := func(tags []uint8) (s int64, ok bool) {
			prev := NumTags
			for i, b := range tags {
				if !allowed[prev][b] {
					return 0, false
				}
				s += int64(trans[prev*NumTags+int(b)]) + int64(scores[i][b])
				prev = int(b)
			}
			return s, canEnd(prev)
		}
		best, ok := score(tags)
		if !ok {
			t.Fatalf("n=%d: invalid sequence %v", n, tags)
		}
		for i := range tags {
			for b := 0; b < NumTags; b++ {
				alt := append([]uint8(nil), tags...)
				alt[i] = uint8(b)
				if s, ok := score(alt); ok && s > best {
					t.Fatalf("n=%d: %v scores %d, %v scores %d", n, tags, best, alt, s)
				}
			}
		}
	}
}

func TestStrFold(t *testing.T) {
	for _, s := range []string{"", "Boeing", "A380", "iraq", "Zürich", "U.S.", "1990s"} {
		if newHash(1).strFold(s) != newHash(1).str(foldWord(s)) {
			t.Errorf("strFold(%q) differs", s)
		}
	}
}
