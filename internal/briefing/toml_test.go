package briefing

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"brief/internal/frontmatter"
)

// The hand-written front matter encoder (toml.go) must write exactly what
// github.com/BurntSushi/toml writes, through frontmatter.Encode.

// checkFrontMatter fails t when appendFrontMatter(b) differs from
// frontmatter.Encode(b), or Marshal(b) from marshalReference(b).
func checkFrontMatter(t *testing.T, b *Briefing) {
	t.Helper()
	want, err := frontmatter.Encode(b)
	if err != nil {
		t.Fatalf("frontmatter.Encode fails where appendFrontMatter does not: %v\n%#v", err, b)
	}
	if got := appendFrontMatter(nil, b); !bytes.Equal(got, want) {
		t.Fatalf("front matter differs from frontmatter.Encode's\n got %q\nwant %q\nof %#v", got, want, b)
	}
	want, err = marshalReference(b)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := Marshal(b); !bytes.Equal(got, want) {
		t.Fatalf("Marshal differs from marshalReference\n got %q\nwant %q", got, want)
	}
}

// marshalReference is Marshal as it was written with frontmatter.Encode.
func marshalReference(b *Briefing) ([]byte, error) {
	c := *b
	c.Generated = ""
	fm, err := frontmatter.Encode(&c)
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	out.WriteString(frontmatter.Delim + "\n")
	out.Write(fm)
	out.WriteString(frontmatter.Delim + "\n\n")
	out.WriteString(strings.TrimLeft(b.Body, "\n"))
	data := out.Bytes()
	sum := sha256.Sum256(data)
	end := len(frontmatter.Delim) + 1 + len(fm)
	if i := bytes.Index(fm, []byte("\n\n[")); i >= 0 {
		end = len(frontmatter.Delim) + 1 + i + 1
	} else if i := bytes.Index(fm, []byte("\n[")); i >= 0 {
		end = len(frontmatter.Delim) + 1 + i + 1
	} else if bytes.HasPrefix(fm, []byte("[")) {
		end = len(frontmatter.Delim) + 1
	}
	var final bytes.Buffer
	final.Write(data[:end])
	fmt.Fprintf(&final, "%s%q\n", generatedKey, "sha256:"+hex.EncodeToString(sum[:]))
	final.Write(data[end:])
	return final.Bytes(), nil
}

// eachSiteBriefing calls f with every briefing of the example site,
// parsed; the test is skipped where there are none.
func eachSiteBriefing(t *testing.T, f func(file string, src []byte, b *Briefing)) {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join("..", "..", "content", "briefings", "*.md"))
	if len(files) == 0 {
		t.Skip("no content/briefings")
	}
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		b, err := Parse(file, src)
		if err != nil {
			t.Fatal(err)
		}
		f(file, src, b)
	}
}

// TestFrontMatterSite encodes every briefing of the site both ways; an
// unedited one must also come back byte for byte.
func TestFrontMatterSite(t *testing.T) {
	eachSiteBriefing(t, func(file string, src []byte, b *Briefing) {
		checkFrontMatter(t, b)
		if !Edited(src) {
			if got, _ := Marshal(b); !bytes.Equal(got, src) {
				t.Errorf("%s: Marshal(Parse(file)) differs from the file", file)
			}
		}
	})
	checkFrontMatter(t, sample())
	checkFrontMatter(t, &Briefing{})
}

// TestFrontMatterEveryField sets every field of a Briefing, and of the
// types in it, by reflection, so that a field added to a type but not to
// toml.go fails here.
func TestFrontMatterEveryField(t *testing.T) {
	var b Briefing
	n := 0
	fill(reflect.ValueOf(&b).Elem(), &n)
	checkFrontMatter(t, &b)
	for _, key := range []string{"title", "generated", "[[figures]]", "aliases", "salience"} {
		if !bytes.Contains(appendFrontMatter(nil, &b), []byte(key)) {
			t.Errorf("no %s in\n%s", key, appendFrontMatter(nil, &b))
		}
	}
}

// fill sets v and everything in it to values that are not zero: strings
// with a quote, a backslash, a control character and non-ASCII text, two
// elements in each slice.
func fill(v reflect.Value, n *int) {
	*n++
	switch v.Kind() {
	case reflect.String:
		v.SetString(fmt.Sprintf("s%d \"q\" \\ \x01\x7f é", *n))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(int64(*n))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(uint64(*n))
	case reflect.Float32, reflect.Float64:
		v.SetFloat(float64(*n) + 0.25)
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := 0; i < 2; i++ {
			fill(v.Index(i), n)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				fill(v.Field(i), n)
			}
		}
	default:
		panic("fill: add a case for " + v.Type().String())
	}
}

