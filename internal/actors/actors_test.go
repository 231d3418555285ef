package actors

import (
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
		if got := names(Merge(tt.bs, tt.overrides)); got != tt.want {
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
	idx := Merge(bs, []Override{{Name: "Iran", Kind: "place", Role: "country"}})
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
