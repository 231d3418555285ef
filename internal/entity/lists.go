package entity

import "strings"

// The word lists below are written by hand for brief and are in the
// public domain (see MODEL.md).

// honorifics make the capitalised words after them a person's name.
var honorifics = wordSet(`mr mr. mrs mrs. ms ms. dr dr. miss mx mx. messrs messrs. sir dame`)

// orgMarkers make a name an organisation wherever they appear in it;
// kataeb, jaish, harakat, saraya, asaib, liwa are the Arabic words for
// brigades, army, movement, companies, leagues, banner.
var orgMarkers = wordSet(`inc inc. corp corp. corporation ltd ltd. plc llc co. gmbh ag nv
company companies group holdings bank university college institute party council committee
commission ministry department agency association union federation league army forces brigade
brigades front movement organisation organization authority parliament assembly airlines
airways foundation hezbollah hizbollah hizballah kataeb jaish harakat saraya asaib liwa
taliban hamas navy police force corps brothers partners associates aviation aerospace motors
industries technologies systems communications electronics railways insurance securities
investments petroleum pharmaceuticals telecom mutual`)

// orgSuffixes extend a name they follow: "Apple Inc".
var orgSuffixes = wordSet(`inc inc. corp corp. ltd ltd. plc llc co co. gmbh ag sa nv`)

// institutions are places named for the institution they house, as news
// uses them: "the White House said".
var institutions = wordSetLines(`white house
kremlin
pentagon
downing street
elysee
elysee palace
élysée
élysée palace
blue house
quai d'orsay
foggy bottom
capitol hill
whitehall
zhongnanhai`)

// legalForms end a company's legal name; canonical names drop them.
var legalForms = wordSet(`inc inc. incorporated corp corp. corporation co co. ltd ltd. limited plc
llc l.l.c. gmbh ag sa s.a. nv n.v. bv ab asa oyj spa s.p.a. pty`)

// orgCues after a name make it an organisation: its people ("Apple CEO",
// "White House spokesman") or its property ("Intel shares").
var orgCues = wordSet(`ceo cfo coo cto chairman chairwoman spokesman spokeswoman spokesperson
executives shareholders shares stock subsidiary subsidiaries`)

// companyWords end a company's longer name: Ford Motor Company, Apple
// Computer (see mergeTarget).
var companyWords = wordSet(`company companies motor motors computer computers airlines airways
systems technologies industries communications electronics pharmaceuticals petroleum oil
energy aerospace group holdings bank corporation inc corp ltd plc llc`)

// orgNouns before a name make it an organisation: "automaker General
// Motors", "rival Airbus".
var orgNouns = wordSet(`company firm carmaker automaker manufacturer maker planemaker airline
bank group rival retailer insurer lender conglomerate giant subsidiary supplier contractor
operator broadcaster newspaper based chipmaker`)

// products after a name make it their maker: "Intel processors".
var products = wordSet(`aircraft airliner airliners jet jets jetliner jetliners plane planes car cars
vehicle vehicles truck trucks computer computers laptop laptops processor processors chip
chips phone phones handset handsets software products brand brands engines drugs vaccine
stores outlets dealers dealerships`)

// subjectVerbs after a name make it the subject of a clause.
var subjectVerbs = wordSet(`has have had is was will would plans planned agreed unveiled
launched reported posted received delivered won lost sold bought makes made employs
expects expected hopes announced signed cut cuts raised`)

// asLead may open the role after "as": "as its new chief executive".
var asLead = wordSet(`its the a an his her their new interim acting`)

// clauseWords start or make a clause, which an apposition giving a role
// is not.
var clauseWords = wordSet(`which who whom whose that where when is was are were has have had
will would can could be been being`)

// stopNames are never entities on their own.
var stopNames = wordSet(`monday tuesday wednesday thursday friday saturday sunday january
february march april may june july august september october november december mr mrs ms dr
miss sir president minister spokesman secretary today yesterday tomorrow god
utc gmt est edt cst cdt mst mdt pst pdt bst cet cest ist jst aest`) // time zones

