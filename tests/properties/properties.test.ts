import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {edtfPattern, formatEdtf, parseEdtf} from '../../source/core/edtf.js';
import {parseQuery} from '../../source/core/query.js';
import {isTerminalSafe, sanitizeBlock, sanitizeInline} from '../../source/core/sanitize.js';

/** Issue 9 asks for at least a thousand cases per property in CI. */
const runs = {numRuns: 1000};

const unsafe = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/;

// Strings full of what a hostile article carries: escape sequences, controls, bidi and invisible marks.
const hostilePiece = fc.constantFrom(
	'\u001B]0;pwned\u0007', '\u001B]8;;https://evil.example\u001B\\', '\u001B[2J', '\u001B[10;10H', '\u001B[200~', '\u001B[201~',
	'\u009B31m', '\u0085', '\u202E', '\u2066', '\u200B', '\u200D', '\uFEFF', '\u0000', '\u001B', '\u0007', '\r\n', '\t', '\uD800',
);
const hostileString = fc.array(fc.oneof(fc.string({unit: 'grapheme'}), fc.string({unit: 'binary'}), hostilePiece), {maxLength: 12}).map((parts) => parts.join(''));

describe('the sanitizer', () => {
	it('never lets a control character, escape, bidi override or invisible mark through', () => {
		fc.assert(fc.property(hostileString, (text) => {
			expect(sanitizeInline(text)).not.toMatch(unsafe);
			expect(sanitizeInline(text)).not.toMatch(/[\n\r\t]/);
			expect(sanitizeBlock(text).replace(/\n/g, '')).not.toMatch(unsafe);
			expect(isTerminalSafe(sanitizeBlock(text))).toBe(true);
		}), runs);
	});

	it('keeps all printable text as it is', () => {
		const printable = fc.string({unit: 'grapheme', maxLength: 60}).filter((text) => !unsafe.test(text) && !/[\n\r\t\u2028\u2029]/.test(text) && text.isWellFormed());
		fc.assert(fc.property(printable, (text) => {
			expect(sanitizeBlock(text)).toBe(text);
			expect(sanitizeInline(text)).toBe(text.replace(/ {2,}/g, ' ').trim());
		}), runs);
	});
});

describe('EDTF dates', () => {
	const pad = (value: number, width: number): string => String(value).padStart(width, '0');
	const leap = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
	const daysIn = (year: number, month: number): number => (month === 2 ? (leap(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31);
	const qualifier = fc.constantFrom('', '~', '?');
	const year = fc.integer({min: 1, max: 9999});
	const contractForm = fc.oneof(
		fc.tuple(year, qualifier).map(([y, q]) => `${pad(y, 4)}${q}`),
		fc.tuple(year, fc.integer({min: 1, max: 12}), qualifier).map(([y, m, q]) => `${pad(y, 4)}-${pad(m, 2)}${q}`),
		fc.tuple(year, fc.integer({min: 21, max: 24}), qualifier).map(([y, s, q]) => `${pad(y, 4)}-${s}${q}`),
		fc.tuple(year, fc.integer({min: 1, max: 12}), fc.integer({min: 1, max: 31}), qualifier)
			.filter(([y, m, d]) => d <= daysIn(y, m))
			.map(([y, m, d, q]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}${q}`),
	);

	it('accepts every form of the contract and gives back the same string', () => {
		fc.assert(fc.property(contractForm, (text) => {
			const result = parseEdtf(text);
			expect(result.ok).toBe(true);
			if (result.ok) {
				expect(result.date.text).toBe(text);
				expect(result.date.earliest).toBeLessThanOrEqual(result.date.latest);
				expect(formatEdtf(result.date)).not.toBe('');
				// Round trip: the parts put back together are the string.
				const {date} = result;
				const body = date.precision === 'year' ? pad(date.year, 4)
					: date.precision === 'season' ? `${pad(date.year, 4)}-${date.season}`
						: date.precision === 'month' ? `${pad(date.year, 4)}-${pad(date.month!, 2)}`
							: `${pad(date.year, 4)}-${pad(date.month!, 2)}-${pad(date.day!, 2)}`;
				const mark = date.qualifier === 'approximate' ? '~' : date.qualifier === 'uncertain' ? '?' : '';
				expect(`${body}${mark}`).toBe(text);
			}
		}), runs);
	});

	it('accepts nothing else', () => {
		const shape = new RegExp(edtfPattern);
		const anyText = fc.oneof(fc.string({maxLength: 14}), fc.stringMatching(/^\d{4}(-\d{2}(-\d{2})?)?[~?%]?$/));
		fc.assert(fc.property(anyText, (text) => {
			const result = parseEdtf(text);
			if (result.ok) {
				expect(text).toMatch(shape);
				expect(text.startsWith('0000')).toBe(false);
			} else {
				expect(result.reason).toContain(text.slice(0, 10));
			}
		}), runs);
	});
});

describe('the query parser', () => {
	const queryText = fc.array(fc.oneof(
		fc.string({unit: 'grapheme', maxLength: 8}),
		fc.constantFrom('actor:', 'tag:', 'since:', 'until:', 'source:', 'status:', 'type:', 'foo:', '"', ':', '\\', 'since:2025-13', 'until:9999-99', 'type:quote', 'status:sched', 'actor:"Dmitry'),
		hostilePiece,
	), {maxLength: 10}).map((parts) => parts.join(' '));

	it('never throws: whatever it cannot read is an error with a position', () => {
		fc.assert(fc.property(queryText, (text) => {
			const query = parseQuery(text);
			for (const error of query.errors) {
				expect(error.start).toBeGreaterThanOrEqual(0);
				expect(error.end).toBeLessThanOrEqual(text.length);
				expect(error.start).toBeLessThanOrEqual(error.end);
				expect(error.message.length).toBeGreaterThan(0);
			}
		}), runs);
	});
});
