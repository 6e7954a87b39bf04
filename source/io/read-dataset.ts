import {readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {lineAndColumn, loadDatasetText, type LinkedDataset, type Problem, type Result} from '../core/dataset.js';

/** The bundled dataset, shipped beside the built code. */
export const bundledDataDirectory = fileURLToPath(new URL('../../data', import.meta.url));

export const datasetFileName = 'dataset.json';

/** One JSON document is read whole; past this, the string would strain memory. */
export const maxDocumentBytes = 256 * 1024 * 1024;

function displayPath(file: string): string {
	const relative = path.relative(process.cwd(), file);
	return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

function failure(file: string, message: string, where = ''): Result<never> {
	return {ok: false, problems: [{file: displayPath(file), path: where, message}]};
}

function systemMessage(error: unknown): string {
	const code = (error as NodeJS.ErrnoException).code;
	switch (code) {
		case 'ENOENT': {
			return 'no such file or folder';
		}

		case 'EACCES':
		case 'EPERM': {
			return 'permission denied: check the file\'s permissions';
		}

		default: {
			return error instanceof Error ? error.message : String(error);
		}
	}
}

/** Decodes UTF-8 strictly; a bad byte is reported by its line rather than turned into U+FFFD. */
export function decodeUtf8(bytes: Buffer, file: string): Result<string> {
	try {
		return {ok: true, value: new TextDecoder('utf-8', {fatal: true}).decode(bytes)};
	} catch {
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
}

/** Which file holds the dataset: `PATH` itself, or `PATH/dataset.json` for a folder. */
export function resolveDatasetFile(dataPath: string): Result<string> {
	let stats;
	try {
		stats = statSync(dataPath);
	} catch (error) {
		return failure(dataPath, `cannot read the dataset: ${systemMessage(error)}; pass --data with a data folder or a dataset JSON file`);
	}

	if (stats.isDirectory()) {
		const file = path.join(dataPath, datasetFileName);
		try {
			statSync(file);
		} catch {
			return failure(dataPath, `the folder has no ${datasetFileName}: pass --data with a data folder that has one, or a dataset JSON file`);
		}

		return {ok: true, value: file};
	}

	return {ok: true, value: dataPath};
}

/** Reads, validates and links the dataset at `dataPath` (a folder or a file). */
export function readDataset(dataPath: string = bundledDataDirectory): Result<LinkedDataset> {
	if (dataPath === '-' || dataPath === '/dev/stdin') {
		return readStandardInput();
	}

	const resolved = resolveDatasetFile(dataPath);
	if (!resolved.ok) {
		return resolved;
	}

	const file = resolved.value;
	const shown = displayPath(file);
	let bytes: Buffer;
	try {
		const {size} = statSync(file);
		if (size > maxDocumentBytes) {
			return failure(file, `the file is ${Math.round(size / 1024 / 1024)} MB, over the ${maxDocumentBytes / 1024 / 1024} MB limit for one JSON document: split it into several files`);
		}

		bytes = readFileSync(file);
	} catch (error) {
		return failure(file, `cannot read the dataset: ${systemMessage(error)}`);
	}

	const text = decodeUtf8(bytes, file);
	if (!text.ok) {
		return text;
	}

	return loadDatasetText(text.value, shown);
}

// Opening /dev/stdin fails when standard input is a socket, as it is under some process managers.
function readStandardInput(): Result<LinkedDataset> {
	const file = 'standard input';
	let bytes: Buffer;
	try {
		bytes = readFileSync(0);
	} catch (error) {
		return failure(file, `cannot read the dataset: ${systemMessage(error)}`);
	}

	const text = decodeUtf8(bytes, file);
	return text.ok ? loadDatasetText(text.value, file) : text;
}

export type {Problem};