// roleWords head a role: "Pentagon spokesman", "US Secretary of State".
var roleWords = wordSet(`president vice-president president-elect premier chancellor minister
secretary spokesman spokeswoman spokesperson senator sen. congressman congresswoman
representative governor mayor ambassador envoy general gen. commander chief executive ceo cfo
coo cto chairman chairwoman chair director head leader king queen prince princess judge
justice official officer analyst founder co-founder deputy adviser advisor lawmaker mp
economist professor reporter correspondent editor manager coach captain pope cardinal bishop
ayatollah sheikh lieutenant colonel admiral sergeant commissioner attorney prosecutor lawyer
candidate chancellor emir sultan pm negotiator diplomat inspector superintendent chairperson
owner partner strategist researcher scientist spokesmen administrator counsel`)

// roleGlue may sit inside a role: "Secretary of State", "head of the".
var roleGlue = wordSet(`of for the and & 's`)

// speechVerbs mark the person next to them as quoted.
var speechVerbs = wordSet(`said says say told added adds stated explained warned asked
announced noted insisted claimed argued wrote according replied declared confirmed`)

// places maps a nationality or a variant name to its place name.
var places = func() map[string]string {
	m := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(placeTable), "\n") {
		f := strings.Split(line, ":")
		name := strings.TrimSpace(f[0])
		m[strings.ToLower(name)] = name
		for _, v := range strings.Split(f[1], ",") {
			if v = strings.TrimSpace(v); v != "" {
				m[v] = name
			}
		}
	}
	return m
}()

// capitals stand for their country's government when not used as a place
// ("no reply from Tehran", "Washington blames", not "in Tehran").
var capitals = map[string]string{
	"tehran": "Iran", "washington": "United States", "moscow": "Russia", "beijing": "China",
	"kyiv": "Ukraine", "kiev": "Ukraine", "london": "United Kingdom", "paris": "France",
	"berlin": "Germany", "tokyo": "Japan", "baghdad": "Iraq", "damascus": "Syria",
	"ankara": "Turkey", "riyadh": "Saudi Arabia", "pyongyang": "North Korea", "seoul": "South Korea",
	"kabul": "Afghanistan", "islamabad": "Pakistan", "new delhi": "India", "cairo": "Egypt",
	"beirut": "Lebanon", "havana": "Cuba", "caracas": "Venezuela", "ottawa": "Canada",
	"canberra": "Australia", "rome": "Italy", "madrid": "Spain", "athens": "Greece",
	"warsaw": "Poland", "minsk": "Belarus", "tripoli": "Libya", "khartoum": "Sudan",
	"doha": "Qatar", "amman": "Jordan", "taipei": "Taiwan", "hanoi": "Vietnam",
}

// locatives before a capital make it the city: "in Tehran".
var locatives = wordSet(`in at near into outside inside across around within of via`)

