# Units and currencies shared by every language: the canonical name a figure's unit is given
# (the same in English, Spanish and Portuguese text), its class, how it is labelled, and the
# symbols and abbreviations written the same way in every language. The words for a unit
# ("hectares", "hectáreas") are in the language files (en.lex, es.lex, pt.lex).
#
# Format: see docs/figures.md. One entry per line; `#` starts a comment.

[units]
# canonical | class | label | symbols and abbreviations | short forms (only right after digits)
hectare | area | hectares | | ha, has
km2 | area | km² | km2, km², sqkm |
acre | area | acres | ac |
m2 | area | m² | m2, m² |
mi2 | area | sq mi | mi2 |
tonne | weight | tonnes | tn | mt, t, tm
kg | weight | kg | kg, kgs |
g | weight | g | | g, gr, grs
pound | weight | pounds | lb, lbs |
ounce | weight | ounces | oz |
km | length | km | km, kms |
mile | length | miles | mi |
m | length | m | | m
nautical mile | length | nautical miles | |
litre | volume | litres | | l, lt
m3 | volume | m³ | m3, m³ |
gallon | volume | gallons | gal |
barrel | volume | barrels | bbl |
percent | percent | % | %, pct |
fraction | percent | share | |
year | duration | years | yr, yrs |
month | duration | months | |
week | duration | weeks | |
day | duration | days | |
hour | duration | hours | hrs |
decade | duration | decades | |
century | duration | centuries | |

[currencies]
# ISO 4217 code | label | symbols and prefixed symbols written before the amount (exact case)
USD | US dollars | $, US$, U.S.$, USA$, $US, U$S, u$s
EUR | euros | €
GBP | pounds sterling | £
JPY | yen | ¥
RUB | roubles | ₽
BRL | reais | R$
CAD | Canadian dollars | C$, CA$, CAN$
MXN | Mexican pesos | MX$, Mex$, MXN$
COP | Colombian pesos | COP$, COL$, Col$
AUD | Australian dollars | A$, AU$, $A
NZD | New Zealand dollars | NZ$
PEN | Peruvian soles | S/, S/.
BOB | bolivianos |
VES | bolívares |
VEF | bolívares fuertes |
NIO | córdobas |
CNY | yuan |
SEK | kronor |
ARS | Argentine pesos |
CLP | Chilean pesos | CLP$
GTQ | quetzales |
HNL | lempiras |
UYU | Uruguayan pesos |
PYG | guaraníes |
DOP | Dominican pesos | RD$
CUP | Cuban pesos |
CHF | Swiss francs |
PHP | Philippine pesos |
CRC | colones | ₡

[local currencies]
# A currency that is a different one in each country ("pesos", "Bs."): its name (the language
# files write `?name` for it) | the code when the article names none of the countries |
# symbols written before the amount (exact case) | country name stem = code, …
peso | | | Mexic = MXN, Méxic = MXN, Colombia = COP, Argentin = ARS, Chile = CLP, Cuba = CUP, Dominican = DOP, Urugua = UYU, Philippin = PHP, Filipin = PHP, Sinaloa = MXN, Culiacán = MXN, Jalisco = MXN, Guadalajara = MXN, Tamaulipas = MXN, Michoacán = MXN, Chihuahua = MXN, Sonora = MXN, Monterrey = MXN, Nuevo León = MXN, Veracruz = MXN, Tijuana = MXN, Oaxaca = MXN, Chiapas = MXN, Quintana Roo = MXN, Sedena = MXN, SEDENA = MXN, Bogotá = COP, Medellín = COP, Antioquia = COP, Nariño = COP, Putumayo = COP, Cundinamarca = COP, Barranquilla = COP, Buenos Aires = ARS, Rosario = ARS, Mendoza = ARS, Jujuy = ARS, Valparaíso = CLP, Antofagasta = CLP, Iquique = CLP
bs | BOB | Bs., Bs, Bs.S, BsS, Bs.F | Bolivia = BOB, Venezuela = VES
