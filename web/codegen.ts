import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Client types from the SDL (the source of truth): every `graphql(`…`)` document in web/src gets
 * its result and variables types in web/src/generated/ (not committed; `npm run codegen` writes
 * it before type-checking, building and testing). Documents are plain strings at run time
 * (`documentMode: 'string'`): the fetch in api/client.ts sends them as they are.
 * Run after the server's codegen (api/codegen.ts), which may write part of the SDL.
 */
const config: CodegenConfig = {
  schema: 'api/schema/*.graphql',
  documents: ['web/src/**/*.{ts,tsx}', '!web/src/generated/**'],
  ignoreNoDocuments: true,
  generates: {
    'web/src/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        useTypeImports: true,
        skipTypename: true,
        // A nullable field is present (null), as the API sends it; optional only in inputs.
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
        enumsAsTypes: true,
        // JSON dates: the browser receives strings.
        scalars: { DateTime: 'string', Date: 'string', JSON: 'unknown' },
      },
    },
  },
};
export default config;
