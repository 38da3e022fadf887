/**
 * User demand expressions (model.md section 1): mathjs syntax, a whitelisted grammar, and an
 * evaluator of our own so that nothing of mathjs's scope (import, evaluate, units...) is reachable.
 *
 * mathjs itself is loaded on demand: checking and compiling stay synchronous, but only after
 * loadExpressionParser() has resolved once. Scenarios without a demandExpression never need it, so the
 * command line and the workers start without it (about half a second of loading in Node).
 */
import { exp, log, pow } from '../random/portable-math.ts';

let parse: ((text: string) => unknown) | undefined;
let loading: Promise<void> | undefined;

/** Loads mathjs's parser (once; later calls share the first load): needed before any demand expression is compiled. */
export function loadExpressionParser(): Promise<void> {
  loading ??= import('./expression-parser.ts').then(
    (module) => {
      parse = module.parseExpression;
    },
    (error: unknown) => {
      loading = undefined; // a failed load (say, a dropped network chunk in the browser) may be retried
      throw error;
    },
  );
  return loading;
}

/** Whether loadExpressionParser has completed, so that demand expressions can be compiled synchronously. */
export function expressionParserLoaded(): boolean {
  return parse !== undefined;
}

/** Whether a parsed JSON value (a scenario, valid or not) holds a "demandExpression" anywhere, at any depth. */
export function hasDemandExpression(value: unknown): boolean {
  // A walk of the whole value rather than of known places: new nodes inside strategies' levers can be makers too.
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (item === null || typeof item !== 'object') continue;
    if (!Array.isArray(item) && Object.hasOwn(item, 'demandExpression')) return true;
    for (const child of Object.values(item)) stack.push(child);
  }
  return false;
}

export type CompiledExpression = { ok: true; evaluate: (tMonths: number) => number } | { ok: false; message: string };

type Fn = (t: number) => number;

/** The shape of the mathjs nodes we read; mathjs's own typings are looser than the runtime objects. */
interface ParsedNode {
  type: string;
  value?: unknown;
  name?: string;
  op?: string;
  fn?: unknown;
  args?: ParsedNode[];
  content?: ParsedNode;
  toString(): string;
}

class Refused extends Error {}

/** mathjs rounds half away from zero; JS's Math.round rounds half up, so -2.5 would differ. */
const roundHalfAway = (x: number): number => Math.sign(x) * Math.round(Math.abs(x));

const ONE_ARGUMENT: Record<string, (x: number) => number> = {
  exp,
  log,
  sqrt: Math.sqrt,
  abs: Math.abs,
  floor: Math.floor,
  ceil: Math.ceil,
  round: roundHalfAway,
};
const ANY_ARGUMENTS: Record<string, (...xs: number[]) => number> = { min: Math.min, max: Math.max };
const FUNCTION_NAMES = 'exp, log, sqrt, abs, min, max, floor, ceil, round';

// Keyed by mathjs's function name and checked against the operator symbol too, so that e.g.
// ".*" (dotMultiply) or "%" (mod) cannot pass under a familiar name.
const BINARY: Record<string, { op: string; apply: (a: number, b: number) => number }> = {
  add: { op: '+', apply: (a, b) => a + b },
  subtract: { op: '-', apply: (a, b) => a - b },
  multiply: { op: '*', apply: (a, b) => a * b },
  divide: { op: '/', apply: (a, b) => a / b },
  pow: { op: '^', apply: pow },
};

const KIND_NAMES: Record<string, string> = {
  AccessorNode: 'property or element access',
  ArrayNode: 'a list or matrix',
  AssignmentNode: 'an assignment',
  BlockNode: 'several expressions',
  ConditionalNode: 'a condition (? :)',
  FunctionAssignmentNode: 'a function definition',
  IndexNode: 'an index',
  ObjectNode: 'an object',
  RangeNode: 'a range',
  RelationalNode: 'a comparison',
};

