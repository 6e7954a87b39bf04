import {type EdtfDate, parseEdtf} from './edtf.js';
import {eventStatuses} from './contract.js';
import type {EventStatus} from './schema.js';

/**
 * The one query language of the dashboard's search line, `briefing search` and
 * `briefing print --query`: free words in any order (all must match), `"quoted phrases"`, and
 * filters `key:value` (a value with spaces goes in quotes: `actor:"Dmitry Peskov"`).
 *
 * Parsing never throws: whatever cannot be understood is reported in `errors` with its position,
 * for the search line to underline, and left out of the parsed query.
 */

export type ResultKind = 'event' | 'actor' | 'quote';
export const resultKinds: readonly ResultKind[] = ['event', 'actor', 'quote'];

/** A range of the query text, `end` exclusive, in UTF-16 code units. */
export type Span = {readonly start: number; readonly end: number};

export type QueryError = Span & {readonly message: string};

/** A free word, or a phrase in double quotes (matched as consecutive words). */
export type QueryTerm = Span & {readonly text: string; readonly phrase: boolean};

/** The value of an `actor:`, `tag:` or `source:` filter, without its quotes. */
export type FilterValue = Span & {readonly value: string};

export type DateFilter = Span & {readonly date: EdtfDate};

export type QueryFilters = {
	/** Each must match: an event involves every named actor; a quote's speaker or an actor is one of them. */
	readonly actors: readonly FilterValue[];
	/** Events only; each must match one of the event's tags. */
	readonly tags: readonly FilterValue[];
	/** Events and quotes with evidence from a matching source; any of them. */
	readonly sources: readonly FilterValue[];
	/** The item's latest possible day is on or after the earliest day of this date. */
	readonly since: DateFilter | null;
	/** The item's earliest possible day is on or before the latest day of this date. */
	readonly until: DateFilter | null;
	/** Events only; any of them. */
	readonly statuses: readonly EventStatus[];
	/** Any of them; empty means every kind. */
	readonly types: readonly ResultKind[];
};

export type ParsedQuery = {
	/** The query as typed. */
	readonly text: string;
	readonly terms: readonly QueryTerm[];
	readonly filters: QueryFilters;
	readonly errors: readonly QueryError[];
};

export const filterKeys = ['actor', 'tag', 'since', 'until', 'source', 'status', 'type'] as const;
export type FilterKey = (typeof filterKeys)[number];

const filterExamples: Record<FilterKey, string> = {
	actor: 'actor:peskov',
	tag: 'tag:ceasefire',
	since: 'since:2025-01',
	until: 'until:2025-04-17',
	source: 'source:reuters',
	status: 'status:scheduled',
	type: 'type:quote',
};

const kindNames: Record<string, ResultKind> = {
	event: 'event', events: 'event', actor: 'actor', actors: 'actor', quote: 'quote', quotes: 'quote',
};

/** True when the query asks for nothing: no words and no filters. */
export function isEmptyQuery(query: ParsedQuery): boolean {
	const {filters} = query;
	return query.terms.length === 0 && filters.actors.length === 0 && filters.tags.length === 0
		&& filters.sources.length === 0 && filters.since === null && filters.until === null
		&& filters.statuses.length === 0 && filters.types.length === 0;
}

/** True when the query has filters but no words. */
export function hasFilters(query: ParsedQuery): boolean {
	return !isEmptyQuery({...query, terms: []});
}

type Token = {
	/** Raw text of the token as typed. */
	raw: string;
	start: number;
	end: number;
	/** Set when the token is `key:value`. */
	key: string | null;
	keyEnd: number;
	/** The value (filter) or the text (word or phrase), quotes removed. */
	value: string;
	valueStart: number;
	valueEnd: number;
	quoted: boolean;
};

const isSpace = (character: string | undefined): boolean => character !== undefined && /\s/.test(character);
const keyPattern = /^([A-Za-z][A-Za-z_-]*):/;

function tokenize(text: string): Token[] {
	const tokens: Token[] = [];
	let index = 0;
	while (index < text.length) {
		if (isSpace(text[index])) {
			index++;
			continue;
		}

		const start = index;
		// A phrase.
		if (text[index] === '"') {
			const close = text.indexOf('"', index + 1);
			const end = close === -1 ? text.length : close + 1;
			const valueEnd = close === -1 ? text.length : close;
			tokens.push({
				raw: text.slice(start, end), start, end, key: null, keyEnd: start,
				value: text.slice(start + 1, valueEnd), valueStart: start + 1, valueEnd, quoted: true,
			});
			index = end;
			continue;
		}

		const keyMatch = keyPattern.exec(text.slice(index, index + 40));
		if (keyMatch) {
			const keyEnd = index + keyMatch[0].length;
			let end = keyEnd;
			let valueStart = keyEnd;
			let valueEnd: number;
			let quoted = false;
			if (text[keyEnd] === '"') {
				quoted = true;
				valueStart = keyEnd + 1;
				const close = text.indexOf('"', valueStart);
				valueEnd = close === -1 ? text.length : close;
				end = close === -1 ? text.length : close + 1;
			} else {
				while (end < text.length && !isSpace(text[end])) {
					end++;
				}

				valueEnd = end;
			}

			tokens.push({
				raw: text.slice(start, end), start, end, key: keyMatch[1]!.toLowerCase(), keyEnd,
				value: text.slice(valueStart, valueEnd), valueStart, valueEnd, quoted,
			});
			index = end;
			continue;
		}

		while (index < text.length && !isSpace(text[index]) && text[index] !== '"') {
			index++;
		}

		tokens.push({
			raw: text.slice(start, index), start, end: index, key: null, keyEnd: start,
			value: text.slice(start, index), valueStart: start, valueEnd: index, quoted: false,
		});
	}

	return tokens;
}

