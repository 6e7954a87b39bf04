import type {Actor, Dataset, Event, Quote, Source} from '../core/schema.js';
import type {DatasetRecord} from '../io/write-dataset.js';

/**
 * A deterministic generator of realistic datasets in the contract's format, for benchmarks and
 * property tests: a few thousand actors (people, organizations, countries, places) with Latin and
 * Cyrillic aliases, summaries of 30 to 60 words over a vocabulary with a long tail (as news text
 * has: the more events, the more distinct words), quotes, tags, partial dates, and one to four
 * sources per event.
 *
 * The same options give the same bytes on every machine. Events are made one at a time from their
 * number, so that a million of them can be written as a stream (see `source/io/write-dataset.ts`)
 * without holding them all; {@link generateDataset} collects them for tests.
 */

export type GenerateOptions = {readonly events: number; readonly seed?: number};

/** mulberry32: small, fast and the same on every machine. */
function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6D_2B_79_F5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
}

/** A well-mixed 32-bit seed from two numbers, so that event `n` has its own random stream. */
function mix(a: number, b: number): number {
	let h = Math.imul(a ^ 0x9E_37_79_B9, 0x85_EB_CA_6B) ^ Math.imul(b + 0x7F_4A_7C_15, 0xC2_B2_AE_35);
	h ^= h >>> 16;
	h = Math.imul(h, 0x27_D4_EB_2F);
	h ^= h >>> 15;
	return h >>> 0;
}

type Random = {
	readonly next: () => number;
	readonly pick: <T>(list: readonly T[]) => T;
	readonly integer: (low: number, high: number) => number;
	/** Zipf-like: small positions far more often than large ones. */
	readonly zipf: <T>(list: readonly T[]) => T;
};

function randomTools(seed: number): Random {
	const next = random(seed);
	return {
		next,
		pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
		integer: (low: number, high: number): number => low + Math.floor(next() * (high - low + 1)),
		zipf: <T>(list: readonly T[]): T => list[Math.min(list.length - 1, Math.floor((list.length + 1) ** (next() ** 0.7)) - 1)]!,
	};
}

const words = (text: string): string[] => text.trim().split(/\s+/);

// People by the language of their name: first names, family names, and endings to make more.
const cultures = {
	ua: {
		first: words('Olena Andrii Mykola Iryna Dmytro Oksana Serhii Natalia Yurii Kateryna Taras Lesia Bohdan Zoriana Oleksandr Petro Vasyl Halyna Yaroslav Liudmyla Volodymyr Denys Ruslan Tetiana Mykhailo Anastasiia Vitalii Khrystyna Ihor Yuliia'),
		last: words('Kovalenko Shevchenko Bondarenko Tkachenko Kravchenko Melnyk Boiko Lysenko Marchenko Rudenko Petrenko Savchenko Moroz Zinchenko Hrytsenko Yaremchuk Ostapenko Karpenko Vasylenko Pavlenko Ivanenko Kuzmenko Tymoshenko Danylyuk Honcharuk Fedorov Klymenko Stefanchuk Yermak Sybiha'),
		syllables: words('ko ma ly sha vy ro da ne ze hor bo ty pa chu sto mel kra lo'),
		endings: words('enko chuk iuk ych yshyn skyi ak'),
		country: 'UA',
	},
	ru: {
		first: words('Dmitry Sergei Vladimir Maria Anna Alexei Mikhail Yelena Igor Nikolai Olga Pavel Tatiana Grigory Yuri Svetlana Viktor Andrei Valentina Konstantin'),
		last: words('Peskov Lavrov Ivanov Smirnov Kuznetsov Popov Sokolov Volkov Morozov Orlov Belov Medvedev Zakharova Shoigu Patrushev Nebenzya Ushakov Kozak Matviyenko Volodin'),
		syllables: words('ka sa ro mi do le bo va ti zo gri pe sko lu'),
		endings: words('ov ev in sky kov enko'),
		country: 'RU',
	},
	fr: {
		first: words('Pierre Claire Jean Sophie Emmanuel Camille Louis Marie Nicolas Juliette Antoine Elise Francois Helene Olivier Amelie Sebastien Manon Thierry Agnes'),
		last: words('Dubois Laurent Moreau Girard Lefebvre Mercier Fontaine Rousseau Chevalier Barrot Garnier Lambert Bonnet Dupont Faure Renaud Leclerc Blanchard Perrin Marchand'),
		syllables: words('mar bel ro ch lan du fer gar mon val ver be'),
		endings: words('eau ier ard on ot et'),
		country: 'FR',
	},
	de: {
		first: words('Lukas Anna Olaf Friedrich Annalena Katrin Jonas Lena Matthias Sabine Thomas Ursula Boris Johanna Felix Greta'),
		last: words('Fischer Weber Schneider Wagner Becker Hoffmann Schulz Koch Richter Klein Wolf Neumann Schwarz Zimmermann Baerbock Scholz Pistorius Merz Wadephul Braun'),
		syllables: words('hof berg ster man lin wal ker stein brun feld'),
		endings: words('mann er berg hardt ing'),
		country: 'DE',
	},
	pl: {
		first: words('Marek Ewa Tomasz Agnieszka Piotr Katarzyna Andrzej Magdalena Radoslaw Joanna Krzysztof Beata Wojciech Zofia'),
		last: words('Nowak Kowalski Wisniewski Wojcik Kaminski Lewandowski Zielinski Szymanski Sikorski Duda Tusk Kosiniak Morawiecki Jablonski'),
		syllables: words('wol ska ber ko mir dom las gor'),
		endings: words('ski czyk ak ewicz'),
		country: 'PL',
	},
	en: {
		first: words('James Sarah Michael Emily David Rachel Steve Marco Antony Kaja Keir John Laura Richard Helen Mark Charles Rebecca Donald Kamala'),
		last: words('Walker Hughes Smith Johnson Brown Taylor Wilson Davies Evans Thomas Roberts Witkoff Rubio Blinken Kallas Starmer Kellogg Lammy Sullivan Austin'),
		syllables: words('ash ford ham ley ton wood brook ridge'),
		endings: words('son ton field ley'),
		country: 'GB',
	},
} as const;

