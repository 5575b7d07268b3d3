# Spanish words the figure extractor knows. Format: docs/figures.md.

[language]
code = es
# "11.500" is eleven thousand five hundred and "1,5" one and a half, unless the article
# itself writes numbers the other way (Mexican and Central American press: "1,500.5").
decimal = ,
# "pesos mexicanos", "dólares estadounidenses"
currency adjective = after
# "24 helicópteros rusos": most adjectives follow the noun.
noun adjectives = after
# "erradicó", "incautaron", "decomisaron": actions done.
past endings = ó, aron, ieron, ió
# "erradicará", "invertirán": a plan (a target) unless a forecast cue says otherwise.
future endings = rá, rán

[numbers]
cero = 0
uno = 1
dos = 2
tres = 3
cuatro = 4
cinco = 5
seis = 6
siete = 7
ocho = 8
nueve = 9
diez = 10
once = 11
doce = 12
trece = 13
catorce = 14
quince = 15
dieciséis, dieciseis = 16
diecisiete = 17
dieciocho = 18
diecinueve = 19
veinte = 20
veintiuno, veintiuna, veintiún = 21
veintidós, veintidos = 22
veintitrés, veintitres = 23
veinticuatro = 24
veinticinco = 25
veintiséis, veintiseis = 26
veintisiete = 27
veintiocho = 28
veintinueve = 29
treinta = 30
cuarenta = 40
cincuenta = 50
sesenta = 60
setenta = 70
ochenta = 80
noventa = 90
cien, ciento = 100
mil = 1000
doscientos, doscientas = 200
trescientos, trescientas = 300
cuatrocientos, cuatrocientas = 400
quinientos, quinientas = 500
seiscientos, seiscientas = 600
setecientos, setecientas = 700
ochocientos, ochocientas = 800
novecientos, novecientas = 900

[multipliers]
docena, docenas = 12

[number joiners]
# "treinta y cinco"
y

[times words]
# Un cambio por un factor dicho en una palabra (unidad `times`): "se duplicó", "el triple".
duplicó, duplicaron, duplica, duplican, duplicará, duplicarán, duplicaría, duplicar, doble = 2
duplicado, duplicada, duplicados, duplicadas = 2
triplicó, triplicaron, triplica, triplican, triplicará, triplicarán, triplicar, triple = 3
triplicado, triplicada = 3
cuadruplicó, cuadruplicaron, cuadruplicar, cuádruple = 4

[elided subject verbs]
# "De los 35 helicópteros, 24 fueron entregados"; "16 Mi-17; 11 están operativos".
son, eran, fueron, fue, es, era, están, estaban, estuvieron, está, siguen, seguían, quedan
quedaron, han, habían, serán, se

[indefinite one]
un, una

[scales]
mil, miles = 1e3
millón, millon, millones = 1e6
millardo, millardos = 1e9
billón, billon, billones = 1e12
# "500 mdd" (millones de dólares) and "300 mdp" (millones de pesos) carry their currency.
mill, mlls, mln, mdd, mdp = 1e6

[money scales]
# Exact case; only right after a money amount: "US$ 500 MM", "$3 mil".
MM = 1e6
M = 1e6

[currency words]
dólar, dólares, dolar, dolares = USD
euro, euros = EUR
rublo, rublos = RUB
real, reales = BRL
sol, soles = PEN
boliviano, bolivianos = BOB
bolívar, bolívares, bolivar, bolivares = VES
córdoba, córdobas, cordoba, cordobas = NIO
quetzal, quetzales = GTQ
lempira, lempiras = HNL
yuan, yuanes = CNY
yen, yenes = JPY
guaraní, guaraníes, guaranies = PYG
colón, colones = CRC
peso, pesos = ?peso
mdd = USD
mdp = ?peso
libras esterlinas, libra esterlina = GBP

[currency or weight]
libra, libras = GBP

