import stringWidth from 'string-width';
import {narrowTextLatest as narrowText} from './narrow.js';

/**
 * Display width and word wrapping for plain (already sanitized) text. Most text is ASCII, where
 * width is length; string-width, exact for wide and combining characters, is only asked otherwise.
 */

const printableAscii = /^[\u0020-\u007E]*$/;

export function displayWidth(text: string): number {
	return printableAscii.test(text) || narrowText.test(text) ? text.length : stringWidth(text);
}

let segmenter: Intl.Segmenter | undefined;

/** Made when first needed: making one costs milliseconds at start-up. */
function graphemes(): Intl.Segmenter {
	segmenter ??= new Intl.Segmenter(undefined, {granularity: 'grapheme'});
	return segmenter;
}

/**
 * The graphemes of a text: its characters when each is one (the narrow text of
 * {@link narrowText}), else as Intl.Segmenter finds them.
 */
export function graphemesOf(text: string): Iterable<string> {
	if (printableAscii.test(text) || narrowText.test(text)) {
		return text;
	}

	return [...graphemes().segment(text)].map(({segment}) => segment);
}

/** Splits a word wider than the line into pieces of at most `width` columns. */
function breakWord(word: string, width: number): string[] {
	const pieces: string[] = [];
	let piece = '';
	let used = 0;
	for (const segment of graphemesOf(word)) {
		const cells = displayWidth(segment);
		if (used + cells > width && piece) {
			pieces.push(piece);
			piece = '';
			used = 0;
		}

		piece += segment;
		used += cells;
	}

	if (piece) {
		pieces.push(piece);
	}

	return pieces;
}

/**
 * Greedy word wrap to `width` columns: lines break between words, where the spaces are dropped;
 * spaces inside a line are kept as written (they may align columns); only a word longer than a
 * whole line is broken inside.
 */
export function wrapText(text: string, width: number): string[] {
	const limit = Math.max(1, width);
	const lines: string[] = [];
	let line = '';
	let used = 0;
	for (const [, gap = '', word = ''] of text.replace(/[\r\n\t]/g, ' ').matchAll(/( *)([^ ]+)/g)) {
		const cells = displayWidth(word);
		if (used > 0 && used + gap.length + cells <= limit) {
			line += gap + word;
			used += gap.length + cells;
			continue;
		}

		if (used > 0) {
			lines.push(line);
		}

		if (cells <= limit) {
			line = word;
			used = cells;
			continue;
		}

		const pieces = breakWord(word, limit);
		lines.push(...pieces.slice(0, -1));
		line = pieces.at(-1) ?? '';
		used = displayWidth(line);
	}

	if (used > 0 || lines.length === 0) {
		lines.push(line);
	}

	return lines;
}