type CultureName = keyof typeof cultures;
const cultureNames = Object.keys(cultures) as CultureName[];

const roles = ['Minister', 'Deputy Minister', 'Ambassador', 'Spokesperson', 'Mayor', 'Governor', 'Special Envoy', 'Prime Minister', 'Head of Mission', 'Chief of Staff', 'Security Adviser', 'Speaker of Parliament', 'Commander', 'Negotiator', 'Member of Parliament', 'Chief Prosecutor', 'Ombudsman', 'Director'];
const portfolios = ['Foreign Affairs', 'Defence', 'Energy', 'Finance', 'Justice', 'Economy', 'Reconstruction', 'Agriculture', 'Health', 'Digital Transformation'];

const countryList = [
	['UA', 'Ukraine', 'Україна'], ['FR', 'France', 'Франція'], ['DE', 'Germany', 'Німеччина'], ['PL', 'Poland', 'Польща'],
	['GB', 'United Kingdom', 'Велика Британія'], ['US', 'United States', 'США'], ['RU', 'Russia', 'Росія'], ['IT', 'Italy', 'Італія'],
	['ES', 'Spain', 'Іспанія'], ['NL', 'Netherlands', 'Нідерланди'], ['TR', 'Turkey', 'Туреччина'], ['CN', 'China', 'Китай'],
	['BE', 'Belgium', 'Бельгія'], ['CH', 'Switzerland', 'Швейцарія'], ['AT', 'Austria', 'Австрія'], ['SE', 'Sweden', 'Швеція'],
	['FI', 'Finland', 'Фінляндія'], ['NO', 'Norway', 'Норвегія'], ['DK', 'Denmark', 'Данія'], ['EE', 'Estonia', 'Естонія'],
	['LV', 'Latvia', 'Латвія'], ['LT', 'Lithuania', 'Литва'], ['RO', 'Romania', 'Румунія'], ['MD', 'Moldova', 'Молдова'],
	['HU', 'Hungary', 'Угорщина'], ['SK', 'Slovakia', 'Словаччина'], ['CZ', 'Czechia', 'Чехія'], ['JP', 'Japan', 'Японія'],
	['CA', 'Canada', 'Канада'], ['SA', 'Saudi Arabia', 'Саудівська Аравія'], ['QA', 'Qatar', 'Катар'], ['IN', 'India', 'Індія'],
] as const;

