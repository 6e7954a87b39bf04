import {createHash} from 'node:crypto';
import {
	closeSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
	actorKinds, countryPattern, eventStatuses, recordKeys, slugPattern, tagPattern, textPattern,
} from '../core/contract.js';
import {linkNormalized, type LinkedDataset} from '../core/linked.js';
import type {Actor, Event, Evidence, Quote, Source} from '../core/schema.js';

/**
 * A validated, linked dataset on disk, so that a second start skips parsing, checking and linking:
 * the records in their display order, as columns of numbers and one table of distinct strings,
 * references as positions (so every event that names an actor shares the actor's id string).
 * Keyed, like the search index, by the SHA-256 of the data's bytes and a fingerprint of the code
 * that validated them; a file is used only when its key, its checksum and every reference in it
 * hold, so a stale or corrupt file is rebuilt, never trusted. Being there at all says these bytes
 * passed validation by this code: it is the validation verdict, cached.
 *
 * Where: `$BRIEFING_CACHE_DIR`, else `$XDG_CACHE_HOME/briefing`, else `~/.cache/briefing`;
 * `BRIEFING_CACHE_DIR=off` turns caching off.
 */

export function cacheDirectory(env: NodeJS.ProcessEnv = process.env): string | undefined {
	const configured = env.BRIEFING_CACHE_DIR;
	if (configured !== undefined && configured !== '') {
		return configured === 'off' || configured === '0' ? undefined : path.resolve(configured);
	}

	if (env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME)) {
		return path.join(env.XDG_CACHE_HOME, 'briefing');
	}

	const home = env.HOME ?? os.homedir();
	return home ? path.join(home, '.cache', 'briefing') : undefined;
}

export type CacheOptions = {
	/** The cache folder; undefined for the default, null for none. */
	readonly directory?: string | null;
	/** Cache datasets of at least this many items (the index) or bytes (the snapshot). */
	readonly minimumItems?: number;
};

export function cacheFolder(options: CacheOptions): string | undefined {
	return options.directory === null ? undefined : options.directory ?? cacheDirectory();
}

/** How many files of each kind are kept, most recently used first. */
export const keptFiles = 6;

/** Writes a file atomically (a file appears whole or not at all), then prunes the oldest of its kind. */
export function writeCacheFile(file: string, parts: readonly Uint8Array[], kind: RegExp): boolean {
	const temporary = `${file}.${process.pid}.tmp`;
	try {
		mkdirSync(path.dirname(file), {recursive: true});
		const descriptor = openSync(temporary, 'w', 0o600);
		try {
			for (const part of parts) {
				for (let written = 0; written < part.length;) {
					written += writeSync(descriptor, part, written, part.length - written);
				}
			}
		} finally {
			closeSync(descriptor);
		}

		renameSync(temporary, file);
	} catch {
		// A cache that cannot be written (read-only home, full disk) only costs a rebuild next time.
		rmSync(temporary, {force: true});
		return false;
	}

	try {
		const folder = path.dirname(file);
		const files = readdirSync(folder)
			.filter((name) => kind.test(name))
			.map((name) => ({file: path.join(folder, name), used: statSync(path.join(folder, name)).mtimeMs}))
			.sort((a, b) => b.used - a.used);
		for (const {file: old} of files.slice(keptFiles)) {
			rmSync(old, {force: true});
		}
	} catch {
		// Pruning is tidiness, not correctness.
	}

	return true;
}

/** Marks a cache file as just used, for pruning. */
export function touch(file: string): void {
	try {
		const now = new Date();
		utimesSync(file, now, now);
	} catch {
		// Only the order of pruning depends on it.
	}
}

const magic = Buffer.from('BRIEFSNP', 'latin1');
const headerBytes = magic.length + 32 + 32;

/** Bumped whenever the layout, or what validation accepts, changes. */
export const snapshotFormatVersion = 2;

/** Data smaller than this is parsed faster than its snapshot is read. */
export const minimumSnapshotBytes = 4 * 1024 * 1024;

/**
 * Data larger than this gets no snapshot: writing one holds the whole string table in memory
 * once more, which at a million events (a gigabyte of JSON) would pass the 3 GB the dashboard
 * has. Such data is read from its files each time (about 25 s at a million events).
 */
export const maximumSnapshotBytes = 512 * 1024 * 1024;

