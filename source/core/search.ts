import Fuse, {type FuseIndex, type IFuseOptions} from 'fuse.js';
import type {LinkedDataset} from './dataset.js';
import {edtf} from './edtf.js';
import {
	type FilterValue, hasFilters, type ParsedQuery, parseQuery, type QueryError, type ResultKind, resultKinds,
} from './query.js';
import {eventStatuses} from './contract.js';

export {highlightSegments} from './highlight.js';
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
	/**
	 * Highlight only these fields (paths as in {@link Hit.highlights}) of a kind; by default (and
	 * for a kind not named) every field. The dashboard draws one field per item and asks only for it.
	 */
	readonly highlight?: Readonly<Partial<Record<ResultKind, readonly string[]>>>;
};

/** What the dashboard asks of a search: the fields its lists draw. */
export const dashboardSearchOptions: SearchOptions = {highlight: {event: ['title'], actor: ['name'], quote: ['text']}};

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

/** The plain-data form of an index (JSON-safe); the disk cache uses the binary form instead. */
export type SearchIndexData = {
	readonly format: 'briefing-search-index';
	readonly version: 2;
	/** Item ids in index order: events, actors, quotes. */
	readonly ids: {readonly events: readonly string[]; readonly actors: readonly string[]; readonly quotes: readonly string[]};
	/** The folded words, sorted. */
	readonly vocabulary: readonly string[];
	/** For each word, the items holding it, delta-encoded. */
	readonly postings: ReadonlyArray<readonly number[]>;
	/** For each word and item, the bit mask of the field groups holding the word. */
	readonly masks: ReadonlyArray<readonly number[]>;
};

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

/** A one-to-many relation from documents to small numbers: `list[start[doc]..start[doc + 1])`. */
type Relation = {readonly start: Int32Array; readonly list: Int32Array};

/**
 * Everything an index is made of, as flat arrays: what is built once per dataset, and what the
 * disk cache stores (see `serializeSearchIndex`).
 */
export type IndexParts = {
	/** The folded words, sorted. */
	readonly vocabulary: readonly string[];
	/** Postings of word `w`: documents `postingDocs[postingStart[w]..postingStart[w + 1])`, ascending. */
	readonly postingStart: Uint32Array;
	readonly postingDocs: Int32Array;
	/** For each posting, the bit mask of the field groups holding the word. */
	readonly postingMasks: Uint8Array;
	/** Bigrams of the vocabulary (with `^` and `$` markers), sorted, and the words holding each. */
	readonly grams: readonly string[];
	readonly gramStart: Uint32Array;
	readonly gramWords: Int32Array;
	/** Per document, the earliest and latest day its date can mean; NaN when undated. */
	readonly earliest: Float64Array;
	readonly latest: Float64Array;
	/** The documents of each kind in the order filter-only queries list them, kind after kind. */
	readonly browse: Int32Array;
	/** The dataset's tags, sorted. */
	readonly tags: readonly string[];
	readonly docActors: Relation;
	readonly docSources: Relation;
	readonly docTags: Relation;
	readonly docStatus: Uint8Array;
	readonly idRank: Int32Array;
};

export class SearchIndex {
	/** @internal */ readonly linked: LinkedDataset;
	/** @internal */ readonly parts: IndexParts;
	/** @internal */ readonly docKind: Uint8Array;
	/** @internal */ readonly docItem: Array<Event | Actor | Quote>;
	/** @internal */ readonly earliest: Float64Array;
	/** @internal */ readonly latest: Float64Array;
	/** @internal */ readonly vocabulary: readonly string[];
	/** @internal Bigram → its number in `parts.grams`. */
	readonly gramNumber: ReadonlyMap<string, number>;
	/** @internal Per kind, the highest field weight for each mask, weights normalized to 1. */
	readonly maskWeight: readonly Float64Array[];
	/** @internal Per kind, the documents in the order filter-only queries list them. */
	readonly browseOrder: Record<ResultKind, Int32Array>;
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

	// Scratch space, made on the first query and reused.
	private scratch: Scratch | undefined;
	private readonly termCache = new Map<string, Term>();
	private readonly mapCache = new Map<string, FoldMap>();
	private readonly fieldCache = new Map<number, readonly string[]>();
	private readonly foldCache = new Map<string, string>();
	private readonly rankers = new Map<ResultKind, Ranker>();

