import path from 'node:path';
import {Box, type Key, Text, useApp, useInput, useStdout} from 'ink';
import React, {useEffect, useMemo, useRef, useState} from 'react';
import type {BriefRequest} from '../core/brief-request.js';
import type {LinkedDataset} from '../core/dataset.js';
import {formatDateText} from '../core/edtf.js';
import {describeSpan, parseQuery} from '../core/query.js';
import {sanitizeInline} from '../core/sanitize.js';
import type {SearchIndex} from '../core/search.js';
import {type DetailLine, detailLines, type Tone} from './detail.js';
import {bindings, type Command, commandFor, groups} from './keymap.js';
import {
	type Box as Area, computeLayout, contentHeight, contentWidth, type Layout, minimumColumns, minimumRows,
	type PaneId, paneIds, paneTitles,
} from './layout.js';
import {
	actorsByInvolvement, type ListShape, type PaneMatches, paneItems, paneMatches, type Selection, timelineModel, uniformModel, windowStart,
} from './model.js';
import {actorRows, quoteRows, type RowState, separatorRow, timelineRow} from './rows.js';
import {cursorOf, initialState, modeOf, reduce, type State, typeText, type View} from './state.js';
import {displayWidth, drawnSegments, fitSegments, plain, sameSegments, type Segment, spread} from './text.js';
import {wrapText} from '../core/wrap.js';

function LineView({segments}: {readonly segments: readonly Segment[]}): React.JSX.Element {
	return (
		<Text wrap="truncate">
			{drawnSegments(segments).map((segment, index) => (
				<Text
					// Segments of a line never reorder, so their position is their identity.
					// eslint-disable-next-line react/no-array-index-key
					key={index}
					color={segment.color}
					bold={segment.bold}
					dimColor={segment.dim}
					inverse={segment.inverse}
					underline={segment.underline}
					italic={segment.italic}
				>
					{segment.text}
				</Text>
			))}
		</Text>
	);
}

/**
 * One line of styled text. A line drawn as it was is not rendered again: a move changes a few
 * lines of the screen, and Ink would otherwise restyle and re-measure all of them.
 */
const Line = React.memo(LineView, (before, after) => sameSegments(before.segments, after.segments));

function Pane({title, count, focused, area, lines, first = 0}: {
	readonly title: string;
	readonly count?: number | string;
	readonly focused: boolean;
	readonly area: Area;
	readonly lines: ReadonlyArray<readonly Segment[]>;
	/**
	 * Where the first line shown is in the whole list or text. Lines are known by that place, so
	 * that scrolling by a line moves the lines on screen instead of drawing each one again.
	 */
	readonly first?: number;
}): React.JSX.Element {
	const width = contentWidth(area);
	const heading = spread(
		[plain(focused ? '▶ ' : '  ', {color: 'cyan'}), plain(title, {bold: true, color: focused ? 'cyan' : undefined})],
		count === undefined ? [] : [plain(String(count), {dim: true})],
		width,
	);
	return (
		<Box
			flexDirection="column"
			width={area.width}
			height={area.height}
			borderStyle={focused ? 'double' : 'single'}
			borderColor={focused ? 'cyan' : 'gray'}
			// Only vertically: a line is cut to the pane's width by its own truncation (and is made
			// to fit it anyway), while clipping sideways has Ink slice every line of the frame again.
			overflowY="hidden"
		>
			<Line segments={heading}/>
			{lines.map((segments, index) => (
				<Line key={first + index} segments={segments}/>
			))}
		</Box>
	);
}

const toneStyles: Record<Tone, Segment> = {
	title: {text: '', bold: true},
	heading: {text: '', bold: true, color: 'cyan'},
	body: {text: ''},
	quote: {text: '', italic: true},
	meta: {text: '', dim: true},
};

function textLines(lines: readonly DetailLine[], start: number, height: number, width: number): Segment[][] {
	return lines.slice(start, start + height).map((line) => fitSegments([{...toneStyles[line.tone], text: line.text}], width));
}

