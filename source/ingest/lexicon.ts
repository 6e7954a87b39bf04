/**
 * General word lists the ingest rules read: countries with their demonyms and capitals, continents
 * and regions, organizations known by one word, news outlets, titles, speech verbs, event words.
 * Nothing here names a person; people are found by the rules in actors.ts.
 */

export type CountryEntry = {
	readonly code: string;
	readonly name: string;
	/** Written with "the" in running text: "the United States". */
	readonly the: boolean;
	readonly aliases: readonly string[];
	readonly demonyms: readonly string[];
	readonly capital: string | null;
};

// code|name|aliases (comma-separated)|demonyms|capital; a leading * on the name means "the".
const countryTable = `
UA|Ukraine||Ukrainian,Ukrainians|Kyiv
RU|Russia|Russian Federation|Russian,Russians|Moscow
US|*United States|United States of America,US,U.S.,USA,U.S.A.,America|American,Americans|Washington
GB|*United Kingdom|UK,U.K.,Britain,Great Britain|British,Briton,Britons|London
FR|France||French|Paris
DE|Germany||German,Germans|Berlin
IT|Italy||Italian,Italians|Rome
ES|Spain||Spanish,Spaniards|Madrid
PT|Portugal||Portuguese|Lisbon
NL|*Netherlands|Holland|Dutch|Amsterdam
BE|Belgium||Belgian,Belgians|Brussels
LU|Luxembourg||Luxembourgish|Luxembourg
CH|Switzerland||Swiss|Bern
AT|Austria||Austrian,Austrians|Vienna
IE|Ireland||Irish|Dublin
PL|Poland||Polish,Poles|Warsaw
CZ|Czechia|Czech Republic|Czech,Czechs|Prague
SK|Slovakia||Slovak,Slovaks|Bratislava
HU|Hungary||Hungarian,Hungarians|Budapest
RO|Romania||Romanian,Romanians|Bucharest
BG|Bulgaria||Bulgarian,Bulgarians|Sofia
MD|Moldova||Moldovan,Moldovans|Chisinau
BY|Belarus||Belarusian,Belarusians|Minsk
LT|Lithuania||Lithuanian,Lithuanians|Vilnius
LV|Latvia||Latvian,Latvians|Riga
EE|Estonia||Estonian,Estonians|Tallinn
FI|Finland||Finnish,Finns|Helsinki
SE|Sweden||Swedish,Swedes|Stockholm
NO|Norway||Norwegian,Norwegians|Oslo
DK|Denmark||Danish,Danes|Copenhagen
IS|Iceland||Icelandic,Icelanders|Reykjavik
GR|Greece||Greek,Greeks|Athens
CY|Cyprus||Cypriot,Cypriots|Nicosia
MT|Malta||Maltese|Valletta
SI|Slovenia||Slovenian,Slovenians|Ljubljana
HR|Croatia||Croatian,Croatians|Zagreb
BA|Bosnia and Herzegovina|Bosnia|Bosnian,Bosnians|Sarajevo
RS|Serbia||Serbian,Serbians,Serbs|Belgrade
ME|Montenegro||Montenegrin|Podgorica
MK|North Macedonia|Macedonia|Macedonian|Skopje
AL|Albania||Albanian,Albanians|Tirana
XK|Kosovo||Kosovar,Kosovars|Pristina
GE|Georgia||Georgian,Georgians|Tbilisi
AM|Armenia||Armenian,Armenians|Yerevan
AZ|Azerbaijan||Azerbaijani,Azerbaijanis|Baku
TR|Turkey|Türkiye|Turkish,Turks|Ankara
KZ|Kazakhstan||Kazakh,Kazakhs|Astana
UZ|Uzbekistan||Uzbek,Uzbeks|Tashkent
TM|Turkmenistan||Turkmen|Ashgabat
KG|Kyrgyzstan||Kyrgyz|Bishkek
TJ|Tajikistan||Tajik,Tajiks|Dushanbe
MN|Mongolia||Mongolian,Mongolians|Ulaanbaatar
CN|China|People's Republic of China,PRC|Chinese|Beijing
TW|Taiwan||Taiwanese|Taipei
JP|Japan||Japanese|Tokyo
KR|South Korea|Republic of Korea|South Korean,South Koreans|Seoul
KP|North Korea|DPRK|North Korean,North Koreans|Pyongyang
IN|India||Indian,Indians|New Delhi
PK|Pakistan||Pakistani,Pakistanis|Islamabad
AF|Afghanistan||Afghan,Afghans|Kabul
BD|Bangladesh||Bangladeshi,Bangladeshis|Dhaka
LK|Sri Lanka||Sri Lankan,Sri Lankans|Colombo
NP|Nepal||Nepalese,Nepali|Kathmandu
MM|Myanmar|Burma|Myanmar,Burmese|Naypyidaw
TH|Thailand||Thai|Bangkok
VN|Vietnam|Viet Nam|Vietnamese|Hanoi
KH|Cambodia||Cambodian,Cambodians|Phnom Penh
LA|Laos||Laotian,Lao|Vientiane
MY|Malaysia||Malaysian,Malaysians|Kuala Lumpur
SG|Singapore||Singaporean,Singaporeans|Singapore
ID|Indonesia||Indonesian,Indonesians|Jakarta
PH|*Philippines||Filipino,Filipinos,Philippine|Manila
AU|Australia||Australian,Australians|Canberra
NZ|New Zealand||New Zealander,New Zealanders|Wellington
IR|Iran||Iranian,Iranians|Tehran
IQ|Iraq||Iraqi,Iraqis|Baghdad
SY|Syria||Syrian,Syrians|Damascus
LB|Lebanon||Lebanese|Beirut
IL|Israel||Israeli,Israelis|Jerusalem
PS|Palestine|Palestinian territories|Palestinian,Palestinians|Ramallah
JO|Jordan||Jordanian,Jordanians|Amman
SA|Saudi Arabia||Saudi,Saudis|Riyadh
AE|*United Arab Emirates|UAE|Emirati,Emiratis|Abu Dhabi
QA|Qatar||Qatari,Qataris|Doha
KW|Kuwait||Kuwaiti,Kuwaitis|Kuwait City
BH|Bahrain||Bahraini,Bahrainis|Manama
OM|Oman||Omani,Omanis|Muscat
YE|Yemen||Yemeni,Yemenis|Sanaa
EG|Egypt||Egyptian,Egyptians|Cairo
LY|Libya||Libyan,Libyans|Tripoli
TN|Tunisia||Tunisian,Tunisians|Tunis
DZ|Algeria||Algerian,Algerians|Algiers
MA|Morocco||Moroccan,Moroccans|Rabat
SD|Sudan||Sudanese|Khartoum
SS|South Sudan||South Sudanese|Juba
ET|Ethiopia||Ethiopian,Ethiopians|Addis Ababa
ER|Eritrea||Eritrean,Eritreans|Asmara
SO|Somalia||Somali,Somalis|Mogadishu
KE|Kenya||Kenyan,Kenyans|Nairobi
UG|Uganda||Ugandan,Ugandans|Kampala
TZ|Tanzania||Tanzanian,Tanzanians|Dodoma
RW|Rwanda||Rwandan,Rwandans|Kigali
CD|Democratic Republic of the Congo|DR Congo,DRC|Congolese|Kinshasa
NG|Nigeria||Nigerian,Nigerians|Abuja
GH|Ghana||Ghanaian,Ghanaians|Accra
SN|Senegal||Senegalese|Dakar
ML|Mali||Malian,Malians|Bamako
NE|Niger||Nigerien,Nigeriens|Niamey
BF|Burkina Faso||Burkinabe|Ouagadougou
TD|Chad||Chadian,Chadians|N'Djamena
CM|Cameroon||Cameroonian,Cameroonians|Yaounde
CI|Ivory Coast|Côte d'Ivoire|Ivorian,Ivorians|Yamoussoukro
AO|Angola||Angolan,Angolans|Luanda
MZ|Mozambique||Mozambican,Mozambicans|Maputo
ZW|Zimbabwe||Zimbabwean,Zimbabweans|Harare
ZA|South Africa||South African,South Africans|Pretoria
CA|Canada||Canadian,Canadians|Ottawa
MX|Mexico||Mexican,Mexicans|Mexico City
GT|Guatemala||Guatemalan,Guatemalans|Guatemala City
CU|Cuba||Cuban,Cubans|Havana
HT|Haiti||Haitian,Haitians|Port-au-Prince
VE|Venezuela||Venezuelan,Venezuelans|Caracas
CO|Colombia||Colombian,Colombians|Bogota
EC|Ecuador||Ecuadorian,Ecuadorians|Quito
PE|Peru||Peruvian,Peruvians|Lima
BO|Bolivia||Bolivian,Bolivians|La Paz
BR|Brazil||Brazilian,Brazilians|Brasilia
CL|Chile||Chilean,Chileans|Santiago
AR|Argentina||Argentine,Argentinian,Argentines|Buenos Aires
UY|Uruguay||Uruguayan,Uruguayans|Montevideo
PY|Paraguay||Paraguayan,Paraguayans|Asuncion
VA|Vatican|Holy See|Vatican|Vatican City
`;

