import type {Command, Mode} from './keymap.js';
import {type PaneId, paneIds} from './layout.js';
import {type Filter, type ListShape, windowStart} from './model.js';

/** The dashboard's state and the pure reducer that applies a command to it. */

export type Overlay = 'help' | 'brief' | null;

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
	/** The search line: its text, and whether keys go into it. */
	readonly search: {readonly text: string; readonly typing: boolean};
	/** Pinned items as `kind:id`, in the order they were pinned. */
	readonly pins: readonly string[];
	readonly overlay: Overlay;
	readonly overlayScroll: number;
	/** A question on the bottom line (the file to write the briefing to), with its answer so far. */
	readonly prompt: {readonly text: string} | null;
	/** A one-line message for the footer, until the next key. */
	readonly status: string | null;
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
	readonly overlayLines: number;
	readonly overlayHeight: number;
	/** The actor selected in the actors pane, for filtering. */
	readonly selectedActor: string | undefined;
	/** The focused pane's selected item as `kind:id`, for pinning. */
	readonly selectedKey: string | undefined;
	/** The file the briefing is offered to be written to. */
	readonly defaultBriefFile: string;
};

export const initialState: State = {
	focus: 'timeline',
	detailOpen: false,
	detailScroll: 0,
	cursor: {timeline: null, actors: null, quotes: null},
	scroll: {timeline: 0, actors: 0, quotes: 0},
	filter: null,
	search: {text: '', typing: false},
	pins: [],
	overlay: null,
	overlayScroll: 0,
	prompt: null,
	status: null,
	quit: false,
};

/** Which keys apply now: typing into the search line or a prompt, or moving around. */
export function modeOf(state: State): Mode {
	if (state.prompt) {
		return 'prompt';
	}

	return state.search.typing && state.overlay === null ? 'typing' : 'browse';
}

export function cursorOf(state: State, view: Pick<View, 'counts' | 'defaults'>, pane: PaneId): number {
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

/** Changed lists put their selections back to the defaults. */
function listsChanged(state: State, panes: readonly PaneId[]): State {
	const cursor = {...state.cursor};
	const scroll = {...state.scroll};
	for (const pane of panes) {
		cursor[pane] = null;
		scroll[pane] = 0;
	}

	return {...state, detailOpen: false, detailScroll: 0, cursor, scroll};
}

/** An actor filter narrows the timeline and quotes; the actors list stays as it is. */
function setFilter(state: State, filter: Filter): State {
	return {...listsChanged(state, ['timeline', 'quotes']), filter};
}

function setSearch(state: State, text: string, typing: boolean): State {
	const changed = text === state.search.text ? state : listsChanged(state, paneIds);
	return {...changed, search: {text, typing}};
}

/** Typed text: appended to the search line or the prompt. */
export function typeText(state: State, text: string): State {
	const printable = text.replace(/[\u0000-\u001F\u007F-\u009F]/g, '');
	if (printable === '') {
		return state;
	}

	if (state.prompt) {
		return {...state, prompt: {text: state.prompt.text + printable}};
	}

	return setSearch(state, state.search.text + printable, true);
}

function withoutLastCharacter(text: string): string {
	return [...text].slice(0, -1).join('');
}

function reduceOverlay(state: State, command: Command, view: View): State {
	const move = scrollMoves(view.overlayHeight)[command];
	if (move !== undefined) {
		return {...state, overlayScroll: scrolled(state.overlayScroll, move, view.overlayLines, view.overlayHeight)};
	}

	switch (command) {
		case 'quit': {
			return {...state, quit: true};
		}

		case 'write': {
			return state.overlay === 'brief' ? {...state, prompt: {text: view.defaultBriefFile}} : state;
		}

		case 'help':
		case 'back': {
			return {...state, overlay: null, overlayScroll: 0};
		}

		case 'brief': {
			return state.overlay === 'brief' ? {...state, overlay: null, overlayScroll: 0} : {...state, overlay: 'brief', overlayScroll: 0};
		}

		default: {
			return state;
		}
	}
}

function reducePrompt(state: State, command: Command): State {
	switch (command) {
		case 'erase': {
			return {...state, prompt: {text: withoutLastCharacter(state.prompt!.text)}};
		}

		case 'back': {
			return {...state, prompt: null, status: 'Not written.'};
		}

		case 'quit': {
			return {...state, quit: true};
		}

		// Accepting is the shell's business: it writes the file and reports.
		default: {
			return state;
		}
	}
}

function reduceTyping(state: State, command: Command, view: View): State {
	switch (command) {
		case 'accept': {
			return setSearch(state, state.search.text, false);
		}

		case 'back': {
			return setSearch(state, '', false);
		}

		case 'erase': {
			return setSearch(state, withoutLastCharacter(state.search.text), true);
		}

		case 'quit': {
			return {...state, quit: true};
		}

		case 'down':
		case 'up': {
			return moveTo(state, view, (current) => current + (command === 'down' ? 1 : -1));
		}

		default: {
			return state;
		}
	}
}

export function reduce(previous: State, command: Command, view: View): State {
	const state = previous.status === null ? previous : {...previous, status: null};
	if (state.prompt) {
		return reducePrompt(state, command);
	}

	if (state.overlay !== null) {
		return reduceOverlay(state, command, view);
	}

	if (state.search.typing) {
		return reduceTyping(state, command, view);
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
			return {...state, overlay: 'help', overlayScroll: 0};
		}

		case 'brief': {
			return {...state, overlay: 'brief', overlayScroll: 0};
		}

		case 'search': {
			return {...state, search: {text: state.search.text, typing: true}, detailOpen: false};
		}

		case 'nextMatch':
		case 'previousMatch': {
			if (state.search.text === '') {
				return {...state, status: 'No search: press / to search.'};
			}

			const step = command === 'nextMatch' ? 1 : -1;
			return moveTo(state, view, (current, count) => (current + step + count) % count);
		}

		case 'pin': {
			const key = view.selectedKey;
			if (key === undefined) {
				return state;
			}

			const pinned = state.pins.includes(key);
			return {...state, pins: pinned ? state.pins.filter((each) => each !== key) : [...state.pins, key]};
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

			if (state.search.text !== '') {
				return setSearch(state, '', false);
			}

			return state.filter === null ? state : setFilter(state, null);
		}

		default: {
			return state;
		}
	}
}
