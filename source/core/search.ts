import Fuse, {type FuseIndex, type IFuseOptions} from 'fuse.js';
import type {LinkedDataset} from './dataset.js';
import {edtf} from './edtf.js';
import {
	type FilterValue, hasFilters, type ParsedQuery, parseQuery, type QueryError, type ResultKind, resultKinds,
} from './query.js';
import {eventStatuses} from './contract.js';
import type {Actor, Event, Quote} from './schema.js';
import {
	editDistance, fold, foldedWords, type FoldMap, foldWithMap, prefixEditDistance, stem, typoBudget,
} from './text.js';

/**
 * Search over events, actors and quotes, in two stages:
 *
 * 1. A candidate index: an inverted index from folded words (see `text.ts`) to the items holding
 *    them, with for each posting a bit mask of the field groups the word occurs in, and a bigram
 *    index over the vocabulary. A query word is expanded against the vocabulary: the word itself,
 *    its completions (it may be half typed), other forms of it (`abducted` → `abduction`) and
 *    words a typo or two away, found through shared bigrams rather than by scanning the
 *    vocabulary. Every query word must be found in an item; the items found are pre-scored by the
 *    weights of the fields they matched in and the closeness of the match, filters apply, and the
 *    best {@link candidateLimit} of each kind go on.
 * 2. fuse.js ranks those candidates: token search with `tokenMatch: 'all'` (every query word must
 *    match, in any field), per-field weights, `ignoreLocation` for long text. Its score is eased
 *    by how closely the item holds the query words (1 when all are there as typed), so that a word
 *    found as typed outranks a completion, another form or a typo. Ties are broken by id.
 *    Candidates fuse.js does not match (another form of a word) follow, by pre-score.
 *
 * Highlights come from the word matching of stage 1 and are mapped back to the original strings
 * of the dataset, so they mark exactly the characters that matched.
 */

/** The most items per kind that fuse.js ranks for one query, unless a larger limit is asked for. */
export const candidateLimit = 100;

/** The most postings one query word may visit; see `SearchIndex.expand`. */
const postingBudget = 150_000;

/** Results per kind when the caller does not say. */
export const defaultLimit = 100;

/** Ranges to highlight, `[start, end)` in UTF-16 units of the original string, by field path. */
export type Highlights = Record<string, Array<[number, number]>>;

export type Hit = {
	readonly id: string;
	readonly kind: ResultKind;
	/** 0 is a perfect match, 1 no match; 0 for every item of a query with filters only. */
	readonly score: number;
	/**
	 * By field path from the item: `title`, `summary`, `tags[0]`, `location`, `location.name`,
	 * `actors[1].name`, `actors[1].aliases[0]` (events); `name`, `aliases[2]`, `role` (actors);
	 * `text`, `speaker.name`, `speaker.aliases[0]` (quotes). See {@link fieldText}.
	 */
	readonly highlights: Highlights;
};

export type SearchResults = {
	readonly events: readonly Hit[];
	readonly actors: readonly Hit[];
	readonly quotes: readonly Hit[];
	/** How many items of each kind matched, before the limit. */
	readonly total: {readonly events: number; readonly actors: number; readonly quotes: number};
	/** Filters that are well-formed but match nothing in this dataset, such as `actor:nobody`. */
	readonly warnings: readonly QueryError[];
};

export type SearchOptions = {
	/**
	 * Results per kind; default {@link defaultLimit}. Above {@link candidateLimit}, fuse.js ranks
	 * that many candidates, which takes longer.
	 */
	readonly limit?: number;
	/** Only this kind, on top of any `type:` filter of the query. */
	readonly type?: ResultKind;
};

// ---------------------------------------------------------------------------------------------
// Fields

type FieldGroup = {readonly name: string; readonly weight: number};

/** Searched fields per kind; the position of a group is its bit in posting masks. */
const fieldGroups: Record<ResultKind, readonly FieldGroup[]> = {
	event: [
		{name: 'title', weight: 3},
		{name: 'summary', weight: 1},
		{name: 'tags', weight: 2},
		{name: 'location', weight: 1.5},
		{name: 'actorNames', weight: 2.5},
		{name: 'actorAliases', weight: 2},
	],
	actor: [
		{name: 'name', weight: 3},
		{name: 'aliases', weight: 2.5},
		// Analysts look people up by office ("kremlin spokesman", "president of france") too.
		{name: 'role', weight: 2},
	],
	quote: [
		{name: 'text', weight: 2},
		{name: 'speakerName', weight: 1.5},
		{name: 'speakerAliases', weight: 1},
	],
};

/** Bits of the actor fields that name an actor: what `actor:` filters look at. */
const actorNameMask = 0b011;

type FieldText = {readonly path: string; readonly group: number; readonly text: string};

type Item = {kind: 'event'; item: Event} | {kind: 'actor'; item: Actor} | {kind: 'quote'; item: Quote};

function actorTexts(actor: Actor | undefined, prefix: string, nameGroup: number, aliasGroup: number): FieldText[] {
	if (!actor) {
		return [];
	}

	return [
		{path: `${prefix}name`, group: nameGroup, text: actor.name},
		...actor.aliases.map((alias, index) => ({path: `${prefix}aliases[${index}]`, group: aliasGroup, text: alias})),
	];
}

/** Every searched string of an item, with its path and field group. */
function itemTexts(entry: Item, linked: LinkedDataset): FieldText[] {
	switch (entry.kind) {
		case 'event': {
			const event = entry.item;
			const texts: FieldText[] = [
				{path: 'title', group: 0, text: event.title},
				{path: 'summary', group: 1, text: event.summary},
				...event.tags.map((tag, index) => ({path: `tags[${index}]`, group: 2, text: tag})),
			];
			if (event.location !== null) {
				const place = linked.actorById.get(event.location);
				texts.push(...(place ? actorTexts(place, 'location.', 3, 3) : [{path: 'location', group: 3, text: event.location}]));
			}

			for (const [index, id] of event.actors.entries()) {
				texts.push(...actorTexts(linked.actorById.get(id), `actors[${index}].`, 4, 5));
			}

			return texts;
		}

		case 'actor': {
			const actor = entry.item;
			const texts = actorTexts(actor, '', 0, 1);
			if (actor.role !== null) {
				texts.push({path: 'role', group: 2, text: actor.role});
			}

			return texts;
		}

		case 'quote': {
			const quote = entry.item;
			return [{path: 'text', group: 0, text: quote.text}, ...actorTexts(linked.actorById.get(quote.speaker), 'speaker.', 1, 2)];
		}
	}
}

/** The original string at a highlight path of an item, for showing highlights. */
export function fieldText(linked: LinkedDataset, hit: Pick<Hit, 'id' | 'kind'>, path: string): string | undefined {
	const entry = itemOf(linked, hit.kind, hit.id);
	return entry ? itemTexts(entry, linked).find((text) => text.path === path)?.text : undefined;
}

