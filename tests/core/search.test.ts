import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {linkDataset, type LinkedDataset, validateDataset} from '../../source/core/dataset.js';
import {parseQuery} from '../../source/core/query.js';
import type {Actor, Dataset, Event, Quote} from '../../source/core/schema.js';
import {
	candidateLimit, createSearchIndex, fieldText, highlightSegments, type Hit, rankedHits, search, type SearchIndex, searchIndexFromJSON,
	type SearchOptions, searchText,
} from '../../source/core/search.js';
import {fixtures} from '../helpers/cli.js';

function load(value: unknown): LinkedDataset {
	const result = validateDataset(value, 'test');
	if (!result.ok) {
		throw new Error(result.problems.map((problem) => `${problem.path}: ${problem.message}`).join('\n'));
	}

	return linkDataset(result.value);
}

const small = load(JSON.parse(readFileSync(path.join(fixtures, 'small', 'dataset.json'), 'utf8')));
const smallIndex = createSearchIndex(small);

function evidence(exact = 'A sentence.'): Event['evidence'][number] {
	return {source: 'wire', exact, start: 0, end: exact.length};
}

function actor(id: string, name: string, aliases: string[] = [], role: string | null = null): Actor {
	return {id, name, kind: 'person', aliases, role, country: null};
}

function event(id: string, fields: Partial<Event> = {}): Event {
	return {id, date: null, status: 'occurred', title: id, summary: 'Nothing much.', actors: [], location: null, tags: [], evidence: [evidence()], ...fields};
}

function quote(id: string, speaker: string, text: string, date: string | null = null): Quote {
	return {id, text, speaker, date, channel: null, event: null, partial: false, evidence: evidence(text)};
}

function dataset(parts: {actors?: Actor[]; events?: Event[]; quotes?: Quote[]}): LinkedDataset {
	const value: Dataset = {
		version: 1,
		sources: [{id: 'wire', title: 'Wire story', outlet: 'The Wire', author: null, published: '2025-01-01', url: null, file: 'wire.txt', lang: 'en'}],
		actors: parts.actors ?? [],
		events: parts.events ?? [],
		quotes: parts.quotes ?? [],
	};
	return load(value);
}

function ids(hits: readonly Hit[]): string[] {
	return hits.map((hit) => hit.id);
}

function find(index: SearchIndex, text: string, options?: SearchOptions) {
	const query = parseQuery(text);
	expect(query.errors).toEqual([]);
	return search(index, query, options);
}

/** The highlighted parts of a hit's fields, as text. */
function highlighted(linked: LinkedDataset, hit: Hit): Record<string, string[]> {
	return Object.fromEntries(Object.entries(hit.highlights).map(([field, ranges]) => {
		const text = fieldText(linked, hit, field);
		expect(text, field).toBeDefined();
		return [field, ranges.map(([start, end]) => text!.slice(start, end))];
	}));
}

