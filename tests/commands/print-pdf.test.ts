import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {generateDataset} from '../../source/tools/generate.js';
import {runCli} from '../helpers/cli.js';

/** Debian's Chromium, which .ci/run installs; a missing browser fails the test in CI. */
const chromium = ['chromium', 'chromium-browser', 'google-chrome'].find((name) => spawnSync(name, ['--version']).status === 0);
if (!chromium && process.env.CI === 'true') {
	throw new Error('Chromium is not installed: the one-page PDF test needs it (apt-get install chromium)');
}

const scratch = mkdtempSync(path.join(tmpdir(), 'briefing-pdf-'));

/** Prints an HTML file to PDF in headless Chromium and counts its pages. */
function pdfPages(html: string, name: string, paper: 'A4' | 'letter'): number {
	const file = path.join(scratch, `${name}-${paper}.html`);
	// The page size is the reader's printer's; each is tried by setting it the way a browser would.
	writeFileSync(file, html.replace('</style>', `@page { size: ${paper}; }</style>`));
	const pdf = path.join(scratch, `${name}-${paper}.pdf`);
	const result = spawnSync(chromium!, [
		'--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
		'--disable-component-update', '--disable-sync', `--user-data-dir=${path.join(scratch, 'profile')}`,
		'--no-pdf-header-footer', `--print-to-pdf=${pdf}`, `file://${file}`,
	], {encoding: 'utf8', timeout: 60_000});
	expect(result.status, result.stderr).toBe(0);
	return (readFileSync(pdf, 'latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;
}

describe.skipIf(!chromium)('the HTML briefing on paper', () => {
	const hostileTitle = `${'Very long title '.repeat(40)}${'x'.repeat(500)}`;
	const generated = path.join(scratch, 'generated.json');
	writeFileSync(generated, JSON.stringify(generateDataset({events: 10_000, seed: 3})));
	const cases: Array<[string, string[]]> = [
		['seed', []],
		['macron', ['--actor', 'macron', '--since', '2025-01']],
		['long-title', ['--title', hostileTitle]],
		['generated', ['--data', generated]],
	];

	it.each(cases)('prints the %s briefing on exactly one A4 page and one Letter page', (name, args) => {
		const result = runCli(['print', '--format', 'html', ...args]);
		expect(result.code).toBe(0);
		expect(pdfPages(result.stdout, name, 'A4')).toBe(1);
		expect(pdfPages(result.stdout, name, 'letter')).toBe(1);
	}, 120_000);
});