	/** @internal Use {@link createSearchIndex}, {@link deserializeSearchIndex} or {@link searchIndexFromJSON}. */
	constructor(linked: LinkedDataset, parts: IndexParts) {
		this.linked = linked;
		this.parts = parts;
		const {events, actors, quotes} = linked;
		this.kindRange = kindRanges(linked);
		const count = events.length + actors.length + quotes.length;
		this.docItem = [...events, ...actors, ...quotes];
		this.docKind = new Uint8Array(count);
		this.docKind.fill(kindCode.actor, events.length, events.length + actors.length);
		this.docKind.fill(kindCode.quote, events.length + actors.length);
		this.earliest = parts.earliest;
		this.latest = parts.latest;
		this.vocabulary = parts.vocabulary;
		this.gramNumber = new Map(parts.grams.map((gram, number) => [gram, number]));
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
		this.browseOrder = {
			event: parts.browse.subarray(0, events.length),
			actor: parts.browse.subarray(events.length, events.length + actors.length),
			quote: parts.browse.subarray(events.length + actors.length),
		};
		this.tags = parts.tags.map((tag) => ({tag, folded: fold(tag).trim()}));
		this.docActors = parts.docActors;
		this.docSources = parts.docSources;
		this.docTags = parts.docTags;
		this.docStatus = parts.docStatus;
		this.idRank = parts.idRank;
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

	/** @internal How many documents hold word `word`. */
	postingCount(word: number): number {
		return this.parts.postingStart[word + 1]! - this.parts.postingStart[word]!;
	}

	/** @internal The number of a folded word in the vocabulary, or undefined. */
	wordNumber(word: string): number | undefined {
		const [low, high] = this.prefixRange(word);
		return low < high && this.vocabulary[low] === word ? low : undefined;
	}

	/**
	 * @internal The folded fields of a document by group (a list is one string joined by "\n"): made
	 * when asked, from the dataset, and kept for the documents asked about most recently.
	 */
	fields(doc: number): readonly string[] {
		let fields = this.fieldCache.get(doc);
		if (fields === undefined) {
			if (this.fieldCache.size >= 5000) {
				this.fieldCache.clear();
			}

			// A copy is kept, not the array documentFields made. V8 makes the arrays of a place in the
			// code in the old generation once it has seen them survive; kept here, documentFields'
			// arrays taught it that on a warm start (the cache fills before any phrase is checked),
			// and then every array made for a phrase check was dropped in the old generation, holding
			// its strings there until the next full collection: 80 MB more at the peak at 100,000
			// events. Dropped at once everywhere, they stay in the young generation.
			fields = documentFields(itemAt(this, doc), this.linked, (text) => this.folded(text)).slice();
			this.fieldCache.set(doc, fields);
		}

		return fields;
	}

	/**
	 * @internal Whether a field of the document holds the phrase. Checked for every matched
	 * document, so the fields are not kept (that would only churn the cache) and are folded one at a
	 * time, stopping at the first that holds it: most documents with a phrase have it in the title
	 * or summary and never fold their actors' aliases, many of them Cyrillic (the slow path).
	 */
	hasPhrase(doc: number, phrase: Phrase): boolean {
		const cached = this.fieldCache.get(doc);
		if (cached !== undefined) {
			return cached.some((field) => hasPhrase(field, phrase));
		}

		const entry = itemAt(this, doc);
		const folded = (text: string): string => this.folded(text);
		for (let group = 0; group < fieldGroups[entry.kind].length; group++) {
			if (hasPhrase(documentField(entry, this.linked, folded, group), phrase)) {
				return true;
			}
		}

		return false;
	}

	/** @internal Folded text, kept for the short strings that repeat (names, tags). */
	folded(text: string): string {
		if (text.length >= 48) {
			return fold(text);
		}

		let value = this.foldCache.get(text);
		if (value === undefined) {
			if (this.foldCache.size >= 20_000) {
				this.foldCache.clear();
			}

			value = fold(text);
			this.foldCache.set(text, value);
		}

		return value;
	}

	/** The index as plain data (JSON-safe); read it back with {@link searchIndexFromJSON}. */
	toJSON(): SearchIndexData {
		const {postingStart, postingDocs, postingMasks} = this.parts;
		const postings: number[][] = [];
		const masks: number[][] = [];
		for (let word = 0; word < this.vocabulary.length; word++) {
			const start = postingStart[word]!;
			const end = postingStart[word + 1]!;
			postings.push(deltaEncode(postingDocs.subarray(start, end)));
			masks.push([...postingMasks.subarray(start, end)]);
		}

		return {
			format: 'briefing-search-index',
			version: 2,
			ids: {
				events: this.linked.events.map((event) => event.id),
				actors: this.linked.actors.map((actor) => actor.id),
				quotes: this.linked.quotes.map((quote) => quote.id),
			},
			vocabulary: this.vocabulary,
			postings,
			masks,
		};
	}

	/** @internal The fuse.js ranker of a kind, made on first use. */
	ranker(kind: ResultKind): Ranker {
		let ranker = this.rankers.get(kind);
		if (!ranker) {
			ranker = new Ranker(kind, this);
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
			if (this.mapCache.size >= 5000) {
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

		const exact = this.wordNumber(folded);
		if (exact !== undefined) {
			add(exact, 1, folded.length, 'exact');
		}

		// Completions: the word as typed so far. Short prefixes take the shortest completions.
		if (folded.length >= 2) {
			const [low, high] = this.prefixRange(folded);
			const limit = folded.length <= 3 ? 64 : 512;
			let ids: number[] = [];
			if (high - low <= limit) {
				for (let id = low; id < high; id++) {
					ids.push(id);
				}
			} else {
				ids = this.shortest(low, high, limit);
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
			const {gramStart, gramWords} = this.parts;
			const wordHits = this.scratchSpace().wordHits;
			const touched: number[] = [];
			for (const gram of grams) {
				const number = this.gramNumber.get(gram);
				if (number === undefined) {
					continue;
				}

				for (let at = gramStart[number]!; at < gramStart[number + 1]!; at++) {
					const id = gramWords[at]!;
					if (wordHits[id] === 0) {
						touched.push(id);
					}

					wordHits[id]!++;
				}
			}

			for (const id of touched) {
				const hits = wordHits[id]!;
				wordHits[id] = 0;
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
			const length = this.postingCount(variant.word);
			if (list.length > 0 && size + length > postingBudget) {
				break;
			}

			list.push(variant);
			size += length;
		}

		return {folded, variants: list, size};
	}

	/** The `limit` shortest words of `[low, high)`, ties by position: the completions a short prefix takes. */
	private shortest(low: number, high: number, limit: number): number[] {
		// Counting by length, then one pass: no sort of a range that may hold most of the vocabulary.
		const counts = new Int32Array(64);
		for (let id = low; id < high; id++) {
			counts[Math.min(63, this.vocabulary[id]!.length)]!++;
		}

		let cutoff = 0;
		for (let total = 0; cutoff < 64 && total + counts[cutoff]! < limit; cutoff++) {
			total += counts[cutoff]!;
		}

		const below: number[] = [];
		const at: number[] = [];
		for (let id = low; id < high; id++) {
			const length = Math.min(63, this.vocabulary[id]!.length);
			if (length < cutoff) {
				below.push(id);
			} else if (length === cutoff) {
				at.push(id);
			}
		}

		const chosen = [...below, ...at.slice(0, limit - below.length)];
		return chosen.sort((a, b) => this.vocabulary[a]!.length - this.vocabulary[b]!.length || a - b);
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

	private scratchSpace(): Scratch {
		if (this.scratch === undefined) {
			const count = this.size;
			this.scratch = {
				matchedCount: new Uint16Array(count),
				seen: new Uint32Array(count),
				best: new Float64Array(count),
				score: new Float64Array(count),
				bestQuality: new Float64Array(count),
				quality: new Float64Array(count),
				stamp: 0,
				touchedFirst: new Int32Array(count),
				touchedCurrent: new Int32Array(count),
				wordHits: new Uint16Array(this.vocabulary.length),
			};
		}

		return this.scratch;
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
		const scratch = this.scratchSpace();
		const {matchedCount, seen, best, score, bestQuality, quality} = scratch;
		const {postingStart, postingDocs, postingMasks} = this.parts;
		const {docKind, maskWeight} = this;
		// Documents touched by the first term (a superset of the rest) and by the current one.
		const first = scratch.touchedFirst;
		let firstCount = 0;
		let current = scratch.touchedCurrent;
		let count = 0;
		for (const [position, term] of ordered.entries()) {
			scratch.stamp = (scratch.stamp + 1) >>> 0;
			if (scratch.stamp === 0) {
				seen.fill(0);
				scratch.stamp = 1;
			}

			const stamp = scratch.stamp;
			current = position === 0 ? first : scratch.touchedCurrent;
			count = 0;
			for (const variant of term.variants) {
				const end = postingStart[variant.word + 1]!;
				for (let index = postingStart[variant.word]!; index < end; index++) {
					const doc = postingDocs[index]!;
					if (matchedCount[doc] !== position) {
						continue;
					}

					const kind = docKind[doc]!;
					if (!kindAllowed[kind]) {
						continue;
					}

					const mask = postingMasks[index]! & allowedMask[kind]!;
					if (mask === 0) {
						continue;
					}

					const weight = variant.quality * maskWeight[kind]![mask]!;
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

type Scratch = {
	readonly matchedCount: Uint16Array;
	readonly seen: Uint32Array;
	readonly best: Float64Array;
	readonly score: Float64Array;
	readonly bestQuality: Float64Array;
	readonly quality: Float64Array;
	stamp: number;
	readonly touchedFirst: Int32Array;
	readonly touchedCurrent: Int32Array;
	readonly wordHits: Uint16Array;
};

/**
 * Documents, their pre-scores, and how closely they hold the query words: the product over words
 * of the best match quality (1 when every word is there as typed).
 */
type Matches = {readonly docs: Int32Array; readonly scores: Float64Array; readonly qualities: Float64Array};

function kindRanges(linked: LinkedDataset): Record<ResultKind, [number, number]> {
	const {events, actors, quotes} = linked;
	return {
		event: [0, events.length],
		actor: [events.length, events.length + actors.length],
		quote: [events.length + actors.length, events.length + actors.length + quotes.length],
	};
}

function itemAt(index: SearchIndex, doc: number): Item {
	const kind = resultKinds[index.docKind[doc]!]!;
	return {kind, item: index.docItem[doc]!} as Item;
}

/**
 * The folded fields of an item by group: a list (aliases, the actors of an event) is one string
 * joined by "\n". The same strings as folding each of {@link itemTexts} into its group, made
 * without the paths.
 */
function documentFields(entry: Item, linked: LinkedDataset, folded: (text: string) => string): string[] {
	return fieldGroups[entry.kind].map((_group, group) => documentField(entry, linked, folded, group));
}

/** One of {@link documentFields}: the folded field of an item in a group (its bit in posting masks). */
function documentField(entry: Item, linked: LinkedDataset, folded: (text: string) => string, group: number): string {
	const join = (values: readonly string[]): string => values.map((value) => folded(value)).join('\n');
	const actorsOf = (ids: readonly string[], part: 'name' | 'aliases'): string[] => ids.flatMap((id) => {
		const actor = linked.actorById.get(id);
		return actor === undefined ? [] : part === 'name' ? [actor.name] : actor.aliases;
	});
	switch (entry.kind) {
		case 'event': {
			const event = entry.item;
			switch (group) {
				case 0: {
					return folded(event.title);
				}

				case 1: {
					return folded(event.summary);
				}

				case 2: {
					return join(event.tags);
				}

				case 3: {
					if (event.location === null) {
						return '';
					}

					const place = linked.actorById.get(event.location);
					return place ? join([place.name, ...place.aliases]) : folded(event.location);
				}

				case 4: {
					return join(actorsOf(event.actors, 'name'));
				}

				default: {
					return join(actorsOf(event.actors, 'aliases'));
				}
			}
		}

		case 'actor': {
			const actor = entry.item;
			return group === 0 ? folded(actor.name) : group === 1 ? join(actor.aliases) : actor.role === null ? '' : folded(actor.role);
		}

		case 'quote': {
			const quote = entry.item;
			if (group === 0) {
				return folded(quote.text);
			}

			const speaker = linked.actorById.get(quote.speaker);
			return speaker === undefined ? '' : group === 1 ? folded(speaker.name) : join(speaker.aliases);
		}
	}
}

/**
 * Folded words by number, found in folded text without cutting it into strings: an open-addressing
 * table of word numbers keyed by a hash of the characters.
 */
class WordTable {
	readonly words: string[] = [];
	private slots = new Int32Array(1 << 16);
	private readonly hashes: number[] = [];

	/** The number of the word `text[start, end)`, which gets one when new. */
	number(text: string, start: number, end: number): number {
		let hash = 0x81_1C_9D_C5;
		for (let index = start; index < end; index++) {
			hash = Math.imul(hash ^ text.charCodeAt(index), 0x01_00_01_93);
		}

		hash >>>= 0;
		const length = end - start;
		let mask = this.slots.length - 1;
		for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
			const found = this.slots[slot]!;
			if (found === 0) {
				const number = this.words.length;
				this.words.push(text.slice(start, end));
				this.hashes.push(hash);
				this.slots[slot] = number + 1;
				if (this.words.length * 2 > this.slots.length) {
					this.grow();
					mask = this.slots.length - 1;
				}

				return number;
			}

			const word = this.words[found - 1]!;
			if (this.hashes[found - 1] === hash && word.length === length && text.startsWith(word, start)) {
				return found - 1;
			}
		}
	}

	private grow(): void {
		this.slots = new Int32Array(this.slots.length * 2);
		const mask = this.slots.length - 1;
		for (const [number, hash] of this.hashes.entries()) {
			let slot = hash & mask;
			while (this.slots[slot] !== 0) {
				slot = (slot + 1) & mask;
			}

			this.slots[slot] = number + 1;
		}
	}
}

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

/** The per-document parts of an index: dates, browsing order, relations, id ranks. */
function documentParts(linked: LinkedDataset): Omit<IndexParts, 'vocabulary' | 'postingStart' | 'postingDocs' | 'postingMasks' | 'grams' | 'gramStart' | 'gramWords'> {
	const {events, actors, quotes} = linked;
	const count = events.length + actors.length + quotes.length;
	const ranges = kindRanges(linked);
	const earliest = new Float64Array(count).fill(Number.NaN);
	const latest = new Float64Array(count).fill(Number.NaN);
	const setDate = (doc: number, date: string | null): void => {
		if (date !== null) {
			const parsed = edtf(date);
			earliest[doc] = parsed.earliest;
			latest[doc] = parsed.latest;
		}
	};

	events.forEach((event, index) => {
		setDate(index, event.date);
	});
	quotes.forEach((quote, index) => {
		setDate(ranges.quote[0] + index, quote.date);
	});

	// Newest first (by the earliest day a date can mean), undated last, ties by id; actors by name.
	const newestFirst = (start: number, items: ReadonlyArray<{id: string; date: string | null}>): number[] =>
		items.map((_item, index) => start + index).sort((a, b) => {
			const [left, right] = [earliest[a]!, earliest[b]!];
			if (Number.isNaN(left) || Number.isNaN(right)) {
				return Number(Number.isNaN(left)) - Number(Number.isNaN(right)) || compareIds(items[a - start]!.id, items[b - start]!.id);
			}

			return right - left || latest[b]! - latest[a]! || compareIds(items[a - start]!.id, items[b - start]!.id);
		});

	const browse = Int32Array.from([
		...newestFirst(0, events),
		...actors
			.map((actor, index) => ({actor, doc: events.length + index}))
			.sort((a, b) => a.actor.name.localeCompare(b.actor.name, 'en') || compareIds(a.actor.id, b.actor.id))
			.map(({doc}) => doc),
		...newestFirst(ranges.quote[0], quotes),
	]);
	const tags = [...new Set(events.flatMap((event) => event.tags))].sort();
	const actorNumber = new Map(actors.map((actor, index) => [actor.id, index]));
	const sourceNumber = new Map(linked.sources.map((source, index) => [source.id, index]));
	const tagNumber = new Map(tags.map((tag, index) => [tag, index]));
	const numbers = (ids: Iterable<string>, known: ReadonlyMap<string, number>): number[] =>
		[...new Set([...ids].map((id) => known.get(id)).filter((number): number is number => number !== undefined))];
	const docActors = relation([
		...events.map((event) => numbers(event.actors, actorNumber)),
		...actors.map((_actor, index) => [index]),
		...quotes.map((quote) => numbers([quote.speaker], actorNumber)),
	]);
	const docSources = relation([
		...events.map((event) => numbers(event.evidence.map((evidence) => evidence.source), sourceNumber)),
		...actors.map(() => []),
		...quotes.map((quote) => numbers([quote.evidence.source], sourceNumber)),
	]);
	const docTags = relation([...events.map((event) => numbers(event.tags, tagNumber)), ...actors.map(() => []), ...quotes.map(() => [])]);
	const ids = [...events, ...actors, ...quotes];
	const idRank = new Int32Array(count);
	ids
		.map((item, doc) => ({id: item.id, doc}))
		.sort((a, b) => compareIds(a.id, b.id) || a.doc - b.doc)
		.forEach(({doc}, rank) => {
			idRank[doc] = rank;
		});
	const docStatus = new Uint8Array(count);
	events.forEach((event, index) => {
		docStatus[index] = eventStatuses.indexOf(event.status);
	});
	return {earliest, latest, browse, tags, docActors, docSources, docTags, docStatus, idRank};
}

/** A growable array of 32-bit integers. */
class IntList {
	values = new Int32Array(1024);
	length = 0;

	push(value: number): void {
		if (this.length === this.values.length) {
			const larger = new Int32Array(this.values.length * 2);
			larger.set(this.values);
			this.values = larger;
		}

		this.values[this.length++] = value;
	}
}

/** (word, mask) pairs packed in 32 bits, in chunks of a million, read once and dropped. */
class PairChunks {
	private chunks: Uint32Array[] = [];
	private current = new Uint32Array(0);
	private used = 0;
	length = 0;

	push(word: number, mask: number): void {
		if (word >= 1 << 26) {
			throw new Error('more than 67 million distinct words: the index cannot hold them');
		}

		if (this.used === this.current.length) {
			// Small data gets small chunks: a 4 MB array costs a small dataset a full collection.
			this.current = new Uint32Array(Math.min(1 << 20, Math.max(1 << 12, this.length)));
			this.chunks.push(this.current);
			this.used = 0;
		}

		this.current[this.used++] = ((word << 6) | mask) >>> 0;
		this.length++;
	}

	/** The chunks in order, each cut to what it holds; each is let go once handed out. */
	* drain(): Generator<Uint32Array> {
		const {chunks} = this;
		this.chunks = [];
		for (let index = 0; index < chunks.length; index++) {
			const chunk = chunks[index]!;
			chunks[index] = new Uint32Array(0);
			yield index === chunks.length - 1 ? chunk.subarray(0, this.used) : chunk;
		}
	}
}

/** The vocabulary's bigrams as flat arrays: sorted grams, and for each the words holding it. */
function gramParts(vocabulary: readonly string[]): Pick<IndexParts, 'grams' | 'gramStart' | 'gramWords'> {
	const gramNumber = new Map<string, number>();
	const pairGram = new IntList();
	const pairWord = new IntList();
	for (const [id, word] of vocabulary.entries()) {
		for (const gram of new Set(bigramsOf(word, true))) {
			let number = gramNumber.get(gram);
			if (number === undefined) {
				number = gramNumber.size;
				gramNumber.set(gram, number);
			}

			pairGram.push(number);
			pairWord.push(id);
		}
	}

	const grams = [...gramNumber.keys()].sort(compareIds);
	const rank = new Int32Array(grams.length);
	for (const [position, gram] of grams.entries()) {
		rank[gramNumber.get(gram)!] = position;
	}

	const gramStart = new Uint32Array(grams.length + 1);
	for (let index = 0; index < pairGram.length; index++) {
		gramStart[rank[pairGram.values[index]!]! + 1]!++;
	}

	for (let index = 0; index < grams.length; index++) {
		gramStart[index + 1]! += gramStart[index]!;
	}

	const fill = gramStart.slice(0, grams.length);
	const gramWords = new Int32Array(pairGram.length);
	for (let index = 0; index < pairGram.length; index++) {
		gramWords[fill[rank[pairGram.values[index]!]!]!++] = pairWord.values[index]!;
	}

	return {grams, gramStart, gramWords};
}

/**
 * Builds the search index of a dataset in steps, yielding the fraction done now and then, so that
 * a caller can build it a slice at a time and stay responsive.
 */
export function * buildSearchIndex(linked: LinkedDataset): Generator<number, SearchIndex> {
	const docs = linked.events.length + linked.actors.length + linked.quotes.length;
	const perDoc = documentParts(linked);
	yield 0.05;
	const foldCache = new Map<string, string>();
	const folded = (text: string): string => {
		// Names, aliases and tags repeat across items; titles and summaries rarely do (and at a
		// million events, keeping theirs would hold a million strings for nothing).
		if (text.length > 24) {
			return fold(text);
		}

		let value = foldCache.get(text);
		if (value === undefined) {
			value = fold(text);
			foldCache.set(text, value);
		}

		return value;
	};

	// Words get numbers as they are first seen, and are sorted at the end. The postings are kept as
	// (word, mask) pairs in document order, with where each document's pairs start.
	const table = new WordTable();
	const {words} = table;
	// Each pair packed in 32 bits, the word above the six bits of the mask, in chunks that are
	// dropped as the postings are filled: at a million events there are some sixty million.
	const pairs = new PairChunks();
	const docStart = new Int32Array(docs + 1);
	const postingCount = new IntList();
	// The field groups each word is in, for the item at hand, and the words it has.
	const itemMask: number[] = [];
	const itemWords: number[] = [];
	const items: Item[] = [
		...linked.events.map((item): Item => ({kind: 'event', item})),
		...linked.actors.map((item): Item => ({kind: 'actor', item})),
		...linked.quotes.map((item): Item => ({kind: 'quote', item})),
	];
	for (let doc = 0; doc < docs; doc++) {
		if (doc % 2000 === 1999) {
			yield 0.05 + (0.85 * doc) / docs;
		}

		docStart[doc] = pairs.length;
		const docFields = documentFields(items[doc]!, linked, folded);
		for (let group = 0; group < docFields.length; group++) {
			const value = docFields[group]!;
			let start = 0;
			for (let index = 0; index <= value.length; index++) {
				const code = index < value.length ? value.charCodeAt(index) : 32;
				if (code !== 32 && code !== 10) {
					continue;
				}

				if (index > start) {
					const number = table.number(value, start, index);
					if (number === itemMask.length) {
						itemMask.push(0);
						postingCount.push(0);
					}

					if (itemMask[number] === 0) {
						itemWords.push(number);
					}

					itemMask[number]! |= 1 << group;
				}

				start = index + 1;
			}
		}

		for (const number of itemWords) {
			pairs.push(number, itemMask[number]!);
			postingCount.values[number]!++;
			itemMask[number] = 0;
		}

		itemWords.length = 0;
	}

	docStart[docs] = pairs.length;
	yield 0.9;
	const order = words.map((_word, number) => number).sort((a, b) => compareIds(words[a]!, words[b]!));
	const vocabulary = order.map((number) => words[number]!);
	const rank = new Int32Array(words.length);
	for (const [position, number] of order.entries()) {
		rank[number] = position;
	}

	const postingStart = new Uint32Array(vocabulary.length + 1);
	for (let position = 0; position < vocabulary.length; position++) {
		postingStart[position + 1] = postingStart[position]! + postingCount.values[order[position]!]!;
	}

	const fill = postingStart.slice(0, vocabulary.length);
	const postingDocs = new Int32Array(pairs.length);
	const postingMasks = new Uint8Array(pairs.length);
	let doc = 0;
	let pair = 0;
	for (const chunk of pairs.drain()) {
		for (let index = 0; index < chunk.length; index++, pair++) {
			while (pair >= docStart[doc + 1]!) {
				doc++;
			}

			const packed = chunk[index]!;
			const at = fill[rank[packed >>> 6]!]!++;
			postingDocs[at] = doc;
			postingMasks[at] = packed & 0x3F;
		}
	}

	yield 0.95;
	const parts: IndexParts = {...perDoc, vocabulary, postingStart, postingDocs, postingMasks, ...gramParts(vocabulary)};
	return new SearchIndex(linked, parts);
}

/** Builds the search index of a dataset: once per dataset (see `io/index-cache.ts` for the disk cache). */
export function createSearchIndex(linked: LinkedDataset): SearchIndex {
	const steps = buildSearchIndex(linked);
	for (;;) {
		const step = steps.next();
		if (step.done) {
			return step.value;
		}
	}
}

/**
 * Builds the index a slice of about `sliceMs` at a time, letting the event loop run in between
 * (keystrokes are read, frames drawn), and calls `onProgress` with the fraction done.
 */
export async function createSearchIndexInSlices(linked: LinkedDataset, onProgress?: (fraction: number) => void, sliceMs = 12): Promise<SearchIndex> {
	const steps = buildSearchIndex(linked);
	for (;;) {
		const until = performance.now() + sliceMs;
		let step = steps.next();
		while (!step.done && performance.now() < until) {
			step = steps.next();
		}

		if (step.done) {
			return step.value;
		}

		onProgress?.(step.value);
		// eslint-disable-next-line no-await-in-loop
		await new Promise<void>((resolve) => {
			setImmediate(resolve);
		});
	}
}

function sameIds(linked: LinkedDataset, ids: {events?: unknown; actors?: unknown; quotes?: unknown}): boolean {
	const same = (list: unknown, items: ReadonlyArray<{id: string}>): boolean =>
		Array.isArray(list) && list.length === items.length && items.every((item, position) => item.id === list[position]);
	return same(ids.events, linked.events) && same(ids.actors, linked.actors) && same(ids.quotes, linked.quotes);
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
	if (index.format !== 'briefing-search-index' || index.version !== 2 || !index.ids
		|| !Array.isArray(index.vocabulary) || !Array.isArray(index.postings) || !Array.isArray(index.masks)
		|| index.postings.length !== index.vocabulary.length || index.masks.length !== index.vocabulary.length
		|| !sameIds(linked, index.ids)) {
		return undefined;
	}

	const docs = linked.events.length + linked.actors.length + linked.quotes.length;
	const total = index.postings.reduce((sum, list) => sum + (Array.isArray(list) ? list.length : 0), 0);
	const postingStart = new Uint32Array(index.vocabulary.length + 1);
	const postingDocs = new Int32Array(total);
	const postingMasks = new Uint8Array(total);
	let at = 0;
	for (const [word, list] of index.postings.entries()) {
		const masks = index.masks[word];
		if (!Array.isArray(list) || !Array.isArray(masks) || masks.length !== list.length) {
			return undefined;
		}

		let previous = 0;
		for (const [position, delta] of list.entries()) {
			previous += delta;
			if (!Number.isInteger(previous) || previous < 0 || previous >= docs) {
				return undefined;
			}

			postingDocs[at] = previous;
			postingMasks[at] = masks[position]!;
			at++;
		}

		postingStart[word + 1] = at;
	}

	const vocabulary = [...index.vocabulary];
	return new SearchIndex(linked, {...documentParts(linked), vocabulary, postingStart, postingDocs, postingMasks, ...gramParts(vocabulary)});
}

// ---------------------------------------------------------------------------------------------
// The binary form, for the disk cache

/** Bumped whenever the parts or how they are built change: an index of another version is rebuilt. */
export const indexFormatVersion = 3;

/**
 * What an index built by this code depends on besides the data: the format, the folding and the
 * field weights. A cached index made by other code has another fingerprint and is not used.
 */
export function indexFingerprint(): string {
	const probe = 'Зеленський Zelenskyy Élysée Kyiv\'s Witkoff Macron 2025 ceasefire';
	return `${indexFormatVersion}\n${fold(probe)}\n${JSON.stringify(fieldGroups)}\n${candidateLimit}`;
}

type Section = {name: string; type: 'u8' | 'i32' | 'u32' | 'f64' | 'text'; offset: number; length: number};

const arrayTypes = {u8: Uint8Array, i32: Int32Array, u32: Uint32Array, f64: Float64Array} as const;

/**
 * The index as one binary payload: a JSON header of sections, then each typed array as it is in
 * memory (8-byte aligned, little-endian), and strings as UTF-16. Reading it back copies nothing
 * but the strings. See {@link deserializeSearchIndex}.
 */
export function serializeSearchIndex(index: SearchIndex): Buffer[] {
	const {parts} = index;
	const arrays: Array<[string, Section['type'], ArrayBufferView]> = [
		['postingStart', 'u32', parts.postingStart],
		['postingDocs', 'i32', parts.postingDocs],
		['postingMasks', 'u8', parts.postingMasks],
		['gramStart', 'u32', parts.gramStart],
		['gramWords', 'i32', parts.gramWords],
		['earliest', 'f64', parts.earliest],
		['latest', 'f64', parts.latest],
		['browse', 'i32', parts.browse],
		['docActors.start', 'i32', parts.docActors.start],
		['docActors.list', 'i32', parts.docActors.list],
		['docSources.start', 'i32', parts.docSources.start],
		['docSources.list', 'i32', parts.docSources.list],
		['docTags.start', 'i32', parts.docTags.start],
		['docTags.list', 'i32', parts.docTags.list],
		['docStatus', 'u8', parts.docStatus],
		['idRank', 'i32', parts.idRank],
	];
	const texts: Array<[string, string]> = [
		['vocabulary', parts.vocabulary.join('\n')],
		['grams', parts.grams.join('')],
		['tags', JSON.stringify(parts.tags)],
	];
	const sections: Section[] = [];
	const bodies: Buffer[] = [];
	let offset = 0;
	const add = (name: string, type: Section['type'], bytes: Buffer, length: number): void => {
		sections.push({name, type, offset, length});
		bodies.push(bytes);
		offset += bytes.length;
		const padding = (8 - (offset % 8)) % 8;
		if (padding > 0) {
			bodies.push(Buffer.alloc(padding));
			offset += padding;
		}
	};

	for (const [name, type, array] of arrays) {
		add(name, type, Buffer.from(array.buffer as ArrayBuffer, array.byteOffset, array.byteLength), (array as Uint8Array).length);
	}

	for (const [name, text] of texts) {
		const bytes = Buffer.from(text, 'utf16le');
		add(name, 'text', bytes, text.length);
	}

	const counts = {events: index.linked.events.length, actors: index.linked.actors.length, quotes: index.linked.quotes.length, words: parts.vocabulary.length};
	const header = Buffer.from(JSON.stringify({format: 'briefing-search-index', version: indexFormatVersion, counts, sections}), 'utf8');
	const headerLength = Buffer.alloc(8);
	headerLength.writeUInt32LE(header.length, 0);
	const padding = Buffer.alloc((8 - ((8 + header.length) % 8)) % 8);
	return [headerLength, header, padding, ...bodies];
}

/**
 * Reads {@link serializeSearchIndex}'s payload for `linked`. Returns undefined for anything that is
 * not such a payload, for another version, or for other data (the counts must match and every
 * array must have the length and values the dataset allows), so that a cache rebuilds instead.
 * The caller checks a checksum of the bytes first: this only makes sure a payload cannot crash.
 */
export function deserializeSearchIndex(payload: Buffer, linked: LinkedDataset): SearchIndex | undefined {
	try {
		if (payload.length < 8) {
			return undefined;
		}

		const headerLength = payload.readUInt32LE(0);
		const header = JSON.parse(payload.toString('utf8', 8, 8 + headerLength)) as {
			format?: unknown; version?: unknown; counts?: Record<string, unknown>; sections?: Section[];
		};
		const docs = linked.events.length + linked.actors.length + linked.quotes.length;
		const counts = header.counts ?? {};
		if (header.format !== 'briefing-search-index' || header.version !== indexFormatVersion || !Array.isArray(header.sections)
			|| counts.events !== linked.events.length || counts.actors !== linked.actors.length || counts.quotes !== linked.quotes.length) {
			return undefined;
		}

		const base = 8 + headerLength + ((8 - ((8 + headerLength) % 8)) % 8);
		// Typed arrays need aligned memory: copy the payload once if it is not.
		const bytes = (payload.byteOffset + base) % 8 === 0 ? payload : Buffer.from(payload);
		const section = new Map(header.sections.map((each) => [each.name, each]));
		const array = <T extends keyof typeof arrayTypes>(name: string, type: T, length?: number): InstanceType<(typeof arrayTypes)[T]> => {
			const found = section.get(name);
			const Type = arrayTypes[type];
			if (!found || found.type !== type || (length !== undefined && found.length !== length)
				|| base + found.offset + (found.length * Type.BYTES_PER_ELEMENT) > bytes.length) {
				throw new Error(`bad section ${name}`);
			}

			return new Type(bytes.buffer as ArrayBuffer, bytes.byteOffset + base + found.offset, found.length) as InstanceType<(typeof arrayTypes)[T]>;
		};

		const text = (name: string): string => {
			const found = section.get(name);
			if (!found || found.type !== 'text' || base + found.offset + (found.length * 2) > bytes.length) {
				throw new Error(`bad section ${name}`);
			}

			return bytes.toString('utf16le', base + found.offset, base + found.offset + (found.length * 2));
		};

		const vocabularyText = text('vocabulary');
		const vocabulary = vocabularyText === '' ? [] : vocabularyText.split('\n');
		if (vocabulary.length !== counts.words) {
			return undefined;
		}

		const gramsText = text('grams');
		const grams: string[] = [];
		for (let at = 0; at < gramsText.length; at += 2) {
			grams.push(gramsText.slice(at, at + 2));
		}

		const tags = JSON.parse(text('tags')) as unknown;
		if (!Array.isArray(tags) || !tags.every((tag) => typeof tag === 'string')) {
			return undefined;
		}

		const words = vocabulary.length;
		const postingStart = array('postingStart', 'u32', words + 1);
		const postingDocs = array('postingDocs', 'i32');
		const postingMasks = array('postingMasks', 'u8', postingDocs.length);
		const gramStart = array('gramStart', 'u32', grams.length + 1);
		const gramWords = array('gramWords', 'i32');
		const relationOf = (name: string, limit: number): Relation => {
			const start = array(`${name}.start`, 'i32', docs + 1);
			const list = array(`${name}.list`, 'i32');
			if (!ascending(start, 0, list.length) || !within(list, limit)) {
				throw new Error(`bad relation ${name}`);
			}

			return {start, list};
		};

		const parts: IndexParts = {
			vocabulary,
			postingStart,
			postingDocs,
			postingMasks,
			grams,
			gramStart,
			gramWords,
			earliest: array('earliest', 'f64', docs),
			latest: array('latest', 'f64', docs),
			browse: array('browse', 'i32', docs),
			tags: tags as string[],
			docActors: relationOf('docActors', linked.actors.length),
			docSources: relationOf('docSources', linked.sources.length),
			docTags: relationOf('docTags', tags.length),
			docStatus: array('docStatus', 'u8', docs),
			idRank: array('idRank', 'i32', docs),
		};
		// What a query reads without bounds checks must be in bounds.
		if (!ascending(postingStart, 0, postingDocs.length) || !within(postingDocs, docs) || !ascending(gramStart, 0, gramWords.length)
			|| !within(gramWords, words) || !within(parts.browse, docs) || !within(parts.idRank, docs)) {
			return undefined;
		}

		return new SearchIndex(linked, parts);
	} catch {
		return undefined;
	}
}

/** True when `values` never decreases, starts at `first` and ends at `last`. */
function ascending(values: Uint32Array | Int32Array, first: number, last: number): boolean {
	if (values.length === 0 || values[0] !== first || values.at(-1) !== last) {
		return false;
	}

	for (let index = 1; index < values.length; index++) {
		if (values[index]! < values[index - 1]!) {
			return false;
		}
	}

	return true;
}

/** True when every value is in `[0, limit)`. */
function within(values: Int32Array, limit: number): boolean {
	for (let index = 0; index < values.length; index++) {
		const value = values[index]!;
		if (value < 0 || value >= limit) {
			return false;
		}
	}

	return true;
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

type Phrase = {
	readonly words: readonly string[];
	/** The words in a row in folded text (spaces between, the last one perhaps cut short), within one value. */
	readonly pattern: RegExp;
};

function phraseOf(words: readonly string[]): Phrase {
	const escape = (word: string): string => word.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
	return {words, pattern: new RegExp(`(?:^|[ \\n])${words.map(escape).join(' +')}`)};
}

/** True when a folded field holds the words of the phrase in a row (the last may be a prefix). */
function hasPhrase(field: string, phrase: Phrase): boolean {
	return phrase.pattern.test(field);
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
 * norms) are made once per item, when the item is first a candidate, kept across keystrokes, and
 * handed to it per query, so that a query costs only the ranking of its candidates. The token
 * statistics fuse.js keeps for weighting query words are left empty, so every word of a query
 * weighs the same whatever the candidates. fuse.js's own list of items is a stand-in: results are
 * read by their record's number, which is the document's number within its kind.
 */
class Ranker {
	private readonly fuse: Fuse<FuseDoc>;
	private readonly keys: NonNullable<IFuseOptions<FuseDoc>['keys']>;
	private readonly records = new Map<number, FuseRecord>();
	private readonly start: number;

	constructor(kind: ResultKind, private readonly index: SearchIndex) {
		const options = fuseOptions(kind);
		this.keys = options.keys!;
		this.start = index.kindRange[kind][0];
		this.fuse = new Fuse([{doc: -1, fields: []}], options, Fuse.createIndex(this.keys, []));
	}

	/** The documents fuse.js matches, with their scores, best first. */
	rank(docs: readonly number[], query: string): Array<{doc: number; score: number}> {
		const missing = docs.filter((doc) => !this.records.has(doc));
		if (missing.length > 0) {
			if (this.records.size + missing.length > 4096) {
				this.records.clear();
			}

			const made = Fuse.createIndex(this.keys, missing.map((doc) => ({doc, fields: this.index.fields(doc)}))).records;
			for (const [position, record] of made.entries()) {
				this.records.set(missing[position]!, {...record, i: missing[position]! - this.start});
			}
		}

		this.fuse.getIndex().setIndexRecords(docs.map((doc) => this.records.get(doc) ?? this.remake(doc)));
		return this.fuse.search(query).map((result) => ({doc: result.refIndex + this.start, score: result.score ?? 1}));
	}

	private remake(doc: number): FuseRecord {
		const record = {...Fuse.createIndex(this.keys, [{doc, fields: this.index.fields(doc)}]).records[0]!, i: doc - this.start};
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
			phrases.push(phraseOf(folded));
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
		if (passes(index, doc, plan) && (phrases.length === 0 || phrases.every((phrase) => index.hasPhrase(doc, phrase)))) {
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
			highlights: highlightsOf(index, doc, matchedLength, phrases, options.highlight?.[kind]),
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

function highlightsOf(index: SearchIndex, doc: number, matchedLength: ReadonlyMap<string, number>, phrases: readonly Phrase[], only?: readonly string[]): Highlights {
	const highlights: Highlights = {};
	const kind = resultKinds[index.docKind[doc]!]!;
	const entry = itemOf(index.linked, kind, idOf(index, doc))!;
	// Most fields of a matched item hold no matched word: a field whose folded text (made for the
	// ranking already) holds none of them as a substring is passed over without mapping it.
	const words = [...matchedLength.keys(), ...phrases.map((phrase) => phrase.words[0]!)];
	const groups = words.length <= 24 ? index.fields(doc).map((field) => words.some((word) => field.includes(word))) : undefined;
	for (const {path, text, group} of (only && onlyTexts(entry, only)) ?? itemTexts(entry, index.linked)) {
		if ((groups && !groups[group]) || (only && !only.includes(path))) {
			continue;
		}

		const map = index.foldMap(text);
		const textWords = foldedWords(map.text);
		const ranges: Array<[number, number]> = [];
		for (const {word, start} of textWords) {
			const length = matchedLength.get(word);
			if (length !== undefined) {
				ranges.push([map.start[start]!, map.end[start + Math.min(length, word.length) - 1]!]);
			}
		}

		for (const phrase of phrases) {
			for (let first = 0; first + phrase.words.length <= textWords.length; first++) {
				const inRow = phrase.words.every((word, offset) => {
					const candidate = textWords[first + offset]!.word;
					return offset === phrase.words.length - 1 ? candidate.startsWith(word) : candidate === word;
				});
				if (inRow) {
					const last = textWords[first + phrase.words.length - 1]!;
					ranges.push([map.start[textWords[first]!.start]!, map.end[last.start + phrase.words.at(-1)!.length - 1]!]);
				}
			}
		}

		if (ranges.length > 0) {
			highlights[path] = mergeRanges(ranges);
		}
	}

	return highlights;
}

/**
 * The texts at top-level paths of an item (`title`, `name`, `text`...), without making every
 * path of {@link itemTexts}: what a highlight of a few fields needs. Other paths fall back to it.
 */
function onlyTexts(entry: Item, paths: readonly string[]): FieldText[] | undefined {
	const groups = fieldGroups[entry.kind];
	const out: FieldText[] = [];
	for (const path of paths) {
		const value = (entry.item as Record<string, unknown>)[path];
		const group = groups.findIndex((each) => each.name === path);
		if (group === -1) {
			return undefined;
		}

		if (typeof value === 'string') {
			out.push({path, group, text: value});
		}
	}

	return out;
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
