/**
 * Text folding for search. Query and data go through the same fold, so that spellings an analyst
 * considers the same compare equal:
 *
 * 1. lower case, diacritics removed (NFKD without combining marks; ł, ø, ß and the like mapped);
 * 2. Cyrillic transliterated to Latin by a rule table for Ukrainian and Russian letters
 *    (`Зеленський` → `zelenskyi`, `Макрон` → `makron`), with `г` read as Ukrainian `h` in words that
 *    have a Ukrainian-only letter (і ї є ґ) and as Russian `g` otherwise;
 * 3. a phonetic key on the Latin letters, so that transliterations converge: `c`/`q` → `k` (but
 *    `ch` stays), `ck` → `k`, `ph` → `f`, `w` → `v`, `x` → `ks`, `y` → `i`, `zh` → `z`, and doubled
 *    letters collapse (`Zelenskyy` → `zelenski`, `Witkoff` → `vitkof`, `Париж` → `pariz`, a typo
 *    away from `paris`);
 * 4. everything that is neither letter nor digit becomes a space; an apostrophe between letters is
 *    dropped (`Kyiv's` → `kivs`, `В'ячеслав` → `viacheslav`).
 *
 * Every folded character remembers the range of the original string it came from, so matches
 * found in folded text can be highlighted in the original.
 */

/** Cyrillic letters (lower case) to Latin, following the Ukrainian and Russian passport tables. */
const cyrillic: Record<string, string> = {
	а: 'a', б: 'b', в: 'v', г: 'h', ґ: 'g', д: 'd', е: 'e', є: 'ye', ё: 'yo', ж: 'zh', з: 'z', и: 'y',
	і: 'i', ї: 'yi', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't',
	у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ь: '', ъ: '', ы: 'y', э: 'e',
	ю: 'yu', я: 'ya',
	// Belarusian and Serbian / Macedonian letters, for completeness.
	ў: 'u', ђ: 'dj', ј: 'j', љ: 'lj', њ: 'nj', ћ: 'c', џ: 'dz', ѓ: 'gj', ќ: 'kj', ѕ: 'dz',
};

/** Letters NFKD does not decompose. */
const latinSpecial: Record<string, string> = {
	ł: 'l', ø: 'o', đ: 'd', ħ: 'h', ŧ: 't', ı: 'i', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th', ð: 'd', ŋ: 'n',
};

const ukrainianOnly = /[іїєґ]/;
const apostrophes = new Set(['\'', '\u2019', '\u02BC', '\u2018', '`', '\u02B9']);
const letterOrDigit = /^[\p{L}\p{N}]$/u;
const combiningMarks = /\p{M}/gu;

const baseCache = new Map<string, string>();

/** Steps 1 and 2 for one non-ASCII code point, without the context rules. */
function baseOf(character: string): string {
	let cached = baseCache.get(character);
	if (cached !== undefined) {
		return cached;
	}

	const lower = character.toLowerCase();
	const translit = cyrillic[lower];
	if (translit !== undefined) {
		cached = translit;
	} else {
		let out = '';
		for (const part of lower.normalize('NFKD').replace(combiningMarks, '').toLowerCase()) {
			// An apostrophe inside a decomposition (ŉ is ʼn) joins the word like one between letters.
			if (apostrophes.has(part)) {
				out += apostrophes.has(character) ? ' ' : '';
			} else {
				out += cyrillic[part] ?? latinSpecial[part] ?? (letterOrDigit.test(part) ? part : ' ');
			}
		}

		cached = out;
	}

	baseCache.set(character, cached);
	return cached;
}

function isLetterAt(text: string, index: number): boolean {
	const code = text.codePointAt(index);
	if (code === undefined) {
		return false;
	}

	if (code < 128) {
		return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
	}

	return /\p{L}/u.test(String.fromCodePoint(code));
}

function isCyrillicCode(code: number): boolean {
	return code >= 0x400 && code <= 0x4FF;
}

