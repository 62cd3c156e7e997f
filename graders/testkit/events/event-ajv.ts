import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import envelopeSchema from '../../schemas/event-envelope.schema.json' with { type: 'json' };

/**
 * A JSON Schema 2020-12 validator with formats and the course envelope registered by its $id,
 * so event schemas may $ref it. One per schema being compiled: learners reuse $ids.
 */
export function eventAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats.default(ajv);
  ajv.addSchema(envelopeSchema);
  return ajv;
}

export { envelopeSchema };
