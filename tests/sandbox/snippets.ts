/**
 * Template pieces several sandbox tests deploy: the serverless side's table, the function role and a function whose
 * environment names the table (`extra` adds properties to the function, `env` replaces its variables).
 */
export const tableAndFunction = (o: { env?: string; extra?: string } = {}) => `
  Items:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
      KeySchema: [{ AttributeName: id, KeyType: HASH }]
  FnRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement: [{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }]
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      Role: !GetAtt FnRole.Arn${o.extra ?? ''}
      Environment: { Variables: ${o.env ?? '{ TABLE_NAME: !Ref Items }'} }
      Code: { ZipFile: "exports.handler = async () => ({ statusCode: 200, body: 'ok' })" }`;