export type FoldMap = {
	/** The folded text. */
	readonly text: string;
	/** For each folded character, the start of the original range it came from. */
	readonly start: readonly number[];
	/** For each folded character, the end (exclusive) of the original range it came from. */
	readonly end: readonly number[];
};

// Stage-1 output, reused between calls: one Latin (or other-script) character and its source range.
let stageChars: string[] = [];
let stageStart: number[] = [];
let stageEnd: number[] = [];

/** Steps 1, 2 and 4: characters of the original to lower-case Latin, with their source ranges. */
function stageOne(text: string): number {
	let count = 0;
	const push = (character: string, start: number, end: number): void => {
		stageChars[count] = character;
		stageStart[count] = start;
		stageEnd[count] = end;
		count++;
	};

	const hasCyrillic = /[\u0400-\u04FF]/.test(text);
	// The letters (and inner apostrophes) around the current Cyrillic letter, for the context rules.
	let wordBegin = -1;
	let wordEnd = -1;
	let ukrainianWord = false;
	for (let index = 0; index < text.length;) {
		const code = text.charCodeAt(index);
		if (code < 128) {
			if (code >= 65 && code <= 90) {
				push(String.fromCharCode(code + 32), index, index + 1);
			} else if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
				push(text[index]!, index, index + 1);
			} else if (!(apostrophes.has(text[index]!) && innerApostrophe(text, index, 1))) {
				push(' ', index, index + 1);
			}

			index++;
			continue;
		}

		const point = text.codePointAt(index)!;
		const width = point > 0xFFFF ? 2 : 1;
		const character = String.fromCodePoint(point);
		if (apostrophes.has(character) && innerApostrophe(text, index, width)) {
			index += width;
			continue;
		}

		let base: string;
		if (hasCyrillic && isCyrillicCode(point)) {
			if (index >= wordEnd) {
				wordBegin = index;
				while (wordBegin > 0 && (isLetterAt(text, wordBegin - 1) || (apostrophes.has(text[wordBegin - 1]!) && innerApostrophe(text, wordBegin - 1, 1)))) {
					wordBegin--;
				}

				wordEnd = index;
				while (wordEnd < text.length && (isLetterAt(text, wordEnd) || (apostrophes.has(text[wordEnd]!) && innerApostrophe(text, wordEnd, 1)))) {
					wordEnd++;
				}

				ukrainianWord = ukrainianOnly.test(text.slice(wordBegin, wordEnd).toLowerCase());
			}

			const lower = character.toLowerCase();
			if (lower === 'г') {
				base = ukrainianWord ? 'h' : 'g';
			} else if (lower === 'е' && index === wordBegin && !ukrainianWord) {
				base = 'ye';
			} else {
				base = baseOf(character);
			}
		} else {
			base = baseOf(character);
		}

		// Code unit by code unit, so that the folded text and its map have the same length.
		for (let unit = 0; unit < base.length; unit++) {
			push(base[unit]!, index, index + width);
		}

		index += width;
	}

	return count;
}

function innerApostrophe(text: string, index: number, width: number): boolean {
	return index > 0 && isLetterAt(text, index - 1) && isLetterAt(text, index + width);
}

/**
 * Step 3 over stage-one output. Returns the folded text; fills `start`/`end` when given.
 */