function parseCountries(table: string): CountryEntry[] {
	return table.trim().split('\n').map((line) => {
		const [code, rawName, aliases, demonyms, capital] = line.split('|');
		const the = rawName!.startsWith('*');
		return {
			code: code!,
			name: the ? rawName!.slice(1) : rawName!,
			the,
			aliases: aliases ? aliases.split(',') : [],
			demonyms: demonyms ? demonyms.split(',') : [],
			capital: capital || null,
		};
	});
}

export const countries: readonly CountryEntry[] = parseCountries(countryTable);

/** Continents and regions: places without a country. */
export const regions: readonly string[] = [
	'Europe', 'Asia', 'Africa', 'North America', 'South America', 'Latin America', 'Central Asia', 'Middle East',
	'Oceania', 'Antarctica', 'Arctic', 'Balkans', 'Baltics', 'Caucasus', 'Scandinavia', 'Eastern Europe',
	'Western Europe', 'Central Europe', 'Southeast Asia', 'Sahel', 'Gulf', 'Black Sea', 'Baltic Sea',
	'Mediterranean', 'Pacific', 'Atlantic', 'Crimea', 'Donbas', 'Donbass', 'Gaza', 'Gaza Strip', 'West Bank',
	'Kashmir', 'Siberia',
];

/** Demonyms of regions, which name no country: "European", "Western". */
export const regionDemonyms: ReadonlyMap<string, string> = new Map([
	['European', 'Europe'], ['Europeans', 'Europe'], ['Asian', 'Asia'], ['African', 'Africa'], ['Arab', 'Middle East'],
	['Western', 'West'], ['Baltic', 'Baltics'], ['Scandinavian', 'Scandinavia'],
]);