const placeList = [
	['Kyiv', 'Київ', 'Kiev'], ['Kharkiv', 'Харків', 'Kharkov'], ['Odesa', 'Одеса', 'Odessa'], ['Dnipro', 'Дніпро', 'Dnepr'],
	['Lviv', 'Львів', 'Lvov'], ['Zaporizhzhia', 'Запоріжжя', 'Zaporozhye'], ['Mykolaiv', 'Миколаїв', 'Nikolaev'], ['Sumy', 'Суми', null],
	['Chernihiv', 'Чернігів', 'Chernigov'], ['Kherson', 'Херсон', null], ['Poltava', 'Полтава', null], ['Vinnytsia', 'Вінниця', 'Vinnitsa'],
	['Kryvyi Rih', 'Кривий Ріг', 'Krivoy Rog'], ['Pokrovsk', 'Покровськ', null], ['Kramatorsk', 'Краматорськ', null], ['Bakhmut', 'Бахмут', 'Artemivsk'],
	['Irpin', 'Ірпінь', null], ['Bucha', 'Буча', null], ['Izium', 'Ізюм', 'Izyum'], ['Mariupol', 'Маріуполь', null],
	['Paris', 'Париж', null], ['Berlin', 'Берлін', null], ['Warsaw', 'Варшава', 'Warszawa'], ['Brussels', 'Брюссель', 'Bruxelles'],
	['Geneva', 'Женева', 'Genève'], ['Vienna', 'Відень', 'Wien'], ['Istanbul', 'Стамбул', null], ['London', 'Лондон', null],
	['Washington', 'Вашингтон', null], ['Moscow', 'Москва', 'Moskva'], ['Rome', 'Рим', 'Roma'], ['Riyadh', 'Ер-Ріяд', null],
	['Jeddah', 'Джидда', null], ['Vilnius', 'Вільнюс', null], ['Helsinki', 'Гельсінкі', null], ['Munich', 'Мюнхен', 'München'],
	['Davos', 'Давос', null], ['The Hague', 'Гаага', 'Den Haag'], ['Strasbourg', 'Страсбург', null], ['Minsk', 'Мінськ', null],
] as const;

const organizationList = [
	['European Commission', 'EC'], ['North Atlantic Treaty Organization', 'NATO'], ['United Nations', 'UN'], ['International Committee of the Red Cross', 'ICRC'],
	['Organization for Security and Co-operation in Europe', 'OSCE'], ['World Bank', null], ['International Atomic Energy Agency', 'IAEA'], ['Council of Europe', null],
	['European Parliament', null], ['International Criminal Court', 'ICC'], ['International Monetary Fund', 'IMF'], ['Verkhovna Rada', 'Rada'],
	['Kremlin', null], ['Elysee Palace', 'Élysée'], ['White House', null], ['Ministry of Foreign Affairs of Ukraine', 'MFA of Ukraine'],
	['Security Service of Ukraine', 'SBU'], ['Naftogaz', null], ['Ukrenergo', null], ['Energoatom', null],
	['European Investment Bank', 'EIB'], ['Group of Seven', 'G7'], ['Amnesty International', null], ['Human Rights Watch', 'HRW'],
	['UNICEF', null], ['World Food Programme', 'WFP'], ['Coalition of the Willing', null], ['Ramstein Group', 'Ukraine Defense Contact Group'],
] as const;

const tagList = words('talks ceasefire strike call meeting sanctions aid summit peacekeeping drone energy grain prisoners election visit agreement missile shelling evacuation reconstruction minerals refugees children deportation negotiations security-guarantees air-defence frontline mobilisation corruption accession loan tribunal investigation nuclear port infrastructure humanitarian exchange blackout railway shipping diplomacy parliament intelligence cyberattack propaganda blockade').map((tag) => tag.replace(/-/g, ' '));

