"""ISO 3166-1 codes and English short names, and reading a state as a user writes it.

Use `resolve("Russia")`, `resolve("RUS")` or `resolve("ru")` to get the alpha-2 code an import
file means; `name_of(code)` for a display name when the members app does not know the state.
The table is the ISO 3166-1 list (249 entries) with common alternative English names, so that a
status table copied from the UN, a national register or a spreadsheet can be read without edits.
Names are matched without case, accents, punctuation or a leading "the". A regional organization
that may become party (the European Union) is read and named the same way (`REGIONAL_ORGANIZATIONS`).
"""

from __future__ import annotations

import unicodedata

from secretariat.core.domain.errors import RuleViolation

_TABLE = """
AD AND Andorra
AE ARE United Arab Emirates
AF AFG Afghanistan
AG ATG Antigua and Barbuda
AI AIA Anguilla
AL ALB Albania
AM ARM Armenia
AO AGO Angola
AQ ATA Antarctica
AR ARG Argentina
AS ASM American Samoa
AT AUT Austria
AU AUS Australia
AW ABW Aruba
AX ALA Åland Islands
AZ AZE Azerbaijan
BA BIH Bosnia and Herzegovina
BB BRB Barbados
BD BGD Bangladesh
BE BEL Belgium
BF BFA Burkina Faso
BG BGR Bulgaria
BH BHR Bahrain
BI BDI Burundi
BJ BEN Benin
BL BLM Saint Barthélemy
BM BMU Bermuda
BN BRN Brunei Darussalam
BO BOL Bolivia
BQ BES Bonaire, Sint Eustatius and Saba
BR BRA Brazil
BS BHS Bahamas
BT BTN Bhutan
BV BVT Bouvet Island
BW BWA Botswana
BY BLR Belarus
BZ BLZ Belize
CA CAN Canada
CC CCK Cocos (Keeling) Islands
CD COD Democratic Republic of the Congo
CF CAF Central African Republic
CG COG Congo
CH CHE Switzerland
CI CIV Côte d'Ivoire
CK COK Cook Islands
CL CHL Chile
CM CMR Cameroon
CN CHN China
CO COL Colombia
CR CRI Costa Rica
CU CUB Cuba
CV CPV Cabo Verde
CW CUW Curaçao
CX CXR Christmas Island
CY CYP Cyprus
CZ CZE Czechia
DE DEU Germany
DJ DJI Djibouti
DK DNK Denmark
DM DMA Dominica
DO DOM Dominican Republic
DZ DZA Algeria
EC ECU Ecuador
EE EST Estonia
EG EGY Egypt
EH ESH Western Sahara
ER ERI Eritrea
ES ESP Spain
ET ETH Ethiopia
FI FIN Finland
FJ FJI Fiji
FK FLK Falkland Islands (Malvinas)
FM FSM Micronesia (Federated States of)
FO FRO Faroe Islands
FR FRA France
GA GAB Gabon
GB GBR United Kingdom
GD GRD Grenada
GE GEO Georgia
GF GUF French Guiana
GG GGY Guernsey
GH GHA Ghana
GI GIB Gibraltar
GL GRL Greenland
GM GMB Gambia
GN GIN Guinea
GP GLP Guadeloupe
GQ GNQ Equatorial Guinea
GR GRC Greece
GS SGS South Georgia and the South Sandwich Islands
GT GTM Guatemala
GU GUM Guam
GW GNB Guinea-Bissau
GY GUY Guyana
HK HKG Hong Kong
HM HMD Heard Island and McDonald Islands
HN HND Honduras
HR HRV Croatia
HT HTI Haiti
HU HUN Hungary
ID IDN Indonesia
IE IRL Ireland
IL ISR Israel
IM IMN Isle of Man
IN IND India
IO IOT British Indian Ocean Territory
IQ IRQ Iraq
IR IRN Iran (Islamic Republic of)
IS ISL Iceland
IT ITA Italy
JE JEY Jersey
JM JAM Jamaica
JO JOR Jordan
JP JPN Japan
KE KEN Kenya
KG KGZ Kyrgyzstan
KH KHM Cambodia
KI KIR Kiribati
KM COM Comoros
KN KNA Saint Kitts and Nevis
KP PRK Democratic People's Republic of Korea
KR KOR Republic of Korea
KW KWT Kuwait
KY CYM Cayman Islands
KZ KAZ Kazakhstan
LA LAO Lao People's Democratic Republic
LB LBN Lebanon
LC LCA Saint Lucia
LI LIE Liechtenstein
LK LKA Sri Lanka
LR LBR Liberia
LS LSO Lesotho
LT LTU Lithuania
LU LUX Luxembourg
LV LVA Latvia
LY LBY Libya
MA MAR Morocco
MC MCO Monaco
MD MDA Republic of Moldova
ME MNE Montenegro
MF MAF Saint Martin (French part)
MG MDG Madagascar
MH MHL Marshall Islands
MK MKD North Macedonia
ML MLI Mali
MM MMR Myanmar
MN MNG Mongolia
MO MAC Macao
MP MNP Northern Mariana Islands
MQ MTQ Martinique
MR MRT Mauritania
MS MSR Montserrat
MT MLT Malta
MU MUS Mauritius
MV MDV Maldives
MW MWI Malawi
MX MEX Mexico
MY MYS Malaysia
MZ MOZ Mozambique
NA NAM Namibia
NC NCL New Caledonia
NE NER Niger
NF NFK Norfolk Island
NG NGA Nigeria
NI NIC Nicaragua
NL NLD Netherlands
NO NOR Norway
NP NPL Nepal
NR NRU Nauru
NU NIU Niue
NZ NZL New Zealand
OM OMN Oman
PA PAN Panama
PE PER Peru
PF PYF French Polynesia
PG PNG Papua New Guinea
PH PHL Philippines
PK PAK Pakistan
PL POL Poland
PM SPM Saint Pierre and Miquelon
PN PCN Pitcairn
PR PRI Puerto Rico
PS PSE State of Palestine
PT PRT Portugal
PW PLW Palau
PY PRY Paraguay
QA QAT Qatar
RE REU Réunion
RO ROU Romania
RS SRB Serbia
RU RUS Russian Federation
RW RWA Rwanda
SA SAU Saudi Arabia
SB SLB Solomon Islands
SC SYC Seychelles
SD SDN Sudan
SE SWE Sweden
SG SGP Singapore
SH SHN Saint Helena, Ascension and Tristan da Cunha
SI SVN Slovenia
SJ SJM Svalbard and Jan Mayen
SK SVK Slovakia
SL SLE Sierra Leone
SM SMR San Marino
SN SEN Senegal
SO SOM Somalia
SR SUR Suriname
SS SSD South Sudan
ST STP Sao Tome and Principe
SV SLV El Salvador
SX SXM Sint Maarten (Dutch part)
SY SYR Syrian Arab Republic
SZ SWZ Eswatini
TC TCA Turks and Caicos Islands
TD TCD Chad
TF ATF French Southern Territories
TG TGO Togo
TH THA Thailand
TJ TJK Tajikistan
TK TKL Tokelau
TL TLS Timor-Leste
TM TKM Turkmenistan
TN TUN Tunisia
TO TON Tonga
TR TUR Türkiye
TT TTO Trinidad and Tobago
TV TUV Tuvalu
TW TWN Taiwan
TZ TZA United Republic of Tanzania
UA UKR Ukraine
UG UGA Uganda
UM UMI United States Minor Outlying Islands
US USA United States of America
UY URY Uruguay
UZ UZB Uzbekistan
VA VAT Holy See
VC VCT Saint Vincent and the Grenadines
VE VEN Venezuela (Bolivarian Republic of)
VG VGB Virgin Islands (British)
VI VIR Virgin Islands (U.S.)
VN VNM Viet Nam
VU VUT Vanuatu
WF WLF Wallis and Futuna
WS WSM Samoa
YE YEM Yemen
YT MYT Mayotte
ZA ZAF South Africa
ZM ZMB Zambia
ZW ZWE Zimbabwe
"""