export type KnownOrganization = {
	readonly name: string;
	readonly aliases: readonly string[];
	readonly country: string | null;
	readonly role: string | null;
	readonly outlet?: boolean;
};

/** Organizations written as a proper name with no generic word that would show they are one. */
export const knownOrganizations: readonly KnownOrganization[] = [
	{name: 'NATO', aliases: ['North Atlantic Treaty Organization', 'Nato'], country: null, role: null},
	{name: 'European Union', aliases: ['EU', 'E.U.'], country: null, role: null},
	{name: 'United Nations', aliases: ['UN', 'U.N.'], country: null, role: null},
	{name: 'Kremlin', aliases: ['the Kremlin'], country: 'RU', role: 'Office of the President of Russia'},
	{name: 'White House', aliases: ['the White House'], country: 'US', role: 'Office of the President of the United States'},
	{name: 'Pentagon', aliases: ['the Pentagon'], country: 'US', role: 'US Department of Defense'},
	{name: 'Downing Street', aliases: [], country: 'GB', role: 'Office of the Prime Minister of the United Kingdom'},
	{name: 'Verkhovna Rada', aliases: ['Rada'], country: 'UA', role: 'Parliament of Ukraine'},
	{name: 'State Duma', aliases: ['Duma'], country: 'RU', role: 'Lower house of the Russian parliament'},
	{name: 'Congress', aliases: [], country: 'US', role: null},
	{name: 'Hamas', aliases: [], country: null, role: null},
	{name: 'Hezbollah', aliases: [], country: null, role: null},
	{name: 'Taliban', aliases: ['the Taliban'], country: null, role: null},
	{name: 'G7', aliases: ['Group of Seven'], country: null, role: null},
	{name: 'G20', aliases: ['Group of 20'], country: null, role: null},
	{name: 'IAEA', aliases: [], country: null, role: 'International Atomic Energy Agency'},
	{name: 'IMF', aliases: ['International Monetary Fund'], country: null, role: null},
	{name: 'OSCE', aliases: [], country: null, role: null},
	{name: 'Interpol', aliases: [], country: null, role: null},
	{name: 'Wagner', aliases: ['Wagner Group'], country: 'RU', role: null},
	// News outlets and agencies.
	...[
		['Bloomberg', 'US', 'News agency'], ['Reuters', 'GB', 'News agency'], ['AFP', 'FR', 'News agency'],
		['Agence France-Presse', 'FR', 'News agency'], ['Associated Press', 'US', 'News agency'], ['AP', 'US', 'News agency'],
		['CNN', 'US', 'Television news channel'], ['BBC', 'GB', 'Broadcaster'], ['Fox News', 'US', 'Television news channel'],
		['NBC', 'US', 'Broadcaster'], ['CBS', 'US', 'Broadcaster'], ['ABC', 'US', 'Broadcaster'], ['Sky News', 'GB', 'Television news channel'],
		['The New York Times', 'US', 'Newspaper'], ['The Washington Post', 'US', 'Newspaper'], ['The Wall Street Journal', 'US', 'Newspaper'],
		['The Guardian', 'GB', 'Newspaper'], ['The Times', 'GB', 'Newspaper'], ['The Telegraph', 'GB', 'Newspaper'],
		['Financial Times', 'GB', 'Newspaper'], ['The Economist', 'GB', 'Magazine'], ['Politico', 'US', 'News outlet'],
		['Axios', 'US', 'News outlet'], ['Le Monde', 'FR', 'Newspaper'], ['Le Figaro', 'FR', 'Newspaper'],
		['Liberation', 'FR', 'Newspaper'], ['Der Spiegel', 'DE', 'Magazine'], ['Die Zeit', 'DE', 'Newspaper'],
		['Bild', 'DE', 'Newspaper'], ['Deutsche Welle', 'DE', 'Broadcaster'], ['DW', 'DE', 'Broadcaster'],
		['Al Jazeera', 'QA', 'Television news channel'], ['TASS', 'RU', 'News agency'], ['RIA Novosti', 'RU', 'News agency'],
		['Interfax', 'RU', 'News agency'], ['Ukrinform', 'UA', 'News agency'], ['UNN', 'UA', 'News outlet'],
		['Ukrainska Pravda', 'UA', 'News outlet'], ['Kyiv Independent', 'UA', 'News outlet'], ['The Kyiv Independent', 'UA', 'News outlet'],
		['Kyiv Post', 'UA', 'News outlet'], ['Suspilne', 'UA', 'Broadcaster'], ['RBC-Ukraine', 'UA', 'News outlet'],
		['Xinhua', 'CN', 'News agency'], ['Kyodo', 'JP', 'News agency'], ['ANSA', 'IT', 'News agency'], ['EFE', 'ES', 'News agency'],
		['Euronews', 'FR', 'Television news channel'], ['Radio Free Europe', 'US', 'Broadcaster'], ['RFE/RL', 'US', 'Broadcaster'],
		['Meduza', 'LV', 'News outlet'], ['Novaya Gazeta', 'RU', 'Newspaper'], ['NPR', 'US', 'Broadcaster'], ['Newsweek', 'US', 'Magazine'],
		['Time', 'US', 'Magazine'], ['The Atlantic', 'US', 'Magazine'], ['The Independent', 'GB', 'Newspaper'],
	].map(([name, country, role]) => ({name: name!, aliases: [], country: country!, role: role!, outlet: true})),
];

