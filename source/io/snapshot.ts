import {createHash, type Hash} from 'node:crypto';
import {
	closeSync, fstatSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync, utimesSync, writeSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
	actorKinds, countryPattern, eventStatuses, recordKeys, slugPattern, tagPattern, textPattern,
} from '../core/contract.js';
import {linkNormalized, type LinkedDataset} from '../core/linked.js';
import type {Actor, Dataset, Event, Evidence, Quote, Source} from '../core/schema.js';

/**
 * A validated, linked dataset on disk, so that a second start skips parsing, checking and linking:
 * the records in their display order, as one stream of numbers and a table of distinct strings,
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
		try {
			rmSync(temporary, {force: true});
		} catch {
			// Where the folder is not one (a file stands there), there is no temporary file either.
		}

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
export const snapshotFormatVersion = 3;

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

/**
 * The most bytes in one blob of the string table (a longer string has a blob of its own). A blob
 * is read into one buffer, reused from blob to blob, and decoded: small blobs keep that buffer
 * small, where one blob of all the strings needed a buffer as large as they are.
 */
export const blobBytes = 4 * 1024 * 1024;

/** How many numbers are read at a time. */
const numbersPerRead = 64 * 1024;

/**
 * The dataset as the payload of a snapshot file, in the order it is read:
 *
 * - the length of a JSON header (4 bytes), and the header: the counts, and the kind and size of each blob;
 * - the blobs: the strings laid end to end, Latin-1 ones at one byte a character, others in UTF-16;
 * - the numbers (64-bit floats): for each string its blob and its length (it starts where the one
 *   before it in that blob ends), then each record as it is read, its lists after it. A string is
 *   a number in the table (-1 for null), a reference the position of what it names.
 *
 * So it reads front to back in pieces of bounded size, with nothing of the file held but the piece.
 */
export function serializeSnapshot(linked: LinkedDataset): Buffer[] {
	const strings = new StringTable();
	const {sources, actors, events, quotes} = linked;
	const sourceNumber = new Map<string, number>();
	sources.forEach((source, index) => sourceNumber.set(source.id, index));
	const actorNumber = new Map<string, number>();
	actors.forEach((actor, index) => actorNumber.set(actor.id, index));
	const eventNumber = new Map<string, number>();
	events.forEach((event, index) => eventNumber.set(event.id, index));
	let size = (sources.length * 8) + (actors.length * 6) + (events.length * 9) + (quotes.length * 11);
	for (const actor of actors) {
		size += actor.aliases.length;
	}

	for (const event of events) {
		size += event.actors.length + event.tags.length + (event.evidence.length * 4);
	}

	const records = new Float64Array(size);
	let at = 0;
	const put = (value: number): void => {
		records[at++] = value;
	};

	for (const source of sources) {
		put(strings.unique(source.id));
		for (const text of [source.title, source.outlet, source.author, source.published, source.url, source.file, source.lang]) {
			put(strings.ref(text));
		}
	}

	for (const actor of actors) {
		put(strings.unique(actor.id));
		put(strings.ref(actor.name));
		put(actorKinds.indexOf(actor.kind));
		put(actor.aliases.length);
		put(strings.ref(actor.role));
		put(strings.ref(actor.country));
		for (const alias of actor.aliases) {
			put(strings.ref(alias));
		}
	}

	for (const event of events) {
		put(strings.unique(event.id));
		put(strings.ref(event.date));
		put(eventStatuses.indexOf(event.status));
		put(strings.unique(event.title));
		put(strings.unique(event.summary));
		put(event.actors.length);
		put(strings.ref(event.location));
		put(event.tags.length);
		put(event.evidence.length);
		for (const id of event.actors) {
			put(actorNumber.get(id)!);
		}

		for (const tag of event.tags) {
			put(strings.ref(tag));
		}

		for (const entry of event.evidence) {
			put(sourceNumber.get(entry.source)!);
			put(strings.unique(entry.exact));
			put(entry.start);
			put(entry.end);
		}
	}

	for (const quote of quotes) {
		put(strings.unique(quote.id));
		put(strings.unique(quote.text));
		put(actorNumber.get(quote.speaker)!);
		put(strings.ref(quote.date));
		put(strings.ref(quote.channel));
		put(quote.event === null ? -1 : eventNumber.get(quote.event)!);
		put(quote.partial ? 1 : 0);
		put(sourceNumber.get(quote.evidence.source)!);
		put(strings.unique(quote.evidence.exact));
		put(quote.evidence.start);
		put(quote.evidence.end);
	}

	// Latin-1 strings and the others fill blobs of their own kind, one after another.
	const table = new Float64Array(strings.strings.length * 2);
	const blobs: Array<{wide: boolean; parts: string[]; bytes: number}> = [];
	const open: Record<'narrow' | 'wide', number> = {narrow: -1, wide: -1};
	for (const [index, text] of strings.strings.entries()) {
		const wide = !latin1.test(text);
		const kind = wide ? 'wide' : 'narrow';
		const bytes = text.length * (wide ? 2 : 1);
		let blob = blobs[open[kind]];
		if (blob === undefined || (blob.bytes > 0 && blob.bytes + bytes > blobBytes)) {
			blob = {wide, parts: [], bytes: 0};
			open[kind] = blobs.length;
			blobs.push(blob);
		}

		table[index * 2] = open[kind];
		table[(index * 2) + 1] = text.length;
		blob.parts.push(text);
		blob.bytes += bytes;
	}

	const header = Buffer.from(JSON.stringify({
		format: 'briefing-snapshot',
		version: snapshotFormatVersion,
		counts: {sources: sources.length, actors: actors.length, events: events.length, quotes: quotes.length, strings: strings.strings.length},
		blobs: blobs.map(({wide, bytes}) => ({wide, bytes})),
		numbers: table.length + records.length,
	}), 'utf8');
	const length = Buffer.alloc(4);
	length.writeUInt32LE(header.length, 0);
	return [length, header, ...blobs.map((blob) => Buffer.from(blob.parts.join(''), blob.wide ? 'utf16le' : 'latin1')),
		Buffer.from(table.buffer), Buffer.from(records.buffer)];
}

