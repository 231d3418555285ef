package summary

// stopwords are English function words; they carry no topic and are left
// out of the similarity between sentences. Lower case.
var stopwords = setOf(`a about above after again against all also although am among an and any are
around as at be because been before being below between both but by can could did do does
doing done down during each either else even ever every few for from further get gets got had
has have having he her here hers herself him himself his how however i if in into is it its
itself just last least less let like made make many may me might more most much must my myself
near neither no nor not now of off on once one only or other others our ours ourselves out over
own per put quite rather really said same say says see seen shall she should since so some
still such than that the their theirs them themselves then there these they this those though
through thus to too told under until up upon us very was we were what when where whether which
while who whom whose why will with within without would yet you your yours yourself
mr mrs ms dr s t ve ll d re m n't 's 're 've 'll 'd 'm two three four five six seven eight
nine ten first new year years time day week month today yesterday monday tuesday wednesday
thursday friday saturday sunday`)

// dangling are sentence openers that point back to something said before
// ("He said ...", "This was ..."): such a sentence cannot stand alone.
var dangling = setOf(`he she they it this that these those his her their its him them we i you
our there such both`)

// connectives open a sentence that continues the one before it.
var connectives = setOf(`but and so also however meanwhile yet still then instead nevertheless
moreover furthermore besides otherwise thus therefore`)

// boilerplate phrases mark page furniture rather than news. Lower case;
// matched anywhere in a sentence.
var boilerplate = []string{
	"scroll down for", "click here", "published:", "updated:", "read more:", "read more at",
	"follow us on", "follow @", "sign up for", "subscribe to", "all rights reserved",
	"copyright", "©", "share this article", "share or comment", "watch the video",
	"daily mail reporter", "for confidential support", "getty images", "associated press contributed",
	"contributed to this report", "terms of use", "cookie policy", "last modified on",
	"this article has been", "is not available", "please enable javascript",
}

// flagSet finds boilerplate (bit 1) and caption cues (bit 2) in one pass.
var flagSet = newPhrases(boilerplate, captionCues)

// captionCues mark a photo caption or credit run into the text.
var captionCues = []string{
	"(pictured", "pictured)", "(left)", "(right)", "(centre)", "(center)", "(above)", "(below)",
	"(file photo)", "(file picture)", "(stock image)", "(top)", "(bottom)", "pictured left",
	"pictured right", "pictured above", "pictured below", "pictured:", "photograph:", "photo:",
	"image:", "credit:", "video:", "(inset)", "(front)",
}

// speechVerbs, before a colon, mean the colon introduces a quote and not a
// caption label ("He said: ...").
var speechVerbs = setOf(`said says say added adds told tells explained explains wrote writes
insisted insists claimed claims stated states warned warns revealed reveals admitted admits
continued continues tweeted tweets declared declares announced announces asked asks replied
replies commented comments noted notes`)

func setOf(words string) map[string]bool {
	m := make(map[string]bool)
	w := 0
	for i := 0; i <= len(words); i++ {
		if i == len(words) || words[i] == ' ' || words[i] == '\n' || words[i] == '\t' {
			if i > w {
				m[words[w:i]] = true
			}
			w = i + 1
		}
	}
	return m
}