function stageTwo(count: number, start: number[] | null, end: number[] | null): string {
	const out: string[] = [];
	let last = '';
	const emit = (character: string, from: number, to: number): void => {
		// Doubled letters collapse into one that covers both originals.
		if (character === last && character >= 'a' && character <= 'z') {
			if (end) {
				end[end.length - 1] = to;
			}

			return;
		}

		out.push(character);
		last = character;
		if (start && end) {
			start.push(from);
			end.push(to);
		}
	};

	for (let index = 0; index < count; index++) {
		const character = stageChars[index]!;
		const from = stageStart[index]!;
		const to = stageEnd[index]!;
		const next = index + 1 < count ? stageChars[index + 1] : '';
		switch (character) {
			case 'c': {
				if (next === 'h') {
					emit('c', from, to);
				} else if (next === 'k') {
					// `ck` is one `k`: the c joins the k's range.
					stageStart[index + 1] = from;
				} else {
					emit('k', from, to);
				}

				break;
			}

			case 'p': {
				if (next === 'h') {
					emit('f', from, stageEnd[index + 1]!);
					index++;
				} else {
					emit('p', from, to);
				}

				break;
			}

			case 'z': {
				if (next === 'h') {
					emit('z', from, stageEnd[index + 1]!);
					index++;
				} else {
					emit('z', from, to);
				}

				break;
			}

			case 'q': {
				emit('k', from, to);
				break;
			}

			case 'w': {
				emit('v', from, to);
				break;
			}

			case 'x': {
				emit('k', from, to);
				emit('s', from, to);
				break;
			}

			case 'y': {
				emit('i', from, to);
				break;
			}

			default: {
				emit(character, from, to);
			}
		}
	}

	return out.join('');
}

function ensureCapacity(length: number): void {
	// Stage one emits at most four characters per code unit (щ → shch).
	if (stageChars.length < length * 4) {
		stageChars = new Array<string>(length * 4);
		stageStart = new Array<number>(length * 4);
		stageEnd = new Array<number>(length * 4);
	}
}

/** The folded form of a text: what the index stores and queries are compared with. */
export function fold(text: string): string {
	// Most text is ASCII: it takes a path some ten times faster, with the same result.
	if (!nonAscii.test(text)) {
		return foldAscii(text);
	}

	ensureCapacity(text.length);
	return stageTwo(stageOne(text), null, null);
}

/** @internal The general path of {@link fold}, whatever the text: what the ASCII path must equal. */
export function foldGeneral(text: string): string {
	ensureCapacity(text.length);
	return stageTwo(stageOne(text), null, null);
}

const nonAscii = /[^\u0000-\u007F]/;

let asciiIn = new Uint8Array(256);
let asciiOut = new Uint8Array(512);

const isAsciiLetter = (code: number): boolean => (code >= 97 && code <= 122) || (code >= 65 && code <= 90);

/** {@link fold} for text of ASCII characters only: stages one to three on character codes. */
function foldAscii(text: string): string {
	const length = text.length;
	if (asciiIn.length < length) {
		asciiIn = new Uint8Array(length * 2);
		asciiOut = new Uint8Array(length * 4);
	}

	// Stage one: lower case, letters and digits kept, an apostrophe between letters dropped,
	// anything else a space.
	let count = 0;
	for (let index = 0; index < length; index++) {
		const code = text.charCodeAt(index);
		if (code >= 65 && code <= 90) {
			asciiIn[count++] = code + 32;
		} else if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
			asciiIn[count++] = code;
		} else if (!((code === 39 || code === 96) && index > 0 && index + 1 < length
			&& isAsciiLetter(text.charCodeAt(index - 1)) && isAsciiLetter(text.charCodeAt(index + 1)))) {
			asciiIn[count++] = 32;
		}
	}

	// Stage three: the phonetic key, doubled letters collapsed.
	let out = 0;
	let last = -1;
	const emit = (code: number): void => {
		if (code === last && code >= 97 && code <= 122) {
			return;
		}

		asciiOut[out++] = code;
		last = code;
	};

	for (let index = 0; index < count; index++) {
		const code = asciiIn[index]!;
		const next = index + 1 < count ? asciiIn[index + 1]! : -1;
		switch (code) {
			case 99: { // c
				if (next === 104) {
					emit(99);
				} else if (next !== 107) {
					emit(107);
				}

				break;
			}

			case 112: { // p
				if (next === 104) {
					emit(102);
					index++;
				} else {
					emit(112);
				}

				break;
			}

			case 122: { // z
				emit(122);
				if (next === 104) {
					index++;
				}

				break;
			}

			case 113: { // q
				emit(107);
				break;
			}

			case 119: { // w
				emit(118);
				break;
			}

			case 120: { // x
				emit(107);
				emit(115);
				break;
			}

			case 121: { // y
				emit(105);
				break;
			}

			default: {
				emit(code);
			}
		}
	}

	return Buffer.from(asciiOut.buffer, 0, out).toString('latin1');
}

