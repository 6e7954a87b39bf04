import {closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync} from 'node:fs';
import path from 'node:path';
import {randomBytes} from 'node:crypto';
import {terminalSafeJson} from '../core/json.js';
import {evidenceKeys, listNames, type RecordType, recordKeys, recordTypes} from '../core/contract.js';
import type {Actor, Dataset, Evidence, Event, Quote, Source} from '../core/schema.js';

export {listNames, type RecordType, recordTypes} from '../core/contract.js';

/**
 * Writes a dataset as a stream of records, so that a million events never become one string:
 * either one JSON document, byte for byte what `JSON.stringify(dataset, null, 2)` prints, or NDJSON,
 * one record per line after a header line:
 *
 * ```
 * {"type":"dataset","version":1}
 * {"type":"source","id":"...",...}
 * {"type":"actor",...}
 * ```
 *
 * Keys come in the schema's order whatever order the records have them in.
 */

export type DatasetFormat = 'json' | 'ndjson';

export type DatasetRecord =
	| {readonly type: 'source'; readonly record: Source}
	| {readonly type: 'actor'; readonly record: Actor}
	| {readonly type: 'event'; readonly record: Event}
	| {readonly type: 'quote'; readonly record: Quote};


function orderedEvidence(evidence: Evidence): Evidence {
	const out: Record<string, unknown> = {};
	for (const key of evidenceKeys) {
		out[key] = evidence[key as keyof Evidence];
	}

	return out as Evidence;
}

/** A record with its keys in the schema's order (and `type` first, when asked). */
export function canonicalRecord(type: RecordType, record: object, withType = false): Record<string, unknown> {
	const source = record as Record<string, unknown>;
	const out: Record<string, unknown> = withType ? {type} : {};
	for (const key of recordKeys[type]) {
		const value = source[key];
		if (key === 'evidence') {
			out[key] = Array.isArray(value) ? value.map((each) => orderedEvidence(each as Evidence)) : orderedEvidence(value as Evidence);
		} else {
			out[key] = value;
		}
	}

	return out;
}

/** The records of an in-memory dataset, in document order. */
export function * datasetRecords(dataset: Dataset): Generator<DatasetRecord> {
	for (const record of dataset.sources) {
		yield {type: 'source', record};
	}

	for (const record of dataset.actors) {
		yield {type: 'actor', record};
	}

	for (const record of dataset.events) {
		yield {type: 'event', record};
	}

	for (const record of dataset.quotes) {
		yield {type: 'quote', record};
	}
}

/** Where text goes: a function that may ask to wait (a pipe that is full). */
export type TextSink = (chunk: string) => void | Promise<void>;

const flushAt = 1 << 20;

/**
 * Writes records as a dataset. For a JSON document the records must come in document order
 * (sources, actors, events, quotes); NDJSON takes any order.
 */
export async function writeRecords(records: Iterable<DatasetRecord>, format: DatasetFormat, sink: TextSink, {indent = 2}: {indent?: 0 | 2} = {}): Promise<{records: number}> {
	let buffer = '';
	let count = 0;
	const push = async (text: string): Promise<void> => {
		buffer += text;
		if (buffer.length >= flushAt) {
			const chunk = buffer;
			buffer = '';
			await sink(chunk);
		}
	};

	if (format === 'ndjson') {
		await push(`${terminalSafeJson({type: 'dataset', version: 1}, 0)}\n`);
		for (const {type, record} of records) {
			count++;
			// eslint-disable-next-line no-await-in-loop
			await push(`${terminalSafeJson(canonicalRecord(type, record, true), 0)}\n`);
		}
	} else {
		// Indented as `JSON.stringify(dataset, null, 2)` would, or on one line as with no indent.
		const [newline, inner] = indent === 2 ? ['\n  ', '\n    '] : ['', ''];
		const colon = indent === 2 ? ': ' : ':';
		await push(`{${newline}"version"${colon}1`);
		let list = -1;
		let first = true;
		const open = async (upTo: number): Promise<void> => {
			while (list < upTo) {
				if (list >= 0) {
					// eslint-disable-next-line no-await-in-loop
					await push(first ? '[]' : `${newline}]`);
				}

				list++;
				first = true;
				// eslint-disable-next-line no-await-in-loop
				await push(`,${newline}"${listNames[recordTypes[list]!]}"${colon}`);
			}
		};

		for (const {type, record} of records) {
			const position = recordTypes.indexOf(type);
			if (position < list) {
				throw new Error(`records out of document order: a ${type} after the ${listNames[recordTypes[list]!]}`);
			}

			// eslint-disable-next-line no-await-in-loop
			await open(position);
			count++;
			const text = indent === 2 ? terminalSafeJson(canonicalRecord(type, record), 2).replace(/\n/g, inner) : terminalSafeJson(canonicalRecord(type, record), 0);
			// eslint-disable-next-line no-await-in-loop
			await push(`${first ? '[' : ','}${inner}${text}`);
			first = false;
		}

		await open(recordTypes.length - 1);
		await push(first ? `[]${indent === 2 ? '\n' : ''}}\n` : `${newline}]${indent === 2 ? '\n' : ''}}\n`);
	}

	if (buffer !== '') {
		await sink(buffer);
	}

	return {records: count};
}

/** A sink to standard output that waits when the pipe is full. */
export function stdoutSink(): TextSink {
	return async (chunk) => {
		if (!process.stdout.write(chunk)) {
			await new Promise<void>((resolve) => {
				process.stdout.once('drain', resolve);
			});
		}
	};
}

/**
 * Writes records to a file atomically: a temporary file in the same folder, flushed, then renamed
 * over the target. A failure leaves the target as it was.
 */
export async function writeDatasetFile(file: string, records: Iterable<DatasetRecord>, format: DatasetFormat, options: {indent?: 0 | 2} = {}): Promise<{records: number; bytes: number}> {
	const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
	const descriptor = openSync(temporary, 'wx', 0o644);
	let bytes = 0;
	let open = true;
	try {
		const result = await writeRecords(records, format, (chunk) => {
			const data = Buffer.from(chunk, 'utf8');
			bytes += data.length;
			for (let written = 0; written < data.length;) {
				written += writeSync(descriptor, data, written, data.length - written);
			}
		}, options);
		fsyncSync(descriptor);
		closeSync(descriptor);
		open = false;
		renameSync(temporary, file);
		return {...result, bytes};
	} catch (error) {
		if (open) {
			closeSync(descriptor);
		}

		rmSync(temporary, {force: true});
		throw error;
	}
}
