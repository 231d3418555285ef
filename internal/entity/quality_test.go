package entity

import (
	"slices"
	"strings"
	"testing"
)

// TestQuality checks the rules written for failures seen on real articles
// (issue 4 follow-up): each row is an input text, entities that must be
// found (name|kind, or name|kind|role) and names that must not be.
func TestQuality(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
		not      []string
	}{
		{"hyphenated places are both places",
			"The US struck militias along the Iraq-Syria border. Iraq protested.",
			[]string{"Iraq|place", "Syria|place"}, []string{"Iraq-Syria"}},
		{"an unknown acronym is no place",
			`"We want to be back in the JCPOA," Blinken said, using the acronym for the accord.`,
			[]string{"JCPOA|misc"}, []string{"JCPOA|place", "Jcpoa"}},
		{"seats of government are institutions",
			"Mr Biden was expected to meet Israeli President Reuven Rivlin at the White House on Monday. The Kremlin said nothing.",
			[]string{"White House|organization", "Kremlin|organization"}, nil},
		{"a company followed by a legal suffix, canonical name without it",
			"Chrysler LLC said it would cut 1,000 jobs. Chrysler has struggled since the spin-off.",
			[]string{"Chrysler|organization"}, []string{"Chrysler|person", "Chrysler LLC"}},
		{"legal forms are dropped, acronym joins the short name",
			"General Motors Corporation (GM) posted its first loss since 1992. GM said sales fell.",
			[]string{"General Motors|organization"}, []string{"GM", "General Motors Corporation"}},
		{"a maker acting as a subject is an organisation",
			"Boeing has unveiled a new version of its 777 airliner. Boeing's rival Airbus, which has out-sold Boeing since 2003, disagrees.",
			[]string{"Boeing|organization"}, []string{"Boeing|misc"}},
		{"products name their maker",
			"Future Macintosh computers will use Intel processors, Steve Jobs said. Intel has added copy protection to its chips.",
			[]string{"Intel|organization", "Steve Jobs|person"}, []string{"Intel|person"}},
		{"which is not who",
			"Disney bought Pixar, which was founded by Apple CEO Steve Jobs. Pixar makes films.",
			[]string{"Pixar|organization", "Steve Jobs|person|Apple CEO"}, []string{"Pixar|person"}},
		{"a role never runs into another person",
			"UAW President Ron Gettelfinger and Vice President Gerald Bantom met on Monday.",
			[]string{"Ron Gettelfinger|person|UAW President", "Gerald Bantom|person|Vice President"}, nil},
		{"headline capitals take the text's case",
			"PENTAGON SPOKESMAN JOHN KIRBY DEFENDS STRIKES\n\nPentagon spokesman John Kirby said the strikes were lawful.",
			[]string{"John Kirby|person"}, []string{"JOHN KIRBY"}},
		{"a lone headline name in capitals is title-cased",
			"JOHN KIRBY DEFENDS STRIKES",
			nil, []string{"JOHN KIRBY"}},
		{"Apple is not Apple Macintosh",
			"Apple sold more iPods. Future Apple Macintosh computers will use new chips. Apple said so.",
			[]string{"Apple|organization"}, nil},
		{"saying it is no sign of a company",
			"Bob Riley said it was a great day. Riley smiled.",
			[]string{"Bob Riley|person"}, nil},
		{"an air force is an organisation",
			"The Royal Air Force flew the Tristar. Royal Air Force crews trained.",
			[]string{"Royal Air Force|organization"}, []string{"Royal Air Force|person"}},
		{"text without capitals",
			"president joe biden said iranian militias attacked us forces in iraq and syria in may.",
			[]string{"Iraq|place", "Syria|place", "Iran|place"}, []string{"May", "United States"}},
		{"a first name alone joins the one person it begins",
			"Steve Jobs has died. Steve had built the company.",
			[]string{"Steve Jobs|person"}, []string{"Steve"}},
		{"a known place is no person",
			"Shares fell in Hong Kong on Monday. Hong Kong traders were nervous.",
			[]string{"Hong Kong|place"}, []string{"Hong Kong|person"}},
		{"a role after as",
			"General Motors today named Mary Barra as its new chief executive. Barra joined GM in 1980.",
			[]string{"Mary Barra|person|chief executive", "General Motors|organization"}, nil},
		{"a company noun before a name",
			"When the Air Force selected Los Angeles-based Northrop Grumman to build the tanker, rival Boeing protested. Northrop Grumman said nothing.",
			[]string{"Northrop Grumman|organization", "Boeing|organization"}, []string{"Northrop Grumman|person"}},
		{"a capitalised company word before a person is part of a role",
			"Chief investment officer at Fort Pitt Capital Group Charlie Smith said the machines took over.",
			[]string{"Charlie Smith|person"}, nil},
		{"a capital stands for its government, not when it is a place",
			"Iran denied it. The watchdog had no reply from Tehran. Protests went on in Tehran.",
			[]string{"Iran|place", "Tehran|place"}, nil},
		{"a state is a place",
			"Alabama Governor Bob Riley said it was a great day for Alabama.",
			[]string{"Alabama|place", "Bob Riley|person|Alabama Governor"}, []string{"Alabama|person"}},
	}
	for _, tt := range tests {
		ents := find(tt.in)
		var got []string
		for _, e := range ents {
			got = append(got, e.Name+"|"+e.Kind+"|"+e.Role)
		}
		has := func(w string) bool {
			return slices.ContainsFunc(got, func(g string) bool { return strings.HasPrefix(g+"|", w+"|") })
		}
		for _, w := range tt.want {
			if !has(w) {
				t.Errorf("%s: want %q in %q", tt.name, w, got)
			}
		}
		for _, w := range tt.not {
			if has(w) {
				t.Errorf("%s: do not want %q in %q", tt.name, w, got)
			}
		}
	}
}

func TestStripLegal(t *testing.T) {
	for in, want := range map[string]string{
		"Apple Inc.": "Apple", "General Motors Corporation": "General Motors", "Chrysler LLC": "Chrysler",
		"Infogear Technology Corp.": "Infogear Technology", "Apple": "Apple", "Inc.": "Inc.",
		"Foo Co., Ltd.": "Foo", "Ford Motor Company": "Ford Motor Company",
	} {
		if got := stripLegal(in); got != want {
			t.Errorf("stripLegal(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTitleCase(t *testing.T) {
	for in, want := range map[string]string{
		"JOHN KIRBY": "John Kirby", "KATAEB HEZBOLLAH": "Kataeb Hezbollah", "US NAVY": "US Navy",
		"O'NEILL": "O'Neill", "BBC WORLD": "BBC World",
	} {
		if got := titleCase(in); got != want {
			t.Errorf("titleCase(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestModelNumber(t *testing.T) {
	for w, want := range map[string]bool{"747": true, "A380": true, "777-200LR": true, "1955": false,
		"1955-2011": false, "12": false, "ABC123": false, "2,500": false} {
		if got := modelNumber(w); got != want {
			t.Errorf("modelNumber(%q) = %v", w, got)
		}
	}
}