const verbs = words('met discussed announced criticised welcomed rejected proposed signed visited warned called negotiated condemned confirmed denied postponed hosted urged pledged approved suspended resumed demanded offered reported');
const topics = [
	'a ceasefire', 'air defence deliveries', 'grain exports', 'prisoner exchanges', 'energy security', 'reconstruction funding',
	'sanctions on oil', 'peacekeeping troops', 'humanitarian corridors', 'security guarantees', 'the accession talks', 'a minerals agreement',
	'the return of deported children', 'frozen Russian assets', 'long-range missiles', 'the nuclear plant', 'a special tribunal', 'demining',
	'the Black Sea corridor', 'winter energy support', 'drone production', 'artillery ammunition', 'war crimes investigations', 'a peace summit',
];
const outlets = words('Kyiv_Post Le_Monde Reuters AFP Deutsche_Welle BBC Politico_Europe Ukrinform UNN Associated_Press Euronews Financial_Times The_Guardian Le_Figaro Ukrainska_Pravda Suspilne Meduza RFE/RL Bloomberg The_New_York_Times Der_Spiegel Gazeta_Wyborcza Interfax-Ukraine LB.ua Hromadske NV.ua France_24 ZDF Kommersant TASS RBC-Ukraine Liga.net Censor.net Novaya_Gazeta Radio_Svoboda Al_Jazeera CNN Axios The_Economist').map((outlet) => outlet.replace(/_/g, ' '));
const channels = ['statement', 'interview', 'press conference', 'X', 'Telegram', 'speech', 'briefing', 'Facebook', null] as const;

// The common words of news text, most frequent first (a Zipf draw favours the head).
const common = words(`
said officials government president minister talks war forces russian ukrainian military support security
country week meeting new people peace after talks also would could region attack city according statement
year month today agreement between against including international european since deal local earlier leaders
plan both sides further first last under over more than during while report reports reported added told
troops weapons defence aid funding sanctions energy power infrastructure damage killed injured civilians
residents authorities regional administration governor mayor spokesperson delegation negotiators proposal
ceasefire frontline offensive counteroffensive drones missiles shelling strikes overnight morning evening
negotiations summit visit capital parliament vote law bill budget economy prices exports imports grain
ports shipping corridor sea border crossing refugees evacuation humanitarian convoy hospital school children
families prisoners exchange bodies returned missing investigation prosecutors court tribunal evidence crimes
allies partners coalition alliance members nations union commission council envoy ambassador embassy
diplomats discussions progress framework guarantees commitments package billion million euros dollars loan
reconstruction recovery rebuilding housing electricity heating gas oil nuclear plant reactor inspectors
agency monitoring mission observers experts analysts sources familiar matter condition anonymity briefing
journalists press conference interview comments remarks warned urged called welcomed criticised condemned
rejected accepted proposed announced confirmed denied insisted stressed noted pointed suggested expected
likely possible unclear details disclosed timeline deadline round rounds preparation weeks months days hours
several many some most no any every other another same different major key senior top former current
next previous following ahead despite amid because however although instead meanwhile separately later
earlier yet still already again long short high low large small strong weak clear full partial direct
`);

const functionWords = words('the of to and a in on for that with as by at from is was were has have it its not be will this an');

// The long tail: pseudo-words from syllables, the n-th always the same.
const onsets = words('b br d dr f g gr h k kr l m n p pr r s st t tr v z sh ch sk pl');
const vowels = words('a e i o u ia ou ei');
const codas = ['', '', 'n', 'r', 'l', 's', 'k', 'm', 'st', 'nd', 'rt'];

function tailWord(number: number): string {
	const draw = randomTools(mix(number, 0x5EED));
	let word = '';
	for (let syllable = draw.integer(2, 3); syllable > 0; syllable--) {
		word += draw.pick(onsets) + draw.pick(vowels) + (syllable === 1 ? draw.pick(codas) : '');
	}

	return word;
}

// Latin to Cyrillic, longest first, for the Cyrillic aliases (Ukrainian spelling).
const toCyrillicPairs: Array<[string, string]> = [
	['shch', 'щ'], ['zh', 'ж'], ['kh', 'х'], ['ts', 'ц'], ['ch', 'ч'], ['sh', 'ш'], ['yu', 'ю'], ['ya', 'я'], ['ye', 'є'], ['yi', 'ї'],
	['iu', 'ю'], ['ia', 'я'], ['a', 'а'], ['b', 'б'], ['c', 'к'], ['d', 'д'], ['e', 'е'], ['f', 'ф'], ['g', 'г'], ['h', 'г'], ['i', 'і'],
	['j', 'й'], ['k', 'к'], ['l', 'л'], ['m', 'м'], ['n', 'н'], ['o', 'о'], ['p', 'п'], ['q', 'к'], ['r', 'р'], ['s', 'с'], ['t', 'т'],
	['u', 'у'], ['v', 'в'], ['w', 'в'], ['x', 'кс'], ['y', 'и'], ['z', 'з'],
];