describe('search: what is searched', () => {
	it('finds events by title, summary, tag, place and the names and aliases of their actors', () => {
		expect(ids(find(smallIndex, 'resume').events)).toEqual(['2024-03-01-port-talks']);
		expect(ids(find(smallIndex, 'useful').events)).toEqual(['2024-03-01-port-talks']);
		expect(ids(find(smallIndex, 'history').events)).toEqual(['port-founded']);
		expect(ids(find(smallIndex, 'varga').events).sort()).toEqual(['2023-22-strike', '2024-03-01-port-talks']);
		expect(find(smallIndex, 'lindholm').events.map((hit) => hit.id).sort()).toEqual(['2023-22-strike', '2024-03-01-port-talks', '2024-04-vote', 'port-founded']);
	});

	it('finds actors by name, alias and role, and quotes by text and speaker', () => {
		expect(ids(find(smallIndex, 'mayor').actors)).toEqual(['anna-berg']);
		expect(ids(find(smallIndex, 'dockworkers union').actors)).toEqual(['tomas-varga']);
		expect(ids(find(smallIndex, 'berg').quotes)).toEqual(['berg-useful-talks']);
		expect(ids(find(smallIndex, 'not done').quotes)).toEqual(['varga-not-done']);
	});

	it('finds a Latin name from its Cyrillic spelling and back', () => {
		expect(ids(find(smallIndex, 'Берг').actors)).toEqual(['anna-berg']);
		const linked = dataset({actors: [actor('zelensky', 'Volodymyr Zelensky'), actor('macron', 'Emmanuel Macron')]});
		const index = createSearchIndex(linked);
		expect(ids(find(index, 'Зеленський').actors)).toEqual(['zelensky']);
		expect(ids(find(index, 'Макрон').actors)).toEqual(['macron']);
		const cyrillic = createSearchIndex(dataset({actors: [actor('peskov', 'Дмитрий Песков')]}));
		expect(ids(find(cyrillic, 'peskov').actors)).toEqual(['peskov']);
	});

	it('forgives typos, spellings and diacritics', () => {
		const linked = dataset({actors: [
			actor('macron', 'Emmanuel Macron'), actor('zelensky', 'Volodymyr Zelensky'), actor('yermak', 'Andriy Yermak'),
			actor('barrot', 'Jean-Noël Barrot'), actor('zelenska', 'Olena Zelenska'),
		]});
		const index = createSearchIndex(linked);
		expect(ids(find(index, 'macorn').actors)).toEqual(['macron']);
		expect(ids(find(index, 'zelenski').actors)[0]).toBe('zelensky');
		expect(ids(find(index, 'zelenskyi').actors)[0]).toBe('zelensky');
		expect(ids(find(index, 'yermack').actors)).toEqual(['yermak']);
		expect(ids(find(index, 'jean noel').actors)).toEqual(['barrot']);
		expect(ids(find(index, 'noël').actors)).toEqual(['barrot']);
	});

	it('finds other forms of a word, after the form typed', () => {
		const index = createSearchIndex(dataset({events: [
			event('abduction', {title: 'Russia abducts children', tags: ['abduction']}),
			event('abducted', {title: 'Panel', summary: 'He spoke about the abducted children.'}),
			event('unrelated', {title: 'Children play'}),
		]}));
		expect(ids(find(index, 'abducted children').events).sort()).toEqual(['abducted', 'abduction']);
		expect(ids(find(index, 'abduction').events)).toEqual(['abduction', 'abducted']);
	});

	it('matches a word as it is typed', () => {
		const index = createSearchIndex(dataset({actors: [actor('macron', 'Emmanuel Macron')]}));
		for (const prefix of ['ma', 'mac', 'macr', 'macro', 'macor']) {
			expect(ids(find(index, prefix).actors), prefix).toEqual(['macron']);
		}
	});

	it('needs every word somewhere, in any order', () => {
		expect(ids(find(smallIndex, 'port talks').events)).toEqual(['2024-03-01-port-talks']);
		expect(ids(find(smallIndex, 'talks port').events)).toEqual(['2024-03-01-port-talks']);
		expect(ids(find(smallIndex, 'berg varga').events)).toEqual(['2024-03-01-port-talks']);
		expect(ids(find(smallIndex, 'useful strike').events)).toEqual([]);
	});

	it('drops stop words when other words are left', () => {
		expect(ids(find(smallIndex, 'what did berg say').quotes)).toEqual(['berg-useful-talks']);
		expect(ids(find(smallIndex, 'what did berg say').actors)).toEqual(['anna-berg']);
	});

	it('matches a quoted phrase only as consecutive words', () => {
		expect(ids(find(smallIndex, '"port talks"').events)).toEqual(['2024-03-01-port-talks']);
		expect(ids(find(smallIndex, '"talks port"').events)).toEqual([]);
		expect(ids(find(smallIndex, '"useful talks"').quotes)).toEqual(['berg-useful-talks']);
	});

	it('finds a phrase in whichever field holds it, and not across two fields', () => {
		const linked = dataset({
			actors: [
				actor('ivan-petrenko', 'Ivan Petrenko', ['Іван Петренко', 'Grain Envoy']),
				actor('odesa', 'Odesa', ['Port City']),
			],
			events: [
				event('in-title', {title: 'Grain corridor reopened'}),
				event('in-summary', {summary: 'Talks on the grain corridor resumed.'}),
				event('in-tags', {tags: ['grain corridor']}),
				event('in-location', {location: 'odesa'}),
				event('in-names', {actors: ['ivan-petrenko'], summary: 'A visit.'}),
				event('split', {title: 'Grain prices', summary: 'A corridor of power.'}),
			],
			quotes: [quote('by-envoy', 'ivan-petrenko', 'We will see.')],
		});
		const index = createSearchIndex(linked);
		expect(ids(find(index, '"grain corridor"').events).sort()).toEqual(['in-summary', 'in-tags', 'in-title']);
		expect(ids(find(index, '"port city"').events)).toEqual(['in-location']);
		expect(ids(find(index, '"ivan petrenko"').events)).toEqual(['in-names']);
		// Aliases, Cyrillic among them, of an event's actors and of a quote's speaker.
		expect(ids(find(index, '"іван петренко"').events)).toEqual(['in-names']);
		expect(ids(find(index, '"grain envoy"').events)).toEqual(['in-names']);
		expect(ids(find(index, '"grain envoy"').quotes)).toEqual(['by-envoy']);
		// The last word may be cut short, as it is while typing.
		expect(ids(find(index, '"grain corr"').events).sort()).toEqual(['in-summary', 'in-tags', 'in-title']);
	});

	it('finds nothing for nonsense, a blank query or single letters', () => {
		for (const text of ['qqxqzv', '', '   ', 'x']) {
			const results = search(smallIndex, parseQuery(text));
			expect([...results.events, ...results.actors, ...results.quotes], text).toEqual([]);
		}
	});
});