class Corrupt extends Error {}

/** Fills `into` with the next bytes of a payload; throws when there are not that many. */
type ByteSource = (into: Uint8Array) => void;

/** The next bytes of a payload in memory. */
function bufferSource(payload: Uint8Array): ByteSource {
	let at = 0;
	return (into) => {
		if (into.length > payload.length - at) {
			throw new Corrupt('the payload is cut short');
		}

		into.set(payload.subarray(at, at + into.length));
		at += into.length;
	};
}

/** The next bytes of a file from `position` to `end`, each added to `hash` as it is read. */
function fileSource(descriptor: number, position: number, end: number, hash: Hash): ByteSource {
	return (into) => {
		if (into.length > end - position) {
			throw new Corrupt('the file is cut short');
		}

		for (let done = 0; done < into.length;) {
			const read = readSync(descriptor, into, done, into.length - done, position + done);
			if (read === 0) {
				throw new Corrupt('the file is cut short');
			}

			done += read;
		}

		position += into.length;
		hash.update(into);
	};
}

/** The numbers of a payload, read a piece at a time into the same array. */
class Numbers {
	private readonly piece: Float64Array;
	private readonly bytes: Uint8Array;
	private at = 0;
	private end = 0;
	/** How many are still to be read from the source. */
	private unread: number;

	constructor(private readonly source: ByteSource, count: number) {
		this.piece = new Float64Array(Math.min(count, numbersPerRead));
		this.bytes = new Uint8Array(this.piece.buffer);
		this.unread = count;
	}

	/** How many numbers are left. */
	get left(): number {
		return this.unread + this.end - this.at;
	}

	next(): number {
		if (this.at === this.end) {
			if (this.unread === 0) {
				throw new Corrupt('the numbers run out');
			}

			const count = Math.min(this.unread, this.piece.length);
			this.source(this.bytes.subarray(0, count * 8));
			this.unread -= count;
			this.at = 0;
			this.end = count;
		}

		return this.piece[this.at++]!;
	}
}