export function toCyrillic(name: string): string {
	let out = '';
	for (let index = 0; index < name.length;) {
		const rest = name.slice(index).toLowerCase();
		const pair = toCyrillicPairs.find(([latin]) => rest.startsWith(latin));
		if (!pair) {
			out += name[index];
			index++;
			continue;
		}

		const upper = name[index] !== name[index]!.toLowerCase();
		out += upper ? pair[1][0]!.toUpperCase() + pair[1].slice(1) : pair[1];
		index += pair[0].length;
	}

	return out;
}

function slug(text: string): string {
	return text.normalize('NFKD').replace(/[\u0300-\u036F]/g, '').toLowerCase().replace(/[^a-z\d]+/g, '-').replace(/^-|-$/g, '');
}

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** Other Latin spellings of a name, as the press writes them: `-yi`/`-iy`, `y`/`i`, `kh`/`h`. */
function spellings(name: string): string[] {
	const variants = new Set<string>();
	const rules: Array<[RegExp, string]> = [[/yi\b/g, 'iy'], [/ii\b/g, 'iy'], [/kh/g, 'h'], [/iia\b/g, 'ia'], [/y\b/g, 'i'], [/ko\b/g, 'ka'], [/ie/g, 'ye']];
	for (const [pattern, replacement] of rules) {
		const variant = name.replace(pattern, replacement);
		if (variant !== name) {
			variants.add(variant);
		}
	}

	return [...variants].slice(0, 2);
}

/** The part of a dataset that events draw on, made once: actors and sources. */
export type World = {
	readonly sources: readonly Source[];
	readonly actors: readonly Actor[];
	readonly people: readonly Actor[];
	readonly places: readonly Actor[];
	readonly organizations: readonly Actor[];
	readonly countries: readonly Actor[];
	readonly seed: number;
	readonly eventCount: number;
	/** How many long-tail words the summaries draw from: grows with the dataset. */
	readonly tail: number;
};

