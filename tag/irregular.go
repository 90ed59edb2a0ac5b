package tag

import "strings"

// The lemmatizer learns edit scripts from the training treebank: a verb
// form it never saw takes the script of its suffix, which is right for
// regular verbs and wrong for irregular ones ("fought" → "fing" after
// "brought" → "bring", "shot" → "shet", "fled" → "fl"). English has a closed
// list of irregular verbs; irregularVerbs maps their past and participle
// forms to the base form, and the tagger uses it for a verb form that
// training never gave a lemma for. Forms that are the past of one verb and
// the base of another ("found", "lay", "saw", "wound", "ground", "bore",
// "fell") are left to the learned scripts.
var irregularVerbs = formTable(irregularList)

// irregularList: base form, then past and participle forms.
const irregularList = `
arise arose arisen
awake awoke awoken
be was were been
bear borne born
beat beaten
become became
befall befell befallen
begin began begun
behold beheld
bend bent
bid bade bidden
bind bound
bite bit bitten
bleed bled
blow blew blown
break broke broken
breed bred
bring brought
broadcast broadcasted
build built
burn burnt
buy bought
catch caught
choose chose chosen
cling clung
come came
creep crept
deal dealt
dig dug
do did done
draw drew drawn
dream dreamt
drink drank drunk
drive drove driven
dwell dwelt
eat ate eaten
feed fed
feel felt
fight fought
flee fled
fling flung
fly flew flown
forbid forbade forbidden
forecast forecasted
foresee foresaw foreseen
foretell foretold
forget forgot forgotten
forgive forgave forgiven
forsake forsook forsaken
freeze froze frozen
get got gotten
give gave given
go went gone
grow grew grown
hang hung
have had has
hear heard
hide hid hidden
hold held
keep kept
kneel knelt
know knew known
lead led
lean leant
leap leapt
learn learnt
leave left
lend lent
lie lain
light lit
lose lost
make made
mean meant
meet met
mislead misled
mistake mistook mistaken
misunderstand misunderstood
outdo outdid outdone
overcome overcame
overdo overdid overdone
overhear overheard
override overrode overridden
overrun overran
oversee oversaw overseen
overtake overtook overtaken
overthrow overthrew overthrown
pay paid
prove proven
rebuild rebuilt
redo redid redone
rend rent
repay repaid
retake retook retaken
rethink rethought
rewrite rewrote rewritten
ride rode ridden
ring rang rung
rise rose risen
run ran
say said
see seen
seek sought
sell sold
send sent
sew sewn
shake shook shaken
shine shone
shoot shot
show shown
shrink shrank shrunk
sing sang sung
sink sank sunk
sit sat
slay slew slain
sleep slept
slide slid
sling slung
speak spoke spoken
speed sped
spend spent
spin spun
spit spat
spring sprang sprung
stand stood
steal stole stolen
stick stuck
sting stung
stink stank stunk
stride strode stridden
strike struck stricken
string strung
strive strove striven
swear swore sworn
sweep swept
swell swollen
swim swam swum
swing swung
take took taken
teach taught
tear tore torn
tell told
think thought
throw threw thrown
tread trod trodden
undergo underwent undergone
understand understood
undertake undertook undertaken
undo undid undone
uphold upheld
wake woke woken
wear wore worn
weave wove woven
weep wept
win won
withdraw withdrew withdrawn
withhold withheld
withstand withstood
wring wrung
write wrote written
`

// irregularNouns maps irregular plurals to their singular ("crises" had
// become "crise" by the suffix scripts). "bases" (base or basis) is left
// out.
var irregularNouns = formTable(irregularPlurals)

// irregularPlurals: singular, then plural.
const irregularPlurals = `
crisis crises
oasis oases
thesis theses
hypothesis hypotheses
analysis analyses
diagnosis diagnoses
prognosis prognoses
synthesis syntheses
parenthesis parentheses
emphasis emphases
criterion criteria
phenomenon phenomena
mouse mice
louse lice
goose geese
foot feet
tooth teeth
man men
woman women
child children
ox oxen
alumnus alumni
fungus fungi
cactus cacti
stimulus stimuli
nucleus nuclei
radius radii
index indices
appendix appendices
matrix matrices
vertex vertices
`

// formTable reads lines of a base form followed by its other forms into a
// map from each other form to the base.
func formTable(list string) map[string]string {
	m := map[string]string{}
	for _, line := range strings.Split(list, "\n") {
		f := strings.Fields(line)
		for _, form := range f[min(1, len(f)):] {
			m[form] = f[0]
		}
	}
	return m
}
