// Bundles the CLI and the tools with esbuild into dist/: one file per entry, and chunks that a
// command loads only when it runs (the dashboard's Ink and React stay out of `briefing print`).
import {readFile} from 'node:fs/promises';
import {readdirSync, rmSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

// Two changes to string-width (which Ink measures every line with), both checked at build time:
// its grapheme segmenter is made when first used, not when imported (it costs every command some
// milliseconds), and text of characters that are one column each (source/core/narrow.ts, which a
// test holds to string-width) is measured by its length, without the per-character segmenter and
// emoji expressions that make a frame of non-ASCII text tens of milliseconds slower.
const narrowModule = path.join(root, 'source', 'core', 'narrow.ts');
const fastStringWidth = {
	name: 'fast-string-width',
	setup(build) {
		build.onLoad({filter: /string-width[\\/]index\.js$/}, async (args) => {
			let text = await readFile(args.path, 'utf8');
			// Both versions in the tree (8 for Ink, 7 for wrap-ansi) have these two lines.
			const eager = 'const segmenter = new Intl.Segmenter();';
			const empty = '\n\tif (string.length === 0) {\n\t\treturn 0;\n\t}\n';
			if (!text.includes(eager) || !text.includes(empty)) {
				return {contents: text, loader: 'js', warnings: [{text: 'string-width has changed: left as it is'}]};
			}

			const {version} = JSON.parse(await readFile(path.join(path.dirname(args.path), 'package.json'), 'utf8'));
			const pattern = version.startsWith('8.') ? 'narrowTextLatest' : 'narrowText';
			text = text.replace(eager, 'let made; const segmenter = {segment: (text) => (made ??= new Intl.Segmenter()).segment(text)};');
			text = text.replace(empty, `${empty}\n\tif (__narrowText.test(string)) {\n\t\treturn string.length;\n\t}\n`);
			return {contents: `import {${pattern} as __narrowText} from ${JSON.stringify(narrowModule)};\n${text}`, loader: 'js', resolveDir: path.dirname(args.path)};
		});
	},
};

// meow is handed the package (see source/cli.tsx), so it never looks for package.json and never
// normalizes one. Those two functions pull normalize-package-data, semver and the SPDX license lists
// into meow's bundled dependencies: about 100 KB that every command would compile at start-up
// (25 ms here). They are replaced by functions that say so if they are ever called.
const meowOptions = {
	name: 'meow-without-package-reading',
	setup(build) {
		build.onLoad({filter: /meow[\\/]build[\\/]options\.js$/}, async (args) => {
			const text = await readFile(args.path, 'utf8');
			const line = "import { a as readPackageUpSync, n as normalizePackageData } from './dependencies.js';";
			if (!text.includes(line)) {
				return {contents: text, loader: 'js', warnings: [{text: 'meow has changed: its package reading is left in'}]};
			}

			const unused = "() => { throw new Error('briefing passes meow its package: reading one is left out of the bundle'); }";
			return {contents: text.replace(line, `const readPackageUpSync = ${unused};\nconst normalizePackageData = ${unused};`), loader: 'js', resolveDir: path.dirname(args.path)};
		});
		// Rollup wraps each CommonJS module meow bundles in a function called once at the top level;
		// marked pure, the calls whose results nothing uses are dropped with the code they load (and
		// a promisified execFile that read-package-up makes and never keeps takes child_process along).
		build.onLoad({filter: /meow[\\/]build[\\/]dependencies\.js$/}, async (args) => {
			const text = await readFile(args.path, 'utf8');
			const calls = /^((?:var|const) [\w$]+ = |)((?:require[\w$]*|getDefaultExportFromCjs|promisify)\()/gm;
			return {contents: text.replace(calls, '$1/* @__PURE__ */ $2'), loader: 'js', resolveDir: path.dirname(args.path)};
		});
	},
};

const result = await build({
	absWorkingDir: root,
	metafile: true,
	entryPoints: {
		cli: 'source/cli.tsx',
		'tools/gen': 'source/tools/gen.ts',
		'tools/bench': 'source/tools/bench.ts',
	},
	outdir: 'dist',
	chunkNames: 'chunks/[name]-[hash]',
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	// jsonc-parser's CommonJS build is UMD with requires esbuild cannot follow; its ESM build is plain.
	mainFields: ['module', 'main'],
	target: 'node20',
	// Node 20 has RegExp v-flags; lowered to new RegExp(), string-width's emoji pattern is
	// compiled at start-up (20 ms) instead of when first used.
	supported: {'regexp-set-notation': true},
	jsx: 'automatic',
	// React's production build: its development build checks and times every render.
	define: {'process.env.NODE_ENV': '"production"'},
	// Ink imports the React devtools only when DEV is set; the stub keeps them out of the bundle.
	alias: {'react-devtools-core': './source/tools/devtools-stub.js'},
	// No createRequire banner: loading node:module costs every command ~9 ms. Ink's CommonJS
	// dependencies (signal-exit requires assert) get a global require from the dashboard instead
	// (see source/commands/dashboard.tsx), which esbuild's require shim finds when it is called.
	plugins: [fastStringWidth, meowOptions],
	minifySyntax: true,
	minifyWhitespace: true,
	minifyIdentifiers: true,
	legalComments: 'none',
	logLevel: 'warning',
});

// Files of earlier builds go once the new ones are written (not before: a dashboard or test that
// is running keeps working while the build runs).
const outputs = new Set(Object.keys(result.metafile.outputs).map((file) => path.resolve(root, file)));
for (const entry of readdirSync(path.join(root, 'dist'), {recursive: true, withFileTypes: true})) {
	const file = path.join(entry.parentPath ?? entry.path, entry.name);
	if (entry.isFile() && !outputs.has(file)) {
		rmSync(file, {force: true});
	}
}

for (const entry of readdirSync(path.join(root, 'dist'), {withFileTypes: true})) {
	const folder = path.join(root, 'dist', entry.name);
	if (entry.isDirectory() && readdirSync(folder, {recursive: true, withFileTypes: true}).every((each) => each.isDirectory())) {
		rmSync(folder, {recursive: true, force: true});
	}
}
