import { expect } from 'chai';
import { validateProgram } from '../../src/sdk/index.js';

describe('smoke', () => {
  it('rejects an empty object', () => {
    expect(() => validateProgram({})).to.throw(/not valid/);
  });
});
