/** Amazon API Gateway HTTP APIs: what an integration to a Lambda function needs. */
import { str } from '../resources/model';
import { refuse, rule } from './rule';

// API Gateway Developer Guide › Create AWS Lambda proxy integrations for HTTP APIs: an HTTP API's Lambda integration
// is of type AWS_PROXY with payload format version 1.0 or 2.0 (HTTP APIs have no AWS or HTTP non-proxy integrations).
export const httpApiLambdaIntegration = rule({
  id: 'apigateway.http-api-lambda-integration',
  types: ['AWS::ApiGatewayV2::Integration'],
  says: "An HTTP API's integration is AWS_PROXY (Lambda, payload format 1.0 or 2.0) or HTTP_PROXY.",
  source: {
    title: 'Amazon API Gateway Developer Guide: Create AWS Lambda proxy integrations for HTTP APIs',
    url: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html',
  },
  check(ctx) {
    const api = ctx.world.find('AWS::ApiGatewayV2::Api', ctx.props.ApiId);
    if (!api || (str(api.props, 'ProtocolType') ?? 'HTTP') !== 'HTTP') return;
    const type = str(ctx.props, 'IntegrationType') ?? '';
    // Wording: API Gateway's BadRequestException style; its exact sentences for these cases were not found.
    if (type !== 'AWS_PROXY' && type !== 'HTTP_PROXY')
      refuse(
        `Integration type ${type} is not supported for HTTP APIs; use AWS_PROXY or HTTP_PROXY.`,
        'BadRequestException',
      );
    const version = str(ctx.props, 'PayloadFormatVersion');
    if (type === 'AWS_PROXY' && version !== '1.0' && version !== '2.0')
      refuse(
        'PayloadFormatVersion is required for AWS_PROXY integrations and must be 1.0 or 2.0.',
        'BadRequestException',
      );
    const uri = str(ctx.props, 'IntegrationUri') ?? '';
    if (type === 'AWS_PROXY' && !/^arn:aws:(lambda|apigateway):/.test(uri))
      refuse(`Invalid integration URI specified: ${uri}`, 'BadRequestException');
  },
});

export const apigatewayRules = [httpApiLambdaIntegration];
