// Example schemas for the playground. The two benchmark schemas are read from ../shared/bench at
// build time (not copied into this repository); their sample data comes from the same generator.
import paymentSchema from '@bench/schemas/payment-event.schema.json?raw';
import configSchema from '@bench/schemas/large-config.schema.json?raw';
import { generate } from '@bench/gen.mjs';
import personSchema from '../examples/person.schema.json?raw';
import personData from '../examples/person.data.json?raw';
import addressSchema from '../examples/draft07-address.schema.json?raw';
import addressData from '../examples/draft07-address.data.json?raw';
import treeSchema from '../examples/tree.schema.json?raw';
import treeData from '../examples/tree.data.json?raw';

/** The first generated record of `schema` that is (in)valid, pretty-printed. */
function sample(schema, invalid) {
  for (const r of generate({ schema, count: 200, invalidRatio: 0.3, seed: 7 })) {
    if (r.invalid === invalid) return JSON.stringify(JSON.parse(r.line), null, 2);
  }
  return '{}';
}

export const EXAMPLES = [
  { id: 'person', label: 'Person (formats)', schema: personSchema, data: personData, formats: 'assert' },
  { id: 'payment-event', label: 'Payment event (bench)', schema: paymentSchema, data: () => sample('payment-event', true), formats: 'assert' },
  { id: 'large-config', label: 'CI/CD config (bench, large)', schema: configSchema, data: () => sample('large-config', true), formats: 'assert' },
  { id: 'address', label: 'Address book (draft-07)', schema: addressSchema, data: addressData, dialect: 'draft-07' },
  { id: 'tree', label: 'Recursive tree ($dynamicRef)', schema: treeSchema, data: treeData },
];

export function exampleData(ex) {
  return typeof ex.data === 'function' ? ex.data() : ex.data;
}