/** Words that make a capitalized phrase an organization: "Foreign Ministry", "Fox News". */
export const organizationWords: ReadonlySet<string> = new Set([
	'Ministry', 'Office', 'Council', 'Committee', 'Agency', 'Forces', 'Force', 'Army', 'Navy', 'Party', 'Union',
	'Alliance', 'Organization', 'Organisation', 'Bank', 'Fund', 'Court', 'Parliament', 'Assembly', 'Commission',
	'Government', 'Administration', 'Presidency', 'Times', 'Post', 'News', 'Journal', 'Institute', 'University',
	'Company', 'Corporation', 'Corp', 'Inc', 'Ltd', 'Group', 'Service', 'Guard', 'Police', 'Department', 'Bureau',
	'Foundation', 'Association', 'Federation', 'Senate', 'Congress', 'Cabinet', 'Command', 'Staff', 'Coalition',
	'Movement', 'Front', 'Brigade', 'Battalion', 'Regiment', 'Corps', 'Directorate', 'Secretariat', 'Tribunal',
	'Authority', 'Board', 'Network', 'Press', 'Radio', 'Television', 'TV', 'Gazette', 'Herald', 'Tribune',
	'Telegraph', 'Observer', 'Review', 'Institution', 'Center', 'Centre', 'Society', 'Club', 'League', 'Airlines',
	'Airways', 'Railways', 'Reserve', 'Inspectorate', 'Prosecutor', "Prosecutor's", 'Commissioner', 'Mission',
]);

/** Words that make a capitalized phrase a place: "Kursk Oblast", "Elysee Palace". */
export const placeWords: ReadonlySet<string> = new Set([
	'Oblast', 'Region', 'Province', 'Governorate', 'District', 'County', 'State', 'Territory', 'Republic',
	'Palace', 'Cathedral', 'Church', 'Square', 'Street', 'Avenue', 'Airport', 'Bridge', 'Island', 'Islands',
	'Sea', 'River', 'Lake', 'Mountains', 'Mount', 'Valley', 'Peninsula', 'Strait', 'Bay', 'Harbour', 'Harbor',
	'Port', 'Station', 'Plant', 'Base', 'Airbase', 'Stadium', 'Park', 'Hall', 'Tower', 'Castle', 'Mosque',
	'Synagogue', 'Temple', 'Museum', 'Hospital', 'Monastery', 'Dam', 'Canal', 'Desert', 'Forest', 'Coast',
]);

