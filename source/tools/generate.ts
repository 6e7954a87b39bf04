import type {Actor, Dataset, Event, Quote, Source} from '../core/schema.js';

/**
 * A deterministic generator of realistic datasets in the contract's format, for benchmarks and
 * property tests: thousands of actors with Latin and Cyrillic aliases, summaries of 30 to 60
 * words, quotes, tags, partial dates and several sources per event.
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

const firstNames = ['Olena', 'Andrii', 'Mykola', 'Iryna', 'Dmytro', 'Oksana', 'Serhii', 'Natalia', 'Yurii', 'Kateryna', 'Pierre', 'Claire', 'Jean', 'Sophie', 'Lukas', 'Anna', 'Marek', 'Ewa', 'James', 'Sarah', 'Viktor', 'Hanna', 'Taras', 'Maria', 'Oleksandr', 'Ivan', 'Petro', 'Lesia', 'Bohdan', 'Zoryana'];
const lastNames = ['Kovalenko', 'Shevchenko', 'Bondarenko', 'Tkachenko', 'Kravchenko', 'Melnyk', 'Boyko', 'Lysenko', 'Marchenko', 'Rudenko', 'Dubois', 'Laurent', 'Moreau', 'Fischer', 'Weber', 'Nowak', 'Kowalski', 'Walker', 'Hughes', 'Petrenko', 'Savchenko', 'Moroz', 'Zinchenko', 'Hrytsenko', 'Yaremchuk', 'Ostapenko', 'Karpenko', 'Vasylenko', 'Pavlenko', 'Ivanenko'];
const roles = ['Foreign Minister', 'Defence Minister', 'Ambassador', 'Spokesperson', 'Mayor', 'Governor', 'Special Envoy', 'Prime Minister', 'Head of Mission', 'Chief of Staff', 'Security Adviser', 'Parliament Speaker'];
const countries = [['UA', 'Ukraine'], ['FR', 'France'], ['DE', 'Germany'], ['PL', 'Poland'], ['GB', 'United Kingdom'], ['US', 'United States'], ['RU', 'Russia'], ['IT', 'Italy'], ['ES', 'Spain'], ['NL', 'Netherlands']] as const;
const places = ['Kyiv', 'Kharkiv', 'Odesa', 'Dnipro', 'Lviv', 'Paris', 'Berlin', 'Warsaw', 'Brussels', 'Geneva', 'Vienna', 'Istanbul', 'Sumy', 'Zaporizhzhia', 'Mykolaiv'];
const organizations = ['European Commission', 'NATO', 'United Nations', 'Red Cross', 'OSCE', 'World Bank', 'IAEA', 'Council of Europe'];
const tags = ['talks', 'ceasefire', 'strike', 'call', 'meeting', 'sanctions', 'aid', 'summit', 'peacekeeping', 'drone', 'energy', 'grain', 'prisoners', 'election', 'visit', 'agreement'];
const verbs = ['met', 'discussed', 'announced', 'criticised', 'welcomed', 'rejected', 'proposed', 'signed', 'visited', 'warned about', 'called for', 'negotiated'];
const topics = ['a ceasefire', 'air defence deliveries', 'grain exports', 'prisoner exchanges', 'energy security', 'reconstruction funding', 'sanctions on oil', 'peacekeeping troops', 'humanitarian corridors', 'security guarantees', 'the accession talks', 'a minerals agreement'];
const fillers = ['officials said', 'according to the statement', 'the talks lasted several hours', 'no agreement was reached', 'details were not disclosed', 'both sides described progress', 'the meeting followed weeks of preparation', 'observers expect further rounds', 'the proposal drew mixed reactions', 'delegations exchanged documents'];
const outlets = ['Kyiv Post', 'Le Monde', 'Reuters', 'AFP', 'Deutsche Welle', 'BBC', 'Politico Europe', 'Ukrinform', 'UNN', 'Associated Press', 'Euronews', 'Financial Times'];

const cyrillic: Record<string, string> = {a: 'а', b: 'б', c: 'к', d: 'д', e: 'е', f: 'ф', g: 'г', h: 'х', i: 'і', j: 'й', k: 'к', l: 'л', m: 'м', n: 'н', o: 'о', p: 'п', r: 'р', s: 'с', t: 'т', u: 'у', v: 'в', w: 'в', y: 'и', z: 'з'};

function toCyrillic(name: string): string {
	return [...name].map((letter) => {
		const lower = letter.toLowerCase();
		const mapped = cyrillic[lower] ?? letter;
		return letter === lower ? mapped : mapped.toUpperCase();
	}).join('');
}

function slug(text: string): string {
	return text.normalize('NFKD').replace(/[\u0300-\u036F]/g, '').toLowerCase().replace(/[^a-z\d]+/g, '-').replace(/^-|-$/g, '');
}

export function generateDataset({events: eventCount, seed = 1}: GenerateOptions): Dataset {
	const next = random(seed);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
	const integer = (low: number, high: number): number => low + Math.floor(next() * (high - low + 1));

	const actorCount = Math.max(40, Math.min(4000, Math.ceil(eventCount / 25)));
	const actors: Actor[] = [];
	const used = new Set<string>();
	for (const [code, name] of countries) {
		actors.push({id: slug(name), name, kind: 'country', aliases: [toCyrillic(name)], role: null, country: code});
		used.add(slug(name));
	}

	for (const name of places) {
		actors.push({id: slug(name), name, kind: 'place', aliases: [toCyrillic(name)], role: null, country: null});
		used.add(slug(name));
	}

	for (const name of organizations) {
		actors.push({id: slug(name), name, kind: 'organization', aliases: [], role: null, country: null});
		used.add(slug(name));
	}

	while (actors.length < actorCount) {
		const first = pick(firstNames);
		const last = pick(lastNames);
		let id = slug(`${first} ${last}`);
		for (let suffix = 2; used.has(id); suffix++) {
			id = slug(`${first} ${last} ${suffix}`);
		}

		used.add(id);
		const [code, country] = pick(countries);
		const aliases = [last, toCyrillic(`${first} ${last}`)];
		if (last.endsWith('ko')) {
			aliases.push(`${first} ${last.slice(0, -2)}ka`);
		}

		actors.push({id, name: `${first} ${last}`, kind: 'person', aliases, role: `${pick(roles)} of ${country}`, country: code});
	}

	const people = actors.filter((actor) => actor.kind === 'person');
	const placeActors = actors.filter((actor) => actor.kind === 'place');
	const sourceCount = Math.max(5, Math.ceil(eventCount / 4));
	const sources: Source[] = Array.from({length: sourceCount}, (_, index) => ({
		id: `source-${index + 1}`,
		title: `${pick(verbs)} ${pick(topics)}`.replace(/^./, (letter) => letter.toUpperCase()),
		outlet: pick(outlets),
		author: next() < 0.6 ? `${pick(firstNames)} ${pick(lastNames)}` : null,
		published: next() < 0.03 ? null : `20${integer(15, 25)}-${String(integer(1, 12)).padStart(2, '0')}-${String(integer(1, 28)).padStart(2, '0')}`,
		url: null,
		file: `article-${index + 1}.txt`,
		lang: 'en',
	}));

	const date = (): string | null => {
		const roll = next();
		const year = integer(2015, 2025);
		if (roll < 0.02) {
			return null;
		}

		if (roll < 0.07) {
			return String(year);
		}

		if (roll < 0.1) {
			return `${year}-${integer(21, 24)}`;
		}

		const month = String(integer(1, 12)).padStart(2, '0');
		if (roll < 0.25) {
			return `${year}-${month}`;
		}

		const day = `${year}-${month}-${String(integer(1, 28)).padStart(2, '0')}`;
		return roll < 0.28 ? `${day}~` : roll < 0.3 ? `${day}?` : day;
	};

	const events: Event[] = [];
	const quotes: Quote[] = [];
	for (let index = 0; index < eventCount; index++) {
		const lead = pick(people);
		const other = pick(people);
		const place = pick(placeActors);
		const verb = pick(verbs);
		const topic = pick(topics);
		const words: string[] = [`${lead.name} ${verb} ${topic} with ${other.name} in ${place.name}.`];
		const target = integer(30, 60);
		while (words.join(' ').split(' ').length < target) {
			words.push(`${pick(fillers).replace(/^./, (letter) => letter.toUpperCase())}.`);
		}

		const evidence = Array.from({length: integer(1, 3)}, () => {
			const exact = `${lead.aliases[0]} ${verb} ${topic} in ${place.name}, ${pick(fillers)}.`;
			const start = integer(0, 4000);
			return {source: pick(sources).id, exact, start, end: start + exact.length};
		});
		const id = `event-${index + 1}`;
		events.push({
			id,
			date: date(),
			status: next() < 0.05 ? 'scheduled' : 'occurred',
			title: `${lead.name} ${verb} ${topic}`,
			summary: words.join(' '),
			actors: [lead.id, other.id, place.id],
			location: place.id,
			tags: [...new Set([pick(tags), pick(tags)])],
			evidence,
		});

		if (next() < 0.3) {
			const text = `We ${pick(['will', 'must', 'cannot', 'should'])} ${pick(['discuss', 'accept', 'support', 'reject'])} ${topic} without ${pick(topics)}`;
			const exact = `"${text}," ${lead.aliases[0]} said.`;
			const start = integer(0, 4000);
			quotes.push({
				id: `quote-${quotes.length + 1}`,
				text,
				speaker: lead.id,
				date: events.at(-1)!.date,
				channel: pick(['statement', 'interview', 'press conference', 'X', 'Telegram', null]),
				event: id,
				partial: false,
				evidence: {source: evidence[0]!.source, exact, start, end: start + exact.length},
			});
		}
	}

	return {version: 1, sources, actors, events, quotes};
}
