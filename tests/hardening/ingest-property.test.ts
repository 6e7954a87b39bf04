import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {normalizeForMatch} from '../../source/core/linked.js';
import {ingestArticle, makeContext, mergeIntoDataset} from '../../source/ingest/index.js';

/** Issue 9 asks for at least a thousand cases per property in CI. */
const runs = {numRuns: 1000};

// What an article's prose is made of, and what breaks quote and sentence finding.
const piece = fc.oneof(
	{weight: 3, arbitrary: fc.string({maxLength: 20})},
	{weight: 1, arbitrary: fc.string({unit: 'grapheme', maxLength: 12})},
	{weight: 1, arbitrary: fc.string({unit: 'binary', maxLength: 6})},
	{weight: 6, arbitrary: fc.constantFrom(
		'“', '”', '„', '«', '»', '‹', '›', '"', '\'', '‘', '’', '`', '—', '–', ' - ', '…', '...',
		'\n', '\n\n', '\r\n', ' ', '. ', '? ', '! ', ': ',
		' said', ' he said', ' she said.', ' said on Tuesday', ', according to', ' told reporters', ' — ',
		'President Maia Sandu', 'Mr Smith', 'the minister', 'Zelenskyy', 'Moldova', 'Kyiv', 'on 12 March', 'in 2024', 'last week', 'Monday',
		'Владимир Путин', 'сказал', 'Київ', '東京', 'مرحبا', '🙂', '\u0301',
		'\u001B[2J', '\u001B]0;pwned\u0007', '\u202E', '\u200B', '\uFEFF', '\u0000', '\uD800', '\t',
		'# ', '> ', '* ', 'Title: ', 'Published: 2025-03-01\n', 'By Jane Doe\n', 'Photo: ',
	)},
);
const article = fc.array(piece, {maxLength: 40}).map((parts) => parts.join(''));

// A few sentences built to produce quotes and events, to exercise the offsets on real findings.
const sentence = fc.tuple(
	fc.constantFrom('President Maia Sandu', 'Foreign minister Jane Doe', 'He', 'Mr Smith', 'The ministry'),
	fc.constantFrom(' said', ' told reporters', ' met', ' announced', ' signed'),
	fc.constantFrom(' “We will stay.”', ' "This is a start," ', ' «Нет».', ' the deal on 4 May 2024', ' in Brussels on Monday', ' ‘a partial quote’ and'),
	fc.constantFrom('.', '', ' he said.', '\n\n', ' “Never closes'),
).map((parts) => parts.join(''));
const prose = fc.array(fc.oneof(sentence, piece), {minLength: 1, maxLength: 20}).map((parts) => `Published: 2025-03-01\n\n${parts.join(' ')}`);

const context = makeContext(null, {places: ['Brussels', 'Kyiv'], givenNames: ['Maia', 'Jane']});

function check(input: string): number {
	const result = ingestArticle(input, 'property.txt', context);
	const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
	for (const quote of result.quotes) {
		const {start, end, exact} = quote.evidence;
		expect(start).toBeGreaterThanOrEqual(0);
		expect(end).toBeLessThanOrEqual(text.length);
		expect(exact).toBe(text.slice(start, end));
		expect(normalizeForMatch(exact)).toContain(normalizeForMatch(quote.text));
	}

	for (const event of result.events) {
		const {start, end, exact} = event.evidence;
		expect(start).toBeGreaterThanOrEqual(0);
		expect(end).toBeLessThanOrEqual(text.length);
		expect(exact).toBe(text.slice(start, end));
	}

	// The merge of what it found does not throw either.
	mergeIntoDataset({version: 1, sources: [], actors: [], events: [], quotes: []}, [result]);
	return result.quotes.length;
}

describe('ingest on arbitrary text', () => {
	it('never throws, and every quote and event is at its offsets, verbatim', () => {
		fc.assert(fc.property(article, (input) => {
			check(input);
		}), runs);
	});

	it('the same on prose built to hold quotes and events', () => {
		let found = 0;
		fc.assert(fc.property(prose, (input) => {
			found += check(input);
		}), runs);
		expect(found).toBeGreaterThan(0);
	});
});