export function generateWorld({events: eventCount, seed = 1}: GenerateOptions): World {
	const draw = randomTools(mix(seed, 1));
	const actors: Actor[] = [];
	const used = new Set<string>();
	const unique = (base: string): string => {
		let id = slug(base) || 'actor';
		for (let suffix = 2; used.has(id); suffix++) {
			id = `${slug(base)}-${suffix}`;
		}

		used.add(id);
		return id;
	};

	const countries: Actor[] = countryList.map(([code, name, cyrillic]) => ({id: unique(name), name, kind: 'country', aliases: [cyrillic], role: null, country: code}));
	const places: Actor[] = placeList.map(([name, cyrillic, other]) => ({
		id: unique(name), name, kind: 'place', aliases: other ? [cyrillic, other] : [cyrillic], role: null, country: null,
	}));
	const organizations: Actor[] = organizationList.map(([name, short]) => ({
		id: unique(name), name, kind: 'organization', aliases: short ? [short] : [], role: null, country: null,
	}));
	actors.push(...countries, ...places, ...organizations);

	// A few thousand people at large sizes: about one per 30 events, at least 60, at most 8,000.
	const personCount = Math.max(60, Math.min(8000, Math.ceil(eventCount / 30)));
	const people: Actor[] = [];
	for (let index = 0; index < personCount; index++) {
		const culture = cultures[draw.pick(cultureNames)];
		const first = draw.pick(culture.first);
		// Known family names first, then made ones, so that large datasets have many distinct names.
		const last = draw.next() < 0.5
			? draw.pick(culture.last)
			: capitalize(draw.pick(culture.syllables) + draw.pick(culture.syllables) + draw.pick(culture.endings));
		const name = `${first} ${last}`;
		const aliases = [last];
		if (culture.country === 'UA' || culture.country === 'RU' || draw.next() < 0.3) {
			aliases.push(toCyrillic(name));
		}

		aliases.push(...spellings(name).filter((variant) => variant !== name));
		const country = draw.next() < 0.8 ? culture.country : draw.pick(countryList)[0];
		const countryName = countryList.find(([code]) => code === country)![1];
		const role = draw.pick(roles);
		people.push({
			id: unique(name),
			name,
			kind: 'person',
			aliases: [...new Set(aliases)],
			role: draw.next() < 0.1 ? null : role === 'Minister' || role === 'Deputy Minister' ? `${role} of ${draw.pick(portfolios)} of ${countryName}` : `${role} of ${countryName}`,
			country,
		});
	}

	actors.push(...people);

	const sourceCount = Math.max(5, Math.ceil(eventCount / 3));
	const sources: Source[] = [];
	for (let index = 0; index < sourceCount; index++) {
		const number = String(index + 1).padStart(6, '0');
		const hex = mix(seed, index + 17).toString(16).padStart(8, '0');
		sources.push({
			id: `source-${number}`,
			title: capitalize(`${draw.pick(people).aliases[0]} ${draw.pick(verbs)} ${draw.pick(topics)} ${draw.next() < 0.5 ? `in ${draw.pick(places).name}` : `as ${draw.pick(common)} ${draw.pick(common)} ${draw.pick(common)}`}`),
			outlet: draw.next() < 0.95 ? draw.zipf(outlets) : null,
			author: draw.next() < 0.6 ? `${draw.pick(cultures.en.first)} ${draw.pick(cultures.en.last)}` : null,
			published: draw.next() < 0.03 ? null : `20${draw.integer(15, 25)}-${String(draw.integer(1, 12)).padStart(2, '0')}-${String(draw.integer(1, 28)).padStart(2, '0')}`,
			url: draw.next() < 0.8 ? `https://news.example/${number}` : null,
			file: `${number}_${hex}.txt`,
			lang: 'en',
		});
	}

	// Heaps' law: the distinct words of n running words grow like the square root of n.
	const tail = Math.max(2000, Math.round(120 * Math.sqrt(eventCount * 45)));
	return {sources, actors, people, places, organizations, countries, seed, eventCount, tail};
}

function sentence(draw: Random, world: World, length: number): string {
	const out: string[] = [];
	for (let index = 0; index < length; index++) {
		const roll = draw.next();
		out.push(roll < 0.35 ? draw.zipf(functionWords) : roll < 0.85 ? draw.zipf(common) : roll < 0.92 ? draw.zipf(topics).split(' ').at(-1)! : tailWord(Math.floor(world.tail ** draw.next())));
	}

	return `${capitalize(out.join(' '))}.`;
}

function date(draw: Random): string | null {
	const roll = draw.next();
	const year = draw.integer(2015, 2025);
	if (roll < 0.02) {
		return null;
	}

	if (roll < 0.06) {
		return String(year);
	}

	if (roll < 0.09) {
		return `${year}-${draw.integer(21, 24)}`;
	}

	const month = String(draw.integer(1, 12)).padStart(2, '0');
	if (roll < 0.22) {
		return `${year}-${month}`;
	}

	const day = `${year}-${month}-${String(draw.integer(1, 28)).padStart(2, '0')}`;
	return roll < 0.27 ? `${day}~` : roll < 0.29 ? `${day}?` : day;
}

