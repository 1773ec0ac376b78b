/**
 * Static checks of every module: formatting, `terraform validate` with the
 * real provider (workload, pipeline, app-environment), and a parse of the
 * Cloudflare edge module, whose provider cannot be installed here.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from '@cdktf/hcl2json';
import { terraformCliEnv } from '@lambda-paved-road/local-aws';
import { MODULES_DIR, terraform, terraformOk } from './__testUtils__/terraform';

const AWS_MODULES = ['workload', 'pipeline', 'app-environment'];

/** Parses every .tf file of a module into one hcl2json document per block type. */
async function parseModule(name: string): Promise<Record<string, any>> {
  const dir = path.join(MODULES_DIR, name);
  const merged: Record<string, any> = {};
  for (const file of fs.readdirSync(dir).filter(f => f.endsWith('.tf'))) {
    const doc = await parse(file, fs.readFileSync(path.join(dir, file), 'utf8'));
    for (const [kind, blocks] of Object.entries(doc)) {
      merged[kind] = merged[kind] ?? {};
      for (const [k, v] of Object.entries(blocks as Record<string, any>)) {
        merged[kind][k] = { ...(merged[kind][k] ?? {}), ...v };
      }
    }
  }
  return merged;
}

describe('terraform modules', () => {
  const cli = terraformCliEnv();

  it('are formatted (terraform fmt -check)', async () => {
    const r = await terraform(['fmt', '-check', '-recursive', '-diff', MODULES_DIR], MODULES_DIR, cli);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(0);
  });

  it.each(AWS_MODULES)('%s validates with hashicorp/aws 5.100', async name => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `tf-validate-${name}-`));
    const env = { ...cli, TF_DATA_DIR: dataDir };
    const dir = path.join(MODULES_DIR, name);
    try {
      await terraformOk(['init', '-backend=false', '-input=false', '-no-color'], dir, env);
      const r = await terraformOk(['validate', '-json'], dir, env);
      const out = JSON.parse(r.stdout);
      expect(out.diagnostics).toEqual([]);
      expect(out.valid).toBe(true);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);

  describe('workload (static)', () => {
    it('never reverts a pipeline deployment: ignores the image and the alias version', async () => {
      const m = await parseModule('workload');
      const fn = m.resource.aws_lambda_function.this[0];
      expect(fn.package_type).toBe('Image');
      expect(fn.publish).toBe(true);
      expect(fn.lifecycle[0].ignore_changes).toEqual(['${image_uri}']);
      const alias = m.resource.aws_lambda_alias.live[0];
      expect(alias.lifecycle[0].ignore_changes).toEqual(
        expect.arrayContaining(['${function_version}']),
      );
    });

    it('puts an internet-facing ALB in front (Cloudflare must reach it)', async () => {
      const m = await parseModule('workload');
      const lb = m.resource.aws_lb.this[0];
      expect(lb.internal).toBe(false);
      expect(lb.load_balancer_type).toBe('application');
      expect(lb.drop_invalid_header_fields).toBe(true);
    });

    it('registers the alias only after the ALB may invoke it', async () => {
      const m = await parseModule('workload');
      const att = m.resource.aws_lb_target_group_attachment.this[0];
      expect(att.depends_on).toEqual(['${aws_lambda_permission.alb}']);
      expect(att.target_id).toBe('${aws_lambda_alias.live.arn}');
    });
  });

  describe('edge (static: no Cloudflare provider can be installed here)', () => {
    let m: Record<string, any>;
    beforeAll(async () => {
      m = await parseModule('edge');
    });

    it('requires the Cloudflare provider v5', () => {
      const req = m.terraform[0].required_providers[0].cloudflare;
      expect(req.source).toBe('cloudflare/cloudflare');
      expect(req.version).toBe('~> 5.0');
    });

    it('points a proxied DNS record at the ALB', () => {
      const rec = m.resource.cloudflare_dns_record.app[0];
      expect(rec).toMatchObject({
        zone_id: '${var.zone_id}',
        name: '${var.hostname}',
        type: 'CNAME',
        content: '${var.alb_dns_name}',
        proxied: true,
        ttl: 1,
      });
    });

    it('publishes the ACM validation records unproxied', () => {
      const rec = m.resource.cloudflare_dns_record.certificate_validation[0];
      expect(rec.for_each).toContain('var.certificate_validation_records');
      expect(rec.proxied).toBe(false);
    });

    it('sets SSL full (strict) for the host name', () => {
      const rs = m.resource.cloudflare_ruleset.ssl[0];
      expect(rs.kind).toBe('zone');
      expect(rs.phase).toBe('http_config_settings');
      expect(rs.rules).toEqual([
        expect.objectContaining({
          action: 'set_config',
          action_parameters: { ssl: 'strict' },
          expression: '${local.host_expression}',
        }),
      ]);
      expect(m.locals[0].host_expression).toBe('(http.host eq "${var.hostname}")');
    });

    it('runs the managed WAF rulesets and custom rules for the host name only', () => {
      const managed = m.resource.cloudflare_ruleset.waf_managed[0];
      expect(managed.phase).toBe('http_request_firewall_managed');
      expect(managed.rules).toMatch(/action\s*=\s*"execute"/);
      expect(managed.rules).toMatch(/expression\s*=\s*local\.host_expression/);
      expect(managed.rules).toMatch(/id\s*=\s*id/);
      const ids = m.variable.managed_rulesets[0].default;
      expect(Object.values(ids)).toEqual(
        expect.arrayContaining(['efb7b8c949ac4650a09736fc376e9aee', '4814384a9e5d4991b9815dcfc25d2f1f']),
      );
      const custom = m.resource.cloudflare_ruleset.waf_custom[0];
      expect(custom.phase).toBe('http_request_firewall_custom');
      expect(custom.rules).toMatch(/action\s*=\s*"block"/);
      expect(custom.rules).toMatch(/expression\s*=\s*"\$\{local\.host_expression\} and/);
    });

    it('validates its inputs', () => {
      for (const v of ['zone_id', 'hostname', 'alb_dns_name']) {
        expect(m.variable[v][0].validation[0].error_message).toBeTruthy();
      }
    });
  });
});
