/**
 * Loaded before every test file (vite.config.ts, setupFiles): the demand-expression parser, which the app
 * and the command line load on demand, so that tests may validate and compile scenarios with expressions
 * synchronously, as the app does once it has started. tests/model/expression-loading.test.ts checks the
 * on-demand loading itself, on fresh copies of the modules.
 */
import { loadExpressionParser } from '../../src/model/expression.ts';

await loadExpressionParser();
