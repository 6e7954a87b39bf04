import type {LinkedDataset} from './dataset.js';
import {compareDateText, edtf, formatDateText} from './edtf.js';
import {sanitizeInline} from './sanitize.js';
import type {Actor, Event, Quote, Source} from './schema.js';
import {displayWidth, graphemesOf, wrapText} from './wrap.js';

/**
 * A one-page briefing in the shape of an intelligence or diplomatic brief: header, bottom line up
 * front, key developments, key quotes, who's who, what's next, gaps and sources. Composing decides
 * what goes on the page; the renderers only lay it out.
 */

export type BriefSelection = {
	readonly events: readonly Event[];
	readonly quotes: readonly Quote[];
	/** Actors chosen directly (pinned, or matched by a query): always in the who's who. */
	readonly actors: readonly Actor[];
};

export type BriefOptions = {
	readonly title: string;
	/** Pinned item ids: ranked above everything else. */
	readonly pinned?: ReadonlySet<string>;
	/** The page: at most this many lines of at most this many display columns. */
	readonly lines: number;
	readonly width: number;
	/** What narrowed the selection, said in the header ("Actor: Emmanuel Macron; since Jan 2025"). */
	readonly scope?: string;
};

export type BriefDevelopment = {
	readonly event: Event;
	readonly sources: readonly number[];
	readonly sourceCount: number;
};

export type BriefQuote = {
	readonly quote: Quote;
	readonly speaker: Actor | undefined;
	readonly sources: readonly number[];
};

export type Brief = {
	readonly title: string;
	readonly scope: string | null;
	readonly asOf: string | null;
	/** Earliest and latest dates of what is on the page. */
	readonly period: readonly [string, string] | null;
	readonly bottomLine: string;
	/** Newest first. */
	readonly developments: readonly BriefDevelopment[];
	readonly quotes: readonly BriefQuote[];
	readonly whosWho: readonly Actor[];
	/** Soonest first. */
	readonly next: readonly BriefDevelopment[];
	readonly gaps: readonly string[];
	readonly sources: ReadonlyArray<{readonly number: number; readonly source: Source}>;
	/** What matched but did not fit, per section. */
	readonly omitted: {readonly developments: number; readonly quotes: number; readonly next: number};
	readonly matched: {readonly developments: number; readonly quotes: number; readonly next: number};
};

/** An item may take at most this many lines; a longer one would crowd out the rest of the page. */
const maxItemLines = 6;

function dayOf(date: string | null): number | undefined {
	return date === null ? undefined : edtf(date).earliest;
}

/** Scheduled, and not before the as-of date: what comes next. */
function isUpcoming(event: Event, asOf: string | null): boolean {
	if (event.status !== 'scheduled') {
		return false;
	}

	if (event.date === null || asOf === null) {
		return true;
	}

	return edtf(event.date).latest >= edtf(asOf).earliest;
}

function distinctSources(event: Event): number {
	return new Set(event.evidence.map((evidence) => evidence.source)).size;
}

const byId = (a: {id: string}, b: {id: string}): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The ranking, as the README explains it: pinned first; then corroboration (distinct sources, three
 * points each), actors involved (one each, up to four), quotes attached (two each, up to three) and
 * recency (up to three points for the latest); ties go to the later date, then the id.
 */
export function rankEvents(linked: LinkedDataset, events: readonly Event[], pinned: ReadonlySet<string>): Event[] {
	const dayOfEvent = (event: Event): number | undefined => linked.eventDate.get(event.id)?.earliest ?? dayOf(event.date);
	let first = Number.POSITIVE_INFINITY;
	let last = Number.NEGATIVE_INFINITY;
	for (const event of events) {
		const day = dayOfEvent(event);
		if (day !== undefined) {
			first = Math.min(first, day);
			last = Math.max(last, day);
		}
	}

	const keyed = events.map((event) => {
		const day = dayOfEvent(event);
		const recency = day === undefined || last === first ? 0 : (3 * (day - first)) / (last - first);
		const score = (pinned.has(event.id) ? 1000 : 0)
			+ (3 * distinctSources(event))
			+ Math.min(4, new Set(event.actors).size)
			+ (2 * Math.min(3, linked.quotesByEvent.get(event.id)?.length ?? 0))
			+ recency;
		return {event, score, day: day ?? Number.NEGATIVE_INFINITY};
	});
	keyed.sort((a, b) => b.score - a.score || b.day - a.day || byId(a.event, b.event));
	return keyed.map((entry) => entry.event);
}

