import { type Api, GetApisCommand, GetIntegrationsCommand, type Integration } from '@aws-sdk/client-apigatewayv2';
import { DescribeTableCommand, type TableDescription } from '@aws-sdk/client-dynamodb';
import { type FunctionConfiguration, GetFunctionCommand, paginateListFunctions } from '@aws-sdk/client-lambda';
import type { AwsClients } from '@/lib/aws/clients';
import { loadTableNames } from './dynamodb';
import { collect, type Memo } from './memo';

/** API Gateway v2 has no SDK paginators: follow NextToken by hand. */
async function allPages<T>(load: (token?: string) => Promise<{ Items?: T[]; NextToken?: string }>): Promise<T[]> {
  const out: T[] = [];
  let token: string | undefined;
  do {
    const page = await load(token);
    out.push(...(page.Items ?? []));
    token = page.NextToken;
  } while (token);
  return out;
}

/** Every HTTP/WebSocket API of the region (GetApis), once per run. */
export function loadApis(clients: AwsClients, memo: Memo): Promise<Api[]> {
  return memo.get('apigatewayv2.apis', () =>
    allPages((NextToken) => clients.apigatewayv2.send(new GetApisCommand({ NextToken }))),
  );
}

export function loadIntegrations(clients: AwsClients, memo: Memo, apiId: string): Promise<Integration[]> {
  return memo.get(`apigatewayv2.integrations:${apiId}`, () =>
    allPages((NextToken) => clients.apigatewayv2.send(new GetIntegrationsCommand({ ApiId: apiId, NextToken }))),
  );
}

/** A function's configuration (GetFunction), undefined when it does not exist. */
export function loadFunction(
  clients: AwsClients,
  memo: Memo,
  name: string,
): Promise<FunctionConfiguration | undefined> {
  return memo.get(`lambda.function:${name}`, async () => {
    try {
      return (await clients.lambda.send(new GetFunctionCommand({ FunctionName: name }))).Configuration;
    } catch (err) {
      if ((err as Error).name === 'ResourceNotFoundException') return undefined;
      throw err;
    }
  });
}

/** Every function of the region with its configuration, environment included (ListFunctions), once per run. */
export function loadFunctions(clients: AwsClients, memo: Memo): Promise<FunctionConfiguration[]> {
  return memo.get('lambda.functions', () =>
    collect(paginateListFunctions({ client: clients.lambda }, {}), (p) => p.Functions),
  );
}

/**
 * The configuration of the function an integration invokes: from the region's list, asked at the run's start, so it
 * is there when the integration is known; GetFunction only for what the list does not hold (a version or alias,
 * another account's function, one that does not exist).
 */
export async function integratedConfiguration(
  clients: AwsClients,
  memo: Memo,
  arn: string,
): Promise<FunctionConfiguration | undefined> {
  return (await loadFunctions(clients, memo)).find((f) => f.FunctionArn === arn) ?? loadFunction(clients, memo, arn);
}

/**
 * Which of these names are tables of the region: the region's table list (ListTables, asked at the run's start), not
 * one DescribeTable per name after the function is known.
 */
export async function existingTables(clients: AwsClients, memo: Memo, names: string[]): Promise<string[]> {
  const all = new Set(await loadTableNames(clients, memo));
  return names.filter((n) => all.has(n));
}

/** A table's description (DescribeTable), undefined when it does not exist. */
export function loadTable(clients: AwsClients, memo: Memo, name: string): Promise<TableDescription | undefined> {
  return memo.get(`dynamodb.table:${clients.region}:${name}`, async () => {
    try {
      return (await clients.dynamodb.send(new DescribeTableCommand({ TableName: name }))).Table;
    } catch (err) {
      if ((err as Error).name === 'ResourceNotFoundException') return undefined;
      throw err;
    }
  });
}

/**
 * The function an integration invokes. An HTTP API's Lambda proxy integration names the function ARN as its
 * IntegrationUri; a REST-style one wraps it: `arn:aws:apigateway:<region>:lambda:path/2015-03-31/functions/<arn>/invocations`.
 */
export function integratedFunction(integration: Integration): string | undefined {
  if (integration.IntegrationType !== 'AWS_PROXY') return undefined;
  const uri = integration.IntegrationUri ?? '';
  const wrapped = /functions\/(arn:[^/]+)\/invocations/.exec(uri);
  const arn = wrapped?.[1] ?? uri;
  return /^arn:[^:]+:lambda:/.test(arn) ? arn : undefined;
}

/**
 * The values of a function's environment variables that may name its table: those whose key says TABLE (the lab's
 * `TABLE_NAME`), else every value shaped like a table name or table ARN.
 */
export function environmentValues(fn: FunctionConfiguration): string[] {
  const entries = Object.entries(fn.Environment?.Variables ?? {}).filter(([, v]) =>
    /^([A-Za-z0-9_.-]{3,255}|arn:[^:]+:dynamodb:[^:]*:\d*:table\/[A-Za-z0-9_.-]+)$/.test(v),
  );
  const named = entries.filter(([k]) => /table/i.test(k));
  return (named.length ? named : entries).map(([, v]) => v);
}
