import {spawn, spawnSync} from 'node:child_process';
import {EventEmitter} from 'node:events';
import {existsSync, mkdirSync, rmSync, statSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseQuery} from '../core/query.js';
import {createSearchIndex, dashboardSearchOptions, deserializeSearchIndex, search, serializeSearchIndex} from '../core/search.js';
import {indexFor} from '../io/index-cache.js';
import {hashOf} from '../io/load-dataset.js';
import {readDatasetInfo} from '../io/read-dataset.js';
import {locateData} from '../io/records.js';
import {deserializeSnapshot, maximumSnapshotBytes, serializeSnapshot} from '../io/snapshot.js';
import {writeDatasetFile} from '../io/write-dataset.js';
import {benchQueries} from './bench-queries.js';
import {generateRecords, generateWorld} from './generate.js';

export {benchQueries} from './bench-queries.js';

/**
 * `npm run bench [-- --quick]`: the performance table of docs/performance.md, measured in one run
 * on this machine, with fzf and uFuzzy on the same corpus as anchors. Each size is measured in a
 * fresh process, so that its peak memory is its own. `--quick` stops at 100,000 events.
 */

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const cli = path.join(root, 'dist', 'cli.cjs');
const benchFolder = path.join(root, 'bench');
const dataFolder = path.join(benchFolder, 'data');
const cacheFolder = path.join(benchFolder, 'cache');

/** Every prefix of every query, as typed one key at a time. */
function keystrokes(): string[] {
	return benchQueries.flatMap((query) => [...query].map((_character, index) => [...query].slice(0, index + 1).join('')));
}

type Stats = {median: number; p95: number; count: number; first?: number};

function stats(values: readonly number[]): Stats {
	const sorted = [...values].sort((a, b) => a - b);
	const at = (fraction: number): number => sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? Number.NaN;
	return {median: at(0.5), p95: at(0.95), count: sorted.length};
}

const round = (value: number, digits = 1): number => Math.round(value * 10 ** digits) / 10 ** digits;

// ---------------------------------------------------------------------------------------------
// Workers: one fresh process per measurement that needs its own memory

type EngineResult = {
	events: number;
	bytes: number;
	loadMs: number;
	snapshotWriteMs: number;
	/** NaN (null once through JSON) where there is no snapshot: above its size limit. */
	snapshotReadMs: number;
	buildMs: number;
	cacheWriteMs: number;
	cacheReadMs: number;
	cacheBytes: number;
	search: Stats;
};

function engineWorker(file: string): EngineResult {
	let started = performance.now();
	// The first open: read, checked and linked, no snapshot.
	const loaded = readDatasetInfo(file, {cache: {directory: null}});
	if (!loaded.ok) {
		throw new Error(`the bench data is not valid: ${loaded.problems[0]?.message ?? ''}`);
	}

	const loadMs = performance.now() - started;
	const {linked} = loaded.value;
	// Later opens: the snapshot, read after hashing the bytes it is keyed by (none past its size).
	let snapshotWriteMs = Number.NaN;
	let snapshotReadMs = Number.NaN;
	if (loaded.value.bytes <= maximumSnapshotBytes) {
		started = performance.now();
		const snapshot = Buffer.concat(serializeSnapshot(linked));
		snapshotWriteMs = performance.now() - started;
		started = performance.now();
		const location = locateData(file);
		if (location.ok) {
			hashOf(location.value);
		}

		deserializeSnapshot(snapshot);
		snapshotReadMs = performance.now() - started;
	}
	started = performance.now();
	let index = createSearchIndex(linked);
	const buildMs = performance.now() - started;
	started = performance.now();
	const payload = Buffer.concat(serializeSearchIndex(index));
	const cacheWriteMs = performance.now() - started;
	started = performance.now();
	index = deserializeSearchIndex(payload, linked) ?? index;
	const cacheReadMs = performance.now() - started;
	// A few searches first, as someone opening the dashboard would type something.
	for (const warm of ['x', 'talks', 'minister']) {
		search(index, parseQuery(warm));
	}

	const times: number[] = [];
	// As the dashboard searches on each key: the fields its lists draw are highlighted.
	for (const text of keystrokes()) {
		const start = performance.now();
		search(index, parseQuery(text), dashboardSearchOptions);
		times.push(performance.now() - start);
	}

	return {
		events: linked.events.length,
		bytes: loaded.value.bytes,
		loadMs,
		snapshotWriteMs,
		snapshotReadMs,
		buildMs,
		cacheWriteMs,
		cacheReadMs,
		cacheBytes: payload.length,
		search: stats(times),
	};
}

