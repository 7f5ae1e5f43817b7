import { cfnSuffix, generatedName, uuid } from '../ids';
import { bool, fail, type Models, need, obj, str } from './model';

const QUEUE = 'AWS::SQS::Queue';
const TOPIC = 'AWS::SNS::Topic';
const FUNCTION = 'AWS::Lambda::Function';

export const messagingModels: Models = {
  [QUEUE]: {
    seconds: 60,
    make(ctx) {
      const fifo = bool(ctx.props, 'FifoQueue') ?? false;
      let name =
        str(ctx.props, 'QueueName') ??
        (ctx.existing?.attrs.QueueName as string) ??
        generatedName(ctx.stackName, ctx.logicalId, fifo ? 75 : 80);
      if (fifo && !name.endsWith('.fifo')) {
        if (str(ctx.props, 'QueueName'))
          fail(
            'The name of a FIFO queue can only include alphanumeric characters, hyphens, or underscores, must end with .fifo suffix.',
            'InvalidParameterValue',
          );
        name = `${name}.fifo`;
      }
      const redrive = ctx.props.RedrivePolicy;
      const policy =
        typeof redrive === 'string'
          ? (JSON.parse(redrive) as Record<string, unknown>)
          : (redrive as Record<string, unknown> | undefined);
      if (policy) {
        const target = ctx.world.all(QUEUE).find((q) => q.attrs.Arn === policy.deadLetterTargetArn);
        if (!target)
          fail(
            `Value ${JSON.stringify(policy)} for parameter RedrivePolicy is invalid. Reason: Dead letter target does not exist.`,
            'InvalidParameterValue',
          );
      }
      const url = `https://sqs.${ctx.region}.amazonaws.com/${ctx.accountId}/${name}`;
      return {
        physicalId: url,
        attrs: { Arn: `arn:aws:sqs:${ctx.region}:${ctx.accountId}:${name}`, QueueName: name, QueueUrl: url },
      };
    },
  },

  'AWS::SQS::QueuePolicy': {
    seconds: 2,
    make(ctx) {
      return { physicalId: ctx.existing?.physicalId ?? `${ctx.stackName}-${ctx.logicalId}-${cfnSuffix(12)}` };
    },
  },

  [TOPIC]: {
    seconds: 5,
    make(ctx) {
      const name =
        str(ctx.props, 'TopicName') ??
        (ctx.existing?.attrs.TopicName as string) ??
        generatedName(ctx.stackName, ctx.logicalId, 256);
      const arn = `arn:aws:sns:${ctx.region}:${ctx.accountId}:${name}`;
      return { physicalId: arn, attrs: { TopicArn: arn, TopicName: name } };
    },
  },

  'AWS::SNS::Subscription': {
    seconds: 3,
    make(ctx) {
      const topic = need(ctx, TOPIC, ctx.props.TopicArn, (arn) => [`Topic does not exist: ${arn}`, 'NotFound']);
      const protocol = str(ctx.props, 'Protocol') ?? fail('Protocol is required.', 'InvalidParameter');
      if (
        !['http', 'https', 'email', 'email-json', 'sms', 'sqs', 'application', 'lambda', 'firehose'].includes(protocol)
      )
        fail(`Invalid parameter: Protocol ${protocol}`, 'InvalidParameter');
      if (protocol === 'sqs' && !ctx.world.all(QUEUE).some((q) => q.attrs.Arn === ctx.props.Endpoint))
        fail(`Invalid parameter: SQS endpoint ARN ${String(ctx.props.Endpoint)}`, 'InvalidParameter');
      const arn = ctx.existing?.physicalId ?? `${topic.physicalId}:${uuid()}`;
      return { physicalId: arn, attrs: { Arn: arn } };
    },
  },

  [FUNCTION]: {
    seconds: 10,
    make(ctx) {
      const name =
        str(ctx.props, 'FunctionName') ?? ctx.existing?.physicalId ?? generatedName(ctx.stackName, ctx.logicalId, 64);
      const role = str(ctx.props, 'Role') ?? fail('Role is required.', 'InvalidParameterValueException');
      if (!ctx.world.all('AWS::IAM::Role', true).some((r) => r.attrs.Arn === role))
        fail('The role defined for the function cannot be assumed by Lambda.', 'InvalidParameterValueException');
      const packageType = str(ctx.props, 'PackageType') ?? 'Zip';
      if (packageType === 'Zip' && !str(ctx.props, 'Runtime'))
        fail('Runtime is required for a Zip package.', 'InvalidParameterValueException');
      if (!Object.keys(obj(ctx.props, 'Code')).length) fail('Code is required.', 'InvalidParameterValueException');
      return { physicalId: name, attrs: { Arn: `arn:aws:lambda:${ctx.region}:${ctx.accountId}:function:${name}` } };
    },
  },

  'AWS::Lambda::Permission': {
    seconds: 2,
    make(ctx) {
      const fn = String(ctx.props.FunctionName ?? '');
      if (
        !ctx.world
          .all(FUNCTION)
          .some((f) => f.physicalId === fn || f.attrs.Arn === fn || fn.endsWith(`:function:${f.physicalId}`))
      )
        fail(`Function not found: ${fn}`, 'ResourceNotFoundException');
      return { physicalId: ctx.existing?.physicalId ?? `${ctx.stackName}-${ctx.logicalId}-${cfnSuffix(12)}` };
    },
  },

  'AWS::ApiGatewayV2::Api': {
    seconds: 3,
    make(ctx) {
      if (!str(ctx.props, 'Name') && !ctx.props.Body) fail('Name is required.', 'BadRequestException');
      const protocol = str(ctx.props, 'ProtocolType') ?? 'HTTP';
      if (!['HTTP', 'WEBSOCKET'].includes(protocol)) fail(`Invalid ProtocolType: ${protocol}`, 'BadRequestException');
      const id = ctx.existing?.physicalId ?? cfnSuffix(10).toLowerCase();
      const scheme = protocol === 'HTTP' ? 'https' : 'wss';
      return {
        physicalId: id,
        attrs: { ApiId: id, ApiEndpoint: `${scheme}://${id}.execute-api.${ctx.region}.amazonaws.com` },
      };
    },
  },
};

/** API Gateway's sub-resources: each needs its API and gets a short id. */
for (const [type, prefix] of [
  ['AWS::ApiGatewayV2::Integration', 'IntegrationId'],
  ['AWS::ApiGatewayV2::Route', 'RouteId'],
  ['AWS::ApiGatewayV2::Stage', 'StageName'],
] as const) {
  messagingModels[type] = {
    seconds: 2,
    make(ctx) {
      const api = need(ctx, 'AWS::ApiGatewayV2::Api', ctx.props.ApiId, (id) => [
        `Invalid API identifier specified ${ctx.accountId}:${id}`,
        'NotFoundException',
      ]);
      if (prefix === 'StageName') {
        // Ref is the stage name; every API may have a `$default` stage, so the record is keyed by API too.
        const stage = str(ctx.props, 'StageName') ?? '$default';
        return { physicalId: `${api.physicalId}/${stage}`, ref: stage, attrs: { [prefix]: stage } };
      }
      const id = ctx.existing?.physicalId ?? cfnSuffix(7).toLowerCase();
      return { physicalId: id, attrs: { [prefix]: id } };
    },
  };
}
