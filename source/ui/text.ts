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
