import path from 'node:path';
import type {LinkedDataset} from '../core/linked.js';
import type {SearchIndex} from '../core/search.js';
import type {BriefWriter, Engine, IndexSource} from '../ui/app.js';
import {loadDataset, type LoadedDataset} from '../io/load-dataset.js';
import {progressBar} from '../io/progress.js';
import {loadPins, type Pin, savePins} from '../io/pins.js';
import {summarizeDataset} from '../core/summary.js';
import {exitCode, printError, printLine, printProblems, registerCleanup} from '../io/output.js';
import {bundledDataDirectory, resolveDatasetFile} from '../io/records.js';
import type {CommandContext} from './table.js';

/**
 * What the dashboard loads after its first frame: the engine (search, briefings), the index
 * cache, and writing a briefing to a file. Nothing of it is needed to draw.
 */
async function loadLater(): Promise<{engine: Engine; cache: typeof import('../io/index-cache.js'); writing: typeof import('./dashboard-write.js')}> {
	const [engine, cache, writing] = await Promise.all([import('../ui/engine.js'), import('../io/index-cache.js'), import('./dashboard-write.js')]);
	return {engine, cache, writing};
}

const enterAlternateScreen = '\u001B[?1049h';
// Leave the alternate screen and show the cursor again, whatever state Ink left it in.
const restoreTerminal = '\u001B[?25h\u001B[?1049l';

function datasetName(dataPath: string): string {
	const resolved = path.resolve(dataPath);
	const base = path.basename(resolved);
	return base === 'dataset.json' || base === 'dataset.ndjson' ? path.basename(path.dirname(resolved)) : base.replace(/\.(?:json|ndjson|jsonl)$/, '');
}

function printSummary(linked: LinkedDataset, name: string): void {
	for (const line of summarizeDataset(linked, name)) {
		printLine(line);
	}
}

function pinKeys(pins: readonly Pin[]): string[] {
	return pins.map((pin) => `${pin.kind}:${pin.id}`);
}

function fromKeys(keys: readonly string[]): Pin[] {
	return keys.map((key) => {
		const at = key.indexOf(':');
		return {kind: key.slice(0, at) as Pin['kind'], id: key.slice(at + 1)};
	});
}

/**
 * Ink's CommonJS dependencies call `require` (signal-exit requires assert). In the bundle there
 * is none in module scope; esbuild's shim looks for a global one when it is called, so the
 * dashboard makes one before it loads Ink, and the other commands never pay for node:module.
 */
export async function provideRequire(): Promise<void> {
	const global = globalThis as {require?: unknown};
	// The CLI's bundle is CommonJS (see source/launcher.ts), with a require of its own.
	if (global.require === undefined && typeof require === 'undefined') {
		const {createRequire} = await import('node:module');
		global.require = createRequire(import.meta.url);
	}
}

/**
 * Ink's layout engine, ready to lay out a frame. In the CLI's bundle (CommonJS, which has no
 * top-level await) it is made ready after it is loaded (see source/tools/build.mjs); from the
 * sources it is ready once imported.
 */
async function yogaReady(): Promise<void> {
	const yoga = await import('yoga-layout') as {yogaReady?: Promise<unknown>};
	await yoga.yogaReady;
}

type Session = {
	readonly datasetFile: string | undefined;
	readonly pins: string[];
	readonly notices: string[];
};

/**
 * The engine and search index of the dashboard: once the first frame is up, the engine is loaded
 * and the index read from the disk cache, or built a slice at a time (and then saved) so that keys
 * are never held up for long.
 */
function backgroundIndex(loaded: LoadedDataset): IndexSource & {start: () => void; writer: () => BriefWriter} {
	let later: Awaited<ReturnType<typeof loadLater>> | undefined;
	let index: SearchIndex | undefined;
	let fraction: number | undefined;
	let started = false;
	const listeners = new Set<() => void>();
	const notify = (): void => {
		for (const listener of listeners) {
			listener();
		}
	};

	const now = (): SearchIndex | undefined => {
		if (later) {
			index ??= later.cache.indexFor(loaded).index;
		}

		return index;
	};

	return {
		engine: () => later?.engine,
		ready: () => index,
		progress: () => fraction,
		subscribe(listener) {
			listeners.add(listener);
			return () => {
				listeners.delete(listener);
			};
		},
		now,
		writer: () => (file, request) => (later ? later.writing.writeBrief(loaded.linked, () => now()!, file, request) : 'Not written: still starting up; try again in a moment.'),
		start() {
			if (started) {
				return;
			}

			started = true;
			let shown = -1;
			void loadLater().then(async (modules) => {
				later = modules;
				notify();
				const result = await modules.cache.indexInBackground(loaded, (done) => {
					fraction = done;
					// Redraw the header only when the percentage it shows changes.
					if (Math.floor(done * 100) !== shown) {
						shown = Math.floor(done * 100);
						notify();
					}
				});
				index ??= result.index;
				fraction = undefined;
				notify();
				// Once search works: the snapshot that makes the next start quick (a write of some
				// hundred milliseconds at 100,000 events, once).
				setTimeout(loaded.saveSnapshot, 500);
			});
		},
	};
}

