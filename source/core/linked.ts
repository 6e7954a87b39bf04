import {compareEdtf, edtf, type EdtfDate, parseEdtf} from './edtf.js';
import {type ListName, slugPattern} from './contract.js';
import type {Actor, Dataset, Event, Quote, Source} from './schema.js';

/**
 * What a loaded dataset is once valid: its records linked and in display order. Nothing here
 * loads zod, so that the commands start quickly; validation with messages is in `dataset.ts`.
 */

/** One thing wrong with a dataset: where it is and what is wrong, in words a user can act on. */
export type Problem = {
	readonly file: string;
	/** JSON path such as `events[12].actors[1]`, or `line 3, column 7` for syntax errors. */
	readonly path: string;
	readonly message: string;
};

export function formatProblem(problem: Problem): string {
	return problem.path ? `${problem.file}: ${problem.path}: ${problem.message}` : `${problem.file}: ${problem.message}`;
}

export type Result<T> = {ok: true; value: T} | {ok: false; problems: Problem[]};

export function jsonPath(path: ReadonlyArray<PropertyKey>): string {
	let text = '';
	for (const key of path) {
		if (typeof key === 'number') {
			text += `[${key}]`;
		} else {
			const name = String(key);
			text += /^[A-Za-z_$][\w$]*$/.test(name) ? (text ? `.${name}` : name) : `[${JSON.stringify(name)}]`;
		}
	}

	return text;
}

/** Where a character offset falls, 1-based, for messages about text files. */
export function lineAndColumn(text: string, offset: number): {line: number; column: number} {
	let line = 1;
	let lineStart = 0;
	for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
		line++;
		lineStart = index + 1;
	}

	return {line, column: offset - lineStart + 1};
}

const quoteMarks = /[\u2018\u2019\u201A\u201B\u2032]/g;
const doubleQuoteMarks = /[\u201C\u201D\u201E\u201F\u00AB\u00BB\u2033]/g;

/** Quotation marks, ellipses and whitespace as one canonical form, for comparing quotes to sources. */
export function normalizeForMatch(text: string): string {
	return text
		.replace(quoteMarks, '\'')
		.replace(doubleQuoteMarks, '"')
		.replace(/\u2026/g, '...')
		.replace(/\s+/g, ' ')
		.trim();
}

type Loose = Record<string, unknown>;

/** The records of each list, as loaded (not yet validated). */
export type RecordLists = Readonly<Record<ListName, readonly unknown[]>>;

/** Where record `index` of a list is: its file and the path to it, such as `events[12]` or `line 40`. */
export type Locate = (list: ListName, index: number) => {readonly file: string; readonly path: string};

function objects(list: readonly unknown[]): Loose[] {
	return list.map((item) => (typeof item === 'object' && item !== null ? item as Loose : {}));
}

/** A place inside a record, for messages: `events[12]` + `actors[1]` is `events[12].actors[1]`. */
export function subPath(record: string, inside: string): string {
	if (inside === '') {
		return record;
	}

	if (/^line \d+$/.test(record)) {
		return `${record}: ${inside}`;
	}

	return inside.startsWith('[') ? `${record}${inside}` : `${record}.${inside}`;
}

/**
 * The rules the schema cannot state: unique ids, references that resolve, quotes found in their
 * evidence. Works on unvalidated input so that one run reports every problem.
 */
