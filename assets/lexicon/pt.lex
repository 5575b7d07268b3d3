# Portuguese words the figure extractor knows: money, weights, areas, percentages, counts and
# years. Format: docs/figures.md.

[language]
code = pt
decimal = ,
currency adjective = after
noun adjectives = after
past endings = ou, aram, eram, iu
future endings = rá, rão

[numbers]
zero = 0
dois, duas = 2
três, tres = 3
quatro = 4
cinco = 5
seis = 6
sete = 7
oito = 8
nove = 9
dez = 10
onze = 11
doze = 12
treze = 13
catorze, quatorze = 14
quinze = 15
dezesseis, dezasseis = 16
dezessete, dezassete = 17
dezoito = 18
dezenove, dezanove = 19
vinte = 20
trinta = 30
quarenta = 40
cinquenta = 50
sessenta = 60
setenta = 70
oitenta = 80
noventa = 90
cem, cento = 100
mil = 1000
duzentos, duzentas = 200
trezentos, trezentas = 300
quatrocentos, quatrocentas = 400
quinhentos, quinhentas = 500
seiscentos, seiscentas = 600
setecentos, setecentas = 700
oitocentos, oitocentas = 800
novecentos, novecentas = 900

[multipliers]
dúzia, dúzias = 12

[number joiners]
e

[times words]
# Uma mudança por um fator dita numa palavra (unidade `times`): "dobrou", "o triplo".
dobrou, dobraram, dobra, dobram, dobrará, dobrar, duplicou, duplicaram, duplicar, dobro = 2
triplicou, triplicaram, triplicar, triplicará, triplo = 3

[elided subject verbs]
# "Dos 35 helicópteros, 24 foram entregues".
são, eram, foram, foi, é, era, estão, estavam, está, continuam, permanecem, ficaram, serão
[indefinite one]
um, uma

[scales]
mil, milhares = 1e3
milhão, milhões, milhao, milhoes = 1e6
bilhão, bilhões, bilhao, bilhoes = 1e9
trilhão, trilhões = 1e12
bilião, biliões = 1e12

[money scales]
# Exact case; only right after a money amount: "R$ 2,5 bi", "R$ 300 mi".
bi = 1e9
mi = 1e6
tri = 1e12

[currency words]
dólar, dólares, dolar, dolares = USD
euro, euros = EUR
real, reais = BRL
rublo, rublos = RUB
sol, soles = PEN
boliviano, bolivianos = BOB
bolívar, bolívares = VES
guarani, guaranis = PYG
iene, ienes = JPY
iuane, iuanes, yuan = CNY
peso, pesos = ?peso
libras esterlinas, libra esterlina = GBP

[currency or weight]
libra, libras = GBP

[currency adjectives]
americano, americanos, norte-americanos, estadunidenses, estadunidense = USD
mexicano, mexicanos = MXN
colombiano, colombianos = COP
argentino, argentinos = ARS
chileno, chilenos = CLP
uruguaio, uruguaios = UYU

[units]
hectare, hectares, hectar, hectares = hectare
quilômetros quadrados, quilômetro quadrado, quilómetros quadrados, km quadrados = km2
metros quadrados, metro quadrado = m2
tonelada, toneladas = tonne
toneladas métricas, tonelada métrica = tonne
quilo, quilos, quilograma, quilogramas = kg
grama, gramas = g
libra, libras = pound
por cento = percent
pontos percentuais, ponto percentual = percent
quilômetro, quilômetros, quilómetro, quilómetros = km
milha, milhas = mile
metro, metros = m
litro, litros = litre
metros cúbicos, metro cúbico = m3
barril, barris = barrel
ano, anos = year
mês, meses = month
semana, semanas = week
dia, dias = day
hora, horas = hour
década, décadas = decade
século, séculos = century

[per]
por, o, a, cada

[qualifiers]
mais de = more than
menos de = less than
pelo menos = at least
no mínimo = at least
até = up to
cerca de = close to
por volta de = around
em torno de = around
aproximadamente = about
quase = nearly
apenas = only
somente = only
só = only
uns, umas = about

[months]
janeiro = 1
fevereiro = 2
março, marco = 3
abril = 4
maio = 5
junho = 6
julho = 7
agosto = 8
setembro = 9
outubro = 10
novembro = 11
dezembro = 12

[ordinal suffixes]
º, ª, o, a

[labels]
página, páginas, pág, número, artigo, art, seção, secção, capítulo, tabela, quadro, gráfico
figura, volume, lei, decreto, resolução, parágrafo, anexo, caso, processo, fase, nível
grau, sala, código, rota, voo, versão, modelo, classe, grupo, unidade, distrito, zona
região, etapa, rodada, semana, regra, emenda, ordem, relatório, nota, documento, bloco
lote, brigada, batalhão, divisão, esquadrão, regimento, corpo, frota, pelotão, companhia
rodovia, rua, avenida, andar, edifício

[quantity leads]
cerca, quase, mais, menos, de, do, da, dos, das, a, ao, em, no, na, nos, nas, por, com, e
ou, o, os, as, seus, suas, estes, estas, total, alcançou, chegou, somou, subiu, caiu
cresceu, aumentou, diminuiu, apreendeu, apreenderam, erradicou, destruiu, prendeu
prenderam, matou, comprou, vendeu, gastou, pagou, recebeu, investiu, custou, custa, vale
entre, até, aproximadamente, apenas, é, era, foi, foram, são, tem, têm, tinha, ainda
enquanto, sobre, que, se, para, desde, após, segundo