type MemoryResult = {peakRssMb: number; peakBeforeSearchRssMb: number; heapMb: number; index: string};

/**
 * What the dashboard holds at a size: the dataset, its index (from the disk cache when `warm`, else
 * built), and every keystroke of the bench searched. The peak is the process's.
 */
function memoryWorker(file: string, warm: boolean): MemoryResult {
	const loaded = readDatasetInfo(file, warm ? {} : {cache: {directory: null}});
	if (!loaded.ok) {
		throw new Error('the bench data is not valid');
	}

	const {index, source} = indexFor(loaded.value, warm ? {directory: cacheFolder, minimumItems: 0} : {directory: null});
	const peakBeforeSearchRssMb = process.resourceUsage().maxRSS / 1024;
	for (const text of keystrokes()) {
		search(index, parseQuery(text), dashboardSearchOptions);
	}

	return {peakRssMb: process.resourceUsage().maxRSS / 1024, peakBeforeSearchRssMb, heapMb: process.memoryUsage().heapUsed / 1024 / 1024, index: source};
}

/**
 * Opens the data as the dashboard does, so that its snapshot and index are in the bench's cache
 * for the runs that measure a second start.
 */
function prepareWorker(file: string): {index: string} {
	const loaded = readDatasetInfo(file);
	if (!loaded.ok) {
		throw new Error('the bench data is not valid');
	}

	return {index: indexFor(loaded.value, {directory: cacheFolder, minimumItems: 0}).source};
}

/** uFuzzy's times; the lines it searched are written to `linesFile` for fzf. */
async function uFuzzyWorker(file: string, linesFile: string): Promise<Stats | undefined> {
	const loaded = readDatasetInfo(file);
	if (!loaded.ok) {
		throw new Error('the bench data is not valid');
	}

	const lines = haystack(loaded.value.linked);
	writeFileSync(linesFile, `${lines.join('\n')}\n`);
	return uFuzzyTimes(lines);
}

/** One line per event, as the anchors search it: title, summary, actors' names and aliases, tags. */
function haystack(linked: import('../core/linked.js').LinkedDataset): string[] {
	return linked.events.map((event) => {
		const actors = event.actors.map((id) => linked.actorById.get(id)).flatMap((actor) => (actor ? [actor.name, ...actor.aliases] : []));
		return `${event.title} · ${event.summary} · ${actors.join(', ')} · ${event.tags.join(', ')}`.replace(/\n/g, ' ');
	});
}

async function uFuzzyTimes(lines: string[]): Promise<Stats | undefined> {
	let UFuzzy: new (options?: object) => {search: (haystack: string[], needle: string) => unknown};
	try {
		UFuzzy = (await import('@leeoniya/ufuzzy')).default as unknown as typeof UFuzzy;
	} catch {
		return undefined;
	}

	const finder = new UFuzzy({});
	const times: number[] = [];
	for (const text of keystrokes()) {
		const start = performance.now();
		finder.search(lines, text);
		times.push(performance.now() - start);
	}

	return stats(times);
}

/** A TTY-like stdin for Ink that we type into. */
class FakeStdin extends EventEmitter {
	isTTY = true;
	private data: string | null = null;
	write(data: string): void {
		this.data = data;
		this.emit('readable');
		this.emit('data', data);
	}

	read(): string | null {
		const {data} = this;
		this.data = null;
		return data;
	}

	setEncoding(): void {}
	setRawMode(): void {}
	resume(): void {}
	pause(): void {}
	ref(): void {}
	unref(): void {}
}

/** A TTY-like stdout of 120x60 that notes when each frame is written. */
class FakeStdout extends EventEmitter {
	isTTY = true;
	columns = 120;
	rows = 60;
	writes: number[] = [];
	write(_chunk: string): boolean {
		this.writes.push(performance.now());
		return true;
	}
}

/** Moves in the other panes, with a search, and on a small terminal: see `frameWorker`. */
type FramePaths = {actors: Stats; quotes: Stats; search: Stats; small: Stats};

type FrameResult = {selection: Stats; bareList: Stats; events: number; paths?: FramePaths};

/** The search the bench moves through its results with: common words, so that every pane has matches. */
const frameQuery = 'minister';