const snippet = (node: ParsedNode): string => {
  const text = node.toString();
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 39)}…` : text);
};

function build(node: ParsedNode): Fn {
  switch (node.type) {
    case 'ConstantNode': {
      const value = node.value;
      if (typeof value !== 'number') {
        const what = typeof value === 'string' ? `the text ${snippet(node)}` : `the value ${snippet(node)}`;
        throw new Refused(`${what} is not allowed; only numbers`);
      }
      return () => value;
    }
    case 'SymbolNode':
      if (node.name !== 't') {
        throw new Refused(`the name "${node.name}" is not allowed; the only variable is t (months), and units or constants cannot be used`);
      }
      return (t) => t;
    case 'ParenthesisNode':
      return build(node.content as ParsedNode);
    case 'OperatorNode':
      return buildOperator(node);
    case 'FunctionNode':
      return buildFunction(node);
    default:
      throw new Refused(`${KIND_NAMES[node.type] ?? node.type} ${snippet(node)} is not allowed`);
  }
}

function buildOperator(node: ParsedNode): Fn {
  const args = node.args ?? [];
  if (node.fn === 'unaryMinus' && node.op === '-' && args.length === 1) {
    const x = build(args[0]);
    return (t) => -x(t);
  }
  const binary = typeof node.fn === 'string' && Object.hasOwn(BINARY, node.fn) ? BINARY[node.fn] : undefined;
  if (binary && binary.op === node.op && args.length === 2) {
    const [a, b] = [build(args[0]), build(args[1])];
    return (t) => binary.apply(a(t), b(t));
  }
  const label = node.fn === 'unaryPlus' ? 'unary plus' : `the operator "${node.op}"`;
  throw new Refused(`${label} in ${snippet(node)} is not allowed; use + - * / ^ and unary minus`);
}

function buildFunction(node: ParsedNode): Fn {
  const callee = node.fn as ParsedNode;
  if (callee.type !== 'SymbolNode' || typeof callee.name !== 'string') {
    throw new Refused(`calling ${snippet(node)} is not allowed; only the functions ${FUNCTION_NAMES}`);
  }
  const name = callee.name;
  const one = Object.hasOwn(ONE_ARGUMENT, name) ? ONE_ARGUMENT[name] : undefined;
  const many = Object.hasOwn(ANY_ARGUMENTS, name) ? ANY_ARGUMENTS[name] : undefined;
  // The name is judged before the arguments, so evaluate("1") is refused for "evaluate", not for its text.
  if (!one && !many) throw new Refused(`the function "${name}" is not allowed; allowed functions are ${FUNCTION_NAMES}`);
  const args = (node.args ?? []).map(build);
  if (one) {
    if (args.length !== 1) throw new Refused(`${name} takes exactly one argument, got ${args.length}`);
    const [x] = args;
    return (t) => one(x(t));
  }
  const variadic = many as (...xs: number[]) => number;
  if (args.length === 0) throw new Refused(`${name} needs at least one argument`);
  return (t) => variadic(...args.map((a) => a(t)));
}

/** Checks a demand expression of t (months) against the allowed grammar and compiles it to a plain function. */
export function compileDemandExpression(text: string): CompiledExpression {
  if (parse === undefined) {
    throw new Error('demand expressions need the mathjs parser: await loadExpressionParser() (or validate with parseScenarioTextAsync) before checking or compiling a scenario that has one');
  }
  let tree: ParsedNode;
  // mathjs reads "a - 5%" as "a - a x 5 / 100": a percentage is not in the grammar of model.md section 1.
  if (text.includes('%')) return { ok: false, message: 'uses "%", which is not allowed (write a fraction, e.g. 0.05 * ...)' };
  try {
    tree = parse(text) as unknown as ParsedNode;
  } catch (error) {
    return { ok: false, message: `cannot be read as an expression: ${(error as Error).message}` };
  }
  try {
    const f = build(tree);
    return { ok: true, evaluate: (tMonths: number) => f(tMonths) };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, message: error.message };
    // A pathological expression (e.g. extremely deep nesting) overflows the stack: refuse it too.
    return { ok: false, message: `cannot be used: ${(error as Error).message}` };
  }
}
