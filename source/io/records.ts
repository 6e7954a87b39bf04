import {isUtf8} from 'node:buffer';
import {createHash, type Hash} from 'node:crypto';
import {closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, statSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {type ListName, listNames, type RecordType} from '../core/contract.js';
import {lineAndColumn, type Problem, type Result} from '../core/linked.js';

/**
 * Reading a dataset as a stream of records, so that a million events load without one giant
 * string. A dataset is:
 *
 * - one JSON document (`{"version": 1, "sources": [...], ...}`): its structure is scanned byte by
 *   byte and each record is parsed on its own;
 * - NDJSON: one record per line with a `type` field (`source`, `actor`, `event`, `quote`), after
 *   an optional header line `{"type": "dataset", "version": 1}`;
 * - or several such files in a folder (`dataset-0001.ndjson`, `dataset-0002.json`, ...), read in
 *   the order of their names; a JSON part holds any of the four lists.
 *
 * Files are read in chunks; the SHA-256 of the bytes read keys the caches (see `cache.ts`).
 */

/** The bundled dataset, shipped beside the code: found from this module, built or not. */
export const bundledDataDirectory = findBundledData();

function findBundledData(): string {
	let folder = path.dirname(fileURLToPath(import.meta.url));
	for (let up = 0; up < 4; up++) {
		const candidate = path.join(folder, 'data');
		if (existsSync(path.join(candidate, 'dataset.json')) && existsSync(path.join(folder, 'package.json'))) {
			return candidate;
		}

		folder = path.dirname(folder);
	}

	return fileURLToPath(new URL('../../data', import.meta.url));
}

export const datasetFileName = 'dataset.json';
export const ndjsonFileName = 'dataset.ndjson';
/** Parts of a dataset split into several files. */
export const partPattern = /^dataset-[\w.-]*\.(?:json|ndjson|jsonl)$/i;

/**
 * One JSON document above this is refused: it is streamed, but NDJSON or parts are the form for
 * that much data (and the error paths read a document whole).
 */
export const maxDocumentBytes = 2 * 1024 * 1024 * 1024 - 1;

/** Up to this size a document that fails is read whole to word its problems, as it always was. */
export const wholeDocumentBytes = 256 * 1024 * 1024;

export type PartFormat = 'json' | 'ndjson';

export type Part = {
	/** The path, or `standard input`. */
	readonly file: string;
	/** As shown in messages: relative to the working folder when inside it. */
	readonly shown: string;
	readonly size: number;
};

export type DataLocation = {
	readonly parts: readonly Part[];
	/** True for a folder of several files, whose JSON parts may hold any of the lists. */
	readonly split: boolean;
	/** What pins are kept by: the dataset file, or the folder of parts. */
	readonly key: string;
	/** Standard input, read whole. */
	readonly stdin?: Buffer;
};

export function displayPath(file: string): string {
	const relative = path.relative(process.cwd(), file);
	return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

export function failure(file: string, message: string, where = ''): {ok: false; problems: Problem[]} {
	return {ok: false, problems: [{file: displayPath(file), path: where, message}]};
}

export function systemMessage(error: unknown): string {
	const code = (error as NodeJS.ErrnoException).code;
	switch (code) {
		case 'ENOENT': {
			return 'no such file or folder';
		}

		case 'EACCES':
		case 'EPERM': {
			return 'permission denied: check the file\'s permissions';
		}

		case 'EISDIR': {
			return 'it is a folder';
		}

		default: {
			return error instanceof Error ? error.message : String(error);
		}
	}
}

/** Decodes UTF-8 strictly; a bad byte is reported by its line rather than turned into U+FFFD. */
export function decodeUtf8(bytes: Buffer, file: string): Result<string> {
	if (isUtf8(bytes)) {
		return {ok: true, value: bytes.toString('utf8')};
	}

	const lossy = bytes.toString('utf8');
	const reencoded = Buffer.from(lossy, 'utf8');
	let offset = 0;
	while (offset < bytes.length && offset < reencoded.length && bytes[offset] === reencoded[offset]) {
		offset++;
	}

	const before = bytes.subarray(0, offset).toString('utf8');
	const {line, column} = lineAndColumn(before, before.length);
	return failure(file, `not valid UTF-8 (byte 0x${(bytes[offset] ?? 0).toString(16).padStart(2, '0')} at byte ${offset}): save the file as UTF-8`, `line ${line}, column ${column}`);
}

/** Which file holds the dataset: `PATH` itself, or `PATH/dataset.json` (or `.ndjson`) for a folder. */
export function resolveDatasetFile(dataPath: string): Result<string> {
	const located = locateData(dataPath);
	return located.ok ? {ok: true, value: located.value.key} : located;
}

/** The files of the dataset at `dataPath`: a file, a folder, or `-` for standard input. */
export function locateData(dataPath: string): Result<DataLocation> {
	if (dataPath === '-' || dataPath === '/dev/stdin') {
		// Opening /dev/stdin fails when standard input is a socket, as it is under some process managers.
		let bytes: Buffer;
		try {
			bytes = readFileSync(0);
		} catch (error) {
			return failure('standard input', `cannot read the dataset: ${systemMessage(error)}`);
		}

		return {ok: true, value: {parts: [{file: 'standard input', shown: 'standard input', size: bytes.length}], split: false, key: '-', stdin: bytes}};
	}

	let stats;
	try {
		stats = statSync(dataPath);
	} catch (error) {
		return failure(dataPath, `cannot read the dataset: ${systemMessage(error)}; pass --data with a data folder or a dataset JSON file`);
	}

	if (!stats.isDirectory()) {
		return {ok: true, value: {parts: [{file: dataPath, shown: displayPath(dataPath), size: stats.size}], split: false, key: dataPath}};
	}

	for (const name of [datasetFileName, ndjsonFileName]) {
		const file = path.join(dataPath, name);
		try {
			const {size} = statSync(file);
			return {ok: true, value: {parts: [{file, shown: displayPath(file), size}], split: false, key: file}};
		} catch {
			// Not this one.
		}
	}

	let names: string[];
	try {
		names = readdirSync(dataPath).filter((name) => partPattern.test(name)).sort();
	} catch (error) {
		return failure(dataPath, `cannot read the folder: ${systemMessage(error)}`);
	}

	if (names.length === 0) {
		// (Nor dataset.ndjson, nor dataset-*.ndjson parts; the README says so.)
		return failure(dataPath, `the folder has no ${datasetFileName}: pass --data with a data folder that has one, or a dataset JSON file`);
	}

	const parts: Part[] = [];
	for (const name of names) {
		const file = path.join(dataPath, name);
		try {
			parts.push({file, shown: displayPath(file), size: statSync(file).size});
		} catch (error) {
			return failure(file, `cannot read the dataset: ${systemMessage(error)}`);
		}
	}

	return {ok: true, value: {parts, split: true, key: dataPath}};
}

// ---------------------------------------------------------------------------------------------
// Bytes in chunks

const chunkSize = 4 * 1024 * 1024;

/** A window over a file's bytes that slides forward as they are consumed. */
export class ByteWindow {
	buffer: Buffer;
	/** Bytes `[0, end)` of the buffer are data. */
	end = 0;
	/** The file offset of `buffer[0]`. */
	base = 0;
	eof = false;

	constructor(private readonly descriptor: number | undefined, whole: Buffer | undefined, private readonly hash: Hash | undefined, private readonly onRead?: (bytes: number) => void) {
		if (whole) {
			this.buffer = whole;
			this.end = whole.length;
			this.eof = true;
			hash?.update(whole);
			onRead?.(whole.length);
		} else {
			this.buffer = Buffer.allocUnsafe(chunkSize);
		}
	}

	/**
	 * Reads more, keeping the bytes from `keep` on (they move to the front: positions shift by
	 * `keep`). Returns false at the end of the file.
	 */
	more(keep: number): boolean {
		if (this.eof) {
			return false;
		}

		if (keep > 0) {
			this.buffer.copy(this.buffer, 0, keep, this.end);
			this.base += keep;
			this.end -= keep;
		}

		if (this.end === this.buffer.length) {
			// A record larger than the window: make room for it.
			const larger = Buffer.allocUnsafe(this.buffer.length * 2);
			this.buffer.copy(larger, 0, 0, this.end);
			this.buffer = larger;
		}

		const read = readSync(this.descriptor!, this.buffer, this.end, this.buffer.length - this.end, null);
		if (read === 0) {
			this.eof = true;
			return false;
		}

		this.hash?.update(this.buffer.subarray(this.end, this.end + read));
		this.end += read;
		this.onRead?.(read);
		return true;
	}
}

// ---------------------------------------------------------------------------------------------
// Scanning

/**
 * Something wrong with the bytes: where (a file offset) and what (a jsonc-parser error name, or
 * `invalid JSON` with the text that `JSON.parse` refused, or `not valid UTF-8`).
 */
export type SyntaxFault = {readonly offset: number; readonly reason: string; readonly text?: string};

/** A record as read: its list, the record (parsed, not validated), and where it was. */
export type ReadRecord = {
	readonly type: RecordType;
	readonly value: unknown;
	/** NDJSON: the line; a document: the position in its list. */
	readonly position: number;
};

export type Listener = {
	/** A record; return false to stop reading. */
	record: (record: ReadRecord) => boolean;
	/** A top-level key of a document, as it is met. */
	key?: (key: string) => void;
	/** A top-level value of a document other than the lists, or a list that is not an array. */
	topLevel: (key: string, value: unknown, offset: number) => boolean;
	/** NDJSON: the header line. */
	header: (value: Record<string, unknown>, line: number) => boolean;
	/** A line or document that is not valid JSON or not valid UTF-8; return false to stop. */
	fault: (fault: SyntaxFault & {line?: number}) => boolean;
	/** NDJSON: a line with no or an unknown `type`. */
	untyped: (value: unknown, line: number) => boolean;
};

const space = (byte: number): boolean => byte === 0x20 || byte === 0x0A || byte === 0x0D || byte === 0x09;

/** Guesses the format from the start of a file: NDJSON when its first line is an object with a `type`. */
export function sniffFormat(head: Buffer, file: string): PartFormat {
	if (/\.(?:ndjson|jsonl)$/i.test(file)) {
		return 'ndjson';
	}

	let start = head[0] === 0xEF && head[1] === 0xBB && head[2] === 0xBF ? 3 : 0;
	while (start < head.length && space(head[start]!)) {
		start++;
	}

	const newline = head.indexOf(0x0A, start);
	if (newline === -1) {
		return 'json';
	}

	try {
		const first = JSON.parse(head.toString('utf8', start, newline)) as unknown;
		return typeof first === 'object' && first !== null && !Array.isArray(first) && typeof (first as {type?: unknown}).type === 'string' ? 'ndjson' : 'json';
	} catch {
		return 'json';
	}
}

const recordTypeNames = new Set(['source', 'actor', 'event', 'quote']);

/** Reads NDJSON lines from the window; returns false when stopped. */
export function scanNdjson(window: ByteWindow, listener: Listener): boolean {
	let position = 0;
	let line = 0;
	let first = true;
	for (;;) {
		let newline = window.buffer.indexOf(0x0A, position);
		if (newline === -1 || newline >= window.end) {
			if (!window.eof) {
				window.more(position);
				position = 0;
				continue;
			}

			if (position >= window.end) {
				return true;
			}

			newline = window.end;
		}

		line++;
		let start = position;
		let stop = newline;
		position = newline + 1;
		if (first) {
			first = false;
			if (window.buffer[start] === 0xEF && window.buffer[start + 1] === 0xBB && window.buffer[start + 2] === 0xBF) {
				start += 3;
			}
		}

		while (start < stop && space(window.buffer[start]!)) {
			start++;
		}

		while (stop > start && space(window.buffer[stop - 1]!)) {
			stop--;
		}

		if (start === stop) {
			continue;
		}

		const bytes = window.buffer.subarray(start, stop);
		if (!isUtf8(bytes)) {
			if (!listener.fault({offset: window.base + start, reason: 'not valid UTF-8', line})) {
				return false;
			}

			continue;
		}

		let value: unknown;
		const text = bytes.toString('utf8');
		try {
			value = JSON.parse(text);
		} catch {
			if (!listener.fault({offset: window.base + start, reason: 'invalid JSON', line, text})) {
				return false;
			}

			continue;
		}

		const type = typeof value === 'object' && value !== null ? (value as {type?: unknown}).type : undefined;
		let keep: boolean;
		if (typeof type === 'string' && recordTypeNames.has(type)) {
			const {type: _type, ...record} = value as Record<string, unknown>;
			keep = listener.record({type: type as RecordType, value: record, position: line});
		} else if (type === 'dataset') {
			keep = listener.header(value as Record<string, unknown>, line);
		} else {
			keep = listener.untyped(value, line);
		}

		if (!keep) {
			return false;
		}
	}
}

/** What the document scanner expects next. */
const enum Expect { Open, FirstKey, Key, Colon, Value, CommaOrClose, FirstElement, Element, ElementCommaOrClose, End }

const listKeys = new Map<string, RecordType>(Object.entries(listNames).map(([type, list]) => [list, type as RecordType]));

/**
 * Reads one JSON document from the window, record by record: the structure around the lists is
 * scanned here, and each record, key and other value is handed to `JSON.parse` on its own. Valid
 * JSON is never misread; anything else is a fault at the first place the scan or a parse fails.
 */
export function scanDocument(window: ByteWindow, listener: Listener): boolean {
	let position = 0;
	if (window.end < 3 && !window.eof) {
		window.more(0);
	}

	if (window.buffer[0] === 0xEF && window.buffer[1] === 0xBB && window.buffer[2] === 0xBF) {
		position = 3;
	}

	let state: Expect = Expect.Open;
	let key = '';
	let list: RecordType | undefined;
	let index = 0;
	const seen = new Set<string>();
	const fault = (at: number, reason: string): boolean => listener.fault({offset: window.base + at, reason});

	/** Ensures bytes at `position`; returns false at the end of the file. */
	const available = (): boolean => {
		while (position >= window.end) {
			const keep = position;
			if (!window.more(keep)) {
				return false;
			}

			position -= keep;
		}

		return true;
	};

	/** The end of the value at `start`, or -1 when the window must grow, or -2 when no value starts there. */
	const skipString = (start: number): number => {
		let from = start + 1;
		for (;;) {
			const quote = window.buffer.indexOf(0x22, from);
			if (quote === -1 || quote >= window.end) {
				return -1;
			}

			let slashes = 0;
			for (let back = quote - 1; back > start && window.buffer[back] === 0x5C; back--) {
				slashes++;
			}

			if (slashes % 2 === 0) {
				return quote + 1;
			}

			from = quote + 1;
		}
	};

	const skipValue = (start: number): number => {
		const {buffer} = window;
		const first = buffer[start]!;
		if (first === 0x22) {
			return skipString(start);
		}

		if (first === 0x7B || first === 0x5B) {
			let depth = 0;
			for (let at = start; at < window.end;) {
				const byte = buffer[at]!;
				if (byte === 0x22) {
					const after = skipString(at);
					if (after < 0) {
						return after;
					}

					at = after;
					continue;
				}

				if (byte === 0x7B || byte === 0x5B) {
					depth++;
				} else if ((byte === 0x7D || byte === 0x5D) && --depth === 0) {
					return at + 1;
				}

				at++;
			}

			return -1;
		}

		if (first === 0x7D || first === 0x5D || first === 0x2C || first === 0x3A) {
			return -2;
		}

		let at = start;
		while (at < window.end) {
			const byte = buffer[at]!;
			if (byte === 0x2C || byte === 0x7D || byte === 0x5D || space(byte)) {
				return at;
			}

			at++;
		}

		return window.eof ? at : -1;
	};

	/** Parses the value at `position`: sets `parsed` and moves past it, or reports a fault. */
	let parsed: unknown;
	let parsedAt = 0;
	const value = (): 'ok' | 'fault' => {
		for (;;) {
			const end = skipValue(position);
			if (end === -2) {
				fault(position, 'ValueExpected');
				return 'fault';
			}

			if (end === -1) {
				const keep = position;
				if (window.more(keep)) {
					position -= keep;
					continue;
				}

				fault(window.end, window.buffer[position] === 0x22 ? 'UnexpectedEndOfString' : 'CloseBraceExpected');
				return 'fault';
			}

			const bytes = window.buffer.subarray(position, end);
			if (!isUtf8(bytes)) {
				fault(position, 'not valid UTF-8');
				return 'fault';
			}

			const text = bytes.toString('utf8');
			try {
				parsed = JSON.parse(text);
			} catch {
				listener.fault({offset: window.base + position, reason: 'invalid JSON', text});
				return 'fault';
			}

			parsedAt = window.base + position;
			position = end;
			return 'ok';
		}
	};

	for (;;) {
		while (available() && space(window.buffer[position]!)) {
			position++;
		}

		if (!available()) {
			if (state === Expect.End) {
				return true;
			}

			fault(window.end, state === Expect.Open ? 'empty' : state >= Expect.FirstElement ? 'CloseBracketExpected' : 'CloseBraceExpected');
			return false;
		}

		const byte = window.buffer[position]!;
		switch (state) {
			case Expect.Open: {
				if (byte !== 0x7B) {
					// Not an object: let JSON.parse say what it is, for the schema to report.
					if (value() === 'fault') {
						return false;
					}

					if (!listener.topLevel('', parsed, parsedAt)) {
						return false;
					}

					state = Expect.End;
					break;
				}

				position++;
				state = Expect.FirstKey;
				break;
			}

			case Expect.FirstKey:
			case Expect.Key: {
				if (byte === 0x7D && state === Expect.FirstKey) {
					position++;
					state = Expect.End;
					break;
				}

				if (byte !== 0x22) {
					fault(position, 'PropertyNameExpected');
					return false;
				}

				if (value() === 'fault') {
					return false;
				}

				key = parsed as string;
				state = Expect.Colon;
				break;
			}

			case Expect.Colon: {
				if (byte !== 0x3A) {
					fault(position, 'ColonExpected');
					return false;
				}

				position++;
				state = Expect.Value;
				break;
			}

			case Expect.Value: {
				const type = listKeys.get(key);
				if (seen.has(key)) {
					fault(position, `the key "${key}" appears twice`);
					return false;
				}

				seen.add(key);
				listener.key?.(key);
				if (type !== undefined && byte === 0x5B) {
					position++;
					list = type;
					index = 0;
					state = Expect.FirstElement;
					break;
				}

				if (value() === 'fault' || !listener.topLevel(key, parsed, parsedAt)) {
					return false;
				}

				state = Expect.CommaOrClose;
				break;
			}

			case Expect.CommaOrClose: {
				if (byte === 0x2C) {
					position++;
					state = Expect.Key;
				} else if (byte === 0x7D) {
					position++;
					state = Expect.End;
				} else {
					fault(position, 'CommaExpected');
					return false;
				}

				break;
			}

			case Expect.FirstElement:
			case Expect.Element: {
				if (byte === 0x5D && state === Expect.FirstElement) {
					position++;
					state = Expect.CommaOrClose;
					break;
				}

				if (value() === 'fault') {
					return false;
				}

				if (!listener.record({type: list!, value: parsed, position: index++})) {
					return false;
				}

				state = Expect.ElementCommaOrClose;
				break;
			}

			case Expect.ElementCommaOrClose: {
				if (byte === 0x2C) {
					position++;
					state = Expect.Element;
				} else if (byte === 0x5D) {
					position++;
					state = Expect.CommaOrClose;
				} else {
					fault(position, 'CommaExpected');
					return false;
				}

				break;
			}

			case Expect.End: {
				fault(position, 'EndOfFileExpected');
				return false;
			}
		}
	}
}

/** Opens a part for scanning: a window over it, and its format. */
export function openPart(part: Part, stdin: Buffer | undefined, hash: Hash | undefined, onRead?: (bytes: number) => void): {window: ByteWindow; format: PartFormat; close: () => void} {
	if (stdin) {
		return {window: new ByteWindow(undefined, stdin, hash, onRead), format: sniffFormat(stdin.subarray(0, 65_536), 'standard input'), close: () => undefined};
	}

	const descriptor = openSync(part.file, 'r');
	const window = new ByteWindow(descriptor, undefined, hash, onRead);
	window.more(0);
	return {window, format: sniffFormat(window.buffer.subarray(0, Math.min(window.end, 65_536)), part.file), close: () => {
		closeSync(descriptor);
	}};
}

export function newHash(): Hash {
	return createHash('sha256');
}

export type {ListName, Problem};
