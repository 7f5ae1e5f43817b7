import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import {
  CreateStackCommand,
  DescribeStackEventsCommand,
  DescribeStackResourcesCommand,
  DescribeStacksCommand,
  type StackEvent,
} from '@aws-sdk/client-cloudformation';
import type { Command } from 'commander';
import { sandboxPersistenceOf } from '@/lib/progress/sandbox-states';
import { createSandbox, type Sandbox } from '@/lib/sandbox';
import { templateSource } from '@/lib/stacks/staging';
import { openCliStore, StoreUnavailableError } from '../store';

export type CliSandbox = Sandbox & { close(): Promise<void> };

/**
 * A sandbox for the CLI over the accounts of the store (DATABASE_URL, else the embedded one), so what `sandbox deploy`
 * creates, `sandbox describe` and the site find. When the store cannot be opened this throws StoreUnavailableError
 * saying why: there is no silent throw-away sandbox.
 */
export async function cliSandbox(accountId: string | undefined, speed: number): Promise<CliSandbox> {
  const store = await openCliStore();
  const persistence = sandboxPersistenceOf(async () => store);
  const sandbox = createSandbox({ accountId: accountId ?? '000000000000', persistence, speed });
  return Object.assign(sandbox, {
    async close() {
      await sandbox.settled();
      await store.close();
    },
  });
}

/** Open the CLI's sandbox, or print why the store is unavailable and set exit code 1. */
async function openOrExplain(accountId: string | undefined, speed: number): Promise<CliSandbox | undefined> {
  if (accountId !== undefined && !/^\d{12}$/.test(accountId)) {
    console.error(`--account takes a 12-digit sandbox account id, not ${JSON.stringify(accountId)}.`);
    process.exitCode = 2;
    return undefined;
  }
  try {
    return await cliSandbox(accountId, speed);
  } catch (err) {
    if (!(err instanceof StoreUnavailableError)) throw err;
    console.error(err.message);
    process.exitCode = 1;
    return undefined;
  }
}

const line = (e: StackEvent) =>
  `${e.Timestamp?.toISOString().slice(11, 19)}  ${(e.LogicalResourceId ?? '').padEnd(32)} ${(e.ResourceStatus ?? '').padEnd(28)} ${e.ResourceStatusReason ?? ''}`;

function params(list: string[]): { ParameterKey: string; ParameterValue: string }[] {
  return list.map((kv) => {
    const at = kv.indexOf('=');
    if (at < 1) throw new Error(`--param takes KEY=VALUE, not '${kv}'`);
    return { ParameterKey: kv.slice(0, at), ParameterValue: kv.slice(at + 1) };
  });
}

export function register(program: Command): void {
  const sandbox = program
    .command('sandbox')
    .description('Deploy templates into the in-process sandbox AWS account and inspect it');

  sandbox
    .command('deploy <template>')
    .description('Create a stack from a template in the sandbox; print its events and outputs')
    .option('--stack <name>', 'stack name (default: the template file name)')
    .option('--param <KEY=VALUE>', 'a template parameter (repeatable)', (v: string, acc: string[]) => [...acc, v], [])
    .option('--account <id>', 'sandbox account id (12 digits)')
    .option('--region <region>', 'region', 'us-east-1')
    .option('--speed <factor>', 'wall seconds per simulated second (0 = instant)', '0')
    .action(
      async (
        template: string,
        opts: { stack?: string; param: string[]; account?: string; region: string; speed: string },
      ) => {
        const sb = await openOrExplain(opts.account, Number(opts.speed));
        if (!sb) return;
        const clients = sb.clientsFor(opts.region);
        const cfn = clients.cloudformation;
        const name =
          opts.stack ??
          basename(template)
            .replace(/\.(ya?ml|json)$/, '')
            .replace(/[^a-zA-Z0-9-]/g, '-');
        try {
          // Over 51,200 bytes: staged in the sandbox account's staging bucket and created from its TemplateURL.
          const source = await templateSource(clients, name, readFileSync(template, 'utf8'));
          if (source.staged) console.log(`Staged ${source.staged.url} (the template is over 51,200 bytes).`);
          await cfn.send(
            new CreateStackCommand({
              StackName: name,
              ...source.template,
              Parameters: params(opts.param),
              Capabilities: ['CAPABILITY_IAM', 'CAPABILITY_NAMED_IAM'],
            }),
          );
        } catch (err) {
          console.error(`${(err as Error).name}: ${(err as Error).message}`);
          process.exitCode = 1;
          await sb.close();
          return;
        }
        let seen = 0;
        for (;;) {
          const events = (
            (await cfn.send(new DescribeStackEventsCommand({ StackName: name }))).StackEvents ?? []
          ).reverse();
          for (const e of events.slice(seen)) console.log(line(e));
          seen = events.length;
          const stack = (await cfn.send(new DescribeStacksCommand({ StackName: name }))).Stacks?.[0];
          if (stack && !/_IN_PROGRESS$/.test(stack.StackStatus ?? '')) {
            console.log(`\n${name}: ${stack.StackStatus} (sandbox account ${sb.accountId}, ${opts.region})`);
            for (const o of stack.Outputs ?? []) console.log(`  ${o.OutputKey?.padEnd(24)} ${o.OutputValue}`);
            if (!/COMPLETE$/.test(stack.StackStatus ?? '') || /ROLLBACK/.test(stack.StackStatus ?? ''))
              process.exitCode = 1;
            break;
          }
          await new Promise((r) => setTimeout(r, 500));
        }
        await sb.close();
      },
    );

  sandbox
    .command('describe <stack>')
    .description('Show a sandbox stack: status, parameters, outputs and resources')
    .option('--account <id>', 'sandbox account id (12 digits)')
    .option('--region <region>', 'region', 'us-east-1')
    .option('--json', 'print the raw DescribeStacks + DescribeStackResources answers')
    .action(async (stackName: string, opts: { account?: string; region: string; json?: boolean }) => {
      const sb = await openOrExplain(opts.account, 0);
      if (!sb) return;
      const cfn = sb.clientsFor(opts.region).cloudformation;
      try {
        const stack = (await cfn.send(new DescribeStacksCommand({ StackName: stackName }))).Stacks?.[0];
        const resources =
          (await cfn.send(new DescribeStackResourcesCommand({ StackName: stackName }))).StackResources ?? [];
        if (opts.json) {
          console.log(JSON.stringify({ stack, resources }, null, 2));
          return;
        }
        console.log(`${stack?.StackName}  ${stack?.StackStatus}  ${stack?.StackId}`);
        for (const p of stack?.Parameters ?? [])
          console.log(`  param  ${p.ParameterKey} = ${p.ResolvedValue ?? p.ParameterValue}`);
        for (const o of stack?.Outputs ?? []) console.log(`  output ${o.OutputKey} = ${o.OutputValue}`);
        for (const r of resources)
          console.log(`  ${r.LogicalResourceId?.padEnd(32)} ${r.ResourceType?.padEnd(44)} ${r.PhysicalResourceId}`);
      } catch (err) {
        console.error(`${(err as Error).name}: ${(err as Error).message}`);
        process.exitCode = 1;
      } finally {
        await sb.close();
      }
    });
}