export function referenceProblems(lists: RecordLists, locate: Locate): Problem[] {
	const problems: Problem[] = [];
	const at = (list: ListName, index: number, inside: string, message: string): void => {
		const {file, path} = locate(list, index);
		problems.push({file, path: subPath(path, inside), message});
	};

	const ids = (key: ListName): Map<string, number> => {
		const seen = new Map<string, number>();
		for (const [index, record] of objects(lists[key]).entries()) {
			if (typeof record.id !== 'string') {
				continue;
			}

			const first = seen.get(record.id);
			if (first === undefined) {
				seen.set(record.id, index);
			} else {
				const here = locate(key, index);
				const there = locate(key, first);
				const where = there.file === here.file ? there.path : `${there.file}: ${there.path}`;
				at(key, index, 'id', `duplicate id "${record.id}", already used by ${where}: give each record its own id`);
			}
		}

		return seen;
	};

	const sources = ids('sources');
	const actors = ids('actors');
	const events = ids('events');
	ids('quotes');

	const check = (value: unknown, known: Map<string, number>, list: ListName, index: number, inside: string, kind: string, target: string): void => {
		if (typeof value === 'string' && !known.has(value)) {
			at(list, index, inside, `no ${kind} has the id "${value}": add it to ${target} or correct the reference`);
		}
	};

	const checkEvidence = (evidence: unknown, list: ListName, index: number, inside: string): void => {
		if (typeof evidence === 'object' && evidence !== null) {
			check((evidence as Loose).source, sources, list, index, `${inside}.source`, 'source', 'sources');
		}
	};

	for (const [index, event] of objects(lists.events).entries()) {
		if (Array.isArray(event.actors)) {
			for (const [position, actor] of event.actors.entries()) {
				check(actor, actors, 'events', index, `actors[${position}]`, 'actor', 'actors');
			}
		}

		if (Array.isArray(event.evidence)) {
			for (const [position, evidence] of event.evidence.entries()) {
				checkEvidence(evidence, 'events', index, `evidence[${position}]`);
			}
		}
	}

	for (const [index, quote] of objects(lists.quotes).entries()) {
		check(quote.speaker, actors, 'quotes', index, 'speaker', 'actor', 'actors');
		check(quote.event, events, 'quotes', index, 'event', 'event', 'events');
		checkEvidence(quote.evidence, 'quotes', index, 'evidence');
		const exact = typeof quote.evidence === 'object' && quote.evidence !== null ? (quote.evidence as Loose).exact : undefined;
		if (typeof quote.text === 'string' && typeof exact === 'string' && quote.text.trim() !== ''
			&& !quoteOccurs(quote.text, exact)) {
			at('quotes', index, 'text', 'does not occur in its evidence sentence (evidence.exact): a quote must be verbatim');
		}
	}

	return problems;
}

/** True when the quote is in its evidence up to quotation marks and white space. */
function quoteOccurs(text: string, exact: string): boolean {
	// Most quotes stand in their sentence as they are: no need to normalize both.
	return exact.includes(text.trim()) || normalizeForMatch(exact).includes(normalizeForMatch(text));
}

/** A validated dataset with its references resolved and its lists in display order. */
export type LinkedDataset = {
	readonly dataset: Dataset;
	readonly sources: readonly Source[];
	/** Chronological, undated last. */
	readonly events: readonly Event[];
	readonly actors: readonly Actor[];
	/** Chronological, undated last. */
	readonly quotes: readonly Quote[];
	readonly sourceById: ReadonlyMap<string, Source>;
	readonly actorById: ReadonlyMap<string, Actor>;
	readonly eventById: ReadonlyMap<string, Event>;
	readonly quoteById: ReadonlyMap<string, Quote>;
	readonly eventDate: ReadonlyMap<string, EdtfDate | null>;
	/** Events and quotes of each actor, in chronological order. */
	readonly eventsByActor: ReadonlyMap<string, readonly Event[]>;
	readonly quotesByActor: ReadonlyMap<string, readonly Quote[]>;
	readonly quotesByEvent: ReadonlyMap<string, readonly Quote[]>;
	/** The latest publication date among the sources: what the data knows up to. */
	readonly asOf: string | null;
};

const byId = (a: {id: string}, b: {id: string}): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** `a.localeCompare(b)`, without making a collator on every call. */
const collator = new Intl.Collator();

/** Dates as numbers that sort as `compareDateText` does; NaN for undated. */
type DateKey = {earliest: number; precision: number; qualifier: number; latest: number; text: string | null; valid: boolean};

