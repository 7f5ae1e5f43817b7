import { defineCheck, type Evidence, fail, noLabYet, pass } from '../define';

export default defineCheck({
  id: 'vpc.s3-gateway-endpoint',
  stage: '05-decouple',
  severity: 'recommended',
  reads: ['s3GatewayEndpoints', 'subnets', 'routeTables'],
  title: {
    en: 'An S3 gateway endpoint serves every private route table of the lab VPC',
    ko: 'S3 게이트웨이 엔드포인트가 실습 VPC의 모든 프라이빗 라우팅 테이블에 연결되어 있다',
  },
  why: {
    en: 'With a gateway endpoint the private tiers reach S3 over AWS’s internal network instead of through the NAT gateway and the internet: no NAT data-processing charge for S3 traffic, and the traffic never leaves the network. Gateway endpoints for S3 cost nothing.',
    ko: '게이트웨이 엔드포인트가 있으면 프라이빗 계층이 NAT 게이트웨이와 인터넷을 거치지 않고 AWS 내부 네트워크로 S3에 닿습니다. S3 트래픽에 NAT 데이터 처리 요금이 붙지 않고 트래픽이 네트워크 밖으로 나가지 않습니다. S3 게이트웨이 엔드포인트는 무료입니다.',
  },
  hint: {
    en: 'Add an AWS::EC2::VPCEndpoint with ServiceName com.amazonaws.<region>.s3, VpcEndpointType Gateway, and RouteTableIds listing every private route table.',
    ko: 'ServiceName이 com.amazonaws.<리전>.s3이고 VpcEndpointType이 Gateway이며 RouteTableIds에 모든 프라이빗 라우팅 테이블을 넣은 AWS::EC2::VPCEndpoint를 추가하세요.',
  },
  step: 's3-endpoint',
  remediation: {
    template:
      // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation's own !Sub syntax.
      "S3Endpoint:\n  Type: AWS::EC2::VPCEndpoint\n  Properties:\n    VpcId: !Ref Vpc\n    ServiceName: !Sub 'com.amazonaws.${AWS::Region}.s3'\n    VpcEndpointType: Gateway\n    RouteTableIds: [!Ref PrivateRouteTable]",
    console: {
      en: 'VPC → Endpoints → Create endpoint → AWS services → com.amazonaws.<region>.s3, type Gateway → the lab VPC → tick the private route tables.',
      ko: 'VPC → 엔드포인트 → 엔드포인트 생성 → AWS 서비스 → com.amazonaws.<리전>.s3, 유형 Gateway → 실습 VPC → 프라이빗 라우팅 테이블 선택.',
    },
    cli: 'aws ec2 create-vpc-endpoint --vpc-id <vpc> --vpc-endpoint-type Gateway --service-name com.amazonaws.<region>.s3 --route-table-ids <private-rtb>',
  },
  async run(inv) {
    if (!(await inv.vpcId())) return noLabYet();
    const { endpoints, privateRouteTables } = await inv.decoupled.s3GatewayEndpoints();
    const served = new Set(endpoints.flatMap((e) => e.RouteTableIds ?? []));
    const privateIds = privateRouteTables.flatMap((t) => t.RouteTableId ?? []);
    const missing = privateIds.filter((id) => !served.has(id));
    const evidence: Evidence[] = endpoints.map((e) => ({
      id: e.VpcEndpointId ?? '?',
      type: 'AWS::EC2::VPCEndpoint',
      values: {
        serviceName: e.ServiceName ?? null,
        type: e.VpcEndpointType ?? null,
        routeTables: (e.RouteTableIds ?? []).join(', ') || null,
        privateRouteTables: privateIds.join(', ') || null,
      },
    }));
    if (!endpoints.length)
      return fail({
        en: `No S3 gateway endpoint in the lab VPC: the private tiers reach S3 through the NAT gateway.`,
        ko: '실습 VPC에 S3 게이트웨이 엔드포인트가 없습니다. 프라이빗 계층이 NAT 게이트웨이를 거쳐 S3에 닿습니다.',
      });
    if (!privateIds.length)
      return fail(
        {
          en: 'The lab VPC has no private subnet yet: the S3 gateway endpoint serves the private route tables.',
          ko: '실습 VPC에 아직 프라이빗 서브넷이 없습니다. S3 게이트웨이 엔드포인트는 프라이빗 라우팅 테이블에 연결합니다.',
        },
        evidence,
      );
    const ids = endpoints.map((e) => e.VpcEndpointId).join(', ');
    return missing.length
      ? fail(
          {
            en: `S3 gateway endpoint ${ids} is not on private route table ${missing.join(', ')}.`,
            ko: `S3 게이트웨이 엔드포인트 ${ids}가 프라이빗 라우팅 테이블 ${missing.join(', ')}에 연결되어 있지 않습니다.`,
          },
          evidence,
        )
      : pass(
          {
            en: `S3 gateway endpoint ${ids} serves private route table ${privateIds.join(', ')}.`,
            ko: `S3 게이트웨이 엔드포인트 ${ids}가 프라이빗 라우팅 테이블 ${privateIds.join(', ')}에 연결되어 있습니다.`,
          },
          evidence,
        );
  },
});
