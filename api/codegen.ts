import { writeFileSync } from 'node:fs';
import type { CodegenConfig } from '@graphql-codegen/cli';
import { ENTITY_TYPES } from '@trame/graph/model';
import { entityTypeDefs } from './src/graphql/entity-schema.ts';

// `npm run codegen`. First the entity part of the schema is written from the model (the server
// builds the same text itself, api/src/graphql/schema.ts); then the resolver types are generated
// from all of api/schema/ before type-checking. Neither output is committed (.gitignore).
writeFileSync(new URL('schema/entities.graphql', import.meta.url), entityTypeDefs());

// Every entity object, and the Entity interface, resolves from an EntityView.
const entityMappers = Object.fromEntries(
  ['Entity', ...ENTITY_TYPES].map((type) => [type, '../graphql/presenters.ts#EntityView']),
);

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
          ...entityMappers,
          ProjectMap: '@trame/graph#ProjectMap',
          ProjectDiff: '../graphql/presenters.ts#DiffView',
          Change: '@trame/graph#ChangeRecord',
          TimelinePage: '@trame/graph#TimelinePage',
          EntityChange: '../graphql/presenters.ts#EntityChangeView',
          EngagementChange: '../graphql/presenters.ts#EngagementChangeView',
          PositionMove: '../graphql/presenters.ts#MoveView',
          ConflictStatusChange: '../graphql/presenters.ts#MoveView',
          Analysis: '@trame/graph#Analysis',
          TerritoryReview: '@trame/graph#TerritoryReview',
          Mactor: '@trame/graph#Analysis',
          MactorOrder: '../graphql/resolvers/analysis.ts#OrderView',
          Coalitions: '@trame/graph#Analysis',
          Tension: '../graphql/resolvers/analysis.ts#TensionView',
          ExternalityReview: '../graphql/resolvers/analysis.ts#ExternalityView',
          EngagementLoadRow: '../graphql/resolvers/analysis.ts#LoadView',
          LoadTimeline: '@trame/graph#TerritoryReview',
          LoadTimelineRow: '../graphql/resolvers/analysis.ts#LoadRowView',
          LoadCell: '../graphql/resolvers/analysis.ts#LoadCellView',
          EcosystemMatch: '../graphql/resolvers/analysis.ts#EcosystemView',
          BrokerScore: '../graphql/resolvers/analysis.ts#BrokerView',
          Divergence: '../graphql/resolvers/analysis.ts#DivergenceView',
          Coalition: '../graphql/resolvers/analysis.ts#CoalitionView',
          ActorImportReport: '@trame/graph#ActorImportReport',
          ImportReport: '@trame/graph#ImportReportView',
          ImportRowResult: '@trame/graph#ImportRowResult',
          ImportRowError: '@trame/graph#ImportRowError',
          Viewer: '@trame/graph#Principal',
          UserAccount: '@trame/graph#User',
          RoleGrant: '@trame/graph#Grant',
          ApiToken: '@trame/graph#ApiTokenInfo',
          WallLink: '@trame/graph#WallLinkInfo',
        },
        scalars: { DateTime: 'Date', Date: 'string', JSON: 'unknown' },
        enumsAsTypes: true,
        avoidOptionals: false,
      },
    },
  },
};
export default config;
