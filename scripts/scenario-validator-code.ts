/**
 * The scenario validator of src/model/scenario-validator.ts as standalone JavaScript (Ajv's standalone
 * code: same options, same schema), which scripts/cli-bundle.mjs puts in that module's place in the
 * bundled command line. The module it returns exports the same scenarioValidator().
 */
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone';
import { scenarioJsonSchema } from '../src/model/json-schema.ts';
import { AJV_OPTIONS } from '../src/model/scenario-validator.ts';

/** The text of an ES module exporting scenarioValidator(), which returns the validator compiled here. */
export function scenarioValidatorCode(): string {
  const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true, esm: true } });
  const code = standaloneCode(ajv, ajv.compile(scenarioJsonSchema()));
  return `${code}\n/** The validator compiled ahead by scripts/scenario-validator-code.ts. */\nexport function scenarioValidator() {\n  return validate;\n}\n`;
}