/** The folded form with, for each folded character, the range of the original it came from. */
export function foldWithMap(text: string): FoldMap {
	if (!nonAscii.test(text)) {
		return foldAsciiWithMap(text);
	}

	return foldWithMapGeneral(text);
}

/** @internal The general path of {@link foldWithMap}: what the ASCII path must equal. */
export function foldWithMapGeneral(text: string): FoldMap {
	ensureCapacity(text.length);
	const start: number[] = [];
	const end: number[] = [];
	const folded = stageTwo(stageOne(text), start, end);
	return {text: folded, start, end};
}

/** Maps a range of folded text back to the original text. */
export function originalRange(map: FoldMap, start: number, end: number): [number, number] {
	return [map.start[start]!, map.end[end - 1]!];
}

export type Word = {readonly word: string; readonly start: number; readonly end: number};

/** The words of a folded text (folded text separates words by spaces), with their offsets. */
export function foldedWords(folded: string): Word[] {
	const words: Word[] = [];
	let start = -1;
	for (let index = 0; index <= folded.length; index++) {
		const space = index === folded.length || folded.charCodeAt(index) === 32;
		if (space) {
			if (start !== -1) {
				words.push({word: folded.slice(start, index), start, end: index});
				start = -1;
			}
		} else if (start === -1) {
			start = index;
		}
	}

	return words;
}

/**
 * Transliterates Cyrillic to readable Latin (without the phonetic key): `Зеленський` →
 * `Zelenskyi`. For display and tests; matching uses {@link fold}.
 */
