import {displayWidth, graphemesOf} from '../core/wrap.js';

/** Fitting styled text into a fixed number of terminal columns, wide characters counted as two. */

export type Style = {
	readonly color?: string;
	readonly bold?: boolean;
	readonly dim?: boolean;
	readonly inverse?: boolean;
	readonly underline?: boolean;
	readonly italic?: boolean;
};

export type Segment = Style & {readonly text: string};


export {displayWidth};

/**
 * Cuts segments to exactly `width` columns: an ellipsis marks a cut, spaces pad a short line, so a
 * selection bar spans the whole row and nothing spills into the next pane.
 */
export function fitSegments(segments: readonly Segment[], width: number, pad: Style = {}): Segment[] {
	if (width <= 0) {
		return [];
	}

	const total = segments.reduce((sum, segment) => sum + displayWidth(segment.text), 0);
	const out: Segment[] = [];
	if (total <= width) {
		out.push(...segments.filter((segment) => segment.text !== ''));
		if (total < width) {
			out.push({...pad, text: ' '.repeat(width - total)});
		}

		return out;
	}

	let used = 0;
	const budget = width - 1;
	let last: Style = pad;
	outer: for (const segment of segments) {
		let text = '';
		for (const grapheme of graphemesOf(segment.text)) {
			const cells = displayWidth(grapheme);
			if (used + cells > budget) {
				if (text) {
					out.push({...segment, text});
				}

				last = segment;
				break outer;
			}

			text += grapheme;
			used += cells;
		}

		if (text) {
			out.push({...segment, text});
		}

		last = segment;
	}

	out.push({...last, text: '…'});
	if (used + 1 < width) {
		out.push({...pad, text: ' '.repeat(width - used - 1)});
	}

	return out;
}

/** Left text and right text on one line of `width` columns; the left side is cut first. */
export function spread(left: readonly Segment[], right: readonly Segment[], width: number, pad: Style = {}): Segment[] {
	const rightWidth = right.reduce((sum, segment) => sum + displayWidth(segment.text), 0);
	if (rightWidth + 2 > width) {
		return fitSegments(left, width, pad);
	}

	return [...fitSegments(left, width - rightWidth - 1, pad), {...pad, text: ' '}, ...right];
}

export function plain(text: string, style: Style = {}): Segment {
	return {...style, text};
}

function sameStyle(a: Style, b: Style): boolean {
	return a.color === b.color && Boolean(a.bold) === Boolean(b.bold) && Boolean(a.dim) === Boolean(b.dim)
		&& Boolean(a.inverse) === Boolean(b.inverse) && Boolean(a.underline) === Boolean(b.underline) && Boolean(a.italic) === Boolean(b.italic);
}

const unstyled: Style = {};

/**
 * A line as Ink needs it to draw it: neighbouring segments of one style as one, no empty ones, and
 * no spaces of no style at its end, which draw nothing on a screen that is blank there already (a
 * line of only spaces keeps them, or it would take no row). Ink styles, sanitizes, measures and
 * copies cell by cell every character of every segment it is given on every frame.
 */
export function drawnSegments(segments: readonly Segment[]): readonly Segment[] {
	const out: Segment[] = [];
	for (const segment of segments) {
		if (segment.text === '') {
			continue;
		}

		const last = out.at(-1);
		if (last !== undefined && sameStyle(last, segment)) {
			out[out.length - 1] = {...last, text: last.text + segment.text};
		} else {
			out.push(segment);
		}
	}

	const last = out.at(-1);
	if (out.length > 1 && last !== undefined && sameStyle(last, unstyled) && last.text.trim() === '') {
		out.pop();
	}

	const end = out.at(-1);
	if (end !== undefined && sameStyle(end, unstyled) && end.text.endsWith(' ') && end.text.trim() !== '') {
		out[out.length - 1] = {...end, text: end.text.trimEnd()};
	}

	return out;
}

/** Whether two lines draw the same: their segments have the same text in the same styles. */
export function sameSegments(a: readonly Segment[], b: readonly Segment[]): boolean {
	if (a === b) {
		return true;
	}

	if (a.length !== b.length) {
		return false;
	}

	for (let index = 0; index < a.length; index++) {
		if (a[index]!.text !== b[index]!.text || !sameStyle(a[index]!, b[index]!)) {
			return false;
		}
	}

	return true;
}