/** Words of a job title that can stand before a name: "Foreign Minister", "Special Envoy". */
export const titleHeads: ReadonlySet<string> = new Set([
	'president', 'president-elect', 'vice-president', 'prime', 'minister', 'pm', 'secretary', 'chancellor',
	'king', 'queen', 'prince', 'princess', 'pope', 'emperor', 'sheikh', 'emir', 'sultan', 'ayatollah',
	'general', 'gen', 'lieutenant', 'lt', 'colonel', 'col', 'major', 'maj', 'captain', 'capt', 'admiral', 'adm',
	'commander', 'marshal', 'sergeant', 'sgt', 'senator', 'sen', 'representative', 'rep', 'congressman',
	'congresswoman', 'governor', 'gov', 'mayor', 'ambassador', 'envoy', 'spokesman', 'spokeswoman',
	'spokesperson', 'speaker', 'chairman', 'chairwoman', 'chair', 'head', 'chief', 'director', 'deputy',
	'adviser', 'advisor', 'aide', 'counselor', 'counsellor', 'justice', 'judge', 'prosecutor', 'attorney',
	'commissioner', 'minister-president', 'premier', 'leader', 'foreign', 'defence', 'defense', 'interior',
	'finance', 'economy', 'health', 'special', 'national', 'security', 'first', 'lady', 'dr', 'mr', 'mrs', 'ms',
	'prof', 'professor', 'sir', 'dame', 'lord', 'baroness', 'archbishop', 'bishop', 'patriarch', 'cardinal',
	'officer', 'ceo', 'founder', 'expert', 'analyst', 'journalist', 'correspondent', 'reporter', 'editor',
	'author', 'writer', 'historian', 'economist', 'researcher', 'scientist', 'philosopher', 'filmmaker',
	'activist', 'lawmaker', 'mp', 'mep', 'official', 'diplomat', 'negotiator', 'coordinator', 'representative',
	'president\'s', 'former', 'ex', 'acting', 'top', 'senior', 'vice', 'assistant', 'executive', 'managing',
	'staff', 'of', 'state', 'affairs', 'european', 'relations', 'development', 'trade', 'justice', 'education',
	'energy', 'culture', 'agriculture', 'intelligence', 'armed', 'forces', 'the', 'for', 'and', 'to', 'on',
	'policy', 'military', 'political', 'diplomatic', 'foreign-policy', 'press', 'communications', 'cabinet',
	'general\'s', 'office', 'commander-in-chief', 'in', 'army', 'navy', 'air', 'force', 'ground', 'strategic',
	'veterans', 'digital', 'transformation', 'reintegration', 'occupied', 'territories', 'infrastructure',
	'social', 'labour', 'labor', 'emergency', 'situations', 'internal', 'external', 'home', 'exchequer',
	'treasury', 'commerce', 'industry', 'environment', 'climate', 'transport', 'housing', 'science', 'sport',
	'youth', 'family', 'women', 'human', 'rights', 'ombudsman', 'inspector', 'auditor', 'controller',
	'secretary-general', 'director-general', 'high', 'representative\'s', 'envoy\'s', 'elect', 'director\'s',
]);

/**
 * Titles that mark a person, with the form they take in a role: "French President" gives
 * "President of France". Lower-case; multi-word titles are matched longest first.
 */
export const personTitles: readonly string[] = [
	'president-elect', 'vice president', 'vice-president', 'president', 'prime minister', 'pm', 'premier',
	'chancellor', 'foreign minister', 'defence minister', 'defense minister', 'interior minister',
	'finance minister', 'deputy prime minister', 'deputy foreign minister', 'deputy minister', 'minister',
	'secretary of state', 'secretary-general', 'secretary general', 'defense secretary', 'defence secretary',
	'foreign secretary', 'home secretary', 'press secretary', 'secretary', 'king', 'queen', 'prince', 'princess',
	'pope', 'emperor', 'emir', 'sultan', 'sheikh', 'ayatollah', 'supreme leader', 'general', 'gen.',
	'lieutenant general', 'lt. gen.', 'colonel', 'col.', 'major', 'maj.', 'captain', 'admiral', 'adm.',
	'commander-in-chief', 'commander', 'marshal', 'senator', 'sen.', 'representative', 'rep.', 'congressman',
	'congresswoman', 'governor', 'gov.', 'mayor', 'ambassador', 'special envoy', 'envoy', 'spokesman',
	'spokeswoman', 'spokesperson', 'speaker', 'chairman', 'chairwoman', 'chair', 'chief of staff', 'head',
	'director', 'adviser', 'advisor', 'national security adviser', 'national security advisor', 'aide',
	'judge', 'justice', 'prosecutor', 'prosecutor general', 'attorney general', 'commissioner', 'ombudsman',
	'dr.', 'mr.', 'mrs.', 'ms.', 'prof.', 'professor', 'sir', 'dame', 'lord', 'archbishop', 'patriarch',
	'cardinal', 'ceo', 'founder', 'expert', 'analyst', 'journalist', 'correspondent', 'editor', 'historian',
	'economist', 'researcher', 'filmmaker', 'activist', 'lawmaker', 'mp', 'mep', 'official', 'diplomat',
	'negotiator', 'leader', 'first lady', 'crown prince',
];

