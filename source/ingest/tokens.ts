/**
 * Words of a sentence with their offsets: the unit the actor, quote and event rules look at.
 * `U.S.` and `Jan.` keep their dots, a possessive `'s` is a token of its own, `@handle` is one token.
 */

export type TokenKind = 'word' | 'number' | 'handle' | 'possessive' | 'punct';

export type Token = {
	readonly text: string;
	readonly lower: string;
	/** Offsets in the text the tokens were made from. */
	readonly start: number;
	readonly end: number;
	readonly kind: TokenKind;
	/** Starts with a capital letter (any script). */
	readonly cap: boolean;
};

const tokenPattern = /@[\p{L}\p{N}_]+|[\p{L}\p{M}\p{N}]+(?:[-'’.][\p{L}\p{M}\p{N}]+)*|\S/gu;
const dottedAbbreviation = /^(?:\p{L}\.)+\p{L}$/u;
const dottedWords = new Set(['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mr', 'mrs', 'ms', 'dr', 'gen', 'lt', 'col', 'maj', 'capt', 'sgt', 'gov', 'sen', 'rep', 'st', 'jr', 'sr', 'prof', 'adm', 'amb', 'no']);

export function tokenize(text: string, offset = 0): Token[] {
	const tokens: Token[] = [];
	tokenPattern.lastIndex = 0;
	for (let match = tokenPattern.exec(text); match; match = tokenPattern.exec(text)) {
		let value = match[0];
		let start = match.index;
		let end = start + value.length;
		const first = value.codePointAt(0)!;
		if (value.startsWith('@') && value.length > 1) {
			tokens.push(make(value, start, end, 'handle', offset));
			continue;
		}

		if (!/[\p{L}\p{N}]/u.test(String.fromCodePoint(first))) {
			tokens.push(make(value, start, end, 'punct', offset));
			continue;
		}

		// A trailing dot belongs to `U.S.` and `Jan.`; the text stays a slice of the original.
		if (text[end] === '.' && (dottedAbbreviation.test(value) || dottedWords.has(value.toLowerCase()))) {
			value += '.';
			end++;
			tokenPattern.lastIndex = end;
		}

		const possessive = /['’]s$/i.exec(value);
		if (possessive && value.length > 2) {
			const cut = end - 2;
			tokens.push(make(text.slice(start, cut), start, cut, 'word', offset));
			tokens.push(make(text.slice(cut, end), cut, end, 'possessive', offset));
			continue;
		}

		start = match.index;
		tokens.push(make(value, start, end, /^\p{N}/u.test(value) ? 'number' : 'word', offset));
	}

	// A plural possessive: `presidents'` then an apostrophe.
	return tokens;
}

function make(text: string, start: number, end: number, kind: TokenKind, offset: number): Token {
	const lower = text.toLowerCase();
	// Capitalized: the first letter (after @ or #) differs from its lower case.
	const at = text[0] === '@' || text[0] === '#' ? 1 : 0;
	const first = text.codePointAt(at);
	const letter = first === undefined ? '' : String.fromCodePoint(first);
	const cap = letter !== '' && letter !== letter.toLowerCase() && letter === letter.toUpperCase();
	return {text, lower, start: start + offset, end: end + offset, kind, cap};
}