[currency adjectives]
estadounidense, estadounidenses, americano, americanos = USD
mexicano, mexicanos = MXN
colombiano, colombianos = COP
argentino, argentinos = ARS
chileno, chilenos = CLP
cubano, cubanos = CUP
dominicano, dominicanos = DOP
uruguayo, uruguayos = UYU
filipino, filipinos = PHP

[units]
hectárea, hectáreas, hectarea, hectareas = hectare
kilómetros cuadrados, kilómetro cuadrado, kilometros cuadrados, km cuadrados = km2
metros cuadrados, metro cuadrado = m2
millas cuadradas, milla cuadrada = mi2
acre, acres = acre
tonelada, toneladas = tonne
toneladas métricas, tonelada métrica, toneladas metricas = tonne
kilogramo, kilogramos, kilo, kilos = kg
gramo, gramos = g
onza, onzas = ounce
libra, libras = pound
por ciento = percent
puntos porcentuales, punto porcentual = percent
kilómetro, kilómetros, kilometro, kilometros = km
milla, millas = mile
millas náuticas, milla náutica = nautical mile
metro, metros = m
litro, litros = litre
metros cúbicos, metro cúbico = m3
galón, galones = gallon
barril, barriles = barrel
año, años = year
mes, meses = month
semana, semanas = week
día, días, dia, dias = day
hora, horas = hour
década, décadas = decade
siglo, siglos = century

[per]
por, el, la, cada

[qualifiers]
más de = more than
mas de = more than
poco más de = more than
menos de = less than
poco menos de = less than
al menos = at least
por lo menos = at least
como mínimo = at least
hasta = up to
cerca de = close to
alrededor de = around
en torno a = around
aproximadamente = about
unos, unas = about
casi = nearly
apenas = only
sólo, solo, solamente = only
un estimado de = about
estimados = about
superior a = more than
inferior a = less than
últimos, últimas = last
próximos, próximas = next

[months]
enero = 1
febrero = 2
marzo = 3
abril = 4
mayo = 5
junio = 6
julio = 7
agosto = 8
septiembre, setiembre = 9
octubre = 10
noviembre = 11
diciembre = 12

[ordinal suffixes]
º, ª, o, a, er, ro, do, to, vo, mo, no

[labels]
página, páginas, pág, núm, número, artículo, art, sección, capítulo, tabla, cuadro, gráfico
figura, volumen, vol, ley, decreto, resolución, inciso, párrafo, anexo, apéndice, caso
expediente, fase, nivel, grado, sala, código, ruta, vuelo, versión, modelo, clase, grupo
unidad, distrito, zona, región, paso, etapa, ronda, semana, regla, enmienda, orden, informe
nota, documento, bloque, lote, brigada, batallón, división, escuadrón, regimiento, cuerpo
flota, pelotón, compañía, carretera, calle, avenida, kilómetro, km, piso, edificio, oficina
tomo, frente, comando

[quantity leads]
unos, unas, cerca, casi, más, menos, de, del, a, al, en, por, con, y, o, el, la, los, las
sus, su, estos, estas, esos, esas, otros, otras, total, alcanzó, alcanzaron, llegó, llegaron
sumó, sumaron, subió, bajó, cayó, creció, aumentó, disminuyó, redujo, incautó, incautaron
decomisó, decomisaron, erradicó, erradicaron, destruyó, destruyeron, capturó, capturaron
detuvo, detuvieron, arrestó, arrestaron, mató, murieron, compró, compraron, vendió
vendieron, gastó, pagó, pagaron, recibió, recibieron, invirtió, costó, cuesta, vale
entre, hasta, aproximadamente, apenas, sólo, solo, es, era, fue, fueron, son, eran, ha, han
había, habían, hay, tiene, tienen, tenía, ahora, aún, todavía, mientras, sobre, superior
inferior, alrededor, unos, que, se, para, desde, tras, según