/**
 * Time from a key to the frame it causes: moving the selection in the dashboard, and a bare Ink
 * list. Then the other ways a move goes: in the actors and quotes panes, through search results,
 * and at 60x20.
 */
async function frameWorker(file: string): Promise<FrameResult> {
	const environment = process.env;
	environment.NODE_ENV = 'production';
	const global = globalThis as {require?: unknown};
	if (global.require === undefined) {
		const {createRequire} = await import('node:module');
		global.require = createRequire(import.meta.url);
	}

	const loaded = readDatasetInfo(file);
	if (!loaded.ok) {
		throw new Error('the bench data is not valid');
	}

	const [{render, Box, Text, useInput}, ReactModule, {App}, {lazyIndexSource}] = await Promise.all([import('ink'), import('react'), import('../ui/app.js'), import('../ui/engine.js')]);
	const React = (ReactModule as unknown as {default?: typeof ReactModule}).default ?? ReactModule;
	const delay = async (ms: number): Promise<void> => new Promise((resolve) => {
		setTimeout(resolve, ms);
	});

	/** Keys pressed one after another, timed; the `setup` keys before them are not (a search runs after each). */
	const press = async (element: React.ReactElement, keys: string[], setup: string[] = [], size = {columns: 120, rows: 60}): Promise<number[]> => {
		const stdin = new FakeStdin();
		const stdout = Object.assign(new FakeStdout(), size);
		const instance = render(element, {stdin: stdin as never, stdout: stdout as never, stderr: stdout as never, debug: false, exitOnCtrlC: false, patchConsole: false});
		await delay(300);
		for (const [position, key] of setup.entries()) {
			stdin.write(key);
			// The last one settles before the timed keys; a search runs after each.
			// eslint-disable-next-line no-await-in-loop
			await delay(position === setup.length - 1 ? 300 : 100);
		}

		const times: number[] = [];
		for (const key of keys) {
			const before = stdout.writes.length;
			const start = performance.now();
			stdin.write(key);
			// Ink draws at most 30 frames a second: keys come slower than that, as a person types.
			// eslint-disable-next-line no-await-in-loop
			await delay(80);
			const written = stdout.writes[before];
			if (written !== undefined) {
				times.push(written - start);
			}
		}

		instance.unmount();
		return times;
	};

	// A hundred moves for the two figures the targets are about, so that their p95 is the fifth
	// slowest rather than the second: a full collection of the heap comes about once in fifty moves
	// at 100k, and is one move in fifty, not one in twenty. Fewer for the other paths.
	const moves = (down: number, up: number): string[] => [...Array.from({length: down}, () => 'j'), ...Array.from({length: up}, () => 'k')];
	const keys = moves(70, 30);
	const selection = await press(React.createElement(App, {linked: loaded.value.linked, name: 'bench', size: {columns: 120, rows: 60}, searchIndex: lazyIndexSource(loaded.value.linked)}), keys);

	function BareList(): React.JSX.Element {
		const [selected, setSelected] = React.useState(0);
		useInput((input) => {
			setSelected((value) => (input === 'j' ? value + 1 : Math.max(0, value - 1)));
		});
		return React.createElement(Box, {flexDirection: 'column', width: 120, height: 60}, ...Array.from({length: 50}, (_item, row) =>
			React.createElement(Text, {key: row, inverse: row === selected % 50, wrap: 'truncate'}, `${String(row).padStart(3)} ${'an item of a list as long as a line of the terminal is wide '.repeat(2)}`)));
	}

	const bareList = await press(React.createElement(BareList), keys);
	// The other paths come after the two figures above, so that those are measured as they always
	// were (each run leaves the code it ran warmed for the next). The index is had first (from the
	// bench's cache, see \`prepareWorker\`): its build is the search's business, not the move's.
	const {linked} = loaded.value;
	const index = lazyIndexSource(linked, indexFor(loaded.value, {directory: cacheFolder, minimumItems: 0}).index);
	const app = (size: {columns: number; rows: number}): React.ReactElement => React.createElement(App, {linked, name: 'bench', size, searchIndex: index});
	const wide = {columns: 120, rows: 60};
	const small = {columns: 60, rows: 20};
	const fewer = moves(22, 8);
	const paths: FramePaths = {
		actors: stats(await press(app(wide), fewer, ['2'])),
		quotes: stats(await press(app(wide), fewer, ['3'])),
		search: stats(await press(app(wide), fewer, ['/', ...frameQuery, '\r'])),
		small: stats(await press(app(small), fewer, [], small)),
	};
	return {selection: stats(selection), bareList: stats(bareList), events: linked.events.length, paths};
}