/** What a snapshot depends on besides the data: its layout and the rules the data was checked by. */
function fingerprint(): string {
	return [
		snapshotFormatVersion, JSON.stringify(recordKeys), slugPattern.source, tagPattern.source, countryPattern.source,
		textPattern.source, actorKinds.join(), eventStatuses.join(),
	].join('\n');
}

function keyOf(hash: string): Buffer {
	return createHash('sha256').update(`${hash}\n${fingerprint()}`).digest();
}

export function snapshotFile(hash: string, bytes: number, options: CacheOptions = {}): string | undefined {
	const folder = cacheFolder(options);
	if (folder === undefined || hash === '' || bytes < (options.minimumItems ?? minimumSnapshotBytes) || bytes > maximumSnapshotBytes) {
		return undefined;
	}

	return path.join(folder, `data-${keyOf(hash).toString('hex').slice(0, 40)}.bin`);
}

/** The strings of a snapshot: each repeated one (dates, names, places) once. */
class StringTable {
	private readonly number = new Map<string, number>();
	readonly strings: string[] = [];

	/** A string that repeats: stored once. */
	ref(text: string | null): number {
		if (text === null) {
			return -1;
		}

		let found = this.number.get(text);
		if (found === undefined) {
			found = this.strings.length;
			this.number.set(text, found);
			this.strings.push(text);
		}

		return found;
	}

	/** A string that does not repeat (an id, a title, a summary): stored without looking it up. */
	unique(text: string): number {
		this.strings.push(text);
		return this.strings.length - 1;
	}
}

const latin1 = /^[\u0000-\u00FF]*$/;

/** The most characters in one blob of the string table: well under the longest string V8 makes. */
const blobCharacters = 128 * 1024 * 1024;

