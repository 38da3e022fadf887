/**
 * mathjs's expression parser and nothing else of mathjs. The only module that imports mathjs: it is
 * loaded on demand (loadExpressionParser in expression.ts), because mathjs takes about half a second
 * to load in Node and only scenarios with a demandExpression need it.
 */
import { create, parseDependencies } from 'mathjs';

// A mathjs instance that can only parse: no evaluate, import or createUnit exists in it at all.
const mathjs = create({ parseDependencies });

/** Parses mathjs syntax into mathjs's node tree; throws mathjs's SyntaxError on text it cannot read. */
export function parseExpression(text: string): unknown {
  return mathjs.parse(text);
}