async function runDashboard(loaded: LoadedDataset, name: string, session: Session): Promise<number> {
	const {linked} = loaded;
	// chalk, inside Ink, reads FORCE_COLOR but not NO_COLOR (https://no-color.org).
	if (process.env.NO_COLOR && process.env.FORCE_COLOR === undefined) {
		process.env.FORCE_COLOR = '0';
	}

	// React's development build checks and times every render: several times slower per keystroke.
	// (The bundle is built with React in production mode; this is for running from the sources.)
	const environment = process.env;
	environment.NODE_ENV ??= 'production';

	// Ink draws nothing until exit when it sees CI set; here both ends are a terminal, so someone is
	// watching. It reads the variables once, when first imported, which is just below.
	delete process.env.CI;
	delete process.env.CONTINUOUS_INTEGRATION;

	await provideRequire();
	// Ink's layout engine (yoga, WebAssembly in a data: URL) fetches its own bytes when fetch
	// exists, which loads Node's HTTP client for nothing: 15 ms of every start. Without fetch it
	// decodes them itself.
	const global = globalThis as {fetch?: unknown};
	const {fetch} = global;
	global.fetch = undefined;
	const modules = await Promise.all([import('ink'), import('react'), import('../ui/app.js'), yogaReady()]).finally(() => {
		global.fetch = fetch;
	});
	const [{render}, ReactModule, {App}] = modules;
	// React is CommonJS: bundled, its dynamic import has only a default export.
	const React = (ReactModule as unknown as {default?: typeof ReactModule}).default ?? ReactModule;

	let restored = false;
	const restore = (): void => {
		if (!restored) {
			restored = true;
			process.stdout.write(restoreTerminal);
		}
	};

	registerCleanup(restore);
	process.stdout.write(enterAlternateScreen);
	const {datasetFile} = session;
	const searchIndex = backgroundIndex(loaded);
	// For `npm run bench`: the time to the first frame, as a whole process.
	const exitAfterFirstFrame = process.env.BRIEFING_EXIT_AFTER_FIRST_FRAME === '1';
	const onFirstFrame = (): void => {
		if (exitAfterFirstFrame) {
			// The frame is on the screen: stop here, restoring the terminal as on any exit.
			process.exit(exitCode.ok);
		}

		// After the first frame: the index is read or built while the user looks.
		setImmediate(searchIndex.start);
	};

	const instance = render(React.createElement(App, {
		linked,
		name,
		initialPins: session.pins,
		notices: session.notices,
		writeBrief: searchIndex.writer(),
		searchIndex,
		onFirstFrame,
		...(datasetFile ? {savePins: (keys: readonly string[]) => savePins(datasetFile, fromKeys(keys))} : {}),
	}), {exitOnCtrlC: false, patchConsole: true});

	const signals = {SIGINT: 130, SIGTERM: 143, SIGHUP: 129} as const;
	for (const [signal, code] of Object.entries(signals)) {
		process.once(signal, () => {
			instance.unmount();
			restore();
			process.exit(code);
		});
	}

	process.once('exit', restore);
	// A test hook: the end-to-end test proves that an uncaught error still restores the terminal.
	if (process.env.BRIEFING_TEST_FAULT === 'uncaught') {
		setTimeout(() => {
			throw new Error('fault injected by BRIEFING_TEST_FAULT');
		}, 500);
	}

	try {
		await instance.waitUntilExit();
		restore();
		return exitCode.ok;
	} catch (error) {
		instance.unmount();
		restore();
		printError(`briefing: the dashboard stopped: ${error instanceof Error ? error.message : String(error)}`);
		return exitCode.failure;
	}
}

export async function run({flags}: CommandContext): Promise<number> {
	const dataPath = (flags.data as string | undefined) ?? bundledDataDirectory;
	const progress = progressBar('loading');
	// A new snapshot is written after the first frame, not before.
	const loaded = await loadDataset(dataPath, {onProgress: progress.update, deferSnapshot: true});
	progress.done();
	if (!loaded.ok) {
		printProblems(loaded.problems);
		return exitCode.failure;
	}

	const name = datasetName(dataPath);
	if (!process.stdin.isTTY || !process.stdout.isTTY) {
		printError('briefing: not a terminal, so printing the summary instead of opening the dashboard');
		printSummary(loaded.value.linked, name);
		return exitCode.ok;
	}

	const datasetFile = dataPath === '-' ? undefined : resolveDatasetFile(dataPath);
	const file = datasetFile?.ok ? datasetFile.value : undefined;
	const pins = file ? loadPins(file, loaded.value.linked) : {pins: [], notices: ['data from standard input: pins are not kept']};
	return runDashboard(loaded.value, name, {datasetFile: file, pins: pinKeys(pins.pins), notices: pins.notices});
}
