/**
 * API Gateway v2 (HTTP and WebSocket APIs): APIs, their integrations, routes and stages, shaped like the SDK's `Api`,
 * `Integration`, `Route` and `Stage` (API Gateway V2 API Reference › Apis, Integrations, Routes, Stages). An API made
 * with quick create (`Target`) also has the integration, `$default` route and auto-deployed `$default` stage API
 * Gateway makes for it, marked ApiGatewayManaged (API Gateway Developer Guide › Create an HTTP API › quick create).
 */
import type { Api, Integration, Route, Stage } from '@aws-sdk/client-apigatewayv2';
import type { CallContext, Handlers } from '../context';
import { awsError } from '../errors';
import { stableHex } from '../ids';
import { page } from '../pagination';
import type { ResourceRecord } from '../state';
import { inRegion } from './common';

const API = 'AWS::ApiGatewayV2::Api';

// biome-ignore lint/suspicious/noTemplateCurlyInString: API Gateway's own selection-expression syntax.
const ROUTE_SELECTION = '${request.method} ${request.path}';

const map = (v: unknown): Record<string, string> | undefined =>
  v && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, String(x)]))
    : undefined;

const isLambdaArn = (uri: string) => /^arn:[^:]+:lambda:/.test(uri) || /:lambda:path\//.test(uri);

/** One page of an API Gateway v2 list: `Items`, with MaxResults (a string on the wire) and NextToken. */
function items<T>(ctx: CallContext, all: T[]) {
  const p = page(all, ctx.input, { sizeKey: 'MaxResults', tokenKey: 'NextToken', maxSize: 500 });
  return { Items: p.items, ...p.token };
}

function apiOf(ctx: CallContext): ResourceRecord {
  const id = String(ctx.input.ApiId ?? '');
  const api = inRegion(ctx, API).find((a) => a.physicalId === id);
  if (!api) throw awsError('NotFoundException', `Invalid API identifier specified ${ctx.state.accountId}:${id}`, 404);
  return api;
}

function apiShape(a: ResourceRecord): Api {
  const protocol = String(a.props.ProtocolType ?? 'HTTP') as Api['ProtocolType'];
  return {
    ApiId: a.physicalId,
    Name: String(a.props.Name),
    ProtocolType: protocol,
    ApiEndpoint: String(a.attrs.ApiEndpoint),
    RouteSelectionExpression: String(a.props.RouteSelectionExpression ?? ROUTE_SELECTION),
    ApiKeySelectionExpression: String(a.props.ApiKeySelectionExpression ?? '$request.header.x-api-key'),
    Description: a.props.Description as string | undefined,
    DisableExecuteApiEndpoint:
      a.props.DisableExecuteApiEndpoint === true || a.props.DisableExecuteApiEndpoint === 'true',
    CorsConfiguration: a.props.CorsConfiguration as Api['CorsConfiguration'],
    IpAddressType: String(a.props.IpAddressType ?? 'ipv4') as Api['IpAddressType'],
    CreatedDate: new Date(a.createdAt),
    Tags: map(a.props.Tags) ?? {},
  };
}

/** What quick create made for an API with a `Target`: one integration, the `$default` route, the `$default` stage. */
function quickCreated(a: ResourceRecord): { integration: Integration; route: Route; stage: Stage } | undefined {
  const target = a.props.Target === undefined ? undefined : String(a.props.Target);
  if (!target) return undefined;
  const lambda = isLambdaArn(target);
  const integrationId = stableHex(`${a.physicalId}:integration`, 7);
  return {
    integration: {
      ApiGatewayManaged: true,
      IntegrationId: integrationId,
      IntegrationType: lambda ? 'AWS_PROXY' : 'HTTP_PROXY',
      IntegrationUri: target,
      IntegrationMethod: lambda ? 'POST' : 'ANY',
      ConnectionType: 'INTERNET',
      PayloadFormatVersion: lambda ? '2.0' : '1.0',
      TimeoutInMillis: 30000,
      CredentialsArn: a.props.CredentialsArn as string | undefined,
    },
    route: {
      ApiGatewayManaged: true,
      ApiKeyRequired: false,
      AuthorizationType: 'NONE',
      RouteId: stableHex(`${a.physicalId}:route`, 7),
      RouteKey: String(a.props.RouteKey ?? '$default'),
      Target: `integrations/${integrationId}`,
    },
    stage: {
      ApiGatewayManaged: true,
      AutoDeploy: true,
      CreatedDate: new Date(a.createdAt),
      LastUpdatedDate: new Date(a.createdAt),
      DefaultRouteSettings: { DetailedMetricsEnabled: false },
      RouteSettings: {},
      StageName: '$default',
      StageVariables: {},
      Tags: {},
    },
  };
}

