# English words the figure extractor knows. Format: docs/figures.md.
# Words are matched case-insensitively unless a section says otherwise.

[language]
code = en
# The decimal mark when the article itself does not settle it ("1,500.5").
decimal = .
# Currency adjectives stand before the currency word: "Mexican pesos".
currency adjective = before
# Adjectives stand before the counted noun: "24 Russian helicopters".
noun adjectives = before
# Endings of verbs in the past tense ("seized"): an action done, which a cue before it does
# not reach ("the plan helped police seize" is still a plan; "the plan's police seized" not).
past endings = ed
# Endings of verbs in the future tense (none in English: "will" is a target cue).
future endings =

[numbers]
zero = 0
one = 1
two = 2
three = 3
four = 4
five = 5
six = 6
seven = 7
eight = 8
nine = 9
ten = 10
eleven = 11
twelve = 12
thirteen = 13
fourteen = 14
fifteen = 15
sixteen = 16
seventeen = 17
eighteen = 18
nineteen = 19
twenty = 20
thirty = 30
forty = 40
fifty = 50
sixty = 60
seventy = 70
eighty = 80
ninety = 90

[multipliers]
# Words that multiply the number before them in a number written in words.
hundred = 100
dozen = 12

[number joiners]
# "three hundred and fifty"
and

[times words]
# A change by a factor said in one word (unit `times`): "could double", "tripled in 2018", "a
# twofold increase". Read only after a modal, "to" or a copula, or before a non-noun.
double, doubled, doubles, doubling, twofold = 2
triple, tripled, triples, tripling, threefold = 3
quadruple, quadrupled, quadruples, quadrupling, fourfold = 4
fivefold = 5
tenfold = 10

[elided subject verbs]
# Verbs after a bare number that stands for the noun of an earlier count: "Of the 35
# helicopters, 24 were delivered"; "16 Mi-17s; 11 are operational".
are, were, is, was, remain, remained, remains, have, had, has, will, would

[indefinite one]
# "a million", "a dozen": one of what follows.
a, an

[scales]
hundred = 1e2
thousand, thousands = 1e3
million, millions, mn, mln, mil, millones, millón, millon = 1e6
billion, billions, bn, bln = 1e9
trillion, trillions, tn, trn = 1e12

[money scales]
# Exact case; only right after a money amount: "$5m", "$3k", "$2b".
m, M = 1e6
k, K = 1e3
b, B = 1e9

[currency words]
dollar, dollars = USD
euro, euros = EUR
ruble, rubles, rouble, roubles = RUB
real, reais, reals = BRL
sol, soles = PEN
boliviano, bolivianos = BOB
bolívar, bolívares, bolivar, bolivares, bolivars = VES
córdoba, córdobas, cordoba, cordobas = NIO
quetzal, quetzales, quetzals = GTQ
lempira, lempiras = HNL
yuan, renminbi = CNY
yen = JPY
kronor, krona = SEK
sterling = GBP
guaraní, guaranis, guaraníes = PYG
colón, colones = CRC
peso, pesos = ?peso

[currency or weight]
# Sterling after a scale word ("2 million pounds"), a weight otherwise ("500 pounds").
pound, pounds = GBP

[currency adjectives]
us = USD
american = USD
mexican, mexico = MXN
colombian, colombia = COP
argentine, argentinian, argentina = ARS
chilean, chile = CLP
cuban, cuba = CUP
dominican = DOP
uruguayan, uruguay = UYU
philippine, philippines = PHP

[units]
hectare, hectares, hectáreas, hectárea = hectare
square kilometers, square kilometres, square kilometer, square kilometre, square km, sq km, sq kilometers = km2
square miles, square mile, square mi, sq miles, sq mi = mi2
square meters, square metres, square meter, square metre, square m, sq m = m2
acre, acres = acre
ton, tons, tonne, tonnes, toneladas, tonelada = tonne
metric tons, metric ton, metric tonnes, metric tonne, short tons, short ton, long tons, long ton = tonne
kilogram, kilograms, kilogramme, kilogrammes, kilo, kilos = kg
gram, grams, gramme, grammes = g
ounce, ounces = ounce
pound, pounds = pound
percent, porciento = percent
per cent = percent
percentage points, percentage point = percent
kilometer, kilometers, kilometre, kilometres = km
mile, miles = mile
nautical miles, nautical mile = nautical mile
meter, meters, metre, metres = m
liter, liters, litre, litres = litre
cubic meters, cubic metres, cubic meter, cubic metre = m3
gallon, gallons = gallon
barrel, barrels = barrel
year, years, año, años = year
month, months = month
week, weeks = week
day, days = day
hour, hours = hour
decade, decades = decade
century, centuries = century