/** The first line a text view shows when scrolled to `scroll`: never past its last page. */
function textStart(lines: readonly DetailLine[], scroll: number, height: number): number {
	return Math.min(scroll, Math.max(0, lines.length - height));
}

function useTerminalSize(fixed?: {columns: number; rows: number}): {columns: number; rows: number} {
	const {stdout} = useStdout();
	const read = (): {columns: number; rows: number} => fixed ?? {columns: stdout.columns || 80, rows: stdout.rows || 24};
	const [size, setSize] = useState(read);
	useEffect(() => {
		if (fixed) {
			setSize(fixed);
			return;
		}

		const onResize = (): void => {
			setSize(read());
		};

		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout, fixed?.columns, fixed?.rows]);
	return size;
}

function helpLines(width: number): DetailLine[] {
	const lines: DetailLine[] = [];
	const keyWidth = Math.max(...bindings.map((binding) => binding.keys.length)) + 2;
	for (const group of groups) {
		if (lines.length > 0) {
			lines.push({text: '', tone: 'body'});
		}

		lines.push({text: group === 'Search' ? 'Search (type after /; these keys work while typing)' : group, tone: 'heading'});
		for (const binding of bindings.filter((each) => each.group === group)) {
			lines.push({text: `  ${binding.keys.padEnd(keyWidth)}${binding.description}`, tone: 'body'});
		}
	}

	lines.push({text: '', tone: 'body'}, {text: 'Marks: › selected, * pinned, • part of the selected event; » scheduled, × cancelled, … postponed; Nsrc = distinct sources.', tone: 'meta'});
	lines.push({text: 'Search filters: actor: tag: since: until: source: status: type: (e.g. actor:peskov since:2025-01)', tone: 'meta'});
	lines.push({text: 'j/k scroll this help; ? or Esc closes it.', tone: 'meta'});
	return lines.flatMap((line) => wrapText(line.text, width).map((text) => ({...line, text})));
}

const noKey: Key = {
	upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false,
	home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false,
	backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false,
};

/** The key a single character of a run stands for. */
function keyOf(character: string): Key {
	switch (character) {
		case '\r':
		case '\n': {
			return {...noKey, return: true};
		}

		case '\u007F':
		case '\b': {
			return {...noKey, backspace: true};
		}

		case '\t': {
			return {...noKey, tab: true};
		}

		default: {
			return noKey;
		}
	}
}

/** The briefing the preview shows and `w` writes: of the pins, or else of what the panes show. */
function briefRequest(linked: LinkedDataset, state: State): BriefRequest {
	if (state.pins.length > 0) {
		return {pinned: state.pins.map((key) => {
			const [kind, ...rest] = key.split(':');
			return {kind: kind as 'event' | 'quote' | 'actor', id: rest.join(':')};
		})};
	}

	const actor = state.filter ? linked.actorById.get(state.filter.actor)?.id : undefined;
	return {
		...(actor ? {actor} : {}),
		...(state.search.text.trim() ? {query: state.search.text} : {}),
	};
}

/** Writes the briefing for the `w` prompt; the format follows the file's extension. */
export type BriefWriter = (file: string, request: BriefRequest) => string;


export type AppProps = {
	readonly linked: LinkedDataset;
	readonly name: string;
	/** A fixed size for tests; otherwise the terminal's, followed live. */
	readonly size?: {columns: number; rows: number};
	/** Pins as saved for this dataset, and where to save them; none when the data came from a pipe. */
	readonly initialPins?: readonly string[];
	readonly savePins?: (pins: readonly string[]) => string | undefined;
	/** Messages for the footer at start, such as pins dropped because their item is gone. */
	readonly notices?: readonly string[];
	readonly writeBrief?: BriefWriter;
	/** Where the search engine and index come from (`lazyIndexSource` in engine.ts builds on first use). */
	readonly searchIndex: IndexSource;
	/** Called once the first frame is drawn. */
	readonly onFirstFrame?: () => void;
};