async function worker(args: readonly string[]): Promise<void> {
	const [kind, file, option] = args;
	const result = kind === 'engine' ? engineWorker(file!)
		: kind === 'memory' ? memoryWorker(file!, option === 'warm')
			: kind === 'prepare' ? prepareWorker(file!)
				: kind === 'ufuzzy' ? (await uFuzzyWorker(file!, option!)) ?? null
				: await frameWorker(file!);
	process.stdout.write(`${JSON.stringify(result)}\n`);
	// Ink and timers may hold the loop open.
	process.exit(0);
}

function runWorker<T>(args: readonly string[], extraArgs: readonly string[] = []): T {
	const result = spawnSync(process.execPath, [...extraArgs, fileURLToPath(import.meta.url), '--worker', ...args], {
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
		env: {...process.env, BRIEFING_CACHE_DIR: cacheFolder},
	});
	if (result.status !== 0) {
		throw new Error(`bench worker ${args.join(' ')} failed: ${result.stderr}`);
	}

	return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as T;
}

// ---------------------------------------------------------------------------------------------
// Whole processes

/** Median and p95 of a command's wall time, alternating with the others so drift hits all alike. */
function timeCommands(commands: ReadonlyArray<{name: string; argv: string[]; env?: NodeJS.ProcessEnv}>, runs: number): Record<string, Stats> {
	const times: Record<string, number[]> = Object.fromEntries(commands.map(({name}) => [name, []]));
	for (let run = 0; run < runs; run++) {
		for (const {name, argv, env} of commands) {
			const start = performance.now();
			const result = spawnSync(argv[0]!, argv.slice(1), {stdio: ['ignore', 'ignore', 'pipe'], env: {...process.env, ...env}, cwd: root});
			const elapsed = performance.now() - start;
			if (result.status !== 0 && result.status !== 1) {
				throw new Error(`${argv.join(' ')} failed: ${String(result.stderr)}`);
			}

			times[name]!.push(elapsed);
		}
	}

	// The first run of each is the one without the launcher's code cache (see source/launcher.ts).
	return Object.fromEntries(Object.entries(times).map(([name, values]) => [name, {...stats(values), first: values[0]!}]));
}

/** Marks the end of the dashboard's frame: the last words of its footer. */
const frameEnd = 'q quit';

type Arrival = {arrival: number; total: number};

/**
 * A command in a pseudo-terminal, timed from its start to the moment `marker` has been written to
 * the terminal (for the dashboard: its whole first frame), and to its end.
 */
async function timeToOutput(argv: readonly string[], env: NodeJS.ProcessEnv, marker: string): Promise<Arrival> {
	return new Promise((resolve, reject) => {
		const start = performance.now();
		let arrival: number | undefined;
		let seen = '';
		const child = spawn(argv[0]!, argv.slice(1), {stdio: ['ignore', 'pipe', 'pipe'], env: {...process.env, ...env}, cwd: root});
		child.stdout.setEncoding('utf8');
		child.stdout.on('data', (chunk: string) => {
			if (arrival === undefined) {
				seen += chunk;
				if (seen.includes(marker)) {
					arrival = performance.now() - start;
				}
			}
		});
		child.on('close', () => {
			if (arrival === undefined) {
				reject(new Error(`${argv.join(' ')} never wrote ${JSON.stringify(marker)}`));
			} else {
				resolve({arrival, total: performance.now() - start});
			}
		});
	});
}

/**
 * The dashboard's first frame, to its arrival on the terminal: the median of `runs`, less what
 * the pseudo-terminal adds (node writing one word inside it, less node -e 0 outside it, timed in
 * the same rounds). Also the whole process, which adds the dashboard's exit.
 */
async function timeFirstFrame(command: string, env: NodeJS.ProcessEnv, runs: number): Promise<{arrival: Stats; total: Stats; terminalMs: number; nodeMs: number}> {
	const arrivals: number[] = [];
	const totals: number[] = [];
	const baseline: number[] = [];
	const node: number[] = [];
	for (let run = 0; run < runs; run++) {
		let start = performance.now();
		spawnSync(process.execPath, ['-e', '0'], {stdio: 'ignore'});
		node.push(performance.now() - start);
		// eslint-disable-next-line no-await-in-loop
		baseline.push((await timeToOutput(inTerminal(`${process.execPath} -e "process.stdout.write('${frameEnd}')"`), env, frameEnd)).arrival);
		start = performance.now();
		// eslint-disable-next-line no-await-in-loop
		const frame = await timeToOutput(inTerminal(command), env, frameEnd);
		arrivals.push(frame.arrival);
		totals.push(frame.total);
	}

	const nodeMs = stats(node).median;
	const terminalMs = stats(baseline).median - nodeMs;
	const less = (values: number[]): Stats => ({...stats(values.map((value) => value - terminalMs)), first: values[0]! - terminalMs});
	return {arrival: less(arrivals), total: less(totals), terminalMs, nodeMs};
}

