import { cfnSuffix, generatedName, stableHex, uuid } from '../ids';
import { fail, type Models, need, num, obj, str } from './model';

/** CloudWatch, Route 53, CloudTrail, GuardDuty and Systems Manager: running and watching the lab. */
export const operationsModels: Models = {
  'AWS::CloudWatch::Alarm': {
    seconds: 2,
    make(ctx) {
      const { props } = ctx;
      const name =
        str(props, 'AlarmName') ?? ctx.existing?.physicalId ?? generatedName(ctx.stackName, ctx.logicalId, 255);
      if (!props.Metrics && !(props.MetricName && props.Namespace))
        fail('MetricName and Namespace (or Metrics) are required.', 'ValidationError');
      if (!str(props, 'ComparisonOperator')) fail('ComparisonOperator is required.', 'ValidationError');
      if (num(props, 'EvaluationPeriods') === undefined) fail('EvaluationPeriods is required.', 'ValidationError');
      return { physicalId: name, attrs: { Arn: `arn:aws:cloudwatch:${ctx.region}:${ctx.accountId}:alarm:${name}` } };
    },
  },

  'AWS::CloudWatch::Dashboard': {
    seconds: 2,
    make(ctx) {
      const body = str(ctx.props, 'DashboardBody') ?? fail('DashboardBody is required.', 'InvalidParameterInput');
      try {
        JSON.parse(body);
      } catch {
        fail('The field DashboardBody must be a valid JSON object', 'InvalidParameterInput');
      }
      const name =
        str(ctx.props, 'DashboardName') ?? ctx.existing?.physicalId ?? generatedName(ctx.stackName, ctx.logicalId, 255);
      return { physicalId: name, attrs: { Arn: `arn:aws:cloudwatch::${ctx.accountId}:dashboard/${name}` } };
    },
  },

  'AWS::Route53::HostedZone': {
    seconds: 40,
    make(ctx) {
      const name = str(ctx.props, 'Name') ?? fail('Name is required.', 'InvalidInput');
      if (!/^([a-z0-9-]+\.)+[a-z]{2,}\.?$/i.test(name))
        fail(`${name} is not a valid domain name.`, 'InvalidDomainName');
      const id = ctx.existing?.physicalId ?? `Z${cfnSuffix(20)}`;
      const n = Number.parseInt(stableHex(id, 4), 16);
      const servers = [
        `ns-${n % 2048}.awsdns-${n % 64}.org`,
        `ns-${(n + 1) % 2048}.awsdns-${(n + 7) % 64}.co.uk`,
        `ns-${(n + 3) % 1024}.awsdns-${(n + 9) % 64}.com`,
        `ns-${(n + 5) % 512}.awsdns-${(n + 11) % 64}.net`,
      ];
      return { physicalId: id, attrs: { Id: id, NameServers: servers, Name: name.endsWith('.') ? name : `${name}.` } };
    },
  },

  'AWS::Route53::RecordSet': {
    seconds: 30,
    make(ctx) {
      const { props, world } = ctx;
      const zone = props.HostedZoneId
        ? need(ctx, 'AWS::Route53::HostedZone', String(props.HostedZoneId).replace('/hostedzone/', ''), (z) => [
            `No hosted zone found with ID: ${z}`,
            'NoSuchHostedZone',
          ])
        : (world
            .all('AWS::Route53::HostedZone', true)
            .find(
              (z) =>
                z.attrs.Name ===
                (String(props.HostedZoneName).endsWith('.')
                  ? props.HostedZoneName
                  : `${String(props.HostedZoneName)}.`),
            ) ?? fail(`No hosted zone found with name: ${String(props.HostedZoneName)}`, 'NoSuchHostedZone'));
      const name = str(props, 'Name') ?? fail('Name is required.', 'InvalidInput');
      const fqdn = name.endsWith('.') ? name : `${name}.`;
      if (!fqdn.endsWith(String(zone.attrs.Name)))
        fail(`RRSet with DNS name ${fqdn} is not permitted in zone ${String(zone.attrs.Name)}`, 'InvalidChangeBatch');
      if (!props.AliasTarget && !(props.ResourceRecords as unknown[] | undefined)?.length)
        fail('Either AliasTarget or ResourceRecords must be specified.', 'InvalidInput');
      if (props.HealthCheckId)
        need(ctx, 'AWS::Route53::HealthCheck', props.HealthCheckId, (h) => [
          `A health check with id ${h} does not exist.`,
          'NoSuchHealthCheck',
        ]);
      if (props.Failover && !props.SetIdentifier)
        fail('SetIdentifier is required for failover records.', 'InvalidInput');
      // A record is its name, type and set identifier: a failover or weighted pair shares the name.
      const type = str(props, 'Type') ?? fail('Type is required.', 'InvalidInput');
      const setId = str(props, 'SetIdentifier');
      const same = world
        .all('AWS::Route53::RecordSet', true)
        .find(
          (r) =>
            r !== ctx.existing &&
            r.attrs.HostedZoneId === zone.physicalId &&
            r.attrs.Fqdn === fqdn &&
            r.props.Type === type &&
            str(r.props, 'SetIdentifier') === setId,
        );
      if (same)
        fail(
          `Tried to create resource record set [name='${fqdn}', type='${type}'${setId ? `, set-identifier='${setId}'` : ''}] but it already exists`,
          'InvalidChangeBatch',
        );
      const physicalId = setId ? `${fqdn}|${type}|${setId}` : type === 'A' ? fqdn : `${fqdn}|${type}`;
      return {
        physicalId: ctx.existing?.physicalId ?? physicalId,
        ref: name,
        attrs: { HostedZoneId: zone.physicalId, Fqdn: fqdn },
      };
    },
  },

  'AWS::Route53::HealthCheck': {
    seconds: 5,
    make(ctx) {
      const config = obj(ctx.props, 'HealthCheckConfig');
      const type = str(config, 'Type') ?? fail('HealthCheckConfig.Type is required.', 'InvalidInput');
      if (
        ['HTTP', 'HTTPS', 'HTTP_STR_MATCH', 'HTTPS_STR_MATCH', 'TCP'].includes(type) &&
        !config.IPAddress &&
        !config.FullyQualifiedDomainName
      )
        fail('Either IPAddress or FullyQualifiedDomainName must be specified.', 'InvalidInput');
      const id = ctx.existing?.physicalId ?? uuid();
      return { physicalId: id, attrs: { HealthCheckId: id } };
    },
  },

  'AWS::CloudTrail::Trail': {
    seconds: 5,
    make(ctx) {
      const bucket =
        str(ctx.props, 'S3BucketName') ?? fail('S3BucketName is required.', 'InvalidS3BucketNameException');
      need(ctx, 'AWS::S3::Bucket', bucket, (b) => [`S3 bucket ${b} does not exist.`, 'S3BucketDoesNotExistException']);
      if (ctx.props.IsLogging === undefined) fail('IsLogging is required.', 'InvalidParameterException');
      const name =
        str(ctx.props, 'TrailName') ?? ctx.existing?.physicalId ?? generatedName(ctx.stackName, ctx.logicalId, 128);
      return {
        physicalId: name,
        attrs: {
          Arn: `arn:aws:cloudtrail:${ctx.region}:${ctx.accountId}:trail/${name}`,
          SnsTopicArn: str(ctx.props, 'SnsTopicName'),
        },
      };
    },
  },

  'AWS::GuardDuty::Detector': {
    seconds: 3,
    make(ctx) {
      const other = ctx.world.all('AWS::GuardDuty::Detector').find((d) => d !== ctx.existing);
      if (other && !ctx.existing)
        fail(
          'The request is rejected because a detector already exists for the current account.',
          'BadRequestException',
        );
      if (ctx.props.Enable === undefined) fail('Enable is required.', 'BadRequestException');
      const id = ctx.existing?.physicalId ?? stableHex(uuid(), 32);
      return { physicalId: id, attrs: { Id: id } };
    },
  },

  'AWS::SSM::Parameter': {
    seconds: 2,
    make(ctx) {
      const type = str(ctx.props, 'Type') ?? fail('Type is required.', 'ValidationException');
      if (!['String', 'StringList'].includes(type))
        fail(`Type ${type} is not supported by CloudFormation (use String or StringList).`, 'ValidationException');
      const value = str(ctx.props, 'Value') ?? fail('Value is required.', 'ValidationException');
      const name = str(ctx.props, 'Name') ?? ctx.existing?.physicalId ?? `CFN-${ctx.logicalId}-${cfnSuffix(12)}`;
      if (
        ctx.world.all('AWS::SSM::Parameter').some((p) => p.physicalId === name && p !== ctx.existing) &&
        !ctx.existing
      )
        fail(
          `The parameter already exists. To overwrite this value, set the overwrite option in the request to true.`,
          'ParameterAlreadyExists',
        );
      return { physicalId: name, attrs: { Type: type, Value: value } };
    },
  },
};