/** Splits a string into runs that are and are not highlighted, for drawing it. */
export function highlightSegments(text: string, ranges: ReadonlyArray<readonly [number, number]> = []): Array<{text: string; match: boolean}> {
	const segments: Array<{text: string; match: boolean}> = [];
	let at = 0;
	for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
		const from = Math.max(at, Math.min(start, text.length));
		const to = Math.min(end, text.length);
		if (from > at) {
			segments.push({text: text.slice(at, from), match: false});
		}

		if (to > from) {
			segments.push({text: text.slice(from, to), match: true});
			at = to;
		}
	}

	if (at < text.length) {
		segments.push({text: text.slice(at), match: false});
	}

	return segments;
}

function itemOf(linked: LinkedDataset, kind: ResultKind, id: string): Item | undefined {
	switch (kind) {
		case 'event': {
			const item = linked.eventById.get(id);
			return item && {kind, item};
		}

		case 'actor': {
			const item = linked.actorById.get(id);
			return item && {kind, item};
		}

		case 'quote': {
			const item = linked.quoteById.get(id);
			return item && {kind, item};
		}
	}
}

// ---------------------------------------------------------------------------------------------
// The index

const kindCode: Record<ResultKind, number> = {event: 0, actor: 1, quote: 2};

/** The plain-data form of an index, for caching it (as JSON) next to a dataset. */
export type SearchIndexData = {
	readonly format: 'briefing-search-index';
	readonly version: 1;
	/** Item ids in index order: events, actors, quotes. */
	readonly ids: {readonly events: readonly string[]; readonly actors: readonly string[]; readonly quotes: readonly string[]};
	/** For each item, its folded fields by group: a string, or strings joined by "\n". */
	readonly fields: ReadonlyArray<readonly string[]>;
	/** The folded words, sorted. */
	readonly vocabulary: readonly string[];
	/** For each word, the items holding it, delta-encoded. */
	readonly postings: ReadonlyArray<readonly number[]>;
	/** For each word and item, the bit mask of the field groups holding the word. */
	readonly masks: ReadonlyArray<readonly number[]>;
};

type Posting = {readonly docs: Int32Array; readonly masks: Uint8Array};

type Variant = {
	readonly word: number;
	/** Exact 1; completions 0.75-0.95; other forms 0.72-0.87; typos 0.4-0.7. */
	readonly quality: number;
	readonly kind: 'exact' | 'prefix' | 'stem' | 'typo';
	/** How many leading folded characters of the word matched: for highlights. */
	readonly matched: number;
};

/** A query word with the vocabulary words it matches. */
type Term = {readonly folded: string; readonly variants: readonly Variant[]; readonly size: number};

export class SearchIndex {
	/** @internal */ readonly linked: LinkedDataset;
	/** @internal */ readonly docKind: Uint8Array;
	/** @internal */ readonly docItem: Array<Event | Actor | Quote>;
	/** @internal Folded field strings (arrays joined by "\n") per document and group. */
	readonly fields: string[][];
	/** @internal */ readonly earliest: Float64Array;
	/** @internal */ readonly latest: Float64Array;
	/** @internal */ readonly vocabulary: readonly string[];
	/** @internal */ readonly wordId: ReadonlyMap<string, number>;
	/** @internal */ readonly postings: readonly Posting[];
	/** @internal Bigram → word ids. */
	readonly bigrams: ReadonlyMap<string, Int32Array>;
	/** @internal Per kind, the highest field weight for each mask, weights normalized to 1. */
	readonly maskWeight: readonly Float64Array[];
	/** @internal Per kind, the documents in the order filter-only queries list them. */
	readonly browseOrder: Record<ResultKind, readonly number[]>;
	/** @internal Folded tags of the dataset, for `tag:`. */
	readonly tags: ReadonlyArray<{tag: string; folded: string}>;
	/** @internal */ readonly kindRange: Record<ResultKind, [number, number]>;
	/** @internal Per document, the actors (numbers in `linked.actors`) it involves, as runs in one list. */
	readonly docActors: Relation;
	/** @internal Per document, the sources (numbers in `linked.sources`) of its evidence. */
	readonly docSources: Relation;
	/** @internal Per document, its tags (numbers in `tags`). */
	readonly docTags: Relation;
	/** @internal Per document, the position of an event's status in `eventStatuses`. */
	readonly docStatus: Uint8Array;
	/** @internal Per document, the rank of its id among all ids: ties are broken by it. */
	readonly idRank: Int32Array;
	private sourceTexts: string[][] | undefined;

	// Scratch space, reused between queries.
	private readonly matchedCount: Uint16Array;
	private readonly seen: Uint32Array;
	private readonly best: Float64Array;
	private readonly score: Float64Array;
	private readonly bestQuality: Float64Array;
	private readonly quality: Float64Array;
	private stamp = 0;
	private readonly touchedFirst: Int32Array;
	private readonly touchedCurrent: Int32Array;
	private readonly wordHits: Uint16Array;
	private readonly termCache = new Map<string, Term>();
	private readonly mapCache = new Map<string, FoldMap>();
	private readonly rankers = new Map<ResultKind, Ranker>();

