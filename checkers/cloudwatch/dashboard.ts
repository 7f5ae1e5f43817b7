import { defineCheck, fail, noLabYet, pass } from '../define';

export default defineCheck({
  id: 'cloudwatch.dashboard',
  stage: '04-cache-automate-secure',
  severity: 'recommended',
  reads: ['labDashboards'],
  title: {
    en: 'A CloudWatch dashboard exists for the lab',
    ko: '실습용 CloudWatch 대시보드가 있다',
  },
  why: {
    en: 'Collect, monitor, act, analyze: alarms act on one metric, a dashboard shows the whole service at a glance (fleet CPU and size, ALB requests and errors, database and cache load), so the on-call engineer sees where a problem is before opening a shell.',
    ko: '수집, 모니터링, 대응, 분석. 경보는 지표 하나에 반응하고, 대시보드는 서비스 전체(인스턴스 그룹의 CPU와 대수, ALB 요청과 오류, 데이터베이스와 캐시 부하)를 한눈에 보여 주므로 당직 엔지니어가 셸을 열기 전에 문제가 어디인지 봅니다.',
  },
  hint: {
    en: 'Add an AWS::CloudWatch::Dashboard whose DashboardName starts with the stack name, e.g. <stack name>-fleet (!Sub with AWS::StackName).',
    ko: 'DashboardName이 스택 이름으로 시작하는 AWS::CloudWatch::Dashboard를 추가하세요. 예: <스택 이름>-fleet (AWS::StackName으로 !Sub).',
  },
  step: 'dashboard',
  remediation: {
    template:
      // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation !Sub syntax, not a JS template.
      "FleetDashboard:\n  Type: AWS::CloudWatch::Dashboard\n  Properties:\n    DashboardName: !Sub '${AWS::StackName}-fleet'\n    DashboardBody: !Sub '{\"widgets\":[...]}'",
    console: {
      en: 'CloudWatch → Dashboards → Create dashboard → name it <stack name>-fleet → add line widgets for the ASG’s CPUUtilization, the ALB’s RequestCount and 5XX, RDS and ElastiCache CPU.',
      ko: 'CloudWatch → 대시보드 → 대시보드 생성 → 이름을 <스택 이름>-fleet으로 → ASG의 CPUUtilization, ALB의 RequestCount와 5XX, RDS와 ElastiCache CPU 선 그래프 위젯 추가.',
    },
    cli: 'aws cloudwatch put-dashboard --dashboard-name <stack>-fleet --dashboard-body file://dashboard.json',
  },
  async run(inv) {
    if (!(await inv.vpcId())) return noLabYet();
    const names = await inv.labDashboards();
    const evidence = names.map((name) => ({ id: name, type: 'AWS::CloudWatch::Dashboard', values: { name } }));
    return names.length > 0
      ? pass(
          {
            en: `CloudWatch dashboard ${names.join(', ')} shows the lab.`,
            ko: `CloudWatch 대시보드 ${names.join(', ')}가 실습 환경을 보여 줍니다.`,
          },
          evidence,
        )
      : fail({
          en: `No CloudWatch dashboard whose name starts with ${inv.scope.stackName}.`,
          ko: `이름이 ${inv.scope.stackName}로 시작하는 CloudWatch 대시보드가 없습니다.`,
        });
  },
});