/** Matches a value against a closed list: exactly, or by a prefix only one entry has. */
function choose<T extends string>(value: string, options: Record<string, T>): T | undefined {
	const lower = value.toLowerCase();
	if (options[lower] !== undefined) {
		return options[lower];
	}

	const found = new Set(Object.entries(options).filter(([name]) => name.startsWith(lower)).map(([, option]) => option));
	return found.size === 1 && lower !== '' ? [...found][0] : undefined;
}

function listText(values: readonly string[]): string {
	return values.length <= 1 ? values.join('') : `${values.slice(0, -1).join(', ')} or ${values.at(-1)!}`;
}

/** Parses a query. Never throws. */
export function parseQuery(text: string): ParsedQuery {
	const terms: QueryTerm[] = [];
	const errors: QueryError[] = [];
	const actors: FilterValue[] = [];
	const tags: FilterValue[] = [];
	const sources: FilterValue[] = [];
	const statuses: EventStatus[] = [];
	const types: ResultKind[] = [];
	let since: DateFilter | null = null;
	let until: DateFilter | null = null;

	const fail = (token: Token, message: string, start = token.start, end = token.end): void => {
		errors.push({start, end, message});
	};

	for (const token of tokenize(text)) {
		if (token.key === null) {
			const value = token.value.trim();
			if (value !== '') {
				terms.push({text: value, phrase: token.quoted, start: token.start, end: token.end});
			}

			continue;
		}

		const key = token.key as FilterKey;
		if (!filterKeys.includes(key) && token.value.trim() === '' && !token.quoted) {
			// `Ukraine: talks` is text with a colon, not a filter.
			terms.push({text: token.raw.slice(0, -1), phrase: false, start: token.start, end: token.end});
			continue;
		}

		if (!filterKeys.includes(key)) {
			fail(token, `unknown filter "${token.key}:"; filters are ${filterKeys.join(', ')}`, token.start, token.keyEnd);
			continue;
		}

		const value = token.value.trim();
		if (value === '') {
			fail(token, `${key}: needs a value, as in ${filterExamples[key]}`);
			continue;
		}

		const filterValue: FilterValue = {value, start: token.start, end: token.end};
		switch (key) {
			case 'actor': {
				actors.push(filterValue);
				break;
			}

			case 'tag': {
				tags.push(filterValue);
				break;
			}

			case 'source': {
				sources.push(filterValue);
				break;
			}

			case 'since':
			case 'until': {
				const parsed = parseEdtf(value);
				if (!parsed.ok) {
					fail(token, `${key}: ${parsed.reason}`, token.valueStart, token.valueEnd);
					break;
				}

				if ((key === 'since' ? since : until) !== null) {
					fail(token, `${key}: is given twice; keep one`);
					break;
				}

				const filter = {date: parsed.date, start: token.start, end: token.end};
				if (key === 'since') {
					since = filter;
				} else {
					until = filter;
				}

				break;
			}

			case 'status': {
				const options = Object.fromEntries(eventStatuses.map((status) => [status, status])) as Record<string, EventStatus>;
				for (const part of value.split(',')) {
					const status = choose(part.trim(), options);
					if (status === undefined) {
						fail(token, `status: "${part.trim()}" is not a status; use ${listText(eventStatuses)}`, token.valueStart, token.valueEnd);
					} else if (!statuses.includes(status)) {
						statuses.push(status);
					}
				}

				break;
			}

			case 'type': {
				for (const part of value.split(',')) {
					const kind = choose(part.trim(), kindNames);
					if (kind === undefined) {
						fail(token, `type: "${part.trim()}" is not a kind of result; use ${listText(resultKinds)}`, token.valueStart, token.valueEnd);
					} else if (!types.includes(kind)) {
						types.push(kind);
					}
				}

				break;
			}
		}
	}

	if (since !== null && until !== null && (since as DateFilter).date.earliest > (until as DateFilter).date.latest) {
		const first = since as DateFilter;
		const last = until as DateFilter;
		errors.push({
			start: Math.min(first.start, last.start),
			end: Math.max(first.end, last.end),
			message: `since: ${first.date.text} is after until: ${last.date.text}, so nothing can match; swap them`,
		});
	}

	errors.sort((a, b) => a.start - b.start || a.end - b.end);
	return {text, terms, filters: {actors, tags, sources, since, until, statuses, types}, errors};
}

/** `column 5` or `columns 5-9` (1-based, inclusive), for messages about a query. */
export function describeSpan(span: Span): string {
	const first = span.start + 1;
	const last = Math.max(first, span.end);
	return first === last ? `column ${first}` : `columns ${first}-${last}`;
}
