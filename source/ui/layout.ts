/** How the dashboard divides the terminal. Pure, so every size can be tested without a terminal. */

export type PaneId = 'timeline' | 'actors' | 'quotes';
export const paneIds: readonly PaneId[] = ['timeline', 'actors', 'quotes'];
export const paneTitles: Record<PaneId, string> = {timeline: 'Timeline', actors: 'Actors', quotes: 'Quotes'};

export const minimumColumns = 40;
export const minimumRows = 12;

export type Box = {readonly width: number; readonly height: number};

export type Layout =
	| {readonly mode: 'too-small'; readonly columns: number; readonly rows: number}
	| {
		readonly mode: 'wide' | 'medium' | 'narrow';
		readonly columns: number;
		/** Lines drawn: one less than the terminal has, so Ink never scrolls the screen. */
		readonly height: number;
		/** Where each list pane goes; narrow mode shows one at a time in the same box. */
		readonly panes: Readonly<Record<PaneId, Box>>;
		readonly detail: Box;
	};

/** Lines inside a pane box: the border takes two, the title one. */
export function contentHeight(box: Box): number {
	return Math.max(0, box.height - 3);
}

/** Columns inside a pane box, within the border. */
export function contentWidth(box: Box): number {
	return Math.max(0, box.width - 2);
}

export function computeLayout(columns: number, rows: number): Layout {
	if (columns < minimumColumns || rows < minimumRows) {
		return {mode: 'too-small', columns, rows};
	}

	const height = rows - 1;
	// The header and the footer take a line each.
	const body = height - 2;

	if (columns >= 120) {
		const timeline = Math.floor(columns * 0.35);
		const actors = Math.floor(columns * 0.19);
		const quotes = Math.floor(columns * 0.22);
		const detail = columns - timeline - actors - quotes;
		return {
			mode: 'wide', columns, height,
			panes: {timeline: {width: timeline, height: body}, actors: {width: actors, height: body}, quotes: {width: quotes, height: body}},
			detail: {width: detail, height: body},
		};
	}

	if (columns >= 80) {
		const top = Math.max(6, Math.ceil(body * 0.55));
		const timeline = Math.floor(columns * 0.38);
		const actors = Math.floor(columns * 0.26);
		const quotes = columns - timeline - actors;
		return {
			mode: 'medium', columns, height,
			panes: {timeline: {width: timeline, height: top}, actors: {width: actors, height: top}, quotes: {width: quotes, height: top}},
			detail: {width: columns, height: body - top},
		};
	}

	// One pane at a time, under a line of tabs.
	const pane = {width: columns, height: body - 1};
	return {mode: 'narrow', columns, height, panes: {timeline: pane, actors: pane, quotes: pane}, detail: pane};
}
