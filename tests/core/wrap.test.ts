import {describe, expect, it} from 'vitest';
import {displayWidth, wrapText} from '../../source/core/wrap.js';

describe('wrapText', () => {
	it('breaks between words and keeps the spaces inside a line', () => {
		expect(wrapText('17 Apr 2025   Paris talks on a ceasefire', 20)).toEqual(['17 Apr 2025   Paris', 'talks on a ceasefire']);
	});

	it('breaks a word only when it is longer than a line', () => {
		expect(wrapText('see https://example.org/a/very/long/path ok', 12)).toEqual(['see', 'https://exam', 'ple.org/a/ve', 'ry/long/path', 'ok']);
	});

	it('counts wide characters as two columns', () => {
		expect(wrapText('東京 会議 東京', 5)).toEqual(['東京', '会議', '東京']);
		expect(displayWidth('東京😀')).toBe(6);
		expect(displayWidth('Зеленський')).toBe(10);
	});

	it('gives one empty line for empty text', () => {
		expect(wrapText('', 10)).toEqual(['']);
	});
});
