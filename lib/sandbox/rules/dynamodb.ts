/** Amazon DynamoDB global tables (AWS::DynamoDB::GlobalTable, version 2019.11.21). */
import { obj, str } from '../resources/model';
import { records, refuse, rule } from './rule';

const GLOBAL = 'AWS::DynamoDB::GlobalTable';
const REFERENCE = {
  title: 'AWS CloudFormation Template Reference: AWS::DynamoDB::GlobalTable',
  url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-dynamodb-globaltable.html',
};
const regions = (props: Record<string, unknown>) => records(props.Replicas).map((r) => String(r.Region));

// The resource reference, Replicas: "a list of replicas … each in a distinct Region".
export const distinctReplicas = rule({
  id: 'dynamodb.global-table-distinct-replicas',
  types: [GLOBAL],
  says: 'A global table has at most one replica per Region.',
  source: REFERENCE,
  check(ctx) {
    const list = regions(ctx.props);
    const twice = list.find((r, i) => list.indexOf(r) !== i);
    // Wording: the sandbox's (the handler's own text was not found); the code is the one DynamoDB uses.
    if (twice)
      refuse(`Duplicate replica Region: ${twice}. Each replica must be in a distinct Region.`, 'ValidationException');
  },
});

// The resource reference, StreamSpecification: "You must provide a value for this property if your global table
// contains more than one replica."
export const streamForReplicas = rule({
  id: 'dynamodb.global-table-stream',
  types: [GLOBAL],
  says: 'A global table with more than one replica declares a StreamSpecification.',
  source: REFERENCE,
  check(ctx) {
    if (regions(ctx.props).length > 1 && !str(obj(ctx.props, 'StreamSpecification'), 'StreamViewType'))
      refuse('StreamSpecification is required when a global table has more than one replica.', 'ValidationException');
  },
});

// The resource reference, WriteProvisionedThroughputSettings: "This setting must be specified if BillingMode is set to
// PROVISIONED" (and WriteOnDemandThroughputSettings only with PAY_PER_REQUEST).
export const billingMode = rule({
  id: 'dynamodb.global-table-billing-mode',
  types: [GLOBAL],
  says: 'A PROVISIONED global table sets WriteProvisionedThroughputSettings; a PAY_PER_REQUEST one does not.',
  source: REFERENCE,
  check(ctx) {
    const mode = str(ctx.props, 'BillingMode') ?? 'PROVISIONED';
    const write = ctx.props.WriteProvisionedThroughputSettings;
    if (mode === 'PROVISIONED' && !write)
      refuse(
        'WriteProvisionedThroughputSettings must be specified when BillingMode is PROVISIONED.',
        'ValidationException',
      );
    if (mode === 'PAY_PER_REQUEST' && write)
      refuse(
        'WriteProvisionedThroughputSettings cannot be specified when BillingMode is PAY_PER_REQUEST.',
        'ValidationException',
      );
  },
});

export const dynamodbRules = [distinctReplicas, streamForReplicas, billingMode];
