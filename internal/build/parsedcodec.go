package build

import (
	"brief/internal/binfmt"
	"brief/internal/briefing"
)

// A shard of the parsed cache in binfmt's layout:
//
//	"brief parsed\n" parsedVersion count
//	count × (path sum[32] bodyLine bodyAt briefing)
//
// and a briefing its fields in their order in briefing.Briefing, a list
// as its length and items. encoding/gob took 0.45 s of CPU to read the
// 68 MB of shards at 10k briefings, the largest part of a warm build; this
// reads each shard as one string and its strings as substrings.
const parsedMagic = "brief parsed\n"

// minEntry is the fewest bytes an entry takes: a path, its sum, and one
// byte for each other field.
const minEntry = 1 + 32 + 2 + 18

func encodeParsed(entries map[string]parsedEntry) []byte {
	size := len(parsedMagic) + 16
	for f, e := range entries {
		size += len(f) + 32 + len(e.Briefing.Body) + 1024
	}
	b := make([]byte, 0, size)
	b = append(b, parsedMagic...)
	b = binfmt.AppendUvarint(b, parsedVersion)
	b = binfmt.AppendUvarint(b, uint64(len(entries)))
	for f, e := range entries {
		b = binfmt.AppendString(b, f)
		b = append(b, e.Sum[:]...)
		b = binfmt.AppendInt(b, e.BodyLine)
		b = binfmt.AppendInt(b, e.BodyAt)
		b = appendBriefing(b, &e.Briefing)
	}
	return b
}

// decodeParsed reads what encodeParsed wrote: an error for another
// version or a malformed shard, never a panic. The strings share data's
// memory: data must not be written again.
func decodeParsed(data []byte) (map[string]parsedEntry, error) {
	if len(data) < len(parsedMagic) || string(data[:len(parsedMagic)]) != parsedMagic {
		return nil, binfmt.ErrMalformed
	}
	r := binfmt.OwnReader(data[len(parsedMagic):])
	if r.Uvarint() != parsedVersion {
		return nil, binfmt.ErrMalformed
	}
	n := r.Count(minEntry)
	entries := make(map[string]parsedEntry, n)
	for range n {
		f := r.String()
		var e parsedEntry
		r.Fixed(e.Sum[:])
		e.BodyLine, e.BodyAt = r.Int(), r.Int()
		readBriefing(r, &e.Briefing)
		if r.Err() != nil {
			return nil, r.Err()
		}
		entries[f] = e
	}
	if r.Err() != nil || r.Len() != 0 {
		return nil, binfmt.ErrMalformed
	}
	return entries, nil
}

func appendBriefing(b []byte, v *briefing.Briefing) []byte {
	for _, s := range [...]string{v.Title, v.Date, v.Slug, v.Source, v.SourceHash, v.URL, v.Credit, v.License} {
		b = binfmt.AppendString(b, s)
	}
	b = appendStrings(b, v.Tags)
	b = binfmt.AppendBool(b, v.Draft)
	b = binfmt.AppendUvarint(b, uint64(len(v.Summary)))
	for _, s := range v.Summary {
		b = binfmt.AppendString(b, s.Text)
		b = binfmt.AppendInt(b, s.Sentence)
	}
	b = binfmt.AppendUvarint(b, uint64(len(v.Actors)))
	for _, a := range v.Actors {
		b = binfmt.AppendString(b, a.Name)
		b = binfmt.AppendString(b, a.Kind)
		b = binfmt.AppendString(b, a.Role)
		b = appendStrings(b, a.Aliases)
		b = binfmt.AppendFloat(b, a.Salience)
		b = binfmt.AppendInt(b, a.Mentions)
		b = binfmt.AppendInt(b, a.Sentence)
	}
	b = binfmt.AppendUvarint(b, uint64(len(v.Timeline)))
	for _, e := range v.Timeline {
		b = binfmt.AppendString(b, e.Value)
		b = binfmt.AppendString(b, e.Display)
		b = binfmt.AppendString(b, e.Text)
		b = binfmt.AppendInt(b, e.Sentence)
	}
	b = binfmt.AppendUvarint(b, uint64(len(v.Quotes)))
	for _, q := range v.Quotes {
		b = binfmt.AppendString(b, q.Speaker)
		b = binfmt.AppendString(b, q.Text)
		b = binfmt.AppendInt(b, q.Sentence)
	}
	b = binfmt.AppendUvarint(b, uint64(len(v.Figures)))
	for _, f := range v.Figures {
		b = binfmt.AppendString(b, f.Text)
		b = binfmt.AppendInt(b, f.Sentence)
	}
	b = binfmt.AppendString(b, v.Generator)
	b = binfmt.AppendString(b, v.Generated)
	return binfmt.AppendString(b, v.Body)
}

func appendStrings(b []byte, list []string) []byte {
	b = binfmt.AppendUvarint(b, uint64(len(list)))
	for _, s := range list {
		b = binfmt.AppendString(b, s)
	}
	return b
}

func readBriefing(r *binfmt.Reader, v *briefing.Briefing) {
	for _, p := range [...]*string{&v.Title, &v.Date, &v.Slug, &v.Source, &v.SourceHash, &v.URL, &v.Credit, &v.License} {
		*p = r.String()
	}
	v.Tags = readStrings(r)
	v.Draft = r.Bool()
	v.Summary = readList(r, 2, func(s *briefing.Sentence) {
		s.Text, s.Sentence = r.String(), r.Int()
	})
	v.Actors = readList(r, 14, func(a *briefing.Actor) {
		a.Name, a.Kind, a.Role = r.String(), r.String(), r.String()
		a.Aliases = readStrings(r)
		a.Salience, a.Mentions, a.Sentence = r.Float(), r.Int(), r.Int()
	})
	v.Timeline = readList(r, 4, func(e *briefing.Event) {
		e.Value, e.Display, e.Text, e.Sentence = r.String(), r.String(), r.String(), r.Int()
	})
	v.Quotes = readList(r, 3, func(q *briefing.Quote) {
		q.Speaker, q.Text, q.Sentence = r.String(), r.String(), r.Int()
	})
	v.Figures = readList(r, 2, func(f *briefing.Figure) {
		f.Text, f.Sentence = r.String(), r.Int()
	})
	v.Generator, v.Generated, v.Body = r.String(), r.String(), r.String()
}

// readList reads a list whose items take at least min bytes; an empty
// list is nil, as the TOML parser leaves an absent one.
func readList[T any](r *binfmt.Reader, min int, item func(*T)) []T {
	n := r.Count(min)
	if n == 0 {
		return nil
	}
	list := make([]T, n)
	for i := range list {
		item(&list[i])
	}
	return list
}

func readStrings(r *binfmt.Reader) []string {
	return readList(r, 1, func(s *string) { *s = r.String() })
}