	/** @internal Use {@link createSearchIndex} or {@link searchIndexFromJSON}. */
	constructor(linked: LinkedDataset, fields: string[][], vocabulary: string[], postings: Posting[]) {
		this.linked = linked;
		const {events, actors, quotes} = linked;
		this.kindRange = {
			event: [0, events.length],
			actor: [events.length, events.length + actors.length],
			quote: [events.length + actors.length, events.length + actors.length + quotes.length],
		};
		const count = events.length + actors.length + quotes.length;
		this.docItem = [...events, ...actors, ...quotes];
		this.docKind = new Uint8Array(count);
		this.docKind.fill(kindCode.actor, events.length, events.length + actors.length);
		this.docKind.fill(kindCode.quote, events.length + actors.length);
		this.fields = fields;
		this.earliest = new Float64Array(count).fill(Number.NaN);
		this.latest = new Float64Array(count).fill(Number.NaN);
		// Dates repeat: parse each once.
		const dates = new Map<string, {earliest: number; latest: number}>();
		const setDate = (doc: number, date: string | null): void => {
			if (date !== null) {
				let parsed = dates.get(date);
				if (parsed === undefined) {
					parsed = edtf(date);
					dates.set(date, parsed);
				}

				this.earliest[doc] = parsed.earliest;
				this.latest[doc] = parsed.latest;
			}
		};

		events.forEach((event, index) => {
			setDate(index, event.date);
		});
		quotes.forEach((quote, index) => {
			setDate(this.kindRange.quote[0] + index, quote.date);
		});

		this.vocabulary = vocabulary;
		this.wordId = new Map(vocabulary.map((word, index) => [word, index]));
		this.postings = postings;
		const bigrams = new Map<string, number[]>();
		for (const [id, word] of vocabulary.entries()) {
			for (const gram of new Set(bigramsOf(word, true))) {
				const list = bigrams.get(gram);
				if (list) {
					list.push(id);
				} else {
					bigrams.set(gram, [id]);
				}
			}
		}

		this.bigrams = new Map([...bigrams].map(([gram, ids]) => [gram, Int32Array.from(ids)]));
		this.maskWeight = resultKinds.map((kind) => {
			const groups = fieldGroups[kind];
			const top = Math.max(...groups.map((group) => group.weight));
			const table = new Float64Array(1 << groups.length);
			for (let mask = 1; mask < table.length; mask++) {
				let best = 0;
				for (const [bit, group] of groups.entries()) {
					if (mask & (1 << bit)) {
						best = Math.max(best, group.weight / top);
					}
				}

				table[mask] = best;
			}

			return table;
		});

		// Newest first (by the earliest day a date can mean), undated last, ties by id; actors by name.
		const newestFirst = (start: number, items: ReadonlyArray<{id: string; date: string | null}>): number[] =>
			items.map((_item, index) => start + index).sort((a, b) => {
				const [left, right] = [this.earliest[a]!, this.earliest[b]!];
				if (Number.isNaN(left) || Number.isNaN(right)) {
					return Number(Number.isNaN(left)) - Number(Number.isNaN(right)) || compareIds(items[a - start]!.id, items[b - start]!.id);
				}

				return right - left || this.latest[b]! - this.latest[a]! || compareIds(items[a - start]!.id, items[b - start]!.id);
			});

		this.browseOrder = {
			event: newestFirst(0, events),
			actor: actors
				.map((actor, index) => ({actor, doc: events.length + index}))
				.sort((a, b) => a.actor.name.localeCompare(b.actor.name, 'en') || compareIds(a.actor.id, b.actor.id))
				.map(({doc}) => doc),
			quote: newestFirst(this.kindRange.quote[0], quotes),
		};
		const tags = new Set(events.flatMap((event) => event.tags));
		this.tags = [...tags].sort().map((tag) => ({tag, folded: fold(tag).trim()}));
		const actorNumber = new Map(actors.map((actor, index) => [actor.id, index]));
		const sourceNumber = new Map(linked.sources.map((source, index) => [source.id, index]));
		const tagNumber = new Map(this.tags.map(({tag}, index) => [tag, index]));
		const numbers = (ids: Iterable<string>, known: ReadonlyMap<string, number>): number[] =>
			[...new Set([...ids].map((id) => known.get(id)).filter((number): number is number => number !== undefined))];
		this.docActors = relation([
			...events.map((event) => numbers(event.actors, actorNumber)),
			...actors.map((_actor, index) => [index]),
			...quotes.map((quote) => numbers([quote.speaker], actorNumber)),
		]);
		this.docSources = relation([
			...events.map((event) => numbers(event.evidence.map((evidence) => evidence.source), sourceNumber)),
			...actors.map(() => []),
			...quotes.map((quote) => numbers([quote.evidence.source], sourceNumber)),
		]);
		this.docTags = relation([...events.map((event) => numbers(event.tags, tagNumber)), ...actors.map(() => []), ...quotes.map(() => [])]);
		this.idRank = new Int32Array(count);
		this.docItem
			.map((item, doc) => ({id: item.id, doc}))
			.sort((a, b) => compareIds(a.id, b.id) || a.doc - b.doc)
			.forEach(({doc}, rank) => {
				this.idRank[doc] = rank;
			});
		this.docStatus = new Uint8Array(count);
		events.forEach((event, index) => {
			this.docStatus[index] = eventStatuses.indexOf(event.status);
		});

		this.matchedCount = new Uint16Array(count);
		this.seen = new Uint32Array(count);
		this.best = new Float64Array(count);
		this.score = new Float64Array(count);
		this.bestQuality = new Float64Array(count);
		this.quality = new Float64Array(count);
		this.touchedFirst = new Int32Array(count);
		this.touchedCurrent = new Int32Array(count);
		this.wordHits = new Uint16Array(vocabulary.length);
	}

	/** @internal Folded id, file, outlet and title of each source, for `source:`. */
	foldedSources(): string[][] {
		this.sourceTexts ??= this.linked.sources.map((source) =>
			[source.id, source.file, source.outlet, source.title].filter((text): text is string => text !== null).map((text) => fold(text)));
		return this.sourceTexts;
	}

	/** Number of items indexed. */
	get size(): number {
		return this.docKind.length;
	}

	/** The index as plain data (JSON-safe), to cache it; read it back with {@link searchIndexFromJSON}. */
	toJSON(): SearchIndexData {
		return {
			format: 'briefing-search-index',
			version: 1,
			ids: {
				events: this.linked.events.map((event) => event.id),
				actors: this.linked.actors.map((actor) => actor.id),
				quotes: this.linked.quotes.map((quote) => quote.id),
			},
			fields: this.fields,
			vocabulary: this.vocabulary,
			postings: this.postings.map((posting) => deltaEncode(posting.docs)),
			masks: this.postings.map((posting) => [...posting.masks]),
		};
	}

	/** @internal The fuse.js ranker of a kind, made on first use. */
	ranker(kind: ResultKind): Ranker {
		let ranker = this.rankers.get(kind);
		if (!ranker) {
			ranker = new Ranker(kind, this.kindRange[kind][0], this.kindRange[kind][1], this.fields);
			this.rankers.set(kind, ranker);
		}

		return ranker;
	}

	/** @internal The fold map of a string, cached for the short ones (names, tags, titles repeat). */
	foldMap(text: string): FoldMap {
		if (text.length > 160) {
			return foldWithMap(text);
		}

		let map = this.mapCache.get(text);
		if (map === undefined) {
			if (this.mapCache.size >= 20_000) {
				this.mapCache.clear();
			}

			map = foldWithMap(text);
			this.mapCache.set(text, map);
		}

		return map;
	}

	/** @internal The vocabulary words a folded query word matches. */
	term(folded: string): Term {
		const cached = this.termCache.get(folded);
		if (cached) {
			return cached;
		}

		const term = this.expand(folded);
		if (this.termCache.size > 2000) {
			this.termCache.clear();
		}

		this.termCache.set(folded, term);
		return term;
	}

