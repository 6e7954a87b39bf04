/**
 * Stage 2: sentences of a block, as ranges of the original text. A rule splitter: a full stop,
 * question or exclamation mark (with any closing quotation marks or brackets after it) ends a
 * sentence when the next word can start one, unless the word before is an abbreviation (`U.S.`,
 * `Jan.`, `Dr.`) or an initial. An ellipsis followed by a lower-case word does not end one. One pass,
 * no allocation per character: this runs over every paragraph of every article.
 */

export type Sentence = {
	/** Offsets in the original text. */
	readonly start: number;
	readonly end: number;
	readonly text: string;
};

const abbreviations = new Set([
	'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'sgt', 'cpl', 'adm', 'cmdr', 'gov', 'sen', 'rep',
	'st', 'mt', 'ft', 'jr', 'sr', 'inc', 'ltd', 'co', 'corp', 'vs', 'etc', 'no', 'nos', 'vol', 'fig', 'approx', 'est',
	'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mon', 'tue', 'tues', 'wed',
	'thu', 'thur', 'thurs', 'fri', 'sat', 'sun', 'rev', 'hon', 'pres', 'amb', 'dept', 'univ', 'assn', 'bros', 'ave',
	'blvd', 'rd', 'mln', 'bln', 'bn', 'mn', 'al', 'cf', 'ibid', 'op', 'pp', 'para', 'art', 'sec', 'min', 'max',
]);

/** Words that start sentences: after `U.S.` or `U.K.` these mean the abbreviation ended one. */
const sentenceStarters = new Set([
	'The', 'A', 'An', 'He', 'She', 'It', 'They', 'We', 'I', 'But', 'And', 'In', 'On', 'At', 'This', 'That', 'These',
	'Those', 'His', 'Her', 'Their', 'Its', 'Our', 'There', 'As', 'After', 'Before', 'When', 'While', 'However', 'Meanwhile',
	'Also', 'Yet', 'So', 'If', 'According', 'Earlier', 'Later', 'Still',
]);

function isSpace(code: number): boolean {
	return code === 32 || code === 10 || code === 13 || code === 9 || code === 0xA0 || code === 0x2009 || code === 0x202F;
}

const closers = new Set(['"', '\'', '”', '’', '»', ')', ']', '»', '›']);
const openers = new Set(['"', '\'', '“', '‘', '«', '(', '[', '„', '‹']);

/** The word just before `index` (exclusive), letters and inner dots only. */
function wordBefore(text: string, index: number): string {
	let start = index;
	while (start > 0 && /[\p{L}\p{N}.]/u.test(text[start - 1]!)) {
		start--;
	}

	return text.slice(start, index);
}

function canStart(text: string, index: number): boolean {
	let position = index;
	while (position < text.length && openers.has(text[position]!)) {
		position++;
	}

	const character = text[position];
	if (character === undefined) {
		return false;
	}

	return /[\p{Lu}\p{N}@#]/u.test(character) || (position > index && /\p{L}/u.test(character));
}

/** Splits `text` (a block, at `offset` in the original) into sentences. */
export function splitSentences(text: string, offset = 0): Sentence[] {
	const sentences: Sentence[] = [];
	let start = 0;
	const push = (from: number, to: number): void => {
		while (from < to && isSpace(text.charCodeAt(from))) {
			from++;
		}

		while (to > from && isSpace(text.charCodeAt(to - 1))) {
			to--;
		}

		if (to > from) {
			sentences.push({start: offset + from, end: offset + to, text: text.slice(from, to)});
		}
	};

	for (let index = 0; index < text.length; index++) {
		const character = text[index]!;
		if (character !== '.' && character !== '!' && character !== '?' && character !== '…') {
			continue;
		}

		// Extend over further marks and closing quotation marks or brackets.
		let end = index + 1;
		while (end < text.length && (text[end] === '.' || text[end] === '!' || text[end] === '?' || text[end] === '…')) {
			end++;
		}

		const ellipsis = character === '…' || end - index >= 3;
		while (end < text.length && closers.has(text[end]!)) {
			end++;
		}

		if (end < text.length && !isSpace(text.charCodeAt(end))) {
			index = end - 1;
			continue;
		}

		let next = end;
		while (next < text.length && isSpace(text.charCodeAt(next))) {
			next++;
		}

		if (next >= text.length) {
			break;
		}

		if (!canStart(text, next)) {
			index = end - 1;
			continue;
		}

		if (character === '.' && !ellipsis) {
			const word = wordBefore(text, index);
			const nextWord = /^\p{L}+/u.exec(text.slice(next).replace(/^["“«(\[]+/, ''))?.[0] ?? '';
			const abbreviation = abbreviations.has(word.toLowerCase().replace(/\./g, ''));
			// Initials and dotted abbreviations: "J. K. Rowling", "U.S. officials", "U.N. Security Council".
			const initials = /^(?:\p{L}\.)+\p{L}$/u.test(word) || /^\p{Lu}$/u.test(word);
			if ((abbreviation || initials) && !sentenceStarters.has(nextWord)) {
				index = end - 1;
				continue;
			}
		}

		if (ellipsis && !/^[\p{Lu}"“«]/u.test(text[next] ?? '')) {
			index = end - 1;
			continue;
		}

		push(start, end);
		start = next;
		index = next - 1;
	}

	push(start, text.length);
	return sentences;
}
