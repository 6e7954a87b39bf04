import type {LinkedDataset} from '../core/dataset.js';
import {formatDateText} from '../core/edtf.js';
import {displayWidth, graphemesOf} from '../core/wrap.js';
import {terminalSafeJson} from '../core/json.js';
import {describeSpan, parseQuery, type QueryError, type ResultKind} from '../core/query.js';
import {sanitizeInline} from '../core/sanitize.js';
import {fieldText, type Hit, rankedHits, search} from '../core/search.js';
import {indexFor} from '../io/index-cache.js';
import {loadDataset} from '../io/load-dataset.js';
import {progressBar} from '../io/progress.js';
import {exitCode, printError, printLine, printProblems} from '../io/output.js';
import type {CommandContext} from './table.js';

const defaultLimit = 20;
/** Cuts text to a display width, ending in "…" when cut. Wide characters count two columns. */
export function fitWidth(text: string, width: number): string {
	if (displayWidth(text) <= width) {
		return text;
	}

	let out = '';
	let used = 0;
	for (const segment of graphemesOf(text)) {
		const size = displayWidth(segment);
		if (used + size > width - 1) {
			break;
		}

		out += segment;
		used += size;
	}

	return `${out.trimEnd()}…`;
}

/**
 * About `width` columns of one-line text around its first highlight: from the start when the
 * highlight fits, else from a word a little before it; "…" marks what is cut.
 */
export function snippet(text: string, ranges: ReadonlyArray<readonly [number, number]> | undefined, width: number): string {
	const line = sanitizeInline(text);
	if (displayWidth(line) <= width) {
		return line;
	}

	// Highlights are offsets into the original; sanitizing only shortens runs of spaces and controls.
	const first = Math.min(ranges?.[0]?.[0] ?? 0, line.length);
	let start = 0;
	if (displayWidth(line.slice(0, ranges?.[0]?.[1] ?? 0)) > width - 1) {
		start = Math.max(0, first - Math.floor(width / 4));
		const space = line.lastIndexOf(' ', start);
		start = space === -1 ? start : space + 1;
	}

	return fitWidth(start > 0 ? `…${line.slice(start)}` : line, width);
}

type Line = {kind: ResultKind; id: string; date: string | null; label: string; text: string; ranges?: ReadonlyArray<[number, number]>; quoted: boolean};

function describeHit(linked: LinkedDataset, hit: Hit): Line {
	switch (hit.kind) {
		case 'event': {
			const event = linked.eventById.get(hit.id)!;
			return {kind: hit.kind, id: hit.id, date: event.date, label: event.title, text: event.summary, ranges: hit.highlights.summary, quoted: false};
		}

		case 'actor': {
			const actor = linked.actorById.get(hit.id)!;
			// Name the alias that matched when the name did not.
			const alias = hit.highlights.name ? undefined : Object.keys(hit.highlights).find((path) => path.startsWith('aliases['));
			const aliasText = alias === undefined ? undefined : fieldText(linked, hit, alias);
			const label = aliasText === undefined ? actor.name : `${actor.name} (${aliasText})`;
			return {kind: hit.kind, id: hit.id, date: null, label, text: actor.role ?? actor.kind, quoted: false};
		}

		case 'quote': {
			const quote = linked.quoteById.get(hit.id)!;
			const speaker = linked.actorById.get(quote.speaker)?.name ?? quote.speaker;
			return {kind: hit.kind, id: hit.id, date: quote.date, label: speaker, text: quote.text, ranges: hit.highlights.text, quoted: true};
		}
	}
}

function queryProblem(error: QueryError, query: string): string {
	const shown = query.slice(error.start, error.end);
	return `briefing search: query ${describeSpan(error)}${shown ? ` (${shown})` : ''}: ${error.message}`;
}

export async function run({input, flags}: CommandContext): Promise<number> {
	// Several words without quotes are one query, should the command table let them through.
	const text = input.join(' ');
	if (text.trim() === '') {
		printError('briefing search: needs a query, as in: briefing search macron (see briefing search --help)');
		return exitCode.usage;
	}

	const limit = flags.limit === undefined ? defaultLimit : Number(flags.limit);
	if (!Number.isInteger(limit) || limit < 1) {
		printError(`briefing search: --limit needs a whole number of 1 or more, not ${String(flags.limit)}`);
		return exitCode.usage;
	}

	const query = parseQuery(text);
	if (query.errors.length > 0) {
		for (const error of query.errors) {
			printError(queryProblem(error, text));
		}

		return exitCode.usage;
	}

	const progress = progressBar('loading');
	const loaded = await loadDataset(flags.data as string | undefined, {onProgress: progress.update, deferSnapshot: true});
	progress.done();
	if (!loaded.ok) {
		printProblems(loaded.problems);
		return exitCode.failure;
	}

	const {linked} = loaded.value;
	const type = flags.type as ResultKind | undefined;
	// The lines show the summary of an event and the text of a quote, so only those are highlighted
	// (an actor's line names the alias that matched: all of its fields); JSON has every highlight.
	const highlight = flags.json ? undefined : {event: ['summary'], quote: ['text']};
	const results = search(indexFor(loaded.value).index, query, {limit, ...(type ? {type} : {}), ...(highlight ? {highlight} : {})});
	for (const warning of results.warnings) {
		printError(queryProblem(warning, text));
	}

	const hits = rankedHits(results).slice(0, limit);
	if (flags.json) {
		const entries = hits.map((hit) => {
			const line = describeHit(linked, hit);
			const text = snippet(line.text, line.ranges, 160);
			return {
				kind: hit.kind, id: hit.id, score: hit.score, date: line.date, label: line.label,
				snippet: line.quoted ? `“${text}”` : text, highlights: hit.highlights,
			};
		});
		printLine(terminalSafeJson({query: text, results: entries}));
	} else {
		const width = process.stdout.isTTY && process.stdout.columns ? process.stdout.columns : 100;
		const lines = hits.map((hit) => {
			const line = describeHit(linked, hit);
			return {...line, shownDate: line.kind === 'actor' ? '-' : sanitizeInline(formatDateText(line.date))};
		});
		const dateWidth = Math.max(0, ...lines.map((line) => displayWidth(line.shownDate)));
		for (const line of lines) {
			const date = line.shownDate + ' '.repeat(dateWidth - displayWidth(line.shownDate));
			const head = `${line.kind.padEnd(5)}  ${date}  ${sanitizeInline(line.label)} — `;
			// The snippet gets what the line has left, and shows its match when it can.
			const room = Math.max(12, width - displayWidth(head) - (line.quoted ? 2 : 0));
			const text = snippet(line.text, line.ranges, room);
			printLine(fitWidth(`${head}${line.quoted ? `“${text}”` : text}`, width));
		}
	}

	if (hits.length === 0) {
		if (!flags.json) {
			printError(`briefing search: nothing matches ${JSON.stringify(text)}`);
		}

		return exitCode.failure;
	}

	return exitCode.ok;
}
