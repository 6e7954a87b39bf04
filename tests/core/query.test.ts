import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {describeSpan, hasFilters, isEmptyQuery, parseQuery} from '../../source/core/query.js';

const noFilters = {actors: [], tags: [], sources: [], since: null, until: null, statuses: [], types: []};

describe('parseQuery: free text', () => {
	it('splits words, with their positions', () => {
		const query = parseQuery('  paris  talks');
		expect(query.terms).toEqual([
			{text: 'paris', phrase: false, start: 2, end: 7},
			{text: 'talks', phrase: false, start: 9, end: 14},
		]);
		expect(query.filters).toEqual(noFilters);
		expect(query.errors).toEqual([]);
	});

	it('reads a quoted phrase as one term, and an unclosed quote as running to the end', () => {
		expect(parseQuery('"coalition of the willing" uk').terms).toEqual([
			{text: 'coalition of the willing', phrase: true, start: 0, end: 26},
			{text: 'uk', phrase: false, start: 27, end: 29},
		]);
		expect(parseQuery('macron "paris tal').terms[1]).toEqual({text: 'paris tal', phrase: true, start: 7, end: 17});
	});

	it('takes a word ending in a colon as text, not as a filter', () => {
		expect(parseQuery('Ukraine: talks')).toMatchObject({terms: [{text: 'Ukraine'}, {text: 'talks'}], errors: []});
	});

	it('says when a query is empty', () => {
		expect(isEmptyQuery(parseQuery('   '))).toBe(true);
		expect(isEmptyQuery(parseQuery('macron'))).toBe(false);
		expect(isEmptyQuery(parseQuery('type:quote'))).toBe(false);
		expect(hasFilters(parseQuery('macron'))).toBe(false);
		expect(hasFilters(parseQuery('macron tag:call'))).toBe(true);
	});
});

describe('parseQuery: filters', () => {
	it('reads every filter, combined with free text', () => {
		const query = parseQuery('macron actor:peskov tag:ceasefire since:2025-01 until:2025-04-17 source:unn status:scheduled type:quote');
		expect(query.errors).toEqual([]);
		expect(query.terms.map((term) => term.text)).toEqual(['macron']);
		expect(query.filters.actors).toEqual([{value: 'peskov', start: 7, end: 19}]);
		expect(query.filters.tags.map((tag) => tag.value)).toEqual(['ceasefire']);
		expect(query.filters.sources.map((source) => source.value)).toEqual(['unn']);
		expect(query.filters.since?.date.text).toBe('2025-01');
		expect(query.filters.until?.date.text).toBe('2025-04-17');
		expect(query.filters.statuses).toEqual(['scheduled']);
		expect(query.filters.types).toEqual(['quote']);
	});

	it('takes a quoted value with spaces', () => {
		const query = parseQuery('actor:"Dmitry Peskov" source:"Kyiv Independent" war');
		expect(query.filters.actors).toEqual([{value: 'Dmitry Peskov', start: 0, end: 21}]);
		expect(query.filters.sources[0]?.value).toBe('Kyiv Independent');
		expect(query.terms.map((term) => term.text)).toEqual(['war']);
	});

	it('reads keys in any case, kinds in the plural, lists and unique prefixes', () => {
		const query = parseQuery('TYPE:Events,quotes Status:sched,post');
		expect(query.errors).toEqual([]);
		expect(query.filters.types).toEqual(['event', 'quote']);
		expect(query.filters.statuses).toEqual(['scheduled', 'postponed']);
	});

	it('keeps every actor:, tag: and source: filter', () => {
		const query = parseQuery('actor:macron actor:zelensky tag:call tag:meeting');
		expect(query.filters.actors.map((actor) => actor.value)).toEqual(['macron', 'zelensky']);
		expect(query.filters.tags.map((tag) => tag.value)).toEqual(['call', 'meeting']);
	});

	it('accepts seasons and qualified dates', () => {
		const query = parseQuery('since:2022-22 until:2025-04~');
		expect(query.errors).toEqual([]);
		expect(query.filters.since?.date.precision).toBe('season');
		expect(query.filters.until?.date.qualifier).toBe('approximate');
	});
});

describe('parseQuery: errors', () => {
	it.each([
		['foo:bar macron', {start: 0, end: 4, message: 'unknown filter "foo:"; filters are actor, tag, since, until, source, status, type'}],
		['macron actor:', {start: 7, end: 13, message: 'actor: needs a value, as in actor:peskov'}],
		['since:2025-13', {start: 6, end: 13, message: 'since: "2025-13" has month 13; months run 01-12 and seasons 21-24'}],
		['until:yesterday', {start: 6, end: 15, message: 'until: "yesterday" is not an EDTF date (use YYYY, YYYY-MM, YYYY-MM-DD or a season YYYY-21 (spring) to YYYY-24 (winter), optionally ending in ~ or ?)'}],
		['since:2025-02-30', {start: 6, end: 16, message: 'since: "2025-02-30" is not a day of the calendar: Feb 2025 has 28 days'}],
		['status:done', {start: 7, end: 11, message: 'status: "done" is not a status; use occurred, scheduled, cancelled or postponed'}],
		['type:person', {start: 5, end: 11, message: 'type: "person" is not a kind of result; use event, actor or quote'}],
		['since:2025 since:2024', {start: 11, end: 21, message: 'since: is given twice; keep one'}],
		['since:2025-05 until:2025-04', {start: 0, end: 27, message: 'since: 2025-05 is after until: 2025-04, so nothing can match; swap them'}],
	])('reports %j', (text, error) => {
		expect(parseQuery(text).errors).toEqual([error]);
	});

	it('reports every error, in order, and keeps the rest of the query', () => {
		const query = parseQuery('status:done macron since:2025-13 bogus:x');
		expect(query.errors.map((error) => error.start)).toEqual([7, 25, 33]);
		expect(query.terms.map((term) => term.text)).toEqual(['macron']);
		expect(query.filters.since).toBeNull();
	});

	it('names the columns of an error', () => {
		expect(describeSpan({start: 0, end: 4})).toBe('columns 1-4');
		expect(describeSpan({start: 6, end: 7})).toBe('column 7');
	});

	it('never throws, and its spans stay inside the query', () => {
		const pieces = fc.constantFrom('actor:', 'tag:', 'since:', 'until:', 'source:', 'status:', 'type:', 'foo:', '"', ' ', ',', '2025-13', '2025', 'макрон', 'x');
		fc.assert(fc.property(fc.array(fc.oneof(pieces, fc.string()), {maxLength: 12}), (parts) => {
			const text = parts.join('');
			const query = parseQuery(text);
			for (const span of [...query.errors, ...query.terms, ...query.filters.actors]) {
				expect(span.start).toBeGreaterThanOrEqual(0);
				expect(span.end).toBeLessThanOrEqual(text.length);
				expect(span.start).toBeLessThanOrEqual(span.end);
			}
		}));
	});
});