/** The dataset as the payload of a snapshot file. */
export function serializeSnapshot(linked: LinkedDataset): Buffer[] {
	const strings = new StringTable();
	const {sources, actors, events, quotes} = linked;
	const sourceNumber = new Map<string, number>();
	sources.forEach((source, index) => sourceNumber.set(source.id, index));
	const actorNumber = new Map<string, number>();
	actors.forEach((actor, index) => actorNumber.set(actor.id, index));
	const eventNumber = new Map<string, number>();
	events.forEach((event, index) => eventNumber.set(event.id, index));
	let aliasCount = 0;
	for (const actor of actors) {
		aliasCount += actor.aliases.length;
	}

	let actorRefs = 0;
	let tagRefs = 0;
	let evidenceCount = 0;
	for (const event of events) {
		actorRefs += event.actors.length;
		tagRefs += event.tags.length;
		evidenceCount += event.evidence.length;
	}

	const sourceColumn = new Float64Array(sources.length * 8);
	const actorColumn = new Float64Array(actors.length * 6);
	const aliasColumn = new Float64Array(aliasCount);
	const eventColumn = new Float64Array(events.length * 9);
	const eventActorColumn = new Float64Array(actorRefs);
	const eventTagColumn = new Float64Array(tagRefs);
	const eventEvidenceColumn = new Float64Array(evidenceCount * 4);
	const quoteColumn = new Float64Array(quotes.length * 11);
	let at = 0;
	for (const source of sources) {
		sourceColumn.set([strings.unique(source.id), strings.ref(source.title), strings.ref(source.outlet), strings.ref(source.author),
			strings.ref(source.published), strings.ref(source.url), strings.ref(source.file), strings.ref(source.lang)], at);
		at += 8;
	}

	at = 0;
	let aliasAt = 0;
	for (const actor of actors) {
		actorColumn.set([strings.unique(actor.id), strings.ref(actor.name), actorKinds.indexOf(actor.kind), actor.aliases.length,
			strings.ref(actor.role), strings.ref(actor.country)], at);
		at += 6;
		for (const alias of actor.aliases) {
			aliasColumn[aliasAt++] = strings.ref(alias);
		}
	}

	at = 0;
	let actorAt = 0;
	let tagAt = 0;
	let evidenceAt = 0;
	for (const event of events) {
		eventColumn[at] = strings.unique(event.id);
		eventColumn[at + 1] = strings.ref(event.date);
		eventColumn[at + 2] = eventStatuses.indexOf(event.status);
		eventColumn[at + 3] = strings.unique(event.title);
		eventColumn[at + 4] = strings.unique(event.summary);
		eventColumn[at + 5] = event.actors.length;
		eventColumn[at + 6] = strings.ref(event.location);
		eventColumn[at + 7] = event.tags.length;
		eventColumn[at + 8] = event.evidence.length;
		at += 9;
		for (const id of event.actors) {
			eventActorColumn[actorAt++] = actorNumber.get(id)!;
		}

		for (const tag of event.tags) {
			eventTagColumn[tagAt++] = strings.ref(tag);
		}

		for (const entry of event.evidence) {
			eventEvidenceColumn[evidenceAt] = sourceNumber.get(entry.source)!;
			eventEvidenceColumn[evidenceAt + 1] = strings.unique(entry.exact);
			eventEvidenceColumn[evidenceAt + 2] = entry.start;
			eventEvidenceColumn[evidenceAt + 3] = entry.end;
			evidenceAt += 4;
		}
	}

	at = 0;
	for (const quote of quotes) {
		quoteColumn[at] = strings.unique(quote.id);
		quoteColumn[at + 1] = strings.unique(quote.text);
		quoteColumn[at + 2] = actorNumber.get(quote.speaker)!;
		quoteColumn[at + 3] = strings.ref(quote.date);
		quoteColumn[at + 4] = strings.ref(quote.channel);
		quoteColumn[at + 5] = quote.event === null ? -1 : eventNumber.get(quote.event)!;
		quoteColumn[at + 6] = quote.partial ? 1 : 0;
		quoteColumn[at + 7] = sourceNumber.get(quote.evidence.source)!;
		quoteColumn[at + 8] = strings.unique(quote.evidence.exact);
		quoteColumn[at + 9] = quote.evidence.start;
		quoteColumn[at + 10] = quote.evidence.end;
		at += 11;
	}

	// Strings: a blob, an offset and a length each. Latin-1 strings go in blobs of one byte a
	// character, others in UTF-16 ones; a blob holds at most `blobCharacters`, as one JS string can.
	const table = new Float64Array(strings.strings.length * 3);
	const blobs: Array<{wide: boolean; parts: string[]; length: number}> = [];
	const open: Record<'narrow' | 'wide', number> = {narrow: -1, wide: -1};
	for (const [index, text] of strings.strings.entries()) {
		const wide = !latin1.test(text);
		const kind = wide ? 'wide' : 'narrow';
		let blob = blobs[open[kind]];
		if (blob === undefined || blob.length + text.length > blobCharacters) {
			blob = {wide, parts: [], length: 0};
			open[kind] = blobs.length;
			blobs.push(blob);
		}

		table[index * 3] = open[kind];
		table[(index * 3) + 1] = blob.length;
		table[(index * 3) + 2] = text.length;
		blob.parts.push(text);
		blob.length += text.length;
	}

	const columns = [sourceColumn, actorColumn, aliasColumn, eventColumn, eventActorColumn, eventTagColumn, eventEvidenceColumn, quoteColumn];
	const bodies: Buffer[] = [Buffer.from(table.buffer), ...columns.map((column) => Buffer.from(column.buffer)),
		...blobs.map((blob) => Buffer.from(blob.parts.join(''), blob.wide ? 'utf16le' : 'latin1'))];
	const header = Buffer.from(JSON.stringify({
		format: 'briefing-snapshot',
		version: snapshotFormatVersion,
		counts: {sources: sources.length, actors: actors.length, events: events.length, quotes: quotes.length, strings: strings.strings.length},
		lengths: bodies.map((body) => body.length),
		wide: blobs.map((blob) => blob.wide),
	}), 'utf8');
	const length = Buffer.alloc(4);
	length.writeUInt32LE(header.length, 0);
	const padding = Buffer.alloc((8 - ((4 + header.length) % 8)) % 8);
	return [length, header, padding, ...bodies.flatMap((body) => [body, Buffer.alloc((8 - (body.length % 8)) % 8)])];
}

class Corrupt extends Error {}

