locals {
  host_expression = "(http.host eq \"${var.hostname}\")"
}

# The app's name, proxied through Cloudflare to the ALB. The ALB admits only
# Cloudflare's ranges, so the WAF below cannot be bypassed.
resource "cloudflare_dns_record" "app" {
  zone_id = var.zone_id
  name    = var.hostname
  type    = "CNAME"
  content = var.alb_dns_name
  proxied = true
  ttl     = 1 # automatic: required for proxied records
  comment = "Lambda paved road: ALB origin of ${var.hostname}"
}

# ACM DNS validation (not proxied: ACM must see the CNAME itself).
resource "cloudflare_dns_record" "certificate_validation" {
  for_each = { for r in var.certificate_validation_records : r.name => r }

  zone_id = var.zone_id
  name    = trimsuffix(each.value.name, ".")
  type    = each.value.type
  content = trimsuffix(each.value.value, ".")
  proxied = false
  ttl     = 300
  comment = "ACM validation for ${var.hostname}"
}

# Full (strict) TLS to the origin for this host name: Cloudflare verifies the
# ALB's ACM certificate. A configuration rule, so other host names of the
# zone keep their own mode.
resource "cloudflare_ruleset" "ssl" {
  zone_id     = var.zone_id
  name        = "lambda-paved-road ssl ${var.hostname}"
  description = "SSL full (strict) for ${var.hostname}"
  kind        = "zone"
  phase       = "http_config_settings"

  rules = [{
    ref         = "ssl_strict"
    description = "Full (strict) TLS to the ALB origin"
    expression  = local.host_expression
    action      = "set_config"
    action_parameters = {
      ssl = "strict"
    }
    enabled = true
  }]
}

# The WAF for the host name: Cloudflare's managed rulesets.
resource "cloudflare_ruleset" "waf_managed" {
  zone_id     = var.zone_id
  name        = "lambda-paved-road waf ${var.hostname}"
  description = "Managed WAF rulesets for ${var.hostname}"
  kind        = "zone"
  phase       = "http_request_firewall_managed"

  rules = [for name, id in var.managed_rulesets : {
    ref         = "execute_${name}"
    description = "Execute ${name} for ${var.hostname}"
    expression  = local.host_expression
    action      = "execute"
    action_parameters = {
      id = id
    }
    enabled = true
  }]
}

# Custom WAF rules for the host name: only the methods an HTTP API serves,
# and the optional country block.
resource "cloudflare_ruleset" "waf_custom" {
  zone_id     = var.zone_id
  name        = "lambda-paved-road custom ${var.hostname}"
  description = "Custom WAF rules for ${var.hostname}"
  kind        = "zone"
  phase       = "http_request_firewall_custom"

  rules = concat(
    [{
      ref         = "block_unexpected_methods"
      description = "Block methods an HTTP API does not serve"
      expression  = "${local.host_expression} and not (http.request.method in {\"GET\" \"HEAD\" \"POST\" \"PUT\" \"PATCH\" \"DELETE\" \"OPTIONS\"})"
      action      = "block"
      enabled     = true
    }],
    length(var.blocked_countries) == 0 ? [] : [{
      ref         = "block_countries"
      description = "Block requests from the listed countries"
      expression  = "${local.host_expression} and (ip.src.country in {${join(" ", [for c in var.blocked_countries : "\"${c}\""])}})"
      action      = "block"
      enabled     = true
    }],
  )
}