[phrase breaks]
de, do, da, dos, das, em, no, na, nos, nas, a, ao, aos, com, por, pelo, pela, para, e, ou
nem, mas, que, quem, qual, quais, cujo, cuja, foi, foram, era, eram, é, são, ser, sido, tem
têm, tinha, terá, será, serão, seria, poderia, pode, podem, o, os, as, um, uma, uns, umas
este, esta, estes, estas, esse, essa, esses, essas, seu, sua, seus, suas, cada, como
enquanto, sobre, sob, desde, durante, entre, até, após, segundo, incluindo, quando, onde
porque, se, não, também, então, ali, eles, elas, ele, ela, nós, anuais, anualmente
respectivamente, disse, afirmou, informou, mais, menos, contra, sem

[not plural]
mês, país, dose, crise, análise, tese, vírus, lápis, ônibus, gás, mais, menos, depois
antes, pois, após, então, além, enquanto, seus, suas, os, as, nos, vos, dois, três, seis
ambos, ambas, apenas, quase, status, ênfase, atlas, campus, corpus, inglês, francês
português, japonês, holandês, escocês, irlandês, interesse, revés, através

[irregular plurals]
meses = mês
países = país
pães = pão
cães = cão
alemães = alemão
capitães = capitão
pessoas = pessoa
reais = real

[plural suffixes]
ões = ão
ães = ão
ais = al
éis = el
eis = il
óis = ol
uis = ul
Cis = Cil
ns = m
res = r
zes = z
ses = s
Vs = V

[adjectives]
novos, novas, supostos, supostas, grandes, pequenos, pequenas, principais, outros, outras
diferentes, primeiros, primeiras, últimos, últimas, velhos, velhas, antigos, antigas
modernos, modernas, vários, várias, numerosos, numerosas, mil, milhares, milhões, mesmos
mesmas, possíveis, ex, importantes, perigosos, perigosas

[noun modifiers]

[year leads]
em, de, do, da, desde, durante, entre, e, até, para, a, ao, o, ano, anos, exercício, fiscal
início, inícios, meados, final, finais, fim, primeiro, segundo, terceiro, quarto, último
semestre, trimestre, metade, antes, depois, por, ou, este, esse, aquele, seu, sua, safra

[year prepositions]
em, de, do, desde, durante, até, para, a, ao, entre, antes, após

[sentence openers]
em, durante, desde, entre, até, para, no, na, após

[year since]
desde, após, depois, partir

[year until]
até, antes

[year range open]
entre, de, desde

[year range join]
e, a, até

[year list leads]
em, durante, para

[year parts]
início, inícios, meados, final, finais, fim

[year periods]
início, inícios, meados, final, finais, fim, metade, primeiro, segundo

[fiscal]
fiscal, exercício

[determiners]
o, a, os, as

[of]
de, do, da

[relative years]
o ano seguinte = 1
no ano seguinte = 1
do ano seguinte = 1
um ano depois = 1
o ano anterior = -1
do ano anterior = -1
no ano anterior = -1
um ano antes = -1
naquele ano = 0
nesse ano = 0
no mesmo ano = 0
desde então, desde essa data, desde esse ano, a partir de então = since

[comparison words]
frente, relação, que, comparação, com, sobre

[dated years]
o ano passado = -1
no ano passado = -1
do ano passado = -1
este ano = 0
neste ano = 0
o próximo ano = 1
no próximo ano = 1
ontem = 0
hoje = 0

[base words]
relação, comparação, comparado, comparada, frente

[change bases]
desde

[share words]
metade, terço, terços, quarto, quartos

[reporting verbs]
disse, afirmou, informou, segundo, declarou, anunciou, explicou, publicou

[change nouns]
aumento, alta, crescimento, queda, redução, diminuição, corte

[change verbs]
subiu, caiu, cresceu, aumentou, diminuiu

[compared with]
comparação, comparado, comparada, frente, relação

[target cues]
meta, metas, objetivo, objetivos, busca, pretende, pretendem, planeja, planejam, plano
planos, proposta, propôs, propõe, solicitou, promete, prometeu, compromisso, cota, cotas
teto, limite, vai, irá, irão, quer, querem

[forecast cues]
previsão, previsto, prevista, projeção, projeções, projetado, provável
provavelmente, poderia, poderiam, deve, devem, deverá, deverão, prevê, espera que
alcançará, chegará, crescerá, aumentará, cairá, superará, somará, custará

[future auxiliaries]

[forecast verbs]

[carrying verbs]
inclui, incluiu, prevê, previu, soma, somou, é, era, foi, fixa, fixou

[actual cues]
superou, superaram, alcançou, atingiu, cumpriu, já, atualmente

[future horizons]
próximos, próximas, seguintes

[context nouns]
nação, país, governo, presidente, líder, ministro, ministra, chanceler, parte, partido
estado, chefe, administração, capital, delegação, empresa, agência, exército, força
aliado, vizinho, sócio, parceiro, potência, cidade, região, organização, economia, república
grupo, facção, cartel

[context determiners]
os, as, ambos, ambas, estes, estas, esses, essas

[weekdays]
segunda-feira, terça-feira, quarta-feira, quinta-feira, sexta-feira, sábado, domingo

[model families]
# O que conta um código de modelo sem substantivo ("12 Mi-17", "50 T-72"); see en.lex.
Mi, Ka, UH, AH, CH, MH, HH, SH, Bell = helicóptero
T = tanque
AK = fuzil
Su, MiG, F, Yak, An, Il, C, KC = avião
