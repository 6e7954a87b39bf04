import {mkdirSync} from 'node:fs';
import path from 'node:path';
import {type DatasetFormat, stdoutSink, writeDatasetFile, writeRecords} from '../io/write-dataset.js';
import {generateRecords} from './generate.js';

/**
 * `npm run gen -- --events N [--seed S] [--out PATH] [--format json|ndjson]`: writes a generated
 * dataset, streamed. The format follows `--format`, else the extension of `--out` (`.ndjson` or
 * `.jsonl` for NDJSON), else one JSON document on one line. Without `--out` it goes to standard
 * output.
 */

const usage = 'usage: npm run gen -- --events N [--seed S] [--out PATH] [--format json|ndjson]';

function fail(message: string): never {
	process.stderr.write(`gen: ${message}\n${usage}\n`);
	process.exit(2);
}

export function parseGenArguments(args: readonly string[]): {events: number; seed: number; out: string | undefined; format: DatasetFormat} {
	const values = new Map<string, string>();
	for (let index = 0; index < args.length; index++) {
		const arg = args[index]!;
		const match = /^--(events|seed|out|format)(?:=(.*))?$/.exec(arg);
		if (!match) {
			fail(`unknown argument ${JSON.stringify(arg)}`);
		}

		const value = match[2] ?? args[++index];
		if (value === undefined) {
			fail(`--${match[1]} needs a value`);
		}

		values.set(match[1]!, value);
	}

	const events = Number(values.get('events') ?? Number.NaN);
	if (!Number.isInteger(events) || events < 0) {
		fail('--events needs a whole number, such as --events 100000');
	}

	const seed = Number(values.get('seed') ?? 1);
	if (!Number.isInteger(seed)) {
		fail('--seed needs a whole number');
	}

	const out = values.get('out');
	const format = values.get('format') ?? (out && /\.(ndjson|jsonl)$/i.test(out) ? 'ndjson' : 'json');
	if (format !== 'json' && format !== 'ndjson') {
		fail('--format is json or ndjson');
	}

	return {events, seed, out, format};
}

async function main(): Promise<void> {
	const {events, seed, out, format} = parseGenArguments(process.argv.slice(2));
	const started = performance.now();
	const records = generateRecords({events, seed});
	if (out === undefined || out === '-') {
		await writeRecords(records, format, stdoutSink(), {indent: 0});
		return;
	}

	mkdirSync(path.dirname(path.resolve(out)), {recursive: true});
	const {records: count, bytes} = await writeDatasetFile(out, records, format, {indent: 0});
	const seconds = (performance.now() - started) / 1000;
	process.stderr.write(`gen: wrote ${count.toLocaleString('en')} records (${events.toLocaleString('en')} events) to ${out} as ${format}, ${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s\n`);
}

await main();