# alpha-2 -> (alpha-3, English short name)
COUNTRIES: dict[str, tuple[str, str]] = {
    line[:2]: (line[3:6], line[7:]) for line in _TABLE.strip().splitlines()
}

# Regional organizations that instruments open to them ("any regional economic integration
# organization") let become party, recorded beside the states. Their codes are ISO 3166-1's
# exceptionally reserved ones (EU is reserved for the European Union), so they fit the same
# two-letter column and never collide with a state's code.
REGIONAL_ORGANIZATIONS: dict[str, str] = {"EU": "European Union"}
REGIONAL_ALIASES: dict[str, str] = {
    # The European Community was the party until the Lisbon Treaty; the Union replaced and
    # succeeded it on 1 December 2009 (TEU art. 1), and depositaries now list the Union.
    "european community": "EU",
    "european communities": "EU",
}

# Other names people write for the same state (UN long forms, older names, everyday names).
ALIASES: dict[str, str] = {
    "russia": "RU",
    "ussr successor russia": "RU",
    "iran": "IR",
    "syria": "SY",
    "bolivia plurinational state of": "BO",
    "venezuela": "VE",
    "tanzania": "TZ",
    "vietnam": "VN",
    "laos": "LA",
    "moldova": "MD",
    "czech republic": "CZ",
    "south korea": "KR",
    "korea republic of": "KR",
    "north korea": "KP",
    "korea democratic peoples republic of": "KP",
    "united kingdom of great britain and northern ireland": "GB",
    "great britain": "GB",
    "uk": "GB",
    "united states": "US",
    "usa": "US",
    "us": "US",
    "turkey": "TR",
    "turkiye": "TR",
    "ivory coast": "CI",
    "cape verde": "CV",
    "swaziland": "SZ",
    "macedonia": "MK",
    "former yugoslav republic of macedonia": "MK",
    "vatican": "VA",
    "vatican city": "VA",
    "palestine": "PS",
    "burma": "MM",
    "east timor": "TL",
    "congo democratic republic of the": "CD",
    "dr congo": "CD",
    "drc": "CD",
    "congo brazzaville": "CG",
    "republic of the congo": "CG",
    "brunei": "BN",
    "micronesia": "FM",
    "kyrgyz republic": "KG",
    "kirghizia": "KG",
    "belorussia": "BY",
    "byelorussia": "BY",
    "netherlands kingdom of the": "NL",
    "holland": "NL",
    "bahamas the": "BS",
    "gambia the": "GM",
    "slovak republic": "SK",
    "saint kitts": "KN",
    "st kitts and nevis": "KN",
    "st lucia": "LC",
    "st vincent and the grenadines": "VC",
    "sao tome": "ST",
    "uae": "AE",
}


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    words = "".join(ch if ch.isalnum() else " " for ch in plain).split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


