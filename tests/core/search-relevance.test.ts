import {describe, expect, it} from 'vitest';
import {isEmptyQuery, parseQuery} from '../../source/core/query.js';
import {createSearchIndex, type Hit, rankedHits, search} from '../../source/core/search.js';
import {readDataset} from '../../source/io/read-dataset.js';

/**
 * Relevance on the bundled seed dataset: for each query, what an analyst expects to see first.
 * `first` is the head of the single ranked list (`briefing search`), as `kind:id`; `events`,
 * `actors` and `quotes` are the heads of each kind's list, in order; `eventSet` is every event
 * found, in any order; `none` means nothing at all; `error` a query the parser refuses.
 */
type Case = {
	readonly query: string;
	readonly first?: readonly string[];
	readonly events?: readonly string[];
	readonly actors?: readonly string[];
	readonly quotes?: readonly string[];
	readonly eventSet?: readonly string[];
	readonly none?: true;
	readonly error?: RegExp;
};

const table: Record<string, readonly Case[]> = {
	'typos and spellings': [
		{query: 'macorn', first: ['actor:emmanuel-macron'], events: ['2022-22-macron-visits-irpin']},
		{query: 'zelenski', first: ['actor:volodymyr-zelensky'], events: ['2019-zelenskyy-presidential-campaign']},
		{query: 'zelenskyi', first: ['actor:volodymyr-zelensky']},
		{query: 'yermack', first: ['actor:andriy-yermak', 'event:2025-04-17-yermak-describes-paris-talks', 'event:2025-04-17-paris-talks']},
		{query: 'witkof', first: ['actor:steve-witkoff']},
		{query: 'peskv', first: ['actor:dmitry-peskov', 'quote:peskov-2025-04-17-focus-on-continuing-war']},
		{query: 'rubbio', first: ['actor:marco-rubio']},
		{query: 'Élysée', first: ['actor:elysee-palace'], events: ['2024-06-07-macron-welcomes-zelensky-elysee']},
		{query: 'jean noel', first: ['actor:jean-noel-barrot', 'event:2025-04-17-rubio-witkoff-meet-macron']},
	],
	'aliases and roles': [
		{query: 'sybiha', first: ['actor:andriy-sybiga']},
		{query: 'kyiv', first: ['actor:ukraine'], events: ['kyiv-backs-us-ceasefire-proposal']},
		{query: 'kryvyi rig', first: ['actor:kryvyi-rih', 'event:2025-04-kryvyi-rih-strike']},
		{query: 'the French leader', first: ['actor:emmanuel-macron']},
		{query: 'kremlin spokesman', first: ['actor:dmitry-peskov']},
		{query: 'type:actor president of france', first: ['actor:emmanuel-macron']},
		{query: 'foreign minister', actors: ['andriy-sybiga']},
	],
	'Cyrillic': [
		{query: 'Зеленський', first: ['actor:volodymyr-zelensky']},
		{query: 'Макрон', first: ['actor:emmanuel-macron']},
		{query: 'Єрмак', first: ['actor:andriy-yermak']},
		{query: 'Песков', first: ['actor:dmitry-peskov', 'quote:peskov-2025-04-17-focus-on-continuing-war']},
		{query: 'Путін', first: ['actor:vladimir-putin'], events: ['2025-04-11-witkoff-putin-talks']},
		{query: 'Уиткофф', first: ['actor:steve-witkoff']},
		{query: 'Париж', first: ['actor:paris']},
		{query: 'Зеленський Макрон', events: ['2025-03-zelenskyy-macron-paris-meeting']},
	],
	'several words, any order': [
		{query: 'paris talks', first: ['event:2025-04-17-paris-talks']},
		{query: 'talks paris', first: ['event:2025-04-17-paris-talks']},
		{query: 'everything on the Paris talks', first: ['event:2025-04-17-paris-talks']},
		{query: 'peacekeeping troops', first: ['event:2024-02-macron-floats-troops-idea']},
		{query: 'children stolen', first: ['quote:zelensky-2025-03-27-children-the-russians-stole']},
		{query: 'abducted children', events: ['2022-russia-abducts-ukrainian-children']},
		{query: 'what did Peskov say', first: ['actor:dmitry-peskov'], quotes: ['peskov-2025-04-17-focus-on-continuing-war']},
		{query: 'witkoff putin', first: ['event:2025-04-11-witkoff-putin-talks']},
		{query: 'putin ceasefire', first: ['event:2025-03-putin-rejects-ceasefire']},
		{query: 'ceasefire saudi', first: ['event:saudi-arabia-ceasefire-talks']},
		{query: 'minerals deal', first: ['event:2025-04-24-minerals-agreement-signing']},
		{query: 'drone dnipro', first: ['event:2025-04-16-dnipro-drone-attack']},
		{query: 'permanent peace', first: ['quote:witkoff-2025-04-putin-open-to-permanent-peace']},
		{query: 'coalition of the willing', first: ['actor:coalition-of-the-willing', 'event:coalition-of-the-willing-talks']},
		{query: '"coalition of the willing"', first: ['actor:coalition-of-the-willing', 'event:coalition-of-the-willing-talks']},
		{query: 'type:quote strategist', first: ['quote:momtaz-not-just-a-friend-a-strategist']},
	],
	'filters': [
		{query: 'actor:peskov', actors: ['dmitry-peskov'], quotes: ['peskov-2025-04-17-focus-on-continuing-war'], eventSet: []},
		{query: 'actor:peskov type:quote', first: ['quote:peskov-2025-04-17-focus-on-continuing-war']},
		{query: 'actor:rubio actor:witkoff', eventSet: ['2025-04-17-paris-talks', '2025-04-17-rubio-witkoff-meet-macron']},
		{query: 'actor:zelenskyy tag:call', eventSet: ['2025-01-13-zelensky-macron-call', '2025-04-17-zelensky-macron-calls', 'macron-calls-zelenskyy-after-kryvyi-rih']},
		{query: 'tag:ceasefire since:2025-04', events: ['2025-05-12-ceasefire'], eventSet: ['2025-05-12-ceasefire', '2025-04-17-paris-talks', '2025-04-17-rubio-witkoff-meet-macron']},
		{query: 'until:2019', eventSet: ['2019-macron-receives-zelenskyy', '2019-zelenskyy-presidential-campaign']},
		{query: 'macron since:2025-04 until:2025-04-30', eventSet: ['macron-calls-zelenskyy-after-kryvyi-rih', '2025-04-17-zelensky-macron-calls', '2025-04-17-rubio-witkoff-meet-macron', '2025-04-17-paris-talks']},
		{query: 'sumy since:2025-04-01 until:2025-04-30', first: ['event:2025-04-13-sumy-missile-strike']},
		{query: 'status:scheduled ceasefire', first: ['event:2025-05-12-ceasefire']},
		{query: 'status:scheduled', events: ['2025-05-12-ceasefire', '2025-04-24-minerals-agreement-signing']},
		{query: 'source:unn macron irpin', first: ['event:2022-22-macron-visits-irpin']},
		{query: 'source:004_55f84799564cfb3b.txt peskov', first: ['quote:peskov-2025-04-17-focus-on-continuing-war']},
		{query: 'source:peacekeeping type:quote', quotes: ['zelensky-2025-01-13-french-initiative', 'zelensky-2025-01-13-practical-steps']},
	],
	'queries that must find nothing': [
		{query: 'qwxyzzy', none: true},
		{query: 'macron tag:minerals', none: true},
		{query: 'peskov type:event', none: true},
		{query: 'zelensky until:2018', none: true},
		{query: 'paris talks since:2026', none: true},
		{query: '"talks paris"', none: true},
		{query: 'actor:nobody', none: true},
	],
	'bad queries': [
		{query: 'foo:bar', error: /unknown filter "foo:"/},
		{query: 'macron since:2025-13', error: /since: "2025-13" has month 13/},
		{query: 'status:finished', error: /not a status/},
		{query: 'type:person', error: /not a kind of result/},
	],
};