[phrase breaks]
de, del, en, a, al, con, por, para, y, e, o, u, ni, pero, que, quien, quienes, cual, cuales
cuyo, cuya, fue, fueron, era, eran, es, son, ser, sido, ha, han, había, habían, habrá, será
serán, sería, serían, podría, podrían, puede, pueden, el, la, los, las, lo, un, una, unos
unas, este, esta, estos, estas, ese, esa, esos, esas, su, sus, cada, como, mientras, sobre
bajo, desde, durante, entre, hasta, tras, según, incluidos, incluidas, incluyendo, cuando
donde, porque, si, no, también, entonces, allí, ellos, ellas, él, ella, nosotros, anuales
anualmente, cada, respectivamente, dijo, dice, afirmó, señaló, informó, más, menos, se
contra, sin, hacia, ante

[not plural]
mes, país, dosis, crisis, análisis, tesis, virus, lunes, martes, miércoles, jueves, viernes
autobús, gas, tos, bus, más, menos, después, antes, pues, tras, entonces, además, mientras
sus, las, los, nos, les, unos, unas, dos, tres, seis, ambos, ambas, apenas, casi, hacia
estatus, énfasis, síntesis, hipótesis, paréntesis, atlas, cactus, campus, corpus, génesis
bíceps, tórax, fénix, ómnibus, lápiz, inglés, francés, interés, revés, través, japonés
portugués, holandés, escocés, irlandés, cortés, marqués, ciempiés, adiós, dios

[irregular plurals]
meses = mes
países = país
jóvenes = joven
órdenes = orden
crímenes = crimen
imágenes = imagen
exámenes = examen
volúmenes = volumen
márgenes = margen
orígenes = origen
trenes = tren
bienes = bien
planes = plan
panes = pan
fines = fin
sedes = sede
viajes = viaje
caracteres = carácter
regímenes = régimen
especímenes = espécimen
efectivos = efectivo
personas = persona
gente = persona

[plural suffixes]
# Ending of a plural = ending of its singular, tried in order. V is any vowel, C any consonant.
iones = ión
ones = ón
anes = án
enes = én
ines = ín
eses = és
íses = ís
ces = z
Vles = Vl
Vres = Vr
Vdes = Vd
Vyes = Vy
Vs = V

[adjectives]
# Words that stand before the counted noun ("24 nuevos helicópteros"); after it they are
# skipped anyway.
nuevos, nuevas, presuntos, presuntas, supuestos, supuestas, grandes, pequeños, pequeñas
principales, otros, otras, diferentes, distintos, distintas, primeros, primeras, últimos
últimas, viejos, viejas, antiguos, antiguas, modernos, modernas, varios, varias, numerosos
numerosas, mil, miles, millones, sendos, sendas, más, menos, aproximadamente, mismos
mismas, posibles, principales, supuestos, altos, altas, ex, importantes, peligrosos
peligrosas

[noun modifiers]

[year leads]
en, de, del, el, la, los, las, desde, durante, entre, y, hasta, para, a, al, año, años
ejercicio, fiscal, comienzos, principios, inicios, mediados, finales, fines, fin, primer
primero, segundo, tercer, cuarto, último, semestre, trimestre, mitad, antes, después
hacia, por, o, este, ese, aquel, su, sus, temporada, campaña, gestión, periodo, período

[year prepositions]
en, de, del, desde, durante, hasta, para, a, al, entre, hacia, antes, tras

[sentence openers]
en, durante, desde, entre, hasta, para, a, al, hacia, tras, el, la

[year since]
desde, tras, después, partir

[year until]
hasta, antes

[year range open]
entre, de, del, desde

[year range join]
y, a, al, hasta

[year list leads]
en, durante, para

[year parts]
comienzos, principios, inicios, mediados, finales, fines

[year periods]
comienzos, principios, inicios, mediados, finales, fines, fin, mitad, primer, segundo

[fiscal]
fiscal, ejercicio

[determiners]
el, la, los, las, a

[of]
de, del

[relative years]
el año siguiente = 1
al año siguiente = 1
del año siguiente = 1
un año después = 1
un año más tarde = 1
el año anterior = -1
del año anterior = -1
un año antes = -1
ese mismo año = 0
ese año = 0
el mismo año = 0
del mismo año = 0
de ese año = 0
aquel año = 0
desde entonces, desde esa fecha, desde ese año, a partir de entonces = since

