import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {
	editDistance, fold, foldedWords, foldWithMap, originalRange, prefixEditDistance, stem, transliterate, typoBudget,
} from '../../source/core/text.js';

describe('fold', () => {
	it.each([
		['Zelensky', ['Zelenskyy', 'zelenski', 'zelenskyi', 'Zelenskiy', 'ZELENSKY', 'Зеленський', 'Зеленский']],
		['Macron', ['macron', 'Makron', 'Макрон']],
		['Yermak', ['yermack', 'Yermak', 'Єрмак', 'Ермак']],
		['Witkoff', ['Witkoff', 'Віткофф', 'witkof']],
		['Volodymyr', ['Volodimir', 'Володимир']],
		['Peskov', ['Песков', 'peskov']],
		['Kyiv', ['Київ', 'kyiv']],
		['Kharkiv', ['Харків']],
		['Zhytomyr', ['Житомир', 'Zytomyr']],
		['Élysée', ['Elysee', 'elysee', 'ÉLYSÉE']],
		['Łódź', ['Lodz']],
		['Straße', ['Strasse']],
		['Jean-Noël', ['Jean Noel', 'jean-noel']],
	])('folds the spellings of %s to one key', (name, spellings) => {
		for (const spelling of spellings) {
			expect(fold(spelling), spelling).toBe(fold(name));
		}
	});

	it('keeps spellings apart that are different words', () => {
		expect(fold('Zelenska')).not.toBe(fold('Zelensky'));
		expect(fold('Paris')).not.toBe(fold('Peskov'));
		expect(fold('2024')).not.toBe(fold('2025'));
	});

	it('reads г as Ukrainian h in Ukrainian words and as Russian g otherwise', () => {
		expect(fold('Сергій')).toBe('serhi');
		expect(fold('Сергей')).toBe('sergei');
		expect(fold('Харків')).toBe('kharkiv');
	});

	it('turns punctuation into spaces and drops apostrophes inside words', () => {
		expect(fold('Kyiv\'s talks, 17 April')).toBe('kivs talks  17 april');
		expect(fold('В\u2019ячеслав')).toBe('viacheslav');
		expect(fold('don\'t')).toBe('dont');
	});

	it('keeps letters of other scripts and digits', () => {
		expect(fold('東京 2025')).toBe('東京 2025');
		expect(fold('1000')).toBe('1000');
	});

	it('is idempotent', () => {
		fc.assert(fc.property(fc.string({unit: 'grapheme'}), (text) => fold(fold(text)) === fold(text)));
		for (const text of ['Зеленський', 'Ukraine’s Zelensky', 'Щербаков', 'x-ray', 'phoenix', 'Jackson']) {
			expect(fold(fold(text))).toBe(fold(text));
		}
	});
});

describe('foldWithMap', () => {
	it('maps every folded character back to the original', () => {
		const text = 'Zelenskyy’s Élysée, Щука';
		const map = foldWithMap(text);
		expect(map.text).toBe(fold(text));
		expect(map.text).toBe('zelenskis elise  shchuka');
		// The doubled y of Zelenskyy collapses into one i that covers both.
		expect(text.slice(...originalRange(map, 7, 8))).toBe('yy');
		expect(text.slice(...originalRange(map, 0, 9))).toBe('Zelenskyy’s');
		expect(text.slice(...originalRange(map, 10, 15))).toBe('Élysée');
		// щ becomes four letters, all from one character.
		expect(text.slice(...originalRange(map, 17, 21))).toBe('Щ');
	});

	it('gives ranges inside the original, in order', () => {
		fc.assert(fc.property(fc.string({unit: 'grapheme'}), (text) => {
			const map = foldWithMap(text);
			expect(map.start.length).toBe(map.text.length);
			expect(map.end.length).toBe(map.text.length);
			for (let index = 0; index < map.text.length; index++) {
				expect(map.start[index]).toBeGreaterThanOrEqual(0);
				expect(map.start[index]).toBeLessThan(map.end[index]!);
				expect(map.end[index]).toBeLessThanOrEqual(text.length);
				if (index > 0) {
					expect(map.start[index]).toBeGreaterThanOrEqual(map.start[index - 1]!);
				}
			}
		}));
	});
});

describe('foldedWords', () => {
	it('splits folded text into words with offsets', () => {
		expect(foldedWords(' paris  talks ')).toEqual([
			{word: 'paris', start: 1, end: 6},
			{word: 'talks', start: 8, end: 13},
		]);
	});
});

describe('transliterate', () => {
	it('writes Cyrillic in readable Latin', () => {
		expect(transliterate('Володимир Зеленський')).toBe('Volodymyr Zelenskyy');
		expect(transliterate('Київ, Харків')).toBe('Kyyiv, Kharkiv');
		expect(transliterate('Macron')).toBe('Macron');
	});
});

describe('editDistance', () => {
	it.each([
		['makron', 'makron', 0],
		['makorn', 'makron', 1],
		['stolen', 'stole', 1],
		['talks', 'tasks', 1],
		['paris', 'parizh', 2],
		['peskov', 'moskov', 2],
	])('%s to %s is %i', (a, b, distance) => {
		expect(editDistance(a, b, 3)).toBe(distance);
	});

	it('stops early above the maximum', () => {
		expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
		expect(editDistance('a', 'abcdef', 1)).toBe(2);
	});
});

describe('prefixEditDistance', () => {
	it('measures a partly typed word against the start of a word', () => {
		expect(prefixEditDistance('makr', 'makronize', 1)).toBe(0);
		expect(prefixEditDistance('makor', 'makron', 1)).toBe(1);
		expect(prefixEditDistance('zelx', 'zelenski', 1)).toBe(1);
		expect(prefixEditDistance('xyz', 'makron', 1)).toBe(2);
	});
});

describe('stem', () => {
	it('drops one common ending so that other forms of the word are completions of it', () => {
		expect(['abdukted', 'abdukts', 'abduktion', 'talks', 'meeting', 'ministers'].map((word) => stem(word)))
			.toEqual(['abdukt', 'abdukt', 'abdukt', 'talk', 'meet', 'minist']);
	});

	it('leaves short words and endings in ss, us and is alone', () => {
		expect(['news', 'pres', 'status', 'analisis', 'kiv', 'makron'].map((word) => stem(word)))
			.toEqual(['news', 'pres', 'status', 'analisis', 'kiv', 'makron']);
	});
});

describe('typoBudget', () => {
	it('allows no typo in short words, one in words of 4 to 7 letters, two in longer ones', () => {
		expect([2, 3, 4, 7, 8, 12].map((length) => typoBudget(length))).toEqual([0, 0, 1, 1, 2, 2]);
	});
});