[per]
# "$2,000 per kilogram", "$1,500/kilo": a price per unit.
per, a, an

[qualifiers]
# Words right before a figure, longest first where they share words.
more than = more than
less than = less than
fewer than = fewer than
at least = at least
at most = at most
up to = up to
as many as = as many as
as much as = as much as
as few as = as few as
close to = close to
in excess of = more than
upwards of = more than
an estimated = about
estimated = about
about = about
around = around
approximately = about
circa = about
approx = about
roughly = about
some = about
nearly = nearly
almost = nearly
over = more than
under = less than
below = less than
above = more than
exceeding = more than
last = last
past = last
next = next
only = only

[months]
january, jan = 1
february, feb = 2
march, mar = 3
april, apr = 4
may = 5
june, jun = 6
july, jul = 7
august, aug = 8
september, sep, sept = 9
october, oct = 10
november, nov = 11
december, dec = 12

[ordinal suffixes]
st, nd, rd, th, s

[labels]
# Words before a number that make it a label, not a quantity ("page 5", "Resolution 1373").
page, pages, p, pp, no, nos, number, article, art, articles, section, sections, chapter
chapters, table, tables, figure, figures, fig, vol, volume, issue, line, lines, item, items
resolution, resolutions, law, decree, bill, act, paragraph, para, annex, appendix, box, case
file, phase, level, grade, room, code, tier, route, flight, version, model, class, group, unit
district, zone, region, step, stage, round, week, ref, rule, amendment, order, report
footnote, note, doc, document, block, lot, precinct, ward, brigade, battalion, division
squadron, regiment, corps, fleet, platoon, company

[quantity leads]
# Words that may stand right before a number without making it a label.
about, around, approximately, roughly, some, nearly, almost, over, under, more, less, fewer
than, least, up, to, from, of, by, at, in, on, for, with, and, or, the, a, an, its, their
his, her, our, these, those, all, only, just, another, other, estimated, est, total, reached
rose, fell, grew, increased, decreased, dropped, totalled, totaled, totalling, totaling
between, among, as, many, much, below, above, exceeding, exceeded, topped, hit, reaching
killing, killed, arresting, arresting, arrested, seized, seizing, destroyed, eradicated
eradicating, captured, deployed, sent, bought, sold, spent, paid, received, cost, costing
worth, valued, is, was, were, are, be, been, had, has, have, per, then, now, still, while

[phrase breaks]
# Function words and verbs that end a noun phrase after a number.
of, in, on, at, to, for, from, by, with, and, or, but, nor, that, which, who, whom, whose
were, was, are, is, be, been, had, have, has, will, would, could, should, may, might, can
did, do, does, the, a, an, this, these, those, their, its, his, her, our, per, each, every
than, as, while, over, under, into, since, during, including, between, among, across
after, before, until, when, where, because, if, so, not, also, then, there, it, they, he
she, we, you, i, annually, apiece, alone, ago, earlier, later, more, less, respectively
said, says, according, out, off, up, down, times, folds

[not plural]
# Words ending in -s that are not plural nouns.
was, is, has, this, its, his, hers, ours, theirs, as, us, thus, plus, versus, across, always
perhaps, yes, less, unless, whereas, besides, towards, afterwards, news, series, various
previous, serious, numerous, famous, dangerous, continuous, enormous, does, goes, gas, bus
lens, analysis, basis, crisis, thesis, status, census, consensus, chaos, bonus, virus
campus, corpus, focus, process, access, success, business, witness, progress, congress
address, press, class, mass, grass, glass, boss, loss, cross, miss, kiss
whereas, its, afterwards, overseas, alias, atlas, canvas, iris, axis, diagnosis, emphasis

[irregular plurals]
people, persons = person
craft, watercraft, hovercraft, spacecraft = craft
men = man
women = woman
children = child
police = police officer
personnel = personnel
aircraft = aircraft
cattle = cattle
staff = staff
militia = militia
feet = foot
teeth = tooth
mice = mouse
geese = goose
criteria = criterion
data = data
media = media
fish = fish
sheep = sheep
deer = deer
series = series
species = species
offspring = offspring
youth = youth
troops = troop
lives = life
wives = wife
knives = knife
thieves = thief
leaves = leaf
wolves = wolf
halves = half
selves = self
shelves = shelf
heroes = hero
potatoes = potato
tomatoes = tomato
vetoes = veto
torpedoes = torpedo
cargoes = cargo

