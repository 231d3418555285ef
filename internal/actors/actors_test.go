package actors

import (
	"fmt"
	"strings"
	"testing"

	"brief/internal/briefing"
)

func b(actors ...briefing.Actor) *briefing.Briefing { return &briefing.Briefing{Actors: actors} }

func act(name, kind string, aliases ...string) briefing.Actor {
	return briefing.Actor{Name: name, Kind: kind, Aliases: aliases, Mentions: 2}
}

func names(idx *Index) string {
	var out []string
	for _, a := range idx.Actors {
		out = append(out, a.Name+"/"+a.Kind+"/"+strings.Repeat("*", len(a.Briefings)))
	}
	return strings.Join(out, " ")
}

func TestMerge(t *testing.T) {
	tests := []struct {
		name      string
		bs        []*briefing.Briefing
		overrides []Override
		want      string
	}{
		{"company suffix", []*briefing.Briefing{b(act("Apple Inc.", "organization", "Apple")), b(act("Apple", "organization")), b(act("Apple", "misc"))},
			nil, "Apple/organization/***"},
		{"alias claims a name", []*briefing.Briefing{b(act("General Motors", "organization", "GM")), b(act("GM", "organization"))},
			nil, "General Motors/organization/**"},
		{"surname of one person", []*briefing.Briefing{b(act("Joe Biden", "person", "Biden", "Mr Biden")), b(act("Biden", "person"))},
			nil, "Joe Biden/person/**"},
		{"surname of two people is not merged", []*briefing.Briefing{b(act("George Bush", "person", "Bush")), b(act("Jeb Bush", "person", "Bush")), b(act("Bush", "person"))},
			nil, "Bush/person/* George Bush/person/* Jeb Bush/person/*"},
		{"kinds must agree", []*briefing.Briefing{b(act("Washington", "place")), b(act("Washington", "person"))},
			nil, "Washington/person/* Washington/place/*"},
		{"override wins", []*briefing.Briefing{b(act("Barack Obama", "person")), b(act("President Obama", "person"))},
			[]Override{{Name: "Barack Obama", Aliases: []string{"President Obama"}, Role: "US President"}}, "Barack Obama/person/**"},
		{"same actor twice in one briefing counts once", []*briefing.Briefing{b(act("Apple", "organization"), act("Apple Inc.", "organization"))},
			nil, "Apple/organization/*"},
	}
	for _, tt := range tests {
		if got := names(Merge(tt.bs, tt.overrides, nil)); got != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, got, tt.want)
		}
	}
}

func TestRolesQuotesCoActors(t *testing.T) {
	bs := []*briefing.Briefing{
		{Actors: []briefing.Actor{{Name: "John Kirby", Kind: "person", Role: "Pentagon spokesman", Mentions: 3}, {Name: "Iran", Kind: "place", Mentions: 2}},
			Quotes: []briefing.Quote{{Speaker: "John Kirby", Text: "We acted.", Sentence: 4}}},
		{Actors: []briefing.Actor{{Name: "John Kirby", Kind: "person", Role: "State Department spokesman", Mentions: 1}, {Name: "Iran", Kind: "place", Mentions: 2}}},
	}
	idx := Merge(bs, []Override{{Name: "Iran", Kind: "place", Role: "country"}}, Keys{})
	k := idx.Actors[0]
	if k.Name == "Iran" {
		k = idx.Actors[1]
	}
	if k.Name != "John Kirby" || len(k.Roles) != 2 || k.Role != "Pentagon spokesman" || len(k.Quotes) != 1 || k.Mentions != 4 {
		t.Errorf("Kirby: %+v", k)
	}
	if len(k.CoActors) != 1 || k.CoActors[0].Name != "Iran" || k.CoActors[0].Role != "country" {
		t.Errorf("co-actors of Kirby: %+v", k.CoActors)
	}
	if len(idx.Of[1]) != 2 {
		t.Errorf("Of[1] = %v", idx.Of[1])
	}
}

// TestUpdate checks that updating an index after briefings changed (each
// naming its actors alike) gives what merging them again gives.
func TestUpdate(t *testing.T) {
	mk := func(m1, m2 int, role string) []*briefing.Briefing {
		joe := act("Joe Biden", "person", "Biden")
		joe.Mentions, joe.Role = m1, role
		gm := act("General Motors", "organization", "GM")
		gm.Mentions = m2
		return []*briefing.Briefing{
			{Actors: []briefing.Actor{joe, gm}, Quotes: []briefing.Quote{{Speaker: "Joe Biden", Text: "q1"}}},
			b(act("Biden", "person"), act("GM", "organization")),
			b(act("General Motors", "organization"), act("Ford", "organization")),
			b(act("Ford", "organization")),
		}
	}
	idx := Merge(mk(1, 1, ""), nil, nil)
	for _, step := range []struct {
		m1, m2 int
		role   string
	}{{9, 1, ""}, {1, 9, "President"}, {1, 1, ""}, {2, 2, "Senator"}} {
		bs := mk(step.m1, step.m2, step.role)
		touched := idx.Update(bs, []int{0})
		want := Merge(bs, nil, Keys{})
		if len(touched) != 2 {
			t.Errorf("%v: %d actors touched, want 2", step, len(touched))
		}
		if got, w := dump(idx), dump(want); got != w {
			t.Errorf("%v: updated\n%s\nwant\n%s", step, got, w)
		}
	}
}

func dump(idx *Index) string {
	var out []string
	for _, a := range idx.Actors {
		var co []string
		for _, c := range a.CoActors {
			co = append(co, c.Name)
		}
		out = append(out, fmt.Sprintf("%s/%s/%s/%v/%d/%v/%v/%v/%v", a.Name, a.Kind, a.Role, a.Aliases, a.Mentions, a.Briefings, a.Roles, a.Quotes, co))
	}
	return strings.Join(out, "\n")
}
