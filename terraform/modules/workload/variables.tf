# Inputs of the workload module (workloads account): ECR, the container-image
# Lambda function, its alias, logs, the deployer role and, for external apps,
# the ALB that invokes the alias.

variable "app_name" {
  description = "Application name (lowercase letters, digits and single hyphens, starting with a letter)."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]*[a-z0-9]$", var.app_name)) && !strcontains(var.app_name, "--")
    error_message = "app_name must be lowercase letters, digits and single hyphens, start with a letter and not end with a hyphen (app-name-charset)."
  }
}

variable "environment" {
  description = "Environment name (lowercase letters and digits, starting with a letter, at most 10 characters)."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9]{0,9}$", var.environment))
    error_message = "environment must be lowercase letters and digits, start with a letter and be at most 10 characters (environment-name-charset, environment-name-length)."
  }
}

variable "function_name" {
  description = "Lambda function name. Default: {app}-{env} (the naming rules of lambda-paved-road-common)."
  type        = string
  default     = null

  validation {
    condition     = var.function_name == null || can(regex("^[A-Za-z0-9_-]{1,64}$", coalesce(var.function_name, "x")))
    error_message = "function_name must be 1-64 letters, digits, hyphens or underscores (function-name-length)."
  }
}

variable "ecr_repository_name" {
  description = "ECR repository name. Default: {app}-{env}."
  type        = string
  default     = null

  validation {
    condition     = var.ecr_repository_name == null || can(regex("^[a-z0-9]+(?:[._-][a-z0-9]+)*(?:/[a-z0-9]+(?:[._-][a-z0-9]+)*)*$", coalesce(var.ecr_repository_name, "x")))
    error_message = "ecr_repository_name must be a valid ECR repository name: lowercase letters and digits separated by single '.', '_', '-' or '/'."
  }
}

variable "deployer_role_name" {
  description = "Name of the IAM role the pipeline assumes to deploy. Default: {app}-{env}-deployer."
  type        = string
  default     = null

  validation {
    condition     = var.deployer_role_name == null || can(regex("^[A-Za-z0-9+=,.@_-]{1,64}$", coalesce(var.deployer_role_name, "x")))
    error_message = "deployer_role_name must be 1-64 characters of IAM role name charset (role-name-length)."
  }
}

variable "alias_name" {
  description = "Name of the alias the pipeline moves to each newly published version."
  type        = string
  default     = "live"

  validation {
    condition     = can(regex("^[A-Za-z][A-Za-z0-9_-]{0,127}$", var.alias_name))
    error_message = "alias_name must start with a letter and contain only letters, digits, hyphens and underscores (at most 128)."
  }
}

variable "deployments_account_id" {
  description = "The deployments account of this environment, where the CodeBuild role that may assume the deployer role lives. It gets no right on the ECR repository."
  type        = string

  validation {
    condition     = can(regex("^[0-9]{12}$", var.deployments_account_id))
    error_message = "deployments_account_id must be a 12-digit AWS account id."
  }
}

variable "codebuild_role_arn" {
  description = "ARN of the CodeBuild service role in the deployments account: the only principal allowed to assume the deployer role."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$", var.codebuild_role_arn))
    error_message = "codebuild_role_arn must be an IAM role ARN (arn:aws:iam::<12 digits>:role/<name>)."
  }
}

variable "image_uri" {
  description = "Initial container image of the function (a placeholder; the pipeline deploys the real image and Terraform ignores the change)."
  type        = string

  validation {
    condition     = can(regex("^[0-9]{12}\\.dkr\\.ecr\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?/[a-z0-9._/-]+(:[A-Za-z0-9._-]+|@sha256:[a-f0-9]{64})$", var.image_uri))
    error_message = "image_uri must be an ECR image URI: <account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag> or @sha256:<digest> (Lambda only runs images from ECR)."
  }
}

variable "architecture" {
  description = "Instruction set of the function: arm64 (default, Graviton) or x86_64."
  type        = string
  default     = "arm64"

  validation {
    condition     = contains(["arm64", "x86_64"], var.architecture)
    error_message = "architecture must be arm64 or x86_64."
  }
}

variable "memory_size" {
  description = "Memory of the function in MB (128-10240)."
  type        = number
  default     = 512

  validation {
    condition     = var.memory_size >= 128 && var.memory_size <= 10240 && floor(var.memory_size) == var.memory_size
    error_message = "memory_size must be a whole number of MB between 128 and 10240."
  }
}

variable "timeout" {
  description = "Timeout of the function in seconds (1-900)."
  type        = number
  default     = 30

  validation {
    condition     = var.timeout >= 1 && var.timeout <= 900 && floor(var.timeout) == var.timeout
    error_message = "timeout must be a whole number of seconds between 1 and 900."
  }
}

variable "reserved_concurrency" {
  description = "Reserved concurrent executions of the function; null leaves it unreserved, 0 throttles it."
  type        = number
  default     = null

  validation {
    condition     = var.reserved_concurrency == null || (coalesce(var.reserved_concurrency, 0) >= 0 && floor(coalesce(var.reserved_concurrency, 0)) == coalesce(var.reserved_concurrency, 0))
    error_message = "reserved_concurrency must be null (unreserved) or a whole number >= 0."
  }
}