[plural suffixes]
# Ending of a plural = ending of its singular, tried in order. V is any vowel, C any consonant.
ies = y
ches = ch
shes = sh
xes = x
sses = ss
zzes = zz
s =

[adjectives]
# Words between a number and its noun ("24 new helicopters"); words in -est and -ian,
# capitalised and hyphenated words are skipped too.
new, old, more, additional, other, major, main, small, large, big, armed, military, civilian
local, illegal, foreign, former, active, suspected, alleged, different, separate, total
regional, national, international, federal, state, private, public, young, top, senior
junior, key, rural, urban, individual, independent, further, extra, modern, used
second-hand, light, heavy, combat, attack, transport, fighter, armoured, armored, police
army, navy, naval, air, security, drug, criminal, rebel, guerrilla, paramilitary, government
official, unofficial, registered, known, confirmed, reported, documented, identified, coca
cocaine, marijuana, opium, poppy, anti-drug, counternarcotics, high-level, low-level, medium
short, long, full, part-time, full-time, european, american, latin, asian, african
african-american, indigenous, innocent, violent, dead, wounded, injured, missing, displaced
internally, homeless, poor, rich, wealthy, eligible, distinct, entire, whole, remaining
existing, planned, proposed, ongoing, joint, bilateral, multilateral, annual, monthly, daily
weekly, special, mobile, fixed, multi-role, multirole, surface-to-air, anti-aircraft, unmanned
pure, metric, raw, refined, processed, finished, crude, liquid, solid, dry, fresh, net, gross

[noun modifiers]
# A noun that modifies a plural after it: "police officers".
police

[year leads]
# Words that may stand before a year: "in 2014", "the 2016 elections", "fiscal 2015".
in, of, by, since, during, from, to, between, and, until, till, through, the, a, an, its
their, his, her, this, that, for, fiscal, year, early, late, mid, before, after, as, spring
summer, autumn, fall, winter, on, at, around, about, circa, c, ca, or, end, beginning, start
middle, close, course, first, second, third, fourth, last, half, quarter, part, fy, cy
calendar, within, throughout, over, both

[year prepositions]
# A year mention includes these words before it ("in 2014", "March 2015"), not a determiner.
in, by, since, until, till, through, before, after, during, of, for, from, to, fy, cy

[sentence openers]
# Words that open a sentence with a time adverbial: "In 2014, …", "By the end of 2018, …".
in, during, by, since, as, between, from, until, till, through, on, at, over, within
throughout, for, after, before, early, late, around, circa

[year since]
since, after

[year until]
until, till, through, before

[year range open]
between, from

[year range join]
and, to, until, through, till

[year list leads]
in, during, for

[year parts]
# Words that narrow a year without changing it: "early 2015", "mid-2012".
early, late, mid, spring, summer, autumn, fall, winter

[year periods]
# "the end of 2011", "the beginning of 2007": a part of a year named before "of".
beginning, start, end, middle, close, first, second, last

[fiscal]
fy, cy, fiscal

[determiners]
# "the" in "the end of 2011"; also the definite words of an anaphoric count ("the two nations").
the

[of]
of

[relative years]
# A year named relative to another year in the sentence (offset from it).
the following year = 1
the next year = 1
the subsequent year = 1
that following year = 1
a year later = 1
one year later = 1
a year earlier = -1
one year earlier = -1
the previous year = -1
the preceding year = -1
the prior year = -1
that same year = 0
the same year = 0
that year = 0
since then, since that time, since that year = since

[comparison words]
# Words after a year-relative phrase that make it the base of a comparison ("up 5% over the
# previous year").
over, from, than, to, with, versus, vs, on

[dated years]
# A year named relative to the article's date: it is proposed as `year_inferred`.
last year = -1
this year = 0
next year = 1
the past year = 0
the current year = 0
so far this year = 0
earlier this year = 0
later this year = 0
a year ago = -1
two years ago = -2
three years ago = -3
the year before = -1
last month = 0
this month = 0
last week = 0
this week = 0
yesterday = 0
today = 0
on monday = 0
on tuesday = 0
on wednesday = 0
on thursday = 0
on friday = 0
on saturday = 0
on sunday = 0

[base words]
# A year after these words, after a figure, is the base of a comparison, not the figure's
# year: "more than they did in 2015", "compared with 2017".
than, compared, versus, vs

[change bases]
# For a change (a percent), these also introduce its base: "a 16 percent decrease from 2017".
from, over

