import type {Command} from './keymap.js';
import {type PaneId, paneIds} from './layout.js';
import {type Filter, type ListShape, windowStart} from './model.js';

/** The dashboard's state and the pure reducer that applies a command to it. */

export type State = {
	readonly focus: PaneId;
	/** Enter drilled into the detail: keys scroll it, and narrow terminals show it instead of the list. */
	readonly detailOpen: boolean;
	readonly detailScroll: number;
	/** The selected item of each pane; null until the user moves, meaning the pane's default. */
	readonly cursor: Readonly<Record<PaneId, number | null>>;
	/** Where each list was scrolled to, so that moving scrolls as little as possible. */
	readonly scroll: Readonly<Record<PaneId, number>>;
	readonly filter: Filter;
	readonly help: boolean;
	readonly helpScroll: number;
	readonly quit: boolean;
};

/** What the reducer needs to know about the screen as drawn. */
export type View = {
	readonly counts: Readonly<Record<PaneId, number>>;
	/** Where a pane's selection starts: the latest event for the timeline, the top elsewhere. */
	readonly defaults: Readonly<Record<PaneId, number>>;
	/** Items that fit on one page of each pane. */
	readonly pageSize: Readonly<Record<PaneId, number>>;
	readonly shapes: Readonly<Record<PaneId, ListShape>>;
	/** Lines each list has on screen. */
	readonly heights: Readonly<Record<PaneId, number>>;
	readonly detailLines: number;
	readonly detailHeight: number;
	readonly helpLines: number;
	readonly helpHeight: number;
	/** The actor selected in the actors pane, for filtering. */
	readonly selectedActor: string | undefined;
};

export const initialState: State = {
	focus: 'timeline',
	detailOpen: false,
	detailScroll: 0,
	cursor: {timeline: null, actors: null, quotes: null},
	scroll: {timeline: 0, actors: 0, quotes: 0},
	filter: null,
	help: false,
	helpScroll: 0,
	quit: false,
};

export function cursorOf(state: State, view: View, pane: PaneId): number {
	const count = view.counts[pane];
	const cursor = state.cursor[pane] ?? view.defaults[pane];
	return Math.max(0, Math.min(cursor, count - 1));
}

function moveTo(state: State, view: View, target: (current: number, count: number, page: number) => number): State {
	const pane = state.focus;
	const count = view.counts[pane];
	if (count === 0) {
		return state;
	}

	const next = Math.max(0, Math.min(count - 1, target(cursorOf(state, view, pane), count, view.pageSize[pane])));
	const scroll = windowStart(view.shapes[pane], next, state.scroll[pane], view.heights[pane]);
	return {...state, cursor: {...state.cursor, [pane]: next}, scroll: {...state.scroll, [pane]: scroll}};
}

type ScrollMove = number | 'top' | 'bottom';

function scrollMoves(height: number): Partial<Record<Command, ScrollMove>> {
	const page = Math.max(1, height - 1);
	return {down: 1, up: -1, pageDown: page, pageUp: -page, top: 'top', bottom: 'bottom'};
}

/** A text view scrolled by a move, never past its last page. */
function scrolled(current: number, move: ScrollMove, lines: number, height: number): number {
	const maximum = Math.max(0, lines - height);
	const next = move === 'top' ? 0 : move === 'bottom' ? maximum : current + move;
	return Math.max(0, Math.min(maximum, next));
}

function focus(state: State, pane: PaneId): State {
	return {...state, focus: pane, detailOpen: false, detailScroll: 0};
}

function setFilter(state: State, filter: Filter): State {
	// A new filter changes every list, so the selections go back to their defaults.
	return {
		...state, filter, detailOpen: false, detailScroll: 0,
		cursor: {...state.cursor, timeline: null, quotes: null},
		scroll: {...state.scroll, timeline: 0, quotes: 0},
	};
}

export function reduce(state: State, command: Command, view: View): State {
	if (state.help) {
		const move = scrollMoves(view.helpHeight)[command];
		if (move !== undefined) {
			return {...state, helpScroll: scrolled(state.helpScroll, move, view.helpLines, view.helpHeight)};
		}

		if (command === 'quit') {
			return {...state, quit: true};
		}

		return command === 'help' || command === 'back' ? {...state, help: false, helpScroll: 0} : state;
	}

	const move = scrollMoves(view.detailHeight)[command];
	if (state.detailOpen && move !== undefined) {
		return {...state, detailScroll: scrolled(state.detailScroll, move, view.detailLines, view.detailHeight)};
	}

	const index = paneIds.indexOf(state.focus);
	switch (command) {
		case 'quit': {
			return {...state, quit: true};
		}

		case 'help': {
			return {...state, help: true};
		}

		case 'down': {
			return moveTo(state, view, (current) => current + 1);
		}

		case 'up': {
			return moveTo(state, view, (current) => current - 1);
		}

		case 'top': {
			return moveTo(state, view, () => 0);
		}

		case 'bottom': {
			return moveTo(state, view, (_current, count) => count - 1);
		}

		case 'pageDown': {
			return moveTo(state, view, (current, _count, size) => current + size);
		}

		case 'pageUp': {
			return moveTo(state, view, (current, _count, size) => current - size);
		}

		case 'focusNext': {
			return focus(state, paneIds[(index + 1) % paneIds.length]!);
		}

		case 'focusPrevious': {
			return focus(state, paneIds[(index + paneIds.length - 1) % paneIds.length]!);
		}

		case 'focusTimeline': {
			return focus(state, 'timeline');
		}

		case 'focusActors': {
			return focus(state, 'actors');
		}

		case 'focusQuotes': {
			return focus(state, 'quotes');
		}

		case 'filter':
		case 'open': {
			if (state.focus === 'actors') {
				return view.selectedActor === undefined ? state : setFilter(state, {actor: view.selectedActor});
			}

			return command === 'open' && view.counts[state.focus] > 0 ? {...state, detailOpen: true, detailScroll: 0} : state;
		}

		case 'back': {
			if (state.detailOpen) {
				return {...state, detailOpen: false, detailScroll: 0};
			}

			return state.filter === null ? state : setFilter(state, null);
		}
	}
}
