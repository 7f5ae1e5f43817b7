/** Amazon CloudWatch: dashboards are global to the account. */
import { str } from '../resources/model';
import { isSelf, refuse, rule } from './rule';

const DASHBOARD = 'AWS::CloudWatch::Dashboard';

// CloudWatch User Guide › Using Amazon CloudWatch dashboards: dashboards are global (one dashboard can show metrics
// of every Region; its ARN, arn:aws:cloudwatch::<account>:dashboard/<name>, names no Region), so a name is unique in
// the account across Regions. PutDashboard would overwrite; the CloudFormation handler refuses an existing name with
// the registry's "already exists" error instead.
export const dashboardNameUnique = rule({
  id: 'cloudwatch.dashboard-name-global',
  types: [DASHBOARD],
  says: 'A dashboard name is unique in the account, across all Regions.',
  source: {
    title: 'Amazon CloudWatch User Guide: Using Amazon CloudWatch dashboards',
    url: 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Dashboards.html',
  },
  check(ctx) {
    const name = str(ctx.props, 'DashboardName');
    if (!name || ctx.existing?.physicalId === name) return;
    if (ctx.world.all(DASHBOARD, true).some((d) => d.physicalId === name && !isSelf(ctx, d)))
      refuse(`Resource of type '${DASHBOARD}' with identifier '${name}' already exists.`, 'AlreadyExists', {
        wording: 'handler',
      });
  },
});

export const cloudwatchRules = [dashboardNameUnique];