[share words]
# Words of a share ("half of", "a third", "two-thirds"): a sentence with none of them, no
# digit and no number word has no figure.
half, third, thirds, quarter, quarters

[reporting verbs]
said, says, say, told, reported, reports, according, announced, stated, noted, added
published

[change nouns]
# Nouns that make a percent a change: "a 40 percent increase".
increase, decrease, rise, drop, jump, fall, decline, reduction, growth, gain, cut

[change verbs]
# "up from 900", "rose to 12 percent from 10", "dropped from 305 to 290"
up, down, rising, falling, rose, fell, increase, decrease, drop, rise, jump, dropped, declined
increased, decreased, grew, climbed, jumped, shrank, slipped, soared, plunged, risen, fallen
dropping, declining, increasing, decreasing, growing, climbing, went

[compared with]
compared, comparison

[target cues]
# Words in a figure's clause, before it, that make it a target: a goal, plan, pledge, quota,
# ceiling, limit, proposal or request.
goal, goals, target, targets, targeted, targeting, aim, aims, aimed, aiming, objective
objectives, plan, plans, planned, planning, pledge, pledges, pledged, pledging, promise
promises, promised, promising, commit, commits, committed, commitment, commitments, quota
quotas, ceiling, ceilings, cap, caps, capped, limit, limits, proposal, proposals, propose
proposes, proposed, proposing, request, requests, requested, requesting, seek, seeks
seeking, sought, intend, intends, intended, intention, intent, want, wants, wish, hopes
hope, hoping, offered, offer, offers, set to, aspire, aspires, envisage, envisages, envisaged, authorize, authorizes
is to, are to, possible, mandate, mandates, benchmark, benchmarks, agreed to, agree to, agrees to
permitted, allowed, authorized, authorised

[forecast cues]
# Words that make a figure a prediction nobody commits to.
forecast, forecasts, forecasted, predict, predicts, predicted, prediction, predictions
project, projects, projected, projection, projections, expect, expects, expected
expectation, expectations, anticipate, anticipates, anticipated, likely, unlikely, could
might, may, outlook, foresee, foresees, foreseen, should

[future auxiliaries]
# "will train 500 agents" is a plan (a target); "will reach $5 billion" a forecast (the verb
# after is a forecast verb).
will, would, shall, 'll

[forecast verbs]
reach, rise, increase, grow, fall, decline, decrease, exceed, total, hit, top, double
triple, climb, drop, surpass, amount, be, cost, remain, stay, jump, shrink, expand, soar
plunge, slow, account, represent, near, approach, average

[carrying verbs]
# Verbs between a cue noun and its figure that carry the cue on: "the budget request included
# $47 million", "the plan calls for 500 officers".
include, includes, included, contain, contains, contained, total, totals, totaled, totalled
provide, provides, provided, call, calls, called, seek, seeks, sought, set, amount, amounts
amounted, is, was, were, are, be, envisaged, earmarked, allocated, budgeted

[actual cues]
# Words that keep a figure actual even after a cue: what was done ("exceeded its goal of").
exceeded, exceeding, surpassed, surpassing, met, meeting, reached, achieved, achieving
missed, beat, topped, fell short, already, currently

[future horizons]
# "in the next three years", "over the coming decade", "by 2030": a future period.
next, coming, following

[context nouns]
# Nouns that, counted after a definite word ("the two nations", "both countries"), refer back
# to parties already named: context, not a figure to plot.
nation, country, government, president, leader, minister, side, party, state, head
administration, capital, delegation, official, man, woman, company, firm, agency, army
force, military, navy, ally, neighbor, neighbour, partner, power, city, region, chamber
house, body, organization, organisation, institution, ministry, team, candidate, brother
sister, son, daughter, superpower, economy, republic, kingdom, signatory, bloc, nation-state
group, gang, cartel, faction, clan, rival, neighbour

[context determiners]
the, both, these, those, all

[weekdays]
monday, tuesday, wednesday, thursday, friday, saturday, sunday

[model families]
# What a model code counts when no noun follows it ("12 Mi-17s", "36 UH-1Ns", "50 T-72s"),
# by the letters the code starts with. A noun in the text always wins ("24 Mi-17 transport
# helicopters" counts transport helicopters as helicopter, "28 GAU-19 mini-guns" mini-gun).
Mi, Ka, UH, AH, CH, MH, HH, SH, Bell = helicopter
T = tank
AK = rifle
Su, MiG, F, Yak, An, Il, C, KC = aircraft
