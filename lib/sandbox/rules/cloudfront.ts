/** Amazon CloudFront: an account's origin access controls have distinct names (CloudFront is global). */
import { obj, str } from '../resources/model';
import { isSelf, refuse, rule } from './rule';

const OAC = 'AWS::CloudFront::OriginAccessControl';

// CloudFront API Reference › CreateOriginAccessControl › Errors: OriginAccessControlAlreadyExists (HTTP 409), "An
// origin access control with the same name already exists." Names are per account, in every Region the stack runs.
export const oacNameUnique = rule({
  id: 'cloudfront.oac-name-unique',
  types: [OAC],
  says: 'An origin access control name is unique in the account (across Regions: CloudFront is global).',
  source: {
    title: 'Amazon CloudFront API Reference: CreateOriginAccessControl › Errors',
    url: 'https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CreateOriginAccessControl.html',
  },
  check(ctx) {
    const name = str(obj(ctx.props, 'OriginAccessControlConfig'), 'Name');
    if (!name) return;
    const taken = ctx.world
      .all(OAC, true)
      .some((o) => !isSelf(ctx, o) && str(obj(o.props, 'OriginAccessControlConfig'), 'Name') === name);
    if (taken)
      refuse('An origin access control with the same name already exists.', 'OriginAccessControlAlreadyExists', {
        status: 409,
      });
  },
});

export const cloudfrontRules = [oacNameUnique];