const precisionRank = {year: 0, season: 1, month: 2, day: 3} as const;

function dateKey(text: string | null): DateKey {
	if (text === null) {
		return {earliest: 0, precision: 0, qualifier: 0, latest: 0, text, valid: false};
	}

	const parsed = parseEdtf(text);
	if (!parsed.ok) {
		return {earliest: 0, precision: 0, qualifier: 0, latest: 0, text, valid: false};
	}

	const {date} = parsed;
	return {
		earliest: date.earliest,
		precision: precisionRank[date.precision],
		qualifier: date.qualifier === null ? 0 : date.qualifier === 'approximate' ? 1 : 2,
		latest: date.latest,
		text,
		valid: true,
	};
}

/** Exactly `compareDateText` (edtf.ts), on keys made once per record. */
function compareKeys(a: DateKey, b: DateKey): number {
	if (a.text === null || b.text === null) {
		return a.text === b.text ? 0 : a.text === null ? 1 : -1;
	}

	if (!a.valid || !b.valid) {
		return a.text < b.text ? -1 : a.text > b.text ? 1 : 0;
	}

	return a.earliest - b.earliest || a.precision - b.precision || a.qualifier - b.qualifier || a.latest - b.latest;
}

/** Sorts by a date key per item, then by `tie`: the keys are made once, not on every comparison. */
function sortByDate<T>(items: readonly T[], dateOf: (item: T) => string | null, tie: (a: T, b: T) => number): T[] {
	const keys = new Map<string | null, DateKey>();
	const decorated = items.map((item) => {
		const text = dateOf(item);
		let key = keys.get(text);
		if (key === undefined) {
			key = dateKey(text);
			keys.set(text, key);
		}

		return {item, key};
	});
	decorated.sort((a, b) => compareKeys(a.key, b.key) || tie(a.item, b.item));
	return decorated.map(({item}) => item);
}

export function compareEvents(a: Event, b: Event): number {
	return compareKeys(dateKey(a.date), dateKey(b.date)) || byId(a, b);
}

/**
 * `localeCompare` of source ids. Ids are slugs (lower-case letters, digits, single hyphens), whose
 * collation order is their code-unit order (hyphen, then digits, then letters; a test holds it),
 * so they are compared directly; anything else goes to the collator.
 */
function compareSourceIds(a: string, b: string): number {
	if (slugPattern.test(a) && slugPattern.test(b)) {
		return a < b ? -1 : a > b ? 1 : 0;
	}

	return collator.compare(a, b);
}

const quoteTie = (a: Quote, b: Quote): number => compareSourceIds(a.evidence.source, b.evidence.source) || a.evidence.start - b.evidence.start || byId(a, b);

export function compareQuotes(a: Quote, b: Quote): number {
	return compareKeys(dateKey(a.date), dateKey(b.date)) || quoteTie(a, b);
}

function group<T>(items: readonly T[], keys: (item: T) => readonly string[] | string | null): Map<string, T[]> {
	const groups = new Map<string, T[]>();
	const add = (key: string, item: T): void => {
		const members = groups.get(key);
		if (members === undefined) {
			groups.set(key, [item]);
		} else if (members.at(-1) !== item) {
			// Once per item, however often the item lists the key (items come one after another).
			members.push(item);
		}
	};

	for (const item of items) {
		const list = keys(item);
		if (typeof list === 'string') {
			add(list, item);
		} else if (list !== null) {
			for (let position = 0; position < list.length; position++) {
				add(list[position]!, item);
			}
		}
	}

	return groups;
}

function byIdMap<T extends {id: string}>(items: readonly T[]): Map<string, T> {
	const map = new Map<string, T>();
	for (const item of items) {
		map.set(item.id, item);
	}

	return map;
}