[comparison words]
frente, respecto, que, comparación, con, sobre

[dated years]
el año pasado = -1
del año pasado = -1
este año = 0
el año en curso = 0
en lo que va del año = 0
en lo que va de año = 0
el próximo año = 1
el año próximo = 1
el año que viene = 1
hace un año = -1
hace dos años = -2
el mes pasado = 0
este mes = 0
la semana pasada = 0
esta semana = 0
ayer = 0
hoy = 0
el lunes = 0
el martes = 0
el miércoles = 0
el jueves = 0
el viernes = 0
el sábado = 0
el domingo = 0

[base words]
frente, respecto, comparación, comparado, comparada

[change bases]
desde

[share words]
mitad, tercio, tercios, cuarto, cuartos

[reporting verbs]
dijo, dice, dijeron, afirmó, señaló, informó, indicó, explicó, declaró, aseguró, según
anunció, precisó, detalló, agregó, añadió, publicó, reportó, reveló

[change nouns]
aumento, incremento, alza, subida, crecimiento, caída, descenso, disminución, reducción
baja, recorte

[change verbs]
subió, bajó, cayó, creció, aumentó, disminuyó, frente, desde

[compared with]
comparación, comparado, comparada, frente, respecto

[target cues]
meta, metas, objetivo, objetivos, busca, buscan, buscará, pretende, pretenden, prevé
prevén, planea, planean, plan, planes, propuesta, propuso, propone, proponen, solicitó
solicita, solicitud, promete, prometió, compromiso, comprometió, comprometido, cuota, cuotas
tope, límite, techo, aspira, aspiran, intenta, pretendía, quiere, quieren, programado
programada, programados, prometido, prometida, permitidas, permitidos, permitida, permitido
autorizadas, autorizados, autorizada, autorizado
compromete, comprometen, acordaron, acordó, acuerdan, acordado, acordada, decidió, decidieron

[forecast cues]
pronóstico, pronostica, pronosticó, previsto, prevista, previstos, previstas, proyección
proyecciones, proyectado, proyectada, probable
probablemente, podría, podrían, alcanzaría, alcanzarían, llegaría, llegarían, crecería
aumentaría, se espera, se prevé, esperado, esperada, espera que, esperan que, alcanzará
alcanzarán, llegará, llegarán, crecerá, crecerán, aumentará, aumentarán, superará
superarán, caerá, caerán, rondará, rondarán, disminuirá, bajará, subirá, costará, costarán
sumará, sumarán, rondaría, superaría

[future auxiliaries]

[forecast verbs]

[carrying verbs]
incluye, incluyó, incluía, contempla, contempló, asciende, ascendió, suma, sumó, es, era, fue
fija, fijó, establece, estableció, prevé, previó, destina, destinó

[actual cues]
superó, superaron, superando, alcanzó, alcanzaron, cumplió, logró, lograron, rebasó, ya
actualmente

[future horizons]
próximos, próximas, siguientes, venideros

[context nouns]
nación, país, gobierno, presidente, presidenta, líder, ministro, ministra, canciller, parte
partido, estado, jefe, jefa, administración, capital, delegación, funcionario, hombre, mujer
empresa, compañía, agencia, ejército, fuerza, aliado, vecino, socio, potencia, ciudad
región, cámara, organismo, organización, institución, ministerio, equipo, candidato, hermano
hermana, hijo, hija, economía, república, reino, firmante, bloque, mandatario, mandataria
grupo, banda, cartel, cártel, facción, clan

[context determiners]
los, las, ambos, ambas, estos, estas, esos, esas

[weekdays]
lunes, martes, miércoles, jueves, viernes, sábado, domingo

[model families]
# Lo que cuenta un código de modelo sin sustantivo ("12 Mi-17", "50 T-72"); see en.lex.
Mi, Ka, UH, AH, CH, MH, HH, SH, Bell = helicóptero
T = tanque
AK = fusil
Su, MiG, F, Yak, An, Il, C, KC = avión
