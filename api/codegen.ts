import type { CodegenConfig } from '@graphql-codegen/cli';

// Resolver types are generated from the SDL (the source of truth) before type-checking.
const config: CodegenConfig = {
  schema: 'api/schema/*.graphql',
  generates: {
    'api/src/generated/resolvers.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        useTypeImports: true,
        contextType: '../graphql/context.ts#GraphQLContext',
        mapperTypeSuffix: 'Model',
        mappers: {
          Entity: '../graphql/presenters.ts#EntityView',
          Territory: '../graphql/presenters.ts#EntityView',
          Project: '../graphql/presenters.ts#EntityView',
          Actor: '../graphql/presenters.ts#EntityView',
          Engagement: '../graphql/presenters.ts#EntityView',
          Perimeter: '../graphql/presenters.ts#EntityView',
          Objective: '../graphql/presenters.ts#EntityView',
          Position: '../graphql/presenters.ts#EntityView',
          Convergence: '../graphql/presenters.ts#EntityView',
          Conflict: '../graphql/presenters.ts#EntityView',
          Externality: '../graphql/presenters.ts#EntityView',
          Cooperation: '../graphql/presenters.ts#EntityView',
          Influence: '../graphql/presenters.ts#EntityView',
          SystemicLeap: '../graphql/presenters.ts#EntityView',
          Ecosystem: '../graphql/presenters.ts#EntityView',
          Milestone: '../graphql/presenters.ts#EntityView',
          ProjectMap: '@trame/graph#ProjectMap',
          ProjectDiff: '../graphql/presenters.ts#DiffView',
          Change: '@trame/graph#ChangeRecord',
          TimelinePage: '@trame/graph#TimelinePage',
          EntityChange: '../graphql/presenters.ts#EntityChangeView',
          EngagementChange: '../graphql/presenters.ts#EngagementChangeView',
          PositionMove: '../graphql/presenters.ts#MoveView',
          ConflictStatusChange: '../graphql/presenters.ts#MoveView',
        },
        scalars: { DateTime: 'Date', Date: 'string', JSON: 'unknown' },
        enumsAsTypes: true,
        avoidOptionals: false,
      },
    },
  },
};
export default config;
