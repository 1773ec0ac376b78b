# Inputs of one app in one environment. The scaffolder's provisioning action
# renders a small root module per environment that sets these.

variable "app_name" {
  description = "Application name: lowercase letters, digits and single hyphens, starting with a letter; {app}-{env} must fit a 32-character ALB target group name."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]*[a-z0-9]$", var.app_name))
    error_message = "app_name may contain only lowercase letters, digits and hyphens, must start with a letter and must not end with a hyphen (app-name-charset)."
  }
  validation {
    condition     = !strcontains(var.app_name, "--")
    error_message = "app_name must not contain consecutive hyphens (app-name-consecutive-hyphens)."
  }
  validation {
    condition     = !anytrue([for p in ["aws", "xn--", "internal-", "sthree-", "amzn-"] : startswith(var.app_name, p)]) && !anytrue([for s in ["-s3alias", "--ol-s3"] : endswith(var.app_name, s)])
    error_message = "app_name must not start with aws, xn--, internal-, sthree- or amzn- nor end with -s3alias or --ol-s3, which AWS reserves (app-name-reserved)."
  }
  validation {
    condition     = length("${var.app_name}-${var.environment}") <= 32
    error_message = "app_name is too long for this environment: the ALB target group name {app}-{env} may have at most 32 characters (target-group-name-length)."
  }
}

variable "environment" {
  description = "Environment name (e.g. dev, test, stage, prod): lowercase letters and digits, starting with a letter, at most 10 characters."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9]*$", var.environment))
    error_message = "environment must be lowercase letters and digits, starting with a letter (environment-name-charset)."
  }
  validation {
    condition     = length(var.environment) <= 10
    error_message = "environment may have at most 10 characters (environment-name-length)."
  }
}

variable "production" {
  description = "Whether this is the production environment (URL {app}.{domain} instead of {env}-{app}.{domain}). Default: environment == \"prod\"."
  type        = bool
  default     = null
}

variable "region" {
  description = "AWS region of both accounts' resources."
  type        = string

  validation {
    condition     = can(regex("^[a-z]{2}(-gov)?-[a-z]+-[0-9]$", var.region))
    error_message = "region must be an AWS region such as us-east-1."
  }
}

variable "deployments_account_id" {
  description = "Account that runs CodePipeline and CodeBuild for this environment."
  type        = string

  validation {
    condition     = can(regex("^[0-9]{12}$", var.deployments_account_id))
    error_message = "deployments_account_id must be a 12-digit AWS account id."
  }
}

variable "workloads_account_id" {
  description = "Account that holds ECR, the Lambda function and the ALB."
  type        = string

  validation {
    condition     = can(regex("^[0-9]{12}$", var.workloads_account_id))
    error_message = "workloads_account_id must be a 12-digit AWS account id."
  }
}

variable "deployments_role_name" {
  description = "Role Terraform assumes in the deployments account (used when deployments_role_arn is null)."
  type        = string
  default     = "lambda-paved-road-provisioner"
}

variable "deployments_role_arn" {
  description = "Role Terraform assumes in the deployments account. Default: arn:aws:iam::{deployments_account_id}:role/{deployments_role_name}."
  type        = string
  default     = null

  validation {
    condition     = var.deployments_role_arn == null || can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$", coalesce(var.deployments_role_arn, "x")))
    error_message = "deployments_role_arn must be an IAM role ARN (arn:aws:iam::<12 digits>:role/<name>)."
  }
}

variable "workloads_role_name" {
  description = "Role Terraform assumes in the workloads account (used when workloads_role_arn is null)."
  type        = string
  default     = "lambda-paved-road-provisioner"
}

variable "workloads_role_arn" {
  description = "Role Terraform assumes in the workloads account. Default: arn:aws:iam::{workloads_account_id}:role/{workloads_role_name}."
  type        = string
  default     = null

  validation {
    condition     = var.workloads_role_arn == null || can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$", coalesce(var.workloads_role_arn, "x")))
    error_message = "workloads_role_arn must be an IAM role ARN (arn:aws:iam::<12 digits>:role/<name>)."
  }
}

variable "branch" {
  description = "The git branch whose pushes deploy to this environment (dev, test, stage, main)."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9._/-]+$", var.branch)) && !startswith(var.branch, "/") && !endswith(var.branch, "/")
    error_message = "branch must be a git branch name (letters, digits, '.', '_', '-', '/')."
  }
}

variable "repository" {
  description = "Source repository as owner/name."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$", var.repository))
    error_message = "repository must be owner/name."
  }
}

variable "connection_arn" {
  description = "CodeConnections connection (in the deployments account) to the git host."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:(codeconnections|codestar-connections):[a-z0-9-]+:[0-9]{12}:connection/.+$", var.connection_arn))
    error_message = "connection_arn must be a CodeConnections connection ARN (arn:aws:codeconnections:<region>:<account>:connection/<id>)."
  }
}

variable "domain" {
  description = "DNS domain of the environment; the app's host name is {env}-{app}.{domain} ({app}.{domain} in production). Required for external apps."
  type        = string
  default     = null

  validation {
    condition     = var.domain == null || can(regex("^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$", coalesce(var.domain, "-")))
    error_message = "domain must be a lowercase DNS name such as example.com (domain-format)."
  }
  validation {
    condition     = var.exposure == "internal" || var.domain != null
    error_message = "domain is required when exposure is external."
  }
}

variable "exposure" {
  description = "internal (no load balancer) or external (HTTPS ALB behind Cloudflare)."
  type        = string
  default     = "internal"

  validation {
    condition     = contains(["internal", "external"], var.exposure)
    error_message = "exposure must be internal or external."
  }
}

variable "image_uri" {
  description = "Initial (placeholder) ECR image of the function; the pipeline deploys the real ones."
  type        = string

  validation {
    condition     = can(regex("^[0-9]{12}\\.dkr\\.ecr\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?/[a-z0-9._/-]+(:[A-Za-z0-9._-]+|@sha256:[a-f0-9]{64})$", var.image_uri))
    error_message = "image_uri must be an ECR image URI: <account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag> or @sha256:<digest> (Lambda only runs images from ECR)."
  }
}

variable "architecture" {
  description = "arm64 (default) or x86_64."
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
  description = "Reserved concurrent executions; null = unreserved."
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
  description = "Retention of the function's and the builds' log groups, in days."
  type        = number
  default     = 30
}

variable "certificate_arn" {
  description = "ACM certificate (in the workloads account) for the HTTPS listener, e.g. a wildcard for the domain. Null: one is requested for the host name (DNS validation; see the certificate_validation_records output)."
  type        = string
  default     = null
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
  description = "Public subnets of the ALB in at least two availability zones (external apps)."
  type        = list(string)
  default     = []

  validation {
    condition     = var.exposure == "internal" || (length(var.subnet_ids) >= 2 && alltrue([for s in var.subnet_ids : can(regex("^subnet-[0-9a-f]+$", s))]))
    error_message = "subnet_ids must list at least two subnets (subnet-...) in different availability zones when exposure is external (an ALB needs two)."
  }
}

variable "cloudflare_ipv4_cidrs" {
  description = "Cloudflare's IPv4 ranges, the only sources the ALB admits. Null: the workload module's default (the list as of 2026-12-04)."
  type        = list(string)
  default     = null
}

variable "cloudflare_ipv6_cidrs" {
  description = "Cloudflare's IPv6 ranges. Null: the workload module's default."
  type        = list(string)
  default     = null
}

variable "force_destroy" {
  description = "Let terraform destroy delete a non-empty ECR repository and artifact bucket (handy for throw-away environments)."
  type        = bool
  default     = false
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
}