const loaded = readDataset();
if (!loaded.ok) {
	throw new Error('the bundled dataset does not load');
}

const linked = loaded.value;
const index = createSearchIndex(linked);
const label = (hit: Hit): string => `${hit.kind}:${hit.id}`;

describe('relevance on the seed dataset', () => {
	it('has at least 30 queries', () => {
		expect(Object.values(table).flat().length).toBeGreaterThanOrEqual(30);
	});

	for (const [group, cases] of Object.entries(table)) {
		describe(group, () => {
			for (const entry of cases) {
				it(entry.query, () => {
					const query = parseQuery(entry.query);
					if (entry.error) {
						expect(query.errors.map((error) => error.message).join('\n')).toMatch(entry.error);
						return;
					}

					expect(query.errors).toEqual([]);
					expect(isEmptyQuery(query)).toBe(false);
					const results = search(index, query, {limit: 50});
					const ranked = rankedHits(results);
					if (entry.none) {
						expect(ranked.map((hit) => label(hit))).toEqual([]);
					}

					if (entry.first) {
						expect(ranked.slice(0, entry.first.length).map((hit) => label(hit))).toEqual(entry.first);
					}

					for (const kind of ['events', 'actors', 'quotes'] as const) {
						const expected = entry[kind];
						if (expected) {
							expect(results[kind].slice(0, expected.length).map((hit) => hit.id), kind).toEqual(expected);
						}
					}

					if (entry.eventSet) {
						expect(results.events.map((hit) => hit.id).sort()).toEqual([...entry.eventSet].sort());
					}
				});
			}
		});
	}

	it('ranks the same way every time', () => {
		for (const entry of Object.values(table).flat()) {
			const query = parseQuery(entry.query);
			expect(search(index, query)).toEqual(search(createSearchIndex(linked), query));
		}
	});
});
