import path from 'node:path';
import {type Brief, briefJson, composeBrief, htmlPage, renderHtml, renderMarkdown, renderText} from '../core/brief.js';
import {resolveBrief} from '../core/brief-request.js';
import type {LinkedDataset} from '../core/dataset.js';
import {parseEdtf} from '../core/edtf.js';
import {terminalSafeJson} from '../core/json.js';
import {describeSpan} from '../core/query.js';
import {backupFile, describeWriteError, writeFileAtomic} from '../io/atomic.js';
import {exitCode, printError, printProblems} from '../io/output.js';
import {loadPins} from '../io/pins.js';
import {indexFor} from '../io/index-cache.js';
import {loadDataset} from '../io/load-dataset.js';
import {progressBar} from '../io/progress.js';
import {bundledDataDirectory, resolveDatasetFile} from '../io/records.js';
import type {CommandContext} from './table.js';

export type Format = 'text' | 'markdown' | 'html' | 'json';

export const pageDefaults = {lines: 60, width: 80} as const;
/** Below this a brief has no room for its own skeleton. */
export const pageMinimum = {lines: 20, width: 40} as const;

function formatFor(flags: CommandContext['flags']): Format {
	if (typeof flags.format === 'string') {
		return flags.format as Format;
	}

	const extension = typeof flags.out === 'string' ? path.extname(flags.out).toLowerCase() : '';
	return ({'.md': 'markdown', '.markdown': 'markdown', '.html': 'html', '.htm': 'html', '.json': 'json'} as Record<string, Format>)[extension] ?? 'text';
}

/** Bold headings only where someone will see them: a terminal, or when FORCE_COLOR asks. */
function wantsColor(): boolean {
	const force = process.env.FORCE_COLOR;
	if (force !== undefined) {
		return force !== '0' && force !== 'false';
	}

	return !process.env.NO_COLOR && process.stdout.isTTY === true;
}

export function renderBrief(brief: Brief, format: Format, width: number): string {
	switch (format) {
		case 'text': {
			return `${renderText(brief, width).join('\n')}\n`;
		}

		case 'markdown': {
			return `${renderMarkdown(brief, width).join('\n')}\n`;
		}

		case 'html': {
			return renderHtml(brief);
		}

		case 'json': {
			return `${terminalSafeJson(briefJson(brief))}\n`;
		}
	}
}

const headings = /^(BOTTOM LINE|KEY DEVELOPMENTS.*|KEY QUOTES|WHO'S WHO|WHAT'S NEXT|GAPS|SOURCES|BRIEFING: .*)$/gm;

/** The dataset's pins, as the dashboard saved them; notices go to stderr. */
function pinsFor(dataPath: string, linked: LinkedDataset): ReturnType<typeof loadPins> | undefined {
	const resolved = resolveDatasetFile(dataPath);
	if (!resolved.ok) {
		return undefined;
	}

	return loadPins(resolved.value, linked);
}

export async function run({flags}: CommandContext): Promise<number> {
	const lines = flags.lines === undefined ? pageDefaults.lines : Number(flags.lines);
	const width = flags.width === undefined ? pageDefaults.width : Number(flags.width);
	if (!Number.isInteger(lines) || lines < pageMinimum.lines) {
		printError(`briefing print: --lines needs a whole number of at least ${pageMinimum.lines}, not ${String(flags.lines)}`);
		return exitCode.usage;
	}

	if (!Number.isInteger(width) || width < pageMinimum.width) {
		printError(`briefing print: --width needs a whole number of at least ${pageMinimum.width}, not ${String(flags.width)}`);
		return exitCode.usage;
	}

	for (const name of ['since', 'until'] as const) {
		const value = flags[name];
		if (typeof value === 'string') {
			const date = parseEdtf(value);
			if (!date.ok) {
				printError(`briefing print: --${name}: ${date.reason}`);
				return exitCode.usage;
			}
		}
	}

	const dataPath = (flags.data as string | undefined) ?? bundledDataDirectory;
	const progress = progressBar('loading');
	const loaded = await loadDataset(dataPath, {onProgress: progress.update, deferSnapshot: true});
	progress.done();
	if (!loaded.ok) {
		printProblems(loaded.problems);
		return exitCode.failure;
	}

	const {linked} = loaded.value;
	let pinned;
	if (flags.pinned) {
		const pins = dataPath === '-' ? undefined : pinsFor(dataPath, linked);
		for (const notice of pins?.notices ?? []) {
			printError(`briefing print: ${notice}`);
		}

		if (!pins || pins.pins.length === 0) {
			printError('briefing print: nothing is pinned for this dataset: pin items with Space in the dashboard, or leave out --pinned');
			return exitCode.failure;
		}

		pinned = pins.pins;
	}

	const resolved = resolveBrief(linked, () => indexFor(loaded.value).index, {
		...(typeof flags.actor === 'string' ? {actor: flags.actor} : {}),
		...(typeof flags.since === 'string' ? {since: flags.since} : {}),
		...(typeof flags.until === 'string' ? {until: flags.until} : {}),
		...(typeof flags.query === 'string' ? {query: flags.query} : {}),
		...(pinned ? {pinned} : {}),
	});
	if (resolved.errors.length > 0) {
		for (const error of resolved.errors) {
			printError(`briefing print: --query ${describeSpan(error)}: ${error.message}`);
		}

		return exitCode.usage;
	}

	const format = formatFor(flags);
	const page = format === 'html' ? htmlPage : {lines, width};
	const brief = composeBrief(linked, resolved.selection, {
		title: typeof flags.title === 'string' ? flags.title : resolved.title,
		...(resolved.scope ? {scope: resolved.scope} : {}),
		pinned: new Set(pinned?.map((pin) => pin.id) ?? []),
		lines: page.lines,
		width: page.width,
	});
	let output = renderBrief(brief, format, page.width);

	if (typeof flags.out === 'string') {
		const file = path.resolve(flags.out);
		try {
			const backup = backupFile(file);
			writeFileAtomic(file, output);
			printError(`briefing print: wrote ${flags.out}${backup ? ` (the previous version is in ${path.basename(backup)})` : ''}`);
		} catch (error) {
			printError(`briefing print: ${describeWriteError(error, flags.out)}`);
			return exitCode.failure;
		}

		return exitCode.ok;
	}

	if (format === 'text' && wantsColor()) {
		output = output.replace(headings, '\u001B[1m$1\u001B[22m');
	}

	process.stdout.write(output);
	return exitCode.ok;
}