variable "environment_variables" {
  description = "Environment variables of the function."
  type        = map(string)
  default     = {}

  validation {
    condition     = alltrue([for k in keys(var.environment_variables) : can(regex("^[A-Za-z][A-Za-z0-9_]*$", k)) && !startswith(k, "AWS_")])
    error_message = "environment_variables keys must start with a letter, contain only letters, digits and underscores, and not start with AWS_ (reserved by Lambda)."
  }
}

variable "log_retention_days" {
  description = "Retention of the function's CloudWatch log group, in days."
  type        = number
  default     = 30

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be one of the values CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653)."
  }
}

variable "untagged_image_expiry_days" {
  description = "Untagged images older than this are expired by the ECR lifecycle policy."
  type        = number
  default     = 14

  validation {
    condition     = var.untagged_image_expiry_days >= 1
    error_message = "untagged_image_expiry_days must be at least 1."
  }
}

variable "exposure" {
  description = "internal: no load balancer; external: an HTTPS ALB (reachable only from Cloudflare) invokes the alias."
  type        = string
  default     = "internal"

  validation {
    condition     = contains(["internal", "external"], var.exposure)
    error_message = "exposure must be internal or external."
  }
}

variable "hostname" {
  description = "Public host name of the app (external apps): {env}-{app}.{domain}, or {app}.{domain} in production."
  type        = string
  default     = null

  validation {
    condition     = var.exposure == "internal" || can(regex("^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$", coalesce(var.hostname, "-")))
    error_message = "hostname must be a lowercase DNS name when exposure is external (domain-format)."
  }
}

variable "certificate_arn" {
  description = "ACM certificate for the HTTPS listener (e.g. the platform's wildcard certificate for the domain). Null: the module requests one for the host name with DNS validation and waits for it to be issued."
  type        = string
  default     = null

  validation {
    condition     = var.certificate_arn == null || can(regex("^arn:aws[a-z-]*:acm:[a-z0-9-]+:[0-9]{12}:certificate/.+$", coalesce(var.certificate_arn, "x")))
    error_message = "certificate_arn must be an ACM certificate ARN."
  }
}

variable "vpc_id" {
  description = "VPC of the ALB (external apps)."
  type        = string
  default     = null

  validation {
    condition     = var.exposure == "internal" || can(regex("^vpc-[0-9a-f]+$", coalesce(var.vpc_id, "-")))
    error_message = "vpc_id (vpc-...) is required when exposure is external."
  }
}

variable "subnet_ids" {
  description = "Public subnets of the ALB, in at least two availability zones (external apps)."
  type        = list(string)
  default     = []

  validation {
    condition     = var.exposure == "internal" || (length(var.subnet_ids) >= 2 && alltrue([for s in var.subnet_ids : can(regex("^subnet-[0-9a-f]+$", s))]))
    error_message = "subnet_ids must list at least two subnets (subnet-...) in different availability zones when exposure is external (an ALB needs two)."
  }
}

variable "ssl_policy" {
  description = "TLS policy of the HTTPS listener (TLS 1.2 and 1.3 only by default)."
  type        = string
  default     = "ELBSecurityPolicy-TLS13-1-2-2021-06"

  validation {
    condition     = can(regex("^ELBSecurityPolicy-(TLS13-1-[23]-|TLS-1-2-|FS-1-2-)", var.ssl_policy))
    error_message = "ssl_policy must be an ELB security policy that allows TLS 1.2 or later only (ELBSecurityPolicy-TLS13-1-2-*, -TLS13-1-3-*, -TLS-1-2-*, -FS-1-2-*)."
  }
}

variable "cloudflare_ipv4_cidrs" {
  nullable    = false
  description = "Cloudflare's published IPv4 ranges (https://www.cloudflare.com/ips-v4), the only sources the ALB admits. Default: the list as of 2026-12-04."
  type        = list(string)
  default = [
    "173.245.48.0/20",
    "103.21.244.0/22",
    "103.22.200.0/22",
    "103.31.4.0/22",
    "141.101.64.0/18",
    "108.162.192.0/18",
    "190.93.240.0/20",
    "188.114.96.0/20",
    "197.234.240.0/22",
    "198.41.128.0/17",
    "162.158.0.0/15",
    "104.16.0.0/13",
    "104.24.0.0/14",
    "172.64.0.0/13",
    "131.0.72.0/22",
  ]

  validation {
    condition     = length(var.cloudflare_ipv4_cidrs) > 0 && alltrue([for c in var.cloudflare_ipv4_cidrs : can(cidrnetmask(c))])
    error_message = "cloudflare_ipv4_cidrs must be a non-empty list of IPv4 CIDR blocks."
  }
}

variable "cloudflare_ipv6_cidrs" {
  nullable    = false
  description = "Cloudflare's published IPv6 ranges (https://www.cloudflare.com/ips-v6). Default: the list as of 2026-12-04."
  type        = list(string)
  default = [
    "2400:cb00::/32",
    "2606:4700::/32",
    "2803:f800::/32",
    "2405:b500::/32",
    "2405:8100::/32",
    "2a06:98c0::/29",
    "2c0f:f248::/32",
  ]

  validation {
    condition     = alltrue([for c in var.cloudflare_ipv6_cidrs : can(cidrhost(c, 0)) && strcontains(c, ":")])
    error_message = "cloudflare_ipv6_cidrs must be a list of IPv6 CIDR blocks."
  }
}

variable "force_delete_repository" {
  description = "Let terraform destroy delete the ECR repository even when it still holds images."
  type        = bool
  default     = false
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
}