type Header = {
	counts: Record<'sources' | 'actors' | 'events' | 'quotes' | 'strings', number>;
	blobs: Array<{wide: boolean; bytes: number}>;
	numbers: number;
};

/** The header of a payload of `size` bytes, checked to describe exactly that many. */
function readHeader(source: ByteSource, size: number): Header {
	const length = Buffer.alloc(4);
	source(length);
	const headerLength = length.readUInt32LE(0);
	if (headerLength > size - 4) {
		throw new Corrupt('the header runs past the end');
	}

	const text = Buffer.alloc(headerLength);
	source(text);
	const header = JSON.parse(text.toString('utf8')) as {format?: unknown; version?: unknown; counts?: Record<string, unknown>; blobs?: unknown; numbers?: unknown};
	const counts = header.counts;
	const count = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
	if (header.format !== 'briefing-snapshot' || header.version !== snapshotFormatVersion || typeof counts !== 'object' || counts === null
		|| !['sources', 'actors', 'events', 'quotes', 'strings'].every((key) => count(counts[key])) || !count(header.numbers)
		|| !Array.isArray(header.blobs) || !header.blobs.every((blob: {wide?: unknown; bytes?: unknown}) =>
			typeof blob === 'object' && blob !== null && typeof blob.wide === 'boolean' && count(blob.bytes) && (!blob.wide || blob.bytes % 2 === 0))) {
		throw new Corrupt('not a snapshot of this version');
	}

	const checked = header as Header;
	const {counts: {sources, actors, events, quotes, strings}} = checked;
	const blobTotal = checked.blobs.reduce((sum, blob) => sum + blob.bytes, 0);
	if (4 + headerLength + blobTotal + (checked.numbers * 8) !== size
		|| checked.numbers < (strings * 2) + (sources * 8) + (actors * 6) + (events * 9) + (quotes * 11)) {
		throw new Corrupt('the sections do not fill the payload');
	}

	return checked;
}

