/**
 * The template diagnostics (lib/cfn: the YAML reader, the CloudFormation rules, the lab rules), in both languages. A
 * rule reports a key and its parameters; the CLI prints the English, the editor the page's language. English keeps
 * CloudFormation's own words (Resources, Properties, Ref, GetAtt, logical id); Korean keeps the template's keywords
 * as they are written and follows the Korean CloudFormation guide (리소스, 속성, 파라미터, 출력, 매핑, 조건, 논리적 ID).
 * `{hint}` is an optional second sentence ("Did you mean …?"), empty when there is none.
 */
export const diagnosticsEn = {
  // Parts other messages are made of.
  'hint.didYouMean': " Did you mean '{name}'?",
  'hint.attributesAre': ' It has: {list}.',
  'type.string': 'a string',
  'type.number': 'a number',
  'type.integer': 'an integer',
  'type.boolean': 'a boolean',
  'type.list': 'a list',
  'type.mapping': 'a mapping',
  'type.tag': 'a tag { Key, Value }',
  'type.namedMapping': 'a mapping ({name})',
  'type.listOf': 'a list of {element}',
  'type.mappingOf': 'a mapping of {element}',
  'type.either': '{first} or {second}',
  'type.other': 'a {name}',
  'actual.string': 'string',
  'actual.number': 'number',
  'actual.boolean': 'boolean',
  'actual.null': 'null',
  'actual.function': '{name}',

  // Reading the text (lib/cfn/parse.ts, parse-limits.ts).
  'parse.tooLarge': 'The template is {bytes} bytes; a template may have at most {limit}.',
  'parse.tooDeep': 'The template nests mappings and sequences more than {limit} levels deep.',
  'parse.aliasExpansion':
    "The alias *{alias} makes the template's aliases expand to {count} nodes; aliases may add at most {limit}.",
  'parse.aliasEndless':
    "The alias *{alias} makes the template's aliases expand to nodes without end; aliases may add at most {limit}.",
  'parse.json': '{detail}',
  'parse.unknownTag': 'Unknown tag {tag}.',
  'parse.notAMapping': 'A template must be a mapping of sections.',

  // YAML mistakes, said for people (lib/cfn/yaml-messages.ts).
  'yaml.tab': 'Line {line} is indented with a tab: YAML indents with spaces only (two per level in these templates).',
  'yaml.unclosedFlow': 'A { or [ opened before line {line} is not closed: add the closing } or ] on the same line.',
  'yaml.indentMismatch':
    'Line {line} is indented {mine} spaces but line {above} above it {theirs}: keys of one mapping start in the same column. Indent line {line} by {theirs} spaces to continue that mapping, or fewer to close it.',
  'yaml.twoKeys':
    'Line {line} has two keys on one line: put the second one on its own line, indented two spaces more than the first.',
  'yaml.tooDeep':
    'Line {next} is indented one level too deep: line {line} ({key}) already has its value. Indent line {next} like line {line} ({spaces} spaces), or remove the value on line {line} to nest under it.',
  'yaml.noColon': 'Line {line} ({text}) has no colon: a key needs one after it ({text}:).',
  'yaml.duplicateKey':
    '{key} appears twice in the same mapping{first}: each key once; rename one (logical ids are unique) or merge them.',
  'yaml.firstOnLine': ' (first on line {line})',
  'yaml.unclosedQuote':
    'A quoted value is not closed before line {line}: add the closing quote on the line where the value starts.',
  'yaml.other': '{original}',

  // The template's shape (rules/structure.ts).
  'structure.unknownSection': "Unknown template section '{section}'.{hint}",
  'structure.version': "AWSTemplateFormatVersion must be '2010-09-09'.",
  'structure.noResources': 'A template needs a Resources section with at least one resource.',
  'structure.emptyResources': 'Resources must be a mapping with at least one resource.',
  'structure.logicalId': "Logical id '{id}' must be alphanumeric (A-Z, a-z, 0-9).",
  'structure.resourceNotAMapping': 'Resource {id} must be a mapping with a Type.',
  'structure.noType': 'Resource {id} has no Type.',
  'structure.unknownResourceAttribute': "Unknown attribute '{attribute}' on resource {id}.{hint}",
  'structure.deletionPolicy': '{key} must be one of {allowed}.',
  'structure.outputNoValue': 'Output {name} has no Value.',
  'structure.unknownOutputKey': "Unknown key '{key}' in output {name}.",
  'structure.exportNoName': 'Output {name} exports without a Name.',

  // Resource properties against the spec (rules/properties.ts).
  'properties.unknownType': "Unknown resource type '{type}'.{hint}",
  'properties.notAMapping': 'Properties of {type} must be a mapping.',
  'properties.unknown': "Unknown property '{property}' in {where}.{hint}",
  'properties.required': "{where} requires property '{property}'.",
  'properties.wrongType': '{where} must be {expected}, not {actual}.',
  'properties.allowedValue': "{where} is '{value}'; allowed: {allowed}.{hint}",

  // Names and intrinsic functions (rules/references.ts).
  'references.conditionRefsResource': 'Conditions can only Ref parameters, not resource {name}.',
  'references.unknownRef': "'{name}' is not a parameter, resource or pseudo parameter.{hint}",
  'references.unknownCondition': "Condition '{name}' is not defined.{hint}",
  'references.unknownAttribute': "{type} has no attribute '{attribute}'.{hint}",
  'references.argCount': '{fn} takes a list of {n} arguments.',
  'references.argCountRange': '{fn} takes a list of {min} to {max} arguments.',
  'references.refArgument': 'Ref takes the name of a parameter or resource.',
  'references.getAttUnknownResource': "GetAtt: no resource '{name}'.{hint}",
  'references.subArguments': 'Fn::Sub takes a string, or a list of a string and a mapping of variables.',
  'references.subUnknownVariable': `Fn::Sub variable '\${{name}}' resolves to nothing.{hint}`,
  'references.ifArguments': 'Fn::If takes a condition name first.',
  'references.unknownMapping': "Mapping '{name}' is not defined.{hint}",
  'references.unknownMappingKey': "Mapping {name} has no key '{key}'.",
  'references.dynamicReference': "Unknown dynamic reference service '{service}' (ssm, ssm-secure, secretsmanager).",
  'references.dependsOnUnknown': "DependsOn: no resource '{name}'.{hint}",
  'cycles.circular': 'Circular dependency: {path}.',

  // Parameters (rules/parameters.ts).
  'parameters.unknownKey': "Unknown key '{key}' in parameter {name}.{hint}",
  'parameters.noType': 'Parameter {name} has no Type.',
  'parameters.unknownType': "Unknown parameter type '{type}'.{hint}",
  'parameters.alsoResource': '{name} is both a parameter and a resource.',
  'parameters.unused': 'Parameter {name} is never used.',
  'parameters.defaultNotAllowed': "Default of {name} '{value}' is not in its AllowedValues.",
  'parameters.defaultNotNumber': "Default of {name} '{value}' is not a number.",
  'parameters.defaultPattern': 'Default of {name} does not match AllowedPattern.',
  'parameters.defaultShort': 'Default of {name} is shorter than MinLength {limit}.',
  'parameters.defaultLong': 'Default of {name} is longer than MaxLength {limit}.',
  'parameters.defaultBelow': 'Default of {name} is below MinValue {limit}.',
  'parameters.defaultAbove': 'Default of {name} is above MaxValue {limit}.',

  // The lab's own rules (lib/cfn/lab-rules.ts).
  'lab.tags': '{id} ({type}) must be tagged {keys} in {property}.',
  'lab.exports': 'A lab template that creates a VPC exports an output named {name}.',
  'lab.hardcodedAmi':
    'Hard-coded AMI id {value}: use an AWS::SSM::Parameter::Value<AWS::EC2::Image::Id> parameter (latest AMI alias).',
  'lab.hardcodedAccount': `Hard-coded account id in '{value}': use \${AWS::AccountId}.`,
  'lab.sizeOffered': "{id}: {value} is offered but is not on the lab's cheap list ({allowed}).",
  'lab.size': "{id}: {value} is not on the lab's cheap list ({allowed}).",
  'lab.openAdminPort': '{id} opens port {port} to the world ({cidr}): use Session Manager instead.',
  'lab.templateSize':
    "The template is {bytes} bytes, over CloudFormation's {limit}-byte TemplateBody limit: ScaleLab uploads it to the staging bucket of your account and region (scalelab-staging-<account>-<region>: the learner-access stack makes it in a workshop account, ScaleLab on first need with your own credentials; the sandbox has one) and launches it through TemplateURL.",
} as const;

