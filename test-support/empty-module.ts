// Stands in for `server-only` under Vitest, where no React Server Components bundler draws the line.
export {};