/** Titles whose holder leads a country: "the Ukrainian leader" can be the President of Ukraine. */
export const leaderTitles: ReadonlySet<string> = new Set([
	'president', 'prime minister', 'pm', 'premier', 'chancellor', 'king', 'queen', 'emir', 'sultan',
	'supreme leader', 'leader',
]);

/** Given names common across languages: a weak sign that a capitalized pair is a person. */
export const givenNames: ReadonlySet<string> = new Set((
	'aaron adam adrian ahmed alain alan albert alberto alec alejandro aleksandr aleksei alex alexander alexandra '
	+ 'alexandre alexei alexey ali alice alicia alina amir amy ana anastasia anatoliy andre andrea andreas andrei '
	+ 'andrew andrey andrii andriy andrzej angela angelina ann anna anne annalena anthony antonio antony anton '
	+ 'arseniy arthur benjamin bernard bernie bill bob boris brian bruno carl carlos caroline catherine charles '
	+ 'charlotte chris christian christine christopher claire claude daniel danylo david denis denys diana dmitri '
	+ 'dmitriy dmitry dmytro donald edward elena elizabeth emily emmanuel eric erik eva evgeny fedor francois '
	+ 'frank franz friedrich gabriel george georgiy gerhard giorgia giuseppe gordon hakan hans heinrich helen '
	+ 'henry herman hillary hugo igor ihor ilya irina ivan jacques jake james jan jane javier jean jeffrey '
	+ 'jennifer jens jeremy jerome jim joe johann john jonathan jose joseph josep juan julia julian kamala karen '
	+ 'karl kate katherine kevin klaus kostiantyn kurt lars laura lee leon leonid linda lisa lloyd louis lucas '
	+ 'luis luke lyudmila maia marco marek maria marie marine mario mark markus martin mary matteo matthew '
	+ 'maxim maxime michael michel mike mikhail mohammed muhammad mykhailo mykola natalia nicolas nikita nikolai '
	+ 'nikolay oleg oleh oleksandr oleksii oleksiy olena olga olaf pavel pavlo pedro peter petro petr philippe '
	+ 'pierre rachel ramzan recep richard robert roman rishi ruslan ryan sam samuel sarah sebastian serhii '
	+ 'serhiy sergei sergey sergiy simon sophie stefan stephen steve steven susan svetlana taras theresa thomas '
	+ 'tim timothy tom tony ulrich ursula valentyn valeriy valery vasyl viktor viktoriia viktoriya vitali vitaliy '
	+ 'vitaly vladimir vladyslav volodymyr wang william xi yana yevgeny yevhen yulia yuliia yuri yuriy yury '
	+ 'zoran olena kaja friedrich antonio'
).split(' '));

/** Verbs that introduce or follow a quote: "said", "told reporters", "emphasized". */
export const speechVerbs: ReadonlySet<string> = new Set([
	'said', 'says', 'say', 'saying', 'told', 'tells', 'telling', 'added', 'adds', 'adding', 'emphasized',
	'emphasised', 'emphasizes', 'emphasises', 'stressed', 'stresses', 'noted', 'notes', 'wrote', 'writes',
	'posted', 'posts', 'tweeted', 'tweets', 'summarized', 'summarised', 'summarizes', 'concluded', 'concludes',
	'explained', 'explains', 'insisted', 'insists', 'warned', 'warns', 'argued', 'argues', 'declared',
	'declares', 'stated', 'states', 'announced', 'announces', 'claimed', 'claims', 'asked', 'asks', 'replied',
	'replies', 'responded', 'responds', 'continued', 'continues', 'recalled', 'recalls', 'admitted', 'admits',
	'acknowledged', 'acknowledges', 'urged', 'urges', 'suggested', 'suggests', 'commented', 'comments',
	'remarked', 'remarks', 'observed', 'observes', 'added', 'affirmed', 'affirms', 'assured', 'assures',
	'confirmed', 'confirms', 'denied', 'denies', 'pointed', 'points', 'underlined', 'underlines',
	'highlighted', 'highlights', 'mentioned', 'mentions', 'exclaimed', 'joked', 'jokes', 'quipped', 'vowed',
	'vows', 'promised', 'promises', 'predicted', 'predicts', 'repeated', 'repeats', 'reiterated',
	'reiterates', 'conceded', 'concedes', 'complained', 'complains', 'cautioned', 'cautions', 'boasted',
	'charged', 'countered', 'counters', 'shouted', 'whispered', 'recounted', 'recounts', 'described',
	'describes', 'believes', 'believed', 'thinks', 'thought', 'reported', 'reports', 'announced',
	'clarified', 'clarifies', 'specified', 'specifies', 'accused', 'accuses', 'demanded', 'demands',
	'called', 'calls', 'wondered', 'wonders', 'hoped', 'hopes', 'estimated', 'estimates', 'speaking', 'spoke',
	'writing', 'explaining', 'noting', 'stressing', 'emphasizing', 'emphasising', 'warning', 'arguing',
	'insisting', 'asking', 'telling', 'declaring', 'stating', 'recalling', 'admitting', 'urging',
]);

