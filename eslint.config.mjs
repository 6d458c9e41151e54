import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import pluginQuery from "@tanstack/eslint-plugin-query";

const config = [
  { ignores: [".next/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts", ".stand-ins-data/**"] },
  ...nextVitals,
  ...nextTypescript,
  ...pluginQuery.configs["flat/recommended-strict"],
  {
    rules: {
      // `expect(x).toBeTruthy` without the call is a test that cannot fail.
      "@typescript-eslint/no-unused-expressions": ["error", { allowShortCircuit: false, allowTernary: false }],
      "@typescript-eslint/no-explicit-any": "error",
    },
  },
];

export default config;