export function transliterate(text: string): string {
	let out = '';
	for (const character of text) {
		const lower = character.toLowerCase();
		const translit = cyrillic[lower];
		if (translit === undefined) {
			out += character;
		} else if (lower !== character && translit.length > 0) {
			out += translit[0]!.toUpperCase() + translit.slice(1);
		} else {
			out += translit;
		}
	}

	return out;
}

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), or `max + 1` as
 * soon as it must exceed `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
	if (Math.abs(a.length - b.length) > max) {
		return max + 1;
	}

	return alignment(a, b, max, false);
}

/**
 * The smallest edit distance between `query` and any prefix of `word`: how far a partly typed word
 * is from being the start of `word`. `max + 1` when above `max`.
 */
export function prefixEditDistance(query: string, word: string, max: number): number {
	if (word.length < query.length - max) {
		return max + 1;
	}

	return alignment(query, word.slice(0, query.length + max), max, true);
}

let rowPrevious = new Int32Array(64);
let rowCurrent = new Int32Array(64);
let rowBefore = new Int32Array(64);

function alignment(a: string, b: string, max: number, prefix: boolean): number {
	const n = a.length;
	const m = b.length;
	if (n === 0) {
		return prefix ? 0 : Math.min(m, max + 1);
	}

	if (rowPrevious.length <= m) {
		rowPrevious = new Int32Array(m * 2 + 2);
		rowCurrent = new Int32Array(m * 2 + 2);
		rowBefore = new Int32Array(m * 2 + 2);
	}

	// Rows over b; row i holds distances from a[0..i) to b[0..j).
	let before = rowBefore;
	let previous = rowPrevious;
	let current = rowCurrent;
	for (let j = 0; j <= m; j++) {
		previous[j] = j;
	}

	for (let i = 1; i <= n; i++) {
		current[0] = i;
		let rowMin = current[0]!;
		const ai = a.charCodeAt(i - 1);
		for (let j = 1; j <= m; j++) {
			const bj = b.charCodeAt(j - 1);
			const cost = ai === bj ? 0 : 1;
			let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
			if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
				value = Math.min(value, before[j - 2]! + 1);
			}

			current[j] = value;
			if (value < rowMin) {
				rowMin = value;
			}
		}

		if (rowMin > max) {
			return max + 1;
		}

		const spare = before;
		before = previous;
		previous = current;
		current = spare;
	}

	let result = previous[m]!;
	if (prefix) {
		for (let j = 0; j <= m; j++) {
			result = Math.min(result, previous[j]!);
		}
	}

	return Math.min(result, max + 1);
}

const suffixes = ['ions', 'ion', 'ings', 'ing', 'ers', 'er', 'ed', 's'];

/**
 * A folded word without one common English ending (`abdukted`, `abdukts`, `abduktion` → `abdukt`,
 * `talks` → `talk`), so that other forms of the word can be found as completions of it. Words of
 * the stem would be shorter than four letters, and endings in `ss`, `us` and `is`, stay whole.
 */
export function stem(folded: string): string {
	for (const suffix of suffixes) {
		if (folded.endsWith(suffix) && folded.length - suffix.length >= 4) {
			if (suffix === 's' && /[sui]s$/.test(folded)) {
				return folded;
			}

			return folded.slice(0, -suffix.length);
		}
	}

	return folded;
}

/** How many typos a word of this length may carry and still match. */
export function typoBudget(length: number): number {
	return length <= 3 ? 0 : length <= 7 ? 1 : 2;
}

let asciiFrom = new Int32Array(256);
let asciiTo = new Int32Array(256);

/** {@link foldWithMap} for ASCII text: {@link foldAscii} with the ranges stage two gives. */
function foldAsciiWithMap(text: string): FoldMap {
	const length = text.length;
	if (asciiFrom.length < length) {
		asciiFrom = new Int32Array(length * 2);
		asciiTo = new Int32Array(length * 2);
	}

	if (asciiIn.length < length) {
		asciiIn = new Uint8Array(length * 2);
		asciiOut = new Uint8Array(length * 4);
	}

	let count = 0;
	for (let index = 0; index < length; index++) {
		const code = text.charCodeAt(index);
		let mapped = 32;
		if (code >= 65 && code <= 90) {
			mapped = code + 32;
		} else if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
			mapped = code;
		} else if ((code === 39 || code === 96) && index > 0 && index + 1 < length
			&& isAsciiLetter(text.charCodeAt(index - 1)) && isAsciiLetter(text.charCodeAt(index + 1))) {
			continue;
		}

		asciiIn[count] = mapped;
		asciiFrom[count] = index;
		asciiTo[count] = index + 1;
		count++;
	}

	const start: number[] = [];
	const end: number[] = [];
	let out = 0;
	let last = -1;
	const emit = (code: number, from: number, to: number): void => {
		if (code === last && code >= 97 && code <= 122) {
			end[end.length - 1] = to;
			return;
		}

		asciiOut[out++] = code;
		last = code;
		start.push(from);
		end.push(to);
	};

	for (let index = 0; index < count; index++) {
		const code = asciiIn[index]!;
		const from = asciiFrom[index]!;
		const to = asciiTo[index]!;
		const next = index + 1 < count ? asciiIn[index + 1]! : -1;
		switch (code) {
			case 99: { // c
				if (next === 104) {
					emit(99, from, to);
				} else if (next === 107) {
					asciiFrom[index + 1] = from;
				} else {
					emit(107, from, to);
				}

				break;
			}

			case 112: { // p
				if (next === 104) {
					emit(102, from, asciiTo[index + 1]!);
					index++;
				} else {
					emit(112, from, to);
				}

				break;
			}

			case 122: { // z
				if (next === 104) {
					emit(122, from, asciiTo[index + 1]!);
					index++;
				} else {
					emit(122, from, to);
				}

				break;
			}

			case 113: { // q
				emit(107, from, to);
				break;
			}

			case 119: { // w
				emit(118, from, to);
				break;
			}

			case 120: { // x
				emit(107, from, to);
				emit(115, from, to);
				break;
			}

			case 121: { // y
				emit(105, from, to);
				break;
			}

			default: {
				emit(code, from, to);
			}
		}
	}

	return {text: Buffer.from(asciiOut.buffer, 0, out).toString('latin1'), start, end};
}

