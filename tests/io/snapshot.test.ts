import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {linkDataset} from '../../source/core/linked.js';
import {readDatasetInfo} from '../../source/io/read-dataset.js';
import {blobBytes, deserializeSnapshot, serializeSnapshot, snapshotFile} from '../../source/io/snapshot.js';
import {datasetRecords, writeRecords} from '../../source/io/write-dataset.js';
import {generateDataset} from '../../source/tools/generate.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'briefing-snapshot-'));

/** A payload's header: what it says of its blobs. */
function headerOf(payload: Buffer): {blobs: Array<{wide: boolean; bytes: number}>} {
	const length = payload.readUInt32LE(0);
	return JSON.parse(payload.toString('utf8', 4, 4 + length)) as {blobs: Array<{wide: boolean; bytes: number}>};
}

describe('the snapshot payload', () => {
	// Long summaries, of both kinds of string, so that the strings need several blobs of each kind,
	// and one longer than a blob.
	const dataset = generateDataset({events: 200, seed: 3});
	dataset.events[3]!.summary = `long ${'x'.repeat(Math.floor(blobBytes * 0.6))}`;
	dataset.events[7]!.summary = `longer ${'y'.repeat(blobBytes + 5)}`;
	dataset.events[11]!.summary = `long ${'z'.repeat(Math.floor(blobBytes * 0.6))}`;
	dataset.events[13]!.summary = `довгий ${'ж'.repeat(Math.floor(blobBytes * 0.3))}`;
	dataset.events[17]!.summary = `довгий ${'щ'.repeat(Math.floor(blobBytes * 0.3))}`;
	const linked = linkDataset(dataset);
	const payload = Buffer.concat(serializeSnapshot(linked));

	it('reads back the dataset it was made from, its strings in blobs of bounded size', () => {
		const {blobs} = headerOf(payload);
		expect(blobs.filter((blob) => !blob.wide).length).toBeGreaterThanOrEqual(3);
		expect(blobs.filter((blob) => blob.wide).length).toBeGreaterThanOrEqual(2);
		// Only a blob of one string is over the size: the one longer than a blob.
		expect(blobs.filter((blob) => blob.bytes > blobBytes)).toHaveLength(1);
		expect(deserializeSnapshot(payload).dataset).toEqual(linked.dataset);
	});

	it('is refused when cut short or when bytes follow it', () => {
		for (const length of [0, 3, 4, 20, Math.floor(payload.length / 2), payload.length - 8, payload.length - 1]) {
			expect(() => deserializeSnapshot(payload.subarray(0, length)), `cut at ${length}`).toThrow();
		}

		expect(() => deserializeSnapshot(Buffer.concat([payload, Buffer.alloc(8)]))).toThrow();
	});

	it('neither crashes nor hangs on bytes it did not write: it throws or reads a dataset', () => {
		const small = Buffer.concat(serializeSnapshot(linkDataset(generateDataset({events: 30, seed: 4}))));
		const {blobs} = headerOf(small);
		const numbersAt = 4 + small.readUInt32LE(0) + blobs.reduce((sum, blob) => sum + blob.bytes, 0);
		// The first bytes (the header's, and blobs'), and every number's lowest and highest byte.
		const positions = Array.from({length: Math.min(numbersAt, 400)}, (_unused, at) => at);
		for (let at = numbersAt; at < small.length; at += 8) {
			positions.push(at, at + 7);
		}

		for (const at of positions) {
			const changed = Buffer.from(small);
			changed[at] = changed[at]! ^ 0xFF;
			try {
				deserializeSnapshot(changed);
			} catch (error) {
				expect(error, `byte ${at}`).toBeInstanceOf(Error);
			}
		}
	});
});

describe('the snapshot file', () => {
	it('is rebuilt when cut short, or when bytes are added to it', async () => {
		const dataFile = path.join(scratch, 'data.json');
		let text = '';
		await writeRecords(datasetRecords(generateDataset({events: 500, seed: 6})), 'json', (chunk) => {
			text += chunk;
		});
		writeFileSync(dataFile, text);
		const cache = {directory: mkdtempSync(path.join(scratch, 'cache-')), minimumItems: 0};
		const load = () => {
			const loaded = readDatasetInfo(dataFile, {cache});
			if (!loaded.ok) {
				throw new Error(loaded.problems[0]?.message);
			}

			return loaded.value;
		};

		const first = load();
		expect(first.snapshot).toBe('written');
		const file = snapshotFile(first.hash, first.bytes, cache)!;
		const whole = readFileSync(file);
		for (const changed of [whole.subarray(0, whole.length - 1), whole.subarray(0, 100), whole.subarray(0, 72), Buffer.concat([whole, Buffer.alloc(8)])]) {
			writeFileSync(file, changed);
			const again = load();
			expect(again.snapshot, `${changed.length} bytes`).toBe('written');
			expect(again.linked.dataset).toEqual(first.linked.dataset);
			expect(load().snapshot).toBe('read');
		}
	});
});
