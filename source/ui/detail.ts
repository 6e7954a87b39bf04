import type {LinkedDataset} from '../core/dataset.js';
import {formatDateText} from '../core/edtf.js';
import {sanitizeInline} from '../core/sanitize.js';
import {wrapText} from '../core/wrap.js';
import type {Actor, Event, Evidence, Quote} from '../core/schema.js';
import {involvement, type Selection, sourceCount} from './model.js';

/** The detail pane as lines of text, wrapped to its width: everything about the selection. */

export type Tone = 'title' | 'heading' | 'body' | 'quote' | 'meta';
export type DetailLine = {readonly text: string; readonly tone: Tone};

/** Long lists in the detail stop here; the rest are counted. */
const listLimit = 40;

class Lines {
	readonly lines: DetailLine[] = [];
	constructor(private readonly width: number) {}

	add(text: string, tone: Tone = 'body', indent = 0): this {
		const clean = sanitizeInline(text);
		for (const line of wrapText(clean, Math.max(4, this.width - indent))) {
			this.lines.push({text: ' '.repeat(indent) + line, tone});
		}

		return this;
	}

	blank(): this {
		if (this.lines.length > 0 && this.lines.at(-1)!.text !== '') {
			this.lines.push({text: '', tone: 'body'});
		}

		return this;
	}

	heading(text: string): this {
		return this.blank().add(text, 'heading');
	}

	more(total: number): void {
		if (total > listLimit) {
			this.add(`… and ${total - listLimit} more`, 'meta', 2);
		}
	}
}

function actorLabel(actor: Actor | undefined, id: string): string {
	if (!actor) {
		return id;
	}

	return actor.role ? `${actor.name}, ${actor.role}` : actor.name;
}

function sourceLabel(linked: LinkedDataset, evidence: Evidence): string {
	const source = linked.sourceById.get(evidence.source);
	if (!source) {
		return evidence.source;
	}

	const outlet = source.outlet ?? source.file ?? source.id;
	return `${outlet}, ${source.published === null ? 'undated' : formatDateText(source.published)}`;
}

function eventDetail(out: Lines, linked: LinkedDataset, event: Event): void {
	out.add(event.title, 'title');
	const place = event.location === null ? null : linked.actorById.get(event.location)?.name ?? event.location;
	out.add([formatDateText(event.date), event.status, place].filter(Boolean).join(' · '), 'meta');
	out.blank().add(event.summary);
	if (event.actors.length > 0) {
		out.heading('Actors');
		for (const id of event.actors.slice(0, listLimit)) {
			out.add(actorLabel(linked.actorById.get(id), id), 'body', 2);
		}

		out.more(event.actors.length);
	}

	if (event.tags.length > 0) {
		out.heading('Tags').add(event.tags.join(', '), 'body', 2);
	}

	const count = sourceCount(event);
	out.heading(`Sources (${count})`);
	for (const evidence of event.evidence.slice(0, listLimit)) {
		out.add(sourceLabel(linked, evidence), 'meta', 2);
		out.add(evidence.exact, 'quote', 4);
	}

	out.more(event.evidence.length);
	const quotes = linked.quotesByEvent.get(event.id) ?? [];
	if (quotes.length > 0) {
		out.heading(`Quotes (${quotes.length})`);
		for (const quote of quotes.slice(0, listLimit)) {
			out.add(`${linked.actorById.get(quote.speaker)?.name ?? quote.speaker}: “${quote.text}”`, 'quote', 2);
		}

		out.more(quotes.length);
	}
}

/**
 * The first `limit` of a chronological list newest first. Such lists hold the undated at the end
 * (see linked.ts), and newest first keeps them there. Walked from the end, so that an actor of
 * thousands of events costs what the detail shows, not a copy of them all on every move.
 */
function newestFirst<T extends {date: string | null}>(items: readonly T[], limit: number): T[] {
	let undated = items.length;
	while (undated > 0 && items[undated - 1]!.date === null) {
		undated--;
	}

	const out: T[] = [];
	for (let index = undated - 1; index >= 0 && out.length < limit; index--) {
		if (items[index]!.date !== null) {
			out.push(items[index]!);
		}
	}

	for (let index = undated; index < items.length && out.length < limit; index++) {
		out.push(items[index]!);
	}

	return out;
}

function actorDetail(out: Lines, linked: LinkedDataset, actor: Actor): void {
	out.add(actor.name, 'title');
	out.add([actor.kind, actor.country].filter(Boolean).join(' · '), 'meta');
	if (actor.role) {
		out.add(actor.role);
	}

	if (actor.aliases.length > 0) {
		out.heading('Also written').add(actor.aliases.slice(0, 200).join(', '), 'body', 2);
	}

	const {events: eventCount, quotes: quoteCount} = involvement(linked, actor.id);
	const events = linked.eventsByActor.get(actor.id) ?? [];
	out.heading(`Events (${eventCount})`);
	for (const event of newestFirst(events, listLimit)) {
		out.add(`${formatDateText(event.date)}  ${event.title}`, 'body', 2);
	}

	out.more(eventCount);
	const quotes = linked.quotesByActor.get(actor.id) ?? [];
	out.heading(`Quotes (${quoteCount})`);
	for (const quote of newestFirst(quotes, listLimit)) {
		out.add(`${formatDateText(quote.date)}  “${quote.text}”`, 'quote', 2);
	}

	out.more(quoteCount);
}

function quoteDetail(out: Lines, linked: LinkedDataset, quote: Quote): void {
	const speaker = linked.actorById.get(quote.speaker);
	out.add(`“${quote.text}”${quote.partial ? ' (partial quote)' : ''}`, 'quote');
	out.blank().add(actorLabel(speaker, quote.speaker), 'title');
	out.add([formatDateText(quote.date), quote.channel].filter(Boolean).join(' · '), 'meta');
	if (quote.event !== null) {
		const event = linked.eventById.get(quote.event);
		out.heading('Event').add(event ? `${formatDateText(event.date)}  ${event.title}` : quote.event, 'body', 2);
	}

	out.heading('Source').add(sourceLabel(linked, quote.evidence), 'meta', 2);
	out.add(quote.evidence.exact, 'quote', 4);
}

export function detailLines(linked: LinkedDataset, selection: Selection, width: number): DetailLine[] {
	const out = new Lines(width);
	switch (selection.kind) {
		case 'event': {
			eventDetail(out, linked, selection.event);
			break;
		}

		case 'actor': {
			actorDetail(out, linked, selection.actor);
			break;
		}

		case 'quote': {
			quoteDetail(out, linked, selection.quote);
			break;
		}

		case 'none': {
			out.add(`Nothing to show in ${selection.pane}.`, 'meta');
			break;
		}
	}

	return out.lines;
}