// placeTable: place name, then its nationality adjectives and variant
// names (lower case). Countries, then the states of the United States
// (Georgia and Washington are left to the model: a country and a city).
const placeTable = `
United States: american, americans, us, u.s., usa, u.s.a., america, united states, united states of america
United Kingdom: british, briton, britons, uk, u.k., britain, great britain, united kingdom
Afghanistan: afghan, afghans
Albania: albanian
Algeria: algerian
Argentina: argentine, argentinian
Armenia: armenian
Australia: australian, australians
Austria: austrian
Azerbaijan: azerbaijani, azeri
Bahrain: bahraini
Bangladesh: bangladeshi
Belarus: belarusian
Belgium: belgian
Bolivia: bolivian
Bosnia: bosnian
Brazil: brazilian
Bulgaria: bulgarian
Cambodia: cambodian
Canada: canadian, canadians
Chile: chilean
China: chinese
Colombia: colombian
Croatia: croatian, croat
Cuba: cuban
Cyprus: cypriot
Czech Republic: czech
Denmark: danish, dane
Egypt: egyptian, egyptians
England: english
Estonia: estonian
Ethiopia: ethiopian
Europe: european, europeans
Finland: finnish, finn
France: french
Georgia: georgian
Germany: german, germans
Greece: greek
Hungary: hungarian
India: indian
Indonesia: indonesian
Iran: iranian, iranians
Iraq: iraqi, iraqis
Ireland: irish
Israel: israeli, israelis
Italy: italian
Japan: japanese
Jordan: jordanian
Kazakhstan: kazakh
Kenya: kenyan
Korea: korean
Kosovo: kosovar
Kurdistan: kurdish, kurd, kurds
Kuwait: kuwaiti
Latvia: latvian
Lebanon: lebanese
Libya: libyan
Lithuania: lithuanian
Malaysia: malaysian
Mexico: mexican
Morocco: moroccan
Netherlands: dutch
New Zealand: new zealander
Nigeria: nigerian
North Korea: north korean
Norway: norwegian
Oman: omani
Pakistan: pakistani, pakistanis
Palestine: palestinian, palestinians
Peru: peruvian
Philippines: filipino, philippine
Poland: polish, pole
Portugal: portuguese
Qatar: qatari
Romania: romanian
Russia: russian, russians
Saudi Arabia: saudi, saudis
Scotland: scottish, scot
Serbia: serbian, serb, serbs
Singapore: singaporean
Slovakia: slovak
Slovenia: slovenian, slovene
Somalia: somali
South Africa: south african
South Korea: south korean
Spain: spanish, spaniard
Sri Lanka: sri lankan
Sudan: sudanese
Sweden: swedish, swede
Switzerland: swiss
Syria: syrian, syrians
Taiwan: taiwanese
Thailand: thai
Tunisia: tunisian
Turkey: turkish, turk
Ukraine: ukrainian
United Arab Emirates: emirati, uae
Uzbekistan: uzbek
Venezuela: venezuelan
Vietnam: vietnamese
Wales: welsh
Yemen: yemeni
Zimbabwe: zimbabwean
Alabama: 
Alaska: 
Arizona: 
Arkansas: 
California: californian, californians
Colorado: 
Connecticut: 
Delaware: 
Florida: floridian
Hawaii: hawaiian
Idaho: 
Illinois: 
Indiana: 
Iowa: 
Kansas: 
Kentucky: 
Louisiana: 
Maine: 
Maryland: 
Massachusetts: 
Michigan: 
Minnesota: 
Mississippi: 
Missouri: 
Montana: 
Nebraska: 
Nevada: 
New Hampshire: 
New Jersey: 
New Mexico: 
New York State: 
North Carolina: 
North Dakota: 
Ohio: 
Oklahoma: 
Oregon: 
Pennsylvania: 
Rhode Island: 
South Carolina: 
South Dakota: 
Tennessee: 
Texas: texan, texans
Utah: 
Vermont: 
Virginia: 
West Virginia: 
Wisconsin: 
Wyoming: 
`

func wordSetLines(s string) map[string]bool {
	m := map[string]bool{}
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			m[l] = true
		}
	}
	return m
}

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// has reports whether the lower-cased w is in set, without allocating
// for short words.
func has(set map[string]bool, w string) bool {
	v, _ := get(set, w)
	return v
}

// get returns m[lowerASCII(w)], without allocating for short words.
func get[V any](m map[string]V, w string) (V, bool) {
	up := false
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 'A' && c <= 'Z' {
			up = true
			break
		}
	}
	if !up {
		v, ok := m[w]
		return v, ok
	}
	if len(w) > 32 {
		v, ok := m[lowerASCII(w)]
		return v, ok
	}
	var buf [32]byte
	b := buf[:len(w)]
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	v, ok := m[string(b)]
	return v, ok
}

// place returns the place of the place table named w (any case), or "".
func place(w string) string {
	p, _ := get(places, w)
	return p
}

// lowerASCII lower-cases s (ASCII letters only, enough for the lists).
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}