/** Speech verbs that cannot take a quote as their object after the speaker: "X called Y", "X believes". */
export const weakSpeechVerbs: ReadonlySet<string> = new Set([
	'called', 'calls', 'believes', 'believed', 'thinks', 'thought', 'hoped', 'hopes', 'reported', 'reports',
	'described', 'describes', 'accused', 'accuses', 'mentioned', 'mentions', 'spoke', 'speaking', 'estimated',
	'estimates', 'wondered', 'wonders', 'demanded', 'demands', 'promised', 'promises', 'pointed', 'points',
]);

/** Where something was said: a channel. Lower-case cue → channel name. */
export const channelCues: ReadonlyArray<[RegExp, string]> = [
	[/\b(?:on|in an?|via) (?:X|Twitter)\b|\btweet(?:ed|s)?\b|\bX post\b|\bpost on X\b/, 'X'],
	[/\bTelegram\b/, 'Telegram'],
	[/\bFacebook\b/, 'Facebook'],
	[/\bInstagram\b/, 'Instagram'],
	[/\btold reporters\b|\bpress conference\b|\bnews conference\b|\bbriefing\b/, 'press conference'],
	[/\binterview\b|\btold (?:the )?[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)*\b|\bpanel of\b/, 'interview'],
	[/\bstatement\b|\bcommuniqu[eé]\b/, 'statement'],
	[/\bspeech\b|\baddress(?:ed)? (?:to )?(?:the )?(?:parliament|nation|assembly|congress)\b/i, 'speech'],
	[/\bvideo address\b|\bnightly address\b|\bevening address\b/, 'video address'],
];

export type EventTrigger = {readonly pattern: RegExp; readonly tags: readonly string[]; readonly weight: number};

/**
 * Words that report a happening, with the tags they give. Weight 2: a clear happening on its own;
 * 1: a happening when a date or an actor goes with it.
 */
