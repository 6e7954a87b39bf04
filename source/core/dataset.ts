import {type ParseError, parse as parseJsonc, printParseErrorCode} from 'jsonc-parser';
import type {z} from 'zod';
import {compareDateText, compareEdtf, edtf, type EdtfDate} from './edtf.js';
import {
	type Actor, type Dataset, DatasetSchema, type Event, type Quote, type Source,
} from './schema.js';

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

/** Parses JSON text, reporting a syntax error by line and column. A UTF-8 byte-order mark is allowed. */
export function parseJsonText(text: string, file: string): Result<unknown> {
	const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
	if (body.trim() === '') {
		return {ok: false, problems: [{file, path: '', message: 'the file is empty; a dataset is a JSON object with version, sources, actors, events and quotes'}]};
	}

	try {
		return {ok: true, value: JSON.parse(body) as unknown};
	} catch {
		// JSON.parse names no position for many errors on Node 20; jsonc-parser locates the first one.
		const errors: ParseError[] = [];
		parseJsonc(body, errors, {allowTrailingComma: false, disallowComments: true});
		const first = errors[0];
		const offset = first?.offset ?? body.length;
		const {line, column} = lineAndColumn(body, offset);
		const reason = first ? (jsonErrorReasons[printParseErrorCode(first.error)] ?? printParseErrorCode(first.error)) : 'not valid JSON';
		return {ok: false, problems: [{file, path: `line ${line}, column ${column}`, message: `invalid JSON: ${reason}`}]};
	}
}

const jsonErrorReasons: Record<string, string> = {
	InvalidSymbol: 'unexpected character',
	InvalidNumberFormat: 'malformed number',
	PropertyNameExpected: 'expected a property name in double quotes (a trailing comma?)',
	ValueExpected: 'expected a value (a stray or trailing comma?)',
	ColonExpected: 'expected a colon after the property name',
	CommaExpected: 'expected a comma between items',
	CloseBraceExpected: 'expected } to close the object (the document ends too early?)',
	CloseBracketExpected: 'expected ] to close the array (the document ends too early?)',
	EndOfFileExpected: 'unexpected text after the end of the document',
	InvalidCommentToken: 'comments are not allowed in JSON',
	UnexpectedEndOfComment: 'comments are not allowed in JSON',
	UnexpectedEndOfString: 'a string is not closed',
	UnexpectedEndOfNumber: 'a number is cut off',
	InvalidUnicode: 'malformed \\u escape',
	InvalidEscapeCharacter: 'invalid escape in a string',
	InvalidCharacter: 'a control character inside a string must be escaped',
};

function describeValue(value: unknown): string {
	if (value === null) {
		return 'null';
	}

	if (Array.isArray(value)) {
		return 'an array';
	}

	if (typeof value === 'string') {
		const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
		return `the string ${JSON.stringify(shown)}`;
	}

	if (typeof value === 'object') {
		return 'an object';
	}

	return `${typeof value} ${String(value)}`;
}

const expectedNames: Record<string, string> = {
	string: 'a string',
	number: 'a number',
	int: 'a whole number',
	boolean: 'true or false',
	array: 'an array',
	object: 'an object',
};

// zod's default messages name its internals ("expected int, received number"); these name the fix.
const errorMap: z.core.$ZodErrorMap = (issue) => {
	switch (issue.code) {
		case 'invalid_type': {
			const expected = expectedNames[issue.expected] ?? issue.expected;
			if (issue.input === undefined) {
				return `is missing: add it (${expected})`;
			}

			return `must be ${expected}, not ${describeValue(issue.input)}`;
		}

		case 'invalid_value': {
			const options = issue.values.map((value) => JSON.stringify(value)).join(', ');
			if (issue.input === undefined) {
				return `is missing: add it (${issue.values.length === 1 ? options : `one of ${options}`})`;
			}

			return issue.values.length === 1
				? `must be ${options}, not ${describeValue(issue.input)}`
				: `must be one of ${options}, not ${describeValue(issue.input)}`;
		}

		case 'too_small': {
			return issue.origin === 'string' ? 'must not be empty' : `must be at least ${String(issue.minimum)}`;
		}

		default: {
			return undefined;
		}
	}
};

function schemaProblems(value: unknown, file: string): {problems: Problem[]; dataset: Dataset | undefined} {
	const result = DatasetSchema.safeParse(value, {error: errorMap});
	if (result.success) {
		return {problems: [], dataset: result.data};
	}

	const problems: Problem[] = [];
	for (const issue of result.error.issues) {
		if (issue.code === 'unrecognized_keys') {
			for (const key of issue.keys) {
				problems.push({file, path: jsonPath([...issue.path, key]), message: `unknown field "${key}": remove it or check its spelling`});
			}
		} else {
			problems.push({file, path: jsonPath(issue.path), message: issue.message});
		}
	}

	return {problems, dataset: undefined};
}

type Loose = Record<string, unknown>;