describe('search: filters', () => {
	it('actor: narrows events, quotes and actors to that actor', () => {
		const results = find(smallIndex, 'actor:varga');
		expect(ids(results.events)).toEqual(['2024-03-01-port-talks', '2023-22-strike']);
		expect(ids(results.quotes)).toEqual(['varga-not-done']);
		expect(ids(results.actors)).toEqual(['tomas-varga']);
	});

	it('actor: takes a spelling, a typo or an id, and each actor: filter must hold', () => {
		expect(ids(find(smallIndex, 'actor:Берг').actors)).toEqual(['anna-berg']);
		expect(ids(find(smallIndex, 'actor:vagra').actors)).toEqual(['tomas-varga']);
		expect(ids(find(smallIndex, 'actor:anna-berg').quotes)).toEqual(['berg-useful-talks']);
		expect(ids(find(smallIndex, 'actor:berg actor:varga').events)).toEqual(['2024-03-01-port-talks']);
	});

	it('actor: prefers the actor named exactly over one a typo away', () => {
		const index = createSearchIndex(dataset({
			actors: [actor('zelensky', 'Volodymyr Zelensky'), actor('zelenska', 'Olena Zelenska')],
			events: [event('a', {actors: ['zelensky']}), event('b', {actors: ['zelenska']})],
		}));
		expect(ids(find(index, 'actor:zelensky').events)).toEqual(['a']);
		expect(ids(find(index, 'actor:zelenska').events)).toEqual(['b']);
		expect(ids(find(index, 'actor:zelensk').events).sort()).toEqual(['a', 'b']);
	});

	it('warns about a filter that names nothing in the data, and finds nothing', () => {
		const results = find(smallIndex, 'port actor:nobody tag:nothing source:nowhere');
		expect(results.warnings.map((warning) => warning.message)).toEqual([
			'actor: no actor matches "nobody"',
			'tag: no tag matches "nothing"; tags are history, meeting, port, strike, vote',
			'source: no source matches "nowhere"',
		]);
		expect(results.warnings[0]).toMatchObject({start: 5, end: 17});
		expect([...results.events, ...results.actors, ...results.quotes]).toEqual([]);
	});

	it('tag: and status: keep events only', () => {
		expect(find(smallIndex, 'tag:strike')).toMatchObject({events: [{id: '2023-22-strike'}], actors: [], quotes: []});
		expect(ids(find(smallIndex, 'tag:meting').events)).toEqual(['2024-03-01-port-talks']);
		expect(find(smallIndex, 'status:scheduled')).toMatchObject({events: [{id: '2024-04-vote'}], actors: [], quotes: []});
		expect(ids(find(smallIndex, 'status:scheduled,occurred').events)).toEqual(['2024-04-vote', '2024-03-01-port-talks', '2023-22-strike', 'port-founded']);
	});

	it('since: and until: compare the days a date can mean, and leave out undated items and actors', () => {
		// The strike is "summer 2023": June to August.
		expect(ids(find(smallIndex, 'since:2023-08').events)).toEqual(['2024-04-vote', '2024-03-01-port-talks', '2023-22-strike']);
		expect(ids(find(smallIndex, 'since:2023-09').events)).toEqual(['2024-04-vote', '2024-03-01-port-talks']);
		expect(ids(find(smallIndex, 'until:2023-06').events)).toEqual(['2023-22-strike']);
		expect(ids(find(smallIndex, 'until:2023-05').events)).toEqual([]);
		expect(ids(find(smallIndex, 'since:2024-03-02 until:2024-03-31').quotes)).toEqual(['varga-not-done']);
		// The vote is "April 2024, approximately": a filter on 30 April still reaches it.
		expect(ids(find(smallIndex, 'since:2024-04-30').events)).toEqual(['2024-04-vote']);
		const results = find(smallIndex, 'port since:2000');
		expect(ids(results.events)).not.toContain('port-founded');
		expect(results.actors).toEqual([]);
	});

	it('source: matches an outlet, a title, a file or an id, and keeps items with evidence from it', () => {
		expect(ids(find(smallIndex, 'source:"coastal wire"').events)).toEqual(['2024-04-vote', '2024-03-01-port-talks', 'port-founded']);
		expect(ids(find(smallIndex, 'source:harbour-gazette.txt').events)).toEqual(['2024-03-01-port-talks', '2023-22-strike']);
		expect(ids(find(smallIndex, 'source:harbor').quotes)).toEqual(['berg-useful-talks']);
		expect(ids(find(smallIndex, 'source:edges').quotes)).toEqual(['varga-not-done']);
		expect(find(smallIndex, 'source:coastal').actors).toEqual([]);
	});

	it('type: and the type option keep one kind', () => {
		expect(find(smallIndex, 'berg type:quote')).toMatchObject({events: [], actors: [], quotes: [{id: 'berg-useful-talks'}]});
		expect(find(smallIndex, 'berg', {type: 'actor'})).toMatchObject({events: [], actors: [{id: 'anna-berg'}], quotes: []});
		expect(find(smallIndex, 'berg type:quote', {type: 'actor'})).toMatchObject({events: [], actors: [], quotes: []});
	});

	it('lists every item that passes the filters of a query without words, newest first', () => {
		const results = find(smallIndex, 'type:event');
		expect(ids(results.events)).toEqual(['2024-04-vote', '2024-03-01-port-talks', '2023-22-strike', 'port-founded']);
		expect(results.events.every((hit) => hit.score === 0)).toBe(true);
		expect(ids(find(smallIndex, 'type:actor').actors)).toEqual(['anna-berg', 'lindholm', 'port-authority', 'tomas-varga']);
		expect(find(smallIndex, 'type:event').total).toEqual({events: 4, actors: 0, quotes: 0});
	});

	it('ignores the parts of a query with errors', () => {
		const query = parseQuery('berg since:2025-13');
		expect(query.errors).toHaveLength(1);
		expect(ids(search(smallIndex, query).actors)).toEqual(['anna-berg']);
	});
});