export const eventTriggers: readonly EventTrigger[] = [
	{pattern: /\b(?:phone[- ]call|phone conversation|telephone conversation|call(?:ed|s)? (?:each other|him|her|them)|(?:spoke|talked|speaks|spoken|talking) (?:again |twice |briefly |by (?:tele)?phone |on the phone )?with|(?:spoke|talked) by (?:tele)?phone|called [A-Z]|a call\b|conversation\b)/, tags: ['call'], weight: 2},
	{pattern: /\b(?:met|meets|meet|meeting|meetings|hosted|hosts|welcomed|welcomes|welcome|received|receives|talks with|held talks|trilateral|bilateral)\b/i, tags: ['meeting'], weight: 2},
	{pattern: /\b(?:summit|conference|forum)\b/i, tags: ['summit'], weight: 2},
	{pattern: /\b(?:negotiations?|talks|discussions?)\b/i, tags: ['negotiations'], weight: 1},
	{pattern: /\b(?:visit(?:ed|s|ing)?|trip|travel(?:l?ed|s)?|tour(?:ed)?)\b/i, tags: ['visit'], weight: 2},
	{pattern: /\b(?:arriv(?:ed|es|e|ing|al)|landed|flew in)\b/i, tags: ['arrival'], weight: 2},
	{pattern: /(?<!\b(?:might|could|would|will|to|can|may|not)\s)\b(?:strikes?|struck|attack(?:ed|s)?|shell(?:ed|ing)|bomb(?:ed|ing|ings)?|shot down)\b(?!\s+(?:a|any|the)?\s*deal)/i, tags: ['strike'], weight: 2},
	{pattern: /\b(?:missiles?|ballistic)\b/i, tags: ['missile'], weight: 1},
	{pattern: /\b(?:drones?|Shahed)\b/i, tags: ['drone'], weight: 1},
	{pattern: /\b(?:killed|killing|dead|died|deaths?|wounded|injured|casualties)\b/i, tags: ['casualties'], weight: 2},
	{pattern: /\b(?:ceasefire|cease-fire|truce|armistice)\b/i, tags: ['ceasefire'], weight: 1},
	{pattern: /\b(?:peacekeep(?:ing|ers?)|peace-keeping|reassurance force|contingents?)\b/i, tags: ['peacekeeping'], weight: 1},
	{pattern: /\b(?:sign(?:ed|s|ing)?|agreement|deal|accord|treaty|memorandum)\b/i, tags: ['agreement'], weight: 1},
	{pattern: /\b(?:invasion|invaded|invade|full-scale war)\b/i, tags: ['invasion'], weight: 2},
	{pattern: /\b(?:offensive|counteroffensive|counter-offensive|advance[ds]?|captured|seized|liberated)\b/i, tags: ['offensive'], weight: 2},
	{pattern: /\b(?:took office|take office|takes office|sworn in|inaugurat(?:ed|ion)|return(?:ed)? (?:of [A-Z][\w'’-]*(?: [A-Z][\w'’-]*)* )?to power|came to power|elected)\b/i, tags: ['inauguration'], weight: 2},
	{pattern: /\b(?:campaign(?:ed|ing)?)\b/i, tags: ['campaign'], weight: 1},
	{pattern: /\b(?:election|vote[ds]?|referendums?|ballot)\b/i, tags: ['election'], weight: 2},
	{pattern: /\b(?:reject(?:ed|s)?|refused|turned down|dismissed)\b/i, tags: ['rejection'], weight: 1},
	{pattern: /\b(?:backing|backed|endorsed|supported|approv(?:ed|al))\b/i, tags: ['support'], weight: 1},
	{pattern: /\b(?:criticized|criticised|condemned|criticism|slammed)\b/i, tags: ['criticism'], weight: 2},
	{pattern: /\b(?:sanctions?|sanctioned|embargo)\b/i, tags: ['sanctions'], weight: 2},
	{pattern: /\b(?:interview|broadcast)\b/i, tags: ['interview'], weight: 2},
	{pattern: /\b(?:reported|disclosed|revealed|announced|published)\b/i, tags: ['statement'], weight: 1},
	{pattern: /\b(?:appointed|resigned|sacked|named as)\b/i, tags: ['appointment'], weight: 1},
	{pattern: /\b(?:troops|deploy(?:ed|ing|ment)?)\b/i, tags: ['troops'], weight: 1},
	{pattern: /\b(?:journalists|reporters|press conference|news conference)\b/i, tags: ['media'], weight: 1},
	{pattern: /\b(?:aid|weapons|arms supplies|military support|air defen[cs]e)\b/i, tags: ['military aid'], weight: 1},
	{pattern: /\b(?:security guarantees?)\b/i, tags: ['security guarantees'], weight: 1},
	{pattern: /\b(?:exchange|swap|prisoners?|abduct(?:ed|ion)|deport(?:ed|ation))\b/i, tags: ['prisoners'], weight: 1},
	{pattern: /\b(?:ceremony|the (?:re)?opening of|unveil(?:ed|ing)?|commemoration|funeral|parade)\b/i, tags: ['ceremony'], weight: 1},
	{pattern: /\b(?:minerals?|rare earths?)\b/i, tags: ['minerals'], weight: 1},
	{pattern: /\b(?:stopped|halted|suspended|broke off|cut off)\b/i, tags: ['suspension'], weight: 1},
	{pattern: /\b(?:cancel(?:l?ed|s)?|called off)\b/i, tags: ['cancelled'], weight: 1},
	{pattern: /\b(?:postpone[ds]?|delayed|put off|rescheduled)\b/i, tags: ['postponed'], weight: 1},
];

/** Common capitalized words that start sentences or name days and months but name no actor. */
export const capitalizedStopwords: ReadonlySet<string> = new Set((
	'A An The This That These Those It Its He She They We I You His Her Their Our My Your Him Them Us Me '
	+ 'And But Or Nor So Yet For If When While Since After Before As At In On Of To From By With Without '
	+ 'Also Asked Speaking According Although Though Because Despite During Meanwhile However Moreover '
	+ 'Furthermore Initially Recently Earlier Later Then Now Today Yesterday Tomorrow Tonight Here There '
	+ 'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July '
	+ 'August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec '
	+ 'Spring Summer Autumn Fall Winter Mr Mrs Ms Dr What Who Whom Whose Which Where Why How Not No Yes '
	+ 'One Two Three Four Five Six Seven Eight Nine Ten First Second Third Last Next Every Each All Both '
	+ 'Some Many Most More Much Few Several Such Only Even Just Still Already Unfortunately Fortunately '
	+ 'Instead Otherwise Thus Therefore Indeed Perhaps Maybe Please Thank Thanks Photo Image Video Read '
	+ 'See Watch Listen Share Subscribe Follow Update Updated Published Editor Editors Top Latest Breaking '
	+ 'Live Opinion Analysis Exclusive Explainer Comment Sources Source God Let Let\'s Oh Well Dear Mister '
	+ 'Madam Sir Lady Ladies Gentlemen Despite Until Upon Within Among Amid Between Against Over Under '
	+ 'Through Into Onto Like Unlike Around About Above Below Behind Beyond Near Toward Towards Via Per '
	+ 'Whether Once Everything Nothing Something Anything Everyone Someone Anyone Nobody None Everybody Somebody Ukraine’s'
).split(' ').filter((word) => !word.includes('’')));

export const monthNames: readonly string[] = [
	'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
];

export const weekdayNames: readonly string[] = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