func TestFrontMatterValues(t *testing.T) {
	floats := []float64{0, math.Copysign(0, -1), 1, -1, 0.5, 0.001, 1e-4, 1e-5, 123456, 1e20, 1e21, 1e22,
		-1e21, 12345678901234567890, 5e-324, math.MaxFloat64, math.SmallestNonzeroFloat64, 1.0 / 3,
		math.NaN(), math.Float64frombits(0xfff8000000000001), math.Inf(1), math.Inf(-1)}
	ints := []int{0, -1, 1, math.MaxInt, math.MinInt}
	var all []byte
	for c := 0; c < 256; c++ {
		all = append(all, byte(c))
	}
	strs := []string{"", " ", `"`, `\`, "\\\"", "\x00\x1f\x7f\x80\xff", "é", "\u2028\U0001F600", "\xed\xa0\x80", "'''", "a\r\nb", string(all)}
	for i, f := range floats {
		b := &Briefing{
			Title: strs[i%len(strs)], Tags: strs,
			Actors: []Actor{{Name: strs[(i+1)%len(strs)], Salience: f, Mentions: ints[i%len(ints)], Sentence: ints[(i+1)%len(ints)], Aliases: []string{}}},
		}
		checkFrontMatter(t, b)
	}
	for _, s := range strs {
		b := &Briefing{Title: s, Date: s, Slug: s, Source: s, SourceHash: s, URL: s, Credit: s, License: s, Generator: s, Generated: s,
			Tags: []string{s, s}, Summary: []Sentence{{s, -1}}, Timeline: []Event{{s, s, s, 0}},
			Quotes: []Quote{{s, s, 1}}, Figures: []Figure{{s, 2}}, Actors: []Actor{{s, s, s, []string{s}, 0.1, 1, 2}}}
		checkFrontMatter(t, b)
	}
}

// fuzzInput hands a fuzz target's inputs out to a Briefing's fields: the
// pieces of text between blank lines in turn, and list lengths 0-3 from
// shape's bits, two at a time (shape turns as they are used).
type fuzzInput struct {
	parts []string
	next  int
	shape uint32
}

func newFuzzInput(text string, shape uint32) *fuzzInput {
	return &fuzzInput{parts: strings.Split(text, "\n\n"), shape: shape}
}

func (in *fuzzInput) str() string {
	in.next++
	return in.parts[in.next%len(in.parts)]
}

func (in *fuzzInput) count() int {
	k := int(in.shape & 3)
	in.shape = in.shape>>2 | in.shape<<30
	return k
}

// FuzzFrontMatterEncode builds briefings from the fuzzer's text (its parts
// between blank lines fill the string fields in turn), numbers and shape
// bits (0-3 items per slice, nil or empty, draft), and compares
// appendFrontMatter and Marshal with frontmatter.Encode.
func FuzzFrontMatterEncode(f *testing.F) {
	f.Add("US strikes \"militias\"\n\n2021-06-28\n\nslug\n\nWikinews\n\nJohn Kirby\n\nperson", 0.93, -0.0, 4, -1, uint32(0x5555))
	f.Add("\x00\x01\x7f\x80\xff\\\"\n\n\t\r\f\b\n\n'é'\n\n", math.NaN(), math.Inf(-1), 0, math.MinInt, uint32(0xffffffff))
	f.Add("", 1e21, 5e-324, math.MaxInt, 7, uint32(0))
	f.Add("a\n\nb", 100.0, 1e-7, 3, 3, uint32(0x2aaaaaa))
	f.Fuzz(func(t *testing.T, text string, f1, f2 float64, n1, n2 int, shape uint32) {
		in := newFuzzInput(text, shape)
		str, count := in.str, in.count
		strs := func() []string {
			k := count()
			if k == 0 && in.shape&1 != 0 {
				return []string{}
			}
			var ss []string
			for range k {
				ss = append(ss, str())
			}
			return ss
		}
		b := &Briefing{Title: text, Date: str(), Slug: str(), Source: str(), SourceHash: str(), URL: str(),
			Credit: str(), License: str(), Tags: strs(), Draft: in.shape&4 != 0, Generator: str(), Generated: str(), Body: str()}
		for range count() {
			b.Summary = append(b.Summary, Sentence{str(), n1})
		}
		salience := []float64{f1, f2, -f1}
		for i := range count() {
			b.Actors = append(b.Actors, Actor{str(), str(), str(), strs(), salience[i], n2, n1 ^ n2})
		}
		for range count() {
			b.Timeline = append(b.Timeline, Event{str(), str(), str(), n2})
		}
		for range count() {
			b.Quotes = append(b.Quotes, Quote{str(), str(), n1})
		}
		for range count() {
			b.Figures = append(b.Figures, Figure{str(), n2})
		}
		checkFrontMatter(t, b)
	})
}