describe('search: ranking', () => {
	const linked = dataset({
		actors: [actor('peskov', 'Dmitry Peskov', ['Peskov'], 'Kremlin spokesman'), actor('rubio', 'Marco Rubio')],
		events: [
			event('summary-only', {date: '2025-04-17', summary: 'Officials met; Peskov was not there.'}),
			event('title', {date: '2025-04-16', title: 'Peskov dismisses the Paris meeting', actors: ['peskov']}),
			event('actor-only', {date: '2025-04-15', actors: ['peskov', 'rubio']}),
		],
		quotes: [quote('q1', 'peskov', 'We see a focus on war', '2025-04-17')],
	});
	const index = createSearchIndex(linked);

	it('ranks by the fields that matched: title before actors before summary', () => {
		expect(ids(find(index, 'peskov').events)).toEqual(['title', 'actor-only', 'summary-only']);
	});

	it('scores from 0 (best) to 1, best first, and is deterministic', () => {
		const first = find(index, 'peskov');
		for (const list of [first.events, first.actors, first.quotes]) {
			for (const [position, hit] of list.entries()) {
				expect(hit.score).toBeGreaterThanOrEqual(0);
				expect(hit.score).toBeLessThanOrEqual(1);
				if (position > 0) {
					expect(hit.score).toBeGreaterThanOrEqual(list[position - 1]!.score);
				}
			}
		}

		expect(find(index, 'peskov')).toEqual(first);
		expect(find(createSearchIndex(linked), 'peskov')).toEqual(first);
	});

	it('breaks ties by id', () => {
		const tied = createSearchIndex(dataset({events: ['c', 'a', 'b'].map((id) => event(id, {title: 'Same title'}))}));
		expect(ids(find(tied, 'same title').events)).toEqual(['a', 'b', 'c']);
	});

	it('merges the kinds into one list by score', () => {
		const results = find(index, 'peskov');
		const merged = rankedHits(results);
		expect(merged).toHaveLength(results.events.length + results.actors.length + results.quotes.length);
		expect(merged[0]).toMatchObject({kind: 'actor', id: 'peskov'});
		expect(merged.map((hit) => hit.score)).toEqual([...merged.map((hit) => hit.score)].sort((a, b) => a - b));
	});

	it('limits each kind and counts what matched', () => {
		const results = find(index, 'peskov', {limit: 1});
		expect(ids(results.events)).toEqual(['title']);
		expect(results.total).toEqual({events: 3, actors: 1, quotes: 1});
	});

	it('narrows a word common to every item to the best candidates before ranking them', () => {
		const many = dataset({events: Array.from({length: 600}, (_unused, position) => event(`e${String(position).padStart(3, '0')}`, {
			date: '2025-01-01',
			title: position % 100 === 7 ? 'Ceasefire talks' : `Meeting ${position}`,
			summary: 'The ceasefire was discussed at length by everyone in the room.',
		}))});
		const manyIndex = createSearchIndex(many);
		const results = find(manyIndex, 'ceasefire', {limit: 10});
		expect(results.total.events).toBe(600);
		expect(ids(results.events).slice(0, 6)).toEqual(['e007', 'e107', 'e207', 'e307', 'e407', 'e507']);
		expect(results.events).toHaveLength(10);
		expect(candidateLimit).toBeLessThanOrEqual(300);
		// A caller that asks for more gets more, ranked the same way.
		const more = find(manyIndex, 'ceasefire', {limit: 400});
		expect(more.events).toHaveLength(400);
		expect(ids(more.events).slice(0, 10)).toEqual(ids(results.events));
	});
});