/** The records of a sub-resource type (integration, route, stage) that belong to this API. */
const childrenOf = (ctx: CallContext, type: string, api: ResourceRecord) =>
  inRegion(ctx, type).filter((r) => r.props.ApiId === api.physicalId);

function integrationShape(r: ResourceRecord, protocol: string): Integration {
  const p = r.props;
  const type = String(p.IntegrationType) as Integration['IntegrationType'];
  const uri = p.IntegrationUri === undefined ? undefined : String(p.IntegrationUri);
  return {
    ApiGatewayManaged: false,
    IntegrationId: r.physicalId,
    IntegrationType: type,
    IntegrationUri: uri,
    IntegrationMethod: (p.IntegrationMethod as string | undefined) ?? (type === 'AWS_PROXY' ? 'POST' : undefined),
    IntegrationSubtype: p.IntegrationSubtype as string | undefined,
    ConnectionType: String(p.ConnectionType ?? 'INTERNET') as Integration['ConnectionType'],
    ConnectionId: p.ConnectionId as string | undefined,
    CredentialsArn: p.CredentialsArn as string | undefined,
    Description: p.Description as string | undefined,
    PayloadFormatVersion: String(p.PayloadFormatVersion ?? '1.0'),
    RequestParameters: map(p.RequestParameters),
    // HTTP APIs time out at 30 s by default; WebSocket APIs at 29 s.
    TimeoutInMillis: Number(p.TimeoutInMillis ?? (protocol === 'HTTP' ? 30000 : 29000)),
    PassthroughBehavior: protocol === 'WEBSOCKET' ? 'WHEN_NO_MATCH' : undefined,
  };
}

function routeShape(r: ResourceRecord): Route {
  const p = r.props;
  return {
    ApiGatewayManaged: false,
    ApiKeyRequired: p.ApiKeyRequired === true || p.ApiKeyRequired === 'true',
    AuthorizationScopes: p.AuthorizationScopes as string[] | undefined,
    AuthorizationType: String(p.AuthorizationType ?? 'NONE') as Route['AuthorizationType'],
    AuthorizerId: p.AuthorizerId as string | undefined,
    OperationName: p.OperationName as string | undefined,
    RouteId: r.physicalId,
    RouteKey: String(p.RouteKey),
    Target: p.Target as string | undefined,
  };
}

function stageShape(r: ResourceRecord): Stage {
  const p = r.props;
  return {
    ApiGatewayManaged: false,
    AutoDeploy: p.AutoDeploy === true || p.AutoDeploy === 'true',
    AccessLogSettings: p.AccessLogSettings as Stage['AccessLogSettings'],
    CreatedDate: new Date(r.createdAt),
    LastUpdatedDate: new Date(r.createdAt),
    DefaultRouteSettings: (p.DefaultRouteSettings as Stage['DefaultRouteSettings']) ?? {
      DetailedMetricsEnabled: false,
    },
    DeploymentId: p.DeploymentId as string | undefined,
    Description: p.Description as string | undefined,
    RouteSettings: (p.RouteSettings as Stage['RouteSettings']) ?? {},
    StageName: String(r.attrs.StageName),
    StageVariables: map(p.StageVariables) ?? {},
    Tags: map(p.Tags) ?? {},
  };
}

export const apiGatewayHandlers: Handlers = {
  'ApiGatewayV2.GetApis': (ctx) => items(ctx, inRegion(ctx, API).map(apiShape)),
  'ApiGatewayV2.GetApi': (ctx) => apiShape(apiOf(ctx)),
  'ApiGatewayV2.GetIntegrations': (ctx) => {
    const api = apiOf(ctx);
    const protocol = String(api.props.ProtocolType ?? 'HTTP');
    const own = childrenOf(ctx, 'AWS::ApiGatewayV2::Integration', api).map((r) => integrationShape(r, protocol));
    const quick = quickCreated(api);
    return items(ctx, quick ? [quick.integration, ...own] : own);
  },
  'ApiGatewayV2.GetRoutes': (ctx) => {
    const api = apiOf(ctx);
    const own = childrenOf(ctx, 'AWS::ApiGatewayV2::Route', api).map(routeShape);
    const quick = quickCreated(api);
    return items(ctx, quick ? [quick.route, ...own] : own);
  },
  'ApiGatewayV2.GetStages': (ctx) => {
    const api = apiOf(ctx);
    const own = childrenOf(ctx, 'AWS::ApiGatewayV2::Stage', api).map(stageShape);
    const quick = quickCreated(api);
    return items(ctx, quick ? [quick.stage, ...own] : own);
  },
};