	private expand(folded: string): Term {
		const variants = new Map<number, Variant>();
		const add = (word: number, quality: number, matched: number, kind: Variant['kind']): void => {
			const existing = variants.get(word);
			if (!existing || existing.quality < quality) {
				variants.set(word, {word, quality, matched, kind});
			}
		};

		const exact = this.wordId.get(folded);
		if (exact !== undefined) {
			add(exact, 1, folded.length, 'exact');
		}

		// Completions: the word as typed so far. Short prefixes take the shortest completions.
		if (folded.length >= 2) {
			const [low, high] = this.prefixRange(folded);
			const limit = folded.length <= 3 ? 64 : 512;
			let ids: number[] = [];
			for (let id = low; id < high; id++) {
				ids.push(id);
			}

			if (ids.length > limit) {
				ids = ids.sort((a, b) => this.vocabulary[a]!.length - this.vocabulary[b]!.length || a - b).slice(0, limit);
			}

			for (const id of ids) {
				add(id, 0.75 + (0.2 * folded.length) / this.vocabulary[id]!.length, folded.length, 'prefix');
			}
		}

		// Other forms of the word: `abducted` finds `abduction`, `talks` finds `talking`.
		const root = /\d/.test(folded) ? folded : stem(folded);
		if (root !== folded) {
			const [low, high] = this.prefixRange(root);
			for (let id = low; id < high && id < low + 512; id++) {
				add(id, 0.72 + (0.15 * root.length) / this.vocabulary[id]!.length, root.length, 'stem');
			}
		}

		// Typos, through shared bigrams; numbers are never fuzzy. A word found as typed gets only
		// one-letter variants (`stolen` still finds `stole`), not the noise two letters allow.
		const budget = /\d/.test(folded) ? 0 : Math.min(typoBudget(folded.length), exact === undefined ? 2 : 1);
		if (budget > 0) {
			const grams = [...new Set(bigramsOf(folded, false))];
			// Each edit changes at most three bigrams (a transposition does).
			const needed = Math.max(1, grams.length - 3 * budget);
			const touched: number[] = [];
			for (const gram of grams) {
				const ids = this.bigrams.get(gram);
				if (!ids) {
					continue;
				}

				for (const id of ids) {
					if (this.wordHits[id] === 0) {
						touched.push(id);
					}

					this.wordHits[id]!++;
				}
			}

			for (const id of touched) {
				const hits = this.wordHits[id]!;
				this.wordHits[id] = 0;
				if (hits < needed || variants.has(id)) {
					continue;
				}

				const word = this.vocabulary[id]!;
				const distance = editDistance(folded, word, budget);
				if (distance <= budget) {
					add(id, 0.7 - 0.15 * (distance - 1), word.length, 'typo');
				} else if (word.length > folded.length && folded.length >= 5) {
					const prefixDistance = prefixEditDistance(folded, word, budget);
					if (prefixDistance <= budget) {
						add(id, 0.55 - 0.15 * (prefixDistance - 1), Math.min(word.length, folded.length), 'typo');
					}
				}
			}
		}

		// The best variants first; past a budget of postings the rest are left out, which only ever
		// happens to the completions of a word of two or three letters in a large dataset.
		const list: Variant[] = [];
		let size = 0;
		for (const variant of [...variants.values()].sort((a, b) => b.quality - a.quality || a.word - b.word)) {
			const length = this.postings[variant.word]!.docs.length;
			if (list.length > 0 && size + length > postingBudget) {
				break;
			}

			list.push(variant);
			size += length;
		}

		return {folded, variants: list, size};
	}

	private prefixRange(prefix: string): [number, number] {
		const words = this.vocabulary;
		let low = 0;
		let high = words.length;
		while (low < high) {
			const middle = (low + high) >>> 1;
			if (words[middle]! < prefix) {
				low = middle + 1;
			} else {
				high = middle;
			}
		}

		let end = low;
		let step = 1;
		// Gallop, then bisect, to the end of the range.
		while (end + step <= words.length && words[end + step - 1]!.startsWith(prefix)) {
			end += step;
			step *= 2;
		}

		let top = Math.min(words.length, end + step);
		while (end < top) {
			const middle = (end + top) >>> 1;
			if (words[middle]!.startsWith(prefix)) {
				end = middle + 1;
			} else {
				top = middle;
			}
		}

		return [low, end];
	}

	/**
	 * @internal Documents holding every term, with their pre-scores (the sum over terms of the best
	 * variant quality times the weight of the best field it is in). `allowed` restricts the field
	 * groups per kind (a mask), `kinds` the kinds.
	 */
	match(terms: readonly Term[], kinds: ReadonlySet<ResultKind>, allowed?: Readonly<Partial<Record<ResultKind, number>>>): Matches {
		const ordered = [...terms].sort((a, b) => a.size - b.size);
		const kindAllowed = [kinds.has('event'), kinds.has('actor'), kinds.has('quote')];
		const allowedMask = [allowed?.event ?? 0xFF, allowed?.actor ?? 0xFF, allowed?.quote ?? 0xFF];
		const {matchedCount, seen, best, score, bestQuality, quality} = this;
		// Documents touched by the first term (a superset of the rest) and by the current one.
		const first = this.touchedFirst;
		let firstCount = 0;
		let current = this.touchedCurrent;
		let count = 0;
		for (const [position, term] of ordered.entries()) {
			this.stamp = (this.stamp + 1) >>> 0;
			if (this.stamp === 0) {
				seen.fill(0);
				this.stamp = 1;
			}

			const stamp = this.stamp;
			current = position === 0 ? first : this.touchedCurrent;
			count = 0;
			for (const variant of term.variants) {
				const {docs, masks} = this.postings[variant.word]!;
				for (let index = 0; index < docs.length; index++) {
					const doc = docs[index]!;
					if (matchedCount[doc] !== position) {
						continue;
					}

					const kind = this.docKind[doc]!;
					if (!kindAllowed[kind]) {
						continue;
					}

					const mask = masks[index]! & allowedMask[kind]!;
					if (mask === 0) {
						continue;
					}

					const weight = variant.quality * this.maskWeight[kind]![mask]!;
					if (seen[doc] === stamp) {
						if (weight > best[doc]!) {
							best[doc] = weight;
						}

						if (variant.quality > bestQuality[doc]!) {
							bestQuality[doc] = variant.quality;
						}
					} else {
						seen[doc] = stamp;
						best[doc] = weight;
						bestQuality[doc] = variant.quality;
						current[count++] = doc;
					}
				}
			}

			for (let index = 0; index < count; index++) {
				const doc = current[index]!;
				matchedCount[doc] = position + 1;
				score[doc]! += best[doc]!;
				quality[doc] = position === 0 ? bestQuality[doc]! : quality[doc]! * bestQuality[doc]!;
			}

			if (position === 0) {
				firstCount = count;
			}
		}

		const docs = ordered.length > 0 ? current.slice(0, count) : new Int32Array(0);
		const scores = new Float64Array(docs.length);
		const qualities = new Float64Array(docs.length);
		for (let index = 0; index < docs.length; index++) {
			scores[index] = score[docs[index]!]!;
			qualities[index] = quality[docs[index]!]!;
		}

		for (let index = 0; index < firstCount; index++) {
			const doc = first[index]!;
			matchedCount[doc] = 0;
			score[doc] = 0;
		}

		return {docs, scores, qualities};
	}
}

