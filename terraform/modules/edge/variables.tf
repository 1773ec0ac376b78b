variable "zone_id" {
  description = "Cloudflare zone of the environment's domain."
  type        = string

  validation {
    condition     = can(regex("^[0-9a-f]{32}$", var.zone_id))
    error_message = "zone_id must be a 32-character hexadecimal Cloudflare zone id."
  }
}

variable "hostname" {
  description = "Public host name of the app (the app-environment composition's hostname output)."
  type        = string

  validation {
    condition     = can(regex("^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$", var.hostname))
    error_message = "hostname must be a lowercase DNS name (domain-format)."
  }
}

variable "alb_dns_name" {
  description = "DNS name of the app's ALB (the composition's alb_dns_name output): the proxied origin."
  type        = string

  validation {
    condition     = can(regex("\\.elb\\.amazonaws\\.com\\.?$", var.alb_dns_name))
    error_message = "alb_dns_name must be an ALB DNS name (*.elb.amazonaws.com)."
  }
}

variable "certificate_validation_records" {
  description = "ACM DNS validation records to publish (the composition's certificate_validation_records output; empty when a certificate was given)."
  type = list(object({
    name  = string
    type  = string
    value = string
  }))
  default = []
}

variable "managed_rulesets" {
  description = "Cloudflare managed WAF rulesets executed for the host name (ids of the Cloudflare Managed Ruleset and the OWASP Core Ruleset by default)."
  type        = map(string)
  default = {
    cloudflare_managed = "efb7b8c949ac4650a09736fc376e9aee"
    owasp_core         = "4814384a9e5d4991b9815dcfc25d2f1f"
  }
}

variable "blocked_countries" {
  description = "ISO country codes refused for the host name (custom WAF rule); empty: none."
  type        = list(string)
  default     = []
}