/** Reads {@link serializeSnapshot}'s payload; throws on anything that does not hold. */
export function deserializeSnapshot(payload: Buffer): LinkedDataset {
	const headerLength = payload.readUInt32LE(0);
	const header = JSON.parse(payload.toString('utf8', 4, 4 + headerLength)) as {
		format?: unknown; version?: unknown; counts?: Record<string, number>; lengths?: number[]; wide?: unknown[];
	};
	if (header.format !== 'briefing-snapshot' || header.version !== snapshotFormatVersion || !header.counts || !Array.isArray(header.lengths)
		|| !Array.isArray(header.wide) || header.lengths.length !== 9 + header.wide.length) {
		throw new Corrupt('not a snapshot of this version');
	}

	// The payload is copied once if its typed arrays would not be aligned.
	let at = 4 + headerLength + ((8 - ((4 + headerLength) % 8)) % 8);
	const bytes = (payload.byteOffset + at) % 8 === 0 ? payload : Buffer.from(payload);
	const bodies: Buffer[] = [];
	for (const length of header.lengths) {
		if (!Number.isSafeInteger(length) || length < 0 || at + length > bytes.length) {
			throw new Corrupt('a section runs past the end');
		}

		bodies.push(bytes.subarray(at, at + length));
		at += length + ((8 - (length % 8)) % 8);
	}

	const numbers = (body: Buffer): Float64Array => {
		if (body.length % 8 !== 0) {
			throw new Corrupt('a column is cut');
		}

		return new Float64Array(body.buffer, body.byteOffset, body.length / 8);
	};

	const counts = header.counts;
	if (!['sources', 'actors', 'events', 'quotes', 'strings'].every((key) => Number.isSafeInteger(counts[key]) && counts[key]! >= 0)) {
		throw new Corrupt('the counts are not counts');
	}

	const table = numbers(bodies[0]!);
	const blobs = bodies.slice(9).map((body, position) => body.toString(header.wide![position] === true ? 'utf16le' : 'latin1'));
	if (table.length !== counts.strings! * 3) {
		throw new Corrupt('the string table does not match');
	}

	const made: Array<string | undefined> = new Array<string | undefined>(counts.strings!);
	const text = (ref: number): string => {
		let value = made[ref];
		if (value === undefined) {
			if (!Number.isInteger(ref) || ref < 0 || ref >= counts.strings!) {
				throw new Corrupt('a string reference is out of range');
			}

			const [blob, offset, length] = [table[ref * 3]!, table[ref * 3 + 1]!, table[ref * 3 + 2]!];
			const source = blobs[blob];
			if (source === undefined || offset + length > source.length) {
				throw new Corrupt('a string runs past its blob');
			}

			value = source.slice(offset, offset + length);
			made[ref] = value;
		}

		return value;
	};

	const optional = (ref: number): string | null => (ref === -1 ? null : text(ref));
	// Lists are made at their size: filled by push, each would hold room for 17 items (152 bytes),
	// which for the three lists of 100,000 events is 45 MB of a heap that V8 then lets grow in
	// proportion before collecting.
	const sized = <T>(count: number, limit: number): T[] => {
		if (!Number.isInteger(count) || count < 0 || count > limit) {
			throw new Corrupt('a count is out of range');
		}

		return new Array<T>(count);
	};

	const index = (value: number, limit: number): number => {
		if (!Number.isInteger(value) || value < 0 || value >= limit) {
			throw new Corrupt('a reference is out of range');
		}

		return value;
	};

	const [sourceColumn, actorColumn, aliasColumn, eventColumn, eventActorColumn, eventTagColumn, eventEvidenceColumn, quoteColumn]
		= bodies.slice(1, 9).map((body) => numbers(body)) as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
	const expect = (column: Float64Array, length: number): void => {
		if (column.length !== length) {
			throw new Corrupt('a column has the wrong length');
		}
	};

	expect(sourceColumn, counts.sources! * 8);
	expect(actorColumn, counts.actors! * 6);
	expect(eventColumn, counts.events! * 9);
	expect(quoteColumn, counts.quotes! * 11);
	const sources: Source[] = [];
	for (let row = 0; row < counts.sources!; row++) {
		const cell = (column: number): number => sourceColumn[row * 8 + column]!;
		sources.push({
			id: text(cell(0)), title: optional(cell(1)), outlet: optional(cell(2)), author: optional(cell(3)), published: optional(cell(4)),
			url: optional(cell(5)), file: optional(cell(6)), lang: text(cell(7)),
		});
	}

	const actors: Actor[] = [];
	let alias = 0;
	for (let row = 0; row < counts.actors!; row++) {
		const cell = (column: number): number => actorColumn[row * 6 + column]!;
		const aliases = sized<string>(cell(3), aliasColumn.length - alias);
		for (let at = 0; at < aliases.length; at++) {
			aliases[at] = text(aliasColumn[alias++]!);
		}

		actors.push({
			id: text(cell(0)), name: text(cell(1)), kind: actorKinds[index(cell(2), actorKinds.length)]!, aliases, role: optional(cell(4)), country: optional(cell(5)),
		});
	}

	expect(aliasColumn, alias);
	const evidenceAt = (column: Float64Array, at: number): Evidence => ({
		source: sources[index(column[at]!, sources.length)]!.id,
		exact: text(column[at + 1]!),
		start: column[at + 2]!,
		end: column[at + 3]!,
	});
	const events: Event[] = [];
	let actorAt = 0;
	let tagAt = 0;
	let evidenceNumber = 0;
	for (let row = 0; row < counts.events!; row++) {
		const cell = (column: number): number => eventColumn[row * 9 + column]!;
		const eventActors = sized<string>(cell(5), eventActorColumn.length - actorAt);
		for (let at = 0; at < eventActors.length; at++) {
			eventActors[at] = actors[index(eventActorColumn[actorAt++]!, actors.length)]!.id;
		}

		const tags = sized<string>(cell(7), eventTagColumn.length - tagAt);
		for (let at = 0; at < tags.length; at++) {
			tags[at] = text(eventTagColumn[tagAt++]!);
		}

		const evidence = sized<Evidence>(cell(8), (eventEvidenceColumn.length / 4) - evidenceNumber);
		for (let at = 0; at < evidence.length; at++) {
			evidence[at] = evidenceAt(eventEvidenceColumn, evidenceNumber * 4);
			evidenceNumber++;
		}

		events.push({
			id: text(cell(0)), date: optional(cell(1)), status: eventStatuses[index(cell(2), eventStatuses.length)]!, title: text(cell(3)),
			summary: text(cell(4)), actors: eventActors, location: optional(cell(6)), tags, evidence,
		});
	}

	expect(eventActorColumn, actorAt);
	expect(eventTagColumn, tagAt);
	expect(eventEvidenceColumn, evidenceNumber * 4);
	const quotes: Quote[] = [];
	for (let row = 0; row < counts.quotes!; row++) {
		const cell = (column: number): number => quoteColumn[row * 11 + column]!;
		const event = cell(5);
		quotes.push({
			id: text(cell(0)), text: text(cell(1)), speaker: actors[index(cell(2), actors.length)]!.id, date: optional(cell(3)), channel: optional(cell(4)),
			event: event === -1 ? null : events[index(event, events.length)]!.id, partial: cell(6) === 1, evidence: evidenceAt(quoteColumn, row * 11 + 7),
		});
	}

	return linkNormalized({version: 1, sources, actors, events, quotes});
}