/** The search engine and the briefing: loaded after the first frame (see engine.ts). */
export type Engine = typeof import('./engine.js');

/**
 * Where the dashboard gets its engine and its search index: after the first frame is up, the
 * engine is loaded and the index read from the disk cache or built a slice at a time (see
 * `commands/dashboard.tsx`), so that opening never waits for them.
 */
export type IndexSource = {
	/** The engine once it is loaded. */
	readonly engine: () => Engine | undefined;
	/** The index when it is ready. */
	readonly ready: () => SearchIndex | undefined;
	/** The fraction built so far while it is being built. */
	readonly progress: () => number | undefined;
	/** Calls back when the engine or the index is ready, or the progress changes; returns the unsubscribe. */
	readonly subscribe: (listener: () => void) => () => void;
	/** The index now, built at once if it must be (the briefing preview of a search needs it); undefined until the engine is loaded. */
	readonly now: () => SearchIndex | undefined;
};

/**
 * Runs the search after the keystroke is drawn; a keystroke that comes before the search runs
 * replaces it, so results for a superseded query are never computed. While the index is not ready
 * the search waits for it, and the header says how far it is.
 */
function useSearchResults(linked: LinkedDataset, text: string, source: IndexSource): {matches: PaneMatches | undefined; errors: string[]; indexing: number | undefined} {
	const [found, setFound] = useState<{text: string; matches: PaneMatches | undefined; errors: string[]}>({text: '', matches: undefined, errors: []});
	const [indexing, setIndexing] = useState<number | undefined>(undefined);
	useEffect(() => {
		if (text.trim() === '') {
			setFound({text, matches: undefined, errors: []});
			setIndexing(undefined);
			return;
		}

		let timer: NodeJS.Timeout | undefined;
		const run = (): void => {
			const index = source.ready();
			const engine = source.engine();
			if (!index || !engine) {
				setIndexing(source.progress() ?? 0);
				return;
			}

			setIndexing(undefined);
			const query = parseQuery(text);
			const results = engine.search(index, query, engine.dashboardSearchOptions);
			setFound({
				text,
				matches: paneMatches(linked, results),
				errors: [...query.errors, ...results.warnings].map((error) => `${describeSpan(error)}: ${error.message}`),
			});
		};

		const schedule = (): void => {
			clearTimeout(timer);
			timer = setTimeout(run, 0);
		};

		const unsubscribe = source.subscribe(schedule);
		schedule();
		return () => {
			clearTimeout(timer);
			unsubscribe();
		};
	}, [linked, text, source]);

	return {matches: found.matches, errors: found.errors, indexing};
}

