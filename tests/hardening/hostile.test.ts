import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {maxDocumentBytes} from '../../source/io/read-dataset.js';
import {writeLargeCases} from '../fixtures/hostile/corpus.js';
import {cliPath, repoRoot, runCli} from '../helpers/cli.js';
import {hasTmux, TmuxSession} from '../helpers/tmux.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'briefing-hostile-'));
const cases = writeLargeCases(scratch, maxDocumentBytes);

/** What must never reach a terminal: escapes, controls, bidi overrides, invisible marks, NUL. */
const unsafe = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/;

const commands: Array<[string, string[]]> = [
	['validate', ['validate']],
	['export --json', ['export', '--json']],
	['search', ['search', 'berg']],
	['print (text)', ['print']],
	['print --format markdown', ['print', '--format', 'markdown']],
	['print --format html', ['print', '--format', 'html']],
	['print --format json', ['print', '--format', 'json']],
	['the dashboard, without a terminal', []],
];

function shown(file: string): string {
	const relative = path.relative(repoRoot, file);
	return relative.startsWith('..') ? file : relative;
}

describe.each(cases)('$name', (hostile) => {
	it.each(commands)('%s: correct output, or one line per problem naming the file, the place and the fix', (_name, args) => {
		const result = runCli([...args, '--data', hostile.file]);
		expect(result.stderr).not.toMatch(/^\s+at /m);
		expect(result.stderr).not.toMatch(unsafe);
		expect(result.stdout.replace(/\n/g, '')).not.toMatch(unsafe);
		if (hostile.expect === 'valid') {
			expect(result.code === 0 || (args[0] === 'search' && result.code === 1), result.stderr).toBe(true);
			return;
		}

		expect(result.code).toBe(1);
		expect(result.stdout).toBe('');
		const lines = result.stderr.trimEnd().split('\n');
		expect(lines.at(-1)).toMatch(/^\d+ problems? found$/);
		for (const line of lines.slice(0, -1)) {
			expect(line.startsWith(`${shown(hostile.file)}: `), line).toBe(true);
		}

		for (const mention of hostile.mentions ?? []) {
			expect(result.stderr).toContain(mention);
		}
	}, 60_000);
});

describe.skipIf(!hasTmux())('the dashboard on hostile data, in a real terminal', () => {
	const sessions: TmuxSession[] = [];
	afterAll(() => {
		for (const session of sessions) {
			session.kill();
		}
	});

	it.each(cases.filter((hostile) => hostile.expect === 'valid'))('$name: draws, keeps the terminal\'s title, quits cleanly', async (hostile) => {
		const session = new TmuxSession(`hostile-${cases.indexOf(hostile)}`);
		sessions.push(session);
		session.start(`node ${cliPath} --data '${hostile.file}'`, 120, 40);
		const screen = await session.waitFor((text) => text.includes('▶ Timeline') && text.includes('q quit'), 'the dashboard', 30_000);
		expect(screen.split('\n')[0]).toContain('briefing');
		// Move through every pane and open details: the hostile strings are drawn on the way.
		for (const key of ['k', 'Tab', 'j', 'Tab', 'Enter', 'j', 'Escape', '/', 'e', 'Enter', 'b']) {
			// eslint-disable-next-line no-await-in-loop
			await session.press(key);
		}

		await session.press('q');
		await session.waitFor((text) => text.includes('EXITED 0'), 'a clean exit', 20_000);
		expect(session.variable('pane_title')).not.toContain('pwned');
		expect(session.variable('alternate_on')).toBe('0');
	}, 60_000);
});
