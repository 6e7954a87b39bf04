/**
 * Keys that make spellings of one name compare equal, by rules that work for names never seen:
 * the search fold (case, diacritics, Cyrillic to Latin, `y`/`i`, doubled letters, `ph`/`f`, ...)
 * plus two transliteration rules of Slavic names, `g` = `h` (Sybiga and Sybiha, Rig and Rih) and a
 * leading `ye` = `e` (Yermak, Ermak). The small lexicon in `data/aliases.json` joins the names these
 * rules cannot (Kiev and Kyiv; Vladimir and Volodymyr as given names).
 */

import {fold} from '../core/text.js';

export type AliasLexicon = {
	/** Groups of spellings of one place. */
	readonly places?: readonly (readonly string[])[];
	/** Groups of forms of one given name. */
	readonly givenNames?: readonly (readonly string[])[];
};

export type Lexicon = {
	/** Key of a place spelling → key of its group's first spelling. */
	readonly placeKeys: ReadonlyMap<string, string>;
	/** Canonical spelling of each place group, by group key. */
	readonly placeNames: ReadonlyMap<string, readonly string[]>;
	/** Token key of a given name → key of its group's first form. */
	readonly givenKeys: ReadonlyMap<string, string>;
};

export const emptyLexicon: Lexicon = {placeKeys: new Map(), placeNames: new Map(), givenKeys: new Map()};

const keyCache = new Map<string, string>();

/** The comparison key of one word or name. */
export function nameKey(name: string): string {
	let key = keyCache.get(name);
	if (key !== undefined) {
		return key;
	}

	key = fold(name.replace(/^the\s+/i, '').replace(/['’]s$/, ''))
		// Dotted and spaced capitals: "U.S." folds to "u s".
		.replace(/\b(\w) (?=\w\b)/g, '$1')
		.replace(/(^|[^ckstz])h/g, '$1g')
		.replace(/\bie(?=[aeiou]?)/g, 'e')
		.replace(/\s+/g, ' ')
		.trim();
	if (keyCache.size > 50_000) {
		keyCache.clear();
	}

	keyCache.set(name, key);
	return key;
}

export function buildLexicon(source: AliasLexicon | undefined): Lexicon {
	const placeKeys = new Map<string, string>();
	const placeNames = new Map<string, readonly string[]>();
	const givenKeys = new Map<string, string>();
	for (const group of source?.places ?? []) {
		const head = nameKey(group[0]!);
		placeNames.set(head, group);
		for (const spelling of group) {
			placeKeys.set(nameKey(spelling), head);
		}
	}

	for (const group of source?.givenNames ?? []) {
		const head = nameKey(group[0]!);
		for (const spelling of group) {
			givenKeys.set(nameKey(spelling), head);
		}
	}

	return {placeKeys, placeNames, givenKeys};
}

/** The key of a place or organization name, through the lexicon. */
export function placeKey(name: string, lexicon: Lexicon): string {
	const key = nameKey(name);
	return lexicon.placeKeys.get(key) ?? key;
}

/** The words of a person's name as keys, with given names through the lexicon. */
export function personKeyWords(name: string, lexicon: Lexicon): string[] {
	const words = nameKey(name).split(' ').filter(Boolean);
	return words.map((word, index) => (index < words.length - 1 ? lexicon.givenKeys.get(word) ?? word : word));
}

/** The key of a person's full name. */
export function personKey(name: string, lexicon: Lexicon): string {
	return personKeyWords(name, lexicon).join(' ');
}

/** The surname key: the last word of the name. */
export function surnameKey(name: string, lexicon: Lexicon): string {
	return personKeyWords(name, lexicon).at(-1) ?? '';
}

/** `@EmmanuelMacron` → `Emmanuel Macron`; `@ZelenskyyUa` → `Zelenskyy Ua`. */
export function handleWords(handle: string): string {
	return handle.replace(/^@/, '').replace(/_/g, ' ').replace(/([\p{Ll}\d])(\p{Lu})/gu, '$1 $2').trim();
}

/** A slug for ids: lower-case ASCII letters and digits joined by single hyphens. */
export function slugify(text: string, maxWords = 8): string {
	const words = fold(text).replace(/[^a-z0-9 ]/g, ' ').split(' ').filter(Boolean);
	return words.slice(0, maxWords).join('-');
}

/** A slug that keeps the spelling readable (no phonetic key): `Volodymyr Zelensky` → `volodymyr-zelensky`. */
export function readableSlug(text: string, maxWords = 8): string {
	const ascii = text
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/['’]/g, '');
	const translit = [...ascii].map((character) => cyrillicToLatin[character] ?? character).join('');
	const words = translit.replace(/[^a-z0-9]+/g, ' ').trim().split(' ').filter(Boolean);
	return words.slice(0, maxWords).join('-');
}

const cyrillicToLatin: Record<string, string> = {
	а: 'a', б: 'b', в: 'v', г: 'h', ґ: 'g', д: 'd', е: 'e', є: 'ye', ё: 'yo', ж: 'zh', з: 'z', и: 'y', і: 'i', ї: 'yi',
	й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts',
	ч: 'ch', ш: 'sh', щ: 'shch', ь: '', ъ: '', ы: 'y', э: 'e', ю: 'yu', я: 'ya',
};

/** Latin letters, for preferring a Latin spelling as the display name. */
export function isLatin(text: string): boolean {
	return !/[\u0400-\u04FF\u0370-\u03FF\u0590-\u06FF\u0E00-\u0E7F\u3040-\u9FFF]/.test(text);
}