_BY_NAME: dict[str, str] = {_fold(name): code for code, (_, name) in COUNTRIES.items()}
_BY_NAME.update({_fold(alias): code for alias, code in ALIASES.items()})
_BY_NAME.update({_fold(name): code for code, name in REGIONAL_ORGANIZATIONS.items()})
_BY_NAME.update({_fold(alias): code for alias, code in REGIONAL_ALIASES.items()})
_BY_ALPHA3: dict[str, str] = {alpha3: code for code, (alpha3, _) in COUNTRIES.items()}


def resolve(text: str) -> str:
    """The ISO alpha-2 code for an alpha-2 or alpha-3 code or an English name; else RuleViolation."""
    raw = (text or "").strip()
    upper = raw.upper()
    if len(raw) == 2 and (upper in COUNTRIES or upper in REGIONAL_ORGANIZATIONS):
        return upper
    if len(raw) == 3 and upper in _BY_ALPHA3:
        return _BY_ALPHA3[upper]
    found = _BY_NAME.get(_fold(raw))
    if found is None:
        raise RuleViolation(
            f"unknown state {text!r}: give an ISO 3166 alpha-2 or alpha-3 code or its English "
            "name (or a regional organization's: EU, European Union)",
            field="state",
        )
    return found


def is_code(code: str) -> bool:
    return code in COUNTRIES or code in REGIONAL_ORGANIZATIONS


def is_regional_organization(code: str) -> bool:
    return code in REGIONAL_ORGANIZATIONS


def name_of(code: str) -> str:
    entry = COUNTRIES.get(code)
    return entry[1] if entry else REGIONAL_ORGANIZATIONS.get(code, code)


def alpha3_of(code: str) -> str:
    entry = COUNTRIES.get(code)
    return entry[0] if entry else ""