export function App({linked, name, size: fixedSize, initialPins = [], savePins, notices = [], writeBrief, searchIndex: indexSource, onFirstFrame}: AppProps): React.JSX.Element {
	const {exit} = useApp();
	const size = useTerminalSize(fixedSize);
	const layout = computeLayout(size.columns, size.rows);
	const [state, setState] = useState<State>(() => ({...initialState, pins: [...initialPins], status: notices.length > 0 ? notices.join('; ') : null}));
	// Redraw when the engine arrives, for a briefing preview that waits for it.
	const [engineLoaded, setEngineLoaded] = useState(() => indexSource.engine() !== undefined);
	useEffect(() => indexSource.subscribe(() => {
		setEngineLoaded(indexSource.engine() !== undefined);
	}), [indexSource]);
	const {matches, errors: searchErrors, indexing} = useSearchResults(linked, state.search.text, indexSource);
	const searching = matches !== undefined;

	const ranked = useMemo(() => actorsByInvolvement(linked), [linked]);
	const items = useMemo(() => paneItems(linked, ranked, state.filter, matches), [linked, ranked, state.filter, matches]);
	const timeline = useMemo(() => timelineModel(items.timeline, linked.eventDate), [items.timeline, linked]);
	const shapes: Record<PaneId, ListShape> = useMemo(() => ({
		// Search results are in rank order, so the timeline loses its month headings while searching.
		timeline: searching ? uniformModel(items.timeline.length, 1) : timeline,
		actors: uniformModel(items.actors.length, 2),
		quotes: uniformModel(items.quotes.length, 2),
	}), [timeline, items, searching]);

	const panes = layout.mode === 'too-small' ? undefined : layout.panes;
	const heights = Object.fromEntries(paneIds.map((pane) => [pane, panes ? contentHeight(panes[pane]) : 0])) as Record<PaneId, number>;
	const counts: Record<PaneId, number> = {timeline: items.timeline.length, actors: items.actors.length, quotes: items.quotes.length};
	const defaults: Record<PaneId, number> = {timeline: searching ? 0 : timeline.latestDated, actors: 0, quotes: 0};
	const cursor = (pane: PaneId): number => cursorOf(state, {counts, defaults}, pane);

	const selection: Selection = (() => {
		const at = cursor(state.focus);
		if (state.focus === 'timeline' && items.timeline[at]) {
			return {kind: 'event', event: items.timeline[at]};
		}

		if (state.focus === 'actors' && items.actors[at]) {
			return {kind: 'actor', actor: items.actors[at]};
		}

		if (state.focus === 'quotes' && items.quotes[at]) {
			return {kind: 'quote', quote: items.quotes[at]};
		}

		return {kind: 'none', pane: state.focus};
	})();
	const selectedItem = selection.kind === 'none' ? selection.pane : selection.kind === 'event' ? selection.event : selection.kind === 'actor' ? selection.actor : selection.quote;
	const selectedKey = selection.kind === 'none' ? undefined : `${selection.kind}:${(selectedItem as {id: string}).id}`;

	const detailArea = layout.mode === 'too-small' ? {width: 0, height: 0} : layout.detail;
	// A narrow terminal shows the detail only once it is opened: until then it is not made on every move.
	const detailShown = layout.mode === 'wide' || layout.mode === 'medium' || (layout.mode === 'narrow' && state.detailOpen);
	const detail = useMemo(() => (detailShown ? detailLines(linked, selection, contentWidth(detailArea)) : []), [linked, selectedItem, detailArea.width, detailShown]);
	const bodyHeight = layout.mode === 'too-small' ? 0 : layout.height - 2;
	const overlayArea = {width: layout.columns, height: bodyHeight};
	const help = useMemo(() => helpLines(Math.max(10, contentWidth(overlayArea))), [overlayArea.width]);
	const preview = useMemo(() => {
		if (state.overlay !== 'brief') {
			return [];
		}

		const engine = indexSource.engine();
		const index = indexSource.now;
		if (!engine) {
			return [{text: 'Loading…', tone: 'meta'} satisfies DetailLine];
		}

		const resolved = engine.resolveBrief(linked, () => index()!, briefRequest(linked, state));
		const brief = engine.composeBrief(linked, resolved.selection, {
			title: resolved.title,
			...(resolved.scope ? {scope: resolved.scope} : {}),
			pinned: new Set(state.pins.map((key) => key.slice(key.indexOf(':') + 1))),
			lines: 60,
			width: 80,
		});
		return engine.renderText(brief, 80).map((text): DetailLine => ({text, tone: /^[A-Z][A-Z' ]+(\(|$)|^BRIEFING: /.test(text) ? 'heading' : 'body'}));
	}, [state.overlay, state.pins, state.filter, state.search.text, linked, engineLoaded]);
	const overlayLines = state.overlay === 'help' ? help : preview;

	const defaultBriefFile = `briefing-${linked.asOf ?? 'undated'}.md`;
	const view: View = {
		counts, defaults, shapes, heights,
		pageSize: Object.fromEntries(paneIds.map((pane) => [pane, Math.max(1, Math.floor(heights[pane] / shapes[pane].itemHeight))])) as Record<PaneId, number>,
		detailLines: detail.length,
		detailHeight: contentHeight(detailArea),
		overlayLines: overlayLines.length,
		overlayHeight: contentHeight(overlayArea),
		selectedActor: items.actors[cursor('actors')]?.id,
		selectedKey,
		defaultBriefFile,
	};
	const viewRef = useRef(view);
	viewRef.current = view;
	const stateRef = useRef(state);
	stateRef.current = state;

	/** Side effects of a step: saving pins, writing the briefing. The reducer stays pure. */
	const afterStep = (before: State, after: State, command: Command | undefined): State => {
		if (before.pins !== after.pins && savePins) {
			const problem = savePins(after.pins);
			if (problem) {
				return {...after, status: problem};
			}
		}

		if (command === 'accept' && before.prompt) {
			const file = before.prompt.text.trim();
			if (file === '') {
				return {...after, status: 'Not written: no file name.'};
			}

			const message = writeBrief ? writeBrief(file, briefRequest(linked, before)) : 'Writing is not available here.';
			return {...after, prompt: null, status: message};
		}

		return after;
	};

	useInput((input, key) => {
		let current = stateRef.current;
		const press = (text: string, pressed: Key): void => {
			const mode = modeOf(current);
			const command = commandFor(text, pressed, mode);
			if (command) {
				current = afterStep(current, reduce(current, command, viewRef.current), command);
			} else if (mode !== 'browse' && !pressed.ctrl && !pressed.meta && text !== '') {
				current = typeText(current, text);
			}
		};

		// Ink hands over characters that arrive together (fast typing, a held key, a paste,
		// "text" followed by Enter) as one input: each is its own key press.
		if (input.length > 1 && !key.ctrl && !key.meta) {
			for (const character of input) {
				press(character === '\r' || character === '\n' || character === '\u007F' || character === '\b' ? '' : character, keyOf(character));
			}
		} else {
			press(input, key);
		}

		if (current !== stateRef.current) {
			stateRef.current = current;
			setState(current);
		}
	});

	useEffect(() => {
		if (state.quit) {
			exit();
		}
	}, [state.quit, exit]);

	useEffect(() => {
		onFirstFrame?.();
	}, []);

	if (layout.mode === 'too-small') {
		return (
			<Text wrap="wrap">
				Terminal too small: {size.columns}x{size.rows}, need at least {minimumColumns}x{minimumRows}. Enlarge it, or press q to quit.
			</Text>
		);
	}

	// What the event selected in the timeline touches, marked in the other panes.
	const selectedEvent = items.timeline[cursor('timeline')];
	const relatedActors = new Set(state.focus === 'timeline' && selectedEvent ? selectedEvent.actors : []);
	const relatedQuotes = new Set(state.focus === 'timeline' && selectedEvent ? (linked.quotesByEvent.get(selectedEvent.id) ?? []).map((quote) => quote.id) : []);
	const pinned = new Set(state.pins);

	/** The lines of a list pane on screen, and the line of the list the first of them is. */
	const listLines = (pane: PaneId): {first: number; lines: Array<readonly Segment[]>} => {
		const area = layout.panes[pane];
		const width = contentWidth(area);
		const height = heights[pane];
		const shape = shapes[pane];
		if (shape.itemCount === 0) {
			const why = searching ? '  no matches' : state.filter ? '  nothing for this filter' : '  nothing here';
			return {first: 0, lines: [fitSegments([plain(why, {dim: true})], width)]};
		}

		const selected = cursor(pane);
		const start = windowStart(shape, selected, state.scroll[pane], height);
		const focused = state.focus === pane && !state.detailOpen;
		const lines: Array<readonly Segment[]> = [];
		for (let line = start; line < Math.min(shape.lineCount, start + height);) {
			if (pane === 'timeline') {
				const entry = searching ? {kind: 'item' as const, item: line} : timeline.lines[line]!;
				if (entry.kind === 'separator') {
					lines.push(separatorRow(entry, width));
				} else {
					const event = items.timeline[entry.item]!;
					const key = `event:${event.id}`;
					lines.push(timelineRow(event, {selected: entry.item === selected, focused, related: false, pinned: pinned.has(key), matches: matches?.ranges.get(key)}, width));
				}

				line++;
				continue;
			}

			const item = shape.itemAt(line);
			const offset = line - shape.firstLine(item);
			const record = pane === 'actors' ? items.actors[item]! : items.quotes[item]!;
			const key = `${pane === 'actors' ? 'actor' : 'quote'}:${record.id}`;
			const rowState: RowState = {
				selected: item === selected,
				focused,
				related: pane === 'actors' ? relatedActors.has(record.id) : relatedQuotes.has(record.id),
				pinned: pinned.has(key),
				matches: matches?.ranges.get(key),
			};
			const rows = pane === 'actors' ? actorRows(linked, items.actors[item]!, rowState, width) : quoteRows(linked, items.quotes[item]!, rowState, width);
			for (const row of rows.slice(offset)) {
				if (lines.length < height) {
					lines.push(row);
				}
			}

			line += rows.length - offset;
		}

		return {first: start, lines};
	};

	const totals = {timeline: matches?.total.events, actors: matches?.total.actors, quotes: matches?.total.quotes};
	// While searching, a pane shows its best matches; the title says when there are more.
	const countLabel = (id: PaneId): string => {
		const total = totals[id];
		return total !== undefined && total > counts[id] && !state.filter ? `${counts[id]} of ${total}` : String(counts[id]);
	};

	const filterActor = state.filter ? linked.actorById.get(state.filter.actor) : undefined;
	const paneTitle = (pane: PaneId): string => (filterActor && pane !== 'actors' ? `${paneTitles[pane]} · ${sanitizeInline(filterActor.name)}` : paneTitles[pane]);
	const pane = (id: PaneId): React.JSX.Element => {
		const {first, lines} = listLines(id);
		return <Pane key={id} title={paneTitle(id)} count={countLabel(id)} focused={state.focus === id && !state.detailOpen} area={layout.panes[id]} lines={lines} first={first}/>;
	};

	const detailPane = (): React.JSX.Element => {
		const start = textStart(detail, state.detailScroll, contentHeight(layout.detail));
		return <Pane key="detail" title="Detail" focused={state.detailOpen} area={layout.detail} lines={textLines(detail, start, contentHeight(layout.detail), contentWidth(layout.detail))} first={start}/>;
	};

	// The header: the dataset, or the search line while there is a search.
	const counted = `${linked.sources.length} sources · ${linked.actors.length} actors · ${linked.events.length} events · ${linked.quotes.length} quotes`;
	const typing = modeOf(state) === 'typing';
	const headerParts: Segment[] = [plain(' briefing ', {bold: true, inverse: true})];
	if (typing || state.search.text !== '') {
		headerParts.push(plain(' / ', {bold: true, color: 'cyan'}), plain(sanitizeInline(state.search.text), {bold: true}));
		if (typing) {
			headerParts.push(plain('▏', {color: 'cyan'}));
		}

		if (searchErrors.length > 0) {
			headerParts.push(plain(`  ⚠ ${searchErrors[0]}`, {color: 'red', bold: true}));
		} else if (indexing !== undefined) {
			headerParts.push(plain(`  indexing ${Math.floor(indexing * 100)}%…`, {dim: true}));
		} else if (matches) {
			headerParts.push(plain(`  ${matches.total.events} events · ${matches.total.actors} actors · ${matches.total.quotes} quotes`, {dim: true}));
		}
	} else {
		headerParts.push(plain(` ${sanitizeInline(name)} · as of ${formatDateText(linked.asOf)} · ${counted}`));
	}

	if (state.pins.length > 0) {
		headerParts.push(plain(` · ${state.pins.length} pinned`, {color: 'magenta', bold: true}));
	}

	if (filterActor) {
		headerParts.push(plain(` · filter: ${sanitizeInline(filterActor.name)} (Esc clears)`, {color: 'yellow', bold: true}));
	}

	const header = fitSegments(headerParts, layout.columns);

	const where = state.detailOpen ? 'detail' : state.focus === 'actors' ? 'actors' : 'lists';
	let footerText: Segment[];
	if (state.prompt) {
		footerText = [plain(' Write the briefing to: ', {bold: true}), plain(sanitizeInline(state.prompt.text)), plain('▏', {color: 'cyan'}), plain('  Enter writes · Esc cancels', {dim: true})];
	} else if (state.status) {
		footerText = [plain(` ${sanitizeInline(state.status)}`, {color: 'yellow', bold: true})];
	} else if (typing) {
		footerText = [plain(' type to search · Enter keeps the results · Esc clears · filters: actor: tag: since: until: source: status: type:', {dim: true})];
	} else if (state.overlay === 'brief') {
		footerText = [plain(' j/k scroll  w write to a file  b or Esc close  q quit', {dim: true})];
	} else if (state.overlay === 'help') {
		footerText = [plain(' j/k scroll  ? or Esc close  q quit', {dim: true})];
	} else if (state.detailOpen) {
		footerText = [plain(' j/k scroll  Esc back  ? help  q quit', {dim: true})];
	} else {
		const hints = bindings.filter((binding) => binding.footer && (binding.footer.where === 'always' || binding.footer.where === where || (where === 'actors' && binding.footer.where === 'lists'))).map((binding) => binding.footer!.label);
		if (searching) {
			hints.splice(1, 0, 'n/N match');
		}

		// On a narrow terminal the least needed hints go first; help and quit stay.
		const priority = ['? help', 'q quit', '/ search', 'j/k move', 'Enter open', 'Tab pane', 'f filter', 'n/N match', 'Esc back', 'Space pin', 'b brief'];
		while (hints.length > 2 && displayWidth(` ${hints.join('  ')}`) > layout.columns) {
			const drop = hints.reduce((worst, hint) => (priority.indexOf(hint) > priority.indexOf(worst) ? hint : worst));
			hints.splice(hints.indexOf(drop), 1);
		}

		footerText = [plain(` ${hints.join('  ')}`, {dim: true})];
	}

	const footer = fitSegments(footerText, layout.columns);

	let body: React.JSX.Element;
	if (state.overlay) {
		const title = state.overlay === 'help' ? 'Keys' : `Briefing preview${state.pins.length > 0 ? ` · ${state.pins.length} pinned` : ''} · as \`briefing print${state.pins.length > 0 ? ' --pinned' : ''}\` prints it`;
		body = <Pane title={title} focused area={overlayArea} lines={textLines(overlayLines, state.overlayScroll, contentHeight(overlayArea), contentWidth(overlayArea))} first={state.overlayScroll}/>;
	} else if (layout.mode === 'wide') {
		body = <Box>{paneIds.map((id) => pane(id))}{detailPane()}</Box>;
	} else if (layout.mode === 'medium') {
		body = <Box flexDirection="column"><Box>{paneIds.map((id) => pane(id))}</Box>{detailPane()}</Box>;
	} else {
		const tabs = paneIds.flatMap((id, position) => [
			plain(position === 0 ? ' ' : ' │ ', {dim: true}),
			plain(`${position + 1} ${paneTitles[id]} ${counts[id]}`, state.focus === id ? {bold: true, inverse: true, color: 'cyan'} : {}),
		]);
		body = (
			<Box flexDirection="column">
				<Line segments={fitSegments(tabs, layout.columns)}/>
				{state.detailOpen ? detailPane() : pane(state.focus)}
			</Box>
		);
	}

	return (
		<Box flexDirection="column" width={layout.columns} height={layout.height}>
			<Line segments={header}/>
			{body}
			<Line segments={footer}/>
		</Box>
	);
}
