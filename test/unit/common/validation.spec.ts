import { IsString } from 'class-validator';
import { ValidationError } from '../../../src/common/errors/domain.error';
import { validateInto } from '../../../src/common/validation/validate';

class SessionNote {
  @IsString() type!: string;
  @IsString() summary!: string;
}

function fieldsOf(body: unknown): Record<string, string[]> {
  try {
    validateInto(SessionNote, body);
  } catch (error) {
    if (error instanceof ValidationError) return error.details.fields as Record<string, string[]>;
    throw error;
  }
  throw new Error('accepted');
}

describe('unknown body fields are refused by their own name', () => {
  it('names a top-level unknown field', () => {
    expect(fieldsOf({ type: 'LOG_SESSION', summary: '调解', note: 'x' })).toEqual({ note: ['不允许的字段'] });
  });

  it('names an unknown field whose value hides an Object.prototype key, not the key inside it', () => {
    expect(fieldsOf(JSON.parse('{"type":"LOG_SESSION","summary":"调解"," ":{"toString":{}}}'))).toEqual({ ' ': ['不允许的字段'] });
  });

  it('names a top-level key spelled like an Object.prototype member', () => {
    expect(fieldsOf(JSON.parse('{"type":"LOG_SESSION","summary":"调解","valueOf":1}'))).toEqual({ valueOf: ['不允许的字段'] });
  });
});