function records(root: unknown, key: string): Loose[] {
	const list = typeof root === 'object' && root !== null ? (root as Loose)[key] : undefined;
	return Array.isArray(list) ? list.map((item) => (typeof item === 'object' && item !== null ? item as Loose : {})) : [];
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

/**
 * The rules the schema cannot state: unique ids, references that resolve, quotes found in their
 * evidence. Works on unvalidated input so that one run reports every problem.
 */
function referenceProblems(root: unknown, file: string): Problem[] {
	const problems: Problem[] = [];
	const ids = (key: string): Map<string, number> => {
		const seen = new Map<string, number>();
		for (const [index, record] of records(root, key).entries()) {
			if (typeof record.id !== 'string') {
				continue;
			}

			const first = seen.get(record.id);
			if (first === undefined) {
				seen.set(record.id, index);
			} else {
				problems.push({file, path: `${key}[${index}].id`, message: `duplicate id "${record.id}", already used by ${key}[${first}]: give each record its own id`});
			}
		}

		return seen;
	};

	const sources = ids('sources');
	const actors = ids('actors');
	const events = ids('events');
	ids('quotes');

	const check = (value: unknown, known: Map<string, number>, path: string, kind: string, list: string): void => {
		if (typeof value === 'string' && !known.has(value)) {
			problems.push({file, path, message: `no ${kind} has the id "${value}": add it to ${list} or correct the reference`});
		}
	};

	const checkEvidence = (evidence: unknown, path: string): void => {
		if (typeof evidence === 'object' && evidence !== null) {
			check((evidence as Loose).source, sources, `${path}.source`, 'source', 'sources');
		}
	};

	for (const [index, event] of records(root, 'events').entries()) {
		if (Array.isArray(event.actors)) {
			for (const [position, actor] of event.actors.entries()) {
				check(actor, actors, `events[${index}].actors[${position}]`, 'actor', 'actors');
			}
		}

		if (Array.isArray(event.evidence)) {
			for (const [position, evidence] of event.evidence.entries()) {
				checkEvidence(evidence, `events[${index}].evidence[${position}]`);
			}
		}
	}

	for (const [index, quote] of records(root, 'quotes').entries()) {
		check(quote.speaker, actors, `quotes[${index}].speaker`, 'actor', 'actors');
		check(quote.event, events, `quotes[${index}].event`, 'event', 'events');
		checkEvidence(quote.evidence, `quotes[${index}].evidence`);
		const exact = typeof quote.evidence === 'object' && quote.evidence !== null ? (quote.evidence as Loose).exact : undefined;
		if (typeof quote.text === 'string' && typeof exact === 'string' && quote.text.trim() !== ''
			&& !normalizeForMatch(exact).includes(normalizeForMatch(quote.text))) {
			problems.push({file, path: `quotes[${index}].text`, message: 'does not occur in its evidence sentence (evidence.exact): a quote must be verbatim'});
		}
	}

	return problems;
}

/** Validates a parsed JSON value against the contract, reporting every problem at once. */
export function validateDataset(value: unknown, file: string): Result<Dataset> {
	const {problems, dataset} = schemaProblems(value, file);
	problems.push(...referenceProblems(value, file));
	if (problems.length > 0 || dataset === undefined) {
		return {ok: false, problems};
	}

	return {ok: true, value: dataset};
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

export function compareEvents(a: Event, b: Event): number {
	return compareDateText(a.date, b.date) || byId(a, b);
}

export function compareQuotes(a: Quote, b: Quote): number {
	return compareDateText(a.date, b.date) || a.evidence.source.localeCompare(b.evidence.source) || a.evidence.start - b.evidence.start || byId(a, b);
}

function group<T>(items: readonly T[], keys: (item: T) => Iterable<string | null>): Map<string, T[]> {
	const groups = new Map<string, T[]>();
	for (const item of items) {
		for (const key of new Set(keys(item))) {
			if (key === null) {
				continue;
			}

			const list = groups.get(key);
			if (list) {
				list.push(item);
			} else {
				groups.set(key, [item]);
			}
		}
	}

	return groups;
}

/** Puts a dataset in its canonical order, the form `briefing export` prints. */
export function normalizeDataset(dataset: Dataset): Dataset {
	return {
		version: 1,
		sources: [...dataset.sources].sort((a, b) => compareDateText(a.published, b.published) || byId(a, b)),
		actors: [...dataset.actors].sort(byId),
		events: [...dataset.events].sort(compareEvents),
		quotes: [...dataset.quotes].sort(compareQuotes),
	};
}

/** Links a validated dataset. */
export function linkDataset(input: Dataset): LinkedDataset {
	const dataset = normalizeDataset(input);
	let asOf: string | null = null;
	for (const source of dataset.sources) {
		if (source.published !== null && (asOf === null || compareEdtf(edtf(source.published), edtf(asOf)) > 0)) {
			asOf = source.published;
		}
	}

	return {
		dataset,
		sources: dataset.sources,
		events: dataset.events,
		actors: dataset.actors,
		quotes: dataset.quotes,
		sourceById: new Map(dataset.sources.map((source) => [source.id, source])),
		actorById: new Map(dataset.actors.map((actor) => [actor.id, actor])),
		eventById: new Map(dataset.events.map((event) => [event.id, event])),
		quoteById: new Map(dataset.quotes.map((quote) => [quote.id, quote])),
		eventDate: new Map(dataset.events.map((event) => [event.id, event.date === null ? null : edtf(event.date)])),
		eventsByActor: group(dataset.events, (event) => event.actors),
		quotesByActor: group(dataset.quotes, (quote) => [quote.speaker]),
		quotesByEvent: group(dataset.quotes, (quote) => [quote.event]),
		asOf,
	};
}

/** Parses, validates and links JSON text in one step. */
export function loadDatasetText(text: string, file: string): Result<LinkedDataset> {
	const parsed = parseJsonText(text, file);
	if (!parsed.ok) {
		return parsed;
	}

	const validated = validateDataset(parsed.value, file);
	return validated.ok ? {ok: true, value: linkDataset(validated.value)} : validated;
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
