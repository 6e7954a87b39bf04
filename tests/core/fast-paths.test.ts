import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import stringWidth from 'string-width';
import {narrowText, narrowTextLatest} from '../../source/core/narrow.js';
import {fold, foldGeneral, foldWithMap, foldWithMapGeneral} from '../../source/core/text.js';
import {displayWidth, graphemesOf} from '../../source/core/wrap.js';

/** The fast paths are only ever the slow ones, faster: these hold them to it. */

const asciiText = fc.string({unit: fc.constantFrom(...'abcdehkpqswxyzCHKPQSWXYZ \'`-09.,\n\tAaEe'.split(''))});

describe('folding ASCII text on the fast path', () => {
	it('gives the folded text of the general path', () => {
		fc.assert(fc.property(asciiText, (text) => {
			expect(fold(text)).toBe(foldGeneral(text));
		}), {numRuns: 5000});
		fc.assert(fc.property(fc.string(), (text) => {
			expect(fold(text)).toBe(foldGeneral(text));
		}), {numRuns: 2000});
	});

	it('maps each folded character to the same range of the original', () => {
		fc.assert(fc.property(asciiText, (text) => {
			const fast = foldWithMap(text);
			const general = foldWithMapGeneral(text);
			expect({text: fast.text, start: [...fast.start], end: [...fast.end]}).toEqual({text: general.text, start: [...general.start], end: [...general.end]});
		}), {numRuns: 5000});
	});
});

/** string-width 7, which Ink's wrap-ansi uses, where it is installed (the bundle patches both). */
const older = await import('../../node_modules/wrap-ansi/node_modules/string-width/index.js' as string).then((module: {default: (text: string) => number}) => module.default, () => undefined);

describe('one column per character', () => {
	it('is what string-width says of every character in the set', () => {
		for (let code = 0; code < 0x3000; code++) {
			const character = String.fromCharCode(code);
			if (narrowTextLatest.test(character)) {
				expect(stringWidth(character), `U+${code.toString(16)}`).toBe(1);
			}

			if (older && narrowText.test(character)) {
				expect(older(character), `U+${code.toString(16)} in string-width 7`).toBe(1);
			}
		}
	});

	it('makes width length and characters graphemes, as string-width and Intl.Segmenter would', () => {
		const narrow = fc.string({unit: fc.constantFrom(...'aZ09 -–—“”‘’«»…•›×é ЖжЇї€─│█░←↓▶'.split(''))});
		const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});
		fc.assert(fc.property(narrow, (text) => {
			expect(displayWidth(text)).toBe(stringWidth(text));
			expect([...graphemesOf(text)]).toEqual([...segmenter.segment(text)].map(({segment}) => segment));
		}), {numRuns: 2000});
	});

	it('leaves wide and combining text to string-width', () => {
		for (const text of ['日本', 'e\u0301', '👍🏽', 'a\u200Bb', '©️']) {
			expect(displayWidth(text)).toBe(stringWidth(text));
		}
	});
});
