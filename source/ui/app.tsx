import {Box, Text, useApp, useInput, useStdout} from 'ink';
import React, {useEffect, useMemo, useRef, useState} from 'react';
import type {LinkedDataset} from '../core/dataset.js';
import {formatDateText} from '../core/edtf.js';
import {sanitizeInline} from '../core/sanitize.js';
import {type DetailLine, detailLines, type Tone} from './detail.js';
import {bindings, commandFor, groups} from './keymap.js';
import {
	type Box as Area, computeLayout, contentHeight, contentWidth, type Layout, minimumColumns, minimumRows,
	type PaneId, paneIds, paneTitles,
} from './layout.js';
import {
	actorsByInvolvement, type ListShape, paneItems, type Selection, timelineModel, uniformModel, windowStart,
} from './model.js';
import {actorRows, quoteRows, type RowState, separatorRow, timelineRow} from './rows.js';
import {cursorOf, initialState, reduce, type State, type View} from './state.js';
import {fitSegments, plain, type Segment, spread} from './text.js';

function Line({segments}: {readonly segments: readonly Segment[]}): React.JSX.Element {
	return (
		<Text wrap="truncate">
			{segments.map((segment, index) => (
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

function Pane({title, count, focused, area, lines}: {
	readonly title: string;
	readonly count?: number;
	readonly focused: boolean;
	readonly area: Area;
	readonly lines: ReadonlyArray<readonly Segment[]>;
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
			overflow="hidden"
		>
			<Line segments={heading}/>
			{lines.map((segments, index) => (
				// eslint-disable-next-line react/no-array-index-key
				<Line key={index} segments={segments}/>
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

		lines.push({text: group, tone: 'heading'});
		for (const binding of bindings.filter((each) => each.group === group)) {
			lines.push({text: `  ${binding.keys.padEnd(keyWidth)}${binding.description}`, tone: 'body'});
		}
	}

	lines.push({text: '', tone: 'body'}, {text: 'Timeline marks: » scheduled, × cancelled, … postponed; Nsrc = distinct sources.', tone: 'meta'});
	lines.push({text: '? or Esc closes this help.', tone: 'meta'});
	return lines.flatMap((line) => (line.text.length > width ? [{...line, text: line.text.slice(0, width)}] : [line]));
}

export type AppProps = {
	readonly linked: LinkedDataset;
	readonly name: string;
	/** A fixed size for tests; otherwise the terminal's, followed live. */
	readonly size?: {columns: number; rows: number};
};

export function App({linked, name, size: fixedSize}: AppProps): React.JSX.Element {
	const {exit} = useApp();
	const size = useTerminalSize(fixedSize);
	const layout = computeLayout(size.columns, size.rows);
	const [state, setState] = useState<State>(initialState);

	const ranked = useMemo(() => actorsByInvolvement(linked), [linked]);
	const items = useMemo(() => paneItems(linked, ranked, state.filter), [linked, ranked, state.filter]);
	const timeline = useMemo(() => timelineModel(items.timeline, linked.eventDate), [items.timeline, linked]);
	const shapes: Record<PaneId, ListShape> = useMemo(() => ({
		timeline,
		actors: uniformModel(items.actors.length, 2),
		quotes: uniformModel(items.quotes.length, 2),
	}), [timeline, items]);

	const panes = layout.mode === 'too-small' ? undefined : layout.panes;
	const heights = Object.fromEntries(paneIds.map((pane) => [pane, panes ? contentHeight(panes[pane]) : 0])) as Record<PaneId, number>;
	const counts: Record<PaneId, number> = {timeline: items.timeline.length, actors: items.actors.length, quotes: items.quotes.length};
	const defaults: Record<PaneId, number> = {timeline: timeline.latestDated, actors: 0, quotes: 0};
	const partial = {counts, defaults, shapes, heights};
	const cursor = (pane: PaneId): number => cursorOf(state, partial as unknown as View, pane);

	const selection: Selection = (() => {
		const index = cursor(state.focus);
		if (state.focus === 'timeline' && items.timeline[index]) {
			return {kind: 'event', event: items.timeline[index]};
		}

		if (state.focus === 'actors' && items.actors[index]) {
			return {kind: 'actor', actor: items.actors[index]};
		}

		if (state.focus === 'quotes' && items.quotes[index]) {
			return {kind: 'quote', quote: items.quotes[index]};
		}

		return {kind: 'none', pane: state.focus};
	})();

	const detailArea = layout.mode === 'too-small' ? {width: 0, height: 0} : layout.detail;
	const detail = useMemo(() => detailLines(linked, selection, contentWidth(detailArea)), [linked, selection.kind === 'none' ? selection.pane : selection.kind === 'event' ? selection.event : selection.kind === 'actor' ? selection.actor : selection.quote, detailArea.width]);
	const help = useMemo(() => helpLines(Math.max(10, size.columns - 4)), [size.columns]);
	const bodyHeight = layout.mode === 'too-small' ? 0 : layout.height - 2;

	const view: View = {
		...partial,
		pageSize: Object.fromEntries(paneIds.map((pane) => [pane, Math.max(1, Math.floor(heights[pane] / shapes[pane].itemHeight))])) as Record<PaneId, number>,
		detailLines: detail.length,
		detailHeight: contentHeight(detailArea),
		helpLines: help.length,
		helpHeight: Math.max(1, bodyHeight - 3),
		selectedActor: items.actors[cursor('actors')]?.id,
	};
	const viewRef = useRef(view);
	viewRef.current = view;

	useInput((input, key) => {
		// Ink hands over a run of typed characters as one input ("jjj" when a key repeats fast).
		const presses = input.length > 1 && !key.ctrl && !key.meta ? [...input] : [input];
		const commands = presses.map((each) => commandFor(each, key)).filter((command) => command !== undefined);
		if (commands.length > 0) {
			setState((current) => commands.reduce((state, command) => reduce(state, command, viewRef.current), current));
		}
	});

	useEffect(() => {
		if (state.quit) {
			exit();
		}
	}, [state.quit, exit]);

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

	const listLines = (pane: PaneId): Segment[][] => {
		const area = layout.panes[pane];
		const width = contentWidth(area);
		const height = heights[pane];
		const shape = shapes[pane];
		if (shape.itemCount === 0) {
			return [fitSegments([plain(state.filter ? '  nothing for this filter' : '  nothing here', {dim: true})], width)];
		}

		const selected = cursor(pane);
		const start = windowStart(shape, selected, state.scroll[pane], height);
		const focused = state.focus === pane && !state.detailOpen;
		const lines: Segment[][] = [];
		for (let line = start; line < Math.min(shape.lineCount, start + height);) {
			if (pane === 'timeline') {
				const entry = timeline.lines[line]!;
				if (entry.kind === 'separator') {
					lines.push(separatorRow(entry, width));
				} else {
					const event = items.timeline[entry.item]!;
					lines.push(timelineRow(event, {selected: entry.item === selected, focused, related: false}, width));
				}

				line++;
				continue;
			}

			const item = shape.itemAt(line);
			const offset = line - shape.firstLine(item);
			const rowState: RowState = {
				selected: item === selected,
				focused,
				related: pane === 'actors' ? relatedActors.has(items.actors[item]!.id) : relatedQuotes.has(items.quotes[item]!.id),
			};
			const rows = pane === 'actors' ? actorRows(linked, items.actors[item]!, rowState, width) : quoteRows(linked, items.quotes[item]!, rowState, width);
			for (const row of rows.slice(offset)) {
				if (lines.length < height) {
					lines.push(row);
				}
			}

			line += rows.length - offset;
		}

		return lines;
	};

	const filterActor = state.filter ? linked.actorById.get(state.filter.actor) : undefined;
	const paneTitle = (pane: PaneId): string => (filterActor && pane !== 'actors' ? `${paneTitles[pane]} · ${sanitizeInline(filterActor.name)}` : paneTitles[pane]);
	const pane = (id: PaneId): React.JSX.Element => (
		<Pane key={id} title={paneTitle(id)} count={counts[id]} focused={state.focus === id && !state.detailOpen} area={layout.panes[id]} lines={listLines(id)}/>
	);

	const detailPane = (
		<Pane
			key="detail"
			title="Detail"
			focused={state.detailOpen}
			area={layout.detail}
			lines={textLines(detail, Math.min(state.detailScroll, Math.max(0, detail.length - contentHeight(layout.detail))), contentHeight(layout.detail), contentWidth(layout.detail))}
		/>
	);

	const counted = `${linked.sources.length} sources · ${linked.actors.length} actors · ${linked.events.length} events · ${linked.quotes.length} quotes`;
	const header = fitSegments([
		plain(' briefing ', {bold: true, inverse: true}),
		plain(` ${sanitizeInline(name)} · as of ${formatDateText(linked.asOf)} · ${counted}`),
		plain(filterActor ? ` · filter: ${sanitizeInline(filterActor.name)} (Esc clears)` : '', {color: 'yellow', bold: true}),
	], layout.columns);

	const where = state.detailOpen ? 'detail' : state.focus === 'actors' ? 'actors' : 'lists';
	const hints = state.detailOpen
		? ['j/k scroll', 'Esc back', '? help', 'q quit']
		: bindings.filter((binding) => binding.footer && (binding.footer.where === 'always' || binding.footer.where === where || (where === 'actors' && binding.footer.where === 'lists'))).map((binding) => binding.footer!.label);
	const footer = fitSegments([plain(` ${hints.join('  ')}`, {dim: true})], layout.columns);

	let body: React.JSX.Element;
	if (state.help) {
		const area = {width: layout.columns, height: layout.height - 2};
		body = <Pane title="Keys" focused area={area} lines={textLines(help, state.helpScroll, contentHeight(area), contentWidth(area))}/>;
	} else if (layout.mode === 'wide') {
		body = <Box>{paneIds.map((id) => pane(id))}{detailPane}</Box>;
	} else if (layout.mode === 'medium') {
		body = <Box flexDirection="column"><Box>{paneIds.map((id) => pane(id))}</Box>{detailPane}</Box>;
	} else {
		const tabs = paneIds.flatMap((id, index) => [
			plain(index === 0 ? ' ' : ' │ ', {dim: true}),
			plain(`${index + 1} ${paneTitles[id]} ${counts[id]}`, state.focus === id ? {bold: true, inverse: true, color: 'cyan'} : {}),
		]);
		body = (
			<Box flexDirection="column">
				<Line segments={fitSegments(tabs, layout.columns)}/>
				{state.detailOpen ? detailPane : pane(state.focus)}
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
