import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		// Frames are asserted as plain text: colours off, whatever the developer's terminal says.
		env: {FORCE_COLOR: '0'},
		include: ['tests/**/*.test.{ts,tsx}'],
		testTimeout: 20_000,
	},
});
