// Bundles with esbuild into dist/: the CLI as one CommonJS file (dist/cli-bundle.cjs) run by a
// small launcher (dist/cli.cjs, the `briefing` command) that caches its compiled code, and the
// tools as ES modules.
import {readFile} from 'node:fs/promises';
import {createHash} from 'node:crypto';
import {chmodSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

// Changes to string-width (which Ink measures every line with), each checked at build time:
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
			// Version 8's emoji expression takes 14 ms to make, which every command paid at start-up
			// (when its module was loaded) for text that is almost never measured by it.
			const emoji = 'const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;';
			if (version.startsWith('8.')) {
				if (!text.includes(emoji) || text.split('rgiEmojiRegex').length !== 3 || !text.includes('rgiEmojiRegex.test(')) {
					return {errors: [{text: 'string-width has changed: its emoji expression is not used as the build expects'}]};
				}

				text = text.replace(emoji, 'let madeEmoji; const rgiEmojiRegex = {test: (text) => (madeEmoji ??= /^\\p{RGI_Emoji}$/v).test(text)};');
			}

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

// Ink's layout engine awaits its WebAssembly at the top of its module, which CommonJS cannot do.
// In the CLI's bundle the module gives an object that is filled once the engine is ready, and a
// promise of that (`yogaReady`), which the dashboard awaits before it draws; Ink reads the object
// only when it lays out a frame.
const yogaWithoutTopLevelAwait = {
	name: 'yoga-without-top-level-await',
	setup(build) {
		build.onLoad({filter: /yoga-layout[\\/]dist[\\/]src[\\/]index\.js$/}, async (args) => {
			const text = await readFile(args.path, 'utf8');
			const line = 'const Yoga = wrapAssembly(await loadYoga());';
			if (!text.includes(line)) {
				return {errors: [{text: 'yoga-layout has changed: its top-level await is not where the build expects it'}]};
			}

			return {
				contents: text.replace(line, 'const Yoga = {};\nexport const yogaReady = loadYoga().then((engine) => Object.assign(Yoga, wrapAssembly(engine)));'),
				loader: 'js',
				resolveDir: path.dirname(args.path),
			};
		});
	},
};

// Ink's reconciler awaits, at its top, the React devtools and its own package.json, both only
// when DEV=true. The bundle has no devtools (see the alias below), so in CommonJS neither is awaited.
const inkWithoutTopLevelAwait = {
	name: 'ink-without-top-level-await',
	setup(build) {
		build.onLoad({filter: /ink[\\/]build[\\/]reconciler\.js$/}, async (args) => {
			let text = await readFile(args.path, 'utf8');
			const devtools = "await import('./devtools.js');";
			const packageJson = '? await loadPackageJson()';
			if (!text.includes(devtools) || !text.includes(packageJson)) {
				return {errors: [{text: 'ink has changed: its top-level awaits are not where the build expects them'}]};
			}

			text = text.replace(devtools, "import('./devtools.js');").replace(packageJson, "? {name: 'ink', version: undefined}");
			return {contents: text, loader: 'js', resolveDir: path.dirname(args.path)};
		});
	},
};

const common = {
	absWorkingDir: root,
	metafile: true,
	bundle: true,
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
	minifySyntax: true,
	minifyWhitespace: true,
	// BRIEFING_BUILD_READABLE=1 keeps the names, for reading a CPU profile.
	minifyIdentifiers: process.env.BRIEFING_BUILD_READABLE !== '1',
	legalComments: 'none',
	logLevel: 'warning',
};

// The CLI: one CommonJS file, because Node 20 can cache compiled code only for scripts (see
// source/launcher.ts, which runs it). Commands are still loaded lazily: esbuild keeps what a
// dynamic import reaches in functions that run when it is first imported.
const bundle = await build({
	...common,
	entryPoints: {'cli-bundle': 'source/cli.tsx'},
	outdir: 'dist',
	outExtension: {'.js': '.cjs'},
	format: 'cjs',
	define: {...common.define, 'import.meta.url': '__bundleUrl', 'import.meta': '__bundleMeta'},
	banner: {js: 'var __bundleUrl=require("node:url").pathToFileURL(__filename).href,__bundleMeta={url:__bundleUrl};'},
	plugins: [fastStringWidth, meowOptions, yogaWithoutTopLevelAwait, inkWithoutTopLevelAwait],
	external: ['zod'],
});

const bundleFile = path.join(root, 'dist', 'cli-bundle.cjs');
const bundleHash = createHash('sha256').update(readFileSync(bundleFile)).digest('hex').slice(0, 32);
const launcher = await build({
	...common,
	entryPoints: {cli: 'source/launcher.ts'},
	outdir: 'dist',
	outExtension: {'.js': '.cjs'},
	format: 'cjs',
	define: {...common.define, __BUNDLE_HASH__: JSON.stringify(bundleHash)},
	banner: {js: '#!/usr/bin/env node'},
});

// The tools (npm run gen, npm run bench) stay ES modules with shared chunks.
const tools = await build({
	...common,
	entryPoints: {'tools/gen': 'source/tools/gen.ts', 'tools/bench': 'source/tools/bench.ts'},
	outdir: 'dist',
	chunkNames: 'chunks/[name]-[hash]',
	splitting: true,
	format: 'esm',
	plugins: [fastStringWidth, meowOptions],
});

// Files of earlier builds go once the new ones are written (not before: a dashboard or test that
// is running keeps working while the build runs).
const outputs = new Set([bundle, launcher, tools].flatMap((result) => Object.keys(result.metafile.outputs)).map((file) => path.resolve(root, file)));
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

chmodSync(path.join(root, 'dist', 'cli.cjs'), 0o755);