/** Event number `index` (from 0) and the quote said at it, if any. */
export function generateEvent(world: World, index: number): {event: Event; quote: Quote | undefined} {
	const draw = randomTools(mix(world.seed, index + 1_000_003));
	const lead = draw.zipf(world.people);
	let other = draw.pick(world.people);
	if (other === lead) {
		other = world.people[(world.people.indexOf(lead) + 1) % world.people.length]!;
	}

	const place = draw.zipf(world.places);
	const organization = draw.next() < 0.3 ? draw.zipf(world.organizations) : undefined;
	const country = draw.next() < 0.4 ? draw.pick(world.countries) : undefined;
	const verb = draw.pick(verbs);
	const topic = draw.zipf(topics);
	const leadName = draw.next() < 0.7 ? lead.name : lead.aliases[0]!;
	const sentences = [`${leadName} ${verb} ${topic} with ${other.name} in ${place.name}.`];
	const target = draw.integer(30, 60);
	let count = sentences[0]!.split(' ').length;
	while (count < target) {
		const length = Math.min(target - count, draw.integer(6, 16));
		sentences.push(sentence(draw, world, length));
		count += length;
	}

	const sourceCount = draw.next() < 0.5 ? 1 : draw.next() < 0.7 ? 2 : draw.integer(3, 4);
	const sourceIds = new Set<string>();
	while (sourceIds.size < sourceCount) {
		sourceIds.add(draw.pick(world.sources).id);
	}

	const evidence = [...sourceIds].map((source) => {
		const exact = `${lead.aliases[0]} ${verb} ${topic} in ${place.name}.`;
		const start = draw.integer(0, 6000);
		return {source, exact, start, end: start + exact.length};
	});
	const eventDate = date(draw);
	const id = `e${index + 1}-${slug(`${lead.aliases[0]} ${verb}`)}`;
	const tags = new Set<string>();
	for (let tag = draw.integer(1, 4); tag > 0; tag--) {
		tags.add(draw.zipf(tagList));
	}

	const event: Event = {
		id,
		date: eventDate,
		status: draw.next() < 0.05 ? draw.pick(['scheduled', 'scheduled', 'cancelled', 'postponed'] as const) : 'occurred',
		title: `${leadName} ${verb} ${topic}${draw.next() < 0.5 ? ` in ${place.name}` : ''}`,
		summary: sentences.join(' '),
		actors: [lead.id, other.id, place.id, ...(organization ? [organization.id] : []), ...(country ? [country.id] : [])],
		location: draw.next() < 0.85 ? place.id : draw.next() < 0.5 ? null : `${place.name} region`,
		tags: [...tags],
		evidence,
	};

	let quote: Quote | undefined;
	if (draw.next() < 0.3) {
		const speaker = draw.next() < 0.8 ? lead : other;
		const text = `We ${draw.pick(['will', 'must', 'cannot', 'should', 'will not'])} ${draw.pick(['discuss', 'accept', 'support', 'reject', 'delay'])} ${topic} without ${draw.pick(topics)}, ${sentence(draw, world, draw.integer(4, 12)).slice(0, -1).toLowerCase()}`;
		const partial = draw.next() < 0.15;
		const said = `"${text}," ${speaker.aliases[0]} said${draw.next() < 0.5 ? ` in ${place.name}` : ''}.`;
		const exact = partial ? `${speaker.aliases[0]} said ${draw.pick(topics)} would "${text}" at best.` : said;
		const start = draw.integer(0, 6000);
		quote = {
			id: `q${index + 1}-${slug(speaker.aliases[0]!)}`,
			text,
			speaker: speaker.id,
			date: eventDate,
			channel: draw.pick(channels),
			event: id,
			partial,
			evidence: {source: evidence[0]!.source, exact, start, end: start + exact.length},
		};
	}

	return {event, quote};
}

/** Every record of a generated dataset, in the order of a JSON document: sources, actors, events, quotes. */
export function * generateRecords(options: GenerateOptions): Generator<DatasetRecord> {
	const world = generateWorld(options);
	for (const record of world.sources) {
		yield {type: 'source', record};
	}

	for (const record of world.actors) {
		yield {type: 'actor', record};
	}

	for (let index = 0; index < options.events; index++) {
		yield {type: 'event', record: generateEvent(world, index).event};
	}

	// A second pass for the quotes: each event is made again from its number, so nothing is kept.
	for (let index = 0; index < options.events; index++) {
		const {quote} = generateEvent(world, index);
		if (quote) {
			yield {type: 'quote', record: quote};
		}
	}
}

/** A whole generated dataset in memory. */
export function generateDataset(options: GenerateOptions): Dataset {
	const world = generateWorld(options);
	const events: Event[] = [];
	const quotes: Quote[] = [];
	for (let index = 0; index < options.events; index++) {
		const {event, quote} = generateEvent(world, index);
		events.push(event);
		if (quote) {
			quotes.push(quote);
		}
	}

	return {version: 1, sources: [...world.sources], actors: [...world.actors], events, quotes};
}
