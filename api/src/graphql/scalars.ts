import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { calendarDateMessage, isCalendarDate, isDomainError, parseInstant } from '@trame/graph';

function instant(value: unknown): Date {
  if (typeof value !== 'string') {
    throw new GraphQLError('une date doit être une chaîne AAAA-MM-JJ ou ISO 8601', { extensions: { code: 'INVALID_DATE' } });
  }
  try {
    return parseInstant(value);
  } catch (error) {
    if (isDomainError(error)) throw new GraphQLError(error.message, { extensions: { code: error.code } });
    throw error;
  }
}

export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  serialize: (value) => (value instanceof Date ? value : new Date(String(value))).toISOString(),
  parseValue: instant,
  parseLiteral: (ast) => instant(ast.kind === Kind.STRING ? ast.value : undefined),
});

function calendarDate(value: unknown): string {
  if (typeof value !== 'string' || !isCalendarDate(value)) {
    const message = typeof value === 'string' ? calendarDateMessage('la date', value) : 'la date doit être une chaîne AAAA-MM-JJ';
    throw new GraphQLError(message, {
      extensions: { code: 'INVALID_DATE' },
    });
  }
  return value;
}

export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  serialize: (value) => String(value),
  parseValue: calendarDate,
  parseLiteral: (ast) => calendarDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

function literal(ast: import('graphql').ValueNode): unknown {
  switch (ast.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return ast.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.LIST:
      return ast.values.map(literal);
    case Kind.OBJECT:
      return Object.fromEntries(ast.fields.map((f) => [f.name.value, literal(f.value)]));
    default:
      return null;
  }
}

export const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: literal,
});
