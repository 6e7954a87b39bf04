import {describe, expect, it} from 'vitest';
import {isTerminalSafe, sanitizeBlock, sanitizeInline} from '../../source/core/sanitize.js';

describe('sanitizeInline', () => {
	it.each([
		['an OSC title', 'a\u001B]0;pwned\u0007b', 'ab'],
		['an OSC 8 hyperlink', '\u001B]8;;https://evil.example\u001B\\click\u001B]8;;\u001B\\', 'click'],
		['a screen clear', 'x\u001B[2Jy', 'xy'],
		['a cursor move', 'x\u001B[10;10Hy', 'xy'],
		['a bracketed-paste toggle', 'x\u001B[200~y\u001B[201~', 'xy'],
		['a C1 CSI', 'x\u009B31my', 'xy'],
		['a lone C1 control', 'x\u0085y', 'x y'],
		['bidi overrides', 'abc\u202Edef\u202C', 'abcdef'],
		['zero-width characters', 'Ma\u200Bcr\u200Con\uFEFF', 'Macron'],
		['a NUL byte', 'a\u0000b', 'ab'],
		['a lone ESC', 'a\u001Bb', 'ab'],
		['line breaks and tabs', 'one\r\ntwo\tthree\nfour', 'one two three four'],
	])('removes %s', (_name, input, expected) => {
		expect(sanitizeInline(input)).toBe(expected);
	});

	it('keeps printable text in any script', () => {
		const text = 'Зеленський · Macron — “quoted” 東京 👍 café';
		expect(sanitizeInline(text)).toBe(text);
	});

	it('replaces lone surrogates instead of passing them to the terminal', () => {
		expect(sanitizeInline('a\uD800b')).toBe('a\uFFFDb');
	});
});

describe('sanitizeBlock', () => {
	it('keeps line breaks, normalizes CRLF and expands tabs', () => {
		expect(sanitizeBlock('one\r\ntwo\n\tthree\u001B[2J')).toBe('one\ntwo\n    three');
	});

	it('says which text is already safe', () => {
		expect(isTerminalSafe('plain\ntext')).toBe(true);
		expect(isTerminalSafe('\u001B]0;pwned\u0007')).toBe(false);
	});
});
