import {readFileSync} from 'node:fs';
import path from 'node:path';
import {render} from 'ink-testing-library';
import React from 'react';
import {type LinkedDataset, loadDatasetText} from '../../source/core/dataset.js';
import {App, type AppProps} from '../../source/ui/app.js';
import {lazyIndexSource} from '../../source/ui/engine.js';
import {repoRoot} from './cli.js';

export const keys = {
	tab: '\t',
	shiftTab: '\u001B[Z',
	enter: '\r',
	escape: '\u001B',
	up: '\u001B[A',
	down: '\u001B[B',
	pageUp: '\u001B[5~',
	pageDown: '\u001B[6~',
	home: '\u001B[H',
	end: '\u001B[F',
	ctrlD: '\u0004',
	ctrlU: '\u0015',
	ctrlC: '\u0003',
	backspace: '\b',
	delete: '\u007F',
	space: ' ',
} as const;

/** Lets a search that runs after the keystroke land in the frame. */
export async function settle(ms = 40): Promise<void> {
	await delay(ms);
}

export function loadText(text: string): LinkedDataset {
	const result = loadDatasetText(text, 'test');
	if (!result.ok) {
		throw new Error(result.problems.map((problem) => problem.message).join('\n'));
	}

	return result.value;
}

export function loadFile(relative: string): LinkedDataset {
	return loadText(readFileSync(path.join(repoRoot, relative), 'utf8'));
}

const delay = async (ms: number): Promise<void> => new Promise((resolve) => {
	setTimeout(resolve, ms);
});

export type Dashboard = {
	frame: () => string;
	lines: () => string[];
	press: (...inputs: string[]) => Promise<string>;
	unmount: () => void;
};

/** Renders the dashboard at a fixed size and waits until it listens for keys. */
export async function renderDashboard(linked: LinkedDataset, columns = 120, rows = 40, props: Partial<AppProps> = {}): Promise<Dashboard> {
	const tree = <App linked={linked} name="test-data" size={{columns, rows}} searchIndex={lazyIndexSource(linked)} {...props}/>;
	const instance = render(tree);
	// ink-testing-library's stdout says it is 100 columns wide, and Ink lays out to that width.
	Object.defineProperty(instance.stdout, 'columns', {value: columns});
	Object.defineProperty(instance.stdout, 'rows', {value: rows});
	instance.rerender(tree);
	// Ink subscribes to stdin in an effect after the first frame.
	await delay(30);
	const frame = (): string => instance.lastFrame() ?? '';
	return {
		frame,
		lines: () => frame().split('\n'),
		async press(...inputs: string[]) {
			for (const input of inputs) {
				instance.stdin.write(input);
				// eslint-disable-next-line no-await-in-loop
				await delay(15);
			}

			return frame();
		},
		unmount: instance.unmount,
	};
}