/** Reads {@link serializeSnapshot}'s payload of `size` bytes; throws on anything that does not hold. */
function readPayload(source: ByteSource, size: number): Dataset {
	const {counts, blobs: blobSizes, numbers: numberCount} = readHeader(source, size);
	// One buffer for every blob: each is decoded as soon as it is read.
	const scratch = Buffer.allocUnsafeSlow(Math.max(0, ...blobSizes.map((blob) => blob.bytes)));
	const blobs = blobSizes.map(({wide, bytes}) => {
		source(scratch.subarray(0, bytes));
		return scratch.toString(wide ? 'utf16le' : 'latin1', 0, bytes);
	});
	const numbers = new Numbers(source, numberCount);
	const index = (value: number, limit: number): number => {
		if (!Number.isInteger(value) || value < 0 || value >= limit) {
			throw new Corrupt('a reference is out of range');
		}

		return value;
	};

	// Each string is a slice of its blob, which V8 keeps as a reference into it.
	const strings: string[] = [];
	const used = blobs.map(() => 0);
	for (let number = 0; number < counts.strings; number++) {
		const blob = index(numbers.next(), blobs.length);
		const length = numbers.next();
		const start = used[blob]!;
		if (!Number.isInteger(length) || length < 0 || start + length > blobs[blob]!.length) {
			throw new Corrupt('a string runs past its blob');
		}

		strings.push(blobs[blob]!.slice(start, start + length));
		used[blob] = start + length;
	}

	if (used.some((length, blob) => length !== blobs[blob]!.length)) {
		throw new Corrupt('a blob holds more than its strings');
	}

	const text = (ref: number): string => strings[index(ref, strings.length)]!;
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

	// The fields are read in the order they are written: an object literal evaluates in order.
	const sources: Source[] = [];
	for (let row = 0; row < counts.sources; row++) {
		sources.push({
			id: text(numbers.next()), title: optional(numbers.next()), outlet: optional(numbers.next()), author: optional(numbers.next()),
			published: optional(numbers.next()), url: optional(numbers.next()), file: optional(numbers.next()), lang: text(numbers.next()),
		});
	}

	const actors: Actor[] = [];
	for (let row = 0; row < counts.actors; row++) {
		const id = text(numbers.next());
		const name = text(numbers.next());
		const kind = actorKinds[index(numbers.next(), actorKinds.length)]!;
		const aliases = sized<string>(numbers.next(), numbers.left);
		const role = optional(numbers.next());
		const country = optional(numbers.next());
		for (let at = 0; at < aliases.length; at++) {
			aliases[at] = text(numbers.next());
		}

		actors.push({id, name, kind, aliases, role, country});
	}

	const evidenceOf = (): Evidence => ({
		source: sources[index(numbers.next(), sources.length)]!.id, exact: text(numbers.next()), start: numbers.next(), end: numbers.next(),
	});
	const events: Event[] = [];
	for (let row = 0; row < counts.events; row++) {
		const id = text(numbers.next());
		const date = optional(numbers.next());
		const status = eventStatuses[index(numbers.next(), eventStatuses.length)]!;
		const title = text(numbers.next());
		const summary = text(numbers.next());
		const eventActors = sized<string>(numbers.next(), numbers.left);
		const location = optional(numbers.next());
		const tags = sized<string>(numbers.next(), numbers.left);
		const evidence = sized<Evidence>(numbers.next(), numbers.left / 4);
		for (let at = 0; at < eventActors.length; at++) {
			eventActors[at] = actors[index(numbers.next(), actors.length)]!.id;
		}

		for (let at = 0; at < tags.length; at++) {
			tags[at] = text(numbers.next());
		}

		for (let at = 0; at < evidence.length; at++) {
			evidence[at] = evidenceOf();
		}

		events.push({id, date, status, title, summary, actors: eventActors, location, tags, evidence});
	}

	const quotes: Quote[] = [];
	for (let row = 0; row < counts.quotes; row++) {
		const id = text(numbers.next());
		const quoteText = text(numbers.next());
		const speaker = actors[index(numbers.next(), actors.length)]!.id;
		const date = optional(numbers.next());
		const channel = optional(numbers.next());
		const event = numbers.next();
		const partial = numbers.next() === 1;
		quotes.push({
			id, text: quoteText, speaker, date, channel, event: event === -1 ? null : events[index(event, events.length)]!.id, partial, evidence: evidenceOf(),
		});
	}

	if (numbers.left !== 0) {
		throw new Corrupt('numbers are left over');
	}

	return {version: 1, sources, actors, events, quotes};
}

/** Reads {@link serializeSnapshot}'s payload; throws on anything that does not hold. */
export function deserializeSnapshot(payload: Uint8Array): LinkedDataset {
	return linkNormalized(readPayload(bufferSource(payload), payload.length));
}

/**
 * The snapshot of the data with this hash, when there is a sound one. The file is read front to
 * back a piece at a time, each piece checksummed as it is read: the dataset made from it is
 * used only when the whole file was read and its checksum holds.
 */
export function readSnapshot(hash: string, bytes: number, options: CacheOptions = {}): LinkedDataset | undefined {
	const file = snapshotFile(hash, bytes, options);
	if (file === undefined) {
		return undefined;
	}

	let descriptor: number;
	try {
		descriptor = openSync(file, 'r');
	} catch {
		return undefined;
	}

	try {
		const size = fstatSync(descriptor).size;
		const head = Buffer.alloc(headerBytes);
		if (size < headerBytes || readSync(descriptor, head, 0, headerBytes, 0) !== headerBytes || !head.subarray(0, magic.length).equals(magic)
			|| !head.subarray(magic.length, magic.length + 32).equals(keyOf(hash))) {
			return undefined;
		}

		const checksum = createHash('sha256');
		const dataset = readPayload(fileSource(descriptor, headerBytes, size, checksum), size - headerBytes);
		if (!checksum.digest().equals(head.subarray(magic.length + 32, headerBytes))) {
			return undefined;
		}

		const linked = linkNormalized(dataset);
		touch(file);
		return linked;
	} catch {
		return undefined;
	} finally {
		closeSync(descriptor);
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