/** Puts a dataset in its canonical order, the form `briefing export` prints. */
export function normalizeDataset(dataset: Dataset): Dataset {
	return {
		version: 1,
		sources: sortByDate(dataset.sources, (source) => source.published, byId),
		actors: [...dataset.actors].sort(byId),
		events: sortByDate(dataset.events, (event) => event.date, byId),
		quotes: sortByDate(dataset.quotes, (quote) => quote.date, quoteTie),
	};
}

/** Links a validated dataset. */
export function linkDataset(input: Dataset): LinkedDataset {
	return link(input, false)!;
}

/**
 * Links a dataset whose records passed the schema check, or returns undefined when a rule the
 * schema cannot state is broken (a duplicate id, a reference that does not resolve, a quote not
 * in its evidence): the fast path's question, answered with the maps linking makes anyway.
 */
export function linkIfConsistent(input: Dataset): LinkedDataset | undefined {
	return link(input, true);
}

/** Links a validated dataset whose lists are already in the canonical order (a snapshot's). */
export function linkNormalized(dataset: Dataset): LinkedDataset {
	return link(dataset, false, false)!;
}

function link(input: Dataset, check: boolean, normalize = true): LinkedDataset | undefined {
	// The maps and the checks go through the records in the order they were read, which is the
	// order they are in memory: at a million events, sorted order costs seconds in cache misses.
	const sourceById = byIdMap(input.sources);
	const actorById = byIdMap(input.actors);
	const eventById = byIdMap(input.events);
	const quoteById = byIdMap(input.quotes);
	if (check && !consistent(input, sourceById, actorById, eventById, quoteById)) {
		return undefined;
	}

	const dataset = normalize ? normalizeDataset(input) : input;

	let asOf: string | null = null;
	let asOfDate: EdtfDate | undefined;
	for (const source of dataset.sources) {
		if (source.published !== null) {
			const date = edtf(source.published);
			if (asOfDate === undefined || compareEdtf(date, asOfDate) > 0) {
				asOf = source.published;
				asOfDate = date;
			}
		}
	}

	const eventDate = new Map<string, EdtfDate | null>();
	for (const event of dataset.events) {
		eventDate.set(event.id, event.date === null ? null : edtf(event.date));
	}

	return {
		dataset,
		sources: dataset.sources,
		events: dataset.events,
		actors: dataset.actors,
		quotes: dataset.quotes,
		sourceById,
		actorById,
		eventById,
		quoteById,
		eventDate,
		eventsByActor: group(dataset.events, (event) => event.actors),
		quotesByActor: group(dataset.quotes, (quote) => quote.speaker),
		quotesByEvent: group(dataset.quotes, (quote) => quote.event),
		asOf,
	};
}

function consistent(dataset: Dataset, sources: ReadonlyMap<string, unknown>, actors: ReadonlyMap<string, unknown>, events: ReadonlyMap<string, unknown>, quotes: ReadonlyMap<string, unknown>): boolean {
	if (sources.size !== dataset.sources.length || actors.size !== dataset.actors.length
		|| events.size !== dataset.events.length || quotes.size !== dataset.quotes.length) {
		return false;
	}

	for (const event of dataset.events) {
		for (const actor of event.actors) {
			if (!actors.has(actor)) {
				return false;
			}
		}

		for (const evidence of event.evidence) {
			if (!sources.has(evidence.source)) {
				return false;
			}
		}
	}

	for (const quote of dataset.quotes) {
		if (!actors.has(quote.speaker) || (quote.event !== null && !events.has(quote.event)) || !sources.has(quote.evidence.source)
			|| (quote.text.trim() !== '' && !quoteOccurs(quote.text, quote.evidence.exact))) {
			return false;
		}
	}

	return true;
}

export type DatasetCounts = {sources: number; actors: number; events: number; quotes: number};

export function countDataset(dataset: Dataset): DatasetCounts {
	return {
		sources: dataset.sources.length,
		actors: dataset.actors.length,
		events: dataset.events.length,
		quotes: dataset.quotes.length,
	};
}
