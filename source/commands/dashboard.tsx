import path from 'node:path';
import {composeBrief, htmlPage} from '../core/brief.js';
import {resolveBrief} from '../core/brief-request.js';
import type {LinkedDataset} from '../core/dataset.js';
import {createSearchIndex} from '../core/search.js';
import type {BriefWriter} from '../ui/app.js';
import {backupFile, describeWriteError, writeFileAtomic} from '../io/atomic.js';
import {loadPins, type Pin, savePins} from '../io/pins.js';
import {summarizeDataset} from '../core/summary.js';
import {exitCode, printError, printLine, printProblems, registerCleanup} from '../io/output.js';
import {bundledDataDirectory, readDataset, resolveDatasetFile} from '../io/read-dataset.js';
import {type Format, pageDefaults, renderBrief} from './print.js';
import type {CommandContext} from './table.js';

const enterAlternateScreen = '\u001B[?1049h';
// Leave the alternate screen and show the cursor again, whatever state Ink left it in.
const restoreTerminal = '\u001B[?25h\u001B[?1049l';

function datasetName(dataPath: string): string {
	const resolved = path.resolve(dataPath);
	const base = path.basename(resolved);
	return base === 'dataset.json' ? path.basename(path.dirname(resolved)) : base.replace(/\.json$/, '');
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

/** What `w` in the briefing preview does: the same page `briefing print` makes, written safely. */
function briefWriter(linked: LinkedDataset): BriefWriter {
	return (file, request) => {
		const target = path.resolve(file);
		const extension = path.extname(target).toLowerCase();
		const format: Format = extension === '.html' || extension === '.htm' ? 'html' : extension === '.json' ? 'json' : extension === '.txt' ? 'text' : 'markdown';
		const resolved = resolveBrief(linked, () => createSearchIndex(linked), request);
		const page = format === 'html' ? htmlPage : pageDefaults;
		const brief = composeBrief(linked, resolved.selection, {
			title: resolved.title,
			...(resolved.scope ? {scope: resolved.scope} : {}),
			pinned: new Set((request.pinned ?? []).map((pin) => pin.id)),
			lines: page.lines,
			width: page.width,
		});
		try {
			const backup = backupFile(target);
			writeFileAtomic(target, renderBrief(brief, format, page.width));
			return `Wrote ${target}${backup ? ` (the previous version is in ${path.basename(backup)})` : ''}`;
		} catch (error) {
			return describeWriteError(error, target);
		}
	};
}

type Session = {
	readonly datasetFile: string | undefined;
	readonly pins: string[];
	readonly notices: string[];
};

async function runDashboard(linked: LinkedDataset, name: string, session: Session): Promise<number> {
	// chalk, inside Ink, reads FORCE_COLOR but not NO_COLOR (https://no-color.org).
	if (process.env.NO_COLOR && process.env.FORCE_COLOR === undefined) {
		process.env.FORCE_COLOR = '0';
	}

	// React's development build checks and times every render: several times slower per keystroke.
	process.env.NODE_ENV ??= 'production';

	// Ink draws nothing until exit when it sees CI set; here both ends are a terminal, so someone is
	// watching. It reads the variables once, when first imported, which is just below.
	delete process.env.CI;
	delete process.env.CONTINUOUS_INTEGRATION;

	const [{render}, React, {App}] = await Promise.all([import('ink'), import('react'), import('../ui/app.js')]);

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
	const instance = render(React.createElement(App, {
		linked,
		name,
		initialPins: session.pins,
		notices: session.notices,
		writeBrief: briefWriter(linked),
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
	const loaded = readDataset(dataPath);
	if (!loaded.ok) {
		printProblems(loaded.problems);
		return exitCode.failure;
	}

	const name = datasetName(dataPath);
	if (!process.stdin.isTTY || !process.stdout.isTTY) {
		printError('briefing: not a terminal, so printing the summary instead of opening the dashboard');
		printSummary(loaded.value, name);
		return exitCode.ok;
	}

	const datasetFile = dataPath === '-' ? undefined : resolveDatasetFile(dataPath);
	const file = datasetFile?.ok ? datasetFile.value : undefined;
	const pins = file ? loadPins(file, loaded.value) : {pins: [], notices: ['data from standard input: pins are not kept']};
	return runDashboard(loaded.value, name, {datasetFile: file, pins: pinKeys(pins.pins), notices: pins.notices});
}
