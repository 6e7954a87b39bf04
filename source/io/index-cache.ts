import {createHash} from 'node:crypto';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {
	createSearchIndex, createSearchIndexInSlices, deserializeSearchIndex, indexFingerprint, type SearchIndex, serializeSearchIndex,
} from '../core/search.js';
import type {LoadedDataset} from './load-dataset.js';
import {cacheFolder, type CacheOptions, touch, writeCacheFile} from './snapshot.js';

export {cacheDirectory, type CacheOptions} from './snapshot.js';

/**
 * The search index on disk, so that a second start skips building it. One file per dataset,
 * named by the SHA-256 of the data's bytes and a fingerprint of the indexing code; inside, a
 * header with both and a SHA-256 of the payload. A file that is stale, truncated or corrupt, or
 * that does not fit the dataset, is never used: the index is rebuilt and the file replaced.
 * The folder is the one of `snapshot.ts`; the few most recently used files are kept.
 */

/**
 * Datasets of at least this many items get their index cached: all of them, as even the bundled
 * seed data's index (a hundred items) reads in a fraction of the 15 ms its build costs a fresh
 * process, whose code has not warmed up.
 */
export const minimumCachedItems = 0;

const magic = Buffer.from('BRIEFIDX', 'latin1');
const headerBytes = magic.length + 32 + 32;

/** How an index was had: read from its file, or built (and why). */
export type IndexSource = 'cached' | 'built' | 'rebuilt' | 'uncached';

function itemCount(loaded: LoadedDataset): number {
	const {linked} = loaded;
	return linked.events.length + linked.actors.length + linked.quotes.length;
}

/** The file of a dataset's index, or undefined when it is not cached. */
export function indexFile(loaded: LoadedDataset, options: CacheOptions = {}): string | undefined {
	const folder = cacheFolder(options);
	if (folder === undefined || loaded.hash === '' || itemCount(loaded) < (options.minimumItems ?? minimumCachedItems)) {
		return undefined;
	}

	return path.join(folder, `index-${keyOf(loaded).toString('hex').slice(0, 40)}.bin`);
}

/** What an index file is for: these bytes of data, indexed by this code. */
function keyOf(loaded: LoadedDataset): Buffer {
	return createHash('sha256').update(`${loaded.hash}\n${indexFingerprint()}`).digest();
}

/**
 * The cached index of the dataset: undefined when there is no file, or when it is stale or
 * corrupt (then `corrupt` is true and the file should be rewritten).
 */
export function readCachedIndex(loaded: LoadedDataset, options: CacheOptions = {}): {index: SearchIndex | undefined; corrupt: boolean} {
	const file = indexFile(loaded, options);
	if (file === undefined) {
		return {index: undefined, corrupt: false};
	}

	let bytes: Buffer;
	try {
		bytes = readFileSync(file);
	} catch {
		return {index: undefined, corrupt: false};
	}

	const payload = bytes.subarray(headerBytes);
	const fingerprint = keyOf(loaded);
	if (bytes.length < headerBytes || !bytes.subarray(0, magic.length).equals(magic)
		|| !bytes.subarray(magic.length, magic.length + 32).equals(fingerprint)
		|| !bytes.subarray(magic.length + 32, headerBytes).equals(createHash('sha256').update(payload).digest())) {
		return {index: undefined, corrupt: true};
	}

	const index = deserializeSearchIndex(payload, loaded.linked);
	if (index === undefined) {
		return {index: undefined, corrupt: true};
	}

	touch(file);
	return {index, corrupt: false};
}

/** Writes the index file (atomically: a file appears whole or not at all), then prunes old ones. */
export function writeCachedIndex(loaded: LoadedDataset, index: SearchIndex, options: CacheOptions = {}): boolean {
	const file = indexFile(loaded, options);
	if (file === undefined) {
		return false;
	}

	const payload = serializeSearchIndex(index);
	const checksum = createHash('sha256');
	for (const part of payload) {
		checksum.update(part);
	}

	return writeCacheFile(file, [magic, keyOf(loaded), checksum.digest(), ...payload], /^index-.*\.bin$/);
}

/** The dataset's index: from its file when it is there and sound, else built now and saved. */
export function indexFor(loaded: LoadedDataset, options: CacheOptions = {}): {index: SearchIndex; source: IndexSource} {
	const cached = readCachedIndex(loaded, options);
	if (cached.index) {
		return {index: cached.index, source: 'cached'};
	}

	const index = createSearchIndex(loaded.linked);
	const saved = writeCachedIndex(loaded, index, options);
	return {index, source: saved ? (cached.corrupt ? 'rebuilt' : 'built') : 'uncached'};
}

/**
 * {@link indexFor} for the dashboard: building goes a slice at a time so that keys and frames are
 * not held up, with the fraction done reported as it goes.
 */
export async function indexInBackground(loaded: LoadedDataset, onProgress?: (fraction: number) => void, options: CacheOptions = {}): Promise<{index: SearchIndex; source: IndexSource}> {
	const cached = readCachedIndex(loaded, options);
	if (cached.index) {
		return {index: cached.index, source: 'cached'};
	}

	const index = await createSearchIndexInSlices(loaded.linked, onProgress);
	const saved = writeCachedIndex(loaded, index, options);
	return {index, source: saved ? (cached.corrupt ? 'rebuilt' : 'built') : 'uncached'};
}
