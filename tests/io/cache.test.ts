import {existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {parseQuery} from '../../source/core/query.js';
import {search} from '../../source/core/search.js';
import {indexFile, indexFor} from '../../source/io/index-cache.js';
import {type LoadedDataset} from '../../source/io/load-dataset.js';
import {readDatasetInfo} from '../../source/io/read-dataset.js';
import {snapshotFile} from '../../source/io/snapshot.js';
import {datasetRecords, writeRecords} from '../../source/io/write-dataset.js';
import {generateDataset} from '../../source/tools/generate.js';
import {runCli} from '../helpers/cli.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'briefing-cache-'));
const dataFile = path.join(scratch, 'data.json');
const dataset = generateDataset({events: 3000, seed: 5});
let text = '';
await writeRecords(datasetRecords(dataset), 'json', (chunk) => {
	text += chunk;
});
writeFileSync(dataFile, text);

/** A cache folder of its own, caching data of any size. */
function cacheOptions(): {directory: string; minimumItems: number} {
	return {directory: mkdtempSync(path.join(scratch, 'cache-')), minimumItems: 0};
}

function load(file = dataFile, cache?: {directory: string; minimumItems: number}): LoadedDataset {
	const loaded = readDatasetInfo(file, cache ? {cache} : {cache: {directory: null}});
	if (!loaded.ok) {
		throw new Error(loaded.problems[0]?.message);
	}

	return loaded.value;
}

const queries = ['kovalenko', 'grain exports', 'Коваленко', 'tag:ceasefire odesa', 'zaporozhye', '"security guarantees"', 'actor:lavrov'];

function results(loaded: LoadedDataset, cache: {directory: string; minimumItems: number}): unknown[] {
	const {index} = indexFor(loaded, cache);
	return queries.map((query) => search(index, parseQuery(query)));
}

function flipByte(file: string, at: number): void {
	const bytes = readFileSync(file);
	bytes[at] = bytes[at]! ^ 0xFF;
	writeFileSync(file, bytes);
}

describe('the search index on disk', () => {
	it('is built once: a second start reads it, and it searches as the index it was made from', () => {
		const cache = cacheOptions();
		const loaded = load();
		const first = indexFor(loaded, cache);
		expect(first.source).toBe('built');
		expect(existsSync(indexFile(loaded, cache)!)).toBe(true);
		const second = indexFor(load(), cache);
		expect(second.source).toBe('cached');
		expect(queries.map((query) => search(second.index, parseQuery(query)))).toEqual(queries.map((query) => search(first.index, parseQuery(query))));
	});

	it('is rebuilt, never used, when a byte of it is changed', () => {
		const cache = cacheOptions();
		const loaded = load();
		const expected = results(loaded, cache);
		const file = indexFile(loaded, cache)!;
		for (const at of [3, 20, 100, Math.floor(readFileSync(file).length / 2), readFileSync(file).length - 1]) {
			flipByte(file, at);
			const again = indexFor(load(), cache);
			expect(again.source, `byte ${at}`).toBe('rebuilt');
			expect(queries.map((query) => search(again.index, parseQuery(query)))).toEqual(expected);
			expect(indexFor(load(), cache).source).toBe('cached');
		}
	});

	it('is rebuilt when the file is cut short or empty', () => {
		const cache = cacheOptions();
		const loaded = load();
		indexFor(loaded, cache);
		const file = indexFile(loaded, cache)!;
		const bytes = readFileSync(file);
		writeFileSync(file, bytes.subarray(0, bytes.length - 100));
		expect(indexFor(load(), cache).source).toBe('rebuilt');
		writeFileSync(file, '');
		expect(indexFor(load(), cache).source).toBe('rebuilt');
	});

	it('belongs to the data it was made from: other data has its own', () => {
		const cache = cacheOptions();
		indexFor(load(), cache);
		const other = path.join(scratch, 'other.json');
		writeFileSync(other, text.replace('"version": 1', '"version": 1 '));
		const loaded = load(other);
		expect(loaded.hash).not.toBe(load().hash);
		expect(indexFor(loaded, cache).source).toBe('built');
		expect(readdirSync(cache.directory).filter((name) => name.startsWith('index-'))).toHaveLength(2);
	});

	it('is made for small data too, which a fresh process reads faster than it indexes', () => {
		const cache = {directory: mkdtempSync(path.join(scratch, 'cache-'))};
		const built = indexFor(load(), cache);
		expect(built.source).toBe('built');
		expect(readdirSync(cache.directory).filter((name) => name.startsWith('index-'))).toHaveLength(1);
		const cached = indexFor(load(), cache);
		expect(cached.source).toBe('cached');
		expect(search(cached.index, parseQuery('macron'))).toEqual(search(built.index, parseQuery('macron')));
	});
});

describe('the dataset snapshot on disk', () => {
	it('is written on the first load and read on the next, to the same dataset', () => {
		const cache = cacheOptions();
		const first = load(dataFile, cache);
		expect(first.snapshot).toBe('written');
		const second = load(dataFile, cache);
		expect(second.snapshot).toBe('read');
		expect(second.hash).toBe(first.hash);
		expect(second.linked.dataset).toEqual(first.linked.dataset);
		expect([...second.linked.eventsByActor.entries()].map(([key, events]) => [key, events.map((event) => event.id)]))
			.toEqual([...first.linked.eventsByActor.entries()].map(([key, events]) => [key, events.map((event) => event.id)]));
		expect(second.linked.asOf).toBe(first.linked.asOf);
	});

	it('is never trusted when changed: the data is read again and the snapshot rewritten', () => {
		const cache = cacheOptions();
		const first = load(dataFile, cache);
		const file = snapshotFile(first.hash, first.bytes, cache)!;
		const size = readFileSync(file).length;
		for (const at of [2, 40, 90, Math.floor(size / 3), size - 2]) {
			flipByte(file, at);
			const again = load(dataFile, cache);
			expect(again.snapshot, `byte ${at}`).toBe('written');
			expect(again.linked.dataset).toEqual(first.linked.dataset);
			expect(load(dataFile, cache).snapshot).toBe('read');
		}
	});

	it('is not used for data that has changed since, even by one byte', () => {
		const cache = cacheOptions();
		load(dataFile, cache);
		const changed = path.join(scratch, 'changed.json');
		writeFileSync(changed, text.replace(dataset.events[0]!.title, `${dataset.events[0]!.title.slice(0, -1)}X`));
		const loaded = load(changed, cache);
		expect(loaded.snapshot).toBe('written');
		expect(loaded.linked.eventById.get(dataset.events[0]!.id)?.title.endsWith('X')).toBe(true);
	});

	it('keeps briefing working when the cache folder cannot be written', () => {
		const blocked = path.join(scratch, 'not-a-folder');
		writeFileSync(blocked, 'a file where the cache folder would be');
		const result = runCli(['search', 'grain', '--data', dataFile], {env: {BRIEFING_CACHE_DIR: blocked}});
		expect(result.code).toBe(0);
		expect(result.stderr).toBe('');
	});

	it('gives the command line the same answers from the caches as without them', async () => {
		const directory = mkdtempSync(path.join(scratch, 'cli-'));
		const big = path.join(scratch, 'big.json');
		// Over the size the snapshot starts at (4 MB).
		let bigText = '';
		await writeRecords(datasetRecords(generateDataset({events: 6000, seed: 9})), 'json', (chunk) => {
			bigText += chunk;
		});
		writeFileSync(big, bigText);
		const uncached = runCli(['search', 'grain exports', '--json', '--data', big], {env: {BRIEFING_CACHE_DIR: 'off'}});
		const first = runCli(['search', 'grain exports', '--json', '--data', big], {env: {BRIEFING_CACHE_DIR: directory}});
		// The dataset's snapshot and its index, beside the compiled code of the command (see source/launcher.ts).
		expect(readdirSync(directory).map((name) => name.replace(/-.*/, '')).sort()).toEqual(['code', 'data', 'index']);
		const second = runCli(['search', 'grain exports', '--json', '--data', big], {env: {BRIEFING_CACHE_DIR: directory}});
		expect(first.stdout).toBe(uncached.stdout);
		expect(second.stdout).toBe(uncached.stdout);
		expect(JSON.parse(uncached.stdout).results.length).toBeGreaterThan(5);
	}, 60_000);
});
