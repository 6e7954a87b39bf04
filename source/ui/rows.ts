import type {LinkedDataset} from '../core/dataset.js';
import {formatDateText} from '../core/edtf.js';
import {highlightSegments} from '../core/highlight.js';
import {sanitizeFragment, sanitizeInline} from '../core/sanitize.js';
import type {Actor, Event, Quote} from '../core/schema.js';
import {involvement, sourceCount, type TimelineLine} from './model.js';
import {displayWidth, fitSegments, plain, type Segment, spread, type Style} from './text.js';

/** Each list line as styled segments of exactly the pane's width. */

export type RowState = {
	readonly selected: boolean;
	/** The pane has the focus: the selection is drawn as a bar, not only a marker. */
	readonly focused: boolean;
	/** Related to the event selected in the timeline. */
	readonly related: boolean;
	readonly pinned: boolean;
	/** Characters of the main field that a search matched, `[start, end)` in the raw string. */
	readonly matches?: ReadonlyArray<readonly [number, number]>;
};

const matchStyle: Style = {color: 'yellow', bold: true, underline: true};

function trimEnds(pieces: Segment[]): Segment[] {
	if (pieces.length === 0) {
		return pieces;
	}

	const out = [...pieces];
	out[0] = {...out[0]!, text: out[0]!.text.trimStart()};
	out[out.length - 1] = {...out.at(-1)!, text: out.at(-1)!.text.trimEnd()};
	return out.filter((piece) => piece.text !== '');
}

/** A data string as segments, the characters a search matched set apart; each piece sanitized. */
function highlighted(text: string, state: RowState, style: Style = {}): Segment[] {
	if (!state.matches || state.matches.length === 0) {
		return [plain(sanitizeInline(text), style)];
	}

	const pieces = highlightSegments(text, state.matches).map((piece) => plain(sanitizeFragment(piece.text), piece.match ? {...style, ...matchStyle} : style));
	// The line as a whole is trimmed like any other; the pieces keep the spaces between them.
	return trimEnds(pieces);
}

const statusMarks: Record<Event['status'], string> = {occurred: ' ', scheduled: '»', cancelled: '×', postponed: '…'};

function rowStyle(state: RowState): Style {
	if (state.selected && state.focused) {
		return {inverse: true, bold: true};
	}

	if (state.selected) {
		return {bold: true};
	}

	return state.related ? {color: 'yellow'} : {};
}

function marker(state: RowState): string {
	const pin = state.pinned ? '*' : ' ';
	if (state.selected) {
		return `›${pin}`;
	}

	return `${state.related ? '•' : ' '}${pin}`;
}

function styled(segments: readonly Segment[], style: Style): Segment[] {
	return segments.map((segment) => ({...segment, ...style}));
}

function sameRowState(a: RowState, b: RowState): boolean {
	return a.selected === b.selected && a.focused === b.focused && a.related === b.related && a.pinned === b.pinned && a.matches === b.matches;
}

type Made = {readonly linked: LinkedDataset | undefined; readonly state: RowState | undefined; readonly width: number; readonly rows: unknown};

/**
 * The rows last made for each item (or separator), with what they were made from. A move draws
 * the rows around it again, nearly all as they were: they are not made again, and being the same
 * arrays, the lines drawn from them are seen to be unchanged at a glance.
 */
const made = new WeakMap<object, Made>();

function remembered<T>(item: object, linked: LinkedDataset | undefined, state: RowState | undefined, width: number, make: () => T): T {
	const last = made.get(item);
	if (last !== undefined && last.linked === linked && last.width === width
		&& (last.state === state || (last.state !== undefined && state !== undefined && sameRowState(last.state, state)))) {
		return last.rows as T;
	}

	const rows = make();
	made.set(item, {linked, state, width, rows});
	return rows;
}

export function separatorRow(line: Extract<TimelineLine, {kind: 'separator'}>, width: number): readonly Segment[] {
	return remembered(line, undefined, undefined, width, () => {
		const label = `── ${line.label} `;
		const rule = '─'.repeat(Math.max(0, width - displayWidth(label)));
		return fitSegments([plain(`${label}${rule}`, {dim: true, color: 'gray'})], width);
	});
}

export function timelineRow(event: Event, state: RowState, width: number): readonly Segment[] {
	return remembered(event, undefined, state, width, () => makeTimelineRow(event, state, width));
}

function makeTimelineRow(event: Event, state: RowState, width: number): Segment[] {
	const style = rowStyle(state);
	const date = formatDateText(event.date).padEnd(12);
	const left: Segment[] = [
		plain(marker(state)),
		plain(date, {color: event.date === null ? 'gray' : 'cyan'}),
		plain(statusMarks[event.status], {color: 'magenta', bold: true}),
		...highlighted(event.title, state),
	];
	const count = sourceCount(event);
	const right = [plain(`${count}src`, {color: count > 1 ? 'green' : 'gray'})];
	return styled(spread(left, right, width), style);
}

export function actorRows(linked: LinkedDataset, actor: Actor, state: RowState, width: number): ReadonlyArray<readonly Segment[]> {
	return remembered(actor, linked, state, width, () => makeActorRows(linked, actor, state, width));
}

function makeActorRows(linked: LinkedDataset, actor: Actor, state: RowState, width: number): Segment[][] {
	const style = rowStyle(state);
	const {events, quotes} = involvement(linked, actor.id);
	const first = spread(
		[plain(marker(state)), ...highlighted(actor.name, state, {bold: true})],
		[plain(`${events}ev ${quotes}q`, {color: 'green'})],
		width,
	);
	const second = fitSegments([
		plain('  '),
		plain(actor.kind, {color: 'cyan'}),
		plain(actor.role ? ` · ${sanitizeInline(actor.role)}` : '', {dim: true}),
	], width);
	return [styled(first, style), styled(second, style)];
}

export function quoteRows(linked: LinkedDataset, quote: Quote, state: RowState, width: number): ReadonlyArray<readonly Segment[]> {
	return remembered(quote, linked, state, width, () => makeQuoteRows(linked, quote, state, width));
}

function makeQuoteRows(linked: LinkedDataset, quote: Quote, state: RowState, width: number): Segment[][] {
	const style = rowStyle(state);
	const speaker = linked.actorById.get(quote.speaker)?.name ?? quote.speaker;
	const meta = [formatDateText(quote.date), quote.channel === null ? null : sanitizeInline(quote.channel)].filter(Boolean).join(' · ');
	// The speaker matters more than the date and channel, so those are cut first.
	const first = fitSegments([
		plain(marker(state)),
		plain(sanitizeInline(speaker), {bold: true}),
		plain(` · ${meta}`, {color: 'cyan'}),
	], width);
	const second = fitSegments([plain('  “', {italic: true}), ...highlighted(quote.text, state, {italic: true}), plain('”', {italic: true})], width);
	return [styled(first, style), styled(second, style)];
}