/** A command in a pseudo-terminal (util-linux `script`), for the dashboard, which needs one. */
function inTerminal(command: string): string[] {
	return ['script', '-qec', command, '/dev/null'];
}

function hasCommand(name: string): boolean {
	return spawnSync('sh', ['-c', `command -v ${name}`], {stdio: 'ignore'}).status === 0;
}

// ---------------------------------------------------------------------------------------------
// Data

async function datasetFile(events: number): Promise<{file: string; generatedMs: number | undefined}> {
	mkdirSync(dataFolder, {recursive: true});
	const format = events >= 1_000_000 ? 'ndjson' : 'json';
	const file = path.join(dataFolder, `events-${events}.${format}`);
	if (existsSync(file)) {
		return {file, generatedMs: undefined};
	}

	const start = performance.now();
	await writeDatasetFile(file, generateRecords({events, seed: 1}), format, {indent: 0});
	return {file, generatedMs: performance.now() - start};
}

/** Articles as ingest reads them: a header, paragraphs, names, dates and quotes. */
function writeArticles(folder: string, count: number): number {
	rmSync(folder, {recursive: true, force: true});
	mkdirSync(folder, {recursive: true});
	const world = generateWorld({events: count * 4, seed: 5});
	const people = world.people;
	const places = world.places;
	let bytes = 0;
	for (let index = 0; index < count; index++) {
		const a = people[(index * 7) % people.length]!;
		const b = people[(index * 13 + 5) % people.length]!;
		const place = places[index % places.length]!;
		const day = 1 + (index % 28);
		const month = 1 + (index % 12);
		const date = `2025-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
		const text = [
			`date: ${date}`,
			`title: ${a.name} and ${b.name} meet in ${place.name} on energy and grain`,
			`source: https://news.example/articles/${index}`,
			'',
			`${a.role ?? 'Official'} ${a.name} met ${b.role ?? 'official'} ${b.name} in ${place.name} on Tuesday to discuss energy security and grain exports, officials said.`,
			'',
			`“We will not accept a ceasefire without security guarantees,” ${a.aliases[0]} told reporters after the talks.`,
			'',
			`${b.name} said the two governments would meet again next month and called the talks "useful and frank".`,
			'',
			`The meeting followed a missile strike on ${place.name} last week, which damaged power lines and a railway station, the regional governor said.`,
			'',
			`Both sides agreed to resume prisoner exchanges in ${2025 + (index % 2)}, according to a joint statement published after the meeting.`,
			'',
			`"The details still have to be settled," ${b.aliases[0]} said.`,
			'',
		].join('\n');
		writeFileSync(path.join(folder, `article-${String(index).padStart(4, '0')}.txt`), text);
		bytes += Buffer.byteLength(text);
	}

	return bytes;
}

// ---------------------------------------------------------------------------------------------
// The run

type Results = Record<string, unknown>;

function machine(): Record<string, string | number> {
	const cpus = os.cpus();
	return {
		cpu: cpus[0]?.model ?? 'unknown',
		cores: cpus.length,
		memoryGb: round(os.totalmem() / 1024 ** 3, 1),
		node: process.version,
		os: `${os.type()} ${os.release()}`,
		date: new Date().toISOString(),
		load: os.loadavg().map((value) => round(value, 2)).join(' '),
	};
}

const benchStarted = performance.now();

/** Progress on stderr, each line with the seconds since the bench began, so a slow part shows. */
/** One line per event for the anchors, written by the uFuzzy worker. */
function linesFile(events: number): string {
	return path.join(dataFolder, `lines-${events}.txt`);
}

function say(text: string): void {
	const seconds = ((performance.now() - benchStarted) / 1000).toFixed(1).padStart(6);
	process.stderr.write(`${seconds} s  ${text}\n`);
}