export type DiagnosticKey = keyof typeof diagnosticsEn;

export const diagnosticsKo: Record<DiagnosticKey, string> = {
  'hint.didYouMean': " 혹시 '{name}'인가요?",
  'hint.attributesAre': ' 있는 속성: {list}.',
  'type.string': '문자열',
  'type.number': '숫자',
  'type.integer': '정수',
  'type.boolean': '불리언(true 또는 false)',
  'type.list': '목록',
  'type.mapping': '매핑',
  'type.tag': '태그 { Key, Value }',
  'type.namedMapping': '매핑({name})',
  'type.listOf': '{element}의 목록',
  'type.mappingOf': '{element}의 매핑',
  'type.either': '{first} 또는 {second}',
  'type.other': '{name}',
  'actual.string': '문자열',
  'actual.number': '숫자',
  'actual.boolean': '불리언',
  'actual.null': 'null(빈 값)',
  'actual.function': '{name}',

  'parse.tooLarge': '템플릿이 {bytes}바이트입니다. 템플릿은 최대 {limit}바이트까지 쓸 수 있습니다.',
  'parse.tooDeep': '템플릿의 매핑과 시퀀스가 {limit}겹보다 깊게 중첩되어 있습니다.',
  'parse.aliasExpansion':
    '별칭 *{alias} 때문에 템플릿의 별칭이 노드 {count}개로 펼쳐집니다. 별칭이 더할 수 있는 노드는 최대 {limit}개입니다.',
  'parse.aliasEndless':
    '별칭 *{alias} 때문에 템플릿의 별칭이 끝없이 펼쳐집니다. 별칭이 더할 수 있는 노드는 최대 {limit}개입니다.',
  'parse.json': 'JSON 구문 오류: {detail}',
  'parse.unknownTag': '알 수 없는 태그 {tag}입니다.',
  'parse.notAMapping': '템플릿은 섹션을 담은 매핑이어야 합니다.',

  'yaml.tab':
    '{line}번째 줄이 탭으로 들여쓰기되어 있습니다. YAML은 공백으로만 들여씁니다(이 템플릿은 한 수준에 두 칸).',
  'yaml.unclosedFlow': '{line}번째 줄 앞에서 연 { 또는 [ 가 닫히지 않았습니다. 같은 줄에 } 또는 ] 를 넣으세요.',
  'yaml.indentMismatch':
    '{line}번째 줄은 {mine}칸, 위의 {above}번째 줄은 {theirs}칸 들여쓰기되어 있습니다. 한 매핑의 키는 같은 열에서 시작합니다. 그 매핑을 이어 가려면 {line}번째 줄을 {theirs}칸, 닫으려면 더 적게 들여쓰세요.',
  'yaml.twoKeys':
    '{line}번째 줄에 키가 두 개 있습니다. 두 번째 키를 새 줄로 옮기고 첫 번째 키보다 두 칸 더 들여쓰세요.',
  'yaml.tooDeep':
    '{next}번째 줄이 한 수준 너무 깊게 들여쓰기되어 있습니다. {line}번째 줄({key})에는 이미 값이 있습니다. {next}번째 줄을 {line}번째 줄처럼 {spaces}칸 들여쓰거나, 그 아래에 넣으려면 {line}번째 줄의 값을 지우세요.',
  'yaml.noColon': '{line}번째 줄({text})에 콜론이 없습니다. 키 뒤에는 콜론이 필요합니다({text}:).',
  'yaml.duplicateKey':
    '{key}가 같은 매핑에 두 번 있습니다{first}. 키는 한 번만 씁니다. 하나의 이름을 바꾸거나(논리적 ID는 고유) 둘을 합치세요.',
  'yaml.firstOnLine': ' (처음 나온 곳: {line}번째 줄)',
  'yaml.unclosedQuote':
    '{line}번째 줄 앞에서 시작한 따옴표 값이 닫히지 않았습니다. 값이 시작한 줄에 닫는 따옴표를 넣으세요.',
  'yaml.other': 'YAML 구문 오류: {original}',

  'structure.unknownSection': "알 수 없는 템플릿 섹션 '{section}'입니다.{hint}",
  'structure.version': "AWSTemplateFormatVersion은 '2010-09-09'이어야 합니다.",
  'structure.noResources': '템플릿에는 리소스가 하나 이상 있는 Resources 섹션이 필요합니다.',
  'structure.emptyResources': 'Resources는 리소스가 하나 이상 있는 매핑이어야 합니다.',
  'structure.logicalId': "논리적 ID '{id}'는 영문자와 숫자(A-Z, a-z, 0-9)로만 써야 합니다.",
  'structure.resourceNotAMapping': '리소스 {id}은(는) Type이 있는 매핑이어야 합니다.',
  'structure.noType': '리소스 {id}에 Type이 없습니다.',
  'structure.unknownResourceAttribute': "리소스 {id}에 알 수 없는 속성 '{attribute}'이(가) 있습니다.{hint}",
  'structure.deletionPolicy': '{key}은(는) {allowed} 중 하나여야 합니다.',
  'structure.outputNoValue': '출력 {name}에 Value가 없습니다.',
  'structure.unknownOutputKey': "출력 {name}에 알 수 없는 키 '{key}'이(가) 있습니다.",
  'structure.exportNoName': '출력 {name}의 Export에 Name이 없습니다.',

  'properties.unknownType': "알 수 없는 리소스 유형 '{type}'입니다.{hint}",
  'properties.notAMapping': '{type}의 Properties는 매핑이어야 합니다.',
  'properties.unknown': "{where}에 알 수 없는 속성 '{property}'이(가) 있습니다.{hint}",
  'properties.required': "{where}에는 '{property}' 속성이 필요합니다.",
  'properties.wrongType': '{where}의 값이 {actual}입니다. 필요한 값: {expected}.',
  'properties.allowedValue': "{where}의 값 '{value}'은(는) 허용되지 않습니다. 허용되는 값: {allowed}.{hint}",

  'references.conditionRefsResource': 'Conditions에서는 파라미터만 Ref할 수 있습니다. 리소스 {name}은(는) 안 됩니다.',
  'references.unknownRef': "'{name}'은(는) 파라미터도, 리소스도, 의사 파라미터도 아닙니다.{hint}",
  'references.unknownCondition': "조건 '{name}'이(가) 정의되어 있지 않습니다.{hint}",
  'references.unknownAttribute': "{type}에는 '{attribute}' 속성이 없습니다.{hint}",
  'references.argCount': '{fn}에는 인수 {n}개의 목록을 씁니다.',
  'references.argCountRange': '{fn}에는 인수 {min}~{max}개의 목록을 씁니다.',
  'references.refArgument': 'Ref에는 파라미터나 리소스의 이름을 씁니다.',
  'references.getAttUnknownResource': "GetAtt: '{name}' 리소스가 없습니다.{hint}",
  'references.subArguments': 'Fn::Sub에는 문자열 하나, 또는 문자열과 변수 매핑의 목록을 씁니다.',
  'references.subUnknownVariable': `Fn::Sub 변수 '\${{name}}'이(가) 가리키는 것이 없습니다.{hint}`,
  'references.ifArguments': 'Fn::If의 첫 인수는 조건 이름입니다.',
  'references.unknownMapping': "매핑 '{name}'이(가) 정의되어 있지 않습니다.{hint}",
  'references.unknownMappingKey': "매핑 {name}에 키 '{key}'이(가) 없습니다.",
  'references.dynamicReference': "알 수 없는 동적 참조 서비스 '{service}'입니다(ssm, ssm-secure, secretsmanager).",
  'references.dependsOnUnknown': "DependsOn: '{name}' 리소스가 없습니다.{hint}",
  'cycles.circular': '순환 종속성: {path}.',

  'parameters.unknownKey': "파라미터 {name}에 알 수 없는 키 '{key}'이(가) 있습니다.{hint}",
  'parameters.noType': '파라미터 {name}에 Type이 없습니다.',
  'parameters.unknownType': "알 수 없는 파라미터 유형 '{type}'입니다.{hint}",
  'parameters.alsoResource': '{name}이(가) 파라미터이면서 리소스입니다.',
  'parameters.unused': '파라미터 {name}은(는) 어디에서도 쓰이지 않습니다.',
  'parameters.defaultNotAllowed': "{name}의 Default 값 '{value}'이(가) AllowedValues에 없습니다.",
  'parameters.defaultNotNumber': "{name}의 Default 값 '{value}'은(는) 숫자가 아닙니다.",
  'parameters.defaultPattern': '{name}의 Default 값이 AllowedPattern과 맞지 않습니다.',
  'parameters.defaultShort': '{name}의 Default 값이 MinLength {limit}보다 짧습니다.',
  'parameters.defaultLong': '{name}의 Default 값이 MaxLength {limit}보다 깁니다.',
  'parameters.defaultBelow': '{name}의 Default 값이 MinValue {limit}보다 작습니다.',
  'parameters.defaultAbove': '{name}의 Default 값이 MaxValue {limit}보다 큽니다.',

  'lab.tags': '{id}({type})의 {property}에 {keys} 태그가 있어야 합니다.',
  'lab.exports': 'VPC를 만드는 실습 템플릿은 {name}이라는 출력을 내보내야(Export) 합니다.',
  'lab.hardcodedAmi':
    'AMI ID {value}이(가) 직접 적혀 있습니다. AWS::SSM::Parameter::Value<AWS::EC2::Image::Id> 파라미터(최신 AMI 별칭)를 쓰세요.',
  'lab.hardcodedAccount': `'{value}'에 계정 ID가 직접 적혀 있습니다. \${AWS::AccountId}를 쓰세요.`,
  'lab.sizeOffered': '{id}: {value}을(를) 고를 수 있게 했지만 실습의 저렴한 크기 목록({allowed})에 없습니다.',
  'lab.size': '{id}: {value}은(는) 실습의 저렴한 크기 목록({allowed})에 없습니다.',
  'lab.openAdminPort': '{id}이(가) {port}번 포트를 전 세계({cidr})에 엽니다. 대신 Session Manager를 쓰세요.',
  'lab.templateSize':
    '템플릿이 {bytes}바이트로, CloudFormation의 TemplateBody 한도 {limit}바이트를 넘습니다. ScaleLab은 이 템플릿을 계정과 리전의 스테이징 버킷(scalelab-staging-<account>-<region>: 워크숍 계정에서는 learner-access 스택이 만들고, 내 자격 증명을 쓸 때는 ScaleLab이 처음 필요할 때 만들며, 샌드박스에는 처음부터 있습니다)에 올린 뒤 TemplateURL로 배포합니다.',
};
