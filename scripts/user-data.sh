#!/usr/bin/env bash
# Print a stage's EC2 user data as plain shell, for the console/CLI path of a lab: the `Fn::Base64: !Sub |` block of
# a stage template with CloudFormation's ${...} placeholders replaced by the values of the resources you built by
# hand (read from the environment), and Fn::Sub's ${!Literal} escape turned back into ${Literal}. The result is what
# you paste into the console's "User data" box or pass to `aws ec2 run-instances --user-data file://...`.
#
#   STACK=scalelab-me AWS_REGION=us-east-1 DB_HOST=... DB_SECRET_ARN=... \
#     bash scripts/user-data.sh templates/02-high-availability/solution.yaml > web-user-data.sh
#
# A template with more than one launch template (stage 05: web, app and worker tiers) takes the resource's logical id
# as a second argument; without it, the first user data block of the template is printed:
#
#   bash scripts/user-data.sh templates/05-decouple/solution.yaml AppLaunchTemplate > app-user-data.sh
#
# A placeholder without a value is an error naming the variable to set, so nothing half-filled reaches an instance.
set -euo pipefail

template=${1:?usage: scripts/user-data.sh templates/<stage>/solution.yaml [LaunchTemplateLogicalId] > user-data.sh}
resource=${2:-}
[ -r "$template" ] || { echo "user-data.sh: cannot read $template" >&2; exit 2; }

# placeholder in the template -> environment variable that holds its value on the by-hand path
mapping='AWS::StackName=STACK
AWS::Region=AWS_REGION
Database.Endpoint.Address=DB_HOST
DbSecret=DB_SECRET_ARN
DatabaseReplica.Endpoint.Address=DB_READ_HOST
StaticDistribution.DomainName=STATIC_DOMAIN
CacheReplicationGroup.PrimaryEndPoint.Address=CACHE_HOST
SessionTable=SESSION_TABLE
InternalAlb.DNSName=APP_LB_DNS
EventsTopic=TOPIC_ARN
WorkQueue=QUEUE_URL'

MAPPING=$mapping RESOURCE=$resource awk '
  BEGIN {
    n = split(ENVIRON["MAPPING"], lines, "\n")
    for (i = 1; i <= n; i++) { eq = index(lines[i], "="); var[substr(lines[i], 1, eq - 1)] = substr(lines[i], eq + 1) }
  }
  # with a resource named, only its block: the resource starts at a two-space-indented "Name:" line
  ENVIRON["RESOURCE"] != "" && !inside && /^  [A-Za-z0-9]+:[[:space:]]*$/ { inres = ($0 ~ ("^  " ENVIRON["RESOURCE"] ":")) }
  !inside && (ENVIRON["RESOURCE"] == "" || inres) && /Fn::Base64: !Sub \|[[:space:]]*$/ { inside = 1; indent = -1; next }
  inside {
    if ($0 ~ /^[[:space:]]*$/) { print ""; next }
    match($0, /^ */)
    if (indent < 0) indent = RLENGTH
    if (RLENGTH < indent) exit
    line = substr($0, indent + 1); out = ""
    while ((start = index(line, "${")) > 0) {
      rest = substr(line, start + 2); close_at = index(rest, "}")
      if (close_at == 0) break
      name = substr(rest, 1, close_at - 1)
      if (substr(name, 1, 1) == "!") value = "${" substr(name, 2) "}"
      else if (!(name in var)) { print "user-data.sh: no variable for the placeholder ${" name "}" > "/dev/stderr"; failed = 1; exit 1 }
      else if (ENVIRON[var[name]] == "") { print "user-data.sh: set " var[name] " (the template'"'"'s ${" name "})" > "/dev/stderr"; failed = 1; exit 1 }
      else value = ENVIRON[var[name]]
      out = out substr(line, 1, start - 1) value; line = substr(rest, close_at + 1)
    }
    print out line
  }
  END { if (failed) exit 1; if (!inside) { print "user-data.sh: no Fn::Base64: !Sub | block in the template" (ENVIRON["RESOURCE"] != "" ? " under " ENVIRON["RESOURCE"] : "") > "/dev/stderr"; exit 1 } }
' "$template"