async function main(): Promise<void> {
	const quick = process.argv.includes('--quick');
	const sizes = quick ? [1000, 10_000, 100_000] : [1000, 10_000, 100_000, 1_000_000];
	if (!existsSync(cli)) {
		throw new Error('dist/cli.cjs is missing: run npm run build first');
	}

	const results: Results = {machine: machine(), quick, sizes};
	// Every cache of this run (snapshots, indexes) is its own, in bench/cache.
	process.env.BRIEFING_CACHE_DIR = cacheFolder;
	const began = performance.now();
	rmSync(cacheFolder, {recursive: true, force: true});
	mkdirSync(cacheFolder, {recursive: true});
	const environment = {BRIEFING_CACHE_DIR: cacheFolder, FORCE_COLOR: '0'};

	say('bench: data');
	const files: Record<number, string> = {};
	const generated: Record<number, number | undefined> = {};
	for (const events of sizes) {
		// eslint-disable-next-line no-await-in-loop
		const {file, generatedMs} = await datasetFile(events);
		files[events] = file;
		generated[events] = generatedMs;
		say(`  ${events.toLocaleString('en')} events: ${path.relative(root, file)} (${round(statSync(file).size / 1e6)} MB${generatedMs === undefined ? ', kept from an earlier run' : `, made in ${round(generatedMs / 1000)} s`})`);
	}

	results.data = Object.fromEntries(sizes.map((events) => [events, {file: path.relative(root, files[events]!), megabytes: round(statSync(files[events]!).size / 1e6), generatedMs: generated[events]}]));

	say('bench: load, index and search at each size');
	const engine: Record<number, EngineResult> = {};
	const memory: Record<number, {warm: MemoryResult; cold: MemoryResult}> = {};
	const uFuzzy: Record<number, Stats | null> = {};
	for (const events of sizes) {
		// At a million events the heap needs more room than Node's default allows.
		const flags = events >= 1_000_000 ? ['--max-old-space-size=4096'] : [];
		engine[events] = runWorker<EngineResult>(['engine', files[events]!], flags);
		const result = engine[events]!;
		say(`  ${events.toLocaleString('en')}: load ${round(result.loadMs)} ms, index ${round(result.buildMs)} ms (from cache ${round(result.cacheReadMs)} ms), search median ${round(result.search.median)} ms, p95 ${round(result.search.p95)} ms`);
		// The snapshot and index the warm run reads, written as the dashboard would.
		runWorker<{index: string}>(['prepare', files[events]!], flags);
		memory[events] = {warm: runWorker<MemoryResult>(['memory', files[events]!, 'warm'], flags), cold: runWorker<MemoryResult>(['memory', files[events]!, 'cold'], flags)};
		say(`    peak memory: ${round(memory[events]!.warm.peakRssMb)} MB with the index from the cache (${round(memory[events]!.warm.peakBeforeSearchRssMb)} MB before searching), ${round(memory[events]!.cold.peakRssMb)} MB building it (${round(memory[events]!.cold.peakBeforeSearchRssMb)} MB)`);
		uFuzzy[events] = runWorker<Stats | null>(['ufuzzy', files[events]!, linesFile(events)], flags);
		if (uFuzzy[events]) {
			say(`    uFuzzy: median ${round(uFuzzy[events]!.median)} ms, p95 ${round(uFuzzy[events]!.p95)} ms`);
		}
	}

	results.engine = engine;
	results.memory = memory;
	results.uFuzzy = uFuzzy;

	say('bench: whole processes');
	const seedFirstFrame = 'node dist/cli.cjs';
	const bigFirstFrame = `node dist/cli.cjs --data ${JSON.stringify(files[100_000])}`;
	// The 100k snapshot and index are in the cache (see `prepareWorker`), as a second start finds them.
	const frameEnv = {...environment, BRIEFING_EXIT_AFTER_FIRST_FRAME: '1', COLUMNS: '120', LINES: '40'};
	const small = timeCommands([
		{name: 'node -e 0', argv: [process.execPath, '-e', '0']},
		{name: 'briefing print', argv: [process.execPath, cli, 'print'], env: environment},
		{name: 'briefing search', argv: [process.execPath, cli, 'search', 'macron'], env: environment},
	], 21);
	const seedFrame = await timeFirstFrame(seedFirstFrame.replace(/^node/, process.execPath), frameEnv, 21);
	const bigFrame = await timeFirstFrame(bigFirstFrame.replace(/^node/, process.execPath), frameEnv, 7);
	const node = small['node -e 0']!.median;
	results.processes = {
		small,
		seedFrame,
		bigFrame,
		nodeMs: node,
		terminalWrapperMs: seedFrame.terminalMs,
		firstFrameSeedMs: seedFrame.arrival.median,
		firstFrameSeedRatio: seedFrame.arrival.median / seedFrame.nodeMs,
		firstFrameSeedWholeMs: seedFrame.total.median,
		firstFrame100kMs: bigFrame.arrival.median,
		firstFrame100kWholeMs: bigFrame.total.median,
		printRatio: small['briefing print']!.median / node,
		searchRatio: small['briefing search']!.median / node,
		printFirstMs: small['briefing print']!.first!,
		searchFirstMs: small['briefing search']!.first!,
	};

	say('bench: moving the selection at 100k');
	results.frames = runWorker<FrameResult>(['frame', files[100_000]!]);

	say('bench: anchors');
	const fzf: Record<number, Stats | undefined> = {};
	if (hasCommand('fzf')) {
		for (const events of sizes.filter((size) => size <= 100_000)) {
			const lines = linesFile(events);
			if (!existsSync(lines)) {
				continue;
			}

			const times: number[] = [];
			for (const query of benchQueries.slice(0, 12)) {
				const start = performance.now();
				spawnSync('sh', ['-c', `fzf --filter "$1" < "$2" > /dev/null`, 'fzf', query, lines]);
				times.push(performance.now() - start);
			}

			fzf[events] = stats(times);
		}
	}

	results.fzf = hasCommand('fzf') ? fzf : 'not installed';

	say('bench: ingest');
	results.ingest = await ingestSpeed(environment);

	results.totalSeconds = round((performance.now() - began) / 1000);
	mkdirSync(benchFolder, {recursive: true});
	writeFileSync(path.join(benchFolder, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
	process.stdout.write(`${table(results, engine, sizes)}\n`);
}

async function ingestSpeed(environment: NodeJS.ProcessEnv): Promise<Record<string, number | string>> {
	const articles = path.join(benchFolder, 'articles');
	const count = 300;
	const bytes = writeArticles(articles, count);
	const target = path.join(benchFolder, 'ingested');
	rmSync(target, {recursive: true, force: true});
	const probe = spawnSync(process.execPath, [cli, 'ingest', '--help'], {encoding: 'utf8'});
	if (probe.status !== 0) {
		return {status: 'not measured: briefing ingest is not available'};
	}

	const start = performance.now();
	const child = spawn(process.execPath, [cli, 'ingest', articles, '--data', target], {stdio: ['ignore', 'ignore', 'pipe'], env: {...process.env, ...environment}});
	let stderr = '';
	child.stderr.on('data', (chunk: Buffer) => {
		stderr += chunk.toString();
	});
	const code = await new Promise<number | null>((resolve) => {
		child.on('close', resolve);
	});
	const seconds = (performance.now() - start) / 1000;
	if (code !== 0) {
		return {status: `failed (exit ${String(code)}): ${stderr.trim().split('\n').at(-1) ?? ''}`};
	}

	return {articles: count, megabytes: round(bytes / 1e6, 2), seconds: round(seconds, 2), articlesPerSecond: round(count / seconds), megabytesPerSecond: round(bytes / 1e6 / seconds, 2)};
}

function table(results: Results, engine: Record<number, EngineResult>, sizes: readonly number[]): string {
	const memory = results.memory as Record<number, {warm: MemoryResult; cold: MemoryResult}>;
	const uFuzzy = results.uFuzzy as Record<number, Stats | null>;
	const processes = results.processes as Record<string, number> & {seedFrame: {arrival: Stats}};
	const frames = results.frames as FrameResult;
	const fzf = results.fzf as Record<number, Stats | undefined> | string;
	const ingest = results.ingest as Record<string, number | string>;
	const machineInfo = results.machine as Record<string, string | number>;
	const lines: string[] = [
		`briefing bench (${results.quick ? 'quick' : 'full'}) · ${String(machineInfo.cpu)}, ${String(machineInfo.cores)} cores, ${String(machineInfo.memoryGb)} GB · Node ${String(machineInfo.node)} · ${String(machineInfo.date)} · load ${String(machineInfo.load)}`,
		'',
		'| events | data | load + validate, first / later opens | index build | index from cache | search median / p95 | uFuzzy median / p95 | fzf median / p95 (process) | peak memory, cached / first open |',
		'|---|---|---|---|---|---|---|---|---|',
	];
	for (const events of sizes) {
		const result = engine[events]!;
		const anchor = typeof fzf === 'string' ? fzf : fzf[events] ? `${round(fzf[events]!.median)} / ${round(fzf[events]!.p95)} ms` : '-';
		const fuzzy = uFuzzy[events];
		lines.push(`| ${events.toLocaleString('en')} | ${round(result.bytes / 1e6)} MB | ${round(result.loadMs)} ms / ${Number.isFinite(result.snapshotReadMs) ? `${round(result.snapshotReadMs)} ms` : 'no snapshot'} | ${round(result.buildMs)} ms | ${round(result.cacheReadMs)} ms | ${round(result.search.median)} / ${round(result.search.p95)} ms | ${fuzzy ? `${round(fuzzy.median)} / ${round(fuzzy.p95)} ms` : 'not installed'} | ${anchor} | ${round(memory[events]!.warm.peakRssMb)} / ${round(memory[events]!.cold.peakRssMb)} MB |`);
	}

	lines.push(
		'',
		`search: ${benchQueries.length} queries typed a key at a time (${engine[sizes[0]!]!.search.count} keystrokes), each keystroke a full search; uFuzzy on one line per event (title, summary, actors, tags); fzf --filter on the same lines, 12 queries, whole process`,
		'',
		'| whole process | median | vs node -e 0 | first run (no code cache) |',
		'|---|---|---|---|',
		`| node -e 0 | ${round(processes.nodeMs!)} ms | 1.00x | |`,
		`| first dashboard frame on the terminal, seed data | ${round(processes.firstFrameSeedMs!)} ms | ${round(processes.firstFrameSeedRatio!, 2)}x | ${round(processes.seedFrame.arrival.first!)} ms |`,
		`| the same, to the end of the process (exit after the frame) | ${round(processes.firstFrameSeedWholeMs!)} ms | ${round(processes.firstFrameSeedWholeMs! / processes.nodeMs!, 2)}x | |`,
		`| first dashboard frame on the terminal, 100k events (warm caches) | ${round(processes.firstFrame100kMs!)} ms | ${round(processes.firstFrame100kMs! / processes.nodeMs!, 2)}x | |`,
		`| briefing print, seed data | ${round(processes.printRatio! * processes.nodeMs!)} ms | ${round(processes.printRatio!, 2)}x | ${round(processes.printFirstMs!)} ms |`,
		`| briefing search macron, seed data | ${round(processes.searchRatio! * processes.nodeMs!)} ms | ${round(processes.searchRatio!, 2)}x | ${round(processes.searchFirstMs!)} ms |`,
		'',
		`dashboard frames run in a pseudo-terminal (script), timed to the arrival of the frame's last line; what the terminal adds (${round(processes.terminalWrapperMs!)} ms: node writing a word inside it, less node -e 0 outside) is taken off`,
		'',
		'| frame after a key, 120x60 | median | p95 |',
		'|---|---|---|',
		`| move the selection, ${frames.events.toLocaleString('en')} events | ${round(frames.selection.median)} ms | ${round(frames.selection.p95)} ms |`,
		`| a bare Ink list of 50 rows | ${round(frames.bareList.median)} ms | ${round(frames.bareList.p95)} ms |`,
		...(frames.paths ? [
			`| move in the actors pane | ${round(frames.paths.actors.median)} ms | ${round(frames.paths.actors.p95)} ms |`,
			`| move in the quotes pane | ${round(frames.paths.quotes.median)} ms | ${round(frames.paths.quotes.p95)} ms |`,
			`| move through the results of a search (${frameQuery}) | ${round(frames.paths.search.median)} ms | ${round(frames.paths.search.p95)} ms |`,
			`| move the selection at 60x20 | ${round(frames.paths.small.median)} ms | ${round(frames.paths.small.p95)} ms |`,
		] : []),
		'',
		`ingest: ${typeof ingest.status === 'string' ? ingest.status : `${String(ingest.articles)} articles (${String(ingest.megabytes)} MB) in ${String(ingest.seconds)} s: ${String(ingest.articlesPerSecond)} articles/s, ${String(ingest.megabytesPerSecond)} MB/s`}`,
		`total: ${String(results.totalSeconds)} s; written to bench/results.json`,
	);
	return lines.join('\n');
}

if (process.argv[2] === '--worker') {
	await worker(process.argv.slice(3));
} else {
	await main();
}

