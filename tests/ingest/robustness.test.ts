import {readFileSync} from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {normalizeForMatch, validateDataset} from '../../source/core/dataset.js';
import type {Dataset} from '../../source/core/schema.js';
import {ingestArticle, makeContext, mergeIntoDataset} from '../../source/ingest/index.js';
import {fixtures} from '../helpers/cli.js';

// Whatever the text, ingest gives a valid dataset whose every citation stands at its offsets.

const words = [
	'President', 'Volodymyr', 'Zelensky', 'said', 'told', 'reporters', 'met', 'will', 'meet', 'on', 'Thursday', 'Jan.', '13',
	'Dec.', '18', '2024', 'in', 'Paris', 'Kyiv', 'the', 'Ukrainian', 'leader', 'he', '"', '“', '”', '«', '»', '-', '—', ',', '.',
	'?', '\n', '\n\n', 'Photo:', 'News Feed', 'by', 'Macron', "'s", 'office', 'According', 'to', '(L)', '@handle', 'summer', 'of',
	'2022', 'last', 'month', 'next', 'strike', 'killed', '12', 'people', 'Зеленський', 'Kryvyi', 'Rih', '...', '…', '---', '#',
	'date', '2025-04-17', 'title:', 'source:', 'https://example.test/a', '\r\n', '\t', '\u00A0', '\uFEFF', '\u202E', '😀',
];

function check(text: string): void {
	const empty: Dataset = {version: 1, sources: [], actors: [], events: [], quotes: []};
	const context = makeContext(empty);
	const result = ingestArticle(text, 'random.txt', context);
	const {dataset} = mergeIntoDataset(empty, [result], undefined, context.lexicon);
	const valid = validateDataset(dataset, 'random');
	expect(valid.ok ? [] : valid.problems).toEqual([]);
	const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
	for (const evidence of [...dataset.events.flatMap((event) => event.evidence), ...dataset.quotes.map((quote) => quote.evidence)]) {
		expect(body.slice(evidence.start, evidence.end)).toBe(evidence.exact);
	}

	for (const quote of dataset.quotes) {
		expect(normalizeForMatch(quote.evidence.exact)).toContain(normalizeForMatch(quote.text));
	}
}

describe('ingest on any text', () => {
	it('gives a valid dataset for text made of news words and punctuation', () => {
		fc.assert(fc.property(fc.array(fc.constantFrom(...words), {maxLength: 120}).map((parts) => parts.join(' ')), check), {numRuns: 300});
	});

	it('gives a valid dataset for arbitrary strings', () => {
		fc.assert(fc.property(fc.string({maxLength: 400, unit: 'binary'}), check), {numRuns: 200});
	});

	it('reads an article with Windows line ends like the same article with Unix ones', () => {
		const text = readFileSync(path.join(fixtures, 'articles', 'a-chisinau-summit.txt'), 'utf8');
		const context = makeContext(null);
		const unix = ingestArticle(text, 'a.txt', context);
		const windows = ingestArticle(text.replace(/\n/g, '\r\n'), 'a.txt', context);
		expect(windows.quotes.map((quote) => quote.text)).toEqual(unix.quotes.map((quote) => quote.text));
		expect(windows.events.map((event) => event.date)).toEqual(unix.events.map((event) => event.date));
		check(text.replace(/\n/g, '\r\n'));
	});

	it('reads a long article in reasonable time', () => {
		const text = readFileSync(path.join(fixtures, 'articles', 'a-chisinau-summit.txt'), 'utf8').repeat(100);
		const started = performance.now();
		check(text);
		expect(performance.now() - started).toBeLessThan(10_000);
	});
});