describe('search: highlights', () => {
	it('are ranges of the original strings: the characters that matched', () => {
		const linked = dataset({
			actors: [actor('zelensky', 'Volodymyr Zelensky', ['Zelenskyy', 'Володимир Зеленський', '@ZelenskyyUa'])],
			events: [event('e', {title: 'Zelenskyy’s peacekeeping plan', summary: 'The Élysée hosted talks on peace-keeping.', actors: ['zelensky'], tags: ['peacekeeping']})],
		});
		const index = createSearchIndex(linked);
		const [actorHit] = find(index, 'Зеленський').actors;
		expect(highlighted(linked, actorHit!)).toEqual({
			'name': ['Zelensky'],
			'aliases[0]': ['Zelenskyy'],
			'aliases[1]': ['Зеленський'],
			// A word that starts with the name: only the name is highlighted.
			'aliases[2]': ['Zelenskyy'],
		});
		const [eventHit] = find(index, 'peace elysee').events;
		expect(highlighted(linked, eventHit!)).toEqual({
			'title': ['peace'],
			'summary': ['Élysée', 'peace'],
			'tags[0]': ['peace'],
		});
		const [typo] = find(index, 'zelenskii peacekeepign').events;
		expect(highlighted(linked, typo!)).toMatchObject({title: ['Zelenskyy', 'peacekeeping']});
	});

	it('split a string into runs for drawing', () => {
		expect(highlightSegments('Paris talks on a ceasefire', [[0, 5], [17, 26]])).toEqual([
			{text: 'Paris', match: true},
			{text: ' talks on a ', match: false},
			{text: 'ceasefire', match: true},
		]);
		expect(highlightSegments('Paris', [])).toEqual([{text: 'Paris', match: false}]);
		expect(highlightSegments('Paris', [[3, 99], [0, 4]])).toEqual([{text: 'Pari', match: true}, {text: 's', match: true}]);
	});

	it('cover a whole phrase', () => {
		const [hit] = find(smallIndex, '"port talks"').events;
		expect(highlighted(small, hit!)).toMatchObject({title: ['Port talks']});
	});

	it('name the fields of related actors and places by their path', () => {
		const hit = find(smallIndex, 'lindholm berg').events.find((each) => each.id === '2024-03-01-port-talks');
		expect(highlighted(small, hit!)).toEqual({
			'location.name': ['Lindholm'],
			'actors[0].name': ['Berg'],
			'actors[0].aliases[0]': ['Berg'],
			'actors[0].aliases[1]': ['Берг'],
		});
		const [quoteHit] = find(smallIndex, 'berg useful').quotes;
		expect(highlighted(small, quoteHit!)).toEqual({
			'text': ['useful'],
			'speaker.name': ['Berg'],
			'speaker.aliases[0]': ['Berg'],
			'speaker.aliases[1]': ['Берг'],
		});
	});
});

describe('search index as data', () => {
	it('round-trips through JSON and gives the same results', () => {
		const data = JSON.parse(JSON.stringify(smallIndex.toJSON())) as unknown;
		const restored = searchIndexFromJSON(data, small);
		expect(restored).toBeDefined();
		for (const text of ['berg', 'port talks', 'actor:varga', 'vagra', 'Берг', '"port talks"', 'since:2024']) {
			expect(searchText(restored!, text), text).toEqual(searchText(smallIndex, text));
		}
	});

	it('is refused when it was built from other data or is not an index', () => {
		const other = dataset({actors: [actor('someone', 'Someone')]});
		expect(searchIndexFromJSON(smallIndex.toJSON(), other)).toBeUndefined();
		expect(searchIndexFromJSON({format: 'something else'}, small)).toBeUndefined();
		expect(searchIndexFromJSON(null, small)).toBeUndefined();
	});
});