/** The snapshot of the data with this hash, when there is a sound one. */
export function readSnapshot(hash: string, bytes: number, options: CacheOptions = {}): LinkedDataset | undefined {
	const file = snapshotFile(hash, bytes, options);
	if (file === undefined) {
		return undefined;
	}

	let data: Buffer;
	try {
		data = readFileSync(file);
	} catch {
		return undefined;
	}

	const payload = data.subarray(headerBytes);
	if (data.length < headerBytes || !data.subarray(0, magic.length).equals(magic) || !data.subarray(magic.length, magic.length + 32).equals(keyOf(hash))
		|| !data.subarray(magic.length + 32, headerBytes).equals(createHash('sha256').update(payload).digest())) {
		return undefined;
	}

	try {
		const linked = deserializeSnapshot(payload);
		touch(file);
		return linked;
	} catch {
		return undefined;
	}
}

/** Saves the snapshot of a dataset that was just validated and linked. */
export function writeSnapshot(hash: string, bytes: number, linked: LinkedDataset, options: CacheOptions = {}): boolean {
	const file = snapshotFile(hash, bytes, options);
	if (file === undefined) {
		return false;
	}

	const payload = serializeSnapshot(linked);
	const checksum = createHash('sha256');
	for (const part of payload) {
		checksum.update(part);
	}

	return writeCacheFile(file, [magic, keyOf(hash), checksum.digest(), ...payload], /^data-.*\.bin$/);
}