/**
 * Quotes: pinned first; then those said at a development on the page (four points), whole before
 * partial (two), prominent speakers (up to one), shorter before longer; ties to the newest. The
 * page takes them in this order but prefers a speaker it does not quote yet.
 */
export function rankQuotes(linked: LinkedDataset, quotes: readonly Quote[], pinned: ReadonlySet<string>, onPage: ReadonlySet<string>): Quote[] {
	// A long quote costs the page several lines, so brevity counts a little.
	const keyed = quotes.map((quote) => ({
		quote,
		day: dayOf(quote.date) ?? Number.NEGATIVE_INFINITY,
		score: (pinned.has(quote.id) ? 1000 : 0)
			+ (quote.event !== null && onPage.has(quote.event) ? 4 : 0)
			+ (quote.partial ? 0 : 2)
			+ Math.min(1, (linked.eventsByActor.get(quote.speaker)?.length ?? 0) / 10)
			- Math.min(3, quote.text.length / 150),
	}));
	keyed.sort((a, b) => b.score - a.score || b.day - a.day || byId(a.quote, b.quote));
	return keyed.map((entry) => entry.quote);
}

function plural(count: number, word: string): string {
	return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function dateLabel(date: string | null): string {
	return formatDateText(date);
}

function bottomLine(top: readonly Event[], next: readonly Event[]): string {
	if (top.length === 0) {
		return next.length > 0 ? `Nothing has happened yet in this selection; next: ${sanitizeInline(next[0]!.title)} (${dateLabel(next[0]!.date)}).` : 'Nothing in this selection.';
	}

	const lead = top.slice(0, 2).map((event) => `${sanitizeInline(event.title)} (${dateLabel(event.date)}, ${plural(distinctSources(event), 'source')})`);
	let text = `${lead.join('; ')}.`;
	if (next.length > 0) {
		text += ` Next: ${sanitizeInline(next[0]!.title)} (${dateLabel(next[0]!.date)}).`;
	}

	return text;
}

type Draft = {
	developments: Event[];
	quotes: Quote[];
	next: Event[];
};

/** Numbers sources in order of first citation on the page. */
function numberSources(linked: LinkedDataset, draft: Draft): Map<string, number> {
	const numbers = new Map<string, number>();
	const cite = (id: string): void => {
		if (!numbers.has(id) && linked.sourceById.has(id)) {
			numbers.set(id, numbers.size + 1);
		}
	};

	for (const event of [...draft.developments, ...draft.next]) {
		for (const evidence of event.evidence) {
			cite(evidence.source);
		}
	}

	for (const quote of draft.quotes) {
		cite(quote.evidence.source);
	}

	return numbers;
}

function period(events: readonly Event[], quotes: readonly Quote[]): [string, string] | null {
	const dates = [...events.map((event) => event.date), ...quotes.map((quote) => quote.date)].filter((date): date is string => date !== null);
	if (dates.length === 0) {
		return null;
	}

	dates.sort(compareDateText);
	return [dates[0]!, dates.at(-1)!];
}

/** At most this many people in the who's who: it introduces, it does not list. */
const whosWhoLimit = 8;

function whosWho(linked: LinkedDataset, draft: Draft, chosen: readonly Actor[]): Actor[] {
	const mentions = new Map<string, number>();
	const mention = (id: string, weight: number): void => {
		mentions.set(id, (mentions.get(id) ?? 0) + weight);
	};

	for (const event of [...draft.developments, ...draft.next]) {
		for (const id of new Set(event.actors)) {
			mention(id, 1);
		}
	}

	for (const quote of draft.quotes) {
		mention(quote.speaker, 2);
	}

	// People need introducing, and any speaker; countries and places speak for themselves.
	const onPage = [...mentions]
		.map(([id, count]) => ({actor: linked.actorById.get(id), count, speaks: draft.quotes.some((quote) => quote.speaker === id)}))
		.filter((entry): entry is {actor: Actor; count: number; speaks: boolean} => entry.actor !== undefined && (entry.actor.kind === 'person' || entry.speaks))
		.filter((entry) => !chosen.includes(entry.actor))
		.sort((a, b) => b.count - a.count || a.actor.name.localeCompare(b.actor.name))
		.map((entry) => entry.actor);
	return [...chosen, ...onPage].slice(0, Math.max(whosWhoLimit, chosen.length));
}

function gaps(linked: LinkedDataset, draft: Draft, numbers: ReadonlyMap<string, number>): string[] {
	const lines: string[] = [];
	const shown = [...draft.developments, ...draft.next];
	const single = shown.filter((event) => distinctSources(event) === 1).length;
	if (single > 0) {
		lines.push(`${single} of ${plural(shown.length, 'development')} on this page ${single === 1 ? 'rests' : 'rest'} on a single source.`);
	}

	const uncertain = shown.filter((event) => event.date !== null && edtf(event.date).qualifier !== null).length;
	if (uncertain > 0) {
		lines.push(`${plural(uncertain, 'date')} inferred or approximate (marked ? or ~).`);
	}

	const undatedEvents = shown.filter((event) => event.date === null).length;
	if (undatedEvents > 0) {
		lines.push(`${plural(undatedEvents, 'development')} without a date in any source.`);
	}

	const undatedSources = [...numbers].filter(([id]) => linked.sourceById.get(id)?.published === null).map(([, number]) => `[${number}]`);
	if (undatedSources.length > 0) {
		lines.push(`Undated ${undatedSources.length === 1 ? 'source' : 'sources'}: ${undatedSources.join(' ')}; dates from ${undatedSources.length === 1 ? 'it' : 'them'} are read from the text.`);
	}

	const partial = draft.quotes.filter((quote) => quote.partial).length;
	if (partial > 0) {
		lines.push(`${plural(partial, 'quote')} partial: only the words in quotation marks are the speaker's.`);
	}

	return lines;
}

function assemble(linked: LinkedDataset, draft: Draft, options: BriefOptions, matched: Brief['matched'], chosenActors: readonly Actor[]): Brief {
	const numbers = numberSources(linked, draft);
	const cite = (ids: Iterable<string>): number[] => [...new Set([...ids].map((id) => numbers.get(id)).filter((number): number is number => number !== undefined))].sort((a, b) => a - b);
	const development = (event: Event): BriefDevelopment => ({event, sources: cite(event.evidence.map((evidence) => evidence.source)), sourceCount: distinctSources(event)});
	const rankedForLead = rankEvents(linked, draft.developments, options.pinned ?? new Set());
	return {
		title: options.title,
		scope: options.scope ?? null,
		asOf: linked.asOf,
		period: period([...draft.developments, ...draft.next], draft.quotes),
		bottomLine: bottomLine(rankedForLead, [...draft.next].sort((a, b) => compareDateText(a.date, b.date))),
		developments: [...draft.developments].sort((a, b) => compareDateText(b.date, a.date) || byId(a, b)).map(development),
		quotes: draft.quotes.map((quote) => ({quote, speaker: linked.actorById.get(quote.speaker), sources: cite([quote.evidence.source])})),
		whosWho: whosWho(linked, draft, chosenActors),
		next: [...draft.next].sort((a, b) => compareDateText(a.date, b.date) || byId(a, b)).map(development),
		gaps: gaps(linked, draft, numbers),
		sources: [...numbers].map(([id, number]) => ({number, source: linked.sourceById.get(id)!})),
		omitted: {
			developments: matched.developments - draft.developments.length,
			quotes: matched.quotes - draft.quotes.length,
			next: matched.next - draft.next.length,
		},
		matched,
	};
}

/** How many candidates per section are tried; beyond them nothing could fit a page anyway. */
const candidateCap = 150;

/**
 * Composes the brief that fits the page: items are added in rank order, a few from each section in
 * turn, and an item that would overflow the page is left out whole.
 */
export function composeBrief(linked: LinkedDataset, selection: BriefSelection, options: BriefOptions): Brief {
	const pinned = options.pinned ?? new Set<string>();
	const upcoming = selection.events.filter((event) => isUpcoming(event, linked.asOf));
	const upcomingIds = new Set(upcoming.map((event) => event.id));
	const developments = rankEvents(linked, selection.events.filter((event) => !upcomingIds.has(event.id)), pinned);
	const next = rankEvents(linked, upcoming, pinned);
	const matched = {developments: developments.length, quotes: selection.quotes.length, next: next.length};
	const draft: Draft = {developments: [], quotes: [], next: []};
	// The actors asked about open the who's who, up to its limit (a query can match hundreds).
	let chosen = selection.actors.slice(0, whosWhoLimit);
	// Text and Markdown lay the same content out a little differently: the page must hold either.
	const fits = (): boolean => {
		const brief = assemble(linked, draft, options, matched, chosen);
		return renderText(brief, options.width).length <= options.lines && renderMarkdown(brief, options.width).length <= options.lines;
	};

	// Where even they overflow a small page (long names and roles), the last of them go.
	while (chosen.length > 0 && !fits()) {
		chosen = chosen.slice(0, -1);
	}

	const itemFits = (text: string): boolean => wrapLines(text, options.width, 2).length <= maxItemLines;
	const queues = {
		developments: developments.slice(0, candidateCap).filter((event) => itemFits(sanitizeInline(event.title))),
		next: next.slice(0, candidateCap).filter((event) => itemFits(sanitizeInline(event.title))),
		quotes: [] as Quote[],
	};

	// Quotes rank higher when said at a development on the page, so they are ranked once those are in.
	// Once a section has failed this often in a row the page is full for it: stop trying.
	const failures = {developments: 0, quotes: 0, next: 0};
	const giveUpAfter = 8;
	const tryAdd = <K extends keyof Draft>(section: K, item: Draft[K][number]): boolean => {
		(draft[section] as Array<typeof item>).push(item);
		if (fits()) {
			failures[section] = 0;
			return true;
		}

		(draft[section] as Array<typeof item>).pop();
		failures[section]++;
		if (failures[section] >= giveUpAfter) {
			queues[section].length = 0;
		}

		return false;
	};

	// Rounds: two developments, one quote, one next item, until nothing more fits.
	let quotesRanked = false;
	let progress = true;
	while (progress) {
		progress = false;
		for (let count = 0; count < 2 && queues.developments.length > 0; count++) {
			progress = tryAdd('developments', queues.developments.shift()!) || progress;
		}

		if (!quotesRanked && (queues.developments.length === 0 || draft.developments.length >= 3)) {
			const onPage = new Set(draft.developments.map((event) => event.id));
			queues.quotes = rankQuotes(linked, selection.quotes, pinned, onPage).slice(0, candidateCap).filter((quote) => itemFits(sanitizeInline(quote.text)));
			quotesRanked = true;
		}

		if (queues.quotes.length > 0) {
			const quoted = new Set(draft.quotes.map((quote) => quote.speaker));
			const fresh = queues.quotes.findIndex((quote) => !quoted.has(quote.speaker) || pinned.has(quote.id));
			const [quote] = queues.quotes.splice(Math.max(0, fresh), 1);
			progress = tryAdd('quotes', quote!) || progress;
		}

		if (queues.next.length > 0) {
			progress = tryAdd('next', queues.next.shift()!) || progress;
		}

		progress ||= queues.developments.length > 0 || queues.quotes.length > 0 || queues.next.length > 0 || !quotesRanked;
	}

	return assemble(linked, draft, options, matched, chosen);
}

// Rendering --------------------------------------------------------------------------------------

/** Shortens text at a word boundary, with an ellipsis, until it wraps to at most `maxLines`. */
export function clampText(text: string, width: number, maxLines: number): string {
	if (wrapLines(text, width).length <= maxLines) {
		return text;
	}

	const budget = Math.max(1, (width * maxLines) - 4);
	let cut = '';
	for (const segment of graphemesOf(text)) {
		if (displayWidth(cut + segment) > budget) {
			break;
		}

		cut += segment;
	}

	const boundary = cut.lastIndexOf(' ');
	let shortened = `${(boundary > cut.length / 2 ? cut.slice(0, boundary) : cut).trimEnd()}…`;
	while (wrapLines(shortened, width).length > maxLines && shortened.length > 1) {
		shortened = `${shortened.slice(0, -2).trimEnd()}…`;
	}

	return shortened;
}

/** Wraps to `width` display columns; continuation lines are indented by `indent`. */
export function wrapLines(text: string, width: number, indent = 0): string[] {
	const first = wrapText(text, Math.max(8, width));
	if (first.length <= 1 || indent === 0) {
		return first;
	}

	const [head, ...rest] = first;
	const restWrapped = wrapText(rest.join(' '), Math.max(8, width - indent));
	return [head!, ...restWrapped.map((line) => ' '.repeat(indent) + line)];
}

function references(numbers: readonly number[]): string {
	return numbers.map((number) => `[${number}]`).join('');
}

function speakerLabel(item: BriefQuote): string {
	const name = sanitizeInline(item.speaker?.name ?? item.quote.speaker);
	const role = item.speaker?.role ? `, ${sanitizeInline(item.speaker.role)}` : '';
	return `${name}${role}`;
}

/** A partial quote is shown as a fragment, so no reader takes it for the whole sentence. */
export function quotedText(quote: Quote): string {
	const text = sanitizeInline(quote.text);
	return quote.partial ? `“…${text}…”` : `“${text}”`;
}

function quoteMeta(item: BriefQuote): string {
	return [dateLabel(item.quote.date), item.quote.channel === null ? null : sanitizeInline(item.quote.channel)].filter(Boolean).join(', ');
}

function sourceLine(entry: Brief['sources'][number]): string {
	const {source} = entry;
	const outlet = source.outlet === null ? `${source.file === null ? sanitizeInline(source.id) : sanitizeInline(source.file)} (outlet not named)` : sanitizeInline(source.outlet);
	const title = source.title === null ? null : `“${sanitizeInline(source.title)}”`;
	const published = source.published === null ? 'undated' : dateLabel(source.published);
	return [outlet, title, published].filter(Boolean).join(', ');
}

function headerLines(brief: Brief): string[] {
	const parts = [`As of ${dateLabel(brief.asOf)}`];
	if (brief.period) {
		parts.push(brief.period[0] === brief.period[1] ? `covers ${dateLabel(brief.period[0])}` : `covers ${dateLabel(brief.period[0])} to ${dateLabel(brief.period[1])}`);
	}

	parts.push(plural(brief.sources.length, 'source'));
	const lines = [parts.join(' · ')];
	if (brief.scope) {
		lines.push(`Scope: ${brief.scope}`);
	}

	return lines;
}

function omittedLine(brief: Brief): string | null {
	const parts: string[] = [];
	if (brief.omitted.developments > 0) {
		parts.push(plural(brief.omitted.developments, 'development'));
	}

	if (brief.omitted.quotes > 0) {
		parts.push(plural(brief.omitted.quotes, 'quote'));
	}

	if (brief.omitted.next > 0) {
		parts.push(plural(brief.omitted.next, 'upcoming event'));
	}

	if (parts.length === 0) {
		return null;
	}

	return `Not shown for space: ${parts.join(', ')}. Narrow with --actor, --since or --query, or raise --lines.`;
}

const dateColumn = 14;

function developmentText(item: BriefDevelopment): string {
	const date = dateLabel(item.event.date).padEnd(dateColumn - 1);
	return `${date} ${sanitizeInline(item.event.title)} · ${plural(item.sourceCount, 'source')} ${references(item.sources)}`;
}

/** Plain text: what `briefing print` shows on a terminal. */
export function renderText(brief: Brief, width: number): string[] {
	const lines: string[] = [];
	const add = (text: string, indent = 0): void => {
		lines.push(...wrapLines(text, width, indent));
	};

	const section = (title: string): void => {
		lines.push('', title.toUpperCase());
	};

	add(clampText(`BRIEFING: ${sanitizeInline(brief.title)}`, width, 2));
	for (const line of headerLines(brief)) {
		add(clampText(line, width, 2));
	}

	lines.push('─'.repeat(Math.max(1, Math.min(width, 80))));
	section('Bottom line');
	add(clampText(brief.bottomLine, width, 4));

	if (brief.developments.length > 0) {
		section('Key developments (newest first)');
		for (const item of brief.developments) {
			add(developmentText(item), dateColumn);
		}
	}

	if (brief.quotes.length > 0) {
		section('Key quotes');
		for (const item of brief.quotes) {
			add(`${quotedText(item.quote)} — ${speakerLabel(item)}; ${quoteMeta(item)} ${references(item.sources)}`, 2);
		}
	}

	if (brief.whosWho.length > 0) {
		section('Who\'s who');
		for (const actor of brief.whosWho) {
			add(actor.role ? `${sanitizeInline(actor.name)} — ${sanitizeInline(actor.role)}` : sanitizeInline(actor.name), 2);
		}
	}

	if (brief.next.length > 0) {
		section('What\'s next');
		for (const item of brief.next) {
			add(developmentText(item), dateColumn);
		}
	}

	if (brief.gaps.length > 0) {
		section('Gaps');
		for (const gap of brief.gaps) {
			add(`- ${gap}`, 2);
		}
	}

	if (brief.sources.length > 0) {
		section('Sources');
		for (const entry of brief.sources) {
			add(`[${entry.number}] ${sourceLine(entry)}`, 4);
		}
	}

	const omitted = omittedLine(brief);
	if (omitted) {
		lines.push('');
		add(omitted);
	}

	return lines;
}

/** Markdown escapes for text from data, so a title cannot open a link or a heading. */
function md(text: string): string {
	return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

export function renderMarkdown(brief: Brief, width: number): string[] {
	const lines: string[] = [];
	const add = (text: string, indent = 0): void => {
		lines.push(...wrapLines(text, width, indent));
	};

	// No blank line under headings: the page holds the same as the text form.
	const section = (title: string): void => {
		lines.push('', `## ${title}`);
	};

	add(clampText(`# Briefing: ${md(sanitizeInline(brief.title))}`, width, 2));
	lines.push('');
	for (const line of headerLines(brief)) {
		add(clampText(md(line), width, 2));
	}

	section('Bottom line');
	add(clampText(md(brief.bottomLine), width, 4));
	if (brief.developments.length > 0) {
		section('Key developments (newest first)');
		for (const item of brief.developments) {
			add(`- **${dateLabel(item.event.date)}** ${md(sanitizeInline(item.event.title))} · ${plural(item.sourceCount, 'source')} ${md(references(item.sources))}`, 2);
		}
	}

	if (brief.quotes.length > 0) {
		section('Key quotes');
		for (const item of brief.quotes) {
			add(`- ${md(quotedText(item.quote))} — ${md(speakerLabel(item))}; ${md(quoteMeta(item))} ${md(references(item.sources))}`, 2);
		}
	}

	if (brief.whosWho.length > 0) {
		section('Who\'s who');
		for (const actor of brief.whosWho) {
			add(`- **${md(sanitizeInline(actor.name))}**${actor.role ? ` — ${md(sanitizeInline(actor.role))}` : ''}`, 2);
		}
	}

	if (brief.next.length > 0) {
		section('What\'s next');
		for (const item of brief.next) {
			add(`- **${dateLabel(item.event.date)}** ${md(sanitizeInline(item.event.title))} · ${plural(item.sourceCount, 'source')} ${md(references(item.sources))}`, 2);
		}
	}

	if (brief.gaps.length > 0) {
		section('Gaps');
		for (const gap of brief.gaps) {
			add(`- ${md(gap)}`, 2);
		}
	}

	if (brief.sources.length > 0) {
		section('Sources');
		for (const entry of brief.sources) {
			add(`${entry.number}. ${md(sourceLine(entry))}`, 3);
		}
	}

	const omitted = omittedLine(brief);
	if (omitted) {
		lines.push('');
		add(`*${md(omitted)}*`);
	}

	return lines;
}

function html(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * The page the HTML is composed for: it fits one A4 or Letter sheet at the style below (9pt type
 * on a 1.3 line, 12 mm margins), with room left for the headings' spacing.
 */
export const htmlPage = {lines: 58, width: 110} as const;

const pageStyle = `
@page { margin: 12mm 14mm; }
* { box-sizing: border-box; }
body { font: 9pt/1.3 "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; color: #111; margin: 0; overflow-wrap: anywhere; }
h1 { font-size: 14pt; margin: 0 0 2pt; }
h2 { font-size: 9.5pt; text-transform: uppercase; letter-spacing: .04em; margin: 8pt 0 2pt; border-bottom: .5pt solid #999; }
p, ul, ol { margin: 0; }
ul, ol { padding-left: 14pt; }
li { margin: 0 0 1pt; break-inside: avoid; }
.meta { color: #444; }
.date { font-weight: bold; white-space: nowrap; }
.ref { color: #555; font-size: 8pt; }
.bluf { font-weight: bold; }
.omitted { color: #555; font-style: italic; margin-top: 6pt; }
`;

/** One self-contained HTML page: inline CSS, no scripts, nothing fetched. */
export function renderHtml(brief: Brief, width = htmlPage.width): string {
	const out: string[] = [];
	const section = (title: string, items: string[], ordered = false): void => {
		if (items.length === 0) {
			return;
		}

		const tag = ordered ? 'ol' : 'ul';
		out.push(`<section><h2>${html(title)}</h2><${tag}>${items.map((item) => `<li>${item}</li>`).join('')}</${tag}></section>`);
	};

	const development = (item: BriefDevelopment): string => `<span class="date">${html(dateLabel(item.event.date))}</span> ${html(sanitizeInline(item.event.title))} <span class="meta">· ${plural(item.sourceCount, 'source')}</span> <span class="ref">${html(references(item.sources))}</span>`;
	out.push(
		'<!doctype html>',
		'<html lang="en"><head><meta charset="utf-8">',
		'<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">',
		`<title>${html(clampText(`Briefing: ${sanitizeInline(brief.title)}`, width, 2))}</title><style>${pageStyle}</style></head><body>`,
		// The heading's type is half again as large as the body's, so it gets two lines of fewer characters.
		`<header><h1>${html(clampText(`Briefing: ${sanitizeInline(brief.title)}`, Math.floor(width / 1.6), 2))}</h1>${headerLines(brief).map((line) => `<p class="meta">${html(clampText(line, width, 2))}</p>`).join('')}</header>`,
		`<section><h2>Bottom line</h2><p class="bluf">${html(clampText(brief.bottomLine, width, 4))}</p></section>`,
	);
	section('Key developments (newest first)', brief.developments.map(development));
	section('Key quotes', brief.quotes.map((item) => `${html(quotedText(item.quote))} — ${html(speakerLabel(item))}; <span class="meta">${html(quoteMeta(item))}</span> <span class="ref">${html(references(item.sources))}</span>`));
	section('Who\'s who', brief.whosWho.map((actor) => `<b>${html(sanitizeInline(actor.name))}</b>${actor.role ? ` — ${html(sanitizeInline(actor.role))}` : ''}`));
	section('What\'s next', brief.next.map(development));
	section('Gaps', brief.gaps.map((gap) => html(gap)));
	section('Sources', brief.sources.map((entry) => html(sourceLine(entry))), true);
	const omitted = omittedLine(brief);
	if (omitted) {
		out.push(`<p class="omitted">${html(omitted)}</p>`);
	}

	out.push('</body></html>');
	return `${out.join('\n')}\n`;
}

/** The chosen items and sections, for other tools. */
export function briefJson(brief: Brief): unknown {
	return {
		title: brief.title,
		scope: brief.scope,
		asOf: brief.asOf,
		period: brief.period,
		bottomLine: brief.bottomLine,
		developments: brief.developments.map((item) => ({id: item.event.id, date: item.event.date, title: item.event.title, sources: item.sourceCount, references: item.sources})),
		quotes: brief.quotes.map((item) => ({id: item.quote.id, text: item.quote.text, partial: item.quote.partial, speaker: item.quote.speaker, role: item.speaker?.role ?? null, date: item.quote.date, channel: item.quote.channel, references: item.sources})),
		whosWho: brief.whosWho.map((actor) => ({id: actor.id, name: actor.name, role: actor.role})),
		next: brief.next.map((item) => ({id: item.event.id, date: item.event.date, title: item.event.title, sources: item.sourceCount, references: item.sources})),
		gaps: brief.gaps,
		sources: brief.sources.map((entry) => ({number: entry.number, id: entry.source.id, outlet: entry.source.outlet, title: entry.source.title, published: entry.source.published, file: entry.source.file})),
		omitted: brief.omitted,
		matched: brief.matched,
	};
}

/** The widest line, in display columns: what the one-page property is checked against. */
export function widestLine(lines: readonly string[]): number {
	return lines.reduce((widest, line) => Math.max(widest, displayWidth(line)), 0);
}