/**
 * Documents, their pre-scores, and how closely they hold the query words: the product over words
 * of the best match quality (1 when every word is there as typed).
 */
type Matches = {readonly docs: Int32Array; readonly scores: Float64Array; readonly qualities: Float64Array};

/** A one-to-many relation from documents to small numbers: `list[start[doc]..start[doc + 1])`. */
type Relation = {readonly start: Int32Array; readonly list: Int32Array};

function relation(rows: ReadonlyArray<readonly number[]>): Relation {
	const start = new Int32Array(rows.length + 1);
	let total = 0;
	for (const [index, row] of rows.entries()) {
		start[index] = total;
		total += row.length;
	}

	start[rows.length] = total;
	const list = new Int32Array(total);
	let position = 0;
	for (const row of rows) {
		for (const value of row) {
			list[position++] = value;
		}
	}

	return {start, list};
}

/** True when some number related to the document is set in `wanted`. */
function related(relation: Relation, doc: number, wanted: Uint8Array): boolean {
	for (let index = relation.start[doc]!; index < relation.start[doc + 1]!; index++) {
		if (wanted[relation.list[index]!]) {
			return true;
		}
	}

	return false;
}

function compareIds(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** Bigrams of a word with a start marker; with the end marker too for vocabulary words. */
function bigramsOf(word: string, withEnd: boolean): string[] {
	const padded = `^${word}${withEnd ? '$' : ''}`;
	const grams: string[] = [];
	for (let index = 0; index + 2 <= padded.length; index++) {
		grams.push(padded.slice(index, index + 2));
	}

	return grams;
}

function deltaEncode(values: Int32Array): number[] {
	const out: number[] = new Array<number>(values.length);
	let previous = 0;
	for (let index = 0; index < values.length; index++) {
		out[index] = values[index]! - previous;
		previous = values[index]!;
	}

	return out;
}

function deltaDecode(values: readonly number[]): Int32Array {
	const out = new Int32Array(values.length);
	let previous = 0;
	for (let index = 0; index < values.length; index++) {
		previous += values[index]!;
		out[index] = previous;
	}

	return out;
}

const wordSeparator = /[ \n]/;

function allItems(linked: LinkedDataset): Item[] {
	return [
		...linked.events.map((item): Item => ({kind: 'event', item})),
		...linked.actors.map((item): Item => ({kind: 'actor', item})),
		...linked.quotes.map((item): Item => ({kind: 'quote', item})),
	];
}

/** Builds the search index of a dataset: once per dataset. */
export function createSearchIndex(linked: LinkedDataset): SearchIndex {
	const foldCache = new Map<string, string>();
	const folded = (text: string): string => {
		let value = foldCache.get(text);
		if (value === undefined) {
			value = fold(text);
			// Names, aliases and tags repeat across items; titles and summaries rarely do.
			if (text.length < 48) {
				foldCache.set(text, value);
			}
		}

		return value;
	};

	const fields: string[][] = [];
	// Words get numbers as they are first seen, and are sorted at the end.
	const wordNumber = new Map<string, number>();
	const words: string[] = [];
	const postingDocs: number[][] = [];
	const postingMasks: number[][] = [];
	// The field groups each word is in, for the item at hand, and the words it has.
	const itemMask: number[] = [];
	const itemWords: number[] = [];
	for (const [doc, entry] of allItems(linked).entries()) {
		const groups = fieldGroups[entry.kind].map((): string[] => []);
		for (const text of itemTexts(entry, linked)) {
			groups[text.group]!.push(folded(text.text));
		}

		const docFields = groups.map((values) => values.join('\n'));
		fields.push(docFields);
		for (const [group, value] of docFields.entries()) {
			for (const word of value.split(wordSeparator)) {
				if (word === '') {
					continue;
				}

				let number = wordNumber.get(word);
				if (number === undefined) {
					number = words.length;
					wordNumber.set(word, number);
					words.push(word);
					postingDocs.push([]);
					postingMasks.push([]);
					itemMask.push(0);
				}

				if (itemMask[number] === 0) {
					itemWords.push(number);
				}

				itemMask[number]! |= 1 << group;
			}
		}

		for (const number of itemWords) {
			postingDocs[number]!.push(doc);
			postingMasks[number]!.push(itemMask[number]!);
			itemMask[number] = 0;
		}

		itemWords.length = 0;
	}

	const order = words.map((_word, number) => number).sort((a, b) => compareIds(words[a]!, words[b]!));
	const vocabulary = order.map((number) => words[number]!);
	const postings = order.map((number) => ({docs: Int32Array.from(postingDocs[number]!), masks: Uint8Array.from(postingMasks[number]!)}));
	return new SearchIndex(linked, fields, vocabulary, postings);
}

/**
 * Reads an index written by {@link SearchIndex.toJSON}. Returns undefined when the data is not
 * such an index or was built from other data, so that a cache can rebuild it instead.
 */
export function searchIndexFromJSON(data: unknown, linked: LinkedDataset): SearchIndex | undefined {
	if (typeof data !== 'object' || data === null) {
		return undefined;
	}

	const index = data as Partial<SearchIndexData>;
	if (index.format !== 'briefing-search-index' || index.version !== 1 || !index.ids || !Array.isArray(index.fields)
		|| !Array.isArray(index.vocabulary) || !Array.isArray(index.postings) || !Array.isArray(index.masks)
		|| index.postings.length !== index.vocabulary.length || index.masks.length !== index.vocabulary.length) {
		return undefined;
	}

	const same = (ids: readonly string[] | undefined, items: ReadonlyArray<{id: string}>): boolean =>
		Array.isArray(ids) && ids.length === items.length && items.every((item, position) => item.id === ids[position]);
	if (!same(index.ids.events, linked.events) || !same(index.ids.actors, linked.actors) || !same(index.ids.quotes, linked.quotes)
		|| index.fields.length !== linked.events.length + linked.actors.length + linked.quotes.length) {
		return undefined;
	}

	const postings = index.postings.map((docs, position) => ({docs: deltaDecode(docs), masks: Uint8Array.from(index.masks![position]!)}));
	return new SearchIndex(linked, index.fields.map((each) => [...each]), [...index.vocabulary], postings);
}

// ---------------------------------------------------------------------------------------------
// Searching

const stopWords = new Set([
	'a', 'an', 'the', 'of', 'on', 'in', 'at', 'to', 'for', 'by', 'with', 'from', 'about', 'and', 'or',
	'is', 'are', 'was', 'were', 'be', 'been', 'what', 'who', 'whom', 'which', 'did', 'does', 'do',
	'say', 'says', 'said', 'everything', 'anything', 'all', 'any', 'show', 'find', 'me', 'that', 'this',
].map((word) => fold(word)));

type FilterPlan = {
	kinds: Set<ResultKind>;
	/** Per `actor:` filter, the actors it names (by number in `linked.actors`). */
	actorSets: Uint8Array[];
	/** Per `tag:` filter, the tags it names (by number in `index.tags`). */
	tagSets: Uint8Array[];
	/** The sources the `source:` filters name, by number in `linked.sources`. */
	sourceSet: Uint8Array | null;
	statusSet: Uint8Array | null;
	since: number | null;
	until: number | null;
	warnings: QueryError[];
	/** True when only the kinds restrict. */
	kindsOnly: boolean;
};

function queryWords(index: SearchIndex, text: string): Term[] {
	return foldedWords(fold(text)).map(({word}) => index.term(word));
}

/** Actors named by an `actor:` value: those matching every word, exact or as a prefix if any do. */
function resolveActors(index: SearchIndex, value: FilterValue): Set<string> {
	const terms = queryWords(index, value.value);
	if (terms.length === 0) {
		return new Set();
	}

	const direct = index.linked.actorById.get(value.value.toLowerCase());
	if (direct) {
		return new Set([direct.id]);
	}

	// Exact words and prefixes first; typos only when they find nobody. So `actor:zelensky` is
	// Zelensky and not also Zelenska, one letter away, while `actor:zelenksy` still finds him.
	const strict = terms.map((term) => ({...term, variants: term.variants.filter((variant) => variant.kind === 'exact' || variant.kind === 'prefix')}));
	for (const attempt of [strict, terms]) {
		const {docs} = index.match(attempt, new Set(['actor']), {actor: actorNameMask});
		if (docs.length > 0) {
			return new Set([...docs].map((doc) => (index.docItem[doc] as Actor).id));
		}
	}

	return new Set();
}

function resolveTags(index: SearchIndex, value: FilterValue): Set<string> {
	const wanted = fold(value.value).trim().replace(/ +/g, ' ');
	const tiers: Array<(folded: string) => boolean> = [
		(folded) => folded === wanted,
		(folded) => folded.startsWith(wanted),
		(folded) => editDistance(wanted, folded, typoBudget(wanted.length)) <= typoBudget(wanted.length),
	];
	for (const test of tiers) {
		const found = index.tags.filter(({folded}) => test(folded.replace(/ +/g, ' ')));
		if (found.length > 0) {
			return new Set(found.map(({tag}) => tag));
		}
	}

	return new Set();
}

function resolveSources(index: SearchIndex, value: FilterValue): Set<string> {
	const wanted = fold(value.value).trim();
	const sources = index.linked.sources;
	const folded = index.foldedSources();
	const bySubstring = sources.filter((source, position) => source.id === value.value || folded[position]!.some((text) => text.includes(wanted)));
	if (bySubstring.length > 0) {
		return new Set(bySubstring.map((source) => source.id));
	}

	const words = foldedWords(wanted).map(({word}) => word);
	const fuzzy = sources.filter((_source, position) => {
		const sourceWords = folded[position]!.flatMap((text) => foldedWords(text).map(({word}) => word));
		return words.every((word) => sourceWords.some((candidate) => {
			const budget = typoBudget(word.length);
			return candidate.startsWith(word) || editDistance(word, candidate, budget) <= budget;
		}));
	});
	return new Set(fuzzy.map((source) => source.id));
}

function planFilters(index: SearchIndex, query: ParsedQuery, options: SearchOptions): FilterPlan {
	const {filters} = query;
	const warnings: QueryError[] = [];
	const kinds = new Set<ResultKind>(filters.types.length > 0 ? filters.types : resultKinds);
	if (options.type) {
		for (const kind of resultKinds) {
			if (kind !== options.type) {
				kinds.delete(kind);
			}
		}
	}

	// Filters on what only events have leave out the other kinds; dates and sources leave out actors.
	if (filters.tags.length > 0 || filters.statuses.length > 0) {
		kinds.delete('actor');
		kinds.delete('quote');
	}

	if (filters.since !== null || filters.until !== null || filters.sources.length > 0) {
		kinds.delete('actor');
	}

	let nothing = false;
	const bitmap = <T>(items: readonly T[], chosen: ReadonlySet<T>): Uint8Array => {
		const map = new Uint8Array(items.length);
		items.forEach((item, position) => {
			map[position] = chosen.has(item) ? 1 : 0;
		});
		return map;
	};

	const actorIds = index.linked.actors.map((actor) => actor.id);
	const actorSets = filters.actors.map((value) => {
		const ids = resolveActors(index, value);
		if (ids.size === 0) {
			nothing = true;
			warnings.push({start: value.start, end: value.end, message: `actor: no actor matches "${value.value}"`});
		}

		return bitmap(actorIds, ids);
	});
	const tagNames = index.tags.map(({tag}) => tag);
	const tagSets = filters.tags.map((value) => {
		const tags = resolveTags(index, value);
		if (tags.size === 0) {
			nothing = true;
			const known = index.tags.map(({tag}) => tag);
			const shown = known.length > 12 ? `${known.slice(0, 12).join(', ')}, …` : known.join(', ');
			warnings.push({start: value.start, end: value.end, message: `tag: no tag matches "${value.value}"${known.length > 0 ? `; tags are ${shown}` : ''}`});
		}

		return bitmap(tagNames, tags);
	});
	let sourceSet: Uint8Array | null = null;
	if (filters.sources.length > 0) {
		const chosen = new Set<string>();
		for (const value of filters.sources) {
			const ids = resolveSources(index, value);
			if (ids.size === 0) {
				nothing = true;
				warnings.push({start: value.start, end: value.end, message: `source: no source matches "${value.value}"`});
			}

			for (const id of ids) {
				chosen.add(id);
			}
		}

		sourceSet = bitmap(index.linked.sources.map((source) => source.id), chosen);
	}

	// A filter that names nothing leaves nothing.
	if (nothing) {
		kinds.clear();
	}

	return {
		kinds,
		actorSets,
		tagSets,
		sourceSet,
		since: filters.since?.date.earliest ?? null,
		until: filters.until?.date.latest ?? null,
		statusSet: filters.statuses.length > 0 ? bitmap(eventStatuses, new Set(filters.statuses)) : null,
		warnings,
		kindsOnly: actorSets.length === 0 && tagSets.length === 0 && sourceSet === null && filters.since === null
			&& filters.until === null && filters.statuses.length === 0,
	};
}

function passes(index: SearchIndex, doc: number, plan: FilterPlan): boolean {
	const kind = resultKinds[index.docKind[doc]!]!;
	if (!plan.kinds.has(kind)) {
		return false;
	}

	if (plan.kindsOnly) {
		return true;
	}

	if (plan.since !== null || plan.until !== null) {
		const earliest = index.earliest[doc]!;
		if (Number.isNaN(earliest)) {
			return false;
		}

		if ((plan.since !== null && index.latest[doc]! < plan.since) || (plan.until !== null && earliest > plan.until)) {
			return false;
		}
	}

	// An event involves every actor named; a quote's speaker and an actor are the one named.
	for (const wanted of plan.actorSets) {
		if (!related(index.docActors, doc, wanted)) {
			return false;
		}
	}

	for (const wanted of plan.tagSets) {
		if (!related(index.docTags, doc, wanted)) {
			return false;
		}
	}

	if (plan.sourceSet !== null && !related(index.docSources, doc, plan.sourceSet)) {
		return false;
	}

	return plan.statusSet === null || plan.statusSet[index.docStatus[doc]!] === 1;
}

type Phrase = {readonly words: readonly string[]};

/** True when a folded field holds the words of the phrase in a row (the last may be a prefix). */
function hasPhrase(field: string, phrase: Phrase): boolean {
	for (const value of field.split('\n')) {
		const words = foldedWords(value).map(({word}) => word);
		for (let start = 0; start + phrase.words.length <= words.length; start++) {
			if (phrase.words.every((word, offset) => (offset === phrase.words.length - 1 ? words[start + offset]!.startsWith(word) : words[start + offset] === word))) {
				return true;
			}
		}
	}

	return false;
}

/** What fuse.js sees of an item: its folded fields by group. A list (aliases, the actors of an event) is one field, so that it counts once however long it is. */
type FuseDoc = {readonly doc: number; readonly fields: readonly string[]};

function fuseOptions(kind: ResultKind): IFuseOptions<FuseDoc> {
	return {
		keys: fieldGroups[kind].map((group, position) => ({
			name: group.name,
			weight: group.weight,
			getFn: (entry: FuseDoc) => entry.fields[position]!,
		})),
		includeScore: true,
		ignoreLocation: true,
		threshold: 0.4,
		useTokenSearch: true,
		tokenMatch: 'all',
		isCaseSensitive: true,
		shouldSort: false,
	};
}

type FuseRecord = NonNullable<Parameters<FuseIndex<FuseDoc>['setIndexRecords']>[0]>[number];

/**
 * fuse.js for one kind, made once per index: its records (the field values and their length
 * norms) are made once per item, kept across keystrokes, and handed to it per query, so that a
 * query costs only the ranking of its candidates. The token statistics fuse.js keeps for weighting
 * query words are left empty, so every word of a query weighs the same whatever the candidates.
 */
class Ranker {
	private readonly fuse: Fuse<FuseDoc>;
	private readonly docs: FuseDoc[];
	private readonly keys: NonNullable<IFuseOptions<FuseDoc>['keys']>;
	private readonly records = new Map<number, FuseRecord>();

	constructor(kind: ResultKind, private readonly start: number, end: number, fields: readonly string[][]) {
		const options = fuseOptions(kind);
		this.keys = options.keys!;
		this.docs = [];
		for (let doc = start; doc < end; doc++) {
			this.docs.push({doc, fields: fields[doc]!});
		}

		this.fuse = new Fuse(this.docs, options, Fuse.createIndex(this.keys, []));
	}

	/** The documents fuse.js matches, with their scores, best first. */
	rank(docs: readonly number[], query: string): Array<{doc: number; score: number}> {
		const missing = docs.filter((doc) => !this.records.has(doc));
		if (missing.length > 0) {
			if (this.records.size + missing.length > 8192) {
				this.records.clear();
			}

			const made = Fuse.createIndex(this.keys, missing.map((doc) => this.docs[doc - this.start]!)).records;
			for (const [position, record] of made.entries()) {
				this.records.set(missing[position]!, {...record, i: missing[position]! - this.start});
			}
		}

		this.fuse.getIndex().setIndexRecords(docs.map((doc) => this.records.get(doc) ?? this.remake(doc)));
		return this.fuse.search(query).map((result) => ({doc: result.item.doc, score: result.score ?? 1}));
	}

	private remake(doc: number): FuseRecord {
		const record = {...Fuse.createIndex(this.keys, [this.docs[doc - this.start]!]).records[0]!, i: doc - this.start};
		this.records.set(doc, record);
		return record;
	}
}

function idOf(index: SearchIndex, doc: number): string {
	return index.docItem[doc]!.id;
}

/** Runs a parsed query. Parts of the query with errors are left out; callers show `query.errors`. */
export function search(index: SearchIndex, query: ParsedQuery, options: SearchOptions = {}): SearchResults {
	const limit = Math.max(0, Math.floor(options.limit ?? defaultLimit));
	const plan = planFilters(index, query, options);

	// Words: stop words are dropped when something else is left; phrases are checked after.
	const words: string[] = [];
	const phrases: Phrase[] = [];
	for (const term of query.terms) {
		const folded = foldedWords(fold(term.text)).map(({word}) => word);
		if (term.phrase && folded.length > 1) {
			phrases.push({words: folded});
		}

		words.push(...folded);
	}

	const meaningful = words.filter((word) => !stopWords.has(word));
	const searchWords = [...new Set(meaningful.length > 0 ? meaningful : words)].filter((word) => word.length >= 2 || /\d/.test(word));
	const hasText = query.terms.length > 0;
	const empty = {events: [] as Hit[], actors: [] as Hit[], quotes: [] as Hit[]};
	const total = {events: 0, actors: 0, quotes: 0};
	const listName: Record<ResultKind, 'events' | 'actors' | 'quotes'> = {event: 'events', actor: 'actors', quote: 'quotes'};

	if (hasText && searchWords.length === 0) {
		return {...empty, total, warnings: plan.warnings};
	}

	if (!hasText) {
		// Filters only (or nothing at all): every item that passes, in browsing order.
		if (!hasFilters(query)) {
			return {...empty, total, warnings: plan.warnings};
		}

		const results = {events: [] as Hit[], actors: [] as Hit[], quotes: [] as Hit[]};
		for (const kind of plan.kinds) {
			for (const doc of index.browseOrder[kind]) {
				if (passes(index, doc, plan)) {
					total[listName[kind]]++;
					if (results[listName[kind]].length < limit) {
						results[listName[kind]].push({id: idOf(index, doc), kind, score: 0, highlights: {}});
					}
				}
			}
		}

		return {...results, total, warnings: plan.warnings};
	}

	const terms = searchWords.map((word) => index.term(word));
	const matched = index.match(terms, plan.kinds);
	// Positions in `matched`, per kind.
	const candidates: Record<ResultKind, number[]> = {event: [], actor: [], quote: []};
	for (let position = 0; position < matched.docs.length; position++) {
		const doc = matched.docs[position]!;
		if (passes(index, doc, plan) && phrases.every((phrase) => index.fields[doc]!.some((field) => hasPhrase(field, phrase)))) {
			candidates[resultKinds[index.docKind[doc]!]!].push(position);
		}
	}

	const matchedLength = new Map<string, number>();
	for (const term of terms) {
		for (const variant of term.variants) {
			const word = index.vocabulary[variant.word]!;
			matchedLength.set(word, Math.max(matchedLength.get(word) ?? 0, variant.matched));
		}
	}

	const results = {events: [] as Hit[], actors: [] as Hit[], quotes: [] as Hit[]};
	const fuseQuery = searchWords.join(' ');
	for (const kind of resultKinds) {
		const list = candidates[kind];
		total[listName[kind]] = list.length;
		if (list.length === 0 || limit === 0) {
			continue;
		}

		const chosenPositions = topCandidates(list, matched, Math.max(candidateLimit, limit), index.idRank);
		const chosen = chosenPositions.map((position) => matched.docs[position]!);
		// Words found only approximately (a completion, another form, a typo) count for a little less
		// than words found as typed: `foreign minister` is the Foreign Minister before the ministry.
		const closeness = new Map(chosenPositions.map((position) => [matched.docs[position]!, matched.qualities[position]!]));
		const ranked = index.ranker(kind).rank(chosen, fuseQuery)
			.map(({doc, score}) => ({doc, score: 1 - ((1 - score) * closeness.get(doc)!)}))
			.sort((a, b) => a.score - b.score || compareIds(idOf(index, a.doc), idOf(index, b.doc)));
		// What the index matched and fuse.js could not score (another form of a word, two typos in a
		// short one) follows, by the weight of the fields it matched in, with the score of no match.
		const scored = new Set(ranked.map(({doc}) => doc));
		const preScore = new Map(chosenPositions.map((position) => [matched.docs[position]!, matched.scores[position]!]));
		ranked.push(...chosen
			.filter((doc) => !scored.has(doc))
			.sort((a, b) => preScore.get(b)! - preScore.get(a)! || compareIds(idOf(index, a), idOf(index, b)))
			.map((doc) => ({doc, score: 1})));

		results[listName[kind]] = ranked.slice(0, limit).map(({doc, score}) => ({
			id: idOf(index, doc),
			kind,
			score: Math.round(score * 1e6) / 1e6,
			highlights: highlightsOf(index, doc, matchedLength, phrases),
		}));
	}

	return {...results, total, warnings: plan.warnings};
}

/**
 * The best `limit` positions of `matched` by pre-score, in document order; ties go to the smaller
 * id, as they do in the ranking.
 */
function topCandidates(positions: readonly number[], matched: Matches, limit: number, idRank: Int32Array): number[] {
	const {docs, scores} = matched;
	if (positions.length > limit) {
		const better = (a: number, b: number): boolean => scores[a]! > scores[b]! || (scores[a] === scores[b] && idRank[docs[a]!]! < idRank[docs[b]!]!);
		// A min-heap of the best so far: its root is the worst of them.
		const heap: number[] = [];
		const swap = (a: number, b: number): void => {
			const value = heap[a]!;
			heap[a] = heap[b]!;
			heap[b] = value;
		};

		for (const position of positions) {
			if (heap.length < limit) {
				heap.push(position);
				for (let index = heap.length - 1; index > 0;) {
					const parent = (index - 1) >> 1;
					if (!better(heap[parent]!, heap[index]!)) {
						break;
					}

					swap(index, parent);
					index = parent;
				}
			} else if (better(position, heap[0]!)) {
				heap[0] = position;
				for (let index = 0; ;) {
					const left = 2 * index + 1;
					let worst = index;
					if (left < heap.length && better(heap[worst]!, heap[left]!)) {
						worst = left;
					}

					if (left + 1 < heap.length && better(heap[worst]!, heap[left + 1]!)) {
						worst = left + 1;
					}

					if (worst === index) {
						break;
					}

					swap(index, worst);
					index = worst;
				}
			}
		}

		positions = heap;
	}

	return [...positions].sort((a, b) => docs[a]! - docs[b]!);
}

function highlightsOf(index: SearchIndex, doc: number, matchedLength: ReadonlyMap<string, number>, phrases: readonly Phrase[]): Highlights {
	const highlights: Highlights = {};
	const kind = resultKinds[index.docKind[doc]!]!;
	const entry = itemOf(index.linked, kind, idOf(index, doc))!;
	for (const {path, text} of itemTexts(entry, index.linked)) {
		const map = index.foldMap(text);
		const words = foldedWords(map.text);
		const ranges: Array<[number, number]> = [];
		for (const {word, start} of words) {
			const length = matchedLength.get(word);
			if (length !== undefined) {
				ranges.push([map.start[start]!, map.end[start + Math.min(length, word.length) - 1]!]);
			}
		}

		for (const phrase of phrases) {
			for (let first = 0; first + phrase.words.length <= words.length; first++) {
				const inRow = phrase.words.every((word, offset) => {
					const candidate = words[first + offset]!.word;
					return offset === phrase.words.length - 1 ? candidate.startsWith(word) : candidate === word;
				});
				if (inRow) {
					const last = words[first + phrase.words.length - 1]!;
					ranges.push([map.start[words[first]!.start]!, map.end[last.start + phrase.words.at(-1)!.length - 1]!]);
				}
			}
		}

		if (ranges.length > 0) {
			highlights[path] = mergeRanges(ranges);
		}
	}

	return highlights;
}

function mergeRanges(ranges: Array<[number, number]>): Array<[number, number]> {
	ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
	const merged: Array<[number, number]> = [];
	for (const range of ranges) {
		const last = merged.at(-1);
		if (last && range[0] <= last[1]) {
			last[1] = Math.max(last[1], range[1]);
		} else {
			merged.push([range[0], range[1]]);
		}
	}

	return merged;
}

/** Parses and runs a query in one step. */
export function searchText(index: SearchIndex, text: string, options: SearchOptions = {}): SearchResults & {query: ParsedQuery} {
	const query = parseQuery(text);
	return {...search(index, query, options), query};
}

/**
 * One ranked list across kinds, for a single list of results: by score, then actors before events
 * before quotes, then in the order of their own list.
 */
export function rankedHits(results: Pick<SearchResults, 'events' | 'actors' | 'quotes'>): Hit[] {
	const lists = [results.actors, results.events, results.quotes];
	return lists
		.flatMap((list, order) => list.map((hit, position) => ({hit, order, position})))
		.sort((a, b) => a.hit.score - b.hit.score || a.order - b.order || a.position - b.position)
		.map(({hit}) => hit);
}
